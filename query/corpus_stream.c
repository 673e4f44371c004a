/*
 * corpus_stream.c — the corpus one document at a time (vn_corpus_stream,
 * see corpus.h).
 *
 * Resolution needs every document once, for the table of dated symbols,
 * and then each document on its own (indexer/resolve.h).  So the index is
 * read twice (or more) through the same database handle, which sees one
 * revision: the first read adds each document to the table and lets it go,
 * keeping its file name; each later one resolves a page at a time.  What
 * the first read learns is kept in DB/stream.cache (stream_cache.h) and
 * read from there instead while the index, registry and program stay the
 * same.  vn_corpus_load() reads once and holds everything, about 560 bytes
 * a citation: 1.7 GB at 100k plans, 17 GB at a million.
 */
#include "corpus.h"

#include <stdlib.h>
#include <string.h>

#include "../common/arena.h"
#include "../common/grow.h"
#include "../common/intern.h"
#include "../indexer/resolve.h"
#include "cache_file.h"
#include "corpus_read.h"
#include "stream_cache.h"

/* Whether the first read is kept in DB/stream.cache and read back from it. */
static bool use_stream_cache = true;

void vn_corpus_stream_use_cache(bool use)
{
    use_stream_cache = use;
}

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

/* The next document of the first read is `path`: *first when no document
 * before it was the same file.  The first document read of a file is the
 * one kept, as vn_corpus_load() keeps it. */
static vn_status note_file(stream *s, const char *path, bool *first, vn_error *err)
{
    if (!vn_grow((void **)&s->read, &s->cap, s->count, sizeof *s->read, 1024))
        return nomem(err);
    const char *file = vn_arena_strdup(&s->strings, path);
    size_t before = s->files.count, id;
    if (!file || vn_intern_add(&s->files, file, &id) != VN_OK)
        return nomem(err);
    *first = s->files.count > before;
    s->read[s->count++] = (read_doc){file, *first ? id : SIZE_MAX};
    return VN_OK;
}

/* First pass: the table, and which file each document is. */
static vn_status table_page(void *arg, raw_doc *docs, size_t n, vn_error *err)
{
    stream *s = arg;
    vn_status st = VN_OK;
    for (size_t i = 0; i < n; i++) {
        bool first = false;
        if (st == VN_OK)
            st = note_file(s, docs[i].doc.file, &first, err);
        if (st == VN_OK && first)
            st = vn_resolve_table_add(s->table, &docs[i].doc.meta, &docs[i].list, err);
        vn_raw_doc_free(&docs[i]);
    }
    return st;
}

/* The first pass from DB/stream.cache: false (s untouched) when there is
 * none to use; an error only when memory runs out halfway. */
static bool first_pass_cached(stream *s, const char *path, const char *key, vn_status *st,
                              vn_error *err)
{
    vn_stream_cache c;
    vn_resolve_table *t = NULL;
    vn_error ignored;
    if (vn_stream_cache_read(path, key, &c, &ignored) != VN_OK)
        return false;
    if (vn_resolve_table_restore(c.united, c.united_count, c.written, c.written_count, &t,
                                 &ignored) != VN_OK) {
        vn_stream_cache_free(&c);
        return false;
    }
    s->table = t;
    for (size_t i = 0; *st == VN_OK && i < c.file_count; i++) {
        bool first;
        *st = note_file(s, c.files[i], &first, err);
    }
    vn_stream_cache_free(&c);
    return true;
}

/* The key of a cache for the index's revision that `db` (just opened) reads:
 * made before and after the open, and kept only when the two agree, since
 * revisions only grow.  NULL: keep no cache. */
static char *steady_key(const char *db_path, const vn_registry *registry, char *before)
{
    char *after = NULL;
    vn_error ignored;
    if (before && vn_cache_key(db_path, registry, &after, &ignored) == VN_OK &&
        strcmp(before, after) == 0) {
        free(after);
        return before;
    }
    free(before);
    free(after);
    return NULL;
}

/* Keeps the first pass for the next stream; a cache that cannot be
 * written only costs time. */
static void write_cache(const stream *s, const char *path, const char *key)
{
    const char **files = malloc((s->count ? s->count : 1) * sizeof *files);
    vn_error ignored;
    for (size_t q = 0; files && q < s->count; q++)
        files[q] = s->read[q].file;
    if (files)
        vn_stream_cache_write(path, key, s->table, files, s->count, &ignored);
    free(files);
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
    char *key = NULL, *path = NULL;
    vn_error ignored;
    if (use_stream_cache && vn_cache_key(db_path, registry, &key, &ignored) != VN_OK)
        key = NULL;
    vn_status st = vn_corpus_read_open(db_path, &db, &total, err);
    if (st != VN_OK) {
        free(key);
        return st;
    }
    key = steady_key(db_path, registry, key);
    path = key ? vn_stream_cache_path(db_path) : NULL;
    s.rdocs = malloc(VN_CORPUS_READ_PAGE * sizeof *s.rdocs);
    st = s.rdocs ? VN_OK : nomem(err);
    bool cached = st == VN_OK && path && first_pass_cached(&s, path, key, &st, err);
    if (st == VN_OK && !cached) {
        st = vn_resolve_table_create(&s.table, err);
        if (st == VN_OK)
            st = vn_corpus_read_pages(db, db_path, total, NULL, false, table_page, &s, err);
        if (st == VN_OK)
            st = vn_resolve_table_finish(s.table, registry, err);
        if (st == VN_OK && path)
            write_cache(&s, path, key);
    }
    free(key);
    free(path);
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
