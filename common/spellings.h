/*
 * spellings.h — the Vietnamese spellings of a plain (unaccented) word.
 *
 * A plain word such as "duong" stands for every word that loses its marks
 * to it: dương, đường, dưỡng, duống …  Each vowel letter may take its
 * Vietnamese bases (a ă â, e ê, o ô ơ, u ư; i and y alone), d may be đ, and
 * at most one vowel carries one of the five tones.  Nothing else changes.
 *
 * Why: the index keeps word positions on the accented form only (terms.h).
 * A plain word inside a phrase is then matched through the OR of its
 * spellings, and the indexer gives a word its plain form with positions
 * too exactly when its accented form is NOT among these spellings (a
 * foreign letter, two tones) — so the OR plus the plain term finds every
 * word whose plain form is the query word, and nothing else.
 *
 * Words with more than VN_SPELLINGS_MAX spellings (long runs of vowels,
 * garbage tokens) are not spelled out: both sides keep their plain form
 * positional.
 */
#ifndef VN_SPELLINGS_H
#define VN_SPELLINGS_H

#include <stdbool.h>
#include <stddef.h>
#include "buf.h"
#include "status.h"

#define VN_SPELLINGS_MAX 256

/* How many spellings the plain word has (itself included), or
 * VN_SPELLINGS_MAX + 1 when more. */
size_t vn_spellings_count(const char *plain, size_t len);

/* True if `accented` (case-folded NFC) is one of the spellings of `plain`
 * and the plain word has at most VN_SPELLINGS_MAX of them. */
bool vn_spelling_of(const char *accented, size_t accented_len, const char *plain,
                    size_t plain_len);

/*
 * Appends every spelling of `plain` that is at most `max_len` bytes long,
 * each preceded by `prefix` and followed by a NUL byte, to `out`, and adds
 * their number to *count.  The plain word itself comes first.  Nothing is
 * appended when the word has more than VN_SPELLINGS_MAX spellings.
 */
vn_status vn_spellings(const char *prefix, const char *plain, size_t len, size_t max_len,
                       vn_buf *out, size_t *count);

#endif
