/* test_grow.c — vn_grow: doubling, the first size, overflow refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "common/grow.h"

static void test_doubles_and_keeps_items(void **state)
{
    (void)state;
    int *items = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < 1000; i++) {
        assert_true(vn_grow((void **)&items, &cap, i, sizeof *items, 16));
        assert_true(cap > i);
        items[i] = (int)i;
    }
    assert_int_equal(cap, 1024);   /* 16, 32, … 1024 */
    for (size_t i = 0; i < 1000; i++)
        assert_int_equal(items[i], (int)i);
    /* room already there: nothing moves */
    int *before = items;
    assert_true(vn_grow((void **)&items, &cap, 1000, sizeof *items, 16));
    assert_ptr_equal(items, before);
    free(items);
}

static void test_overflow_refused(void **state)
{
    (void)state;
    char *items = NULL;
    size_t cap = SIZE_MAX / 2 + 1;
    assert_false(vn_grow((void **)&items, &cap, cap, 1, 16));
    assert_null(items);
    assert_int_equal(cap, SIZE_MAX / 2 + 1);
    cap = 0;
    assert_false(vn_grow((void **)&items, &cap, 0, SIZE_MAX / 4, 8));
    assert_int_equal(cap, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_doubles_and_keeps_items),
        cmocka_unit_test(test_overflow_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
