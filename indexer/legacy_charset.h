/*
 * legacy_charset.h — what the legacy Vietnamese decoders (tcvn3.c, vni.c)
 * share: a one-byte charset's table of code points, asked of the C
 * library's own converter (iconv) byte by byte, so no hand-copied table can
 * be wrong; and the decoding loop, with its line ends and offset map.
 */
#ifndef VN_LEGACY_CHARSET_H
#define VN_LEGACY_CHARSET_H

#include <stdbool.h>
#include <stddef.h>
#include "../common/buf.h"
#include "../common/offmap.h"
#include "../common/status.h"

/* Fills table[b] with the one code point byte b decodes to in `charset`
 * (iconv's name), 0 where it has none or gives more than one.  False when
 * this system has no such converter. */
bool vn_legacy_byte_table(const char *charset, int table[256]);

/* windows-1252's table (vn_legacy_byte_table, asked once), which VNI writes
 * its letters in and Word keeps legacy-font bytes as; NULL when this
 * system has no such converter. */
const int *vn_legacy_cp1252(void);

/* Reads the character at b[i] (i < n, b[i] not CR): sets *cp and returns
 * the bytes it took (at least 1). */
typedef size_t (*vn_legacy_read_fn)(const unsigned char *b, size_t n, size_t i, const void *ctx,
                                    int *cp);

/* Appends b[0..n) to out as UTF-8, each character as `read` says, CR and
 * CRLF as LF, with the anchors of map from text offsets to file bytes (one
 * wherever a character's UTF-8 length differs from the bytes it was read
 * from, as the other decoders record them; the last at the end of both).
 * VN_ERR_NOMEM. */
vn_status vn_legacy_decode(const unsigned char *b, size_t n, vn_legacy_read_fn read,
                           const void *ctx, vn_buf *out, vn_offmap *map);

#endif
