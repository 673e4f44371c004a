/*
 * stream_cache.h — what the first read of vn_corpus_stream learns, kept
 * between runs in the index folder as DB/stream.cache.
 *
 * Every streamed command (outdated, instruments, cites, citations, graph,
 * lint) first reads the whole index only to fill the resolver's table of
 * dated symbols (indexer/resolve.h) and to learn which file each document
 * is: about half of its time.  Both change only when the index, the
 * registry or the program does, which is what the cache's key names
 * (cache_file.h), so a later command reads them from here and goes
 * straight to the reads that resolve and visit the documents.  A stale or
 * damaged cache is just not used: the stream reads the index and writes a
 * fresh one.
 *
 * Records (docs/INDEX.md has the table): per united symbol 4 u32 (symbol,
 * year, month, day), per written count 6 u32 (symbol, type word, year,
 * month, day, count), per document of the index in index order 1 u32 (its
 * file).
 */
#ifndef VN_STREAM_CACHE_H
#define VN_STREAM_CACHE_H

#include <stddef.h>

#include "../common/buf.h"
#include "../common/status.h"
#include "../indexer/resolve.h"

typedef struct vn_stream_cache {
    vn_resolve_row *united, *written;   /* as vn_resolve_table_restore takes them */
    size_t united_count, written_count;
    const char **files;     /* per document, in index order */
    size_t file_count;
    char *storage;          /* the bytes the strings point into (read), or NULL */
} vn_stream_cache;

/* Where the cache of the index at db_path lives (malloc'd), or NULL when
 * db_path is not a folder. */
char *vn_stream_cache_path(const char *db_path);

/* The cache file's bytes for finished table t and the documents' files
 * (index order) under `key`.  VN_ERR_USAGE when a count does not fit. */
vn_status vn_stream_cache_image(const char *key, const vn_resolve_table *t,
                                const char *const *files, size_t file_count, vn_buf *out,
                                vn_error *err);

/* Reads an image; the strings point into data, which must outlive out.
 * VN_ERR_NOTFOUND when written under another key (stale); VN_ERR_PARSE
 * when damaged in any way: cut short, a bad checksum, an offset out of
 * range, a date that is not one, text that is not UTF-8. */
vn_status vn_stream_cache_parse(const void *data, size_t len, const char *key,
                                vn_stream_cache *out, vn_error *err);

/* The file at path, parsed; out owns the bytes.  VN_ERR_NOTFOUND also when
 * there is no file. */
vn_status vn_stream_cache_read(const char *path, const char *key, vn_stream_cache *out,
                               vn_error *err);

/* Writes the image beside path and renames it over path. */
vn_status vn_stream_cache_write(const char *path, const char *key, const vn_resolve_table *t,
                                const char *const *files, size_t file_count, vn_error *err);

void vn_stream_cache_free(vn_stream_cache *c);

#endif
