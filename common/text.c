/*
 * text.c — Vietnamese text normalisation (see text.h).
 *
 * vn_text_normalize sees every byte of every indexed document, so it is
 * built around one observation: Vietnamese text is mostly ASCII with a
 * precomposed letter every few bytes, and almost all of it is already NFC.
 * ASCII runs are skipped 8 bytes at a time, the precomposed letters are
 * recognised from their bytes, and the output is not even written while
 * nothing changes: the unchanged stretch is copied with one memcpy when the
 * next change comes.
 *
 * NFC is applied per "cluster": a run of trigger characters (those NFC
 * could change or attach to what precedes them: marks, Hangul vowel and
 * final jamo, characters with a canonical decomposition) with the one
 * character before the run, its base.  A non-trigger character is a
 * starter that nothing attaches to, so nothing composes or reorders across
 * it, and NFC of the text is the concatenation of the NFC of its clusters
 * with everything else unchanged.  tests/unit/test_text.c checks the
 * trigger test against utf8proc for every assigned code point.  Clusters
 * are a letter and its marks, so offsets stay exact up to the letter.
 *
 * casefold and unaccent work on short strings (query and index terms): a
 * string of Latin and Vietnamese letters is folded one table lookup per
 * character, anything else goes to utf8proc (see "the fold table").
 */
#include "text.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "ascii.h"
#include "utf8.h"

/* ---- character classes ------------------------------------------------ */

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

/* Characters written for others: U+00D0 Icelandic Eth and U+0189 African D
 * are what Vietnamese keyboards and OCR produce instead of Đ/đ, and the
 * fullwidth digits and punctuation (U+FF01-U+FF5E: "２３／") what East Asian
 * input methods and some PDF converters leave in numbers.  Neither they nor
 * their replacements compose with anything, so mapping commutes with NFC;
 * that is why fullwidth letters and < = > (bases of compositions once
 * mapped: "=" + U+0338 is "≠") stay as they are.  Returns the replacement,
 * or 0. */
static inline int lookalike(int cp)
{
    switch (cp) {
    case 0x00D0: return 0x0110;
    case 0x0189: return 0x0110;
    case 0x00F0: return 0x0111;
    }
    if (cp < 0xFF01 || cp > 0xFF5E)
        return 0;
    int ascii = cp - 0xFEE0;
    if (vn_ascii_alpha(ascii) || (ascii >= '<' && ascii <= '>'))
        return 0;
    return ascii;
}

/* True if NFC could change cp or attach it to the character before it. */
static bool nfc_trigger(int cp)
{
    if (cp < 0x300)
        return false; /* Latin-1 and Latin Extended: stable starters */
    if (cp >= 0x1EA0 && cp <= 0x1EF9)
        return false; /* precomposed Vietnamese letters */
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->combining_class != 0)
        return true;
    /* A canonical decomposition: a composite NFC keeps, or a singleton or
     * excluded one it replaces; telling them apart costs more than simply
     * recomposing the few such letters outside the ranges above. */
    if (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0)
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

/* Index of the first non-ASCII byte at or after i.  With SSE2 one load
 * finds it in the next 16 bytes: Vietnamese has a non-ASCII byte every few
 * letters, so most runs are short and a byte loop paid for every byte. */
static inline size_t ascii_run_end(const unsigned char *s, size_t i, size_t len)
{
#ifdef __SSE2__
    while (len - i >= 16) {
        unsigned high = (unsigned)_mm_movemask_epi8(
            _mm_loadu_si128((const __m128i *)(const void *)(s + i)));
        if (high)
            return i + (size_t)__builtin_ctz(high);
        i += 16;
    }
#else
    while (len - i >= 8) {
        uint64_t v;
        memcpy(&v, s + i, 8);
        if (v & 0x8080808080808080ULL)
            break;
        i += 8;
    }
#endif
    while (i < len && s[i] < 0x80)
        i++;
    return i;
}

/* The common case, recognised from the bytes without decoding: a letter
 * of Latin-1, Latin Extended or the precomposed Vietnamese block
 * (U+1EA0-U+1EF9) that needs nothing done.  Returns its length, or 0. */
static inline size_t plain_bytes(const unsigned char *s, size_t i, size_t len)
{
    unsigned char c = s[i];
    if (c >= 0xC2 && c <= 0xCB) { /* U+0080-U+02FF */
        if (len - i < 2 || (s[i + 1] & 0xC0) != 0x80)
            return 0;
        int cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
        return cp == 0xA0 || cp == 0xAD || cp == 0xD0 || cp == 0xF0 || cp == 0x189 ? 0 : 2;
    }
    if (c == 0xE1 && len - i >= 3 && (s[i + 2] & 0xC0) == 0x80 &&
        (s[i + 1] == 0xBA ? s[i + 2] >= 0xA0 : s[i + 1] == 0xBB && s[i + 2] <= 0xB9))
        return 3;
    return 0;
}

/* Decodes the character at s[i]; *bad is set for a malformed sequence. */
static inline size_t next_cp(const unsigned char *s, size_t i, size_t len, int *cp, bool *bad)
{
    size_t n = vn_utf8_next((const char *)s + i, len - i, cp);
    *bad = n == 1 && s[i] >= 0x80;
    return n;
}

enum {
    CP_NFC = 1,    /* an NFC trigger */
    CP_DROP = 2,   /* an invisible character to remove */
    CP_MAP = 4,    /* a lookalike of Đ or of ASCII */
    CP_SPACE = 8,  /* a Unicode space, becomes U+0020 */
    CP_BAD = 16    /* malformed UTF-8 (the caller broke the contract) */
};

/* What a non-ASCII character needs (0: nothing). */
static unsigned classify(int cp, bool bad)
{
    if (bad)
        return CP_BAD;
    if (is_unicode_space(cp))
        return CP_SPACE;
    if (is_dropped(cp))
        return CP_DROP;
    if (lookalike(cp))
        return CP_MAP;
    return nfc_trigger(cp) ? CP_NFC : 0;
}

/* End of the run of triggers and invisible characters starting at i; the
 * CP_* bits seen are added to *flags.  ASCII is never in such a run. */
static size_t cluster_end(const unsigned char *s, size_t i, size_t len, unsigned *flags)
{
    while (i < len && s[i] >= 0x80 && !plain_bytes(s, i, len)) {
        int cp;
        bool bad;
        size_t n = next_cp(s, i, len, &cp, &bad);
        unsigned k = classify(cp, bad);
        if (!(k & (CP_NFC | CP_DROP)))
            break;
        *flags |= k;
        i += n;
    }
    return i;
}

/* ---- utf8proc over a short span ----------------------------------------- */

/* Code point buffer for utf8proc: a local array covers words, the heap
 * covers the rare long span (a line of combining marks, a long term). */
typedef struct cp_scratch {
    utf8proc_int32_t local[256];
    utf8proc_int32_t *heap;
    size_t heap_cap;
} cp_scratch;

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

/* Appends code points, each through `post` (may be NULL). */
static vn_status append_cps(vn_buf *out, const utf8proc_int32_t *cps, size_t count,
                            int (*post)(int cp))
{
    if (vn_buf_reserve(out, 4 * count) != VN_OK)
        return VN_ERR_NOMEM;
    for (size_t k = 0; k < count; k++) {
        int cp = post ? post(cps[k]) : cps[k];
        vn_buf_append_utf8(out, cp); /* room reserved above */
    }
    return VN_OK;
}

/* ---- vn_text_normalize -------------------------------------------------- */

typedef struct norm {
    const unsigned char *in;
    vn_buf *out;
    size_t base;      /* out->len when the call started: map offsets are relative to it */
    vn_offmap *map;
    cp_scratch sc;
    vn_buf kept;      /* a cluster without its invisible characters, for NFC */
} norm;

static vn_status anchor(norm *z, size_t in)
{
    return z->map ? vn_offmap_add(z->map, z->out->len - z->base, in) : VN_OK;
}

static const char REPLACEMENT[] = "\xEF\xBF\xBD";

/* Writes the character at i, which classify() gave `what` (not CP_NFC or
 * CP_DROP), and anchors the input after it. */
static vn_status replace_char(norm *z, size_t i, size_t n, int cp, unsigned what)
{
    vn_status st;
    if (what == CP_SPACE)
        st = vn_buf_append_char(z->out, ' ');
    else if (what == CP_MAP)
        st = vn_buf_append_utf8(z->out, lookalike(cp));
    else
        st = vn_buf_append(z->out, REPLACEMENT, 3);
    return st != VN_OK ? st : anchor(z, i + n);
}

/* A cluster with invisible characters but no trigger: copies it without
 * them, anchoring after each so the characters around stay exact. */
static vn_status drop_invisible(norm *z, size_t s, size_t e)
{
    size_t run = s;
    for (size_t i = s; i < e;) {
        int cp;
        bool bad;
        size_t n = next_cp(z->in, i, e, &cp, &bad);
        if (!bad && is_dropped(cp)) {
            vn_status st = vn_buf_append(z->out, z->in + run, i - run);
            if (st != VN_OK || (st = anchor(z, i + n)) != VN_OK)
                return st;
            run = i + n;
        }
        i += n;
    }
    return vn_buf_append(z->out, z->in + run, e - run);
}

/* NFC of a cluster.  Invisible characters go before composition (an U+200B
 * between a letter and its tone mark must not keep them apart). */
static vn_status nfc_cluster(norm *z, size_t s, size_t e, unsigned flags)
{
    const unsigned char *src = z->in + s;
    size_t n = e - s;
    if (flags & CP_DROP) {
        z->kept.len = 0;
        for (size_t i = s; i < e;) {
            int cp;
            bool bad;
            size_t k = next_cp(z->in, i, e, &cp, &bad);
            if ((bad || !is_dropped(cp)) && vn_buf_append(&z->kept, z->in + i, k) != VN_OK)
                return VN_ERR_NOMEM;
            i += k;
        }
        src = (const unsigned char *)z->kept.data;
        n = z->kept.len;
    }
    utf8proc_int32_t *cps;
    size_t count;
    vn_status st = cp_map(&z->sc, src, n, UTF8PROC_STABLE | UTF8PROC_COMPOSE, &cps, &count);
    if (st != VN_OK || (st = append_cps(z->out, cps, count, NULL)) != VN_OK)
        return st;
    return anchor(z, e);
}

vn_status vn_text_normalize(const char *in, size_t len, vn_buf *out, vn_offmap *map)
{
    norm z = {.in = (const unsigned char *)in, .out = out, .base = out->len, .map = map,
              .kept = VN_BUF_INIT};
    vn_status st = vn_buf_reserve(out, len);
    /* Input before `copied` is in out; [copied, i) is unchanged text not
     * yet copied. */
    size_t i = 0, copied = 0;
    while (st == VN_OK && (i = ascii_run_end(z.in, i, len)) < len) {
        size_t n = plain_bytes(z.in, i, len);
        if (n) {
            i += n;
            continue;
        }
        int cp;
        bool bad;
        n = next_cp(z.in, i, len, &cp, &bad);
        unsigned what = classify(cp, bad);
        if (what == 0) {
            i += n;
            continue;
        }
        size_t start = i, end = i + n;
        if (what & (CP_NFC | CP_DROP)) {
            /* The cluster's base is the character before, if it is still
             * uncopied; one already rewritten (a space, Đ, U+FFFD) takes
             * no marks, so the run can go alone. */
            if (i > copied)
                start -= vn_utf8_prev(in, i, &(int){0});
            end = cluster_end(z.in, end, len, &what);
        }
        if ((st = vn_buf_append(out, in + copied, start - copied)) != VN_OK)
            break;
        if (what & CP_NFC)
            st = nfc_cluster(&z, start, end, what);
        else if (what & CP_DROP)
            st = drop_invisible(&z, start, end);
        else
            st = replace_char(&z, i, n, cp, what);
        i = copied = end;
    }
    if (st == VN_OK)
        st = vn_buf_append(out, in + copied, len - copied);
    free(z.sc.heap);
    vn_buf_free(&z.kept);
    if (st == VN_OK && map)
        vn_offmap_finish(map, out->len - z.base, len);
    return st;
}

/* ---- casefold and unaccent ---------------------------------------------- */

/* The utf8proc path: ASCII text is lower-cased directly, other text goes
 * through utf8proc with `opt` and `post`.  Everything below must agree
 * with it byte for byte, since index and query terms come from it. */
static vn_status fold_utf8proc(const char *in, size_t len, vn_buf *out, utf8proc_option_t opt,
                               int (*post)(int cp))
{
    const unsigned char *s = (const unsigned char *)in;
    if (ascii_run_end(s, 0, len) == len) {
        if (vn_buf_reserve(out, len) != VN_OK)
            return VN_ERR_NOMEM;
        char *o = out->data + out->len;
        for (size_t i = 0; i < len; i++)
            o[i] = (char)((unsigned)(s[i] - 'A') < 26 ? s[i] + 32 : s[i]);
        out->len += len;
        out->data[out->len] = '\0';
        return VN_OK;
    }
    cp_scratch sc;
    sc.heap = NULL;
    sc.heap_cap = 0;
    utf8proc_int32_t *cps;
    size_t count;
    vn_status st = cp_map(&sc, s, len, opt, &cps, &count);
    if (st == VN_OK)
        st = append_cps(out, cps, count, post);
    free(sc.heap);
    return st;
}

#define CASEFOLD_OPT (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD)
#define UNACCENT_OPT (CASEFOLD_OPT | UTF8PROC_STRIPMARK)

/* After case folding and mark stripping only the barred d's are left with
 * something a Vietnamese reader calls an accent: đ, and its lookalikes ð
 * and ɖ (the folded forms of Ð and Ɖ). */
static int unbar_d(int cp)
{
    return cp == 0x0111 || cp == 0x00F0 || cp == 0x0256 ? 'd' : cp;
}

/* ---- the fold table ------------------------------------------------------
 * utf8proc decomposes, folds and recomposes every word through a general
 * state machine, which was a quarter of indexing time.  Vietnamese text
 * (and nearly every word of an index) lies in U+0000-U+024F and
 * U+1E00-U+1EFF, so both forms of each such character are computed once,
 * by the utf8proc path itself, and a word made only of them is folded by
 * concatenating its characters' entries.  That is exact only if folding
 * commutes with concatenation over the table; an entry is kept only when
 * the character is a starter and both its forms begin with a starter, so
 * nothing can reorder or compose across a character boundary except two
 * starters composing, and tests/unit/test_text.c folds every pair of
 * table characters to show that none do.  Anything else (a combining
 * mark, a character outside the table, malformed UTF-8) sends the whole
 * text down the utf8proc path. */

enum { FOLD_MAX = 7, FOLD_LOW_END = 0x250, FOLD_VI_START = 0x1E00, FOLD_VI_END = 0x1F00 };

typedef struct fold_entry {
    unsigned char acc_len;     /* 0: not in the table */
    unsigned char plain_len;
    char acc[FOLD_MAX];        /* case-folded */
    char plain[FOLD_MAX];      /* case-folded and unaccented */
} fold_entry;

static fold_entry fold_table[FOLD_LOW_END + (FOLD_VI_END - FOLD_VI_START)];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static bool starts_with_starter(const char *s, size_t n)
{
    if (n == 0)
        return false;
    int cp;
    vn_utf8_next(s, n, &cp);
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    return p->combining_class == 0 && p->category != UTF8PROC_CATEGORY_MN &&
           p->category != UTF8PROC_CATEGORY_MC && p->category != UTF8PROC_CATEGORY_ME;
}

static void fold_entry_init(fold_entry *e, int cp)
{
    unsigned char s[4];
    size_t n = (size_t)utf8proc_encode_char(cp, s);
    if (!starts_with_starter((const char *)s, n))
        return;
    vn_buf acc = VN_BUF_INIT, plain = VN_BUF_INIT;
    if (fold_utf8proc((const char *)s, n, &acc, CASEFOLD_OPT, NULL) == VN_OK &&
        fold_utf8proc((const char *)s, n, &plain, UNACCENT_OPT, unbar_d) == VN_OK &&
        acc.len <= FOLD_MAX && plain.len <= FOLD_MAX && starts_with_starter(acc.data, acc.len) &&
        starts_with_starter(plain.data, plain.len)) {
        memcpy(e->acc, acc.data, acc.len);
        memcpy(e->plain, plain.data, plain.len);
        e->acc_len = (unsigned char)acc.len;
        e->plain_len = (unsigned char)plain.len;
    }
    vn_buf_free(&acc);
    vn_buf_free(&plain);
}

static void fold_table_init(void)
{
    for (int cp = 0; cp < FOLD_LOW_END; cp++)
        fold_entry_init(&fold_table[cp], cp);
    for (int cp = FOLD_VI_START; cp < FOLD_VI_END; cp++)
        fold_entry_init(&fold_table[FOLD_LOW_END + cp - FOLD_VI_START], cp);
}

/* The entry of the character at s[i] (its length in *n), or NULL when it
 * is not in the table.  Only well-formed sequences decode: C2-C9 leads are
 * U+0080-U+027F (the table stops at U+024F), E1 B8-BB leads are
 * U+1E00-U+1EFF. */
static inline const fold_entry *fold_lookup(const unsigned char *s, size_t i, size_t len,
                                            size_t *n)
{
    const fold_entry *e = NULL;
    unsigned char c = s[i];
    if (c < 0x80) {
        e = &fold_table[c];
        *n = 1;
    } else if (c >= 0xC2 && c <= 0xC9) {
        if (len - i < 2 || (s[i + 1] & 0xC0) != 0x80)
            return NULL;
        unsigned cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
        if (cp >= FOLD_LOW_END)
            return NULL;
        e = &fold_table[cp];
        *n = 2;
    } else if (c == 0xE1) {
        if (len - i < 3 || s[i + 1] < 0xB8 || s[i + 1] > 0xBB || (s[i + 2] & 0xC0) != 0x80)
            return NULL;
        e = &fold_table[FOLD_LOW_END + ((s[i + 1] - 0xB8) << 6) + (s[i + 2] & 0x3F)];
        *n = 3;
    } else {
        return NULL;
    }
    return e->acc_len ? e : NULL;
}

/* Room for FOLD_MAX more bytes at *w in b (whose written part *w ends);
 * an entry is copied whole, padding included. */
static inline bool fold_room(vn_buf *b, char **w)
{
    if ((size_t)(*w - b->data) + FOLD_MAX < b->cap)
        return true;
    b->len = (size_t)(*w - b->data);
    if (vn_buf_reserve(b, FOLD_MAX) != VN_OK)
        return false;
    *w = b->data + b->len;
    return true;
}

enum { FOLD_DONE, FOLD_MISS, FOLD_NOMEM };

/* Both forms of `s` through the table, appended to acc and/or plain
 * (either may be NULL).  FOLD_MISS, with nothing appended, when some
 * character is not in the table. */
static int fold_by_table(const unsigned char *s, size_t len, vn_buf *acc, vn_buf *plain)
{
    pthread_once(&fold_once, fold_table_init);
    /* A word gets room for the worst case, so the loop need not check;
     * a long text gets what it nearly always needs (folding rarely
     * changes a length) and is checked as it goes. */
    bool checked = len > 1024;
    size_t room = checked ? len + FOLD_MAX : FOLD_MAX * (len + 1);
    if ((acc && acc->len + room >= acc->cap && vn_buf_reserve(acc, room) != VN_OK) ||
        (plain && plain->len + room >= plain->cap && vn_buf_reserve(plain, room) != VN_OK))
        return FOLD_NOMEM;
    size_t acc0 = acc ? acc->len : 0, plain0 = plain ? plain->len : 0;
    char *a = acc ? acc->data + acc0 : NULL, *p = plain ? plain->data + plain0 : NULL;
    int r = FOLD_DONE;
    for (size_t i = 0; i < len;) {
        if (checked && ((a && !fold_room(acc, &a)) || (p && !fold_room(plain, &p)))) {
            r = FOLD_NOMEM;
            break;
        }
        unsigned char c = s[i];
        if (c < 0x80) {
            c = (unsigned)(c - 'A') < 26 ? (unsigned char)(c + 32) : c;
            if (a)
                *a++ = (char)c;
            if (p)
                *p++ = (char)c;
            i++;
            continue;
        }
        size_t n;
        const fold_entry *e = fold_lookup(s, i, len, &n);
        if (!e) {
            r = FOLD_MISS;
            break;
        }
        if (a) {
            memcpy(a, e->acc, FOLD_MAX);
            a += e->acc_len;
        }
        if (p) {
            memcpy(p, e->plain, FOLD_MAX);
            p += e->plain_len;
        }
        i += n;
    }
    if (acc) {
        acc->len = r == FOLD_DONE ? (size_t)(a - acc->data) : acc0;
        acc->data[acc->len] = '\0';
    }
    if (plain) {
        plain->len = r == FOLD_DONE ? (size_t)(p - plain->data) : plain0;
        plain->data[plain->len] = '\0';
    }
    return r;
}

vn_status vn_text_casefold(const char *in, size_t len, vn_buf *out)
{
    int r = fold_by_table((const unsigned char *)in, len, out, NULL);
    if (r != FOLD_MISS)
        return r == FOLD_DONE ? VN_OK : VN_ERR_NOMEM;
    return fold_utf8proc(in, len, out, CASEFOLD_OPT, NULL);
}

vn_status vn_text_unaccent(const char *in, size_t len, vn_buf *out)
{
    int r = fold_by_table((const unsigned char *)in, len, NULL, out);
    if (r != FOLD_MISS)
        return r == FOLD_DONE ? VN_OK : VN_ERR_NOMEM;
    return fold_utf8proc(in, len, out, UNACCENT_OPT, unbar_d);
}

vn_status vn_text_fold_both(const char *in, size_t len, vn_buf *acc, vn_buf *plain)
{
    int r = fold_by_table((const unsigned char *)in, len, acc, plain);
    if (r != FOLD_MISS)
        return r == FOLD_DONE ? VN_OK : VN_ERR_NOMEM;
    vn_status st = fold_utf8proc(in, len, acc, CASEFOLD_OPT, NULL);
    return st != VN_OK ? st : fold_utf8proc(in, len, plain, UNACCENT_OPT, unbar_d);
}

vn_status vn_text_fold_reference(const char *in, size_t len, vn_buf *acc, vn_buf *plain)
{
    vn_status st = fold_utf8proc(in, len, acc, CASEFOLD_OPT, NULL);
    return st != VN_OK ? st : fold_utf8proc(in, len, plain, UNACCENT_OPT, unbar_d);
}

/* A letter with a diacritic (its canonical decomposition holds a mark), a
 * lone combining mark, or one of the barred d's in either case. */
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
