/* test_stored.c — a document's stored record (common/stored.c): round trip,
 * the document part read without inflating, and every broken form refused.
 * The citation part's own form: test_stored_cites.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "common/stored.h"

static const char DOC[] = "{\"record\":\"document\",\"file\":\"a.txt\"}";
static const char CITES[] = "[{\"record\":\"citation\",\"text\":\"Nghị định số 59/2023/NĐ-CP\"}]";

static vn_buf packed(const char *doc, const char *cites, size_t cites_len)
{
    vn_buf b = VN_BUF_INIT;
    vn_error err;
    assert_int_equal(vn_stored_pack(doc, strlen(doc), cites, cites_len, &b, &err), VN_OK);
    return b;
}

static void test_round_trip(void **state)
{
    (void)state;
    vn_buf b = packed(DOC, CITES, strlen(CITES));
    const char *d;
    size_t dlen;
    assert_true(vn_stored_document(b.data, b.len, &d, &dlen));
    assert_int_equal(dlen, strlen(DOC));
    assert_memory_equal(d, DOC, dlen);

    vn_buf out = VN_BUF_INIT;
    vn_error err;
    assert_int_equal(vn_stored_citations(b.data, b.len, &out, &err), VN_OK);
    assert_string_equal(out.data, CITES);
    /* a reused buffer is replaced, not appended to */
    assert_int_equal(vn_stored_citations(b.data, b.len, &out, &err), VN_OK);
    assert_string_equal(out.data, CITES);
    vn_buf_free(&out);
    vn_buf_free(&b);
}

static void test_empty_and_large(void **state)
{
    (void)state;
    vn_buf b = packed(DOC, "[]", 2);
    vn_buf out = VN_BUF_INIT;
    vn_error err;
    assert_int_equal(vn_stored_citations(b.data, b.len, &out, &err), VN_OK);
    assert_string_equal(out.data, "[]");
    vn_buf_free(&b);

    /* 4 MB of one repeated record compresses about 1000-fold: the output
     * buffer must grow far past its first guess */
    size_t n = 4u << 20;
    char *big = malloc(n);
    assert_non_null(big);
    for (size_t i = 0; i < n; i++)
        big[i] = CITES[i % (sizeof CITES - 1)];
    b = packed(DOC, big, n);
    assert_true(b.len < n / 100);
    assert_int_equal(vn_stored_citations(b.data, b.len, &out, &err), VN_OK);
    assert_int_equal(out.len, n);
    assert_memory_equal(out.data, big, n);
    free(big);
    vn_buf_free(&out);
    vn_buf_free(&b);
}

static void expect_corrupt(const char *data, size_t len, const char *why)
{
    vn_buf out = VN_BUF_INIT;
    vn_error err;
    assert_int_equal(vn_stored_citations(data, len, &out, &err), VN_ERR_INDEX);
    if (!strstr(err.msg, why))
        fail_msg("message '%s' does not say '%s'", err.msg, why);
    vn_buf_free(&out);
}

static void test_broken_records(void **state)
{
    (void)state;
    const char *d;
    size_t dlen;
    /* the JSON record of schema 1: no NUL, no document part of this form */
    static const char old[] = "{\"document\":{},\"citations\":[]}";
    assert_false(vn_stored_document(old, strlen(old), &d, &dlen));
    assert_false(vn_stored_document(NULL, 0, &d, &dlen));
    expect_corrupt(old, strlen(old), "no citation records");

    vn_buf b = packed(DOC, CITES, strlen(CITES));
    expect_corrupt(b.data, strlen(DOC) + 1, "truncated");          /* nothing after the NUL */
    expect_corrupt(b.data, b.len - 3, "truncated");                 /* cut short */
    char *longer = malloc(b.len + 2);
    memcpy(longer, b.data, b.len);
    memcpy(longer + b.len, "xy", 2);
    expect_corrupt(longer, b.len + 2, "trailing bytes");
    free(longer);
    b.data[strlen(DOC) + 1] ^= 0x55;                                /* bad zlib header */
    expect_corrupt(b.data, b.len, "corrupt");
    vn_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_empty_and_large),
        cmocka_unit_test(test_broken_records),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
