/* test_arena.c — blocks of bytes freed together (common/arena.c): every
 * string stays where it was and whole, small and big ones mixed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/arena.h"

static void test_strings_stay(void **state)
{
    (void)state;
    enum { N = 20000 };
    vn_arena a = VN_ARENA_INIT;
    const char **kept = malloc(N * sizeof *kept);
    char *big = malloc(100001);
    assert_non_null(kept);
    assert_non_null(big);
    memset(big, 'x', 100000);
    big[100000] = '\0';
    for (size_t i = 0; i < N; i++) {
        char s[32];
        snprintf(s, sizeof s, "Quyết định %zu", i);
        kept[i] = vn_arena_strdup(&a, i % 5000 == 7 ? big : s);   /* a few bigger than a block */
        assert_non_null(kept[i]);
    }
    for (size_t i = 0; i < N; i++) {
        char s[32];
        snprintf(s, sizeof s, "Quyết định %zu", i);
        assert_string_equal(kept[i], i % 5000 == 7 ? big : s);
    }
    assert_string_equal(vn_arena_strdup(&a, ""), "");
    char *raw = vn_arena_alloc(&a, 3);
    assert_non_null(raw);
    memcpy(raw, "ab", 3);
    assert_string_equal(raw, "ab");
    vn_arena_free(&a);
    assert_null(a.head);
    vn_arena_free(&a);   /* twice, or never used: nothing to do */
    free(kept);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strings_stay),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
