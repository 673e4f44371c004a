/*
 * lint.h — likely errors in the citations of a corpus (SPEC §4 "Beyond
 * outdated"): what a reviewer would want to look at before a plan is
 * signed.  Every rule is a heuristic; a finding says what was written,
 * why it looks wrong and what to check, never what is certainly true.
 *
 * Rules (docs/LINT.md explains each with an example):
 *   matches-other-instrument  the cited date (or subject) is that of another
 *                             instrument with the same kind of symbol: "Chỉ
 *                             thị 30/CT-TTg ngày 26/11/2021" when 33/CT-TTg is
 *                             of 26/11/2021
 *   conflicting-dates         one symbol cited with dates that cannot all be
 *                             right (in one document; across documents or
 *                             against the registry when the symbol has a year)
 *   corrected-symbol          the symbol as written was united with its
 *                             official variant (11-QĐ/TW → 11-QĐi/TW)
 *   forward-citation          the cited date (or the symbol's year) is after
 *                             the citing document's own date
 *   not-yet-issued            the registry dates the instrument after the
 *                             citing document
 *   stale-year                a deadline or schedule in a year before the
 *                             document's year ("trước ngày 10/4/2023" in a
 *                             2024 plan); needs the document text
 *   incomplete-symbol         a number written with its year but not its
 *                             codes ("Nghị định số 15/2020")
 *   misspelled-symbol         a symbol written otherwise than its official
 *                             form ("04/2015/NĐ/CP", "1242/qđ-ubnd")
 *
 * The library returns findings and never prints; cli/cmd_lint.c prints.
 */
#ifndef VN_LINT_H
#define VN_LINT_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/status.h"
#include "../indexer/doctext.h"
#include "corpus.h"

typedef enum vn_lint_rule {
    VN_LINT_MATCHES_OTHER,
    VN_LINT_CONFLICTING_DATES,
    VN_LINT_CORRECTED_SYMBOL,
    VN_LINT_FORWARD_CITATION,
    VN_LINT_NOT_YET_ISSUED,
    VN_LINT_STALE_YEAR,
    VN_LINT_INCOMPLETE_SYMBOL,
    VN_LINT_MISSPELLED_SYMBOL,
    VN_LINT_RULE_COUNT
} vn_lint_rule;

typedef enum vn_lint_severity {
    VN_LINT_WARNING,    /* probably wrong: look at it */
    VN_LINT_INFO        /* worth knowing, often harmless */
} vn_lint_severity;

typedef struct vn_lint_finding {
    vn_lint_rule rule;
    vn_lint_severity severity;
    const char *file;       /* borrowed from the corpus (vn_lint_stream: the result) */
    size_t line, column;    /* 1-based, in the file as read (column in characters) */
    size_t byte;            /* byte offset in the file, for ordering */
    char *text;             /* as written */
    char *message;          /* what looks wrong */
    char *suggestion;       /* what to check or write instead */
} vn_lint_finding;

typedef struct vn_lint_result {
    vn_lint_finding *findings;  /* sorted by file, line, column, rule */
    size_t count, cap;
    /* Things the caller should tell the user: a document whose text could
     * not be read, so the rules that need text were skipped for it. */
    char **notes;
    size_t note_count;
    size_t texts_peak;          /* the most document texts held at once */
    vn_arena file_names;        /* the findings' file names (vn_lint_stream) */
} vn_lint_result;

/*
 * Supplies a document's text.  The default (NULL) reads the file at the
 * path stored in the index with vn_doctext_load; tests pass text from
 * memory.  On failure err says why and nothing needs freeing.
 */
typedef vn_status (*vn_lint_text_fn)(void *ctx, const char *file, vn_doctext *out,
                                     vn_error *err);

/*
 * Gets a document's findings as soon as it is linted, in the order
 * vn_lint_result keeps them (documents in file order); they are freed when
 * it returns.  A status other than VN_OK stops the run, which returns it
 * with err as the callback set it.
 */
typedef vn_status (*vn_lint_findings_fn)(void *ctx, const vn_lint_finding *findings,
                                         size_t count, vn_error *err);

typedef struct vn_lint_options {
    long doc;                   /* index of the one document to report on, -1: all.
                                   Rules comparing documents still read them all. */
    unsigned skip;              /* bit (1u << rule) set: rule not run */
    vn_lint_text_fn text;       /* NULL: vn_doctext_load */
    void *text_ctx;
    vn_lint_findings_fn findings;   /* NULL: every finding is kept in the result */
    void *findings_ctx;
    const char *file;           /* vn_lint_stream: the one document to report on, as
                                   'vncite search' prints it (replaces doc); NULL: doc */
} vn_lint_options;

/* Runs every rule not skipped over c (registry c->registry may be NULL: the
 * registry-based parts are then skipped).  Fills out (with opts->findings,
 * only its notes); VN_ERR_NOMEM, or the callback's status. */
vn_status vn_lint_run(const vn_corpus *c, const vn_lint_options *opts, vn_lint_result *out,
                      vn_error *err);

/*
 * The same over the index at db_path without holding it (vn_corpus_stream_passes):
 * a first visit keeps what the rules comparing documents read of every dated
 * citation (about 90 bytes each), a second lints each document in full.
 * Findings come to the callback in file order as vn_lint_run gives them;
 * a document visited before one it follows in file order (the index keeps
 * another order after files were added) has its findings held until then.
 * opts->file names the one document to report on (VN_ERR_NOTFOUND with a
 * message when the index has no such document).
 */
vn_status vn_lint_stream(const char *db_path, const vn_registry *registry,
                         const vn_lint_options *opts, vn_lint_result *out, vn_error *err);

void vn_lint_result_free(vn_lint_result *r);

/* "matches-other-instrument" …; "warning" / "info". */
const char *vn_lint_rule_name(vn_lint_rule rule);
const char *vn_lint_severity_name(vn_lint_severity s);
/* The rule with this name; false if none. */
bool vn_lint_rule_parse(const char *name, vn_lint_rule *out);

#endif
