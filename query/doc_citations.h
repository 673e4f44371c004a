/*
 * doc_citations.h — what each document cites, one row per instrument in
 * order of first mention, without the corpus in memory (`vncite citations`).
 *
 * The index is streamed once (vn_instrument_tally_stream): the instrument
 * table is counted, and each document's rows go to a temporary file as the
 * document passes, with the key of each instrument.  Once the table is
 * finished the rows are read back in file order and each key becomes its
 * instrument's place in the table.  Memory is the table and the file names;
 * the rows (about 60 bytes each, 2.6 M at 100k plans) wait on disk, and so
 * do the citations themselves when asked for (`vncite cites`).
 */
#ifndef VN_DOC_CITATIONS_H
#define VN_DOC_CITATIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/date.h"
#include "../common/registry.h"
#include "../common/status.h"
#include "corpus.h"

/* One instrument a document cites. */
typedef struct vn_cited {
    size_t instrument;        /* index into the table's instruments */
    size_t mentions;          /* citations of it in the document */
    long line, column;        /* its first citation */
    const char *text;         /* … as written */
} vn_cited;

/* One citation, with VN_DOC_CITATIONS_EVERY. */
typedef struct vn_doc_cite {
    size_t instrument;        /* index into the table's instruments */
    size_t index;             /* its place among the document's citations */
    long line, column;
    const char *text;         /* as written */
    vn_citation_kind kind;
    vn_date_range date;       /* as resolved */
    bool ambiguous;
} vn_doc_cite;

typedef struct vn_doc_citations {
    const char *file;
    const char *own_number;   /* "" when none */
    vn_date_range date;       /* vn_corpus_doc_date() */
    bool dated;
    const vn_cited *cited;    /* in order of first mention */
    size_t count;
    const vn_doc_cite *cites; /* every citation, in text order: VN_DOC_CITATIONS_EVERY */
    size_t cite_count;
} vn_doc_citations;

typedef struct vn_doc_citations_set vn_doc_citations_set;

/* Also keep every citation (vn_doc_citations.cites), about 50 bytes each
 * on disk, for `vncite cites`. */
enum { VN_DOC_CITATIONS_EVERY = 1u << 0 };

/*
 * Streams the index at db_path (registry may be NULL).  VN_ERR_NOTFOUND when
 * there is no index; VN_ERR_IO when the temporary file (in $TMPDIR, else
 * /tmp) cannot be written.  flags: 0 or VN_DOC_CITATIONS_EVERY.
 */
vn_status vn_doc_citations_open(const char *db_path, const vn_registry *registry,
                                unsigned flags, vn_doc_citations_set **out, vn_error *err);

/* The instrument table (its registry set). */
const vn_corpus *vn_doc_citations_table(const vn_doc_citations_set *s);

/* The documents' files in file order: an array of `const char *`, the
 * shape vn_find_file() reads (stride sizeof(const char *)). */
const char *const *vn_doc_citations_files(const vn_doc_citations_set *s, size_t *count);

/* Document number `doc` (file order).  *out is valid until the next call. */
vn_status vn_doc_citations_get(vn_doc_citations_set *s, size_t doc, vn_doc_citations *out,
                               vn_error *err);

/* NULL is accepted. */
void vn_doc_citations_free(vn_doc_citations_set *s);

#endif
