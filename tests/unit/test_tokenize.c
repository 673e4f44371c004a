/* test_tokenize.c — ICU word tokens with byte offsets, reuse, early stop. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "common/tokenize.h"

/* Collects tokens as "word|word|..." and checks their offsets are in range. */
typedef struct collect {
    const char *text;
    size_t len;
    char joined[512];
    size_t count, stop_after;
} collect;

static int on_token(void *ctx, vn_token tok)
{
    collect *c = ctx;
    assert_true(tok.start < tok.end);
    assert_true(tok.end <= c->len);
    size_t used = strlen(c->joined);
    snprintf(c->joined + used, sizeof c->joined - used, "%s%.*s", c->count ? "|" : "",
             (int)(tok.end - tok.start), c->text + tok.start);
    c->count++;
    return c->stop_after && c->count == c->stop_after;
}

static void expect_tokens(vn_tokenizer *t, const char *text, const char *want)
{
    collect c = {.text = text, .len = strlen(text)};
    vn_error err;
    assert_int_equal(vn_tokenize(t, text, c.len, on_token, &c, &err), VN_OK);
    assert_string_equal(c.joined, want);
}

static int setup(void **state)
{
    vn_error err;
    vn_tokenizer *t;
    if (vn_tokenizer_open(&t, &err) != VN_OK)
        return -1;
    *state = t;
    return 0;
}

static int teardown(void **state)
{
    vn_tokenizer_close(*state);
    return 0;
}

static void test_vietnamese_syllables(void **state)
{
    expect_tokens(*state, "Nghị định số 59/2023/NĐ-CP, ngày 14/8/2023 của Chính phủ",
                  "Nghị|định|số|59|2023|NĐ|CP|ngày|14|8|2023|của|Chính|phủ");
    expect_tokens(*state, "“Dân biết, dân bàn” (QCDC) – Luật số 10/2022/QH15.",
                  "Dân|biết|dân|bàn|QCDC|Luật|số|10|2022|QH15");
}

static void test_byte_offsets(void **state)
{
    const char *text = "Đảng ủy";
    collect c = {.text = text, .len = strlen(text)};
    vn_error err;
    assert_int_equal(vn_tokenize(*state, text, c.len, on_token, &c, &err), VN_OK);
    assert_int_equal(c.count, 2);
    /* "Đảng" is Đ (2 bytes) ả (3) n g: 7 bytes; "ủy" starts at 8. */
    assert_string_equal(c.joined, "Đảng|ủy");
    assert_int_equal(strstr(text, "ủy") - text, 8);
}

static void test_no_words(void **state)
{
    expect_tokens(*state, "", "");
    expect_tokens(*state, " ... --- ;; \n\t", "");
}

static void test_early_stop(void **state)
{
    const char *text = "một hai ba bốn";
    collect c = {.text = text, .len = strlen(text), .stop_after = 2};
    vn_error err;
    assert_int_equal(vn_tokenize(*state, text, c.len, on_token, &c, &err), VN_OK);
    assert_string_equal(c.joined, "một|hai");
}

/* One tokenizer serves many texts, including a shorter one after a longer
 * one (the UText must not keep the old length). */
static void test_reuse(void **state)
{
    for (int i = 0; i < 3; i++) {
        expect_tokens(*state, "Kế hoạch thực hiện dân chủ ở cơ sở năm 2024",
                      "Kế|hoạch|thực|hiện|dân|chủ|ở|cơ|sở|năm|2024");
        expect_tokens(*state, "Tây Ninh", "Tây|Ninh");
    }
    /* Only part of a buffer: the length given, not the NUL, ends the text. */
    const char *text = "Sóc Trăng 2024";
    size_t part = strlen("Sóc Trăng");
    collect c = {.text = text, .len = part};
    vn_error err;
    assert_int_equal(vn_tokenize(*state, text, part, on_token, &c, &err), VN_OK);
    assert_string_equal(c.joined, "Sóc|Trăng");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vietnamese_syllables),
        cmocka_unit_test(test_byte_offsets),
        cmocka_unit_test(test_no_words),
        cmocka_unit_test(test_early_stop),
        cmocka_unit_test(test_reuse),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
