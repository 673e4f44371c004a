/*
 * corpus_read.h — an index's stored documents read back as documents whose
 * citations are not yet resolved (internal to query/corpus*.c).
 *
 * vn_corpus_load() reads them all, then resolves; vn_corpus_stream() reads
 * them twice, a page at a time, and never holds them all.  Both read
 * through vn_corpus_read_pages() and finish a resolved document with
 * vn_raw_doc_resolved(), so both give the same documents.
 */
#ifndef VN_CORPUS_READ_H
#define VN_CORPUS_READ_H

#include <stdbool.h>
#include <stddef.h>
#include "../common/xapian.h"
#include "../indexer/stored_cites.h"
#include "corpus.h"

/* Where a citation is, kept from its record until the citation is resolved. */
typedef struct cite_where {
    long line, column, start, end;
    const char *text;       /* into the stored bytes until copy_strings, then `strings` */
    size_t text_len;
    vn_strview symbol, name, issuer;   /* into the stored bytes, for copy_strings */
    json_t *record;
} cite_where;

/* A document as read: converted, its citations not yet resolved. */
typedef struct raw_doc {
    vn_corpus_doc doc;      /* doc.cites is allocated after resolution, so a
                               citation is never held twice (list and cites) */
    vn_citation_list list;  /* as stored, resolution thrown away */
    cite_where *where;      /* per citation */
    char **notes;           /* per citation: a `corrected` note to keep, or NULL */
} raw_doc;

void vn_raw_doc_free(raw_doc *r);

/* qsort order of raw docs: by file. */
int vn_raw_doc_cmp(const void *a, const void *b);

/* Opens the index at db_path and counts its documents; VN_ERR_NOTFOUND
 * with a message saying how to make one. */
vn_status vn_corpus_read_open(const char *db_path, vn_xdb **db, unsigned long *total,
                              vn_error *err);

/* Documents read at a time (a page has at most this many). */
enum { VN_CORPUS_READ_PAGE = 1000 };

/* Gets each page of documents read, in index order.  The documents are the
 * callee's: it frees them (vn_raw_doc_free) or moves them away. */
typedef vn_status (*vn_raw_page_fn)(void *arg, raw_doc *docs, size_t n, vn_error *err);

/*
 * Reads the first `total` documents of db (opened on db_path) a page at a
 * time and gives each page to fn.  With `keep`, every citation's JSON
 * record is built again and owned by owner->owner.
 */
vn_status vn_corpus_read_pages(vn_xdb *db, const char *db_path, unsigned long total,
                               vn_corpus *owner, bool keep, vn_raw_page_fn fn, void *arg,
                               vn_error *err);

/* A document whose citations vn_resolve*() resolved, moved into *out (r is
 * left empty). */
vn_status vn_raw_doc_resolved(raw_doc *r, vn_corpus_doc *out, vn_error *err);

/* Frees what a corpus document owns. */
void vn_corpus_doc_free(vn_corpus_doc *d);

/* "2024-03" -> its range; false (out NONE) for anything else. */
bool vn_corpus_iso_range(const char *s, vn_date_range *out);

#endif
