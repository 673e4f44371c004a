/*
 * cmd_registry.c — `vncite registry check` and `vncite registry show`.
 *
 * check: loads the registry, runs vn_registry_check, and lists every
 * problem like a compiler does (FILE:LINE: message, the path joined with
 * the registry folder) so that an editor or a terminal jumps to the row;
 * problems are sorted by file and line because the loader and the checker
 * find them in different passes.  Exit 0 when clean, 1 when there is any
 * problem, 2 when the registry cannot be read at all.
 *
 * show: one instrument as the registry knows it — the row, its events, the
 * reverse relations computed from other rows, and what the validity engine
 * (query/validity.h) makes of them today and on --as-of.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "common/grow.h"
#include "common/registry.h"
#include "query/validity.h"

/* ---- problems ------------------------------------------------------------------ */

typedef struct problem {
    int file_rank;       /* instruments, events, aliases, anything else */
    char file[64];
    int line;
    size_t seq;          /* order found, to keep the sort stable */
    char message[sizeof ((vn_registry_problem *)0)->message];
} problem;

typedef struct problem_list {
    problem *items;
    size_t count, cap;
    bool nomem;
} problem_list;

static int file_rank(const char *file)
{
    static const char *const order[] = {"instruments.csv", "events.csv", "aliases.csv"};
    for (int k = 0; k < 3; k++)
        if (strcmp(file, order[k]) == 0)
            return k;
    return 3;
}

static void collect_problem(void *ctx, const vn_registry_problem *p)
{
    problem_list *l = ctx;
    if (!vn_grow((void **)&l->items, &l->cap, l->count, sizeof *l->items, 32)) {
        l->nomem = true;
        return;
    }
    problem *q = &l->items[l->count];
    const char *file = p->file ? p->file : "";
    q->file_rank = file_rank(file);
    snprintf(q->file, sizeof q->file, "%s", file);
    q->line = p->line;
    q->seq = l->count;
    snprintf(q->message, sizeof q->message, "%s", p->message);
    l->count++;
}

static int cmp_problems(const void *a, const void *b)
{
    const problem *x = a, *y = b;
    if (x->file_rank != y->file_rank)
        return x->file_rank < y->file_rank ? -1 : 1;
    int c = strcmp(x->file, y->file);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* "DIR/FILE" without doubling a trailing slash of DIR. */
static void join_path(const char *dir, const char *file, char *out, size_t size)
{
    size_t n = strlen(dir);
    const char *sep = n && dir[n - 1] == '/' ? "" : "/";
    snprintf(out, size, "%s%s%s", dir, n ? sep : "", file);
}

/* ---- option parsing shared by both subcommands ------------------------------------- */

typedef struct opts {
    bool json;
    const char *registry;
    const char *as_of;
    const char **args;     /* positional arguments */
    int nargs;
} opts;

/* Returns -1 after printing usage (help: status 0 in *status), or 0. */
static int parse_opts(const char *sub, int argc, char **argv, opts *o, int *status)
{
    bool dashdash = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!dashdash && vn_is_help(a)) {
            vn_print_usage(vn_find_command("registry"));
            *status = VN_EXIT_OK;
            return -1;
        } else if (!dashdash && strcmp(a, "--json") == 0) {
            o->json = true;
        } else if (!dashdash && (strcmp(a, "--registry") == 0 || strcmp(a, "--as-of") == 0)) {
            bool reg = a[2] == 'r';
            if (!reg && strcmp(sub, "show") != 0) {
                vn_report_usage_error("registry", "%s takes no --as-of", sub);
                *status = VN_EXIT_ERROR;
                return -1;
            }
            if (++i >= argc) {
                vn_report_usage_error("registry", "%s needs %s", a, reg ? "a folder" : "a date");
                *status = VN_EXIT_ERROR;
                return -1;
            }
            *(reg ? &o->registry : &o->as_of) = argv[i];
        } else if (!dashdash && strcmp(a, "--") == 0) {
            dashdash = true;
        } else if (!dashdash && a[0] == '-' && a[1]) {
            vn_report_usage_error("registry", "unknown option '%s'", a);
            *status = VN_EXIT_ERROR;
            return -1;
        } else {
            o->args[o->nargs++] = a;
        }
    }
    return 0;
}

/* ---- registry check ----------------------------------------------------------------- */

static int run_check(int argc, char **argv)
{
    const char *args[argc > 0 ? argc : 1];
    opts o = {.args = args};
    int status;
    if (parse_opts("check", argc, argv, &o, &status) < 0)
        return status;
    if (o.nargs > 1) {
        vn_report_usage_error("registry", "check takes one registry folder, not '%s' too",
                              o.args[1]);
        return VN_EXIT_ERROR;
    }
    if (o.nargs == 1 && o.registry) {
        vn_report_usage_error("registry", "give the folder once: --registry DIR or DIR");
        return VN_EXIT_ERROR;
    }
    const char *dir = vn_registry_dir(o.nargs ? o.args[0] : o.registry);

    problem_list found = {0};
    vn_registry *r = NULL;
    vn_error err;
    if (vn_registry_load(dir, &r, collect_problem, &found, &err) != VN_OK) {
        vn_report_error(&err);
        free(found.items);
        return VN_EXIT_ERROR;
    }
    vn_registry_check(r, collect_problem, &found);
    int exit_status = found.count ? VN_EXIT_FOUND : VN_EXIT_OK;
    if (found.nomem) {
        vn_error_set(&err, VN_ERR_NOMEM, "out of memory listing the registry's problems");
        vn_report_error(&err);
        exit_status = VN_EXIT_ERROR;
    }
    if (found.count)
        qsort(found.items, found.count, sizeof *found.items, cmp_problems);
    for (size_t k = 0; k < found.count; k++) {
        const problem *p = &found.items[k];
        char path[4096];
        join_path(dir, p->file, path, sizeof path);
        if (!o.json) {
            printf("%s:%d: %s\n", path, p->line, p->message);
        } else if (vn_print_json_line(json_pack("{s:s, s:i, s:s}", "file", path, "line", p->line,
                                        "message", p->message)) != 0) {
            exit_status = VN_EXIT_ERROR;
        }
    }
    if (!o.json) {
        if (found.count)
            printf("%zu problem%s in %s\n", found.count, found.count == 1 ? "" : "s", dir);
        else
            printf("%s: no problems (%zu instruments, %zu events, %zu aliases)\n", dir,
                   r->instrument_count, r->event_count, r->alias_count);
    }
    free(found.items);
    vn_registry_free(r);
    if (fflush(stdout) != 0)
        exit_status = VN_EXIT_ERROR;
    return exit_status;
}

/* ---- registry show ------------------------------------------------------------------ */

typedef struct warn_ctx {
    const char *dir;
} warn_ctx;

/* Load problems are not show's business but must not pass silently. */
static void warn_problem(void *ctx, const vn_registry_problem *p)
{
    const warn_ctx *w = ctx;
    char path[4096];
    join_path(w->dir, p->file, path, sizeof path);
    vn_warn("registry %s:%d: %s", path, p->line, p->message);
}

static vn_date today(void)
{
    time_t t = time(NULL);
    struct tm tm;
    vn_date d = {1970, 1, 1};
    if (localtime_r(&t, &tm))
        d = (vn_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
    return d;
}

static const char *or_dash(const char *s)
{
    return s && *s ? s : "-";
}

static void print_event_block(const vn_registry *r, size_t k)
{
    const vn_event *e = &r->events[k];
    char d[11];
    const char *other = e->other >= 0 ? r->instruments[e->other].id : e->other_text;
    printf("  %-10s  %s%s%s%s  (events.csv:%d)\n",
           e->date.precision ? vn_date_range_str(&e->date, d) : "(no date)",
           vn_event_kind_name(e->kind), other && *other ? " " : "", other ? other : "",
           e->other < 0 && other && *other ? " (not in the registry)" : "", e->line);
    if (e->provision && *e->provision)
        printf("              provision:  %s\n", e->provision);
    printf("              source:     %s\n", or_dash(e->source));
    printf("              confidence: %s\n", vn_confidence_name(e->confidence));
    if (e->note && *e->note)
        printf("              note:       %s\n", e->note);
}

static void print_validity_line(const vn_registry *r, size_t i, bool is_today,
                                const vn_validity *v)
{
    char text[2048], d[11];
    vn_validity_describe(r, i, v, text, sizeof text);
    vn_date_iso(v->day, d);
    if (is_today)
        printf("status today (%s): %s\n", d, text);
    else
        printf("status on %s: %s\n", d, text);
}

static void print_chain(const vn_registry *r, size_t i, vn_date day)
{
    size_t chain[16];
    size_t n = vn_validity_successors(r, i, day, chain, 16);
    if (n < 2)
        return;   /* one step is already in the status sentence */
    printf("  replacement chain: %s", r->instruments[i].id);
    for (size_t k = 0; k < n; k++)
        printf(" -> %s", r->instruments[r->events[chain[k]].other].id);
    printf("\n");
}

static void show_human(const vn_registry *r, size_t i, vn_date now, const vn_date_range *as_of)
{
    const vn_instrument *in = &r->instruments[i];
    char d[11], path[4096];
    printf("%s", in->id);
    if ((in->type_word && *in->type_word) || (in->title && *in->title))
        printf("  %s%s%s", in->type_word ? in->type_word : "",
               in->type_word && *in->type_word && in->title && *in->title ? " " : "",
               in->title ? in->title : "");
    printf("\n");
    printf("  issuer:     %s\n", or_dash(in->issuer));
    printf("  issued:     %s\n", in->issued.precision ? vn_date_range_str(&in->issued, d) : "-");
    printf("  in force:   %s\n",
           in->in_force.precision ? vn_date_range_str(&in->in_force, d) : "-");
    printf("  source:     %s (confidence %s)\n", or_dash(in->source),
           vn_confidence_name(in->confidence));
    if (in->note && *in->note)
        printf("  note:       %s\n", in->note);
    join_path(r->dir ? r->dir : "", "instruments.csv", path, sizeof path);
    printf("  row:        %s:%d\n", path, in->line);

    printf("events:\n");
    size_t shown = 0;
    for (size_t k = 0; k < r->event_count; k++)
        if (r->events[k].instrument == i) {
            print_event_block(r, k);
            shown++;
        }
    if (!shown)
        printf("  (none recorded)\n");

    printf("reverse relations (computed from other instruments' events):\n");
    size_t n = vn_registry_reverse(r, i, VN_KINDS_ALL, NULL, 0);
    size_t *rev = malloc((n ? n : 1) * sizeof *rev);
    if (rev) {
        vn_registry_reverse(r, i, VN_KINDS_ALL, rev, n);
        for (size_t k = 0; k < n; k++) {
            const vn_event *e = &r->events[rev[k]];
            printf("  %-10s  %s %s  (",
                   e->date.precision ? vn_date_range_str(&e->date, d) : "(no date)",
                   vn_event_reverse_name(e->kind), r->instruments[e->instrument].id);
            if (e->provision && *e->provision)
                printf("%s; ", e->provision);
            if (e->source && *e->source && (!e->provision || strcmp(e->source, e->provision)))
                printf("source: %s; ", e->source);
            printf("confidence %s; events.csv:%d)\n", vn_confidence_name(e->confidence),
                   e->line);
        }
        free(rev);
    }
    if (!n)
        printf("  (none)\n");

    vn_validity v = vn_validity_on(r, i, now);
    print_validity_line(r, i, true, &v);
    print_chain(r, i, now);
    if (as_of) {
        v = vn_validity_on(r, i, as_of->first);
        print_validity_line(r, i, false, &v);
        if (as_of->precision != VN_DATE_DAY) {
            v = vn_validity_on(r, i, as_of->last);
            print_validity_line(r, i, false, &v);
        }
        print_chain(r, i, as_of->last);
        vn_outdated o = vn_outdated_check(r, i, as_of);
        char text[2048];
        vn_outdated_describe(r, i, &o, as_of, text, sizeof text);
        printf("a document dated %s citing it: %s\n", vn_date_range_str(as_of, d), text);
    }
}

static json_t *chain_json(const vn_registry *r, size_t i, vn_date day)
{
    size_t chain[16];
    size_t n = vn_validity_successors(r, i, day, chain, 16);
    json_t *a = json_array();
    for (size_t k = 0; a && k < n; k++)
        json_array_append_new(a, json_string(r->instruments[r->events[chain[k]].other].id));
    return a;
}

static json_t *range_or_null(const vn_date_range *d)
{
    char buf[11];
    return d->precision ? json_string(vn_date_range_str(d, buf)) : json_null();
}

static json_t *str_or_null(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

static json_t *show_json(const vn_registry *r, size_t i, vn_date now, const vn_date_range *as_of)
{
    const vn_instrument *in = &r->instruments[i];
    char path[4096];
    join_path(r->dir ? r->dir : "", "instruments.csv", path, sizeof path);
    json_t *events = json_array(), *reverse = json_array();
    for (size_t k = 0; events && k < r->event_count; k++)
        if (r->events[k].instrument == i)
            json_array_append_new(events, vn_event_json(r, k));
    size_t n = vn_registry_reverse(r, i, VN_KINDS_ALL, NULL, 0);
    size_t *rev = malloc((n ? n : 1) * sizeof *rev);
    if (!rev) {
        json_decref(events);
        json_decref(reverse);
        return NULL;
    }
    vn_registry_reverse(r, i, VN_KINDS_ALL, rev, n);
    for (size_t k = 0; reverse && k < n; k++) {
        const vn_event *e = &r->events[rev[k]];
        json_array_append_new(reverse,
                              json_pack("{s:s, s:s, s:o}", "relation",
                                        vn_event_reverse_name(e->kind), "instrument",
                                        r->instruments[e->instrument].id, "event",
                                        vn_event_json(r, rev[k])));
    }
    free(rev);
    vn_validity v = vn_validity_on(r, i, now);
    json_t *o = json_pack(
        "{s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:s, s:o, s:s, s:i, s:o, s:o, s:o, s:o}",
        "id", in->id, "symbol", in->symbol, "type", str_or_null(in->type_word),
        "issuer", str_or_null(in->issuer), "title", str_or_null(in->title),
        "issued", range_or_null(&in->issued), "in_force", range_or_null(&in->in_force),
        "source", str_or_null(in->source), "confidence", vn_confidence_name(in->confidence),
        "note", str_or_null(in->note), "file", path, "line", in->line,
        "events", events, "reverse", reverse, "today", vn_validity_json(r, i, &v),
        "chain_today", chain_json(r, i, now));
    if (o && as_of) {
        vn_validity first = vn_validity_on(r, i, as_of->first);
        vn_validity last = vn_validity_on(r, i, as_of->last);
        vn_outdated out = vn_outdated_check(r, i, as_of);
        json_t *a = json_pack("{s:o, s:o, s:o, s:o, s:o}", "date", range_or_null(as_of),
                              "first", vn_validity_json(r, i, &first),
                              "last", vn_validity_json(r, i, &last),
                              "chain", chain_json(r, i, as_of->last),
                              "citation", vn_outdated_json(r, i, &out, as_of));
        if (!a || json_object_set_new(o, "as_of", a) != 0) {
            json_decref(o);
            o = NULL;
        }
    }
    return o;
}

static int run_show(int argc, char **argv)
{
    const char *args[argc > 0 ? argc : 1];
    opts o = {.args = args};
    int status;
    if (parse_opts("show", argc, argv, &o, &status) < 0)
        return status;
    if (o.nargs == 0) {
        vn_report_usage_error("registry", "show needs a symbol or identity, e.g. "
                                          "59/2023/NĐ-CP or 120-KL/TW@2016-01-07");
        return VN_EXIT_ERROR;
    }
    vn_date_range as_of;
    if (o.as_of && !vn_date_parse_any(o.as_of, &as_of)) {
        vn_report_usage_error("registry",
                              "--as-of '%s' is not a date: write dd/mm/yyyy, yyyy-mm-dd, "
                              "mm/yyyy or yyyy",
                              o.as_of);
        return VN_EXIT_ERROR;
    }
    const char *dir = vn_registry_dir(o.registry);
    warn_ctx w = {dir};
    vn_registry *r = NULL;
    vn_error err;
    if (vn_registry_load(dir, &r, warn_problem, &w, &err) != VN_OK) {
        vn_report_error(&err);
        return VN_EXIT_ERROR;
    }
    int exit_status = VN_EXIT_OK;
    vn_date now = today();
    size_t cap = r->instrument_count ? r->instrument_count : 1;
    size_t *found = malloc(cap * sizeof *found);
    if (!found) {
        vn_error_set(&err, VN_ERR_NOMEM, "out of memory");
        vn_report_error(&err);
        vn_registry_free(r);
        return VN_EXIT_ERROR;
    }
    bool first = true;
    for (int a = 0; a < o.nargs; a++) {
        size_t n = vn_registry_find(r, o.args[a], found, cap);
        if (n == 0) {
            vn_error_set(&err, VN_ERR_NOTFOUND,
                         "'%s' is not in the registry %s: check the symbol, or add it to "
                         "instruments.csv",
                         o.args[a], dir);
            vn_report_error(&err);
            exit_status = VN_EXIT_ERROR;
            continue;
        }
        if (n > 1 && !o.json)
            fprintf(stderr, "vncite: '%s' names %zu instruments; showing each\n", o.args[a], n);
        for (size_t k = 0; k < n && k < cap; k++) {
            if (o.json) {
                if (vn_print_json_line(show_json(r, found[k], now, o.as_of ? &as_of : NULL)) != 0)
                    exit_status = VN_EXIT_ERROR;
            } else {
                if (!first)
                    printf("\n");
                show_human(r, found[k], now, o.as_of ? &as_of : NULL);
            }
            first = false;
        }
    }
    free(found);
    vn_registry_free(r);
    if (fflush(stdout) != 0)
        exit_status = VN_EXIT_ERROR;
    return exit_status;
}

int vn_cmd_registry(int argc, char **argv)
{
    if (argc < 2) {
        vn_report_usage_error("registry", "needs a subcommand: check or show");
        return VN_EXIT_ERROR;
    }
    if (vn_is_help(argv[1])) {
        vn_print_usage(vn_find_command("registry"));
        return VN_EXIT_OK;
    }
    if (strcmp(argv[1], "check") == 0)
        return run_check(argc - 1, argv + 1);
    if (strcmp(argv[1], "show") == 0)
        return run_show(argc - 1, argv + 1);
    vn_report_usage_error("registry", "'%s' is not a registry subcommand (check, show)", argv[1]);
    return VN_EXIT_ERROR;
}
