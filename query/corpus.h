/*
 * corpus.h — the citation graph of an index, as the query commands (cites,
 * citations, instruments, outdated, lint, graph) see it.
 *
 * The index stores, per document, its document record (JSON) and its
 * citations in a binary form (indexer/stored_cites.h).  At query time every
 * document's citations are decoded into vn_citation structs and resolved
 * ACROSS the whole corpus with the
 * registry as it is now (indexer/resolve.h): undated citations find their
 * one dated instrument anywhere in the corpus, and editing the registry
 * needs no re-index (SPEC §4).
 *
 * Instruments are the distinct identities cited (plus, for the graph, the
 * registry instruments that replace them); unresolved and ambiguous
 * citations get an instrument entry of their own, marked, so they stay
 * visible.
 */
#ifndef VN_CORPUS_H
#define VN_CORPUS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include "../common/arena.h"
#include "../common/buf.h"
#include "../common/registry.h"
#include "../common/status.h"
#include "../common/xapian.h"
#include "../indexer/citation.h"
#include "../indexer/metadata.h"

typedef struct vn_corpus_cite {
    vn_citation c;          /* resolved; c.start/c.end are NOT meaningful here */
    long line, column;      /* where it is in the file as read (1-based) */
    long start, end;        /* its bytes in the file as read */
    const char *text;       /* as written; owned by the document */
    json_t *record;         /* the citation record as stored, only with
                               VN_CORPUS_KEEP_RECORDS, else NULL */
    size_t instrument;      /* index into vn_corpus.instruments */
} vn_corpus_cite;

typedef struct vn_corpus_doc {
    const char *file;       /* owned by the document (`strings`) */
    vn_docmeta meta;        /* own_number, type_word, title, issuer, date, after …
                               (recipients are not read back) */
    vn_corpus_cite *cites;
    size_t cite_count;
    char *strings;          /* file and the citations' texts, symbols, names and
                               issuers, one block */
    vn_arena texts;         /* symbols the resolver rewrote (united variants) */
} vn_corpus_doc;

typedef enum vn_instrument_state {
    VN_INST_RESOLVED,       /* a known identity */
    VN_INST_UNRESOLVED,     /* nothing known fits (id is what was written) */
    VN_INST_AMBIGUOUS       /* several instruments fit (id is what was written) */
} vn_instrument_state;

typedef struct vn_corpus_instrument {
    /* strings: never NULL, owned by the corpus (instrument_strings) */
    const char *id;         /* identity ("120-KL/TW@2016-01-07"), or for unresolved/
                               ambiguous ones what was written ("09-NQ/TU", "~luat-x") */
    const char *symbol;     /* official symbol, or "" (names) */
    const char *label;      /* what to show: symbol, or the name */
    const char *type_word;
    const char *issuer;     /* from the registry, else from the first citation */
    const char *candidates; /* ambiguous: the identities its first citation could be
                               (", "-separated), else NULL */
    vn_date_range issued;   /* registry, else the cited date; NONE when unknown */
    long registry;          /* index in the registry, -1 if not there */
    vn_instrument_state state;
    size_t citing_docs;     /* number of documents citing it */
    size_t mentions;        /* number of citations */
} vn_corpus_instrument;

typedef struct vn_corpus {
    vn_corpus_doc *docs;            /* sorted by file */
    size_t doc_count;
    vn_corpus_instrument *instruments; /* sorted by id */
    size_t instrument_count;
    const vn_registry *registry;    /* borrowed, may be NULL */
    json_t *owner;                  /* keeps every stored record alive */
    vn_arena instrument_strings;    /* the instruments' strings */
    char *storage;                  /* or the bytes they point into, read from
                                       DB/instruments.cache (instrument_cache.h) */
} vn_corpus;

/* Reads every document of the index at db_path and resolves citations
 * across them with `registry` (may be NULL).  VN_ERR_NOTFOUND with a
 * message when there is no index.
 *
 * Each page of 1000 documents is decoded on two threads (on one with kept
 * records).  VN_CORPUS_KEEP_RECORDS also builds every citation's JSON
 * record (docs/JSON.md) again (vn_corpus_cite.record) for commands that
 * print records. */
enum { VN_CORPUS_KEEP_RECORDS = 1u << 0 };
/* VN_CORPUS_NO_INSTRUMENTS skips the instrument table (a quarter of the load at
 * 100k): instruments stays empty and vn_corpus_cite.instrument means nothing.
 * For callers that group citations themselves (vn_outdated_input_build). */
enum { VN_CORPUS_NO_INSTRUMENTS = 1u << 1 };

/* VN_CORPUS_INSTRUMENTS_ONLY builds the instrument table alone, streaming
 * the documents (vn_corpus_stream) instead of holding them: docs stays
 * empty, memory is the table and a page of documents. */
enum { VN_CORPUS_INSTRUMENTS_ONLY = 1u << 2 };

vn_status vn_corpus_load(const char *db_path, const vn_registry *registry, vn_corpus *out,
                         vn_error *err);
vn_status vn_corpus_load_flags(const char *db_path, const vn_registry *registry,
                               unsigned flags, vn_corpus *out, vn_error *err);

void vn_corpus_free(vn_corpus *c);

/*
 * Every document of the index, resolved across all of them as by
 * vn_corpus_load(), without holding them all: the index is read twice, a
 * page at a time (query/corpus_stream.c).  The first read fills the
 * resolver's table of dated symbols (indexer/resolve.h), the second
 * resolves each page against it and gives its documents to `doc`, one at
 * a time; a document lives until `doc` returns.  Memory is a page of
 * documents, the table and one string per document, whatever the corpus.
 *
 * `begin` learns how many documents there are before the first `doc`.
 * Documents come in index order; `rank` is the document's place in file
 * order, which is vn_corpus_load()'s order.  A path stored twice is given
 * once, as by vn_corpus_load().  No instrument table:
 * vn_corpus_cite.instrument means nothing.  A non-OK status from a
 * callback stops the stream and is returned.
 */
typedef struct vn_corpus_visitor {
    vn_status (*begin)(void *arg, size_t doc_count, vn_error *err);
    vn_status (*doc)(void *arg, const vn_corpus_doc *doc, size_t rank, vn_error *err);
    void *arg;
} vn_corpus_visitor;

vn_status vn_corpus_stream(const char *db_path, const vn_registry *registry,
                           const vn_corpus_visitor *visitor, vn_error *err);

/* Whether vn_corpus_stream keeps what its first read learns (the resolver's
 * table, which file each document is) in DB/stream.cache, keyed like the
 * other caches, and reads it from there when the key matches
 * (query/stream_cache.h); on by default, off for --no-cache. */
void vn_corpus_stream_use_cache(bool use);

/* The same with `passes` visits of every document after the one read that
 * fills the table, visitors[p] on the p-th: for a command that must see
 * the whole corpus before it judges a document (lint).  Each visit reads
 * the index again; the table is made once. */
vn_status vn_corpus_stream_passes(const char *db_path, const vn_registry *registry,
                                  const vn_corpus_visitor *visitors, size_t passes,
                                  vn_error *err);

/*
 * The instrument-table key of a citation the resolver left without an
 * identity: what the index calls it (symbol, or "~" + the filter key of a
 * name, dated where identity needs it; "~quyet-dinh-217" for a bare number).
 * Written to out (not NUL-terminated).  It is a resolved instrument's id when
 * another citation resolved to that: the table then counts it as resolved.
 */
vn_status vn_corpus_written_key(const vn_citation *c, vn_buf *out, vn_error *err);

/* Index of the instrument with this id, or -1. */
long vn_corpus_find_instrument(const vn_corpus *c, const char *id);

/* Index of the document with this file path (as indexed, "./" stripped), or -1. */
long vn_corpus_find_doc(const vn_corpus *c, const char *file);

/*
 * Instruments a user means by `text` ("59/2023/ND-CP", "nd 59/2023",
 * "120-KL/TW" = every dated 120-KL/TW, "120-KL/TW@2016-01-07", a name
 * "Luật Tiếp công dân"): writes up to max indices, returns how many match.
 */
size_t vn_corpus_match(const vn_corpus *c, const char *text, size_t *out, size_t max);

/*
 * The citation records (docs/JSON.md) of document `file` (its path as
 * indexed) as db, opened on db_path, stores them, built again exactly as
 * VN_CORPUS_KEEP_RECORDS builds them (before resolution): a new JSON array
 * in text order.  VN_ERR_NOTFOUND when db holds no such document.  For a
 * command that streamed the corpus and prints a few documents' records.
 */
vn_status vn_corpus_stored_records(vn_xdb *db, const char *db_path, const char *file,
                                   json_t **out, vn_error *err);

/* The date a document is judged at: its own (possibly partial) date, else
 * "not before its latest cited date" (metadata.h); false when unknown. */
bool vn_corpus_doc_date(const vn_corpus_doc *d, vn_date_range *out);

#endif
