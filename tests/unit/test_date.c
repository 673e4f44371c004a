/* test_date.c — calendar dates, partial ranges and the running-text scanner. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "common/date.h"

/* Scans the whole of text; returns consumed bytes and the range as text. */
static size_t scan(const char *text, char str[11])
{
    vn_date_range r;
    memset(&r, 0x55, sizeof r);
    size_t n = vn_date_scan(text, strlen(text), &r);
    if (n)
        vn_date_range_str(&r, str);
    else
        str[0] = '\0';
    return n;
}

/* Asserts that text scans, consuming `consumed` bytes (or all when 0), to iso. */
static void expect_scan(const char *text, const char *iso, size_t consumed)
{
    char str[11];
    size_t n = scan(text, str);
    if (n == 0)
        fail_msg("no date in \"%s\"", text);
    assert_string_equal(str, iso);
    assert_int_equal(n, consumed ? consumed : strlen(text));
}

static void expect_none(const char *text)
{
    char str[11];
    size_t n = scan(text, str);
    if (n != 0)
        fail_msg("\"%s\" scanned as %s (%zu bytes)", text, str, n);
}

static void test_valid(void **state)
{
    (void)state;
    assert_true(vn_date_valid((vn_date){2023, 8, 14}));
    assert_true(vn_date_valid((vn_date){2024, 2, 29}));
    assert_true(vn_date_valid((vn_date){2000, 2, 29}));
    assert_false(vn_date_valid((vn_date){2100, 2, 29}));
    assert_false(vn_date_valid((vn_date){2023, 2, 29}));
    assert_false(vn_date_valid((vn_date){2023, 2, 31}));
    assert_false(vn_date_valid((vn_date){2023, 4, 31}));
    assert_false(vn_date_valid((vn_date){2023, 13, 1}));
    assert_false(vn_date_valid((vn_date){2023, 0, 1}));
    assert_false(vn_date_valid((vn_date){1899, 12, 31}));
    assert_true(vn_date_valid((vn_date){1900, 1, 1}));
    assert_true(vn_date_valid((vn_date){2199, 12, 31}));
    assert_false(vn_date_valid((vn_date){2200, 1, 1}));
    assert_false(vn_date_valid((vn_date){0, 0, 0}));
}

static void test_cmp_iso(void **state)
{
    (void)state;
    char buf[11];
    assert_true(vn_date_cmp((vn_date){2023, 8, 14}, (vn_date){2023, 8, 15}) < 0);
    assert_true(vn_date_cmp((vn_date){2024, 1, 1}, (vn_date){2023, 12, 31}) > 0);
    assert_true(vn_date_cmp((vn_date){2023, 9, 1}, (vn_date){2023, 8, 31}) > 0);
    assert_int_equal(vn_date_cmp((vn_date){2023, 8, 14}, (vn_date){2023, 8, 14}), 0);
    assert_string_equal(vn_date_iso((vn_date){2023, 8, 14}, buf), "2023-08-14");
    assert_string_equal(vn_date_iso((vn_date){0, 0, 0}, buf), "0000-00-00");
    /* Out-of-range fields never overflow the buffer. */
    assert_string_equal(vn_date_iso((vn_date){-5, 1000, -1}, buf), "0000-99-00");
}

static void test_parse_iso(void **state)
{
    (void)state;
    vn_date_range r;
    char buf[11];
    assert_true(vn_date_parse_iso("2023-08-14", &r));
    assert_int_equal(r.precision, VN_DATE_DAY);
    assert_string_equal(vn_date_range_str(&r, buf), "2023-08-14");
    assert_true(vn_date_parse_iso("2024-02", &r));
    assert_int_equal(r.precision, VN_DATE_MONTH);
    assert_int_equal(r.first.day, 1);
    assert_int_equal(r.last.day, 29);
    assert_true(vn_date_parse_iso("2023", &r));
    assert_int_equal(r.precision, VN_DATE_YEAR);
    assert_string_equal(vn_date_iso(r.first, buf), "2023-01-01");
    assert_string_equal(vn_date_iso(r.last, buf), "2023-12-31");
    assert_false(vn_date_parse_iso("2023-02-29", &r));
    assert_false(vn_date_parse_iso("2023-8-14", &r));
    assert_false(vn_date_parse_iso("2023-08-14x", &r));
    assert_false(vn_date_parse_iso("2023-00", &r));
    assert_false(vn_date_parse_iso("1899", &r));
    assert_false(vn_date_parse_iso("", &r));
    assert_false(vn_date_parse_iso("20234", &r));
}

static void test_parse_dmy(void **state)
{
    (void)state;
    vn_date_range r;
    char buf[11];
    assert_true(vn_date_parse_dmy("14/8/2023", &r));
    assert_string_equal(vn_date_range_str(&r, buf), "2023-08-14");
    assert_true(vn_date_parse_dmy("07/01/2016", &r));
    assert_string_equal(vn_date_range_str(&r, buf), "2016-01-07");
    assert_true(vn_date_parse_dmy("14-08-2023", &r));
    assert_true(vn_date_parse_dmy("14.8.2023", &r));
    assert_false(vn_date_parse_dmy("14/8-2023", &r));
    assert_false(vn_date_parse_dmy("31/02/2023", &r));
    assert_false(vn_date_parse_dmy("29/02/2023", &r));
    assert_true(vn_date_parse_dmy("29/02/2024", &r));
    assert_false(vn_date_parse_dmy("14/8/23", &r));
    assert_false(vn_date_parse_dmy("14/8/2023 ", &r));
    assert_false(vn_date_parse_dmy("00/8/2023", &r));
    assert_false(vn_date_parse_dmy("11/2025", &r));
    assert_false(vn_date_parse_dmy("1/1/2200", &r));
}

static void test_parse_any(void **state)
{
    (void)state;
    vn_date_range r;
    char buf[11];
    assert_true(vn_date_parse_any(" 14/08/2023 ", &r));
    assert_string_equal(vn_date_range_str(&r, buf), "2023-08-14");
    assert_true(vn_date_parse_any("11/2025", &r));
    assert_int_equal(r.precision, VN_DATE_MONTH);
    assert_string_equal(vn_date_range_str(&r, buf), "2025-11");
    assert_string_equal(vn_date_iso(r.last, buf), "2025-11-30");
    assert_true(vn_date_parse_any("2025", &r));
    assert_int_equal(r.precision, VN_DATE_YEAR);
    assert_true(vn_date_parse_any("2016-01-07", &r));
    assert_string_equal(vn_date_range_str(&r, buf), "2016-01-07");
    assert_true(vn_date_parse_any("ngày 14 tháng 8 năm 2023", &r));
    assert_string_equal(vn_date_range_str(&r, buf), "2023-08-14");
    assert_false(vn_date_parse_any("", &r));
    assert_false(vn_date_parse_any("   ", &r));
    assert_false(vn_date_parse_any("13/2025", &r));
    assert_false(vn_date_parse_any("14/8/2023 của", &r));
    assert_false(vn_date_parse_any("unknown", &r));
}

static void test_range_set(void **state)
{
    (void)state;
    vn_date_range r;
    char buf[11];
    assert_true(vn_date_range_set(2024, 3, 0, &r));
    assert_int_equal(r.precision, VN_DATE_MONTH);
    assert_string_equal(vn_date_iso(r.last, buf), "2024-03-31");
    assert_true(vn_date_range_set(2023, 2, 0, &r));
    assert_string_equal(vn_date_iso(r.last, buf), "2023-02-28");
    assert_false(vn_date_range_set(2023, 2, 29, &r));
    assert_false(vn_date_range_set(2023, 13, 0, &r));
    assert_false(vn_date_range_set(1800, 0, 0, &r));
    assert_int_equal(vn_date_days_in_month(2024, 2), 29);
    assert_int_equal(vn_date_days_in_month(2024, 0), 0);
}

static void test_range_helpers(void **state)
{
    (void)state;
    vn_date_range r, none;
    char buf[11];
    memset(&none, 0, sizeof none);
    assert_true(vn_date_range_set(2024, 3, 0, &r));
    assert_true(vn_date_range_before(&r, (vn_date){2024, 4, 1}));
    assert_false(vn_date_range_before(&r, (vn_date){2024, 3, 31}));
    assert_true(vn_date_range_contains(&r, (vn_date){2024, 3, 15}));
    assert_true(vn_date_range_contains(&r, (vn_date){2024, 3, 1}));
    assert_true(vn_date_range_contains(&r, (vn_date){2024, 3, 31}));
    assert_false(vn_date_range_contains(&r, (vn_date){2024, 4, 1}));
    assert_false(vn_date_range_before(&none, (vn_date){2024, 4, 1}));
    assert_false(vn_date_range_contains(&none, (vn_date){2024, 4, 1}));
    assert_string_equal(vn_date_range_str(&none, buf), "");
    assert_true(vn_date_range_set(2023, 0, 0, &r));
    assert_string_equal(vn_date_range_str(&r, buf), "2023");
    vn_date_range year = r, month, day;
    assert_true(vn_date_range_set(2023, 12, 0, &month));
    assert_true(vn_date_range_set(2023, 12, 31, &day));
    assert_true(vn_date_range_same(&year, &r));
    assert_false(vn_date_range_same(&year, &month));   /* same last day, not the same range */
    assert_false(vn_date_range_same(&month, &day));
    assert_true(vn_date_range_same(&none, &none));
}

/* The forms the seed plans and real documents use. */
static void test_scan_full(void **state)
{
    (void)state;
    expect_scan("ngày 14/8/2023", "2023-08-14", 0);
    expect_scan("ngày 07/01/2016 của Bộ Chính trị", "2016-01-07", strlen("ngày 07/01/2016"));
    expect_scan("ngày 09/1/2015", "2015-01-09", 0);
    expect_scan("Ngày 14/8/2023", "2023-08-14", 0);
    expect_scan("NGÀY 14/8/2023", "2023-08-14", 0);
    expect_scan("ngày 14 tháng 8 năm 2023", "2023-08-14", 0);
    expect_scan("ngày 26 tháng 02 năm 2024", "2024-02-26", 0);
    expect_scan("Ngày 25 Tháng 3 Năm 2024", "2024-03-25", 0);
    expect_scan("14-8-2023", "2023-08-14", 0);
    expect_scan("14.8.2023", "2023-08-14", 0);
    expect_scan("14/8/2023;", "2023-08-14", strlen("14/8/2023"));
    expect_scan("ngày 14/8/ 2023", "2023-08-14", 0);
    expect_scan("ngày 14 / 8 / 2023", "2023-08-14", 0);
    expect_scan("ngày 14-8-2023", "2023-08-14", 0);
    expect_scan("ngày 14.8.2023.", "2023-08-14", strlen("ngày 14.8.2023"));
    expect_scan("ngày14/8/2023", "2023-08-14", 0);
    expect_scan("ngày 29/02/2024", "2024-02-29", 0);
    expect_scan("ngày 12/12/2013 của Bộ Chính trị", "2013-12-12", strlen("ngày 12/12/2013"));
    /* a two-digit year, only after "ngày" and a whole day and month */
    expect_scan("ngày 14/8/23 của", "2023-08-14", strlen("ngày 14/8/23"));
    expect_scan("ngày 5.6.96", "1996-06-05", 0);
    expect_scan("ngày 1/1/49;", "2049-01-01", strlen("ngày 1/1/49"));
    /* day and month as numbers and the year in words, or the other way */
    expect_scan("ngày 05/9 năm 2016;", "2016-09-05", strlen("ngày 05/9 năm 2016"));
    expect_scan("ngày 05 tháng 9/2016 của", "2016-09-05", strlen("ngày 05 tháng 9/2016"));
    /* "mùng" / "mồng" before a day of the first ten */
    expect_scan("ngày mùng 5 tháng 3 năm 2020 của", "2020-03-05",
                strlen("ngày mùng 5 tháng 3 năm 2020"));
    expect_scan("Ngày Mồng 6/3/2020", "2020-03-06", 0);
    expect_scan("ngày mu\xCC\x80ng 5/3/2020", "2020-03-05", 0);       /* ù decomposed */
    expect_scan("ngày m\xC3\xB4\xCC\x80ng 6/3/2020", "2020-03-06", 0); /* ô + grave */
    expect_scan("ngày mo\xCC\x82\xCC\x80ng 6/3/2020", "2020-03-06", 0);
    expect_none("ngày mừng 5/3/2020");
    /* a comma before the year's word */
    expect_scan("ngày 03 tháng 3, năm 2023 của", "2023-03-03", strlen("ngày 03 tháng 3, năm 2023"));
    expect_none("ngày 03 tháng 3, 2023");
    expect_none("ngày mùng tháng");
}

/* Glued "…/TWngày 12/12/2013": the caller hands over the text from "ngày". */
static void test_scan_glued(void **state)
{
    (void)state;
    const char *text = "218-QĐ/TWngày 12/12/2013 của";
    const char *at = strstr(text, "ngày");
    vn_date_range r;
    size_t n = vn_date_scan(at, strlen(at), &r);
    assert_int_equal(n, strlen("ngày 12/12/2013"));
    assert_int_equal(r.first.year, 2013);
    assert_int_equal(r.first.month, 12);
    assert_int_equal(r.first.day, 12);
}

static void test_scan_spaces_and_breaks(void **state)
{
    (void)state;
    expect_scan("ngày 14 tháng 8\nnăm 2023", "2023-08-14", 0);
    expect_scan("ngày\r\n14   tháng\t8   năm\n2023", "2023-08-14", 0);
    expect_scan("ngày\xC2\xA0" "14\xC2\xA0tháng\xC2\xA0" "8\xC2\xA0năm\xC2\xA0" "2023",
                "2023-08-14", 0);
    expect_scan("ngày 14/\n8/\n2023", "2023-08-14", 0);
}

static void test_scan_partial(void **state)
{
    (void)state;
    vn_date_range r;
    char buf[11];
    /* Header of a draft: only the year is known. */
    const char *t = "ngày       tháng    năm 2023                ";
    assert_int_equal(vn_date_scan(t, strlen(t), &r), strlen("ngày       tháng    năm 2023"));
    assert_int_equal(r.precision, VN_DATE_YEAR);
    assert_string_equal(vn_date_iso(r.first, buf), "2023-01-01");
    assert_string_equal(vn_date_iso(r.last, buf), "2023-12-31");

    expect_scan("ngày tháng năm 2023", "2023", 0);
    expect_scan("ngày tháng 3 năm 2024", "2024-03", 0);
    t = "ngày   tháng 3 năm 2024";
    assert_int_equal(vn_date_scan(t, strlen(t), &r), strlen(t));
    assert_int_equal(r.precision, VN_DATE_MONTH);
    assert_string_equal(vn_date_iso(r.first, buf), "2024-03-01");
    assert_string_equal(vn_date_iso(r.last, buf), "2024-03-31");
    expect_scan("ngày    /   /2023", "2023", 0);
    expect_scan("ngày    /3/2024", "2024-03", 0);
    expect_scan("ngày ..../..../2023", "2023", 0);
    expect_scan("ngày …… tháng …… năm 2023", "2023", 0);
    expect_scan("ngày ___ tháng 5 năm 2023", "2023-05", 0);
    /* A day without its month says nothing: the year remains. */
    expect_scan("ngày 14 tháng    năm 2023", "2023", 0);
    /* "tháng M năm YYYY" alone is a month. */
    expect_scan("tháng 3 năm 2024", "2024-03", 0);
    expect_scan("Tháng 12 năm 2023", "2023-12", 0);
}

/* NFC "ngày" is n g U+00E0 y; text that escaped normalisation may carry
 * the decomposed a + U+0300. */
static void test_scan_encodings(void **state)
{
    (void)state;
    expect_scan("ng\xC3\xA0y 14/8/2023", "2023-08-14", 0);
    expect_scan("nga\xCC\x80y 14/8/2023", "2023-08-14", 0);
    expect_scan("nga\xCC\x80y 14 tha\xCC\x81ng 8 na\xCC\x86m 2023", "2023-08-14", 0);
    /* Other tones on the same letters are other words. */
    expect_none("ng\xC3\xA1y 14/8/2023");   /* "ngáy" */
    expect_none("ngay 14/8/2023");          /* no accent: not our word */
}

static void test_scan_rejects(void **state)
{
    (void)state;
    expect_none("ngày 31/02/2023");
    expect_none("ngày 29/02/2023");
    expect_none("ngày 31 tháng 4 năm 2023");
    expect_none("ngày 14/13/2023");
    expect_none("ngày 0/8/2023");
    expect_none("ngày 14/8/1899");
    expect_none("ngày 14/8/2200");
    expect_none("ngày 14/8/2");
    expect_none("ngày 14/8/23a");
    expect_none("ngày 14/8/23ạ");
    expect_none("ngày ../8/23");
    expect_none("14/8/23");
    expect_none("ngày 14/8/20234");
    expect_none("ngày 114/8/2023");
    expect_none("ngày 14/108/2023");
    expect_none("ngày 10/6");
    expect_none("ngày 10/6 năm nay");
    expect_none("ngày ../6 năm 2023");
    expect_none("tháng 9/2016");            /* a month's "/year" only after a day */
    expect_none("ngày càng");
    expect_none("ngày");
    expect_none("ngày tháng năm");
    expect_none("ngày tháng năm 20..");
    expect_none("năm 2023");
    expect_none("tháng năm 2023");
    expect_none("tháng 3");
    expect_none("14/8-2023");
    expect_none("14 / 8 / 2023");
    expect_none("59/2023/NĐ-CP");
    expect_none("10/2022/QH15");
    expect_none("120-KL/TW");
    expect_none("");
    expect_none("   14/8/2023");
    expect_none("x");
}

/* Garbage and truncation: never read past len, never crash. */
static void test_scan_bounds(void **state)
{
    (void)state;
    const char *full = "ngày 14 tháng 8 năm 2023";
    vn_date_range r;
    for (size_t n = 0; n < strlen(full); n++)
        assert_int_equal(vn_date_scan(full, n, &r), 0);
    assert_int_equal(vn_date_scan(full, strlen(full), &r), strlen(full));
    /* A long run of blanks is not followed forever. */
    char big[1024];
    memcpy(big, "ngày", 5);
    memset(big + strlen("ngày"), ' ', 600);
    memcpy(big + strlen("ngày") + 600, "14/8/2023", 10);
    assert_int_equal(vn_date_scan(big, strlen(big), &r), 0);
    const char garbage[] = "\xFF\xFE\xC3\x28ngày\xE2\x82/\x80\x80";
    assert_int_equal(vn_date_scan(garbage, sizeof garbage - 1, &r), 0);
    assert_int_equal(vn_date_scan(NULL, 0, &r), 0);
    /* out may be NULL when only the length matters. */
    assert_int_equal(vn_date_scan("ngày 14/8/2023", strlen("ngày 14/8/2023"), NULL),
                     strlen("ngày 14/8/2023"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_cmp_iso),
        cmocka_unit_test(test_parse_iso),
        cmocka_unit_test(test_parse_dmy),
        cmocka_unit_test(test_parse_any),
        cmocka_unit_test(test_range_set),
        cmocka_unit_test(test_range_helpers),
        cmocka_unit_test(test_scan_full),
        cmocka_unit_test(test_scan_glued),
        cmocka_unit_test(test_scan_spaces_and_breaks),
        cmocka_unit_test(test_scan_partial),
        cmocka_unit_test(test_scan_encodings),
        cmocka_unit_test(test_scan_rejects),
        cmocka_unit_test(test_scan_bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
