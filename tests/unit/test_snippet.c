/* test_snippet.c — skeletons, candidate chunks, and snippets made from regions
 * around candidates: always the same bytes and marks as folding every word. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/terms.h"
#include "common/tokenize.h"
#include "indexer/doctext.h"
#include "query/hit_snippets.h"
#include "query/search.h"
#include "query/snippet.h"
#include "sample_plans.h"
#include "random_text.h"

static vn_error g_err;

/* ---- skeletons and candidates ------------------------------------------------ */

static const char *key_of(const char *term)
{
    static vn_buf b = VN_BUF_INIT;
    b.len = 0;
    if (!vn_skel_key(term, strlen(term), &b))
        return "-";
    vn_buf_append_char(&b, '\0');
    return b.data;
}

static void test_skeleton_bytes(void **state)
{
    (void)state;
    assert_int_equal(vn_skel_cp('A'), 'a');
    assert_int_equal(vn_skel_cp('z'), 'z');
    assert_int_equal(vn_skel_cp('/'), '/');
    assert_int_equal(vn_skel_cp(0x1EA4), 'a');            /* Ấ */
    assert_int_equal(vn_skel_cp(0x00E0), 'a');            /* à */
    assert_int_equal(vn_skel_cp(0x0111), 'd');            /* đ */
    assert_int_equal(vn_skel_cp(0x0110), 'd');            /* Đ */
    assert_int_equal(vn_skel_cp(0x01B0), 'u');            /* ư */
    assert_true(vn_skel_cp(0x201C) >= 0x80);              /* “ folds to itself */
    assert_int_equal(vn_skel_cp(0x0301), -1);             /* a combining mark */
    assert_int_equal(vn_skel_cp(0x1161), -1);             /* a Hangul vowel jamo */
    assert_int_equal(vn_skel_cp(0x00DF), -1);             /* ß folds to "ss" */
    assert_int_equal(vn_skel_cp(0x0130), -1);             /* İ folds to i + mark */
    assert_int_equal(vn_skel_cp(0x1F600), -1);            /* beyond the table */
    assert_int_equal(vn_skel_cp(0xFFFD), -1);
    assert_string_equal(key_of("nhũng"), "nhung");
    assert_string_equal(key_of("đảng"), "dang");
    assert_string_equal(key_of("59"), "59");
    assert_string_equal(key_of("straße"), "-");
}

static const char *chunks_of(const char *text, const char *const *terms)
{
    static char out[512];
    vn_buf keys[8] = {VN_BUF_INIT};
    size_t n = 0;
    for (; terms[n]; n++)
        assert_true(vn_skel_key(terms[n], strlen(terms[n]), &keys[n]));
    vn_span *c = NULL;
    size_t count = 0, cap = 0;
    assert_int_equal(vn_snippet_candidates(text, strlen(text), keys, n, &c, &count, &cap, &g_err),
                     VN_OK);
    out[0] = '\0';
    for (size_t k = 0; k < count; k++)
        snprintf(out + strlen(out), sizeof out - strlen(out), "%s%.*s", k ? "|" : "",
                 (int)(c[k].end - c[k].start), text + c[k].start);
    free(c);
    for (size_t k = 0; k < n; k++)
        vn_buf_free(&keys[k]);
    return out;
}

static void test_candidate_chunks(void **state)
{
    (void)state;
    const char *t = "Phòng, chống THAM NHŨNG, tiêu cực;\n(tham-nhung) thẩm định";
    assert_string_equal(chunks_of(t, (const char *const[]){"tham", NULL}),
                        "THAM|(tham-nhung)|thẩm");
    assert_string_equal(chunks_of(t, (const char *const[]){"nhũng", "cực", NULL}),
                        "NHŨNG,|cực;|(tham-nhung)");
    assert_string_equal(chunks_of(t, (const char *const[]){"xyz", NULL}), "");
    assert_string_equal(chunks_of(t, (const char *const[]){"c", "ng,", NULL}),
                        "Phòng,|chống|NHŨNG,|cực;");
    /* a term with a blank is no word's, but must not stall the scan */
    assert_string_equal(chunks_of("ab cd", (const char *const[]){" cd", NULL}), "ab");
    /* a code point without a skeleton makes its chunk a candidate */
    assert_string_equal(chunks_of("a Stra\xc3\x9f" "e b", (const char *const[]){NULL}),
                        "Stra\xc3\x9f" "e");
    assert_string_equal(chunks_of("a e\xcc\x81 b", (const char *const[]){NULL}), "e\xcc\x81");
}

/* ---- snippets: regions against every word ------------------------------------ */

typedef struct vocab {
    char **terms;
    size_t count, cap;
    vn_termgen *g;
} vocab;

static void vocab_add(vocab *v, const char *t, size_t n)
{
    for (size_t k = 0; k < v->count; k++)
        if (strlen(v->terms[k]) == n && memcmp(v->terms[k], t, n) == 0)
            return;
    if (v->count + 1 >= v->cap) {
        v->cap = v->cap ? v->cap * 2 : 64;
        v->terms = realloc(v->terms, v->cap * sizeof *v->terms);
        assert_non_null(v->terms);
    }
    v->terms[v->count] = strndup(t, n);
    v->terms[++v->count] = NULL;
}

static vn_status on_word(void *ctx, const char *text, size_t start, size_t end, vn_error *err)
{
    vocab *v = ctx;
    vn_word_forms f;
    vn_status st = vn_termgen_word(v->g, text + start, end - start, &f, err);
    if (st == VN_OK) {
        vocab_add(v, f.plain, f.plain_len);
        if (f.has_accents)
            vocab_add(v, f.accented, f.accented_len);
    }
    return st;
}

/* Every term form of the words of text, as the index holds them. */
static void vocab_of(vn_termgen *g, const char *text, size_t len, vocab *v)
{
    *v = (vocab){.g = g};
    assert_int_equal(vn_termgen_words(g, text, len, on_word, v, &g_err), VN_OK);
}

static void vocab_free(vocab *v)
{
    for (size_t k = 0; k < v->count; k++)
        free(v->terms[k]);
    free(v->terms);
}

typedef struct fixture {
    vn_tokenizer *tok;
    vn_termgen *g;
    vn_snipper *s;
    size_t compared, with_marks;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f || vn_tokenizer_open(&f->tok, &g_err) != VN_OK ||
        vn_termgen_new(f->tok, &f->g, &g_err) != VN_OK || vn_snipper_new(&f->s, &g_err) != VN_OK)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    vn_snipper_free(f->s);
    vn_termgen_free(f->g);
    vn_tokenizer_close(f->tok);
    free(f);
    return 0;
}

static void same_snippet(fixture *f, const char *text, size_t len, const char *const *terms)
{
    char *a = NULL, *b = NULL;
    vn_highlight ma[VN_SNIPPET_MAX_MARKS], mb[VN_SNIPPET_MAX_MARKS];
    size_t na = 0, nb = 0;
    assert_int_equal(vn_snipper_make(f->s, text, len, terms, &a, ma, &na, &g_err), VN_OK);
    assert_int_equal(vn_snipper_make_full(f->s, text, len, terms, &b, mb, &nb, &g_err), VN_OK);
    if (strcmp(a, b) != 0 || na != nb || memcmp(ma, mb, na * sizeof *ma) != 0) {
        fprintf(stderr, "terms:");
        for (size_t k = 0; terms[k]; k++)
            fprintf(stderr, " [%s]", terms[k]);
        fprintf(stderr, "\nregions: %s (%zu marks)\nfull:    %s (%zu marks)\n", a, na, b, nb);
        fail();
    }
    f->compared++;
    f->with_marks += na > 0;
    free(a);
    free(b);
}

/* Each term alone, then runs of up to 4 terms, then all of them. */
static void compare_on(fixture *f, const char *text, size_t len, size_t step)
{
    vocab v;
    vocab_of(f->g, text, len, &v);
    const char *none[] = {NULL};
    same_snippet(f, text, len, none);
    same_snippet(f, text, len, (const char *const[]){"khongcotrongvanban", NULL});
    for (size_t k = 0; k < v.count; k += step) {
        const char *one[] = {v.terms[k], NULL};
        same_snippet(f, text, len, one);
        const char *some[5] = {NULL};
        for (size_t j = 0; j < 4 && k + j * 7 < v.count; j++)
            some[j] = v.terms[k + j * 7];
        same_snippet(f, text, len, some);
    }
    if (v.count)
        same_snippet(f, text, len, (const char *const *)v.terms);
    vocab_free(&v);
}

static void test_corpus_documents(void **state)
{
    fixture *f = *state;
    for (size_t i = 0; i < SAMPLE_PLAN_COUNT; i++) {
        char path[512];
        vn_doctext dt;
        assert_int_equal(vn_doctext_load(sample_plan_path(i, path, sizeof path), &dt, &g_err),
                         VN_OK);
        compare_on(f, dt.text, dt.len, 23);
        vn_doctext_free(&dt);
    }
    assert_true(f->with_marks > 100);
}

/* Texts made of pieces that stress word boundaries: punctuation inside and
 * around words, numbers, marks after spaces, format characters, CJK. */
static const char *const pieces[] = {
    "dân", "chủ", "Dân", "CHỦ", "tham", "nhũng", "Đảng", "ủy", "hòa", "hoà", "thuỷ", "quý",
    "a", "b", "x", "2024", "59/2023/NĐ-CP", "1.000", "4,5", "1,000", "TP.HCM", "v.v", "a.b",
    "don't", "a:b", "a_b", "12:30", "“dân”", "(dân)", "dân,", "chủ.", "chủ;", "x--y", "-", "–",
    "…", "...", "\"a\"", "'b'", "e\xcc\x81", "\xcc\x81x", "a\xe2\x80\x8d" "b", "\xe2\x80\x8d",
    "\xe4\xb8\xad\xe6\x96\x87", "\xf0\x9f\x98\x80", "Stra\xc3\x9f" "e", "\xc3\x97", "x\xc3\xb7y",
    "\xe1\x9a\x80", "\xc2\xa0", "a\xc2\xad" "b", "\xd7\xa9\xd7\x9c", "K\xe2\x84\xaa", "ǀǁ",
    "%", "@", "#1", "a1b2", "1a", "_", "''", "::", "..", "ƻ", "ɐ", "(2)", "a/b", "x-y", "a+b",
    "[1]", "{a}", "a=b", "a<b>", "a*b", "a&b", "a|b", "a~b", "a^b", "a`b", "a$b", "a!b", "a?b",
    "\\", "1.", ".a", "a.", "a,", ",1", "1,", "1;2", "a;b", "a:", ":a", "a'", "'a", "a.1",
    "1.a", "a'1", "a_", "_a", "a,b", "1:2", "a\"b", "\"a", "b.\"", "a.-b", "-.a", "a-.-b",
    "\x01a", "a\x0bb", "a\fb", "\x7f", "ng\xc3\xa0y:", "Đ.\xe1\xba\xa0", "\xc3\x80\xc3\x97\xc3\x81",
};
static const char *const gaps[] = {" ", " ", " ", "  ", "\n", "\t", "\r\n", ""};


static void test_random_texts(void **state)
{
    fixture *f = *state;
    uint64_t seed = 12345;
    size_t npieces = sizeof pieces / sizeof *pieces, ngaps = sizeof gaps / sizeof *gaps;
    vn_buf t = VN_BUF_INIT;
    for (int round = 0; round < 400; round++) {
        t.len = 0;
        /* short texts show every word; long ones need regions and margins */
        size_t words = round % 4 == 0 ? 5 + random_below(&seed, 30) : 40 + random_below(&seed, 400);
        for (size_t k = 0; k < words; k++) {
            const char *p = pieces[random_below(&seed, npieces)];
            /* mostly plain syllables, so matches are sparse and regions apart */
            if (random_below(&seed, 3) != 0)
                p = pieces[random_below(&seed, 12)];
            vn_buf_append(&t, p, strlen(p));
            const char *g = gaps[random_below(&seed, ngaps)];
            vn_buf_append(&t, g, strlen(g));
        }
        vn_buf_append_char(&t, '\0');
        t.len--;
        compare_on(f, t.data, t.len, 1 + random_below(&seed, 5));
    }
    vn_buf_free(&t);
}

/* Matches far apart in a long text of short words: regions must grow until
 * they hold enough words on each side. */
static void test_far_apart_and_dense(void **state)
{
    fixture *f = *state;
    vn_buf t = VN_BUF_INIT;
    for (int k = 0; k < 3000; k++) {
        const char *w = k % 97 == 0 ? "tham " : k % 211 == 5 ? "tham nhũng " : k % 13 ? "a " : "b. ";
        vn_buf_append(&t, w, strlen(w));
    }
    vn_buf_append_char(&t, '\0');
    t.len--;
    const char *const terms1[] = {"tham", NULL}, *const terms2[] = {"tham", "nhũng", NULL},
                      *const terms3[] = {"a", NULL}, *const terms4[] = {"b", "tham", NULL};
    same_snippet(f, t.data, t.len, terms1);
    same_snippet(f, t.data, t.len, terms2);
    same_snippet(f, t.data, t.len, terms3);
    same_snippet(f, t.data, t.len, terms4);
    /* the match at the very end, and at the very start */
    vn_buf_append(&t, " nhũng", strlen(" nhũng"));
    vn_buf_append_char(&t, '\0');
    t.len--;
    same_snippet(f, t.data, t.len, (const char *const[]){"nhung", NULL});
    same_snippet(f, t.data + 5, t.len - 5, terms2);

    /* long words: the first guess of a region's width holds too few words */
    for (size_t gap = 10; gap < 70; gap += 3) {
        t.len = 0;
        for (size_t k = 0; k < 400; k++) {
            const char *w = k % gap == 0 ? "tham nhũng " : k % (gap + 7) == 0 ? "tham "
                          : "nghieeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeng. ";
            vn_buf_append(&t, w, strlen(w));
        }
        vn_buf_append_char(&t, '\0');
        t.len--;
        same_snippet(f, t.data, t.len, terms1);
        same_snippet(f, t.data, t.len, terms2);
        same_snippet(f, t.data + 200, t.len - 200, terms2);
    }
    vn_buf_free(&t);
}

/* ---- a page's snippets on several threads ------------------------------------- */

/* Every job gets the snippet one snipper makes of its file alone; a missing
 * file gets the title and is stale; a file whose stamp is not the indexed
 * one is stale too.  More jobs than threads, in any order of completion. */
static void test_page_of_snippets(void **state)
{
    (void)state;
    const char *const terms[] = {"dân", "chủ", "tham", "nhung", NULL};
    enum { JOBS = 23 };
    char paths[JOBS][512];
    vn_search_hit hits[JOBS];
    vn_hit_snippet_job jobs[JOBS];
    memset(hits, 0, sizeof hits);
    for (size_t i = 0; i < JOBS; i++) {
        if (i % 7 == 3)
            snprintf(paths[i], sizeof paths[i], "%s/no-such-plan-%zu.txt", VNCITE_CORPUS, i);
        else
            sample_plan_path(i % SAMPLE_PLAN_COUNT, paths[i], sizeof paths[i]);
        jobs[i] = (vn_hit_snippet_job){paths[i], i % 5 == 1 ? "1.5 42 0" : NULL, "Tiêu đề", &hits[i]};
    }
    assert_int_equal(vn_hit_snippets(jobs, JOBS, terms, &g_err), VN_OK);
    for (size_t i = 0; i < JOBS; i++) {
        if (i % 7 == 3) {
            assert_string_equal(hits[i].snippet, "Tiêu đề");
            assert_true(hits[i].stale);
            assert_int_equal(hits[i].mark_count, 0);
        } else {
            vn_doctext dt;
            assert_int_equal(vn_doctext_load(paths[i], &dt, &g_err), VN_OK);
            char *want;
            vn_highlight marks[VN_SNIPPET_MAX_MARKS];
            size_t mark_count;
            assert_int_equal(vn_search_snippet(dt.text, dt.len, terms, &want, marks, &mark_count,
                                               &g_err), VN_OK);
            assert_string_equal(hits[i].snippet, want);
            assert_int_equal(hits[i].mark_count, mark_count);
            assert_memory_equal(hits[i].marks, marks, mark_count * sizeof *marks);
            assert_int_equal(hits[i].stale, i % 5 == 1);   /* a stamp from another file */
            free(want);
            vn_doctext_free(&dt);
        }
        free(hits[i].snippet);
    }
    assert_int_equal(vn_hit_snippets(jobs, 0, terms, &g_err), VN_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_skeleton_bytes),
        cmocka_unit_test(test_candidate_chunks),
        cmocka_unit_test_setup_teardown(test_corpus_documents, setup, teardown),
        cmocka_unit_test_setup_teardown(test_random_texts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_far_apart_and_dense, setup, teardown),
        cmocka_unit_test(test_page_of_snippets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
