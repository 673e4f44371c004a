/*
 * lint_parts.h — what lint.c, lint_compare.c and lint_stale_year.c share:
 * lint's state (the dated citations it keeps for the whole corpus, the
 * document being linted, the texts loaded on demand) and the helpers that
 * make findings.  Internal to lint.
 */
#ifndef VN_LINT_PARTS_H
#define VN_LINT_PARTS_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "../common/arena.h"
#include "../common/intern.h"
#include "../common/symbol.h"
#include "lint.h"

typedef enum text_state { TEXT_UNTRIED, TEXT_OK, TEXT_FAILED } text_state;

/* Texts kept loaded between documents (about 0.1 MB each). */
enum { TEXTS_KEPT = 64 };

/*
 * A dated citation with a symbol, as the rules that compare documents see
 * the citations of the others: lint holds these for the whole corpus and
 * each document in full only while it is linted, so a corpus need not fit
 * in memory (about 90 bytes a dated citation, with the indexes below).
 */
typedef struct dated_cite {
    const char *symbol;     /* kept once (lint.symbols) */
    long line;
    uint32_t doc;           /* its document, in file order */
    uint32_t cite;          /* its place in its document */
    uint32_t group;         /* its symbol's place among the symbols (spans) */
    uint32_t end;           /* its end byte in the file (BEYOND: unknown, or past 4 GiB),
                               and the start of the next citation of its document */
    uint32_t next_start;    /* (NO_NEXT: none): its subject lies between (subject_of) */
    uint32_t first, last;   /* its date (packed_date()) */
    uint8_t precision;      /* … and the date's vn_date_precision */
    bool date_shared;
} dated_cite;

_Static_assert(sizeof(dated_cite) <= 48, "a dated citation is kept for the whole corpus");

#define NO_NEXT UINT32_MAX
#define BEYOND (UINT32_MAX - 1)     /* past any text: subject_of finds nothing there */

/* Of the dates a symbol is cited with: the latest first day and the earliest
 * last day.  A date that overlaps both overlaps every one of them. */
typedef struct date_span {
    vn_date max_first, min_last;
} date_span;

/* A registry instrument and the kind of its symbol. */
typedef struct kind_ref {
    uint64_t kind;
    size_t item;
} kind_ref;

/* A citation dated to the day (an index into dated), with the kind of its
 * symbol (kind_of()). */
typedef struct day_ref {
    uint64_t kind;
    uint32_t day;           /* its date (packed_date()), copied: sorting and searching
                               read no more */
    uint32_t at;
} day_ref;

/* A document's findings, made before those of the documents before it
 * (vn_lint_stream gets documents in index order): handed over in turn. */
typedef struct held_findings {
    vn_lint_finding *findings;
    size_t count;
} held_findings;

typedef struct lint {
    const vn_lint_options *opts;
    const vn_registry *reg;         /* may be NULL */
    vn_lint_result *out;
    const char **files;     /* per document, in file order: its path (the corpus's, or
                               for vn_lint_stream the result's file_names) */
    size_t doc_count;
    const vn_corpus_doc *doc;   /* the document being linted */
    vn_doctext *texts;      /* per document, loaded on demand */
    text_state *text_states;
    size_t *loaded;         /* the documents whose text is loaded (TEXT_OK) */
    size_t loaded_count;
    dated_cite *dated;      /* every dated citation with a symbol; once the indexes are
                               built, by symbol, then date, then place */
    size_t dated_count, dated_cap;
    vn_intern symbols;      /* the symbols of dated, kept once … */
    vn_arena symbol_strings;    /* … here */
    date_span *spans;       /* per symbol of dated (dated_cite.group): its dates' span */
    day_ref *by_day;        /* the citations of dated dated to the day, by date, kind,
                               symbol, then place */
    size_t by_day_count;
    uint32_t *days_by_doc;  /* by_day indices by document and place */
    const char **day_subjects;  /* subject_of() each by_day citation, once asked (NULL:
                                   none) */
    const char **group_subject; /* at a symbol group's first by_day entry: the subject last
                                   looked for in the group, and … */
    long *group_first;      /* … its first citation with that subject, or -1 */
    bool *day_subject_tried;
    vn_intern subjects;     /* those subjects, each kept once (the citations of an
                               instrument mostly give it the same one) … */
    vn_arena subject_strings;   /* … here */
    vn_symbol *reg_symbols; /* the registry's symbols, parsed once */
    bool *reg_parsed;       /* … and whether each parsed */
    size_t *reg_by_day;     /* registry instruments issued on a known day, by date */
    kind_ref *reg_by_kind;  /* registry instruments with a title, by kind_of(), then index */
    size_t reg_by_kind_count;
    /* the document being linted, its citations chained by symbol: */
    size_t most_cites;      /* the most citations a document has */
    size_t *first_same;     /* the first citation with citation k's symbol */
    size_t *next_same;      /* the next one after k, SIZE_MAX at the end */
    size_t *doc_order;      /* scratch: the citations by symbol */
    size_t reg_by_day_count;
    /* findings handed over in file order: */
    size_t next_hand;       /* the first document whose findings are not handed over */
    bool *linted;           /* per document: linted (or not to be reported) */
    held_findings *held;    /* per document: findings waiting for those before */
    bool nomem;
} lint;

/* A printf into a new string (NULL when out of memory). */
char *lint_format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A copy of text with line breaks and tabs as spaces: findings are one line. */
char *lint_one_line(const char *text, size_t len);
/* Adds a finding; text and suggestion are taken over (may be NULL: nomem). */
void lint_add(lint *L, vn_lint_rule rule, vn_lint_severity sev, size_t doc, size_t line,
              size_t column, size_t byte, char *text, char *suggestion, const char *fmt, ...)
    __attribute__((format(printf, 10, 11)));

/* A finding placed on a citation, with its text as written. */
#define add_on_cite(L, rule, sev, doc, ci, suggestion, ...)                                   \
    lint_add((L), (rule), (sev), (doc), (size_t)(ci)->line, (size_t)(ci)->column,               \
        (size_t)(ci)->start, strdup((ci)->text ? (ci)->text : ""), (suggestion), __VA_ARGS__)

/* A document's text, loaded if need be (NULL when it cannot be read). */
const vn_doctext *lint_doc_text(lint *L, size_t doc);
/* dd/mm/yyyy as the documents write it, or "2024-03"/"2023" for partial dates. */
const char *lint_show_date(const vn_date_range *r, char buf[16]);
/* The document's own date; false when it writes none. */
bool lint_own_date(const vn_corpus_doc *d, vn_date_range *out);
bool lint_is_word_byte(unsigned char ch);
/* The text offset whose file byte is the first >= byte. */
size_t lint_text_offset_of(const vn_doctext *dt, size_t byte);

/* A symbol as stored, parsed (false when empty or not a symbol). */
static inline bool lint_parse_symbol(const char *symbol, vn_symbol *out)
{
    return symbol && symbol[0] && vn_symbol_parse_loose(symbol, strlen(symbol), NULL, out);
}

/* ---- lint_compare.c ----------------------------------------------------- */

/* First visit: keeps the dated citations with a symbol of document doc
 * (rank: its place in file order). */
vn_status lint_collect_doc(lint *L, const vn_corpus_doc *doc, size_t rank);
/* After the first visit: sorts what was kept into the indexes the rules use. */
vn_status lint_build_indexes(lint *L);
/* The rules over citation k of document d (L->doc). */
void lint_rule_matches_other(lint *L, size_t d, size_t k);
void lint_rule_conflicting_dates(lint *L, size_t d, size_t k);

/* ---- lint_stale_year.c -------------------------------------------------- */

/* The stale-year rule over document d (L->doc), from its text. */
void lint_rule_stale_year(lint *L, size_t d);

#endif
