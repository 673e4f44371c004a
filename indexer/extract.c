/*
 * extract.c — the citation scanner (see extract.h for the design; its
 * parts are listed in extract_parts.h).
 *
 * Vietnamese conventions this file relies on:
 * - a citation reads TYPE-WORD [số|số:] SYMBOL [, ngày DATE] [của ISSUER [khóa N]]
 *   with optional pinpoint "điểm a khoản 2 Điều 3 [của]" in front;
 * - several instruments may share one trailing date or issuer
 *   ("Quyết định số 217-QĐ/TW, Quyết định số 218-QĐ/TW, ngày 12/12/2013");
 * - a list of bare numbers after one type word names several instruments
 *   of that type ("Quyết định số 217, 218 của Bộ Chính trị").
 */
#include "extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "extract_parts.h"

/* ---- what precedes a symbol ------------------------------------------ */

typedef struct prefix_info {
    size_t start;           /* where the citation starts (type word or symbol) */
    bool has_so;            /* "số" written before the number */
    const char *type_word;  /* canonical, or NULL */
    size_t type_start;
    size_t issuer_start, issuer_end;    /* "Nghị quyết của Quốc hội số …" */
} prefix_info;

/* "CV số 12/UBND-VX", "QĐ số 217, 218": a type code written for its type
 * word before "số", as plans abbreviate.  The type word of the code whose
 * exact spelling ends at `end` as a whole word, or NULL. */
static const char *type_code_ending_at(const char *t, size_t floor, size_t end, size_t *start)
{
    char code[16];
    size_t j = word_start(t, floor, end);
    /* every type code starts with a capital A-Z, or Đ (lead byte C4) */
    if (j == end || end - j >= sizeof code ||
        !((t[j] >= 'A' && t[j] <= 'Z') || (unsigned char)t[j] == 0xC4))
        return NULL;
    memcpy(code, t + j, end - j);
    code[end - j] = '\0';
    *start = j;
    return vn_type_word_for_code(code);
}

/* "Bộ luật Dân sự …": t[from, to) opens with an instrument type word, so
 * it names an instrument, not an issuer ("quy định của Bộ luật dân sự số
 * 33/2005/QH11"). */
static bool opens_with_type_word(const char *t, size_t len, size_t from, size_t to)
{
    size_t e = from, start;
    for (int words = 0; words < 4 && e < to; words++) {
        e = word_end(t, len, skip_spaces_fwd(t, len, e));
        if (e > to)
            break;
        if (vn_type_word_ending_at(t + from, e - from, &start) && start == 0)
            return true;
    }
    return false;
}

/* "Nghị quyết của Quốc hội số 30/2021/QH15", "Quyết định của UBND tỉnh
 * số …": the type word stands before the issuer, a name after "của" that
 * starts with a capital and holds no stop word; i is where "số" starts, and
 * t is read before `len` (the number).  The type word, its start in *ts and
 * the issuer in p, or NULL. */
static const char *type_word_before_issuer(const char *t, size_t len, size_t floor, size_t i,
                                           size_t *ts, prefix_info *p)
{
    static const char cua[] = "của ";
    if (!memmem(t + floor, i - floor, cua, sizeof cua - 1))
        return NULL;        /* most "số" have none before them: skip the walk */
    size_t j = skip_blanks_back(t, floor, i);
    if (j > floor && t[j - 1] == ':')       /* "Nghị định của Chính phủ: số …" */
        j = skip_blanks_back(t, floor, j - 1);
    size_t name = i, name_end = j;
    for (int words = 0; words < ISSUER_MAX_WORDS && j > floor; words++) {
        size_t w = word_start(t, floor, j);
        if (w == j)
            return NULL;
        if (words > 0 && match_word_ci_before(t, j, "của") == w) {
            if (!is_upper_cp(next_cp(t, len, name)) || opens_with_type_word(t, len, name, name_end))
                return NULL;
            size_t e = skip_blanks_back(t, floor, w);
            const char *tw = vn_type_word_ending_at(t + floor, e - floor, ts);
            if (tw && is_upper_cp(next_cp(t, len, *ts + floor))) {
                *ts += floor;
                p->issuer_start = name;
                p->issuer_end = name_end;
            }
            return tw;
        }
        if (vn_cite_is_stop_word(t, len, w))
            return NULL;
        name = w;
        j = skip_blanks_back(t, floor, w);
    }
    return NULL;
}

/* Reads backwards from `pos` (start of the number): [type word] [số[:]].
 * With `only_after_so`, the type word is looked for only after a "số"; a
 * type code stands for it after "số", or with `code_alone` right before the
 * number ("NĐ 15/2020", "CV 124/UBND-VX"). */
static prefix_info read_prefix(const char *t, size_t pos, bool only_after_so, bool code_alone)
{
    prefix_info p = {pos, false, NULL, pos, 0, 0};
    size_t floor = pos > LOOKBACK_BYTES ? pos - LOOKBACK_BYTES : 0;
    size_t i = skip_blanks_back(t, floor, pos);
    if (i > floor && t[i - 1] == ':')
        i = skip_blanks_back(t, floor, i - 1);
    size_t so = so_before(t, i);
    if (so != (size_t)-1 && so >= floor) {
        p.has_so = true;
        p.start = so;
        i = skip_blanks_back(t, floor, so);
    } else if (only_after_so) {
        return p;
    }
    size_t ts;
    const char *tw = vn_type_word_ending_at(t + floor, i - floor, &ts);
    if (tw) {
        ts += floor;
    } else if (p.has_so || code_alone) {
        tw = type_code_ending_at(t, floor, i, &ts);
    }
    if (!tw && p.has_so)
        tw = type_word_before_issuer(t, pos, floor, p.start, &ts, &p);
    if (tw) {
        p.type_word = tw;
        p.type_start = ts;
        p.start = ts;
    }
    return p;
}

/* True if the digit at pos may start a symbol: not glued to a preceding
 * word, except to "số" or a type word ("số12-QĐ/TW", "Nghị định59/2023/…"),
 * and not the continuation of a token that starts with digits ("14/8/2023",
 * "xy62/2023/NĐ-CP": the number after "62/" is a year, never a symbol's). */
static bool anchor_ok(const char *t, size_t pos)
{
    int c = prev_cp(t, pos);
    if (c == '/' || c == '-' || c == 0x2013) {
        size_t sep = pos - (c == 0x2013 ? 3 : 1);     /* where the separator starts */
        return !(sep > 0 && vn_ascii_digit(t[sep - 1]));
    }
    /* "12.1/UBND-VX": the digits after a sub-number's dot (or a decimal
     * point) belong to the number before; after a comma a list goes on */
    if (c == '.' && pos >= 2 && vn_ascii_digit(t[pos - 2]))
        return false;
    if (c == 0 || !is_alnum_cp(c))
        return true;
    if (c >= '0' && c <= '9')
        return false;
    size_t start;
    return so_before(t, pos) != (size_t)-1 || vn_type_word_ending_at(t, pos, &start) != NULL;
}

/* ---- numbered, list and short citations ------------------------------ */

/* "/2020" right after a number, with nothing but blanks or punctuation
 * after it ("Nghị định số 15/2020 của Chính phủ": a symbol written without
 * its codes): the year, or 0. */
static int year_suffix(const char *t, size_t len, size_t k)
{
    if (k + 5 > len || t[k] != '/' || !(t[k + 1] == '1' || t[k + 1] == '2'))
        return 0;
    int year = 0;
    for (int d = 1; d <= 4; d++) {
        if (!vn_ascii_digit(t[k + d]))
            return 0;
        year = year * 10 + (t[k + d] - '0');
    }
    if (year < 1945 || year > 2099 || is_alnum_cp(next_cp(t, len, k + 5)))
        return 0;
    size_t after = skip_blanks_fwd(t, len, k + 5);
    if (after < len && (t[after] == '/' || t[after] == '-'))
        return 0;           /* codes follow that the symbol scanner could not read */
    return year;
}

/* The issuer written before the number (type_word_before_issuer), for a
 * citation that has none after it. */
static void issuer_before(const char *t, const prefix_info *p, char *issuer, size_t size)
{
    if (!issuer[0] && p->issuer_end > p->issuer_start)
        copy_trimmed(issuer, size, t + p->issuer_start, p->issuer_end - p->issuer_start);
}

/*
 * Collects "217, 218 và 219" (with `years_only`, "15/2020 và 16/2020"
 * only): bare numbers, each perhaps with its year, not followed by a
 * separator.  Without "số" only numbers with a year are taken: "Nghị định
 * 15/2020" cites, "Quyết định 217" may not.
 */
static vn_status scan_bare_numbers(const char *t, size_t len, size_t i, const prefix_info *p,
                                   bool years_only, vn_extract_result *r, size_t *consumed)
{
    size_t starts[16], ends[16], number_ends[16];
    int years[16];
    int count = 0;
    size_t j = i;
    for (;;) {
        size_t k = j;
        while (k < len && vn_ascii_digit(t[k]))
            k++;
        int year = k > j ? year_suffix(t, len, k) : 0;
        size_t number_end = k;
        if (year)
            k += 5;
        else if (years_only)
            break;
        if (k == j || number_end - j > 6 || is_alnum_cp(next_cp(t, len, k)) ||
            (k + 1 < len && t[k] == '.' && vn_ascii_digit(t[k + 1])))
            break;          /* "12.1/UBND-VX": a number this scanner cannot read */
        size_t after = skip_blanks_fwd(t, len, k);
        if (after < len && (t[after] == '/' || t[after] == '-'))
            break;          /* a symbol the scanner could not read: not a list */
        starts[count] = j;
        ends[count] = k;
        number_ends[count] = number_end;
        years[count] = year;
        count++;
        if (count == 16)
            break;
        size_t n = after;
        if (n < len && t[n] == ',')
            n = skip_blanks_fwd(t, len, n + 1);
        else if (match_word_ci(t, len, n, "và"))
            n = skip_blanks_fwd(t, len, n + match_word_ci(t, len, n, "và"));
        else
            break;
        if (n >= len || !vn_ascii_digit(t[n]))
            break;
        j = n;
    }
    *consumed = count ? ends[count - 1] - i : 0;
    if (count == 0)
        return VN_OK;

    draft proto;
    vn_cite_draft_init(&proto);
    proto.c.start = p->start;
    size_t end = vn_cite_read_suffix(t, len, ends[count - 1], &proto);
    (void)end;
    issuer_before(t, p, proto.issuer, sizeof proto.issuer);    /* "… của Bộ Chính trị số 217, 218" */
    for (int k = 0; k < count; k++) {
        vn_citation c = proto.c;   /* its issuer is proto's, copied by the push */
        c.kind = count > 1 ? VN_CITE_LIST : VN_CITE_SHORT;
        c.start = k == 0 ? p->start : starts[k];
        c.end = ends[k];
        c.symbol_start = starts[k];
        c.symbol_end = ends[k];
        copy_str(c.type_word, sizeof c.type_word, p->type_word);
        memcpy(c.number, t + starts[k], number_ends[k] - starts[k]);
        c.number[number_ends[k] - starts[k]] = '\0';
        c.written_year = (unsigned short)years[k];
        vn_status st = vn_citation_list_push(&r->citations, &c);
        if (st != VN_OK)
            return st;
    }
    return VN_OK;
}

/* "Mẫu số 01/BC", "Biểu số 03/TH", "tờ khai mẫu số 05/KK-TNCN", "nhà số
 * 123/QL1A", "lô số 12/KCN": the numbers of forms, annexes, tables, houses,
 * lots and parcels are written like symbols but name no instrument.  True
 * if such a word stands right before "số" at so. */
static bool numbers_no_instrument(const char *t, size_t so)
{
    static const char *const form_words[] = {
        "mẫu", "biểu", "phụ lục", "phiếu", "tờ khai", "bảng", "hồ sơ",
        "nhà", "lô", "thửa", "thửa đất", "tờ bản đồ", "căn hộ", "ki-ốt", "kiốt",
        "quốc lộ", "tỉnh lộ", "chỉ tiêu", "tài khoản", "điện thoại", "fax", NULL
    };
    size_t floor = so > LOOKBACK_BYTES ? so - LOOKBACK_BYTES : 0;
    size_t end = skip_blanks_back(t, floor, so);
    for (int k = 0; form_words[k]; k++) {
        size_t w = match_word_ci_before(t, end, form_words[k]);
        if (w != (size_t)-1 && w >= floor)
            return true;
    }
    return false;
}

/* The types whose symbols carry a year, so that "Nghị định 15/2020" cites
 * one without "số"; "Báo cáo 12/2024" may be December's report. */
static bool cited_by_number_and_year(const char *type_word)
{
    static const char *const types[] = {
        "Luật", "Bộ luật", "Pháp lệnh", "Nghị định", "Nghị quyết", "Nghị quyết liên tịch",
        "Thông tư", "Thông tư liên tịch", "Quyết định", "Chỉ thị", NULL
    };
    for (int k = 0; types[k]; k++)
        if (strcmp(type_word, types[k]) == 0)
            return true;
    return false;
}

/* True if only blanks, commas, "và" and "số" stand in t[from, to) (of a
 * text of len bytes). */
static bool only_list_separators(const char *t, size_t len, size_t from, size_t to)
{
    for (size_t x = from; x < to; x++) {
        /* "các Quyết định: số 14/QĐ-UBND …; số 15/QĐ-UBND … của UBND tỉnh": a
         * semicolon goes on a list whose next item is its bare "số" */
        if (t[x] == ' ' || t[x] == ',' || t[x] == '\n' || t[x] == '\t' ||
            (t[x] == ';' && match_word_ci(t, len, to, "số")))
            continue;
        size_t w = match_word_ci(t, to, x, "và");
        if (!w)
            w = match_word_ci(t, to, x, "số");
        if (!w)
            return false;
        x += w - 1;
    }
    return true;
}

/* Where a's own date ends ("số 26/2019/QĐ-UBND ngày 20/9/2019"), or a's end. */
static size_t past_own_date(const char *t, size_t len, const vn_citation *a)
{
    if (a->date.precision == VN_DATE_NONE)
        return a->end;
    size_t j = skip_blanks_fwd(t, len, a->end);
    if (j < len && t[j] == ',')
        j = skip_blanks_fwd(t, len, j + 1);
    vn_date_range d;
    size_t n = vn_cite_read_date(t, len, j, &d);
    if (!n && a->date.precision == VN_DATE_YEAR && (n = vn_cite_read_year(t, len, j, false, &d)))
        n += j;             /* "01/NQ-CP năm 2024": a length, not an end */
    return n ? n : a->end;
}

/* "các Nghị định của Chính phủ: số 15/2020/NĐ-CP, số 14/2022/NĐ-CP": a
 * citation whose issuer was written before its number, and only list
 * separators between it and the number at so, passes that issuer on. */
static const char *leading_issuer_before(const char *t, size_t len, const vn_citation_list *l,
                                         size_t so)
{
    if (l->count == 0)
        return NULL;
    const vn_citation *prev = &l->items[l->count - 1];
    if (!prev->issuer || !prev->issuer[0] || prev->symbol_start <= prev->start || prev->end > so)
        return NULL;
    /* "số 59/2023/NĐ-CP ngày 14/8/2023, số …": past the first one's date */
    if (!only_list_separators(t, len, past_own_date(t, so, prev), so))
        return NULL;
    size_t n = strlen(prev->issuer);
    return memmem(t + prev->start, prev->symbol_start - prev->start, prev->issuer, n)
               ? prev->issuer : NULL;
}

/* The numbers of the text's numbered citations so far, as a 1024-bit Bloom
 * filter brought up to date as citations are added: most numbers of a text
 * are no earlier citation's, and are ruled out with one hash. */
#define CITED_BITS 1024

typedef struct cited_numbers {
    uint64_t bloom[CITED_BITS / 64];
    size_t hashed;          /* citations already in it */
} cited_numbers;

static unsigned number_bit(const char *digits, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t k = 0; k < n; k++)
        h = (h ^ (unsigned char)digits[k]) * 16777619u;
    return (h ^ h >> 16) % CITED_BITS;
}

/* Some earlier numbered citation of the text may have this number. */
static bool cited_before(cited_numbers *seen, const vn_citation_list *l, const char *digits,
                         size_t n)
{
    for (; seen->hashed < l->count; seen->hashed++) {
        const vn_citation *c = &l->items[seen->hashed];
        if (c->kind == VN_CITE_NUMBERED) {
            unsigned bit = number_bit(c->number, strlen(c->number));
            seen->bloom[bit / 64] |= 1ull << bit % 64;
        }
    }
    unsigned bit = number_bit(digits, n);
    return n > 0 && (seen->bloom[bit / 64] >> bit % 64 & 1);
}

/* The number at i follows a word and one space ("thị 05"), as a short
 * name's does. */
static inline bool after_a_word(const char *t, size_t i)
{
    return i >= 2 && t[i - 1] == ' ' &&
           ((unsigned char)t[i - 2] >= 0x80 || vn_ascii_alpha(t[i - 2]));
}

/* ... with this type word too: "Chỉ thị 05" names the Chỉ thị số 05-CT/TW
 * cited before it, while "Quyết định 05" would not. */
static bool cited_before_as(const vn_citation_list *l, const char *type_word, const char *digits,
                            size_t n)
{
    if (n >= sizeof l->items[0].number)
        return false;
    for (size_t k = 0; k < l->count; k++)
        if (l->items[k].kind == VN_CITE_NUMBERED && strcmp(l->items[k].type_word, type_word) == 0 &&
            strncmp(l->items[k].number, digits, n) == 0 && l->items[k].number[n] == '\0')
            return true;
    return false;
}

/* What follows a number's digits at k may be a symbol typed in lower case
 * ("1242/qđ-ubnd", "15/2020/nđ-cp"), which vn_symbol_may_start rules out. */
static bool may_be_lowercase_symbol(const char *t, size_t len, size_t k)
{
    if (k >= len || (t[k] != '/' && t[k] != '-' && t[k] != '_'))
        return false;
    k++;
    if (k + 5 < len && vn_ascii_digit(t[k]) && vn_ascii_digit(t[k + 3]) &&
        (t[k + 4] == '/' || t[k + 4] == '-'))
        k += 5;             /* a year: "15/2020/nđ-cp" */
    return k < len && t[k] >= 'a' && t[k] <= 'z';
}

static vn_status scan_number(const char *t, size_t len, size_t i, vn_extract_result *r,
                             cited_numbers *seen, size_t *consumed)
{
    /* A standard's year ("QCVN 01:2019/BYT", "TCVN 5945:2005") starts no
     * symbol: the standard is not an instrument. */
    if (i >= 2 && t[i - 1] == ':' && vn_ascii_digit(t[i - 2])) {
        *consumed = 0;
        return VN_OK;
    }
    /* Most numbers start no symbol; those only matter after "số" and a
     * type word, as a list of bare numbers. */
    bool may_be_symbol = vn_symbol_may_start(t + i, len - i);
    size_t digits = 0;
    while (i + digits < len && vn_ascii_digit(t[i + digits]))
        digits++;
    bool with_year = !may_be_symbol && year_suffix(t, len, i + digits) != 0;
    bool lowercase = !may_be_symbol && may_be_lowercase_symbol(t, len, i + digits);
    bool symbol_like = may_be_symbol || lowercase;
    /* "Chỉ thị 05" after "Chỉ thị số 05-CT/TW": the type word is looked for
     * without "số" only when an earlier citation may have the number */
    bool short_name = !symbol_like && !with_year && after_a_word(t, i) &&
                      (i + digits >= len || (t[i + digits] != '/' && t[i + digits] != '-')) &&
                      cited_before(seen, &r->citations, t + i, digits);
    prefix_info p = read_prefix(t, i, !symbol_like && !with_year && !short_name,
                                with_year || symbol_like);
    vn_symbol s;
    size_t n = may_be_symbol ? vn_symbol_scan(t + i, len - i, p.type_word, true, &s) : 0;
    if (n == 0 && symbol_like && (p.has_so || p.type_word))
        n = vn_symbol_scan_lowercase(t + i, len - i, p.type_word, &s);
    if (n == 0) {
        *consumed = 0;
        if (p.type_word && (p.has_so || (with_year && cited_by_number_and_year(p.type_word))))
            return scan_bare_numbers(t, len, i, &p, !p.has_so, r, consumed);
        if (short_name && p.type_word && cited_before_as(&r->citations, p.type_word, t + i, digits))
            return scan_bare_numbers(t, len, i, &p, false, r, consumed);
        return VN_OK;
    }
    *consumed = n;
    if (p.has_so && !p.type_word && numbers_no_instrument(t, p.start))
        return VN_OK;
    if (vn_cite_own_number_context(t, len, i, i + n)) {
        char own[VN_SYMBOL_MAX];
        vn_symbol_format(&s, own);
        if (!r->has_own_number) {
            memcpy(r->own_number, own, sizeof own);
            r->has_own_number = true;
            r->own_start = i;
            r->own_end = i + n;
            return VN_OK;
        }
        if (strcmp(own, r->own_number) == 0)
            return VN_OK;   /* written again: a portal's record, then the text's header */
    }
    if (!p.has_so && !p.type_word && !vn_symbol_names_issuer(&s))
        return VN_OK;       /* "Tổ 5/KP3", "Mục tiêu 1/KH": alone, no paper */
    draft d;
    vn_cite_draft_init(&d);
    vn_citation *c = &d.c;
    c->kind = VN_CITE_NUMBERED;
    c->symbol_start = i;
    c->symbol_end = c->end = i + n;
    vn_symbol_format(&s, d.symbol);
    copy_str(c->number, sizeof c->number, s.number);
    c->has_year = vn_symbol_has_year(&s);
    const char *by_code = vn_type_word_for_code(s.codes[0]);
    const char *tw = p.type_word ? p.type_word : by_code;
    /* "… kết luận số 123-TB/TW": when the words in front name another type
     * than the symbol's own type code, the code is the instrument's type */
    const char *const *expected = p.type_word ? vn_type_word_codes(p.type_word) : NULL;
    if (by_code && expected && expected[0]) {
        bool fits = false;
        for (int k = 0; expected[k] && !fits; k++)
            fits = strcmp(expected[k], s.codes[0]) == 0;
        if (!fits)
            tw = by_code;
    }
    copy_str(c->type_word, sizeof c->type_word, tw ? tw : "");
    c->start = p.type_word ? vn_cite_read_pinpoint(t, p.type_start, &c->pinpoint) : p.start;
    if (c->start > p.start)
        c->start = p.start;
    vn_cite_read_suffix(t, len, i + n, &d);
    issuer_before(t, &p, d.issuer, sizeof d.issuer);
    const char *leading;
    if (!d.issuer[0] && p.has_so && !p.type_word &&
        (leading = leading_issuer_before(t, len, &r->citations, p.start)) != NULL)
        copy_str(d.issuer, sizeof d.issuer, leading);
    return vn_citation_list_push(&r->citations, c);
}

/*
 * "Quyết định số 1234, 1235/QĐ-UBND": bare numbers listed right before a
 * symbol share what follows its number, as they share its type word, so
 * 1234 is 1234/QĐ-UBND.  Last to first, so a longer list passes it on.
 */
static vn_status share_list_suffixes(const char *t, size_t len, vn_citation_list *l)
{
    for (size_t k = l->count; k-- > 1;) {
        vn_citation *a = &l->items[k - 1], *b = &l->items[k];
        if ((a->kind != VN_CITE_LIST && a->kind != VN_CITE_SHORT) || a->symbol[0] ||
            !b->symbol[0] || b->kind == VN_CITE_NAME || !a->type_word[0] ||
            (b->type_word[0] && strcmp(a->type_word, b->type_word) != 0))
            continue;
        size_t digits = strlen(b->number);
        if (!digits || strncmp(b->symbol, b->number, digits) != 0 ||
            !only_list_separators(t, len, a->end, b->symbol_start))
            continue;
        const char *suffix = b->symbol + digits;
        char symbol[VN_SYMBOL_MAX];
        if (a->written_year) {
            /* "15/2019, 16/2020/NĐ-CP": the codes are shared, the year is not */
            if (!b->has_year || suffix[0] != '/' || strlen(suffix) < 6 || suffix[5] != '/')
                continue;
            if (snprintf(symbol, sizeof symbol, "%s/%04u%s", a->number,
                         (unsigned)a->written_year, suffix + 5) >= (int)sizeof symbol)
                continue;
        } else if (snprintf(symbol, sizeof symbol, "%s%s", a->number, suffix) >=
                   (int)sizeof symbol) {
            continue;
        }
        const char *kept = vn_citation_list_keep(l, symbol);
        if (!kept)
            return VN_ERR_NOMEM;
        a->symbol = kept;
        a->has_year = b->has_year;
        a->kind = VN_CITE_NUMBERED;     /* resolved by its symbol from here on */
        if (!b->type_word[0])
            memcpy(b->type_word, a->type_word, sizeof b->type_word);
    }
    return VN_OK;
}

/*
 * A citation without a date whose neighbour right after it has one shares
 * it when only commas, "và" and the neighbour's type word and "số" stand
 * between them: "Quyết định số 217-QĐ/TW, Quyết định số 218-QĐ/TW, ngày
 * 12/12/2013 của Bộ Chính trị"; and its issuer, when it has none.
 */
/* The code of the body that issued a numbered citation, its term cut off:
 * "CP" of 59/2023/NĐ-CP, "TW" of 217-QĐ/TW, "UBND" of 123/UBND-VX (whose
 * first code is no type code), "QH" of 10/2022/QH15.  False if none. */
static bool issuer_code_of(const vn_citation *c, char out[VN_SYMBOL_CODE_MAX])
{
    vn_symbol s;
    if (!c->symbol[0] || !vn_symbol_parse_loose(c->symbol, strlen(c->symbol), c->type_word, &s))
        return false;
    int k = s.code_count > 1 && vn_type_word_for_code(s.codes[0]) ? 1 : 0;
    if (k >= s.code_count)
        return false;
    memcpy(out, s.codes[k], VN_SYMBOL_CODE_MAX);
    char *sub_code = strchr(out, '.');    /* UBND.VX is the UBND's */
    if (sub_code)
        *sub_code = '\0';
    size_t n = strlen(out);
    while (n > 1 && vn_ascii_digit(out[n - 1]))
        out[--n] = '\0';
    return true;
}

/* May a and b, written one after the other, share a date and an issuer?
 * Not a decree and a circular ("Nghị định số 15/2020/NĐ-CP và Thông tư
 * số 01/2021/TT-BTC của Bộ Tài chính"): their symbols name two bodies.
 * Without a symbol on either side, their type words must agree. */
static bool one_issuer(const vn_citation *a, const vn_citation *b)
{
    char ca[VN_SYMBOL_CODE_MAX], cb[VN_SYMBOL_CODE_MAX];
    if (issuer_code_of(a, ca) && issuer_code_of(b, cb))
        return strcmp(ca, cb) == 0;
    return a->type_word[0] && strcmp(a->type_word, b->type_word) == 0;
}

static void share_trailing_dates(const char *t, size_t len, vn_citation_list *l)
{
    for (size_t k = l->count; k-- > 1;) {
        vn_citation *a = &l->items[k - 1], *b = &l->items[k];
        if (a->kind == VN_CITE_NAME || b->kind == VN_CITE_NAME)
            continue;
        /* with no date to share, the issuer alone: "Nghị định số
         * 59/2023/NĐ-CP, Nghị định số 60/2023/NĐ-CP của Chính phủ"; and
         * each with its own date, the issuer: "Quyết định số … ngày …
         * và Quyết định số … ngày … của UBND tỉnh" */
        bool date = a->date.precision == VN_DATE_NONE && b->date.precision != VN_DATE_NONE;
        bool issuer = !a->issuer[0] && b->issuer[0];
        if ((!date && !issuer) || !only_list_separators(t, len, past_own_date(t, len, a), b->start) ||
            !one_issuer(a, b))
            continue;
        if (date) {
            a->date = b->date;
            a->date_shared = true;
        }
        if (issuer) {
            a->issuer = b->issuer;   /* both in l's texts */
            memcpy(a->term, b->term, sizeof a->term);
        }
    }
}

/* "Nghị định số 15/2020" with no date written: the year after the number is
 * the year of issue.  After the dates are shared, so it is never passed on. */
static void date_by_written_year(vn_citation_list *l)
{
    for (size_t k = 0; k < l->count; k++) {
        vn_citation *c = &l->items[k];
        if (c->written_year && c->date.precision == VN_DATE_NONE &&
            (c->kind == VN_CITE_LIST || c->kind == VN_CITE_SHORT))
            vn_date_range_set(c->written_year, 0, 0, &c->date);
    }
}

/* The bytes the loop below acts on: a digit starts a number, and L, B, P, H
 * the name openers (Luật, Bộ luật, Pháp lệnh, Hiến pháp).  Everything else
 * is skipped in a tight loop: most of a document is neither. */
static const bool may_start_citation[256] = {
    ['0'] = true, ['1'] = true, ['2'] = true, ['3'] = true, ['4'] = true,
    ['5'] = true, ['6'] = true, ['7'] = true, ['8'] = true, ['9'] = true,
    ['L'] = true, ['B'] = true, ['P'] = true, ['H'] = true,
};

/*
 * "Luật Tổ chức chính quyền địa phương số 77/2015/QH13", "Bộ luật Lao động
 * 45/2019/QH14": a name followed by its own symbol is one citation, the
 * numbered one, typed by the name's opener ("Luật") and starting where the
 * name (or its pinpoint) does; the name is not a second citation.  Only
 * when blanks alone part them and the symbol has no type word of its own.
 */
static void merge_named_symbols(const char *t, vn_citation_list *l)
{
    size_t kept = 0;
    for (size_t k = 0; k < l->count; k++) {
        vn_citation *c = &l->items[k], *next = k + 1 < l->count ? c + 1 : NULL;
        if (next && c->kind == VN_CITE_NAME && next->kind == VN_CITE_NUMBERED &&
            !next->type_word[0] && !c->date.precision && next->start >= c->end) {
            size_t gap = c->end;
            while (gap < next->start && (t[gap] == ' ' || t[gap] == '\t' || t[gap] == '\n'))
                gap++;
            if (gap == next->start) {
                memcpy(next->type_word, c->type_word, sizeof next->type_word);
                next->start = c->start;
                if (!next->pinpoint.article[0])
                    next->pinpoint = c->pinpoint;
                continue;
            }
        }
        if (kept != k)
            l->items[kept] = *c;
        kept++;
    }
    l->count = kept;
}

/* At a capital L, B, P or H: the next byte is that of the lower-case letter
 * "Luật", "Bộ luật", "Pháp lệnh" or "Hiến pháp" continues with.  vn_cite_scan_name
 * takes nothing else (a capital there is a heading), and most capitals of
 * a plan (Ban, Phòng, Huyện, Lãnh đạo …) fail here on one byte. */
static bool may_open_name(const char *t, size_t len, size_t i)
{
    if (i + 1 >= len)
        return false;
    unsigned char next = (unsigned char)t[i + 1];
    switch (t[i]) {
    case 'L': return next == 'u';
    case 'P': return next == 'h';
    case 'H': return next == 'i';
    case 'B': return next == 0xE1;  /* ộ, U+1ED9 */
    default: return false;
    }
}

/* The first byte at or after i that may start a citation (len if none).
 * Sixteen bytes at a time where SSE2 is there (every x86-64): the skip was
 * a fifth of the extractor's time, one table lookup per byte. */
static size_t next_candidate(const char *t, size_t len, size_t i)
{
#ifdef __SSE2__
    const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
    const __m128i L = _mm_set1_epi8('L'), B = _mm_set1_epi8('B');
    const __m128i P = _mm_set1_epi8('P'), H = _mm_set1_epi8('H');
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
        __m128i d = _mm_sub_epi8(v, zero);                  /* digits: 0..9 */
        __m128i hit = _mm_cmpeq_epi8(_mm_min_epu8(d, nine), d);
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(v, L), _mm_cmpeq_epi8(v, B)));
        hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(v, P), _mm_cmpeq_epi8(v, H)));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask)
            return i + (size_t)__builtin_ctz(mask);
    }
#endif
    while (i < len && !may_start_citation[(unsigned char)t[i]])
        i++;
    return i;
}

vn_status vn_extract(const char *t, size_t len, const vn_registry *reg,
                     vn_extract_result *out, vn_error *err)
{
    memset(out, 0, sizeof *out);
    vn_status st = VN_OK;
    cited_numbers seen = {{0}, 0};
    for (size_t i = 0; i < len && st == VN_OK;) {
        i = next_candidate(t, len, i);
        if (i == len)
            break;
        unsigned char ch = (unsigned char)t[i];
        if (ch >= '0' && ch <= '9') {
            size_t consumed = 0;
            if (anchor_ok(t, i))
                st = scan_number(t, len, i, out, &seen, &consumed);
            if (consumed == 0)
                while (i < len && vn_ascii_digit(t[i]))
                    i++;
            i += consumed;
            continue;
        }
        if (may_open_name(t, len, i) && !is_alnum_cp(prev_cp(t, i))) {
            size_t consumed = vn_cite_scan_name(t, len, i, reg, out, &st);
            i += consumed ? consumed : 1;
            continue;
        }
        i++;
    }
    if (st == VN_OK) {
        if (!out->has_own_number)
            vn_cite_find_blank_own_number(t, len, out);
        merge_named_symbols(t, &out->citations);
        st = share_list_suffixes(t, len, &out->citations);
    }
    if (st != VN_OK) {
        vn_extract_result_free(out);
        return vn_error_set(err, st, "out of memory while extracting citations");
    }
    share_trailing_dates(t, len, &out->citations);
    date_by_written_year(&out->citations);
    return VN_OK;
}

void vn_extract_result_free(vn_extract_result *r)
{
    vn_citation_list_free(&r->citations);
}
