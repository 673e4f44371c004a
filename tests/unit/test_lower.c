/* test_lower.c — vn_lower_cp is utf8proc_tolower, table or not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>
#include <utf8proc.h>

#include "common/lower.h"

/* Every code point, not only the tabled ranges: the ASCII fast path and the
 * fallback must agree with utf8proc as well. */
static void test_every_code_point(void **state)
{
    (void)state;
    int wrong = 0;
    for (int cp = 0; cp <= 0x10FFFF; cp++) {
        if (vn_lower_cp(cp) != utf8proc_tolower(cp)) {
            if (wrong++ < 10)
                fprintf(stderr, "U+%04X: table %04X, utf8proc %04X\n", (unsigned)cp,
                        (unsigned)vn_lower_cp(cp), (unsigned)utf8proc_tolower(cp));
        }
    }
    assert_int_equal(wrong, 0);
}

/* The fast reject of word matchers: a character >= 0x80 lowers to ASCII
 * only where vn_lower_nonascii_may_be says it may. */
static void test_nonascii_lowering_to_ascii(void **state)
{
    (void)state;
    int found = 0;
    for (int cp = 0x80; cp <= 0x10FFFF; cp++) {
        int lower = vn_lower_cp(cp);
        if (lower >= 0x80)
            continue;
        unsigned char utf8[4];
        utf8proc_encode_char(cp, utf8);
        assert_true(vn_lower_nonascii_may_be(utf8[0], lower));
        found++;
    }
    assert_int_equal(found, 2);
    assert_false(vn_lower_nonascii_may_be(0xC4, 'k'));
    assert_false(vn_lower_nonascii_may_be(0xE1, 'i'));
}

/* What the decoders can hand over besides code points: U+FFFD for malformed
 * input, 0 for "no character". */
static void test_edges(void **state)
{
    (void)state;
    assert_int_equal(vn_lower_cp(0), 0);
    assert_int_equal(vn_lower_cp(0xFFFD), 0xFFFD);
    assert_int_equal(vn_lower_cp(-1), utf8proc_tolower(-1));
    assert_int_equal(vn_lower_cp(0x110000), utf8proc_tolower(0x110000));
}

static void test_vietnamese_letters(void **state)
{
    (void)state;
    assert_int_equal(vn_lower_cp('Q'), 'q');
    assert_int_equal(vn_lower_cp(0x0110), 0x0111);  /* Đ -> đ */
    assert_int_equal(vn_lower_cp(0x0111), 0x0111);
    assert_int_equal(vn_lower_cp(0x01AF), 0x01B0);  /* Ư -> ư */
    assert_int_equal(vn_lower_cp(0x1EA0), 0x1EA1);  /* Ạ -> ạ */
    assert_int_equal(vn_lower_cp(0x1EF8), 0x1EF9);  /* Ỹ -> ỹ */
    assert_int_equal(vn_lower_cp(0x00C0), 0x00E0);  /* À -> à */
    assert_int_equal(vn_lower_cp(0x00D7), 0x00D7);  /* × stays */
    assert_int_equal(vn_lower_cp(0x0130), 'i');     /* İ leaves the table's range */
    assert_int_equal(vn_lower_cp(0x212A), 'k');     /* Kelvin sign, via utf8proc */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_code_point),
        cmocka_unit_test(test_edges),
        cmocka_unit_test(test_nonascii_lowering_to_ascii),
        cmocka_unit_test(test_vietnamese_letters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
