/* test_tokenize.c — ICU word tokens with byte offsets, reuse, early stop. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unicode/utf8.h>

#include "common/tokenize.h"
#include "sample_plans.h"

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

/* ---- simple chunks against ICU over the whole text ---------------------- */

typedef struct spans {
    vn_token tok[4096];
    size_t n;
} spans;

static int add_span(void *ctx, vn_token tok)
{
    spans *sp = ctx;
    if (sp->n < sizeof sp->tok / sizeof sp->tok[0])
        sp->tok[sp->n] = tok;
    sp->n++;
    return 0;
}

/* vn_tokenize() and ICU over the whole text must give the same tokens. */
static void check_same_as_icu(vn_tokenizer *t, const char *text, size_t len)
{
    static spans a, b;
    vn_error err;
    a.n = b.n = 0;
    assert_int_equal(vn_tokenize(t, text, len, add_span, &a, &err), VN_OK);
    assert_int_equal(vn_tokenize_icu(t, text, len, add_span, &b, &err), VN_OK);
    assert_true(a.n <= sizeof a.tok / sizeof a.tok[0]);
    bool same = a.n == b.n;
    for (size_t k = 0; same && k < a.n; k++)
        same = a.tok[k].start == b.tok[k].start && a.tok[k].end == b.tok[k].end;
    if (!same) {
        size_t k = 0;
        while (k < a.n && k < b.n && a.tok[k].start == b.tok[k].start &&
               a.tok[k].end == b.tok[k].end)
            k++;
        fail_msg("tokens differ from ICU at token %zu (%zu vs %zu tokens) in \"%.*s\"", k, a.n,
                 b.n, (int)len, text);
    }
}

/* Every character of the simple tables' range and around it, alone, in
 * a word, between separators and before characters that attach to it. */
static void test_every_code_point_as_icu(void **state)
{
    static const char *const ctx[][2] = {
        {"", ""},         {"ab ", " cd"},         {"a", "b"},         {"1 ", "2"},
        {"x\t", "\n9"},   {"", "\xCC\x81 z"},     {"x ", "\xE2\x80\x8D"}, {"\xE3\x80\x80", " y"},
        {"3.", ".4 t"},   {"q'", "'r s"},          {"5,", ",6"},       {"m:", ":n"},
        {"(", "),"},      {"a ", ". b"},           {"(?", ".:;!) 1"},  {"x, (", "a)"},
    };
    char s[64];
    for (UChar32 cp = 1; cp < 0x2100; cp++) {
        if (cp >= 0x300 && cp < 0x1D00)
            cp = 0x1D00; /* nothing of the tables in between */
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        for (size_t k = 0; k < sizeof ctx / sizeof ctx[0]; k++) {
            int32_t n = (int32_t)strlen(ctx[k][0]);
            memcpy(s, ctx[k][0], (size_t)n);
            U8_APPEND_UNSAFE(s, n, cp);
            size_t m = strlen(ctx[k][1]);
            memcpy(s + n, ctx[k][1], m);
            check_same_as_icu(*state, s, (size_t)n + m);
        }
    }
}

/* Random texts from pieces chosen to meet every rule near a separator:
 * Vietnamese letters, digits, mid-word punctuation, marks and joiners,
 * other spaces, scripts ICU treats apart, malformed bytes. */
static void test_random_texts_as_icu(void **state)
{
    static const char *const piece[] = {
        "a", "Z", "\xC4\x90", "\xE1\xBA\xBF", "\xC6\xA1", "7", "0", ".", ",", ":", ";", "'",
        "\xE2\x80\x99", "@", "-", "_", "/", "(", ")", "\"", "\xE2\x80\x9C", " ", " ", " ", "  ",
        "\n", "\r\n", "\r", "\t", "\xCC\x81", "\xCC\xA3", "\xE2\x80\x8D", "\xE2\x80\x8B",
        "\xC2\xAD", "\xE3\x80\x80", "\xC2\xA0", "\xE0\xB8\x81", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80",
        "\xD9\xA0", "\xEF\xBD\xB1", "\xD7\x90", "\xF0\x9F\x87\xBB", "\xFF", "\xC3", "\xE1\xBA",
        "\xC3\x97", "\xC2\xAA", "\xE2\x80\xA4", "\x0B", "\xC2\x85", "$", "%", "\xE2\x80\x93",
        "vi\xE1\xBB\x87t", "Nam", "2024", "N\xC4\x90", "CP",
    };
    enum { PIECES = sizeof piece / sizeof piece[0] };
    uint64_t rng = 0x9E3779B97F4A7C15ULL;
    char s[512];
    for (int round = 0; round < 40000; round++) {
        size_t n = 0;
        rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
        int count = 1 + (int)((rng >> 33) % 24);
        for (int k = 0; k < count; k++) {
            rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
            /* Letters and spaces most of the time, as in real text. */
            unsigned r = (unsigned)(rng >> 33);
            const char *p = r % 3 == 0 ? piece[r / 3 % PIECES]
                            : r % 3 == 1 ? (r & 8 ? " " : "\xC3\xA2n")
                                         : piece[r / 3 % 6];
            size_t m = strlen(p);
            memcpy(s + n, p, m);
            n += m;
        }
        check_same_as_icu(*state, s, n);
    }
}

/* The sample documents, whole. */
static void test_corpus_as_icu(void **state)
{
    for (size_t k = 0; k < SAMPLE_PLAN_COUNT; k++) {
        size_t len;
        const char *buf = sample_plan_bytes(k, &len);
        /* Token by token: a document has more tokens than spans holds. */
        size_t from = 0;
        while (from < len) {
            size_t to = from + 4000 < len ? from + 4000 : len;
            while (to < len && buf[to] != ' ')
                to++;
            check_same_as_icu(*state, buf + from, to - from);
            from = to;
        }
        check_same_as_icu(*state, buf, len < 8000 ? len : 8000);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vietnamese_syllables),
        cmocka_unit_test(test_byte_offsets),
        cmocka_unit_test(test_no_words),
        cmocka_unit_test(test_early_stop),
        cmocka_unit_test(test_reuse),
        cmocka_unit_test(test_every_code_point_as_icu),
        cmocka_unit_test(test_random_texts_as_icu),
        cmocka_unit_test(test_corpus_as_icu),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
