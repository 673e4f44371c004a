/*
 * vni.h — the legacy Vietnamese encoding VNI-Windows (the "VNI" fonts,
 * VNI-Times …), recognised and decoded for the reader (reader.c) when a text
 * file is not UTF-8.  VNI writes a letter's marks as bytes after it
 * ("Vieät Nam" is Việt Nam), with windows-1252's letters for them.
 */
#ifndef VN_VNI_H
#define VN_VNI_H

#include <stdbool.h>
#include <stddef.h>
#include "../common/buf.h"
#include "../common/offmap.h"
#include "../common/status.h"

/* Do bytes that are not UTF-8 (nor TCVN3) read as VNI rather than
 * windows-1258?  (False too when this system's C library has no
 * windows-1252 converter.) */
bool vn_vni_likely(const unsigned char *b, size_t n);

/* Appends b[0..n) decoded from VNI to out as UTF-8, each letter and its
 * marks composed into one character, CR and CRLF as LF,
 * with the anchors of map from text offsets to file bytes, the last one at
 * the end of both.  VN_ERR_ENCODING without a windows-1252 converter;
 * VN_ERR_NOMEM. */
vn_status vn_vni_decode(const unsigned char *b, size_t n, vn_buf *out, vn_offmap *map);

#endif
