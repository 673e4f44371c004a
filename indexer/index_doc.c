/* index_doc.c — analysed document -> Xapian document (see index_doc.h). */
#include "index_doc.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../common/stored.h"
#include "docjson.h"
#include "stored_cites.h"

/* Positions left empty between title and body, so a phrase never spans them. */
#define FIELD_GAP 100

vn_status vn_index_citation_identity(const vn_citation *c, vn_buf *out, vn_error *err)
{
    if (c->instrument)
        return vn_buf_append(out, c->instrument, strlen(c->instrument)) == VN_OK
                   ? VN_OK
                   : vn_error_set(err, VN_ERR_NOMEM, "out of memory");
    char iso[11];
    const char *date = c->date.precision == VN_DATE_DAY ? vn_date_iso(c->date.first, iso) : NULL;
    if (c->symbol[0])
        return vn_schema_cite_identity(c->symbol, NULL, c->has_year ? NULL : date, out, err);
    if (c->name[0])
        return vn_schema_cite_identity(NULL, c->name, date, out, err);
    return VN_OK;   /* an unresolved bare number ("số 217") has no identity */
}

static vn_status add_filter_if(vn_xdoc *doc, vn_field_id f, const char *value, vn_error *err)
{
    return value && *value ? vn_schema_add_filter(doc, f, value, err) : VN_OK;
}

static vn_status add_citations(vn_xdoc *doc, const vn_analysis *a, vn_error *err)
{
    vn_buf id = VN_BUF_INIT;
    vn_status st = VN_OK;
    for (size_t k = 0; k < a->extract.citations.count && st == VN_OK; k++) {
        id.len = 0;
        st = vn_index_citation_identity(&a->extract.citations.items[k], &id, err);
        if (st == VN_OK && id.len)
            st = vn_schema_add_filter(doc, VN_FIELD_CITES, id.data, err);
    }
    vn_buf_free(&id);
    return st;
}

static vn_status set_data(vn_xdoc *doc, const vn_analysis *a, vn_error *err)
{
    vn_buf cites = VN_BUF_INIT, stored = VN_BUF_INIT;
    vn_status st = vn_stored_cites_from_analysis(a, &cites);
    json_t *d = st == VN_OK ? vn_document_json(a) : NULL;
    char *doc_text = d ? json_dumps(d, JSON_COMPACT) : NULL;
    json_decref(d);
    st = doc_text ? vn_stored_pack(doc_text, strlen(doc_text), cites.data ? cites.data : "",
                                   cites.len, &stored, NULL)
                  : VN_ERR_NOMEM;
    free(doc_text);
    vn_buf_free(&cites);
    if (st != VN_OK) {
        vn_buf_free(&stored);
        if (st == VN_ERR_USAGE)
            return vn_error_set(err, st, "%s: a citation's symbol is too long to store",
                                a->doc.path);
        return vn_error_set(err, st, "%s: out of memory while building the index entry",
                            a->doc.path);
    }
    st = vn_xdoc_set_data(doc, stored.data, stored.len, err);
    vn_buf_free(&stored);
    return st;
}

vn_status vn_index_build_doc(vn_termgen *g, const vn_analysis *a, const vn_file_stamp *stamp,
                             vn_xdoc **out, vn_error *err)
{
    vn_xdoc *doc = NULL;
    vn_status st = vn_xdoc_new(&doc, err);
    const vn_docmeta *m = &a->meta;
    if (st == VN_OK)
        st = vn_schema_add_path(doc, a->doc.path, err);
    if (st == VN_OK && m->title[0])
        st = vn_termgen_index(g, doc, vn_schema_fields[VN_FIELD_TITLE].prefix, m->title,
                              strlen(m->title), err);
    if (st == VN_OK) {
        vn_xdoc_set_termpos(doc, vn_xdoc_termpos(doc) + FIELD_GAP);
        st = vn_termgen_index(g, doc, "", a->doc.text, a->doc.len, err);
    }
    if (st == VN_OK)
        st = add_filter_if(doc, VN_FIELD_SYMBOL, m->own_number, err);
    if (st == VN_OK)
        st = add_filter_if(doc, VN_FIELD_TYPE, m->type_word, err);
    if (st == VN_OK)
        st = add_filter_if(doc, VN_FIELD_ISSUER, m->issuer, err);
    if (st == VN_OK)
        st = add_filter_if(doc, VN_FIELD_PROVINCE, m->province, err);
    if (st == VN_OK && m->date.precision != VN_DATE_NONE)
        st = vn_schema_set_date(doc, &m->date, err);
    if (st == VN_OK)
        st = add_citations(doc, a, err);
    if (st == VN_OK && stamp)
        st = vn_schema_set_stamp(doc, stamp, err);
    if (st == VN_OK)
        st = set_data(doc, a, err);
    if (st != VN_OK) {
        vn_xdoc_destroy(doc);
        return st;
    }
    *out = doc;
    return VN_OK;
}
