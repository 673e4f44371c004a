/*
 * lint_stale_year.c — the stale-year rule (docs/LINT.md): a deadline or
 * schedule in a year before the document's own year, read from the
 * document's text ("hoàn thành trước ngày 10/4/2023" in a plan of 2024).
 */
#include <stdio.h>
#include <stdlib.h>

#include "../common/ascii.h"
#include "lint_parts.h"

/* A date this close after a citation with the same date is its issue date. */
#define CITED_DATE_WINDOW 200
/* How far back a "quý"/"tháng" may stand before the "năm YYYY" it schedules. */
#define PERIOD_CUE_WINDOW 48
/* How far past a scheduled date a retrospective word is looked for. */
#define RETRO_AFTER_BYTES 60

/* ASCII case-insensitive comparison; other bytes exact, except Đ/đ. */
static bool ci_equal(const char *text, const char *word, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char a = (unsigned char)text[i], b = (unsigned char)word[i];
        if (a >= 'A' && a <= 'Z')
            a = (unsigned char)(a - 'A' + 'a');
        /* Đ is c4 90, đ is c4 91 */
        if (a == 0x90 && i > 0 && (unsigned char)text[i - 1] == 0xc4)
            a = 0x91;
        if (a != b)
            return false;
    }
    return true;
}

/* Does `word` (lower case) stand at text[pos] as a whole word? */
static bool word_at(const char *s, size_t len, size_t pos, const char *word)
{
    size_t n = strlen(word);
    return pos + n <= len && ci_equal(s + pos, word, n) &&
           (pos == 0 || !lint_is_word_byte((unsigned char)s[pos - 1])) &&
           (pos + n == len || !lint_is_word_byte((unsigned char)s[pos + n]));
}

/* Does `word` end right before pos (spaces between allowed)?  Sets *start. */
static bool word_before(const char *s, size_t pos, const char *word, size_t *start)
{
    size_t p = pos, n = strlen(word);
    while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t'))
        p--;
    if (p < n || !ci_equal(s + p - n, word, n) ||
        (p > n && lint_is_word_byte((unsigned char)s[p - n - 1])))
        return false;
    *start = p - n;
    return true;
}

/* Words that put a date on a deadline or a schedule when they precede it. */
static const char *const deadline_cues[] = {
    "chậm nhất là", "chậm nhất", "hạn chót", "hạn cuối", "thời hạn", "hoàn thành trước",
    "trước", "đến", "trong", "hạn", NULL,
};

static bool cue_before(const char *s, size_t pos, size_t *start)
{
    for (size_t i = 0; deadline_cues[i]; i++)
        if (word_before(s, pos, deadline_cues[i], start))
            return true;
    return false;
}

/* Start of the clause holding pos: after the last line break, ';' or
 * sentence-ending ". " before it. */
static size_t clause_start(const char *s, size_t pos)
{
    while (pos > 0) {
        char ch = s[pos - 1];
        if (ch == '\n' || ch == ';' || (ch == '.' && (s[pos] == ' ' || s[pos] == '\n')))
            break;
        pos--;
    }
    return pos;
}

static size_t clause_end(const char *s, size_t len, size_t pos)
{
    while (pos < len && s[pos] != '\n' && s[pos] != ';' &&
           !(s[pos] == '.' && (pos + 1 == len || s[pos + 1] == ' ' || s[pos + 1] == '\n')))
        pos++;
    return pos;
}

/* Words that make a past date a report of what happened, not a schedule. */
static const char *const retrospective_words[] = {
    "đã", "kết quả", "tổng kết", "sơ kết", "hiệu lực", "cùng kỳ", "so với", "tính đến",
    "tính từ", "giai đoạn", "năm trước", NULL,
};

static bool has_word(const char *s, size_t len, size_t from, size_t to, const char *word)
{
    for (size_t p = from; p < to; p++)
        if (word_at(s, len, p, word))
            return true;
    return false;
}

static bool retrospective(const char *s, size_t len, size_t from, size_t to)
{
    for (size_t p = from; p < to; p++) {
        if (p > 0 && lint_is_word_byte((unsigned char)s[p - 1]))
            continue;
        for (size_t i = 0; retrospective_words[i]; i++)
            if (word_at(s, len, p, retrospective_words[i]))
                return true;
    }
    return false;
}

/* Four digits at s[p] not followed by a fifth: the year, else 0. */
static int year_at(const char *s, size_t len, size_t p)
{
    if (p + 4 > len)
        return 0;
    for (size_t i = 0; i < 4; i++)
        if (s[p + i] < '0' || s[p + i] > '9')
            return 0;
    if (p + 4 < len && s[p + 4] >= '0' && s[p + 4] <= '9')
        return 0;
    return atoi((char[5]){s[p], s[p + 1], s[p + 2], s[p + 3], '\0'});
}

/* "2021-2025", "2023 – 2025", "2023 đến 2025": a period reaching later years. */
static bool range_follows(const char *s, size_t len, size_t p, int min_year)
{
    while (p < len && s[p] == ' ')
        p++;
    if (p < len && s[p] == '-')
        p++;
    else if (p + 3 <= len && memcmp(s + p, "\xe2\x80\x93", 3) == 0)
        p += 3;
    else if (word_at(s, len, p, "đến"))
        p += strlen("đến");
    else
        return false;
    while (p < len && s[p] == ' ')
        p++;
    if (word_at(s, len, p, "năm"))
        p += strlen("năm");
    while (p < len && s[p] == ' ')
        p++;
    return year_at(s, len, p) >= min_year;
}

/* Can a date, "năm YYYY", "quý …/YYYY" or "tháng …/YYYY" start with this
 * byte?  Every form rule_stale_year reads starts with a digit or with n
 * (ngày, năm), t (tháng) or q (quý) in either case; other bytes are passed
 * without trying each reader. */
static bool may_start_date(char c)
{
    unsigned char lower = (unsigned char)c | 0x20;
    return (c >= '0' && c <= '9') || lower == 'n' || lower == 't' || lower == 'q';
}

/* "quý IV/2023", "tháng 5/2023": the year's offset, else 0. */
static size_t period_slash_year(const char *s, size_t len, size_t p)
{
    size_t q = p;
    if (word_at(s, len, q, "quý"))
        q += strlen("quý");
    else if (word_at(s, len, q, "tháng"))
        q += strlen("tháng");
    else
        return 0;
    while (q < len && s[q] == ' ')
        q++;
    size_t mark = q;
    while (q < len && (s[q] == 'I' || s[q] == 'V' || (s[q] >= '0' && s[q] <= '9')))
        q++;
    if (q == mark || q - mark > 4)
        return 0;
    while (q < len && s[q] == ' ')
        q++;
    if (q >= len || s[q] != '/')
        return 0;
    q++;
    while (q < len && s[q] == ' ')
        q++;
    return year_at(s, len, q) ? q : 0;
}

/* A "quý"/"tháng" shortly before pos in the same clause: "Quý I và quý II,
 * năm 2023".  Sets *start to the first such word. */
static bool period_before(const char *s, size_t len, size_t pos, size_t from, size_t *start)
{
    size_t lo = pos > PERIOD_CUE_WINDOW ? pos - PERIOD_CUE_WINDOW : 0;
    if (lo < from)
        lo = from;
    for (size_t p = lo; p < pos; p++)
        if (word_at(s, len, p, "quý") || word_at(s, len, p, "tháng") ||
            word_at(s, len, p, "cuối") || word_at(s, len, p, "đầu")) {
            *start = p;
            return true;
        }
    return false;
}

/* A citation span of the document, in text offsets, with its cited date. */
typedef struct span {
    size_t start, end;
    const vn_date_range *date;
} span;

/* Is [start,end) inside a citation, or the issue date written just after
 * one ("Nghị định số 59/2023/NĐ-CP, ngày 14/8/2023 …")? */
static bool citation_date(const span *spans, size_t n, size_t start, const vn_date_range *r)
{
    for (size_t i = 0; i < n; i++) {
        if (start >= spans[i].start && start < spans[i].end)
            return true;
        if (r && spans[i].date->precision != VN_DATE_NONE && start >= spans[i].end &&
            start <= spans[i].end + CITED_DATE_WINDOW && vn_date_range_same(spans[i].date, r))
            return true;
    }
    return false;
}

void lint_rule_stale_year(lint *L, size_t d)
{
    const vn_corpus_doc *doc = L->doc;
    vn_date_range own;
    /* a report (báo cáo) looks back by nature: its past dates are its subject */
    if (!lint_own_date(doc, &own) || strcmp(doc->meta.type_word, "Báo cáo") == 0)
        return;
    const vn_doctext *dt = lint_doc_text(L, d);
    if (!dt)
        return;
    int doc_year = own.first.year;
    span *spans = calloc(doc->cite_count ? doc->cite_count : 1, sizeof *spans);
    if (!spans) {
        L->nomem = true;
        return;
    }
    for (size_t k = 0; k < doc->cite_count; k++) {
        const vn_corpus_cite *ci = &doc->cites[k];
        spans[k] = (span){lint_text_offset_of(dt, (size_t)ci->start),
                          lint_text_offset_of(dt, (size_t)ci->end), &ci->c.date};
    }
    const char *s = dt->text;
    size_t len = dt->len;
    for (size_t i = 0; i < len;) {
        if (!may_start_date(s[i]) || (i > 0 && lint_is_word_byte((unsigned char)s[i - 1]))) {
            i++;
            continue;
        }
        vn_date_range r;
        size_t end = 0, cue = 0;
        int year = 0;
        bool scheduled = false;
        size_t n = vn_date_scan(s + i, len - i, &r);
        size_t slash;
        if (n > 0) {
            end = i + n;
            year = r.last.year;
            scheduled = cue_before(s, i, &cue);
        } else if (word_at(s, len, i, "năm")) {
            size_t p = i + strlen("năm");
            while (p < len && s[p] == ' ')
                p++;
            if ((year = year_at(s, len, p)) != 0) {
                end = p + 4;
                vn_date_range_set(year, 0, 0, &r);
                scheduled = word_before(s, i, "trong", &cue) ||
                            period_before(s, len, i, clause_start(s, i), &cue);
            }
        } else if ((slash = period_slash_year(s, len, i)) != 0) {
            year = year_at(s, len, slash);
            end = slash + 4;
            vn_date_range_set(year, 0, 0, &r);
            cue = i;
            scheduled = true;
        }
        if (!end) {
            i++;
            continue;
        }
        if (scheduled && year > 0 && year < doc_year && !range_follows(s, len, end, doc_year) &&
            !citation_date(spans, doc->cite_count, i, n > 0 ? &r : NULL)) {
            size_t from = clause_start(s, cue);
            size_t to = clause_end(s, len, end);
            if (to > end + RETRO_AFTER_BYTES)
                to = end + RETRO_AFTER_BYTES;
            /* "từ ngày 01/01/2023 đến ngày 31/12/2023": a period looked back on */
            bool period_end = word_at(s, len, cue, "đến") && has_word(s, len, from, cue, "từ");
            if (!period_end && !retrospective(s, len, from, to)) {
                vn_filepos pos = vn_doctext_filepos(dt, cue);
                char own_text[16];
                lint_add(L, VN_LINT_STALE_YEAR, VN_LINT_WARNING, d, pos.line, pos.column, pos.byte,
                    lint_one_line(s + cue, end - cue),
                    lint_format("check the year: probably %d (left over from an earlier plan?)",
                           doc_year),
                    "a deadline or schedule in %d, before the year of this document (%s)", year,
                    lint_show_date(&own, own_text));
            }
        }
        i = end;
    }
    free(spans);
}
