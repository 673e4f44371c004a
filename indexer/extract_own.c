/*
 * extract_own.c — the document's own number (extract_parts.h): "Số
 * 150-KH/ĐU" on a header line, "Luật số: 91/2015/QH13", a portal's "Số
 * hiệu:", a draft's blank "Số: /KH-SCT"; metadata, never a citation.
 */
#include "extract_parts.h"

#define OWN_NUMBER_ZONE 6000

/* Only blanks and markup between the line start and `at`. */
static bool line_starts_at(const char *t, size_t at)
{
    while (at > 0 && (t[at - 1] == ' ' || t[at - 1] == '\t' || t[at - 1] == '*' || t[at - 1] == '#'))
        at--;
    return at == 0 || t[at - 1] == '\n';
}

/* The symbol [pos, end) ends its line, or a table gap (tab, two spaces) follows. */
static bool ends_header_cell(const char *t, size_t len, size_t end)
{
    size_t k = end;
    while (k < len && (t[k] == ' ' || t[k] == '*'))
        k++;
    return k == len || t[k] == '\n' || t[k] == '\r' || t[k] == '\t' || k - end >= 2;
}

/*
 * A header line "Số 150-KH/ĐU" / "Số: /KH-SCT": only blanks, markup and the
 * word "Số" stand between the line start and the symbol.  Laws and
 * resolutions write their own number as "Luật số: 91/2015/QH13", "Bộ luật
 * số: 45/2019/QH14", "Nghị quyết số: …": a type word may precede "số" when
 * a colon follows it and the symbol then ends the line (or its table cell),
 * which a body sentence starting with a citation ("Luật số 10/2022/QH15
 * quy định …", "Kết luận số 120-KL/TW") does not.
 */
bool vn_cite_own_number_context(const char *t, size_t len, size_t pos, size_t end)
{
    if (pos > OWN_NUMBER_ZONE)
        return false;
    size_t i = pos;
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == ':'))
        i--;
    bool colon = i < pos && memchr(t + i, ':', pos - i) != NULL;
    /* "Số hiệu: 33/KH-BCĐ": the number as a portal's record of the text gives it */
    size_t so_hieu = match_word_ci_before(t, i, "số hiệu");
    if (so_hieu != (size_t)-1)
        return colon && line_starts_at(t, so_hieu);
    size_t so = match_word_ci_before(t, i, "số");
    if (so == (size_t)-1)
        return false;
    if (line_starts_at(t, so))
        return true;
    if (!colon)
        return false;   /* "Kết luận số 120-KL/TW" opening a line is a citation */
    size_t w = so;
    while (w > 0 && (t[w - 1] == ' ' || t[w - 1] == '\t'))
        w--;
    size_t word_start = 0;
    if (w == so || !vn_type_word_ending_at(t, w, &word_start))
        return false;
    return line_starts_at(t, word_start) && ends_header_cell(t, len, end);
}

/* Finds a blank own number "Số: /KH-SCT" or "Số    -KH/BCĐ" (drafts leave the
 * number empty) in the header; such a line has no digit to anchor on. */
void vn_cite_find_blank_own_number(const char *t, size_t len, vn_extract_result *r)
{
    size_t limit = len < OWN_NUMBER_ZONE ? len : OWN_NUMBER_ZONE;
    for (size_t i = 0; i < limit; i++) {
        if (i > 0 && t[i - 1] != '\n')
            continue;
        size_t j = i;
        while (j < limit && (t[j] == ' ' || t[j] == '\t' || t[j] == '*'))
            j++;
        size_t n = match_word_ci(t, len, j, "số");
        if (!n)
            continue;
        j += n;
        while (j < limit && (t[j] == ' ' || t[j] == '\t' || t[j] == ':'))
            j++;
        if (j >= limit || (t[j] != '/' && t[j] != '-'))
            continue;
        /* Reuse the symbol scanner by pretending the number is "0". */
        char buf[VN_SYMBOL_MAX + 8] = "0";
        size_t take = len - j < sizeof buf - 2 ? len - j : sizeof buf - 2;
        memcpy(buf + 1, t + j, take);
        vn_symbol s;
        size_t sn = vn_symbol_scan(buf, take + 1, NULL, true, &s);
        if (sn == 0)
            continue;
        s.number[0] = '\0';
        /* Word merges the "DỰ THẢO" text box into the symbol: "-KH/BCĐDỰ THẢO" */
        char *last = s.codes[s.code_count - 1];
        size_t ll = strlen(last);
        if (ll > strlen("DỰ") && strcmp(last + ll - strlen("DỰ"), "DỰ") == 0 &&
            match_ci(t, len, j + sn - 1, " thảo")) {
            last[ll - strlen("DỰ")] = '\0';
            sn -= strlen("DỰ");
        }
        vn_symbol_format(&s, r->own_number);
        r->has_own_number = true;
        r->own_start = j;
        r->own_end = j + sn - 1;
        return;
    }
}
