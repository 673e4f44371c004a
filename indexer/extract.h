/*
 * extract.h — finds every citation in a document's normalised text.
 *
 * One linear pass: the scanner stops only at digits that can start a symbol
 * ("59/2023/NĐ-CP", also glued as "số12-QĐ/TW") and at the words that open
 * a name-only reference ("Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp").
 * Around each hit it reads a bounded window backwards (type word, "số",
 * pinpoint "khoản 4 Điều 63") and forwards (date, "của" issuer, term), so
 * the cost stays linear in the text; there is no backtracking regex.  It
 * skips to candidate bytes sixteen at a time, and a number whose next bytes
 * cannot continue a symbol (vn_symbol_may_start: dates, counts, list
 * markers) costs no look-back unless "số" precedes it.
 *
 * The document's own number ("Số 150-KH/ĐU" at the start of a header line)
 * is metadata, never a citation: it is returned apart.
 *
 * Resolution across documents (identity, variants, list numbers) is a later
 * step: see resolve.h.
 */
#ifndef VN_EXTRACT_H
#define VN_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>
#include "../common/registry.h"
#include "citation.h"

typedef struct vn_extract_result {
    vn_citation_list citations;     /* in text order */
    bool has_own_number;
    char own_number[VN_SYMBOL_MAX]; /* canonical, may lack a number: "/KH-SCT" */
    size_t own_start, own_end;
} vn_extract_result;

/*
 * Extracts citations from NFC text (doctext.h).  `registry` (may be NULL)
 * supplies alias names so that a name-only reference is cut at the right
 * length ("Luật Tiếp công dân, Luật Khiếu nại"); without it names are cut
 * by a stop-word rule.  Fills out (free with vn_extract_result_free).
 */
vn_status vn_extract(const char *text, size_t len, const vn_registry *registry,
                     vn_extract_result *out, vn_error *err);

void vn_extract_result_free(vn_extract_result *r);

#endif
