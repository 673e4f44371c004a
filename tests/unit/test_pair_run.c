/* test_pair_run.c — two halves of a job at once (common/pair_run.c): both
 * halves run, each once, and a NULL half is nothing to run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>

#include "common/pair_run.h"

typedef struct half {
    int runs;
    pthread_t on;
} half;

static void *count_run(void *arg)
{
    half *h = arg;
    h->runs++;
    h->on = pthread_self();
    return NULL;
}

static void test_both_halves_once(void **state)
{
    (void)state;
    half here = {0}, there = {0};
    vn_run_pair(count_run, &here, &there);
    assert_int_equal(here.runs, 1);
    assert_int_equal(there.runs, 1);
    assert_true(pthread_equal(here.on, pthread_self()));   /* "here" is the caller's */
}

static void test_nothing_to_split(void **state)
{
    (void)state;
    half here = {0};
    vn_run_pair(count_run, &here, NULL);
    assert_int_equal(here.runs, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_both_halves_once),
        cmocka_unit_test(test_nothing_to_split),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
