/*
 * legacy_table.h — a one-byte charset's table of code points, asked of the C
 * library's own converter (iconv) byte by byte, for the legacy Vietnamese
 * decoders (tcvn3.c, vni.c): no hand-copied table can be wrong.
 */
#ifndef VN_LEGACY_TABLE_H
#define VN_LEGACY_TABLE_H

#include <stdbool.h>

/* Fills table[b] with the one code point byte b decodes to in `charset`
 * (iconv's name), 0 where it has none or gives more than one.  False when
 * this system has no such converter. */
bool vn_legacy_byte_table(const char *charset, int table[256]);

#endif
