/*
 * ascii.h — ASCII character classes, inline.  <ctype.h>'s isdigit and
 * isalnum go through __ctype_b_loc() on every call, which the extractor,
 * testing characters around every number, paid for measurably; and the
 * text here is UTF-8, where only ASCII bytes have a class anyway.
 */
#ifndef VN_ASCII_H
#define VN_ASCII_H

#include <stdbool.h>

static inline bool vn_ascii_digit(int c)
{
    return c >= '0' && c <= '9';
}

static inline bool vn_ascii_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool vn_ascii_alnum(int c)
{
    return vn_ascii_digit(c) || vn_ascii_alpha(c);
}

#endif
