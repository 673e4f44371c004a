/* test_symbol.c — canonical symbols for every messy form of SPEC §3.2. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/symbol.h"

/* Scans text (strict, as in documents) and returns the canonical symbol. */
static const char *scan(const char *text, const char *type_word, size_t *consumed)
{
    static char out[VN_SYMBOL_MAX];
    vn_symbol s;
    size_t n = vn_symbol_scan(text, strlen(text), type_word, true, &s);
    if (consumed)
        *consumed = n;
    if (!n)
        return "";
    vn_symbol_format(&s, out);
    return out;
}

static void test_families(void **state)
{
    (void)state;
    assert_string_equal(scan("59/2023/NĐ-CP, ngày", NULL, NULL), "59/2023/NĐ-CP");
    assert_string_equal(scan("10/2022/QH15)", NULL, NULL), "10/2022/QH15");
    assert_string_equal(scan("34/2007/PL-UBTVQH11 của", NULL, NULL), "34/2007/PL-UBTVQH11");
    assert_string_equal(scan("26/CT-TTg, ngày", NULL, NULL), "26/CT-TTg");
    assert_string_equal(scan("575/UBND-NC ngày", NULL, NULL), "575/UBND-NC");
    assert_string_equal(scan("120-KL/TW, ngày", NULL, NULL), "120-KL/TW");
    assert_string_equal(scan("06-CTHĐ/BDVTU", NULL, NULL), "06-CTHĐ/BDVTU");
    assert_string_equal(scan("188-CTr/TU ngày", NULL, NULL), "188-CTr/TU");
    assert_string_equal(scan("11-QĐi/TW,", NULL, NULL), "11-QĐi/TW");
    assert_string_equal(scan("196-CP ngày", NULL, NULL), "196-CP");
    assert_string_equal(scan("66/HĐBT", NULL, NULL), "66/HĐBT");
    assert_string_equal(scan("21-LCT/HĐNN8", NULL, NULL), "21-LCT/HĐNN8");
}

static void test_messy_forms(void **state)
{
    (void)state;
    assert_string_equal(scan("59/2023/NĐ - CP, ngày", NULL, NULL), "59/2023/NĐ-CP");
    assert_string_equal(scan("04/2015/NĐ/CP, ngày", NULL, NULL), "04/2015/NĐ-CP");
    assert_string_equal(scan("59/2023/ND-CP", NULL, NULL), "59/2023/NĐ-CP");
    assert_string_equal(scan("06 - QC/ĐUK, ngày", NULL, NULL), "06-QC/ĐUK");
    assert_string_equal(scan("218 -QĐ/TW", NULL, NULL), "218-QĐ/TW");
    assert_string_equal(scan("30/CT\n-TTg ngày", NULL, NULL), "30/CT-TTg");
    assert_string_equal(scan("403/2017/NQLT- UBTVQH14- CP- ĐCTUBTWMTTQVN, ngày", NULL, NULL),
                        "403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN");
    assert_string_equal(scan("12\u2013QĐ/TW", NULL, NULL), "12-QĐ/TW");       /* en dash */
    assert_string_equal(scan("12\u2014QĐ/TW", NULL, NULL), "12-QĐ/TW");       /* em dash */
    assert_string_equal(scan("12-QĐ/TWngày 01/02/2020", NULL, NULL), "12-QĐ/TW");
    assert_string_equal(scan("15/2019/TT-BNN&PTNT", NULL, NULL), "15/2019/TT-BNN&PTNT");
    assert_string_equal(scan("59/2023/NĐCP", NULL, NULL), "59/2023/NĐ-CP");
    assert_string_equal(scan("26/CT-Ttg", NULL, NULL), "26/CT-TTg");
}

static void test_type_word_disambiguates(void **state)
{
    (void)state;
    assert_string_equal(scan("05-DA/TU", "Đề án", NULL), "05-ĐA/TU");
    assert_string_equal(scan("05-DA/TU", "Dự án", NULL), "05-DA/TU");
    assert_string_equal(scan("03-HD/BTGTW", "Hướng dẫn", NULL), "03-HD/BTGTW");
}

static void test_not_symbols(void **state)
{
    (void)state;
    assert_string_equal(scan("14/8/2023 của", NULL, NULL), "");
    assert_string_equal(scan("2022 -2025, Ban", NULL, NULL), "");
    assert_string_equal(scan("2021 - 2030 theo", NULL, NULL), "");
    assert_string_equal(scan("12/3A đường", NULL, NULL), "");
    assert_string_equal(scan("10/2022 của", NULL, NULL), "");
    size_t n;
    /* prose after a spaced dash is not glued onto the symbol */
    assert_string_equal(scan("26-KH/BCĐ - Ban Chỉ đạo", NULL, &n), "26-KH/BCĐ");
    assert_int_equal(n, strlen("26-KH/BCĐ"));
}

/* Inputs the fuzzer found: a separator as the last byte read past the end. */
static void test_fuzz_regressions(void **state)
{
    (void)state;
    vn_symbol s;
    static const char *const inputs[] = {"0-", "0/", "12 -", "59/2023/", "5\xe2\x80\x93"};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        size_t n = strlen(inputs[i]);
        char *exact = malloc(n);   /* no NUL after it, so ASan sees any over-read */
        memcpy(exact, inputs[i], n);
        assert_false(vn_symbol_parse_loose(exact, n, NULL, &s));
        assert_int_equal(vn_symbol_scan(exact, n, NULL, true, &s), 0);
        free(exact);
    }
}

static void test_loose(void **state)
{
    (void)state;
    vn_symbol s;
    char out[VN_SYMBOL_MAX];
    assert_true(vn_symbol_parse_loose("59/2023/nd-cp", 13, NULL, &s));
    vn_symbol_format(&s, out);
    assert_string_equal(out, "59/2023/NĐ-CP");
    assert_true(vn_symbol_parse_loose(" 120 KL/TW ", strlen(" 120 KL/TW "), NULL, &s));
    vn_symbol_format(&s, out);
    assert_string_equal(out, "120-KL/TW");
    assert_false(vn_symbol_parse_loose("hello", 5, NULL, &s));
    assert_false(vn_symbol_parse_loose("59/2023/NĐ-CP trailing", 22, NULL, &s));
}

static void test_type_words(void **state)
{
    (void)state;
    const char *t = "theo Nghị quyết liên tịch";
    size_t start;
    assert_string_equal(vn_type_word_ending_at(t, strlen(t), &start), "Nghị quyết liên tịch");
    assert_int_equal(start, 5);
    const char *u = "Thực hiện KẾT LUẬN";
    assert_string_equal(vn_type_word_ending_at(u, strlen(u), &start), "Kết luận");
    const char *v = "chương";
    assert_null(vn_type_word_ending_at(v, strlen(v), &start));
    assert_string_equal(vn_type_word_codes("Nghị định")[0], "NĐ");
    assert_string_equal(vn_type_word_for_code("KL"), "Kết luận");
}

static void test_variants(void **state)
{
    (void)state;
    assert_true(vn_symbol_code_variants("11-QĐ/TW", "11-QĐi/TW"));
    assert_true(vn_symbol_code_variants("11-QĐi/TW", "11-QĐ/TW"));
    assert_false(vn_symbol_code_variants("11-QĐ/TW", "12-QĐi/TW"));
    assert_false(vn_symbol_code_variants("11-QĐ/TW", "11-QĐ/TW"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_families),
        cmocka_unit_test(test_messy_forms),
        cmocka_unit_test(test_type_word_disambiguates),
        cmocka_unit_test(test_not_symbols),
        cmocka_unit_test(test_loose),
        cmocka_unit_test(test_fuzz_regressions),
        cmocka_unit_test(test_type_words),
        cmocka_unit_test(test_variants),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
