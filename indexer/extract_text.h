/*
 * extract_text.h — how the citation scanner's parts (extract.c, and the
 * files it is split into: extract_context.c, extract_names.c,
 * extract_own.c) read Vietnamese text: code points around a position,
 * case-insensitive matches of lowercase literals and of word lists, blanks
 * and word edges.  Internal to the extractor.
 *
 * Inline: they run at every candidate position and inside every word of an
 * issuer or a name, where a call across files would cost more than the
 * work.
 */
#ifndef VN_EXTRACT_TEXT_H
#define VN_EXTRACT_TEXT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <utf8proc.h>

#include "../common/ascii.h"
#include "../common/lower.h"
#include "../common/utf8.h"

/* How far the scanner looks around a hit; bounds keep the pass linear. */
#define LOOKBACK_BYTES 96

static inline bool is_alnum_cp(int cp)
{
    if (cp < 0x80)
        return vn_ascii_alnum(cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL ||
           c == UTF8PROC_CATEGORY_LT || c == UTF8PROC_CATEGORY_LO ||
           c == UTF8PROC_CATEGORY_ND || c == UTF8PROC_CATEGORY_MN;
}

static inline bool is_upper_cp(int cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

static inline int prev_cp(const char *t, size_t pos)
{
    if (pos == 0)
        return 0;
    int cp;
    vn_utf8_prev(t, pos, &cp);
    return cp;
}

static inline int next_cp(const char *t, size_t len, size_t pos)
{
    if (pos >= len)
        return 0;
    int cp;
    vn_utf8_next(t + pos, len - pos, &cp);
    return cp;
}

/* Case-insensitive match of lowercase literal `w` at t[i]; returns the byte
 * length matched in t (0 if none).  Does not check word boundaries.
 * Called for every word of every list at every candidate position, so the
 * common cases stay byte-wide: two ASCII bytes compare directly, and an
 * ASCII text byte never equals a non-ASCII word character (utf8proc lowers
 * ASCII to ASCII).  The reverse happens for two characters only (U+0130
 * lowers to "i", U+212A to "k"), so a non-ASCII text character against an
 * ASCII word character takes the full path only when it may be one. */
static inline size_t match_ci(const char *t, size_t len, size_t i, const char *w)
{
    size_t ti = i, wi = 0;
    while (w[wi]) {
        if (ti >= len)
            return 0;
        unsigned char tb = (unsigned char)t[ti], wb = (unsigned char)w[wi];
        if (tb < 0x80) {
            if (wb >= 0x80 || vn_lower_cp(tb) != wb)
                return 0;
            ti++;
            wi++;
            continue;
        }
        if (wb < 0x80 && !vn_lower_nonascii_may_be(tb, wb))
            return 0;
        int a, b;
        ti += vn_utf8_next(t + ti, len - ti, &a);
        wi += vn_utf8_next(w + wi, 4, &b);  /* stops at the NUL, like strlen(w) would */
        if (vn_lower_cp(a) != b)
            return 0;
    }
    return ti - i;
}

/* Same, but the word must end at a word boundary. */
static inline size_t match_word_ci(const char *t, size_t len, size_t i, const char *w)
{
    size_t n = match_ci(t, len, i, w);
    if (n && is_alnum_cp(next_cp(t, len, i + n)))
        return 0;
    return n;
}

/* First byte of the UTF-8 encoding of cp. */
static inline unsigned char utf8_lead_byte(int cp)
{
    if (cp < 0x80)
        return (unsigned char)cp;
    if (cp < 0x800)
        return (unsigned char)(0xC0 | (cp >> 6));
    if (cp < 0x10000)
        return (unsigned char)(0xE0 | (cp >> 12));
    return (unsigned char)(0xF0 | (cp >> 18));
}

/* The byte a lowercase literal must start with to match at t[i] (0 past
 * the end): match_ci needs vn_lower_cp(first character) to be the word's
 * first character, so their encodings share the lead byte.  The alias
 * scan tests it before matching and skips most aliases on one compare. */
static inline unsigned char lowered_lead_byte(const char *t, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    unsigned char tb = (unsigned char)t[i];
    if (tb < 0x80)
        return (unsigned char)vn_lower_cp(tb);
    int cp;
    vn_utf8_next(t + i, len - i, &cp);
    return utf8_lead_byte(vn_lower_cp(cp));
}

/*
 * A list of lowercase literals (valid UTF-8), first match wins.  The
 * extractor asks its lists at every word of an issuer or name, so each is
 * indexed once by its words' first characters: a position is compared only
 * with the words that start with its lower-cased character.
 */
#define WORD_LIST_MAX 64
#define WORD_LIST_BUCKETS 32

typedef struct word_list {
    const char *const *words;               /* NULL-terminated */
    int first[WORD_LIST_MAX];               /* each word's first character */
    int second[WORD_LIST_MAX];              /* and its second (-1: none) */
    signed char head[WORD_LIST_BUCKETS];    /* a bucket's first word */
    signed char next[WORD_LIST_MAX];        /* the bucket's next word, in list order */
    atomic_bool ready;                      /* indexed (vn_word_list_index) */
} word_list;

/* Indexes l once, whichever thread asks first. */
void vn_word_list_index(word_list *l);


/* The first word of the list that match_word_ci finds at t[i]: its index
 * (-1 if none) and length in t.  match_ci compares each lower-cased text
 * character with the word's, so words whose first two characters differ
 * from the text's cannot match. */
static inline int match_word_in_list(const char *t, size_t len, size_t i, word_list *l,
                                     size_t *matched)
{
    if (!atomic_load_explicit(&l->ready, memory_order_acquire))
        vn_word_list_index(l);
    if (i >= len)
        return -1;
    int first;
    size_t first_len = vn_utf8_next(t + i, len - i, &first);
    first = vn_lower_cp(first);
    int second = -1;    /* decoded when a word's first character agrees */
    for (int k = l->head[(unsigned)first % WORD_LIST_BUCKETS]; k >= 0; k = l->next[k]) {
        if (l->first[k] != first)
            continue;
        if (second == -1)
            second = vn_lower_cp(next_cp(t, len, i + first_len));
        if (l->second[k] != -1 && l->second[k] != second)
            continue;
        size_t n = match_word_ci(t, len, i, l->words[k]);
        if (n) {
            *matched = n;
            return k;
        }
    }
    return -1;
}

/* Case-insensitive match of lowercase literal `w` ENDING at t[end]; returns
 * its start or (size_t)-1.  Requires a word boundary before it. */
static inline size_t match_word_ci_before(const char *t, size_t end, const char *w)
{
    size_t ti = end, wi = strlen(w);
    while (wi > 0) {
        if (ti == 0)
            return (size_t)-1;
        int a, b;
        ti -= vn_utf8_prev(t, ti, &a);
        wi -= vn_utf8_prev(w, wi, &b);
        if (vn_lower_cp(a) != b)
            return (size_t)-1;
    }
    if (is_alnum_cp(prev_cp(t, ti)))
        return (size_t)-1;
    return ti;
}

/* "số", or "so" typed without accents, ending at `end`: its start or
 * (size_t)-1.  Asked at every number, so the last letter picks the word. */
static inline size_t so_before(const char *t, size_t end)
{
    int last = vn_lower_cp(prev_cp(t, end));
    if (last == 0x1ED1)     /* ố */
        return match_word_ci_before(t, end, "số");
    if (last == 'o')
        return match_word_ci_before(t, end, "so");
    return (size_t)-1;
}

static inline size_t skip_blanks_fwd(const char *t, size_t len, size_t i)
{
    int newlines = 0;
    while (i < len && (t[i] == ' ' || t[i] == '\t' || (t[i] == '\n' && newlines++ == 0)))
        i++;
    return i;
}

static inline size_t skip_blanks_back(const char *t, size_t floor, size_t i)
{
    int newlines = 0;
    while (i > floor && (t[i - 1] == ' ' || t[i - 1] == '\t' || (t[i - 1] == '\n' && newlines++ == 0)))
        i--;
    return i;
}

/* Blanks within one line: an issuer never continues on the next line. */
static inline size_t skip_spaces_fwd(const char *t, size_t len, size_t i)
{
    while (i < len && (t[i] == ' ' || t[i] == '\t'))
        i++;
    return i;
}

/* The end of the letters and digits at i (i if none). */
static inline size_t word_end(const char *t, size_t len, size_t i)
{
    int cp;
    while (i < len) {
        size_t n = vn_utf8_next(t + i, len - i, &cp);
        if (!is_alnum_cp(cp))
            break;
        i += n;
    }
    return i;
}

/* The start of the letters and digits that end at i, not before floor (i if
 * none). */
static inline size_t word_start(const char *t, size_t floor, size_t i)
{
    int cp;
    while (i > floor) {
        size_t n = vn_utf8_prev(t, i, &cp);
        if (!is_alnum_cp(cp))
            break;
        i -= n;
    }
    return i;
}

/* True if a clause ends at k: the text does, or ";", ".", ",", ")" or a
 * line break stands there. */
static inline bool ends_clause(const char *t, size_t len, size_t k)
{
    return k >= len || strchr(";.,)\n", t[k]) != NULL;
}

static inline void copy_trimmed(char *dst, size_t dstsz, const char *src, size_t n)
{
    while (n > 0 && (src[n - 1] == ' ' || src[n - 1] == '\n' || src[n - 1] == '\t'))
        n--;
    while (n > 0 && (*src == ' ' || *src == '\n' || *src == '\t')) {
        src++;
        n--;
    }
    if (n >= dstsz) {           /* cut at a character boundary */
        n = dstsz - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    size_t o = 0;
    for (size_t k = 0; k < n; k++) {    /* a run of blanks inside becomes one space */
        bool blank = src[k] == ' ' || src[k] == '\n' || src[k] == '\t';
        if (!blank)
            dst[o++] = src[k];
        else if (dst[o - 1] != ' ')     /* o > 0: src starts with no blank */
            dst[o++] = ' ';
    }
    dst[o] = '\0';
}

/* snprintf(dst, size, "%s", src) without the format machinery: each
 * citation copies a few strings, and snprintf cost more than reading them. */
static inline void copy_str(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

#endif
