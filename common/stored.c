/* stored.c — a document's stored record (see stored.h). */
#include "stored.h"

#include <limits.h>
#include <string.h>
#include <zlib.h>

/* zlib's default level: 16 % smaller than level 1 for 40 us more a record.
 * Compressing costs about 0.2 ms a document, 5 % of indexing it, and Xapian
 * then writes a sixth of the bytes: indexing got faster overall. */
#define STORED_LEVEL 6

vn_status vn_stored_pack(const char *document, size_t document_len, const char *citations,
                         size_t citations_len, vn_buf *out, vn_error *err)
{
    if (citations_len > UINT_MAX)
        return vn_error_set(err, VN_ERR_NOMEM, "citation records too large to store");
    uLong bound = compressBound((uLong)citations_len);
    if (vn_buf_reserve(out, document_len + 1 + bound) != VN_OK)
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory");
    memcpy(out->data + out->len, document, document_len);
    out->len += document_len;
    out->data[out->len++] = '\0';
    uLongf zlen = bound;
    if (compress2((Bytef *)out->data + out->len, &zlen, (const Bytef *)citations,
                  (uLong)citations_len, STORED_LEVEL) != Z_OK)
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory while compressing citations");
    out->len += zlen;
    out->data[out->len] = '\0';
    return VN_OK;
}

bool vn_stored_document(const char *data, size_t len, const char **document,
                        size_t *document_len)
{
    const char *nul = data ? memchr(data, '\0', len) : NULL;
    if (!nul)
        return false;
    *document = data;
    *document_len = (size_t)(nul - data);
    return true;
}

vn_status vn_stored_citations(const char *data, size_t len, vn_buf *out, vn_error *err)
{
    const char *doc;
    size_t doc_len;
    out->len = 0;
    if (!vn_stored_document(data, len, &doc, &doc_len))
        return vn_error_set(err, VN_ERR_INDEX, "no citation records");
    size_t zlen = len - doc_len - 1;
    if (zlen > UINT_MAX)
        return vn_error_set(err, VN_ERR_INDEX, "citation records too large");
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit(&z) != Z_OK)
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory");
    z.next_in = (Bytef *)(data + doc_len + 1);
    z.avail_in = (uInt)zlen;
    int zs = Z_OK;
    size_t want = zlen * 4 + 64;   /* the citation part inflates about 3-fold */
    while (zs == Z_OK) {
        if (out->cap - out->len < 2 && vn_buf_reserve(out, want) != VN_OK) {
            inflateEnd(&z);
            return vn_error_set(err, VN_ERR_NOMEM, "out of memory");
        }
        size_t room = out->cap - out->len - 1;   /* keep the NUL's byte */
        z.next_out = (Bytef *)out->data + out->len;
        z.avail_out = room > UINT_MAX ? UINT_MAX : (uInt)room;
        uInt before = z.avail_out;
        zs = inflate(&z, Z_NO_FLUSH);
        out->len += before - z.avail_out;
        want = out->len;   /* double when it fills */
        if (zs == Z_BUF_ERROR && z.avail_out == 0)
            zs = Z_OK;     /* only out of room */
    }
    inflateEnd(&z);
    out->data[out->len] = '\0';
    if (zs != Z_STREAM_END || z.avail_in != 0)
        return vn_error_set(err, VN_ERR_INDEX, "citation records are corrupt (zlib: %s)",
                            z.msg                ? z.msg
                            : zs == Z_STREAM_END ? "trailing bytes"
                                                 : "truncated or invalid");
    return VN_OK;
}
