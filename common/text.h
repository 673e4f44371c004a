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
 * and U+0189 Ɖ become U+0110 Đ, U+00F0 ð becomes U+0111 đ, fullwidth
 * digits and punctuation ("２３／", not letters or < = >) become ASCII,
 * no-break and
 * other Unicode spaces (U+00A0, U+1680, U+2000-U+200A, U+202F, U+205F,
 * U+3000) become U+0020, and invisible characters inside words (U+00AD
 * soft hyphen, U+200B-U+200D, U+2060, U+FEFF) are removed.  Appends to out
 * and records an anchor in map wherever a length changes (map may be
 * NULL; its offsets are relative to what this call appended and to `in`,
 * and it is finished on return).  Offsets are exact except inside a
 * recomposed letter, which maps as a whole to its first byte.
 * Fast path: runs of ASCII and precomposed letters are copied untouched.
 * Returns VN_ERR_NOMEM, or VN_ERR_ENCODING for input that is not UTF-8.
 */
vn_status vn_text_normalize(const char *in, size_t len, vn_buf *out, vn_offmap *map);

/* Full case folding (utf8proc CASEFOLD) of NFC text: "Đảng" -> "đảng". */
vn_status vn_text_casefold(const char *in, size_t len, vn_buf *out);

/*
 * Unaccented, case-folded form: diacritics stripped, đ/Đ -> d.
 * "Nghị định" -> "nghi dinh".  Used for accent-insensitive search terms.
 */
vn_status vn_text_unaccent(const char *in, size_t len, vn_buf *out);

/*
 * vn_text_casefold() appended to `acc` and vn_text_unaccent() appended to
 * `plain`, in one pass over the text when it can (a term generator needs
 * both forms of every word).
 */
vn_status vn_text_fold_both(const char *in, size_t len, vn_buf *acc, vn_buf *plain);

/* The same through utf8proc alone, without the fold table: what tests
 * compare the table with. */
vn_status vn_text_fold_reference(const char *in, size_t len, vn_buf *acc, vn_buf *plain);

/* True if the text (valid UTF-8) contains a diacritic (a combining mark, or
 * a letter whose canonical decomposition has one: ế, ơ, ư …) or a barred d
 * (đ/Đ and their lookalikes ð/Ð/Ɖ).  Query code uses it to decide whether
 * a term must match accents exactly. */
bool vn_text_has_accents(const char *in, size_t len);

#endif
