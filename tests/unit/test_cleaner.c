/* test_cleaner.c — removing Word-to-text artefacts, with exact offsets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indexer/cleaner.h"
#include "indexer/reader.h"
#include "sample_plans.h"

typedef struct cleaned {
    vn_buf out;
    vn_offmap map;
} cleaned;

/* Is input byte y inside a character reference ("&#7883;", "&amp;")? */
static bool inside_reference(const char *in, size_t len, size_t y)
{
    size_t a = y;
    while (a > 0 && y - a < 10 && in[a] != '&' && in[a] != ';')
        a--;
    if (in[a] != '&')
        return false;
    const char *semi = memchr(in + a, ';', len - a);
    return semi && (size_t)(semi - in) >= y && semi - (in + a) <= 10;
}

/* Every byte the cleaner kept maps to the same byte of the input; the only
 * bytes it writes itself are the spaces that stand for removed markup and
 * the characters that character references name (mapped into them). */
static void check_map_exact(const char *in, size_t len, const cleaned *c)
{
    assert_int_equal(c->map.out_len, c->out.len);
    assert_int_equal(c->map.in_len, len);
    for (size_t x = 0; x < c->out.len; x++) {
        size_t y = vn_offmap_to_input(&c->map, x);
        assert_true(y < len);
        /* a space stands for markup; a line break for a table's cell border */
        if (c->out.data[x] != ' ' && c->out.data[x] != in[y] &&
            !(c->out.data[x] == '\n' && (in[y] == '|' || in[y] == '<')) &&
            !inside_reference(in, len, y))
            fail_msg("output byte %zu '%c' maps to input byte %zu '%c'", x, c->out.data[x], y,
                     in[y]);
    }
    assert_int_equal(vn_offmap_to_input(&c->map, c->out.len), len);
}

static cleaned clean_n(const char *in, size_t len)
{
    cleaned c = {VN_BUF_INIT, VN_OFFMAP_INIT};
    assert_int_equal(vn_clean_markup(in, len, &c.out, &c.map), VN_OK);
    if (!c.out.data)
        vn_buf_reserve(&c.out, 0);
    check_map_exact(in, len, &c);
    return c;
}

static cleaned clean(const char *in)
{
    return clean_n(in, strlen(in));
}

static void done(cleaned *c)
{
    vn_buf_free(&c->out);
    vn_offmap_free(&c->map);
}

static void expect_clean(const char *in, const char *want)
{
    cleaned c = clean(in);
    assert_string_equal(c.out.data, want);
    done(&c);
}

/* Output offset of needle in the cleaned text maps to its input offset. */
static void expect_maps(const cleaned *c, const char *in, const char *needle)
{
    const char *o = strstr(c->out.data, needle), *i = strstr(in, needle);
    assert_non_null(o);
    assert_non_null(i);
    assert_int_equal(vn_offmap_to_input(&c->map, (size_t)(o - c->out.data)), (size_t)(i - in));
}

static void test_bold_and_italic(void **state)
{
    (void)state;
    const char *in = "**I- MỤC ĐÍCH, YÊU CẦU**\n\nở cơ sở (*sau đây viết tắt là QCDC*).";
    cleaned c = clean(in);
    assert_string_equal(c.out.data,
                        "I- MỤC ĐÍCH, YÊU CẦU\n\nở cơ sở (sau đây viết tắt là QCDC).");
    expect_maps(&c, in, "I- MỤC");
    expect_maps(&c, in, "\n\nở");
    expect_maps(&c, in, "sau đây");
    expect_maps(&c, in, ").");
    done(&c);
    expect_clean("**1.** Cấp ủy", "1. Cấp ủy");
    expect_clean("**a của**\n\n**2.** b", "a của\n\n2. b");
    expect_clean("***Điều 1.*** Phạm vi", "Điều 1. Phạm vi");
    expect_clean("__Chú ý__ và _ghi chú_", "Chú ý và ghi chú");
    expect_clean("**Điều** *5*", "Điều 5");
}

/* Bold that spans a hard line break (two spaces, newline) is one pair. */
static void test_emphasis_across_lines(void **state)
{
    (void)state;
    const char *in = "**ĐẢNG BỘ HUYỆN CAO LỘC  \nĐẢNG ỦY XÃ THỤY HÙNG**\n";
    cleaned c = clean(in);
    assert_string_equal(c.out.data, "ĐẢNG BỘ HUYỆN CAO LỘC  \nĐẢNG ỦY XÃ THỤY HÙNG\n");
    expect_maps(&c, in, "ĐẢNG ỦY");
    expect_maps(&c, in, "\n");
    done(&c);
    /* ... but never across a blank line, which ends a paragraph. */
    expect_clean("*a\n\nb*", "*a\n\nb*");
    expect_clean("*a\n \t\nb*", "*a\n \t\nb*");
}

/* Stars and underscores that are content stay. */
static void test_literal_stars(void **state)
{
    (void)state;
    expect_clean("* Hội đồng nhân dân", "* Hội đồng nhân dân"); /* a bullet */
    expect_clean(" *\n \tĐẢNG CỘNG SẢN", " *\n \tĐẢNG CỘNG SẢN"); /* a lone star */
    expect_clean("********\nĐiều 1", "********\nĐiều 1");          /* a rule */
    expect_clean("2*3 = 6 và 4 * 5", "2*3 = 6 và 4 * 5");
    expect_clean("Ghi chú (*) và (*)", "Ghi chú (*) và (*)");      /* footnote marks */
    expect_clean("năm 2024*", "năm 2024*");                          /* unpaired */
    expect_clean("*Ghi chú: xem trên", "*Ghi chú: xem trên");
    expect_clean("Số ___/KH và ngày ___", "Số ___/KH và ngày ___");  /* blanks */
    expect_clean("file_name_x", "file_name_x");
    expect_clean("**", "**");
    expect_clean("*", "*");
}

static void test_backslash_escapes(void **state)
{
    (void)state;
    const char *in = "\\*  \nSố 150\\-KH/ĐU \\\\ C:\\Thư mục \\";
    cleaned c = clean(in);
    assert_string_equal(c.out.data, "*  \nSố 150-KH/ĐU \\ C:\\Thư mục \\");
    expect_maps(&c, in, "*  ");
    expect_maps(&c, in, "Số 150");
    expect_maps(&c, in, "-KH");
    done(&c);
    /* An escaped star is text, never a delimiter. */
    expect_clean("\\*a*", "*a*");
}

static void test_headings(void **state)
{
    (void)state;
    const char *in = "### **III- PHƯƠNG PHÁP**\n#### **IV- TỔ CHỨC**\n";
    cleaned c = clean(in);
    assert_string_equal(c.out.data, "III- PHƯƠNG PHÁP\nIV- TỔ CHỨC\n");
    expect_maps(&c, in, "III-");
    expect_maps(&c, in, "IV-");
    done(&c);
    expect_clean("Mục #1 và ## không", "Mục #1 và ## không"); /* not at line start */
    expect_clean("#1 đầu dòng", "#1 đầu dòng");               /* no space after */
    expect_clean("####### bảy", "####### bảy");               /* more than six */
}

static void test_sup_sub(void **state)
{
    (void)state;
    const char *in = "dân chủ ở cơ sở<sup>1</sup>. Gắn\n<sup>1</sup> Gồm: (1) Kết luận";
    cleaned c = clean(in);
    assert_string_equal(c.out.data, "dân chủ ở cơ sở 1. Gắn\n1 Gồm: (1) Kết luận");
    size_t sup1 = (size_t)(strstr(in, "<sup>") - in), sup2 = (size_t)(strstr(in, "\n<sup>") - in) + 1;
    size_t one = (size_t)(strstr(c.out.data, " 1.") - c.out.data);
    assert_int_equal(vn_offmap_to_input(&c.map, one), sup1);         /* the space: the tag */
    assert_int_equal(vn_offmap_to_input(&c.map, one + 1), sup1 + 5); /* the number */
    expect_maps(&c, in, ". Gắn");
    size_t two = (size_t)(strstr(c.out.data, "\n1 Gồm") - c.out.data) + 1;
    assert_int_equal(vn_offmap_to_input(&c.map, two), sup2 + 5);
    expect_maps(&c, in, " Gồm");
    done(&c);
    /* The number never glues to a word on either side. */
    expect_clean("217-QĐ/TW<sup>2</sup>Quyết", "217-QĐ/TW 2 Quyết");
    expect_clean("H<sub>2</sub>O", "H 2 O");
    expect_clean("(<sup>3</sup>)", "( 3)");
}

static void test_html_tags(void **state)
{
    (void)state;
    expect_clean("<u>gạch</u> <b>đậm</b> <i>nghiêng</i> <em>x</em><strong>y</strong>",
                 "gạch đậm nghiêng xy");
    expect_clean("dòng một<br>dòng hai<br/>ba <br />bốn", "dòng một dòng hai ba bốn");
    expect_clean("<B>HOA</B> <Sup>4</SUP>", "HOA 4");
    /* Not tags we know: left alone. */
    expect_clean("a < b và c > d, <abc> <tables> <", "a < b và c > d, <abc> <tables> <");
    expect_clean("<a href=\"x.html\">Luật</a> <span style=\"x\">số</span> <td\n>",
                 "Luật số <td\n>");
}

/* Character references an HTML converter left: numeric and the five named
 * ones text carries are their characters; anything else stays. */
static void test_character_references(void **state)
{
    (void)state;
    expect_clean("Ngh&#7883; &#273;&#7883;nh s&#7889; 15/2020/N&#272;-CP",
                 "Nghị định số 15/2020/NĐ-CP");
    expect_clean("NN&amp;PTNT, NN&PTNT, &lt;b&gt; &quot;x&quot; &apos;y&apos; a&nbsp;b",
                 "NN&PTNT, NN&PTNT, <b> \"x\" 'y' a b");
    expect_clean("&#x110;&#X1ED3;ng Nai", "Đồng Nai");
    /* not references: no ';', no digits, a control, out of range, unknown names */
    expect_clean("&#7883 &#; &#x; &#0; &#31; &#99999999; &#xD800; &bogus; & ;",
                 "&#7883 &#; &#x; &#0; &#31; &#99999999; &#xD800; &bogus; & ;");
    cleaned c = clean("S&#7889; 15/2020/NĐ-CP");
    expect_maps(&c, "S&#7889; 15/2020/NĐ-CP", " 15/2020");
    done(&c);
}

/* A Word table converted to HTML (merged cells): each cell and paragraph a
 * line, attributes and all. */
static void test_html_tables(void **state)
{
    (void)state;
    expect_clean("<table><tr><td colspan=\"2\">ỦY BAN</td></tr>"
                 "<tr><td>Số: 45/KH-UBND</td><td>X, ngày 3</td></tr></table>",
                 "\n\n\nỦY BAN\n\n\n\nSố: 45/KH-UBND\n\nX, ngày 3\n\n\n");
    cleaned c = clean("<p align=\"center\">Nghị định số 59/2023/NĐ-CP</p>");
    assert_string_equal(c.out.data, "\nNghị định số 59/2023/NĐ-CP\n");
    expect_maps(&c, "<p align=\"center\">Nghị định số 59/2023/NĐ-CP</p>", "Nghị định");
    done(&c);
}

static void test_bookmarks_and_footnote_refs(void **state)
{
    (void)state;
    const char *in = "[bookmark: _GoBack]Tham mưu 217-QĐ/TW[footnoteRef:1], Quyết định "
                     "218-QĐ/TW[footnoteRef:12].";
    cleaned c = clean(in);
    assert_string_equal(c.out.data, "Tham mưu 217-QĐ/TW , Quyết định 218-QĐ/TW .");
    expect_maps(&c, in, "Tham");
    expect_maps(&c, in, ", Quyết");
    expect_maps(&c, in, ".");
    done(&c);
    expect_clean("[bookmark: _GoBack]\nKẾ HOẠCH", "\nKẾ HOẠCH");
    expect_clean("[endnoteRef:3] x", "  x");
    /* Brackets that are content stay. */
    expect_clean("[1] Luật số 10/2022/QH15 [footnoteRef:x] [bookmark: a\nb]",
                 "[1] Luật số 10/2022/QH15 [footnoteRef:x] [bookmark: a\nb]");
    expect_clean("{bookmark: a} {footnoteRef:1]", "{bookmark: a} {footnoteRef:1]");
}

/* A Word hyperlink as a converter writes it keeps its text; a linked
 * footnote number becomes a space; brackets that are no link stay. */
static void test_markdown_links(void **state)
{
    (void)state;
    const char *in = "Căn cứ [Quyết định số 12/QĐ-UBND](https://vbpl.vn/12) ngày 5/4/2023; "
                     "Nghị định số 59/2023/NĐ-CP[1](#_ftn1) ngày 14/8/2023[^2](#fn2).";
    cleaned c = clean(in);
    assert_string_equal(c.out.data, "Căn cứ Quyết định số 12/QĐ-UBND ngày 5/4/2023; "
                                    "Nghị định số 59/2023/NĐ-CP  ngày 14/8/2023 .");
    expect_maps(&c, in, "Quyết");
    expect_maps(&c, in, " ngày 5/4");
    expect_maps(&c, in, " ngày 14/8");
    done(&c);
    expect_clean("[mục 2] và [a](b c) và [](x) và [x]()", "[mục 2] và [a](b c) và [](x) và [x]()");
    expect_clean("[a\n](b)", "[a\n](b)");
}

static void test_empty_and_plain(void **state)
{
    (void)state;
    cleaned c = clean_n("", 0);
    assert_int_equal(c.out.len, 0);
    done(&c);
    const char *plain = "Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022;\n- Nghị định số 59/2023";
    c = clean(plain);
    assert_string_equal(c.out.data, plain);
    assert_int_equal(c.map.count, 0);
    done(&c);
}

/* Output is appended; offsets in the map are relative to this call. */
static void test_appends(void **state)
{
    (void)state;
    vn_buf out = VN_BUF_INIT;
    vn_buf_append(&out, "head", 4);
    vn_offmap map = VN_OFFMAP_INIT;
    assert_int_equal(vn_clean_markup("**ab**", 6, &out, &map), VN_OK);
    assert_string_equal(out.data, "headab");
    assert_int_equal(vn_offmap_to_input(&map, 0), 2);
    assert_int_equal(vn_offmap_to_input(&map, 2), 6);
    vn_buf_free(&out);
    vn_offmap_free(&map);
}

/* A markdown table (a Word table converted): each cell on a line of its
 * own, the delimiter row gone; a "|" inside a line of text stays. */
static void test_tables(void **state)
{
    (void)state;
    expect_clean("| **ỦY BAN NHÂN DÂN** | **CỘNG HÒA** |\n|---|:---:|\n| Số: 45/KH-UBND | X, ngày 3 |\n",
                 "\n ỦY BAN NHÂN DÂN \n CỘNG HÒA \n\n\n\n Số: 45/KH-UBND \n X, ngày 3 \n\n");
    expect_clean("  | a | b\nc | d\n", "  \n a \n b\nc | d\n");
    expect_clean("| a \\| b |", "\n a | b \n");
    expect_clean("x |---|\n", "x |---|\n");
    cleaned c = clean("| 1 | Nghị định số 59/2023/NĐ-CP |\n");
    assert_string_equal(c.out.data, "\n 1 \n Nghị định số 59/2023/NĐ-CP \n\n");
    expect_maps(&c, "| 1 | Nghị định số 59/2023/NĐ-CP |\n", "Nghị định");
    done(&c);
}

static size_t count(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, needle)) != NULL; p++)
        n++;
    return n;
}

/* The seed plans: the markup is gone, offsets are exact, and nothing but
 * markup was removed (every digit and letter outside tag names is kept). */
static void test_corpus(void **state)
{
    (void)state;
    for (size_t f = 0; f < SAMPLE_PLAN_COUNT; f++) {
        char path[512];
        vn_decoded file;
        vn_error err;
        assert_int_equal(vn_read_file(sample_plan_path(f, path, sizeof path), &file, &err), VN_OK);
        const char *in = file.text;
        size_t len = file.len;
        cleaned c = clean_n(in, len); /* checks the map byte by byte */
        const char *out = c.out.data;
        assert_int_equal(count(out, "**"), 0);
        assert_int_equal(count(out, "<sup>") + count(out, "</sup>"), 0);
        assert_int_equal(count(out, "[bookmark:") + count(out, "[footnoteRef:"), 0);
        assert_int_equal(count(out, "\n#"), 0);
        /* Footnote reference numbers go with their marker, by design. */
        size_t digits_in = 0, digits_out = 0;
        for (size_t i = 0; i < len; i++) {
            if (strncmp(in + i, "[footnoteRef:", 13) == 0)
                i += strcspn(in + i, "]");
            digits_in += in[i] >= '0' && in[i] <= '9';
        }
        for (size_t i = 0; i < c.out.len; i++)
            digits_out += out[i] >= '0' && out[i] <= '9';
        assert_int_equal(digits_in, digits_out);
        assert_int_equal(count(in, "Nghị định"), count(out, "Nghị định"));
        vn_decoded_free(&file);
        done(&c);
    }
    /* The italics of the Cao Lộc plan and the star under its header. */
    vn_decoded file;
    vn_error err;
    assert_int_equal(
        vn_read_file(VNCITE_CORPUS "/cao-loc-thuy-hung-dang-uy-2024-ke-hoach-150.txt", &file, &err),
        VN_OK);
    cleaned c = clean_n(file.text, file.len);
    assert_non_null(strstr(c.out.data, "ở cơ sở (sau đây viết tắt là QCDC)."));
    assert_non_null(strstr(c.out.data, "\n*  \nSố 150-KH/ĐU\n"));
    assert_non_null(strstr(c.out.data, "\nIII- PHƯƠNG PHÁP TRIỂN KHAI, THỰC HIỆN\n"));
    vn_decoded_free(&file);
    done(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bold_and_italic),
        cmocka_unit_test(test_emphasis_across_lines),
        cmocka_unit_test(test_literal_stars),
        cmocka_unit_test(test_backslash_escapes),
        cmocka_unit_test(test_headings),
        cmocka_unit_test(test_sup_sub),
        cmocka_unit_test(test_html_tags),
        cmocka_unit_test(test_bookmarks_and_footnote_refs),
        cmocka_unit_test(test_markdown_links),
        cmocka_unit_test(test_empty_and_plain),
        cmocka_unit_test(test_appends),
        cmocka_unit_test(test_corpus),
        cmocka_unit_test(test_tables),
        cmocka_unit_test(test_html_tables),
        cmocka_unit_test(test_character_references),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
