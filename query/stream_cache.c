/*
 * stream_cache.c — see stream_cache.h; the framing is cache_file.c's.
 */
#include "stream_cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cache_file.h"

#define MAGIC "VNSTRMC2"
#define WHAT "stream cache"
enum { UNITED_FIELDS = 6, WRITTEN_FIELDS = 8, FILE_FIELDS = 1 };

char *vn_stream_cache_path(const char *db_path)
{
    return vn_cache_path(db_path, "stream.cache");
}

/* ---- writing -------------------------------------------------------------------------- */

static vn_status put_row(vn_buf *b, vn_cache_strings *t, const vn_resolve_row *r)
{
    uint32_t v[WRITTEN_FIELDS];
    size_t n = 0;
    vn_status st = vn_cache_string(t, r->symbol, &v[n++]);
    if (st == VN_OK && r->type_word)
        st = vn_cache_string(t, r->type_word, &v[n++]);
    v[n++] = (uint32_t)r->date.year;
    v[n++] = (uint32_t)r->date.month;
    v[n++] = (uint32_t)r->date.day;
    if (r->type_word) {
        if (r->count > UINT32_MAX)
            return VN_ERR_USAGE;
        v[n++] = (uint32_t)r->count;
    }
    v[n++] = (uint32_t)(r->provinces & UINT32_MAX);
    v[n++] = (uint32_t)(r->provinces >> 32);
    return st == VN_OK ? vn_cache_put_fields(b, v, n) : st;
}

/* The cache of t and files: into image, or (image NULL) into the file at path. */
static vn_status make(const char *key, const vn_resolve_table *t, const char *const *files,
                      size_t file_count, vn_buf *image, const char *path, vn_error *err)
{
    vn_cache_strings strings = VN_CACHE_STRINGS_INIT;
    vn_buf records = VN_BUF_INIT;
    vn_status st = VN_OK;
    size_t united = vn_resolve_table_united_count(t), written = vn_resolve_table_written_count(t);
    for (size_t i = 0; st == VN_OK && i < united; i++) {
        vn_resolve_row r = vn_resolve_table_united_at(t, i);
        st = put_row(&records, &strings, &r);
    }
    for (size_t i = 0; st == VN_OK && i < written; i++) {
        vn_resolve_row r = vn_resolve_table_written_at(t, i);
        st = put_row(&records, &strings, &r);
    }
    for (size_t i = 0; st == VN_OK && i < file_count; i++) {
        uint32_t file;
        st = vn_cache_string(&strings, files[i], &file);
        if (st == VN_OK)
            st = vn_cache_put_fields(&records, &file, FILE_FIELDS);
    }
    const uint64_t counts[3] = {united, written, file_count};
    st = vn_cache_emit(st, MAGIC, WHAT, key, counts, 3, &records, &strings, image, path, err);
    vn_cache_strings_free(&strings);
    vn_buf_free(&records);
    return st;
}

vn_status vn_stream_cache_image(const char *key, const vn_resolve_table *t,
                                const char *const *files, size_t file_count, vn_buf *out,
                                vn_error *err)
{
    return make(key, t, files, file_count, out, NULL, err);
}

vn_status vn_stream_cache_write(const char *path, const char *key, const vn_resolve_table *t,
                                const char *const *files, size_t file_count, vn_error *err)
{
    return make(key, t, files, file_count, NULL, path, err);
}

/* ---- reading -------------------------------------------------------------------------- */

/* A row of `fields` fields (UNITED_FIELDS or WRITTEN_FIELDS): its strings,
 * its date, the written count, the provinces as two halves. */
static vn_status read_row(vn_cache_view *v, size_t fields, vn_resolve_row *out, vn_error *err)
{
    uint32_t f[WRITTEN_FIELDS];
    for (size_t i = 0; i < fields; i++)
        if (!vn_cache_get32(&v->records, &f[i]))
            return vn_cache_damaged(v, err, "cut short");
    bool written = fields == WRITTEN_FIELDS;
    const uint32_t *d = f + (written ? 2 : 1);
    if (!vn_cache_string_at(v, f[0]) || (written && !vn_cache_string_at(v, f[1])))
        return vn_cache_damaged(v, err, "a text out of range");
    vn_date date = {(int)d[0], (int)d[1], (int)d[2]};
    if (d[0] > 9999 || !vn_date_valid(date))
        return vn_cache_damaged(v, err, "a date that is not one");
    unsigned long long provinces = f[fields - 2] | (unsigned long long)f[fields - 1] << 32;
    *out = (vn_resolve_row){v->strings + f[0], written ? v->strings + f[1] : NULL, date,
                            written ? f[5] : 0, provinces};
    return VN_OK;
}

vn_status vn_stream_cache_parse(const void *data, size_t len, const char *key,
                                vn_stream_cache *out, vn_error *err)
{
    memset(out, 0, sizeof *out);
    static const size_t record_bytes[3] = {4 * UNITED_FIELDS, 4 * WRITTEN_FIELDS,
                                           4 * FILE_FIELDS};
    vn_cache_view v;
    vn_status st = vn_cache_open(data, len, MAGIC, WHAT, key, record_bytes, 3, &v, err);
    if (st != VN_OK)
        return st;
    size_t united = v.counts[0], written = v.counts[1], files = v.counts[2];
    out->united = malloc((united ? united : 1) * sizeof *out->united);
    out->written = malloc((written ? written : 1) * sizeof *out->written);
    out->files = malloc((files ? files : 1) * sizeof *out->files);
    if (!out->united || !out->written || !out->files)
        st = vn_error_set(err, VN_ERR_NOMEM, "out of memory reading the stream cache");
    for (size_t i = 0; st == VN_OK && i < united; i++)
        st = read_row(&v, UNITED_FIELDS, &out->united[i], err);
    for (size_t i = 0; st == VN_OK && i < written; i++)
        st = read_row(&v, WRITTEN_FIELDS, &out->written[i], err);
    for (size_t i = 0; st == VN_OK && i < files; i++) {
        uint32_t file;
        if (!vn_cache_get32(&v.records, &file))
            st = vn_cache_damaged(&v, err, "cut short");
        else if (!vn_cache_string_at(&v, file))
            st = vn_cache_damaged(&v, err, "a file name out of range");
        else
            out->files[i] = v.strings + file;
    }
    if (st != VN_OK) {
        vn_stream_cache_free(out);
        return st;
    }
    out->united_count = united;
    out->written_count = written;
    out->file_count = files;
    return VN_OK;
}

vn_status vn_stream_cache_read(const char *path, const char *key, vn_stream_cache *out,
                               vn_error *err)
{
    memset(out, 0, sizeof *out);
    char *data;
    size_t len;
    vn_status st = vn_cache_load(path, &data, &len, err);
    if (st == VN_OK)
        st = vn_stream_cache_parse(data, len, key, out, err);
    if (st != VN_OK) {
        free(data);
        return st;
    }
    out->storage = data;
    return VN_OK;
}

void vn_stream_cache_free(vn_stream_cache *c)
{
    free(c->united);
    free(c->written);
    free(c->files);
    free(c->storage);
    memset(c, 0, sizeof *c);
}
