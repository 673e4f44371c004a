/* test_doctext.c — the whole text pipeline and positions back in the file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indexer/doctext.h"

static vn_doctext load_bytes(const void *bytes, size_t n)
{
    vn_doctext dt;
    vn_error err;
    if (vn_doctext_from_bytes("mem.txt", bytes, n, &dt, &err) != VN_OK)
        fail_msg("pipeline failed: %s", err.msg);
    return dt;
}

static size_t text_offset(const vn_doctext *dt, const char *needle)
{
    const char *p = strstr(dt->text, needle);
    if (!p)
        fail_msg("\"%s\" not in the text", needle);
    return (size_t)(p - dt->text);
}

static void expect_pos(const vn_doctext *dt, size_t offset, size_t byte, size_t line, size_t col)
{
    vn_filepos p = vn_doctext_filepos(dt, offset);
    if (p.byte != byte || p.line != line || p.column != col)
        fail_msg("offset %zu: got byte %zu line %zu col %zu, want %zu %zu %zu", offset, p.byte,
                 p.line, p.column, byte, line, col);
}

/* BOM, CRLF, markup, a decomposed letter and an Eth: every stage moves
 * offsets, and positions still come out in file bytes. */
static void test_all_stages(void **state)
{
    (void)state;
    const char bytes[] = "\xEF\xBB\xBF**KẾ HOẠCH**\r\n"
                         "Căn cứ Nghi\xCC\xA3 định số 59/2023/N\xC3\x90-CP<sup>1</sup>\r\n";
    vn_doctext dt = load_bytes(bytes, sizeof bytes - 1);
    assert_string_equal(dt.text, "KẾ HOẠCH\nCăn cứ Nghị định số 59/2023/NĐ-CP 1\n");
    assert_string_equal(dt.path, "mem.txt");
    assert_int_equal(dt.decoded.encoding, VN_ENC_UTF8_BOM);
    assert_int_equal(dt.line_count, 3);

    /* "K" is after the BOM and "**": byte 5, the third character of line 1. */
    expect_pos(&dt, 0, 5, 1, 3);
    /* "Căn" starts line 2, after the CRLF. */
    size_t line2 = (size_t)(strstr(bytes, "Căn") - bytes);
    expect_pos(&dt, text_offset(&dt, "Căn"), line2, 2, 1);
    /* "định" follows the decomposed "Nghị" (5 code points in the file). */
    expect_pos(&dt, text_offset(&dt, "định"), (size_t)(strstr(bytes, "định") - bytes), 2, 14);
    /* "59" and the "-CP" after the Eth, then the footnote number; columns
     * count the characters of the line as the file has it. */
    expect_pos(&dt, text_offset(&dt, "59/"), (size_t)(strstr(bytes, "59/") - bytes), 2, 22);
    expect_pos(&dt, text_offset(&dt, "-CP"), (size_t)(strstr(bytes, "-CP") - bytes), 2, 32);
    expect_pos(&dt, text_offset(&dt, "1\n"), (size_t)(strstr(bytes, "1</sup>") - bytes), 2, 40);
    /* The end of the text is the end of the file, on the empty last line. */
    expect_pos(&dt, dt.len, sizeof bytes - 1, 3, 1);
    expect_pos(&dt, dt.len + 100, sizeof bytes - 1, 3, 1);
    vn_doctext_free(&dt);
    assert_null(dt.text);
}

static void test_utf16(void **state)
{
    (void)state;
    /* UTF-16LE with BOM: "Số 59\r\nĐiều 2" */
    const unsigned char bytes[] = {0xFF, 0xFE, 'S', 0, 0xD1, 0x1E, ' ', 0, '5', 0, '9', 0,
                                   '\r', 0, '\n', 0, 0x10, 0x01, 'i', 0, 0xC1, 0x1E,
                                   'u', 0, ' ', 0, '2', 0};
    vn_doctext dt = load_bytes(bytes, sizeof bytes);
    assert_string_equal(dt.text, "Số 59\nĐiều 2");
    expect_pos(&dt, text_offset(&dt, "59"), 8, 1, 4);
    expect_pos(&dt, text_offset(&dt, "Điều"), 16, 2, 1);
    expect_pos(&dt, text_offset(&dt, "2"), 26, 2, 6);
    expect_pos(&dt, dt.len, sizeof bytes, 2, 7);
    vn_doctext_free(&dt);
}

static void test_cp1258(void **state)
{
    (void)state;
    const char bytes[] = "Ngh\x69\xF2 \xF0\x69\xF2nh s\xF4\xEC 59/2023/N\xD0-CP";
    vn_doctext dt = load_bytes(bytes, sizeof bytes - 1);
    assert_int_equal(dt.decoded.encoding, VN_ENC_CP1258);
    assert_string_equal(dt.text, "Nghị định số 59/2023/NĐ-CP");
    expect_pos(&dt, text_offset(&dt, "định"), 6, 1, 7);
    expect_pos(&dt, text_offset(&dt, "59"), 16, 1, 17);
    vn_doctext_free(&dt);
}

static void test_empty(void **state)
{
    (void)state;
    vn_doctext dt = load_bytes("", 0);
    assert_int_equal(dt.len, 0);
    assert_string_equal(dt.text, "");
    assert_int_equal(dt.line_count, 1);
    expect_pos(&dt, 0, 0, 1, 1);
    vn_doctext_free(&dt);
}

static void test_errors(void **state)
{
    (void)state;
    vn_doctext dt;
    vn_error err;
    assert_int_equal(vn_doctext_load("/nonexistent/dir/plan.txt", &dt, &err), VN_ERR_IO);
    assert_non_null(strstr(err.msg, "/nonexistent/dir/plan.txt"));
    assert_null(dt.path);
    assert_null(dt.text);
    assert_int_equal(vn_doctext_from_bytes("scan.txt", (const unsigned char *)"%PDF-1.4", 8, &dt,
                                           &err),
                     VN_ERR_BINARY);
    assert_non_null(strstr(err.msg, "scan.txt: looks like a PDF file"));
    assert_null(dt.path);
}

/* Line and column of every byte of a file, computed the simple way. */
typedef struct linecol {
    size_t *line, *col;
} linecol;

static linecol index_file(const char *raw, size_t len)
{
    linecol lc = {malloc((len + 1) * sizeof(size_t)), malloc((len + 1) * sizeof(size_t))};
    size_t line = 1, col = 1;
    for (size_t i = 0; i <= len; i++) {
        lc.line[i] = line;
        lc.col[i] = col;
        if (i < len && raw[i] == '\n') {
            line++;
            col = 1;
        } else if (i < len && ((unsigned char)raw[i] & 0xC0) != 0x80) {
            col++;
        }
    }
    return lc;
}

/* Every letter and digit of the final text of a seed plan maps to the same
 * byte of the file, at the line and column an editor shows. */
static void check_corpus_file(const char *name, const char *word, size_t line)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", VNCITE_CORPUS, name);
    vn_doctext dt;
    vn_error err;
    assert_int_equal(vn_doctext_load(path, &dt, &err), VN_OK);
    /* The seed plans are UTF-8 without CR: the decoded text is the file. */
    assert_int_equal(dt.decoded.map.count, 0);
    const char *raw = dt.decoded.text;
    size_t len = dt.decoded.len;
    linecol lc = index_file(raw, len);
    assert_string_equal(dt.path, path);
    size_t checked = 0;
    for (size_t x = 0; x < dt.len; x++) {
        char c = dt.text[x];
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
            continue;
        vn_filepos p = vn_doctext_filepos(&dt, x);
        assert_true(p.byte < len);
        if (raw[p.byte] != c || p.line != lc.line[p.byte] || p.column != lc.col[p.byte])
            fail_msg("%s: text offset %zu '%c' -> byte %zu '%c' line %zu col %zu "
                     "(want line %zu col %zu)",
                     name, x, c, p.byte, raw[p.byte], p.line, p.column, lc.line[p.byte],
                     lc.col[p.byte]);
        checked++;
    }
    assert_true(checked > 3000);
    vn_filepos p = vn_doctext_filepos(&dt, text_offset(&dt, word));
    assert_int_equal(p.line, line);
    assert_memory_equal(raw + p.byte, word, strlen(word));
    free(lc.line);
    free(lc.col);
    vn_doctext_free(&dt);
}

static void test_corpus_positions(void **state)
{
    (void)state;
    /* Markdown, <sup> footnotes: the decree is cited in the footnote body. */
    check_corpus_file("cao-loc-thuy-hung-dang-uy-2024-ke-hoach-150.txt",
                      "Nghị định số 59/2023/NĐ-CP", 44);
    /* [bookmark:] and [footnoteRef:] markers, decomposed "cấp ủy". */
    check_corpus_file("duc-pho-bcd-2023-ke-hoach-du-thao.txt", "218-QĐ/TW", 53);
    /* Not NFC: "huấn" is written with â + U+0301 in the file. */
    check_corpus_file("yen-bai-dang-uy-khoi-2024-ke-hoach-qcdc.txt", "Nghị định số 59/2023/NĐ-CP", 13);
    check_corpus_file("soc-trang-mttq-2024-ke-hoach-qcdc.txt", "Kết luận số 120-KL/TW", 4);
}

/* A word recomposed by NFC maps to its first byte in the file. */
static void test_recomposed_word(void **state)
{
    (void)state;
    const char *path = VNCITE_CORPUS "/yen-bai-dang-uy-khoi-2024-ke-hoach-qcdc.txt";
    vn_doctext dt;
    vn_error err;
    assert_int_equal(vn_doctext_load(path, &dt, &err), VN_OK);
    /* 21313 bytes, less a [bookmark: _GoBack] (19) and one byte for each
     * of the four recomposed letters. */
    assert_int_equal(dt.len, 21290);
    const char *huan = strstr(dt.text, "huấn");
    assert_non_null(huan);
    vn_filepos p = vn_doctext_filepos(&dt, (size_t)(huan - dt.text));
    assert_int_equal(p.byte, 18674);
    vn_doctext_free(&dt);
}

/* An end stops after its last character: not after the "**" the cleaner
 * removed behind it, and after the marks of a decomposed last letter. */
static void test_end_positions(void **state)
{
    (void)state;
    const char bytes[] = "**Quyết định số 28/QĐ-UBND** ngày\nLuật Thú y\xCC\x81** x\n";
    vn_doctext dt = load_bytes(bytes, sizeof bytes - 1);
    size_t end = text_offset(&dt, "UBND") + strlen("UBND");
    size_t want = (size_t)(strstr(bytes, "UBND**") - bytes) + strlen("UBND");
    assert_int_equal(vn_doctext_filepos(&dt, end).byte, want + 2);   /* a start: after "**" */
    vn_filepos p = vn_doctext_end_filepos(&dt, end);
    assert_int_equal(p.byte, want);
    assert_int_equal(p.line, 1);
    end = text_offset(&dt, "Thú ý") + strlen("Thú ý");
    want = (size_t)(strstr(bytes, "\xCC\x81**") - bytes) + 2;
    assert_int_equal(vn_doctext_end_filepos(&dt, end).byte, want);
    assert_int_equal(vn_doctext_end_filepos(&dt, 0).byte, 2);        /* nothing before: as a start */
    vn_doctext_free(&dt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_stages),
        cmocka_unit_test(test_utf16),
        cmocka_unit_test(test_cp1258),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_corpus_positions),
        cmocka_unit_test(test_recomposed_word),
        cmocka_unit_test(test_end_positions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
