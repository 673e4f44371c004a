/* test_resolve.c — identity across documents (SPEC §3.3) on small texts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "indexer/analyze.h"
#include "indexer/resolve.h"

#define MAX_DOCS 4

typedef struct fixture {
    vn_analysis docs[MAX_DOCS];
    size_t count;
    vn_registry *reg;
} fixture;

static void analyse(fixture *f, const char *text)
{
    vn_error err;
    assert_int_equal(vn_analyze_bytes("t.txt", (const unsigned char *)text, strlen(text), f->reg,
                                      &f->docs[f->count++], &err), VN_OK);
}

static void resolve_all(fixture *f)
{
    vn_resolve_doc rd[MAX_DOCS];
    for (size_t i = 0; i < f->count; i++) {
        rd[i].meta = &f->docs[i].meta;
        rd[i].citations = &f->docs[i].extract.citations;
    }
    vn_error err;
    assert_int_equal(vn_resolve(rd, f->count, f->reg, &err), VN_OK);
}

static const vn_citation *cite(fixture *f, size_t doc, size_t i)
{
    assert_true(i < f->docs[doc].extract.citations.count);
    return &f->docs[doc].extract.citations.items[i];
}

static void done(fixture *f)
{
    for (size_t i = 0; i < f->count; i++)
        vn_analysis_free(&f->docs[i]);
    vn_registry_free(f->reg);
}

static vn_registry *real_registry(void)
{
    vn_registry *r = NULL;
    vn_error err;
    assert_int_equal(vn_registry_load(VNCITE_CORPUS "/registry", &r, NULL, NULL, &err), VN_OK);
    return r;
}

static void test_same_symbol_two_dates_two_instruments(void **state)
{
    (void)state;
    fixture f = {0};
    analyse(&f, "Thực hiện Kế hoạch số 26-KH/BCĐ, ngày 23/02/2024 của Ban Chỉ đạo huyện.");
    analyse(&f, "Căn cứ Kế hoạch số 26-KH/BCĐ ngày 31/01/2024 của Ban chỉ đạo tỉnh.");
    resolve_all(&f);
    assert_string_equal(cite(&f, 0, 0)->instrument, "26-KH/BCĐ@2024-02-23");
    assert_string_equal(cite(&f, 1, 0)->instrument, "26-KH/BCĐ@2024-01-31");
    done(&f);
}

static void test_undated_needs_exactly_one_candidate(void **state)
{
    (void)state;
    fixture f = {0};
    analyse(&f, "Kết luận số 120-KL/TW, ngày 07/01/2016 của Bộ Chính trị. Kế hoạch số 26-KH/BCĐ "
                "ngày 31/01/2024. Kế hoạch số 26-KH/BCĐ ngày 23/02/2024.");
    analyse(&f, "Thực hiện Kết luận số 120-KL/TW của Bộ Chính trị và Kế hoạch số 26-KH/BCĐ; "
                "Nghị quyết số 09-NQ/TU của Tỉnh ủy.");
    resolve_all(&f);
    assert_string_equal(cite(&f, 1, 0)->instrument, "120-KL/TW@2016-01-07");
    const vn_citation *amb = cite(&f, 1, 1);
    assert_null(amb->instrument);
    assert_true(amb->ambiguous);
    assert_non_null(strstr(amb->candidates, "26-KH/BCĐ@2024-01-31"));
    assert_non_null(strstr(amb->candidates, "26-KH/BCĐ@2024-02-23"));
    const vn_citation *none = cite(&f, 1, 2);
    assert_null(none->instrument);
    assert_false(none->ambiguous);
    done(&f);
}

/* A year (or a month) is a date too: it rules out the instruments of the
 * symbol issued outside it, and picks the one inside. */
static void test_year_rules_out_other_years(void **state)
{
    (void)state;
    fixture f = {0};
    analyse(&f, "Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ. Nghị quyết số 01/NQ-CP "
                "ngày 06/01/2023 của Chính phủ.");
    analyse(&f, "Thực hiện Nghị quyết số 01/NQ-CP năm 2024; Nghị quyết số 01/NQ-CP năm 2022; "
                "Nghị quyết số 01/NQ-CP của Chính phủ.");
    resolve_all(&f);
    assert_string_equal(cite(&f, 1, 0)->instrument, "01/NQ-CP@2024-01-05");
    assert_null(cite(&f, 1, 1)->instrument);
    assert_false(cite(&f, 1, 1)->ambiguous);
    assert_null(cite(&f, 1, 2)->instrument);
    assert_true(cite(&f, 1, 2)->ambiguous);
    done(&f);
}

static void test_quy_dinh_variant_united_by_registry(void **state)
{
    (void)state;
    fixture f = {.reg = real_registry()};
    analyse(&f, "Thực hiện Quy định số 11-QĐ/TW ngày 18/02/2019 của Bộ Chính trị; Quy định số "
                "124-QĐ/TW, ngày 02/02/2018 của Ban Bí thư.");
    resolve_all(&f);
    const vn_citation *c = cite(&f, 0, 0);
    assert_string_equal(c->symbol, "11-QĐi/TW");
    assert_string_equal(c->instrument, "11-QĐi/TW@2019-02-18");
    assert_non_null(c->corrected);
    assert_non_null(strstr(c->corrected, "written 11-QĐ/TW"));
    /* officially QĐ: never rewritten by a blanket rule */
    assert_string_equal(cite(&f, 0, 1)->instrument, "124-QĐ/TW@2018-02-02");
    assert_null(cite(&f, 0, 1)->corrected);
    done(&f);
}

static void test_quy_dinh_variant_united_by_corpus(void **state)
{
    (void)state;
    fixture f = {0};
    analyse(&f, "Quy định số 11-QĐi/TW, ngày 18/02/2019 của Bộ Chính trị.");
    analyse(&f, "Quy định số 11-QĐ/TW ngày 18/02/2019 của Bộ Chính trị; Quyết định số 11-QĐ/TW "
                "ngày 18/02/2019 của Ban Bí thư.");
    resolve_all(&f);
    assert_string_equal(cite(&f, 1, 0)->instrument, "11-QĐi/TW@2019-02-18");
    /* a Quyết định with the same symbol is a different type: not united */
    assert_string_equal(cite(&f, 1, 1)->instrument, "11-QĐ/TW@2019-02-18");
    done(&f);
}

static void test_list_form_resolved_by_type_and_issuer(void **state)
{
    (void)state;
    fixture f = {.reg = real_registry()};
    analyse(&f, "theo Quyết định số 217, 218 của Bộ Chính trị.");
    resolve_all(&f);
    assert_string_equal(cite(&f, 0, 0)->instrument, "217-QĐ/TW@2013-12-12");
    assert_string_equal(cite(&f, 0, 1)->instrument, "218-QĐ/TW@2013-12-12");
    done(&f);
}

/* A short form found in the corpus: only symbols with exactly its number
 * count ("16", not "1" or "160"); two dates are two candidates, in order. */
static void test_short_form_resolved_by_number_from_corpus(void **state)
{
    (void)state;
    fixture f = {0};
    analyse(&f, "Chỉ thị số 160-CT/TU ngày 02/01/2021, Chỉ thị số 1-CT/TU ngày 03/01/2021 và "
                "Chỉ thị số 16-CT/TU ngày 05/01/2021 của Ban Thường vụ Tỉnh ủy.");
    analyse(&f, "Chỉ thị số 17-CT/TU ngày 06/01/2022 và Chỉ thị số 17-CT/TU ngày 04/01/2021 của "
                "Ban Thường vụ Tỉnh ủy.");
    analyse(&f, "Theo Chỉ thị số 16 của Ban Thường vụ Tỉnh ủy. Theo Chỉ thị số 17 của Ban "
                "Thường vụ Tỉnh ủy. Theo Chỉ thị số 18 của Ban Thường vụ Tỉnh ủy.");
    resolve_all(&f);
    assert_int_equal(cite(&f, 2, 0)->kind, VN_CITE_SHORT);
    assert_string_equal(cite(&f, 2, 0)->instrument, "16-CT/TU@2021-01-05");
    assert_null(cite(&f, 2, 1)->instrument);
    assert_true(cite(&f, 2, 1)->ambiguous);
    assert_string_equal(cite(&f, 2, 1)->candidates, "17-CT/TU@2021-01-04, 17-CT/TU@2022-01-06");
    assert_null(cite(&f, 2, 2)->instrument);
    assert_false(cite(&f, 2, 2)->ambiguous);
    done(&f);
}

/* A bare number's date or written year rules out instruments issued at
 * another time: "Kết luận số 120 ngày 5/1/2024" is not 120-KL/TW of 2016. */
static void test_short_form_issued_when_it_says(void **state)
{
    (void)state;
    fixture f = {.reg = real_registry()};
    analyse(&f, "Kết luận số 120 ngày 07/01/2016 của Bộ Chính trị; Kết luận số 120 ngày "
                "05/01/2024 của Bộ Chính trị; Kết luận số 120 năm 2016 của Bộ Chính trị.");
    analyse(&f, "Nghị định số 14/2022/NĐ-CP ngày 27/01/2022; Nghị định số 14/2021/NĐ-CP. Sau "
                "đó, Nghị định số 14/2022 của Chính phủ; Nghị định 14/2020; Nghị định số 14.");
    resolve_all(&f);
    assert_string_equal(cite(&f, 0, 0)->instrument, "120-KL/TW@2016-01-07");
    assert_null(cite(&f, 0, 1)->instrument);
    assert_false(cite(&f, 0, 1)->ambiguous);
    assert_string_equal(cite(&f, 0, 2)->instrument, "120-KL/TW@2016-01-07");
    assert_int_equal(cite(&f, 1, 2)->kind, VN_CITE_SHORT);
    assert_string_equal(cite(&f, 1, 2)->instrument, "14/2022/NĐ-CP");
    assert_null(cite(&f, 1, 3)->instrument);
    assert_false(cite(&f, 1, 3)->ambiguous);
    assert_true(cite(&f, 1, 4)->ambiguous);       /* no year: both years fit */
    done(&f);
}

/* The corpus holds the plan 45-KH/TU of 12/4/2021: a plan that cites it
 * without a date resolves to it, as to a dated citation elsewhere. */
static void test_undated_resolved_by_a_document_of_the_corpus(void **state)
{
    (void)state;
    fixture f = {0};
    analyse(&f, "TỈNH ỦY QUẢNG NAM\nSố 45-KH/TU\nQuảng Nam, ngày 12 tháng 4 năm 2021\n\nKẾ HOẠCH\n"
                "thực hiện\n\nCăn cứ Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.\n");
    analyse(&f, "Thực hiện Kế hoạch số 45-KH/TU của Tỉnh ủy; Kế hoạch số 46-KH/TU của Tỉnh ủy.");
    resolve_all(&f);
    assert_string_equal(f.docs[0].meta.own_number, "45-KH/TU");
    assert_string_equal(cite(&f, 1, 0)->instrument, "45-KH/TU@2021-04-12");
    assert_null(cite(&f, 1, 1)->instrument);
    done(&f);
}

/* A local body's symbol known only from another province names another
 * body's paper: every People's Committee numbers its plans from 1. */
static void test_local_symbol_only_within_its_province(void **state)
{
    (void)state;
    fixture f = {0};
    analyse(&f, "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM\nSố: 01/KH-UBND\n"
                "Quảng Nam, ngày 05 tháng 01 năm 2024\n\nKẾ HOẠCH\nthực hiện\n\n"
                "Thực hiện Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị.\n");
    analyse(&f, "ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG\nSố: 07/KH-UBND\n"
                "Sóc Trăng, ngày 10 tháng 02 năm 2024\n\nKẾ HOẠCH\nthực hiện\n\n"
                "Căn cứ Kế hoạch số 01/KH-UBND của UBND tỉnh; Kết luận số 120-KL/TW.\n");
    analyse(&f, "ỦY BAN NHÂN DÂN\nHUYỆN ĐẠI LỘC\nSố: 09/KH-UBND\n"
                "Đại Lộc, ngày 12 tháng 02 năm 2024\n\nKẾ HOẠCH\nthực hiện\n\n"
                "Căn cứ Kế hoạch số 01/KH-UBND của UBND tỉnh Quảng Nam.\n");
    resolve_all(&f);
    assert_string_equal(f.docs[0].meta.province, "Quảng Nam");
    assert_string_equal(f.docs[1].meta.province, "Sóc Trăng");
    assert_string_equal(f.docs[2].meta.province, "Quảng Nam");
    /* Sóc Trăng's "01/KH-UBND" is not Quảng Nam's plan; a Party symbol of
     * the centre is everyone's */
    assert_string_equal(cite(&f, 1, 0)->symbol, "01/KH-UBND");
    assert_null(cite(&f, 1, 0)->instrument);
    assert_string_equal(cite(&f, 1, 1)->instrument, "120-KL/TW@2016-01-07");
    /* a plan of Quảng Nam resolves it */
    assert_string_equal(cite(&f, 2, 0)->instrument, "01/KH-UBND@2024-01-05");
    done(&f);
}

static void test_name_by_citing_date(void **state)
{
    (void)state;
    fixture f = {.reg = real_registry()};
    analyse(&f, "Hà Nội, ngày 05 tháng 3 năm 2018\nThực hiện Bộ luật Lao động và Luật Tố cáo.");
    analyse(&f, "Hà Nội, ngày 05 tháng 3 năm 2024\nThực hiện Bộ luật Lao động; Luật Khiếu nại, tố cáo.");
    analyse(&f, "Thực hiện Bộ luật Lao động năm 2012; Luật Tổ chức Quốc hội.");
    resolve_all(&f);
    assert_string_equal(cite(&f, 0, 0)->instrument, "10/2012/QH13");
    assert_string_equal(cite(&f, 0, 1)->instrument, "03/2011/QH13");
    assert_string_equal(cite(&f, 1, 0)->instrument, "45/2019/QH14");
    assert_string_equal(cite(&f, 1, 1)->instrument, "02/2011/QH13");
    assert_string_equal(cite(&f, 1, 2)->instrument, "25/2018/QH14");
    /* no document date, but the year written with the name decides */
    assert_string_equal(cite(&f, 2, 0)->instrument, "10/2012/QH13");
    /* a name the registry does not know is still a citation, unresolved */
    assert_string_equal(cite(&f, 2, 1)->name, "Luật Tổ chức Quốc hội");
    assert_null(cite(&f, 2, 1)->instrument);
    done(&f);
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

/* The table filled one document at a time and each document resolved on
 * its own (as vn_corpus_stream does) gives what vn_resolve gives them all
 * at once: variants united by the corpus's majority, undated symbols and
 * short forms found in other documents, ambiguity. */
static void test_two_passes_give_the_same(void **state)
{
    (void)state;
    static const char *texts[] = {
        "Quy định số 11-QĐi/TW, ngày 18/02/2019 của Bộ Chính trị. Chỉ thị số 17-CT/TU ngày "
        "06/01/2022 và Chỉ thị số 17-CT/TU ngày 04/01/2021 của Ban Thường vụ Tỉnh ủy.",
        "Quy định số 11-QĐ/TW ngày 18/02/2019 của Bộ Chính trị; Quy định số 11-QĐ/TW ngày "
        "18/02/2019; Kế hoạch số 26-KH/BCĐ ngày 31/01/2024; Chỉ thị số 16-CT/TU ngày 05/01/2021.",
        "Theo Chỉ thị số 16 của Ban Thường vụ Tỉnh ủy. Theo Chỉ thị số 17 của Ban Thường vụ "
        "Tỉnh ủy. Kế hoạch số 26-KH/BCĐ; Quy định số 11-QĐ/TW của Bộ Chính trị.",
        "Quy định số 11-QĐi/TW ngày 18/02/2019. Theo Quyết định số 217, 218 của Bộ Chính trị.",
    };
    fixture whole = {.reg = real_registry()}, apart = {.reg = real_registry()};
    for (size_t d = 0; d < MAX_DOCS; d++) {
        analyse(&whole, texts[d]);
        analyse(&apart, texts[d]);
    }
    resolve_all(&whole);

    vn_error err;
    vn_resolve_table *t;
    assert_int_equal(vn_resolve_table_create(&t, &err), VN_OK);
    vn_resolve_doc one = {&apart.docs[0].meta, &apart.docs[0].extract.citations};
    assert_int_equal(vn_resolve_with(&one, 1, t, apart.reg, &err), VN_ERR_USAGE);
    for (size_t d = MAX_DOCS; d-- > 0;)   /* any order */
        assert_int_equal(vn_resolve_table_add(t, &apart.docs[d].meta,
                                              &apart.docs[d].extract.citations, &err), VN_OK);
    assert_int_equal(vn_resolve_table_finish(t, apart.reg, &err), VN_OK);
    assert_int_equal(vn_resolve_table_add(t, &apart.docs[0].meta,
                                          &apart.docs[0].extract.citations, &err), VN_ERR_USAGE);
    for (size_t d = MAX_DOCS; d-- > 0;) {
        vn_resolve_doc rd = {&apart.docs[d].meta, &apart.docs[d].extract.citations};
        assert_int_equal(vn_resolve_with(&rd, 1, t, apart.reg, &err), VN_OK);
    }
    vn_resolve_table_free(t);

    size_t resolved = 0, ambiguous = 0, united = 0;
    for (size_t d = 0; d < MAX_DOCS; d++) {
        assert_int_equal(whole.docs[d].extract.citations.count,
                         apart.docs[d].extract.citations.count);
        for (size_t k = 0; k < whole.docs[d].extract.citations.count; k++) {
            const vn_citation *a = cite(&whole, d, k), *b = cite(&apart, d, k);
            assert_string_equal(a->symbol, b->symbol);
            assert_string_equal(or_empty(a->instrument), or_empty(b->instrument));
            assert_string_equal(or_empty(a->corrected), or_empty(b->corrected));
            assert_string_equal(or_empty(a->candidates), or_empty(b->candidates));
            assert_int_equal(a->ambiguous, b->ambiguous);
            resolved += a->instrument != NULL;
            ambiguous += a->ambiguous;
            united += a->corrected != NULL;
        }
    }
    /* the texts do reach every kind of cross-document answer */
    assert_string_equal(cite(&whole, 2, 0)->instrument, "16-CT/TU@2021-01-05");
    assert_string_equal(cite(&whole, 2, 2)->instrument, "26-KH/BCĐ@2024-01-31");
    assert_true(ambiguous > 0);
    assert_true(united >= 2);
    assert_true(resolved > 8);
    done(&whole);
    done(&apart);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_symbol_two_dates_two_instruments),
        cmocka_unit_test(test_undated_needs_exactly_one_candidate),
        cmocka_unit_test(test_year_rules_out_other_years),
        cmocka_unit_test(test_quy_dinh_variant_united_by_registry),
        cmocka_unit_test(test_quy_dinh_variant_united_by_corpus),
        cmocka_unit_test(test_list_form_resolved_by_type_and_issuer),
        cmocka_unit_test(test_short_form_resolved_by_number_from_corpus),
        cmocka_unit_test(test_short_form_issued_when_it_says),
        cmocka_unit_test(test_undated_resolved_by_a_document_of_the_corpus),
        cmocka_unit_test(test_local_symbol_only_within_its_province),
        cmocka_unit_test(test_name_by_citing_date),
        cmocka_unit_test(test_two_passes_give_the_same),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
