/*
 * text.c — Vietnamese text normalisation (see text.h).
 *
 * vn_text_normalize sees every byte of every indexed document, so it is
 * built around one observation: Vietnamese text is mostly ASCII with one
 * precomposed letter every few bytes, and almost all of it is already NFC.
 * ASCII runs are found a word (8 bytes) at a time and copied with memcpy;
 * around each non-ASCII character the code looks at one "segment" only.
 *
 * A segment is the stretch between two boundary characters.  Boundaries are
 * characters that take no part in any canonical composition or reordering:
 * ASCII other than the letters and `<` `=` `>` (which compose with U+0338
 * into ≮ ≠ ≯), and the Unicode spaces (which become U+0020 here anyway).
 * Because nothing composes or reorders across a boundary, NFC of the whole
 * text equals the concatenation of the NFC of its segments, and a segment
 * with no "trigger" character (one that NFC could change or that could
 * attach to its neighbour: a mark, a Hangul vowel or final jamo, a
 * composition-excluded character) is already NFC and is copied as is.
 * tests/unit/test_text.c checks both claims against utf8proc for every
 * code point.
 *
 * casefold and unaccent work on short strings (query terms, index terms);
 * they reuse the segment walk so ASCII words never reach utf8proc.
 */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "utf8.h"

/* ---- character classes ------------------------------------------------ */

static inline bool ascii_letter(unsigned char c)
{
    return (unsigned char)((c | 0x20) - 'a') < 26;
}

/* ASCII that can start or end a segment (see the file comment). */
static inline bool ascii_boundary(unsigned char c)
{
    return c < 0x80 && !ascii_letter(c) && c != '<' && c != '=' && c != '>';
}

/* Spaces that vn_text_normalize turns into U+0020.  U+2000 and U+2001 are
 * canonical singletons (NFC makes them U+2002/U+2003); mapping them to a
 * plain space first keeps them out of utf8proc. */
static inline bool is_unicode_space(int cp)
{
    return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Invisible characters that Word and web pages leave inside words; they
 * would split a syllable for the tokenizer and hide a citation from the
 * extractor.  U+FEFF here is a zero-width no-break space inside the text
 * (the reader already dropped a leading byte-order mark). */
static inline bool is_dropped(int cp)
{
    return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 ||
           cp == 0xFEFF;
}

/* Lookalikes of Đ/đ: U+00D0 Icelandic Eth and U+0189 African D are what
 * Vietnamese keyboards and OCR produce instead of U+0110.  All three are
 * two bytes in UTF-8, so the mapping never changes a length. */
static inline int dd_lookalike(int cp)
{
    switch (cp) {
    case 0x00D0: return 0x0110;
    case 0x0189: return 0x0110;
    case 0x00F0: return 0x0111;
    }
    return 0;
}

/* True if NFC could change cp or attach it to the character before it. */
static bool nfc_trigger(int cp)
{
    if (cp < 0x300)
        return false; /* Latin-1 and Latin Extended: stable starters */
    if (cp >= 0x1EA0 && cp <= 0x1EF9)
        return false; /* precomposed Vietnamese letters */
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->combining_class != 0 || p->comp_exclusion)
        return true;
    switch (p->category) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return true;
    }
    /* Hangul vowel and final jamo compose with the syllable before them. */
    return p->boundclass == UTF8PROC_BOUNDCLASS_V || p->boundclass == UTF8PROC_BOUNDCLASS_T;
}

/* ---- scanning ----------------------------------------------------------- */

/* Index of the first non-ASCII byte at or after i. */
static inline size_t ascii_run_end(const unsigned char *s, size_t i, size_t len)
{
    while (len - i >= 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        if (v & 0x8080808080808080ULL)
            break;
        i += 8;
    }
    while (i < len && s[i] < 0x80)
        i++;
    return i;
}

/* Start of the segment holding position j: just after the last boundary in
 * [from, j), or `from` (which callers only pass at a segment start). */
static inline size_t segment_start(const unsigned char *s, size_t from, size_t j)
{
    while (j > from && !ascii_boundary(s[j - 1]))
        j--;
    return j;
}

/* Decodes the character at s[i]; *bad is set for a malformed sequence. */
static inline size_t next_cp(const unsigned char *s, size_t i, size_t len, int *cp, bool *bad)
{
    size_t n = vn_utf8_next((const char *)s + i, len - i, cp);
    *bad = n == 1 && s[i] >= 0x80;
    return n;
}

enum {
    SEG_MAP = 1,   /* holds a Đ lookalike */
    SEG_DROP = 2,  /* holds an invisible character to remove */
    SEG_BAD = 4,   /* holds malformed UTF-8 (callers broke the contract) */
    SEG_NFC = 8    /* holds an NFC trigger */
};

/* End of the segment that starts at or before i (i is not a boundary):
 * the next ASCII boundary or Unicode space.  Collects SEG_* flags. */
static size_t segment_end(const unsigned char *s, size_t i, size_t len, unsigned *flags)
{
    while (i < len) {
        if (s[i] < 0x80) {
            if (ascii_boundary(s[i]))
                break;
            i++;
            continue;
        }
        int cp;
        bool bad;
        size_t n = next_cp(s, i, len, &cp, &bad);
        if (bad)
            *flags |= SEG_BAD;
        else if (is_unicode_space(cp))
            break;
        else if (is_dropped(cp))
            *flags |= SEG_DROP;
        else if (dd_lookalike(cp))
            *flags |= SEG_MAP;
        else if (nfc_trigger(cp))
            *flags |= SEG_NFC;
        i += n;
    }
    return i;
}

/* ---- utf8proc over a short span ----------------------------------------- */

/* Code point buffer for utf8proc: a local array covers words, the heap
 * covers the rare long segment (a line of combining marks). */
typedef struct cp_scratch {
    utf8proc_int32_t local[256];
    utf8proc_int32_t *heap;
    size_t heap_cap;
} cp_scratch;

static void scratch_free(cp_scratch *sc)
{
    free(sc->heap);
    sc->heap = NULL;
    sc->heap_cap = 0;
}

/* Decomposes s[0..n) with utf8proc options `opt` (which must include
 * COMPOSE or DECOMPOSE), then recomposes if COMPOSE is set.  The result is
 * left in *cps (count *count), valid until the next call. */
static vn_status cp_map(cp_scratch *sc, const unsigned char *s, size_t n,
                        utf8proc_option_t opt, utf8proc_int32_t **cps, size_t *count)
{
    utf8proc_int32_t *buf = sc->heap ? sc->heap : sc->local;
    size_t cap = sc->heap ? sc->heap_cap : sizeof sc->local / sizeof sc->local[0];
    utf8proc_ssize_t r = utf8proc_decompose(s, (utf8proc_ssize_t)n, buf, (utf8proc_ssize_t)cap, opt);
    if (r >= 0 && (size_t)r > cap) {
        utf8proc_int32_t *p = realloc(sc->heap, (size_t)r * sizeof *p);
        if (!p)
            return VN_ERR_NOMEM;
        sc->heap = buf = p;
        sc->heap_cap = cap = (size_t)r;
        r = utf8proc_decompose(s, (utf8proc_ssize_t)n, buf, (utf8proc_ssize_t)cap, opt);
    }
    if (r < 0)
        return VN_ERR_ENCODING;
    r = utf8proc_normalize_utf32(buf, r, opt);
    if (r < 0)
        return VN_ERR_ENCODING;
    *cps = buf;
    *count = (size_t)r;
    return VN_OK;
}

/* ---- vn_text_normalize -------------------------------------------------- */

typedef struct norm {
    const unsigned char *in;
    vn_buf *out;
    size_t base;      /* out->len when the call started: map offsets are relative to it */
    vn_offmap *map;
    cp_scratch sc;
    vn_buf clean;     /* a segment with invisible characters removed, for NFC */
} norm;

static vn_status anchor(norm *z, size_t in)
{
    return z->map ? vn_offmap_add(z->map, z->out->len - z->base, in) : VN_OK;
}

static const char REPLACEMENT[] = "\xEF\xBF\xBD";

/* Copies a segment without NFC: Đ lookalikes mapped in place, invisible
 * characters dropped and malformed bytes replaced, each with an anchor so
 * positions around them stay exact. */
static vn_status copy_segment(norm *z, size_t s, size_t e)
{
    size_t run = s; /* start of bytes not yet copied */
    for (size_t i = s; i < e;) {
        if (z->in[i] < 0x80) {
            i++;
            continue;
        }
        int cp;
        bool bad;
        size_t n = next_cp(z->in, i, e, &cp, &bad);
        int to = bad ? 0 : dd_lookalike(cp);
        if (bad || to || is_dropped(cp)) {
            if (vn_buf_append(z->out, z->in + run, i - run) != VN_OK)
                return VN_ERR_NOMEM;
            vn_status st = VN_OK;
            if (bad)
                st = vn_buf_append(z->out, REPLACEMENT, 3);
            else if (to)
                st = vn_buf_append_utf8(z->out, to);
            if (st != VN_OK || (st = anchor(z, i + n)) != VN_OK)
                return st;
            run = i + n;
        }
        i += n;
    }
    return vn_buf_append(z->out, z->in + run, e - run);
}

/* NFC of a segment, with the same mappings as copy_segment.  Invisible
 * characters go before composition (an U+200B between a letter and its
 * tone mark must not keep them apart); Đ lookalikes are mapped after it,
 * which is equivalent because none of them composes with anything. */
static vn_status nfc_segment(norm *z, size_t s, size_t e, unsigned flags)
{
    const unsigned char *src = z->in + s;
    size_t n = e - s;
    if (flags & (SEG_DROP | SEG_BAD)) {
        z->clean.len = 0;
        for (size_t i = s; i < e;) {
            int cp;
            bool bad;
            size_t k = next_cp(z->in, i, e, &cp, &bad);
            vn_status st = VN_OK;
            if (bad)
                st = vn_buf_append(&z->clean, REPLACEMENT, 3);
            else if (!is_dropped(cp))
                st = vn_buf_append(&z->clean, z->in + i, k);
            if (st != VN_OK)
                return st;
            i += k;
        }
        src = (const unsigned char *)z->clean.data;
        n = z->clean.len;
    }
    utf8proc_int32_t *cps;
    size_t count;
    vn_status st = n ? cp_map(&z->sc, src, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE, &cps, &count) : VN_OK;
    if (st != VN_OK)
        return st;
    if (n && vn_buf_reserve(z->out, 4 * count) != VN_OK)
        return VN_ERR_NOMEM;
    for (size_t k = 0; n && k < count; k++) {
        int to = dd_lookalike(cps[k]);
        if (vn_buf_append_utf8(z->out, to ? to : cps[k]) != VN_OK)
            return VN_ERR_NOMEM;
    }
    return anchor(z, e);
}

vn_status vn_text_normalize(const char *in, size_t len, vn_buf *out, vn_offmap *map)
{
    norm z = {.in = (const unsigned char *)in, .out = out, .base = out->len, .map = map,
              .clean = VN_BUF_INIT};
    z.sc.heap = NULL;
    z.sc.heap_cap = 0;
    vn_status st = vn_buf_reserve(out, len);
    size_t i = 0;
    while (st == VN_OK && i < len) {
        size_t j = ascii_run_end(z.in, i, len);
        if (j == len) {
            st = vn_buf_append(out, in + i, len - i);
            i = len;
            break;
        }
        int cp;
        bool bad;
        size_t n = next_cp(z.in, j, len, &cp, &bad);
        if (!bad && is_unicode_space(cp)) {
            if ((st = vn_buf_append(out, in + i, j - i)) != VN_OK ||
                (st = vn_buf_append_char(out, ' ')) != VN_OK)
                break;
            st = anchor(&z, j + n);
            i = j + n;
            continue;
        }
        size_t s = segment_start(z.in, i, j);
        if ((st = vn_buf_append(out, in + i, s - i)) != VN_OK)
            break;
        unsigned flags = 0;
        size_t e = segment_end(z.in, j, len, &flags);
        if (flags & SEG_NFC)
            st = nfc_segment(&z, s, e, flags);
        else if (flags)
            st = copy_segment(&z, s, e);
        else
            st = vn_buf_append(out, in + s, e - s);
        i = e;
    }
    scratch_free(&z.sc);
    vn_buf_free(&z.clean);
    if (st == VN_OK && map)
        vn_offmap_finish(map, out->len - z.base, len);
    return st;
}

/* ---- casefold and unaccent ---------------------------------------------- */

/* Appends s[0..n) (ASCII) lower-cased. */
static vn_status append_ascii_lower(vn_buf *out, const unsigned char *s, size_t n)
{
    if (vn_buf_reserve(out, n) != VN_OK)
        return VN_ERR_NOMEM;
    char *o = out->data + out->len;
    for (size_t i = 0; i < n; i++)
        o[i] = (char)((unsigned)(s[i] - 'A') < 26 ? s[i] + 32 : s[i]);
    out->len += n;
    out->data[out->len] = '\0';
    return VN_OK;
}

/* Shared walk of casefold and unaccent: ASCII words are lower-cased
 * directly, segments with other characters go through utf8proc with `opt`,
 * and each resulting code point through `post` (may be NULL). */
static vn_status fold(const char *in, size_t len, vn_buf *out, utf8proc_option_t opt,
                      int (*post)(int cp))
{
    const unsigned char *s = (const unsigned char *)in;
    cp_scratch sc;
    sc.heap = NULL;
    sc.heap_cap = 0;
    vn_status st = VN_OK;
    size_t i = 0;
    while (st == VN_OK && i < len) {
        size_t j = ascii_run_end(s, i, len);
        size_t seg = j < len ? segment_start(s, i, j) : len;
        if ((st = append_ascii_lower(out, s + i, seg - i)) != VN_OK || j == len)
            break;
        unsigned flags = 0;
        size_t e = segment_end(s, j, len, &flags);
        if (e == j) /* a Unicode space: a segment of its own */
            e += vn_utf8_next(in + j, len - j, &(int){0});
        utf8proc_int32_t *cps;
        size_t count;
        if ((st = cp_map(&sc, s + seg, e - seg, opt, &cps, &count)) != VN_OK ||
            (st = vn_buf_reserve(out, 4 * count)) != VN_OK)
            break;
        for (size_t k = 0; k < count && st == VN_OK; k++) {
            int cp = post ? post(cps[k]) : cps[k];
            st = vn_buf_append_utf8(out, cp);
        }
        i = e;
    }
    scratch_free(&sc);
    return st;
}

vn_status vn_text_casefold(const char *in, size_t len, vn_buf *out)
{
    return fold(in, len, out, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD, NULL);
}

/* After case folding and mark stripping only the barred d's are left with
 * something a Vietnamese reader calls an accent: đ, and its lookalikes ð
 * and ɖ (the folded forms of Ð and Ɖ). */
static int unbar_d(int cp)
{
    return cp == 0x0111 || cp == 0x00F0 || cp == 0x0256 ? 'd' : cp;
}

vn_status vn_text_unaccent(const char *in, size_t len, vn_buf *out)
{
    return fold(in, len, out,
                UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK,
                unbar_d);
}

/* A letter with a diacritic (its canonical decomposition holds a mark), a
 * lone combining mark, or one of the barred d's. */
static bool is_accented(int cp)
{
    if (unbar_d(cp) == 'd' || cp == 0x0110 || cp == 0x00D0 || cp == 0x0189)
        return true;
    utf8proc_int32_t d[8];
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, NULL);
    for (utf8proc_ssize_t k = 0; k < n && k < 8; k++) {
        utf8proc_category_t c = utf8proc_category(d[k]);
        if (c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME)
            return true;
    }
    return false;
}

bool vn_text_has_accents(const char *in, size_t len)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0;
    while ((i = ascii_run_end(s, i, len)) < len) {
        int cp;
        i += vn_utf8_next(in + i, len - i, &cp);
        if (is_accented(cp))
            return true;
    }
    return false;
}
