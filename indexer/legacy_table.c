/* legacy_table.c — see legacy_table.h. */
#include "legacy_table.h"

#include <iconv.h>
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
