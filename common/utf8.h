/*
 * utf8.h — tiny inline helpers to step through VALID UTF-8 (text that went
 * through the reader).  Kept inline because the extractor calls them per
 * character on its hot path.
 */
#ifndef VN_UTF8_H
#define VN_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Decodes the code point at s[0] (len > 0). Returns its byte length (1..4);
 * on a malformed or truncated sequence returns 1 and *cp = 0xFFFD. */
static inline size_t vn_utf8_next(const char *s, size_t len, int *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    size_t n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 0;
    if (n == 0 || n > len) {
        *cp = 0xFFFD;
        return 1;
    }
    int c = u[0] & (0x3F >> (n - 1));
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        c = (c << 6) | (u[i] & 0x3F);
    }
    *cp = c;
    return n;
}

/* Decodes the code point that ENDS at s[pos] (pos > 0): returns its length. */
static inline size_t vn_utf8_prev(const char *s, size_t pos, int *cp)
{
    size_t start = pos - 1;
    while (start > 0 && pos - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80)
        start--;
    size_t n = vn_utf8_next(s + start, pos - start, cp);
    if (start + n != pos) {  /* malformed: step back one byte */
        *cp = 0xFFFD;
        return 1;
    }
    return n;
}

/* True when s[0..len) is well-formed UTF-8 as JSON needs it: no overlong
 * forms, no surrogates, nothing above U+10FFFF.  ASCII runs go a byte at a
 * time without decoding: most of a Vietnamese text is ASCII. */
static inline bool vn_utf8_valid(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        unsigned char b = u[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned lo = 0x80, hi = 0xBF;   /* range of the second byte */
        if (b >= 0xC2 && b <= 0xDF)
            n = 2;
        else if (b >= 0xE0 && b <= 0xEF) {
            n = 3;
            if (b == 0xE0)
                lo = 0xA0;               /* no overlong */
            else if (b == 0xED)
                hi = 0x9F;               /* no surrogates */
        } else if (b >= 0xF0 && b <= 0xF4) {
            n = 4;
            if (b == 0xF0)
                lo = 0x90;
            else if (b == 0xF4)
                hi = 0x8F;               /* up to U+10FFFF */
        } else {
            return false;
        }
        if (len - i < n || u[i + 1] < lo || u[i + 1] > hi)
            return false;
        for (size_t k = 2; k < n; k++)
            if ((u[i + k] & 0xC0) != 0x80)
                return false;
        i += n;
    }
    return true;
}

/* Number of code points in s[0..len). */
static inline size_t vn_utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

#endif
