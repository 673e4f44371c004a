/*
 * terms.c — word -> terms for the index and for queries (see terms.h).
 *
 * Two details keep the indexer's words and Xapian::QueryParser's words the
 * same (the parser splits query text itself):
 *   - ICU keeps letters joined by '.' in one token ("TP.HCM", "v.v"), the
 *     parser splits them into a phrase; so a token is split at every '.'
 *     that is not between two digits ("1.000" and "4.2" stay whole on both
 *     sides).
 *   - The parser lower-cases with Xapian's own tables; both sides then go
 *     through vn_text_casefold(), which agrees on every Vietnamese letter.
 */
#include "terms.h"

#include <stdlib.h>
#include <string.h>
#include "spellings.h"
#include "text.h"
#include "utf8.h"

struct vn_termgen {
    vn_tokenizer *tok;
    vn_buf accented;
    vn_buf plain;
    vn_buf prefixed;   /* prefix + term for vn_termgen_index() */
    vn_positions positions;
};

vn_status vn_termgen_new(vn_tokenizer *tok, vn_termgen **out, vn_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return vn_error_set(err, VN_ERR_NOMEM, "term generator: out of memory");
    (*out)->tok = tok;
    return VN_OK;
}

void vn_termgen_free(vn_termgen *g)
{
    if (!g)
        return;
    vn_buf_free(&g->accented);
    vn_buf_free(&g->plain);
    vn_buf_free(&g->prefixed);
    free(g);
}

void vn_termgen_set_positions(vn_termgen *g, vn_positions positions)
{
    g->positions = positions;
}

/* ---- tone placement -------------------------------------------------------
 * The open syllables oa, oe, uy are written with the tone mark on either
 * vowel: old style hòa, khỏe, thủy; new style hoà, khoẻ, thuỷ.  Both are
 * correct and both are common in official documents, so the accented form
 * puts the mark on the first vowel.  With a final consonant (hoàn, tuyết)
 * or a third vowel (ngoài) there is only one placement, and in quy/quý the
 * u belongs to the onset "qu". */

static const int toned_vowels[5][6] = {
    /* base, grave, acute, hook, tilde, dot below */
    {'a', 0x00E0, 0x00E1, 0x1EA3, 0x00E3, 0x1EA1},
    {'e', 0x00E8, 0x00E9, 0x1EBB, 0x1EBD, 0x1EB9},
    {'o', 0x00F2, 0x00F3, 0x1ECF, 0x00F5, 0x1ECD},
    {'u', 0x00F9, 0x00FA, 0x1EE7, 0x0169, 0x1EE5},
    {'y', 0x1EF3, 0x00FD, 0x1EF7, 0x1EF9, 0x1EF5},
};

/* Splits a plain vowel a/e/o/u/y (lower case) into base and tone 0..5;
 * false for anything else. */
static bool split_tone(int cp, int *base, int *tone)
{
    for (int v = 0; v < 5; v++)
        for (int t = 0; t < 6; t++)
            if (toned_vowels[v][t] == cp) {
                *base = toned_vowels[v][0];
                *tone = t;
                return true;
            }
    return false;
}

static int with_tone(int base, int tone)
{
    for (int v = 0; v < 5; v++)
        if (toned_vowels[v][0] == base)
            return toned_vowels[v][tone];
    return base;
}

static bool onset_consonant(int cp)
{
    return cp == 0x0111 || (cp < 0x80 && cp >= 'a' && cp <= 'z' && !strchr("aeiouy", cp));
}

/* Moves a tone from the second to the first vowel of a final oa/oe/uy. */
static vn_status canonical_tone(vn_buf *w)
{
    /* Most words end in a consonant or a toneless vowel, and every toned
     * vowel is non-ASCII: an ASCII last byte settles it without decoding. */
    if (w->len < 3 || (unsigned char)w->data[w->len - 1] < 0x80)
        return VN_OK;
    int v2, v1, c = 0;
    size_t n2 = vn_utf8_prev(w->data, w->len, &v2);
    if (n2 >= w->len)
        return VN_OK;
    size_t n1 = vn_utf8_prev(w->data, w->len - n2, &v1);
    size_t before = w->len - n2 - n1;
    if (before > 0)
        vn_utf8_prev(w->data, before, &c);
    int b1, t1, b2, t2;
    if (!split_tone(v1, &b1, &t1) || !split_tone(v2, &b2, &t2) || t1 != 0 || t2 == 0)
        return VN_OK;
    bool pair = (b1 == 'o' && (b2 == 'a' || b2 == 'e')) || (b1 == 'u' && b2 == 'y');
    if (!pair || (before > 0 && !onset_consonant(c)) || (b1 == 'u' && c == 'q'))
        return VN_OK;
    w->len = before;
    if (vn_buf_append_utf8(w, with_tone(b1, t2)) != VN_OK ||
        vn_buf_append_char(w, (char)b2) != VN_OK)
        return VN_ERR_NOMEM;
    return VN_OK;
}

/* ---- word forms ----------------------------------------------------------- */

static void clip(vn_buf *b)
{
    if (b->len <= VN_TERM_WORD_MAX)
        return;
    size_t n = VN_TERM_WORD_MAX;
    while (n > 0 && ((unsigned char)b->data[n] & 0xC0) == 0x80)
        n--;
    b->len = n;
    b->data[n] = '\0';
}

static void reset(vn_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static bool all_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return false;
    return true;
}

static vn_status word_forms(vn_buf *acc, vn_buf *plain, const char *word, size_t len,
                            vn_word_forms *out, vn_error *err)
{
    reset(acc);
    reset(plain);
    /* The plain form is the unaccented word, except that an all-ASCII
     * folded word is its own plain form ("ß" -> "ss" -> "ss"). */
    vn_status st = vn_text_fold_both(word, len, acc, plain);
    if (st == VN_OK && acc->len && all_ascii(acc->data, acc->len)) {
        reset(plain);
        st = vn_buf_append(plain, acc->data, acc->len);
    } else if (st == VN_OK) {
        st = canonical_tone(acc);
    }
    if (st != VN_OK)
        return vn_error_set(err, VN_ERR_NOMEM, "term generator: out of memory");
    clip(acc);
    clip(plain);
    out->accented = acc->data ? acc->data : "";
    out->accented_len = acc->len;
    out->plain = plain->data ? plain->data : "";
    out->plain_len = plain->len;
    out->has_accents = acc->len != plain->len || memcmp(out->accented, out->plain, acc->len) != 0;
    return VN_OK;
}

vn_status vn_termgen_word(vn_termgen *g, const char *word, size_t len, vn_word_forms *out,
                          vn_error *err)
{
    return word_forms(&g->accented, &g->plain, word, len, out, err);
}

/* ---- running text ----------------------------------------------------------- */

typedef struct walk_state {
    const char *text;
    vn_word_fn fn;
    void *ctx;
    vn_error *err;
    vn_status st;
} walk_state;

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* One ICU token: split at each '.' not between two digits (see top). */
static int on_token(void *ctx, vn_token tok)
{
    walk_state *w = ctx;
    const char *s = w->text;
    size_t start = tok.start;
    for (size_t i = tok.start; i < tok.end; i++) {
        if (s[i] != '.')
            continue;
        if (i > tok.start && i + 1 < tok.end && is_digit(s[i - 1]) && is_digit(s[i + 1]))
            continue;
        if (i > start && (w->st = w->fn(w->ctx, s, start, i, w->err)) != VN_OK)
            return 1;
        start = i + 1;
    }
    if (tok.end > start && (w->st = w->fn(w->ctx, s, start, tok.end, w->err)) != VN_OK)
        return 1;
    return 0;
}

vn_status vn_termgen_words(vn_termgen *g, const char *text, size_t len, vn_word_fn fn,
                           void *ctx, vn_error *err)
{
    walk_state w = {text, fn, ctx, err, VN_OK};
    vn_status st = vn_tokenize(g->tok, text, len, on_token, &w, err);
    return st != VN_OK ? st : w.st;
}

typedef struct run_state {
    vn_termgen *g;
    unsigned pos;
    vn_term_emit emit;
    void *ctx;
} run_state;

static vn_status emit_word(void *ctx, const char *text, size_t start, size_t end,
                           vn_error *err)
{
    run_state *r = ctx;
    vn_word_forms f;
    vn_status st = vn_termgen_word(r->g, text + start, end - start, &f, err);
    if (st != VN_OK)
        return st;
    if (f.accented_len == 0 && f.plain_len == 0)
        return VN_OK;
    if (r->g->positions == VN_POSITIONS_BOTH) {
        if (f.plain_len &&
            (st = r->emit(r->ctx, f.plain, f.plain_len, r->pos, true, err)) != VN_OK)
            return st;
        if (f.has_accents && f.accented_len &&
            (st = r->emit(r->ctx, f.accented, f.accented_len, r->pos, true, err)) != VN_OK)
            return st;
    } else {
        if (f.accented_len &&
            (st = r->emit(r->ctx, f.accented, f.accented_len, r->pos, true, err)) != VN_OK)
            return st;
        if (f.has_accents && f.plain_len) {
            bool spelled = f.accented_len &&
                           vn_spelling_of(f.accented, f.accented_len, f.plain, f.plain_len);
            if ((st = r->emit(r->ctx, f.plain, f.plain_len, r->pos, !spelled, err)) != VN_OK)
                return st;
        }
    }
    r->pos++;
    return VN_OK;
}

vn_status vn_termgen_run(vn_termgen *g, const char *text, size_t len, unsigned *pos,
                         vn_term_emit emit, void *ctx, vn_error *err)
{
    run_state r = {g, *pos, emit, ctx};
    vn_status st = vn_termgen_words(g, text, len, emit_word, &r, err);
    *pos = r.pos;
    return st;
}

typedef struct index_ctx {
    vn_termgen *g;
    vn_xdoc *doc;
    const char *prefix;
    size_t prefix_len;
} index_ctx;

static vn_status add_term(vn_xdoc *doc, const char *term, size_t len, unsigned pos,
                         bool positional, vn_error *err)
{
    return positional ? vn_xdoc_add_posting(doc, term, len, pos, err)
                      : vn_xdoc_add_term(doc, term, len, err);
}

static vn_status add_to_doc(void *ctx, const char *term, size_t len, unsigned pos,
                            bool positional, vn_error *err)
{
    index_ctx *ix = ctx;
    if (ix->prefix_len == 0)
        return add_term(ix->doc, term, len, pos, positional, err);
    vn_buf *b = &ix->g->prefixed;
    reset(b);
    if (vn_buf_append(b, ix->prefix, ix->prefix_len) != VN_OK ||
        vn_buf_append(b, term, len) != VN_OK)
        return vn_error_set(err, VN_ERR_NOMEM, "term generator: out of memory");
    return add_term(ix->doc, b->data, b->len, pos, positional, err);
}

vn_status vn_termgen_index(vn_termgen *g, vn_xdoc *doc, const char *prefix, const char *text,
                           size_t len, vn_error *err)
{
    index_ctx ix = {g, doc, prefix, strlen(prefix)};
    unsigned pos = vn_xdoc_termpos(doc);
    vn_status st = vn_termgen_run(g, text, len, &pos, add_to_doc, &ix, err);
    vn_xdoc_set_termpos(doc, pos);
    return st;
}

/* ---- query side ------------------------------------------------------------- */

vn_status vn_terms_query_word(void *ctx, const char *word, size_t len, vn_buf *term,
                              vn_error *err)
{
    (void)ctx;
    vn_buf nfc = VN_BUF_INIT, acc = VN_BUF_INIT, plain = VN_BUF_INIT;
    vn_word_forms f;
    vn_status st = vn_text_normalize(word, len, &nfc, NULL);
    if (st != VN_OK)
        st = vn_error_set(err, st, "query word: cannot normalise '%.*s'", (int)len, word);
    else
        st = word_forms(&acc, &plain, nfc.data ? nfc.data : "", nfc.len, &f, err);
    if (st == VN_OK) {
        if (f.has_accents)
            st = vn_buf_append(term, f.accented, f.accented_len);
        else
            st = vn_buf_append(term, f.plain, f.plain_len);
        if (st != VN_OK)
            st = vn_error_set(err, VN_ERR_NOMEM, "query word: out of memory");
    }
    vn_buf_free(&nfc);
    vn_buf_free(&acc);
    vn_buf_free(&plain);
    return st;
}

vn_status vn_terms_phrase_spellings(void *ctx, const char *term, size_t len, vn_buf *out,
                                    size_t *count, vn_error *err)
{
    (void)ctx;
    *count = 0;
    vn_buf acc = VN_BUF_INIT, plain = VN_BUF_INIT;
    vn_word_forms f;
    vn_status st = word_forms(&acc, &plain, term, len, &f, err);
    /* a plain term is its own plain form; an accented one is not */
    bool is_plain = st == VN_OK && f.plain_len == len && memcmp(f.plain, term, len) == 0;
    size_t start = out->len;
    if (is_plain && vn_spellings("", term, len, VN_TERM_WORD_MAX, out, count) != VN_OK)
        st = vn_error_set(err, VN_ERR_NOMEM, "query word: out of memory");
    if (st == VN_OK && *count == 1) {
        /* no letter to spell ("2023", "tp"): the term itself has the positions */
        out->len = start;
        *count = 0;
    }
    vn_buf_free(&acc);
    vn_buf_free(&plain);
    return st;
}
