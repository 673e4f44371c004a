/*
 * tcvn3.h — the legacy Vietnamese encoding TCVN3 (TCVN 5712:1993, "ABC"),
 * recognised and decoded for the reader (reader.c) when a text file is not
 * UTF-8.
 */
#ifndef VN_TCVN3_H
#define VN_TCVN3_H

#include <stdbool.h>
#include <stddef.h>
#include "../common/buf.h"
#include "../common/offmap.h"
#include "../common/status.h"

/* Do bytes that are not UTF-8 read as TCVN3 rather than windows-1258?
 * (False too when this system's C library has no TCVN converter.) */
bool vn_tcvn3_likely(const unsigned char *b, size_t n);

/* Appends b[0..n) decoded from TCVN3 to out as UTF-8 (CR and CRLF as LF),
 * with the anchors of map from text offsets to file bytes, the last one at
 * the end of both.  VN_ERR_ENCODING without a TCVN converter; VN_ERR_NOMEM. */
vn_status vn_tcvn3_decode(const unsigned char *b, size_t n, vn_buf *out, vn_offmap *map);

/* ABC files set capitals with capital fonts (.VnTimeH) over lower-case codes,
 * so a header's "ỦY BAN NHÂN DÂN … KẾ HOẠCH" decodes as lower case.  A copy of
 * text (NFC, len bytes, NUL-terminated) whose first lines without any capital
 * are upper-cased, letter by letter where the capital takes as many bytes, so
 * every offset stays; NULL when no line changed (or out of memory). */
char *vn_tcvn3_capital_headings(const char *text, size_t len);

#endif
