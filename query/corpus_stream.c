/*
 * corpus_stream.c — the corpus one document at a time (vn_corpus_stream,
 * see corpus.h).
 *
 * Resolution needs every document once, for the table of dated symbols,
 * and then each document on its own (indexer/resolve.h).  So the index is
 * read twice (or more) through the same database handle, which sees one
 * revision: the first read adds each document to the table and lets it go,
 * keeping its file name; each later one resolves a page at a time.  vn_corpus_load()
 * reads once and holds everything, about 560 bytes a citation: 1.7 GB at
 * 100k plans, 17 GB at a million.
 */
#include "corpus.h"

#include <stdlib.h>
#include <string.h>

#include "../common/arena.h"
#include "../common/grow.h"
#include "../common/intern.h"
#include "../indexer/resolve.h"
#include "corpus_read.h"

/* A document of the first read. */
typedef struct read_doc {
    const char *file;
    size_t rank;            /* its place in file order; SIZE_MAX for a repeat of a file
                               read before (the file's number until rank_files) */
} read_doc;

typedef struct stream {
    const vn_registry *registry;
    const vn_corpus_visitor *visitor;
    vn_resolve_table *table;
    vn_arena strings;           /* the file names */
    vn_intern files;            /* distinct files, numbered as first read */
    read_doc *read;             /* [seq]: the seq-th document of the first read */
    size_t count, cap;
    size_t next;                /* seq of the next document of the second pass */
    vn_resolve_doc *rdocs;      /* a page's documents, for the resolver */
} stream;

static vn_status nomem(vn_error *err)
{
    return vn_error_set(err, VN_ERR_NOMEM, "out of memory while reading the index");
}

/* First pass: the table, and which file each document is.  The first
 * document read of a file is the one kept, as vn_corpus_load() keeps it. */
static vn_status table_page(void *arg, raw_doc *docs, size_t n, vn_error *err)
{
    stream *s = arg;
    vn_status st = VN_OK;
    for (size_t i = 0; i < n; i++) {
        if (st == VN_OK && !vn_grow((void **)&s->read, &s->cap, s->count, sizeof *s->read, 1024))
            st = nomem(err);
        const char *file = st == VN_OK ? vn_arena_strdup(&s->strings, docs[i].doc.file) : NULL;
        size_t before = s->files.count, id;
        if (st == VN_OK && (!file || vn_intern_add(&s->files, file, &id) != VN_OK))
            st = nomem(err);
        if (st == VN_OK) {
            bool first = s->files.count > before;
            s->read[s->count++] = (read_doc){file, first ? id : SIZE_MAX};
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
        if (s->read[q].rank != SIZE_MAX)
            s->read[q].rank = place[s->read[q].rank];
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
        if (seq >= s->count || strcmp(s->read[seq].file, docs[i].doc.file) != 0)
            st = vn_error_set(err, VN_ERR_INDEX,
                              "the index changed between its reads; run the command again");
        else if (s->read[seq].rank != SIZE_MAX)
            s->rdocs[m++] = (vn_resolve_doc){&docs[i].doc.meta, &docs[i].list};
    }
    if (st == VN_OK)
        st = vn_resolve_with(s->rdocs, m, s->table, s->registry, err);
    for (size_t i = 0; i < n; i++) {
        size_t seq = s->next + i;
        if (st != VN_OK || s->read[seq].rank == SIZE_MAX) {
            vn_raw_doc_free(&docs[i]);
            continue;
        }
        vn_corpus_doc doc = {0};
        st = vn_raw_doc_resolved(&docs[i], &doc, err);
        if (st == VN_OK)
            st = s->visitor->doc(s->visitor->arg, &doc, s->read[seq].rank, err);
        vn_corpus_doc_free(&doc);
    }
    s->next += n;
    return st;
}

vn_status vn_corpus_stream(const char *db_path, const vn_registry *registry,
                           const vn_corpus_visitor *visitor, vn_error *err)
{
    return vn_corpus_stream_passes(db_path, registry, visitor, 1, err);
}

vn_status vn_corpus_stream_passes(const char *db_path, const vn_registry *registry,
                                  const vn_corpus_visitor *visitors, size_t passes,
                                  vn_error *err)
{
    stream s = {.registry = registry, .strings = VN_ARENA_INIT, .files = VN_INTERN_INIT};
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
    for (size_t p = 0; st == VN_OK && p < passes; p++) {
        s.visitor = &visitors[p];
        s.next = 0;
        if (s.visitor->begin)
            st = s.visitor->begin(s.visitor->arg, s.files.count, err);
        if (st == VN_OK)
            st = vn_corpus_read_pages(db, db_path, s.count, NULL, false, visit_page, &s, err);
        if (st == VN_OK && s.next != s.count)
            st = vn_error_set(err, VN_ERR_INDEX,
                              "the index changed between its reads; run the command again");
    }
    vn_xdb_close(db, NULL);
    vn_resolve_table_free(s.table);
    vn_intern_free(&s.files);
    vn_arena_free(&s.strings);
    free(s.read);
    free(s.rdocs);
    return st;
}
