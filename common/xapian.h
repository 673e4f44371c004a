/*
 * xapian.h — the C face of Xapian.  common/xapian.cc is the only C++ file of
 * vncite and the only code that knows Xapian exists; everything else sees
 * the opaque handles below.
 *
 * Conventions (modelled on notmuch's lib/notmuch.h):
 *   - Every fallible function returns a vn_status and fills the caller's
 *     vn_error (which may be NULL) with a sentence naming the database or
 *     query.  Xapian::Error, std::bad_alloc and every other C++ exception
 *     are caught at the entry point; none ever crosses into C.
 *   - Strings handed out (document data, values, terms) are copies owned by
 *     the handle they came from and stay valid until the call documented at
 *     each getter (usually the handle's destruction).
 *   - Iterators (vn_xterms) follow one protocol: _valid(), _get(),
 *     _move_to_next(), _destroy().  They iterate over a snapshot taken
 *     when they were made, so they never fail half-way and the database
 *     may be changed (documents deleted) while one is in use.
 *   - A handle is used by one thread at a time.  Different handles (for
 *     example one writable shard per thread) may be used concurrently.
 *   - Terms are byte strings of at most VN_XTERM_MAX bytes.  Longer terms
 *     are cut at a UTF-8 character boundary when added, because Xapian
 *     would otherwise refuse the whole batch at commit time.
 *
 * What goes into a document (prefixes, value slots, data layout) is not
 * decided here but in common/index_schema.h, and the word -> term rule in
 * common/terms.h.
 */
#ifndef VN_XAPIAN_H
#define VN_XAPIAN_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "status.h"

/* Xapian's limit on the length of a term, in bytes. */
#define VN_XTERM_MAX 245

typedef struct vn_xdb vn_xdb;         /* a database: one directory, a stub, shards */
typedef struct vn_xdoc vn_xdoc;       /* a document being built, or read back */
typedef struct vn_xquery vn_xquery;   /* an immutable query tree */
typedef struct vn_xparser vn_xparser; /* a query string parser */
typedef struct vn_xmset vn_xmset;     /* one page of search results */
typedef struct vn_xdocs vn_xdocs;     /* a page of documents read in id order */
typedef struct vn_xterms vn_xterms;   /* an iterator over (string, count) pairs */

/* ------------------------------------------------------------------------
 * Databases
 * ------------------------------------------------------------------------ */

/*
 * Opens the database directory `path` for writing, creating it if needed.
 * Takes Xapian's write lock: if another process (or another handle in this
 * process) is writing, fails at once with VN_ERR_LOCKED and the message
 * "PATH: database is being indexed by another process".  Nothing is
 * visible to readers until a commit.
 */
vn_status vn_xdb_open_writable(const char *path, vn_xdb **out, vn_error *err);

/*
 * Opens `path` read-only.  `path` is a database directory or a Xapian stub
 * database file: a text file with one shard per line, "auto DIR" for a
 * local shard (relative to the stub's directory) or "remote HOST:PORT" /
 * "remote :PROGRAM ARGS" for a shard served by xapian-tcpsrv /
 * xapian-progsrv.  A missing database gives VN_ERR_NOTFOUND.
 */
vn_status vn_xdb_open(const char *path, vn_xdb **out, vn_error *err);

/* Adds one more shard (directory or stub) to a read-only handle. */
vn_status vn_xdb_add_shard(vn_xdb *db, const char *path, vn_error *err);

/*
 * Commits pending changes (writable handles), releases the lock and frees
 * the handle.  The handle is freed even when the commit fails; the error
 * says so.  NULL is accepted.
 */
vn_status vn_xdb_close(vn_xdb *db, vn_error *err);

/* True for a handle from vn_xdb_open_writable(). */
bool vn_xdb_is_writable(const vn_xdb *db);

/* The path the handle was opened with. */
const char *vn_xdb_path(const vn_xdb *db);

/*
 * Read-only handles: move to the latest committed revision.  Searches and
 * lookups already do this by themselves when a concurrent writer makes the
 * revision they read vanish (Xapian::DatabaseModifiedError).
 */
vn_status vn_xdb_reopen(vn_xdb *db, vn_error *err);

/* Makes every change so far durable and visible to new readers. */
vn_status vn_xdb_commit(vn_xdb *db, vn_error *err);

/*
 * Batch commits without transactions: after every vn_xdb_replace() or
 * vn_xdb_delete(), the handle commits by itself once `docs` documents have
 * changed or `postings` term postings (positions and boolean terms) have
 * been buffered since the last commit, whichever comes first.  The second
 * bound is what keeps memory flat with large documents (Xapian's own
 * threshold counts documents only, 10000 by default, which is what makes a
 * naive indexer's memory grow to hundreds of MB).  Small batches also
 * index faster: Xapian's in-memory inverter slows down as it grows.  0
 * leaves a bound unchanged.  A process killed at any moment leaves the
 * database at its last commit.  Measured in docs/INDEX.md.
 */
#define VN_XDB_COMMIT_DOCS 1000u
#define VN_XDB_COMMIT_POSTINGS 1000000u
void vn_xdb_set_batch(vn_xdb *db, unsigned docs, size_t postings);

/* Number of commits made so far through this handle (explicit or batch). */
unsigned long vn_xdb_commit_count(const vn_xdb *db);

/*
 * Adds `doc`, or replaces every document indexed by `unique_term` with it
 * (the term must also be added to the document, as a boolean term, for
 * later replacements to find it).  Stores the document id in *docid when
 * docid is non-NULL.  The document handle is not consumed.
 */
vn_status vn_xdb_replace(vn_xdb *db, const char *unique_term, vn_xdoc *doc,
                         unsigned *docid, vn_error *err);

/* Deletes every document indexed by `term` (none is not an error). */
vn_status vn_xdb_delete(vn_xdb *db, const char *term, vn_error *err);

/* Number of documents. */
vn_status vn_xdb_doc_count(vn_xdb *db, unsigned long *out, vn_error *err);

/* Number of documents indexed by `term` (0 if none). */
vn_status vn_xdb_termfreq(vn_xdb *db, const char *term, unsigned long *out,
                          vn_error *err);

/*
 * Reads back the first document indexed by `unique_term`, for example to
 * compare its stored file stamp before re-indexing.  VN_ERR_NOTFOUND (with
 * a message) if there is none.  Free *out with vn_xdoc_destroy().
 */
vn_status vn_xdb_find(vn_xdb *db, const char *unique_term, vn_xdoc **out,
                      vn_error *err);

/* Reads back document `docid`; VN_ERR_NOTFOUND if it does not exist. */
vn_status vn_xdb_get(vn_xdb *db, unsigned docid, vn_xdoc **out, vn_error *err);

/*
 * Iterates over every term of the database that starts with `prefix`, in
 * byte order; vn_xterms_get() gives the term WITHOUT the prefix and
 * vn_xterms_count() its document frequency.  With the unique-id prefix
 * this lists every indexed path (to find files deleted since).
 */
vn_status vn_xdb_terms(vn_xdb *db, const char *prefix, vn_xterms **out,
                       vn_error *err);

/* User metadata (schema version …).  A missing key reads as "".  *out is
 * malloc'd and NUL-terminated; the caller frees it. */
vn_status vn_xdb_get_metadata(vn_xdb *db, const char *key, char **out,
                              vn_error *err);
vn_status vn_xdb_set_metadata(vn_xdb *db, const char *key, const char *value,
                              vn_error *err);

/*
 * Merges `n` databases (directories or stubs) into a new compact database
 * directory `dest` (xapian-compact).  Document ids are renumbered: shard 1
 * first, then shard 2 …
 */
vn_status vn_xdb_compact(const char *const *sources, size_t n, const char *dest,
                         vn_error *err);

/*
 * Writes a stub database file combining `n` shards: each entry is written
 * as given, so pass "auto DIR", "remote HOST:PORT" … or a bare directory,
 * which becomes "auto DIR".  Written to a temporary file and renamed, so
 * readers never see half a stub.
 */
vn_status vn_xdb_write_stub(const char *stub_path, const char *const *shards,
                            size_t n, vn_error *err);

/*
 * What the database at `path` holds now, as text that changes with every
 * commit to any of its local shards: "uuid:revision" a line, one per shard,
 * following stub files.  *out is malloc'd.  VN_ERR_NOTFOUND when nothing
 * can tell (a remote or in-memory shard): callers then keep no cache.
 */
vn_status vn_xdb_state(const char *path, char **out, vn_error *err);

/* ------------------------------------------------------------------------
 * Documents
 * ------------------------------------------------------------------------ */

/* A new, empty document to fill and pass to vn_xdb_replace(). */
vn_status vn_xdoc_new(vn_xdoc **out, vn_error *err);

/* NULL is accepted. */
void vn_xdoc_destroy(vn_xdoc *doc);

/* Adds one occurrence of `term` at position `pos` (wdf + 1). */
vn_status vn_xdoc_add_posting(vn_xdoc *doc, const char *term, size_t len,
                              unsigned pos, vn_error *err);

/* Adds one occurrence of `term` without a position (wdf + 1). */
vn_status vn_xdoc_add_term(vn_xdoc *doc, const char *term, size_t len, vn_error *err);

/* Adds `term` without position or frequency (a filter term). */
vn_status vn_xdoc_add_boolean(vn_xdoc *doc, const char *term, size_t len,
                              vn_error *err);

/* Sets value slot `slot` (sort keys, facets, file stamps). */
vn_status vn_xdoc_set_value(vn_xdoc *doc, unsigned slot, const char *value,
                            size_t len, vn_error *err);

/* Sets the document data (vncite stores JSON there, see index_schema.h). */
vn_status vn_xdoc_set_data(vn_xdoc *doc, const char *data, size_t len,
                           vn_error *err);

/*
 * The next free word position of a document being built (starts at 1).
 * The term generator (terms.h) reads and advances it, so title and body
 * text can follow each other; leave a gap between fields so that phrases
 * do not match across them.
 */
unsigned vn_xdoc_termpos(const vn_xdoc *doc);
void vn_xdoc_set_termpos(vn_xdoc *doc, unsigned pos);

/* Postings (positions + boolean terms) added to this handle so far. */
size_t vn_xdoc_posting_count(const vn_xdoc *doc);

/* Document id of a document read back from a database (0 for a new one). */
unsigned vn_xdoc_docid(const vn_xdoc *doc);

/*
 * Value of `slot`, "" (len 0) if unset; document data.  NUL-terminated
 * (*len set when len is non-NULL), valid until the document is destroyed
 * or the value set again.  A document read back has everything in memory:
 * these cannot fail.
 */
const char *vn_xdoc_value(const vn_xdoc *doc, unsigned slot, size_t *len);
const char *vn_xdoc_data(const vn_xdoc *doc, size_t *len);

/* Terms of the document starting with `prefix` (prefix stripped), with
 * their wdf as count. */
vn_status vn_xdoc_terms(vn_xdoc *doc, const char *prefix, vn_xterms **out,
                        vn_error *err);

/* ------------------------------------------------------------------------
 * Queries
 * ------------------------------------------------------------------------ */

typedef enum vn_xop {
    VN_XOP_AND,       /* all subqueries */
    VN_XOP_OR,        /* any subquery; also allowed inside PHRASE and NEAR */
    VN_XOP_AND_NOT,   /* the first, none of the others */
    VN_XOP_XOR,
    VN_XOP_AND_MAYBE, /* the first; the others only add weight */
    VN_XOP_FILTER,    /* the first, restricted by the others (no weight) */
    VN_XOP_SYNONYM,   /* any, weighted as one term; NOT allowed in PHRASE */
    VN_XOP_PHRASE,    /* in order, within `window` positions */
    VN_XOP_NEAR       /* any order, within `window` positions */
} vn_xop;

/* A term, with its query position (0 if none). */
vn_status vn_xquery_term(const char *term, size_t len, unsigned pos,
                         vn_xquery **out, vn_error *err);

/*
 * Combines `n` subqueries (which stay owned by the caller).  `window` is
 * used by PHRASE and NEAR (0 = number of subqueries).  PHRASE and NEAR
 * accept terms and ORs of terms; Xapian 1.4 rejects SYNONYM, wildcards and
 * nested phrases there, with VN_ERR_PARSE from this call or from
 * vn_xdb_search().
 */
vn_status vn_xquery_combine(vn_xop op, vn_xquery *const *subs, size_t n,
                            unsigned window, vn_xquery **out, vn_error *err);

/* Every term starting with `prefix` (expanded at search time, at most
 * VN_XQUERY_WILDCARD_MAX terms, the most frequent ones). */
#define VN_XQUERY_WILDCARD_MAX 1000u
vn_status vn_xquery_wildcard(const char *prefix, vn_xquery **out, vn_error *err);

/* Documents whose value in `slot` lies in [lo, hi] (byte order); NULL
 * leaves that end open. */
vn_status vn_xquery_value_range(unsigned slot, const char *lo, const char *hi,
                                vn_xquery **out, vn_error *err);

/* Every document / no document. */
vn_status vn_xquery_all(vn_xquery **out, vn_error *err);
vn_status vn_xquery_none(vn_xquery **out, vn_error *err);

/* `q` with weights multiplied by factor (0 makes it a pure filter). */
vn_status vn_xquery_scale(const vn_xquery *q, double factor, vn_xquery **out,
                          vn_error *err);

/* True if the query matches nothing by construction (an empty query). */
bool vn_xquery_is_empty(const vn_xquery *q);

/*
 * The query's terms (with prefixes, count 0), each once, in query order:
 * what a hit's snippet can mark.  For a parsed query, the terms of the
 * words as written: not the spellings its phrases match through.  A wildcard contributes no term.  Xapian's
 * per-hit "matching terms" are these intersected with the document's term
 * list, read from the index for every hit; a snippet finds no word for a
 * term its document lacks, so the query's terms, taken once, do the same.
 */
vn_status vn_xquery_terms(const vn_xquery *q, vn_xterms **out, vn_error *err);

/* Xapian's description of the query, for debugging and tests ("Query((dân@1
 * AND chu@2))").  malloc'd; NULL on allocation failure. */
char *vn_xquery_describe(const vn_xquery *q);

/* NULL is accepted. */
void vn_xquery_destroy(vn_xquery *q);

/* ------------------------------------------------------------------------
 * Query parser: Xapian::QueryParser with vncite's settings — default
 * operator AND, phrases "…", AND/OR/NOT/XOR (upper case), +/-, NEAR,
 * brackets, trailing * wildcards, pure NOT, no stemming, no spelling.
 * ------------------------------------------------------------------------ */

/*
 * Maps one word as the parser split it (already lower-cased by Xapian) to
 * the term to search for, appended to `term`.  Called for free-text words
 * and for words inside phrases; the field prefix is added by the parser.
 */
typedef vn_status (*vn_xword_fn)(void *ctx, const char *word, size_t len,
                                 vn_buf *term, vn_error *err);

/*
 * Turns the value of a `field:value` filter (quotes removed) into a query.
 * Return VN_ERR_PARSE with a message naming the field to reject the value:
 * vn_xparser_parse() then fails with that status and message.
 */
typedef vn_status (*vn_xfield_fn)(void *ctx, const char *value, size_t len,
                                  vn_xquery **out, vn_error *err);

/* A parser with no fields; wildcards expand at search time, against the
 * database searched, so the parser needs none. */
vn_status vn_xparser_new(vn_xparser **out, vn_error *err);

/* NULL is accepted. */
void vn_xparser_destroy(vn_xparser *p);

/* Installs the word -> term mapping (default: the word as Xapian
 * lower-cased it). */
vn_status vn_xparser_set_word_fn(vn_xparser *p, vn_xword_fn fn, void *ctx,
                                 vn_error *err);

/*
 * The terms a phrase (or NEAR) should match for one of its terms, `term`
 * (the word's term with its field prefix removed): each appended to `out`
 * followed by a NUL byte, their number in *count; *count 0 keeps the term.
 */
typedef vn_status (*vn_xspell_fn)(void *ctx, const char *term, size_t len, vn_buf *out,
                                  size_t *count, vn_error *err);

/*
 * Installs the phrase spellings: after parsing, every PHRASE or NEAR one of
 * whose terms has spellings becomes FILTER(AND(its terms), the same PHRASE
 * or NEAR of OR(spellings) in place of those terms), which matches what the
 * OR matches at those positions and ranks by the original terms.
 */
vn_status vn_xparser_set_spell_fn(vn_xparser *p, vn_xspell_fn fn, void *ctx,
                                  vn_error *err);

/* `field:words` searches free text indexed under term prefix `prefix`. */
vn_status vn_xparser_add_prefix(vn_xparser *p, const char *field,
                                const char *prefix, vn_error *err);

/*
 * `field:value` is a boolean filter computed by `fn`.  Filters on the same
 * field are OR-ed, filters on different fields AND-ed, and filters add no
 * weight.  A field can be registered once.
 */
vn_status vn_xparser_add_filter(vn_xparser *p, const char *field,
                                vn_xfield_fn fn, void *ctx, vn_error *err);

/*
 * Parses `query` (UTF-8).  A malformed query ("dân AND", unbalanced syntax
 * Xapian cannot recover from, a rejected filter value) gives VN_ERR_PARSE
 * with Xapian's or the filter's message.  An empty query gives a query for
 * which vn_xquery_is_empty() is true.
 */
vn_status vn_xparser_parse(vn_xparser *p, const char *query, vn_xquery **out,
                           vn_error *err);

/* ------------------------------------------------------------------------
 * Searching
 * ------------------------------------------------------------------------ */

typedef enum vn_xsort {
    VN_XSORT_RELEVANCE = 0,  /* best first, ties by document id */
    VN_XSORT_VALUE_ASC,      /* by value `sort_slot`, then relevance */
    VN_XSORT_VALUE_DESC,
    VN_XSORT_DOCID           /* document id order, unweighted: for reading every
                                document a page at a time, where ranking a page
                                would weigh all the documents before it */
} vn_xsort;

typedef struct vn_xsearch_opts {
    size_t offset;               /* rank of the first hit wanted (0 = best) */
    size_t limit;                /* hits wanted (0 is allowed: counts only) */
    vn_xsort sort;
    unsigned sort_slot;
    const unsigned *facet_slots; /* count the values of these slots over ALL matches */
    size_t facet_count;
    size_t check_at_least;       /* matches to examine for exact counts; 0 =
                                    offset+limit, or every document when
                                    facets are asked for */
} vn_xsearch_opts;

/* Runs `q`.  A query Xapian cannot run (a SYNONYM inside a PHRASE …) gives
 * VN_ERR_PARSE. */
vn_status vn_xdb_search(vn_xdb *db, const vn_xquery *q,
                        const vn_xsearch_opts *opts, vn_xmset **out,
                        vn_error *err);

/* Hits on this page. */
size_t vn_xmset_size(const vn_xmset *m);

/* Matching documents in total: Xapian's estimate and its bounds (exact
 * when they are equal). */
void vn_xmset_counts(const vn_xmset *m, unsigned long *estimated,
                     unsigned long *lower, unsigned long *upper);

typedef struct vn_xhit {
    unsigned docid;
    size_t rank;           /* 0-based, counting from the first match, not the page */
    double weight;
    int percent;           /* 0..100 */
    const char *data;      /* document data, valid until the mset is destroyed */
    size_t data_len;
} vn_xhit;

/* Hit `i` (0 <= i < vn_xmset_size()). */
vn_status vn_xmset_hit(vn_xmset *m, size_t i, vn_xhit *out, vn_error *err);

/* Value `slot` of hit `i`; valid until the mset is destroyed. */
vn_status vn_xmset_value(vn_xmset *m, size_t i, unsigned slot,
                         const char **value, size_t *len, vn_error *err);

/* Values of facet slot `slot` over all matches, most frequent first (ties
 * in byte order), with their counts.  VN_ERR_NOTFOUND if `slot` was not in
 * opts->facet_slots. */
vn_status vn_xmset_facets(vn_xmset *m, unsigned slot, vn_xterms **out,
                          vn_error *err);

/* NULL is accepted. */
void vn_xmset_destroy(vn_xmset *m);

/* ------------------------------------------------------------------------
 * Reading every document
 * ------------------------------------------------------------------------ */

/*
 * Up to `max` documents with ids above `after` (0: from the first), in id
 * order, straight from the database's document list: a page costs its own
 * documents only, where a result set at an offset passes every document
 * before the offset again (quadratic over a million documents).  Each
 * document is a round trip to a remote shard, so over remote shards read
 * with VN_XSORT_DOCID pages instead (vn_xdb_state() tells them apart).
 */
vn_status vn_xdb_read_docs(vn_xdb *db, unsigned after, size_t max, vn_xdocs **out,
                           vn_error *err);

size_t vn_xdocs_size(const vn_xdocs *p);

/* Document `i` of the page (i < vn_xdocs_size()): id and data, valid until
 * the page is destroyed; rank, weight and percent are 0. */
void vn_xdocs_hit(const vn_xdocs *p, size_t i, vn_xhit *out);

/* NULL is accepted. */
void vn_xdocs_destroy(vn_xdocs *p);

/* ------------------------------------------------------------------------
 * Iterators over (string, count)
 * ------------------------------------------------------------------------ */

bool vn_xterms_valid(const vn_xterms *it);

/* The current string (NUL-terminated; *len set if len is non-NULL), valid
 * until the next move or the iterator's destruction. */
const char *vn_xterms_get(const vn_xterms *it, size_t *len);

/* The count belonging to the current string (see each producer). */
unsigned long vn_xterms_count(const vn_xterms *it);

void vn_xterms_move_to_next(vn_xterms *it);

/* NULL is accepted. */
void vn_xterms_destroy(vn_xterms *it);

#endif
