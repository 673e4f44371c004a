/*
 * lint_compare.c — the rules that compare one document's citations with
 * every other document's: matches-other-instrument (a date that is another
 * instrument's) and conflicting-dates (one symbol cited with two dates).
 *
 * The first visit of a corpus keeps each dated citation with a symbol
 * (lint_collect_doc); lint_build_indexes then sorts them by symbol and by
 * day, and the rules look a citation's peers up there.  Where a rule needs
 * a second sign, it compares the citations' subjects ("… về <subject>"),
 * read from the texts only when asked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/fnv.h"
#include "../common/grow.h"
#include "../common/permute.h"
#include "../common/text.h"
#include "lint_parts.h"

/* How far after a citation its "của X về <subject>" may start, and how long
 * a subject is read; plans put the date and issuer between. */
#define SUBJECT_GAP_BYTES 240
#define SUBJECT_MAX_BYTES 400
/* Two subjects are the same when they share this many syllables and this
 * share (in tenths) of the longer one's. */
#define SUBJECT_MIN_COMMON 5
#define SUBJECT_MIN_TENTHS 7

/* ---- dates and symbols ----------------------------------------------------------------- */

/* A date as one number that orders as vn_date_cmp does: yyyymmdd. */
static uint32_t packed_date(vn_date d)
{
    return (uint32_t)d.year * 10000u + (uint32_t)d.month * 100u + (uint32_t)d.day;
}

static bool packs(vn_date d)
{
    return d.year >= 0 && d.year <= 99999 && d.month >= 0 && d.month <= 99 && d.day >= 0 &&
           d.day <= 99;
}

static vn_date unpacked_date(uint32_t v)
{
    return (vn_date){(int)(v / 10000), (int)(v / 100 % 100), (int)(v % 100)};
}

/* The date of a dated citation, as a range. */
static vn_date_range range_of(const dated_cite *o)
{
    return (vn_date_range){unpacked_date(o->first), unpacked_date(o->last),
                           (vn_date_precision)o->precision};
}

/* The dated citation of by_day entry i. */
static const dated_cite *day_cite(const lint *L, size_t i)
{
    return &L->dated[L->by_day[i].at];
}

/* Numbers compared as numbers: "08" and "8" are the same number. */
static bool same_number(const char *a, const char *b)
{
    while (*a == '0' && a[1])
        a++;
    while (*b == '0' && b[1])
        b++;
    return strcmp(a, b) == 0;
}

/* Two symbols of the same kind (family, year, type and issuer codes) that
 * differ only in their number: 30/CT-TTg and 33/CT-TTg. */
static bool other_number_same_kind(const vn_symbol *x, const vn_symbol *y)
{
    if (x->family != y->family || x->year != y->year || x->code_count != y->code_count ||
        same_number(x->number, y->number))
        return false;
    for (int k = 0; k < x->code_count; k++)
        if (strcmp(x->codes[k], y->codes[k]) != 0)
            return false;
    return true;
}

/* ---- subjects ------------------------------------------------------------------------ */

/* Start byte of the next citation after `after` in the document, or SIZE_MAX. */
static size_t next_cite_start(const vn_corpus_doc *d, size_t after)
{
    size_t best = (size_t)-1;
    for (size_t k = 0; k < d->cite_count; k++) {
        long long s = d->cites[k].start;
        if (s >= 0 && (size_t)s >= after && (size_t)s < best)
            best = (size_t)s;
    }
    return best;
}

/*
 * The subject a citation (ending at file byte end_byte, the next citation
 * of its document starting at `next`) gives its instrument: "Chỉ thị số
 * 33/CT-TTg, ngày 26/11/2021 của Thủ tướng Chính phủ về <subject>;".  The
 * "về" must come before the clause ends and before the next citation.
 * Returns a malloc'd copy, or NULL when there is none (or no text).
 */
static char *subject_of(lint *L, size_t doc, size_t end_byte, size_t next)
{
    const vn_doctext *dt = lint_doc_text(L, doc);
    if (!dt)
        return NULL;
    size_t t = lint_text_offset_of(dt, end_byte);
    size_t limit = next == (size_t)-1 ? dt->len : lint_text_offset_of(dt, next);
    const char *s = dt->text;
    size_t gap_end = t + SUBJECT_GAP_BYTES < limit ? t + SUBJECT_GAP_BYTES : limit;
    size_t from = 0;
    for (size_t i = t; i + 4 <= gap_end; i++) {
        if (s[i] == ';' || s[i] == '\n')
            return NULL;
        /* "về" is 'v' + U+1EC1 (e1 bb 81) */
        if (s[i] == 'v' && memcmp(s + i + 1, "\xe1\xbb\x81", 3) == 0 &&
            (i == 0 || !lint_is_word_byte((unsigned char)s[i - 1])) &&
            (i + 4 >= dt->len || !lint_is_word_byte((unsigned char)s[i + 4]))) {
            from = i + 4;
            break;
        }
    }
    if (!from)
        return NULL;
    size_t e = from;
    size_t stop = from + SUBJECT_MAX_BYTES < limit ? from + SUBJECT_MAX_BYTES : limit;
    while (e < stop && s[e] != ';' && s[e] != '\n' &&
           !(s[e] == '.' && (e + 1 >= dt->len || s[e + 1] == ' ' || s[e + 1] == '\n')))
        e++;
    return lint_one_line(s + from, e - from);
}

/* Distinct case-folded syllables of text; returns how many (0 on nomem). */
static size_t syllables(const char *text, char ***out)
{
    vn_buf f = VN_BUF_INIT;
    *out = NULL;
    if (vn_text_casefold(text, strlen(text), &f) != VN_OK || vn_buf_append_char(&f, '\0') != VN_OK) {
        vn_buf_free(&f);
        return 0;
    }
    size_t n = 0, cap = 0;
    char **words = NULL;
    for (char *p = f.data; *p;) {
        while (*p && !lint_is_word_byte((unsigned char)*p))
            p++;
        char *w = p;
        while (*p && lint_is_word_byte((unsigned char)*p))
            p++;
        if (p == w)
            continue;
        size_t len = (size_t)(p - w);
        bool seen = false;
        for (size_t k = 0; k < n && !seen; k++)
            seen = strlen(words[k]) == len && memcmp(words[k], w, len) == 0;
        if (seen)
            continue;
        if (!vn_grow((void **)&words, &cap, n, sizeof *words, 32))
            break;
        words[n] = strndup(w, len);
        if (!words[n])
            break;
        n++;
    }
    vn_buf_free(&f);
    *out = words;
    return n;
}

static void free_words(char **w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(w[i]);
    free(w);
}

/* Do two subjects (or a subject and a registry title) say the same thing? */
static bool same_subject(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    /* a registry title may keep the "về" the citation's subject starts after */
    if (strncmp(b, "v\xe1\xbb\x81 ", 5) == 0)
        b += 5;
    char **x, **y;
    size_t nx = syllables(a, &x), ny = syllables(b, &y);
    size_t common = 0;
    for (size_t i = 0; i < nx; i++)
        for (size_t j = 0; j < ny; j++)
            if (strcmp(x[i], y[j]) == 0) {
                common++;
                break;
            }
    size_t longer = nx > ny ? nx : ny;
    free_words(x, nx);
    free_words(y, ny);
    return common >= SUBJECT_MIN_COMMON && common * 10 >= longer * SUBJECT_MIN_TENTHS;
}

/* ---- the citation indexes -------------------------------------------------------------- */

/* qsort_r comparators; ctx is the dated citations or the registry. */

/* By symbol, date, then place: the order of dated once built. */
static int dated_cmp(const void *a, const void *b, void *ctx)
{
    const dated_cite *all = ctx;
    const dated_cite *p = &all[*(const size_t *)a], *q = &all[*(const size_t *)b];
    int r = p->symbol == q->symbol ? 0 : strcmp(p->symbol, q->symbol);
    if (!r)
        r = p->first < q->first ? -1 : p->first > q->first;
    if (!r)
        r = p->doc < q->doc ? -1 : p->doc > q->doc;
    if (!r)
        r = p->cite < q->cite ? -1 : p->cite > q->cite;
    return r;
}

/*
 * What other_number_same_kind() compares, but the number, hashed: symbols
 * that can be the same kind have the same key, so the citations of one day
 * that can match a symbol are one run of by_day.  0 for a symbol that does
 * not parse (never looked up: the rule needs a parsed symbol).
 */
static uint64_t kind_of_parsed(const vn_symbol *s)
{
    uint64_t h = vn_fnv1a(VN_FNV_SEED, &s->family, sizeof s->family);
    h = vn_fnv1a(h, &s->year, sizeof s->year);
    h = vn_fnv1a(h, &s->code_count, sizeof s->code_count);
    for (int k = 0; k < s->code_count; k++)
        h = vn_fnv1a(vn_fnv1a_str(h, s->codes[k]), "", 1);
    return h | 1;
}

static uint64_t kind_of(const char *symbol)
{
    vn_symbol s;
    return lint_parse_symbol(symbol, &s) ? kind_of_parsed(&s) : 0;
}

/* By date, kind, symbol, then place (dated is in symbol-then-place order
 * within a day, so the index decides the last two). */
static int by_day_cmp(const void *a, const void *b, void *ctx)
{
    const dated_cite *all = ctx;
    const day_ref *x = a, *y = b;
    int r = x->day < y->day ? -1 : x->day > y->day;
    if (!r)
        r = x->kind < y->kind ? -1 : x->kind > y->kind;
    if (!r && all[x->at].symbol != all[y->at].symbol)
        r = strcmp(all[x->at].symbol, all[y->at].symbol);
    if (!r)
        r = x->at < y->at ? -1 : x->at > y->at;
    return r;
}

/* by_day indices by the place of their citation. */
static int days_by_doc_cmp(const void *a, const void *b, void *ctx)
{
    const lint *L = ctx;
    const dated_cite *p = day_cite(L, *(const uint32_t *)a), *q = day_cite(L, *(const uint32_t *)b);
    if (p->doc != q->doc)
        return p->doc < q->doc ? -1 : 1;
    return p->cite < q->cite ? -1 : p->cite > q->cite;
}

static int kind_ref_cmp(const void *a, const void *b)
{
    const kind_ref *x = a, *y = b;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return x->item < y->item ? -1 : x->item > y->item;
}

static int reg_day_cmp(const void *a, const void *b, void *ctx)
{
    const vn_registry *sort_registry = ctx;
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    int r = vn_date_cmp(sort_registry->instruments[x].issued.first,
                        sort_registry->instruments[y].issued.first);
    return r ? r : (x < y ? -1 : x > y);
}

/* Keeps what the rules comparing documents need of document `rank`'s
 * citations.  Every document is collected before the first is linted. */
vn_status lint_collect_doc(lint *L, const vn_corpus_doc *doc, size_t rank)
{
    if (doc->cite_count > L->most_cites)
        L->most_cites = doc->cite_count;
    if (rank > UINT32_MAX || doc->cite_count > UINT32_MAX)
        return VN_ERR_NOMEM;
    for (size_t k = 0; k < doc->cite_count; k++) {
        const vn_corpus_cite *ci = &doc->cites[k];
        if (!ci->c.symbol[0] || ci->c.date.precision == VN_DATE_NONE)
            continue;
        if (!packs(ci->c.date.first) || !packs(ci->c.date.last))
            return VN_ERR_INDEX;    /* a date no calendar has: a damaged index */
        /* an unknown end, or one past 4 GiB, as the text's end: no subject */
        bool known = ci->end >= 0 && ci->end < BEYOND;
        size_t next = known ? next_cite_start(doc, (size_t)ci->end) : SIZE_MAX;
        if (L->dated_count >= UINT32_MAX ||
            !vn_grow((void **)&L->dated, &L->dated_cap, L->dated_count, sizeof *L->dated, 1024))
            return VN_ERR_NOMEM;
        const char *symbol = vn_intern_keep(&L->symbols, &L->symbol_strings, ci->c.symbol);
        if (!symbol)
            return VN_ERR_NOMEM;
        L->dated[L->dated_count++] = (dated_cite){
            symbol, ci->line, (uint32_t)rank, (uint32_t)k, 0,
            known ? (uint32_t)ci->end : BEYOND,
            next == SIZE_MAX || next >= BEYOND ? NO_NEXT : (uint32_t)next,
            packed_date(ci->c.date.first), packed_date(ci->c.date.last),
            (uint8_t)ci->c.date.precision, ci->c.date_shared};
    }
    return VN_OK;
}

/* dated in its order (dated_cmp) and each symbol's span of dates. */
static vn_status sort_dated(lint *L)
{
    size_t n = L->dated_count;
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    if (!order)
        return VN_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    qsort_r(order, n, sizeof *order, dated_cmp, L->dated);
    dated_cite held;
    vn_permute_from(L->dated, n, sizeof *L->dated, sizeof *L->dated, order, &held);
    free(order);
    size_t groups = 0;
    for (size_t i = 0; i < n; i++)
        groups += i == 0 || L->dated[i].symbol != L->dated[i - 1].symbol;
    L->spans = malloc((groups ? groups : 1) * sizeof *L->spans);
    if (!L->spans)
        return VN_ERR_NOMEM;
    for (size_t i = 0, g = 0; i < n; i++) {
        dated_cite *ci = &L->dated[i];
        if (i > 0 && ci->symbol != L->dated[i - 1].symbol)
            g++;
        ci->group = (uint32_t)g;
        date_span *sp = &L->spans[g];
        vn_date first = unpacked_date(ci->first), last = unpacked_date(ci->last);
        if (i == 0 || ci->symbol != L->dated[i - 1].symbol)
            *sp = (date_span){first, last};
        if (vn_date_cmp(first, sp->max_first) > 0)
            sp->max_first = first;
        if (vn_date_cmp(last, sp->min_last) < 0)
            sp->min_last = last;
    }
    return VN_OK;
}

/* by_day, days_by_doc and the subjects' caches, from the sorted dated. */
static vn_status index_days(lint *L)
{
    size_t n = L->dated_count ? L->dated_count : 1;
    L->by_day = malloc(n * sizeof *L->by_day);
    L->day_subjects = calloc(n, sizeof *L->day_subjects);
    L->day_subject_tried = calloc(n, sizeof *L->day_subject_tried);
    L->group_subject = calloc(n, sizeof *L->group_subject);
    L->group_first = malloc(n * sizeof *L->group_first);
    L->days_by_doc = malloc(n * sizeof *L->days_by_doc);
    if (!L->by_day || !L->day_subjects || !L->day_subject_tried || !L->group_subject ||
        !L->group_first || !L->days_by_doc)
        return VN_ERR_NOMEM;
    uint64_t kind = 0;
    for (size_t i = 0; i < L->dated_count; i++) {
        const dated_cite *ci = &L->dated[i];
        /* a symbol's citations are one run of dated: its kind is worked out once */
        if (i == 0 || ci->symbol != L->dated[i - 1].symbol)
            kind = kind_of(ci->symbol);
        if (ci->precision == VN_DATE_DAY)
            L->by_day[L->by_day_count++] = (day_ref){kind, ci->first, (uint32_t)i};
    }
    qsort_r(L->by_day, L->by_day_count, sizeof *L->by_day, by_day_cmp, L->dated);
    for (size_t i = 0; i < L->by_day_count; i++)
        L->days_by_doc[i] = (uint32_t)i;
    qsort_r(L->days_by_doc, L->by_day_count, sizeof *L->days_by_doc, days_by_doc_cmp, L);
    return VN_OK;
}

/* The registry's symbols parsed, by day and by kind. */
static vn_status index_registry(lint *L)
{
    const vn_registry *reg = L->reg;
    size_t rn = reg && reg->instrument_count ? reg->instrument_count : 1;
    L->reg_symbols = malloc(rn * sizeof *L->reg_symbols);
    L->reg_parsed = calloc(rn, sizeof *L->reg_parsed);
    L->reg_by_day = malloc(rn * sizeof *L->reg_by_day);
    L->reg_by_kind = malloc(rn * sizeof *L->reg_by_kind);
    if (!L->reg_symbols || !L->reg_parsed || !L->reg_by_day || !L->reg_by_kind)
        return VN_ERR_NOMEM;
    for (size_t i = 0; reg && i < reg->instrument_count; i++) {
        L->reg_parsed[i] = lint_parse_symbol(reg->instruments[i].symbol, &L->reg_symbols[i]);
        if (reg->instruments[i].issued.precision == VN_DATE_DAY)
            L->reg_by_day[L->reg_by_day_count++] = i;
        if (L->reg_parsed[i] && reg->instruments[i].title[0])
            L->reg_by_kind[L->reg_by_kind_count++] =
                (kind_ref){kind_of_parsed(&L->reg_symbols[i]), i};
    }
    qsort(L->reg_by_kind, L->reg_by_kind_count, sizeof *L->reg_by_kind, kind_ref_cmp);
    qsort_r(L->reg_by_day, L->reg_by_day_count, sizeof *L->reg_by_day, reg_day_cmp,
            (void *)reg);
    return VN_OK;
}

/* After every document is collected: the indexes the rules search. */
vn_status lint_build_indexes(lint *L)
{
    size_t most = L->most_cites ? L->most_cites : 1;
    L->first_same = malloc(most * sizeof *L->first_same);
    L->next_same = malloc(most * sizeof *L->next_same);
    L->doc_order = malloc(most * sizeof *L->doc_order);
    if (!L->first_same || !L->next_same || !L->doc_order)
        return VN_ERR_NOMEM;
    vn_intern_free(&L->symbols);    /* the strings stay, in symbol_strings */
    vn_status st = sort_dated(L);
    if (st == VN_OK)
        st = index_days(L);
    if (st == VN_OK)
        st = index_registry(L);
    return st;
}

/* First index in by_day whose (date, kind) is >= (d, kind). */
static size_t day_lower_bound(const lint *L, vn_date d, uint64_t kind)
{
    size_t lo = 0, hi = L->by_day_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t day = L->by_day[mid].day, want = packed_date(d);
        if (day < want || (day == want && L->by_day[mid].kind < kind))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The end of the run of by_day entries from `from` on with this date and kind. */
static size_t day_run_end(const lint *L, size_t from, vn_date d, uint64_t kind)
{
    size_t lo = from, hi = L->by_day_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const day_ref *r = &L->by_day[mid];
        if (r->day == packed_date(d) && r->kind == kind)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The end of the group of entries in [from, end) whose symbol is `symbol`
 * (a run is sorted by symbol). */
static size_t symbol_group_end(const lint *L, size_t from, size_t end, const char *symbol)
{
    size_t lo = from, hi = end;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(day_cite(L, mid)->symbol, symbol) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* First index in reg_by_kind whose kind is >= kind. */
static size_t reg_kind_lower_bound(const lint *L, uint64_t kind)
{
    size_t lo = 0, hi = L->reg_by_kind_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (L->reg_by_kind[mid].kind < kind)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool place_before(const dated_cite *a, const dated_cite *b)
{
    return a->doc != b->doc ? a->doc < b->doc : a->cite < b->cite;
}

static const char *day_subject(lint *L, size_t i);

/* The first citation of the symbol group [g, end) (not sharing its date)
 * whose subject is `subject`, or -1.  The citations of one instrument
 * mostly give it one subject, so the answer for the last subject asked is
 * kept: comparing subjects is the costly part. */
static long group_match(lint *L, size_t g, size_t end, const char *subject)
{
    /* out of memory: simply not kept */
    const char *kept = vn_intern_keep(&L->subjects, &L->subject_strings, subject);
    if (kept && L->group_subject[g] == kept)
        return L->group_first[g];
    long first = -1;
    for (size_t i = g; i < end && first < 0; i++)
        if (!day_cite(L, i)->date_shared &&
            same_subject(subject, day_subject(L, i)))
            first = (long)i;
    if (kept) {
        L->group_subject[g] = kept;
        L->group_first[g] = first;
    }
    return first;
}

/* First index in dated whose symbol is >= symbol. */
static size_t symbol_lower_bound(const lint *L, const char *symbol)
{
    size_t lo = 0, hi = L->dated_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(L->dated[mid].symbol, symbol) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* ---- rule: matches-other-instrument ------------------------------------------------------ */

/* The Party "Quy định" spelled the other way: 11-QĐ/TW <-> 11-QĐi/TW
 * (symbol.h); false when the symbol has no such code. */
static bool code_variant(const char *symbol, char out[VN_SYMBOL_MAX])
{
    static const char qd[] = "Q\xc4\x90"; /* "QĐ" */
    const char *p = strstr(symbol, qd);
    if (!p)
        return false;
    size_t pre = (size_t)(p - symbol) + sizeof qd - 1;
    bool has_i = symbol[pre] == 'i';
    int n = snprintf(out, VN_SYMBOL_MAX, "%.*s%s%s", (int)pre, symbol, has_i ? "" : "i",
                     symbol + pre + (has_i ? 1 : 0));
    return n > 0 && n < VN_SYMBOL_MAX;
}

/* Does the registry know symbol (or its QĐ/QĐi variant) with an issue date
 * in `date` (any date when date is NULL)? */
static bool registry_knows(const vn_registry *r, const char *symbol, const vn_date_range *date)
{
    char variant[VN_SYMBOL_MAX];
    const char *spellings[2] = {symbol, code_variant(symbol, variant) ? variant : NULL};
    for (size_t s = 0; r && s < 2 && spellings[s]; s++) {
        size_t idx[64];
        size_t n = vn_registry_by_symbol(r, spellings[s], idx, 64);
        if (n > 0 && !date)
            return true;
        for (size_t i = 0; i < n && i < 64; i++) {
            const vn_instrument *in = &r->instruments[idx[i]];
            if (in->issued.precision != VN_DATE_NONE && vn_date_range_overlap(&in->issued, date))
                return true;
        }
    }
    return false;
}

/* The subject of by_day[i], worked out once: other citations are compared
 * with it again and again.  Those of its whole document are worked out
 * with it, while its text is loaded, so no text needs to stay loaded. */
static const char *day_subject(lint *L, size_t i)
{
    if (!L->day_subject_tried[i]) {
        uint32_t doc = day_cite(L, i)->doc;
        size_t lo = 0, hi = L->by_day_count;
        while (lo < hi) {   /* the document's first in days_by_doc */
            size_t mid = lo + (hi - lo) / 2;
            if (day_cite(L, L->days_by_doc[mid])->doc < doc)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t t = lo; t < L->by_day_count && day_cite(L, L->days_by_doc[t])->doc == doc;
             t++) {
            size_t j = L->days_by_doc[t];
            if (L->day_subject_tried[j])
                continue;
            L->day_subject_tried[j] = true;
            const dated_cite *o = day_cite(L, j);
            char *subject = subject_of(L, doc, o->end,
                                       o->next_start == NO_NEXT ? SIZE_MAX : o->next_start);
            if (subject && !(L->day_subjects[j] = vn_intern_keep(&L->subjects,
                                                                 &L->subject_strings, subject)))
                L->nomem = true;
            free(subject);
        }
    }
    return L->day_subjects[i];
}

/* The subject of any citation of `symbol` dated `day` in the corpus that
 * matches `subject`: true and *where set when found. */
static bool corpus_subject_of(lint *L, const char *symbol, vn_date day, const char *subject,
                              const dated_cite **where)
{
    /* the citations of one symbol share its kind: look in that run only */
    uint64_t kind = kind_of(symbol);
    for (size_t i = day_lower_bound(L, day, kind); i < L->by_day_count; i++) {
        const day_ref *r = &L->by_day[i];
        if (r->day != packed_date(day) || r->kind != kind)
            break;
        if (strcmp(L->dated[r->at].symbol, symbol) != 0)
            continue;
        bool same = same_subject(subject, day_subject(L, i));
        if (same) {
            *where = day_cite(L, i);
            return true;
        }
    }
    return false;
}

static void where_text(const lint *L, const dated_cite *o, char *buf, size_t size)
{
    snprintf(buf, size, "%s:%lld", L->files[o->doc], (long long)o->line);
}

/* First index in reg_by_day whose issue day is >= d. */
static size_t reg_day_lower_bound(const lint *L, vn_date d)
{
    size_t lo = 0, hi = L->reg_by_day_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (vn_date_cmp(L->reg->instruments[L->reg_by_day[mid]].issued.first, d) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The citation's subject, read from the text the first time it is needed. */
typedef struct lazy_subject {
    bool tried;
    char *text;
} lazy_subject;

static const char *subject_now(lint *L, size_t d, const vn_corpus_cite *ci, lazy_subject *s)
{
    if (!s->tried) {
        s->tried = true;
        s->text = subject_of(L, d, (size_t)ci->end, next_cite_start(L->doc, (size_t)ci->end));
    }
    return s->text;
}

void lint_rule_matches_other(lint *L, size_t d, size_t k)
{
    const vn_corpus_cite *ci = &L->doc->cites[k];
    const vn_citation *c = &ci->c;
    const vn_registry *reg = L->reg;
    vn_symbol mine;
    if (!c->symbol[0] || c->date_shared || !lint_parse_symbol(c->symbol, &mine))
        return;
    bool dated = c->date.precision == VN_DATE_DAY;
    /* The symbol with its cited date (or at all, when undated) is a known
     * instrument: then the citation is right as far as anyone can tell. */
    if (registry_knows(reg, c->symbol, dated ? &c->date : NULL))
        return;
    lazy_subject subject = {false, NULL};
    char when[16];
    /* 1. the registry has another instrument of the same kind on that day */
    for (size_t i = dated && reg ? reg_day_lower_bound(L, c->date.first) : L->reg_by_day_count;
         i < L->reg_by_day_count; i++) {
        size_t idx = L->reg_by_day[i];
        const vn_instrument *in = &reg->instruments[idx];
        if (vn_date_cmp(in->issued.first, c->date.first) != 0)
            break;
        if (!L->reg_parsed[idx] || !other_number_same_kind(&mine, &L->reg_symbols[idx]))
            continue;
        const char *subj = subject_now(L, d, ci, &subject);
        const dated_cite *there = NULL;
        bool by_title = in->title[0] && same_subject(subj, in->title);
        /* a different title says it is a sibling of the same day, not a slip */
        if (in->title[0] && subj && !by_title)
            continue;
        bool by_corpus = !by_title && corpus_subject_of(L, in->symbol, c->date.first, subj,
                                                        &there);
        char what[400] = "";
        if (in->type_word[0] || in->issuer[0])
            snprintf(what, sizeof what, " (%s%s%s)", in->type_word,
                     in->type_word[0] && in->issuer[0] ? ", " : "", in->issuer);
        char because[400] = "";
        if (by_title)
            snprintf(because, sizeof because, "; the subject cited is its title");
        else if (by_corpus) {
            char w[300];
            where_text(L, there, w, sizeof w);
            snprintf(because, sizeof because, "; the subject cited is the one %s has at %s",
                     in->symbol, w);
        }
        add_on_cite(L, VN_LINT_MATCHES_OTHER, by_title || by_corpus ? VN_LINT_WARNING : VN_LINT_INFO,
                    d, ci, lint_format("did you mean %s? Check the number against the original", in->symbol),
                    "date matches another instrument: %s is cited as of %s, the date of %s%s "
                    "in the registry, which has no %s of that date%s",
                    c->symbol, lint_show_date(&c->date, when), in->symbol, what, c->symbol, because);
        free(subject.text);
        return;
    }
    /* 2. the corpus cites another instrument of the same kind on that day
     *    with the same subject: one of the two symbols is wrong */
    /* The first such citation in document order: the run of the day and kind
     * is sorted by symbol, so each symbol's group is judged once (the same
     * symbol is the same number: skipped whole), and the earliest matching
     * citation of each group competes. */
    uint64_t kind = kind_of_parsed(&mine);
    size_t lo = dated ? day_lower_bound(L, c->date.first, kind) : L->by_day_count;
    size_t hi = lo < L->by_day_count ? day_run_end(L, lo, c->date.first, kind) : lo;
    long best = -1;
    for (size_t g = lo, end; g < hi; g = end) {
        const char *sym = day_cite(L, g)->symbol;
        end = symbol_group_end(L, g, hi, sym);
        vn_symbol theirs;
        if (strcmp(sym, c->symbol) == 0 || !lint_parse_symbol(sym, &theirs) ||
            !other_number_same_kind(&mine, &theirs))
            continue;
        const char *subj = subject_now(L, d, ci, &subject);
        if (!subj)
            break;
        long first = group_match(L, g, end, subj);
        if (first >= 0 && (best < 0 || place_before(day_cite(L, (size_t)first),
                                                    day_cite(L, (size_t)best))))
            best = first;
    }
    if (best >= 0) {
        const dated_cite *o = day_cite(L, (size_t)best);
        vn_date_range other_date = range_of(o);
        bool other_known = registry_knows(reg, o->symbol, &other_date);
        char w[300];
        where_text(L, o, w, sizeof w);
        add_on_cite(L, VN_LINT_MATCHES_OTHER, VN_LINT_WARNING, d, ci,
                    lint_format("check which symbol is right: %s or %s", c->symbol, o->symbol),
                    "date and subject match another instrument: %s and %s (%s) are both cited "
                    "as of %s with the same subject; they cannot both be right%s",
                    c->symbol, o->symbol, w, lint_show_date(&c->date, when),
                    other_known ? ", and the registry knows the other one" : "");
        free(subject.text);
        return;
    }
    /* 3. the subject is the registry title of another instrument of the same
     *    kind, and nothing in the registry carries this symbol */
    bool symbol_known = registry_knows(reg, c->symbol, NULL);
    /* only the instruments with a title whose symbol can be the same kind,
     * in registry order */
    size_t n = symbol_known || !reg ? 0 : L->reg_by_kind_count;
    for (size_t at = reg_kind_lower_bound(L, kind); at < n && L->reg_by_kind[at].kind == kind;
         at++) {
        size_t i = L->reg_by_kind[at].item;
        const vn_instrument *in = &reg->instruments[i];
        if (!other_number_same_kind(&mine, &L->reg_symbols[i]))
            continue;
        const char *subj = subject_now(L, d, ci, &subject);
        if (!subj)
            break;
        if (!same_subject(subj, in->title))
            continue;
        char issued[16] = "";
        if (in->issued.precision != VN_DATE_NONE)
            lint_show_date(&in->issued, issued);
        add_on_cite(L, VN_LINT_MATCHES_OTHER, VN_LINT_WARNING, d, ci,
                    lint_format("did you mean %s%s%s?", in->symbol, issued[0] ? " of " : "", issued),
                    "subject matches another instrument: the subject cited for %s is the title of "
                    "%s in the registry, which has no %s",
                    c->symbol, in->symbol, c->symbol);
        break;
    }
    free(subject.text);
}

/* ---- rule: conflicting-dates ---------------------------------------------------------------- */

void lint_rule_conflicting_dates(lint *L, size_t d, size_t k)
{
    const vn_corpus_doc *doc = L->doc;
    const vn_corpus_cite *ci = &doc->cites[k];
    const vn_citation *c = &ci->c;
    if (!c->symbol[0] || c->date.precision == VN_DATE_NONE)
        return;
    char mine[16], theirs[16];
    /* a. the same document, an earlier citation of the symbol with another date */
    for (size_t j = L->first_same[k]; j < k; j = L->next_same[j]) {
        const vn_corpus_cite *o = &doc->cites[j];
        if (o->c.date.precision == VN_DATE_NONE || vn_date_range_overlap(&o->c.date, &c->date))
            continue;
        add_on_cite(L, VN_LINT_CONFLICTING_DATES, VN_LINT_WARNING, d, ci,
                    lint_format("use one date for %s, or tell the two instruments apart (issuer, "
                           "subject)", c->symbol),
                    "%s is cited here as of %s but as of %s at line %lld of the same document",
                    c->symbol, lint_show_date(&c->date, mine), lint_show_date(&o->c.date, theirs),
                    (long long)o->line);
        return;
    }
    /* Across documents only a symbol with a year names one instrument:
     * yearless symbols are reused (SPEC §3.3), so 26-KH/BCĐ of two bodies
     * with two dates is two plans, not an error. */
    if (!c->has_year)
        return;
    vn_symbol sym;
    if (lint_parse_symbol(c->symbol, &sym) && sym.year &&
        (c->date.last.year < sym.year || c->date.first.year > sym.year)) {
        add_on_cite(L, VN_LINT_CONFLICTING_DATES, VN_LINT_WARNING, d, ci,
                    lint_format("check the date or the year in the symbol"),
                    "%s is cited as of %s, but its symbol says it was issued in %d",
                    c->symbol, lint_show_date(&c->date, mine), sym.year);
        return;
    }
    const vn_registry *reg = L->reg;
    long r = reg && c->instrument ? vn_registry_by_id(reg, c->instrument) : -1;
    if (r >= 0) {
        const vn_instrument *in = &reg->instruments[r];
        if (in->issued.precision != VN_DATE_NONE && !vn_date_range_overlap(&in->issued, &c->date))
            add_on_cite(L, VN_LINT_CONFLICTING_DATES, VN_LINT_WARNING, d, ci,
                        lint_format("the registry's date is %s", lint_show_date(&in->issued, theirs)),
                        "%s is cited as of %s, but the registry gives %s (instruments.csv line %d)",
                        c->symbol, lint_show_date(&c->date, mine), lint_show_date(&in->issued, theirs),
                        in->line);
        return;   /* the registry is the reference: other documents do not decide */
    }
    size_t first = symbol_lower_bound(L, c->symbol);
    if (first == L->dated_count || strcmp(L->dated[first].symbol, c->symbol) != 0)
        return;     /* not collected: no other citation to disagree with */
    /* usually every citation of the symbol agrees: then none can disagree */
    const date_span *sp = &L->spans[L->dated[first].group];
    if (vn_date_cmp(sp->max_first, c->date.last) <= 0 &&
        vn_date_cmp(c->date.first, sp->min_last) <= 0)
        return;
    for (size_t i = first; i < L->dated_count; i++) {
        const dated_cite *o = &L->dated[i];
        if (strcmp(o->symbol, c->symbol) != 0)
            break;
        vn_date_range theirs_range = range_of(o);
        if (o->doc == d || vn_date_range_overlap(&theirs_range, &c->date))
            continue;
        char w[300];
        where_text(L, o, w, sizeof w);
        add_on_cite(L, VN_LINT_CONFLICTING_DATES, VN_LINT_WARNING, d, ci,
                    lint_format("check the date against the original of %s", c->symbol),
                    "%s is cited as of %s here but as of %s at %s; a symbol with a year names "
                    "one instrument",
                    c->symbol, lint_show_date(&c->date, mine), lint_show_date(&theirs_range, theirs), w);
        return;
    }
}
