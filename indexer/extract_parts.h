/*
 * extract_parts.h — what the citation scanner's files give each other.
 * Internal to the extractor: extract.c runs the pass (numbers, lists, the
 * sharing of dates and suffixes); extract_context.c reads what stands
 * around a citation (the pinpoint before it; date, issuer, term and
 * footnote marks after it); extract_names.c reads name-only references
 * ("Luật Tiếp công dân"); extract_own.c tells the document's own number
 * from a citation.  All read NFC text with extract_text.h's helpers.
 */
#ifndef VN_EXTRACT_PARTS_H
#define VN_EXTRACT_PARTS_H

#include "../common/registry.h"
#include "citation.h"
#include "extract.h"
#include "extract_text.h"

/* A citation being read: its symbol, name and issuer are written here, and
 * vn_citation_list_push copies them into the list. */
typedef struct draft {
    vn_citation c;
    char symbol[VN_SYMBOL_MAX];
    char name[VN_CITE_TEXT_MAX];
    char issuer[VN_CITE_TEXT_MAX];
} draft;

void vn_cite_draft_init(draft *d);

/* The most words an issuer's name is read over ("của Ban Thường vụ …"). */
#define ISSUER_MAX_WORDS 14

/* ---- extract_context.c ------------------------------------------------ */

/* Reads "điểm a khoản 2 Điều 3 [của]" ending at `end`; returns its start. */
size_t vn_cite_read_pinpoint(const char *t, size_t end, vn_pinpoint *pp);
/* After a symbol or name: [,] [(] ngày DATE [)] [,] [của ISSUER]; fills
 * dr's date, issuer and term.  Returns the end of what was read. */
size_t vn_cite_read_suffix(const char *t, size_t len, size_t i, draft *dr);
/* "ngày 14/8/2023" at j: the end of the date read into *d, or 0. */
size_t vn_cite_read_date(const char *t, size_t len, size_t j, vn_date_range *d);
/* "năm 2022" (or with bare_ok "2022" alone) after i: its length, or 0. */
size_t vn_cite_read_year(const char *t, size_t len, size_t i, bool bare_ok, vn_date_range *d);
/* A lowercase word that ends an issuer or a name ("về", "quy định" …) at i. */
bool vn_cite_is_stop_word(const char *t, size_t len, size_t i);
/* Past a line break into a wrapped line (the next starts in lower case), or i. */
size_t vn_cite_wrapped_line(const char *t, size_t len, size_t i);

/* ---- extract_names.c ---------------------------------------------------- */

/* A name-only reference opening at i ("Luật", "Bộ luật", "Pháp lệnh",
 * "Hiến pháp"), pushed to r; returns the bytes taken (0 if none). */
size_t vn_cite_scan_name(const char *t, size_t len, size_t i, const vn_registry *reg,
                         vn_extract_result *r, vn_status *st);

/* ---- extract_own.c ------------------------------------------------------ */

/* Is the symbol [pos, end) written where a document gives its own number? */
bool vn_cite_own_number_context(const char *t, size_t len, size_t pos, size_t end);
/* Finds a draft's blank own number ("Số: /KH-SCT") in the header. */
void vn_cite_find_blank_own_number(const char *t, size_t len, vn_extract_result *r);

#endif
