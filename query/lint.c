/*
 * lint.c — likely errors in the citations of a corpus (see lint.h).
 *
 * Every rule is written to stay quiet when in doubt: a plan is full of
 * dates, and a lint that cries wolf is switched off.  Where a rule cannot
 * tell an error from a legitimate pattern on its own (two instruments of
 * one issuer on one day are common: 217-QĐ/TW and 218-QĐ/TW of 12/12/2013),
 * it asks for a second, independent sign (the same subject) before it says
 * "warning", and says "info" otherwise.
 *
 * The rules that compare documents (matches-other-instrument,
 * conflicting-dates) and their indexes are in lint_compare.c, the
 * stale-year rule, which reads the documents' text, in lint_stale_year.c;
 * lint_parts.h is what the files share.  This file keeps lint's state, the
 * rules on one citation alone and the run.
 */
#include "lint.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/arena.h"
#include "../common/ascii.h"
#include "../common/grow.h"
#include "../common/intern.h"
#include "../common/symbol.h"
#include "../indexer/docjson.h"
#include "find_file.h"
#include "lint_parts.h"
#include "validity.h"

static const char *const rule_names[VN_LINT_RULE_COUNT] = {
    "matches-other-instrument", "conflicting-dates", "corrected-symbol",
    "forward-citation",         "not-yet-issued",    "stale-year",
    "incomplete-symbol",        "misspelled-symbol",
};

const char *vn_lint_rule_name(vn_lint_rule rule)
{
    return (unsigned)rule < VN_LINT_RULE_COUNT ? rule_names[rule] : "?";
}

const char *vn_lint_severity_name(vn_lint_severity s)
{
    return s == VN_LINT_WARNING ? "warning" : "info";
}

bool vn_lint_rule_parse(const char *name, vn_lint_rule *out)
{
    for (int i = 0; i < VN_LINT_RULE_COUNT; i++)
        if (strcmp(name, rule_names[i]) == 0) {
            *out = (vn_lint_rule)i;
            return true;
        }
    return false;
}

/* ---- state ----------------------------------------------------------------------- */

static bool reported(const lint *L, size_t doc)
{
    return L->opts->doc < 0 || (size_t)L->opts->doc == doc;
}

static char *vformat(const char *fmt, va_list ap)
{
    char *s = NULL;
    return vasprintf(&s, fmt, ap) < 0 ? NULL : s;
}

char *lint_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = vformat(fmt, ap);
    va_end(ap);
    return s;
}

/* A copy of text with line breaks and tabs as spaces: findings are one line. */
char *lint_one_line(const char *text, size_t len)
{
    char *s = malloc(len + 1);
    if (!s)
        return NULL;
    for (size_t i = 0; i < len; i++)
        s[i] = text[i] == '\n' || text[i] == '\r' || text[i] == '\t' ? ' ' : text[i];
    s[len] = '\0';
    return s;
}

/* Adds a finding; text is taken over (may be NULL: nomem). */
void lint_add(lint *L, vn_lint_rule rule, vn_lint_severity sev, size_t doc, size_t line,
              size_t column, size_t byte, char *text, char *suggestion, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *message = vformat(fmt, ap);
    va_end(ap);
    vn_lint_result *r = L->out;
    if (text && message && suggestion)
        vn_grow((void **)&r->findings, &r->cap, r->count, sizeof *r->findings, 16);
    if (!text || !message || !suggestion || r->count == r->cap) {
        free(text);
        free(message);
        free(suggestion);
        L->nomem = true;
        return;
    }
    r->findings[r->count++] = (vn_lint_finding){rule, sev, L->files[doc], line, column,
                                                byte, text, message, suggestion};
}

static void note(lint *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(lint *L, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = vformat(fmt, ap);
    va_end(ap);
    char **grown = s ? realloc(L->out->notes, (L->out->note_count + 1) * sizeof *grown) : NULL;
    if (!grown) {
        free(s);
        L->nomem = true;
        return;
    }
    L->out->notes = grown;
    grown[L->out->note_count++] = s;
}

static void drop_texts(lint *L, size_t keep);

/* A document's text, loaded if need be.  The pointer is good until the
 * next call: a load may drop the texts loaded longest ago first, since
 * one document can send lint to the texts of thousands of others. */
const vn_doctext *lint_doc_text(lint *L, size_t doc)
{
    if (L->text_states[doc] == TEXT_UNTRIED) {
        if (L->loaded_count >= TEXTS_KEPT)
            drop_texts(L, TEXTS_KEPT - 1);
        vn_error err;
        const char *file = L->files[doc];
        char *on_disk = NULL;   /* a name that is not UTF-8 is stored with \xNN escapes */
        vn_status st = L->opts->text
                           ? L->opts->text(L->opts->text_ctx, file, &L->texts[doc], &err)
                           : vn_doctext_load(vn_path_on_disk(file, &on_disk), &L->texts[doc], &err);
        free(on_disk);
        L->text_states[doc] = st == VN_OK ? TEXT_OK : TEXT_FAILED;
        if (st == VN_OK) {
            L->loaded[L->loaded_count++] = doc;
            if (L->loaded_count > L->out->texts_peak)
                L->out->texts_peak = L->loaded_count;
        }
        if (st != VN_OK)
            note(L, "%s: text not readable (%s): the stale-year rule is skipped for it and its "
                 "citations' subjects are not compared", file, err.msg);
    }
    return L->text_states[doc] == TEXT_OK ? &L->texts[doc] : NULL;
}

/*
 * Drops the texts loaded longest ago when more than `keep` are loaded,
 * down to keep / 2; they are read again if needed.  lint_doc_text() calls it
 * before each load, so memory stays bounded whatever the corpus size,
 * while the documents that many others are compared with mostly stay.  A
 * text that failed stays failed, noted once.
 */
static void drop_texts(lint *L, size_t keep)
{
    if (L->loaded_count <= keep)
        return;
    size_t drop = L->loaded_count - keep / 2;
    for (size_t i = 0; i < drop; i++) {
        vn_doctext_free(&L->texts[L->loaded[i]]);
        L->text_states[L->loaded[i]] = TEXT_UNTRIED;
    }
    memmove(L->loaded, L->loaded + drop, (L->loaded_count - drop) * sizeof *L->loaded);
    L->loaded_count -= drop;
}

/* ---- dates and symbols --------------------------------------------------------------- */

/* dd/mm/yyyy as the documents write it, or "2024-03"/"2023" for partial dates. */
const char *lint_show_date(const vn_date_range *r, char buf[16])
{
    if (r->precision == VN_DATE_DAY) {
        snprintf(buf, 16, "%02d/%02d/%04d", r->first.day % 100, r->first.month % 100,
                 r->first.year % 10000);
        return buf;
    }
    char iso[11];
    snprintf(buf, 16, "%s", vn_date_range_str(r, iso));
    return buf;
}

/* The document's own date; false when it writes none (the date inferred
 * from what it cites would make every forward check trivially pass). */
bool lint_own_date(const vn_corpus_doc *d, vn_date_range *out)
{
    *out = d->meta.date;
    return d->meta.date.precision != VN_DATE_NONE;
}

/* ---- subjects ------------------------------------------------------------------------ */

bool lint_is_word_byte(unsigned char ch)
{
    return ch >= 0x80 || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
           (ch >= 'A' && ch <= 'Z');
}

/* The text offset whose file byte is the first >= byte (the map is monotonic). */
size_t lint_text_offset_of(const vn_doctext *dt, size_t byte)
{
    size_t lo = 0, hi = dt->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (vn_doctext_file_byte(dt, mid) < byte)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* ---- rule: corrected-symbol ------------------------------------------------------------------ */

static void rule_corrected(lint *L, size_t d, size_t k)
{
    const vn_corpus_cite *ci = &L->doc->cites[k];
    if (!ci->c.corrected)
        return;
    add_on_cite(L, VN_LINT_CORRECTED_SYMBOL, VN_LINT_INFO, d, ci,
                lint_format("write the official symbol %s", ci->c.symbol), "%s", ci->c.corrected);
}

/* ---- rule: incomplete-symbol ------------------------------------------------------------------ */

/* Where the citation's text writes its number with a year ("15/2020" in
 * "Nghị định số 15/2020"), or NULL. */
static const char *number_with_year(const char *text, const char *number)
{
    size_t n = strlen(number);
    for (const char *p = text; n && (p = strstr(p, number)); p++) {
        if (p > text && vn_ascii_digit(p[-1]))
            continue;
        const char *y = p + n;
        if (y[0] == '/' && vn_ascii_digit(y[1]) && vn_ascii_digit(y[2]) && vn_ascii_digit(y[3]) &&
            vn_ascii_digit(y[4]) && !vn_ascii_alnum(y[5]) && y[5] != '/')
            return p;
    }
    return NULL;
}

/* "Nghị định số 15/2020": a short or list citation whose number carries its
 * year but no codes.  Info when it resolved (the symbol to write is known),
 * a warning when nothing, or more than one instrument, fits. */
static void rule_incomplete(lint *L, size_t d, size_t k)
{
    const vn_corpus_cite *ci = &L->doc->cites[k];
    const vn_citation *c = &ci->c;
    if ((c->kind != VN_CITE_SHORT && c->kind != VN_CITE_LIST) || !ci->text)
        return;
    const char *written = number_with_year(ci->text, c->number);
    if (!written)
        return;
    int wl = (int)(strlen(c->number) + 5);
    if (c->instrument) {
        int sl = (int)strcspn(c->instrument, "@");
        add_on_cite(L, VN_LINT_INCOMPLETE_SYMBOL, VN_LINT_INFO, d, ci,
                    lint_format("write the whole symbol %.*s", sl, c->instrument),
                    "%.*s is written without its codes; it is %.*s", wl, written, sl,
                    c->instrument);
    } else if (c->ambiguous) {
        add_on_cite(L, VN_LINT_INCOMPLETE_SYMBOL, VN_LINT_WARNING, d, ci,
                    lint_format("write the whole symbol, one of: %s", c->candidates),
                    "%.*s is written without its codes, and several instruments fit", wl,
                    written);
    } else {
        add_on_cite(L, VN_LINT_INCOMPLETE_SYMBOL, VN_LINT_WARNING, d, ci,
                    lint_format("write the whole symbol: number/year/codes (15/2020/NĐ-CP)"),
                    "%.*s is written without its codes, and no %s numbered %s of %.4s is "
                    "known to the registry or the index",
                    wl, written, c->type_word[0] ? c->type_word : "instrument", c->number,
                    written + strlen(c->number) + 1);
    }
}

/* ---- rule: misspelled-symbol ------------------------------------------------------------------ */

/* Where a numbered citation's text writes its symbol (it ends the text):
 * from the first number on which the loose reading gives that symbol, to
 * the end.  NULL if none does. */
static const char *written_symbol(const vn_citation *c, const char *text)
{
    size_t n = strlen(text);
    for (size_t p = 0; p < n; p++) {
        if (!vn_ascii_digit(text[p]) || (p > 0 && (vn_ascii_alnum(text[p - 1]) || text[p - 1] == '.')))
            continue;
        vn_symbol s;
        char read[VN_SYMBOL_MAX];
        if (vn_symbol_parse_loose(text + p, n - p, c->type_word, &s)) {
            vn_symbol_format(&s, read);
            if (strcmp(read, c->symbol) == 0)
                return text + p;
        }
    }
    return NULL;
}

/* The bytes of a Unicode hyphen or dash at w (U+2010..U+2015, U+2212),
 * which Word's typography puts for "-"; 0 if none. */
static size_t typographic_dash(const char *w)
{
    const unsigned char *u = (const unsigned char *)w;
    if (u[0] != 0xE2)
        return 0;
    return (u[1] == 0x80 && u[2] >= 0x90 && u[2] <= 0x95) || (u[1] == 0x88 && u[2] == 0x92) ? 3
                                                                                            : 0;
}

/* "1242/qđ-ubnd", "04/2015/NĐ/CP", "1238/QĐUBND", "59/2023/ND-CP": a symbol
 * the extractor read, written otherwise than its official form.  Typography
 * is not counted: blanks (justified text and wrapped lines put them in) and
 * a dash for the hyphen.  A symbol united with its official variant is
 * corrected-symbol's. */
static void rule_misspelled(lint *L, size_t d, size_t k)
{
    const vn_corpus_cite *ci = &L->doc->cites[k];
    const vn_citation *c = &ci->c;
    if (c->kind != VN_CITE_NUMBERED || !ci->text || !c->symbol[0] || c->corrected)
        return;
    const char *written = written_symbol(c, ci->text);
    if (!written)
        return;
    const char *official = c->symbol;
    const char *w = written;
    for (; *w && *official; w++) {
        if (*w == ' ' || *w == '\t' || *w == '\n')
            continue;
        size_t dash = *official == '-' ? typographic_dash(w) : 0;
        if (dash) {
            w += dash - 1;
        } else if (*w != *official) {
            break;
        }
        official++;
    }
    while (*w == ' ' || *w == '\t' || *w == '\n')
        w++;
    if (!*w && !*official)
        return;
    add_on_cite(L, VN_LINT_MISSPELLED_SYMBOL, VN_LINT_INFO, d, ci,
                lint_format("write %s", c->symbol), "%s is written for the symbol %s", written,
                c->symbol);
}

/* ---- rules: forward-citation, not-yet-issued --------------------------------------------------- */

static void rule_forward(lint *L, size_t d, size_t k, bool *flagged)
{
    const vn_corpus_doc *doc = L->doc;
    const vn_corpus_cite *ci = &doc->cites[k];
    const vn_citation *c = &ci->c;
    vn_date_range own;
    *flagged = false;
    if (!lint_own_date(doc, &own))
        return;
    char mine[16], theirs[16];
    if (c->date.precision != VN_DATE_NONE) {
        if (vn_date_cmp(c->date.first, own.last) <= 0)
            return;
        *flagged = true;
        add_on_cite(L, VN_LINT_FORWARD_CITATION, VN_LINT_WARNING, d, ci,
                    lint_format("check the cited date and this document's date"),
                    "%s is cited as of %s, after this document's own date %s",
                    c->symbol[0] ? c->symbol : ci->text, lint_show_date(&c->date, mine),
                    lint_show_date(&own, theirs));
        return;
    }
    vn_symbol sym;
    if (c->has_year && lint_parse_symbol(c->symbol, &sym) && sym.year > own.last.year) {
        *flagged = true;
        add_on_cite(L, VN_LINT_FORWARD_CITATION, VN_LINT_WARNING, d, ci,
                    lint_format("check the year in the symbol and this document's date"),
                    "%s carries the year %d, after this document's own date %s", c->symbol,
                    sym.year, lint_show_date(&own, theirs));
    }
}

static void rule_not_yet_issued(lint *L, size_t d, size_t k)
{
    const vn_corpus_doc *doc = L->doc;
    const vn_corpus_cite *ci = &doc->cites[k];
    const vn_registry *reg = L->reg;
    vn_date_range own;
    if (!reg || !ci->c.instrument || !lint_own_date(doc, &own))
        return;
    long r = vn_registry_by_id(reg, ci->c.instrument);
    if (r < 0)
        return;
    vn_outdated o = vn_outdated_check(reg, (size_t)r, &own);
    if (o.status != VN_OUTDATED_NOT_YET_ISSUED)
        return;
    char issued[16], mine[16];
    const vn_instrument *in = &reg->instruments[r];
    add_on_cite(L, VN_LINT_NOT_YET_ISSUED, VN_LINT_WARNING, d, ci,
                lint_format("check this document's date, or whether another instrument is meant"),
                "the registry has %s issued %s, after this document's own date %s "
                "(instruments.csv line %d)",
                in->symbol, lint_show_date(&o.issued, issued), lint_show_date(&own, mine), in->line);
}

/* ---- run ---------------------------------------------------------------------------------------- */

static int same_symbol_cmp(const void *a, const void *b, void *ctx)
{
    const vn_corpus_doc *doc = ctx;
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    int r = strcmp(doc->cites[x].c.symbol, doc->cites[y].c.symbol);
    return r ? r : (x < y ? -1 : x > y);
}

/* Chains the linted document's citations by symbol (first_same, next_same), so a
 * citation finds the earlier ones of its symbol without a pass over all. */
static void chain_symbols(lint *L)
{
    const vn_corpus_doc *doc = L->doc;
    size_t n = doc->cite_count;
    for (size_t k = 0; k < n; k++)
        L->doc_order[k] = k;
    qsort_r(L->doc_order, n, sizeof *L->doc_order, same_symbol_cmp, (void *)doc);
    for (size_t g = 0, end; g < n; g = end) {
        const char *sym = doc->cites[L->doc_order[g]].c.symbol;
        for (end = g + 1; end < n && strcmp(doc->cites[L->doc_order[end]].c.symbol, sym) == 0;
             end++)
            ;
        for (size_t t = g; t < end; t++) {
            L->first_same[L->doc_order[t]] = L->doc_order[g];
            L->next_same[L->doc_order[t]] = t + 1 < end ? L->doc_order[t + 1] : SIZE_MAX;
        }
    }
}

static int finding_cmp(const void *a, const void *b)
{
    const vn_lint_finding *x = a, *y = b;
    int r = strcmp(x->file, y->file);
    if (r)
        return r;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->column != y->column)
        return x->column < y->column ? -1 : 1;
    return (int)x->rule - (int)y->rule;
}

static bool runs(const lint *L, vn_lint_rule rule)
{
    return !(L->opts->skip & (1u << rule));
}

static void free_findings(vn_lint_finding *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(f[i].text);
        free(f[i].message);
        free(f[i].suggestion);
    }
}

/* Frees the findings' strings and empties the list (its array stays). */
static void clear_findings(vn_lint_result *r)
{
    free_findings(r->findings, r->count);
    r->count = 0;
}

static vn_status out_of_memory(vn_error *err)
{
    return vn_error_set(err, VN_ERR_NOMEM, "out of memory while linting");
}

/* collect_doc's failure as the run's error. */
static vn_status collect_error(vn_status st, const char *file, vn_error *err)
{
    if (st == VN_ERR_INDEX)
        return vn_error_set(err, st, "%s: a citation dated with a date no calendar has; "
                            "rebuild the index", file);
    return out_of_memory(err);
}

/* The findings of the documents from next_hand on that are linted, to the
 * caller's callback in file order. */
static vn_status hand_over_ready(lint *L, vn_error *err)
{
    vn_status st = VN_OK;
    while (st == VN_OK && L->next_hand < L->doc_count && L->linted[L->next_hand]) {
        held_findings *h = &L->held[L->next_hand++];
        if (h->count)
            st = L->opts->findings(L->opts->findings_ctx, h->findings, h->count, err);
        free_findings(h->findings, h->count);
        free(h->findings);
        *h = (held_findings){NULL, 0};
    }
    return st;
}

/* The findings of document `rank`, just linted: sorted, and held until
 * those of the documents before it are handed over. */
static vn_status hand_over(lint *L, size_t rank, vn_error *err)
{
    vn_lint_result *r = L->out;
    if (r->count > 1)
        qsort(r->findings, r->count, sizeof *r->findings, finding_cmp);
    L->held[rank] = (held_findings){r->findings, r->count};
    r->findings = NULL;
    r->count = r->cap = 0;
    L->linted[rank] = true;
    return hand_over_ready(L, err);
}

/* Room for doc_count documents, to be collected, then linted. */
static vn_status lint_begin(lint *L, size_t doc_count, vn_error *err)
{
    size_t n = doc_count ? doc_count : 1;
    L->doc_count = doc_count;
    L->files = calloc(n, sizeof *L->files);
    L->texts = calloc(n, sizeof *L->texts);
    L->text_states = calloc(n, sizeof *L->text_states);
    L->loaded = malloc(n * sizeof *L->loaded);
    L->linted = calloc(n, sizeof *L->linted);
    L->held = calloc(n, sizeof *L->held);
    if (!L->files || !L->texts || !L->text_states || !L->loaded || !L->linted || !L->held)
        return out_of_memory(err);
    return VN_OK;
}

/* Runs every rule not skipped over document `rank` (all of them collected
 * before), then hands its findings over (with a callback). */
static vn_status lint_doc(lint *L, const vn_corpus_doc *doc, size_t rank, vn_error *err)
{
    if (reported(L, rank)) {
        L->doc = doc;
        chain_symbols(L);
        for (size_t k = 0; k < doc->cite_count && !L->nomem; k++) {
            if (runs(L, VN_LINT_MATCHES_OTHER))
                lint_rule_matches_other(L, rank, k);
            if (runs(L, VN_LINT_CONFLICTING_DATES))
                lint_rule_conflicting_dates(L, rank, k);
            if (runs(L, VN_LINT_CORRECTED_SYMBOL))
                rule_corrected(L, rank, k);
            bool forward = false;
            if (runs(L, VN_LINT_FORWARD_CITATION))
                rule_forward(L, rank, k, &forward);
            /* a forward citation already says the dates disagree */
            if (!forward && runs(L, VN_LINT_NOT_YET_ISSUED))
                rule_not_yet_issued(L, rank, k);
            if (runs(L, VN_LINT_INCOMPLETE_SYMBOL))
                rule_incomplete(L, rank, k);
            if (runs(L, VN_LINT_MISSPELLED_SYMBOL))
                rule_misspelled(L, rank, k);
        }
        if (runs(L, VN_LINT_STALE_YEAR) && !L->nomem)
            lint_rule_stale_year(L, rank);
        L->doc = NULL;
    }
    if (L->nomem)
        return out_of_memory(err);
    return L->opts->findings ? hand_over(L, rank, err) : VN_OK;
}

static int note_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Frees what lint holds; on success puts the findings (without a callback)
 * and the notes in their order.  Returns st. */
static vn_status lint_end(lint *L, vn_status st)
{
    if (L->loaded)
        drop_texts(L, 0);
    for (size_t i = 0; L->held && i < L->doc_count; i++) {
        free_findings(L->held[i].findings, L->held[i].count);
        free(L->held[i].findings);
    }
    free(L->held);
    free(L->linted);
    free(L->loaded);
    free(L->texts);
    free(L->text_states);
    free(L->files);
    free(L->dated);
    vn_intern_free(&L->symbols);
    vn_arena_free(&L->symbol_strings);
    free(L->spans);
    free(L->day_subjects);
    free(L->group_subject);
    vn_intern_free(&L->subjects);
    vn_arena_free(&L->subject_strings);
    free(L->group_first);
    free(L->day_subject_tried);
    free(L->days_by_doc);
    free(L->by_day);
    free(L->reg_symbols);
    free(L->reg_parsed);
    free(L->reg_by_day);
    free(L->reg_by_kind);
    free(L->first_same);
    free(L->next_same);
    free(L->doc_order);
    vn_lint_result *out = L->out;
    if (st != VN_OK) {
        vn_lint_result_free(out);
        return st;
    }
    if (out->count > 1)
        qsort(out->findings, out->count, sizeof *out->findings, finding_cmp);
    /* a note is made when a text is first needed, which depends on the
     * order documents come in: sorted, they do not */
    if (out->note_count > 1)
        qsort(out->notes, out->note_count, sizeof *out->notes, note_cmp);
    return VN_OK;
}

static void lint_init(lint *L, const vn_registry *reg, const vn_lint_options *opts,
                      vn_lint_result *out)
{
    memset(out, 0, sizeof *out);
    *L = (lint){.opts = opts, .reg = reg, .out = out, .symbols = VN_INTERN_INIT,
                .symbol_strings = VN_ARENA_INIT, .subjects = VN_INTERN_INIT,
                .subject_strings = VN_ARENA_INIT};
}

static const vn_lint_options default_options = {-1, 0, NULL, NULL, NULL, NULL, NULL};

vn_status vn_lint_run(const vn_corpus *c, const vn_lint_options *opts, vn_lint_result *out,
                      vn_error *err)
{
    lint L;
    lint_init(&L, c->registry, opts ? opts : &default_options, out);
    vn_status st = lint_begin(&L, c->doc_count, err);
    for (size_t d = 0; st == VN_OK && d < c->doc_count; d++) {
        L.files[d] = c->docs[d].file;
        vn_status collected = lint_collect_doc(&L, &c->docs[d], d);
        if (collected != VN_OK)
            st = collect_error(collected, c->docs[d].file, err);
    }
    if (st == VN_OK && lint_build_indexes(&L) != VN_OK)
        st = out_of_memory(err);
    for (size_t d = 0; st == VN_OK && d < c->doc_count; d++)
        st = lint_doc(&L, &c->docs[d], d, err);
    return lint_end(&L, st);
}

/* ---- streamed ---------------------------------------------------------------------------- */

typedef struct lint_stream {
    lint L;
    vn_lint_options opts;   /* the caller's, with doc found from file */
    const char *db_path;
} lint_stream;

static vn_status stream_begin(void *arg, size_t doc_count, vn_error *err)
{
    lint_stream *s = arg;
    return lint_begin(&s->L, doc_count, err);
}

static vn_status stream_collect(void *arg, const vn_corpus_doc *doc, size_t rank, vn_error *err)
{
    lint_stream *s = arg;
    if (rank >= s->L.doc_count || s->L.files[rank])
        return vn_error_set(err, VN_ERR_INDEX, "%s: document %zu read twice; run the command "
                            "again", s->db_path, rank);
    s->L.files[rank] = vn_arena_strdup(&s->L.out->file_names, doc->file);
    if (!s->L.files[rank])
        return out_of_memory(err);
    vn_status st = lint_collect_doc(&s->L, doc, rank);
    return st == VN_OK ? VN_OK : collect_error(st, doc->file, err);
}

static vn_status stream_indexes(void *arg, size_t doc_count, vn_error *err)
{
    lint_stream *s = arg;
    (void)doc_count;
    if (lint_build_indexes(&s->L) != VN_OK)
        return out_of_memory(err);
    if (s->opts.file) {
        s->opts.doc = vn_find_file(s->opts.file, s->L.files, s->L.doc_count, sizeof *s->L.files);
        if (s->opts.doc < 0)
            return vn_error_set(err, VN_ERR_NOTFOUND,
                                "%s: not in the index %s; give the path as 'vncite search' "
                                "prints it", s->opts.file, s->db_path);
    }
    return VN_OK;
}

static vn_status stream_lint(void *arg, const vn_corpus_doc *doc, size_t rank, vn_error *err)
{
    lint_stream *s = arg;
    return lint_doc(&s->L, doc, rank, err);
}

vn_status vn_lint_stream(const char *db_path, const vn_registry *registry,
                         const vn_lint_options *opts, vn_lint_result *out, vn_error *err)
{
    lint_stream s = {.opts = opts ? *opts : default_options, .db_path = db_path};
    lint_init(&s.L, registry, &s.opts, out);
    const vn_corpus_visitor passes[2] = {{stream_begin, stream_collect, &s},
                                         {stream_indexes, stream_lint, &s}};
    vn_status st = vn_corpus_stream_passes(db_path, registry, passes, 2, err);
    /* every document is handed over by now, unless the index changed */
    if (st == VN_OK && s.opts.findings && s.L.next_hand != s.L.doc_count)
        st = vn_error_set(err, VN_ERR_INDEX, "the index changed while it was read; run the "
                          "command again");
    return lint_end(&s.L, st);
}

void vn_lint_result_free(vn_lint_result *r)
{
    if (!r)
        return;
    clear_findings(r);
    free(r->findings);
    for (size_t i = 0; i < r->note_count; i++)
        free(r->notes[i]);
    free(r->notes);
    vn_arena_free(&r->file_names);
    memset(r, 0, sizeof *r);
}
