/*
 * citation.h — one reference from a document to another instrument, as the
 * extractor finds it and the resolver completes it.
 *
 * Kinds (SPEC §3.1):
 *   numbered  written with its symbol: "Nghị định số 59/2023/NĐ-CP"
 *   name      by name only: "Luật Thực hiện dân chủ ở cơ sở"
 *   list      one of several bare numbers: "Quyết định số 217, 218 của Bộ Chính trị"
 *   short     a lone bare number after a type word: "Kết luận số 120",
 *             perhaps with its year: "Nghị định số 15/2020"
 * Offsets are byte offsets into the document's normalised text (doctext.h
 * maps them to the file).
 */
#ifndef VN_CITATION_H
#define VN_CITATION_H

#include <stdbool.h>
#include <stddef.h>
#include "../common/arena.h"
#include "../common/date.h"
#include "../common/status.h"
#include "../common/symbol.h"

typedef enum vn_citation_kind {
    VN_CITE_NUMBERED,
    VN_CITE_NAME,
    VN_CITE_LIST,
    VN_CITE_SHORT
} vn_citation_kind;

/* Room for a name or an issuer as the extractor reads it, with its NUL:
 * longer ones are cut at a character boundary. */
#define VN_CITE_TEXT_MAX 320

typedef struct vn_pinpoint {
    char article[16];   /* "63" of "Điều 63"; "" if none */
    char clause[16];    /* "4" of "khoản 4" */
    char point[16];     /* "a" of "điểm a" */
} vn_pinpoint;

typedef struct vn_citation {
    vn_citation_kind kind;
    size_t start, end;              /* whole citation: pinpoint/type word .. symbol or name */
    size_t symbol_start, symbol_end;/* the symbol, number or name itself */
    char type_word[48];             /* canonical ("Nghị định"), "" if unknown */
    char number[16];                /* "59"; "" for name citations */
    const char *symbol;             /* canonical form of what is written (< VN_SYMBOL_MAX
                                       bytes); "" if no symbol.  Owned like name */
    bool has_year;                  /* the symbol carries a year: identity needs no date */
    unsigned short written_year;    /* list and short forms: the year written after the
                                       number ("số 15/2020"), 0 if none; extraction only */
    const char *name;               /* name citations: the name as written, NFC; else "".
                                       Owned by the list (or the corpus document) */
    vn_date_range date;             /* issue date as cited */
    bool date_shared;               /* the date was written after the next citation */
    const char *issuer;             /* "Chính phủ", "Bộ Chính trị" … as written, or "";
                                       owned like name.  Pointers, not arrays: a corpus
                                       holds millions of citations and few have either */
    char term[16];                  /* "XIII" of "khóa XIII" */
    vn_pinpoint pinpoint;
    /* completed by resolution (resolve.h) */
    char *instrument;               /* identity, or NULL (unresolved or ambiguous) */
    bool ambiguous;
    char *corrected;                /* note when the symbol was united with a variant */
    char *candidates;               /* ambiguous: identities, ", "-separated */
} vn_citation;

typedef struct vn_citation_list {
    vn_citation *items;
    size_t count, cap;
    vn_arena texts;                 /* the items' symbols, names and issuers */
} vn_citation_list;

/* Appends a copy of c.  Its symbol, name and issuer are copied into the list
 * (NULL is taken as ""), so c's may be the caller's buffers. */
vn_status vn_citation_list_push(vn_citation_list *l, const vn_citation *c);
void vn_citation_list_free(vn_citation_list *l);

/* A copy of s kept by the list (for a symbol the resolver rewrites); "" for
 * an empty s; NULL when out of memory. */
const char *vn_citation_list_keep(vn_citation_list *l, const char *s);

const char *vn_citation_kind_name(vn_citation_kind k);

#endif
