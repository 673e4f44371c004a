/* test_analyze.c — the per-document front end: extraction + metadata, and
 * what only both together decide (a law naming itself is no citation). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "indexer/analyze.h"

static void analyze(const char *text, vn_analysis *a)
{
    vn_error err;
    assert_int_equal(vn_analyze_bytes("t.txt", (const unsigned char *)text, strlen(text), NULL, a,
                                      &err), VN_OK);
}

static void test_a_law_naming_itself_is_no_citation(void **state)
{
    (void)state;
    vn_analysis a;
    analyze("QUỐC HỘI\n\nLuật số: 91/2015/QH13\n\nHà Nội, ngày 24 tháng 11 năm 2015\n\n"
            "BỘ LUẬT\n\nDÂN SỰ\n\nCăn cứ Hiến pháp;\n\nQuốc hội ban hành Bộ luật dân sự.\n\n"
            "Điều 4. Áp dụng Bộ luật dân sự và Luật Thương mại\n", &a);
    assert_string_equal(a.meta.type_word, "Bộ luật");
    assert_string_equal(a.meta.title, "DÂN SỰ");
    assert_string_equal(a.meta.own_number, "91/2015/QH13");
    assert_string_equal(a.meta.issuer, "QUỐC HỘI");
    /* Hiến pháp and Luật Thương mại stay; both "Bộ luật dân sự" go */
    assert_int_equal(a.extract.citations.count, 2);
    for (size_t k = 0; k < a.extract.citations.count; k++)
        assert_null(strstr(a.extract.citations.items[k].name, "dân sự"));
    vn_analysis_free(&a);
}

/* An annex's "Kèm theo Kế hoạch số 150-KH/ĐU" is the plan itself; last
 * year's plan with the same yearless number is another instrument. */
static void test_own_number_in_the_body_is_no_citation(void **state)
{
    (void)state;
    vn_analysis a;
    analyze("ĐẢNG ỦY XÃ\nSố 150-KH/ĐU\nThụy Hưng, ngày 05 tháng 3 năm 2024\n\nKẾ HOẠCH\n"
            "về việc\n\nCăn cứ Kế hoạch số 150-KH/ĐU ngày 01/3/2023 của Đảng ủy;\n\nPHỤ LỤC\n"
            "(Kèm theo Kế hoạch số 150-KH/ĐU ngày 05/3/2024 của Đảng ủy xã)\n"
            "(Kèm theo Kế hoạch số 150-KH/ĐU)\nQuyết định số 150-QĐ/ĐU\n", &a);
    assert_string_equal(a.meta.own_number, "150-KH/ĐU");
    assert_int_equal(a.extract.citations.count, 2);
    assert_int_equal(a.extract.citations.items[0].date.first.year, 2023);
    assert_string_equal(a.extract.citations.items[1].symbol, "150-QĐ/ĐU");
    vn_analysis_free(&a);
}

static void test_another_code_is_still_cited(void **state)
{
    (void)state;
    vn_analysis a;
    analyze("QUỐC HỘI\n\nLuật số: 52/2014/QH13\n\nLUẬT\n\nHÔN NHÂN VÀ GIA ĐÌNH\n\n"
            "Theo quy định của Bộ luật dân sự.\n", &a);
    assert_int_equal(a.extract.citations.count, 1);
    assert_string_equal(a.extract.citations.items[0].name, "Bộ luật dân sự");
    vn_analysis_free(&a);
}

/* A TCVN3 ("ABC") plan whose header was set in capital fonts: lower-case
 * codes.  Metadata reads its issuer and title as capitals all the same; the
 * text itself is left as it was decoded. */
static void test_tcvn3_header_in_capital_fonts(void **state)
{
    (void)state;
    vn_analysis a;
    analyze("\xF1y ban nh\xA9n d\xA9n\nt\xD8nh qu\xB6ng nam\nS\xE8: 12/KH-UBND\n"
            "Qu\xB6ng Nam, ng\xB5y 10 th\xB8ng 01 n\xA8m 2024\n\nk\xD5 ho\xB9" "ch\n"
            "th\xF9" "c hi\xD6n d\xA9n ch\xF1\n\nC\xA8n c\xF8 Ngh\xDE \xAE\xDEnh s\xE8 "
            "59/2023/N\xA7-CP ng\xB5y 14/8/2023 c\xF1" "a Ch\xDDnh ph\xF1;\n",
            &a);
    assert_int_equal(a.doc.decoded.encoding, VN_ENC_TCVN3);
    assert_string_equal(a.meta.issuer, "ỦY BAN NHÂN DÂN - TỈNH QUẢNG NAM");
    assert_string_equal(a.meta.province, "Quảng Nam");
    assert_string_equal(a.meta.own_number, "12/KH-UBND");
    assert_non_null(strstr(a.doc.text, "ủy ban nhân dân"));
    assert_int_equal(a.extract.citations.count, 1);
    assert_string_equal(a.extract.citations.items[0].symbol, "59/2023/NĐ-CP");
    vn_analysis_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_law_naming_itself_is_no_citation),
        cmocka_unit_test(test_another_code_is_still_cited),
        cmocka_unit_test(test_own_number_in_the_body_is_no_citation),
        cmocka_unit_test(test_tcvn3_header_in_capital_fonts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
