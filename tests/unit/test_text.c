/* test_text.c — NFC normalisation with offsets, Đ and ASCII lookalikes, spaces,
 * invisible characters, case folding and accent stripping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "common/text.h"
#include "indexer/reader.h"
#include "random_text.h"

/* Normalises s into out (reset first) and map (freed first). */
static void normalize(const char *s, size_t n, vn_buf *out, vn_offmap *map)
{
    out->len = 0;
    if (map) {
        vn_offmap_free(map);
        *map = (vn_offmap)VN_OFFMAP_INIT;
    }
    assert_int_equal(vn_text_normalize(s, n, out, map), VN_OK);
    if (!out->data)
        vn_buf_reserve(out, 0);
}

static void expect_normal(const char *in, const char *want)
{
    vn_buf out = VN_BUF_INIT;
    normalize(in, strlen(in), &out, NULL);
    assert_string_equal(out.data, want);
    vn_buf_free(&out);
}

static void test_ascii_untouched(void **state)
{
    (void)state;
    const char *s = "Nghi dinh so 59/2023/ND-CP, ngay 14/8/2023 <= => a=b\n\t";
    vn_buf out = VN_BUF_INIT;
    vn_offmap map = VN_OFFMAP_INIT;
    normalize(s, strlen(s), &out, &map);
    assert_string_equal(out.data, s);
    assert_int_equal(map.count, 0);
    assert_int_equal(map.in_len, strlen(s));
    normalize("", 0, &out, &map);
    assert_int_equal(out.len, 0);
    vn_buf_free(&out);
    vn_offmap_free(&map);
}

static void test_precomposed_untouched(void **state)
{
    (void)state;
    const char *s = "Nghị định số 59/2023/NĐ-CP của Chính phủ “Dân biết” – Ủy ban";
    vn_buf out = VN_BUF_INIT;
    vn_offmap map = VN_OFFMAP_INIT;
    normalize(s, strlen(s), &out, &map);
    assert_string_equal(out.data, s);
    assert_int_equal(map.count, 0);
    vn_buf_free(&out);
    vn_offmap_free(&map);
}

/* Decomposed tone marks (as Word on macOS writes them) are composed, and
 * positions after the word map back to the input. */
static void test_nfc_with_offsets(void **state)
{
    (void)state;
    const char *in = "Nghe\xCC\xA3\xCC\x82 \xC4\x91i\xCC\xA3nh s\xC3\xB4\xCC\x81 59";
    vn_buf out = VN_BUF_INIT;
    vn_offmap map = VN_OFFMAP_INIT;
    normalize(in, strlen(in), &out, &map);
    assert_string_equal(out.data, "Nghệ định số 59");
    /* "Nghe"+U+0323+U+0302 is 8 bytes, "Nghệ" 6: "định" starts at 7 in
     * the output and at 9 in the input. */
    assert_int_equal(vn_offmap_to_input(&map, 7), 9);
    const char *so = strstr(out.data, "số");
    const char *si = strstr(in, "s\xC3\xB4");
    assert_int_equal(vn_offmap_to_input(&map, (size_t)(so - out.data)), (size_t)(si - in));
    const char *n59 = strstr(out.data, "59");
    assert_int_equal(vn_offmap_to_input(&map, (size_t)(n59 - out.data)), strlen(in) - 2);
    assert_int_equal(map.out_len, out.len);
    vn_buf_free(&out);
    vn_offmap_free(&map);
}

/* Canonical reordering: dot below and circumflex in either order. */
static void test_mark_order(void **state)
{
    (void)state;
    expect_normal("e\xCC\x82\xCC\xA3", "ệ");
    expect_normal("e\xCC\xA3\xCC\x82", "ệ");
    expect_normal("\xC3\xAA\xCC\xA3", "ệ");      /* ê + dot below */
    expect_normal(" \xCC\x81x", " \xCC\x81x");  /* a mark with no base stays */
    expect_normal("=\xCC\xB8", "≠");              /* '=' is not a boundary */
}

static void test_dd_lookalikes(void **state)
{
    (void)state;
    expect_normal("\xC3\x90" "CT", "ĐCT");           /* U+00D0 Eth */
    expect_normal("\xC3\xB0i\xE1\xBB\x81u", "điều");  /* U+00F0 eth */
    expect_normal("N\xC6\x89-CP", "NĐ-CP");           /* U+0189 */
    expect_normal("\xC3\x90i\xCC\xA3", "Đị");        /* with a mark to compose */
}

/* Fullwidth digits and punctuation (3 bytes each) become ASCII, each
 * character still mapped to its own first byte; letters and < = > stay. */
static void test_fullwidth_ascii(void **state)
{
    (void)state;
    const char *in = "s\xE1\xBB\x91 \xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x8FQ\xC4\x90";  /* số ２３／QĐ */
    vn_buf out = VN_BUF_INIT;
    vn_offmap map = VN_OFFMAP_INIT;
    normalize(in, strlen(in), &out, &map);
    assert_string_equal(out.data, "số 23/QĐ");
    assert_int_equal(vn_offmap_to_input(&map, 5), 5);    /* "2" */
    assert_int_equal(vn_offmap_to_input(&map, 6), 8);    /* "3" */
    assert_int_equal(vn_offmap_to_input(&map, 7), 11);   /* "/" */
    assert_int_equal(vn_offmap_to_input(&map, 8), 14);   /* "Q" */
    expect_normal("\xEF\xBD\x9E", "~");                  /* U+FF5E, the last one */
    expect_normal("\xEF\xBC\xB1", "\xEF\xBC\xB1");      /* U+FF31 Ｑ */
    expect_normal("\xEF\xBC\x9D\xCC\xB8", "\xEF\xBC\x9D\xCC\xB8");  /* ＝ + U+0338 */
    expect_normal("\xEF\xBD\x9F", "\xEF\xBD\x9F");      /* U+FF5F is not ASCII's */
    vn_buf_free(&out);
    vn_offmap_free(&map);
}

static void test_spaces(void **state)
{
    (void)state;
    /* NBSP (2 bytes), U+2009 thin space (3), U+202F (3), U+3000 (3). */
    const char *in = "s\xC3\xB4\xCC\x81\xC2\xA0" "59\xE2\x80\x89/\xE2\x80\xAF" "2023\xE3\x80\x80QH";
    vn_buf out = VN_BUF_INIT;
    vn_offmap map = VN_OFFMAP_INIT;
    normalize(in, strlen(in), &out, &map);
    assert_string_equal(out.data, "số 59 / 2023 QH");
    /* Each character maps to its own first byte. */
    assert_int_equal(vn_offmap_to_input(&map, 4), 5);   /* the space from NBSP */
    assert_int_equal(vn_offmap_to_input(&map, 5), 7);   /* "59" */
    assert_int_equal(vn_offmap_to_input(&map, 8), 12);  /* "/" */
    assert_int_equal(vn_offmap_to_input(&map, 10), 16); /* "2023" */
    assert_int_equal(vn_offmap_to_input(&map, 15), 23); /* "QH" */
    vn_buf_free(&out);
    vn_offmap_free(&map);
}

static void test_invisible_removed(void **state)
{
    (void)state;
    const char *in = "Ngh\xE2\x80\x8B\xE1\xBB\x8B \xEF\xBB\xBF" "đ\xC2\xAD" "ịnh";
    vn_buf out = VN_BUF_INIT;
    vn_offmap map = VN_OFFMAP_INIT;
    normalize(in, strlen(in), &out, &map);
    assert_string_equal(out.data, "Nghị định");
    assert_int_equal(vn_offmap_to_input(&map, 3), 6);  /* ị after the ZWSP */
    assert_int_equal(vn_offmap_to_input(&map, 7), 13); /* đ after the FEFF */
    /* A zero-width space between a letter and its tone mark must not keep
     * them apart. */
    expect_normal("e\xE2\x80\x8B\xCC\x81", "é");
    vn_buf_free(&out);
    vn_offmap_free(&map);
}

/* Output is appended; the map is relative to what this call appended. */
static void test_appends(void **state)
{
    (void)state;
    vn_buf out = VN_BUF_INIT;
    vn_buf_append(&out, "xyz", 3);
    vn_offmap map = VN_OFFMAP_INIT;
    const char *in = "\xC2\xA0" "ab";
    assert_int_equal(vn_text_normalize(in, strlen(in), &out, &map), VN_OK);
    assert_string_equal(out.data, "xyz ab");
    assert_int_equal(vn_offmap_to_input(&map, 1), 2);
    assert_int_equal(map.out_len, 3);
    vn_buf_free(&out);
    vn_offmap_free(&map);
}

/* The seed plan that is not NFC: four syllables written with â + U+0301.
 * Python's unicodedata.normalize("NFC") of the file is 21309 bytes long. */
static void test_corpus_not_nfc(void **state)
{
    (void)state;
    /* The reader hands the file over as is: it is UTF-8 without CR. */
    vn_decoded file;
    vn_error err;
    assert_int_equal(vn_read_file(VNCITE_CORPUS "/yen-bai-dang-uy-khoi-2024-ke-hoach-qcdc.txt",
                                  &file, &err),
                     VN_OK);
    assert_int_equal(file.map.count, 0);
    const char *raw = file.text;
    size_t n = file.len;
    vn_buf out = VN_BUF_INIT;
    vn_offmap map = VN_OFFMAP_INIT;
    normalize(raw, n, &out, &map);
    assert_int_equal(n, 21313);
    assert_int_equal(out.len, 21309);
    utf8proc_uint8_t *ref = utf8proc_NFC((const utf8proc_uint8_t *)raw);
    assert_string_equal(out.data, (const char *)ref);
    free(ref);
    static const struct {
        const char *word;
        size_t out, in;
    } words[] = {
        {"chấp", 16781, 16781}, {"chấn", 17175, 17176},
        {"chất", 18492, 18494}, {"huấn", 18671, 18674},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        assert_memory_equal(out.data + words[i].out, words[i].word, strlen(words[i].word));
        assert_int_equal(vn_offmap_to_input(&map, words[i].out), words[i].in);
    }
    /* Every output byte outside the four recomposed letters is the input
     * byte the map points at. */
    size_t checked = 0;
    for (size_t x = 0; x < out.len; x++) {
        size_t y = vn_offmap_to_input(&map, x);
        if ((unsigned char)out.data[x] < 0x80) {
            assert_int_equal(out.data[x], raw[y]);
            checked++;
        }
    }
    assert_true(checked > 10000);
    vn_decoded_free(&file);
    vn_buf_free(&out);
    vn_offmap_free(&map);
}

/* ---- the cluster claim of text.c, for every assigned code point ------ */

/* Our mappings, applied to the input before NFC (they commute with it). */
static size_t premap(const char *s, size_t n, char *dst)
{
    size_t o = 0;
    for (utf8proc_ssize_t i = 0; (size_t)i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)n - i, &cp);
        i += k;
        if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
            cp == 0x205F || cp == 0x3000)
            cp = ' ';
        else if (cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF)
            continue;
        else if (cp == 0xD0 || cp == 0x189)
            cp = 0x110;
        else if (cp == 0xF0)
            cp = 0x111;
        else if (cp >= 0xFF01 && cp <= 0xFF5E && !isalpha(cp - 0xFEE0) &&
                 (cp - 0xFEE0 < '<' || cp - 0xFEE0 > '>'))   /* fullwidth digits, punctuation */
            cp -= 0xFEE0;
        o += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)dst + o);
    }
    dst[o] = '\0';
    return o;
}

static void check_against_utf8proc(const char *s, size_t n, vn_buf *out, utf8proc_int32_t cp)
{
    char mapped[64];
    premap(s, n, mapped);
    utf8proc_uint8_t *ref = utf8proc_NFC((const utf8proc_uint8_t *)mapped);
    normalize(s, n, out, NULL);
    if (strcmp(out->data, (const char *)ref) != 0)
        fail_msg("U+%04X: normalize gave a different result than NFC", (unsigned)cp);
    free(ref);
}

/* text.c leaves a character alone unless it is a "trigger", and runs NFC
 * only over a trigger run and the character before it.  That is sound only
 * if (a) every character NFC could change is a trigger, and (b) every
 * character that composes with the one before it is a trigger.  Feeding
 * each code point alone, decomposed, after a base and before marks, and
 * comparing with utf8proc's NFC of the whole string, checks both. */
static void test_every_code_point(void **state)
{
    (void)state;
    vn_buf out = VN_BUF_INIT;
    for (utf8proc_int32_t cp = 0x20; cp <= 0x10FFFF; cp++) {
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cat == UTF8PROC_CATEGORY_CN || cat == UTF8PROC_CATEGORY_CS || cat == UTF8PROC_CATEGORY_CO)
            continue;
        char s[64];
        size_t n = (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)s);
        s[n] = '\0';
        check_against_utf8proc(s, n, &out, cp);

        utf8proc_uint8_t *nfd = utf8proc_NFD((const utf8proc_uint8_t *)s);
        check_against_utf8proc((const char *)nfd, strlen((const char *)nfd), &out, cp);
        free(nfd);

        n = 0;
        s[n++] = 'e';
        n += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)s + n);
        memcpy(s + n, "\xCC\x81", 2);
        check_against_utf8proc(s, n + 2, &out, cp);

        n = (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)s);
        memcpy(s + n, "\xCC\xA3\xCC\x82", 4);
        check_against_utf8proc(s, n + 4, &out, cp);
    }
    vn_buf_free(&out);
}

/* ---- the 16-byte skip: every character at every place of a block ------- */

static void check_long(const char *s, size_t n, vn_buf *out, const char *what, size_t at)
{
    char *mapped = malloc(n * 3 + 1);
    assert_non_null(mapped);
    premap(s, n, mapped);
    utf8proc_uint8_t *ref = utf8proc_NFC((const utf8proc_uint8_t *)mapped);
    normalize(s, n, out, NULL);
    if (strcmp(out->data, (const char *)ref) != 0)
        fail_msg("%s at byte %zu: normalize gave a different result than NFC", what, at);
    free(ref);
    free(mapped);
}

/* Plain Vietnamese text around one character, placed at every offset of a
 * 16-byte block (alone, decomposed, and before a combining mark): the
 * blocks skipped whole must be exactly those the byte-by-byte path leaves
 * alone.  Then random texts of plain letters, marks, spaces, invisible
 * characters and lookalikes. */
static void test_skip_agrees_with_nfc(void **state)
{
    (void)state;
    vn_buf out = VN_BUF_INIT;
    static const char filler[] = "Kế hoạch thực hiện dân chủ ở cơ sở năm 2024, Đảng ủy. ";
    const utf8proc_int32_t ranges[][2] = {{0x80, 0x2FF}, {0x300, 0x36F}, {0x1E00, 0x1EFF},
                                          {0x2000, 0x206F}, {0xFEFF, 0xFEFF}, {0x1100, 0x11FF},
                                          {0xAC00, 0xAC10}};
    for (size_t r = 0; r < sizeof ranges / sizeof *ranges; r++)
        for (utf8proc_int32_t cp = ranges[r][0]; cp <= ranges[r][1]; cp++) {
            utf8proc_category_t cat = utf8proc_category(cp);
            if (cat == UTF8PROC_CATEGORY_CN || cat == UTF8PROC_CATEGORY_CS)
                continue;
            for (size_t at = 0; at < 18; at++) {
                char s[256];
                size_t n = 0;
                memcpy(s, filler, sizeof filler - 1);
                n = at;   /* the filler's first `at` bytes may cut a letter: keep whole ones */
                while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
                    n--;
                n += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)s + n);
                if (at % 3 == 1) {
                    memcpy(s + n, "\xCC\x81", 2);   /* a combining acute after it */
                    n += 2;
                }
                memcpy(s + n, filler, sizeof filler - 1);
                n += sizeof filler - 1;
                s[n] = '\0';
                char what[32];
                snprintf(what, sizeof what, "U+%04X", (unsigned)cp);
                check_long(s, n, &out, what, at);
            }
        }
    static const char *const pieces[] = {
        "a", " ", "ế", "ộ", "ữ", "Đ", "đ", "ơ", "à", "\xC2\xA0", "\xC2\xAD", "\xC3\x90", "\xC3\xB0",
        "\xC6\x89", "e\xCC\x81", "o\xCC\x9B\xCC\x80", "\xCC\xA3", "\xE2\x80\x8B", "\xE2\x80\x83",
        "\xEF\xBB\xBF", "\xE1\xBA\x9F", "\xE1\xBB\xBA", "\xE1\xB8\x80", "ℓ", "Ω", "한", "\n",
        "Kế hoạch ", "1/2024/NĐ-CP ",
    };
    uint64_t seed = 42;
    for (int round = 0; round < 20000; round++) {
        char s[1024];
        size_t want = random_below(&seed, 200);
        size_t n = random_text(&seed, pieces, sizeof pieces / sizeof *pieces, want, s, sizeof s);
        check_long(s, n, &out, "random text", (size_t)round);
    }
    vn_buf_free(&out);
}

/* ---- casefold, unaccent, has_accents ------------------------------------ */

static void expect_fold(vn_status (*fn)(const char *, size_t, vn_buf *), const char *in,
                        const char *want)
{
    vn_buf out = VN_BUF_INIT;
    assert_int_equal(fn(in, strlen(in), &out), VN_OK);
    assert_string_equal(out.data ? out.data : "", want);
    vn_buf_free(&out);
}

static void test_casefold(void **state)
{
    (void)state;
    expect_fold(vn_text_casefold, "Đảng", "đảng");
    expect_fold(vn_text_casefold, "NGHỊ ĐỊNH SỐ 59/2023/NĐ-CP", "nghị định số 59/2023/nđ-cp");
    expect_fold(vn_text_casefold, "QCDC", "qcdc");
    expect_fold(vn_text_casefold, "ỦY BAN", "ủy ban");
    expect_fold(vn_text_casefold, "", "");
    expect_fold(vn_text_casefold, "Straße", "strasse");
}

static void test_unaccent(void **state)
{
    (void)state;
    expect_fold(vn_text_unaccent, "Nghị định", "nghi dinh");
    expect_fold(vn_text_unaccent, "ĐẢNG CỘNG SẢN", "dang cong san");
    expect_fold(vn_text_unaccent, "\xC3\x90i\xE1\xBB\x81u", "dieu"); /* Ðiều with U+00D0 */
    expect_fold(vn_text_unaccent, "Quyết định số 217-QĐ/TW", "quyet dinh so 217-qd/tw");
    expect_fold(vn_text_unaccent, "Thụy Hùng, ngày 26", "thuy hung, ngay 26");
    expect_fold(vn_text_unaccent, "ươ ƯƠ", "uo uo");
}

/* ---- the fold table against utf8proc ------------------------------------ */

/* Folds s[0..n) both ways (table if it can, and utf8proc alone) and fails
 * on any difference; `what` names the input in the message. */
static void check_fold(const char *s, size_t n, vn_buf *b, const char *what)
{
    for (int k = 0; k < 4; k++)
        b[k].len = 0;
    assert_int_equal(vn_text_fold_both(s, n, &b[0], &b[1]), VN_OK);
    assert_int_equal(vn_text_fold_reference(s, n, &b[2], &b[3]), VN_OK);
    if (b[0].len != b[2].len || memcmp(b[0].data, b[2].data, b[0].len) != 0)
        fail_msg("%s: case-folded form differs from utf8proc", what);
    if (b[1].len != b[3].len || memcmp(b[1].data, b[3].data, b[1].len) != 0)
        fail_msg("%s: unaccented form differs from utf8proc", what);
    /* The single-form entry points take the same table. */
    b[0].len = b[1].len = 0;
    assert_int_equal(vn_text_casefold(s, n, &b[0]), VN_OK);
    assert_int_equal(vn_text_unaccent(s, n, &b[1]), VN_OK);
    if (b[0].len != b[2].len || memcmp(b[0].data, b[2].data, b[0].len) != 0 ||
        b[1].len != b[3].len || memcmp(b[1].data, b[3].data, b[1].len) != 0)
        fail_msg("%s: casefold/unaccent differ from utf8proc", what);
}

/* Every code point of the table's range, U+0000-U+024F and U+1E00-U+1EFF,
 * plus a margin on each side (outside it utf8proc must take over). */
static int table_range_cp(int k)
{
    return k < 0x260 ? k : 0x1DF0 + (k - 0x260);
}
enum { TABLE_RANGE_CPS = 0x260 + 0x120 };

static size_t encode(int cp, char *s)
{
    return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)s);
}

static void test_fold_table_every_code_point(void **state)
{
    (void)state;
    vn_buf b[4] = {VN_BUF_INIT, VN_BUF_INIT, VN_BUF_INIT, VN_BUF_INIT};
    char s[32], what[48];
    for (int k = 0; k < TABLE_RANGE_CPS; k++) {
        int cp = table_range_cp(k);
        size_t n = encode(cp, s);
        snprintf(what, sizeof what, "U+%04X", (unsigned)cp);
        check_fold(s, n, b, what);
        /* Inside a word, and before a combining mark (which must send the
         * word to utf8proc, where it may compose). */
        n = 0;
        s[n++] = 'N';
        n += encode(cp, s + n);
        s[n++] = 'X';
        check_fold(s, n, b, what);
        n = encode(cp, s);
        memcpy(s + n, "\xCC\x81", 2);
        check_fold(s, n + 2, b, what);
    }
    for (int k = 0; k < 4; k++)
        vn_buf_free(&b[k]);
}

/* The table concatenates per-character entries; that equals folding the
 * whole word if no two neighbours interact, and text.c keeps only
 * characters whose forms start with a starter, so only adjacent pairs
 * could.  Folds every ordered pair of the range. */
static void test_fold_table_every_pair(void **state)
{
    (void)state;
    vn_buf b[4] = {VN_BUF_INIT, VN_BUF_INIT, VN_BUF_INIT, VN_BUF_INIT};
    char s[16], what[48];
    for (int k = 0; k < TABLE_RANGE_CPS; k++) {
        int c1 = table_range_cp(k);
        size_t n1 = encode(c1, s);
        for (int m = 0; m < TABLE_RANGE_CPS; m++) {
            int c2 = table_range_cp(m);
            if (c1 < 0x80 && c2 < 0x80)
                continue; /* the ASCII path, not the table */
            size_t n2 = encode(c2, s + n1);
            snprintf(what, sizeof what, "U+%04X U+%04X", (unsigned)c1, (unsigned)c2);
            check_fold(s, n1 + n2, b, what);
        }
    }
    for (int k = 0; k < 4; k++)
        vn_buf_free(&b[k]);
}

/* Malformed or truncated UTF-8 must not be decoded by the table: it gets
 * utf8proc's verdict, whatever that is. */
static void test_fold_table_malformed(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "a\xC3", "\xC3(", "\xE1\xBA", "\xE1\xBA(", "\xE1(\xA1", "\xC0\x80", "\xC1\xBF",
        "\xE0\x80\x80", "\xED\xA0\x80", "\xF8", "\x80", "đ\xFF", "ế\xE1\xBB",
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        vn_buf a = VN_BUF_INIT, p = VN_BUF_INIT, ra = VN_BUF_INIT, rp = VN_BUF_INIT;
        size_t n = strlen(bad[k]);
        vn_status st = vn_text_fold_both(bad[k], n, &a, &p);
        assert_int_equal(st, vn_text_fold_reference(bad[k], n, &ra, &rp));
        if (st == VN_OK) {
            assert_string_equal(a.data, ra.data);
            assert_string_equal(p.data, rp.data);
        }
        vn_buf_free(&a);
        vn_buf_free(&p);
        vn_buf_free(&ra);
        vn_buf_free(&rp);
    }
}

/* Appends after what is there, and grows a buffer that is nearly full. */
static void test_fold_table_appends(void **state)
{
    (void)state;
    vn_buf a = VN_BUF_INIT, p = VN_BUF_INIT;
    assert_int_equal(vn_buf_append(&a, "x|", 2), VN_OK);
    assert_int_equal(vn_text_fold_both("Đảng ỦY", strlen("Đảng ỦY"), &a, &p), VN_OK);
    assert_string_equal(a.data, "x|đảng ủy");
    assert_string_equal(p.data, "dang uy");
    /* ŉ and İ grow when folded: 2 bytes -> 3. */
    vn_buf big = VN_BUF_INIT, ref = VN_BUF_INIT, junk = VN_BUF_INIT;
    vn_buf in = VN_BUF_INIT;
    for (int k = 0; k < 1000; k++)
        assert_int_equal(vn_buf_append(&in, k % 2 ? "\xC5\x89" : "\xC4\xB0", 2), VN_OK);
    assert_int_equal(vn_text_casefold(in.data, in.len, &big), VN_OK);
    assert_int_equal(vn_text_fold_reference(in.data, in.len, &ref, &junk), VN_OK);
    assert_int_equal(big.len, ref.len);
    assert_memory_equal(big.data, ref.data, ref.len);
    vn_buf_free(&a);
    vn_buf_free(&p);
    vn_buf_free(&big);
    vn_buf_free(&ref);
    vn_buf_free(&junk);
    vn_buf_free(&in);
}

static void test_has_accents(void **state)
{
    (void)state;
    assert_false(vn_text_has_accents("nghi dinh 59/2023/ND-CP", strlen("nghi dinh 59/2023/ND-CP")));
    assert_false(vn_text_has_accents("", 0));
    assert_true(vn_text_has_accents("Nghị", strlen("Nghị")));
    assert_true(vn_text_has_accents("NĐ-CP", strlen("NĐ-CP")));
    assert_true(vn_text_has_accents("\xC3\x90", 2));
    assert_true(vn_text_has_accents("o\xCC\x9B", 3)); /* o + horn, decomposed */
    assert_true(vn_text_has_accents("ư", strlen("ư")));
    assert_false(vn_text_has_accents("“quote” – 中文", strlen("“quote” – 中文")));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii_untouched),
        cmocka_unit_test(test_precomposed_untouched),
        cmocka_unit_test(test_nfc_with_offsets),
        cmocka_unit_test(test_mark_order),
        cmocka_unit_test(test_dd_lookalikes),
        cmocka_unit_test(test_fullwidth_ascii),
        cmocka_unit_test(test_spaces),
        cmocka_unit_test(test_invisible_removed),
        cmocka_unit_test(test_appends),
        cmocka_unit_test(test_corpus_not_nfc),
        cmocka_unit_test(test_every_code_point),
        cmocka_unit_test(test_skip_agrees_with_nfc),
        cmocka_unit_test(test_casefold),
        cmocka_unit_test(test_unaccent),
        cmocka_unit_test(test_has_accents),
        cmocka_unit_test(test_fold_table_every_code_point),
        cmocka_unit_test(test_fold_table_every_pair),
        cmocka_unit_test(test_fold_table_malformed),
        cmocka_unit_test(test_fold_table_appends),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
