/* test_metadata.c — document metadata of the five sample plans. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "indexer/analyze.h"
#include "indexer/metadata.h"

static vn_analysis a;

static void load(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", VNCITE_CORPUS, name);
    vn_error err;
    assert_int_equal(vn_analyze_file(path, NULL, &a, &err), VN_OK);
}

static void range_is(const vn_date_range *r, const char *from, const char *to, vn_date_precision p)
{
    char a1[11], b1[11];
    assert_string_equal(vn_date_iso(r->first, a1), from);
    assert_string_equal(vn_date_iso(r->last, b1), to);
    assert_int_equal(r->precision, p);
}

static void test_party_plan_with_full_header(void **state)
{
    (void)state;
    load("cao-loc-thuy-hung-dang-uy-2024-ke-hoach-150.txt");
    assert_string_equal(a.meta.own_number, "150-KH/ĐU");
    assert_string_equal(a.meta.type_word, "Kế hoạch");
    assert_string_equal(a.meta.title, "Thực hiện dân chủ ở cơ sở năm 2024");
    assert_string_equal(a.meta.place, "Thụy Hùng");
    range_is(&a.meta.date, "2024-02-26", "2024-02-26", VN_DATE_DAY);
    assert_string_equal(a.meta.signer, "Chu Việt Hoan");
    assert_string_equal(a.meta.signer_title, "PHÓ BÍ THƯ THƯỜNG TRỰC");
    assert_int_equal(a.recipients.count, 5);
    assert_string_equal(a.recipients.items[4], "Lưu Văn phòng Đảng ủy");
    assert_false(a.meta.draft);
    assert_non_null(strstr(a.meta.issuer, "ĐẢNG ỦY XÃ THỤY HÙNG"));
    vn_analysis_free(&a);
}

static void test_draft_with_blank_number_and_year_only(void **state)
{
    (void)state;
    load("duc-pho-bcd-2023-ke-hoach-du-thao.txt");
    assert_true(a.meta.draft);
    assert_string_equal(a.meta.own_number, "-KH/BCĐ");
    assert_string_equal(a.meta.type_word, "Kế hoạch");
    assert_string_equal(a.meta.title, "thực hiện Quy chế dân chủ ở cơ sở năm 2023");
    range_is(&a.meta.date, "2023-01-01", "2023-12-31", VN_DATE_YEAR);
    vn_analysis_free(&a);
}

static void test_month_only_date_and_body_issuer(void **state)
{
    (void)state;
    load("tay-ninh-so-cong-thuong-2024-ke-hoach.txt");
    assert_string_equal(a.meta.own_number, "/KH-SCT");
    range_is(&a.meta.date, "2024-03-01", "2024-03-31", VN_DATE_MONTH);
    assert_string_equal(a.meta.place, "Tây Ninh");
    assert_string_equal(a.meta.province, "Tây Ninh");
    assert_string_equal(a.meta.issuer, "Sở Công Thương");
    assert_string_equal(a.meta.signer, "");
    vn_analysis_free(&a);
}

static void test_no_date_line_uses_latest_citation(void **state)
{
    (void)state;
    load("soc-trang-mttq-2024-ke-hoach-qcdc.txt");
    assert_int_equal(a.meta.date.precision, VN_DATE_NONE);
    char iso[11];
    assert_string_equal(vn_date_iso(a.meta.after, iso), "2023-08-16");
    vn_date_range eff;
    assert_true(vn_docmeta_effective_date(&a.meta, &eff));
    assert_string_equal(vn_date_iso(eff.first, iso), "2023-08-16");
    assert_string_equal(a.meta.province, "Sóc Trăng");
    assert_string_equal(a.meta.issuer, "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh");
    assert_string_equal(a.meta.signer, "Từ Tố Quyên");
    vn_analysis_free(&a);
}

static void test_non_nfc_file(void **state)
{
    (void)state;
    load("yen-bai-dang-uy-khoi-2024-ke-hoach-qcdc.txt");
    assert_string_equal(a.meta.title, "Xây dựng và thực hiện Quy chế dân chủ ở cơ sở năm 2024");
    assert_string_equal(a.meta.place, "Yên Bái");
    range_is(&a.meta.date, "2024-03-25", "2024-03-25", VN_DATE_DAY);
    assert_string_equal(a.meta.own_number, "");
    vn_analysis_free(&a);
}

/* A two-column header set on one line with a tab (Word documents and their
 * conversions): the issuer is the left column, not the motto after it. */
/* A text saved from a portal: its record gives date, issuer and signer when
 * the text has no header of its own; a header, when there is one, wins. */
static void test_portal_record(void **state)
{
    (void)state;
    const char *t = "Số hiệu: 33/KH-UBND\nLoại văn bản: Kế hoạch\nNơi ban hành: Tỉnh Quảng Nam\n"
                    "Người ký: Nguyễn Văn A\nNgày ban hành: 05/03/2024\nNgày hiệu lực: 06/03/2024\n"
                    "\nKẾ HOẠCH\nThực hiện Quy chế dân chủ ở cơ sở năm 2024\n\nNội dung.\n";
    vn_docmeta m;
    vn_metadata_read(t, strlen(t), NULL, &m, NULL);
    range_is(&m.date, "2024-03-05", "2024-03-05", VN_DATE_DAY);
    assert_string_equal(m.issuer, "Tỉnh Quảng Nam");
    assert_string_equal(m.signer, "Nguyễn Văn A");
    assert_string_equal(m.province, "Quảng Nam");
    assert_string_equal(m.type_word, "Kế hoạch");

    const char *h = "Ngày ban hành: 05/03/2024\nCơ quan ban hành: UBND tỉnh\n"
                    "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\nĐà Nẵng, ngày 04 tháng 3 năm 2024\n"
                    "KẾ HOẠCH\nvề việc\nThực hiện tại TP. Đà Nẵng và thành phố Đà Nẵng.\n";
    vn_metadata_read(h, strlen(h), NULL, &m, NULL);
    range_is(&m.date, "2024-03-04", "2024-03-04", VN_DATE_DAY);
    assert_string_equal(m.issuer, "ỦY BAN NHÂN DÂN - THÀNH PHỐ ĐÀ NẴNG");
    assert_string_equal(m.province, "Đà Nẵng");
}

static void test_header_columns_split_by_a_tab(void **state)
{
    (void)state;
    const char *t = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    "TỈNH QUẢNG NAM\tĐộc lập - Tự do - Hạnh phúc\n"
                    "Số: 12/KH-UBND\tQuảng Nam, ngày 10 tháng 01 năm 2025\n"
                    "KẾ HOẠCH\nThực hiện dân chủ ở cơ sở\n";
    vn_docmeta m;
    vn_metadata_read(t, strlen(t), NULL, &m, NULL);
    assert_string_equal(m.issuer, "ỦY BAN NHÂN DÂN - TỈNH QUẢNG NAM");
    assert_string_equal(m.type_word, "Kế hoạch");
    assert_string_equal(m.place, "Quảng Nam");
    range_is(&m.date, "2025-01-10", "2025-01-10", VN_DATE_DAY);
}

/* The same header laid out with spaces (pdftotext -layout, plain text),
 * and a signature block beside the recipients; two spaces are not a gap. */
static void test_header_and_tail_columns_split_by_spaces(void **state)
{
    (void)state;
    const char *t = "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                    "TỈNH QUẢNG NAM                              Độc lập - Tự do - Hạnh phúc\n"
                    "Số: 45/KH-UBND                         Quảng Nam, ngày 10 tháng 3 năm 2024\n"
                    "\nKẾ HOẠCH\nTriển khai thực hiện\n\nNội dung.\n\n"
                    "Nơi nhận:                                     TM. ỦY BAN NHÂN DÂN\n"
                    "- Như trên;                                   KT. CHỦ TỊCH\n"
                    "- Lưu: VT.                                    PHÓ CHỦ TỊCH\n"
                    "\n                                              Nguyễn Văn An\n";
    vn_docmeta m;
    vn_recipients to;
    vn_metadata_read(t, strlen(t), NULL, &m, &to);
    assert_string_equal(m.issuer, "ỦY BAN NHÂN DÂN - TỈNH QUẢNG NAM");
    assert_string_equal(m.place, "Quảng Nam");
    range_is(&m.date, "2024-03-10", "2024-03-10", VN_DATE_DAY);
    assert_string_equal(m.province, "Quảng Nam");
    assert_int_equal(to.count, 2);
    assert_string_equal(to.items[0], "Như trên");
    assert_string_equal(to.items[1], "Lưu: VT");
    assert_string_equal(m.signer, "Nguyễn Văn An");
    assert_string_equal(m.signer_title, "PHÓ CHỦ TỊCH");

    t = "BAN CHỈ ĐẠO  CỘNG HÒA\nHuyện X, ngày 5 tháng 6 năm 2024\n";
    vn_metadata_read(t, strlen(t), NULL, &m, NULL);
    assert_string_equal(m.issuer, "BAN CHỈ ĐẠO  CỘNG HÒA");
    assert_string_equal(m.place, "Huyện X");
}

/* The date line without its comma, or without a place; a sentence with a
 * date before the heading is not the document's date. */
static void test_date_line_without_a_comma(void **state)
{
    (void)state;
    vn_docmeta m;
    const char *t = "ỦY BAN NHÂN DÂN\nSố: 12/KH-UBND\nQuảng Nam ngày 10 tháng 3 năm 2024\nKẾ HOẠCH\n";
    vn_metadata_read(t, strlen(t), NULL, &m, NULL);
    assert_string_equal(m.place, "Quảng Nam");
    range_is(&m.date, "2024-03-10", "2024-03-10", VN_DATE_DAY);
    t = "ỦY BAN NHÂN DÂN\nNgày 10 tháng 3 năm 2024\nKẾ HOẠCH\n";
    vn_metadata_read(t, strlen(t), NULL, &m, NULL);
    assert_string_equal(m.place, "");
    range_is(&m.date, "2024-03-10", "2024-03-10", VN_DATE_DAY);
    t = "ỦY BAN NHÂN DÂN\nThực hiện Kế hoạch ngày 10 tháng 3 năm 2024\n"
        "Quảng Nam ngày 10 tháng 3 năm 2024 đã họp\nKẾ HOẠCH\n";
    vn_metadata_read(t, strlen(t), NULL, &m, NULL);
    assert_int_equal(m.date.precision, VN_DATE_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_party_plan_with_full_header),
        cmocka_unit_test(test_draft_with_blank_number_and_year_only),
        cmocka_unit_test(test_month_only_date_and_body_issuer),
        cmocka_unit_test(test_no_date_line_uses_latest_citation),
        cmocka_unit_test(test_non_nfc_file),
        cmocka_unit_test(test_header_columns_split_by_a_tab),
        cmocka_unit_test(test_portal_record),
        cmocka_unit_test(test_header_and_tail_columns_split_by_spaces),
        cmocka_unit_test(test_date_line_without_a_comma),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
