/* search.c — search, hits, snippets and facets (see search.h). */
#include "search.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../common/index_schema.h"
#include "../common/terms.h"
#include "../common/tokenize.h"
#include "../indexer/doctext.h"
#include "record.h"

#define SNIPPET_WORDS 30
#define SNIPPET_SCAN_WORDS 200000   /* very long files: look for matches this far */

static const struct { const char *name; unsigned slot; } facet_slots[VN_SEARCH_FACETS] = {
    {"year", VN_SLOT_YEAR}, {"type", VN_SLOT_TYPE}, {"issuer", VN_SLOT_ISSUER},
    {"province", VN_SLOT_PROVINCE},
};

/* ---- snippets -------------------------------------------------------------- */

typedef struct word_list {
    size_t *start, *end;
    bool *hit;
    size_t count, cap;
    vn_termgen *g;
    const char *const *terms;
} word_list;

static bool is_query_term(const char *const *terms, const char *t, size_t n)
{
    for (size_t i = 0; terms[i]; i++)
        if (strlen(terms[i]) == n && memcmp(terms[i], t, n) == 0)
            return true;
    return false;
}

static vn_status collect_word(void *ctx, const char *text, size_t start, size_t end, vn_error *err)
{
    word_list *w = ctx;
    if (w->count >= SNIPPET_SCAN_WORDS)
        return VN_ERR_NOTFOUND;     /* enough: stops the walk, not an error */
    if (w->count == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 1024;
        size_t *s = realloc(w->start, cap * sizeof *s);
        if (s)
            w->start = s;
        size_t *e = realloc(w->end, cap * sizeof *e);
        if (e)
            w->end = e;
        bool *h = realloc(w->hit, cap * sizeof *h);
        if (h)
            w->hit = h;
        if (!s || !e || !h)
            return vn_error_set(err, VN_ERR_NOMEM, "out of memory while making a snippet");
        w->cap = cap;
    }
    vn_word_forms f;
    vn_status st = vn_termgen_word(w->g, text + start, end - start, &f, err);
    if (st != VN_OK)
        return st;
    w->start[w->count] = start;
    w->end[w->count] = end;
    w->hit[w->count] = is_query_term(w->terms, f.plain, f.plain_len) ||
                       (f.has_accents && is_query_term(w->terms, f.accented, f.accented_len));
    w->count++;
    return VN_OK;
}

static size_t score_at(const word_list *w, size_t i)
{
    if (!w->hit[i])
        return 0;
    return i > 0 && w->hit[i - 1] ? 3 : 1;
}

/* Appends text[from..to) with every run of blanks folded into one space. */
static vn_status append_folded(vn_buf *b, const char *text, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        char c = text[i];
        bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (blank && b->len && b->data[b->len - 1] == ' ')
            continue;
        if (vn_buf_append_char(b, blank ? ' ' : c) != VN_OK)
            return VN_ERR_NOMEM;
    }
    return VN_OK;
}

vn_status vn_search_snippet(const char *text, size_t len, const char *const *terms,
                            char **snippet, vn_highlight *marks, size_t *mark_count,
                            vn_error *err)
{
    *snippet = NULL;
    *mark_count = 0;
    vn_tokenizer *tok = NULL;
    word_list w = {0};
    w.terms = terms;
    vn_status st = vn_tokenizer_open(&tok, err);
    if (st == VN_OK)
        st = vn_termgen_new(tok, &w.g, err);
    if (st == VN_OK) {
        st = vn_termgen_words(w.g, text, len, collect_word, &w, err);
        if (st == VN_ERR_NOTFOUND)
            st = VN_OK;
    }
    vn_buf b = VN_BUF_INIT;
    if (st == VN_OK && w.count > 0) {
        /* the window of SNIPPET_WORDS words with the best score: a match
         * counts 1, a match right after another match 2 more, so a phrase
         * beats the same words scattered */
        size_t best = 0, best_hits = 0, hits = 0;
        for (size_t i = 0; i < w.count; i++) {
            hits += score_at(&w, i);
            if (i >= SNIPPET_WORDS)
                hits -= score_at(&w, i - SNIPPET_WORDS);
            size_t first = i + 1 >= SNIPPET_WORDS ? i + 1 - SNIPPET_WORDS : 0;
            if (hits > best_hits) {
                best_hits = hits;
                best = first;
            }
        }
        /* start a little before the first match of the window */
        size_t first_hit = best;
        while (first_hit < w.count && !w.hit[first_hit])
            first_hit++;
        if (best_hits && first_hit > best + 5)
            best = first_hit - 5;
        size_t last = best + SNIPPET_WORDS < w.count ? best + SNIPPET_WORDS : w.count;
        if (best > 0 && vn_buf_append(&b, "…", strlen("…")) != VN_OK)
            st = VN_ERR_NOMEM;
        for (size_t k = best; k < last && st == VN_OK; k++) {
            if (k > best && append_folded(&b, text, w.end[k - 1], w.start[k]) != VN_OK) {
                st = VN_ERR_NOMEM;
                break;
            }
            size_t ms = b.len;
            if (vn_buf_append(&b, text + w.start[k], w.end[k] - w.start[k]) != VN_OK)
                st = VN_ERR_NOMEM;
            if (w.hit[k] && *mark_count < VN_SNIPPET_MAX_MARKS)
                marks[(*mark_count)++] = (vn_highlight){ms, b.len};
        }
        if (st == VN_OK && last < w.count && vn_buf_append(&b, " …", strlen(" …")) != VN_OK)
            st = VN_ERR_NOMEM;
        if (st == VN_ERR_NOMEM)
            vn_error_set(err, st, "out of memory while making a snippet");
    }
    if (st == VN_OK) {
        *snippet = vn_buf_steal(&b, NULL);
        if (!*snippet)
            st = vn_error_set(err, VN_ERR_NOMEM, "out of memory while making a snippet");
    }
    vn_buf_free(&b);
    free(w.start);
    free(w.end);
    free(w.hit);
    vn_termgen_free(w.g);
    vn_tokenizer_close(tok);
    return st;
}

/* ---- search --------------------------------------------------------------- */

/* Has the file changed since it was indexed?  (stamp slot: "SEC.NSEC SIZE HASH") */
static bool file_changed(const char *path, const char *stamp)
{
    struct stat st;
    long long sec;
    long nsec;
    unsigned long long size;
    if (stat(path, &st) != 0)
        return true;
    if (!stamp || sscanf(stamp, "%lld.%ld %llu", &sec, &nsec, &size) != 3)
        return false;
    return sec != (long long)st.st_mtim.tv_sec || nsec != st.st_mtim.tv_nsec ||
           size != (unsigned long long)st.st_size;
}

static const char *json_str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

static vn_status make_snippet(vn_xmset *m, size_t i, vn_search_hit *h, vn_error *err)
{
    vn_xterms *it = NULL;
    vn_status st = vn_xmset_matching_terms(m, i, &it, err);
    if (st != VN_OK)
        return st;
    size_t n = 0, cap = 16;
    char **terms = malloc(cap * sizeof *terms);
    for (; terms && vn_xterms_valid(it); vn_xterms_move_to_next(it)) {
        const char *t = vn_xterms_get(it, NULL);
        if (t[0] >= 'A' && t[0] <= 'Z')
            continue;       /* prefixed: a filter or title term, not body text */
        if (n + 1 >= cap) {
            char **p = realloc(terms, (cap *= 2) * sizeof *terms);
            if (!p)
                break;
            terms = p;
        }
        terms[n] = strdup(t);
        if (terms[n])
            n++;
    }
    vn_xterms_destroy(it);
    if (!terms)
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory while making a snippet");
    terms[n] = NULL;

    const char *path = json_str(h->document, "file");
    const char *stamp = NULL;
    size_t sl;
    vn_xmset_value(m, i, VN_SLOT_STAMP, &stamp, &sl, NULL);
    h->stale = file_changed(path, stamp);
    vn_doctext dt;
    vn_error ignored;
    if (vn_doctext_load(path, &dt, &ignored) == VN_OK) {
        st = vn_search_snippet(dt.text, dt.len, (const char *const *)terms, &h->snippet, h->marks,
                               &h->mark_count, err);
        vn_doctext_free(&dt);
    } else {
        h->stale = true;
        h->snippet = strdup(json_str(h->document, "title"));
        if (!h->snippet)
            st = vn_error_set(err, VN_ERR_NOMEM, "out of memory");
    }
    for (size_t k = 0; k < n; k++)
        free(terms[k]);
    free(terms);
    return st;
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
        st = vn_schema_parser_new(NULL, 0, &parser, err);
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
    for (size_t i = 0; st == VN_OK && i < out->hit_count; i++) {
        vn_xhit h;
        st = vn_xmset_hit(m, i, &h, err);
        if (st != VN_OK)
            break;
        json_error_t je;
        json_t *doc = vn_record_member(h.data, h.data_len, "document", &je);
        if (!doc && je.text[0]) {
            st = vn_error_set(err, VN_ERR_INDEX, "%s: document %u has unreadable data (%s); "
                              "rebuild the index", req->db_path, h.docid, je.text);
            break;
        }
        if (doc && json_array_append_new(out->data, doc) != 0) {
            st = vn_error_set(err, VN_ERR_NOMEM, "out of memory");
            break;
        }
        vn_search_hit *sh = &out->hits[i];
        sh->rank = h.rank + 1;
        sh->percent = h.percent;
        sh->document = doc;
        if (!json_is_object(sh->document)) {
            st = vn_error_set(err, VN_ERR_INDEX, "%s: document %u has no metadata; rebuild "
                              "the index", req->db_path, h.docid);
            break;
        }
        st = make_snippet(m, i, sh, err);
    }
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
