/*
 * date.c — calendar dates, partial date ranges, and the scanner for dates
 * written in running Vietnamese text (see date.h).
 *
 * vn_date_scan runs at every "ngày" the citation extractor meets, so it is
 * a hand-written forward scanner: no regex, no allocation, and every run of
 * blanks it skips is capped, so one call reads a bounded number of bytes
 * whatever the input.
 */
#include "date.h"

#include <stdio.h>
#include <string.h>

#include "ascii.h"

#define YEAR_MIN 1900
#define YEAR_MAX 2199

/* Longest run of spaces / placeholder dots a scan skips in one place.
 * Drafts write "ngày ………… tháng ….. năm 2023"; 160 bytes is ~50 ellipses. */
#define BLANK_RUN_MAX 160

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int vn_date_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && is_leap(year))
        return 29;
    return days[month - 1];
}

bool vn_date_valid(vn_date d)
{
    return d.year >= YEAR_MIN && d.year <= YEAR_MAX && d.month >= 1 && d.month <= 12 &&
           d.day >= 1 && d.day <= vn_date_days_in_month(d.year, d.month);
}

int vn_date_cmp(vn_date a, vn_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    if (a.day != b.day)
        return a.day < b.day ? -1 : 1;
    return 0;
}

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

char *vn_date_iso(vn_date d, char buf[11])
{
    snprintf(buf, 11, "%04d-%02d-%02d", clamp(d.year, 0, 9999), clamp(d.month, 0, 99),
             clamp(d.day, 0, 99));
    return buf;
}

bool vn_date_range_set(int year, int month, int day, vn_date_range *out)
{
    vn_date_range r;
    memset(&r, 0, sizeof r);
    if (year < YEAR_MIN || year > YEAR_MAX)
        return false;
    if (month == 0 && day == 0) {
        r.first = (vn_date){year, 1, 1};
        r.last = (vn_date){year, 12, 31};
        r.precision = VN_DATE_YEAR;
    } else if (day == 0) {
        if (month < 1 || month > 12)
            return false;
        r.first = (vn_date){year, month, 1};
        r.last = (vn_date){year, month, vn_date_days_in_month(year, month)};
        r.precision = VN_DATE_MONTH;
    } else {
        vn_date d = {year, month, day};
        if (!vn_date_valid(d))
            return false;
        r.first = r.last = d;
        r.precision = VN_DATE_DAY;
    }
    *out = r;
    return true;
}

/* ---- whole-string parsers ------------------------------------------------ */

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Reads 1..max digits at s[*p]; fails on 0 or more than max digits. */
static bool read_number(const char *s, size_t *p, int max, int *value)
{
    int v = 0, n = 0;
    while (is_digit((unsigned char)s[*p])) {
        if (++n > max)
            return false;
        v = v * 10 + (s[*p] - '0');
        (*p)++;
    }
    if (n == 0)
        return false;
    *value = v;
    return true;
}

/* Exactly n digits. */
static bool read_fixed(const char *s, size_t *p, int n, int *value)
{
    size_t start = *p;
    if (!read_number(s, p, n, value))
        return false;
    return *p - start == (size_t)n;
}

bool vn_date_parse_iso(const char *s, vn_date_range *out)
{
    size_t p = 0;
    int y, m = 0, d = 0;
    if (!s || !read_fixed(s, &p, 4, &y))
        return false;
    if (s[p] == '-') {
        p++;
        if (!read_fixed(s, &p, 2, &m) || m == 0)
            return false;
        if (s[p] == '-') {
            p++;
            if (!read_fixed(s, &p, 2, &d) || d == 0)
                return false;
        }
    }
    if (s[p] != '\0')
        return false;
    return vn_date_range_set(y, m, d, out);
}

static bool is_dmy_sep(char c)
{
    return c == '/' || c == '-' || c == '.';
}

bool vn_date_parse_dmy(const char *s, vn_date_range *out)
{
    size_t p = 0;
    int d, m, y;
    if (!s || !read_number(s, &p, 2, &d) || !is_dmy_sep(s[p]))
        return false;
    char sep = s[p++];
    if (!read_number(s, &p, 2, &m) || s[p] != sep)
        return false;
    p++;
    if (!read_fixed(s, &p, 4, &y) || s[p] != '\0')
        return false;
    if (d == 0 || m == 0)
        return false;
    return vn_date_range_set(y, m, d, out);
}

/* "m/yyyy" or "mm/yyyy" (also with - or .), whole string. */
static bool parse_my(const char *s, vn_date_range *out)
{
    size_t p = 0;
    int m, y;
    if (!read_number(s, &p, 2, &m) || !is_dmy_sep(s[p]))
        return false;
    p++;
    if (!read_fixed(s, &p, 4, &y) || s[p] != '\0' || m == 0)
        return false;
    return vn_date_range_set(y, m, 0, out);
}

static bool is_ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

bool vn_date_parse_any(const char *s, vn_date_range *out)
{
    if (!s)
        return false;
    while (is_ascii_space(*s))
        s++;
    size_t len = strlen(s);
    while (len > 0 && is_ascii_space(s[len - 1]))
        len--;
    char tmp[64];
    if (len == 0)
        return false;
    if (len < sizeof tmp) {
        memcpy(tmp, s, len);
        tmp[len] = '\0';
        if (vn_date_parse_dmy(tmp, out) || parse_my(tmp, out) || vn_date_parse_iso(tmp, out))
            return true;
    }
    vn_date_range r;
    if (vn_date_scan(s, len, &r) == len) {
        *out = r;
        return true;
    }
    return false;
}

/* ---- the running-text scanner -------------------------------------------- */

/*
 * One letter of a Vietnamese keyword.  Plain letters match either ASCII
 * case.  A vowel with a diacritic matches its precomposed form in either
 * case (two UTF-8 bytes each) or, for robustness against text that skipped
 * normalisation, the base letter followed by the combining mark.
 */
typedef struct vn_letter {
    char ascii;                 /* lower-case base letter */
    unsigned char lower[2];     /* precomposed lower case; {0} for plain letters */
    unsigned char upper[2];     /* precomposed upper case */
    unsigned char mark[2];      /* combining mark (U+03xx) */
} vn_letter;

#define PLAIN(c) {c, {0, 0}, {0, 0}, {0, 0}}

/* "ngày": à = U+00E0 / U+00C0 / a + U+0300 */
static const vn_letter WORD_NGAY[] = {
    PLAIN('n'), PLAIN('g'), {'a', {0xC3, 0xA0}, {0xC3, 0x80}, {0xCC, 0x80}}, PLAIN('y'),
    {0, {0, 0}, {0, 0}, {0, 0}}};
/* "tháng": á = U+00E1 / U+00C1 / a + U+0301 */
static const vn_letter WORD_THANG[] = {
    PLAIN('t'), PLAIN('h'), {'a', {0xC3, 0xA1}, {0xC3, 0x81}, {0xCC, 0x81}},
    PLAIN('n'), PLAIN('g'), {0, {0, 0}, {0, 0}, {0, 0}}};
/* "năm": ă = U+0103 / U+0102 / a + U+0306 */
static const vn_letter WORD_NAM[] = {
    PLAIN('n'), {'a', {0xC4, 0x83}, {0xC4, 0x82}, {0xCC, 0x86}}, PLAIN('m'),
    {0, {0, 0}, {0, 0}, {0, 0}}};

/* "mùng" (ù = U+00F9 / U+00D9 / u + U+0300), said before a day of the
 * month's first ten: "ngày mùng 5 tháng 3". */
static const vn_letter WORD_MUNG[] = {
    PLAIN('m'), {'u', {0xC3, 0xB9}, {0xC3, 0x99}, {0xCC, 0x80}}, PLAIN('n'), PLAIN('g'),
    {0, {0, 0}, {0, 0}, {0, 0}}};

static bool ascii_eq_fold(unsigned char c, char lower)
{
    return c == (unsigned char)lower || c + ('a' - 'A') == (unsigned char)lower;
}

/* Length of `word` at s[p], or 0. */
static size_t match_word(const unsigned char *s, size_t len, size_t p, const vn_letter *word)
{
    size_t start = p;
    for (const vn_letter *l = word; l->ascii; l++) {
        if (l->lower[0]) {
            if (p + 2 <= len && ((s[p] == l->lower[0] && s[p + 1] == l->lower[1]) ||
                                 (s[p] == l->upper[0] && s[p + 1] == l->upper[1]))) {
                p += 2;
                continue;
            }
            if (p + 3 <= len && ascii_eq_fold(s[p], l->ascii) && s[p + 1] == l->mark[0] &&
                s[p + 2] == l->mark[1]) {
                p += 3;
                continue;
            }
            return 0;
        }
        if (p >= len || !ascii_eq_fold(s[p], l->ascii))
            return 0;
        p++;
    }
    return p - start;
}

/* "mồng", the other spelling of "mùng": ồ is three bytes precomposed
 * (U+1ED3 / U+1ED2), or ô / o + U+0302 followed by U+0300. */
static size_t match_mong(const unsigned char *s, size_t len, size_t p)
{
    size_t start = p;
    if (p >= len || !ascii_eq_fold(s[p], 'm'))
        return 0;
    p++;
    if (p + 3 <= len && s[p] == 0xE1 && s[p + 1] == 0xBB && (s[p + 2] == 0x93 || s[p + 2] == 0x92))
        p += 3;
    else if (p + 4 <= len && s[p] == 0xC3 && (s[p + 1] == 0xB4 || s[p + 1] == 0x94) &&
             s[p + 2] == 0xCC && s[p + 3] == 0x80)
        p += 4;
    else if (p + 5 <= len && ascii_eq_fold(s[p], 'o') && s[p + 1] == 0xCC && s[p + 2] == 0x82 &&
             s[p + 3] == 0xCC && s[p + 4] == 0x80)
        p += 5;
    else
        return 0;
    if (p + 2 > len || !ascii_eq_fold(s[p], 'n') || !ascii_eq_fold(s[p + 1], 'g'))
        return 0;
    return p + 2 - start;
}

/* Spaces and line breaks (ASCII, U+00A0 no-break, U+202F narrow no-break). */
static size_t space_at(const unsigned char *s, size_t len, size_t p)
{
    if (p >= len)
        return 0;
    if (s[p] == ' ' || s[p] == '\t' || s[p] == '\r' || s[p] == '\n' || s[p] == '\v' ||
        s[p] == '\f')
        return 1;
    if (p + 2 <= len && s[p] == 0xC2 && s[p + 1] == 0xA0)
        return 2;
    if (p + 3 <= len && s[p] == 0xE2 && s[p + 1] == 0x80 && s[p + 2] == 0xAF)
        return 3;
    return 0;
}

static size_t skip_spaces(const unsigned char *s, size_t len, size_t p)
{
    size_t start = p, n;
    while (p - start < BLANK_RUN_MAX && (n = space_at(s, len, p)) > 0)
        p += n;
    return p;
}

/* Blanks standing for a day or month left empty in a draft: spaces and the
 * placeholders ". _ …".  `dots` says whether '.' counts (not when '.' may be
 * the separator that follows). */
static size_t skip_placeholder(const unsigned char *s, size_t len, size_t p, bool dots)
{
    size_t start = p, n;
    while (p - start < BLANK_RUN_MAX && p < len) {
        if ((n = space_at(s, len, p)) > 0)
            p += n;
        else if (s[p] == '_' || (dots && s[p] == '.'))
            p++;
        else if (p + 3 <= len && s[p] == 0xE2 && s[p + 1] == 0x80 && s[p + 2] == 0xA6)
            p += 3;
        else
            break;
    }
    return p;
}

/* 1..max digits not followed by another digit; -1 if none or too many. */
static int scan_number(const unsigned char *s, size_t len, size_t *p, int max)
{
    size_t q = *p;
    int v = 0;
    while (q < len && is_digit(s[q])) {
        if ((int)(q - *p) == max)
            return -1;
        v = v * 10 + (s[q] - '0');
        q++;
    }
    if (q == *p)
        return -1;
    *p = q;
    return v;
}

/* Exactly four digits, not followed by a digit. */
static int scan_year(const unsigned char *s, size_t len, size_t *p)
{
    size_t q = *p;
    int y = scan_number(s, len, &q, 4);
    if (y < 0 || q - *p != 4)
        return -1;
    *p = q;
    return y;
}

/* "5/6/21" after "ngày": exactly two digits, then no letter or digit; a
 * year of this century below 50, of the last one from 50 up. */
static int scan_short_year(const unsigned char *s, size_t len, size_t *p)
{
    size_t q = *p;
    if (q + 2 > len || !is_digit(s[q]) || !is_digit(s[q + 1]) ||
        (q + 2 < len && (vn_ascii_alnum(s[q + 2]) || s[q + 2] >= 0x80)))
        return -1;
    int yy = (s[q] - '0') * 10 + (s[q + 1] - '0');
    *p = q + 2;
    return yy < 50 ? 2000 + yy : 1900 + yy;
}

/* Builds the range from possibly missing parts (-1 = missing) and returns
 * `end`, or 0 if the date is impossible. */
static size_t finish(int day, int month, int year, size_t end, vn_date_range *out)
{
    if (month < 0)
        day = -1;       /* a day without its month says nothing */
    if (day == 0 || month == 0)
        return 0;
    vn_date_range r;
    if (!vn_date_range_set(year, month < 0 ? 0 : month, day < 0 ? 0 : day, &r))
        return 0;
    *out = r;
    return end;
}

/* "tháng M năm YYYY" starting at p (after the optional day); month may be
 * blank only when the caller saw "ngày". */
static size_t scan_month_year(const unsigned char *s, size_t len, size_t p, int day,
                              bool month_optional, vn_date_range *out)
{
    size_t n = match_word(s, len, p, WORD_THANG);
    if (!n)
        return 0;
    p = skip_spaces(s, len, p + n);
    int month = scan_number(s, len, &p, 2);
    if (month < 0) {
        if (!month_optional)
            return 0;
        p = skip_placeholder(s, len, p, true);
    }
    p = skip_spaces(s, len, p);
    if (month > 0 && p < len && s[p] == ',')
        p = skip_spaces(s, len, p + 1);     /* "ngày 03 tháng 3, năm 2023" */
    n = match_word(s, len, p, WORD_NAM);
    if (!n && day > 0 && month > 0 && p < len && s[p] == '/')
        n = 1;          /* "ngày 05 tháng 9/2016" */
    if (!n)
        return 0;
    p = skip_spaces(s, len, p + n);
    int year = scan_year(s, len, &p);
    if (year < 0)
        return 0;
    return finish(day, month, year, p, out);
}

/* What follows "ngày": "14/8/2023", "14 tháng 8 năm 2023" or blank forms. */
static size_t scan_after_ngay(const unsigned char *s, size_t len, size_t p, vn_date_range *out)
{
    p = skip_spaces(s, len, p);
    size_t mung = 0;
    if (p < len && (s[p] | 0x20) == 'm' && !(mung = match_word(s, len, p, WORD_MUNG)))
        mung = match_mong(s, len, p);
    if (mung)
        p = skip_spaces(s, len, p + mung);
    int day = scan_number(s, len, &p, 2);
    if (day < 0) {
        /* "ngày    /   /2023", "ngày ..../..../2023", "ngày   tháng 3 năm 2024" */
        p = skip_placeholder(s, len, p, true);
    }
    p = skip_spaces(s, len, p);
    if (p < len && is_dmy_sep((char)s[p])) {
        unsigned char sep = s[p];
        p = skip_spaces(s, len, p + 1);
        int month = scan_number(s, len, &p, 2);
        if (month < 0)
            p = skip_placeholder(s, len, p, sep != '.');
        p = skip_spaces(s, len, p);
        if (p >= len || !is_dmy_sep((char)s[p])) {
            /* "ngày 05/9 năm 2016": day and month as numbers, the year in words */
            size_t n = day > 0 && month > 0 ? match_word(s, len, p, WORD_NAM) : 0;
            if (!n)
                return 0;
            p = skip_spaces(s, len, p + n);
            int year = scan_year(s, len, &p);
            return year < 0 ? 0 : finish(day, month, year, p, out);
        }
        p = skip_spaces(s, len, p + 1);
        int year = scan_year(s, len, &p);
        if (year < 0 && day > 0 && month > 0)
            year = scan_short_year(s, len, &p);
        if (year < 0)
            return 0;
        return finish(day, month, year, p, out);
    }
    return scan_month_year(s, len, p, day, true, out);
}

/* "14/8/2023", "14-8-2023", "14.8.2023": no blanks, one separator. */
static size_t scan_numeric(const unsigned char *s, size_t len, vn_date_range *out)
{
    size_t p = 0;
    int day = scan_number(s, len, &p, 2);
    if (day < 0 || p >= len || !is_dmy_sep((char)s[p]))
        return 0;
    unsigned char sep = s[p++];
    int month = scan_number(s, len, &p, 2);
    if (month < 0 || p >= len || s[p] != sep)
        return 0;
    p++;
    int year = scan_year(s, len, &p);
    if (year < 0)
        return 0;
    return finish(day, month, year, p, out);
}

size_t vn_date_scan(const char *text, size_t len, vn_date_range *out)
{
    const unsigned char *s = (const unsigned char *)text;
    if (!text || len == 0)
        return 0;
    vn_date_range r;
    size_t end;
    size_t n = match_word(s, len, 0, WORD_NGAY);
    if (n)
        end = scan_after_ngay(s, len, n, &r);
    else if (is_digit(s[0]))
        end = scan_numeric(s, len, &r);
    else
        end = scan_month_year(s, len, 0, -1, false, &r);
    if (end && out)
        *out = r;
    return end;
}

/* ---- ranges --------------------------------------------------------------- */

bool vn_date_range_before(const vn_date_range *r, vn_date d)
{
    return r->precision != VN_DATE_NONE && vn_date_cmp(r->last, d) < 0;
}

bool vn_date_range_contains(const vn_date_range *r, vn_date d)
{
    return r->precision != VN_DATE_NONE && vn_date_cmp(r->first, d) <= 0 &&
           vn_date_cmp(d, r->last) <= 0;
}

int vn_date_range_year(const vn_date_range *r)
{
    return r->precision != VN_DATE_NONE && r->first.year == r->last.year ? r->first.year : 0;
}

bool vn_date_range_overlap(const vn_date_range *a, const vn_date_range *b)
{
    return vn_date_cmp(a->first, b->last) <= 0 && vn_date_cmp(b->first, a->last) <= 0;
}

bool vn_date_range_same(const vn_date_range *a, const vn_date_range *b)
{
    return a->precision == b->precision && vn_date_cmp(a->first, b->first) == 0 &&
           vn_date_cmp(a->last, b->last) == 0;
}

char *vn_date_range_str(const vn_date_range *r, char buf[11])
{
    int y = clamp(r->first.year, 0, 9999), m = clamp(r->first.month, 0, 99);
    switch (r->precision) {
    case VN_DATE_DAY:
        return vn_date_iso(r->first, buf);
    case VN_DATE_MONTH:
        snprintf(buf, 11, "%04d-%02d", y, m);
        return buf;
    case VN_DATE_YEAR:
        snprintf(buf, 11, "%04d", y);
        return buf;
    case VN_DATE_NONE:
        break;
    }
    buf[0] = '\0';
    return buf;
}
