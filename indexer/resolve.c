/*
 * resolve.c — cross-document citation resolution (see resolve.h).
 *
 * The corpus side is a table of (symbol, date) taken from every dated
 * yearless numbered citation, sorted by symbol (strcmp order) and date.  The
 * symbols are numbered by hashing (common/intern.h) and only the distinct
 * ones are compared as strings, so sorting and finding cost integer
 * comparisons: resolving N citations costs O(N log N) on integers.  The
 * table is built from what the citations WRITE (with counts, which decide
 * a QĐ/QĐi variant) and then united, so it can be filled one document at a
 * time and the documents resolved later (vn_resolve_table_*).
 */
#include "resolve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../common/grow.h"
#include "../common/intern.h"
#include "../common/pair_run.h"
#include "../common/utf8.h"

typedef struct seen {
    const char *symbol;     /* canonical, as united; in the table's arena */
    vn_date date;           /* day precision */
    size_t rank;            /* the symbol's place among the distinct symbols, strcmp order */
    unsigned long long provinces;   /* of the plans that cite it or are it; 0 unless
                                       local_symbol */
} seen;

/* The corpus table's items under the number each symbol starts with, as
 * symbol_fits() reads it, so that a bare "Quyết định số 217" looks at the
 * symbols numbered 217 only, not at every symbol of the corpus (the
 * registry keeps the same order of its own: vn_registry_number_next()). */
typedef struct numbered {
    char number[16];
    size_t item;
} numbered;

typedef struct number_index {
    numbered *items;        /* by number, then item */
    size_t count;
} number_index;

typedef struct corpus_table {
    seen *items;
    size_t count;
    vn_intern symbols;      /* the distinct symbols of items (borrowed from them) */
    size_t *rank;           /* rank[id of a symbol] */
    size_t *start;          /* items [start[r], start[r + 1]) have the symbol of rank r */
    number_index by_number; /* every item, by its symbol's number */
} corpus_table;

/* One distinct (symbol as written, day, type word) of the dated yearless
 * numbered citations, and how many citations write it. */
typedef struct written_entry {
    const char *symbol, *type_word;     /* in the table's arena */
    vn_date date;
    size_t count;
    unsigned long long provinces;       /* vn_province_bit of the plans writing it */
} written_entry;

struct vn_resolve_table {
    vn_arena strings;           /* symbols and type words (kept once: type_words) */
    vn_intern type_words;
    vn_arena key_strings;       /* the keys */
    /* "symbol\x1fYYYYMMDD\x1ftype word" -> written[id]; once finished, only
     * the keys of "Quy định" (the only ones written_count() is asked for) */
    vn_intern keys;
    written_entry *written;
    size_t written_cap;
    corpus_table united;        /* after vn_resolve_table_finish */
    bool finished;
};

static int seen_cmp(const void *a, const void *b)
{
    const seen *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return vn_date_cmp(x->date, y->date);
}

static int numbered_cmp(const void *a, const void *b)
{
    const numbered *x = a, *y = b;
    int c = strcmp(x->number, y->number);
    if (c)
        return c;
    return x->item < y->item ? -1 : x->item > y->item;
}

static vn_status number_index_build(number_index *ix, const seen *items, size_t count)
{
    ix->count = 0;
    ix->items = malloc((count ? count : 1) * sizeof *ix->items);
    if (!ix->items)
        return VN_ERR_NOMEM;
    for (size_t k = 0; k < count; k++) {
        vn_symbol_number_prefix(items[k].symbol, ix->items[k].number,
                                sizeof ix->items[k].number);
        ix->items[k].item = k;
    }
    ix->count = count;
    qsort(ix->items, count, sizeof *ix->items, numbered_cmp);
    return VN_OK;
}

static void number_index_free(number_index *ix)
{
    free(ix->items);
    *ix = (number_index){0};
}

/* [*first, *end) of ix->items: the items numbered `number`, in list order. */
static void number_range(const number_index *ix, const char *number, size_t *first, size_t *end)
{
    size_t lo = 0, hi = ix->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(ix->items[mid].number, number) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *first = *end = lo;
    while (*end < ix->count && strcmp(ix->items[*end].number, number) == 0)
        ++*end;
}

static void table_clear(corpus_table *t)
{
    vn_intern_free(&t->symbols);
    free(t->rank);
    free(t->start);
    number_index_free(&t->by_number);
    t->rank = t->start = NULL;
}

/* start[] from the items' ranks (items sorted). */
static void table_index(corpus_table *t)
{
    size_t n = t->symbols.count;
    memset(t->start, 0, (n + 1) * sizeof *t->start);
    for (size_t k = 0; k < t->count; k++)
        t->start[t->items[k].rank + 1]++;
    for (size_t r = 0; r < n; r++)
        t->start[r + 1] += t->start[r];
}

/* Numbers and sorts the items (filled, unsorted) and indexes them by symbol. */
static vn_status table_sort(corpus_table *t)
{
    vn_status st = VN_OK;
    for (size_t k = 0; k < t->count && st == VN_OK; k++)
        st = vn_intern_add(&t->symbols, t->items[k].symbol, &t->items[k].rank);
    size_t n = t->symbols.count;
    size_t *order = st == VN_OK ? malloc((n ? n : 1) * sizeof *order) : NULL;
    t->rank = st == VN_OK ? malloc((n ? n : 1) * sizeof *t->rank) : NULL;
    t->start = st == VN_OK ? malloc((n + 1) * sizeof *t->start) : NULL;
    if (!order || !t->rank || !t->start) {
        free(order);
        return VN_ERR_NOMEM;
    }
    vn_intern_order(&t->symbols, order);
    for (size_t r = 0; r < n; r++)
        t->rank[order[r]] = r;
    free(order);
    for (size_t k = 0; k < t->count; k++)
        t->items[k].rank = t->rank[t->items[k].rank];   /* id -> rank */
    qsort(t->items, t->count, sizeof *t->items, seen_cmp);
    table_index(t);
    return VN_OK;
}

/* Range of entries with this symbol: [*lo, *hi). */
static void corpus_find(const corpus_table *t, const char *symbol, size_t *lo, size_t *hi)
{
    size_t id = vn_intern_find(&t->symbols, symbol);
    if (id == SIZE_MAX) {
        *lo = *hi = 0;
        return;
    }
    *lo = t->start[t->rank[id]];
    *hi = t->start[t->rank[id] + 1];
}

/* A citation's symbol is shorter than VN_SYMBOL_MAX (citation.h), its type
 * word than the array that holds it: a key always fits. */
enum { WRITTEN_KEY_MAX = VN_SYMBOL_MAX + sizeof((vn_citation *)0)->type_word + 16 };

/* The table key of (symbol, date, type word); false if it does not fit. */
static bool written_key(const char *symbol, vn_date date, const char *type_word,
                        char out[WRITTEN_KEY_MAX])
{
    int n = snprintf(out, WRITTEN_KEY_MAX, "%s\x1f%04d%02d%02d\x1f%s", symbol, date.year,
                     date.month, date.day, type_word);
    return n >= 0 && n < WRITTEN_KEY_MAX;
}

/* How many citations write symbol on date with type_word. */
static size_t written_count(const vn_resolve_table *t, const char *symbol, const vn_date *date,
                            const char *type_word)
{
    char key[WRITTEN_KEY_MAX];
    size_t id = written_key(symbol, *date, type_word, key) ? vn_intern_find(&t->keys, key)
                                                           : SIZE_MAX;
    return id == SIZE_MAX ? 0 : t->written[id].count;
}

static char *make_id(const char *symbol, bool has_year, vn_date date)
{
    char buf[VN_SYMBOL_MAX + 16];
    if (has_year || date.year == 0) {
        snprintf(buf, sizeof buf, "%s", symbol);
    } else {
        char iso[11];
        snprintf(buf, sizeof buf, "%s@%s", symbol, vn_date_iso(date, iso));
    }
    return strdup(buf);
}

/* Candidate identities collected while resolving one citation. */
enum { CANDIDATES_MAX = 8 };
typedef struct candidates {
    char ids[CANDIDATES_MAX][VN_SYMBOL_MAX + 16];
    int count;
} candidates;

static void add_candidate(candidates *c, const char *id)
{
    for (int k = 0; k < c->count; k++)
        if (strcmp(c->ids[k], id) == 0)
            return;
    if (c->count < CANDIDATES_MAX)
        snprintf(c->ids[c->count++], sizeof c->ids[0], "%s", id);
}

static vn_status settle(vn_citation *c, const candidates *cand)
{
    if (cand->count == 1) {
        c->instrument = strdup(cand->ids[0]);
        return c->instrument ? VN_OK : VN_ERR_NOMEM;
    }
    if (cand->count > 1) {
        c->ambiguous = true;
        size_t need = 1;
        for (int k = 0; k < cand->count; k++)
            need += strlen(cand->ids[k]) + 2;
        c->candidates = malloc(need);
        if (!c->candidates)
            return VN_ERR_NOMEM;
        c->candidates[0] = '\0';
        for (int k = 0; k < cand->count; k++) {
            if (k)
                strcat(c->candidates, ", ");
            strcat(c->candidates, cand->ids[k]);
        }
    }
    return VN_OK;
}

/* Registry instruments with this symbol (issued within `within`, if given:
 * a day, a month or a year). */
static void registry_candidates(const vn_registry *reg, const char *symbol,
                                const vn_date_range *within, candidates *out)
{
    if (!reg)
        return;
    size_t idx[8];
    size_t n = vn_registry_by_symbol(reg, symbol, idx, 8);
    for (size_t k = 0; k < n && k < 8; k++) {
        const vn_instrument *in = &reg->instruments[idx[k]];
        if (within && in->issued.precision == VN_DATE_DAY &&
            !vn_date_range_contains(within, in->issued.first))
            continue;
        add_candidate(out, in->id);
    }
}

/* ---- variants: Party "Quy định" written QĐ or QĐi -------------------- */

/* The one type word united and counted by written_count(); the finished
 * table keeps the written keys of this type word only. */
static const char QUY_DINH[] = "Quy định";

static bool variant_of(const char *symbol, char *out)
{
    const char *p = strstr(symbol, "-QĐi/");
    if (p) {
        size_t pre = (size_t)(p - symbol) + strlen("-QĐ");
        snprintf(out, VN_SYMBOL_MAX, "%.*s%s", (int)pre, symbol, p + strlen("-QĐi"));
        return true;
    }
    p = strstr(symbol, "-QĐ/");
    if (p) {
        size_t pre = (size_t)(p - symbol) + strlen("-QĐ");
        snprintf(out, VN_SYMBOL_MAX, "%.*si%s", (int)pre, symbol, p + strlen("-QĐ"));
        return true;
    }
    return false;
}

/*
 * Why a Party "Quy định" with the symbol `symbol` (dated `date`, or NULL)
 * takes its other spelling, written to variant; NULL when it keeps its own.
 */
static const char *unite_reason(const char *symbol, const char *type_word, const vn_date *date,
                                const vn_registry *reg, const vn_resolve_table *t,
                                char variant[VN_SYMBOL_MAX])
{
    if (strcmp(type_word, QUY_DINH) != 0 || !variant_of(symbol, variant))
        return NULL;
    candidates exact = {0}, other = {0};
    vn_date_range day = {0};
    if (date)
        day = (vn_date_range){.first = *date, .last = *date, .precision = VN_DATE_DAY};
    registry_candidates(reg, symbol, date ? &day : NULL, &exact);
    registry_candidates(reg, variant, date ? &day : NULL, &other);
    if (exact.count == 0 && other.count > 0)
        return "the registry's official symbol";
    if (exact.count == 0 && other.count == 0 && date) {
        /* the corpus cites the same Quy định both ways: the majority form
         * wins; on a tie QĐi, the Party's code for "Quy định" (HD 36-HD/VPTW) */
        size_t mine = written_count(t, symbol, date, QUY_DINH);
        size_t theirs = written_count(t, variant, date, QUY_DINH);
        if (theirs > mine || (theirs > 0 && theirs == mine && strstr(variant, "QĐi")))
            return "the form the other citations of this Quy định use";
    }
    return NULL;
}

static vn_status unite_variant(vn_citation_list *l, vn_citation *c, const vn_registry *reg,
                               const vn_resolve_table *t)
{
    char variant[VN_SYMBOL_MAX];
    const vn_date *date = c->date.precision == VN_DATE_DAY ? &c->date.first : NULL;
    const char *why = c->kind == VN_CITE_NUMBERED
                          ? unite_reason(c->symbol, c->type_word, date, reg, t, variant)
                          : NULL;
    if (!why)
        return VN_OK;
    char note[512];
    char iso[11] = "";
    if (date)
        vn_date_iso(*date, iso);
    snprintf(note, sizeof note, "written %s; united with %s (Quy định%s%s, %s)", c->symbol,
             variant, date ? " of " : "", iso, why);
    c->corrected = strdup(note);
    if (!c->corrected)
        return VN_ERR_NOMEM;
    const char *united = vn_citation_list_keep(l, variant);
    if (!united)
        return VN_ERR_NOMEM;
    c->symbol = united;
    return VN_OK;
}

/* ---- numbered -------------------------------------------------------- */

/* An issuer's code of a province's, a district's or a commune's body: the
 * People's Committees and Councils, the Party committees (…/TU, …/HU, …/ĐU
 * and their boards: BDVTU, BTGTU …), the steering boards (BCĐ), the
 * departments (SNV, SYT, SGDĐT …).  Each province numbers its own papers. */
static bool local_code(const char *code)
{
    static const char *const prefixes[] = {"UBND", "HĐND", "BCĐ", "ĐU", NULL};
    for (int k = 0; prefixes[k]; k++)
        if (strncmp(code, prefixes[k], strlen(prefixes[k])) == 0)
            return true;
    size_t n = strlen(code);
    return (n >= 2 && (strcmp(code + n - 2, "TU") == 0 || strcmp(code + n - 2, "HU") == 0)) ||
           (code[0] == 'S' && n >= 3);
}

/* Does a yearless symbol name a local body's paper (local_code)? */
static bool local_symbol(const char *symbol)
{
    vn_symbol s;
    if (!vn_symbol_parse_loose(symbol, strlen(symbol), NULL, &s))
        return false;
    int k = s.code_count > 1 && vn_type_word_for_code(s.codes[0]) ? 1 : 0;
    for (; k < s.code_count; k++)
        if (local_code(s.codes[k]))
            return true;
    return false;
}

/* "Kế hoạch số 01/KH-UBND" in a plan of Sóc Trăng is not the 01/KH-UBND
 * that only plans of Quảng Nam cite or are: a local body's symbol known
 * from other provinces only names another body's paper.  An unknown
 * province (of the citing plan, or of every plan that knows the item)
 * rules nothing out, and only local symbols keep their provinces in the
 * table (vn_resolve_table_finish). */
static bool other_provinces(const seen *s, unsigned long long province)
{
    return province && s->provinces && !(s->provinces & province);
}

static vn_status resolve_numbered(vn_citation *c, const vn_registry *reg, const corpus_table *t,
                                  unsigned long long province)
{
    if (c->has_year) {
        c->instrument = strdup(c->symbol);
        return c->instrument ? VN_OK : VN_ERR_NOMEM;
    }
    if (c->date.precision == VN_DATE_DAY) {
        c->instrument = make_id(c->symbol, false, c->date.first);
        return c->instrument ? VN_OK : VN_ERR_NOMEM;
    }
    /* "01/NQ-CP năm 2023": a month or a year rules out the instruments of
     * that symbol issued outside it (there is a 01/NQ-CP every year) */
    const vn_date_range *within = c->date.precision != VN_DATE_NONE ? &c->date : NULL;
    candidates cand = {0};
    registry_candidates(reg, c->symbol, within, &cand);
    size_t lo, hi;
    corpus_find(t, c->symbol, &lo, &hi);
    /* the entries are distinct (symbol, date) pairs, so a full list of
     * candidates takes no more: stop there, a symbol may have many dates */
    for (size_t k = lo; k < hi && cand.count < CANDIDATES_MAX; k++) {
        if ((within && !vn_date_range_contains(within, t->items[k].date)) ||
            other_provinces(&t->items[k], province))
            continue;
        char id[VN_SYMBOL_MAX + 16];
        char iso[11];
        snprintf(id, sizeof id, "%s@%s", c->symbol, vn_date_iso(t->items[k].date, iso));
        add_candidate(&cand, id);
    }
    return settle(c, &cand);
}

/* ---- list and short forms -------------------------------------------- */

/* Issuer words → the code that ends a symbol of that issuer. */
static const char *issuer_code(const char *issuer)
{
    static const struct { const char *word, *code; } map[] = {
        {"Bộ Chính trị", "TW"}, {"Ban Bí thư", "TW"}, {"Ban Chấp hành Trung ương", "TW"},
        {"Trung ương", "TW"}, {"Thủ tướng", "TTg"}, {"Chính phủ", "CP"}, {"Quốc hội", "QH"},
        {"Tỉnh ủy", "TU"}, {"Tỉnh uỷ", "TU"}, {"Huyện ủy", "HU"}, {"Huyện uỷ", "HU"},
        {NULL, NULL}
    };
    for (int k = 0; map[k].word; k++)
        if (strstr(issuer, map[k].word))
            return map[k].code;
    return NULL;
}

/* Was the instrument with this symbol, issued on `issued` (NULL when not
 * known), issued within the range a bare citation gives ("Kết luận số 120
 * ngày 5/1/2024", "Nghị định số 15/2020")?  Without a day, the year in the
 * symbol answers; with neither, nothing rules it out. */
static bool issued_within(const vn_date_range *within, const vn_symbol *s, const vn_date *issued)
{
    if (within->precision == VN_DATE_NONE)
        return true;
    if (issued)
        return vn_date_range_contains(within, *issued);
    return !s->year || (s->year >= within->first.year && s->year <= within->last.year);
}

/* Does the canonical symbol fit number, type word, issuer and date? */
static bool symbol_fits(const char *symbol, const char *number, const char *type_word,
                        const char *icode, const vn_date_range *within, const vn_date *issued)
{
    char num[16];
    vn_symbol_number_prefix(symbol, num, sizeof num);
    if (strcmp(num, number) != 0)
        return false;
    vn_symbol s;
    if (!vn_symbol_parse_loose(symbol, strlen(symbol), type_word, &s) || s.code_count == 0)
        return false;
    const char *const *codes = vn_type_word_codes(type_word);
    bool type_ok = !codes || !codes[0];
    for (int k = 0; codes && codes[k] && !type_ok; k++)
        type_ok = strcmp(codes[k], s.codes[0]) == 0;
    if (!type_ok)
        return false;
    if (icode) {
        const char *last = s.codes[s.code_count - 1];
        if (strncmp(last, icode, strlen(icode)) != 0)
            return false;
    }
    return issued_within(within, &s, issued);
}

/* The day a date names, or NULL. */
static const vn_date *day_of(const vn_date_range *d)
{
    return d->precision == VN_DATE_DAY ? &d->first : NULL;
}

static vn_status resolve_bare(vn_citation *c, const vn_citation_list *doc, const vn_registry *reg,
                              const corpus_table *t, unsigned long long province)
{
    const char *icode = c->issuer[0] ? issuer_code(c->issuer) : NULL;
    candidates cand = {0};
    /* the same document first; a full list takes no more, so each loop
     * stops there */
    for (size_t k = 0; k < doc->count && cand.count < CANDIDATES_MAX; k++) {
        const vn_citation *o = &doc->items[k];
        if (o->kind == VN_CITE_NUMBERED && o->instrument &&
            symbol_fits(o->symbol, c->number, c->type_word, icode, &c->date, day_of(&o->date)))
            add_candidate(&cand, o->instrument);
    }
    if (cand.count == 0 && reg) {
        for (size_t cur = 0, i;
             cand.count < CANDIDATES_MAX && vn_registry_number_next(reg, c->number, &cur, &i);) {
            const vn_instrument *in = &reg->instruments[i];
            if (symbol_fits(in->symbol, c->number, c->type_word, icode, &c->date,
                            day_of(&in->issued)))
                add_candidate(&cand, in->id);
        }
    }
    size_t k, end;
    if (cand.count == 0) {
        for (number_range(&t->by_number, c->number, &k, &end);
             k < end && cand.count < CANDIDATES_MAX; k++) {
            const seen *s = &t->items[t->by_number.items[k].item];
            if (symbol_fits(s->symbol, c->number, c->type_word, icode, &c->date,
                            s->date.year ? &s->date : NULL) &&
                !other_provinces(s, province)) {
                char *id = make_id(s->symbol, false, s->date);
                if (!id)
                    return VN_ERR_NOMEM;
                add_candidate(&cand, id);
                free(id);
            }
        }
    }
    return settle(c, &cand);
}

/* ---- names ------------------------------------------------------------ */

/* Whole-string match of a name against a case-folded alias. */
static bool same_name(const char *name, const char *folded)
{
    size_t i = 0, j = 0, nl = strlen(name), fl = strlen(folded);
    while (i < nl && j < fl) {
        int a, b;
        i += vn_utf8_next(name + i, nl - i, &a);
        j += vn_utf8_next(folded + j, fl - j, &b);
        if (utf8proc_tolower(a) != b)
            return false;
    }
    return i == nl && j == fl;
}

static vn_status resolve_name(vn_citation *c, const vn_docmeta *meta, const vn_registry *reg)
{
    if (!reg)
        return VN_OK;
    size_t nl = strlen(c->name);
    candidates cand = {0};
    /* "Bộ luật Lao động năm 2019": the year written with the name decides */
    if (c->date.precision != VN_DATE_NONE) {
        for (size_t a = 0; a < reg->alias_count; a++) {
            const vn_alias *al = &reg->aliases[a];
            const vn_instrument *in = &reg->instruments[al->instrument];
            if (in->issued.precision != VN_DATE_NONE &&
                in->issued.first.year == c->date.first.year && same_name(c->name, al->folded))
                add_candidate(&cand, in->id);
        }
        if (cand.count == 1)
            return settle(c, &cand);
        cand.count = 0;
    }
    vn_date_range when;
    size_t m = 0;
    if (meta && vn_docmeta_effective_date(meta, &when)) {
        const vn_alias *a1 = vn_registry_match_alias(reg, c->name, nl, when.first, &m);
        if (a1 && m == nl)
            add_candidate(&cand, reg->instruments[a1->instrument].id);
        const vn_alias *a2 = vn_registry_match_alias(reg, c->name, nl, when.last, &m);
        if (a2 && m == nl)
            add_candidate(&cand, reg->instruments[a2->instrument].id);
    } else {
        const vn_alias *a = vn_registry_match_alias(reg, c->name, nl, (vn_date){0, 0, 0}, &m);
        if (a && m == nl)
            add_candidate(&cand, reg->instruments[a->instrument].id);
    }
    return settle(c, &cand);
}

/* ---- driver ----------------------------------------------------------- */

/* Documents [from, to) resolved against the finished table, on one thread:
 * each document's variants united first, as its bare forms look at its
 * own (united) symbols. */
typedef struct resolve_part {
    vn_resolve_doc *docs;
    size_t from, to;
    const vn_registry *reg;
    const vn_resolve_table *t;
    vn_status st;
} resolve_part;

static void *resolve_range(void *arg)
{
    resolve_part *p = arg;
    const corpus_table *t = &p->t->united;
    p->st = VN_OK;
    for (size_t d = p->from; d < p->to && p->st == VN_OK; d++) {
        vn_citation_list *l = p->docs[d].citations;
        const vn_docmeta *meta = p->docs[d].meta;
        unsigned long long province = meta ? vn_province_bit(meta->province) : 0;
        for (size_t k = 0; k < l->count && p->st == VN_OK; k++)
            p->st = unite_variant(l, &l->items[k], p->reg, p->t);
        for (size_t k = 0; k < l->count && p->st == VN_OK; k++)
            if (l->items[k].kind == VN_CITE_NUMBERED)
                p->st = resolve_numbered(&l->items[k], p->reg, t, province);
        for (size_t k = 0; k < l->count && p->st == VN_OK; k++) {
            vn_citation *c = &l->items[k];
            if (c->kind == VN_CITE_LIST || c->kind == VN_CITE_SHORT)
                p->st = resolve_bare(c, l, p->reg, t, province);
            else if (c->kind == VN_CITE_NAME)
                p->st = resolve_name(c, meta, p->reg);
        }
    }
    return NULL;
}

static vn_status nomem(vn_error *err)
{
    return vn_error_set(err, VN_ERR_NOMEM, "out of memory while resolving citations");
}

/*
 * Once the table is finished, each document is resolved from the table,
 * the registry and its own citations only, so the documents are split
 * between the calling thread and a helper, at the half of the citations.
 * The result does not depend on the split.
 */
vn_status vn_resolve_with(vn_resolve_doc *docs, size_t count, const vn_resolve_table *t,
                          const vn_registry *reg, vn_error *err)
{
    enum { MIN_SPLIT = 16 };
    if (!t->finished)
        return vn_error_set(err, VN_ERR_USAGE, "the citation table is not finished");
    size_t total = 0, half = count;
    for (size_t d = 0; d < count; d++)
        total += docs[d].citations->count;
    if (count >= MIN_SPLIT) {
        size_t first = 0;
        for (half = 0; half < count && first < total / 2; half++)
            first += docs[half].citations->count;
    }
    resolve_part parts[2] = {{docs, 0, half, reg, t, VN_OK}, {docs, half, count, reg, t, VN_OK}};
    vn_run_pair(resolve_range, &parts[0], half < count ? &parts[1] : NULL);
    vn_status st = parts[0].st != VN_OK ? parts[0].st : parts[1].st;
    return st == VN_OK ? VN_OK : nomem(err);
}

vn_status vn_resolve_table_create(vn_resolve_table **out, vn_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return nomem(err);
    return VN_OK;
}

void vn_resolve_table_free(vn_resolve_table *t)
{
    if (!t)
        return;
    table_clear(&t->united);
    free(t->united.items);
    vn_intern_free(&t->keys);
    free(t->written);
    vn_intern_free(&t->type_words);
    vn_arena_free(&t->key_strings);
    vn_arena_free(&t->strings);
    free(t);
}

static bool in_table(const vn_citation *c)
{
    return c->kind == VN_CITE_NUMBERED && !c->has_year && c->date.precision == VN_DATE_DAY;
}

/* After finishing, only the "Quy định" keys are asked for (unite_reason):
 * the others, most of the table at 100,000 plans, are dropped. */
static vn_status keep_quy_dinh_keys(vn_resolve_table *t)
{
    vn_intern keys = VN_INTERN_INIT;
    written_entry *written = NULL;
    size_t cap = 0;
    vn_arena strings = VN_ARENA_INIT;
    for (size_t i = 0; i < t->keys.count; i++) {
        if (strcmp(t->written[i].type_word, QUY_DINH) != 0)
            continue;
        size_t id;
        const char *key = vn_arena_strdup(&strings, t->keys.keys[i]);
        if (!key || !vn_grow((void **)&written, &cap, keys.count, sizeof *written, 16) ||
            vn_intern_add(&keys, key, &id) != VN_OK) {
            vn_intern_free(&keys);
            free(written);
            vn_arena_free(&strings);
            return VN_ERR_NOMEM;
        }
        written[id] = t->written[i];
    }
    vn_intern_free(&t->keys);
    free(t->written);
    vn_arena_free(&t->key_strings);
    t->keys = keys;
    t->written = written;
    t->written_cap = cap;
    t->key_strings = strings;
    return VN_OK;
}

/* Counts one dated yearless symbol as written. */
static vn_status add_written(vn_resolve_table *t, const char *symbol, vn_date date,
                             const char *type_word, unsigned long long province, vn_error *err)
{
    char key[WRITTEN_KEY_MAX];
    if (!written_key(symbol, date, type_word, key))
        return vn_error_set(err, VN_ERR_PARSE, "citation symbol too long: %.40s…", symbol);
    size_t id = vn_intern_find(&t->keys, key);
    if (id == SIZE_MAX) {
        if (!vn_grow((void **)&t->written, &t->written_cap, t->keys.count, sizeof *t->written,
                     256))
            return nomem(err);
        const char *kept = vn_arena_strdup(&t->key_strings, key);
        const char *kept_symbol = vn_arena_strdup(&t->strings, symbol);
        /* a handful of type words repeat across hundreds of thousands of entries */
        const char *kept_type = vn_intern_keep(&t->type_words, &t->strings, type_word);
        if (!kept || !kept_symbol || !kept_type || vn_intern_add(&t->keys, kept, &id) != VN_OK)
            return nomem(err);
        t->written[id] = (written_entry){kept_symbol, kept_type, date, 0, 0};
    }
    t->written[id].count++;
    t->written[id].provinces |= province;
    return VN_OK;
}

/* The document's own number and date, when it is yearless and dated to the
 * day: the corpus holds that instrument, so an undated citation of the
 * symbol elsewhere can resolve to it ("Kế hoạch số 45-KH/TU" in one plan,
 * the plan 45-KH/TU of 12/4/2021 in the corpus). */
static vn_status add_own_number(vn_resolve_table *t, const vn_docmeta *meta, vn_error *err)
{
    vn_symbol s;
    const char *own = meta->own_number;
    if (!vn_own_number_numbered(own) || meta->date.precision != VN_DATE_DAY ||
        !vn_symbol_parse_loose(own, strlen(own), meta->type_word, &s) || vn_symbol_has_year(&s))
        return VN_OK;
    return add_written(t, own, meta->date.first, meta->type_word,
                       vn_province_bit(meta->province), err);
}

vn_status vn_resolve_table_add(vn_resolve_table *t, const vn_docmeta *meta,
                               const vn_citation_list *l, vn_error *err)
{
    if (t->finished)
        return vn_error_set(err, VN_ERR_USAGE, "the citation table is already finished");
    vn_status st = meta ? add_own_number(t, meta, err) : VN_OK;
    unsigned long long province = meta ? vn_province_bit(meta->province) : 0;
    for (size_t k = 0; k < l->count && st == VN_OK; k++) {
        const vn_citation *c = &l->items[k];
        if (in_table(c))
            st = add_written(t, c->symbol, c->date.first, c->type_word, province, err);
    }
    return st;
}

/* The table by symbol as united (the symbols a citation ends up with),
 * one item per (symbol, date). */
/* The united table's items (filled) sorted, one per (symbol, date), and
 * indexed by symbol and by number; VN_ERR_NOMEM. */
static vn_status united_index(corpus_table *u)
{
    if (table_sort(u) != VN_OK)
        return VN_ERR_NOMEM;
    size_t kept = 0;
    for (size_t k = 0; k < u->count; k++) {
        if (kept == 0 || seen_cmp(&u->items[kept - 1], &u->items[k]) != 0)
            u->items[kept++] = u->items[k];
        else
            u->items[kept - 1].provinces |= u->items[k].provinces;
    }
    u->count = kept;
    table_index(u);
    return number_index_build(&u->by_number, u->items, u->count);
}

vn_status vn_resolve_table_finish(vn_resolve_table *t, const vn_registry *reg, vn_error *err)
{
    if (t->finished)
        return VN_OK;
    corpus_table *u = &t->united;
    size_t n = t->keys.count;
    u->items = malloc((n ? n : 1) * sizeof *u->items);
    if (!u->items)
        return nomem(err);
    u->count = 0;
    for (size_t i = 0; i < n; i++) {
        const written_entry *w = &t->written[i];
        char variant[VN_SYMBOL_MAX];
        const char *symbol = w->symbol;
        if (unite_reason(w->symbol, w->type_word, &w->date, reg, t, variant) &&
            !(symbol = vn_arena_strdup(&t->strings, variant)))
            return nomem(err);
        u->items[u->count++] = (seen){symbol, w->date, 0, w->provinces};
    }
    if (united_index(u) != VN_OK || keep_quy_dinh_keys(t) != VN_OK)
        return nomem(err);
    /* provinces matter for local symbols only: each distinct one parsed once
     * here, not at every citation that asks (other_provinces) */
    for (size_t k = 0; k < u->count; k++)
        if (u->items[k].provinces && !local_symbol(u->items[k].symbol))
            u->items[k].provinces = 0;
    t->finished = true;
    return VN_OK;
}

vn_status vn_resolve(vn_resolve_doc *docs, size_t count, const vn_registry *reg, vn_error *err)
{
    vn_resolve_table *t;
    vn_status st = vn_resolve_table_create(&t, err);
    for (size_t d = 0; st == VN_OK && d < count; d++)
        st = vn_resolve_table_add(t, docs[d].meta, docs[d].citations, err);
    if (st == VN_OK)
        st = vn_resolve_table_finish(t, reg, err);
    if (st == VN_OK)
        st = vn_resolve_with(docs, count, t, reg, err);
    vn_resolve_table_free(t);
    return st;
}

/* ---- kept between runs ---------------------------------------------------------------- */

size_t vn_resolve_table_united_count(const vn_resolve_table *t)
{
    return t->finished ? t->united.count : 0;
}

vn_resolve_row vn_resolve_table_united_at(const vn_resolve_table *t, size_t i)
{
    const seen *s = &t->united.items[i];
    return (vn_resolve_row){s->symbol, NULL, s->date, 0, s->provinces};
}

size_t vn_resolve_table_written_count(const vn_resolve_table *t)
{
    return t->finished ? t->keys.count : 0;
}

vn_resolve_row vn_resolve_table_written_at(const vn_resolve_table *t, size_t i)
{
    const written_entry *w = &t->written[i];
    return (vn_resolve_row){w->symbol, w->type_word, w->date, w->count, w->provinces};
}

/* Adds the written row r (its key new) to t. */
static vn_status restore_written(vn_resolve_table *t, const vn_resolve_row *r, vn_error *err)
{
    char key[WRITTEN_KEY_MAX];
    if (strlen(r->symbol) >= VN_SYMBOL_MAX ||
        strlen(r->type_word) >= sizeof((vn_citation *)0)->type_word ||
        !written_key(r->symbol, r->date, r->type_word, key))
        return vn_error_set(err, VN_ERR_PARSE, "a symbol or type word too long: %.40s",
                            r->symbol);
    if (vn_intern_find(&t->keys, key) != SIZE_MAX)
        return vn_error_set(err, VN_ERR_PARSE, "%s counted twice", r->symbol);
    size_t id;
    const char *kept = vn_arena_strdup(&t->key_strings, key);
    const char *symbol = vn_arena_strdup(&t->strings, r->symbol);
    const char *type_word = vn_intern_keep(&t->type_words, &t->strings, r->type_word);
    if (!kept || !symbol || !type_word ||
        !vn_grow((void **)&t->written, &t->written_cap, t->keys.count, sizeof *t->written,
                 16) ||
        vn_intern_add(&t->keys, kept, &id) != VN_OK)
        return nomem(err);
    t->written[id] = (written_entry){symbol, type_word, r->date, r->count, r->provinces};
    return VN_OK;
}

vn_status vn_resolve_table_restore(const vn_resolve_row *united, size_t united_count,
                                   const vn_resolve_row *written, size_t written_count,
                                   vn_resolve_table **out, vn_error *err)
{
    vn_resolve_table *t;
    vn_status st = vn_resolve_table_create(&t, err);
    if (st != VN_OK)
        return st;
    corpus_table *u = &t->united;
    u->items = malloc((united_count ? united_count : 1) * sizeof *u->items);
    if (!u->items)
        st = nomem(err);
    for (size_t k = 0; st == VN_OK && k < united_count; k++) {
        const char *symbol = strlen(united[k].symbol) < VN_SYMBOL_MAX
                                 ? vn_arena_strdup(&t->strings, united[k].symbol)
                                 : NULL;
        if (!symbol)
            st = strlen(united[k].symbol) < VN_SYMBOL_MAX
                     ? nomem(err)
                     : vn_error_set(err, VN_ERR_PARSE, "a symbol too long: %.40s",
                                    united[k].symbol);
        else
            u->items[u->count++] = (seen){symbol, united[k].date, 0, united[k].provinces};
    }
    /* as vn_resolve_table_finish leaves it */
    if (st == VN_OK && united_index(u) != VN_OK)
        st = nomem(err);
    for (size_t k = 0; st == VN_OK && k < written_count; k++)
        st = restore_written(t, &written[k], err);
    if (st != VN_OK) {
        vn_resolve_table_free(t);
        return st;
    }
    t->finished = true;
    *out = t;
    return VN_OK;
}
