/* test_permute.c — in-place permutation (common/permute.c): every slot gets
 * its source's bytes, only `size` bytes of each slot move, and the order
 * array is left as the identity. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "common/permute.h"

typedef struct slot {
    unsigned value;
    unsigned tag;           /* past `size`: must stay where it is */
} slot;

static void test_random_permutations(void **state)
{
    (void)state;
    enum { N = 500 };
    unsigned seed = 7;
    for (size_t n = 0; n <= N; n += n < 10 ? 1 : 97) {
        static slot s[N];
        static size_t from[N];
        for (size_t i = 0; i < n; i++) {
            s[i] = (slot){(unsigned)i * 3 + 1, (unsigned)i};
            from[i] = i;
        }
        for (size_t i = n; i > 1; i--) {   /* Fisher–Yates */
            seed = seed * 1103515245u + 12345u;
            size_t j = (seed >> 8) % i, t = from[i - 1];
            from[i - 1] = from[j];
            from[j] = t;
        }
        size_t want[N];
        memcpy(want, from, n * sizeof *want);
        unsigned held;
        vn_permute_from(s, n, sizeof *s, sizeof s->value, from, &held);
        for (size_t i = 0; i < n; i++) {
            assert_int_equal(s[i].value, want[i] * 3 + 1);
            assert_int_equal(s[i].tag, i);
            assert_int_equal(from[i], i);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_permutations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
