/* test_spellings.c — the spellings of a plain word (common/spellings.c):
 * counts, membership, the list itself, and, over every word of the sample
 * plans, the property phrase search relies on: a word either is among the
 * spellings of its plain form, or is told it is not (and keeps its plain
 * form positional). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/spellings.h"
#include "common/terms.h"
#include "common/tokenize.h"
#include "indexer/doctext.h"
#include "sample_plans.h"

#define S(x) x, strlen(x)

static void test_counts(void **state)
{
    (void)state;
    assert_int_equal(vn_spellings_count(S("ban")), 3 * 6);        /* a ă â × (1 + 5) */
    assert_int_equal(vn_spellings_count(S("duong")), 2 * 2 * 3 * 11);
    assert_int_equal(vn_spellings_count(S("nguyen")), 2 * 2 * 16);
    assert_int_equal(vn_spellings_count(S("2023")), 1);
    assert_int_equal(vn_spellings_count(S("")), 1);
    assert_int_equal(vn_spellings_count(S("aoaoa")), VN_SPELLINGS_MAX + 1);
    assert_int_equal(vn_spellings_count(S("ddddddddddddddddddddd")), VN_SPELLINGS_MAX + 1);
}

static void test_spelling_of(void **state)
{
    (void)state;
    assert_true(vn_spelling_of(S("đường"), S("duong")));
    assert_true(vn_spelling_of(S("dân"), S("dan")));
    assert_true(vn_spelling_of(S("ban"), S("ban")));
    assert_true(vn_spelling_of(S("thuỷ"), S("thuy")));      /* either tone placement */
    assert_true(vn_spelling_of(S("nguyễnvăn"), S("nguyenvan")));  /* one tone: still a spelling */
    assert_false(vn_spelling_of(S("dân"), S("dam")));
    assert_false(vn_spelling_of(S("dân"), S("da")));
    assert_false(vn_spelling_of(S("da"), S("dan")));
    assert_false(vn_spelling_of(S("naïve"), S("naive")));   /* ï is not Vietnamese */
    assert_false(vn_spelling_of(S("hàngđầu"), S("hangdau"))); /* two tones */
    assert_false(vn_spelling_of(S("đoàiaoa"), S("doaiaoa"))); /* too many spellings */
}

/* The NUL-separated list as an array; returns the count. */
static size_t split(const vn_buf *b, const char **out, size_t max)
{
    size_t n = 0;
    for (size_t at = 0; at < b->len && n < max; at += strlen(b->data + at) + 1)
        out[n++] = b->data + at;
    return n;
}

static bool listed(const char *const *list, size_t n, const char *word)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], word) == 0)
            return true;
    return false;
}

static void test_list(void **state)
{
    (void)state;
    vn_buf b = VN_BUF_INIT;
    size_t count = 0;
    assert_int_equal(vn_spellings("S", S("dan"), 240, &b, &count), VN_OK);
    const char *list[VN_SPELLINGS_MAX];
    assert_int_equal(split(&b, list, VN_SPELLINGS_MAX), count);
    assert_int_equal(count, vn_spellings_count(S("dan")));
    assert_string_equal(list[0], "Sdan");   /* the plain word first */
    assert_true(listed(list, count, "Sđàn"));
    assert_true(listed(list, count, "Sdẫn"));
    assert_true(listed(list, count, "Sđăn"));
    assert_false(listed(list, count, "Sdan "));
    for (size_t i = 0; i < count; i++)
        for (size_t j = i + 1; j < count; j++)
            assert_string_not_equal(list[i], list[j]);

    /* too many spellings: nothing; a byte limit drops the long ones */
    b.len = 0;
    count = 0;
    assert_int_equal(vn_spellings("", S("aoaoa"), 240, &b, &count), VN_OK);
    assert_int_equal(count, 0);
    assert_int_equal(b.len, 0);
    assert_int_equal(vn_spellings("", S("da"), 2, &b, &count), VN_OK);
    assert_int_equal(count, 1);
    assert_string_equal(b.data, "da");
    vn_buf_free(&b);
}

/* ---- the property, over the sample plans ------------------------------------------ */

typedef struct walk {
    vn_termgen *g;
    size_t words, spelled, kept;
} walk;

static vn_status check_word(void *ctx, const char *text, size_t start, size_t end,
                            vn_error *err)
{
    walk *w = ctx;
    vn_word_forms f;
    assert_int_equal(vn_termgen_word(w->g, text + start, end - start, &f, err), VN_OK);
    w->words++;
    /* copies: the forms live in the generator until its next call */
    char *acc = strndup(f.accented, f.accented_len), *plain = strndup(f.plain, f.plain_len);
    assert_non_null(acc);
    assert_non_null(plain);
    vn_buf list = VN_BUF_INIT;
    size_t count = 0;
    assert_int_equal(vn_terms_phrase_spellings(NULL, plain, strlen(plain), &list, &count, err),
                     VN_OK);
    const char *items[VN_SPELLINGS_MAX];
    size_t n = split(&list, items, VN_SPELLINGS_MAX);
    if (vn_spelling_of(acc, strlen(acc), plain, strlen(plain))) {
        /* matched through the OR of its plain form's spellings, or, when
         * there is nothing to spell ("2023"), it is its plain term */
        assert_true(n == 0 ? strcmp(acc, plain) == 0 : listed(items, n, acc));
        w->spelled++;
    } else {
        /* the plain term keeps positions; no spelling list, or the word is
         * not in it and the list holds the plain term itself */
        assert_true(n == 0 || (strcmp(items[0], plain) == 0 && !listed(items + 1, n - 1, acc)));
        w->kept++;
    }
    /* every spelling has this plain form */
    for (size_t i = 0; i < n; i++) {
        vn_word_forms s;
        assert_int_equal(vn_termgen_word(w->g, items[i], strlen(items[i]), &s, err), VN_OK);
        assert_int_equal(s.plain_len, strlen(plain));
        assert_memory_equal(s.plain, plain, s.plain_len);
    }
    vn_buf_free(&list);
    free(acc);
    free(plain);
    return VN_OK;
}

static void test_sample_words(void **state)
{
    (void)state;
    vn_error err;
    vn_tokenizer *tok;
    walk w = {0};
    assert_int_equal(vn_tokenizer_open(&tok, &err), VN_OK);
    assert_int_equal(vn_termgen_new(tok, &w.g, &err), VN_OK);
    for (size_t i = 0; i < SAMPLE_PLAN_COUNT; i++) {
        char path[512];
        vn_doctext dt;   /* read, decoded, cleaned and NFC, as the indexer sees it */
        assert_int_equal(vn_doctext_load(sample_plan_path(i, path, sizeof path), &dt, &err),
                         VN_OK);
        assert_int_equal(vn_termgen_words(w.g, dt.text, dt.len, check_word, &w, &err), VN_OK);
        vn_doctext_free(&dt);
    }
    /* the sample plans are Vietnamese: nearly every word is spelled */
    assert_true(w.words > 10000);
    assert_true(w.spelled > w.words * 95 / 100);
    vn_termgen_free(w.g);
    vn_tokenizer_close(tok);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_spelling_of),
        cmocka_unit_test(test_list),
        cmocka_unit_test(test_sample_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
