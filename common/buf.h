/*
 * buf.h — a growable byte buffer, always NUL-terminated.
 *
 * Used wherever text is built piece by piece (decoding, cleaning,
 * normalising).  All appenders return VN_OK or VN_ERR_NOMEM.
 */
#ifndef VN_BUF_H
#define VN_BUF_H

#include <stddef.h>
#include "status.h"

typedef struct vn_buf {
    char *data;   /* NUL-terminated; NULL until the first append */
    size_t len;   /* bytes in use, not counting the NUL */
    size_t cap;
} vn_buf;

#define VN_BUF_INIT {NULL, 0, 0}

vn_status vn_buf_reserve(vn_buf *b, size_t extra);
vn_status vn_buf_append(vn_buf *b, const void *bytes, size_t n);
vn_status vn_buf_append_char(vn_buf *b, char c);
/* Appends the UTF-8 encoding of code point cp (must be a valid scalar). */
vn_status vn_buf_append_utf8(vn_buf *b, int cp);
/* Hands the data to the caller (who frees it) and resets b. */
char *vn_buf_steal(vn_buf *b, size_t *len);
void vn_buf_free(vn_buf *b);

#endif
