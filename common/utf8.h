/*
 * utf8.h — tiny inline helpers to step through VALID UTF-8 (text that went
 * through the reader), and the one strict check of whether bytes are UTF-8
 * (the reader's decoding, stored citations).  Kept inline because the
 * extractor and the reader call them per character on their hot paths.
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

/* Length of the well-formed UTF-8 sequence at p (lead byte >= 0x80), or,
 * if it is ill-formed, minus the length of its maximal subpart (Unicode
 * Table 3-7: the lead byte plus the continuation bytes that were valid).
 * No overlong forms, no surrogates, nothing above U+10FFFF. */
static inline int vn_utf8_seq(const unsigned char *p, const unsigned char *end)
{
    unsigned char c = p[0], lo = 0x80, hi = 0xBF;
    int need;
    if (c >= 0xC2 && c <= 0xDF)
        need = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        if (c == 0xE0)
            lo = 0xA0; /* no overlongs */
        else if (c == 0xED)
            hi = 0x9F; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F; /* nothing above U+10FFFF */
    } else
        return -1;
    if (end - p < 2 || p[1] < lo || p[1] > hi)
        return -1;
    for (int k = 2; k < need; k++)
        if (end - p <= k || (p[k] & 0xC0) != 0x80)
            return -k;
    return need;
}

/* True when s[0..len) is well-formed UTF-8 as JSON needs it (vn_utf8_seq's
 * rules).  ASCII goes a byte at a time without decoding. */
static inline bool vn_utf8_valid(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s, *end = u + len;
    while (u < end) {
        if (*u < 0x80) {
            u++;
            continue;
        }
        int k = vn_utf8_seq(u, end);
        if (k < 0)
            return false;
        u += k;
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
