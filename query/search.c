/* search.c — search, hits, snippets and facets (see search.h). */
#include "search.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/index_schema.h"
#include "../indexer/stored_cites.h"
#include "hit_snippets.h"
#include "snippet.h"

static const struct { const char *name; unsigned slot; } facet_slots[VN_SEARCH_FACETS] = {
    {"year", VN_SLOT_YEAR}, {"type", VN_SLOT_TYPE}, {"issuer", VN_SLOT_ISSUER},
    {"province", VN_SLOT_PROVINCE},
};

/* ---- snippets -------------------------------------------------------------- */

vn_status vn_search_snippet(const char *text, size_t len, const char *const *terms,
                            char **snippet, vn_highlight *marks, size_t *mark_count,
                            vn_error *err)
{
    *snippet = NULL;
    *mark_count = 0;
    vn_snipper *s = NULL;
    vn_status st = vn_snipper_new(&s, err);
    if (st == VN_OK)
        st = vn_snipper_make(s, text, len, terms, snippet, marks, mark_count, err);
    vn_snipper_free(s);
    return st;
}

/* ---- search --------------------------------------------------------------- */

static const char *json_str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

static void free_terms(char **terms)
{
    for (size_t k = 0; terms && terms[k]; k++)
        free(terms[k]);
    free(terms);
}

/* The query's body-text terms, NULL-terminated: what every snippet marks.
 * Prefixed terms are filters or title words, not body text. */
static vn_status snippet_terms(const vn_xquery *q, char ***out, vn_error *err)
{
    *out = NULL;
    vn_xterms *it = NULL;
    vn_status st = vn_xquery_terms(q, &it, err);
    if (st != VN_OK)
        return st;
    /* kept NULL-terminated throughout, so free_terms() can undo any step */
    size_t n = 0, cap = 16;
    char **terms = malloc(cap * sizeof *terms);
    if (terms)
        terms[0] = NULL;
    for (; terms && vn_xterms_valid(it); vn_xterms_move_to_next(it)) {
        const char *t = vn_xterms_get(it, NULL);
        if (t[0] >= 'A' && t[0] <= 'Z')
            continue;
        char **p = n + 1 < cap ? terms : realloc(terms, (cap *= 2) * sizeof *terms);
        char *copy = p ? strdup(t) : NULL;
        if (!copy) {
            free_terms(p ? p : terms);
            terms = NULL;
            break;
        }
        terms = p;
        terms[n++] = copy;
        terms[n] = NULL;
    }
    vn_xterms_destroy(it);
    if (!terms)
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory while making a snippet");
    *out = terms;
    return VN_OK;
}

static vn_status read_facets(vn_xmset *m, vn_search_result *out, vn_error *err)
{
    for (size_t f = 0; f < VN_SEARCH_FACETS; f++) {
        vn_facet *fc = &out->facets[out->facet_count++];
        fc->name = facet_slots[f].name;
        vn_xterms *it = NULL;
        vn_status st = vn_xmset_facets(m, facet_slots[f].slot, &it, err);
        if (st != VN_OK)
            return st;
        for (; vn_xterms_valid(it); vn_xterms_move_to_next(it)) {
            vn_facet_count *p = realloc(fc->values, (fc->count + 1) * sizeof *p);
            if (!p) {
                vn_xterms_destroy(it);
                return vn_error_set(err, VN_ERR_NOMEM, "out of memory");
            }
            fc->values = p;
            fc->values[fc->count].value = strdup(vn_xterms_get(it, NULL));
            fc->values[fc->count].count = vn_xterms_count(it);
            if (!fc->values[fc->count].value) {
                vn_xterms_destroy(it);
                return vn_error_set(err, VN_ERR_NOMEM, "out of memory");
            }
            fc->count++;
        }
        vn_xterms_destroy(it);
    }
    return VN_OK;
}

vn_status vn_search(const vn_search_request *req, vn_search_result *out, vn_error *err)
{
    memset(out, 0, sizeof *out);
    vn_xdb *db = NULL;
    vn_xparser *parser = NULL;
    vn_xquery *q = NULL;
    vn_xmset *m = NULL;
    vn_status st = vn_schema_open(req->db_path, &db, err);
    if (st == VN_ERR_NOTFOUND)
        vn_error_set(err, st, "%s: no index here; run 'vncite index --db %s FOLDER' first",
                     req->db_path, req->db_path);
    if (st == VN_OK)
        st = vn_schema_parser_for(db, NULL, 0, &parser, err);
    /* "*" alone means every document: useful with --facets and --sort date */
    const char *qs = req->query;
    while (*qs == ' ')
        qs++;
    bool everything = qs[0] == '*' && qs[strspn(qs + 1, " ") + 1] == '\0';
    if (st == VN_OK && !everything)
        st = vn_xparser_parse(parser, req->query, &q, err);
    if (st == VN_OK && (everything || vn_xquery_is_empty(q))) {
        vn_xquery_destroy(q);
        q = NULL;
        st = vn_xquery_all(&q, err);
    }
    unsigned slots[VN_SEARCH_FACETS];
    for (size_t f = 0; f < VN_SEARCH_FACETS; f++)
        slots[f] = facet_slots[f].slot;
    vn_xsearch_opts opts = {req->offset, req->limit,
                            req->sort == VN_SORT_DATE ? VN_XSORT_VALUE_DESC : VN_XSORT_RELEVANCE,
                            VN_SLOT_DATE, req->facets ? slots : NULL,
                            req->facets ? VN_SEARCH_FACETS : 0, 0};
    if (st == VN_OK)
        st = vn_xdb_search(db, q, &opts, &m, err);
    if (st == VN_OK) {
        unsigned long est, lo, hi;
        vn_xmset_counts(m, &est, &lo, &hi);
        out->total = est;
        out->total_exact = lo == hi;
        out->data = json_array();
        out->hit_count = vn_xmset_size(m);
        out->hits = calloc(out->hit_count ? out->hit_count : 1, sizeof *out->hits);
        if (!out->data || !out->hits)
            st = vn_error_set(err, VN_ERR_NOMEM, "out of memory");
    }
    char **terms = NULL;
    vn_hit_snippet_job *jobs = NULL;
    if (st == VN_OK && out->hit_count)
        st = snippet_terms(q, &terms, err);
    if (st == VN_OK && out->hit_count && !(jobs = calloc(out->hit_count, sizeof *jobs)))
        st = vn_error_set(err, VN_ERR_NOMEM, "out of memory");
    for (size_t i = 0; st == VN_OK && i < out->hit_count; i++) {
        vn_xhit h;
        st = vn_xmset_hit(m, i, &h, err);
        if (st != VN_OK)
            break;
        vn_error why;
        json_t *doc = vn_stored_parse_document(h.data, h.data_len, &st, &why);
        if (!doc) {
            if (st == VN_ERR_INDEX)
                vn_error_set(err, st, "%s: document %u has unreadable data (%s); rebuild "
                             "the index", req->db_path, h.docid, why.msg);
            else
                *err = why;
            break;
        }
        if (json_array_append_new(out->data, doc) != 0) {
            st = vn_error_set(err, VN_ERR_NOMEM, "out of memory");
            break;
        }
        vn_search_hit *sh = &out->hits[i];
        sh->rank = h.rank + 1;
        sh->percent = h.percent;
        sh->document = doc;
        const char *stamp = NULL;
        size_t stamp_len;
        vn_xmset_value(m, i, VN_SLOT_STAMP, &stamp, &stamp_len, NULL);
        jobs[i] = (vn_hit_snippet_job){json_str(doc, "file"), stamp, json_str(doc, "title"), sh};
    }
    /* the files read and their snippets made on every core; the stamps
     * point into m, which lives until after */
    if (st == VN_OK && out->hit_count)
        st = vn_hit_snippets(jobs, out->hit_count, (const char *const *)terms, err);
    free(jobs);
    free_terms(terms);
    if (st == VN_OK && req->facets)
        st = read_facets(m, out, err);
    vn_xmset_destroy(m);
    vn_xquery_destroy(q);
    vn_xparser_destroy(parser);
    vn_xdb_close(db, NULL);
    if (st != VN_OK)
        vn_search_result_free(out);
    return st;
}

void vn_search_result_free(vn_search_result *r)
{
    for (size_t i = 0; i < r->hit_count && r->hits; i++)
        free(r->hits[i].snippet);
    free(r->hits);
    for (size_t f = 0; f < r->facet_count; f++) {
        for (size_t k = 0; k < r->facets[f].count; k++)
            free(r->facets[f].values[k].value);
        free(r->facets[f].values);
    }
    json_decref(r->data);
    memset(r, 0, sizeof *r);
}
