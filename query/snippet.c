/* snippet.c — snippets from windows around candidate words (see snippet.h). */
#include "snippet.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <utf8proc.h>

#include "../common/grow.h"
#include "../common/terms.h"
#include "../common/text.h"
#include "../common/tokenize.h"
#include "../common/utf8.h"

#define SNIPPET_WORDS 30
#define SNIPPET_SCAN_WORDS 200000   /* very long files: look for matches this far */

/*
 * Words a region keeps on each side of its candidates.  A window is
 * SNIPPET_WORDS long and the snippet may start 29 words before the hit that
 * ends the best window and end 30 after it; with a wider margin no window
 * holds hits of two regions and the snippet never leaves its region.
 */
#define REGION_MARGIN_WORDS (SNIPPET_WORDS + 2)
#define REGION_MARGIN_BYTES 384     /* first guess for that many words; doubled as needed */

/* ---- word lists ------------------------------------------------------------ */

typedef struct word_list {
    size_t *start, *end;     /* byte ranges in the whole text */
    bool *hit;
    size_t count, cap;
} word_list;

static bool is_query_term(const char *const *terms, const char *t, size_t n)
{
    for (size_t i = 0; terms[i]; i++)
        if (strlen(terms[i]) == n && memcmp(terms[i], t, n) == 0)
            return true;
    return false;
}

/*
 * Whether a word (its bytes) is a match, remembered for one snippet: the
 * same words come back all through a document, and folding one costs a
 * few thousand instructions.  The key bytes are the text's own.
 */
#define MEMO_SLOTS 2048             /* a power of two */
#define MEMO_MAX_FILL (MEMO_SLOTS * 3 / 4)

typedef struct memo_slot {
    const char *word;
    size_t len;
    unsigned gen;            /* the slot is empty unless gen is the memo's */
    bool hit;
} memo_slot;

typedef struct memo {
    memo_slot slot[MEMO_SLOTS];
    unsigned gen;
    size_t fill;
} memo;

typedef struct collect_ctx {
    word_list *w;
    vn_termgen *g;
    const char *const *terms;
    size_t base;             /* where the tokenised text starts in the whole text */
    const vn_span *cand;     /* NULL: check every word; else only words in these chunks */
    size_t ncand, ci;
    memo *memo;              /* NULL: fold every word checked */
} collect_ctx;

struct vn_snipper {
    vn_tokenizer *tok;
    vn_termgen *g;
    word_list a, b;
    vn_buf *keys;
    size_t nkeys, keys_cap;
    vn_span *chunks;
    size_t nchunks, chunks_cap;
    memo memo;
};

static void memo_reset(memo *m)
{
    if (++m->gen == 0) {     /* wrapped: old slots could look current */
        memset(m->slot, 0, sizeof m->slot);
        m->gen = 1;
    }
    m->fill = 0;
}

/* The slot for word: its own if it was seen, else the empty one to fill. */
static memo_slot *memo_find(memo *m, const char *word, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)word[i]) * 16777619u;
    for (size_t i = h & (MEMO_SLOTS - 1);; i = (i + 1) & (MEMO_SLOTS - 1)) {
        memo_slot *s = &m->slot[i];
        if (s->gen != m->gen || (s->len == len && memcmp(s->word, word, len) == 0))
            return s;
    }
}

static vn_status word_hit(collect_ctx *c, const char *word, size_t len, bool *hit,
                          vn_error *err)
{
    memo_slot *slot = c->memo ? memo_find(c->memo, word, len) : NULL;
    if (slot && slot->gen == c->memo->gen) {
        *hit = slot->hit;
        return VN_OK;
    }
    vn_word_forms f;
    vn_status st = vn_termgen_word(c->g, word, len, &f, err);
    if (st != VN_OK)
        return st;
    *hit = is_query_term(c->terms, f.plain, f.plain_len) ||
           (f.has_accents && is_query_term(c->terms, f.accented, f.accented_len));
    if (slot && c->memo->fill < MEMO_MAX_FILL) {
        *slot = (memo_slot){word, len, c->memo->gen, *hit};
        c->memo->fill++;
    }
    return VN_OK;
}

static vn_status collect_word(void *ctx, const char *text, size_t start, size_t end, vn_error *err)
{
    collect_ctx *c = ctx;
    word_list *w = c->w;
    if (w->count >= SNIPPET_SCAN_WORDS)
        return VN_ERR_NOTFOUND;     /* enough: stops the walk, not an error */
    if (w->count == w->cap) {
        /* three arrays, one capacity: each grows on its own copy of it */
        size_t cs = w->cap, ce = w->cap, ch = w->cap;
        bool ok = vn_grow((void **)&w->start, &cs, w->count, sizeof *w->start, 1024) &&
                  vn_grow((void **)&w->end, &ce, w->count, sizeof *w->end, 1024) &&
                  vn_grow((void **)&w->hit, &ch, w->count, sizeof *w->hit, 1024);
        if (!ok)
            return vn_error_set(err, VN_ERR_NOMEM, "out of memory while making a snippet");
        w->cap = cs < ce ? (cs < ch ? cs : ch) : (ce < ch ? ce : ch);
    }
    bool check = true;
    if (c->cand) {
        while (c->ci < c->ncand && c->cand[c->ci].end <= c->base + start)
            c->ci++;
        check = c->ci < c->ncand && c->cand[c->ci].start < c->base + end;
    }
    bool hit = false;
    if (check) {
        vn_status st = word_hit(c, text + start, end - start, &hit, err);
        if (st != VN_OK)
            return st;
    }
    w->start[w->count] = c->base + start;
    w->end[w->count] = c->base + end;
    w->hit[w->count] = hit;
    w->count++;
    return VN_OK;
}

/* The words of text[from..to) into w (emptied first) by ICU; hits only
 * among the words in cand[0..ncand) unless cand is NULL. */
static vn_status collect(vn_snipper *s, word_list *w, const char *text, size_t from, size_t to,
                         const char *const *terms, const vn_span *cand, size_t ncand,
                         vn_error *err)
{
    w->count = 0;
    collect_ctx c = {w, s->g, terms, from, cand, ncand, 0, NULL};
    vn_status st = vn_termgen_words(s->g, text + from, to - from, collect_word, &c, err);
    return st == VN_ERR_NOTFOUND ? VN_OK : st;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* Bytes of the chunk at text[i] that are ASCII letters or digits or the
 * UTF-8 of a Latin letter (U+00C0-U+024F but × and ÷, U+1E00-U+1EFF):
 * ICU joins such characters into one word (rules WB5, WB8-WB10). */
static size_t plain_run(const unsigned char *t, size_t i, size_t to)
{
    while (i < to) {
        unsigned char c = t[i];
        if (c < 0x80) {
            if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && !(c >= '0' && c <= '9'))
                break;
            i++;
        } else if (c >= 0xC3 && c <= 0xC9 && i + 1 < to && (t[i + 1] & 0xC0) == 0x80) {
            if (c == 0xC3 && (t[i + 1] == 0x97 || t[i + 1] == 0xB7))
                break;
            i += 2;
        } else if (c == 0xE1 && i + 2 < to && t[i + 1] >= 0xB8 && t[i + 1] <= 0xBB &&
                   (t[i + 2] & 0xC0) == 0x80) {
            i += 3;
        } else {
            break;
        }
    }
    return i;
}

/* Can ICU start a token at p (after ASCII white space) whatever came
 * before?  Not at a character that clings to the one before it (WB4:
 * Extend, Format, ZWJ) or to white space (WB3d: WSegSpace). */
static bool starts_token(const char *text, size_t len, size_t p)
{
    unsigned char c = (unsigned char)text[p];
    if (c < 0x80)
        return true;
    int cp;
    vn_utf8_next(text + p, len - p, &cp);
    int wb = u_getIntPropertyValue(cp, UCHAR_WORD_BREAK);
    return wb != U_WB_EXTEND && wb != U_WB_FORMAT && wb != U_WB_ZWJ && wb != U_WB_WSEGSPACE;
}

/* ASCII punctuation that never joins what is around it into a word (word
 * break property Other: rule WB999 breaks on both sides).  . , ; : ' join
 * letters or digits on both sides (WB6, WB7, WB11, WB12), so they are
 * breakers only without such neighbours; _ joins anything (WB13a, WB13b)
 * and ICU makes @ part of words ("a@b", "@1"): those two go to ICU. */
static bool breaker(unsigned char c)
{
    return c > 0x20 && c < 0x7F && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') &&
           !(c >= '0' && c <= '9') && !strchr(".,;:'_@", c);
}

static bool mid(unsigned char c)
{
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '\'';
}

#define CHUNK_MAX_WORDS 32

/* The words of the chunk t[cs..ce) when it is plain runs (plain_run())
 * between breakers: false when ICU must decide. */
static bool chunk_words(const unsigned char *t, size_t cs, size_t ce, vn_span *words,
                        size_t *count)
{
    *count = 0;
    size_t run_end = SIZE_MAX;
    for (size_t i = cs; i < ce;) {
        size_t e = plain_run(t, i, ce);
        if (e > i) {
            if (*count == CHUNK_MAX_WORDS)
                return false;
            words[(*count)++] = (vn_span){i, e};
            i = run_end = e;
        } else if (breaker(t[i]) ||
                   (mid(t[i]) && (run_end != i || plain_run(t, i + 1, ce) == i + 1))) {
            i++;
        } else {
            return false;
        }
    }
    return true;
}

/*
 * The words of text[from..to) into w (emptied first), both ends places
 * where ICU always cuts (cut_at()); hits only among the words in
 * cand[0..ncand).  In a whitespace-delimited chunk of letters, digits and
 * punctuation that never joins them (chunk_words()) the words are plain to
 * see; runs of other chunks go through ICU, each run from the start of a
 * chunk where a token always starts, which gives the same words as
 * tokenising the whole text.
 */
static vn_status collect_fast(vn_snipper *s, word_list *w, const char *text, size_t len,
                              size_t from, size_t to, const char *const *terms,
                              const vn_span *cand, size_t ncand, vn_error *err)
{
    w->count = 0;
    collect_ctx c = {w, s->g, terms, 0, cand, ncand, 0, &s->memo};
    const unsigned char *t = (const unsigned char *)text;
    size_t run = SIZE_MAX, run_end = 0;     /* chunks waiting for ICU */
    vn_span words[CHUNK_MAX_WORDS];
    size_t nwords = 0;
    vn_status st = VN_OK;
    for (size_t i = from; st == VN_OK;) {
        while (i < to && is_blank(text[i]))
            i++;
        size_t cs = i, ce = i;
        while (ce < to && !is_blank(text[ce]))
            ce++;
        bool plain = cs < to && chunk_words(t, cs, ce, words, &nwords);
        if (run != SIZE_MAX && (plain || cs == to)) {
            c.base = run;
            st = vn_termgen_words(s->g, text + run, run_end - run, collect_word, &c, err);
            run = SIZE_MAX;
        }
        if (st != VN_OK || cs == to)
            break;
        if (plain) {
            c.base = 0;
            for (size_t k = 0; k < nwords && st == VN_OK; k++)
                st = collect_word(&c, text, words[k].start, words[k].end, err);
        } else if (run == SIZE_MAX && cs > from && !starts_token(text, len, cs)) {
            /* rare (a mark after a space): tokenise the whole region */
            c.base = from;
            w->count = 0;
            c.ci = 0;
            st = vn_termgen_words(s->g, text + from, to - from, collect_word, &c, err);
            break;
        } else {
            if (run == SIZE_MAX)
                run = cs;
            run_end = ce;
        }
        i = ce;
    }
    return st == VN_ERR_NOTFOUND ? VN_OK : st;
}

/* ---- scoring and output ------------------------------------------------------ */

static size_t score_at(const word_list *w, size_t i)
{
    if (!w->hit[i])
        return 0;
    return i > 0 && w->hit[i - 1] ? 3 : 1;
}

/* The window of SNIPPET_WORDS words with the best score: a match counts 1,
 * a match right after another match 2 more, so a phrase beats the same
 * words scattered.  The first such window wins. */
static void best_window(const word_list *w, size_t *best, size_t *best_hits)
{
    size_t hits = 0;
    *best = 0;
    *best_hits = 0;
    for (size_t i = 0; i < w->count; i++) {
        hits += score_at(w, i);
        if (i >= SNIPPET_WORDS)
            hits -= score_at(w, i - SNIPPET_WORDS);
        size_t first = i + 1 >= SNIPPET_WORDS ? i + 1 - SNIPPET_WORDS : 0;
        if (hits > *best_hits) {
            *best_hits = hits;
            *best = first;
        }
    }
}

/* Appends text[from..to) with every run of blanks folded into one space. */
static vn_status append_folded(vn_buf *b, const char *text, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        char c = text[i];
        bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (blank && b->len && b->data[b->len - 1] == ' ')
            continue;
        if (vn_buf_append_char(b, blank ? ' ' : c) != VN_OK)
            return VN_ERR_NOMEM;
    }
    return VN_OK;
}

/* The snippet from window `best` of w.  "…" marks words left out before or
 * after, which w must show: a word before best (best > 0) and a word after
 * the window. */
static vn_status emit(const word_list *w, const char *text, size_t best, size_t best_hits,
                      char **snippet, vn_highlight *marks, size_t *mark_count, vn_error *err)
{
    vn_status st = VN_OK;
    vn_buf b = VN_BUF_INIT;
    if (w->count > 0) {
        /* start a little before the first match of the window */
        size_t first_hit = best;
        while (first_hit < w->count && !w->hit[first_hit])
            first_hit++;
        if (best_hits && first_hit > best + 5)
            best = first_hit - 5;
        size_t last = best + SNIPPET_WORDS < w->count ? best + SNIPPET_WORDS : w->count;
        if (best > 0 && vn_buf_append(&b, "…", strlen("…")) != VN_OK)
            st = VN_ERR_NOMEM;
        for (size_t k = best; k < last && st == VN_OK; k++) {
            if (k > best && append_folded(&b, text, w->end[k - 1], w->start[k]) != VN_OK) {
                st = VN_ERR_NOMEM;
                break;
            }
            size_t ms = b.len;
            if (vn_buf_append(&b, text + w->start[k], w->end[k] - w->start[k]) != VN_OK)
                st = VN_ERR_NOMEM;
            if (w->hit[k] && *mark_count < VN_SNIPPET_MAX_MARKS)
                marks[(*mark_count)++] = (vn_highlight){ms, b.len};
        }
        if (st == VN_OK && last < w->count && vn_buf_append(&b, " …", strlen(" …")) != VN_OK)
            st = VN_ERR_NOMEM;
    }
    if (st == VN_OK && !(*snippet = vn_buf_steal(&b, NULL)))
        st = VN_ERR_NOMEM;
    vn_buf_free(&b);
    if (st != VN_OK) {
        *mark_count = 0;
        return vn_error_set(err, st, "out of memory while making a snippet");
    }
    return VN_OK;
}

/* ---- the snipper ------------------------------------------------------------ */

vn_status vn_snipper_new(vn_snipper **out, vn_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory while making a snippet");
    vn_status st = vn_tokenizer_open(&(*out)->tok, err);
    if (st == VN_OK)
        st = vn_termgen_new((*out)->tok, &(*out)->g, err);
    if (st != VN_OK) {
        vn_snipper_free(*out);
        *out = NULL;
    }
    return st;
}

static void word_list_free(word_list *w)
{
    free(w->start);
    free(w->end);
    free(w->hit);
}

void vn_snipper_free(vn_snipper *s)
{
    if (!s)
        return;
    word_list_free(&s->a);
    word_list_free(&s->b);
    for (size_t k = 0; k < s->keys_cap; k++)
        vn_buf_free(&s->keys[k]);
    free(s->keys);
    free(s->chunks);
    vn_termgen_free(s->g);
    vn_tokenizer_close(s->tok);
    free(s);
}

vn_status vn_snipper_make_full(vn_snipper *s, const char *text, size_t len,
                               const char *const *terms, char **snippet, vn_highlight *marks,
                               size_t *mark_count, vn_error *err)
{
    *snippet = NULL;
    *mark_count = 0;
    vn_status st = collect(s, &s->a, text, 0, len, terms, NULL, 0, err);
    if (st != VN_OK)
        return st;
    size_t best, best_hits;
    best_window(&s->a, &best, &best_hits);
    return emit(&s->a, text, best, best_hits, snippet, marks, mark_count, err);
}

/* ---- regions ---------------------------------------------------------------- */

/*
 * Is p a place where ICU always ends one token and starts the next, whatever
 * came before?  After ASCII white space, before a character that is neither
 * white space nor one that clings to what precedes it (Extend, Format, ZWJ:
 * rule WB4): ASCII punctuation, digits and letters, Latin letters.  No word
 * rule looks back across white space, so tokenising from such a place, or up
 * to one, finds the same words there as tokenising the whole text.
 */
static bool cut_at(const char *text, size_t len, size_t p)
{
    if (p == 0 || p >= len)
        return true;
    if (!is_blank(text[p - 1]))
        return false;
    unsigned char c = (unsigned char)text[p];
    if (c < 0x80)
        return c > 0x20 && c < 0x7F;
    int cp;
    vn_utf8_next(text + p, len - p, &cp);
    return (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

static size_t cut_before(const char *text, size_t len, size_t p)
{
    while (!cut_at(text, len, p))
        p--;
    return p;
}

static size_t cut_after(const char *text, size_t len, size_t p)
{
    while (!cut_at(text, len, p))
        p++;
    return p;
}

static size_t words_before(const word_list *w, size_t at)
{
    size_t n = 0;
    while (n < w->count && w->end[n] <= at)
        n++;
    return n;
}

static size_t words_after(const word_list *w, size_t at)
{
    size_t n = 0;
    while (n < w->count && w->start[w->count - 1 - n] >= at)
        n++;
    return n;
}

/* Builds the skeleton keys of terms; false if one has none. */
static bool make_keys(vn_snipper *s, const char *const *terms, vn_error *err, vn_status *st)
{
    size_t n = 0;
    while (terms[n])
        n++;
    *st = VN_OK;
    if (n > s->keys_cap) {
        vn_buf *k = realloc(s->keys, n * sizeof *k);
        if (!k) {
            *st = vn_error_set(err, VN_ERR_NOMEM, "out of memory while making a snippet");
            return false;
        }
        for (size_t i = s->keys_cap; i < n; i++)
            k[i] = (vn_buf)VN_BUF_INIT;
        s->keys = k;
        s->keys_cap = n;
    }
    s->nkeys = n;
    for (size_t i = 0; i < n; i++) {
        s->keys[i].len = 0;
        if (!vn_skel_key(terms[i], strlen(terms[i]), &s->keys[i]))
            return false;
    }
    return true;
}

vn_status vn_snipper_make(vn_snipper *s, const char *text, size_t len, const char *const *terms,
                          char **snippet, vn_highlight *marks, size_t *mark_count, vn_error *err)
{
    vn_status st = VN_OK;
    /* Only past SNIPPET_SCAN_WORDS words does a region need to know how many
     * words precede it; a word is at least one byte. */
    if (len >= SNIPPET_SCAN_WORDS || !make_keys(s, terms, err, &st))
        return st == VN_OK ? vn_snipper_make_full(s, text, len, terms, snippet, marks,
                                                  mark_count, err)
                           : st;
    *snippet = NULL;
    *mark_count = 0;
    memo_reset(&s->memo);
    st = vn_snippet_candidates(text, len, s->keys, s->nkeys, &s->chunks, &s->nchunks,
                               &s->chunks_cap, err);
    word_list *cur = &s->a, *win = &s->b;
    size_t win_best = 0, win_hits = 0;
    for (size_t first = 0; st == VN_OK && first < s->nchunks;) {
        size_t last = first, margin_l = REGION_MARGIN_BYTES, margin_r = REGION_MARGIN_BYTES;
        size_t from, to;
        for (;;) {
            size_t start = s->chunks[first].start;
            from = cut_before(text, len, start > margin_l ? start - margin_l : 0);
            /* a candidate inside the region belongs to it, and widens it */
            for (;;) {
                size_t end = s->chunks[last].end;
                to = cut_after(text, len, len - end > margin_r ? end + margin_r : len);
                if (last + 1 < s->nchunks && s->chunks[last + 1].start < to)
                    last++;
                else
                    break;
            }
            st = collect_fast(s, cur, text, len, from, to, terms, s->chunks + first,
                              last + 1 - first, err);
            if (st != VN_OK)
                break;
            if (from > 0 && words_before(cur, s->chunks[first].start) < REGION_MARGIN_WORDS)
                margin_l *= 2;
            else if (to < len && words_after(cur, s->chunks[last].end) < REGION_MARGIN_WORDS)
                margin_r *= 2;
            else
                break;
        }
        if (st != VN_OK)
            break;
        size_t best, hits;
        best_window(cur, &best, &hits);
        if (hits > win_hits) {
            word_list *t = win;
            win = cur;
            cur = t;
            win_best = best;
            win_hits = hits;
        }
        first = last + 1;
    }
    if (st == VN_OK && win_hits == 0) {
        /* no match at all: the snippet is the start of the text */
        static const vn_span none;
        size_t to = 0, margin = REGION_MARGIN_BYTES;
        do {
            to = cut_after(text, len, len - to > margin ? to + margin : len);
            margin *= 2;
            st = collect_fast(s, win, text, len, 0, to, terms, &none, 0, err);
        } while (st == VN_OK && to < len && win->count <= SNIPPET_WORDS);
        win_best = 0;
    }
    if (st != VN_OK)
        return st;
    return emit(win, text, win_best, win_hits, snippet, marks, mark_count, err);
}

/* ---- skeletons ---------------------------------------------------------------- */

/* One code point through a text.h fold; -1 unless the result is one code point. */
static int fold1(vn_status (*fold)(const char *, size_t, vn_buf *), int cp)
{
    char in[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, (utf8proc_uint8_t *)in);
    vn_buf out = VN_BUF_INIT;
    int r = -1;
    if (n > 0 && fold(in, (size_t)n, &out) == VN_OK && out.len > 0) {
        int c;
        if (vn_utf8_next(out.data, out.len, &c) == out.len)
            r = c;
    }
    vn_buf_free(&out);
    return r;
}

/* Never composes with the code point before it: combining marks do, and so
 * do Hangul vowel and final jamo (the only such letters). */
static bool stands_alone(int cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c != UTF8PROC_CATEGORY_MN && c != UTF8PROC_CATEGORY_MC &&
           c != UTF8PROC_CATEGORY_ME && c != UTF8PROC_CATEGORY_CN &&
           c != UTF8PROC_CATEGORY_CS && !(cp >= 0x1100 && cp <= 0x11FF) &&
           !(cp >= 0xA960 && cp <= 0xA97F) && !(cp >= 0xD7B0 && cp <= 0xD7FF);
}

static int skel_compute(int cp)
{
    if (!stands_alone(cp))
        return -1;
    int folded = fold1(vn_text_casefold, cp), bare = fold1(vn_text_unaccent, cp);
    if (folded < 0 || bare < 0 || !stands_alone(folded) || !stands_alone(bare) ||
        fold1(vn_text_unaccent, folded) != bare || fold1(vn_text_unaccent, bare) != bare)
        return -1;
    return bare < 0x80 ? bare : 0x80 + bare % 127;
}

/* 0: not computed yet; 1: none; 2 + b: skeleton byte b.  Races only ever
 * store the same value. */
static _Atomic unsigned short skel_table[0x10000];

int vn_skel_cp(int cp)
{
    if (cp < 0x80 && cp >= 0)
        return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    if (cp < 0 || cp >= 0x10000 || cp == 0xFFFD)
        return -1;      /* U+FFFD also stands for bytes that are not UTF-8 */
    unsigned short v = atomic_load_explicit(&skel_table[cp], memory_order_relaxed);
    if (v == 0) {
        int b = skel_compute(cp);
        v = (unsigned short)(b < 0 ? 1 : 2 + b);
        atomic_store_explicit(&skel_table[cp], v, memory_order_relaxed);
    }
    return v == 1 ? -1 : v - 2;
}

bool vn_skel_key(const char *term, size_t len, vn_buf *key)
{
    for (size_t i = 0; i < len;) {
        int cp;
        i += vn_utf8_next(term + i, len - i, &cp);
        int b = vn_skel_cp(cp);
        if (b < 0 || vn_buf_append_char(key, (char)b) != VN_OK)
            return false;
    }
    return true;
}

/* The table's entry for a code point already seen, without a call. */
static inline int skel_seen(int cp)
{
    unsigned short v = cp > 0 && cp < 0x10000 && cp != 0xFFFD
                           ? atomic_load_explicit(&skel_table[cp], memory_order_relaxed)
                           : 0;
    return v >= 2 ? v - 2 : v == 1 ? -1 : vn_skel_cp(cp);
}

vn_status vn_snippet_candidates(const char *text, size_t len, const vn_buf *keys,
                                size_t nkeys, vn_span **chunks, size_t *count, size_t *cap,
                                vn_error *err)
{
    *count = 0;
    unsigned char *skel = malloc(len + 2);
    /* the text bytes each skeleton byte stands for (1 to 4): a byte each
     * instead of a text offset each keeps these arrays a third of the text's
     * size eight times over, and out of mmap for a plan of 16 KB */
    unsigned char *step = malloc(len + 1);
    bool *mark = calloc(len + 1, sizeof *mark);     /* a possible match starts here */
    vn_status st = skel && step && mark ? VN_OK : VN_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; st == VN_OK && i < len;) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) {
            step[n] = 1;
            skel[n++] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        int cp;
        size_t k = vn_utf8_next(text + i, len - i, &cp);
        /* not UTF-8 (overlong too): the words there must be folded to fail as before */
        bool bad = k == 1 || cp < (k == 2 ? 0x80 : k == 3 ? 0x800 : 0x10000);
        int b = bad ? -1 : skel_seen(cp);
        if (b < 0) {
            mark[i] = true;
            b = 0xFF;   /* no key holds it */
        }
        step[n] = (unsigned char)k;
        skel[n++] = (unsigned char)b;
        i += k;
    }
    /* One pass for all keys: a key can start only where its first two bytes
     * are (one-byte keys: its byte). */
    uint64_t pair[65536 / 64] = {0};
    bool single[256] = {0}, any_key = false;
    for (size_t k = 0; k < nkeys; k++) {
        const unsigned char *kd = (const unsigned char *)keys[k].data;
        if (keys[k].len == 1)
            single[kd[0]] = any_key = true;
        else if (keys[k].len >= 2) {
            unsigned v = kd[0] | (unsigned)kd[1] << 8;
            pair[v / 64] |= (uint64_t)1 << (v % 64);
            any_key = true;
        }
    }
    skel[n] = 0xFF;     /* a second byte for the last position */
    for (size_t i = 0, at = 0; st == VN_OK && any_key && i < n; at += step[i++]) {
        unsigned v = skel[i] | (unsigned)skel[i + 1] << 8;
        if (single[skel[i]]) {
            mark[at] = true;
            continue;
        }
        if (!(pair[v / 64] >> (v % 64) & 1))
            continue;
        for (size_t k = 0; k < nkeys; k++)
            if (keys[k].len >= 2 && keys[k].len <= n - i &&
                memcmp(skel + i, keys[k].data, keys[k].len) == 0) {
                mark[at] = true;
                break;
            }
    }
    /* the chunks around the marks */
    for (const bool *m = mark; st == VN_OK && (m = memchr(m, true, len - (size_t)(m - mark)));) {
        size_t s = (size_t)(m - mark), e = s;
        while (s > 0 && !is_blank(text[s - 1]))
            s--;
        while (e < len && !is_blank(text[e]))
            e++;
        if (!vn_grow((void **)chunks, cap, *count, sizeof **chunks, 64)) {
            st = VN_ERR_NOMEM;
            break;
        }
        (*chunks)[(*count)++] = (vn_span){s, e};
        m = mark + (e > (size_t)(m - mark) ? e : (size_t)(m - mark) + 1);
    }
    free(skel);
    free(step);
    free(mark);
    return st == VN_OK ? VN_OK
                       : vn_error_set(err, st, "out of memory while making a snippet");
}
