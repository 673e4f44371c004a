/*
 * outdated_cache.c — see outdated_cache.h; the framing is cache_file.c's.
 */
#include "outdated_cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cache_file.h"

#define MAGIC "VNOUTDC1"
#define WHAT "outdated cache"
enum { DOC_FIELDS = 11, ROW_FIELDS = 7 };

vn_status vn_outdated_cache_key(const char *db_path, const vn_registry *reg, char **key,
                                vn_error *err)
{
    return vn_cache_key(db_path, reg, key, err);
}

char *vn_outdated_cache_path(const char *db_path)
{
    return vn_cache_path(db_path, "outdated.cache");
}

/* ---- writing -------------------------------------------------------------------------- */

static vn_status put_doc(vn_buf *b, vn_cache_strings *t, const vn_outdated_doc *d)
{
    if (d->unresolved > UINT32_MAX || d->not_in_registry > UINT32_MAX ||
        d->row_count > UINT32_MAX)
        return VN_ERR_USAGE;
    uint32_t v[DOC_FIELDS];
    vn_status st = vn_cache_string(t, d->file, &v[0]);
    vn_cache_range_fields(&d->date, v + 1);
    v[8] = (uint32_t)d->unresolved;
    v[9] = (uint32_t)d->not_in_registry;
    v[10] = (uint32_t)d->row_count;
    return st == VN_OK ? vn_cache_put_fields(b, v, DOC_FIELDS) : st;
}

static vn_status put_row(vn_buf *b, vn_cache_strings *t, const vn_outdated_row *r)
{
    if (!vn_cache_fits(r->line) || !vn_cache_fits(r->column) || !vn_cache_fits(r->start) ||
        !vn_cache_fits(r->end) || r->registry > UINT32_MAX)
        return VN_ERR_USAGE;
    uint32_t text = 0, instrument = 0;
    vn_status st = vn_cache_string(t, r->text, &text);
    if (st == VN_OK)
        st = vn_cache_string(t, r->instrument, &instrument);
    const uint32_t v[ROW_FIELDS] = {(uint32_t)r->line, (uint32_t)r->column,
                                    (uint32_t)r->start, (uint32_t)r->end,
                                    text, instrument, (uint32_t)r->registry};
    return st == VN_OK ? vn_cache_put_fields(b, v, ROW_FIELDS) : st;
}

/* The cache of in: into image, or (image NULL) into the file at path. */
static vn_status make(const char *key, const vn_outdated_input *in, vn_buf *image,
                      const char *path, vn_error *err)
{
    vn_cache_strings t = VN_CACHE_STRINGS_INIT;
    vn_buf records = VN_BUF_INIT;
    vn_status st = VN_OK;
    for (size_t d = 0; st == VN_OK && d < in->doc_count; d++)
        st = put_doc(&records, &t, &in->docs[d]);
    for (size_t r = 0; st == VN_OK && r < in->row_count; r++)
        st = put_row(&records, &t, &in->rows[r]);
    const uint64_t counts[2] = {in->doc_count, in->row_count};
    st = vn_cache_emit(st, MAGIC, WHAT, key, counts, 2, &records, &t, image, path, err);
    vn_cache_strings_free(&t);
    vn_buf_free(&records);
    return st;
}

vn_status vn_outdated_cache_image(const char *key, const vn_outdated_input *in, vn_buf *out,
                                  vn_error *err)
{
    return make(key, in, out, NULL, err);
}

vn_status vn_outdated_cache_write(const char *path, const char *key,
                                  const vn_outdated_input *in, vn_error *err)
{
    return make(key, in, NULL, path, err);
}

/* ---- reading -------------------------------------------------------------------------- */

static vn_status read_records(vn_cache_view *v, size_t registry_count, vn_outdated_input *out,
                              vn_error *err)
{
    vn_cache_reader *r = &v->records;
    size_t next_row = 0;
    for (size_t d = 0; d < out->doc_count; d++) {
        uint32_t f[DOC_FIELDS] = {0};
        for (size_t i = 0; i < DOC_FIELDS; i++)
            if (!vn_cache_get32(r, &f[i]))
                return vn_cache_damaged(v, err, "cut short");
        vn_outdated_doc *doc = &out->docs[d];
        if (!vn_cache_string_at(v, f[0]))
            return vn_cache_damaged(v, err, "a file name out of range");
        doc->file = v->strings + f[0];
        if (d > 0 && strcmp(out->docs[d - 1].file, doc->file) >= 0)
            return vn_cache_damaged(v, err, "files out of order");
        if (!vn_cache_range(f + 1, &doc->date))
            return vn_cache_damaged(v, err, "a date that is not one");
        doc->unresolved = f[8];
        doc->not_in_registry = f[9];
        doc->first_row = next_row;
        doc->row_count = f[10];
        if (f[10] > out->row_count - next_row)
            return vn_cache_damaged(v, err, "more rows than the file holds");
        next_row += f[10];
    }
    if (next_row != out->row_count)
        return vn_cache_damaged(v, err, "rows that belong to no document");
    for (size_t k = 0; k < out->row_count; k++) {
        uint32_t f[ROW_FIELDS] = {0};
        for (size_t i = 0; i < ROW_FIELDS; i++)
            if (!vn_cache_get32(r, &f[i]))
                return vn_cache_damaged(v, err, "cut short");
        if (!vn_cache_string_at(v, f[4]) || !vn_cache_string_at(v, f[5]))
            return vn_cache_damaged(v, err, "a text out of range");
        if (f[6] >= registry_count)
            return vn_cache_damaged(v, err, "an instrument the registry does not have");
        if (f[2] > f[3])
            return vn_cache_damaged(v, err, "a citation that ends before it starts");
        out->rows[k] = (vn_outdated_row){f[0], f[1], f[2], f[3], v->strings + f[4],
                                         v->strings + f[5], f[6]};
    }
    return VN_OK;
}

vn_status vn_outdated_cache_parse(const void *data, size_t len, const char *key,
                                  size_t registry_count, vn_outdated_input *out,
                                  vn_error *err)
{
    memset(out, 0, sizeof *out);
    static const size_t record_bytes[2] = {4 * DOC_FIELDS, 4 * ROW_FIELDS};
    vn_cache_view v;
    vn_status st = vn_cache_open(data, len, MAGIC, WHAT, key, record_bytes, 2, &v, err);
    if (st != VN_OK)
        return st;
    out->doc_count = v.counts[0];
    out->row_count = v.counts[1];
    out->docs = calloc(out->doc_count ? out->doc_count : 1, sizeof *out->docs);
    out->rows = calloc(out->row_count ? out->row_count : 1, sizeof *out->rows);
    st = out->docs && out->rows
             ? read_records(&v, registry_count, out, err)
             : vn_error_set(err, VN_ERR_NOMEM, "out of memory reading the cache");
    if (st != VN_OK)
        vn_outdated_input_free(out);
    return st;
}

vn_status vn_outdated_cache_read(const char *path, const char *key, size_t registry_count,
                                 vn_outdated_input *out, vn_error *err)
{
    memset(out, 0, sizeof *out);
    char *data;
    size_t len;
    vn_status st = vn_cache_load(path, &data, &len, err);
    if (st == VN_OK)
        st = vn_outdated_cache_parse(data, len, key, registry_count, out, err);
    if (st != VN_OK) {
        free(data);
        return st;
    }
    out->storage = data;
    return VN_OK;
}
