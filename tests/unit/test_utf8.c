/* test_utf8.c — the strict UTF-8 check (common/utf8.h, vn_utf8_valid): what
 * JSON accepts and nothing else. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "common/utf8.h"

static bool valid(const char *s)
{
    return vn_utf8_valid(s, strlen(s));
}

static void test_well_formed(void **state)
{
    (void)state;
    assert_true(valid(""));
    assert_true(valid("Nghị định số 59/2023/NĐ-CP"));
    assert_true(valid("\xc2\x80"));              /* U+0080 */
    assert_true(valid("\xe0\xa0\x80"));          /* U+0800 */
    assert_true(valid("\xed\x9f\xbf"));          /* U+D7FF, below the surrogates */
    assert_true(valid("\xef\xbf\xbd"));          /* U+FFFD */
    assert_true(valid("\xf0\x90\x80\x80"));      /* U+10000 */
    assert_true(valid("\xf4\x8f\xbf\xbf"));      /* U+10FFFF */
}

static void test_ill_formed(void **state)
{
    (void)state;
    assert_false(valid("\x80"));                 /* lone continuation */
    assert_false(valid("\xc0\xaf"));             /* overlong '/' */
    assert_false(valid("\xc1\xbf"));
    assert_false(valid("\xe0\x80\xaf"));         /* overlong, 3 bytes */
    assert_false(valid("\xed\xa0\x80"));         /* U+D800, a surrogate */
    assert_false(valid("\xf0\x80\x80\xaf"));     /* overlong, 4 bytes */
    assert_false(valid("\xf4\x90\x80\x80"));     /* above U+10FFFF */
    assert_false(valid("\xf5\x80\x80\x80"));
    assert_false(valid("\xff"));
    assert_false(valid("\xe1\xba"));             /* cut short */
    assert_false(valid("\xe1\x41\xbb"));         /* bad continuation */
    assert_false(vn_utf8_valid("\xe1\xba\xbb", 2));   /* cut by the length */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_well_formed),
        cmocka_unit_test(test_ill_formed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
