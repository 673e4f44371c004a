/*
 * test_xapian.c — the Xapian wrapper, the term rule and the index schema,
 * on real databases in a temporary directory.
 *
 * Five small documents make the accent cases of SPEC §5: bàn / bán / bạn /
 * bản, đi / di, "dân chủ ở cơ sở" against "cơ sở dân chủ", and a new-style
 * tone placement (Thuỷ) against an old-style query (thủy).
 */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700   /* nftw() */
#endif
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/index_schema.h"
#include "common/terms.h"
#include "common/tokenize.h"
#include "common/xapian.h"

/* ---- helpers --------------------------------------------------------------- */

static char g_tmp[64];

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

static const char *tmp_path(const char *name)
{
    static char bufs[8][256];
    static int next;
    char *b = bufs[next++ % 8];
    snprintf(b, 256, "%s/%s", g_tmp, name);
    return b;
}

/* The error of the last call made through OK(). */
static vn_error g_err;

static void check_ok(vn_status st, const char *call)
{
    if (st != VN_OK)
        fail_msg("%s -> %s: %s", call, vn_status_name(st), g_err.msg);
}

#define OK(call) check_ok((call), #call)

typedef struct doc_spec {
    const char *path;
    const char *text;
    const char *type, *issuer, *province;
    const char *date;      /* ISO, may be partial, or NULL */
    const char *cite;      /* identity, or NULL */
} doc_spec;

static const doc_spec g_docs[] = {
    {"ban1.txt", "Họp bàn về kế hoạch thực hiện dân chủ ở cơ sở.", "Kế hoạch",
     "UBND tỉnh Sóc Trăng", "Sóc Trăng", "2024-03-14", "59/2023/NĐ-CP"},
    {"ban2.txt", "Bán đấu giá tài sản công.", "Quyết định", "Sở Tài chính", "Tây Ninh",
     "2023-08-01", "120-KL/TW@2024-12-01"},
    {"ban3.txt", "Bạn đọc gửi ý kiến về cơ sở dân chủ.", "Báo cáo", "Sở Tư pháp",
     "Sóc Trăng", "2024-01", NULL},
    {"ban4.txt", "BẢN kế hoạch đi kèm; công trình Thuỷ lợi.", "Kế hoạch",
     "Đảng ủy xã Thủy Hùng", "Quảng Ngãi", "2022-12-31", NULL},
    {"di.txt", "Di chuyển trụ sở về TP.HCM, kinh phí 1.000 đồng.", NULL, NULL, NULL, NULL,
     NULL},
};
#define NDOCS (sizeof g_docs / sizeof g_docs[0])

static vn_tokenizer *g_tok;
static vn_termgen *g_tg;

static vn_xdoc *make_doc(const doc_spec *d)
{
    vn_xdoc *doc;
    OK(vn_xdoc_new(&doc, &g_err));
    OK(vn_termgen_index(g_tg, doc, "", d->text, strlen(d->text), &g_err));
    OK(vn_schema_add_path(doc, d->path, &g_err));
    if (d->type)
        OK(vn_schema_add_filter(doc, VN_FIELD_TYPE, d->type, &g_err));
    if (d->issuer)
        OK(vn_schema_add_filter(doc, VN_FIELD_ISSUER, d->issuer, &g_err));
    if (d->province)
        OK(vn_schema_add_filter(doc, VN_FIELD_PROVINCE, d->province, &g_err));
    if (d->cite)
        OK(vn_schema_add_filter(doc, VN_FIELD_CITES, d->cite, &g_err));
    if (d->date) {
        vn_date_range r;
        assert_true(vn_date_parse_iso(d->date, &r));
        OK(vn_schema_set_date(doc, &r, &g_err));
    }
    OK(vn_xdoc_set_data(doc, d->path, strlen(d->path), &g_err));
    return doc;
}

static void add_doc(vn_xdb *db, const doc_spec *d)
{
    vn_xdoc *doc = make_doc(d);
    vn_buf q = VN_BUF_INIT;
    OK(vn_schema_unique_term(d->path, &q, &g_err));
    OK(vn_xdb_replace(db, q.data, doc, NULL, &g_err));
    vn_buf_free(&q);
    vn_xdoc_destroy(doc);
}

static void build_db(const char *path, size_t from, size_t to)
{
    vn_xdb *db;
    OK(vn_schema_open_writable(path, &db, &g_err));
    for (size_t i = from; i < to; i++)
        add_doc(db, &g_docs[i]);
    OK(vn_xdb_close(db, &g_err));
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted, comma-joined data of every hit of `query` ("" for none). */
static const char *hits_of(vn_xdb *db, vn_xparser *p, const char *query)
{
    static char out[1024];
    vn_xquery *q;
    vn_xmset *m;
    OK(vn_xparser_parse(p, query, &q, &g_err));
    vn_xsearch_opts o = {0};
    o.limit = 100;
    OK(vn_xdb_search(db, q, &o, &m, &g_err));
    char *names[100];
    size_t n = vn_xmset_size(m);
    for (size_t i = 0; i < n; i++) {
        vn_xhit h;
        OK(vn_xmset_hit(m, i, &h, &g_err));
        names[i] = strdup(h.data);
    }
    qsort(names, n, sizeof names[0], cmp_str);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(out, ",");
        strcat(out, names[i]);
        free(names[i]);
    }
    vn_xmset_destroy(m);
    vn_xquery_destroy(q);
    return out;
}

/* Every document's "id=data", in id order: through vn_xdb_read_docs() in
 * pages of `page`, or (page 0) through pages of a VN_XSORT_DOCID search. */
static const char *all_docs(vn_xdb *db, size_t page)
{
    static char out[1024];
    out[0] = '\0';
    char one[64];
    if (page == 0) {
        vn_xquery *q;
        vn_xmset *m;
        OK(vn_xquery_all(&q, &g_err));
        vn_xsearch_opts o = {0, 100, VN_XSORT_DOCID, 0, NULL, 0, 0};
        OK(vn_xdb_search(db, q, &o, &m, &g_err));
        for (size_t i = 0; i < vn_xmset_size(m); i++) {
            vn_xhit h;
            OK(vn_xmset_hit(m, i, &h, &g_err));
            snprintf(one, sizeof one, "%s%u=%s", i ? "," : "", h.docid, h.data);
            strcat(out, one);
        }
        vn_xmset_destroy(m);
        vn_xquery_destroy(q);
        return out;
    }
    unsigned last = 0;
    for (size_t got = page; got == page;) {
        vn_xdocs *d;
        OK(vn_xdb_read_docs(db, last, page, &d, &g_err));
        got = vn_xdocs_size(d);
        assert_true(got <= page);
        for (size_t i = 0; i < got; i++) {
            vn_xhit h;
            vn_xdocs_hit(d, i, &h);
            assert_true(h.docid > last);
            assert_int_equal(strlen(h.data), h.data_len);
            snprintf(one, sizeof one, "%s%u=%s", out[0] ? "," : "", h.docid, h.data);
            strcat(out, one);
            last = h.docid;
        }
        vn_xdocs_destroy(d);
    }
    return out;
}

/* Reading every document by id gives what a search in id order gives, for
 * any page size, over shards too. */
static void expect_read_docs(vn_xdb *db, unsigned long count)
{
    char expected[1024];
    snprintf(expected, sizeof expected, "%s", all_docs(db, 0));
    size_t commas = 0;
    for (const char *c = expected; *c; c++)
        commas += *c == ',';
    assert_int_equal(commas + 1, count);
    assert_string_equal(all_docs(db, 1), expected);
    assert_string_equal(all_docs(db, 2), expected);
    assert_string_equal(all_docs(db, 100), expected);
}

/* ---- fixture: one database with the five documents ----------------------------- */

static vn_xdb *g_db;
static vn_xparser *g_qp;

static int setup(void **state)
{
    (void)state;
    snprintf(g_tmp, sizeof g_tmp, "/tmp/vncite-test-xapian-XXXXXX");
    if (!mkdtemp(g_tmp))
        return -1;
    vn_error e;
    if (vn_tokenizer_open(&g_tok, &e) != VN_OK || vn_termgen_new(g_tok, &g_tg, &e) != VN_OK)
        return -1;
    build_db(tmp_path("main"), 0, NDOCS);
    if (vn_schema_open(tmp_path("main"), &g_db, &e) != VN_OK ||
        vn_schema_parser_new(NULL, 0, &g_qp, &e) != VN_OK)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    vn_xparser_destroy(g_qp);
    vn_xdb_close(g_db, NULL);
    vn_termgen_free(g_tg);
    vn_tokenizer_close(g_tok);
    nftw(g_tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    return 0;
}

/* ---- terms ------------------------------------------------------------------- */

static void check_forms(const char *word, const char *accented, const char *plain)
{
    vn_word_forms f;
    OK(vn_termgen_word(g_tg, word, strlen(word), &f, &g_err));
    assert_string_equal(f.accented, accented);
    assert_string_equal(f.plain, plain);
    assert_int_equal(f.has_accents, strcmp(accented, plain) != 0);
}

static void test_word_forms(void **state)
{
    (void)state;
    check_forms("Bàn", "bàn", "ban");
    check_forms("ban", "ban", "ban");
    check_forms("ĐI", "đi", "di");
    check_forms("Nghị", "nghị", "nghi");
    /* tone placement: new style -> traditional, only where both exist */
    check_forms("THUỶ", "thủy", "thuy");
    check_forms("hoà", "hòa", "hoa");
    check_forms("khoẻ", "khỏe", "khoe");
    check_forms("uỷ", "ủy", "uy");
    check_forms("quý", "quý", "quy");
    check_forms("hoàn", "hoàn", "hoan");
    check_forms("ngoài", "ngoài", "ngoai");
    check_forms("1.000", "1.000", "1.000");

    char longword[400];
    memset(longword, 'a', 299);
    longword[299] = '\0';
    vn_word_forms f;
    OK(vn_termgen_word(g_tg, longword, 299, &f, &g_err));
    assert_int_equal(f.plain_len, VN_TERM_WORD_MAX);
    /* a cut never splits a character: 150 x "đ" (2 bytes) -> 120 x "đ" */
    char dd[400] = "";
    for (int i = 0; i < 150; i++)
        strcat(dd, "đ");
    OK(vn_termgen_word(g_tg, dd, strlen(dd), &f, &g_err));
    assert_int_equal(f.accented_len, 240);
    assert_int_equal(f.plain_len, 150);
}

static void check_query_word(const char *word, const char *term)
{
    vn_buf b = VN_BUF_INIT;
    OK(vn_terms_query_word(NULL, word, strlen(word), &b, &g_err));
    assert_string_equal(b.data, term);
    vn_buf_free(&b);
}

static void test_query_word(void **state)
{
    (void)state;
    check_query_word("bàn", "bàn");
    check_query_word("BAN", "ban");
    check_query_word("ba\xcc\x80n", "bàn");      /* decomposed: b a U+0300 n */
    check_query_word("\xc3\x90i", "đi");         /* U+00D0 Eth for Đ */
    check_query_word("thuỷ", "thủy");
    check_query_word("di", "di");
}

typedef struct posting {
    char term[32];
    unsigned pos;
    bool positional;
} posting;

typedef struct postings {
    posting p[64];
    size_t n;
} postings;

static vn_status collect(void *ctx, const char *term, size_t len, unsigned pos,
                         bool positional, vn_error *err)
{
    (void)err;
    postings *ps = ctx;
    if (ps->n < 64 && len < 32) {
        memcpy(ps->p[ps->n].term, term, len);
        ps->p[ps->n].term[len] = '\0';
        ps->p[ps->n].pos = pos;
        ps->p[ps->n].positional = positional;
        ps->n++;
    }
    return VN_OK;
}

static void check_run(vn_positions positions, const posting *want, size_t count)
{
    /* naïve: a foreign letter; hàngđầu: two tones in one token */
    const char *text = "Dân chủ ở cơ sở, TP.HCM 1.000 đồng naïve hàngđầu nguyễnvăn";
    postings ps = {0};
    unsigned pos = 1;
    vn_termgen_set_positions(g_tg, positions);
    OK(vn_termgen_run(g_tg, text, strlen(text), &pos, collect, &ps, &g_err));
    vn_termgen_set_positions(g_tg, VN_POSITIONS_BOTH);
    assert_int_equal(ps.n, count);
    for (size_t i = 0; i < ps.n; i++) {
        assert_string_equal(ps.p[i].term, want[i].term);
        assert_int_equal(ps.p[i].pos, want[i].pos);
        assert_int_equal(ps.p[i].positional, want[i].positional);
    }
    assert_int_equal(pos, 13);
}

static void test_run_positions(void **state)
{
    (void)state;
    static const posting both[] = {
        {"dan", 1, true}, {"dân", 1, true}, {"chu", 2, true}, {"chủ", 2, true},
        {"o", 3, true}, {"ở", 3, true}, {"co", 4, true}, {"cơ", 4, true},
        {"so", 5, true}, {"sở", 5, true}, {"tp", 6, true}, {"hcm", 7, true},
        {"1.000", 8, true}, {"dong", 9, true}, {"đồng", 9, true},
        {"naive", 10, true}, {"naïve", 10, true}, {"hangdau", 11, true},
        {"hàngđầu", 11, true}, {"nguyenvan", 12, true}, {"nguyễnvăn", 12, true},
    };
    check_run(VN_POSITIONS_BOTH, both, sizeof both / sizeof both[0]);
    /* the accented form at the position, the plain form beside it, with a
     * position only when the accented form is not one of its spellings */
    static const posting accented[] = {
        {"dân", 1, true}, {"dan", 1, false}, {"chủ", 2, true}, {"chu", 2, false},
        {"ở", 3, true}, {"o", 3, false}, {"cơ", 4, true}, {"co", 4, false},
        {"sở", 5, true}, {"so", 5, false}, {"tp", 6, true}, {"hcm", 7, true},
        {"1.000", 8, true}, {"đồng", 9, true}, {"dong", 9, false},
        {"naïve", 10, true}, {"naive", 10, true},
        {"hàngđầu", 11, true}, {"hangdau", 11, true},
        {"nguyễnvăn", 12, true}, {"nguyenvan", 12, false},
    };
    check_run(VN_POSITIONS_ACCENTED, accented, sizeof accented / sizeof accented[0]);
}

/* ---- searching: words, phrases, filters ------------------------------------------- */

static void test_accented_words(void **state)
{
    (void)state;
    assert_string_equal(hits_of(g_db, g_qp, "bàn"), "ban1.txt");
    assert_string_equal(hits_of(g_db, g_qp, "bán"), "ban2.txt");
    assert_string_equal(hits_of(g_db, g_qp, "bạn"), "ban3.txt");
    assert_string_equal(hits_of(g_db, g_qp, "BẢN"), "ban4.txt");
    assert_string_equal(hits_of(g_db, g_qp, "ban"), "ban1.txt,ban2.txt,ban3.txt,ban4.txt");
    assert_string_equal(hits_of(g_db, g_qp, "đi"), "ban4.txt");
    assert_string_equal(hits_of(g_db, g_qp, "di"), "ban4.txt,di.txt");
    assert_string_equal(hits_of(g_db, g_qp, "thủy"), "ban4.txt");   /* text: Thuỷ */
    assert_string_equal(hits_of(g_db, g_qp, "thuỷ loi"), "ban4.txt");
    assert_string_equal(hits_of(g_db, g_qp, "dan chu"), "ban1.txt,ban3.txt");
    assert_string_equal(hits_of(g_db, g_qp, "dân chu"), "ban1.txt,ban3.txt");
    assert_string_equal(hits_of(g_db, g_qp, "dẫn"), "");
    assert_string_equal(hits_of(g_db, g_qp, "kế*"), "ban1.txt,ban4.txt");
    assert_string_equal(hits_of(g_db, g_qp, "ban NOT bàn"), "ban2.txt,ban3.txt,ban4.txt");
    assert_string_equal(hits_of(g_db, g_qp, "bàn OR bán"), "ban1.txt,ban2.txt");
    assert_string_equal(hits_of(g_db, g_qp, "TP.HCM"), "di.txt");
    assert_string_equal(hits_of(g_db, g_qp, "1.000"), "di.txt");
}

static void test_phrases(void **state)
{
    (void)state;
    assert_string_equal(hits_of(g_db, g_qp, "\"dân chủ ở cơ sở\""), "ban1.txt");
    assert_string_equal(hits_of(g_db, g_qp, "\"dan chu o co so\""), "ban1.txt");
    assert_string_equal(hits_of(g_db, g_qp, "\"dân chu o cơ so\""), "ban1.txt");
    assert_string_equal(hits_of(g_db, g_qp, "\"cơ sở dân chủ\""), "ban3.txt");
    assert_string_equal(hits_of(g_db, g_qp, "\"dân chủ ở cơ sớ\""), "");
    assert_string_equal(hits_of(g_db, g_qp, "\"chủ dân\""), "");
    assert_string_equal(hits_of(g_db, g_qp, "dân-chủ"), "ban1.txt,ban3.txt");
}

/* ---- phrases through spellings (terms.h, spellings.h) ------------------------------ */

/* Words whose accented form is not a spelling of their plain form (naïve:
 * a foreign letter; hàngđầu: two tones) keep a positional plain term; the
 * others are found in phrases through the OR of their spellings. */
static void test_phrase_spellings(void **state)
{
    (void)state;
    static const struct {
        const char *path, *title, *body;
    } docs[] = {
        {"accented.txt", "Kế hoạch thực hiện", "cách làm naïve hàngđầu của café"},
        {"plain.txt", "ke hoach", "cach lam naive hangdau cua cafe"},
        {"mixed.txt", "", "cách làm naive hàngđầu"},
    };
    vn_xdb *db;
    OK(vn_schema_open_writable(tmp_path("spell"), &db, &g_err));
    OK(vn_schema_set_positions(db, VN_POSITIONS_ACCENTED, &g_err));
    vn_termgen_set_positions(g_tg, VN_POSITIONS_ACCENTED);
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        vn_xdoc *doc;
        OK(vn_xdoc_new(&doc, &g_err));
        OK(vn_termgen_index(g_tg, doc, vn_schema_fields[VN_FIELD_TITLE].prefix, docs[i].title,
                            strlen(docs[i].title), &g_err));
        vn_xdoc_set_termpos(doc, vn_xdoc_termpos(doc) + 100);
        OK(vn_termgen_index(g_tg, doc, "", docs[i].body, strlen(docs[i].body), &g_err));
        OK(vn_schema_add_path(doc, docs[i].path, &g_err));
        OK(vn_xdoc_set_data(doc, docs[i].path, strlen(docs[i].path), &g_err));
        vn_buf unique = VN_BUF_INIT;
        OK(vn_schema_unique_term(docs[i].path, &unique, &g_err));
        OK(vn_xdb_replace(db, unique.data, doc, NULL, &g_err));
        vn_buf_free(&unique);
        vn_xdoc_destroy(doc);
    }
    vn_termgen_set_positions(g_tg, VN_POSITIONS_BOTH);
    OK(vn_xdb_close(db, &g_err));
    OK(vn_schema_open(tmp_path("spell"), &db, &g_err));
    vn_xparser *qp;
    OK(vn_schema_parser_for(db, NULL, 0, &qp, &g_err));

    assert_string_equal(hits_of(db, qp, "\"cach lam naive\""), "accented.txt,mixed.txt,plain.txt");
    assert_string_equal(hits_of(db, qp, "\"lam naïve\""), "accented.txt");
    assert_string_equal(hits_of(db, qp, "\"naive hangdau\""), "accented.txt,mixed.txt,plain.txt");
    assert_string_equal(hits_of(db, qp, "\"naive hàngđầu\""), "accented.txt,mixed.txt");
    assert_string_equal(hits_of(db, qp, "\"naïve hàngđầu\""), "accented.txt");
    assert_string_equal(hits_of(db, qp, "\"hàngđầu của\""), "accented.txt");
    assert_string_equal(hits_of(db, qp, "\"hangdau cua cafe\""), "accented.txt,plain.txt");
    assert_string_equal(hits_of(db, qp, "\"hangdau cua café\""), "accented.txt");
    assert_string_equal(hits_of(db, qp, "\"cua cach\""), "");
    assert_string_equal(hits_of(db, qp, "lam NEAR/2 hangdau"), "accented.txt,mixed.txt,plain.txt");
    assert_string_equal(hits_of(db, qp, "cach NEAR/2 cafe"), "");
    assert_string_equal(hits_of(db, qp, "\"naive hangdau cua\""), "accented.txt,plain.txt");
    assert_string_equal(hits_of(db, qp, "cach -\"naive hangdau cua\""), "mixed.txt");
    assert_string_equal(hits_of(db, qp, "title:\"ke hoach thuc\""), "accented.txt");
    assert_string_equal(hits_of(db, qp, "title:\"ke hoach\" \"cach lam\""),
                        "accented.txt,plain.txt");

    /* a phrase ranks as its words do: the spellings only test positions */
    const char *pairs[][2] = {{"\"cach lam\"", "cach lam"}, {"\"cach làm\"", "cach làm"}};
    for (size_t k = 0; k < 2; k++) {
        vn_xquery *q[2];
        vn_xmset *m[2];
        vn_xsearch_opts o = {0};
        o.limit = 10;
        for (int j = 0; j < 2; j++) {
            OK(vn_xparser_parse(qp, pairs[k][j], &q[j], &g_err));
            OK(vn_xdb_search(db, q[j], &o, &m[j], &g_err));
        }
        assert_int_equal(vn_xmset_size(m[0]), vn_xmset_size(m[1]));
        for (size_t i = 0; i < vn_xmset_size(m[0]); i++) {
            vn_xhit a, b;
            OK(vn_xmset_hit(m[0], i, &a, &g_err));
            OK(vn_xmset_hit(m[1], i, &b, &g_err));
            assert_string_equal(a.data, b.data);
            assert_true(a.weight == b.weight);
        }
        for (int j = 0; j < 2; j++) {
            vn_xmset_destroy(m[j]);
            vn_xquery_destroy(q[j]);
        }
    }
    OK(vn_xdb_close(db, &g_err));

    /* the terms of the words as written, not their spellings */
    vn_xquery *tq;
    vn_xterms *it;
    OK(vn_xparser_parse(qp, "bàn \"dan chu\"", &tq, &g_err));
    OK(vn_xquery_terms(tq, &it, &g_err));
    char all[256] = "";
    for (; vn_xterms_valid(it); vn_xterms_move_to_next(it)) {
        strcat(all, vn_xterms_get(it, NULL));
        strcat(all, " ");
    }
    vn_xterms_destroy(it);
    vn_xquery_destroy(tq);
    assert_string_equal(all, "bàn dan chu ");

    /* the window Xapian gave a NEAR survives the rewrite */
    vn_xparser *bare;
    vn_xquery *q;
    OK(vn_xparser_new(&bare, &g_err));
    OK(vn_xparser_set_word_fn(bare, vn_terms_query_word, NULL, &g_err));
    OK(vn_xparser_parse(bare, "dan NEAR/3 chu", &q, &g_err));
    char *plain = vn_xquery_describe(q);
    vn_xquery_destroy(q);
    OK(vn_xparser_parse(qp, "dan NEAR/3 chu", &q, &g_err));
    char *spelled = vn_xquery_describe(q);
    vn_xquery_destroy(q);
    const char *near = strstr(plain, " NEAR ");
    assert_non_null(near);
    char window[16];
    snprintf(window, sizeof window, " NEAR %d ", atoi(near + 6));
    assert_non_null(strstr(spelled, window));
    assert_non_null(strstr(spelled, "FILTER"));
    assert_non_null(strstr(spelled, "đẫn"));
    free(plain);
    free(spelled);
    vn_xparser_destroy(bare);
    vn_xparser_destroy(qp);

    /* the default index keeps both forms: its parser spells nothing */
    OK(vn_schema_parser_for(g_db, NULL, 0, &qp, &g_err));
    OK(vn_xparser_parse(qp, "\"dan chu\"", &q, &g_err));
    spelled = vn_xquery_describe(q);
    assert_null(strstr(spelled, "FILTER"));
    free(spelled);
    vn_xquery_destroy(q);
    vn_xparser_destroy(qp);
}

static void test_filters(void **state)
{
    (void)state;
    assert_string_equal(hits_of(g_db, g_qp, "type:\"kế hoạch\""), "ban1.txt,ban4.txt");
    assert_string_equal(hits_of(g_db, g_qp, "ban type:ke-hoach"), "ban1.txt,ban4.txt");
    assert_string_equal(hits_of(g_db, g_qp, "type:ke-hoach type:quyet-dinh"),
                        "ban1.txt,ban2.txt,ban4.txt");
    assert_string_equal(hits_of(g_db, g_qp, "province:\"Sóc Trăng\""), "ban1.txt,ban3.txt");
    assert_string_equal(hits_of(g_db, g_qp, "province:soc-trang type:ke-hoach"), "ban1.txt");
    assert_string_equal(hits_of(g_db, g_qp, "issuer:ubnd*"), "ban1.txt");
    assert_string_equal(hits_of(g_db, g_qp, "issuer:\"Đảng uỷ xã Thuỷ Hùng\""), "ban4.txt");
    assert_string_equal(hits_of(g_db, g_qp, "year:2024"), "ban1.txt,ban3.txt");
    assert_string_equal(hits_of(g_db, g_qp, "year:2023..2024"), "ban1.txt,ban2.txt,ban3.txt");
    assert_string_equal(hits_of(g_db, g_qp, "year:..2023"), "ban2.txt,ban4.txt");
    assert_string_equal(hits_of(g_db, g_qp, "date:2024-03"), "ban1.txt");
    assert_string_equal(hits_of(g_db, g_qp, "date:1/1/2024..31/1/2024"), "ban3.txt");
    assert_string_equal(hits_of(g_db, g_qp, "path:di.txt"), "di.txt");
    assert_string_equal(hits_of(g_db, g_qp, "NOT ban"), "di.txt");
    assert_string_equal(hits_of(g_db, g_qp, "cites:59/2023/NĐ-CP"), "ban1.txt");
    assert_string_equal(hits_of(g_db, g_qp, "cites:59/2023/ND-CP"), "ban1.txt");
    assert_string_equal(hits_of(g_db, g_qp, "cites:\"nd 59/2023\""), "ban1.txt");
    assert_string_equal(hits_of(g_db, g_qp, "cites:\"Nghị định 59/2023\""), "ban1.txt");
    assert_string_equal(hits_of(g_db, g_qp, "cites:59/2023"), "ban1.txt");
    assert_string_equal(hits_of(g_db, g_qp, "cites:120-KL/TW"), "ban2.txt");
    assert_string_equal(hits_of(g_db, g_qp, "cites:120-KL/TW@2024-12-01"), "ban2.txt");
    assert_string_equal(hits_of(g_db, g_qp, "cites:120-KL/TW@2020-01-01"), "");
    assert_string_equal(hits_of(g_db, g_qp, "cites:\"Luật Tiếp công dân\""), "");
}

static void test_malformed_query(void **state)
{
    (void)state;
    vn_xquery *q = NULL;
    vn_error e;
    vn_error_clear(&e);
    assert_int_equal(vn_xparser_parse(g_qp, "dân AND", &q, &e), VN_ERR_PARSE);
    assert_null(q);
    assert_non_null(strstr(e.msg, "dân AND"));
    assert_non_null(strstr(e.msg, "Syntax"));

    vn_error_clear(&e);
    assert_int_equal(vn_xparser_parse(g_qp, "ban year:abc", &q, &e), VN_ERR_PARSE);
    assert_non_null(strstr(e.msg, "year:"));
    assert_non_null(strstr(e.msg, "abc"));

    vn_error_clear(&e);
    assert_int_equal(vn_xparser_parse(g_qp, "date:yesterday", &q, &e), VN_ERR_PARSE);
    assert_non_null(strstr(e.msg, "date:"));

    /* an empty query is not an error, it matches nothing */
    OK(vn_xparser_parse(g_qp, "   ", &q, &g_err));
    assert_true(vn_xquery_is_empty(q));
    vn_xquery_destroy(q);

    /* a query Xapian cannot run: SYNONYM inside PHRASE */
    vn_xquery *t[2], *syn, *phrase = NULL;
    OK(vn_xquery_term("dân", strlen("dân"), 0, &t[0], &g_err));
    OK(vn_xquery_term("chủ", strlen("chủ"), 0, &t[1], &g_err));
    OK(vn_xquery_combine(VN_XOP_SYNONYM, t, 2, 0, &syn, &g_err));
    vn_xquery *parts[2] = {syn, t[1]};
    vn_error_clear(&e);
    assert_int_equal(vn_xquery_combine(VN_XOP_PHRASE, parts, 2, 0, &phrase, &e), VN_ERR_PARSE);
    assert_null(phrase);
    assert_non_null(strstr(e.msg, "PHRASE"));
    /* … while an OR of terms inside a phrase is fine in Xapian 1.4 */
    vn_xmset *m;
    vn_xquery *or, *ok_phrase;
    OK(vn_xquery_combine(VN_XOP_OR, t, 2, 0, &or, &g_err));
    parts[0] = or;
    OK(vn_xquery_combine(VN_XOP_PHRASE, parts, 2, 0, &ok_phrase, &g_err));
    OK(vn_xdb_search(g_db, ok_phrase, NULL, &m, &g_err));
    assert_int_equal(vn_xmset_size(m), 2);
    vn_xmset_destroy(m);
    vn_xquery_destroy(ok_phrase);
    vn_xquery_destroy(or);
    vn_xquery_destroy(syn);
    vn_xquery_destroy(t[0]);
    vn_xquery_destroy(t[1]);
}

/* ---- results: sorting, paging, facets, matching terms ------------------------------ */

static const char *order_of(vn_xmset *m)
{
    static char out[256];
    out[0] = '\0';
    for (size_t i = 0; i < vn_xmset_size(m); i++) {
        vn_xhit h;
        OK(vn_xmset_hit(m, i, &h, &g_err));
        if (i)
            strcat(out, ",");
        strcat(out, h.data);
    }
    return out;
}

static void test_sort_by_date(void **state)
{
    (void)state;
    vn_xquery *all;
    vn_xmset *m;
    OK(vn_xquery_all(&all, &g_err));
    vn_xsearch_opts o = {0};
    o.limit = 10;
    o.sort = VN_XSORT_VALUE_DESC;
    o.sort_slot = VN_SLOT_DATE;
    OK(vn_xdb_search(g_db, all, &o, &m, &g_err));
    assert_string_equal(order_of(m), "ban1.txt,ban3.txt,ban2.txt,ban4.txt,di.txt");
    const char *v;
    size_t len;
    OK(vn_xmset_value(m, 1, VN_SLOT_DATE, &v, &len, &g_err));
    assert_string_equal(v, "20240101");   /* "2024-01": first day of the month */
    OK(vn_xmset_value(m, 4, VN_SLOT_DATE, &v, &len, &g_err));
    assert_int_equal(len, 0);
    vn_xmset_destroy(m);

    o.sort = VN_XSORT_VALUE_ASC;
    o.offset = 1;
    o.limit = 2;
    OK(vn_xdb_search(g_db, all, &o, &m, &g_err));
    assert_string_equal(order_of(m), "ban4.txt,ban2.txt");
    vn_xhit h;
    OK(vn_xmset_hit(m, 0, &h, &g_err));
    assert_int_equal(h.rank, 1);
    unsigned long est, lo, hi;
    vn_xmset_counts(m, &est, &lo, &hi);
    assert_int_equal(est, NDOCS);
    vn_error e;
    assert_int_equal(vn_xmset_hit(m, 2, &h, &e), VN_ERR_USAGE);
    vn_xmset_destroy(m);

    /* document id order, a page at a time (how the corpus model reads an
     * index): every document once, ids rising across pages */
    o.sort = VN_XSORT_DOCID;
    o.limit = 2;
    unsigned last = 0;
    size_t seen = 0;
    for (o.offset = 0; o.offset < NDOCS + 2; o.offset += o.limit) {
        OK(vn_xdb_search(g_db, all, &o, &m, &g_err));
        for (size_t i = 0; i < vn_xmset_size(m); i++) {
            OK(vn_xmset_hit(m, i, &h, &g_err));
            assert_true(h.docid > last);
            last = h.docid;
            seen++;
        }
        vn_xmset_destroy(m);
    }
    assert_int_equal(seen, NDOCS);
    vn_xquery_destroy(all);
}

static const char *facet_string(vn_xmset *m, unsigned slot)
{
    static char out[512];
    vn_xterms *it;
    OK(vn_xmset_facets(m, slot, &it, &g_err));
    out[0] = '\0';
    for (; vn_xterms_valid(it); vn_xterms_move_to_next(it)) {
        char item[128];
        snprintf(item, sizeof item, "%s%s=%lu", out[0] ? "," : "", vn_xterms_get(it, NULL),
                 vn_xterms_count(it));
        strcat(out, item);
    }
    vn_xterms_destroy(it);
    return out;
}

static void test_facets_and_matching_terms(void **state)
{
    (void)state;
    vn_xquery *q;
    vn_xmset *m;
    OK(vn_xparser_parse(g_qp, "ban", &q, &g_err));
    unsigned slots[] = {VN_SLOT_YEAR, VN_SLOT_TYPE};
    vn_xsearch_opts o = {0};
    o.limit = 1;   /* facets count every match, not just the page */
    o.facet_slots = slots;
    o.facet_count = 2;
    OK(vn_xdb_search(g_db, q, &o, &m, &g_err));
    assert_int_equal(vn_xmset_size(m), 1);
    assert_string_equal(facet_string(m, VN_SLOT_YEAR), "2024=2,2022=1,2023=1");
    assert_string_equal(facet_string(m, VN_SLOT_TYPE),
                        "Kế hoạch=2,Báo cáo=1,Quyết định=1");
    vn_xterms *it;
    vn_error e;
    assert_int_equal(vn_xmset_facets(m, VN_SLOT_ISSUER, &it, &e), VN_ERR_NOTFOUND);
    unsigned long est, lo, hi;
    vn_xmset_counts(m, &est, &lo, &hi);
    assert_int_equal(lo, 4);
    assert_int_equal(hi, 4);
    vn_xmset_destroy(m);
    vn_xquery_destroy(q);

    OK(vn_xparser_parse(g_qp, "bàn \"dan chu\" type:ke-hoach", &q, &g_err));
    o.facet_count = 0;
    OK(vn_xdb_search(g_db, q, &o, &m, &g_err));
    assert_int_equal(vn_xmset_size(m), 1);
    vn_xhit h;
    OK(vn_xmset_hit(m, 0, &h, &g_err));
    assert_string_equal(h.data, "ban1.txt");
    assert_true(h.percent > 0 && h.percent <= 100);
    assert_true(h.weight > 0);
    OK(vn_xquery_terms(q, &it, &g_err));
    char all[256] = "";
    for (; vn_xterms_valid(it); vn_xterms_move_to_next(it)) {
        strcat(all, vn_xterms_get(it, NULL));
        strcat(all, " ");
    }
    vn_xterms_destroy(it);
    /* in query order; the filter term is there too */
    assert_string_equal(all, "XTYPEke-hoach bàn dan chu ");
    vn_xquery_destroy(q);
    /* each term once, at its first place; a wildcard adds none */
    OK(vn_xparser_parse(g_qp, "chu dan OR chu ba* OR \"dan chu\"", &q, &g_err));
    OK(vn_xquery_terms(q, &it, &g_err));
    all[0] = '\0';
    for (; vn_xterms_valid(it); vn_xterms_move_to_next(it)) {
        strcat(all, vn_xterms_get(it, NULL));
        strcat(all, " ");
    }
    vn_xterms_destroy(it);
    assert_string_equal(all, "chu dan ");
    vn_xmset_destroy(m);
    vn_xquery_destroy(q);
}

/* ---- writing: lock, replace, delete, stamps, batches ---------------------------------- */

static void test_lock(void **state)
{
    (void)state;
    const char *path = tmp_path("locked");
    vn_xdb *w1, *w2 = NULL;
    OK(vn_xdb_open_writable(path, &w1, &g_err));
    vn_error e;
    vn_error_clear(&e);
    assert_int_equal(vn_xdb_open_writable(path, &w2, &e), VN_ERR_LOCKED);
    assert_null(w2);
    assert_non_null(strstr(e.msg, "database is being indexed by another process"));
    assert_non_null(strstr(e.msg, path));

    /* the same from another process, as a second `vncite index` would see it */
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        vn_xdb *w3 = NULL;
        vn_error ce;
        _exit(vn_xdb_open_writable(path, &w3, &ce) == VN_ERR_LOCKED ? 0 : 1);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);

    /* readers are not blocked by a writer */
    vn_xdb *r;
    OK(vn_xdb_open(path, &r, &g_err));
    OK(vn_xdb_close(r, &g_err));
    OK(vn_xdb_close(w1, &g_err));
    OK(vn_xdb_open_writable(path, &w2, &g_err));
    OK(vn_xdb_close(w2, &g_err));
}

static void test_replace_delete_find(void **state)
{
    (void)state;
    const char *path = tmp_path("rw");
    build_db(path, 0, NDOCS);
    vn_xdb *db;
    OK(vn_schema_open_writable(path, &db, &g_err));
    unsigned long n;
    OK(vn_xdb_doc_count(db, &n, &g_err));
    assert_int_equal(n, NDOCS);

    /* replace ban1.txt: same path, new text, a stamp */
    doc_spec changed = g_docs[0];
    changed.text = "Nội dung mới hoàn toàn.";
    vn_xdoc *doc = make_doc(&changed);
    vn_file_stamp stamp = {1700000000, 123456789, 4096, 0xfeedfacecafebeefULL}, got;
    OK(vn_schema_set_stamp(doc, &stamp, &g_err));
    vn_buf q = VN_BUF_INIT;
    OK(vn_schema_unique_term("ban1.txt", &q, &g_err));
    unsigned id1;
    OK(vn_xdb_replace(db, q.data, doc, &id1, &g_err));
    vn_xdoc_destroy(doc);
    OK(vn_xdb_doc_count(db, &n, &g_err));
    assert_int_equal(n, NDOCS);

    vn_xparser *p;
    OK(vn_schema_parser_new(NULL, 0, &p, &g_err));
    assert_string_equal(hits_of(db, p, "mới"), "ban1.txt");
    assert_string_equal(hits_of(db, p, "bàn"), "");

    /* read the stamp back, as incremental indexing does */
    vn_xdoc *found;
    OK(vn_xdb_find(db, q.data, &found, &g_err));
    assert_int_equal(vn_xdoc_docid(found), id1);
    assert_true(vn_schema_get_stamp(found, &got));
    assert_true(vn_file_stamp_equal(&stamp, &got));
    size_t len;
    assert_string_equal(vn_xdoc_data(found, &len), "ban1.txt");
    assert_int_equal(len, 8);
    assert_string_equal(vn_xdoc_value(found, VN_SLOT_PROVINCE, NULL), "Sóc Trăng");
    assert_string_equal(vn_xdoc_value(found, 99, &len), "");
    assert_int_equal(len, 0);
    vn_xterms *terms;
    OK(vn_xdoc_terms(found, "XPROV", &terms, &g_err));
    assert_true(vn_xterms_valid(terms));
    assert_string_equal(vn_xterms_get(terms, NULL), "soc-trang");
    vn_xterms_destroy(terms);
    vn_xdoc_destroy(found);

    /* a document without a stamp reads as changed */
    vn_buf q2 = VN_BUF_INIT;
    OK(vn_schema_unique_term("ban2.txt", &q2, &g_err));
    OK(vn_xdb_find(db, q2.data, &found, &g_err));
    assert_false(vn_schema_get_stamp(found, &got));
    vn_xdoc_destroy(found);

    /* delete by unique term */
    OK(vn_xdb_delete(db, q2.data, &g_err));
    OK(vn_xdb_doc_count(db, &n, &g_err));
    assert_int_equal(n, NDOCS - 1);
    vn_error e;
    vn_error_clear(&e);
    assert_int_equal(vn_xdb_find(db, q2.data, &found, &e), VN_ERR_NOTFOUND);
    assert_non_null(strstr(e.msg, "ban2.txt"));
    assert_string_equal(hits_of(db, p, "bán"), "");
    OK(vn_xdb_delete(db, q2.data, &g_err));   /* deleting nothing is fine */

    /* every unique term: the paths still indexed */
    vn_xterms *it;
    OK(vn_xdb_terms(db, "Q", &it, &g_err));
    char paths[256] = "";
    for (; vn_xterms_valid(it); vn_xterms_move_to_next(it)) {
        strcat(paths, vn_xterms_get(it, NULL));
        assert_int_equal(vn_xterms_count(it), 1);
        strcat(paths, " ");
    }
    vn_xterms_destroy(it);
    assert_string_equal(paths, "ban1.txt ban3.txt ban4.txt di.txt ");

    assert_int_equal(vn_xdb_get(db, 9999, &found, &e), VN_ERR_NOTFOUND);
    OK(vn_xdb_get(db, id1, &found, &g_err));
    vn_xdoc_destroy(found);

    vn_buf_free(&q);
    vn_buf_free(&q2);
    vn_xparser_destroy(p);
    OK(vn_xdb_close(db, &g_err));

    /* a read-only handle refuses writes */
    OK(vn_xdb_open(path, &db, &g_err));
    assert_false(vn_xdb_is_writable(db));
    vn_error_clear(&e);
    assert_int_equal(vn_xdb_delete(db, "Qdi.txt", &e), VN_ERR_USAGE);
    OK(vn_xdb_close(db, &g_err));
}

static void test_long_unique_terms(void **state)
{
    (void)state;
    char a[400], b[400];
    memset(a, 'x', 300);
    a[300] = '\0';
    memcpy(b, a, 301);
    b[299] = 'y';
    vn_buf ta = VN_BUF_INIT, tb = VN_BUF_INIT;
    OK(vn_schema_unique_term(a, &ta, &g_err));
    OK(vn_schema_unique_term(b, &tb, &g_err));
    assert_true(ta.len <= VN_XTERM_MAX);
    assert_true(tb.len <= VN_XTERM_MAX);
    assert_string_not_equal(ta.data, tb.data);

    const char *path = tmp_path("long");
    vn_xdb *db;
    OK(vn_xdb_open_writable(path, &db, &g_err));
    doc_spec d = {a, "văn bản", NULL, NULL, NULL, NULL, NULL};
    add_doc(db, &d);
    d.path = b;
    add_doc(db, &d);
    unsigned long n;
    OK(vn_xdb_doc_count(db, &n, &g_err));
    assert_int_equal(n, 2);
    OK(vn_xdb_close(db, &g_err));
    vn_buf_free(&ta);
    vn_buf_free(&tb);

    /* a term too long for Xapian is cut, never fails the commit */
    OK(vn_xdb_open_writable(path, &db, &g_err));
    vn_xdoc *doc;
    OK(vn_xdoc_new(&doc, &g_err));
    char huge[600];
    memset(huge, 'z', 599);
    huge[599] = '\0';
    OK(vn_xdoc_add_boolean(doc, huge, 599, &g_err));
    OK(vn_xdb_replace(db, "Qhuge", doc, NULL, &g_err));
    vn_xdoc_destroy(doc);
    OK(vn_xdb_close(db, &g_err));
}

static void test_batch_commits(void **state)
{
    (void)state;
    const char *path = tmp_path("batch");
    vn_xdb *w, *r;
    OK(vn_xdb_open_writable(path, &w, &g_err));
    vn_xdb_set_batch(w, 2, 0);
    for (size_t i = 0; i < NDOCS; i++)
        add_doc(w, &g_docs[i]);
    assert_int_equal(vn_xdb_commit_count(w), 2);
    /* a reader sees what the batches committed, before the writer closes */
    OK(vn_xdb_open(path, &r, &g_err));
    unsigned long n;
    OK(vn_xdb_doc_count(r, &n, &g_err));
    assert_int_equal(n, 4);
    OK(vn_xdb_close(w, &g_err));
    OK(vn_xdb_reopen(r, &g_err));
    OK(vn_xdb_doc_count(r, &n, &g_err));
    assert_int_equal(n, NDOCS);
    OK(vn_xdb_close(r, &g_err));

    /* the postings bound alone also commits */
    OK(vn_xdb_open_writable(tmp_path("batch2"), &w, &g_err));
    vn_xdb_set_batch(w, 1000, 10);
    add_doc(w, &g_docs[0]);
    assert_int_equal(vn_xdb_commit_count(w), 1);
    OK(vn_xdb_close(w, &g_err));
}

/* ---- shards: stub files, remote, compaction ------------------------------------------ */

static void test_stub_shards(void **state)
{
    (void)state;
    build_db(tmp_path("shard1"), 0, 2);
    build_db(tmp_path("shard2"), 2, NDOCS);
    const char *shards[] = {"shard1", "auto shard2"};   /* relative to the stub */
    OK(vn_xdb_write_stub(tmp_path("all.stub"), shards, 2, &g_err));

    vn_xdb *db;
    OK(vn_schema_open(tmp_path("all.stub"), &db, &g_err));
    unsigned long n;
    OK(vn_xdb_doc_count(db, &n, &g_err));
    assert_int_equal(n, NDOCS);
    vn_xparser *p;
    OK(vn_schema_parser_new(NULL, 0, &p, &g_err));
    assert_string_equal(hits_of(db, p, "ban"), "ban1.txt,ban2.txt,ban3.txt,ban4.txt");
    assert_string_equal(hits_of(db, p, "\"dan chu o co so\" OR \"co so dan chu\""),
                        "ban1.txt,ban3.txt");
    expect_read_docs(db, NDOCS);
    OK(vn_xdb_close(db, &g_err));

    /* the same with vn_xdb_add_shard */
    OK(vn_xdb_open(tmp_path("shard1"), &db, &g_err));
    OK(vn_xdb_add_shard(db, tmp_path("shard2"), &g_err));
    assert_string_equal(hits_of(db, p, "year:2024"), "ban1.txt,ban3.txt");
    OK(vn_xdb_close(db, &g_err));

    /* the state names every shard and changes with a commit to any of them */
    char *db_state, *one, *after;
    OK(vn_xdb_state(tmp_path("all.stub"), &db_state, &g_err));
    OK(vn_xdb_state(tmp_path("shard1"), &one, &g_err));
    assert_int_equal(strlen(one), strcspn(db_state, "\n") + 1);   /* "uuid:rev\n" */
    assert_memory_equal(db_state, one, strlen(one));   /* shard1 comes first in the stub */
    assert_int_equal(db_state[strlen(db_state) - 1], '\n');
    build_db(tmp_path("shard2"), 0, 1);
    OK(vn_xdb_state(tmp_path("all.stub"), &after, &g_err));
    assert_string_not_equal(db_state, after);
    assert_memory_equal(after, one, strlen(one));    /* shard1 did not change */
    free(db_state);
    free(one);
    free(after);
    assert_int_equal(vn_xdb_state(tmp_path("no-such-db"), &db_state, &g_err), VN_ERR_NOTFOUND);
    assert_null(db_state);

    /* compaction merges shards into one database */
    const char *srcs[] = {tmp_path("shard1"), tmp_path("shard2")};
    OK(vn_xdb_compact(srcs, 2, tmp_path("merged"), &g_err));
    OK(vn_schema_open(tmp_path("merged"), &db, &g_err));
    assert_string_equal(hits_of(db, p, "di"), "ban4.txt,di.txt");
    OK(vn_xdb_close(db, &g_err));
    vn_xparser_destroy(p);
}

/* A shard of `count` documents numbered from `first`: every one has XALL,
 * the even ones XEVEN, every fifth XFIVE, and the words "ban", "dan" and
 * "chu" as often as i mod 3 + 1, mod 4 and mod 7 say (weights, and ties). */
static void build_numbered_shard(const char *path, int first, int count)
{
    vn_xdb *db;
    OK(vn_xdb_open_writable(path, &db, &g_err));
    for (int i = first; i < first + count; i++) {
        vn_xdoc *d;
        char id[32];
        OK(vn_xdoc_new(&d, &g_err));
        int n = snprintf(id, sizeof id, "doc%d", i);
        OK(vn_xdoc_set_data(d, id, (size_t)n, &g_err));
        OK(vn_xdoc_add_boolean(d, "XALL", 4, &g_err));
        if (i % 2 == 0)
            OK(vn_xdoc_add_boolean(d, "XEVEN", 5, &g_err));
        if (i % 5 == 0)
            OK(vn_xdoc_add_boolean(d, "XFIVE", 5, &g_err));
        for (int k = 0; k <= i % 3; k++)
            OK(vn_xdoc_add_term(d, "ban", 3, &g_err));
        for (int k = 0; k < i % 4; k++)
            OK(vn_xdoc_add_term(d, "dan", 3, &g_err));
        for (int k = 0; k < i % 7; k++)
            OK(vn_xdoc_add_term(d, "chu", 3, &g_err));
        char unique[32];
        n = snprintf(unique, sizeof unique, "Qdoc%d", i);
        OK(vn_xdoc_add_boolean(d, unique, (size_t)n, &g_err));
        OK(vn_xdb_replace(db, unique, d, NULL, &g_err));
        vn_xdoc_destroy(d);
    }
    OK(vn_xdb_close(db, &g_err));
}

/* Hits and counts of one search, as text. */
static char *page_of(vn_xdb *db, const vn_xquery *q, const vn_xsearch_opts *o)
{
    vn_xmset *m;
    OK(vn_xdb_search(db, q, o, &m, &g_err));
    size_t size = 64 + vn_xmset_size(m) * 64, used = 0;
    char *out = malloc(size);
    assert_non_null(out);
    out[0] = '\0';
    for (size_t i = 0; i < vn_xmset_size(m); i++) {
        vn_xhit h;
        OK(vn_xmset_hit(m, i, &h, &g_err));
        used += (size_t)snprintf(out + used, size - used, "%u/%zu/%d/%s ", h.docid, h.rank,
                                 h.percent, h.data);
    }
    unsigned long est, lo, hi;
    vn_xmset_counts(m, &est, &lo, &hi);
    assert_true(lo <= est && est <= hi);
    if (o->check_at_least >= 1000)   /* every match examined: exact */
        snprintf(out + used, size - used, "[%lu %lu %lu]", est, lo, hi);
    vn_xmset_destroy(m);
    return out;
}

/*
 * Over an index of local shards, a page of a query that weighs nothing
 * (filters only, or docid order) is read shard by shard, and a ranked page
 * is searched one thread a core: the same pages, percentages included, as
 * the shards searched as one database (vn_xdb_add_shard keeps that path),
 * at every offset.
 */
static void test_pages_by_shard(void **state)
{
    (void)state;
    build_numbered_shard(tmp_path("wshard0"), 0, 67);
    build_numbered_shard(tmp_path("wshard1"), 67, 41);
    build_numbered_shard(tmp_path("wshard2"), 108, 3);
    const char *shards[] = {"wshard0", "wshard1", "wshard2"};
    OK(vn_xdb_write_stub(tmp_path("weightless.stub"), shards, 3, &g_err));
    vn_xdb *by_shard, *as_one;
    OK(vn_xdb_open(tmp_path("weightless.stub"), &by_shard, &g_err));
    OK(vn_xdb_open(tmp_path("wshard0"), &as_one, &g_err));
    OK(vn_xdb_add_shard(as_one, tmp_path("wshard1"), &g_err));
    OK(vn_xdb_add_shard(as_one, tmp_path("wshard2"), &g_err));

    vn_xquery *all, *even, *five, *either, *ban, *both[2], *queries[10];
    OK(vn_xquery_term("XALL", 4, 0, &all, &g_err));
    OK(vn_xquery_term("XEVEN", 5, 0, &even, &g_err));
    OK(vn_xquery_term("XFIVE", 5, 0, &five, &g_err));
    OK(vn_xquery_term("ban", 3, 0, &ban, &g_err));
    both[0] = even;
    both[1] = five;
    OK(vn_xquery_combine(VN_XOP_OR, both, 2, 0, &either, &g_err));
    OK(vn_xquery_scale(all, 0, &queries[0], &g_err));
    OK(vn_xquery_scale(even, 0, &queries[1], &g_err));
    OK(vn_xquery_scale(either, 0, &queries[2], &g_err));
    OK(vn_xquery_scale(ban, 0, &queries[3], &g_err));
    queries[4] = ban;     /* weighted, in parallel */
    vn_xquery *none;
    OK(vn_xquery_term("XNONE", 5, 0, &none, &g_err));
    OK(vn_xquery_scale(none, 0, &queries[5], &g_err));
    vn_xquery *dan, *chu, *words[3], *filtered[2];
    OK(vn_xquery_term("dan", 3, 0, &dan, &g_err));
    OK(vn_xquery_term("chu", 3, 0, &chu, &g_err));
    words[0] = ban;
    words[1] = dan;
    words[2] = chu;
    OK(vn_xquery_combine(VN_XOP_OR, words, 3, 0, &queries[6], &g_err));
    OK(vn_xquery_combine(VN_XOP_AND, words + 1, 2, 0, &queries[7], &g_err));
    filtered[0] = queries[6];
    filtered[1] = even;
    OK(vn_xquery_combine(VN_XOP_FILTER, filtered, 2, 0, &queries[8], &g_err));
    OK(vn_xquery_combine(VN_XOP_AND_MAYBE, words, 3, 0, &queries[9], &g_err));

    static const size_t offsets[] = {0, 1, 9, 33, 70, 110, 500};
    static const size_t limits[] = {0, 1, 10, 37, 200};
    static const vn_xsort sorts[] = {VN_XSORT_RELEVANCE, VN_XSORT_DOCID};
    int pages = 0;
    for (size_t qi = 0; qi < 10; qi++)
        for (size_t oi = 0; oi < sizeof offsets / sizeof *offsets; oi++)
            for (size_t li = 0; li < sizeof limits / sizeof *limits; li++)
                for (size_t si = 0; si < 2; si++)
                    for (size_t check = 0; check <= 1000; check += 1000) {
                        vn_xsearch_opts o = {0};
                        o.offset = offsets[oi];
                        o.limit = limits[li];
                        o.sort = sorts[si];
                        o.check_at_least = check;
                        char *want = page_of(as_one, queries[qi], &o);
                        char *got = page_of(by_shard, queries[qi], &o);
                        assert_string_equal(got, want);
                        free(want);
                        free(got);
                        pages++;
                    }
    assert_int_equal(pages, 10 * 7 * 5 * 2 * 2);

    /* a page worth checking by eye: the lowest docids, interleaved (shard k
     * of 3, its d-th document -> docid 3(d-1)+k+1) */
    vn_xsearch_opts o = {0};
    o.limit = 4;
    o.offset = 1;
    char *got = page_of(by_shard, queries[1], &o);
    assert_string_equal(got, "3/1/100/doc108 5/2/100/doc68 7/3/100/doc2 9/4/100/doc110 ");
    free(got);

    vn_xquery *mine[] = {all,        even,       five,       either,     ban,
                         none,       dan,        chu,        queries[0], queries[1],
                         queries[2], queries[3], queries[5], queries[6], queries[7],
                         queries[8], queries[9]};
    for (size_t i = 0; i < sizeof mine / sizeof *mine; i++)
        vn_xquery_destroy(mine[i]);
    OK(vn_xdb_close(by_shard, &g_err));
    OK(vn_xdb_close(as_one, &g_err));
}

static void test_remote_shard(void **state)
{
    (void)state;
    if (access("/usr/bin/xapian-progsrv", X_OK) != 0)
        skip();
    build_db(tmp_path("rshard1"), 0, 2);
    build_db(tmp_path("rshard2"), 2, NDOCS);
    char remote[400];
    snprintf(remote, sizeof remote, "remote :xapian-progsrv %s", tmp_path("rshard2"));
    const char *shards[] = {"rshard1", remote};
    OK(vn_xdb_write_stub(tmp_path("remote.stub"), shards, 2, &g_err));
    vn_xdb *db;
    OK(vn_xdb_open(tmp_path("remote.stub"), &db, &g_err));
    vn_xparser *p;
    OK(vn_schema_parser_new(NULL, 0, &p, &g_err));
    assert_string_equal(hits_of(db, p, "ban"), "ban1.txt,ban2.txt,ban3.txt,ban4.txt");
    assert_string_equal(hits_of(db, p, "\"dan chu\" province:soc-trang"), "ban1.txt,ban3.txt");
    expect_read_docs(db, NDOCS);   /* works, a round trip a document */

    /* facets travel over the remote protocol too */
    vn_xquery *q;
    vn_xmset *m;
    OK(vn_xparser_parse(p, "ban", &q, &g_err));
    unsigned slots[] = {VN_SLOT_YEAR};
    vn_xsearch_opts o = {0};
    o.limit = 10;
    o.facet_slots = slots;
    o.facet_count = 1;
    OK(vn_xdb_search(db, q, &o, &m, &g_err));
    assert_string_equal(facet_string(m, VN_SLOT_YEAR), "2024=2,2022=1,2023=1");
    vn_xmset_destroy(m);
    /* a remote shard's commits cannot be seen from here: no state, so no cache */
    char *db_state;
    assert_int_equal(vn_xdb_state(tmp_path("remote.stub"), &db_state, &g_err), VN_ERR_NOTFOUND);
    assert_null(db_state);
    vn_xquery_destroy(q);
    vn_xparser_destroy(p);
    OK(vn_xdb_close(db, &g_err));
}

/* ---- opening errors and the schema -------------------------------------------------- */

static void test_open_errors(void **state)
{
    (void)state;
    vn_xdb *db = NULL;
    vn_error e;
    vn_error_clear(&e);
    assert_int_equal(vn_xdb_open(tmp_path("nothing-here"), &db, &e), VN_ERR_NOTFOUND);
    assert_null(db);
    assert_non_null(strstr(e.msg, "nothing-here"));

    /* an index written under another schema version must be rebuilt */
    const char *path = tmp_path("oldschema");
    OK(vn_xdb_open_writable(path, &db, &g_err));
    OK(vn_xdb_set_metadata(db, VN_SCHEMA_METADATA_KEY, "0", &g_err));
    add_doc(db, &g_docs[0]);
    OK(vn_xdb_close(db, &g_err));
    vn_error_clear(&e);
    assert_int_equal(vn_schema_open(path, &db, &e), VN_ERR_INDEX);
    assert_non_null(strstr(e.msg, "index again"));
    assert_int_equal(vn_schema_open_writable(path, &db, &e), VN_ERR_INDEX);

    /* a new index is stamped with this version */
    OK(vn_schema_open_writable(tmp_path("fresh"), &db, &g_err));
    OK(vn_xdb_close(db, &g_err));
    OK(vn_xdb_open(tmp_path("fresh"), &db, &g_err));
    char *v;
    OK(vn_xdb_get_metadata(db, VN_SCHEMA_METADATA_KEY, &v, &g_err));
    assert_string_equal(v, VN_SCHEMA_VERSION);
    free(v);
    OK(vn_xdb_close(db, &g_err));
}

static vn_status everything_cites(void *ctx, const char *v, size_t n, vn_xquery **out,
                                  vn_error *err)
{
    (void)v, (void)n;
    ++*(int *)ctx;
    return vn_xquery_all(out, err);
}

static vn_status rejecting(void *ctx, const char *v, size_t n, vn_xquery **out, vn_error *err)
{
    (void)ctx, (void)out;
    return vn_error_set(err, VN_ERR_PARSE, "cites: '%.*s' is not in the registry", (int)n, v);
}

static void test_hooks(void **state)
{
    (void)state;
    int calls = 0;
    vn_schema_hook hook = {"cites", everything_cites, &calls};
    vn_xparser *p;
    OK(vn_schema_parser_new(&hook, 1, &p, &g_err));
    assert_string_equal(hits_of(g_db, p, "ban cites:whatever"),
                        "ban1.txt,ban2.txt,ban3.txt,ban4.txt");
    assert_int_equal(calls, 1);
    vn_xparser_destroy(p);

    hook.parse = rejecting;
    OK(vn_schema_parser_new(&hook, 1, &p, &g_err));
    vn_xquery *q = NULL;
    vn_error e;
    vn_error_clear(&e);
    assert_int_equal(vn_xparser_parse(p, "cites:\"Luật Đất đai\"", &q, &e), VN_ERR_PARSE);
    assert_string_equal(e.msg, "cites: 'Luật Đất đai' is not in the registry");
    vn_xparser_destroy(p);

    hook.field = "nosuchfield";
    vn_error_clear(&e);
    assert_int_equal(vn_schema_parser_new(&hook, 1, &p, &e), VN_ERR_USAGE);
}

static void test_schema_doc(void **state)
{
    (void)state;
    vn_buf want = VN_BUF_INIT;
    assert_int_equal(vn_schema_describe(&want), VN_OK);
    if (getenv("VNCITE_PRINT_SCHEMA"))
        fputs(want.data, stdout);
    FILE *f = fopen(VNCITE_CORPUS "/../docs/INDEX.md", "r");
    assert_non_null(f);
    static char doc[65536];
    size_t n = fread(doc, 1, sizeof doc - 1, f);
    fclose(f);
    doc[n] = '\0';
    const char *begin = strstr(doc, "<!-- schema:begin -->\n");
    const char *end = strstr(doc, "<!-- schema:end -->");
    assert_non_null(begin);
    assert_non_null(end);
    begin += strlen("<!-- schema:begin -->\n");
    if ((size_t)(end - begin) != want.len || memcmp(begin, want.data, want.len) != 0)
        fail_msg("docs/INDEX.md's schema tables differ from common/index_schema.c; "
                 "regenerate with VNCITE_PRINT_SCHEMA=1 test_xapian");
    vn_buf_free(&want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_forms),
        cmocka_unit_test(test_query_word),
        cmocka_unit_test(test_run_positions),
        cmocka_unit_test(test_accented_words),
        cmocka_unit_test(test_phrases),
        cmocka_unit_test(test_phrase_spellings),
        cmocka_unit_test(test_filters),
        cmocka_unit_test(test_malformed_query),
        cmocka_unit_test(test_sort_by_date),
        cmocka_unit_test(test_facets_and_matching_terms),
        cmocka_unit_test(test_lock),
        cmocka_unit_test(test_replace_delete_find),
        cmocka_unit_test(test_long_unique_terms),
        cmocka_unit_test(test_batch_commits),
        cmocka_unit_test(test_stub_shards),
        cmocka_unit_test(test_pages_by_shard),
        cmocka_unit_test(test_remote_shard),
        cmocka_unit_test(test_open_errors),
        cmocka_unit_test(test_hooks),
        cmocka_unit_test(test_schema_doc),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
