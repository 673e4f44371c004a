/* test_instrument_cache.c — DB/instruments.cache (query/instrument_cache.c
 * over query/cache_file.c): an instrument table written and read back is
 * the same table; a stale, damaged or foreign image is refused with a
 * reason, never half read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "query/instrument_cache.h"
#include "same_instruments.h"
#include "tools/fuzz/resealed.h"

static const char INSTRUMENTS[] =
    "symbol,issued,type,issuer,title,in_force,source,confidence,note\n"
    "10/2022/QH15,10/11/2022,Luật,Quốc hội,Thực hiện dân chủ ở cơ sở,01/07/2023,s,high,\n"
    "34/2007/PL-UBTVQH11,20/04/2007,Pháp lệnh,UBTVQH,dân chủ,01/07/2007,s,high,\n";
static const char EVENTS[] = "instrument,date,event,other,provision,source,confidence,note\n";

static vn_registry *registry(void)
{
    vn_registry *r = NULL;
    vn_error err;
    assert_int_equal(vn_registry_load_from_strings(INSTRUMENTS, sizeof INSTRUMENTS - 1, EVENTS,
                                                   sizeof EVENTS - 1, NULL, 0, &r, NULL, NULL,
                                                   &err),
                     VN_OK);
    return r;
}

#define NONE_DATE {{0, 0, 0}, {0, 0, 0}, VN_DATE_NONE}

/* Three instruments, sorted by id: resolved in the registry, unresolved,
 * ambiguous with candidates. */
static void table(vn_corpus *c, vn_corpus_instrument in[3], const vn_registry *reg)
{
    memset(c, 0, sizeof *c);
    in[0] = (vn_corpus_instrument){"10/2022/QH15", "10/2022/QH15", "10/2022/QH15", "Luật",
                                   "Quốc hội", NULL, NONE_DATE, 0, VN_INST_RESOLVED, 4, 9};
    vn_date_range_set(2022, 11, 10, &in[0].issued);
    in[1] = (vn_corpus_instrument){"09-NQ/TU", "09-NQ/TU", "09-NQ/TU", "Nghị quyết", "",
                                   NULL, NONE_DATE, -1, VN_INST_UNRESOLVED, 1, 1};
    in[2] = (vn_corpus_instrument){"~quyet-dinh-217", "", "Quyết định 217", "Quyết định",
                                   "Ban Chấp hành Trung ương",
                                   "217-QĐ/TW@2013-12-12, 217-QĐ/TW@2019-12-12", NONE_DATE, -1,
                                   VN_INST_AMBIGUOUS, 2, 3};
    vn_date_range_set(2013, 0, 0, &in[2].issued);
    /* sorted by id as vn_corpus keeps them */
    vn_corpus_instrument sorted[3] = {in[1], in[0], in[2]};
    memcpy(in, sorted, sizeof sorted);
    c->instruments = in;
    c->instrument_count = 3;
    c->registry = reg;
}

static void image_of(const vn_corpus *c, const char *key, vn_buf *out)
{
    vn_error err;
    *out = (vn_buf)VN_BUF_INIT;
    assert_int_equal(vn_instrument_cache_image(key, c, out, &err), VN_OK);
}

static void test_round_trip(void **state)
{
    (void)state;
    vn_registry *reg = registry();
    vn_corpus c, back;
    vn_corpus_instrument in[3];
    table(&c, in, reg);
    vn_buf image;
    image_of(&c, "key", &image);
    vn_error err;
    assert_int_equal(vn_instrument_cache_parse(image.data, image.len, "key", reg, &back, &err),
                     VN_OK);
    assert_same_instruments(&c, &back);
    assert_ptr_equal(back.registry, reg);
    assert_int_equal(back.doc_count, 0);
    assert_int_equal(vn_corpus_find_instrument(&back, "~quyet-dinh-217"), 2);
    vn_corpus_free(&back);

    /* through a file: the table owns the bytes */
    char dir[] = "/tmp/vncite-test-icache-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *path = vn_instrument_cache_path(dir);
    assert_non_null(path);
    assert_non_null(strstr(path, "/instruments.cache"));
    assert_int_equal(vn_instrument_cache_write(path, "key", &c, &err), VN_OK);
    /* written part after part, the file is the image */
    FILE *file = fopen(path, "rb");
    assert_non_null(file);
    char *bytes = malloc(image.len + 1);
    assert_int_equal(fread(bytes, 1, image.len + 1, file), image.len);
    fclose(file);
    assert_memory_equal(bytes, image.data, image.len);
    free(bytes);
    assert_int_equal(vn_instrument_cache_read(path, "key", reg, &back, &err), VN_OK);
    assert_same_instruments(&c, &back);
    vn_corpus_free(&back);
    assert_int_equal(vn_instrument_cache_read(path, "other key", reg, &back, &err),
                     VN_ERR_NOTFOUND);
    assert_string_equal(err.msg, "instrument cache is stale");
    assert_null(back.instruments);
    unlink(path);
    assert_int_equal(vn_instrument_cache_read(path, "key", reg, &back, &err), VN_ERR_NOTFOUND);
    free(path);
    rmdir(dir);
    assert_null(vn_instrument_cache_path("/nonexistent/vncite.db"));

    /* an empty table */
    vn_corpus none = {0};
    vn_buf empty;
    image_of(&none, "key", &empty);
    assert_int_equal(vn_instrument_cache_parse(empty.data, empty.len, "key", reg, &back, &err),
                     VN_OK);
    assert_int_equal(back.instrument_count, 0);
    vn_corpus_free(&back);
    vn_buf_free(&empty);
    vn_buf_free(&image);
    vn_registry_free(reg);
}

/* Parsing image must fail with VN_ERR_PARSE and `why` in the message. */
static void assert_damaged(const vn_buf *image, const vn_registry *reg, const char *why)
{
    vn_corpus back;
    vn_error err;
    assert_int_equal(vn_instrument_cache_parse(image->data, image->len, "key", reg, &back, &err),
                     VN_ERR_PARSE);
    if (!strstr(err.msg, why))
        fail_msg("\"%s\" not in \"%s\"", why, err.msg);
    assert_null(back.instruments);
    assert_int_equal(back.instrument_count, 0);
}

/* Where instrument i's field f is: after magic, key length, key, two
 * counts (instruments, string bytes). */
static size_t field_at(const char *key, size_t i, size_t f)
{
    return 8 + 4 + strlen(key) + 16 + (i * 17 + f) * 4;
}

static void put32_at(vn_buf *b, size_t at, uint32_t v)
{
    for (int k = 0; k < 4; k++)
        b->data[at + k] = (char)(v >> (8 * k));
}

static void test_damage_is_refused(void **state)
{
    (void)state;
    vn_registry *reg = registry();
    vn_corpus c;
    vn_corpus_instrument in[3];
    table(&c, in, reg);
    vn_buf image;
    image_of(&c, "key", &image);

    for (size_t cut = 0; cut < image.len; cut += 7) {
        vn_corpus back;
        vn_error err;
        assert_int_not_equal(vn_instrument_cache_parse(image.data, cut, "key", reg, &back, &err),
                             VN_OK);
        assert_true(err.msg[0] != '\0');
        assert_null(back.instruments);
    }
    vn_buf copy = VN_BUF_INIT;
    assert_int_equal(vn_buf_append(&copy, image.data, image.len), VN_OK);
    copy.data[copy.len / 2] ^= 1;
    assert_damaged(&copy, reg, "checksum mismatch");

    struct {
        size_t instrument, field;
        uint32_t value;
        const char *why;
    } edits[] = {
        {0, 0, 1, "a text out of range"},            /* inside a string */
        {1, 3, 1u << 30, "a text out of range"},
        {2, 5, 3, "a text out of range"},            /* candidates */
        {1, 13, 2, "the registry does not have"},   /* 2 instruments in it */
        {0, 14, 3, "an instrument state that is none"},
        {1, 6 + 6, 4, "a date that is not one"},     /* precision */
        {1, 6 + 1, 13, "a date that is not one"},    /* month 13 */
    };
    for (size_t e = 0; e < sizeof edits / sizeof *edits; e++) {
        copy.len = 0;
        assert_int_equal(vn_buf_append(&copy, image.data, image.len), VN_OK);
        put32_at(&copy, field_at("key", edits[e].instrument, edits[e].field), edits[e].value);
        reseal(copy.data, copy.len);
        assert_damaged(&copy, reg, edits[e].why);
    }
    /* a count that does not fit the size */
    copy.len = 0;
    assert_int_equal(vn_buf_append(&copy, image.data, image.len), VN_OK);
    put32_at(&copy, 8 + 4 + 3, 4);
    reseal(copy.data, copy.len);
    assert_damaged(&copy, reg, "sizes that do not add up");
    /* the outdated cache's magic */
    copy.len = 0;
    assert_int_equal(vn_buf_append(&copy, image.data, image.len), VN_OK);
    memcpy(copy.data, "VNOUTDC1", 8);
    reseal(copy.data, copy.len);
    assert_damaged(&copy, reg, "not a vncite instrument cache");
    /* ids out of order: a binary search for an id would miss */
    vn_corpus_instrument swapped = in[0];
    in[0] = in[1];
    in[1] = swapped;
    vn_buf unordered;
    image_of(&c, "key", &unordered);
    assert_damaged(&unordered, reg, "instruments out of order");
    /* registry indices need the registry they were written against */
    assert_damaged(&image, NULL, "the registry does not have");
    vn_buf_free(&unordered);
    vn_buf_free(&copy);
    vn_buf_free(&image);
    vn_registry_free(reg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_damage_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
