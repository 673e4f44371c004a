/* test_docjson.c — paths in records (indexer/docjson.c): a name that is not
 * UTF-8 is shown with \xNN escapes, and the query commands get its bytes
 * back to open the file or find it in the index. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "indexer/docjson.h"

static void expect_shown(const char *path, const char *want)
{
    json_t *j = vn_path_json(path);
    assert_non_null(j);
    assert_string_equal(json_string_value(j), want);
    json_decref(j);
}

static void test_shown_and_back(void **state)
{
    (void)state;
    expect_shown("corpus/kế-hoạch.txt", "corpus/kế-hoạch.txt");
    assert_null(vn_path_unescape("corpus/kế-hoạch.txt"));

    expect_shown("old/k\xe9-ho\xb9" "ch.txt", "old/k\\xE9-ho\\xB9ch.txt");
    char *raw = vn_path_unescape("old/k\\xE9-ho\\xB9ch.txt");
    assert_non_null(raw);
    assert_string_equal(raw, "old/k\xe9-ho\xb9" "ch.txt");
    free(raw);

    /* escapes vn_path_json would not have written are left alone */
    assert_null(vn_path_unescape("a\\x41.txt"));          /* an ASCII byte */
    assert_null(vn_path_unescape("a\\xC3\\xA9.txt"));     /* UTF-8 once undone: é */
    assert_null(vn_path_unescape("a\\xe9.txt"));          /* lower-case hex */
    assert_null(vn_path_unescape("a\\xE.txt"));           /* cut short */
    assert_null(vn_path_unescape("trailing\\x"));
}

/* On disk, the name as shown wins when both exist. */
static void test_on_disk(void **state)
{
    (void)state;
    char dir[] = "/tmp/vncite-docjson-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char raw[128], literal[128], shown[128];
    snprintf(raw, sizeof raw, "%s/k\xe9.txt", dir);
    snprintf(shown, sizeof shown, "%s/k\\xE9.txt", dir);
    snprintf(literal, sizeof literal, "%s/k\\xE9.txt", dir);
    FILE *f = fopen(raw, "w");
    assert_non_null(f);
    fclose(f);
    char *owned;
    const char *p = vn_path_on_disk(shown, &owned);
    assert_string_equal(p, raw);
    assert_non_null(owned);
    free(owned);

    f = fopen(literal, "w");   /* a name that really has a backslash in it */
    assert_non_null(f);
    fclose(f);
    p = vn_path_on_disk(shown, &owned);
    assert_string_equal(p, shown);
    assert_null(owned);

    unlink(raw);
    unlink(literal);
    p = vn_path_on_disk(shown, &owned);   /* neither: as shown, for the error */
    assert_string_equal(p, shown);
    assert_null(owned);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shown_and_back),
        cmocka_unit_test(test_on_disk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
