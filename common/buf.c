/* buf.c — growable byte buffer (see buf.h). */
#include "buf.h"

#include <stdlib.h>
#include <string.h>

vn_status vn_buf_reserve(vn_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return VN_OK;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2)
            return VN_ERR_NOMEM;
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p)
        return VN_ERR_NOMEM;
    b->data = p;
    b->cap = cap;
    return VN_OK;
}

vn_status vn_buf_append(vn_buf *b, const void *bytes, size_t n)
{
    if (vn_buf_reserve(b, n) != VN_OK)
        return VN_ERR_NOMEM;
    if (n)
        memcpy(b->data + b->len, bytes, n);
    b->len += n;
    b->data[b->len] = '\0';
    return VN_OK;
}

vn_status vn_buf_append_char(vn_buf *b, char c)
{
    return vn_buf_append(b, &c, 1);
}

vn_status vn_buf_append_utf8(vn_buf *b, int cp)
{
    unsigned char s[4];
    size_t n;
    if (cp < 0x80) {
        s[0] = (unsigned char)cp;
        n = 1;
    } else if (cp < 0x800) {
        s[0] = (unsigned char)(0xC0 | (cp >> 6));
        s[1] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        s[0] = (unsigned char)(0xE0 | (cp >> 12));
        s[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        s[2] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        s[0] = (unsigned char)(0xF0 | (cp >> 18));
        s[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        s[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        s[3] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return vn_buf_append(b, s, n);
}

char *vn_buf_steal(vn_buf *b, size_t *len)
{
    if (!b->data && vn_buf_reserve(b, 0) != VN_OK)
        return NULL;
    if (b->len == 0)
        b->data[0] = '\0';
    char *p = b->data;
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void vn_buf_free(vn_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
