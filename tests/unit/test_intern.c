/* test_intern.c — string numbering (common/intern.c): first-seen order,
 * repeats, growth past many resizes, unknown strings, strcmp order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/intern.h"

static void test_first_seen_order(void **state)
{
    (void)state;
    vn_intern t = VN_INTERN_INIT;
    const char *words[] = {"59/2023/NĐ-CP", "120-KL/TW@2016-01-07", "", "59/2023/NĐ-CP",
                           "~luat-dat-dai", "", "120-KL/TW@2016-01-07"};
    const size_t want[] = {0, 1, 2, 0, 3, 2, 1};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t id = SIZE_MAX;
        assert_int_equal(vn_intern_add(&t, words[i], &id), VN_OK);
        assert_int_equal(id, want[i]);
    }
    assert_int_equal(t.count, 4);
    assert_string_equal(t.keys[3], "~luat-dat-dai");
    assert_int_equal(vn_intern_find(&t, "120-KL/TW@2016-01-07"), 1);
    assert_int_equal(vn_intern_find(&t, "120-KL/TW"), SIZE_MAX);
    size_t order[4];
    vn_intern_order(&t, order);   /* "", "120-…", "59/…", "~…" */
    assert_int_equal(order[0], 2);
    assert_int_equal(order[1], 1);
    assert_int_equal(order[2], 0);
    assert_int_equal(order[3], 3);
    vn_intern_free(&t);
    assert_int_equal(t.count, 0);
}

static void test_empty_table(void **state)
{
    (void)state;
    vn_intern t = VN_INTERN_INIT;
    assert_int_equal(vn_intern_find(&t, "x"), SIZE_MAX);
    vn_intern_free(&t);
}

/* Equal strings at different addresses are one key; 100k keys force many
 * resizes and keep every number. */
static void test_many_keys(void **state)
{
    (void)state;
    enum { N = 100000 };
    char (*a)[16] = malloc(N * sizeof *a);
    char (*b)[16] = malloc(N * sizeof *b);
    assert_non_null(a);
    assert_non_null(b);
    vn_intern t = VN_INTERN_INIT;
    for (size_t i = 0; i < N; i++) {
        snprintf(a[i], sizeof a[i], "%zu/QĐ-UBND", i);
        size_t id;
        assert_int_equal(vn_intern_add(&t, a[i], &id), VN_OK);
        assert_int_equal(id, i);
    }
    for (size_t i = 0; i < N; i++) {
        snprintf(b[i], sizeof b[i], "%zu/QĐ-UBND", N - 1 - i);
        size_t id;
        assert_int_equal(vn_intern_add(&t, b[i], &id), VN_OK);
        assert_int_equal(id, N - 1 - i);
    }
    assert_int_equal(t.count, N);
    assert_true(t.slot_count >= 2 * N);
    vn_intern_free(&t);
    free(a);
    free(b);
}

/* vn_intern_keep: the first call copies the string into the arena and adds
 * the copy; a later one with equal text returns that copy. */
static void test_keep_once(void **state)
{
    (void)state;
    vn_intern t = VN_INTERN_INIT;
    vn_arena strings = VN_ARENA_INIT;
    char word[] = "Nghị quyết";
    const char *kept = vn_intern_keep(&t, &strings, word);
    assert_non_null(kept);
    assert_ptr_not_equal(kept, word);
    assert_string_equal(kept, "Nghị quyết");
    word[0] = 'X';   /* the caller's buffer may change: the copy does not */
    assert_ptr_equal(vn_intern_keep(&t, &strings, "Nghị quyết"), kept);
    assert_string_equal(kept, "Nghị quyết");
    assert_int_equal(t.count, 1);
    assert_ptr_not_equal(vn_intern_keep(&t, &strings, word), kept);
    assert_int_equal(t.count, 2);
    vn_intern_free(&t);
    vn_arena_free(&strings);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keep_once),
        cmocka_unit_test(test_first_seen_order),
        cmocka_unit_test(test_empty_table),
        cmocka_unit_test(test_many_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
