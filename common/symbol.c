/*
 * symbol.c — parsing and canonical printing of instrument symbols
 * ("số, ký hiệu"), and the table of instrument type words and codes.
 *
 * The tables below are data: adding a type word or a mixed-case code is a
 * one-line change here, no logic changes.  See symbol.h for the families.
 */
#include "symbol.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "ascii.h"
#include "lower.h"
#include "utf8.h"

/* ---- data ------------------------------------------------------------- */

/* Codes whose conventional spelling is not all upper case (Nghị định
 * 30/2020/NĐ-CP Phụ lục III; Hướng dẫn 36-HD/VPTW; GDTrH, the Ministry of
 * Education's secondary-schools department, as in "3456/BGDĐT-GDTrH"). */
static const char *const mixed_case_codes[] = {
    "QĐi", "QyĐ", "CTr", "TTg", "TTr", "GDTrH", NULL
};

/* An ASCII spelling of a code that lost its Đ, and the code. */
typedef struct ascii_d {
    const char *ascii, *code;
    size_t len;                 /* of ascii */
} ascii_d;
#define ASCII_D(ascii, code) {ascii, code, sizeof ascii - 1}

/* Type codes, where only one real code fits.  DA/ĐA and HD/HĐ are both
 * real codes, so they are not here; a type word decides those (see
 * type_words). */
static const ascii_d ascii_type_codes[] = {
    ASCII_D("ND", "NĐ"), ASCII_D("QD", "QĐ"), ASCII_D("QDI", "QĐi"), ASCII_D("QYD", "QyĐ"),
    ASCII_D("CTHD", "CTHĐ"), ASCII_D("CD", "CĐ"), {NULL, NULL, 0}
};

/* Issuers' codes, at any place in a symbol: text typed without diacritics
 * ("03/NQ-HDND") and searches ("cites:03/nq-hdnd") name the same instrument
 * as "03/NQ-HĐND".  Only codes no other body writes without Đ; digits after
 * them stay ("BCD389"). */
static const ascii_d ascii_issuer_codes[] = {
    ASCII_D("HDND", "HĐND"), ASCII_D("BCD", "BCĐ"), ASCII_D("DU", "ĐU"),
    ASCII_D("DUK", "ĐUK"), ASCII_D("HDNN", "HĐNN"), ASCII_D("HDBT", "HĐBT"),
    ASCII_D("BGDDT", "BGDĐT"), ASCII_D("SGDDT", "SGDĐT"),
    ASCII_D("PGDDT", "PGDĐT"), ASCII_D("BLDTBXH", "BLĐTBXH"),
    ASCII_D("SLDTBXH", "SLĐTBXH"), ASCII_D("BKHDT", "BKHĐT"),
    ASCII_D("SKHDT", "SKHĐT"), ASCII_D("TLD", "TLĐ"),
    ASCII_D("TLDLDVN", "TLĐLĐVN"), ASCII_D("LDLD", "LĐLĐ"),
    ASCII_D("DCTUBTWMTTQVN", "ĐCTUBTWMTTQVN"), {NULL, NULL, 0}
};

/* upper (an upper-cased code) spelled with its Đ from table into out,
 * digits after it kept when `digits_after`; false when table has none.
 * Asked for every code read, so a code without a D is passed at once. */
static bool restore_ascii_d(const ascii_d *table, const char *upper, bool digits_after,
                            char *out)
{
    if (!strchr(upper, 'D'))
        return false;
    size_t n = strlen(upper);
    while (digits_after && n > 0 && upper[n - 1] >= '0' && upper[n - 1] <= '9')
        n--;
    for (int i = 0; table[i].ascii; i++) {
        if (table[i].len == n && memcmp(table[i].ascii, upper, n) == 0) {
            snprintf(out, VN_SYMBOL_CODE_MAX, "%s%s", table[i].code, upper + n);
            return true;
        }
    }
    return false;
}

/*
 * Instrument type words, longest first where one is a prefix of another,
 * with the codes conventional for each.  The first code is the one a
 * citation written without a type word is assumed to carry.
 */
typedef struct type_word_entry {
    const char *word;            /* canonical spelling, NFC */
    const char *codes[4];
} type_word_entry;

static const type_word_entry type_words[] = {
    {"Nghị quyết liên tịch", {"NQLT", NULL}},
    {"Thông tư liên tịch", {"TTLT", NULL}},
    {"Quyết định liên tịch", {"QĐLT", NULL}},
    {"Chương trình hành động", {"CTr", "CTHĐ", NULL}},
    {"Chương trình phối hợp", {"CTr", "CTPH", NULL}},
    {"Quy chế phối hợp", {"QC", "QCPH", NULL}},
    {"Quy chế làm việc", {"QC", NULL}},
    {"Kế hoạch liên tịch", {"KHLT", "KH", NULL}},
    {"Thông báo kết luận", {"TB", NULL}},
    {"Hướng dẫn liên tịch", {"HDLT", "HD", NULL}},
    {"Hướng dẫn liên ngành", {"HDLN", "HD", NULL}},
    {"Kế hoạch liên ngành", {"KHLN", "KH", NULL}},
    {"Hiến pháp", {NULL}},
    {"Bộ luật", {"QH", NULL}},
    {"Luật", {"QH", NULL}},
    {"Pháp lệnh", {"PL", NULL}},
    {"Sắc lệnh", {"SL", NULL}},
    {"Lệnh", {"L", NULL}},
    {"Nghị quyết", {"NQ", NULL}},
    {"Nghị định", {"NĐ", NULL}},
    {"Quyết định", {"QĐ", NULL}},
    {"Chỉ thị", {"CT", NULL}},
    {"Thông tư", {"TT", NULL}},
    {"Thông tri", {"TT", NULL}},
    {"Kết luận", {"KL", NULL}},
    {"Quy định", {"QĐi", "QĐ", "QyĐ", NULL}},
    {"Quy chế", {"QC", NULL}},
    {"Hướng dẫn", {"HD", NULL}},
    {"Kế hoạch", {"KH", NULL}},
    {"Chương trình", {"CTr", NULL}},
    {"Đề án", {"ĐA", NULL}},
    {"Dự án", {"DA", NULL}},
    {"Công văn", {"CV", NULL}},
    {"Thông báo", {"TB", NULL}},
    {"Thông cáo", {"TC", NULL}},
    {"Báo cáo", {"BC", NULL}},
    {"Tờ trình", {"TTr", NULL}},
    {"Phương án", {"PA", NULL}},
    {"Biên bản", {"BB", NULL}},
    {"Hợp đồng", {"HĐ", NULL}},
    {"Công điện", {"CĐ", NULL}},
    {"Văn bản hợp nhất", {"VBHN", NULL}},
    {"Văn bản", {NULL}},
    {"Điều lệ", {"ĐL", NULL}},
    {NULL, {NULL}}
};

/* Type word implied by a type code, for citations written without one. */
static const struct { const char *code, *word; } code_type_words[] = {
    {"NĐ", "Nghị định"}, {"NQ", "Nghị quyết"}, {"NQLT", "Nghị quyết liên tịch"},
    {"QĐ", "Quyết định"}, {"QĐi", "Quy định"}, {"QyĐ", "Quy định"},
    {"CT", "Chỉ thị"}, {"TT", "Thông tư"}, {"TTLT", "Thông tư liên tịch"},
    {"KL", "Kết luận"}, {"QC", "Quy chế"}, {"HD", "Hướng dẫn"},
    {"KH", "Kế hoạch"}, {"CTr", "Chương trình"}, {"CTHĐ", "Chương trình hành động"},
    {"ĐA", "Đề án"}, {"DA", "Dự án"}, {"CV", "Công văn"}, {"TB", "Thông báo"},
    {"BC", "Báo cáo"}, {"TTr", "Tờ trình"}, {"PA", "Phương án"}, {"BB", "Biên bản"},
    {"HĐ", "Hợp đồng"}, {"CĐ", "Công điện"}, {"PL", "Pháp lệnh"}, {"TC", "Thông cáo"},
    /* not "L": it is Luật in "18-L/CTN" and Lệnh in "05/2022/L-CTN" */
    {"VBHN", "Văn bản hợp nhất"}, {"SL", "Sắc lệnh"}, {"QĐLT", "Quyết định liên tịch"},
    {"HDLT", "Hướng dẫn liên tịch"}, {"HDLN", "Hướng dẫn liên ngành"},
    {"KHLT", "Kế hoạch liên tịch"}, {"KHLN", "Kế hoạch liên ngành"},
    {"CTPH", "Chương trình phối hợp"}, {"QCPH", "Quy chế phối hợp"},
    {NULL, NULL}
};

/* ---- character classes ------------------------------------------------ */

static bool is_letter(int cp)
{
    if (cp < 0x80)
        return vn_ascii_alpha(cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL ||
           c == UTF8PROC_CATEGORY_LT || c == UTF8PROC_CATEGORY_LO;
}

static bool is_lower(int cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* ---- codes ------------------------------------------------------------ */

/* Upper-cases a code (Vietnamese letters included) into out. */
static void upper_code(const char *code, size_t len, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < len && o + 4 < VN_SYMBOL_CODE_MAX;) {
        unsigned char b = (unsigned char)code[i];
        if (b < 0x80) {         /* utf8proc_toupper of ASCII, without the call */
            out[o++] = (char)(b >= 'a' && b <= 'z' ? b - ('a' - 'A') : b);
            i++;
            continue;
        }
        int cp;
        i += vn_utf8_next(code + i, len - i, &cp);
        cp = utf8proc_toupper(cp);
        o += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + o);
    }
    out[o] = '\0';
}

/* mixed_case_codes upper-cased, computed once: every code read from the
 * text is compared with them. */
#define MIXED_CASE_CODE_COUNT (sizeof mixed_case_codes / sizeof mixed_case_codes[0] - 1)
static char mixed_case_upper[MIXED_CASE_CODE_COUNT][VN_SYMBOL_CODE_MAX];
static pthread_once_t mixed_case_upper_once = PTHREAD_ONCE_INIT;

static void upper_mixed_case_codes(void)
{
    for (size_t i = 0; i < MIXED_CASE_CODE_COUNT; i++)
        upper_code(mixed_case_codes[i], strlen(mixed_case_codes[i]), mixed_case_upper[i]);
}

static const type_word_entry *find_type_word(const char *word)
{
    if (!word)
        return NULL;
    /* the extractor passes the table's own strings back (from
     * vn_type_word_ending_at): their address finds them without strcmp */
    for (const type_word_entry *t = type_words; t->word; t++)
        if (t->word == word)
            return t;
    for (const type_word_entry *t = type_words; t->word; t++)
        if (strcmp(t->word, word) == 0)
            return t;
    return NULL;
}

/* Replaces every "D" of an ASCII code by "Đ" and returns true if the
 * result is one of the codes the type word expects. */
static bool restore_d_for_type(const char *upper, const type_word_entry *tw, char *out)
{
    if (!tw || !strchr(upper, 'D'))
        return false;
    char cand[VN_SYMBOL_CODE_MAX * 2];
    size_t o = 0;
    for (const char *p = upper; *p && o + 3 < sizeof cand; p++) {
        if (*p == 'D') {
            memcpy(cand + o, "Đ", 2);
            o += 2;
        } else {
            cand[o++] = *p;
        }
    }
    cand[o] = '\0';
    for (int i = 0; tw->codes[i]; i++) {
        char up[VN_SYMBOL_CODE_MAX];
        upper_code(tw->codes[i], strlen(tw->codes[i]), up);
        if (strcmp(up, cand) == 0) {
            snprintf(out, VN_SYMBOL_CODE_MAX, "%s", tw->codes[i]);
            return true;
        }
    }
    return false;
}

bool vn_symbol_canonical_code(const char *code, size_t len, int position,
                              const char *type_word, char *out)
{
    if (len == 0 || len > 40)
        return false;
    int cp;
    vn_utf8_next(code, len, &cp);
    if (!is_letter(cp))
        return false;
    for (size_t i = 0; i < len;) {
        i += vn_utf8_next(code + i, len - i, &cp);
        if (!is_letter(cp) && !(cp >= '0' && cp <= '9') && cp != '&' &&
            !(cp == '.' && i > 1 && i < len))
            return false;
    }
    char upper[VN_SYMBOL_CODE_MAX];
    upper_code(code, len, upper);

    pthread_once(&mixed_case_upper_once, upper_mixed_case_codes);
    for (int i = 0; mixed_case_codes[i]; i++) {
        if (mixed_case_upper[i][0] == upper[0] && strcmp(mixed_case_upper[i], upper) == 0) {
            snprintf(out, VN_SYMBOL_CODE_MAX, "%s", mixed_case_codes[i]);
            return true;
        }
    }
    if (position == 0) {
        const type_word_entry *tw = find_type_word(type_word);
        if (restore_d_for_type(upper, tw, out))
            return true;
        if (restore_ascii_d(ascii_type_codes, upper, false, out))
            return true;
    }
    if (restore_ascii_d(ascii_issuer_codes, upper, true, out))
        return true;
    memcpy(out, upper, strlen(upper) + 1);
    return true;
}

/* ---- formatting ------------------------------------------------------- */

/* Appends text to the symbol being printed, cut where VN_SYMBOL_MAX ends it
 * (the bytes snprintf would have kept). */
static void put(char *out, size_t *o, const char *text, size_t n)
{
    size_t room = VN_SYMBOL_MAX - 1 - *o;
    if (n > room)
        n = room;
    memcpy(out + *o, text, n);
    *o += n;
    out[*o] = '\0';
}

static void put_str(char *out, size_t *o, const char *text)
{
    put(out, o, text, strlen(text));
}

/* "/2023"; the extractor prints a symbol per citation, and snprintf was
 * most of the cost of doing so. */
static void put_year(char *out, size_t *o, int year)
{
    char buf[16];
    int n;
    if (year >= 0 && year <= 9999) {
        buf[0] = '/';
        buf[1] = (char)('0' + year / 1000);
        buf[2] = (char)('0' + year / 100 % 10);
        buf[3] = (char)('0' + year / 10 % 10);
        buf[4] = (char)('0' + year % 10);
        n = 5;
    } else {
        n = snprintf(buf, sizeof buf, "/%04d", year);
    }
    put(out, o, buf, (size_t)n);
}

void vn_symbol_format(const vn_symbol *s, char *out)
{
    size_t o = 0;
    out[0] = '\0';
    put_str(out, &o, s->number);
    if (s->family == VN_FAMILY_NORMATIVE)
        put_year(out, &o, s->year);
    for (int i = 0; i < s->code_count; i++) {
        const char *sep = s->family == VN_FAMILY_PARTY && i == 0 ? "-"
                        : s->family == VN_FAMILY_PARTY && i == 1 ? "/"
                        : i == 0                                 ? "/"
                                                                 : "-";
        put_str(out, &o, sep);
        put_str(out, &o, s->codes[i]);
    }
}

bool vn_symbol_has_year(const vn_symbol *s)
{
    return s->family == VN_FAMILY_NORMATIVE;
}

size_t vn_symbol_number_prefix(const char *symbol, char *out, size_t outsz)
{
    size_t n = 0;
    while (symbol[n] >= '0' && symbol[n] <= '9')
        n++;
    if (outsz) {
        size_t c = n < outsz - 1 ? n : outsz - 1;
        memcpy(out, symbol, c);
        out[c] = '\0';
    }
    return n;
}

/* ---- scanning --------------------------------------------------------- */

/* Separator at text[i]: '-', '/', a Unicode dash, or '_' typed for the
 * hyphen ("1239/QĐ_UBND"). Returns its byte length and sets *sep to '-' or
 * '/', or returns 0. */
static size_t separator_at(const char *t, size_t len, size_t i, char *sep)
{
    if (i >= len)
        return 0;
    if (t[i] == '-' || t[i] == '/' || t[i] == '_') {
        *sep = t[i] == '/' ? '/' : '-';
        return 1;
    }
    /* U+2010..U+2015 hyphens and dashes, U+2212 minus; U+2044 fraction
     * and U+2215 division slash, which some fonts' "/" is pasted as */
    if (i + 2 < len && (unsigned char)t[i] == 0xE2) {
        unsigned char b1 = (unsigned char)t[i + 1], b2 = (unsigned char)t[i + 2];
        if ((b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95) || (b1 == 0x88 && b2 == 0x92)) {
            *sep = '-';
            return 3;
        }
        if ((b1 == 0x81 && b2 == 0x84) || (b1 == 0x88 && b2 == 0x95)) {
            *sep = '/';
            return 3;
        }
    }
    return 0;
}

/* Skips blanks: spaces and tabs, and at most one line break (citations are
 * broken across lines by Word).  Returns the new position. */
static size_t skip_blanks(const char *t, size_t len, size_t i, bool *saw_blank)
{
    int newlines = 0;
    size_t start = i;
    while (i < len && (t[i] == ' ' || t[i] == '\t' || (t[i] == '\n' && newlines++ == 0)))
        i++;
    if (saw_blank)
        *saw_blank = i > start;
    return i;
}

/* True if the code text ending at `end` can take lowercase letter cp next,
 * i.e. upper-cased code + cp begins a known mixed-case code ("TT"+"g"). */
static bool lowercase_continues_code(const char *code, size_t clen, int cp)
{
    char buf[VN_SYMBOL_CODE_MAX + 4];
    if (clen + 4 >= sizeof buf)
        return false;
    memcpy(buf, code, clen);
    size_t n = clen + (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)buf + clen);
    for (int i = 0; mixed_case_codes[i]; i++) {
        const char *m = mixed_case_codes[i];
        if (strlen(m) >= n && strncasecmp(m, buf, n) == 0)
            return true;
    }
    return false;
}

/* True if the one lowercase letter at t[i] (n bytes) sits between capitals,
 * as the "r" of an office's own mixed-case code ("KTrH"): words glued to a
 * code ("TWngày", "UBNDvà") go on in lowercase. */
static bool lowercase_between_capitals(const char *t, size_t len, size_t i, size_t n,
                                       size_t code_start)
{
    int before, after;
    if (i == code_start || i + n >= len)
        return false;
    vn_utf8_prev(t, i, &before);
    vn_utf8_next(t + i + n, len - i - n, &after);
    return is_letter(before) && !is_lower(before) && is_letter(after) && !is_lower(after);
}

/* Length of a department's sub-code after a dot at t[i] (".VX" of
 * "QĐ-UBND.VX", as some provinces number their papers): two to six capitals
 * (in text; letters of any case in a loose reading) with no letter after
 * them, so "UBND.Theo" and "UBND. Theo" end at the dot.  0 when there is
 * none. */
static size_t dotted_sub_code(const char *t, size_t len, size_t i, bool strict)
{
    if (i >= len || t[i] != '.')
        return 0;
    size_t j = i + 1;
    int letters = 0, cp;
    while (j < len) {
        size_t n = vn_utf8_next(t + j, len - j, &cp);
        if (!is_letter(cp))
            break;
        if (strict && is_lower(cp))
            return 0;       /* a loose reading (a query: "1234/qd-ubnd.vx") takes any case */
        letters++;
        j += n;
    }
    return letters >= 2 && letters <= 6 ? j - i : 0;
}

/*
 * Reads a code at t[i]: letters, digits and '&', starting with a letter.
 * In text mode (strict) a lowercase letter ends the code unless it continues
 * a known mixed-case code or stands alone between capitals, so "TWngày"
 * reads as "TW".  Returns the length.
 */
static size_t read_code(const char *t, size_t len, size_t i, bool strict)
{
    size_t start = i;
    int cp;
    if (i >= len)
        return 0;
    size_t n = vn_utf8_next(t + i, len - i, &cp);
    if (!is_letter(cp) || (strict && is_lower(cp)))
        return 0;
    i += n;
    while (i < len) {
        n = vn_utf8_next(t + i, len - i, &cp);
        if (cp == '&' || (cp >= '0' && cp <= '9')) {
            i += n;
        } else if (is_letter(cp)) {
            if (strict && is_lower(cp) && !lowercase_continues_code(t + start, i - start, cp) &&
                !lowercase_between_capitals(t, len, i, n, start))
                break;
            i += n;
        } else {
            break;
        }
    }
    return i - start;
}

/* Splits glued type+issuer codes after a year or a slash ("NĐCP" -> "NĐ","CP",
 * "QĐUBND" -> "QĐ","UBND"). */
static bool split_glued(const char *code, const char *type_word, vn_symbol *s)
{
    static const char *const glued_types[] = {"NĐ", "QĐ", "NQ", "TT", "CT", "KH", NULL};
    static const char *const glued_issuers[] = {"CP", "TTG", "TW", "BTC", "BNV", "UBND", "HĐND", NULL};
    (void)type_word;
    if (!strchr("NQTCK", code[0]) || code[1] == '\0' || code[2] == '\0')
        return false;       /* no glued type code: asked for every symbol */
    for (int a = 0; glued_types[a]; a++) {
        size_t al = strlen(glued_types[a]);
        if (strncmp(code, glued_types[a], al) != 0 || code[al] == '\0')
            continue;
        for (int b = 0; glued_issuers[b]; b++) {
            if (strcmp(code + al, glued_issuers[b]) == 0 && s->code_count + 2 <= VN_SYMBOL_MAX_CODES) {
                snprintf(s->codes[s->code_count++], VN_SYMBOL_CODE_MAX, "%s", glued_types[a]);
                vn_symbol_canonical_code(code + al, strlen(code + al), 1, NULL,
                                         s->codes[s->code_count++]);
                return true;
            }
        }
    }
    return false;
}

static bool is_year(const char *t, size_t len, size_t i, int *year)
{
    if (i + 4 > len)
        return false;
    for (int k = 0; k < 4; k++)
        if (!vn_ascii_digit(t[i + k]))
            return false;
    if (i + 4 < len && vn_ascii_digit(t[i + 4]))
        return false;
    int y = (t[i] - '0') * 1000 + (t[i + 1] - '0') * 100 + (t[i + 2] - '0') * 10 + (t[i + 3] - '0');
    if (y < 1945 || y > 2099)
        return false;
    *year = y;
    return true;
}

/* Is the code a well-known issuer or type code (safe after a spaced dash)? */
static bool known_code(const char *canon)
{
    static const char *const known[] = {
        "CP", "TTg", "TW", "QH", "UBTVQH", "NĐ", "QĐ", "NQ", "CT", "KL", "KH",
        "HD", "QC", "BCĐ", "TU", "HU", "ĐU", "ĐUK", "UBND", "HĐND", "NQLT", "TTLT",
        "BTC", "BNV", "BCA", "BQP", "MTTQ", "ĐCTUBTWMTTQVN", NULL
    };
    for (int i = 0; known[i]; i++) {
        size_t kl = strlen(known[i]);
        if (strncmp(canon, known[i], kl) == 0 &&
            (canon[kl] == '\0' || vn_ascii_digit(canon[kl])))
            return true;
    }
    return false;
}

/*
 * The laws of the 1990s are numbered "18-L/CTN", "35-L/CTN" (L = Luật,
 * CTN = Chủ tịch nước), and the President's orders "05/2022/L-CTN" (L =
 * Lệnh): a one-letter code is accepted as the type when a slash (or, after
 * a year, a hyphen) and a code of two letters or more follow at once, which
 * a list marker ("1- Đ…") never has.
 */
static bool old_law_letter(const char *t, size_t len, size_t j, size_t cl, int part,
                           bool after_year)
{
    if (part != 0 || cl != 1 || j + 1 >= len ||
        (t[j + 1] != '/' && !(after_year && t[j + 1] == '-')))
        return false;
    int cp;
    size_t k = j + 2, letters = 0;
    while (k < len && letters < 2) {
        size_t n = vn_utf8_next(t + k, len - k, &cp);
        if (!is_letter(cp) || is_lower(cp))
            break;
        letters++;
        k += n;
    }
    return letters >= 2;
}

/*
 * "73/2006/QH 11": the legislature's term written apart from its code.
 * After QH or UBTVQH a space and a one- or two-digit term that nothing
 * alphanumeric follows belong to the code; appends them to canon and
 * returns the bytes taken (0 when the form is not there).
 */
static size_t spaced_term(const char *t, size_t len, size_t at, char canon[VN_SYMBOL_CODE_MAX])
{
    size_t cn = strlen(canon);
    bool term_code = (cn >= 2 && strcmp(canon + cn - 2, "QH") == 0);
    if (!term_code || at + 1 >= len || t[at] != ' ' || !vn_ascii_digit(t[at + 1]))
        return 0;
    size_t k = at + 1;
    while (k < len && vn_ascii_digit(t[k]) && k - at <= 2)
        k++;
    size_t digits = k - at - 1;
    if (digits == 0 || digits > 2 || cn + digits >= VN_SYMBOL_CODE_MAX)
        return 0;
    if (k < len && (vn_ascii_alnum(t[k]) || (unsigned char)t[k] >= 0x80 || t[k] == '/'))
        return 0;
    memcpy(canon + cn, t + at + 1, digits);
    canon[cn + digits] = '\0';
    return k - at;
}

/* The type codes spaced_issuer joins an issuer code to, and never takes for one. */
static bool spaced_type_code(const char *code)
{
    static const char *const type_codes[] = {"NĐ", "QĐ", "NQ", "TT", "CT", "TTLT", "NQLT", NULL};
    for (int k = 0; type_codes[k]; k++)
        if (strcmp(code, type_codes[k]) == 0)
            return true;
    return false;
}

/*
 * "15/2020 NĐ-CP": the slash after the year left out.  True if a type code
 * that spaced_issuer also knows (NĐ, QĐ, TT …), exactly as written, then a
 * separator stand at i: then the year ends the number part, and prose
 * ("năm 2020 Quyết định …") is never taken for a code.
 */
static bool type_code_after_year(const char *t, size_t len, size_t i)
{
    size_t cl = read_code(t, len, i, true);
    char canon[VN_SYMBOL_CODE_MAX], sep;
    return cl >= 2 && cl < VN_SYMBOL_CODE_MAX && separator_at(t, len, i + cl, &sep) &&
           vn_symbol_canonical_code(t + i, cl, 0, NULL, canon) && spaced_type_code(canon) &&
           strncmp(canon, t + i, cl) == 0 && canon[cl] == '\0';
}

/*
 * "60/2023/NĐ CP", "99/QĐ UBND", "59/2023/NĐ.CP": a space or a dot typed
 * for the hyphen between a type code (the symbol's only code so far) and a
 * well-known issuer code that ends there.  Appends the issuer code to s and returns the bytes
 * taken (0 when the form is not there: "59/QĐ Ban …" stays "59/QĐ").
 */
static size_t spaced_issuer(const char *t, size_t len, size_t at, const char *type_word,
                            vn_symbol *s)
{
    if (!spaced_type_code(s->codes[0]) || at + 1 >= len || (t[at] != ' ' && t[at] != '.'))
        return 0;
    size_t cl = read_code(t, len, at + 1, true);
    char canon[VN_SYMBOL_CODE_MAX], sep;
    if (cl < 2 || !vn_symbol_canonical_code(t + at + 1, cl, 1, type_word, canon) ||
        !known_code(canon) || spaced_type_code(canon))
        return 0;
    size_t after = at + 1 + cl;
    if (after < len && ((unsigned char)t[after] >= 0x80 || vn_ascii_alnum(t[after]) ||
                        separator_at(t, len, after, &sep)))
        return 0;
    memcpy(s->codes[s->code_count++], canon, strlen(canon) + 1);
    return 1 + cl;
}

/* The number a symbol starts with: digits, and a letter glued to them
 * before a slash ("123a/QĐ-UBND", "45B/KH-UBND": numbers put in between).
 * A dot may group thousands ("1.234/QĐ-UBND" is 1234/QĐ-UBND): one to three
 * digits, the dot, then exactly three.  Its length, 0 if none or too long. */
static inline size_t number_len(const char *t, size_t len)
{
    size_t i = 0;
    while (i < len && vn_ascii_digit(t[i]))
        i++;
    if (i > 0 && i <= 3 && i + 4 < len && t[i] == '.' && vn_ascii_digit(t[i + 1]) &&
        vn_ascii_digit(t[i + 2]) && vn_ascii_digit(t[i + 3]) && !vn_ascii_digit(t[i + 4]) &&
        (t[i + 4] == '/' || t[i + 4] == '-'))
        i += 4;
    if (i > 0 && i + 1 < len && vn_ascii_alpha(t[i]) && t[i + 1] == '/')
        i++;
    return i < sizeof ((vn_symbol *)0)->number ? i : 0;
}

/* Copies the number of n bytes at t without a thousands dot. */
static void copy_number(const char *t, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        if (t[i] != '.')
            out[o++] = t[i];
    out[o] = '\0';
}

size_t vn_symbol_scan(const char *t, size_t len, const char *type_word,
                      bool strict, vn_symbol *s)
{
    memset(s, 0, sizeof *s);
    size_t i = number_len(t, len);
    if (i == 0)
        return 0;
    copy_number(t, i, s->number);

    char first_sep = 0;
    size_t end = i;                 /* end of the last accepted part */
    for (int part = 0; s->code_count < VN_SYMBOL_MAX_CODES; part++) {
        bool blank_before = false, blank_after = false;
        size_t j = skip_blanks(t, len, end, &blank_before);
        char sep = 0;
        size_t sl = separator_at(t, len, j, &sep);
        if (sl == 0) {
            /* a missing hyphen between number and type: "120 KL/TW" */
            if (part == 0 && blank_before && !strict) {
                sep = '-';
            } else if (part == 0 && blank_before && s->year && type_code_after_year(t, len, j)) {
                sep = '/';
            } else if (part == 0 && blank_before) {
                size_t cl = read_code(t, len, j, true);
                char dummy;
                if (cl < 2 || separator_at(t, len, j + cl, &dummy) == 0 || dummy != '/')
                    break;
                sep = '-';
            } else {
                break;
            }
        }
        j = skip_blanks(t, len, j + sl, &blank_after);
        if (part == 0)
            first_sep = sep;
        int year;
        if (part == 0 && s->year == 0 && is_year(t, len, j, &year)) {
            char dummy;
            bool blank = false;
            size_t k = skip_blanks(t, len, j + 4, &blank);
            if (separator_at(t, len, k, &dummy) || (blank && type_code_after_year(t, len, k))) {
                s->year = year;
                s->family = VN_FAMILY_NORMATIVE;
                end = j + 4;
                part = -1;          /* the type code still counts as part 0 */
                continue;
            }
        }
        size_t cl = read_code(t, len, j, strict);
        if (cl == 0 || (strict && vn_utf8_count(t + j, cl) < 2 && !old_law_letter(t, len, j, cl, part, s->year != 0)))
            break;              /* one-letter "codes" are list markers: "1- Đ…" */
        char canon[VN_SYMBOL_CODE_MAX];
        if (!vn_symbol_canonical_code(t + j, cl, s->code_count, type_word, canon))
            break;
        if (j + cl < len && t[j + cl] == '.' &&
            (s->code_count > 0 || !vn_type_word_for_code(canon))) {
            /* an issuer's sub-code, never a type code's: "NĐ.CP" is a typo */
            size_t sub, with = cl;
            while ((sub = dotted_sub_code(t, len, j + with, strict)) > 0)
                with += sub;
            if (with > cl && vn_symbol_canonical_code(t + j, with, s->code_count, type_word, canon))
                cl = with;
        }
        cl += spaced_term(t, len, j + cl, canon);
        if (strict && (blank_before || blank_after) && s->code_count > 0 && !known_code(canon)) {
            /* "26-KH/BCĐ - Ban Chỉ đạo…": a spaced dash followed by an
             * unknown code is accepted only when punctuation or another
             * separator follows it, so prose after a dash is not glued on. */
            size_t k = j + cl;
            char dummy;
            bool closes = k >= len || t[k] == ',' || t[k] == ';' || t[k] == '.' ||
                          t[k] == ')' || t[k] == '\n' || separator_at(t, len, k, &dummy);
            if (!closes)
                break;
        }
        if ((s->year || first_sep == '/') && s->code_count == 0 &&
            split_glued(canon, type_word, s)) {
            end = j + cl;
            continue;
        }
        memcpy(s->codes[s->code_count++], canon, strlen(canon) + 1);
        end = j + cl;
    }
    if (s->code_count == 0)
        return 0;
    if (strict && s->code_count == 1)
        end += spaced_issuer(t, len, end, type_word, s);
    if (!s->year)
        s->family = first_sep == '/' ? VN_FAMILY_ADMINISTRATIVE : VN_FAMILY_PARTY;
    return end;
}

/* An upper-case code may start at t[i] (strict read_code's first test, any
 * non-ASCII byte taken as a possible capital). */
static bool may_start_code(const char *t, size_t len, size_t i)
{
    if (i >= len)
        return false;
    unsigned char b = (unsigned char)t[i];
    return b >= 0x80 || (b >= 'A' && b <= 'Z');
}

bool vn_symbol_may_start(const char *t, size_t len)
{
    size_t i = number_len(t, len);
    if (i == 0)
        return false;
    bool blank;
    size_t j = skip_blanks(t, len, i, &blank);
    char sep;
    size_t sl = separator_at(t, len, j, &sep);
    if (sl == 0)
        return blank && may_start_code(t, len, j);
    j = skip_blanks(t, len, j + sl, NULL);
    int year;
    if (is_year(t, len, j, &year)) {
        size_t k = skip_blanks(t, len, j + 4, &blank);
        if (separator_at(t, len, k, &sep) || (blank && type_code_after_year(t, len, k)))
            return true;
    }
    return may_start_code(t, len, j);
}

/* Bytes a symbol typed in lower case may span: longer tokens are prose. */
#define LOWERCASE_TOKEN_MAX 48

size_t vn_symbol_scan_lowercase(const char *t, size_t len, const char *type_word,
                                vn_symbol *s)
{
    /* The token up to the first blank, upper-cased where a letter keeps its
     * byte length (every Vietnamese one does), then read as running text. */
    char upper[LOWERCASE_TOKEN_MAX];
    size_t n = 0;
    bool lowered = false;
    while (n < len && n < sizeof upper) {
        unsigned char b = (unsigned char)t[n];
        if (b == ' ' || b == '\t' || b == '\n' || b == '\r')
            break;
        int cp;
        size_t cl = vn_utf8_next(t + n, len - n, &cp);
        if (n + cl > sizeof upper)
            break;
        int up = is_lower(cp) ? utf8proc_toupper(cp) : cp;
        if (up != cp && (size_t)utf8proc_encode_char(up, (utf8proc_uint8_t *)upper + n) == cl) {
            lowered = true;
        } else {
            memcpy(upper + n, t + n, cl);
        }
        n += cl;
    }
    if (!lowered || n == sizeof upper)
        return 0;
    size_t end = vn_symbol_scan(upper, n, type_word, true, s);
    if (end == 0 || s->code_count < (s->year ? 1 : 2) || !vn_type_word_for_code(s->codes[0]))
        return 0;
    for (int k = 1; k < s->code_count; k++) {
        size_t letters = vn_utf8_count(s->codes[k], strlen(s->codes[k]));
        if (letters < 2 || letters > 10)
            return 0;
    }
    return end;
}

bool vn_symbol_parse_loose(const char *text, size_t len, const char *type_word,
                           vn_symbol *out)
{
    size_t i = 0;
    while (i < len && (text[i] == ' ' || text[i] == '\t'))
        i++;
    while (len > i && (text[len - 1] == ' ' || text[len - 1] == '\t' || text[len - 1] == '\n'))
        len--;
    if (i >= len || !vn_ascii_digit(text[i]))
        return false;
    size_t n = vn_symbol_scan(text + i, len - i, type_word, false, out);
    return n > 0 && i + n == len;
}

/* ---- type words ------------------------------------------------------- */

/*
 * The extractor asks for the type word in front of every number it meets,
 * so the words are lower-cased once, last character first, and the text is
 * lower-cased backwards only as far as some word still agrees with it.
 */
#define TYPE_WORD_MAX_CPS 40
#define TYPE_WORD_COUNT (sizeof type_words / sizeof type_words[0] - 1)

typedef struct folded_type_word {
    int rev[TYPE_WORD_MAX_CPS];     /* lower-cased code points, last first */
    int count;
} folded_type_word;

static folded_type_word folded_type_words[TYPE_WORD_COUNT];
/* Words chained by their last lower-cased character (hashed), in table
 * order: the character before a number rules out all but a few. */
#define LAST_CP_BUCKETS 64
static int last_cp_head[LAST_CP_BUCKETS];
static int last_cp_next[TYPE_WORD_COUNT];
static pthread_once_t folded_type_words_once = PTHREAD_ONCE_INIT;

static void fold_type_words(void)
{
    for (size_t k = 0; k < TYPE_WORD_COUNT; k++) {
        const char *w = type_words[k].word;
        folded_type_word *f = &folded_type_words[k];
        for (size_t wi = strlen(w); wi > 0;) {
            if (f->count == TYPE_WORD_MAX_CPS) {
                /* a data error in type_words: fail on first use, in every test */
                fprintf(stderr, "symbol.c: type word \"%s\" is longer than %d characters\n",
                        w, TYPE_WORD_MAX_CPS);
                abort();
            }
            int b;
            wi -= vn_utf8_prev(w, wi, &b);
            f->rev[f->count++] = vn_lower_cp(b);
        }
    }
    for (int h = 0; h < LAST_CP_BUCKETS; h++)
        last_cp_head[h] = -1;
    for (size_t k = TYPE_WORD_COUNT; k-- > 0;) {
        int h = folded_type_words[k].rev[0] % LAST_CP_BUCKETS;
        last_cp_next[k] = last_cp_head[h];
        last_cp_head[h] = (int)k;
    }
}

/* The text before some offset, lower-cased backwards on demand. */
typedef struct backward_window {
    const char *text;
    size_t pos[TYPE_WORD_MAX_CPS + 1];  /* pos[k]: offset after stepping back k characters */
    int cp[TYPE_WORD_MAX_CPS];          /* cp[k]: the k-th character back, lower-cased */
    int filled;
} backward_window;

/* Steps back until the window holds k+1 characters; -1 when the text
 * starts first. */
static int window_fill(backward_window *w, int k)
{
    while (w->filled <= k) {
        size_t at = w->pos[w->filled];
        if (at == 0)
            return -1;
        int c;
        size_t before = at - vn_utf8_prev(w->text, at, &c);
        if (c == ' ' || c == '\t' || c == '\n') {
            /* a run of blanks is one space: "Nghị   định" of justified text */
            while (before > 0 && (w->text[before - 1] == ' ' || w->text[before - 1] == '\t' ||
                                  w->text[before - 1] == '\n'))
                before--;
            c = ' ';
        }
        w->pos[w->filled + 1] = before;
        w->cp[w->filled++] = vn_lower_cp(c);
    }
    return w->cp[k];
}

/* Lower-cased k-th character back, or -1 when the text starts before it. */
static inline int window_cp(backward_window *w, int k)
{
    return k < w->filled ? w->cp[k] : window_fill(w, k);
}

static bool window_ends_with(backward_window *w, const folded_type_word *f)
{
    for (int k = 0; k < f->count; k++)
        if (window_cp(w, k) != f->rev[k])
            return false;
    return true;
}

const char *vn_type_word_ending_at(const char *text, size_t len, size_t *start)
{
    pthread_once(&folded_type_words_once, fold_type_words);
    backward_window w;          /* not zeroed: only filled entries are read */
    w.text = text;
    w.pos[0] = len;
    w.filled = 0;
    int last = window_cp(&w, 0);
    if (last < 0)
        return NULL;
    const char *best = NULL;
    size_t best_len = 0;
    for (int k = last_cp_head[last % LAST_CP_BUCKETS]; k >= 0; k = last_cp_next[k]) {
        const folded_type_word *f = &folded_type_words[k];
        if (!window_ends_with(&w, f))
            continue;
        size_t ti = w.pos[f->count];
        if (ti > 0) {               /* must start at a word boundary */
            int c;
            vn_utf8_prev(text, ti, &c);
            if (is_letter(c) || (c >= '0' && c <= '9'))
                continue;
        }
        if (len - ti > best_len) {
            best = type_words[k].word;
            best_len = len - ti;
            if (start)
                *start = ti;
        }
    }
    return best;
}

const char *const *vn_type_word_codes(const char *type_word)
{
    const type_word_entry *t = find_type_word(type_word);
    return t ? t->codes : NULL;
}

const char *vn_type_word_for_code(const char *code)
{
    for (int i = 0; code_type_words[i].code; i++)     /* asked for most symbols read */
        if (code_type_words[i].code[0] == code[0] && strcmp(code_type_words[i].code, code) == 0)
            return code_type_words[i].word;
    return NULL;
}

bool vn_symbol_code_variants(const char *a, const char *b)
{
    /* Same text except "QĐi" in one where the other has "QĐ". */
    static const char qdi[] = "QĐi";
    size_t la = strlen(a), lb = strlen(b);
    if (la == lb + 1) {
        const char *t = a;
        a = b;
        b = t;
        size_t tl = la;
        la = lb;
        lb = tl;
    }
    if (lb != la + 1)
        return false;
    const char *p = strstr(b, qdi);
    if (!p)
        return false;
    size_t pre = (size_t)(p - b) + strlen(qdi) - 1; /* bytes of "…QĐ" */
    return strncmp(a, b, pre) == 0 && strcmp(a + pre, b + pre + 1) == 0;
}

bool vn_symbol_other_d_spelling(const char *typed, char alt[VN_SYMBOL_MAX])
{
    static const char *const pairs[][2] = {{"DA", "ĐA"}, {"HD", "HĐ"}};
    vn_symbol sym;
    if (strstr(typed, "Đ") || strstr(typed, "đ") ||
        !vn_symbol_parse_loose(typed, strlen(typed), NULL, &sym) || sym.code_count == 0)
        return false;
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        if (strcmp(sym.codes[0], pairs[k][0]) == 0) {
            snprintf(sym.codes[0], sizeof sym.codes[0], "%s", pairs[k][1]);
            vn_symbol_format(&sym, alt);
            return true;
        }
    }
    return false;
}

bool vn_symbol_names_issuer(const vn_symbol *s)
{
    return s->year || s->code_count >= 2 ||
           (s->code_count == 1 && known_code(s->codes[0]) && !vn_type_word_for_code(s->codes[0]));
}
