/*
 * registry_check.c — checks a loaded registry for the mistakes a person
 * editing it in a spreadsheet makes: duplicate instruments, events before
 * their instrument's issue, references to unknown instruments, replacement
 * cycles, alias windows that overlap.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry_parts.h"
#include "symbol.h"

typedef struct checker {
    const vn_registry *r;
    vn_registry_problem_fn fn;
    void *ctx;
    size_t count;
} checker;

static void finding(checker *c, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void finding(checker *c, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    registry_report_to(c->fn, c->ctx, file, line, fmt, ap);
    va_end(ap);
    c->count++;
}

static void check_duplicates(checker *c)
{
    const vn_registry *r = c->r;
    size_t *order = registry_sorted_order(r, BY_ID);
    if (!order)
        return;
    for (size_t k = 1; k < r->instrument_count; k++) {
        const vn_instrument *a = &r->instruments[order[k - 1]];
        const vn_instrument *b = &r->instruments[order[k]];
        if (strcmp(a->id, b->id) == 0)
            finding(c, FILE_INSTRUMENTS, b->line, "duplicate instrument %s (also on line %d)",
                    b->id, a->line);
    }
    free(order);
}

static void check_instrument_dates(checker *c)
{
    const vn_registry *r = c->r;
    for (size_t i = 0; i < r->instrument_count; i++) {
        const vn_instrument *in = &r->instruments[i];
        char a[11], b[11];
        if (in->issued.precision != VN_DATE_NONE && in->in_force.precision != VN_DATE_NONE &&
            vn_date_cmp(in->in_force.last, in->issued.first) < 0)
            finding(c, FILE_INSTRUMENTS, in->line, "%s is in force (%s) before it is issued (%s)",
                    in->id, vn_date_range_str(&in->in_force, a),
                    vn_date_range_str(&in->issued, b));
        vn_symbol sym;
        if (in->issued.precision != VN_DATE_NONE &&
            vn_symbol_parse_loose(in->symbol, strlen(in->symbol), NULL, &sym) && sym.year &&
            (sym.year < in->issued.first.year || sym.year > in->issued.last.year))
            finding(c, FILE_INSTRUMENTS, in->line,
                    "%s carries the year %d but is issued %s", in->id, sym.year,
                    vn_date_range_str(&in->issued, a));
    }
}

static void check_events(checker *c)
{
    excerpt x;
    const vn_registry *r = c->r;
    for (size_t i = 0; i < r->event_count; i++) {
        const vn_event *e = &r->events[i];
        const vn_instrument *in = &r->instruments[e->instrument];
        char a[11], b[11];
        if (e->other < 0 && e->other_text[0]) {
            long o;
            ref_result res = registry_resolve_ref(r, e->other_text, &o);
            finding(c, FILE_EVENTS, e->line,
                    res == REF_AMBIGUOUS
                        ? "other instrument %s is ambiguous: write it as symbol@yyyy-mm-dd"
                        : "other instrument %s is not in instruments.csv: add it",
                    registry_excerpt(e->other_text, &x));
        }
        if (e->date.precision != VN_DATE_NONE && in->issued.precision != VN_DATE_NONE &&
            vn_date_cmp(e->date.last, in->issued.first) < 0)
            finding(c, FILE_EVENTS, e->line, "%s of %s is dated %s, before its issue (%s)",
                    vn_event_kind_name(e->kind), in->id, vn_date_range_str(&e->date, a),
                    vn_date_range_str(&in->issued, b));
        if (e->other >= 0 && e->date.precision != VN_DATE_NONE &&
            (e->kind == VN_EVENT_REPLACED_BY || e->kind == VN_EVENT_SUPERSEDED_BY ||
             e->kind == VN_EVENT_AMENDED_BY)) {
            const vn_instrument *o = &r->instruments[e->other];
            if (o->issued.precision != VN_DATE_NONE &&
                vn_date_cmp(e->date.last, o->issued.first) < 0)
                finding(c, FILE_EVENTS, e->line,
                        "%s takes effect %s, before %s was issued (%s)",
                        vn_event_kind_name(e->kind), vn_date_range_str(&e->date, a), o->id,
                        vn_date_range_str(&o->issued, b));
        }
    }
}

static bool is_replacement(const vn_event *e)
{
    return (e->kind == VN_EVENT_REPLACED_BY || e->kind == VN_EVENT_SUPERSEDED_BY) &&
           e->other >= 0;
}

/* Reports the cycle closed by event `closing`: stack[from..depth) then back. */
static void report_cycle(checker *c, const size_t *stack, size_t from, size_t depth,
                         const vn_event *closing)
{
    char msg[200];
    size_t n = 0;
    msg[0] = '\0';
    for (size_t k = from; k <= depth; k++) {
        const char *id = c->r->instruments[k < depth ? stack[k] : stack[from]].id;
        int w = snprintf(msg + n, sizeof msg - n, "%s%s", k > from ? " -> " : "", id);
        if (w < 0 || (size_t)w >= sizeof msg - n) {
            snprintf(msg + sizeof msg - 4, 4, "...");
            break;
        }
        n += (size_t)w;
    }
    finding(c, FILE_EVENTS, closing->line, "replacement cycle: %s", msg);
}

/* Depth-first search over replaced_by/superseded_by edges (iterative, so a
 * long chain cannot overflow the C stack). */
static void check_cycles(checker *c)
{
    const vn_registry *r = c->r;
    size_t n = r->instrument_count, m = r->event_count;
    if (n == 0 || m == 0)
        return;
    size_t *first = calloc(n + 1, sizeof *first);      /* CSR: edges of node v */
    size_t *edges = malloc(m * sizeof *edges);          /* event indices */
    unsigned char *color = calloc(n, 1);                /* 0 new, 1 on stack, 2 done */
    size_t *stack = malloc(n * sizeof *stack);
    size_t *next = malloc(n * sizeof *next);            /* next edge to try, per depth */
    if (!first || !edges || !color || !stack || !next)
        goto out;
    for (size_t i = 0; i < m; i++)
        if (is_replacement(&r->events[i]))
            first[r->events[i].instrument + 1]++;
    for (size_t v = 0; v < n; v++)
        first[v + 1] += first[v];
    {
        size_t *fill = calloc(n, sizeof *fill);
        if (!fill)
            goto out;
        for (size_t i = 0; i < m; i++) {
            size_t v = r->events[i].instrument;
            if (is_replacement(&r->events[i]))
                edges[first[v] + fill[v]++] = i;
        }
        free(fill);
    }
    for (size_t root = 0; root < n; root++) {
        if (color[root])
            continue;
        size_t depth = 0;
        stack[0] = root;
        next[0] = first[root];
        color[root] = 1;
        for (;;) {
            size_t v = stack[depth];
            if (next[depth] == first[v + 1]) {
                color[v] = 2;
                if (depth == 0)
                    break;
                depth--;
                continue;
            }
            const vn_event *e = &r->events[edges[next[depth]++]];
            size_t w = (size_t)e->other;
            if (color[w] == 1) {
                size_t from = 0;
                while (stack[from] != w)
                    from++;
                report_cycle(c, stack, from, depth + 1, e);
            } else if (color[w] == 0) {
                color[w] = 1;
                stack[++depth] = w;
                next[depth] = first[w];
            }
        }
    }
out:
    free(first);
    free(edges);
    free(color);
    free(stack);
    free(next);
}

/* Do the citing-date windows [from, until) of two aliases overlap? */
static bool windows_overlap(const vn_alias *a, const vn_alias *b)
{
    bool a_before_b_ends = !b->cited_until.year || !a->cited_from.year ||
                           vn_date_cmp(a->cited_from, b->cited_until) < 0;
    bool b_before_a_ends = !a->cited_until.year || !b->cited_from.year ||
                           vn_date_cmp(b->cited_from, a->cited_until) < 0;
    return a_before_b_ends && b_before_a_ends;
}

static void check_aliases(checker *c)
{
    excerpt e;
    const vn_registry *r = c->r;
    for (size_t j = 0; j < r->alias_count; j++) {
        const vn_alias *b = &r->aliases[j];
        for (size_t i = 0; i < j; i++) {
            const vn_alias *a = &r->aliases[i];
            if (a->instrument == b->instrument || strcmp(a->folded, b->folded) != 0 ||
                !windows_overlap(a, b))
                continue;
            finding(c, FILE_ALIASES, b->line,
                    "name \"%s\" means %s here but %s on line %d for the same citing dates: "
                    "set cited_from/cited_until so they do not overlap",
                    registry_excerpt(b->name, &e), r->instruments[b->instrument].id,
                    r->instruments[a->instrument].id, a->line);
            break;
        }
    }
}

size_t vn_registry_check(const vn_registry *r, vn_registry_problem_fn problem, void *ctx)
{
    if (!r)
        return 0;
    checker c = {.r = r, .fn = problem, .ctx = ctx, .count = 0};
    check_duplicates(&c);
    check_instrument_dates(&c);
    check_events(&c);
    check_cycles(&c);
    check_aliases(&c);
    return c.count + r->load_problems;
}
