/*
 * corpus_read.c — stored documents back into documents with unresolved
 * citations (see corpus_read.h).
 *
 * Loading reverses indexer/docjson.c: every document's stored records are
 * read back into vn_docmeta and vn_citation, and the resolution stored at
 * indexing time is thrown away (query/corpus.c resolves again).
 */
#include "corpus_read.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/buf.h"
#include "../common/index_schema.h"
#include "../common/pair_run.h"
#include "../common/stored.h"
#include "../indexer/docjson.h"
#include "../indexer/stored_cites.h"

/* ---- small helpers --------------------------------------------------------------- */

static const char *jstr(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

static void copy(char *dst, size_t size, const char *src)
{
    snprintf(dst, size, "%s", src ? src : "");
}

static vn_status nomem(vn_error *err)
{
    return vn_error_set(err, VN_ERR_NOMEM, "out of memory while reading the index");
}

bool vn_corpus_iso_range(const char *s, vn_date_range *out)
{
    memset(out, 0, sizeof *out);
    if (!s || !*s || !vn_date_parse_iso(s, out)) {
        memset(out, 0, sizeof *out);
        return false;
    }
    return true;
}

/* ---- records back into structs ---------------------------------------------------- */

static void meta_from_record(json_t *d, vn_docmeta *m)
{
    memset(m, 0, sizeof *m);
    copy(m->own_number, sizeof m->own_number, jstr(d, "own_number"));
    copy(m->type_word, sizeof m->type_word, jstr(d, "type"));
    copy(m->title, sizeof m->title, jstr(d, "title"));
    copy(m->issuer, sizeof m->issuer, jstr(d, "issuer"));
    copy(m->place, sizeof m->place, jstr(d, "place"));
    copy(m->signer, sizeof m->signer, jstr(d, "signer"));
    copy(m->signer_title, sizeof m->signer_title, jstr(d, "signer_title"));
    copy(m->province, sizeof m->province, jstr(d, "province"));
    m->draft = json_is_true(json_object_get(d, "draft"));
    json_t *range = json_object_get(d, "date_range");
    vn_date_range from, to;
    if (json_is_object(range) && vn_corpus_iso_range(jstr(range, "from"), &from) &&
        vn_corpus_iso_range(jstr(range, "to"), &to)) {
        const char *p = jstr(range, "precision");
        m->date.first = from.first;
        m->date.last = to.last;
        m->date.precision = strcmp(p, "day") == 0     ? VN_DATE_DAY
                            : strcmp(p, "month") == 0 ? VN_DATE_MONTH
                                                      : VN_DATE_YEAR;
    }
    vn_date_range after;
    if (vn_corpus_iso_range(jstr(d, "cites_up_to"), &after) && after.precision == VN_DATE_DAY)
        m->after = after.first;
}

/*
 * The stored `symbol` is the official form after variant uniting, and the
 * `corrected` note says what was written ("written 11-QĐ/TW; united with
 * 11-QĐi/TW (…)", indexer/resolve.c).  Resolution must start again from
 * what was written, or an edited registry could never undo a uniting and
 * the note would be lost.  Returns true when *symbol now views the written
 * form (inside the note); false leaves the stored symbol and the caller
 * keeps the note.
 */
static bool restore_written(vn_strview note, vn_strview *symbol)
{
    static const char lead[] = "written ";
    size_t lead_len = sizeof lead - 1;
    if (note.n <= lead_len || memcmp(note.s, lead, lead_len) != 0)
        return false;
    const char *s = note.s + lead_len;
    const char *semi = memchr(s, ';', note.n - lead_len);
    size_t n = semi ? (size_t)(semi - s) : 0;
    if (n == 0 || n >= VN_SYMBOL_MAX || symbol->n >= VN_SYMBOL_MAX)
        return false;
    char written[VN_SYMBOL_MAX], stored[VN_SYMBOL_MAX];
    memcpy(written, s, n);
    written[n] = '\0';
    memcpy(stored, symbol->s, symbol->n);
    stored[symbol->n] = '\0';
    if (!vn_symbol_code_variants(written, stored))
        return false;
    *symbol = (vn_strview){s, n};
    return true;
}

/* Completes c as read back: *symbol views what was written (restore_written),
 * and c->has_year says whether it carries a year.  *kept_note gets a
 * `corrected` note that could not be undone (malloc'd), else NULL. */
static vn_status finish_cite(vn_citation *c, const vn_cite_place *p, vn_strview *symbol,
                             char **kept_note)
{
    *kept_note = NULL;
    *symbol = p->symbol;
    if (p->corrected.n && !restore_written(p->corrected, symbol)) {
        *kept_note = strndup(p->corrected.s, p->corrected.n);
        if (!*kept_note)
            return VN_ERR_NOMEM;
    }
    if (symbol->n) {
        vn_symbol s;
        c->has_year = vn_symbol_parse_loose(symbol->s, symbol->n,
                                            c->type_word[0] ? c->type_word : NULL, &s) &&
                      vn_symbol_has_year(&s);
    }
    return VN_OK;
}

/* ---- reading the index ------------------------------------------------------------- */

int vn_raw_doc_cmp(const void *a, const void *b)
{
    return strcmp(((const raw_doc *)a)->doc.file, ((const raw_doc *)b)->doc.file);
}

void vn_raw_doc_free(raw_doc *r)
{
    for (size_t k = 0; k < r->list.count; k++)
        free(r->notes ? r->notes[k] : NULL);
    free(r->notes);
    vn_citation_list_free(&r->list);
    free(r->where);
    free(r->doc.strings);
    memset(r, 0, sizeof *r);
}

/* s[0..n) at p, NUL-terminated; returns the byte after. */
static char *put_string(char *p, const char *s, size_t n)
{
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p + n + 1;
}

/* The file name and every citation's text, symbol, name and issuer in one block,
 * so a corpus of millions of citations is not millions of small
 * allocations. */
static vn_status copy_strings(raw_doc *r, const char *file, size_t count)
{
    vn_corpus_doc *doc = &r->doc;
    size_t size = strlen(file) + 1;
    for (size_t k = 0; k < count; k++)
        size += r->where[k].text_len + r->where[k].symbol.n + r->where[k].name.n +
                r->where[k].issuer.n + 4;
    char *p = malloc(size);
    if (!p)
        return VN_ERR_NOMEM;
    doc->strings = p;
    doc->file = p;
    p = stpcpy(p, file) + 1;
    for (size_t k = 0; k < count; k++) {
        cite_where *w = &r->where[k];
        vn_citation *c = &r->list.items[k];
        const char *at = p;
        p = put_string(p, w->text, w->text_len);
        w->text = at;
        c->symbol = p;
        p = put_string(p, w->symbol.s, w->symbol.n);
        c->name = p;
        p = put_string(p, w->name.s, w->name.n);
        c->issuer = p;
        p = put_string(p, w->issuer.s, w->issuer.n);
    }
    return VN_OK;
}

/* One document's stored parts (its document record, its inflated citation
 * part) -> r.  With `kept` the citation records are built again (JSON) and
 * appended to it. */
static vn_status convert_document(json_t *d, const vn_buf *cites, json_t *kept, raw_doc *r,
                                  vn_error *err)
{
    memset(r, 0, sizeof *r);
    vn_corpus_doc *doc = &r->doc;
    meta_from_record(d, &doc->meta);
    vn_stored_cites_reader rd;
    size_t count;
    vn_status st = vn_stored_cites_open(cites->data, cites->len, &rd, &count, err);
    if (st != VN_OK)
        return st;
    r->where = calloc(count ? count : 1, sizeof *r->where);
    r->notes = calloc(count ? count : 1, sizeof *r->notes);
    r->list.items = malloc((count ? count : 1) * sizeof *r->list.items);   /* exact: no slack */
    r->list.cap = count ? count : 1;
    if (!r->where || !r->notes || !r->list.items)
        return VN_ERR_NOMEM;
    json_t *file = json_object_get(d, "file");
    for (size_t k = 0; k < count; k++) {
        vn_citation *c = &r->list.items[k];
        vn_cite_place place;
        if ((st = vn_stored_cites_next(&rd, c, &place, err)) != VN_OK)
            return st;
        r->list.count++;   /* from here raw_free frees what c owns */
        vn_strview symbol;
        if (finish_cite(c, &place, &symbol, &r->notes[k]) != VN_OK)
            return VN_ERR_NOMEM;
        cite_where *w = &r->where[k];
        *w = (cite_where){place.line, place.column, place.start, place.end,
                          place.text.s, place.text.n, symbol, place.name, place.issuer, NULL};
        if (kept) {
            json_t *rec = vn_stored_cite_json(file, c, &place, &st, err);
            if (!rec)
                return st;
            if (json_array_append_new(kept, rec) != 0)
                return VN_ERR_NOMEM;
            w->record = rec;   /* kept alive by `kept`, which the corpus owns */
        }
    }
    doc->cite_count = count;
    return copy_strings(r, json_string_value(file), count);
}

/*
 * The parse of a document record (JSON) lives in an arena that is rewound
 * after the document: jansson makes a small allocation per value, and
 * freeing them between the corpus's long-lived blocks fragmented glibc's
 * free lists (when the citations were JSON too, malloc itself became a fifth
 * of `outdated` at 100k plans).
 * Only used when records are not kept (jansson's allocator is global; the
 * arena is the calling thread's).
 */
typedef struct arena_chunk {
    struct arena_chunk *next;
    size_t size, used;
    max_align_t data[];
} arena_chunk;

static _Thread_local arena_chunk *parse_arena;   /* one per parsing thread */

static void *arena_alloc(size_t n)
{
    size_t align = sizeof(max_align_t);
    n = (n + align - 1) / align * align;
    arena_chunk *c = parse_arena;
    if (!c || c->size - c->used < n) {
        size_t size = n > (1u << 20) ? n : (1u << 20);
        arena_chunk *fresh = malloc(sizeof *fresh + size);
        if (!fresh)
            return NULL;
        fresh->size = size;
        fresh->used = 0;
        fresh->next = c;
        parse_arena = c = fresh;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    return p;
}

static void arena_free(void *p)
{
    (void)p;   /* everything goes at once, in arena_rewind */
}

/* Keeps the newest chunk (the one a record of typical size fits in), frees the rest. */
static void arena_rewind(bool release)
{
    arena_chunk *c = parse_arena;
    arena_chunk *keep = release ? NULL : c;
    if (keep) {
        c = c->next;
        keep->next = NULL;
        keep->used = 0;
    }
    while (c) {
        arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    parse_arena = keep;
}

/* One stored document (hit h) -> r.  `cites` is scratch for the inflated
 * citation part. */
static vn_status read_one(const char *db_path, const vn_xhit *h, vn_corpus *c, bool keep,
                          vn_buf *cites, raw_doc *r, vn_error *err)
{
    vn_error why;
    vn_status st;
    json_t *d = vn_stored_parse_document(h->data, h->data_len, &st, &why);
    if (st == VN_OK)
        st = vn_stored_citations(h->data, h->data_len, cites, &why);
    json_t *kept = st == VN_OK && keep ? json_array() : NULL;
    if (st == VN_OK && keep && !kept)
        st = VN_ERR_NOMEM;
    if (st == VN_OK)
        st = convert_document(d, cites, kept, r, &why);
    if (st == VN_OK && keep &&
        (json_array_append(c->owner, d) != 0 || json_array_append(c->owner, kept) != 0))
        st = VN_ERR_NOMEM;
    json_decref(d);
    json_decref(kept);
    if (!keep)
        arena_rewind(false);
    if (st == VN_ERR_INDEX)
        return vn_error_set(err, VN_ERR_INDEX,
                            "%s: document %u has an unreadable entry (%s); rebuild the index",
                            db_path, h->docid, why.msg);
    return st == VN_OK ? VN_OK : nomem(err);
}

/* Some hits of a page, parsed on one thread. */
typedef struct page_part {
    const char *db_path;
    vn_corpus *corpus;      /* owns kept records */
    bool keep;
    const vn_xhit *hits;
    raw_doc *out;
    size_t n;
    vn_buf scratch;
    vn_status st;
    vn_error err;
} page_part;

static void *parse_part(void *arg)
{
    page_part *p = arg;
    p->st = VN_OK;
    for (size_t i = 0; i < p->n && p->st == VN_OK; i++)
        p->st = read_one(p->db_path, &p->hits[i], p->corpus, p->keep, &p->scratch, &p->out[i],
                         &p->err);
    arena_rewind(true);   /* a helper thread's arena would outlive it */
    return NULL;
}

/*
 * Reads the n hits of a page into out[0..n).  Without kept records the
 * second half goes to a second thread: the records are independent, and
 * inflating and decoding them is most of loading a corpus.  The Xapian
 * reads stay on the calling thread (the hits are already fetched); kept
 * records are JSON built into the corpus's one array, so they are made on
 * this thread only.
 */
static vn_status parse_page(const vn_xhit *hits, size_t n, page_part parts[2], raw_doc *out,
                            vn_error *err)
{
    enum { MIN_SPLIT = 16 };
    size_t half = parts[0].keep || n < MIN_SPLIT ? n : n / 2;
    parts[0].hits = hits;
    parts[0].out = out;
    parts[0].n = half;
    parts[1].hits = hits + half;
    parts[1].out = out + half;
    parts[1].n = n - half;
    vn_run_pair(parse_part, &parts[0], parts[1].n ? &parts[1] : NULL);
    for (int k = 0; k < 2; k++)
        if (parts[k].n && parts[k].st != VN_OK) {
            *err = parts[k].err;
            return parts[k].st;
        }
    return VN_OK;
}

vn_status vn_corpus_read_open(const char *db_path, vn_xdb **db, unsigned long *total,
                              vn_error *err)
{
    *db = NULL;
    *total = 0;
    vn_status st = vn_schema_open(db_path, db, err);
    if (st == VN_ERR_NOTFOUND)
        return vn_error_set(err, st, "%s: no index here; run 'vncite index --db %s FOLDER' first",
                            db_path, db_path);
    if (st == VN_OK && (st = vn_xdb_doc_count(*db, total, err)) != VN_OK) {
        vn_xdb_close(*db, NULL);
        *db = NULL;
    }
    return st;
}

vn_status vn_corpus_read_pages(vn_xdb *db, const char *db_path, unsigned long total,
                               vn_corpus *owner, bool keep, vn_raw_page_fn fn, void *arg,
                               vn_error *err)
{
    vn_xquery *all = NULL;
    vn_xmset *m = NULL;
    vn_xdocs *page = NULL;
    size_t nread = 0;
    enum { READ_PAGE = VN_CORPUS_READ_PAGE };
    vn_xhit hits[READ_PAGE];
    page_part parts[2] = {
        {.db_path = db_path, .corpus = owner, .keep = keep, .scratch = VN_BUF_INIT},
        {.db_path = db_path, .corpus = owner, .keep = keep, .scratch = VN_BUF_INIT}};
    raw_doc *docs = calloc(READ_PAGE, sizeof *docs);
    vn_status st = docs ? vn_xquery_all(&all, err) : nomem(err);
    json_malloc_t saved_malloc;
    json_free_t saved_free;
    json_get_alloc_funcs(&saved_malloc, &saved_free);
    /* jansson seeds its hash function at the first object it makes; make
     * one now so the seed is set before a parsing thread reads it */
    json_decref(json_object());
    /* Pages, not one result set: a result set holds every document's data
     * at once, which at 100k documents is gigabytes.  Local shards are read
     * in id order from the document list, each page after the last id;
     * remote ones (which have no state) a page of a result set at a time,
     * since they would take a round trip a document. */
    char *state = NULL;
    vn_error no_state;
    bool by_id = st == VN_OK && vn_xdb_state(db_path, &state, &no_state) == VN_OK;
    free(state);
    unsigned last_id = 0;
    for (size_t offset = 0; st == VN_OK && offset < total; offset += READ_PAGE) {
        size_t n;
        if (by_id) {
            vn_xdocs_destroy(page);
            page = NULL;
            if ((st = vn_xdb_read_docs(db, last_id, READ_PAGE, &page, err)) != VN_OK)
                break;
            n = vn_xdocs_size(page);
            for (size_t i = 0; i < n; i++)
                vn_xdocs_hit(page, i, &hits[i]);
            if (n)
                last_id = hits[n - 1].docid;
        } else {
            vn_xsearch_opts opts = {offset, READ_PAGE, VN_XSORT_DOCID, 0, NULL, 0, 0};
            vn_xmset_destroy(m);
            m = NULL;
            if ((st = vn_xdb_search(db, all, &opts, &m, err)) != VN_OK)
                break;
            n = vn_xmset_size(m);
            for (size_t i = 0; st == VN_OK && i < n; i++)
                st = vn_xmset_hit(m, i, &hits[i], err);
        }
        size_t got = n;
        if (n > total - nread)
            n = total - nread;   /* documents added since the count: left for next time */
        /* the records' parse lives in the parsing threads' arenas (see
         * arena_alloc), only while a page is parsed: fn may use jansson */
        if (st == VN_OK && !keep)
            json_set_alloc_funcs(arena_alloc, arena_free);
        if (st == VN_OK)
            st = parse_page(hits, n, parts, docs, err);
        if (!keep) {
            json_set_alloc_funcs(saved_malloc, saved_free);
            arena_rewind(true);
        }
        nread += n;
        if (st == VN_OK)
            st = fn(arg, docs, n, err);
        else
            for (size_t i = 0; i < n; i++)   /* a failed page: what it reached */
                vn_raw_doc_free(&docs[i]);
        memset(docs, 0, READ_PAGE * sizeof *docs);
        if (got < READ_PAGE || nread == total)
            break;
    }
    free(docs);
    vn_buf_free(&parts[0].scratch);
    vn_buf_free(&parts[1].scratch);
    vn_xmset_destroy(m);
    vn_xdocs_destroy(page);
    vn_xquery_destroy(all);
    return st;
}

vn_status vn_raw_doc_resolved(raw_doc *r, vn_corpus_doc *out, vn_error *err)
{
    size_t count = r->list.count;
    /* The citations become the corpus's in place: the block grows and
     * each one moves up, from the last (no target overlaps a citation
     * not yet moved).  A new block per document, with the old one freed,
     * would leave memory that a parsing thread had allocated in its own
     * malloc arena unused by the rest of the load. */
    vn_corpus_cite *cites = realloc(r->list.items, (count ? count : 1) * sizeof *cites);
    if (!cites) {
        vn_raw_doc_free(r);
        return nomem(err);
    }
    r->list.items = NULL;
    r->list.count = r->list.cap = 0;
    r->doc.texts = r->list.texts;   /* the symbols the resolver united */
    r->list.texts = (vn_arena)VN_ARENA_INIT;
    for (size_t k = count; k-- > 0;) {
        vn_citation ci;
        memcpy(&ci, (char *)cites + k * sizeof ci, sizeof ci);
        char *note = r->notes[k];
        r->notes[k] = NULL;
        if (note && !ci.corrected)
            ci.corrected = note;
        else
            free(note);
        const cite_where *w = &r->where[k];
        vn_corpus_cite to = {.c = ci,   /* the strings move to the corpus */
                             .line = w->line,
                             .column = w->column,
                             .start = w->start,
                             .end = w->end,
                             .text = w->text,
                             .record = w->record};
        memcpy(&cites[k], &to, sizeof to);
    }
    r->doc.cites = cites;
    free(r->notes);
    free(r->where);
    *out = r->doc;
    memset(r, 0, sizeof *r);
    return VN_OK;
}

void vn_corpus_doc_free(vn_corpus_doc *doc)
{
    for (size_t k = 0; doc->cites && k < doc->cite_count; k++) {
        free(doc->cites[k].c.instrument);
        free(doc->cites[k].c.corrected);
        free(doc->cites[k].c.candidates);
    }
    free(doc->cites);
    free(doc->strings);
    vn_arena_free(&doc->texts);
    memset(doc, 0, sizeof *doc);
}

vn_status vn_corpus_stored_records(vn_xdb *db, const char *db_path, const char *file,
                                   json_t **out, vn_error *err)
{
    *out = NULL;
    vn_buf cites = VN_BUF_INIT;
    vn_xdoc *doc = NULL;
    vn_corpus owner = {0};
    raw_doc r;
    memset(&r, 0, sizeof r);
    vn_status st = vn_find_document(db, file, &doc, err);
    if (st == VN_OK && !(owner.owner = json_array()))
        st = nomem(err);
    if (st == VN_OK) {
        vn_xhit h = {.docid = vn_xdoc_docid(doc)};
        h.data = vn_xdoc_data(doc, &h.data_len);
        /* owner gets the document record, then the array of its citations' */
        st = read_one(db_path, &h, &owner, true, &cites, &r, err);
    }
    if (st == VN_OK)
        *out = json_incref(json_array_get(owner.owner, 1));
    vn_raw_doc_free(&r);
    json_decref(owner.owner);
    vn_xdoc_destroy(doc);
    vn_buf_free(&cites);
    return st;
}
