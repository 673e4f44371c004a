/* legacy_charset.c — see legacy_charset.h. */
#include "legacy_charset.h"

#include <iconv.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

/* One byte through iconv, flushed (a converter may hold a letter back to
 * compose it with a following mark); its one code point, or 0. */
static int convert_byte(iconv_t cd, unsigned char b)
{
    uint32_t cps[4];
    char in = (char)b, *src = &in, *dst = (char *)cps;
    size_t in_left = 1, out_left = sizeof cps;
    iconv(cd, NULL, NULL, NULL, NULL);
    if (iconv(cd, &src, &in_left, &dst, &out_left) == (size_t)-1 ||
        iconv(cd, NULL, NULL, &dst, &out_left) == (size_t)-1)
        return 0;
    return out_left == sizeof cps - sizeof cps[0] ? (int)cps[0] : 0;
}

bool vn_legacy_byte_table(const char *charset, int table[256])
{
    iconv_t cd = iconv_open("UTF-32LE", charset);
    if (cd == (iconv_t)-1)
        return false;
    for (int b = 0; b < 256; b++)
        table[b] = convert_byte(cd, (unsigned char)b);
    iconv_close(cd);
    return true;
}

static int cp1252[256];
static bool cp1252_ready;
static pthread_once_t cp1252_once = PTHREAD_ONCE_INIT;

static void build_cp1252(void)
{
    /* a converter that reads as this file expects: ASCII, the quotes, Latin-1 */
    cp1252_ready = vn_legacy_byte_table("CP1252", cp1252) && cp1252['A'] == 'A' &&
                   cp1252[0x93] == 0x201C && cp1252[0xF8] == 0xF8;
}

const int *vn_legacy_cp1252(void)
{
    pthread_once(&cp1252_once, build_cp1252);
    return cp1252_ready ? cp1252 : NULL;
}

vn_status vn_legacy_decode(const unsigned char *b, size_t n, vn_legacy_read_fn read,
                           const void *ctx, vn_buf *out, vn_offmap *map)
{
    if (vn_buf_reserve(out, n * 3 + 1) != VN_OK)
        return VN_ERR_NOMEM;
    size_t last_out = 0, last_in = 0;
    for (size_t i = 0; i < n;) {
        int cp = '\n';
        size_t took = 1;
        if (b[i] == '\r') {
            if (i + 1 < n && b[i + 1] == '\n') {
                i++;        /* CRLF: the LF carries the anchor */
                continue;
            }
        } else {
            took = read(b, n, i, ctx, &cp);
        }
        if (out->len - last_out != i - last_in) {
            if (vn_offmap_add(map, out->len, i) != VN_OK)
                return VN_ERR_NOMEM;
            last_out = out->len;
            last_in = i;
        }
        vn_buf_append_utf8(out, cp);
        i += took;
    }
    return vn_offmap_add(map, out->len, n) == VN_OK ? VN_OK : VN_ERR_NOMEM;
}
