/*
 * lower.h — utf8proc_tolower without a library call for the letters
 * Vietnamese text is made of.
 *
 * The extractor compares text with its word lists one character at a time,
 * and a call into utf8proc per character (a property lookup through two
 * tables) was a third of its time.  Vietnamese letters live in ASCII,
 * U+00C0..U+024F (đ/Đ are U+0111/U+0110) and U+1E00..U+1EFF: those answer
 * from a table; any other code point still goes to utf8proc_tolower, so the
 * result is the same for every code point (tests/unit/test_lower.c checks
 * all of them against the linked utf8proc).
 */
#ifndef VN_LOWER_H
#define VN_LOWER_H

#include <stdbool.h>

/* utf8proc_tolower(cp) for a code point >= 0x80. */
int vn_lower_cp_nonascii(int cp);

/* utf8proc_tolower(cp), the same for every int. */
static inline int vn_lower_cp(int cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp;
    return vn_lower_cp_nonascii(cp);
}

/* Whether a character >= 0x80 whose UTF-8 starts with byte `lead` may lower
 * to the ASCII letter `ascii`: only U+0130 (İ -> i, C4 B0) and U+212A
 * (Kelvin sign -> k, E2 84 AA) do (tests/unit/test_lower.c checks every
 * code point), so a word matcher rejects most pairs on their first byte. */
static inline bool vn_lower_nonascii_may_be(unsigned char lead, int ascii)
{
    return (ascii == 'i' && lead == 0xC4) || (ascii == 'k' && lead == 0xE2);
}

#endif
