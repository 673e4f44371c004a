/*
 * outdated.h — the outdated-citation report over a loaded corpus (SPEC §4).
 *
 * One finding per citation occurrence whose instrument the registry says
 * had ceased (outdated), may have ceased within the document's partial
 * date (possibly outdated), was suspended, or — with include_partly — had
 * been amended or partly repealed (reported as such, never as outdated).
 * Citations that resolve to nothing in the registry cannot be judged; they
 * are counted so the report can say how much it could not see.
 */
#ifndef VN_OUTDATED_H
#define VN_OUTDATED_H

#include <stdbool.h>
#include <stddef.h>

#include "common/arena.h"
#include "common/date.h"
#include "common/status.h"
#include "corpus.h"
#include "validity.h"

typedef struct vn_outdated_options {
    /* Judge every citation on this date instead of its document's date
     * (precision NONE: each document's own date). */
    vn_date_range as_of;
    long doc;              /* only this document (index into the docs), -1: all */
    bool include_partly;   /* also amended / partly repealed (VN_OUTDATED_PARTLY) */
} vn_outdated_options;

/*
 * What the report needs of a corpus, and no more: every document's file and
 * date, and each citation the registry can judge.  Built from a loaded
 * corpus (vn_outdated_input_build) or read back from the cache that the
 * last run left (outdated_cache.h), which is what makes a second
 * `vncite outdated` over the same index and registry fast.
 */
typedef struct vn_outdated_row {
    long line, column;        /* where the citation is (1-based) */
    long start, end;          /* its bytes in the file as read */
    const char *text;         /* as written */
    const char *instrument;   /* the corpus instrument's id */
    size_t registry;          /* that instrument's index in the registry */
} vn_outdated_row;

typedef struct vn_outdated_doc {
    const char *file;         /* first member: vn_find_file() looks it up */
    vn_date_range date;       /* vn_corpus_doc_date(); precision NONE: unknown */
    size_t unresolved;        /* citations unresolved or ambiguous */
    size_t not_in_registry;   /* resolved, to instruments the registry lacks */
    size_t first_row, row_count;   /* its rows, in text order */
} vn_outdated_doc;

typedef struct vn_outdated_input {
    vn_outdated_doc *docs;    /* sorted by file, as in the corpus */
    size_t doc_count;
    vn_outdated_row *rows;
    size_t row_count;
    void *storage;            /* the bytes the strings point into when read from
                                 a cache */
    vn_arena strings;         /* the strings when built (copies) */
} vn_outdated_input;

/* From a loaded corpus (query/outdated_input.c); the strings are copied. */
vn_status vn_outdated_input_build(const vn_corpus *c, vn_outdated_input *out, vn_error *err);
/* The same from the index at db_path, streamed (vn_corpus_stream): holds
 * the input and a page of documents, never the corpus. */
vn_status vn_outdated_input_stream(const char *db_path, const vn_registry *registry,
                                   vn_outdated_input *out, vn_error *err);
void vn_outdated_input_free(vn_outdated_input *in);

typedef struct vn_outdated_finding {
    size_t doc;            /* index into the input's docs */
    size_t row;            /* index into the input's rows */
    size_t registry;       /* the cited instrument's index in the registry */
    vn_date_range judged;  /* the date judged on (precision NONE: unknown, any day) */
    vn_outdated verdict;
} vn_outdated_finding;

typedef struct vn_outdated_report {
    vn_outdated_finding *findings;   /* in document order, then text order */
    size_t count;
    size_t by_status[VN_OUTDATED_NOT_YET_ISSUED + 1];
    size_t judged;          /* citations judged against the registry */
    size_t not_in_registry; /* resolved citations of instruments the registry lacks */
    size_t unresolved;      /* unresolved or ambiguous citations */
    size_t docs_with_outdated;
} vn_outdated_report;

/* Judges every row against reg, the registry the input was built with. */
vn_status vn_outdated_collect(const vn_outdated_input *in, const vn_registry *reg,
                              const vn_outdated_options *opt, vn_outdated_report *out,
                              vn_error *err);
void vn_outdated_report_free(vn_outdated_report *r);

/*
 * The status word of a corpus instrument on day d, one vocabulary for every
 * command: the registry's validity (vn_validity_status_name: in_force,
 * amended, ceased, unknown …), or "not_in_registry", "unresolved",
 * "ambiguous" when the registry cannot say.  *v is filled when the
 * registry judged it (v may be NULL).
 */
const char *vn_corpus_instrument_status(const vn_corpus *c, const vn_corpus_instrument *in,
                                        vn_date d, vn_validity *v);

/* True for the verdicts that make `vncite outdated` exit 1. */
bool vn_outdated_is_finding(vn_outdated_status s);

#endif
