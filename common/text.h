/*
 * text.h — Vietnamese text normalisation shared by the indexer and the query
 * tool: the same function must shape document text and query text, or
 * searches miss.
 *
 * All functions take and return UTF-8.  Input must be valid UTF-8 (the
 * reader guarantees it for documents; query code validates first).
 */
#ifndef VN_TEXT_H
#define VN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "offmap.h"
#include "status.h"

/*
 * Canonical form of document text: NFC (Vietnamese files converted from
 * Word are often decomposed), U+00D0 Ð (Icelandic Eth, a common lookalike)
 * and U+0189 Ɖ become U+0110 Đ, U+00F0 ð becomes U+0111 đ, no-break and
 * other Unicode spaces become U+0020.  Appends to out and records an
 * anchor in map wherever a length changes (map may be NULL).
 * Fast path: runs of ASCII are copied untouched.
 */
vn_status vn_text_normalize(const char *in, size_t len, vn_buf *out, vn_offmap *map);

/* Full case folding (utf8proc CASEFOLD) of NFC text: "Đảng" -> "đảng". */
vn_status vn_text_casefold(const char *in, size_t len, vn_buf *out);

/*
 * Unaccented, case-folded form: diacritics stripped, đ/Đ -> d.
 * "Nghị định" -> "nghi dinh".  Used for accent-insensitive search terms.
 */
vn_status vn_text_unaccent(const char *in, size_t len, vn_buf *out);

/* True if the text (valid UTF-8) contains any Vietnamese diacritic or đ/Đ. */
bool vn_text_has_accents(const char *in, size_t len);

#endif
