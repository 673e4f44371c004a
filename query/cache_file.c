/*
 * cache_file.c — see cache_file.h.
 */
#include "cache_file.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../common/fnv.h"
#include "../common/grow.h"
#include "../common/pending_file.h"
#include "../common/utf8.h"
#include "../common/xapian.h"

#define KEY_MAX 65536

/* ---- the key ------------------------------------------------------------------------ */

/* The running program as a file: a rebuilt or reinstalled vncite may judge
 * differently, so its caches must not be trusted.  False when it cannot be
 * told (no /proc): then no cache at all, rather than one any build would read. */
static bool program_identity(char *out, size_t size)
{
    struct stat sb;
    if (stat("/proc/self/exe", &sb) != 0)
        return false;
    snprintf(out, size, "%ju:%ju:%jd:%jd.%09ld", (uintmax_t)sb.st_dev, (uintmax_t)sb.st_ino,
             (intmax_t)sb.st_size, (intmax_t)sb.st_mtim.tv_sec, (long)sb.st_mtim.tv_nsec);
    return true;
}

vn_status vn_cache_key(const char *db_path, const vn_registry *reg, char **key, vn_error *err)
{
    *key = NULL;
    char program[160];
    if (!program_identity(program, sizeof program))
        return vn_error_set(err, VN_ERR_NOTFOUND, "/proc/self/exe: %s", strerror(errno));
    char *state = NULL;
    vn_status st = vn_xdb_state(db_path, &state, err);
    if (st != VN_OK)
        return st;
    vn_buf b = VN_BUF_INIT;
    char head[256];
    snprintf(head, sizeof head, "program %s\nregistry %016" PRIx64 " %zu\nindex\n", program,
             reg ? reg->content_hash : 0, reg ? reg->instrument_count : 0);
    if (vn_buf_append(&b, head, strlen(head)) != VN_OK ||
        vn_buf_append(&b, state, strlen(state) + 1) != VN_OK)
        st = vn_error_set(err, VN_ERR_NOMEM, "out of memory");
    free(state);
    if (st == VN_OK && b.len - 1 > KEY_MAX)
        st = vn_error_set(err, VN_ERR_NOTFOUND, "%s: too many shards to key a cache on",
                          db_path);
    if (st != VN_OK) {
        vn_buf_free(&b);
        return st;
    }
    *key = b.data;
    return VN_OK;
}

char *vn_cache_path(const char *db_path, const char *name)
{
    struct stat sb;
    if (stat(db_path, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return NULL;
    size_t n = strlen(db_path) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", db_path, name);
    return p;
}

/* ---- writing -------------------------------------------------------------------------- */

/* The low `bytes` bytes of v, least significant first, into p. */
static void le_encode(unsigned char p[8], uint64_t v, size_t bytes)
{
    for (size_t i = 0; i < bytes; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

bool vn_cache_fits(long v)
{
    return v >= 0 && (unsigned long)v <= UINT32_MAX;
}

vn_status vn_cache_string(vn_cache_strings *t, const char *s, uint32_t *out)
{
    size_t known = t->ids.count, id;
    if (vn_intern_add(&t->ids, s, &id) != VN_OK)
        return VN_ERR_NOMEM;
    if (id == known) {   /* first seen: it goes at the end of the block */
        if (!vn_grow((void **)&t->offsets, &t->cap, id, sizeof *t->offsets, 1024))
            return VN_ERR_NOMEM;
        size_t len = strlen(s) + 1;
        if (t->block.len + len > UINT32_MAX)
            return VN_ERR_USAGE;
        t->offsets[id] = (uint32_t)t->block.len;
        if (vn_buf_append(&t->block, s, len) != VN_OK)
            return VN_ERR_NOMEM;
    }
    *out = t->offsets[id];
    return VN_OK;
}

void vn_cache_strings_free(vn_cache_strings *t)
{
    vn_intern_free(&t->ids);
    free(t->offsets);
    vn_buf_free(&t->block);
    t->offsets = NULL;
    t->cap = 0;
}

vn_status vn_cache_put_fields(vn_buf *records, const uint32_t *v, size_t n)
{
    vn_status st = VN_OK;
    for (size_t i = 0; st == VN_OK && i < n; i++) {
        unsigned char p[8];
        le_encode(p, v[i], 4);
        st = vn_buf_append(records, p, 4);
    }
    return st;
}

/* Where a frame goes, part after part, hashed on the way: a buffer (an
 * image) or a file (a cache written without first making its image, which
 * at 100k plans would double the memory of the run that writes it). */
typedef struct sink {
    vn_buf *buf;
    FILE *file;
    uint64_t hash;
} sink;

static vn_status sink_put(sink *s, const void *data, size_t n)
{
    s->hash = vn_fnv1a(s->hash, data, n);
    if (s->buf)
        return vn_buf_append(s->buf, data, n);
    return fwrite(data, 1, n, s->file) == n ? VN_OK : VN_ERR_IO;
}

static vn_status sink_le(sink *s, uint64_t v, size_t bytes)
{
    unsigned char p[8];
    le_encode(p, v, bytes);
    return sink_put(s, p, bytes);
}

static vn_status put_frame(sink *s, const char *magic, const char *key, const uint64_t *counts,
                           size_t kinds, const vn_buf *records, const vn_cache_strings *t)
{
    size_t key_len = strlen(key);
    if (key_len > KEY_MAX)
        return VN_ERR_USAGE;
    vn_status st = sink_put(s, magic, VN_CACHE_MAGIC_LEN);
    if (st == VN_OK)
        st = sink_le(s, key_len, 4);
    if (st == VN_OK)
        st = sink_put(s, key, key_len);
    for (size_t k = 0; st == VN_OK && k < kinds; k++)
        st = sink_le(s, counts[k], 8);
    if (st == VN_OK)
        st = sink_le(s, t->block.len, 8);
    if (st == VN_OK)
        st = sink_put(s, records->data, records->len);
    if (st == VN_OK)
        st = sink_put(s, t->block.data, t->block.len);
    if (st == VN_OK)
        st = sink_le(s, s->hash, 8);
    return st;
}

/* The frame written to a temporary file beside path, renamed over path. */
static vn_status write_frame(const char *path, const char *magic, const char *key,
                             const uint64_t *counts, size_t kinds, const vn_buf *records,
                             const vn_cache_strings *t, vn_error *err)
{
    vn_pending_file out = {0};
    vn_status st = vn_pending_open(&out, path, err);
    if (st == VN_OK) {
        sink s = {NULL, out.f, VN_FNV_SEED};
        st = put_frame(&s, magic, key, counts, kinds, records, t);
        if (st == VN_ERR_USAGE)
            vn_error_set(err, st, "%s: cache key too long", path);
        else if (st != VN_OK)
            st = vn_error_set(err, VN_ERR_IO, "%s: cannot write it: %s", path, strerror(errno));
    }
    if (st == VN_OK && !vn_pending_close(&out, err))
        st = VN_ERR_IO;
    if (st == VN_OK)
        st = vn_pending_commit(&out, err);
    vn_pending_discard(&out);
    return st;
}

vn_status vn_cache_emit(vn_status built, const char *magic, const char *what, const char *key,
                        const uint64_t *counts, size_t kinds, const vn_buf *records,
                        const vn_cache_strings *t, vn_buf *image, const char *path,
                        vn_error *err)
{
    if (built == VN_ERR_USAGE)
        return vn_error_set(err, built, "a position or count does not fit the %s's format",
                            what);
    if (built != VN_OK)
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory writing the %s", what);
    if (!image)
        return write_frame(path, magic, key, counts, kinds, records, t, err);
    image->len = 0;
    sink s = {image, NULL, VN_FNV_SEED};
    vn_status st = put_frame(&s, magic, key, counts, kinds, records, t);
    if (st == VN_ERR_USAGE)
        return vn_error_set(err, st, "%s key too long", what);
    if (st != VN_OK)
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory writing the %s", what);
    return VN_OK;
}

/* ---- reading -------------------------------------------------------------------------- */

bool vn_cache_get32(vn_cache_reader *r, uint32_t *v)
{
    if (r->end - r->p < 4)
        return false;
    *v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 |
         (uint32_t)r->p[3] << 24;
    r->p += 4;
    return true;
}

static bool get64(vn_cache_reader *r, uint64_t *v)
{
    uint32_t lo, hi;
    if (!vn_cache_get32(r, &lo) || !vn_cache_get32(r, &hi))
        return false;
    *v = (uint64_t)hi << 32 | lo;
    return true;
}

vn_status vn_cache_damaged(const vn_cache_view *v, vn_error *err, const char *why)
{
    return vn_error_set(err, VN_ERR_PARSE, "%s damaged: %s", v->what, why);
}

vn_status vn_cache_open(const void *data, size_t len, const char *magic, const char *what,
                        const char *key, const size_t *record_bytes, size_t kinds,
                        vn_cache_view *out, vn_error *err)
{
    memset(out, 0, sizeof *out);
    out->what = what;
    vn_cache_reader r = {data, (const unsigned char *)data + len};
    uint32_t key_len;
    if (kinds > VN_CACHE_MAX_KINDS || len < VN_CACHE_MAGIC_LEN + 8 ||
        memcmp(data, magic, VN_CACHE_MAGIC_LEN) != 0)
        return vn_error_set(err, VN_ERR_PARSE, "%s damaged: not a vncite %s", what, what);
    r.p += VN_CACHE_MAGIC_LEN;
    if (!vn_cache_get32(&r, &key_len) || key_len > (size_t)(r.end - r.p))
        return vn_cache_damaged(out, err, "cut short");
    if (key_len != strlen(key) || memcmp(r.p, key, key_len) != 0)
        return vn_error_set(err, VN_ERR_NOTFOUND, "%s is stale", what);
    r.p += key_len;
    if (r.end - r.p < 8)
        return vn_cache_damaged(out, err, "cut short");
    uint64_t checksum;
    vn_cache_reader tail = {r.end - 8, r.end};
    get64(&tail, &checksum);
    if (vn_fnv1a(VN_FNV_SEED, data, len - 8) != checksum)
        return vn_cache_damaged(out, err, "checksum mismatch");
    r.end -= 8;
    for (size_t k = 0; k < kinds; k++)
        if (!get64(&r, &out->counts[k]))
            return vn_cache_damaged(out, err, "cut short");
    if (!get64(&r, &out->strings_len))
        return vn_cache_damaged(out, err, "cut short");
    uint64_t left = (uint64_t)(r.end - r.p), records = 0;
    /* each term is at most `left` before it is added, so nothing wraps */
    bool fit = out->strings_len <= left;
    for (size_t k = 0; fit && k < kinds; k++) {
        fit = out->counts[k] <= (left - records) / record_bytes[k];
        records += fit ? out->counts[k] * record_bytes[k] : 0;
    }
    if (!fit || records != left - out->strings_len)
        return vn_cache_damaged(out, err, "sizes that do not add up");
    out->records = (vn_cache_reader){r.p, r.p + records};
    out->strings = (const char *)r.p + records;
    if (out->strings_len > 0 && out->strings[out->strings_len - 1] != '\0')
        return vn_cache_damaged(out, err, "an unterminated string");
    if (!vn_utf8_valid(out->strings, out->strings_len))
        return vn_cache_damaged(out, err, "text that is not UTF-8");
    return VN_OK;
}

/* Fields point at whole strings, so each is valid UTF-8 when the block is. */
bool vn_cache_string_at(const vn_cache_view *v, uint32_t off)
{
    return off < v->strings_len && (off == 0 || v->strings[off - 1] == '\0');
}

bool vn_cache_range(const uint32_t *v, vn_date_range *out)
{
    memset(out, 0, sizeof *out);
    if (v[6] > VN_DATE_DAY)
        return false;
    if (v[6] == VN_DATE_NONE)
        return true;
    for (int i = 0; i < 6; i++)
        if (v[i] > 9999)
            return false;
    out->first = (vn_date){(int)v[0], (int)v[1], (int)v[2]};
    out->last = (vn_date){(int)v[3], (int)v[4], (int)v[5]};
    out->precision = (vn_date_precision)v[6];
    return vn_date_valid(out->first) && vn_date_valid(out->last) &&
           vn_date_cmp(out->first, out->last) <= 0;
}

void vn_cache_range_fields(const vn_date_range *r, uint32_t v[7])
{
    const uint32_t f[7] = {(uint32_t)r->first.year, (uint32_t)r->first.month,
                           (uint32_t)r->first.day,  (uint32_t)r->last.year,
                           (uint32_t)r->last.month, (uint32_t)r->last.day,
                           (uint32_t)r->precision};
    memcpy(v, f, sizeof f);
}

vn_status vn_cache_load(const char *path, char **data, size_t *len, vn_error *err)
{
    *data = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return vn_error_set(err, errno == ENOENT ? VN_ERR_NOTFOUND : VN_ERR_IO, "%s: %s", path,
                            strerror(errno));
    struct stat sb;
    vn_status st = VN_OK;
    if (fstat(fileno(f), &sb) != 0 || sb.st_size < 0 || (uint64_t)sb.st_size > SIZE_MAX)
        st = vn_error_set(err, VN_ERR_IO, "%s: cannot tell its size", path);
    size_t n = st == VN_OK ? (size_t)sb.st_size : 0;
    char *bytes = NULL;
    if (st == VN_OK && !(bytes = malloc(n ? n : 1)))
        st = vn_error_set(err, VN_ERR_NOMEM, "%s: out of memory", path);
    if (st == VN_OK && fread(bytes, 1, n, f) != n)
        st = vn_error_set(err, VN_ERR_IO, "%s: read error", path);
    fclose(f);
    if (st != VN_OK) {
        free(bytes);
        return st;
    }
    *data = bytes;
    *len = n;
    return VN_OK;
}
