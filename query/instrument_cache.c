/*
 * instrument_cache.c — see instrument_cache.h; the framing is cache_file.c's.
 */
#include "instrument_cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../common/arena.h"
#include "cache_file.h"

#define MAGIC "VNINSTC1"
#define WHAT "instrument cache"
#define NONE UINT32_MAX
enum { FIELDS = 17 };

char *vn_instrument_cache_path(const char *db_path)
{
    return vn_cache_path(db_path, "instruments.cache");
}

/* ---- writing -------------------------------------------------------------------------- */

static vn_status put_instrument(vn_buf *b, vn_cache_strings *t, const vn_corpus_instrument *in)
{
    if (in->citing_docs > UINT32_MAX || in->mentions > UINT32_MAX ||
        (in->registry >= 0 && (unsigned long)in->registry >= NONE))
        return VN_ERR_USAGE;
    uint32_t v[FIELDS];
    const char *strings[5] = {in->id, in->symbol, in->label, in->type_word, in->issuer};
    vn_status st = VN_OK;
    for (size_t i = 0; st == VN_OK && i < 5; i++)
        st = vn_cache_string(t, strings[i], &v[i]);
    v[5] = NONE;
    if (st == VN_OK && in->candidates)
        st = vn_cache_string(t, in->candidates, &v[5]);
    vn_cache_range_fields(&in->issued, v + 6);
    v[13] = in->registry >= 0 ? (uint32_t)in->registry : NONE;
    v[14] = (uint32_t)in->state;
    v[15] = (uint32_t)in->citing_docs;
    v[16] = (uint32_t)in->mentions;
    return st == VN_OK ? vn_cache_put_fields(b, v, FIELDS) : st;
}

/* The cache of c's table: into image, or (image NULL) into the file at path. */
static vn_status make(const char *key, const vn_corpus *c, vn_buf *image, const char *path,
                      vn_error *err)
{
    vn_cache_strings t = VN_CACHE_STRINGS_INIT;
    vn_buf records = VN_BUF_INIT;
    vn_status st = VN_OK;
    for (size_t i = 0; st == VN_OK && i < c->instrument_count; i++)
        st = put_instrument(&records, &t, &c->instruments[i]);
    const uint64_t counts[1] = {c->instrument_count};
    st = vn_cache_emit(st, MAGIC, WHAT, key, counts, 1, &records, &t, image, path, err);
    vn_cache_strings_free(&t);
    vn_buf_free(&records);
    return st;
}

vn_status vn_instrument_cache_image(const char *key, const vn_corpus *c, vn_buf *out,
                                    vn_error *err)
{
    return make(key, c, out, NULL, err);
}

vn_status vn_instrument_cache_write(const char *path, const char *key, const vn_corpus *c,
                                    vn_error *err)
{
    return make(key, c, NULL, path, err);
}

/* ---- reading -------------------------------------------------------------------------- */

static vn_status read_instrument(vn_cache_view *v, const vn_registry *registry,
                                 vn_corpus_instrument *in, const vn_corpus_instrument *before,
                                 vn_error *err)
{
    uint32_t f[FIELDS];
    for (size_t i = 0; i < FIELDS; i++)
        if (!vn_cache_get32(&v->records, &f[i]))
            return vn_cache_damaged(v, err, "cut short");
    for (size_t i = 0; i < 5; i++)
        if (!vn_cache_string_at(v, f[i]))
            return vn_cache_damaged(v, err, "a text out of range");
    if (f[5] != NONE && !vn_cache_string_at(v, f[5]))
        return vn_cache_damaged(v, err, "a text out of range");
    if (!vn_cache_range(f + 6, &in->issued))
        return vn_cache_damaged(v, err, "a date that is not one");
    size_t known = registry ? registry->instrument_count : 0;
    if (f[13] != NONE && f[13] >= known)
        return vn_cache_damaged(v, err, "an instrument the registry does not have");
    if (f[14] > VN_INST_AMBIGUOUS)
        return vn_cache_damaged(v, err, "an instrument state that is none");
    in->id = v->strings + f[0];
    in->symbol = v->strings + f[1];
    in->label = v->strings + f[2];
    in->type_word = v->strings + f[3];
    in->issuer = v->strings + f[4];
    in->candidates = f[5] == NONE ? NULL : v->strings + f[5];
    in->registry = f[13] == NONE ? -1 : (long)f[13];
    in->state = (vn_instrument_state)f[14];
    in->citing_docs = f[15];
    in->mentions = f[16];
    /* vn_corpus_find_instrument searches the ids */
    if (before && strcmp(before->id, in->id) >= 0)
        return vn_cache_damaged(v, err, "instruments out of order");
    return VN_OK;
}

vn_status vn_instrument_cache_parse(const void *data, size_t len, const char *key,
                                    const vn_registry *registry, vn_corpus *out,
                                    vn_error *err)
{
    memset(out, 0, sizeof *out);
    static const size_t record_bytes[1] = {4 * FIELDS};
    vn_cache_view v;
    vn_status st = vn_cache_open(data, len, MAGIC, WHAT, key, record_bytes, 1, &v, err);
    if (st != VN_OK)
        return st;
    size_t n = v.counts[0];
    out->instruments = calloc(n ? n : 1, sizeof *out->instruments);
    if (!out->instruments)
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory reading the instrument cache");
    out->registry = registry;
    for (size_t i = 0; st == VN_OK && i < n; i++)
        st = read_instrument(&v, registry, &out->instruments[i],
                             i ? &out->instruments[i - 1] : NULL, err);
    if (st != VN_OK) {
        vn_corpus_free(out);
        return st;
    }
    out->instrument_count = n;
    return VN_OK;
}

vn_status vn_instrument_cache_read(const char *path, const char *key,
                                   const vn_registry *registry, vn_corpus *out, vn_error *err)
{
    memset(out, 0, sizeof *out);
    char *data;
    size_t len;
    vn_status st = vn_cache_load(path, &data, &len, err);
    if (st == VN_OK)
        st = vn_instrument_cache_parse(data, len, key, registry, out, err);
    if (st != VN_OK) {
        free(data);
        return st;
    }
    /* the table's strings point into the file's bytes: the corpus keeps them */
    out->storage = data;
    return VN_OK;
}
