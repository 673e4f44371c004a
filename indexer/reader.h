/*
 * reader.h — turns the bytes of a file into valid UTF-8 text.
 *
 * Accepts UTF-8 (with or without BOM), UTF-16 LE/BE with BOM (ICU
 * conversion), and legacy single-byte Vietnamese files (windows-1258)
 * when the bytes are not UTF-8 but decode cleanly as such.  CRLF and lone
 * CR become LF.  Invalid UTF-8 sequences become U+FFFD with ONE warning per
 * file naming the file and the first bad byte offset.  A file that is not
 * text (NUL bytes in UTF-8, PDF/OLE magic, a ZIP archive that is not a
 * .docx) is refused with VN_ERR_BINARY and a message saying what it looks
 * like.  A Word .docx is read as its text (docx.h); so is an HTML page,
 * once decoded (html.h).
 *
 * The decoded text comes with an offmap back to byte offsets in the file as
 * read, so every position shown to users is a real file offset (of a
 * .docx or an HTML page: an offset in its text, which `vncite show` prints).
 *
 * When a file is taken for windows-1258: it has no NUL byte and no UTF-8
 * BOM, more than 1% of its bytes start an invalid UTF-8 sequence, invalid
 * sequences outnumber well-formed multibyte ones four to one (Vietnamese
 * in cp1258 has a byte >= 0x80 in almost every word and is almost never
 * accidentally valid UTF-8; a damaged UTF-8 file is mostly valid), and the
 * cp1258 reading has none of the bytes cp1258 leaves undefined.  Such a
 * file is decoded with one warning instead of the U+FFFD warning.
 * cp1258 writes tone marks as separate combining characters and they come
 * out that way; the normaliser (text.h) composes them.
 *
 * On failure `out` is left empty and needs no freeing.
 */
#ifndef VN_READER_H
#define VN_READER_H

#include <stddef.h>
#include "../common/offmap.h"
#include "../common/status.h"

typedef enum vn_encoding {
    VN_ENC_UTF8,
    VN_ENC_UTF8_BOM,
    VN_ENC_UTF16LE,
    VN_ENC_UTF16BE,
    VN_ENC_CP1258,
    VN_ENC_DOCX,       /* a Word .docx: the text of its paragraphs (docx.h) */
    VN_ENC_ODT,        /* an OpenDocument .odt, the same way */
    VN_ENC_HTML,       /* an HTML page: the text a browser shows (html.h) */
    VN_ENC_TCVN3,      /* TCVN 5712:1993, the "ABC" encoding of older files (tcvn3.h) */
    VN_ENC_VNI         /* VNI-Windows, the other one: marks as bytes after letters (vni.h) */
} vn_encoding;

typedef struct vn_decoded {
    char *text;        /* valid UTF-8, NUL-terminated, LF line ends */
    size_t len;
    vn_offmap map;     /* text offset -> file byte offset */
    vn_encoding encoding;
    size_t invalid_bytes; /* count of bytes replaced by U+FFFD */
    /* VN_ENC_TCVN3 or VN_ENC_VNI when lines typed in such a font inside a
     * Unicode file were decoded again (legacy_font.h); VN_ENC_UTF8 (0) when
     * none were */
    vn_encoding legacy_font;
} vn_decoded;

/* Decodes bytes already in memory; `name` is used in messages only. */
vn_status vn_decode_bytes(const char *name, const unsigned char *bytes, size_t n,
                          vn_decoded *out, vn_error *err);

/* Reads and decodes a file.  Errors name the path. */
vn_status vn_read_file(const char *path, vn_decoded *out, vn_error *err);

/* Reads fd to its end into *data (malloc'ed, *len bytes): a file, a pipe,
 * standard input.  Errors name `path`. */
vn_status vn_read_all(const char *path, int fd, unsigned char **data, size_t *len,
                      vn_error *err);

void vn_decoded_free(vn_decoded *d);

const char *vn_encoding_name(vn_encoding e);

#endif
