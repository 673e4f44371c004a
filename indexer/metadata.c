/*
 * metadata.c — document metadata from the layout cues of Vietnamese
 * administrative documents (see metadata.h).
 */
#include "metadata.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../common/utf8.h"

#define HEADER_ZONE 6000

/* The 63 provinces and centrally-run cities (as in 2023–2024 documents). */
static const char *const provinces[] = {
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh",
    "Bến Tre", "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau",
    "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai",
    "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
    "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hồ Chí Minh", "Hưng Yên", "Khánh Hòa",
    "Kiên Giang", "Kon Tum", "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An",
    "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
    "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng",
    "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế",
    "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", NULL
};

/* Header lines that are national mottos, not the issuer. */
static const char *const not_issuer[] = {
    "ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "DỰ THẢO", NULL
};

typedef struct line {
    const char *s;
    size_t n;
} line;

static line trim(const char *s, size_t n)
{
    while (n && (isspace((unsigned char)*s) || *s == '*' || *s == '#' || *s == '\\')) {
        s++;
        n--;
    }
    while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == '*' || s[n - 1] == '\\'))
        n--;
    return (line){s, n};
}

/* Where a line's columns part: a tab, or three spaces or more (a header set
 * in columns by Word's tabs, by pdftotext -layout or by hand).  The first
 * gap at or after `from`: its start, or NULL; *next gets where the column
 * after it starts. */
static const char *column_gap(line l, const char *from, const char **next)
{
    const char *end = l.s + l.n;
    for (const char *c = from; c < end; c++) {
        const char *e = c;
        if (*c == '\t') {
            e = c + 1;
        } else if (*c == ' ') {
            while (e < end && *e == ' ')
                e++;
            if (e - c < 3)
                continue;
        } else {
            continue;
        }
        while (e < end && (*e == ' ' || *e == '\t'))
            e++;
        *next = e;
        return c;
    }
    return NULL;
}

/* The column of l that holds `at`. */
static line column_at(line l, const char *at)
{
    const char *start = l.s, *next;
    for (const char *g = column_gap(l, l.s, &next); g && next <= at;
         g = column_gap(l, next, &next))
        start = next;
    const char *stop = column_gap(l, at, &next);
    return trim(start, (size_t)((stop ? stop : l.s + l.n) - start));
}

/* The first and the last column of l (l itself when it has one). */
static line first_column(line l)
{
    return column_at(l, l.s);
}

static line last_column(line l)
{
    return column_at(l, l.n ? l.s + l.n - 1 : l.s);
}

static void copy_line(char *dst, size_t dstsz, line l)
{
    size_t n = l.n;
    if (n >= dstsz) {
        n = dstsz - 1;
        while (n > 0 && ((unsigned char)l.s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, l.s, n);
    dst[n] = '\0';
}

/* True if the line has letters and none of them lower case. */
static bool all_upper(line l)
{
    bool letters = false;
    for (size_t i = 0; i < l.n;) {
        int cp;
        i += vn_utf8_next(l.s + i, l.n - i, &cp);
        utf8proc_category_t c = utf8proc_category(cp);
        if (c == UTF8PROC_CATEGORY_LL)
            return false;
        if (c == UTF8PROC_CATEGORY_LU)
            letters = true;
    }
    return letters;
}

static bool starts_with(line l, const char *p)
{
    size_t n = strlen(p);
    return l.n >= n && memcmp(l.s, p, n) == 0;
}

static bool contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0)
            return true;
    return false;
}

/* Upper-case type heading at the start of the line → canonical type word;
 * *heading_len gets the bytes of the heading. */
static const char *type_heading(line l, size_t *heading_len)
{
    static const struct { const char *upper, *word; } headings[] = {
        {"NGHỊ QUYẾT LIÊN TỊCH", "Nghị quyết liên tịch"},
        {"THÔNG TƯ LIÊN TỊCH", "Thông tư liên tịch"}, {"BỘ LUẬT", "Bộ luật"},
        {"PHÁP LỆNH", "Pháp lệnh"}, {"HIẾN PHÁP", "Hiến pháp"}, {"LỆNH", "Lệnh"},
        {"ĐIỀU LỆ", "Điều lệ"}, {"CÔNG ĐIỆN", "Công điện"}, {"BIÊN BẢN", "Biên bản"},
        {"KẾ HOẠCH", "Kế hoạch"}, {"BÁO CÁO", "Báo cáo"}, {"QUYẾT ĐỊNH", "Quyết định"},
        {"NGHỊ QUYẾT", "Nghị quyết"}, {"CHƯƠNG TRÌNH", "Chương trình"},
        {"CHỈ THỊ", "Chỉ thị"}, {"KẾT LUẬN", "Kết luận"}, {"HƯỚNG DẪN", "Hướng dẫn"},
        {"THÔNG BÁO", "Thông báo"}, {"QUY ĐỊNH", "Quy định"}, {"QUY CHẾ", "Quy chế"},
        {"ĐỀ ÁN", "Đề án"}, {"TỜ TRÌNH", "Tờ trình"}, {"CÔNG VĂN", "Công văn"},
        {"NGHỊ ĐỊNH", "Nghị định"}, {"THÔNG TƯ", "Thông tư"}, {"LUẬT", "Luật"},
        {NULL, NULL}
    };
    for (int i = 0; headings[i].upper; i++) {
        if (!starts_with(l, headings[i].upper))
            continue;
        size_t k = strlen(headings[i].upper);
        if (k < l.n && l.s[k] != ' ' && l.s[k] != '\t')
            continue;
        /* "KẾ HOẠCH" alone or followed by its title in sentence case; a line
         * that goes on in capitals ("QUY CHẾ DÂN CHỦ Ở CƠ SỞ" under "BAN CHỈ
         * ĐẠO THỰC HIỆN") is part of the issuer's name, not a heading */
        if (k < l.n && all_upper(trim(l.s + k, l.n - k)))
            continue;
        if (heading_len)
            *heading_len = k;
        return headings[i].word;
    }
    return NULL;
}

/* True if "ngày" or "Ngày" starts the n bytes at p. */
static bool starts_with_ngay(const char *p, size_t n)
{
    return n >= 5 && (memcmp(p, "ngày", 5) == 0 || memcmp(p, "Ngày", 5) == 0);
}

/* True if every word of l starts with a capital ("Quảng Nam", "Tp. Hồ Chí
 * Minh"): a place's name, not a sentence. */
static bool capitalised_words(line l)
{
    bool word_start = true;
    for (size_t i = 0; i < l.n;) {
        int cp;
        i += vn_utf8_next(l.s + i, l.n - i, &cp);
        if (cp == ' ') {
            word_start = true;
            continue;
        }
        if (word_start && utf8proc_category(cp) != UTF8PROC_CATEGORY_LU)
            return false;
        word_start = false;
    }
    return true;
}

/* "Quảng Nam ngày 10 tháng 3 năm 2024" (the comma forgotten) or "Ngày 10
 * tháng 3 năm 2024" (no place): the date must end the line and what stands
 * before it must be a place's name, so a sentence with a date is not taken. */
static bool read_place_date_without_comma(line l, vn_docmeta *m)
{
    const char *at = NULL;
    for (const char *p = l.s; p + 5 <= l.s + l.n; p++)
        if ((p == l.s || p[-1] == ' ') && starts_with_ngay(p, (size_t)(l.s + l.n - p))) {
            at = p;
            break;
        }
    if (!at || at - l.s > 48)
        return false;
    line place = trim(l.s, (size_t)(at - l.s));
    if (!capitalised_words(place))
        return false;
    size_t rest = l.n - (size_t)(at - l.s);
    vn_date_range d;
    size_t n = vn_date_scan(at, rest, &d);
    if (!n)
        return false;
    for (size_t k = n; k < rest; k++)
        if (at[k] != ' ' && at[k] != '.' && at[k] != '*' && at[k] != '_')
            return false;
    copy_line(m->place, sizeof m->place, place);
    m->date = d;
    return true;
}

/* "Thụy Hùng, ngày 26 tháng 02 năm 2024": place and date. */
static bool read_place_date(line l, vn_docmeta *m)
{
    const char *comma = memchr(l.s, ',', l.n);
    if (!comma)
        return read_place_date_without_comma(column_at(l, l.s + l.n - 1), m);
    /* "Số: 12/KH-UBND<tab>Quảng Nam, ngày …": the place starts a later
     * column; the date runs to the line's end, blanks of a draft's "ngày
     * tháng    năm 2023" included */
    const char *from = column_at(l, comma).s;
    l = trim(from, l.n - (size_t)(from - l.s));
    if (comma <= l.s || (size_t)(comma - l.s) > 48)
        return false;
    size_t rest = l.n - (size_t)(comma - l.s) - 1;
    const char *r = comma + 1;
    while (rest && *r == ' ') {
        r++;
        rest--;
    }
    if (!starts_with_ngay(r, rest))
        return false;
    vn_date_range d;
    if (!vn_date_scan(r, rest, &d))
        return false;
    copy_line(m->place, sizeof m->place, trim(l.s, (size_t)(comma - l.s)));
    m->date = d;
    return true;
}

/* What a portal's record of the text says ("Ngày ban hành: 05/03/2024"),
 * kept apart: the document's own header, when it has one, says it first. */
typedef struct portal_record {
    vn_date_range date;
    line issuer, signer;
} portal_record;

/* The value after "label:" at the start of l, or an empty line. */
static line record_value(line l, const char *label)
{
    size_t n = strlen(label);
    if (!starts_with(l, label) || l.n <= n || l.s[n] != ':')
        return (line){l.s, 0};
    return trim(l.s + n + 1, l.n - n - 1);
}

/* "Ngày ban hành: 05/03/2024", "Cơ quan ban hành: …" (or "Nơi ban hành"),
 * "Người ký: …": true if l is one of these lines. */
static bool read_portal_record(line l, portal_record *r)
{
    line v = record_value(l, "Ngày ban hành");
    if (v.n) {
        vn_date_range d;
        if (vn_date_scan(v.s, v.n, &d) == v.n)
            r->date = d;
        return true;
    }
    if ((v = record_value(l, "Cơ quan ban hành")).n || (v = record_value(l, "Nơi ban hành")).n) {
        r->issuer = v;
        return true;
    }
    if ((v = record_value(l, "Người ký")).n) {
        r->signer = v;
        return true;
    }
    return false;
}

/* "ỦY BAN NHÂN DÂN<tab>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": the two columns
 * of a header set on one line (see column_gap); the left one, when the
 * right one is a motto. */
static line before_motto(line l)
{
    const char *next;
    if (!column_gap(l, l.s, &next))
        return l;
    line right = column_at(l, next);
    bool motto = starts_with(right, "Độc lập") || starts_with(right, "ĐỘC LẬP");
    for (int i = 0; !motto && not_issuer[i]; i++)
        motto = starts_with(right, not_issuer[i]);
    return motto ? first_column(l) : l;
}

static bool issuer_line(line l)
{
    if (l.n < 4 || !all_upper(l) || type_heading(l, NULL))
        return false;
    for (int i = 0; not_issuer[i]; i++)
        if (starts_with(l, not_issuer[i]))
            return false;
    return !starts_with(l, "SỐ") && !contains(l.s, l.n, "Số");
}

/* "X xây dựng Kế hoạch" / "X ban hành Kế hoạch": the body names its issuer. */
static void issuer_from_body(const char *t, size_t len, vn_docmeta *m)
{
    static const char *const cues[] = {" xây dựng Kế hoạch", " xây dựng kế hoạch",
                                       " ban hành Kế hoạch", " ban hành kế hoạch", NULL};
    size_t limit = len < HEADER_ZONE * 2 ? len : HEADER_ZONE * 2;
    for (int c = 0; cues[c]; c++) {
        size_t k = strlen(cues[c]);
        for (size_t i = 0; i + k <= limit; i++) {
            if (memcmp(t + i, cues[c], k) != 0)
                continue;
            size_t s = i;
            int depth = 0;
            while (s > 0) {
                char ch = t[s - 1];
                if (ch == ')')
                    depth++;
                else if (ch == '(' && depth > 0)
                    depth--;
                else if (depth == 0 && (ch == '.' || ch == ',' || ch == ';' || ch == '\n'))
                    break;
                s--;
            }
            /* drop a trailing "(sau đây gọi tắt là …)" */
            size_t e = i;
            while (e > s && t[e - 1] == ' ')
                e--;
            if (e > s && t[e - 1] == ')') {
                size_t o = e - 1;
                while (o > s && t[o] != '(')
                    o--;
                if (t[o] == '(')
                    e = o;
            }
            line l = trim(t + s, e - s);
            if (l.n > 3 && l.n < VN_META_FIELD) {
                copy_line(m->issuer, sizeof m->issuer, l);
                return;
            }
        }
    }
}

static void find_province(const char *t, size_t len, vn_docmeta *m)
{
    /* the place of issue first, then the province or city named most often */
    for (int p = 0; provinces[p]; p++)
        if (m->place[0] && strcmp(m->place, provinces[p]) == 0) {
            snprintf(m->province, sizeof m->province, "%s", provinces[p]);
            return;
        }
    /* "tỉnh Quảng Nam", "Nơi ban hành: Tỉnh Quảng Nam", "thành phố Đà Nẵng",
     * "UBND TP. Hồ Chí Minh": each cue once over the text, the names at its hits */
    static const char *const kinds[] = {"tỉnh ", "Tỉnh ", "thành phố ", "Thành phố ", "TP. ",
                                        "Tp. ", NULL};
    int counts[sizeof provinces / sizeof *provinces] = {0};
    for (int k = 0; kinds[k]; k++) {
        size_t kl = strlen(kinds[k]);
        for (const char *s = t; (s = memmem(s, len - (size_t)(s - t), kinds[k], kl)); s += kl) {
            const char *name = s + kl;
            size_t left = len - (size_t)(name - t);
            for (int p = 0; provinces[p]; p++) {
                size_t pl = strlen(provinces[p]);
                if (pl <= left && memcmp(name, provinces[p], pl) == 0)
                    counts[p]++;
            }
        }
    }
    int best = -1, best_count = 0;
    for (int p = 0; provinces[p]; p++) {
        int count = counts[p];
        if (count > best_count) {
            best = p;
            best_count = count;
        }
    }
    if (best >= 0)
        snprintf(m->province, sizeof m->province, "%s", provinces[best]);
}

/* "Nơi nhận:" list and the signature block after the body. */
static void read_tail(line *lines, size_t count, vn_docmeta *m, vn_recipients *to)
{
    size_t i = 0;
    for (; i < count; i++)
        if (starts_with(lines[i], "Nơi nhận"))
            break;
    for (size_t k = i + 1; to && k < count && to->count < VN_META_MAX_RECIPIENTS; k++) {
        line l = first_column(lines[k]);   /* the signature block may share the line */
        if (l.n == 0)
            continue;
        if (l.s[0] != '-' && l.s[0] != '+')
            break;
        line r = trim(l.s + 1, l.n - 1);
        while (r.n && (r.s[r.n - 1] == ',' || r.s[r.n - 1] == ';' || r.s[r.n - 1] == '.'))
            r.n--;    /* "- Lưu: VT, VP." — the list punctuation is not part of the name */
        copy_line(to->items[to->count++], sizeof to->items[0], r);
    }
    /* signer: the last line that looks like a person's name (2–5 capitalised
     * words, not all capitals), with the capitalised position above it */
    for (size_t k = count; k-- > 0;) {
        line l = last_column(lines[k]);
        if (l.n == 0)
            continue;
        if (l.s[0] == '-' || l.s[0] == '(' || all_upper(l) || l.n > 60)
            break;
        int words = 1;
        bool ok = true;
        for (size_t x = 0; x < l.n; x++) {
            if (l.s[x] == ' ') {
                words++;
                continue;
            }
            if (isdigit((unsigned char)l.s[x]) || l.s[x] == ',' || l.s[x] == ':' ||
                l.s[x] == '.' || l.s[x] == ';')
                ok = false;
        }
        if (!ok || words < 2 || words > 5)
            break;
        copy_line(m->signer, sizeof m->signer, l);
        for (size_t u = k; u-- > 0;) {
            line above = last_column(lines[u]);
            if (above.n == 0 || starts_with(above, "(Đã ký)") || starts_with(above, "(đã ký)"))
                continue;
            if (all_upper(above))
                copy_line(m->signer_title, sizeof m->signer_title, above);
            break;
        }
        break;
    }
}

void vn_metadata_read(const char *t, size_t len, const vn_extract_result *ex, vn_docmeta *m,
                      vn_recipients *recipients)
{
    memset(m, 0, sizeof *m);
    if (recipients)
        recipients->count = 0;
    if (ex && ex->has_own_number)
        snprintf(m->own_number, sizeof m->own_number, "%s", ex->own_number);

    size_t cap = 64, count = 0;
    for (size_t i = 0; i < len; i++)
        if (t[i] == '\n')
            cap++;
    line *lines = malloc(cap * sizeof *lines);
    if (!lines)
        return;
    for (size_t s = 0; s <= len && count < cap;) {
        const char *nl = memchr(t + s, '\n', len - s);
        size_t e = nl ? (size_t)(nl - t) : len;
        lines[count++] = trim(t + s, e - s);
        if (!nl)
            break;
        s = e + 1;
    }

    m->draft = memmem(t, len < HEADER_ZONE ? len : HEADER_ZONE, "DỰ THẢO", strlen("DỰ THẢO")) != NULL;

    /* Header: up to the type heading (plus its title), within the zone. */
    char issuers[VN_META_FIELD] = "";
    size_t ilen = 0;
    portal_record record = {0};
    for (size_t k = 0; k < count && (size_t)(lines[k].s - t) < HEADER_ZONE; k++) {
        line l = lines[k];
        if (l.n == 0 || read_portal_record(l, &record))
            continue;
        if (!m->date.precision && read_place_date(l, m))
            continue;
        size_t hl = 0;
        const char *tw = type_heading(l, &hl);
        if (tw && !m->type_word[0]) {
            snprintf(m->type_word, sizeof m->type_word, "%s", tw);
            line rest = trim(l.s + hl, l.n - hl);
            if (rest.n == 0) {
                for (size_t u = k + 1; u < count; u++)
                    if (lines[u].n) {
                        rest = lines[u];
                        break;
                    }
            }
            if (rest.n && rest.n < VN_META_FIELD && !starts_with(rest, "Căn cứ"))
                copy_line(m->title, sizeof m->title, rest);
            break;
        }
        l = before_motto(l);
        if (issuer_line(l) && ilen + l.n + 4 < sizeof issuers) {
            if (ilen) {
                memcpy(issuers + ilen, " - ", 3);
                ilen += 3;
            }
            memcpy(issuers + ilen, l.s, l.n);
            ilen += l.n;
            issuers[ilen] = '\0';
        }
    }
    if (issuers[0])
        snprintf(m->issuer, sizeof m->issuer, "%s", issuers);
    else if (record.issuer.n)
        copy_line(m->issuer, sizeof m->issuer, record.issuer);
    else
        issuer_from_body(t, len, m);
    if (!m->date.precision)
        m->date = record.date;
    if (!m->type_word[0] && m->own_number[0]) {
        const char *p = m->own_number;
        while (*p && *p != '-' && *p != '/')
            p++;
        if (*p) {
            char code[16];
            size_t n = 0;
            for (p++; *p && *p != '/' && *p != '-' && n + 1 < sizeof code; p++)
                code[n++] = *p;
            code[n] = '\0';
            const char *tw = vn_type_word_for_code(code);
            if (tw)
                snprintf(m->type_word, sizeof m->type_word, "%s", tw);
        }
    }
    read_tail(lines, count, m, recipients);
    if (!m->signer[0] && record.signer.n)
        copy_line(m->signer, sizeof m->signer, record.signer);
    free(lines);
    find_province(t, len, m);

    if (ex) {
        for (size_t k = 0; k < ex->citations.count; k++) {
            const vn_citation *c = &ex->citations.items[k];
            if (c->date.precision == VN_DATE_DAY && vn_date_cmp(c->date.first, m->after) > 0)
                m->after = c->date.first;
        }
    }
}

bool vn_own_number_numbered(const char *own_number)
{
    return own_number[0] && own_number[0] != '/' && own_number[0] != '-';
}

bool vn_docmeta_effective_date(const vn_docmeta *m, vn_date_range *out)
{
    if (m->date.precision != VN_DATE_NONE) {
        *out = m->date;
        return true;
    }
    if (m->after.year) {
        out->first = m->after;
        out->last = (vn_date){2199, 12, 31};
        out->precision = VN_DATE_YEAR;
        return true;
    }
    return false;
}

unsigned long long vn_province_bit(const char *province)
{
    _Static_assert(sizeof provinces / sizeof provinces[0] - 1 <= 64, "a province is a bit");
    for (int k = 0; province && province[0] && provinces[k]; k++)
        if (strcmp(provinces[k], province) == 0)
            return 1ull << k;
    return 0;
}
