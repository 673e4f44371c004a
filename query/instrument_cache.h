/*
 * instrument_cache.h — the instrument table (`vncite instruments`) kept
 * between runs in the index folder, as DB/instruments.cache.
 *
 * Building the table streams the whole index twice (14 s at 100k plans);
 * the table itself changes only when the index, the registry or the
 * program does, which is what the cache's key names (cache_file.h).  A
 * stale or damaged cache is just not used: the command builds the table
 * and writes a fresh one.
 *
 * Records (docs/INDEX.md has the table): per instrument 17 u32 — id,
 * symbol, label, type word, issuer, candidates (string offsets; candidates
 * 0xFFFFFFFF when none), issued (first y/m/d, last y/m/d, precision),
 * registry index (0xFFFFFFFF: not in the registry), state, citing
 * documents, mentions.
 */
#ifndef VN_INSTRUMENT_CACHE_H
#define VN_INSTRUMENT_CACHE_H

#include <stddef.h>

#include "../common/buf.h"
#include "../common/registry.h"
#include "../common/status.h"
#include "corpus.h"

/* Where the cache of the index at db_path lives (malloc'd), or NULL when
 * db_path is not a folder. */
char *vn_instrument_cache_path(const char *db_path);

/* The cache file's bytes for c's instrument table under `key`.
 * VN_ERR_USAGE when a count does not fit the format: keep no cache. */
vn_status vn_instrument_cache_image(const char *key, const vn_corpus *c, vn_buf *out,
                                    vn_error *err);

/*
 * Reads an image into out, an instrument table without documents (as
 * VN_CORPUS_INSTRUMENTS_ONLY gives) whose strings point into data, which
 * must outlive it; out->registry is `registry`.  VN_ERR_NOTFOUND when it
 * was written under another key (stale); VN_ERR_PARSE when it is damaged
 * in any way: cut short, a bad checksum, an offset out of range, a
 * registry index beyond `registry`, a date that is not one, an unknown
 * state, ids not in strictly ascending order, text that is not UTF-8.
 */
vn_status vn_instrument_cache_parse(const void *data, size_t len, const char *key,
                                    const vn_registry *registry, vn_corpus *out,
                                    vn_error *err);

/* The file at path, parsed; out owns the bytes.  VN_ERR_NOTFOUND also
 * when there is no file. */
vn_status vn_instrument_cache_read(const char *path, const char *key,
                                   const vn_registry *registry, vn_corpus *out, vn_error *err);

/* Writes the image to a temporary file beside path and renames it over
 * path, so a reader sees the old cache or the new one, never half. */
vn_status vn_instrument_cache_write(const char *path, const char *key, const vn_corpus *c,
                                    vn_error *err);

#endif
