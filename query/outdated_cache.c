/*
 * outdated_cache.c — see outdated_cache.h.
 */
#include "outdated_cache.h"

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../common/fnv.h"
#include "../common/grow.h"
#include "../common/intern.h"
#include "../common/pending_file.h"
#include "../common/utf8.h"
#include "../common/xapian.h"

#define MAGIC "VNOUTDC1"
#define MAGIC_LEN 8
#define KEY_MAX 65536
enum { DOC_FIELDS = 11, ROW_FIELDS = 7 };

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

vn_status vn_outdated_cache_key(const char *db_path, const vn_registry *reg, char **key,
                                vn_error *err)
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

char *vn_outdated_cache_path(const char *db_path)
{
    struct stat sb;
    if (stat(db_path, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return NULL;
    size_t n = strlen(db_path) + sizeof "/outdated.cache";
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/outdated.cache", db_path);
    return p;
}

/* ---- writing -------------------------------------------------------------------------- */

/* Appends the low `bytes` bytes of v, least significant first. */
static vn_status put_le(vn_buf *b, uint64_t v, size_t bytes)
{
    unsigned char p[8];
    for (size_t i = 0; i < bytes; i++)
        p[i] = (unsigned char)(v >> (8 * i));
    return vn_buf_append(b, p, bytes);
}

static vn_status put32(vn_buf *b, uint32_t v)
{
    return put_le(b, v, 4);
}

static vn_status put64(vn_buf *b, uint64_t v)
{
    return put_le(b, v, 8);
}

static bool fits(long v)
{
    return v >= 0 && (unsigned long)v <= UINT32_MAX;
}

/* The strings, each once: offsets[id] is where string id starts in block. */
typedef struct string_table {
    vn_intern ids;
    uint32_t *offsets;
    size_t cap;
    vn_buf block;
} string_table;

static vn_status string_offset(string_table *t, const char *s, uint32_t *out)
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

/* Fixed fields, as read_records reads them back. */
static vn_status put_fields(vn_buf *b, const uint32_t *v, size_t n)
{
    vn_status st = VN_OK;
    for (size_t i = 0; st == VN_OK && i < n; i++)
        st = put32(b, v[i]);
    return st;
}

static vn_status put_doc(vn_buf *b, string_table *t, const vn_outdated_doc *d)
{
    if (d->unresolved > UINT32_MAX || d->not_in_registry > UINT32_MAX ||
        d->row_count > UINT32_MAX)
        return VN_ERR_USAGE;
    uint32_t file = 0;
    vn_status st = string_offset(t, d->file, &file);
    const vn_date_range *r = &d->date;
    const uint32_t v[DOC_FIELDS] = {file,
                                    (uint32_t)r->first.year, (uint32_t)r->first.month,
                                    (uint32_t)r->first.day,  (uint32_t)r->last.year,
                                    (uint32_t)r->last.month, (uint32_t)r->last.day,
                                    (uint32_t)r->precision,  (uint32_t)d->unresolved,
                                    (uint32_t)d->not_in_registry, (uint32_t)d->row_count};
    return st == VN_OK ? put_fields(b, v, DOC_FIELDS) : st;
}

static vn_status put_row(vn_buf *b, string_table *t, const vn_outdated_row *r)
{
    if (!fits(r->line) || !fits(r->column) || !fits(r->start) || !fits(r->end) ||
        r->registry > UINT32_MAX)
        return VN_ERR_USAGE;
    uint32_t text = 0, instrument = 0;
    vn_status st = string_offset(t, r->text, &text);
    if (st == VN_OK)
        st = string_offset(t, r->instrument, &instrument);
    const uint32_t v[ROW_FIELDS] = {(uint32_t)r->line, (uint32_t)r->column,
                                    (uint32_t)r->start, (uint32_t)r->end,
                                    text, instrument, (uint32_t)r->registry};
    return st == VN_OK ? put_fields(b, v, ROW_FIELDS) : st;
}

vn_status vn_outdated_cache_image(const char *key, const vn_outdated_input *in, vn_buf *out,
                                  vn_error *err)
{
    out->len = 0;
    size_t key_len = strlen(key);
    if (key_len > KEY_MAX)
        return vn_error_set(err, VN_ERR_USAGE, "cache key too long");
    string_table t = {VN_INTERN_INIT, NULL, 0, VN_BUF_INIT};
    vn_buf records = VN_BUF_INIT;
    vn_status st = VN_OK;
    for (size_t d = 0; st == VN_OK && d < in->doc_count; d++)
        st = put_doc(&records, &t, &in->docs[d]);
    for (size_t r = 0; st == VN_OK && r < in->row_count; r++)
        st = put_row(&records, &t, &in->rows[r]);
    if (st == VN_OK && (st = vn_buf_append(out, MAGIC, MAGIC_LEN)) == VN_OK &&
        (st = put32(out, (uint32_t)key_len)) == VN_OK &&
        (st = vn_buf_append(out, key, key_len)) == VN_OK &&
        (st = put64(out, in->doc_count)) == VN_OK && (st = put64(out, in->row_count)) == VN_OK &&
        (st = put64(out, t.block.len)) == VN_OK &&
        (st = vn_buf_append(out, records.data, records.len)) == VN_OK &&
        (st = vn_buf_append(out, t.block.data, t.block.len)) == VN_OK)
        st = put64(out, vn_fnv1a(VN_FNV_SEED, out->data, out->len));
    vn_intern_free(&t.ids);
    free(t.offsets);
    vn_buf_free(&t.block);
    vn_buf_free(&records);
    if (st == VN_ERR_USAGE)
        return vn_error_set(err, st, "a position or count does not fit the cache format");
    if (st != VN_OK)
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory writing the cache");
    return VN_OK;
}

vn_status vn_outdated_cache_write(const char *path, const char *key,
                                  const vn_outdated_input *in, vn_error *err)
{
    vn_buf image = VN_BUF_INIT;
    vn_status st = vn_outdated_cache_image(key, in, &image, err);
    vn_pending_file out = {0};
    if (st == VN_OK)
        st = vn_pending_open(&out, path, err);
    if (st == VN_OK && fwrite(image.data, 1, image.len, out.f) != image.len)
        st = vn_error_set(err, VN_ERR_IO, "%s: cannot write it: %s", path, strerror(errno));
    if (st == VN_OK && !vn_pending_close(&out, err))
        st = VN_ERR_IO;
    if (st == VN_OK)
        st = vn_pending_commit(&out, err);
    vn_pending_discard(&out);
    vn_buf_free(&image);
    return st;
}

/* ---- reading -------------------------------------------------------------------------- */

typedef struct reader {
    const unsigned char *p, *end;
} reader;

static bool get32(reader *r, uint32_t *v)
{
    if (r->end - r->p < 4)
        return false;
    *v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 |
         (uint32_t)r->p[3] << 24;
    r->p += 4;
    return true;
}

static bool get64(reader *r, uint64_t *v)
{
    uint32_t lo, hi;
    if (!get32(r, &lo) || !get32(r, &hi))
        return false;
    *v = (uint64_t)hi << 32 | lo;
    return true;
}

static vn_status damaged(vn_error *err, const char *what)
{
    return vn_error_set(err, VN_ERR_PARSE, "outdated cache damaged: %s", what);
}

/* A date range as stored: a real, ordered range, or none at all. */
static bool read_range(const uint32_t *v, vn_date_range *out)
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

/* Fields point at whole strings, so each is valid UTF-8 when the block is. */
static bool string_at(const char *strings, uint64_t strings_len, uint32_t off)
{
    return off < strings_len && (off == 0 || strings[off - 1] == '\0');
}

static vn_status read_records(reader *r, const char *strings, uint64_t strings_len,
                              size_t registry_count, vn_outdated_input *out, vn_error *err)
{
    size_t next_row = 0;
    for (size_t d = 0; d < out->doc_count; d++) {
        uint32_t v[DOC_FIELDS] = {0};
        for (size_t i = 0; i < DOC_FIELDS; i++)
            if (!get32(r, &v[i]))
                return damaged(err, "cut short");
        vn_outdated_doc *doc = &out->docs[d];
        if (!string_at(strings, strings_len, v[0]))
            return damaged(err, "a file name out of range");
        doc->file = strings + v[0];
        if (d > 0 && strcmp(out->docs[d - 1].file, doc->file) >= 0)
            return damaged(err, "files out of order");
        if (!read_range(v + 1, &doc->date))
            return damaged(err, "a date that is not one");
        doc->unresolved = v[8];
        doc->not_in_registry = v[9];
        doc->first_row = next_row;
        doc->row_count = v[10];
        if (v[10] > out->row_count - next_row)
            return damaged(err, "more rows than the file holds");
        next_row += v[10];
    }
    if (next_row != out->row_count)
        return damaged(err, "rows that belong to no document");
    for (size_t k = 0; k < out->row_count; k++) {
        uint32_t v[ROW_FIELDS] = {0};
        for (size_t i = 0; i < ROW_FIELDS; i++)
            if (!get32(r, &v[i]))
                return damaged(err, "cut short");
        if (!string_at(strings, strings_len, v[4]) || !string_at(strings, strings_len, v[5]))
            return damaged(err, "a text out of range");
        if (v[6] >= registry_count)
            return damaged(err, "an instrument the registry does not have");
        if (v[2] > v[3])
            return damaged(err, "a citation that ends before it starts");
        out->rows[k] = (vn_outdated_row){v[0], v[1], v[2], v[3], strings + v[4],
                                         strings + v[5], v[6]};
    }
    return VN_OK;
}

vn_status vn_outdated_cache_parse(const void *data, size_t len, const char *key,
                                  size_t registry_count, vn_outdated_input *out,
                                  vn_error *err)
{
    memset(out, 0, sizeof *out);
    reader r = {data, (const unsigned char *)data + len};
    uint32_t key_len;
    if (len < MAGIC_LEN + 8 || memcmp(data, MAGIC, MAGIC_LEN) != 0)
        return damaged(err, "not a vncite outdated cache");
    r.p += MAGIC_LEN;
    if (!get32(&r, &key_len) || key_len > (size_t)(r.end - r.p))
        return damaged(err, "cut short");
    if (key_len != strlen(key) || memcmp(r.p, key, key_len) != 0)
        return vn_error_set(err, VN_ERR_NOTFOUND, "outdated cache is stale");
    r.p += key_len;
    if (r.end - r.p < 8)
        return damaged(err, "cut short");
    uint64_t checksum;
    reader tail = {r.end - 8, r.end};
    get64(&tail, &checksum);
    if (vn_fnv1a(VN_FNV_SEED, data, len - 8) != checksum)
        return damaged(err, "checksum mismatch");
    r.end -= 8;
    uint64_t docs, rows, strings_len;
    if (!get64(&r, &docs) || !get64(&r, &rows) || !get64(&r, &strings_len))
        return damaged(err, "cut short");
    uint64_t left = (uint64_t)(r.end - r.p);
    /* each term is at most `left`, so neither the sum nor the difference wraps */
    if (docs > left / (4 * DOC_FIELDS) || rows > left / (4 * ROW_FIELDS) || strings_len > left ||
        docs * 4 * DOC_FIELDS + rows * 4 * ROW_FIELDS != left - strings_len)
        return damaged(err, "sizes that do not add up");
    const char *strings = (const char *)r.p + docs * 4 * DOC_FIELDS + rows * 4 * ROW_FIELDS;
    if (strings_len > 0 && strings[strings_len - 1] != '\0')
        return damaged(err, "an unterminated string");
    if (!vn_utf8_valid(strings, strings_len))
        return damaged(err, "text that is not UTF-8");
    out->doc_count = docs;
    out->row_count = rows;
    out->docs = calloc(docs ? docs : 1, sizeof *out->docs);
    out->rows = calloc(rows ? rows : 1, sizeof *out->rows);
    vn_status st = out->docs && out->rows
                       ? read_records(&r, strings, strings_len, registry_count, out, err)
                       : vn_error_set(err, VN_ERR_NOMEM, "out of memory reading the cache");
    if (st != VN_OK)
        vn_outdated_input_free(out);
    return st;
}

vn_status vn_outdated_cache_read(const char *path, const char *key, size_t registry_count,
                                 vn_outdated_input *out, vn_error *err)
{
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "rb");
    if (!f)
        return vn_error_set(err, errno == ENOENT ? VN_ERR_NOTFOUND : VN_ERR_IO, "%s: %s", path,
                            strerror(errno));
    struct stat sb;
    char *data = NULL;
    vn_status st = VN_OK;
    if (fstat(fileno(f), &sb) != 0 || sb.st_size < 0 || (uint64_t)sb.st_size > SIZE_MAX)
        st = vn_error_set(err, VN_ERR_IO, "%s: cannot tell its size", path);
    size_t len = st == VN_OK ? (size_t)sb.st_size : 0;
    if (st == VN_OK && !(data = malloc(len ? len : 1)))
        st = vn_error_set(err, VN_ERR_NOMEM, "%s: out of memory", path);
    if (st == VN_OK && fread(data, 1, len, f) != len)
        st = vn_error_set(err, VN_ERR_IO, "%s: read error", path);
    fclose(f);
    if (st == VN_OK)
        st = vn_outdated_cache_parse(data, len, key, registry_count, out, err);
    if (st != VN_OK) {
        free(data);
        return st;
    }
    out->storage = data;
    return VN_OK;
}
