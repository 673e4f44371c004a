/* test_citation.c — the citation list (indexer/citation.c): a pushed
 * citation's name and issuer are the list's own copies, NULL becomes "",
 * and strings longer than a chunk are kept whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indexer/citation.h"

static void test_push_copies_name_and_issuer(void **state)
{
    (void)state;
    vn_citation_list l = {0};
    char name[64], issuer[64];
    vn_citation c;
    memset(&c, 0, sizeof c);
    c.kind = VN_CITE_NAME;
    strcpy(name, "Luật Thực hiện dân chủ ở cơ sở");
    strcpy(issuer, "Quốc hội");
    c.name = name;
    c.issuer = issuer;
    assert_int_equal(vn_citation_list_push(&l, &c), VN_OK);
    strcpy(name, "changed");      /* the caller's buffers are its own again */
    strcpy(issuer, "changed");
    assert_string_equal(l.items[0].name, "Luật Thực hiện dân chủ ở cơ sở");
    assert_string_equal(l.items[0].issuer, "Quốc hội");
    assert_ptr_not_equal(l.items[0].name, name);

    memset(&c, 0, sizeof c);      /* NULL name and issuer */
    assert_int_equal(vn_citation_list_push(&l, &c), VN_OK);
    assert_non_null(l.items[1].name);
    assert_non_null(l.items[1].issuer);
    assert_string_equal(l.items[1].name, "");
    assert_string_equal(l.items[1].issuer, "");
    vn_citation_list_free(&l);
    assert_null(l.items);
    assert_int_equal(l.count, 0);
}

/* Thousands of pushes fill many chunks and grow the array; a string longer
 * than a chunk gets one of its own.  Every string stays where it was. */
static void test_many_and_long(void **state)
{
    (void)state;
    vn_citation_list l = {0};
    size_t big_len = 20000;
    char *big = malloc(big_len + 1);
    assert_non_null(big);
    memset(big, 'x', big_len);
    big[big_len] = '\0';
    enum { N = 5000 };
    for (size_t i = 0; i < N; i++) {
        char name[32];
        snprintf(name, sizeof name, "Luật số %zu", i);
        vn_citation c;
        memset(&c, 0, sizeof c);
        c.name = name;
        c.issuer = i == N / 2 ? big : "Chính phủ";
        assert_int_equal(vn_citation_list_push(&l, &c), VN_OK);
    }
    assert_int_equal(l.count, N);
    for (size_t i = 0; i < N; i++) {
        char name[32];
        snprintf(name, sizeof name, "Luật số %zu", i);
        assert_string_equal(l.items[i].name, name);
        assert_string_equal(l.items[i].issuer, i == N / 2 ? big : "Chính phủ");
    }
    vn_citation_list_free(&l);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_push_copies_name_and_issuer),
        cmocka_unit_test(test_many_and_long),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
