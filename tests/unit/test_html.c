/* test_html.c — the text of HTML pages, and how the reader takes them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "indexer/html.h"
#include "indexer/reader.h"

static char *text_of(const char *page)
{
    vn_buf out = VN_BUF_INIT;
    vn_error err = {0};
    if (vn_html_text("page.html", page, strlen(page), &out, &err) != VN_OK)
        fail_msg("%s", err.msg);
    char *text = vn_buf_steal(&out, NULL);
    vn_buf_free(&out);
    return text ? text : calloc(1, 1);
}

static void expect_text(const char *page, const char *want)
{
    char *got = text_of(page);
    assert_string_equal(got, want);
    free(got);
}

static void test_magic(void **state)
{
    (void)state;
    assert_true(vn_html_magic("<!DOCTYPE html><p>x", 19));
    assert_true(vn_html_magic("<!doctype HTML>", 15));
    assert_true(vn_html_magic("\xEF\xBB\xBF  <html>", 11));
    assert_true(vn_html_magic("<?xml version=\"1.0\"?>\n<!-- saved -->\n<HTML lang=vi>", 51));
    assert_false(vn_html_magic("<p>Căn cứ</p>", strlen("<p>Căn cứ</p>")));
    assert_false(vn_html_magic("<htmlx>", 7));
    assert_false(vn_html_magic("Căn cứ <html>", strlen("Căn cứ <html>")));
    assert_false(vn_html_magic("<!-- never closed <html>", 24));
    assert_false(vn_html_magic("", 0));
}

/* The head, scripts, styles, comments and Word's XML islands are not text;
 * character references are; blanks collapse; blocks are lines. */
static void test_what_a_browser_shows(void **state)
{
    (void)state;
    expect_text("<html><head><title>Tiêu đề</title><style>p{x:1}</style>"
                "<script>var a = '12/QĐ-UBND';</script></head><body>"
                "<!--[if gte mso 9]><xml><o:Author>B</o:Author></xml><![endif]-->"
                "<div><p>Căn   cứ\n  Ngh&#7883; &#x111;&#7883;nh s&#7889;&nbsp;59/2023/N&#272;-CP"
                "<o:p></o:p></p><p>của <b>Chính</b> <i>phủ</i></p></div>"
                "<p></p><p>A &amp; B &lt;tag&gt; NN&PTNT</p></body></html>",
                "Căn cứ Nghị định số\u00a059/2023/NĐ-CP\ncủa Chính phủ\nA & B <tag> NN&PTNT\n");
}

/* Table cells and <br> are lines; <pre> keeps its blanks; a footnote
 * number in <sup> stays apart from the words around it. */
static void test_lines_pre_and_footnotes(void **state)
{
    (void)state;
    expect_text("<html><body><table><tr><td>ỦY BAN NHÂN DÂN<br>TỈNH QUẢNG NAM</td>"
                "<td>Quảng Nam, ngày 10 tháng 01 năm 2025</td></tr></table>"
                "<pre>  a   b\n c</pre><p>sở<sup>1</sup>tại, phủ<sup>2</sup>;</p></body></html>",
                "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nQuảng Nam, ngày 10 tháng 01 năm 2025\n"
                "  a   b\n c\nsở 1 tại, phủ 2;\n");
    expect_text("<html></html>", "");
    expect_text("<html><body>   </body></html>", "");
}

/* Word's downlevel-revealed conditionals around footnote marks and list
 * bullets are markup; what they hold is text. */
static void test_word_conditionals(void **state)
{
    (void)state;
    expect_text("<html><body><p>59/2023/NĐ-CP<a href=\"#_ftn1\"><span><![if !supportFootnotes]>"
                "<span>[1]</span><![endif]></span></a> ngày 14/8/2023</p>"
                "<p><![if !supportLists]><span>-</span><![endif]>Kế hoạch</p>"
                "<p>a <![ b ]> c <![never closed</p></body></html>",
                "59/2023/NĐ-CP[1] ngày 14/8/2023\n-Kế hoạch\na c <![never closed\n");
}

/* Tag soup: unclosed and misnested tags are recovered, never refused. */
static void test_tag_soup(void **state)
{
    (void)state;
    expect_text("<html><body><p>Quyết định <b>số 12/QĐ-UBND<p>Kế hoạch</i> 5/KH-UBND",
                "Quyết định số 12/QĐ-UBND\nKế hoạch 5/KH-UBND\n");
}

/* Through the reader: a page is read as its text, whatever its encoding,
 * and so is a fragment in a file named .html; text that only holds some
 * tags stays a text file for the cleaner. */
static void test_reader_takes_pages(void **state)
{
    (void)state;
    const char *page = "<!DOCTYPE html><html><body><p>Nghị định số 59/2023/NĐ-CP</p></body></html>";
    vn_decoded d;
    vn_error err;
    assert_int_equal(vn_decode_bytes("a.html", (const unsigned char *)page, strlen(page), &d, &err),
                     VN_OK);
    assert_int_equal(d.encoding, VN_ENC_HTML);
    assert_string_equal(vn_encoding_name(d.encoding), "HTML");
    assert_string_equal(d.text, "Nghị định số 59/2023/NĐ-CP\n");
    vn_decoded_free(&d);

    /* windows-1258, tone marks apart as it writes them: "Nghị định số
     * 59/2023/NĐ-CP của Chính phủ" */
    const unsigned char legacy[] = "<html><body><p>Nghi\xF2" " \xF0" "i\xF2" "nh s\xF4" "\xEC"
                                   " 59/2023/N\xD0" "-CP cu\xD2" "a Ch\xED" "nh phu\xD2"
                                   "</p></body></html>";
    assert_int_equal(vn_decode_bytes("b.html", legacy, sizeof legacy - 1, &d, &err), VN_OK);
    assert_int_equal(d.encoding, VN_ENC_HTML);
    assert_non_null(strstr(d.text, "59/2023/N\xC4\x90-CP"));
    vn_decoded_free(&d);

    const char *text = "<p>Căn cứ Nghị định số 59/2023/NĐ-CP</p>\n";
    assert_int_equal(vn_decode_bytes("c.txt", (const unsigned char *)text, strlen(text), &d, &err),
                     VN_OK);
    assert_int_equal(d.encoding, VN_ENC_UTF8);
    assert_string_equal(d.text, text);
    vn_decoded_free(&d);

    /* a fragment, as pandoc writes it without -s: a page by its name */
    const char *fragment = "<h1>Kế hoạch</h1>\n<p>Ngh&#7883; &#273;&#7883;nh s&#7889; 59/2023/N&#272;-CP</p>\n";
    assert_int_equal(vn_decode_bytes("d.HTM", (const unsigned char *)fragment, strlen(fragment),
                                     &d, &err), VN_OK);
    assert_int_equal(d.encoding, VN_ENC_HTML);
    assert_string_equal(d.text, "Kế hoạch\nNghị định số 59/2023/NĐ-CP\n");
    vn_decoded_free(&d);
    assert_int_equal(vn_decode_bytes("d.md", (const unsigned char *)fragment, strlen(fragment),
                                     &d, &err), VN_OK);
    assert_int_equal(d.encoding, VN_ENC_UTF8);
    vn_decoded_free(&d);
    assert_true(vn_html_name("a/b.Html"));
    assert_false(vn_html_name("html"));
    assert_false(vn_html_name("a.html.txt"));
    assert_false(vn_html_name(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_magic),
        cmocka_unit_test(test_what_a_browser_shows),
        cmocka_unit_test(test_lines_pre_and_footnotes),
        cmocka_unit_test(test_word_conditionals),
        cmocka_unit_test(test_tag_soup),
        cmocka_unit_test(test_reader_takes_pages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
