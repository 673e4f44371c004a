/*
 * cache_file.h — derived data kept in the index folder between runs
 * (DB/outdated.cache, DB/instruments.cache): the key a cache must carry,
 * and the framing and checks every such file shares.
 *
 * A cache is an image of little-endian records:
 *   MAGIC (8 bytes), u32 key length, the key,
 *   one u64 count per kind of record, u64 string bytes,
 *   the records (fixed size per kind, kinds in order),
 *   the strings (each NUL-terminated, each once; records hold offsets),
 *   u64 FNV-1a of everything before it.
 * The key names the program file, the registry's content and every
 * shard's uuid and revision (vn_xdb_state), so any commit, registry edit
 * or new build makes a cache stale; a stale or damaged cache is just not
 * used, and the command rebuilds it.
 */
#ifndef VN_CACHE_FILE_H
#define VN_CACHE_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../common/buf.h"
#include "../common/intern.h"
#include "../common/registry.h"
#include "../common/status.h"

#define VN_CACHE_MAGIC_LEN 8
enum { VN_CACHE_MAX_KINDS = 4 };

/* The key a cache for this index and registry must carry (*key malloc'd).
 * VN_ERR_NOTFOUND when the index's state cannot be known (a remote shard)
 * or the program's file cannot be told: then no cache is kept. */
vn_status vn_cache_key(const char *db_path, const vn_registry *reg, char **key, vn_error *err);

/* db_path/name (malloc'd), or NULL when db_path is not a folder. */
char *vn_cache_path(const char *db_path, const char *name);

/* ---- writing ---- */

/* The strings of an image, each once. */
typedef struct vn_cache_strings {
    vn_intern ids;
    uint32_t *offsets;      /* offsets[id]: where string id starts in block */
    size_t cap;
    vn_buf block;
} vn_cache_strings;

#define VN_CACHE_STRINGS_INIT {VN_INTERN_INIT, NULL, 0, VN_BUF_INIT}

/* The offset of s in t's block (added when new).  VN_ERR_NOMEM, or
 * VN_ERR_USAGE when the block would pass 4 GiB. */
vn_status vn_cache_string(vn_cache_strings *t, const char *s, uint32_t *out);
void vn_cache_strings_free(vn_cache_strings *t);

/* n u32 fields onto a record. */
vn_status vn_cache_put_fields(vn_buf *records, const uint32_t *v, size_t n);

/* Whether v fits a u32 field. */
bool vn_cache_fits(long v);

/*
 * The cache of `records` and `t`: magic, key, counts[0..kinds), the string
 * bytes, records, strings, checksum.  Into *image, or (image NULL) into a
 * temporary file beside path, part after part (the image is never whole in
 * memory), renamed over path, so a reader sees the old cache or the new
 * one, never half.  `built` is how making the records went: VN_ERR_USAGE
 * (a number that does not fit) or VN_ERR_NOMEM are reported as such, with
 * `what` ("outdated cache") in the message; err is set on every failure.
 */
vn_status vn_cache_emit(vn_status built, const char *magic, const char *what, const char *key,
                        const uint64_t *counts, size_t kinds, const vn_buf *records,
                        const vn_cache_strings *t, vn_buf *image, const char *path,
                        vn_error *err);

/* ---- reading ---- */

typedef struct vn_cache_reader {
    const unsigned char *p, *end;
} vn_cache_reader;

/* The next u32; false when the records are cut short. */
bool vn_cache_get32(vn_cache_reader *r, uint32_t *v);

/* An image whose frame checked out. */
typedef struct vn_cache_view {
    uint64_t counts[VN_CACHE_MAX_KINDS];
    vn_cache_reader records;    /* the records, kind after kind */
    const char *strings;        /* NUL-terminated, valid UTF-8 */
    uint64_t strings_len;
    const char *what;           /* "outdated cache": for messages */
} vn_cache_view;

/*
 * Checks an image's frame: magic, key (VN_ERR_NOTFOUND "WHAT is stale"
 * when another), checksum, counts × record_bytes[kind] and the string
 * bytes adding up to the size, the strings terminated and UTF-8.
 * VN_ERR_PARSE "WHAT damaged: …" otherwise.  `kinds` <= VN_CACHE_MAX_KINDS.
 */
vn_status vn_cache_open(const void *data, size_t len, const char *magic, const char *what,
                        const char *key, const size_t *record_bytes, size_t kinds,
                        vn_cache_view *out, vn_error *err);

/* Is off the start of a string of the view's block? */
bool vn_cache_string_at(const vn_cache_view *v, uint32_t off);

/* VN_ERR_PARSE "WHAT damaged: why". */
vn_status vn_cache_damaged(const vn_cache_view *v, vn_error *err, const char *why);

/* A date range as stored in 7 fields (first y/m/d, last y/m/d, precision):
 * a real, ordered range, or none at all; false otherwise. */
bool vn_cache_range(const uint32_t *v, vn_date_range *out);
void vn_cache_range_fields(const vn_date_range *r, uint32_t v[7]);

/* The file at path, whole (*data malloc'd).  VN_ERR_NOTFOUND when there is
 * none, VN_ERR_IO, VN_ERR_NOMEM. */
vn_status vn_cache_load(const char *path, char **data, size_t *len, vn_error *err);

#endif
