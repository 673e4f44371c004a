/*
 * tcvn3.c — text in TCVN3 (TCVN 5712:1993, the "ABC" fonts .VnTime …), the
 * encoding of Vietnamese office files before Unicode: one byte a character,
 * the lower-case letters with their marks at 0xA1–0xFF, the capitals of the
 * VN1 variant at 0x01–0x17 and 0x80–0xA0.
 *
 * The byte table is glibc's own converter (iconv "TCVN5712-1", part of libc)
 * asked once per byte (legacy_charset.h), so no hand-copied table can be wrong; where glibc has
 * no such converter the files stay windows-1258 or UTF-8, as before.
 */
#include "tcvn3.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../common/utf8.h"
#include "legacy_charset.h"

/* How many lines from the top may be a header's capitals (the bodies, the
 * motto, the number, the place and date, the title and its subject). */
#define HEADING_LINES 16

static int byte_cp[256];        /* 0: no character */
static bool table_ready;
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static void build_table(void)
{
    /* a converter that reads as this file expects: đ, ASCII, line ends */
    table_ready = vn_legacy_byte_table("TCVN5712-1", byte_cp) && byte_cp[0xAE] == 0x0111 &&
                  byte_cp['A'] == 'A' && byte_cp['\n'] == '\n';
}

/* The bytes 0xA1–0xBF are TCVN3's commonest letters (ă â ê ô ơ ư đ and the
 * five marks of a: à ả ã á ạ) and, in windows-1258, symbols (¡ § ® µ ¶ ¾ …)
 * that Vietnamese text written in it almost never holds.  Of a windows-1258
 * rendering of the sample plans none of the high bytes is there; of a TCVN3
 * one, 45 %. */
bool vn_tcvn3_likely(const unsigned char *b, size_t n)
{
    size_t high = 0, letters = 0;
    for (size_t i = 0; i < n; i++) {
        high += b[i] >= 0x80;
        letters += b[i] >= 0xA1 && b[i] <= 0xBF;
    }
    if (high < 8 || letters * 100 < high * 15)
        return false;
    pthread_once(&table_once, build_table);
    return table_ready;
}

static size_t read_tcvn3(const unsigned char *b, size_t n, size_t i, const void *ctx, int *cp)
{
    (void)n;
    (void)ctx;
    *cp = byte_cp[b[i]] ? byte_cp[b[i]] : 0xFFFD;
    return 1;
}

vn_status vn_tcvn3_decode(const unsigned char *b, size_t n, vn_buf *out, vn_offmap *map)
{
    pthread_once(&table_once, build_table);
    if (!table_ready)
        return VN_ERR_ENCODING;
    return vn_legacy_decode(b, n, read_tcvn3, NULL, out, map);
}

/* Upper-cases t[from, to) in place where a capital has the letter's length;
 * true if the line had letters and no capital (and so was changed). */
static bool capitalise_line(char *t, size_t from, size_t to)
{
    bool letters = false;
    for (size_t i = from; i < to;) {
        int cp;
        i += vn_utf8_next(t + i, to - i, &cp);
        utf8proc_category_t c = utf8proc_category(cp);
        if (c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT)
            return false;
        letters |= c == UTF8PROC_CATEGORY_LL;
    }
    if (!letters)
        return false;
    for (size_t i = from; i < to;) {
        int cp;
        size_t n = vn_utf8_next(t + i, to - i, &cp);
        utf8proc_uint8_t up[4];
        if (utf8proc_encode_char(utf8proc_toupper(cp), up) == (utf8proc_ssize_t)n)
            memcpy(t + i, up, n);
        i += n;
    }
    return true;
}

char *vn_tcvn3_capital_headings(const char *text, size_t len)
{
    char *copy = malloc(len + 1);
    if (!copy)
        return NULL;
    memcpy(copy, text, len);
    copy[len] = '\0';
    bool changed = false;
    size_t start = 0;
    for (int lines = 0; lines < HEADING_LINES && start < len; lines++) {
        const char *nl = memchr(copy + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - copy) : len;
        changed |= capitalise_line(copy, start, end);
        start = end + 1;
    }
    if (!changed) {
        free(copy);
        return NULL;
    }
    return copy;
}
