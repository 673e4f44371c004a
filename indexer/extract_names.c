/*
 * extract_names.c — name-only references (extract_parts.h): "Luật Tiếp công
 * dân", "Bộ luật Lao động", "Hiến pháp … năm 1992", amending laws, cut by the
 * registry's aliases where they fit and by the stop-word rule otherwise.
 */
#include "extract_parts.h"

#include <stdio.h>

#define NAME_MAX_WORDS 16

static word_list name_openers = {.words = (const char *const[]){
    "bộ luật", "luật", "pháp lệnh", "hiến pháp", NULL
}};

/* Longest alias (any citing date) that starts at t[i]; returns its length. */
static size_t alias_extent(const vn_registry *reg, const char *t, size_t len, size_t i)
{
    if (!reg)
        return 0;
    size_t best = 0;
    /* aliases went through utf8proc, so they are valid UTF-8 and their
     * first byte is the lead byte of their first character */
    unsigned char lead = lowered_lead_byte(t, len, i);
    for (size_t a = 0; a < reg->alias_count; a++) {
        if ((unsigned char)reg->aliases[a].folded[0] != lead)
            continue;
        size_t n = match_ci(t, len, i, reg->aliases[a].folded);
        if (n > best && !is_alnum_cp(next_cp(t, len, i + n)))
            best = n;
    }
    return best;
}

/* What follows ", " inside a law's name ("Luật Phổ biến, giáo dục pháp
 * luật", "Luật Thi đua, khen thưởng"); after any other comma the name has
 * ended ("Luật Đầu tư, trừ các trường hợp …").  From the laws' own titles. */
static word_list second_halves = {.words = (const char *const[]){
    "chống", "công chức", "sử dụng", "trưng dụng", "thuế", "viên chức", "tố cáo",
    "giáo dục pháp luật", "khen thưởng", "chăm sóc", "tôn giáo", "đối thoại",
    "an toàn giao thông", "thể thao", "vệ sinh lao động", "môi trường biển", "hàng hóa",
    "hàng hoá", "chữa bệnh", "tạm giam", "bia", "nhập cảnh", "xuất cảnh", "quá cảnh",
    "cư trú", "vật liệu nổ", "kinh doanh tại doanh nghiệp", NULL
}};

/* What follows " và " inside a law's name ("Luật Hôn nhân và gia đình",
 * "Luật Khoa học và công nghệ"); "và" is otherwise a stop word. */
static word_list and_halves = {.words = (const char *const[]){
    "gia đình", "công nghệ", "phát triển rừng", "bản đồ", "quy chuẩn kỹ thuật",
    "chữa cháy", "giáo dục trẻ em", "kiểm dịch thực vật", "hải đảo", "công cụ hỗ trợ",
    "vừa", "an ninh trật tự", NULL
}};

/*
 * Titles the stop-word rule below would cut ("Luật Các tổ chức tín dụng" at
 * "tổ chức", "Pháp lệnh Thực hiện dân chủ ở xã, phường, thị trấn" at the
 * comma, "Luật Tần số vô tuyến điện" at "số"), read whole when written so,
 * even when the registry does not know them.  From the laws' own titles
 * (shared/laws) and the laws and ordinances plans cite most.
 */
static word_list titles_past_the_rule = {.words = (const char *const[]){
    "luật các tổ chức tín dụng",
    "luật bầu cử đại biểu quốc hội và đại biểu hội đồng nhân dân",
    "luật hoạt động giám sát của quốc hội và hội đồng nhân dân",
    "luật tổ chức hội đồng nhân dân và ủy ban nhân dân",
    "luật tổ chức hội đồng nhân dân và uỷ ban nhân dân",
    "luật ký kết, gia nhập và thực hiện điều ước quốc tế",
    "luật người lao động việt nam đi làm việc ở nước ngoài theo hợp đồng",
    "luật phòng, chống nhiễm vi rút gây ra hội chứng suy giảm miễn dịch mắc phải ở người (hiv/aids)",
    "luật hiến, lấy, ghép mô, bộ phận cơ thể người và hiến, lấy xác",
    "luật đầu tư theo phương thức đối tác công tư",
    "luật lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở",
    "luật hòa giải, đối thoại tại tòa án",
    "luật nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại việt nam",
    "luật giáo dục quốc phòng và an ninh",
    "luật tần số vô tuyến điện",
    "luật sử dụng năng lượng tiết kiệm và hiệu quả",
    "luật phí và lệ phí",
    "pháp lệnh ưu đãi người có công với cách mạng",
    "pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn",
    NULL
}};

static bool comma_pair_continues(const char *t, size_t len, size_t i)
{
    size_t n;
    return match_word_in_list(t, len, i, &second_halves, &n) >= 0;
}

/* Generic name: opener + words whose first is capitalised, up to a stop
 * word or punctuation ("Luật Tổ chức chính quyền địa phương ngày …"). */
static size_t generic_name_extent(const char *t, size_t len, size_t i, size_t opener_len,
                                  bool opener_alone_ok, bool lowercase_ok)
{
    size_t j = skip_blanks_fwd(t, len, i + opener_len);
    /* "Bộ luật lao động" is always a code's name; after "Luật" a lowercase
     * word is usually prose ("Luật này"), so only the registry's aliases
     * catch names written in lowercase there */
    if (!is_upper_cp(next_cp(t, len, j)) && !(lowercase_ok && !vn_cite_is_stop_word(t, len, j) &&
                                                is_alnum_cp(next_cp(t, len, j))))
        return opener_alone_ok ? opener_len : 0;
    size_t end = i + opener_len;
    for (int words = 0; words < NAME_MAX_WORDS && j < len; words++) {
        if (words > 0 && vn_cite_is_stop_word(t, len, j))
            break;
        size_t w = word_end(t, len, j);
        /* a number is not a word of a name: a footnote's ("Luật Đất
         * đai<sup>2</sup>" is cleaned to "Luật Đất đai 2") or a year */
        size_t digits = j;
        while (digits < w && vn_ascii_digit(t[digits]))
            digits++;
        if (w == j || digits == w)
            break;
        end = w;
        /* "Luật Phòng, chống tham nhũng", "Luật Cán bộ, công chức": law names
         * that pair two words with a comma; any other comma ends the name */
        if (w + 2 < len && t[w] == ',' && t[w + 1] == ' ' && comma_pair_continues(t, len, w + 2)) {
            j = w + 2;
            continue;
        }
        size_t va = w + 1 < len && t[w] == ' ' ? match_word_ci(t, len, w + 1, "và") : 0;
        size_t pair_len;
        if (va && w + 1 + va < len && t[w + 1 + va] == ' ' &&
            match_word_in_list(t, len, w + 2 + va, &and_halves, &pair_len) >= 0) {
            j = w + 2 + va;
            continue;
        }
        size_t next = vn_cite_wrapped_line(t, len, skip_spaces_fwd(t, len, w));
        if (next == w || next >= len || t[next] == '\n')
            break;
        j = next;       /* justified text ("Luật   Đất   đai"), a wrapped line */
    }
    return end - i;
}


/* "nước Cộng hòa xã hội chủ nghĩa Việt Nam" after "Hiến pháp": the
 * constitution's full title, between the name and its year ("… năm 1992"). */
static size_t country_title_len(const char *t, size_t len, size_t i)
{
    size_t j = skip_blanks_fwd(t, len, i);
    size_t n = match_word_ci(t, len, j, "nước cộng hòa xã hội chủ nghĩa việt nam");
    if (!n)
        n = match_word_ci(t, len, j, "nước cộng hoà xã hội chủ nghĩa việt nam");
    return n ? j + n - i : 0;
}

static vn_status push_name(vn_extract_result *r, const char *t, size_t len,
                           size_t start, size_t name_start, size_t name_end,
                           const char *name_override, const vn_pinpoint *pp,
                           const char *type_word, size_t *out_end)
{
    draft d;
    vn_cite_draft_init(&d);
    d.c.kind = VN_CITE_NAME;
    d.c.start = start;
    d.c.symbol_start = name_start;
    d.c.symbol_end = name_end;
    copy_str(d.c.type_word, sizeof d.c.type_word, type_word);
    if (name_override)
        copy_str(d.name, sizeof d.name, name_override);
    else
        copy_trimmed(d.name, sizeof d.name, t + name_start, name_end - name_start);
    if (pp)
        d.c.pinpoint = *pp;
    size_t end = name_end;
    size_t tail = name_end;
    if (strcmp(type_word, "Hiến pháp") == 0)
        tail += country_title_len(t, len, name_end);
    size_t yl = vn_cite_read_year(t, len, tail, true, &d.c.date);
    if (yl)
        end = tail + yl;
    else
        end = vn_cite_read_suffix(t, len, name_end, &d);
    d.c.end = name_end;
    *out_end = end;
    return vn_citation_list_push(&r->citations, &d.c);
}

/* A date, a number or a year starts at w: what follows a name, not part of it. */
static bool name_tail_starts(const char *t, size_t len, size_t w)
{
    if (match_word_ci(t, len, w, "ngày") || match_word_ci(t, len, w, "số"))
        return true;
    size_t nam = match_word_ci(t, len, w, "năm");
    size_t y = nam ? skip_spaces_fwd(t, len, w + nam) : w;
    return nam && y < len && vn_ascii_digit(t[y]);
}

/*
 * What an amending law is named after, from k (just after "của") to `limit`:
 * the laws "Luật X, Luật Y … và Luật Z", each opener right after "của", a
 * comma or "và", the words between them included ("Luật Đầu tư theo phương
 * thức đối tác công tư và Luật Đấu thầu"); with no law named there, the
 * words up to a comma ("37 luật có liên quan đến quy hoạch").  Stops at a
 * date, a number or other punctuation.  Returns the end (k if nothing).
 */
static size_t amended_laws_end(const char *t, size_t len, size_t k, size_t limit)
{
    size_t end = k;
    bool law_seen = false, joined = true;
    for (size_t w = k; w < limit && !name_tail_starts(t, len, w);) {
        size_t ol, e = w;
        int which = joined ? match_word_in_list(t, len, w, &name_openers, &ol) : -1;
        size_t n = which >= 0 && which != 3 && is_upper_cp(next_cp(t, len, w))
                       ? generic_name_extent(t, len, w, ol, false, which == 0)
                       : 0;
        if (n) {
            end = e = w + n;
            law_seen = true;
            joined = false;
        } else {
            e = word_end(t, limit, w);
            if (e == w)
                break;
            if (!law_seen)
                end = e;
            joined = match_word_ci(t, len, w, "và") == e - w;
        }
        if (e < limit && t[e] == ',') {
            if (!law_seen)
                break;
            joined = true;
            e++;
        }
        if (e >= limit || t[e] != ' ')
            break;
        w = skip_spaces_fwd(t, len, e);
    }
    return end;
}

/*
 * "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ
 * chức chính quyền địa phương ngày 22 tháng 11 năm 2019": an amending law
 * is an instrument of its own, named after the laws it amends, and the
 * date is its own, not theirs.  The name runs from the opener through what
 * follows the first "của" (amended_laws_end).  0 when no "của" comes
 * before the clause ends: prose ("Luật sửa đổi lần này").  `after` is where
 * "sửa đổi" starts.
 */
#define AMENDING_NAME_MAX_BYTES 400

static size_t amending_name_extent(const char *t, size_t len, size_t i, size_t after)
{
    size_t limit = len - i > AMENDING_NAME_MAX_BYTES ? i + AMENDING_NAME_MAX_BYTES : len;
    for (size_t j = after; j < limit; j++) {
        unsigned char ch = (unsigned char)t[j];
        if (ch == ';' || ch == '.' || ch == '\n' || ch == '(' || ch == ':')
            return 0;
        size_t cua = t[j - 1] == ' ' ? match_word_ci(t, len, j, "của") : 0;
        if (cua) {
            size_t end = amended_laws_end(t, len, skip_spaces_fwd(t, len, j + cua), limit);
            return end > j + cua ? end - i : 0;
        }
    }
    return 0;
}

/* At t[i] an opener word may start a name-only reference. Returns bytes
 * consumed (0 if none). */
size_t vn_cite_scan_name(const char *t, size_t len, size_t i, const vn_registry *reg,
                        vn_extract_result *r, vn_status *st)
{
    static const char *const canonical[] = {"Bộ luật", "Luật", "Pháp lệnh", "Hiến pháp"};
    size_t ol = 0;
    int which = match_word_in_list(t, len, i, &name_openers, &ol);
    /* "Luật", not "LUẬT": a heading in capitals is a title, not a reference */
    if (which < 0 || !is_upper_cp(next_cp(t, len, i)) || is_upper_cp(next_cp(t, len, i + 1)))
        return 0;
    /* "pháp Luật", "Luật sư" are not references */
    size_t before = skip_blanks_back(t, 0, i);
    if (match_word_ci_before(t, before, "pháp") != (size_t)-1)
        return 0;
    size_t after = skip_blanks_fwd(t, len, i + ol);
    if (match_word_ci(t, len, after, "số") || match_word_ci(t, len, after, "sư") ||
        (after < len && vn_ascii_digit(t[after])))
        return 0;

    size_t n = alias_extent(reg, t, len, i);
    if (n == 0)
        match_word_in_list(t, len, i, &titles_past_the_rule, &n);
    bool amending = false;
    if (n == 0 && which != 3 && match_word_ci(t, len, after, "sửa đổi"))
        amending = (n = amending_name_extent(t, len, i, after)) != 0;
    if (n == 0)
        n = generic_name_extent(t, len, i, ol, which == 3, which == 0);
    if (n == 0)
        return 0;
    vn_pinpoint pp;
    memset(&pp, 0, sizeof pp);
    size_t start = vn_cite_read_pinpoint(t, i, &pp);
    size_t end;
    *st = push_name(r, t, len, start, i, i + n, NULL, &pp, canonical[which], &end);
    if (*st != VN_OK)
        return end - i;

    /* "Luật Khiếu nại, tố cáo" / "Luật Tiếp công dân và Khiếu nại": a second
     * law named with its opener elided, recognised only through an alias. */
    size_t j = skip_blanks_fwd(t, len, i + n);
    if (j < len && t[j] == ',')
        j = skip_blanks_fwd(t, len, j + 1);
    else if (match_word_ci(t, len, j, "và"))
        j = skip_blanks_fwd(t, len, j + match_word_ci(t, len, j, "và"));
    if (reg && !amending && j < len && j > i + n && !match_word_ci(t, len, j, "luật") &&
        !match_word_ci(t, len, j, "bộ")) {
        char buf[200];
        int pre = snprintf(buf, sizeof buf, "%s ", canonical[which]);
        size_t take = len - j < sizeof buf - (size_t)pre - 1 ? len - j : sizeof buf - (size_t)pre - 1;
        while (take > 0 && ((unsigned char)t[j + take] & 0xC0) == 0x80)
            take--;   /* keep whole characters */
        memcpy(buf + pre, t + j, take);
        buf[(size_t)pre + take] = '\0';
        size_t m = alias_extent(reg, buf, (size_t)pre + take, 0);
        if (m > (size_t)pre) {
            char name[VN_CITE_TEXT_MAX];
            copy_trimmed(name, sizeof name, buf, m);
            size_t end2;
            *st = push_name(r, t, len, j, j, j + m - (size_t)pre, name, NULL,
                            canonical[which], &end2);
            return end2 - i;
        }
    }
    return end - i;
}
