/* test_extract.c — the citation scanner on sentences taken from real plans. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "indexer/extract.h"

static vn_extract_result run(const char *text)
{
    vn_extract_result r;
    vn_error err;
    assert_int_equal(vn_extract(text, strlen(text), NULL, &r, &err), VN_OK);
    return r;
}

static const vn_citation *at(const vn_extract_result *r, size_t i)
{
    assert_true(i < r->citations.count);
    return &r->citations.items[i];
}

static void date_is(const vn_citation *c, const char *iso)
{
    char buf[11];
    assert_string_equal(vn_date_range_str(&c->date, buf), iso);
}

static void test_full_citation(void **state)
{
    (void)state;
    const char *t = "Thực hiện Nghị định số 59/2023/NĐ-CP, ngày 14/8/2023 của Chính phủ quy định "
                    "chi tiết; Kết luận số 120-KL/TW, ngày 07/01/2016 của Bộ Chính trị khóa XI về tiếp tục";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 2);
    const vn_citation *c = at(&r, 0);
    assert_int_equal(c->kind, VN_CITE_NUMBERED);
    assert_string_equal(c->symbol, "59/2023/NĐ-CP");
    assert_string_equal(c->type_word, "Nghị định");
    assert_string_equal(c->number, "59");
    assert_true(c->has_year);
    date_is(c, "2023-08-14");
    assert_string_equal(c->issuer, "Chính phủ");
    assert_int_equal(c->start, strlen("Thực hiện "));
    c = at(&r, 1);
    assert_string_equal(c->symbol, "120-KL/TW");
    assert_false(c->has_year);
    assert_string_equal(c->issuer, "Bộ Chính trị");
    assert_string_equal(c->term, "XI");
    date_is(c, "2016-01-07");
    vn_extract_result_free(&r);
}

static void test_shared_trailing_date(void **state)
{
    (void)state;
    const char *t = "theo Quyết định số 217-QĐ/TW , Quyết định số 218-QĐ/TW , ngày 12/12/2013 "
                    "của Bộ Chính trị; việc";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 2);
    date_is(at(&r, 0), "2013-12-12");
    assert_true(at(&r, 0)->date_shared);
    assert_string_equal(at(&r, 0)->issuer, "Bộ Chính trị");
    date_is(at(&r, 1), "2013-12-12");
    assert_false(at(&r, 1)->date_shared);
    vn_extract_result_free(&r);
}

/* A date or an issuer after two citations belongs to both only when their
 * symbols name one body; each with its own date, they share the issuer. */
static void test_sharing_needs_one_issuer(void **state)
{
    (void)state;
    const char *t = "Căn cứ Nghị định số 15/2020/NĐ-CP và Thông tư số 01/2021/TT-BTC ngày "
                    "5/1/2021 của Bộ Tài chính; Quyết định số 26/2019/QĐ-UBND ngày 20/9/2019 "
                    "và Quyết định số 12/2021/QĐ-UBND ngày 5/3/2021 của UBND tỉnh; Công văn số "
                    "12/UBND-VX và Công văn số 13/UBND-KT của UBND huyện; Luật số 10/2022/QH15 "
                    "và Luật số 25/2018/QH14 của Quốc hội.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 8);
    assert_int_equal(at(&r, 0)->date.precision, VN_DATE_NONE);
    assert_string_equal(at(&r, 0)->issuer, "");
    assert_string_equal(at(&r, 1)->issuer, "Bộ Tài chính");
    date_is(at(&r, 2), "2019-09-20");
    assert_false(at(&r, 2)->date_shared);
    assert_string_equal(at(&r, 2)->issuer, "UBND tỉnh");
    assert_string_equal(at(&r, 4)->issuer, "UBND huyện");
    assert_string_equal(at(&r, 6)->issuer, "Quốc hội");
    vn_extract_result_free(&r);
}

/* A place's abbreviation keeps its dot inside an issuer; a sentence's dot
 * still ends it. */
static void test_issuer_with_a_place_abbreviation(void **state)
{
    (void)state;
    const char *t = "Căn cứ Quyết định số 123/QĐ-UBND ngày 5/6/2023 của UBND TP. Hồ Chí Minh về "
                    "việc; Công văn số 12/UBND-VX của UBND Tx. Ba Đồn; Kế hoạch số 5/KH-UBND của "
                    "UBND tỉnh. Tp. Huế đã";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 3);
    assert_string_equal(at(&r, 0)->issuer, "UBND TP. Hồ Chí Minh");
    assert_string_equal(at(&r, 1)->issuer, "UBND Tx. Ba Đồn");
    assert_string_equal(at(&r, 2)->issuer, "UBND tỉnh");
    vn_extract_result_free(&r);
}

static void test_list_form(void **state)
{
    (void)state;
    const char *t = "góp ý xây dựng Đảng theo Quyết định số 217, 218 của Bộ Chính trị.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 2);
    assert_int_equal(at(&r, 0)->kind, VN_CITE_LIST);
    assert_string_equal(at(&r, 0)->number, "217");
    assert_string_equal(at(&r, 1)->number, "218");
    assert_string_equal(at(&r, 1)->type_word, "Quyết định");
    assert_string_equal(at(&r, 0)->issuer, "Bộ Chính trị");
    vn_extract_result_free(&r);
}

/* "số 1234, 1235 và 1236/QĐ-UBND": the bare numbers take the symbol's
 * suffix, and its date and issuer, as they take its type word. */
static void test_list_sharing_a_suffix(void **state)
{
    (void)state;
    const char *t = "Căn cứ các Quyết định số 1234, 1235 và 1236/QĐ-UBND ngày 12/3/2021 của "
                    "UBND tỉnh; Nghị định số 15, 16/2020/NĐ-CP; Quyết định số 12, Kế hoạch số "
                    "13/KH-UBND.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 7);
    const char *symbols[] = {"1234/QĐ-UBND", "1235/QĐ-UBND", "1236/QĐ-UBND", "15/2020/NĐ-CP",
                             "16/2020/NĐ-CP", "", "13/KH-UBND"};
    for (size_t k = 0; k < 7; k++)
        assert_string_equal(at(&r, k)->symbol, symbols[k]);
    for (size_t k = 0; k < 3; k++) {
        assert_int_equal(at(&r, k)->kind, VN_CITE_NUMBERED);
        assert_string_equal(at(&r, k)->type_word, "Quyết định");
        date_is(at(&r, k), "2021-03-12");
        assert_string_equal(at(&r, k)->issuer, "UBND tỉnh");
    }
    assert_true(at(&r, 3)->has_year);
    assert_string_equal(at(&r, 5)->number, "12");     /* another type word parts them */
    assert_int_equal(at(&r, 5)->kind, VN_CITE_SHORT);
    vn_extract_result_free(&r);
}

/* "Nghị định số 15/2020": a number with its year but without the codes is
 * a short citation of that year; without "số" only the year form is one. */
static void test_number_with_a_year_only(void **state)
{
    (void)state;
    const char *t = "Căn cứ Nghị định số 15/2020 của Chính phủ; Nghị định 04/2015 về dân chủ; "
                    "Quyết định 217 của Bộ Chính trị; Thông tư số 01/2020/ về; tháng 12/2020 "
                    "nay; Nghị định số 20/2016, 21/2016 ngày 5/4/2016.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 4);
    const vn_citation *c = at(&r, 0);
    assert_int_equal(c->kind, VN_CITE_SHORT);
    assert_string_equal(c->symbol, "");
    assert_string_equal(c->number, "15");
    assert_string_equal(c->type_word, "Nghị định");
    assert_string_equal(c->issuer, "Chính phủ");
    date_is(c, "2020");
    assert_int_equal(c->end - c->start, strlen("Nghị định số 15/2020"));
    c = at(&r, 1);
    assert_int_equal(c->kind, VN_CITE_SHORT);
    assert_string_equal(c->number, "04");
    date_is(c, "2015");
    /* a date written after the list says more than the year */
    assert_int_equal(at(&r, 2)->kind, VN_CITE_LIST);
    assert_string_equal(at(&r, 2)->number, "20");
    date_is(at(&r, 2), "2016-04-05");
    assert_string_equal(at(&r, 3)->number, "21");
    vn_extract_result_free(&r);
}

/* A year at the very end of the text is read from its four digits, never
 * past them: the text need not end with a NUL (ASan sees an over-read). */
static void test_year_at_the_end_of_the_text(void **state)
{
    (void)state;
    static const char *const texts[] = {"Căn cứ Nghị định số 15/2020", "Căn cứ Luật Đất đai năm 2013",
                                        "Căn cứ Luật Đất đai 2013"};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        size_t n = strlen(texts[k]);
        char *exact = malloc(n);
        memcpy(exact, texts[k], n);
        vn_extract_result r;
        vn_error err;
        assert_int_equal(vn_extract(exact, n, NULL, &r, &err), VN_OK);
        assert_int_equal(r.citations.count, 1);
        assert_int_equal(r.citations.items[0].date.first.year, k == 0 ? 2020 : 2013);
        vn_extract_result_free(&r);
        free(exact);
    }
}

/* Without "số", a number with its year cites only after the type word (or
 * its code) of a type whose symbols carry a year. */
static void test_number_with_a_year_after_a_type(void **state)
{
    (void)state;
    const char *t = "Căn cứ NĐ 15/2020 và TT 01/2021; Báo cáo 12/2024 và KH 11/2024 nay; "
                    "xNĐ 16/2020; Báo cáo số 10/2024.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 3);
    assert_string_equal(at(&r, 0)->type_word, "Nghị định");
    assert_int_equal(at(&r, 0)->start, strlen("Căn cứ "));
    assert_string_equal(at(&r, 1)->type_word, "Thông tư");
    assert_string_equal(at(&r, 1)->number, "01");
    assert_string_equal(at(&r, 2)->type_word, "Báo cáo");
    assert_string_equal(at(&r, 2)->number, "10");
    vn_extract_result_free(&r);
}

/* The year written with a number is its own: never passed to the citation
 * before it, and never replaced by the year of a symbol that shares its codes. */
static void test_written_year_stays_with_its_number(void **state)
{
    (void)state;
    const char *t = "Căn cứ Nghị định số 11/2018/NĐ-CP, Nghị định số 17/2020; Nghị định số "
                    "15/2019, 16/2020/NĐ-CP.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 4);
    assert_string_equal(at(&r, 0)->symbol, "11/2018/NĐ-CP");
    assert_int_equal(at(&r, 0)->date.precision, VN_DATE_NONE);
    assert_false(at(&r, 0)->date_shared);
    date_is(at(&r, 1), "2020");
    assert_int_equal(at(&r, 2)->kind, VN_CITE_NUMBERED);
    assert_string_equal(at(&r, 2)->symbol, "15/2019/NĐ-CP");
    assert_true(at(&r, 2)->has_year);
    assert_int_equal(at(&r, 2)->date.precision, VN_DATE_NONE);
    assert_string_equal(at(&r, 3)->symbol, "16/2020/NĐ-CP");
    vn_extract_result_free(&r);
}

/* Titles the stop-word rule would cut are read whole, in any case, and only
 * when written whole; a name followed by its symbol is still one citation. */
static void test_titles_past_the_stop_word_rule(void **state)
{
    (void)state;
    const char *t = "Căn cứ Luật Các tổ chức tín dụng năm 2010; Pháp lệnh thực hiện dân chủ ở xã, "
                    "phường, thị trấn; Luật Phí và lệ phí số 97/2015/QH13; Luật Các tổ chức "
                    "khác; Luật Tần số vô tuyến điện.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 5);
    assert_string_equal(at(&r, 0)->name, "Luật Các tổ chức tín dụng");
    date_is(at(&r, 0), "2010");
    assert_string_equal(at(&r, 1)->name, "Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn");
    assert_int_equal(at(&r, 2)->kind, VN_CITE_NUMBERED);
    assert_string_equal(at(&r, 2)->symbol, "97/2015/QH13");
    assert_int_equal(at(&r, 2)->start, strstr(t, "Luật Phí") - t);
    assert_string_equal(at(&r, 3)->name, "Luật Các");      /* not the title: the rule */
    assert_string_equal(at(&r, 4)->name, "Luật Tần số vô tuyến điện");
    vn_extract_result_free(&r);
}

/* The constitution cited by its full title: the year after the title is
 * its date (the 1992 constitution is not the 2013 one). */
static void test_constitution_year_after_its_title(void **state)
{
    (void)state;
    const char *t = "Căn cứ Hiến pháp nước Cộng hoà xã hội chủ nghĩa Việt Nam năm 1992 đã được "
                    "sửa đổi, bổ sung một số điều theo Nghị quyết số 51/2001/QH10; Căn cứ Hiến "
                    "pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 3);
    assert_string_equal(at(&r, 0)->name, "Hiến pháp");
    date_is(at(&r, 0), "1992");
    assert_string_equal(at(&r, 1)->symbol, "51/2001/QH10");
    assert_string_equal(at(&r, 2)->name, "Hiến pháp");
    assert_int_equal(at(&r, 2)->date.precision, VN_DATE_NONE);
    vn_extract_result_free(&r);
}

/* A type code before "số" stands for its type word ("CV số", "QĐ số"),
 * written exactly and as a word of its own. */
static void test_type_code_as_type_word(void **state)
{
    (void)state;
    const char *t = "Triển khai CV số 12/UBND-VX; theo QĐ số 217, 218 của Bộ Chính trị; "
                    "xCV số 13/UBND-VX; Cv số 14/UBND-VX.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 5);
    assert_string_equal(at(&r, 0)->type_word, "Công văn");
    assert_int_equal(at(&r, 0)->start, strlen("Triển khai "));
    assert_string_equal(at(&r, 1)->type_word, "Quyết định");
    assert_int_equal(at(&r, 1)->kind, VN_CITE_LIST);
    assert_string_equal(at(&r, 2)->number, "218");
    assert_string_equal(at(&r, 3)->type_word, "");
    assert_string_equal(at(&r, 4)->type_word, "");
    vn_extract_result_free(&r);
}

/* A quoted citation keeps the date and issuer after its closing quote; a
 * quoted title ending with a citation leaves them to what it names. */
static void test_quoted_citation(void **state)
{
    (void)state;
    const char *t = "Căn cứ “Quyết định số 30/QĐ-UBND” ngày 03/02/2020 của UBND tỉnh; "
                    "\"Nghị định số 15/2020/NĐ-CP\", ngày 03/02/2020; Kế hoạch “Triển khai "
                    "Quyết định số 12/QĐ-UBND” ngày 5/5/2022 của UBND huyện.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 3);
    date_is(at(&r, 0), "2020-02-03");
    assert_string_equal(at(&r, 0)->issuer, "UBND tỉnh");
    date_is(at(&r, 1), "2020-02-03");
    assert_int_equal(at(&r, 2)->date.precision, VN_DATE_NONE);
    assert_string_equal(at(&r, 2)->issuer, "");
    vn_extract_result_free(&r);
    /* the trailing issuer passes over a year written after the first symbol */
    r = run("Căn cứ Nghị quyết 01/NQ-CP năm 2024 và Nghị quyết 02/NQ-CP ngày 5/1/2024 của "
            "Chính phủ.");
    assert_int_equal(r.citations.count, 2);
    date_is(at(&r, 0), "2024");
    assert_string_equal(at(&r, 0)->issuer, "Chính phủ");
    vn_extract_result_free(&r);
}

/* The issuer written before the date; after a comma the date must end the
 * clause, or it dates what follows. */
static void test_date_after_the_issuer(void **state)
{
    (void)state;
    const char *t = "Căn cứ Quyết định số 1234/QĐ-UBND của UBND tỉnh ngày 15/6/2021 về việc; "
                    "Nghị định số 17/2020/NĐ-CP của Chính phủ, ngày 05/02/2020; theo Quyết "
                    "định số 12/QĐ-UBND của UBND tỉnh, ngày 15/6/2021 Sở đã tổ chức.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 3);
    date_is(at(&r, 0), "2021-06-15");
    assert_string_equal(at(&r, 0)->issuer, "UBND tỉnh");
    date_is(at(&r, 1), "2020-02-05");
    assert_string_equal(at(&r, 1)->issuer, "Chính phủ");
    assert_int_equal(at(&r, 2)->date.precision, VN_DATE_NONE);
    assert_string_equal(at(&r, 2)->issuer, "UBND tỉnh");
    vn_extract_result_free(&r);
    /* a date that is no date is not the citation's; the issuer after it is */
    t = "Quyết định số 12/QĐ-UBND ngày 31/02/2021 của UBND tỉnh; Quyết định số 13/QĐ-UBND "
        "ngày 31/02/2021 Sở đã họp.";
    r = run(t);
    assert_int_equal(r.citations.count, 2);
    assert_int_equal(at(&r, 0)->date.precision, VN_DATE_NONE);
    assert_string_equal(at(&r, 0)->issuer, "UBND tỉnh");
    assert_string_equal(at(&r, 1)->issuer, "");
    vn_extract_result_free(&r);
}

/* Justified text (pdftotext -layout) spaces words apart: the type word
 * still reads, and names and issuers keep one space between words. */
static void test_runs_of_spaces(void **state)
{
    (void)state;
    const char *t = "Căn   cứ   Nghị   định   số   15/2020/NĐ-CP   ngày   03/02/2020   của   "
                    "Chính   phủ;   Thông\ntư số 01/2021/TT-BNV.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 2);
    assert_int_equal(at(&r, 0)->start, strlen("Căn   cứ   "));
    assert_string_equal(at(&r, 0)->type_word, "Nghị định");
    assert_string_equal(at(&r, 0)->issuer, "Chính phủ");
    assert_int_equal(at(&r, 1)->start, strstr(t, "Thông") - t);
    vn_extract_result_free(&r);
    t = "Căn cứ Luật   Tổ   chức   chính   quyền   địa   phương   ngày   19/6/2015;";
    r = run(t);
    assert_int_equal(r.citations.count, 1);
    assert_string_equal(at(&r, 0)->name, "Luật Tổ chức chính quyền địa phương");
    date_is(at(&r, 0), "2015-06-19");
    vn_extract_result_free(&r);
}

/* "của" ends no sentence: the issuer goes on after a paragraph break a
 * converter put there, but not after two. */
static void test_issuer_after_a_cut_paragraph(void **state)
{
    (void)state;
    const char *t = "Quyết định số 217-QĐ/TW, ngày 12/12/2013 của\n\nBộ Chính trị về; "
                    "Quyết định số 218-QĐ/TW của\n\n\nBộ Chính trị";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 2);
    assert_string_equal(at(&r, 0)->issuer, "Bộ Chính trị");
    assert_string_equal(at(&r, 1)->issuer, "");
    vn_extract_result_free(&r);
}

/* A footnote's number after the issuer ("của Chính phủ<sup>1</sup>;",
 * cleaned to "Chính phủ 1;") is not part of it; the numbers of "Quận 1",
 * "Ban Chỉ đạo 35" and "Trung ương 4" are, and so is one the clause goes
 * on after. */
static void test_footnote_mark_after_the_issuer(void **state)
{
    (void)state;
    const char *t = "Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ 1; Quyết định "
                    "số 12/QĐ-UBND của UBND Quận 1; Kế hoạch số 5/KH-BCĐ của Ban Chỉ đạo 35. "
                    "Nghị quyết số 5-NQ/TW của Hội nghị Trung ương 4, Quyết định số 14/QĐ-UBND "
                    "của UBND tỉnh 2 về việc";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 5);
    assert_string_equal(at(&r, 0)->issuer, "Chính phủ");
    assert_string_equal(at(&r, 1)->issuer, "UBND Quận 1");
    assert_string_equal(at(&r, 2)->issuer, "Ban Chỉ đạo 35");
    assert_string_equal(at(&r, 3)->issuer, "Hội nghị Trung ương 4");
    assert_string_equal(at(&r, 4)->issuer, "UBND tỉnh 2");
    vn_extract_result_free(&r);
}

/* "Nghị quyết số 01/NQ-CP năm 2024": a yearless symbol's year after it is
 * its date; a symbol with its year, or "năm học", takes none. */
static void test_year_after_a_yearless_symbol(void **state)
{
    (void)state;
    const char *t = "Nghị quyết 01/NQ-CP, 02/NQ-CP năm 2024 của Chính phủ; Nghị định số "
                    "15/2020/NĐ-CP năm 2021; Kế hoạch số 12/KH-UBND năm học 2023-2024.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 4);
    date_is(at(&r, 0), "2024");
    date_is(at(&r, 1), "2024");
    assert_string_equal(at(&r, 1)->issuer, "Chính phủ");
    assert_int_equal(at(&r, 2)->date.precision, VN_DATE_NONE);
    assert_int_equal(at(&r, 3)->date.precision, VN_DATE_NONE);
    vn_extract_result_free(&r);
}

/* A letter glued to the number before the slash is part of it ("123a",
 * numbers put in between); a dotted sub-number is not read as two. */
static void test_numbers_with_a_letter_or_a_dot(void **state)
{
    (void)state;
    const char *t = "Căn cứ Quyết định số 123a/QĐ-UBND ngày 5/6/2021; Kế hoạch số 45B/KH-UBND; "
                    "Công văn số 12.1/UBND-VX; Quyết định số 217,218 của Bộ Chính trị.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 4);
    assert_string_equal(at(&r, 0)->symbol, "123a/QĐ-UBND");
    assert_string_equal(at(&r, 0)->number, "123a");
    date_is(at(&r, 0), "2021-06-05");
    assert_string_equal(at(&r, 1)->symbol, "45B/KH-UBND");
    assert_string_equal(at(&r, 2)->number, "217");
    assert_string_equal(at(&r, 3)->number, "218");
    vn_extract_result_free(&r);
}

/* "Nghị định số 59/2023/NĐ-CP, Nghị định số 60/2023/NĐ-CP của Chính phủ":
 * the issuer after the last of a list is every one's, as a date is; not
 * across a name or other words. */
static void test_issuer_shared_by_a_list(void **state)
{
    (void)state;
    const char *t = "Căn cứ Nghị định số 59/2023/NĐ-CP, Nghị định số 60/2023/NĐ-CP của Chính phủ; "
                    "Quyết định số 12/QĐ-UBND về việc thành lập, Nghị định số 61/2023/NĐ-CP của "
                    "Chính phủ.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 4);
    assert_string_equal(at(&r, 0)->issuer, "Chính phủ");
    assert_int_equal(at(&r, 0)->date.precision, VN_DATE_NONE);
    assert_false(at(&r, 0)->date_shared);
    assert_string_equal(at(&r, 1)->issuer, "Chính phủ");
    assert_string_equal(at(&r, 2)->issuer, "");
    vn_extract_result_free(&r);
}

/* Text from a PDF wraps lines inside sentences: a name or an issuer goes
 * on when the next line starts in lower case, and stops when it starts a
 * new sentence or item. */
static void test_wrapped_lines(void **state)
{
    (void)state;
    const char *t = "Căn cứ Quyết định số 1234/QĐ-UBND ngày 5/6/2021 của UBND\ntỉnh Quảng Nam;\n"
                    "Căn cứ Luật Tổ chức chính\nquyền địa phương ngày 19/6/2015;\n"
                    "Căn cứ Quyết định số 12/QĐ-UBND của UBND tỉnh\nNăm nay;\n";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 3);
    assert_string_equal(at(&r, 0)->issuer, "UBND tỉnh Quảng Nam");
    assert_string_equal(at(&r, 1)->name, "Luật Tổ chức chính quyền địa phương");
    date_is(at(&r, 1), "2015-06-19");
    assert_string_equal(at(&r, 2)->issuer, "UBND tỉnh");
    vn_extract_result_free(&r);
}

/* A portal's record gives the number as "Số hiệu:", and the text's header
 * gives it again: neither is a citation; another number in a header is. */
static void test_own_number_written_twice(void **state)
{
    (void)state;
    const char *t = "Số hiệu: 33/KH-BCĐ\nLoại văn bản: Kế hoạch\n\nBAN CHỈ ĐẠO\nSố: 33/KH-BCĐ\n"
                    "Số: 34/KH-BCĐ\nCăn cứ Kế hoạch số 12/KH-BCĐ; số hiệu 35/KH-BCĐ.";
    vn_extract_result r = run(t);
    assert_true(r.has_own_number);
    assert_string_equal(r.own_number, "33/KH-BCĐ");
    assert_int_equal(r.citations.count, 3);
    assert_string_equal(at(&r, 0)->symbol, "34/KH-BCĐ");
    assert_string_equal(at(&r, 1)->symbol, "12/KH-BCĐ");
    assert_string_equal(at(&r, 2)->symbol, "35/KH-BCĐ");
    vn_extract_result_free(&r);
}

static void test_own_number_is_not_a_citation(void **state)
{
    (void)state;
    const char *t = "ĐẢNG ỦY XÃ THỤY HÙNG\n*\nSố 150-KH/ĐU\n\nKẾ HOẠCH\nThực hiện Kế hoạch số "
                    "26-KH/BCĐ, ngày 23/02/2024 của Ban Chỉ đạo";
    vn_extract_result r = run(t);
    assert_true(r.has_own_number);
    assert_string_equal(r.own_number, "150-KH/ĐU");
    assert_int_equal(r.citations.count, 1);
    assert_string_equal(at(&r, 0)->symbol, "26-KH/BCĐ");
    vn_extract_result_free(&r);

    const char *blank = "\n\nSố: /KH-SCT\n\nTây Ninh, ngày tháng 3 năm 2024\n";
    r = run(blank);
    assert_true(r.has_own_number);
    assert_string_equal(r.own_number, "/KH-SCT");
    assert_int_equal(r.citations.count, 0);
    vn_extract_result_free(&r);
}

/* Laws head their own number "Luật số: 91/2015/QH13"; a line that opens
 * with a citation stays a citation. */
static void test_law_headers(void **state)
{
    (void)state;
    vn_extract_result r = run("QUỐC HỘI\n--------\n\nLuật số: 91/2015/QH13\n\nHà Nội, ngày 24 "
                              "tháng 11 năm 2015\n\nBỘ LUẬT\n\nDÂN SỰ\n");
    assert_true(r.has_own_number);
    assert_string_equal(r.own_number, "91/2015/QH13");
    assert_int_equal(r.citations.count, 0);
    vn_extract_result_free(&r);

    r = run("Bộ luật số: 45/2019/QH14\n");
    assert_string_equal(r.own_number, "45/2019/QH14");
    assert_int_equal(r.citations.count, 0);
    vn_extract_result_free(&r);

    r = run("Kết luận số 120-KL/TW\nLuật số 10/2022/QH15 quy định về dân chủ ở cơ sở.\n");
    assert_false(r.has_own_number);
    assert_int_equal(r.citations.count, 2);
    vn_extract_result_free(&r);
}

/* "và" inside an issuer's name continues it; before another citation it ends it. */
static void test_issuer_with_and(void **state)
{
    (void)state;
    vn_extract_result r = run("Thông tư số 05/2020/TT-BNNPTNT của Bộ Nông nghiệp và Phát triển "
                              "nông thôn quy định; Kế hoạch số 107-KH/ĐUK của Ban Thường vụ Đảng "
                              "ủy Khối cơ quan và doanh nghiệp tỉnh về việc; Nghị định số "
                              "59/2023/NĐ-CP của Chính phủ và Kế hoạch số 12-KH/TU của Tỉnh ủy và "
                              "các văn bản.");
    assert_int_equal(r.citations.count, 4);
    assert_string_equal(at(&r, 0)->issuer, "Bộ Nông nghiệp và Phát triển nông thôn");
    assert_string_equal(at(&r, 1)->issuer, "Ban Thường vụ Đảng ủy Khối cơ quan và doanh nghiệp tỉnh");
    assert_string_equal(at(&r, 2)->issuer, "Chính phủ");
    assert_string_equal(at(&r, 3)->issuer, "Tỉnh ủy");
    vn_extract_result_free(&r);
}

/* Forms of the laws of the 1990s and 2000s. */
static void test_old_law_forms(void **state)
{
    (void)state;
    vn_extract_result r = run("Căn cứ Luật số 73/2006/QH 11 ngày 29/6/2006 và Luật số 18-L/CTN "
                              "ngày 06/7/1993 của Quốc hội.");
    assert_int_equal(r.citations.count, 2);
    assert_string_equal(at(&r, 0)->symbol, "73/2006/QH11");   /* the term written apart */
    date_is(at(&r, 0), "2006-06-29");
    assert_string_equal(at(&r, 1)->symbol, "18-L/CTN");       /* L = Luật, CTN = Chủ tịch nước */
    date_is(at(&r, 1), "1993-07-06");
    vn_extract_result_free(&r);

    /* a one-letter list marker is still no symbol, nor a number after QH that goes on */
    r = run("Các nội dung sau:\n1- Đ\u1ea7u tư công\n2- B/c kết quả\nQuốc hội khóa QH 12a\n");
    assert_int_equal(r.citations.count, 0);
    vn_extract_result_free(&r);
}

static void test_glued_and_messy(void **state)
{
    (void)state;
    const char *t = "theo Quy định số12-QĐ/TWngày 05/3/2020 của Ban Bí thư; Chỉ thị số 30/CT\n-TTg "
                    "ngày 26/11/2021 của Thủ tướng Chính phủ về";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 2);
    assert_string_equal(at(&r, 0)->symbol, "12-QĐ/TW");
    date_is(at(&r, 0), "2020-03-05");
    assert_string_equal(at(&r, 0)->issuer, "Ban Bí thư");
    assert_string_equal(at(&r, 1)->symbol, "30/CT-TTg");
    assert_string_equal(at(&r, 1)->issuer, "Thủ tướng Chính phủ");
    vn_extract_result_free(&r);
}

static void test_pinpoint_and_name(void **state)
{
    (void)state;
    const char *t = "quan hệ lao động, Khoản 4 Điều 63 của Bộ luật lao động về thực hiện; "
                    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; pháp Luật này";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 2);
    const vn_citation *c = at(&r, 0);
    assert_int_equal(c->kind, VN_CITE_NAME);
    assert_string_equal(c->pinpoint.article, "63");
    assert_string_equal(c->pinpoint.clause, "4");
    assert_string_equal(c->type_word, "Bộ luật");
    c = at(&r, 1);
    assert_string_equal(c->name, "Luật Tổ chức chính quyền địa phương");
    date_is(c, "2015-06-19");
    vn_extract_result_free(&r);
}

static void test_no_false_positives(void **state)
{
    (void)state;
    const char *t = "giai đoạn 2021 - 2030; trước ngày 10/4/2023; Quý IV/2023; "
                    "Ban Công tác phía Nam T176; COVID-19; Luật sư; Luật này có hiệu lực";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 0);
    vn_extract_result_free(&r);
    /* the numbers of forms, annexes and tables; the instrument after them is cited */
    t = "theo Mẫu số 01/BC; Biểu số 03/TH; tờ khai mẫu số 05/KK-TNCN; Phụ lục số 2/PL; "
        "Biểu mẫu số 4/BC ban hành kèm theo Thông tư số 80/2021/TT-BTC.";
    r = run(t);
    assert_int_equal(r.citations.count, 1);
    assert_string_equal(at(&r, 0)->symbol, "80/2021/TT-BTC");
    vn_extract_result_free(&r);
    /* houses, lots and parcels; a standard's year */
    t = "Nhà số 123/QL1A; Lô số 12/KCN Điện Nam; thửa đất số 45/TĐ; tờ bản đồ số 7/BĐ; "
        "theo QCVN 01:2019/BYT và TCVN 5945:2005; Công văn số 15/UBND của UBND huyện.";
    r = run(t);
    assert_int_equal(r.citations.count, 1);
    assert_string_equal(at(&r, 0)->symbol, "15/UBND");
    vn_extract_result_free(&r);
    /* alone, a symbol must say whose it is: a year, two codes, a known issuer */
    t = "Tổ 5/KP3 phường Hòa Thuận; Km 12+500/QL1A; mã số thuế 0401234567/CT; ký hiệu 12/VP; "
        "Mục tiêu 1/KH: nâng cao nhận thức; theo 575/UBND-NC, 123/UBND và 196-CP.";
    r = run(t);
    assert_int_equal(r.citations.count, 3);
    assert_string_equal(at(&r, 0)->symbol, "575/UBND-NC");
    assert_string_equal(at(&r, 1)->symbol, "123/UBND");
    assert_string_equal(at(&r, 2)->symbol, "196-CP");
    vn_extract_result_free(&r);
}

/* Forms the sample plans do not show but other documents do. */
static void test_forms_beyond_the_samples(void **state)
{
    (void)state;
    const char *t = "Căn cứ Thông tư liên tịch số 04/2014/TTLT-BTP-TANDTC-VKSNDTC ngày 15/5/2014; "
                    "điểm a khoản 2 Điều 3 Thông tư số 01/2021/TT-BNV; Nghị định số: 59/2023/NĐ-CP; "
                    "các Nghị định số 04/2015/NĐ\u2013CP và số 61/2023/NĐ-CP của Chính phủ; "
                    "Quyết định số 217-QĐ/TW và 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị; "
                    "Thông báo kết luận số 123-TB/TW; Pháp lệnh số 02/2022/UBTVQH15.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 9);
    assert_string_equal(at(&r, 0)->symbol, "04/2014/TTLT-BTP-TANDTC-VKSNDTC");
    assert_string_equal(at(&r, 0)->type_word, "Thông tư liên tịch");
    const vn_citation *c = at(&r, 1);
    assert_string_equal(c->symbol, "01/2021/TT-BNV");
    assert_string_equal(c->pinpoint.point, "a");
    assert_string_equal(c->pinpoint.clause, "2");
    assert_string_equal(c->pinpoint.article, "3");
    assert_string_equal(at(&r, 2)->symbol, "59/2023/NĐ-CP");
    assert_string_equal(at(&r, 3)->symbol, "04/2015/NĐ-CP");
    /* "và số 61/…": no type word of its own, the code says Nghị định */
    assert_string_equal(at(&r, 4)->symbol, "61/2023/NĐ-CP");
    assert_string_equal(at(&r, 4)->type_word, "Nghị định");
    assert_string_equal(at(&r, 4)->issuer, "Chính phủ");
    /* "217-QĐ/TW và 218-QĐ/TW ngày …": the date belongs to both */
    date_is(at(&r, 5), "2013-12-12");
    assert_true(at(&r, 5)->date_shared);
    date_is(at(&r, 6), "2013-12-12");
    assert_string_equal(at(&r, 7)->type_word, "Thông báo kết luận");
    assert_string_equal(at(&r, 8)->symbol, "02/2022/UBTVQH15");
    vn_extract_result_free(&r);
}

/* The type word and the issuer written before "số", the ordinal "năm" in an
 * issuer, a type code glued to its issuer's. */
static void test_issuer_before_the_number(void **state)
{
    (void)state;
    const char *t = "Căn cứ Nghị quyết của Quốc hội số 30/2021/QH15 ngày 28/7/2021; "
                    "Quyết định của Ủy ban nhân dân thành phố Đà Nẵng số 12/QĐ-UBND; "
                    "theo quy định của Bộ luật dân sự số 91/2015/QH13; "
                    "Nghị quyết số 21-NQ/TW ngày 16/6/2022 của Hội nghị lần thứ năm Ban Chấp hành "
                    "Trung ương Đảng khóa XIII; Quyết định số 1238/QĐUBND ngày 5/5/2023.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 5);
    const vn_citation *c = at(&r, 0);
    assert_string_equal(c->symbol, "30/2021/QH15");
    assert_string_equal(c->type_word, "Nghị quyết");
    assert_string_equal(c->issuer, "Quốc hội");
    date_is(c, "2021-07-28");
    c = at(&r, 1);
    assert_string_equal(c->type_word, "Quyết định");
    assert_string_equal(c->issuer, "Ủy ban nhân dân thành phố Đà Nẵng");
    /* "quy định của Bộ luật dân sự": the law is no issuer, the name goes on */
    c = at(&r, 2);
    assert_string_equal(c->symbol, "91/2015/QH13");
    assert_string_equal(c->type_word, "Bộ luật");
    assert_null(c->issuer[0] ? c->issuer : NULL);
    c = at(&r, 3);
    assert_string_equal(c->issuer, "Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng");
    assert_string_equal(c->term, "XIII");
    assert_string_equal(at(&r, 4)->symbol, "1238/QĐ-UBND");
    vn_extract_result_free(&r);
    /* "ký ngày": the date after the signing verb; a province's dash */
    t = "Quyết định số 101/QĐ-UBND, ký ngày 6/9/2016; Quyết định số 116/QĐ-UBND ngày "
        "21/9/2016 của UBND tỉnh Bà Rịa - Vũng Tàu; Kế hoạch số 5-KH/BDVTU của Ban Dân vận "
        "Tỉnh ủy - cơ quan thường trực.";
    r = run(t);
    assert_int_equal(r.citations.count, 3);
    date_is(at(&r, 0), "2016-09-06");
    assert_string_equal(at(&r, 1)->issuer, "UBND tỉnh Bà Rịa - Vũng Tàu");
    assert_string_equal(at(&r, 2)->issuer, "Ban Dân vận Tỉnh ủy");
    vn_extract_result_free(&r);
    /* the issuer before a list's first number is the list's */
    r = run("Căn cứ các Nghị định của Chính phủ: số 15/2020/NĐ-CP, số 14/2022/NĐ-CP; "
            "Quyết định số 12/QĐ-UBND ngày 3/3/2024 của UBND tỉnh; số 13/QĐ-UBND.");
    assert_int_equal(r.citations.count, 4);
    assert_string_equal(at(&r, 0)->issuer, "Chính phủ");
    assert_string_equal(at(&r, 1)->issuer, "Chính phủ");
    assert_string_equal(at(&r, 2)->issuer, "UBND tỉnh");
    assert_string_equal(at(&r, 3)->issuer, "");     /* written after, and past a ';' */
    vn_extract_result_free(&r);
    r = run("Căn cứ Nghị định của Chính phủ: số 59/2023/NĐ-CP ngày 14/8/2023, số "
            "61/2023/NĐ-CP ngày 16/8/2023;");
    assert_int_equal(r.citations.count, 2);
    assert_string_equal(at(&r, 1)->issuer, "Chính phủ");     /* past the first one's date */
    date_is(at(&r, 1), "2023-08-16");
    vn_extract_result_free(&r);
    /* a list of bare numbers after the issuer */
    r = run("Thực hiện các Quyết định của Bộ Chính trị số 217, 218 ngày 12/12/2013;");
    assert_int_equal(r.citations.count, 2);
    assert_string_equal(at(&r, 0)->type_word, "Quyết định");
    assert_string_equal(at(&r, 0)->issuer, "Bộ Chính trị");
    assert_string_equal(at(&r, 1)->issuer, "Bộ Chính trị");
    date_is(at(&r, 1), "2013-12-12");
    vn_extract_result_free(&r);
    /* a date alone in brackets after the symbol */
    r = run("Quyết định số 211/QĐ-UBND (05/9/2016) của UBND tỉnh; Quyết định số 213/QĐ-UBND "
            "(05/9/2016 - 06/9/2016).");
    assert_int_equal(r.citations.count, 2);
    date_is(at(&r, 0), "2016-09-05");
    assert_string_equal(at(&r, 0)->issuer, "UBND tỉnh");
    assert_int_equal(at(&r, 1)->date.precision, VN_DATE_NONE);
    vn_extract_result_free(&r);
    /* … or after a comma, when nothing but a clause's end or "của" follows it */
    r = run("Quyết định số 212/QĐ-UBND, 05/9/2016 của UBND tỉnh; Quyết định số 215/QĐ-UBND, "
            "01/2024/QĐ-UBND; Quyết định số 214/QĐ-UBND, 05/9/2016 tổ chức hội nghị.");
    assert_int_equal(r.citations.count, 4);
    date_is(at(&r, 0), "2016-09-05");
    assert_string_equal(at(&r, 0)->issuer, "UBND tỉnh");
    assert_int_equal(at(&r, 1)->date.precision, VN_DATE_NONE);
    assert_string_equal(at(&r, 2)->symbol, "01/2024/QĐ-UBND");
    assert_int_equal(at(&r, 3)->date.precision, VN_DATE_NONE);
    vn_extract_result_free(&r);
    /* a type code without "số" before a whole symbol */
    r = run("theo CV 124/UBND-VX; TB 130/TB-UBND.");
    assert_int_equal(r.citations.count, 2);
    assert_string_equal(at(&r, 0)->type_word, "Công văn");
    assert_string_equal(at(&r, 0)->symbol, "124/UBND-VX");
    assert_string_equal(at(&r, 1)->type_word, "Thông báo");
    vn_extract_result_free(&r);
}

/* The word lists match in any case and whatever the first letter's width:
 * capitals and non-ASCII letters at the start of type words, "số", stop
 * words and name openers, and citations that end the text. */
static void test_word_lists_in_any_case(void **state)
{
    (void)state;
    const char *t = "căn cứ QUYẾT ĐỊNH SỐ 12-QĐ/TW của Bộ Chính trị để triển khai; "
                    "ĐỀ ÁN số 03-ĐA/TU của Ủy ban nhân dân tỉnh về việc; "
                    "theo Luật Đất đai năm 2013 và Chỉ thị số 05-CT/TW của Bộ Chính trị";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 4);
    const vn_citation *c = at(&r, 0);
    assert_string_equal(c->type_word, "Quyết định");
    assert_string_equal(c->symbol, "12-QĐ/TW");
    assert_string_equal(c->issuer, "Bộ Chính trị");
    assert_int_equal(c->start, strlen("căn cứ "));
    c = at(&r, 1);
    assert_string_equal(c->type_word, "Đề án");
    assert_string_equal(c->issuer, "Ủy ban nhân dân tỉnh");
    c = at(&r, 2);
    assert_int_equal(c->kind, VN_CITE_NAME);
    assert_string_equal(c->type_word, "Luật");
    assert_string_equal(c->name, "Luật Đất đai");
    date_is(c, "2013");
    c = at(&r, 3);
    assert_string_equal(c->symbol, "05-CT/TW");
    assert_string_equal(c->issuer, "Bộ Chính trị");
    assert_int_equal(c->end, strlen(t) - strlen(" của Bộ Chính trị"));
    vn_extract_result_free(&r);
}

/* An amending law is one instrument, named after the laws it amends; the
 * date after it is its own, not the last amended law's (the preamble of
 * nearly every provincial decision since 2019). */
static void test_amending_laws(void **state)
{
    (void)state;
    const char *t =
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, "
        "bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa "
        "phương ngày 22 tháng 11 năm 2019;\n"
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu "
        "tư theo phương thức đối tác công tư và Luật Đấu thầu ngày 29/11/2024;\n"
        "Căn cứ Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch "
        "ngày 20 tháng 11 năm 2018;\n"
        "Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh Thẩm phán số 14/2011/PL-UBTVQH12.\n"
        "Luật sửa đổi lần này; Luật sửa đổi, bổ sung có hiệu lực.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 6);
    const vn_citation *c = at(&r, 0);
    assert_string_equal(c->name, "Luật Tổ chức chính quyền địa phương");
    date_is(c, "2015-06-19");
    c = at(&r, 1);
    assert_int_equal(c->kind, VN_CITE_NAME);
    assert_string_equal(c->type_word, "Luật");
    assert_string_equal(c->name, "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính "
                                 "phủ và Luật Tổ chức chính quyền địa phương");
    date_is(c, "2019-11-22");
    c = at(&r, 2);
    assert_string_equal(c->name, "Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật "
                                 "Đầu tư, Luật Đầu tư theo phương thức đối tác công tư và Luật "
                                 "Đấu thầu");
    date_is(c, "2024-11-29");
    c = at(&r, 3);
    assert_string_equal(c->name, "Luật sửa đổi, bổ sung một số điều của 37 luật có liên quan "
                                 "đến quy hoạch");
    date_is(c, "2018-11-20");
    c = at(&r, 4);
    assert_string_equal(c->type_word, "Pháp lệnh");
    assert_string_equal(c->name, "Pháp lệnh sửa đổi, bổ sung một số điều của Pháp lệnh Thẩm phán");
    assert_string_equal(at(&r, 5)->symbol, "14/2011/PL-UBTVQH12");
    vn_extract_result_free(&r);
}

/* Law names that join words with ", " or "và", from the laws' own titles;
 * any other comma or "và" ends the name.  A footnote number after a name
 * is not part of it, and a bare year after it is its date. */
static void test_name_pairs_and_numbers(void **state)
{
    (void)state;
    const char *t = "Căn cứ Luật Phổ biến, giáo dục pháp luật ngày 20/6/2012; Luật Thi đua, "
                    "khen thưởng ngày 15/6/2022; Luật Hôn nhân và gia đình năm 2014; "
                    "Luật Đầu tư, trừ các trường hợp; Luật Đất đai và các văn bản; "
                    "Luật Viên chức 2 ngày 15/11/2010; Bộ luật Hình sự 2015.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 7);
    assert_string_equal(at(&r, 0)->name, "Luật Phổ biến, giáo dục pháp luật");
    date_is(at(&r, 0), "2012-06-20");
    assert_string_equal(at(&r, 1)->name, "Luật Thi đua, khen thưởng");
    date_is(at(&r, 1), "2022-06-15");
    assert_string_equal(at(&r, 2)->name, "Luật Hôn nhân và gia đình");
    date_is(at(&r, 2), "2014");
    assert_string_equal(at(&r, 3)->name, "Luật Đầu tư");
    assert_string_equal(at(&r, 4)->name, "Luật Đất đai");
    assert_string_equal(at(&r, 5)->name, "Luật Viên chức");
    assert_string_equal(at(&r, 6)->name, "Bộ luật Hình sự");
    date_is(at(&r, 6), "2015");
    vn_extract_result_free(&r);
}

/* The verb of a title ends the issuer before it: "của Chính phủ sửa đổi,
 * bổ sung …", "của Thủ tướng Chính phủ phê duyệt …". */
static void test_issuer_ends_at_the_title_verb(void **state)
{
    (void)state;
    const char *t = "Nghị định số 154/2020/NĐ-CP ngày 31/12/2020 của Chính phủ sửa đổi, bổ sung "
                    "một số điều của Nghị định số 34/2016/NĐ-CP; Quyết định số 1665/QĐ-TTg "
                    "ngày 14/10/2021 của Thủ tướng Chính phủ phê duyệt Đề án; Quyết định số "
                    "12/QĐ-UBND của UBND tỉnh thành lập Ban Chỉ đạo; Kế hoạch số 5-KH/TU của "
                    "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh về việc";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 5);
    assert_string_equal(at(&r, 0)->issuer, "Chính phủ");
    assert_string_equal(at(&r, 1)->symbol, "34/2016/NĐ-CP");
    assert_string_equal(at(&r, 2)->issuer, "Thủ tướng Chính phủ");
    assert_string_equal(at(&r, 3)->issuer, "UBND tỉnh");
    assert_string_equal(at(&r, 4)->issuer, "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh");
    vn_extract_result_free(&r);
}

/* A name followed by its own symbol is one numbered citation, typed and
 * pinpointed by the name; a name parted from a symbol by more than blanks
 * stays a name of its own. */
static void test_name_then_its_symbol(void **state)
{
    (void)state;
    const char *t = "Căn cứ Bộ luật Lao động số 45/2019/QH14; khoản 4 Điều 63 của Luật Tổ chức "
                    "chính quyền địa phương số 77/2015/QH13 ngày 19/6/2015; Luật Đất đai, "
                    "Nghị định số 43/2014/NĐ-CP; Luật Đất đai năm 2013 số 45/2013/QH13.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 6);
    const vn_citation *c = at(&r, 0);
    assert_int_equal(c->kind, VN_CITE_NUMBERED);
    assert_string_equal(c->symbol, "45/2019/QH14");
    assert_string_equal(c->type_word, "Bộ luật");
    assert_int_equal(c->start, strlen("Căn cứ "));
    c = at(&r, 1);
    assert_string_equal(c->symbol, "77/2015/QH13");
    assert_string_equal(c->type_word, "Luật");
    assert_string_equal(c->pinpoint.article, "63");
    assert_string_equal(c->pinpoint.clause, "4");
    date_is(c, "2015-06-19");
    assert_int_equal(at(&r, 2)->kind, VN_CITE_NAME);
    assert_string_equal(at(&r, 3)->symbol, "43/2014/NĐ-CP");
    c = at(&r, 4);
    assert_int_equal(c->kind, VN_CITE_NAME);
    date_is(c, "2013");
    assert_string_equal(at(&r, 5)->symbol, "45/2013/QH13");
    vn_extract_result_free(&r);
}

/* A footnote mark (" 1" as the cleaner keeps "<sup>1</sup>", "[1]", "[^1]",
 * "(1)") between a symbol and its date or issuer does not part them; other
 * numbers there are not footnotes. */
static void test_footnote_number_before_the_date(void **state)
{
    (void)state;
    const char *t = "Căn cứ Nghị định số 59/2023/NĐ-CP 1 ngày 14/8/2023 của Chính phủ; "
                    "Chỉ thị số 30/CT-TTg 2, ngày 26/11/2021; Kết luận số 120-KL/TW 3 của Bộ "
                    "Chính trị; Nghị định số 61/2023/NĐ-CP 12 ngày qua; Quyết định số "
                    "12/QĐ-TTg[1] ngày 3/1/2024; Chỉ thị số 31/CT-TTg(2) ngày 1/12/2021; "
                    "Kết luận số 121-KL/TW [^3], ngày 2/1/2016; Quyết định số 13/QĐ-TTg (123) ngày 4/1/2024.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 8);
    date_is(at(&r, 0), "2023-08-14");
    assert_string_equal(at(&r, 0)->issuer, "Chính phủ");
    date_is(at(&r, 1), "2021-11-26");
    assert_string_equal(at(&r, 2)->issuer, "Bộ Chính trị");
    assert_int_equal(at(&r, 3)->date.precision, 0);
    date_is(at(&r, 4), "2024-01-03");
    date_is(at(&r, 5), "2021-12-01");
    date_is(at(&r, 6), "2016-01-02");
    assert_int_equal(at(&r, 7)->date.precision, 0);   /* three digits: not a footnote mark */
    vn_extract_result_free(&r);
}

/* A type word glued to the number reads as "số" does; a number right after
 * "digits/" continues that token (a date, a rejected number) and is never
 * a symbol's. */
static void test_glued_type_word_and_continued_numbers(void **state)
{
    (void)state;
    const char *t = "Căn cứ Nghị định62/2023/NĐ-CP; mã xy63/2023/NĐ-CP; ngày 14/8/2023/NĐ.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 1);
    assert_string_equal(at(&r, 0)->symbol, "62/2023/NĐ-CP");
    assert_string_equal(at(&r, 0)->type_word, "Nghị định");
    vn_extract_result_free(&r);
}

/* Types the plans' neighbours cite: consolidated texts and the President's
 * orders, typed by their words or, without them, by their codes. */
static void test_consolidated_texts_and_orders(void **state)
{
    (void)state;
    const char *t = "Căn cứ Văn bản hợp nhất số 05/VBHN-VPQH ngày 12/12/2022; Lệnh số "
                    "05/2022/L-CTN ngày 21/11/2022; theo 06/VBHN-BTP.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 3);
    assert_string_equal(at(&r, 0)->type_word, "Văn bản hợp nhất");
    assert_string_equal(at(&r, 1)->symbol, "05/2022/L-CTN");
    assert_string_equal(at(&r, 1)->type_word, "Lệnh");
    assert_string_equal(at(&r, 2)->type_word, "Văn bản hợp nhất");
    vn_extract_result_free(&r);
}

/* Text typed without diacritics: "ngay" before a numeric date and "cua"
 * before a capitalised issuer still attach to the citation. */
static void test_unaccented_date_and_issuer(void **state)
{
    (void)state;
    const char *t = "Can cu Nghi dinh so 59/2023/ND-CP ngay 14/8/2023 cua Chinh phu; "
                    "Quyet dinh so 12/QD-TTg ngay mai cua toi.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 2);
    assert_string_equal(at(&r, 0)->symbol, "59/2023/NĐ-CP");
    date_is(at(&r, 0), "2023-08-14");
    assert_string_equal(at(&r, 0)->issuer, "Chinh phu");
    assert_int_equal(at(&r, 1)->date.precision, 0);
    assert_string_equal(at(&r, 1)->issuer, "");
    vn_extract_result_free(&r);
}

/* Symbols typed in lower case (read after "số" or a type word only, where a
 * paper is meant), with '_' or a thousands dot, and "ngày mùng". */
static void test_lowercase_symbols_and_mung(void **state)
{
    (void)state;
    const char *t = "Căn cứ Quyết định số 1242/qđ-ubnd ngày 12/5/2023 của UBND tỉnh; "
                    "Nghị định 15/2020/nđ-cp ngày 03/02/2020 của Chính phủ; "
                    "Công văn số 1239/UBND_VX ngày mùng 3 tháng 4 năm 2023 của UBND huyện. "
                    "Tỷ lệ đạt 12/kh-ubnd, lớp 10/tt-bgdđt. "
                    "Công văn số 1.234/UBND-KGVX ngày 5/4/2023 của UBND tỉnh V/v triển khai.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 4);
    assert_string_equal(at(&r, 0)->symbol, "1242/QĐ-UBND");
    assert_string_equal(at(&r, 0)->type_word, "Quyết định");
    date_is(at(&r, 0), "2023-05-12");
    assert_string_equal(at(&r, 0)->issuer, "UBND tỉnh");
    assert_int_equal(at(&r, 0)->symbol_end - at(&r, 0)->symbol_start, strlen("1242/qđ-ubnd"));
    assert_string_equal(at(&r, 1)->symbol, "15/2020/NĐ-CP");
    assert_string_equal(at(&r, 1)->issuer, "Chính phủ");
    assert_string_equal(at(&r, 2)->symbol, "1239/UBND-VX");
    date_is(at(&r, 2), "2023-04-03");
    assert_string_equal(at(&r, 2)->issuer, "UBND huyện");
    /* a thousands dot, and "V/v" (về việc) after the issuer */
    assert_string_equal(at(&r, 3)->symbol, "1234/UBND-KGVX");
    assert_string_equal(at(&r, 3)->issuer, "UBND tỉnh");
    vn_extract_result_free(&r);
}

/* "Chỉ thị 05" without "số" is the short name of a paper the text cited
 * in full before it; a number after another type word, or before the full
 * citation, is a count. */
static void test_short_name_without_so(void **state)
{
    (void)state;
    const char *t = "Qua 05 năm thực hiện Chỉ thị 05 của Bộ Chính trị. "
                    "Căn cứ Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị (gọi tắt là Chỉ thị 05); "
                    "kết quả thực hiện Chỉ thị 05, Nghị quyết 05 và Quyết định 15.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 3);
    assert_string_equal(at(&r, 0)->symbol, "05-CT/TW");
    for (size_t k = 1; k < 3; k++) {
        assert_int_equal(at(&r, k)->kind, VN_CITE_SHORT);
        assert_string_equal(at(&r, k)->type_word, "Chỉ thị");
        assert_string_equal(at(&r, k)->number, "05");
    }
    vn_extract_result_free(&r);
}

/* A table of papers, as the cleaner leaves a converted row: each cell on
 * its own line, so a date alone on the line after the symbol is its date. */
static void test_date_in_the_next_cell(void **state)
{
    (void)state;
    const char *t = "1\nQuyết định số 13/QĐ-UBND\n05/4/2023\nUBND tỉnh\n"
                    "2\nQuyết định số 14/QĐ-UBND\nngày 06/4/2023\n"
                    "3\nQuyết định số 15/QĐ-UBND\n07/4/2023: hội nghị sơ kết\n"
                    "Quyết định số 16/QĐ-UBND | 08/4/2023 | UBND huyện\n"
                    "Quyết định số 17/QĐ-UBND\n09/4/2023";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 5);
    date_is(at(&r, 0), "2023-04-05");
    date_is(at(&r, 1), "2023-04-06");
    assert_int_equal(at(&r, 2)->date.precision, 0);    /* the line goes on: not a cell */
    date_is(at(&r, 3), "2023-04-08");
    date_is(at(&r, 4), "2023-04-09");
    vn_extract_result_free(&r);
}

/* A superscript footnote mark a converter kept, a Party body named after
 * the date without "của", and a semicolon inside a list of bare "số". */
static void test_party_bodies_superscripts_and_semicolons(void **state)
{
    (void)state;
    const char *t = "Căn cứ Quyết định số 12/QĐ-UBND¹ ngày 5/4/2023 của UBND tỉnh; "
                    "Nghị quyết số 27-NQ/TW, ngày 09/11/2022, Hội nghị lần thứ sáu Ban Chấp hành "
                    "Trung ương Đảng khóa XIII; Chỉ thị số 05-CT/TW ngày 15/5/2016 Bộ Chính trị; "
                    "Kết luận số 14-KL/TW ngày 22/9/2021, Bộ Chính trị yêu cầu. "
                    "Căn cứ các Quyết định: số 14/QĐ-UBND ngày 1/2/2023; số 15/QĐ-UBND ngày "
                    "2/2/2023 của UBND huyện; Quyết định số 16/QĐ-UBND ngày 3/2/2023; "
                    "Quyết định số 17/QĐ-UBND ngày 4/2/2023 của UBND xã.";
    vn_extract_result r = run(t);
    assert_int_equal(r.citations.count, 8);
    date_is(at(&r, 0), "2023-04-05");
    assert_string_equal(at(&r, 0)->issuer, "UBND tỉnh");
    assert_string_equal(at(&r, 1)->issuer, "Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng");
    assert_string_equal(at(&r, 2)->issuer, "Bộ Chính trị");
    assert_string_equal(at(&r, 3)->issuer, "");        /* after a comma: a sentence */
    assert_string_equal(at(&r, 4)->issuer, "UBND huyện");
    assert_string_equal(at(&r, 5)->issuer, "UBND huyện");
    assert_string_equal(at(&r, 6)->issuer, "");        /* its own type word: another item */
    assert_string_equal(at(&r, 7)->issuer, "UBND xã");
    vn_extract_result_free(&r);
    /* the Party body right after the symbol, the date after it */
    r = run("Thực hiện Nghị quyết số 04-NQ/TW Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng "
            "khóa XII về tăng cường; Nghị quyết số 05-NQ/TW, Hội nghị Trung ương 4 khóa XII, ngày "
            "30/10/2016; Kết luận số 14-KL/TW, Bộ Chính trị yêu cầu.");
    assert_int_equal(r.citations.count, 3);
    assert_string_equal(at(&r, 0)->issuer, "Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng");
    assert_string_equal(at(&r, 1)->issuer, "Hội nghị Trung ương 4");
    date_is(at(&r, 1), "2016-10-30");
    assert_string_equal(at(&r, 2)->issuer, "");
    vn_extract_result_free(&r);
    /* a spaced dash inside a body's name goes on before a capital */
    r = run("Thông tư số 01/2023/TT-BLĐTBXH ngày 5/1/2023 của Bộ Lao động - Thương binh và Xã "
            "hội; Kế hoạch số 50/KH-LĐLĐ ngày 7/3/2023 của Liên đoàn Lao động tỉnh - cơ quan "
            "thường trực.");
    assert_int_equal(r.citations.count, 2);
    assert_string_equal(at(&r, 0)->issuer, "Bộ Lao động - Thương binh và Xã hội");
    assert_string_equal(at(&r, 1)->issuer, "Liên đoàn Lao động tỉnh");
    vn_extract_result_free(&r);
    r = run("Quyết định số 12/QĐ-UBND ngày 5/4/2023 của Chủ tịch UBND tỉnh - Trưởng Ban Chỉ "
            "đạo; Nghị quyết số 13/NQ-HĐND ngày 5/4/2023 của Ban Kinh tế - Ngân sách HĐND tỉnh.");
    assert_int_equal(r.citations.count, 2);
    assert_string_equal(at(&r, 0)->issuer, "Chủ tịch UBND tỉnh");     /* a role after the dash */
    assert_string_equal(at(&r, 1)->issuer, "Ban Kinh tế - Ngân sách HĐND tỉnh");
    vn_extract_result_free(&r);
    /* an abbreviation in brackets inside the name, not a term after it */
    r = run("Quyết định số 25/QĐ-UBND ngày 5/4/2023 của Ủy ban nhân dân (UBND) tỉnh về việc; "
            "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị (khóa XII).");
    assert_int_equal(r.citations.count, 2);
    assert_string_equal(at(&r, 0)->issuer, "Ủy ban nhân dân (UBND) tỉnh");
    assert_string_equal(at(&r, 1)->issuer, "Bộ Chính trị");
    assert_string_equal(at(&r, 1)->term, "XII");
    vn_extract_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_citation),
        cmocka_unit_test(test_party_bodies_superscripts_and_semicolons),
        cmocka_unit_test(test_date_in_the_next_cell),
        cmocka_unit_test(test_short_name_without_so),
        cmocka_unit_test(test_lowercase_symbols_and_mung),
        cmocka_unit_test(test_shared_trailing_date),
        cmocka_unit_test(test_list_form),
        cmocka_unit_test(test_list_sharing_a_suffix),
        cmocka_unit_test(test_sharing_needs_one_issuer),
        cmocka_unit_test(test_issuer_with_a_place_abbreviation),
        cmocka_unit_test(test_number_with_a_year_only),
        cmocka_unit_test(test_titles_past_the_stop_word_rule),
        cmocka_unit_test(test_written_year_stays_with_its_number),
        cmocka_unit_test(test_number_with_a_year_after_a_type),
        cmocka_unit_test(test_year_at_the_end_of_the_text),
        cmocka_unit_test(test_constitution_year_after_its_title),
        cmocka_unit_test(test_type_code_as_type_word),
        cmocka_unit_test(test_quoted_citation),
        cmocka_unit_test(test_date_after_the_issuer),
        cmocka_unit_test(test_runs_of_spaces),
        cmocka_unit_test(test_issuer_after_a_cut_paragraph),
        cmocka_unit_test(test_footnote_mark_after_the_issuer),
        cmocka_unit_test(test_year_after_a_yearless_symbol),
        cmocka_unit_test(test_numbers_with_a_letter_or_a_dot),
        cmocka_unit_test(test_issuer_shared_by_a_list),
        cmocka_unit_test(test_wrapped_lines),
        cmocka_unit_test(test_own_number_is_not_a_citation),
        cmocka_unit_test(test_own_number_written_twice),
        cmocka_unit_test(test_law_headers),
        cmocka_unit_test(test_old_law_forms),
        cmocka_unit_test(test_issuer_with_and),
        cmocka_unit_test(test_glued_and_messy),
        cmocka_unit_test(test_pinpoint_and_name),
        cmocka_unit_test(test_no_false_positives),
        cmocka_unit_test(test_forms_beyond_the_samples),
        cmocka_unit_test(test_issuer_before_the_number),
        cmocka_unit_test(test_word_lists_in_any_case),
        cmocka_unit_test(test_amending_laws),
        cmocka_unit_test(test_name_pairs_and_numbers),
        cmocka_unit_test(test_issuer_ends_at_the_title_verb),
        cmocka_unit_test(test_name_then_its_symbol),
        cmocka_unit_test(test_footnote_number_before_the_date),
        cmocka_unit_test(test_glued_type_word_and_continued_numbers),
        cmocka_unit_test(test_consolidated_texts_and_orders),
        cmocka_unit_test(test_unaccented_date_and_issuer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
