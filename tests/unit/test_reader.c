/* test_reader.c — decoding file bytes: UTF-8 with and without BOM, UTF-16
 * with BOM, windows-1258, invalid bytes, line ends, and what is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#include "common/text.h"
#include "common/utf8.h"
#include "indexer/reader.h"
#include "random_text.h"

/* ---- helpers --------------------------------------------------------------- */

static struct {
    int count;
    char last[VN_ERROR_MSG_MAX];
} warnings;

static void collect_warning(void *ctx, const char *msg)
{
    (void)ctx;
    warnings.count++;
    snprintf(warnings.last, sizeof warnings.last, "%s", msg);
}

static char tmpdir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/vncite-reader-XXXXXX");
    if (!mkdtemp(tmpdir))
        return -1;
    vn_set_warning_sink(collect_warning, NULL);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    vn_set_warning_sink(NULL, NULL);
    return rmdir(tmpdir);
}

static int reset_warnings(void **state)
{
    (void)state;
    warnings.count = 0;
    warnings.last[0] = '\0';
    return 0;
}

/* Writes a file in the test directory; returns its path (static buffer). */
static const char *write_file(const char *name, const void *bytes, size_t n)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, n, f), n);
    fclose(f);
    return path;
}

static vn_decoded decode(const void *bytes, size_t n)
{
    vn_decoded d;
    vn_error err;
    vn_status st = vn_decode_bytes("mem.txt", bytes, n, &d, &err);
    if (st != VN_OK)
        fail_msg("decode failed: %s", err.msg);
    assert_non_null(d.text);
    assert_int_equal(d.text[d.len], '\0');
    return d;
}

static size_t put_unit(unsigned char *out, unsigned unit, int little)
{
    out[little ? 0 : 1] = (unsigned char)(unit & 0xFF);
    out[little ? 1 : 0] = (unsigned char)(unit >> 8);
    return 2;
}

/* Encodes UTF-8 s as UTF-16 with a BOM, little or big endian. */
static size_t to_utf16(const char *s, int little, unsigned char *out)
{
    size_t o = put_unit(out, 0xFEFF, little);
    for (utf8proc_ssize_t i = 0; s[i];) {
        utf8proc_int32_t cp;
        i += utf8proc_iterate((const utf8proc_uint8_t *)s + i, -1, &cp);
        if (cp < 0x10000) {
            o += put_unit(out + o, (unsigned)cp, little);
        } else {
            o += put_unit(out + o, 0xD800 + (((unsigned)cp - 0x10000) >> 10), little);
            o += put_unit(out + o, 0xDC00 + (((unsigned)cp - 0x10000) & 0x3FF), little);
        }
    }
    return o;
}

static size_t offset_of(const vn_decoded *d, const char *needle)
{
    const char *p = strstr(d->text, needle);
    assert_non_null(p);
    return (size_t)(p - d->text);
}

/* ---- UTF-8 ----------------------------------------------------------------- */

static void test_plain_utf8(void **state)
{
    (void)state;
    const char *s = "Nghị định số 59/2023/NĐ-CP\n\tngày 14/8/2023\n";
    vn_decoded d = decode(s, strlen(s));
    assert_string_equal(d.text, s);
    assert_int_equal(d.encoding, VN_ENC_UTF8);
    assert_int_equal(d.invalid_bytes, 0);
    assert_int_equal(d.map.count, 0);
    assert_int_equal(vn_offmap_to_input(&d.map, 10), 10);
    assert_int_equal(warnings.count, 0);
    vn_decoded_free(&d);
}

static void test_utf8_bom(void **state)
{
    (void)state;
    const char s[] = "\xEF\xBB\xBFKế hoạch";
    vn_decoded d = decode(s, sizeof s - 1);
    assert_string_equal(d.text, "Kế hoạch");
    assert_int_equal(d.encoding, VN_ENC_UTF8_BOM);
    assert_int_equal(vn_offmap_to_input(&d.map, 0), 3);
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "hoạch")), 3 + strlen("Kế "));
    assert_int_equal(vn_offmap_to_input(&d.map, d.len), sizeof s - 1);
    vn_decoded_free(&d);

    d = decode("\xEF\xBB\xBF", 3); /* a BOM and nothing else */
    assert_int_equal(d.len, 0);
    vn_decoded_free(&d);
}

static void test_line_ends(void **state)
{
    (void)state;
    const char s[] = "a\r\nbb\rc\r\n\r\nd";
    vn_decoded d = decode(s, sizeof s - 1);
    assert_string_equal(d.text, "a\nbb\nc\n\nd");
    assert_int_equal(vn_offmap_to_input(&d.map, 1), 2);  /* LF of the first CRLF */
    assert_int_equal(vn_offmap_to_input(&d.map, 2), 3);  /* "bb" */
    assert_int_equal(vn_offmap_to_input(&d.map, 4), 5);  /* lone CR, now LF */
    assert_int_equal(vn_offmap_to_input(&d.map, 5), 6);  /* "c" */
    assert_int_equal(vn_offmap_to_input(&d.map, 8), 11); /* "d" */
    assert_int_equal(vn_offmap_to_input(&d.map, d.len), sizeof s - 1);
    vn_decoded_free(&d);
}

/* Bad bytes: one U+FFFD per maximal ill-formed subsequence, one warning. */
static void test_invalid_utf8(void **state)
{
    (void)state;
    /* \xFF: 1 byte; \xE1\x80: a truncated 3-byte sequence (2 bytes, one
     * U+FFFD); \xED\xA0\x80: a surrogate, three U+FFFD. */
    const char s[] = "Ngh\xFF định \xE1\x80x \xED\xA0\x80y";
    vn_decoded d = decode(s, sizeof s - 1);
    assert_string_equal(d.text, "Ngh\uFFFD định \uFFFDx \uFFFD\uFFFD\uFFFDy");
    assert_int_equal(d.encoding, VN_ENC_UTF8);
    assert_int_equal(d.invalid_bytes, 6);
    assert_int_equal(warnings.count, 1);
    assert_non_null(strstr(warnings.last, "mem.txt"));
    assert_non_null(strstr(warnings.last, "invalid UTF-8 at byte 3"));
    /* Text after each replacement maps back to its own bytes. */
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, " định")), 4);
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "x")), strchr(s, 'x') - s);
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "y")), strchr(s, 'y') - s);
    vn_decoded_free(&d);
}

/* A long UTF-8 text with a little damage stays UTF-8. */
static void test_damaged_utf8_is_not_cp1258(void **state)
{
    (void)state;
    char s[4096] = "";
    for (int i = 0; i < 40; i++)
        strcat(s, "Nghị định số 59/2023/NĐ-CP; ");
    char *bad = strstr(s + 100, "59");
    *bad = (char)0xC3; /* the first byte of a 2-byte letter, then ASCII */
    vn_decoded d = decode(s, strlen(s));
    assert_int_equal(d.encoding, VN_ENC_UTF8);
    assert_int_equal(warnings.count, 1);
    char want[64];
    snprintf(want, sizeof want, "at byte %zu ", (size_t)(bad - s));
    assert_non_null(strstr(warnings.last, want));
    vn_decoded_free(&d);
}

/* ---- TCVN3 -------------------------------------------------------------------- */

/* "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ" in TCVN3 (ABC):
 * one byte a letter, ị 0xDE, đ 0xAE, ố 0xE8, Đ 0xA7, à 0xB5, ủ 0xF1, í 0xDD. */
static void test_tcvn3(void **state)
{
    (void)state;
    const char s[] = "Ngh\xDE \xAE\xDEnh s\xE8 59/2023/N\xA7-CP ng\xB5y 14/8/2023 c\xF1"
                     "a Ch\xDDnh ph\xF1\r\n";
    vn_decoded d = decode(s, sizeof s - 1);
    assert_int_equal(d.encoding, VN_ENC_TCVN3);
    assert_string_equal(vn_encoding_name(d.encoding), "TCVN3");
    assert_int_equal(d.invalid_bytes, 0);
    assert_string_equal(d.text, "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ\n");
    assert_int_equal(warnings.count, 1);
    assert_non_null(strstr(warnings.last, "TCVN3"));
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "định")), 5);
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "59")), 13);
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "Đ-CP")), 22);
    assert_int_equal(vn_offmap_to_input(&d.map, d.len - 1), sizeof s - 2); /* the LF of CRLF */
    assert_int_equal(vn_offmap_to_input(&d.map, d.len), sizeof s - 1);
    vn_decoded_free(&d);
}

/* VNI-Windows: marks as bytes after the letter ("soá" số, "ngaøy" ngày),
 * the standing-alone letters (ñ đ, ò ị, ö ư, ô ơ) and capitals. */
static void test_vni(void **state)
{
    (void)state;
    const char s[] = "Ngh\xF2 \xF1\xF2nh so\xE1 59/2023/N\xD1-CP nga\xF8y 14/8/2023 cu\xFB"
                     "a Ch\xEDnh phu\xFB\r\nKE\xC1 HOA\xCF" "CH TR\xD6\xD4\xD8NG Vie\xE4t "
                     "\x93U\xDBY BAN\x94";
    vn_decoded d = decode(s, sizeof s - 1);
    assert_int_equal(d.encoding, VN_ENC_VNI);
    assert_string_equal(vn_encoding_name(d.encoding), "VNI");
    assert_int_equal(d.invalid_bytes, 0);
    assert_string_equal(d.text, "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ\n"
                                "KẾ HOẠCH TRƯỜNG Việt “ỦY BAN”");
    assert_int_equal(warnings.count, 1);
    assert_non_null(strstr(warnings.last, "VNI-Windows"));
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "định")), 5);
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "59")), 14);
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "Đ-CP")), 23);
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "\nKẾ")), 60); /* the LF of CRLF */
    assert_int_equal(vn_offmap_to_input(&d.map, d.len), sizeof s - 1);
    vn_decoded_free(&d);
    /* German in windows-1252: its ä ö ü are VNI's bytes too, but follow
     * consonants, not vowels; windows-1258 reads them as they are */
    const char de[] = "Die Geb\xE4ude in M\xFCnchen sind sch\xF6n. M\xFCller f\xE4hrt \xFC"
                      "ber die Br\xFC" "cke nach K\xF6ln, gr\xF6\xDF" "er als B\xE4r.";
    d = decode(de, sizeof de - 1);
    assert_int_equal(d.encoding, VN_ENC_CP1258);
    assert_non_null(strstr(d.text, "schön"));
    vn_decoded_free(&d);
}

/* A UTF-8 file (a .docx's text alike) whose middle line was typed in a
 * TCVN3 font: Word kept its bytes as the windows-1252 characters they look
 * like.  That line is decoded again; a Unicode line and a line of Latin-1
 * letters, quotes and dashes only ("“Tây Ninh” – 2024") stay; offsets still
 * lead to the file's bytes. */
static void test_legacy_font_lines(void **state)
{
    (void)state;
    const char s[] = "Căn cứ Luật Tổ chức\n"
                     "NghÞ ®Þnh sè 59/2023/N§-CP ngµy 14/8/2023 cña ChÝnh phñ\n"
                     "“Tây Ninh” – 2024\n";
    vn_decoded d = decode(s, sizeof s - 1);
    assert_int_equal(d.encoding, VN_ENC_UTF8);
    assert_int_equal(d.legacy_font, VN_ENC_TCVN3);
    assert_string_equal(d.text, "Căn cứ Luật Tổ chức\n"
                                "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ\n"
                                "“Tây Ninh” – 2024\n");
    assert_int_equal(warnings.count, 1);
    assert_non_null(strstr(warnings.last, "TCVN3"));
    const char *file_59 = strstr(s, "59/2023"), *file_tay = strstr(s, "Tây");
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "59/2023")), file_59 - s);
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "định")), strstr(s, "®Þnh") - s);
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "Tây")), file_tay - s);
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "Luật")), strstr(s, "Luật") - s);
    assert_int_equal(vn_offmap_to_input(&d.map, d.len), sizeof s - 1);
    vn_decoded_free(&d);
    /* Unicode Vietnamese, and lines of Latin-1 letters only: untouched */
    const char u[] = "Phú Yên\nTÂY NINH – “Tây Ninh”\nNghị định số 59/2023/NĐ-CP\n";
    d = decode(u, sizeof u - 1);
    assert_int_equal(d.legacy_font, VN_ENC_UTF8);
    assert_string_equal(d.text, u);
    vn_decoded_free(&d);
}

/* ---- windows-1258 ------------------------------------------------------------ */

/* "Nghị định số" in windows-1258: tone marks are separate combining bytes
 * (0xF2 dot below, 0xEC acute), đ is 0xF0, ô is 0xF4. */
static void test_cp1258(void **state)
{
    (void)state;
    const char s[] = "Ngh\x69\xF2 \xF0\x69\xF2nh s\xF4\xEC 59\r\n";
    vn_decoded d = decode(s, sizeof s - 1);
    assert_int_equal(d.encoding, VN_ENC_CP1258);
    assert_int_equal(d.invalid_bytes, 0);
    /* Decoded as the bytes say: base letters and combining marks. */
    assert_string_equal(d.text, "Nghi\xCC\xA3 \xC4\x91i\xCC\xA3nh s\xC3\xB4\xCC\x81 59\n");
    assert_int_equal(warnings.count, 1);
    assert_non_null(strstr(warnings.last, "mem.txt"));
    assert_non_null(strstr(warnings.last, "windows-1258"));
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "\xC4\x91")), 6); /* đ */
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "59")), 16);
    assert_int_equal(vn_offmap_to_input(&d.map, d.len - 1), 19); /* the LF of CRLF */
    assert_int_equal(vn_offmap_to_input(&d.map, d.len), sizeof s - 1);
    /* The normaliser composes them. */
    vn_buf nfc = VN_BUF_INIT;
    assert_int_equal(vn_text_normalize(d.text, d.len, &nfc, NULL), VN_OK);
    assert_string_equal(nfc.data, "Nghị định số 59\n");
    vn_buf_free(&nfc);
    vn_decoded_free(&d);
}

/* Bytes windows-1258 leaves undefined (0x81, 0x8D …) are not Vietnamese:
 * such a file is not taken for cp1258 and its bad bytes become U+FFFD. */
static void test_not_cp1258(void **state)
{
    (void)state;
    const char s[] = "ab\x81 cd\x8D ef\x9D gh\x81";
    vn_decoded d = decode(s, sizeof s - 1);
    assert_int_equal(d.encoding, VN_ENC_UTF8);
    assert_int_equal(d.invalid_bytes, 4);
    assert_int_equal(warnings.count, 1);
    assert_non_null(strstr(warnings.last, "invalid UTF-8 at byte 2"));
    vn_decoded_free(&d);
}

/* ---- UTF-16 ---------------------------------------------------------------- */

static void check_utf16(int little)
{
    const char *s = "Nghị định\r\nsố 😀 59";
    unsigned char bytes[128];
    size_t n = to_utf16(s, little, bytes);
    vn_decoded d = decode(bytes, n);
    assert_string_equal(d.text, "Nghị định\nsố 😀 59");
    assert_int_equal(d.encoding, little ? VN_ENC_UTF16LE : VN_ENC_UTF16BE);
    assert_int_equal(warnings.count, 0);
    /* Each character maps to its first byte in the file: 2 bytes of BOM,
     * then 2 bytes per unit, 4 for the emoji's surrogate pair. */
    assert_int_equal(vn_offmap_to_input(&d.map, 0), 2);
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "định")), 2 + 2 * 5);
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "\n")), 2 + 2 * 10); /* LF of CRLF */
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "số")), 2 + 2 * 11);
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "😀")), 2 + 2 * 14);
    assert_int_equal(vn_offmap_to_input(&d.map, offset_of(&d, "59")), 2 + 2 * 17);
    assert_int_equal(vn_offmap_to_input(&d.map, d.len), n);
    vn_decoded_free(&d);
}

static void test_utf16le(void **state)
{
    (void)state;
    check_utf16(1);
}

static void test_utf16be(void **state)
{
    (void)state;
    check_utf16(0);
}

static void test_utf16_bad_units(void **state)
{
    (void)state;
    /* "ab", an unpaired high surrogate, "c", then an odd last byte. */
    const unsigned char s[] = {0xFF, 0xFE, 'a', 0, 'b', 0, 0x00, 0xD8, 'c', 0, 'd'};
    vn_decoded d = decode(s, sizeof s);
    assert_int_equal(d.encoding, VN_ENC_UTF16LE);
    assert_string_equal(d.text, "ab\uFFFDc\uFFFD");
    assert_int_equal(warnings.count, 1);
    assert_non_null(strstr(warnings.last, "invalid UTF-16 at byte 6"));
    assert_int_equal(d.invalid_bytes, 3);
    vn_decoded_free(&d);
}

/* ---- refused files ----------------------------------------------------------- */

static void expect_refused(const char *name, const void *bytes, size_t n, const char *what)
{
    const char *path = write_file(name, bytes, n);
    vn_decoded d;
    vn_error err;
    assert_int_equal(vn_read_file(path, &d, &err), VN_ERR_BINARY);
    assert_int_equal(err.code, VN_ERR_BINARY);
    if (!strstr(err.msg, path) || !strstr(err.msg, what))
        fail_msg("message \"%s\" should name %s and say \"%s\"", err.msg, path, what);
    assert_null(d.text);
    unlink(path);
}

/* File contents from a string literal, NULs included. */
#define REFUSED(name, literal, what) expect_refused(name, literal, sizeof literal - 1, what)

static void test_binary_refused(void **state)
{
    (void)state;
    REFUSED("plan.txt", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj",
            "looks like a PDF file, not text; convert it to text first");
    /* a ZIP archive is read as a .docx: a few bytes of one are a damaged one */
    REFUSED("plan2.txt", "PK\3\4\x14\0\6\0word/document.xml", "a damaged Word .docx document");
    REFUSED("plan3.txt", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", "old Word .doc");
    REFUSED("nul.txt", "Nghị định\0\0\x01\x02 binary", "contains NUL bytes");
    REFUSED("u16.txt", "N\0g\0h\0i\0 \0d\0i\0n\0h\0 \0s\0o\0",
            "UTF-16 text without a byte-order mark");
    REFUSED("u16nul.txt", "\xFF\xFEN\0g\0\0\0h\0", "contains NUL characters");
}

static void test_empty_file(void **state)
{
    (void)state;
    const char *path = write_file("empty.txt", "", 0);
    vn_decoded d;
    vn_error err;
    assert_int_equal(vn_read_file(path, &d, &err), VN_OK);
    assert_non_null(d.text);
    assert_int_equal(d.len, 0);
    assert_string_equal(d.text, "");
    assert_int_equal(vn_offmap_to_input(&d.map, 0), 0);
    assert_int_equal(warnings.count, 0);
    vn_decoded_free(&d);
    unlink(path);
}

static void test_unreadable(void **state)
{
    (void)state;
    vn_decoded d;
    vn_error err;
    char path[128];
    snprintf(path, sizeof path, "%s/no-such-plan.txt", tmpdir);
    assert_int_equal(vn_read_file(path, &d, &err), VN_ERR_IO);
    assert_non_null(strstr(err.msg, path));
    assert_non_null(strstr(err.msg, strerror(ENOENT)));
    assert_null(d.text);

    assert_int_equal(vn_read_file(tmpdir, &d, &err), VN_ERR_IO);
    assert_non_null(strstr(err.msg, tmpdir));
    assert_non_null(strstr(err.msg, "directory"));

    /* root reads anything, so a file without read permission only fails
     * for other users. */
    if (geteuid() == 0)
        return;
    const char *locked = write_file("locked.txt", "x", 1);
    chmod(locked, 0);
    assert_int_equal(vn_read_file(locked, &d, &err), VN_ERR_IO);
    assert_non_null(strstr(err.msg, locked));
    assert_non_null(strstr(err.msg, strerror(EACCES)));
    unlink(locked);
}

/* A real plan reads as plain UTF-8, byte for byte. */
static void test_corpus_file(void **state)
{
    (void)state;
    const char *path = VNCITE_CORPUS "/soc-trang-mttq-2024-ke-hoach-qcdc.txt";
    vn_decoded d;
    vn_error err;
    assert_int_equal(vn_read_file(path, &d, &err), VN_OK);
    assert_int_equal(d.encoding, VN_ENC_UTF8);
    assert_int_equal(d.len, 10767);
    assert_int_equal(d.map.count, 0);
    assert_non_null(strstr(d.text, "Nghị định số 59/2023/NĐ-CP"));
    assert_int_equal(warnings.count, 0);
    vn_decoded_free(&d);
}

static void test_encoding_names(void **state)
{
    (void)state;
    assert_string_equal(vn_encoding_name(VN_ENC_UTF8), "UTF-8");
    assert_string_equal(vn_encoding_name(VN_ENC_UTF8_BOM), "UTF-8 with BOM");
    assert_string_equal(vn_encoding_name(VN_ENC_UTF16LE), "UTF-16LE");
    assert_string_equal(vn_encoding_name(VN_ENC_UTF16BE), "UTF-16BE");
    assert_string_equal(vn_encoding_name(VN_ENC_CP1258), "windows-1258");
}

/* ---- the 16-byte skip against a byte-by-byte reading ------------------------------ */

/* What decoding must give, one character at a time (vn_utf8_seq's rules):
 * U+FFFD for each ill-formed sequence, CRLF and lone CR as LF, and for each
 * output byte its file offset.  False when bytes hold a NUL. */
typedef struct reference {
    char text[4096];
    size_t len, at[4096], invalid_seqs, invalid_bytes, multibyte;
} reference;

static bool decode_by_hand(const unsigned char *b, size_t n, reference *r)
{
    memset(r, 0, sizeof *r);
    for (size_t i = 0; i < n;) {
        unsigned char c = b[i];
        if (c == 0)
            return false;
        if (c < 0x80) {
            if (c == '\r' && i + 1 < n && b[i + 1] == '\n') {
                i++;   /* the LF carries it */
                continue;
            }
            r->at[r->len] = i;
            r->text[r->len++] = c == '\r' ? '\n' : (char)c;
            i++;
            continue;
        }
        int k = vn_utf8_seq(b + i, b + n);
        if (k > 0) {
            r->multibyte++;
            for (int j = 0; j < k; j++) {
                r->at[r->len] = i + (size_t)j;
                r->text[r->len++] = (char)b[i + (size_t)j];
            }
            i += (size_t)k;
        } else {
            r->invalid_seqs++;
            r->invalid_bytes += (size_t)-k;
            for (int j = 0; j < 3; j++) {   /* the map says where it starts */
                r->at[r->len] = j ? SIZE_MAX : i;
                r->text[r->len++] = "\xEF\xBF\xBD"[j];
            }
            i += (size_t)-k;
        }
    }
    return true;
}

/* Random texts made of what plans hold and of what breaks UTF-8, at every
 * alignment against the 16-byte blocks: the decoded text, the bytes
 * replaced and where each output byte came from agree with the reference. */
static void test_skip_agrees_with_bytewise(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "a", "Kế hoạch ", "thực hiện ", "dân chủ", " ", "\n", "\r\n", "\r", "\t", "1", "/",
        "đ", "Đ", "ơ", "ư", "à", "ế", "ộ", "ữ", "\xEF\xBF\xBD", "\xEE\x80\x80", "\xEF\xBB\xBF",
        "\xE0\xA0\x80", "\xE0\x80\x80", "\xED\x9F\xBF", "\xED\xA0\x80", "\xF0\x9F\x98\x80",
        "\xF4\x90\x80\x80", "\xF0\x80", "\x80", "\xBF", "\xC2", "\xC0\xAF", "\xC1\x81", "\xE1",
        "\xE1\xBA", "\xE1\xBA\xBF\xBF", "\xC3\xC3\xA0", "\xF5\x80", "\xFF", "\xFE",
    };
    const size_t np = sizeof pieces / sizeof *pieces;
    uint64_t seed = 0x9E3779B97F4A7C15ULL;
    size_t compared = 0, with_bad = 0;
    for (int round = 0; round < 40000; round++) {
        unsigned char buf[1024];
        size_t want = random_below(&seed, 300);
        bool clean = round % 3 == 0;   /* a third: Vietnamese text only */
        size_t n = random_text(&seed, pieces, clean ? 19 : np, want, (char *)buf, sizeof buf);
        if ((n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) ||
            (n >= 2 && (memcmp(buf, "\xFE\xFF", 2) == 0 || memcmp(buf, "\xFF\xFE", 2) == 0)))
            continue;   /* a byte-order mark: not this test's subject */
        reference r;
        assert_true(decode_by_hand(buf, n, &r));
        /* a text this damaged may be read as windows-1258 instead */
        if (r.invalid_seqs * 100 > n && r.invalid_seqs > 4 * r.multibyte)
            continue;
        vn_decoded d;
        vn_error err;
        assert_int_equal(vn_decode_bytes("random", buf, n, &d, &err), VN_OK);
        assert_int_equal(d.encoding, VN_ENC_UTF8);
        assert_int_equal(d.len, r.len);
        assert_memory_equal(d.text, r.text, r.len);
        assert_int_equal(d.invalid_bytes, r.invalid_bytes);
        for (size_t i = 0; i < r.len; i++)
            if (r.at[i] != SIZE_MAX && vn_offmap_to_input(&d.map, i) != r.at[i])
                fail_msg("round %d: output byte %zu maps to %zu, not %zu", round, i,
                         vn_offmap_to_input(&d.map, i), r.at[i]);
        vn_decoded_free(&d);
        compared++;
        with_bad += r.invalid_bytes > 0;
    }
    assert_true(compared > 30000);
    assert_true(with_bad > 5000);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup(f, reset_warnings)
    const struct CMUnitTest tests[] = {
        T(test_plain_utf8),
        T(test_utf8_bom),
        T(test_line_ends),
        T(test_invalid_utf8),
        T(test_damaged_utf8_is_not_cp1258),
        T(test_tcvn3),
        T(test_vni),
        T(test_legacy_font_lines),
        T(test_cp1258),
        T(test_not_cp1258),
        T(test_utf16le),
        T(test_utf16be),
        T(test_utf16_bad_units),
        T(test_binary_refused),
        T(test_empty_file),
        T(test_unreadable),
        T(test_corpus_file),
        T(test_encoding_names),
        T(test_skip_agrees_with_bytewise),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
