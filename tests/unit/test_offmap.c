/* test_offmap.c — piecewise-linear offset maps: anchors, redundancy, clamping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "common/offmap.h"

/* No anchor at all: identity, clamped to the input length. */
static void test_empty_map_is_identity(void **state)
{
    (void)state;
    vn_offmap m = VN_OFFMAP_INIT;
    vn_offmap_finish(&m, 10, 10);
    assert_int_equal(vn_offmap_to_input(&m, 0), 0);
    assert_int_equal(vn_offmap_to_input(&m, 7), 7);
    assert_int_equal(vn_offmap_to_input(&m, 10), 10);
    assert_int_equal(vn_offmap_to_input(&m, 99), 10);
    vn_offmap_free(&m);
}

/* "**ab**cd" -> "abcd": removals at 0 (2 bytes) and at 2 (2 bytes). */
static void test_removals(void **state)
{
    (void)state;
    vn_offmap m = VN_OFFMAP_INIT;
    assert_int_equal(vn_offmap_add(&m, 0, 2), VN_OK);
    assert_int_equal(vn_offmap_add(&m, 2, 6), VN_OK);
    vn_offmap_finish(&m, 4, 8);
    assert_int_equal(m.count, 2); /* {0,0} was merged into {0,2} */
    assert_int_equal(vn_offmap_to_input(&m, 0), 2);
    assert_int_equal(vn_offmap_to_input(&m, 1), 3);
    assert_int_equal(vn_offmap_to_input(&m, 2), 6);
    assert_int_equal(vn_offmap_to_input(&m, 3), 7);
    assert_int_equal(vn_offmap_to_input(&m, 4), 8);
    vn_offmap_free(&m);
    assert_null(m.anchors);
}

/* Anchors the linear rule already implies are not stored. */
static void test_redundant_anchors_skipped(void **state)
{
    (void)state;
    vn_offmap m = VN_OFFMAP_INIT;
    assert_int_equal(vn_offmap_add(&m, 0, 0), VN_OK);
    assert_int_equal(vn_offmap_add(&m, 5, 5), VN_OK);
    assert_int_equal(vn_offmap_add(&m, 5, 8), VN_OK);
    assert_int_equal(vn_offmap_add(&m, 9, 12), VN_OK);
    assert_int_equal(m.count, 2);
    vn_offmap_free(&m);
}

/* An output longer than its input ("abc\xFFd" -> "abc" U+FFFD "d"): offsets
 * inside the expansion clamp to the next anchor's input. */
static void test_expansion_clamps(void **state)
{
    (void)state;
    vn_offmap m = VN_OFFMAP_INIT;
    assert_int_equal(vn_offmap_add(&m, 6, 4), VN_OK);
    vn_offmap_finish(&m, 7, 5);
    assert_int_equal(vn_offmap_to_input(&m, 2), 2);
    assert_int_equal(vn_offmap_to_input(&m, 3), 3);
    assert_int_equal(vn_offmap_to_input(&m, 4), 4); /* clamped */
    assert_int_equal(vn_offmap_to_input(&m, 5), 4);
    assert_int_equal(vn_offmap_to_input(&m, 6), 4);
    assert_int_equal(vn_offmap_to_input(&m, 7), 5);
    vn_offmap_free(&m);
}

static void test_non_monotonic_refused(void **state)
{
    (void)state;
    vn_offmap m = VN_OFFMAP_INIT;
    assert_int_equal(vn_offmap_add(&m, 4, 6), VN_OK);
    assert_int_equal(vn_offmap_add(&m, 3, 7), VN_ERR_PARSE);
    assert_int_equal(vn_offmap_add(&m, 5, 5), VN_ERR_PARSE);
    vn_offmap_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_map_is_identity),
        cmocka_unit_test(test_removals),
        cmocka_unit_test(test_redundant_anchors_skipped),
        cmocka_unit_test(test_expansion_clamps),
        cmocka_unit_test(test_non_monotonic_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
