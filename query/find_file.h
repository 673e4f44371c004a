/*
 * find_file.h — finding a document by the path a user typed, one rule for
 * every table of documents (the corpus, the outdated report's input).
 */
#ifndef VN_FIND_FILE_H
#define VN_FIND_FILE_H

#include <stddef.h>

/*
 * Index of the item whose file is `file`, or -1.  `items` is an array of
 * `count` structs of `stride` bytes, sorted by file (strcmp), each starting
 * with its `const char *file`.  Tried in turn: the path as indexed ("./"
 * stripped), the same file under another spelling (absolute, "../x"), and a
 * bare file name when exactly one indexed path ends in it.
 */
long vn_find_file(const char *file, const void *items, size_t count, size_t stride);

#endif
