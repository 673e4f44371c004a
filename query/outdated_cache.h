/*
 * outdated_cache.h — the outdated report's input (outdated.h), kept between
 * runs in the index folder.
 *
 * Loading and resolving a whole corpus is most of what `vncite outdated`
 * costs (12–20 s at 100k plans); what the report needs of it is small and
 * changes only when the index, the registry or the program does.  So the
 * first run writes that input to DB/outdated.cache, and a later run whose
 * key matches reads it back instead of loading the corpus.  The key is the
 * program's file identity, the registry's content hash and every shard's
 * uuid and revision (vn_xdb_state): any commit, any registry edit and any
 * new build makes the cache stale, and a stale or damaged cache is just
 * not used (the run loads the corpus and writes a fresh one).
 *
 * File layout (little-endian; docs/INDEX.md has the table):
 *   "VNOUTDC1", u32 key length, the key,
 *   u64 documents, u64 rows, u64 string bytes,
 *   per document 11 u32 (file, first y/m/d, last y/m/d, precision,
 *     unresolved, not in registry, rows),
 *   per row 7 u32 (line, column, start, end, text, instrument, registry),
 *   the strings (each NUL-terminated; fields are offsets into them),
 *   u64 FNV-1a of everything before it.
 */
#ifndef VN_OUTDATED_CACHE_H
#define VN_OUTDATED_CACHE_H

#include <stddef.h>

#include "../common/buf.h"
#include "../common/registry.h"
#include "../common/status.h"
#include "outdated.h"

/* The key a cache for this index and registry must carry (*key malloc'd).
 * VN_ERR_NOTFOUND when the index's state cannot be known (a remote shard):
 * then no cache is kept. */
vn_status vn_outdated_cache_key(const char *db_path, const vn_registry *reg, char **key,
                                vn_error *err);

/* Where the cache of the index at db_path lives (malloc'd), or NULL when
 * db_path is not a folder. */
char *vn_outdated_cache_path(const char *db_path);

/* The cache file's bytes for `in` under `key`.  VN_ERR_USAGE when a
 * number does not fit the format (a file over 4 GiB): keep no cache. */
vn_status vn_outdated_cache_image(const char *key, const vn_outdated_input *in, vn_buf *out,
                                  vn_error *err);

/*
 * Reads an image.  The input's strings point into data, which must outlive
 * it (out->storage stays NULL).  VN_ERR_NOTFOUND when it was written under
 * another key (stale); VN_ERR_PARSE when it is damaged in any way: cut
 * short, a bad checksum, an offset or count out of range, a registry index
 * >= registry_count, a date that is not one, files out of order, text that
 * is not UTF-8.
 */
vn_status vn_outdated_cache_parse(const void *data, size_t len, const char *key,
                                  size_t registry_count, vn_outdated_input *out,
                                  vn_error *err);

/* The file at path, parsed (the input owns the bytes).  VN_ERR_NOTFOUND
 * also when there is no file. */
vn_status vn_outdated_cache_read(const char *path, const char *key, size_t registry_count,
                                 vn_outdated_input *out, vn_error *err);

/* Writes the image to a temporary file beside path and renames it over
 * path, so a reader sees the old cache or the new one, never half. */
vn_status vn_outdated_cache_write(const char *path, const char *key,
                                  const vn_outdated_input *in, vn_error *err);

#endif
