/* test_docx.c — the text of Word .docx documents, built in memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "indexer/docx.h"
#include "indexer/reader.h"
#include "tools/fuzz/zip_parts.h"

#define W_DOC "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" \
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>"
#define W_END "</w:body></w:document>"
#define W_NOTES "<w:footnotes xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"

/* A .docx holding document.xml and, when given, footnotes.xml. */
static unsigned char *docx(const char *document, const char *footnotes, size_t *len)
{
    const char *names[] = {"[Content_Types].xml", "word/document.xml", "word/footnotes.xml"};
    const void *data[] = {"<Types/>", document, footnotes};
    size_t lens[] = {8, strlen(document), footnotes ? strlen(footnotes) : 0};
    unsigned char *bytes = zip_parts(footnotes ? 3 : 2, names, data, lens, len);
    assert_non_null(bytes);
    return bytes;
}

/* The text of a .docx, or the error's status with its message in msg. */
static vn_status text_of(const unsigned char *bytes, size_t n, char **text, char msg[600])
{
    vn_buf out = VN_BUF_INIT;
    vn_error err = {0};
    vn_status st = vn_docx_text("plan.docx", bytes, n, &out, NULL, &err);
    *text = st == VN_OK ? vn_buf_steal(&out, NULL) : NULL;
    vn_buf_free(&out);
    if (msg)
        snprintf(msg, 600, "%s", st == VN_OK ? "" : err.msg);
    return st;
}

/* The text of a .docx made of document (and footnotes) is `want`. */
static void expect_text(const char *document, const char *footnotes, const char *want)
{
    size_t n = 0;
    unsigned char *z = docx(document, footnotes, &n);
    char *text;
    assert_int_equal(text_of(z, n, &text, NULL), VN_OK);
    assert_string_equal(text, want);
    free(text);
    free(z);
}

/* A w:tab in a run is a tab; in the paragraph's properties it defines a
 * tab stop and is not text. */
static void test_paragraphs_runs_tabs_breaks(void **state)
{
    (void)state;
    expect_text(W_DOC
        "<w:p><w:pPr><w:tabs><w:tab w:val=\"center\" w:pos=\"4320\"/></w:tabs></w:pPr>"
        "<w:r><w:t>ỦY BAN</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>CỘNG HÒA</w:t></w:r></w:p>"
        "<w:p/>"
        "<w:p><w:r><w:t xml:space=\"preserve\">Nghị định số 59/2023/</w:t></w:r>"
        "<w:r><w:t>NĐ</w:t></w:r><w:r><w:noBreakHyphen/><w:t>CP</w:t></w:r>"
        "<w:r><w:br/><w:t xml:space=\"preserve\"> </w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>Quy định &amp; chương trình</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        W_END, NULL,
        "ỦY BAN\tCỘNG HÒA\n\nNghị định số 59/2023/NĐ-CP\n \n1\nQuy định & chương trình\n");
}

/* What Word keeps but does not show as the text: deleted revisions, field
 * codes, the fallback of alternate content, moved-from text. */
static void test_hidden_text_is_left_out(void **state)
{
    (void)state;
    expect_text(W_DOC
        "<w:p><w:r><w:t>A</w:t></w:r>"
        "<w:del w:id=\"1\"><w:r><w:delText>deleted</w:delText></w:r></w:del>"
        "<w:ins w:id=\"2\"><w:r><w:t>B</w:t></w:r></w:ins>"
        "<w:r><w:instrText> HYPERLINK \"x\" </w:instrText></w:r>"
        "<w:moveFrom w:id=\"3\"><w:r><w:t>moved</w:t></w:r></w:moveFrom>"
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:t>C</w:t></mc:Choice>"
        "<mc:Fallback><w:t>C again</w:t></mc:Fallback></mc:AlternateContent></w:r>"
        "<w:moveTo w:id=\"4\"><w:r><w:t>moved</w:t></w:r></w:moveTo></w:p>"
        W_END, NULL,
        "ABCmoved\n");
}

/* Footnote references become <sup>N</sup> and the notes follow the body,
 * without Word's separator notes. */
static void test_footnotes_follow_the_body(void **state)
{
    (void)state;
    expect_text(W_DOC
        "<w:p><w:r><w:t>Căn cứ Luật</w:t></w:r><w:r><w:footnoteReference w:id=\"2\"/></w:r></w:p>"
        W_END,
        W_NOTES
        "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:t>sep</w:t></w:r></w:p></w:footnote>"
        "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:t>cont</w:t></w:r></w:p></w:footnote>"
        "<w:footnote w:id=\"2\"><w:p><w:r><w:footnoteRef/></w:r>"
        "<w:r><w:t xml:space=\"preserve\"> Gồm: Chỉ thị số 30/CT-TTg.</w:t></w:r></w:p></w:footnote>"
        "</w:footnotes>",
        "Căn cứ Luật<sup>2</sup>\n<sup>2</sup> Gồm: Chỉ thị số 30/CT-TTg.\n");
}

/* "Strict Open XML Document", Word's other way to save a .docx, names the
 * same elements in another namespace. */
static void test_strict_open_xml(void **state)
{
    (void)state;
    expect_text("<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><w:body>"
                "<w:p><w:r><w:t>Kết luận số 120-KL/TW</w:t></w:r>"
                "<w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>" W_END,
                NULL, "Kết luận số 120-KL/TW<sup>1</sup>\n");
}

#define ODT_CONTENT "<office:document-content " \
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"><office:body><office:text>"
#define ODT_END "</office:text></office:body></office:document-content>"

/* The text of an .odt (mimetype, content.xml) made of `content`. */
static char *odt_text_of(const char *content, const char *mimetype, vn_office_format *format,
                         char msg[600])
{
    const char *names[] = {"mimetype", "content.xml"};
    const void *data[] = {mimetype, content};
    size_t lens[] = {strlen(mimetype), strlen(content)}, n = 0;
    unsigned char *z = zip_parts(2, names, data, lens, &n);
    assert_non_null(z);
    vn_buf out = VN_BUF_INIT;
    vn_error err = {0};
    vn_status st = vn_docx_text("plan.odt", z, n, &out, format, &err);
    free(z);
    snprintf(msg, 600, "%s", st == VN_OK ? "" : err.msg);
    char *text = st == VN_OK ? vn_buf_steal(&out, NULL) : NULL;
    vn_buf_free(&out);
    return text;
}

/* An OpenDocument text: paragraphs and headings as lines, blanks collapsed
 * as OpenDocument does (text:s, text:tab, text:line-break written out),
 * table cells as lines, a note's citation in the text and its body after
 * it, tracked changes (deleted text) and comments left out. */
static void test_odt(void **state)
{
    (void)state;
    char msg[600];
    vn_office_format format = VN_OFFICE_DOCX;
    char *text = odt_text_of(ODT_CONTENT
        "<text:h>KẾ   HOẠCH</text:h>"
        "<text:tracked-changes><text:changed-region><text:deletion>"
        "<text:p>Chỉ thị số 99/CT-TTg</text:p></text:deletion></text:changed-region></text:tracked-changes>"
        "<text:p>  Căn cứ <text:span>Nghị định số 59/2023/</text:span>NĐ-CP<text:note text:note-class=\"footnote\">"
        "<text:note-citation>1</text:note-citation><text:note-body><text:p>Gồm: Chỉ thị số "
        "30/CT-TTg.</text:p></text:note-body></text:note>;<office:annotation><text:p>xem lại "
        "Quyết định số 88/QĐ-UBND</text:p></office:annotation></text:p>"
        "<text:p>a<text:s text:c=\"3\"/>b<text:tab/>c<text:line-break/>d</text:p><text:p/>"
        "<table:table><table:table-row><table:table-cell><text:p>1</text:p></table:table-cell>"
        "<table:table-cell><text:p>Kết luận số 120-KL/TW</text:p></table:table-cell>"
        "</table:table-row></table:table>" ODT_END,
        "application/vnd.oasis.opendocument.text", &format, msg);
    assert_non_null(text);
    assert_int_equal(format, VN_OFFICE_ODT);
    assert_string_equal(text, "KẾ HOẠCH\nCăn cứ Nghị định số 59/2023/NĐ-CP<sup>1</sup>;\n"
                              "a   b\tc\nd\n\n1\nKết luận số 120-KL/TW\n"
                              "<sup>1</sup> Gồm: Chỉ thị số 30/CT-TTg.\n");
    free(text);
    /* a spreadsheet is no text */
    assert_null(odt_text_of(ODT_CONTENT ODT_END, "application/vnd.oasis.opendocument.spreadsheet",
                            NULL, msg));
    assert_non_null(strstr(msg, "neither a Word .docx nor an OpenDocument .odt text"));
}

static void test_what_is_not_a_word_document(void **state)
{
    (void)state;
    char msg[600], *text;
    /* a ZIP archive without word/document.xml: a spreadsheet */
    const char *names[] = {"xl/workbook.xml"};
    const void *data[] = {"<workbook/>"};
    size_t lens[] = {11}, n = 0;
    unsigned char *z = zip_parts(1, names, data, lens, &n);
    assert_non_null(z);
    assert_int_equal(text_of(z, n, &text, msg), VN_ERR_BINARY);
    assert_non_null(strstr(msg, "plan.docx: looks like a ZIP archive but neither a Word .docx "
                                "nor an OpenDocument .odt text"));
    free(z);

    /* an archive cut short */
    z = docx(W_DOC "<w:p><w:r><w:t>x</w:t></w:r></w:p>" W_END, NULL, &n);
    assert_int_equal(text_of(z, n / 2, &text, msg), VN_ERR_BINARY);
    assert_non_null(strstr(msg, "plan.docx: a damaged Word .docx document"));
    free(z);

    /* XML that is not well-formed: the line is named */
    z = docx(W_DOC "<w:p><w:r><w:t>x</w:r></w:p>" W_END, NULL, &n);
    assert_int_equal(text_of(z, n, &text, msg), VN_ERR_BINARY);
    assert_non_null(strstr(msg, "word/document.xml: line 1:"));
    free(z);
}

/* A part that unpacks to more than VN_DOCX_PART_MAX is refused before it
 * is parsed: a ZIP bomb, not a plan. */
static void test_zip_bomb_is_refused(void **state)
{
    (void)state;
    size_t big = VN_DOCX_PART_MAX + 1, n = 0;
    char *xml = malloc(big);
    assert_non_null(xml);
    memset(xml, ' ', big);
    const char *names[] = {"word/document.xml"};
    const void *data[] = {xml};
    unsigned char *z = zip_parts(1, names, data, &big, &n);
    free(xml);
    assert_non_null(z);
    assert_true(n < big / 100);
    char msg[600], *text;
    assert_int_equal(text_of(z, n, &text, msg), VN_ERR_BINARY);
    assert_non_null(strstr(msg, "unpacks to more than 64 MB"));
    free(z);
}

/* The reader takes a .docx for its text, reports it as such, and still
 * refuses the other binary formats. */
static void test_reader_decodes_a_docx(void **state)
{
    (void)state;
    size_t n = 0;
    unsigned char *z = docx(W_DOC "<w:p><w:r><w:t>Kết luận số 120-KL/TW</w:t></w:r></w:p>" W_END,
                            NULL, &n);
    vn_decoded d;
    vn_error err;
    assert_int_equal(vn_decode_bytes("plan.docx", z, n, &d, &err), VN_OK);
    assert_string_equal(d.text, "Kết luận số 120-KL/TW\n");
    assert_int_equal(d.encoding, VN_ENC_DOCX);
    assert_string_equal(vn_encoding_name(d.encoding), "Word .docx");
    vn_decoded_free(&d);
    free(z);
    assert_int_equal(vn_decode_bytes("x.pdf", (const unsigned char *)"%PDF-1.7", 8, &d, &err),
                     VN_ERR_BINARY);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paragraphs_runs_tabs_breaks),
        cmocka_unit_test(test_hidden_text_is_left_out),
        cmocka_unit_test(test_footnotes_follow_the_body),
        cmocka_unit_test(test_strict_open_xml),
        cmocka_unit_test(test_odt),
        cmocka_unit_test(test_what_is_not_a_word_document),
        cmocka_unit_test(test_zip_bomb_is_refused),
        cmocka_unit_test(test_reader_decodes_a_docx),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
