/*
 * tokenize.c — word tokens by ICU word breaking (see tokenize.h).
 *
 * ICU reads the UTF-8 text in place through a UText, so no UTF-16 copy of
 * a document is ever made and the break positions ICU returns are already
 * byte offsets.  Both the break iterator and the UText live in the
 * tokenizer and are re-pointed at each new text: opening an iterator loads
 * the break rules, which costs far more than tokenizing a page.
 *
 * Most of a Vietnamese text is syllables of letters between spaces, whose
 * tokens need no rules at all, so ICU only sees the rest (see "simple
 * chunks" below); the tokens are exactly ICU's over the whole text.
 */
#include "tokenize.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/utext.h>

/* simple[] covers U+0000-U+024F, then U+1E00-U+1EFF at SIMPLE_VI. */
enum { SIMPLE_LOW_END = 0x250, SIMPLE_VI = 0x250, SIMPLE_SIZE = 0x250 + 0x100 };

struct vn_tokenizer {
    UBreakIterator *brk;
    UText text;
    /* 1 for a letter or digit of ICU's own ALetter or Numeric class */
    unsigned char simple[SIMPLE_SIZE];
    /* 1 for ASCII punctuation that can only join letters or digits on
     * both sides (Other, MidLetter, MidNum, MidNumLet) */
    unsigned char punct[128];
};

static bool simple_class(UChar32 c)
{
    int wb = u_getIntPropertyValue(c, UCHAR_WORD_BREAK);
    /* '@' is ALetter to some ICU versions and not to others (e-mail
     * addresses); keeping it out leaves the choice to ICU. */
    return c != '@' && (wb == U_WB_ALETTER || wb == U_WB_NUMERIC);
}

static bool punct_class(UChar32 c)
{
    int wb = u_getIntPropertyValue(c, UCHAR_WORD_BREAK);
    return wb == U_WB_OTHER || wb == U_WB_MIDLETTER || wb == U_WB_MIDNUM ||
           wb == U_WB_MIDNUMLET;
}

vn_status vn_tokenizer_open(vn_tokenizer **out, vn_error *err)
{
    *out = NULL;
    vn_tokenizer *t = calloc(1, sizeof *t);
    if (!t)
        return vn_error_set(err, VN_ERR_NOMEM, "tokenizer: out of memory");
    t->text = (UText)UTEXT_INITIALIZER;
    UErrorCode st = U_ZERO_ERROR;
    /* The Vietnamese locale has no tailoring of its own; naming it keeps
     * the choice visible and picks up one if ICU ever ships it. */
    t->brk = ubrk_open(UBRK_WORD, "vi", NULL, 0, &st);
    if (U_FAILURE(st)) {
        free(t);
        return vn_error_set(err, VN_ERR_NOMEM,
                            "tokenizer: cannot open the ICU word break iterator (%s); "
                            "check the ICU data installation",
                            u_errorName(st));
    }
    for (UChar32 c = 0; c < SIMPLE_LOW_END; c++)
        t->simple[c] = simple_class(c);
    for (UChar32 c = 0x1E00; c < 0x1F00; c++)
        t->simple[SIMPLE_VI + (c - 0x1E00)] = simple_class(c);
    /* What a syllable most often carries in running text. */
    for (const char *p = ",.;:()!?"; *p; p++)
        t->punct[(unsigned char)*p] = punct_class(*p);
    *out = t;
    return VN_OK;
}

void vn_tokenizer_close(vn_tokenizer *t)
{
    if (!t)
        return;
    ubrk_close(t->brk);
    utext_close(&t->text);
    free(t);
}

/* ---- simple chunks ---------------------------------------------------------
 * A chunk is a maximal run of bytes other than the separators space, tab,
 * CR and LF; it is simple when it is a run of letters and digits (ALetter
 * or Numeric, checked against ICU's own property data at open, from
 * U+0000-U+024F or U+1E00-U+1EFF), with or without some of , . ; : ( ) ! ?
 * before and after it ("(QCDC)", "2024.", "ủy,").  By UAX #29 as ICU
 * implements it:
 *  - nothing joins a separator to a letter, digit or such punctuation on
 *    either side (WB3a-WB3d, WB4 only let CR LF, spaces and
 *    Extend/Format/ZWJ through); letters and digits join each other (WB5,
 *    WB8-WB10); the punctuation joins only a letter or digit on each side
 *    (WB6/7, WB11/12), never at the edge of the run, and is no word by
 *    itself: a simple chunk holds exactly one token, the run, with a word
 *    status (none if the run is empty);
 *  - so its start and end are boundaries, and ICU finds the next boundary
 *    from a boundary by reading forwards only (handleNext), and a match
 *    can only run on into a separator through whitespace or CR LF, so
 *    the other chunks between two simple ones can be given to ICU as a
 *    text of their own and yield the same word tokens.  Such a region
 *    starts at its first chunk when that chunk could not attach to the
 *    separator before it (it does not begin with Extend, Format, ZWJ or a
 *    WSegSpace), else at the end of the simple chunk (or start of text)
 *    before it.
 * tests/unit/test_tokenize.c compares with ICU over the whole text on
 * random mixtures of these cases and on the corpus. */

static inline bool is_separator(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* Length of the simple character at s[i], or 0. */
static inline size_t simple_char(const vn_tokenizer *t, const unsigned char *s, size_t i,
                                 size_t len)
{
    unsigned char c = s[i];
    if (c < 0x80)
        return t->simple[c];
    if (c >= 0xC2 && c <= 0xC9) {
        if (len - i < 2 || (s[i + 1] & 0xC0) != 0x80)
            return 0;
        unsigned cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
        return cp < SIMPLE_LOW_END && t->simple[cp] ? 2 : 0;
    }
    if (c == 0xE1) {
        if (len - i < 3 || s[i + 1] < 0xB8 || s[i + 1] > 0xBB || (s[i + 2] & 0xC0) != 0x80)
            return 0;
        return t->simple[SIMPLE_VI + ((s[i + 1] - 0xB8u) << 6) + (s[i + 2] & 0x3Fu)] ? 3 : 0;
    }
    return 0;
}

/* True if ICU has a boundary before the chunk starting at s[i] whatever
 * separator precedes it. */
static bool cuts_before(const unsigned char *s, size_t i, size_t len)
{
    if (s[i] < 0x80)
        return true;
    int32_t k = 0, n = len - i > 4 ? 4 : (int32_t)(len - i);
    UChar32 c;
    U8_NEXT(s + i, k, n, c);
    if (c < 0)
        return false;
    int wb = u_getIntPropertyValue(c, UCHAR_WORD_BREAK);
    return wb != U_WB_EXTEND && wb != U_WB_FORMAT && wb != U_WB_ZWJ && wb != U_WB_WSEGSPACE;
}

typedef int (*emit_fn)(void *ctx, vn_token tok);

/* ICU's word tokens of text[from, to), as a text of its own; 1 if emit
 * asked to stop. */
static int icu_tokens(vn_tokenizer *t, const char *text, size_t from, size_t to, emit_fn emit,
                      void *ctx, UErrorCode *st)
{
    utext_openUTF8(&t->text, text + from, (int64_t)(to - from), st);
    ubrk_setUText(t->brk, &t->text, st);
    if (U_FAILURE(*st))
        return 1;
    int32_t start = ubrk_first(t->brk);
    for (int32_t end = ubrk_next(t->brk); end != UBRK_DONE; start = end, end = ubrk_next(t->brk)) {
        /* Rule status below UBRK_WORD_NONE_LIMIT marks spaces and
         * punctuation; numbers, letters, kana and ideographs are above. */
        if (ubrk_getRuleStatus(t->brk) < UBRK_WORD_NONE_LIMIT)
            continue;
        if (emit(ctx, (vn_token){from + (size_t)start, from + (size_t)end}) != 0)
            return 1;
    }
    return 0;
}

static vn_status icu_failed(vn_error *err, UErrorCode st)
{
    return vn_error_set(err, VN_ERR_NOMEM, "tokenizer: ICU cannot read the text (%s)",
                        u_errorName(st));
}

vn_status vn_tokenize(vn_tokenizer *t, const char *text, size_t len,
                      int (*emit)(void *ctx, vn_token tok), void *ctx,
                      vn_error *err)
{
    /* ICU's break iterator speaks int32_t offsets. */
    if (len > INT32_MAX)
        return vn_error_set(err, VN_ERR_USAGE,
                            "tokenizer: a text of %zu bytes is over the 2 GiB ICU limit; "
                            "split the document",
                            len);
    const unsigned char *s = (const unsigned char *)text;
    UErrorCode st = U_ZERO_ERROR;
    /* region: start of the pending ICU region, or SIZE_MAX; prev_end: end
     * of the last chunk (0 before the first). */
    size_t i = 0, region = SIZE_MAX, prev_end = 0;
    for (;;) {
        while (i < len && is_separator(s[i]))
            i++;
        if (i == len)
            break;
        size_t start = i, word = i, word_end = i;
        /* 0: before the run, 1: in it, 2: after it, 3: not simple */
        int phase = 0;
        while (i < len && !is_separator(s[i])) {
            size_t n = phase < 2 ? simple_char(t, s, i, len) : 0;
            if (n) {
                if (phase == 0) {
                    phase = 1;
                    word = i;
                }
                i += n;
                word_end = i;
            } else if (phase < 3 && s[i] < 0x80 && t->punct[s[i]]) {
                phase += phase == 1;
                i++;
            } else {
                phase = 3;
                i++; /* separators are ASCII, never inside a sequence */
            }
        }
        bool simple = phase < 3;
        if (!simple) {
            if (region == SIZE_MAX)
                region = cuts_before(s, start, len) ? start : prev_end;
            prev_end = i;
            continue;
        }
        if (region != SIZE_MAX) {
            if (icu_tokens(t, text, region, prev_end, emit, ctx, &st))
                return U_FAILURE(st) ? icu_failed(err, st) : VN_OK;
            region = SIZE_MAX;
        }
        if (word_end > word && emit(ctx, (vn_token){word, word_end}) != 0)
            return VN_OK;
        prev_end = i;
    }
    if (region != SIZE_MAX && icu_tokens(t, text, region, prev_end, emit, ctx, &st) &&
        U_FAILURE(st))
        return icu_failed(err, st);
    return VN_OK;
}

/* The same tokens from ICU alone, over the whole text: what tests compare
 * the simple-chunk path with. */
vn_status vn_tokenize_icu(vn_tokenizer *t, const char *text, size_t len,
                          int (*emit)(void *ctx, vn_token tok), void *ctx, vn_error *err)
{
    if (len > INT32_MAX)
        return vn_error_set(err, VN_ERR_USAGE, "tokenizer: a text of %zu bytes is over the 2 GiB ICU limit",
                            len);
    UErrorCode st = U_ZERO_ERROR;
    if (len && icu_tokens(t, text, 0, len, emit, ctx, &st) && U_FAILURE(st))
        return icu_failed(err, st);
    return VN_OK;
}
