/* legacy_font.c — see legacy_font.h. */
#include "legacy_font.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../common/buf.h"
#include "../common/grow.h"
#include "../common/utf8.h"
#include "legacy_charset.h"
#include "tcvn3.h"
#include "vni.h"

/* windows-1252 backwards: the byte each of its characters is, 0 for none.
 * The C1 controls U+0080–U+009F stand for themselves: Word writes the five
 * bytes windows-1252 leaves undefined so. */
#define REVERSE_MAX 0x2200
static unsigned char reverse[REVERSE_MAX];
static bool reverse_ready;
static pthread_once_t reverse_once = PTHREAD_ONCE_INIT;

static void build_reverse(void)
{
    const int *table = vn_legacy_cp1252();
    if (!table)
        return;
    for (int b = 0x80; b < 0x100; b++)
        if (table[b] > 0 && table[b] < REVERSE_MAX)
            reverse[table[b]] = (unsigned char)b;
    for (int cp = 0x80; cp < 0xA0; cp++)
        if (!reverse[cp])
            reverse[cp] = (unsigned char)cp;
    reverse_ready = true;
}

/* Letters and marks that only Unicode Vietnamese writes: a line holding one
 * is Unicode, whatever else it holds. */
static bool vietnamese_unicode(int cp)
{
    switch (cp) {
    case 0x0102: case 0x0103: case 0x0110: case 0x0111: case 0x0128: case 0x0129:
    case 0x0168: case 0x0169: case 0x01A0: case 0x01A1: case 0x01AF: case 0x01B0:
        return true;
    default:
        return (cp >= 0x1EA0 && cp <= 0x1EF9) || (cp >= 0x0300 && cp <= 0x0323);
    }
}

/* The Latin-1 letters Unicode Vietnamese writes (à á â ã è é ê ì í ò ó ô õ
 * ù ú ý, either case): a line whose only other characters they are ("Tây
 * Ninh", "Phú Yên") may be Unicode and is left alone. */
static bool vietnamese_latin1(int cp)
{
    switch (cp | 0x20) {
    case 0xE0: case 0xE1: case 0xE2: case 0xE3: case 0xE8: case 0xE9: case 0xEA: case 0xEC:
    case 0xED: case 0xF2: case 0xF3: case 0xF4: case 0xF5: case 0xF9: case 0xFA: case 0xFD:
        return cp >= 0xC0 && cp <= 0xFF;
    default:
        return false;
    }
}

/* Is the line t[from, to) legacy-font text: no letter only Unicode
 * Vietnamese writes, every other character windows-1252's, and one of them
 * at least a Latin-1 character no Vietnamese letter (Þ ® µ § of TCVN3, ø û
 * ä ñ of VNI)?
 * Its bytes (windows-1252) are appended to `bytes` when it is. */
static bool legacy_line(const char *t, size_t from, size_t to, vn_buf *bytes, vn_status *st)
{
    /* every line of every file passes here: ASCII bytes are skipped without
     * decoding, and a Unicode Vietnamese line stops at its first such letter */
    bool evidence = false;
    for (size_t i = from; i < to;) {
        if ((unsigned char)t[i] < 0x80) {
            i++;
            continue;
        }
        int cp;
        i += vn_utf8_next(t + i, to - i, &cp);
        if (vietnamese_unicode(cp) || cp >= REVERSE_MAX || !reverse[cp])
            return false;
        /* evidence: Latin-1's symbols and other letters (TCVN3's ® µ §, VNI's
         * ø ä ñ); not windows-1252's quotes and dashes, which Unicode text has */
        evidence |= cp >= 0xA1 && cp <= 0xFF && !vietnamese_latin1(cp);
    }
    if (!evidence)
        return false;
    for (size_t i = from; i < to && *st == VN_OK;) {
        int cp;
        i += vn_utf8_next(t + i, to - i, &cp);
        *st = vn_buf_append_char(bytes, (char)(cp < 0x80 ? cp : reverse[cp]));
    }
    return true;
}

typedef vn_status (*decode_fn)(const unsigned char *b, size_t n, vn_buf *out, vn_offmap *map);

/* A legacy-font line: d's text [from, to), its bytes at [at, at + n) of the
 * candidates' bytes (one a character). */
typedef struct legacy_span {
    size_t from, to, at, n;
} legacy_span;

/* Appends the line decoded by `decode` to out, with an anchor in map for
 * every character: its file offset through d's map. */
static vn_status decode_line(const vn_decoded *d, const legacy_span *l, const unsigned char *bytes,
                             decode_fn decode, vn_buf *out, vn_offmap *map)
{
    vn_buf text = VN_BUF_INIT;
    vn_offmap line_map = VN_OFFMAP_INIT;
    size_t *offsets = malloc((l->n + 1) * sizeof *offsets);    /* byte -> offset in d */
    vn_status st = offsets ? VN_OK : VN_ERR_NOMEM;
    for (size_t i = l->from, k = 0; st == VN_OK && i <= l->to; k++) {
        offsets[k] = i;
        int cp;
        i += i < l->to ? vn_utf8_next(d->text + i, l->to - i, &cp) : 1;
    }
    if (st == VN_OK)
        st = decode(bytes + l->at, l->n, &text, &line_map);
    if (st == VN_OK) {
        vn_offmap_finish(&line_map, text.len, l->n);
        for (size_t p = 0; p < text.len && st == VN_OK;) {
            size_t file = vn_offmap_to_input(&d->map, offsets[vn_offmap_to_input(&line_map, p)]);
            st = vn_offmap_add(map, out->len + p, file);
            int cp;
            p += vn_utf8_next(text.data + p, text.len - p, &cp);
        }
    }
    if (st == VN_OK)
        st = vn_buf_append(out, text.data ? text.data : "", text.len);
    free(offsets);
    vn_buf_free(&text);
    vn_offmap_free(&line_map);
    return st;
}

/* Appends t[from, to) of d as it is, with its characters' anchors. */
static vn_status copy_span(const vn_decoded *d, size_t from, size_t to, vn_buf *out,
                           vn_offmap *map)
{
    vn_status st = VN_OK;
    for (size_t i = from; i < to && st == VN_OK;) {
        st = vn_offmap_add(map, out->len + (i - from), vn_offmap_to_input(&d->map, i));
        int cp;
        i += vn_utf8_next(d->text + i, to - i, &cp);
    }
    return st == VN_OK ? vn_buf_append(out, d->text + from, to - from) : st;
}

/* d's text with the legacy lines decoded, and its map; VN_ERR_NOMEM. */
static vn_status rebuild(vn_decoded *d, const legacy_span *lines, size_t count,
                         const unsigned char *bytes, decode_fn decode, vn_encoding enc)
{
    vn_buf out = VN_BUF_INIT;
    vn_offmap map = VN_OFFMAP_INIT;
    vn_status st = VN_OK;
    size_t copied = 0;
    for (size_t k = 0; k < count && st == VN_OK; k++) {
        st = copy_span(d, copied, lines[k].from, &out, &map);
        if (st == VN_OK)
            st = decode_line(d, &lines[k], bytes, decode, &out, &map);
        copied = lines[k].to;
    }
    if (st == VN_OK)
        st = copy_span(d, copied, d->len, &out, &map);
    size_t len = 0;
    char *text = st == VN_OK ? vn_buf_steal(&out, &len) : NULL;
    if (!text) {
        vn_buf_free(&out);
        vn_offmap_free(&map);
        return VN_ERR_NOMEM;
    }
    vn_offmap_finish(&map, len, d->map.in_len);
    free(d->text);
    vn_offmap_free(&d->map);
    d->text = text;
    d->len = len;
    d->map = map;
    d->legacy_font = enc;
    return VN_OK;
}

vn_status vn_legacy_font_repair(const char *name, vn_decoded *d)
{
    pthread_once(&reverse_once, build_reverse);
    if (!reverse_ready || !d->text)
        return VN_OK;
    /* Most files: no line is a candidate, found in one pass. */
    vn_buf bytes = VN_BUF_INIT;
    legacy_span *lines = NULL;
    size_t count = 0, cap = 0;
    vn_status st = VN_OK;
    for (size_t from = 0; from < d->len && st == VN_OK;) {
        const char *nl = memchr(d->text + from, '\n', d->len - from);
        size_t to = nl ? (size_t)(nl - d->text) : d->len, at = bytes.len;
        if (legacy_line(d->text, from, to, &bytes, &st) && st == VN_OK) {
            if (!vn_grow((void **)&lines, &cap, count, sizeof *lines, 16))
                st = VN_ERR_NOMEM;
            else
                lines[count++] = (legacy_span){from, to, at, bytes.len - at};
        }
        from = to + 1;
    }
    decode_fn decode = NULL;
    const char *font = NULL;
    vn_encoding enc = VN_ENC_UTF8;
    const unsigned char *b = (const unsigned char *)bytes.data;
    if (st == VN_OK && count) {
        if (vn_tcvn3_likely(b, bytes.len)) {
            decode = vn_tcvn3_decode, font = "TCVN3 (.VnTime)", enc = VN_ENC_TCVN3;
        } else if (vn_vni_likely(b, bytes.len)) {
            decode = vn_vni_decode, font = "VNI", enc = VN_ENC_VNI;
        }
    }
    if (st == VN_OK && decode)
        st = rebuild(d, lines, count, b, decode, enc);
    if (st == VN_OK && decode)
        vn_warn("%s: %zu lines typed in a %s font (legacy bytes kept as windows-1252 "
                "characters); decoded as Vietnamese. Retype them in a Unicode font to be sure "
                "of the text",
                name, count, font);
    free(lines);
    vn_buf_free(&bytes);
    return st;
}
