/* test_stored_cites.c — the citation part of a stored record
 * (indexer/stored_cites.c): every field back as written, the JSON records
 * built again equal to those `extract --json` prints for the five sample
 * plans, and every broken form refused with a reason. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/stored.h"
#include "indexer/docjson.h"
#include "indexer/stored_cites.h"

static vn_citation numbered(void)
{
    vn_citation c;
    memset(&c, 0, sizeof c);
    c.name = "";
    c.kind = VN_CITE_NUMBERED;
    strcpy(c.type_word, "Quy định");
    strcpy(c.number, "11");
    c.symbol = "11-QĐi/TW";
    c.issuer = "Bộ Chính trị";
    strcpy(c.term, "XIII");
    strcpy(c.pinpoint.article, "63");
    strcpy(c.pinpoint.clause, "4");
    strcpy(c.pinpoint.point, "a");
    vn_date_range_set(2019, 2, 5, &c.date);
    c.date_shared = true;
    c.ambiguous = true;
    c.corrected = "written 11-QĐ/TW; united with 11-QĐi/TW";
    c.instrument = NULL;
    c.candidates = "11-QĐi/TW@2019-02-05, 11-QĐi/TW@2020-01-01";
    return c;
}

static vn_citation by_name(void)
{
    vn_citation c;
    memset(&c, 0, sizeof c);
    c.kind = VN_CITE_NAME;
    c.symbol = "";
    c.name = "Luật Thực hiện dân chủ ở cơ sở";
    c.issuer = "";
    vn_date_range_set(2022, 11, 0, &c.date);   /* a month */
    c.instrument = "10/2022/QH15";
    return c;
}

static vn_buf encode(const vn_citation *cites, size_t n)
{
    vn_buf b = VN_BUF_INIT;
    assert_int_equal(vn_stored_cites_begin(&b, n), VN_OK);
    for (size_t k = 0; k < n; k++)
        assert_int_equal(vn_stored_cites_add(&b, &cites[k], (long)(k + 1) * 1000, 7,
                                             (long)k * 100000, (long)k * 100000 + 40,
                                             k ? "Luật Thực hiện dân chủ ở cơ sở"
                                               : "Quy định số 11-QĐ/TW"),
                         VN_OK);
    return b;
}

static bool view_is(vn_strview v, const char *s)
{
    return v.n == (s ? strlen(s) : 0) && (v.n == 0 || memcmp(v.s, s, v.n) == 0);
}

static void test_every_field_back(void **state)
{
    (void)state;
    vn_citation in[] = {numbered(), by_name(), {.kind = VN_CITE_LIST, .symbol = "", .name = "", .issuer = ""}};
    strcpy(in[2].number, "217");
    vn_buf b = encode(in, 3);
    vn_stored_cites_reader r;
    size_t count;
    vn_error err;
    assert_int_equal(vn_stored_cites_open(b.data, b.len, &r, &count, &err), VN_OK);
    assert_int_equal(count, 3);
    for (size_t k = 0; k < count; k++) {
        vn_citation c;
        vn_cite_place p;
        assert_int_equal(vn_stored_cites_next(&r, &c, &p, &err), VN_OK);
        assert_int_equal(c.kind, in[k].kind);
        assert_string_equal(c.type_word, in[k].type_word);
        assert_string_equal(c.number, in[k].number);
        assert_string_equal(c.symbol, "");
        assert_true(view_is(p.symbol, in[k].symbol));
        assert_string_equal(c.name, "");     /* left for the caller: */
        assert_string_equal(c.issuer, "");
        assert_true(view_is(p.name, in[k].name));
        assert_true(view_is(p.issuer, in[k].issuer));
        assert_string_equal(c.term, in[k].term);
        assert_memory_equal(&c.pinpoint, &in[k].pinpoint, sizeof c.pinpoint);
        assert_memory_equal(&c.date, &in[k].date, sizeof c.date);
        assert_int_equal(c.date_shared, in[k].date_shared);
        assert_int_equal(c.ambiguous, in[k].ambiguous);
        assert_null(c.corrected);
        assert_null(c.instrument);
        assert_true(view_is(p.corrected, in[k].corrected));
        assert_true(view_is(p.instrument, in[k].instrument));
        assert_true(view_is(p.candidates, in[k].candidates));
        assert_int_equal(p.line, (long)(k + 1) * 1000);
        assert_int_equal(p.column, 7);
        assert_int_equal(p.end - p.start, 40);
        assert_true(view_is(p.text, k ? "Luật Thực hiện dân chủ ở cơ sở" : "Quy định số 11-QĐ/TW"));
    }
    vn_citation c;
    vn_cite_place p;
    assert_int_equal(vn_stored_cites_next(&r, &c, &p, &err), VN_ERR_INDEX);   /* none left */
    vn_buf_free(&b);

    b = encode(NULL, 0);
    assert_int_equal(vn_stored_cites_open(b.data, b.len, &r, &count, &err), VN_OK);
    assert_int_equal(count, 0);
    vn_buf_free(&b);
}

/* The records built again from the index equal the ones built from the
 * analysis, for every citation of the sample plans. */
static void test_records_as_extract_prints_them(void **state)
{
    (void)state;
    DIR *dir = opendir(VNCITE_CORPUS);
    assert_non_null(dir);
    struct dirent *e;
    size_t files = 0, records = 0;
    while ((e = readdir(dir))) {
        if (!strstr(e->d_name, ".txt"))
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", VNCITE_CORPUS, e->d_name);
        vn_analysis a;
        vn_error err;
        assert_int_equal(vn_analyze_file(path, NULL, &a, &err), VN_OK);
        vn_buf cites = VN_BUF_INIT, stored = VN_BUF_INIT, scratch = VN_BUF_INIT;
        assert_int_equal(vn_stored_cites_from_analysis(&a, &cites), VN_OK);
        json_t *doc = vn_document_json(&a);
        char *doc_text = json_dumps(doc, JSON_COMPACT);
        assert_int_equal(vn_stored_pack(doc_text, strlen(doc_text), cites.data, cites.len,
                                        &stored, &err),
                         VN_OK);
        json_t *d, *back;
        assert_int_equal(vn_stored_parse(stored.data, stored.len, &scratch, &d, &back, &err),
                         VN_OK);
        assert_true(json_equal(d, doc));
        assert_int_equal(json_array_size(back), a.extract.citations.count);
        for (size_t k = 0; k < a.extract.citations.count; k++) {
            json_t *want = vn_citation_json(&a, &a.extract.citations.items[k]);
            if (!json_equal(want, json_array_get(back, k))) {
                char *w = json_dumps(want, 0), *g = json_dumps(json_array_get(back, k), 0);
                fail_msg("%s, citation %zu:\nwant %s\ngot  %s", e->d_name, k, w, g);
            }
            json_decref(want);
            records++;
        }
        json_decref(d);
        json_decref(back);
        json_decref(doc);
        free(doc_text);
        vn_buf_free(&cites);
        vn_buf_free(&stored);
        vn_buf_free(&scratch);
        vn_analysis_free(&a);
        files++;
    }
    closedir(dir);
    assert_int_equal(files, 5);
    assert_true(records > 100);
}

static void expect_refused(const char *bytes, size_t len, const char *why)
{
    vn_stored_cites_reader r;
    size_t count;
    vn_error err;
    vn_status st = vn_stored_cites_open(bytes, len, &r, &count, &err);
    for (size_t k = 0; st == VN_OK && k < count; k++) {
        vn_citation c;
        vn_cite_place p;
        st = vn_stored_cites_next(&r, &c, &p, &err);
    }
    assert_int_equal(st, VN_ERR_INDEX);
    if (why && !strstr(err.msg, why))
        fail_msg("message '%s' does not say '%s'", err.msg, why);
}

static void test_broken_parts(void **state)
{
    (void)state;
    vn_citation in[] = {numbered(), by_name()};
    vn_buf b = encode(in, 2);
    for (size_t n = 0; n < b.len; n++)   /* every cut is refused */
        expect_refused(b.data, n, NULL);
    char *longer = malloc(b.len + 1);
    memcpy(longer, b.data, b.len);
    longer[b.len] = 0;
    expect_refused(longer, b.len + 1, "bytes after the last citation");
    free(longer);
    expect_refused("\x01", 1, "cut-short");                   /* 1 citation, no bytes */
    expect_refused("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 11, "count");
    expect_refused("\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02", 10, "count");   /* 65 bits */
    expect_refused("\x00\x00", 2, "bytes after the last citation");

    /* one citation: positions 1 1 1 1, then kind, flags, precision, 13 strings */
    char one[64] = "\x01\x01\x01\x01\x01";
    size_t at = 5;
    char *kind = &one[at++], *flags = &one[at++], *precision = &one[at++];
    memset(one + at, 0, 13);
    size_t len = at + 13;
    vn_stored_cites_reader r;
    size_t count;
    vn_error err;
    vn_citation c;
    vn_cite_place p;
    assert_int_equal(vn_stored_cites_open(one, len, &r, &count, &err), VN_OK);
    assert_int_equal(vn_stored_cites_next(&r, &c, &p, &err), VN_OK);
    *kind = 4;
    expect_refused(one, len, "unknown kind");
    *kind = 0;
    *flags = 4;
    expect_refused(one, len, "flag");
    *flags = 0;
    *precision = 4;
    expect_refused(one, len, "precision");
    *precision = 0;

    /* a type word longer than vn_citation holds; a NUL inside a field */
    char big[128];
    memcpy(big, one, at);
    big[at] = 0;                          /* text "" */
    big[at + 1] = 60;                     /* type: 60 bytes */
    memset(big + at + 2, 'a', 60);
    memset(big + at + 62, 0, 11);
    expect_refused(big, at + 73, "overlong");
    big[at + 1] = 2;
    big[at + 2] = 'a';
    big[at + 3] = '\0';
    memset(big + at + 4, 0, 11);
    expect_refused(big, at + 15, "NUL");
    /* a text that is not UTF-8 (an overlong '/', then a lone continuation byte) */
    big[at] = 2;
    big[at + 1] = '\xc0';
    big[at + 2] = '\xaf';
    memset(big + at + 3, 0, 12);
    expect_refused(big, at + 15, "not UTF-8");
    big[at + 1] = '\x80';
    expect_refused(big, at + 15, "not UTF-8");
    vn_buf_free(&b);
}

/* What the reader takes as the writer gives it: a name of any length; a
 * date that is no real range reads as none; a symbol too long to read is
 * refused when written. */
static void test_limits_agree(void **state)
{
    (void)state;
    char name[400];
    memset(name, 'a', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    vn_citation c = by_name();
    c.name = name;
    c.date = (vn_date_range){{2024, 2, 30}, {2024, 2, 30}, VN_DATE_DAY};   /* no 30 February */
    vn_buf b = VN_BUF_INIT;
    assert_int_equal(vn_stored_cites_begin(&b, 1), VN_OK);
    assert_int_equal(vn_stored_cites_add(&b, &c, 1, 1, 0, 10, "x"), VN_OK);
    vn_stored_cites_reader r;
    size_t count;
    vn_error err;
    vn_citation back;
    vn_cite_place p;
    assert_int_equal(vn_stored_cites_open(b.data, b.len, &r, &count, &err), VN_OK);
    assert_int_equal(vn_stored_cites_next(&r, &back, &p, &err), VN_OK);
    assert_true(view_is(p.name, name));
    assert_int_equal(back.date.precision, VN_DATE_NONE);
    vn_buf_free(&b);

    char symbol[VN_SYMBOL_MAX + 1];
    memset(symbol, '1', sizeof symbol - 1);
    symbol[sizeof symbol - 1] = '\0';
    c.symbol = symbol;
    assert_int_equal(vn_stored_cites_begin(&b, 1), VN_OK);
    assert_int_equal(vn_stored_cites_add(&b, &c, 1, 1, 0, 10, "x"), VN_ERR_USAGE);
    vn_buf_free(&b);
}

static void expect_parse_refused(const char *doc, const char *cites, size_t cites_len,
                                 const char *why)
{
    vn_buf b = VN_BUF_INIT, scratch = VN_BUF_INIT;
    vn_error err;
    assert_int_equal(vn_stored_pack(doc, strlen(doc), cites, cites_len, &b, &err), VN_OK);
    json_t *d, *c;
    assert_int_equal(vn_stored_parse(b.data, b.len, &scratch, &d, &c, &err), VN_ERR_INDEX);
    assert_null(d);
    assert_null(c);
    if (!strstr(err.msg, why))
        fail_msg("message '%s' does not say '%s'", err.msg, why);
    vn_buf_free(&b);
    vn_buf_free(&scratch);
}

static void test_parse_refuses(void **state)
{
    (void)state;
    static const char doc[] = "{\"record\":\"document\",\"file\":\"a.txt\"}";
    expect_parse_refused("[1]", "\x00", 1, "not an object");
    expect_parse_refused("{\"title\":\"x\"}", "\x00", 1, "with a file");
    expect_parse_refused("{\"file\":", "\x00", 1, "document record:");
    expect_parse_refused(doc, "[]", 2, "citation records:");   /* the JSON of schema 2 */
    /* a text that is not UTF-8 is refused, not turned into a broken record */
    char one[32] = "\x01\x01\x01\x01\x01\x00\x00\x00\x02\xff\xfe";
    memset(one + 11, 0, 12);
    expect_parse_refused(doc, one, 23, "not UTF-8");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_field_back),
        cmocka_unit_test(test_records_as_extract_prints_them),
        cmocka_unit_test(test_broken_parts),
        cmocka_unit_test(test_limits_agree),
        cmocka_unit_test(test_parse_refuses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
