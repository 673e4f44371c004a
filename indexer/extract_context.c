/*
 * extract_context.c — what stands around a citation (extract_parts.h): the
 * pinpoint before it ("điểm a khoản 2 Điều 3 của"), and after it the date,
 * the issuer after "của" with its term ("khóa XIII"), footnote marks and
 * quotes.
 */
#include "extract_parts.h"

/* Reads "điểm a khoản 2 Điều 3 [của]" ending at `end`; returns its start. */
size_t vn_cite_read_pinpoint(const char *t, size_t end, vn_pinpoint *pp)
{
    size_t floor = end > LOOKBACK_BYTES ? end - LOOKBACK_BYTES : 0;
    size_t i = skip_blanks_back(t, floor, end);
    size_t cua = match_word_ci_before(t, i, "của");
    if (cua != (size_t)-1 && cua >= floor)
        i = skip_blanks_back(t, floor, cua);
    if (i > floor && t[i - 1] == ',')
        i = skip_blanks_back(t, floor, i - 1);

    struct { const char *word; char *out; } parts[] = {
        {"điều", pp->article}, {"khoản", pp->clause}, {"điểm", pp->point}
    };
    size_t start = end;
    for (int k = 0; k < 3; k++) {
        /* the value: "63", "63a" for Điều/khoản; one letter ("a", "đ") for điểm */
        size_t j = i;
        while (j > floor && vn_ascii_alnum(t[j - 1]))
            j--;
        if (j == i && k == 2 && i >= 2 && match_ci(t, i, i - 2, "đ"))
            j = i - 2;
        if (j == i || i - j >= sizeof pp->article)
            break;
        if (k < 2 ? !vn_ascii_digit(t[j]) : (i - j > 2 || vn_ascii_digit(t[j])))
            break;
        size_t w = skip_blanks_back(t, floor, j);
        size_t ws = match_word_ci_before(t, w, parts[k].word);
        if (ws == (size_t)-1 || ws < floor)
            break;
        memcpy(parts[k].out, t + j, i - j);
        parts[k].out[i - j] = '\0';
        start = ws;
        i = skip_blanks_back(t, floor, ws);
        if (i > floor && t[i - 1] == ',')
            i = skip_blanks_back(t, floor, i - 1);
    }
    return start;
}


/* Lowercase words (and phrases) that end an issuer or a name: what comes
 * after "của Chính phủ" is usually "về …", "quy định …", "ban hành …".
 * Capitalised words never stop ("Ủy ban", "Ban Bí thư"). */
static word_list stop_words = {.words = (const char *const[]){
    "về", "quy định", "ban hành", "hướng dẫn", "triển khai", "tổ chức", "đề nghị",
    "kèm theo", "đảm bảo", "bảo đảm", "tại", "trong", "nhằm", "đã", "đến", "để",
    "với", "theo", "ngày", "số", "năm", "là", "gồm", "đối", "việc", "tiếp", "và",
    "được", "có", "sau", "trước", "thì", "cho", "như", "hoặc", "ngay", "nay", "này",
    "gắn", "góp", "phù", "thông qua", "trên", "các", "những", "một", "mà", "do",
    "khi", "nếu", "vào", "ra", "hiện hành", "phê duyệt", "sửa đổi", "bổ sung", "bãi bỏ",
    "thành lập", "kiện toàn", "công bố", "tăng cường", "đẩy mạnh", NULL
}};

bool vn_cite_is_stop_word(const char *t, size_t len, size_t i)
{
    if (is_upper_cp(next_cp(t, len, i)))
        return false;
    size_t n;
    return match_word_in_list(t, len, i, &stop_words, &n) >= 0;
}

/*
 * "và" inside an issuer's name: ministries ("Bộ Nông nghiệp và Phát triển
 * nông thôn", "Bộ Giáo dục và Đào tạo") join capitalised words with it, and
 * "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh" is one body.  "và"
 * followed by a capitalised word that does not start another citation
 * ("… của Chính phủ và Kế hoạch số …") continues the name.
 */
static bool starts_type_word(const char *t, size_t len, size_t i);

static bool and_within_name(const char *t, size_t len, size_t i)
{
    size_t n = match_word_ci(t, len, i, "và");
    if (!n)
        return false;
    size_t j = i + n;
    while (j < len && t[j] == ' ')
        j++;
    if (j == i + n || j >= len)
        return false;
    if (match_word_ci(t, len, j, "doanh nghiệp"))
        return true;
    return is_upper_cp(next_cp(t, len, j)) && !starts_type_word(t, len, j);
}

static word_list type_openers = {.words = (const char *const[]){
    "quy định", "quyết định", "nghị định", "nghị quyết", "kế hoạch", "chỉ thị",
    "kết luận", "hướng dẫn", "chương trình", "công văn", "thông tư", "luật",
    "bộ luật", "pháp lệnh", "quy chế", NULL
}};

/* An instrument type word starts here, in any case: "của Bộ Chính trị Quy
 * định về …" — the issuer ended before it. */
static bool starts_type_word(const char *t, size_t len, size_t i)
{
    size_t n;
    if (match_word_in_list(t, len, i, &type_openers, &n) < 0)
        return false;
    /* "… Quy định về …" names a new instrument; "Ban Chỉ đạo thực hiện
     * Quy chế dân chủ" is still the issuer's name */
    size_t j = skip_spaces_fwd(t, len, i + n);
    return match_word_ci(t, len, j, "về") || match_word_ci(t, len, j, "số") ||
           (j < len && vn_ascii_digit(t[j]));
}


/* Reads "khóa XIII" / "khoá XIII" at i; returns length, copies numeral. */
static size_t read_term(const char *t, size_t len, size_t i, char *term, size_t termsz)
{
    /* asked at every word of an issuer: k, K, or the Kelvin sign (E2 84 AA) */
    if (i >= len || (t[i] != 'k' && t[i] != 'K' && (unsigned char)t[i] != 0xE2))
        return 0;
    size_t n = match_word_ci(t, len, i, "khóa");
    if (!n)
        n = match_word_ci(t, len, i, "khoá");
    if (!n)
        return 0;
    size_t j = skip_blanks_fwd(t, len, i + n), k = j;
    while (k < len && strchr("IVXLC", t[k]))
        k++;
    if (k == j || is_alnum_cp(next_cp(t, len, k)) || k - j >= termsz)
        return 0;
    memcpy(term, t + j, k - j);
    term[k - j] = '\0';
    return k - i;
}

void vn_cite_draft_init(draft *d)
{
    /* the text buffers need only be empty strings: zeroing them whole was
     * a measurable part of every citation */
    memset(&d->c, 0, sizeof d->c);
    d->symbol[0] = d->name[0] = d->issuer[0] = '\0';
    d->c.symbol = d->symbol;
    d->c.name = d->name;
    d->c.issuer = d->issuer;
}

/* At a line break inside a sentence, as text from a PDF wraps it ("của
 * UBND\ntỉnh Quảng Nam"): where the next line's words start, when the next
 * line starts in lower case (a new paragraph or item starts otherwise);
 * else i. */
size_t vn_cite_wrapped_line(const char *t, size_t len, size_t i)
{
    if (i >= len || t[i] != '\n')
        return i;
    size_t k = skip_spaces_fwd(t, len, i + 1);
    int cp = next_cp(t, len, k);
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL ? k : i;
}

/* Words a number belongs to in an issuer's name: "UBND Quận 1", "Ban Chỉ
 * đạo 35", "Hội nghị Trung ương 4", "Phường 3". */
static word_list numbered_words = {.words = (const char *const[]){
    "quận", "phường", "tổ", "ấp", "xóm", "đội", "khu", "ương", "thứ", "đạo", "đoàn", "số",
    "khóa", "khoá", "kỳ", "lần", "đợt", "cụm", "vùng", "lữ", "trung", NULL
}};

/* "của Chính phủ<sup>1</sup>;", cleaned to "của Chính phủ 1;": a number of
 * one or two digits that ends the issuer before the clause does is the
 * footnote's mark, unless the word before it takes a number.  Returns where
 * the issuer [start, end) really ends. */
static size_t footnote_mark_start(const char *t, size_t len, size_t start, size_t end)
{
    size_t digits = end;
    while (digits > start && vn_ascii_digit(t[digits - 1]))
        digits--;
    if (end - digits == 0 || end - digits > 2 || digits <= start || t[digits - 1] != ' ')
        return end;
    if (!ends_clause(t, len, end))
        return end;
    size_t word_end_at = skip_blanks_back(t, start, digits);
    size_t w = word_start(t, start, word_end_at);
    size_t n;
    if (w == word_end_at || (match_word_in_list(t, word_end_at, w, &numbered_words, &n) >= 0 &&
                             w + n == word_end_at))
        return end;
    return word_end_at;
}

/* The blanks after "của", a blank line included: "của" never ends a
 * sentence, so a paragraph that ends with it was cut by a converter
 * ("… ngày 12/12/2013 của\n\nBộ Chính trị về …"). */
static size_t skip_to_issuer(const char *t, size_t len, size_t i)
{
    int newlines = 0;
    while (i < len && (t[i] == ' ' || t[i] == '\t' || (t[i] == '\n' && newlines++ < 2)))
        i++;
    return i;
}

/* Reads the issuer after "của": words up to punctuation or a stop word. */
/* "UBND TP. Hồ Chí Minh", "UBND Tx. Ba Đồn": the dot of a place's
 * abbreviation (t[i, w) is the word) does not end the issuer when a
 * capitalised name follows; 1 to take the dot, else 0. */
static size_t place_abbreviation_dot(const char *t, size_t len, size_t i, size_t w)
{
    static const char *const abbreviations[] = {"TP", "Tp", "TX", "Tx", "TT", "Tt", NULL};
    if (w + 2 >= len || t[w] != '.' || t[w + 1] != ' ' || !is_upper_cp(next_cp(t, len, w + 2)))
        return 0;
    for (int k = 0; abbreviations[k]; k++)
        if (w - i == strlen(abbreviations[k]) && memcmp(t + i, abbreviations[k], w - i) == 0)
            return 1;
    return 0;
}

/* "Hội nghị lần thứ năm Ban Chấp hành Trung ương": "năm" after "thứ" is
 * the ordinal five, not the year that ends an issuer. */
static bool ordinal_five(const char *t, size_t len, size_t start, size_t i)
{
    if (!match_word_ci(t, len, i, "năm"))
        return false;
    size_t w = match_word_ci_before(t, skip_blanks_back(t, start, i), "thứ");
    return w != (size_t)-1 && w >= start;
}

/* Titles and roles that a spaced dash puts after a body ("của Chủ tịch UBND
 * tỉnh - Trưởng Ban Chỉ đạo"): the body's name ends at the dash. */
static word_list roles_after_dash = {.words = (const char *const[]){
    "trưởng", "phó", "chủ tịch", "bí thư", "giám đốc", "cơ quan", "thường trực", NULL
}};

/* A body's name goes on past the spaced dash before i: a capitalised word
 * that is no role follows ("Bộ Lao động - Thương binh và Xã hội", "Ban Kinh
 * tế - Ngân sách", "Bà Rịa - Vũng Tàu"). */
static bool name_goes_on_after_dash(const char *t, size_t len, size_t i)
{
    i = skip_spaces_fwd(t, len, i);
    size_t n;
    return is_upper_cp(next_cp(t, len, i)) && match_word_in_list(t, len, i, &roles_after_dash, &n) < 0;
}

/* The end of an abbreviation in brackets inside a body's name, "(UBND)" of
 * "của Ủy ban nhân dân (UBND) tỉnh": two to eight capitals, then a word;
 * i if none. */
static size_t abbreviation_in_brackets_end(const char *t, size_t len, size_t i)
{
    if (i >= len || t[i] != '(')
        return i;
    size_t k = i + 1;
    int capitals = 0, cp;
    while (k < len && capitals <= 8) {
        size_t n = vn_utf8_next(t + k, len - k, &cp);
        if (!is_upper_cp(cp))
            break;
        capitals++;
        k += n;
    }
    if (capitals < 2 || capitals > 8 || k >= len || t[k] != ')' || k + 2 >= len || t[k + 1] != ' ' ||
        !is_alnum_cp(next_cp(t, len, k + 2)))
        return i;
    return k + 1;
}

static size_t read_issuer(const char *t, size_t len, size_t i, draft *d)
{
    vn_citation *c = &d->c;
    size_t start = i, end = i, issuer_end = i;
    for (int words = 0; words < ISSUER_MAX_WORDS && i < len; words++) {
        i = words == 0 ? skip_to_issuer(t, len, i) : vn_cite_wrapped_line(t, len, skip_spaces_fwd(t, len, i));
        if (i >= len)
            break;
        size_t tl = read_term(t, len, i, c->term, sizeof c->term);
        if (tl) {               /* "của Bộ Chính trị khóa XI": the term ends it */
            end = i + tl;
            break;
        }
        if (words > 0 && (vn_cite_is_stop_word(t, len, i) || starts_type_word(t, len, i)) &&
            !and_within_name(t, len, i) && !ordinal_five(t, len, start, i))
            break;
        if (words > 0 && (t[i] | 0x20) == 'v' && i + 1 < len && t[i + 1] == '/' &&
            match_ci(t, len, i, "v/v"))
            break;              /* "của UBND tỉnh V/v triển khai …": "về việc" */
        if (t[i] == '-' && i + 1 < len && t[i + 1] == ' ' && !name_goes_on_after_dash(t, len, i + 1))
            break;              /* "Ban Dân vận Tỉnh ủy - cơ quan Thường trực …" */
        size_t w = words > 0 ? abbreviation_in_brackets_end(t, len, i) : i;
        if (w == i) {           /* a word of letters, digits, '&' and '-' */
            int cp;
            for (size_t n; w < len; w += n) {
                n = vn_utf8_next(t + w, len - w, &cp);
                if (!is_alnum_cp(cp) && cp != '&' && cp != '-')
                    break;
            }
        }
        if (w == i)
            break;
        w += place_abbreviation_dot(t, len, i, w);
        end = issuer_end = i = w;
    }
    issuer_end = footnote_mark_start(t, len, start, issuer_end);
    copy_trimmed(d->issuer, sizeof d->issuer, t + start, issuer_end - start);
    /* "của Bộ Chính trị (khóa VIII)" */
    size_t j = skip_blanks_fwd(t, len, end);
    if (!c->term[0] && j < len && t[j] == '(') {
        size_t tl = read_term(t, len, j + 1, c->term, sizeof c->term);
        if (tl && j + 1 + tl < len && t[j + 1 + tl] == ')')
            end = j + 2 + tl;
    }
    return end;
}

/* The end of one or two superscript digits at j (¹ ² ³, U+2070–U+2079), or
 * j. */
static size_t superscript_digits_end(const char *t, size_t len, size_t j)
{
    size_t k = j;
    for (int count = 0; count < 2; count++) {
        const unsigned char *u = (const unsigned char *)t + k;
        if (k + 1 < len && u[0] == 0xC2 && (u[1] == 0xB9 || u[1] == 0xB2 || u[1] == 0xB3))
            k += 2;
        else if (k + 2 < len && u[0] == 0xE2 && u[1] == 0x81 && (u[2] == 0xB0 || (u[2] >= 0xB4 && u[2] <= 0xB9)))
            k += 3;
        else
            break;
    }
    return k;
}

/* The end of a footnote mark at j, or 0: a number of one or two digits
 * (what the cleaner leaves of "<sup>1</sup>"), "[1]", "[^1]" or "(1)". */
static size_t footnote_mark_end(const char *t, size_t len, size_t j)
{
    size_t sup = superscript_digits_end(t, len, j);
    if (sup > j)
        return sup;         /* "12/QĐ-UBND¹": a converter kept the superscript */
    char close = j < len && t[j] == '[' ? ']' : j < len && t[j] == '(' ? ')' : 0;
    size_t k = j + (close != 0);
    if (close == ']' && k < len && t[k] == '^')
        k++;
    size_t digits = k;
    while (k < len && k - digits < 3 && vn_ascii_digit(t[k]))
        k++;
    if (k == digits || k - digits > 2)
        return 0;
    if (!close)
        return k;
    return k < len && t[k] == close ? k + 1 : 0;
}

static bool opens_quote(int cp)
{
    return cp == '"' || cp == 0x201C || cp == 0x2018 || cp == 0x00AB;
}

/* Length of the closing quote at t[i]: " ” ’ » (0 if none). */
static size_t closing_quote_len(const char *t, size_t len, size_t i)
{
    if (i < len && t[i] == '"')
        return 1;
    int cp;
    size_t n = i < len ? vn_utf8_next(t + i, len - i, &cp) : 0;
    return n && (cp == 0x201D || cp == 0x2019 || cp == 0x00BB) ? n : 0;
}

/* "năm 2022" (or, when bare_ok, "2022" alone: "Luật Đất đai 2013") right
 * after a name or a symbol: a year-precision date. */
size_t vn_cite_read_year(const char *t, size_t len, size_t i, bool bare_ok, vn_date_range *d)
{
    size_t j = skip_blanks_fwd(t, len, i);
    size_t n = match_word_ci(t, len, j, "năm");
    if (n)
        j = skip_blanks_fwd(t, len, j + n);
    else if (!bare_ok || (j = skip_spaces_fwd(t, len, i)) == i)   /* a bare year: on the same line */
        return 0;
    if (j + 4 > len)
        return 0;
    int y = 0;     /* four digits, read here: t need not end with a NUL */
    for (int k = 0; k < 4; k++) {
        if (!vn_ascii_digit(t[j + k]))
            return 0;
        y = y * 10 + (t[j + k] - '0');
    }
    if (j + 4 < len && vn_ascii_alnum(t[j + 4]))
        return 0;
    if (y < 1945 || y > 2099 || !vn_date_range_set(y, 0, 0, d))
        return 0;
    return j + 4 - i;
}

/* The verb an issue date may follow: "ban hành ngày …", "ký ngày …". */
static size_t issue_verb(const char *t, size_t len, size_t j)
{
    static const char *const verbs[] = {"ban hành ", "ký ban hành ", "ký ", "kí ", NULL};
    if (j >= len || ((t[j] | 0x20) != 'b' && (t[j] | 0x20) != 'k'))
        return 0;           /* asked at every place a date may follow */
    for (int k = 0; verbs[k]; k++) {
        size_t n = match_ci(t, len, j, verbs[k]);
        if (n && match_ci(t, len, j + n, "ngày"))
            return n;
    }
    return 0;
}

/* "ngày 14/8/2023", "ban hành ngày …", "ký ngày …", "ngay 14/8/2023" at j:
 * the end of the date read into *d, or 0. */
size_t vn_cite_read_date(const char *t, size_t len, size_t j, vn_date_range *d)
{
    bool ngay_written = match_ci(t, len, j, "ngày") != 0;
    size_t verb = ngay_written ? 0 : issue_verb(t, len, j);
    if (!ngay_written && !verb && !match_word_ci(t, len, j, "ngay"))
        return 0;
    size_t k = j + verb;
    size_t n = vn_date_scan(t + k, len - k, d);
    /* typed without diacritics: "ngay 14/8/2023", numbers only */
    size_t ngay = n ? 0 : match_word_ci(t, len, j, "ngay");
    size_t digits = ngay ? skip_spaces_fwd(t, len, j + ngay) : 0;
    if (ngay && digits < len && vn_ascii_digit(t[digits]) &&
        (n = vn_date_scan(t + digits, len - digits, d)) != 0)
        k = digits;
    return n ? k + n : 0;
}

/* "ngày 31/02/2021 của UBND tỉnh": a date that is no date is not the
 * citation's, but the issuer after it still is.  Where the issuer may
 * start (j when no such date is there). */
static size_t skip_impossible_date(const char *t, size_t len, size_t j)
{
    size_t w = match_word_ci(t, len, j, "ngày");
    if (!w)
        return j;
    size_t k = skip_spaces_fwd(t, len, j + w);
    size_t digits = k;
    while (k < len && (vn_ascii_digit(t[k]) || t[k] == '/' || t[k] == '-' || t[k] == '.'))
        k++;
    if (k - digits < 6 || !vn_ascii_digit(t[k - 1]))
        return j;
    k = skip_blanks_fwd(t, len, k);
    if (k < len && t[k] == ',')
        k = skip_blanks_fwd(t, len, k + 1);
    return match_word_ci(t, len, k, "của") ? k : j;
}

/* The date written after the issuer: "Quyết định số 1234/QĐ-UBND của UBND
 * tỉnh ngày 15/6/2021".  After a comma only when the date ends the clause
 * too: "…, ngày 15/6/2021 Sở đã tổ chức" dates what follows.  Returns the
 * new end (`end` if none). */
static size_t read_date_after_issuer(const char *t, size_t len, size_t end, vn_date_range *d)
{
    size_t j = skip_spaces_fwd(t, len, end);
    bool comma = j < len && t[j] == ',';
    if (comma)
        j = skip_spaces_fwd(t, len, j + 1);
    vn_date_range date;
    size_t n = vn_cite_read_date(t, len, j, &date);
    if (!n)
        return end;
    if (comma && !ends_clause(t, len, skip_spaces_fwd(t, len, n)))
        return end;
    *d = date;
    return n;
}

/* The Party's central bodies, which a citation names after its symbol or
 * its date without "của": "Nghị quyết số 27-NQ/TW ngày 09/11/2022 Hội nghị lần thứ
 * sáu Ban Chấp hành Trung ương Đảng khóa XIII".  A plenum or the Central
 * Committee is never the subject of the plan's own sentence, so a comma
 * may stand before them; the Politburo and the Secretariat only without
 * one ("…, Bộ Chính trị yêu cầu" is a sentence). */
static bool party_body_at(const char *t, size_t len, size_t j, bool comma)
{
    if (j >= len || (t[j] != 'H' && t[j] != 'B'))
        return false;
    if (match_ci(t, len, j, "hội nghị lần thứ") || match_ci(t, len, j, "hội nghị trung ương") ||
        match_ci(t, len, j, "hội nghị ban chấp hành") || match_ci(t, len, j, "ban chấp hành trung ương"))
        return true;
    return !comma && (match_word_ci(t, len, j, "bộ chính trị") || match_word_ci(t, len, j, "ban bí thư"));
}

/* After a symbol or name: [,] [(] ngày DATE [)] [,] [của ISSUER] (or a
 * Party body after the date: party_body_at). Returns the end of what was
 * read. */
size_t vn_cite_read_suffix(const char *t, size_t len, size_t i, draft *dr)
{
    vn_citation *c = &dr->c;
    size_t j = skip_blanks_fwd(t, len, i);
    /* a footnote mark between the symbol and its date or issuer */
    size_t mark = footnote_mark_end(t, len, j);
    if (mark && mark < len && (t[mark] == ' ' || t[mark] == ',')) {
        size_t after = skip_blanks_fwd(t, len, mark + (t[mark] == ','));
        if (match_ci(t, len, after, "ngày") || match_word_ci(t, len, after, "của"))
            j = skip_blanks_fwd(t, len, mark);
    }
    /* the citation quoted: "“Quyết định số 30/QĐ-UBND” ngày 03/02/2020"; a
     * quoted title that ends with a citation ("Kế hoạch “Triển khai Quyết
     * định số 12/QĐ-UBND” ngày …") is dated itself */
    size_t quote = closing_quote_len(t, len, j);
    if (quote && opens_quote(prev_cp(t, c->start))) {
        size_t after = skip_blanks_fwd(t, len, j + quote);
        if (after < len && (t[after] == ',' || match_ci(t, len, after, "ngày") ||
                            match_word_ci(t, len, after, "của")))
            j = after;
    }
    char opener = j < len && (t[j] == ',' || t[j] == '(' || t[j] == '|') ? t[j] : 0;
    if (opener)
        j = skip_blanks_fwd(t, len, j + 1);
    else if (j > i && memchr(t + i, '\n', j - i))
        opener = '\n';     /* the symbol ends its line: a table's cell, as the cleaner leaves a row */
    size_t end = i;
    size_t n = vn_cite_read_date(t, len, j, &c->date);
    if (!n && opener && j < len && vn_ascii_digit(t[j])) {
        /* a whole date alone, in brackets, after a comma or in the next
         * cell of a table: "Quyết định số 211/QĐ-UBND (05/9/2016)", "số
         * 212/QĐ-UBND, 05/9/2016 của …", "| số 213/QĐ-UBND | 05/9/2016 |";
         * not the next symbol ("…, 01/2024/QĐ-UBND") or a range */
        vn_date_range d;
        size_t dl = vn_date_scan(t + j, len - j, &d);
        size_t after = opener == '\n' ? skip_spaces_fwd(t, len, j + dl) : skip_blanks_fwd(t, len, j + dl);
        char next = after < len ? t[after] : '\0';   /* '\0': the text ends */
        bool closed = opener == '(' ? next == ')'
                    : opener == '|' ? next == '|'
                    : opener == '\n' ? next == '\0' || next == '\n' || next == '\r'
                    : next == '\0' || next == ';' || next == ',' || next == '.' || next == '\n' ||
                          match_word_ci(t, len, after, "của");
        if (dl && d.precision == VN_DATE_DAY && closed) {
            c->date = d;
            n = j + dl;
        }
    }
    /* "Nghị quyết số 01/NQ-CP năm 2024": a symbol without a year has one
     * every year, and the year written after it tells them apart */
    if (!n && !c->has_year && (n = vn_cite_read_year(t, len, j, false, &c->date)) != 0)
        n += j;
    bool comma = false;
    if (n) {
        end = n;
        j = skip_blanks_fwd(t, len, end);
        if (j < len && t[j] == ')')
            j = skip_blanks_fwd(t, len, ++j);
        if (j < len && t[j] == ',') {
            j = skip_blanks_fwd(t, len, j + 1);
            comma = true;
        }
    } else {
        j = skip_impossible_date(t, len, j);
        comma = opener == ',';
    }
    size_t cua = match_word_ci(t, len, j, "của");
    if (!cua && match_word_ci(t, len, j, "cua") && is_upper_cp(next_cp(t, len, j + 4)))
        cua = 3;    /* "cua Chinh phu": typed without diacritics */
    if (!cua && party_body_at(t, len, j, comma)) {
        size_t e = read_issuer(t, len, j, dr);
        if (dr->issuer[0])
            end = n ? e : read_date_after_issuer(t, len, e, &c->date);
    } else if (cua) {
        size_t e = read_issuer(t, len, j + cua, dr);
        if (dr->issuer[0])
            end = e;
        if (dr->issuer[0] && !n)
            end = read_date_after_issuer(t, len, end, &c->date);
    }
    return end;
}
