/*
 * corpus_stream.c — the corpus one document at a time (vn_corpus_stream,
 * see corpus.h).
 *
 * Resolution needs every document once, for the table of dated symbols,
 * and then each document on its own (indexer/resolve.h).  So the index is
 * read twice through the same database handle, which sees one revision:
 * the first read adds each document to the table and lets it go, keeping
 * its file name; the second resolves a page at a time.  vn_corpus_load()
 * reads once and holds everything, about 560 bytes a citation: 1.7 GB at
 * 100k plans, 17 GB at a million.
 */
#include "corpus.h"

#include <stdlib.h>
#include <string.h>

#include "../common/arena.h"
#include "../common/intern.h"
#include "../indexer/resolve.h"
#include "corpus_read.h"

typedef struct stream {
    const vn_registry *registry;
    const vn_corpus_visitor *visitor;
    vn_resolve_table *table;
    vn_arena strings;           /* the file names */
    vn_intern files;            /* distinct files, numbered as first read */
    const char **file;          /* [seq]: the file of the seq-th document read */
    size_t *rank;               /* [seq]: its place in file order, SIZE_MAX for a
                                   repeat of a file read before */
    size_t count, cap;          /* documents read by the first pass */
    size_t next;                /* seq of the next document of the second pass */
    vn_resolve_doc *rdocs;      /* a page's documents, for the resolver */
} stream;

static vn_status nomem(vn_error *err)
{
    return vn_error_set(err, VN_ERR_NOMEM, "out of memory while reading the index");
}

static vn_status grow(stream *s, vn_error *err)
{
    size_t cap = s->cap ? s->cap * 2 : 1024;
    const char **file = realloc(s->file, cap * sizeof *file);
    if (file)
        s->file = file;
    size_t *rank = file ? realloc(s->rank, cap * sizeof *rank) : NULL;
    if (!rank)
        return nomem(err);
    s->rank = rank;
    s->cap = cap;
    return VN_OK;
}

/* First pass: the table, and which file each document is.  The first
 * document read of a file is the one kept, as vn_corpus_load() keeps it. */
static vn_status table_page(void *arg, raw_doc *docs, size_t n, vn_error *err)
{
    stream *s = arg;
    vn_status st = VN_OK;
    for (size_t i = 0; i < n; i++) {
        if (st == VN_OK && s->count == s->cap)
            st = grow(s, err);
        const char *file = st == VN_OK ? vn_arena_strdup(&s->strings, docs[i].doc.file) : NULL;
        size_t before = s->files.count, id;
        if (st == VN_OK && (!file || vn_intern_add(&s->files, file, &id) != VN_OK))
            st = nomem(err);
        if (st == VN_OK) {
            bool first = s->files.count > before;
            s->file[s->count] = file;
            s->rank[s->count++] = first ? id : SIZE_MAX;   /* the file's number for now */
            if (first)
                st = vn_resolve_table_add(s->table, &docs[i].list, err);
        }
        vn_raw_doc_free(&docs[i]);
    }
    return st;
}

/* File numbers -> places in file order. */
static vn_status rank_files(stream *s, vn_error *err)
{
    size_t n = s->files.count;
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    size_t *place = malloc((n ? n : 1) * sizeof *place);
    if (!order || !place) {
        free(order);
        free(place);
        return nomem(err);
    }
    vn_intern_order(&s->files, order);
    for (size_t r = 0; r < n; r++)
        place[order[r]] = r;
    for (size_t q = 0; q < s->count; q++)
        if (s->rank[q] != SIZE_MAX)
            s->rank[q] = place[s->rank[q]];
    free(order);
    free(place);
    return VN_OK;
}

/* Second pass: a page resolved, its documents visited in turn. */
static vn_status visit_page(void *arg, raw_doc *docs, size_t n, vn_error *err)
{
    stream *s = arg;
    vn_status st = VN_OK;
    size_t m = 0;
    for (size_t i = 0; i < n && st == VN_OK; i++) {
        size_t seq = s->next + i;
        /* the same handle reads the same revision: anything else is a bug */
        if (seq >= s->count || strcmp(s->file[seq], docs[i].doc.file) != 0)
            st = vn_error_set(err, VN_ERR_INDEX,
                              "the index changed between its two reads; run the command again");
        else if (s->rank[seq] != SIZE_MAX)
            s->rdocs[m++] = (vn_resolve_doc){&docs[i].doc.meta, &docs[i].list};
    }
    if (st == VN_OK)
        st = vn_resolve_with(s->rdocs, m, s->table, s->registry, err);
    for (size_t i = 0; i < n; i++) {
        size_t seq = s->next + i;
        if (st != VN_OK || s->rank[seq] == SIZE_MAX) {
            vn_raw_doc_free(&docs[i]);
            continue;
        }
        vn_corpus_doc doc = {0};
        st = vn_raw_doc_resolved(&docs[i], &doc, err);
        if (st == VN_OK)
            st = s->visitor->doc(s->visitor->arg, &doc, s->rank[seq], err);
        vn_corpus_doc_free(&doc);
    }
    s->next += n;
    return st;
}

vn_status vn_corpus_stream(const char *db_path, const vn_registry *registry,
                           const vn_corpus_visitor *visitor, vn_error *err)
{
    stream s = {.registry = registry, .visitor = visitor, .strings = VN_ARENA_INIT,
                .files = VN_INTERN_INIT};
    vn_xdb *db;
    unsigned long total;
    vn_status st = vn_corpus_read_open(db_path, &db, &total, err);
    if (st != VN_OK)
        return st;
    s.rdocs = malloc(VN_CORPUS_READ_PAGE * sizeof *s.rdocs);
    st = s.rdocs ? vn_resolve_table_create(&s.table, err) : nomem(err);
    if (st == VN_OK)
        st = vn_corpus_read_pages(db, db_path, total, NULL, false, table_page, &s, err);
    if (st == VN_OK)
        st = vn_resolve_table_finish(s.table, registry, err);
    if (st == VN_OK)
        st = rank_files(&s, err);
    if (st == VN_OK && visitor->begin)
        st = visitor->begin(visitor->arg, s.files.count, err);
    if (st == VN_OK)
        st = vn_corpus_read_pages(db, db_path, s.count, NULL, false, visit_page, &s, err);
    if (st == VN_OK && s.next != s.count)
        st = vn_error_set(err, VN_ERR_INDEX,
                          "the index changed between its two reads; run the command again");
    vn_xdb_close(db, NULL);
    vn_resolve_table_free(s.table);
    vn_intern_free(&s.files);
    vn_arena_free(&s.strings);
    free(s.file);
    free(s.rank);
    free(s.rdocs);
    return st;
}
