/*
 * cmd_graph.c — `vncite graph [--db DIR] [--registry DIR | --no-registry]
 *   [--format dot|graphml|gexf|json|csv] [-o FILE] [--focus DOC|INSTRUMENT]...
 *   [--depth N] [--as-of DATE]`
 *
 * Exports the citation graph of the index (query/graph.h, docs/GRAPH.md).
 * A file given with -o is written beside itself under a temporary name and
 * renamed into place only when complete, so a failure (full disk, a bad
 * option found late) never leaves half a graph where a tool would read it.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "common/date.h"
#include "common/pending_file.h"
#include "indexer/indexer.h"
#include "query/corpus.h"
#include "query/graph.h"
#include "query/validity.h"

#define MAX_FOCUS 64
#define DEFAULT_DEPTH 1

typedef struct graph_opts {
    const char *db, *registry, *output, *format_name;
    bool no_registry, has_as_of;
    vn_date_range as_of;
    const char *focus[MAX_FOCUS];
    size_t focus_count;
    long depth;                /* -1: not given */
} graph_opts;

/* ---- options ------------------------------------------------------------------------- */

/* The format a file name implies ("graph.gexf"), for -o without --format. */
static bool format_from_name(const char *path, vn_graph_format *out)
{
    static const struct {
        const char *ext;
        vn_graph_format format;
    } exts[] = {{".dot", VN_GRAPH_DOT},   {".gv", VN_GRAPH_DOT},       {".graphml", VN_GRAPH_GRAPHML},
                {".gexf", VN_GRAPH_GEXF}, {".json", VN_GRAPH_JSON},    {".csv", VN_GRAPH_CSV}};
    size_t n = strlen(path);
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        size_t e = strlen(exts[i].ext);
        if (n > e && strcmp(path + n - e, exts[i].ext) == 0) {
            *out = exts[i].format;
            return true;
        }
    }
    return false;
}

static const char *needs_value[] = {"--db", "--registry", "--format", "-o", "--output",
                                    "--focus", "--depth", "--as-of"};

/* 0: run; 1: help printed; -1: usage error reported. */
static int parse(int argc, char **argv, graph_opts *o)
{
    memset(o, 0, sizeof *o);
    o->depth = -1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (vn_is_help(a)) {
            vn_print_usage(vn_find_command("graph"));
            return 1;
        }
        if (strcmp(a, "--no-registry") == 0) {
            o->no_registry = true;
            continue;
        }
        if (strcmp(a, "--no-cache") == 0) {
            vn_corpus_stream_use_cache(false);
            continue;
        }
        bool takes = false;
        for (size_t k = 0; k < sizeof needs_value / sizeof needs_value[0]; k++)
            takes |= strcmp(a, needs_value[k]) == 0;
        if (!takes) {
            vn_report_usage_error("graph", a[0] == '-' ? "unknown option '%s'"
                                                       : "unexpected argument '%s' (the graph "
                                                         "is of the whole index; use --focus)",
                                  a);
            return -1;
        }
        if (++i >= argc) {
            vn_report_usage_error("graph", "%s needs a value", a);
            return -1;
        }
        const char *v = argv[i];
        if (strcmp(a, "--db") == 0) {
            o->db = v;
        } else if (strcmp(a, "--registry") == 0) {
            o->registry = v;
        } else if (strcmp(a, "--format") == 0) {
            o->format_name = v;
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            o->output = v;
        } else if (strcmp(a, "--focus") == 0) {
            if (o->focus_count == MAX_FOCUS) {
                vn_report_usage_error("graph", "at most %d --focus", MAX_FOCUS);
                return -1;
            }
            o->focus[o->focus_count++] = v;
        } else if (strcmp(a, "--depth") == 0) {
            char *end;
            errno = 0;
            long d = strtol(v, &end, 10);
            if (errno || *end || end == v || d < 0 || d > 1000) {
                vn_report_usage_error("graph", "--depth '%s' is not a number of hops (0-1000)", v);
                return -1;
            }
            o->depth = d;
        } else if (!vn_date_parse_any(v, &o->as_of)) {
            vn_report_usage_error("graph", "--as-of '%s' is not a date; write 2024-03-25, "
                                  "25/03/2024, 03/2024 or 2024", v);
            return -1;
        } else {
            o->has_as_of = true;
        }
    }
    if (o->depth >= 0 && o->focus_count == 0) {
        vn_report_usage_error("graph", "--depth counts hops from a --focus; give one");
        return -1;
    }
    if (o->output && !*o->output) {
        vn_report_usage_error("graph", "-o needs a file name");
        return -1;
    }
    return 0;
}

static bool choose_format(const graph_opts *o, vn_graph_format *f)
{
    if (o->format_name) {
        if (vn_graph_format_parse(o->format_name, f))
            return true;
        vn_report_usage_error("graph", "unknown format '%s'; use dot, graphml, gexf, json or csv",
                              o->format_name);
        return false;
    }
    if (!o->output || !format_from_name(o->output, f))
        *f = VN_GRAPH_DOT;
    return true;
}

/* ---- --focus ------------------------------------------------------------------------- */

/* What each --focus means in the instrument table (focus_match), found
 * while vn_graph_build_index still holds the table. */
typedef struct focus_matches {
    const graph_opts *o;
    vn_graph_focus matched[MAX_FOCUS];
} focus_matches;

static vn_status focus_match(void *ctx, const vn_corpus *instruments, vn_error *err)
{
    focus_matches *m = ctx;
    vn_status st = VN_OK;
    for (size_t f = 0; st == VN_OK && f < m->o->focus_count; f++)
        st = vn_graph_focus_match(instruments, m->o->focus[f], &m->matched[f], err);
    return st;
}

/* Keeps the neighbourhood of every --focus; false after reporting what was
 * not found. */
static bool apply_focus(vn_graph *g, const focus_matches *m, const vn_registry *reg,
                        const graph_opts *o)
{
    size_t cap = g->node_count ? g->node_count : 1, seed_count = 0;
    size_t *seeds = malloc(cap * sizeof *seeds);
    size_t *found = malloc(cap * sizeof *found);
    vn_error err;
    bool ok = seeds && found;
    if (!ok) {
        vn_error_set(&err, VN_ERR_NOMEM, "out of memory");
        vn_report_error(&err);
    }
    for (size_t f = 0; ok && f < o->focus_count; f++) {
        size_t n = vn_graph_focus_nodes(g, &m->matched[f], reg, o->focus[f], found, cap);
        for (size_t k = 0; k < n && k < cap && seed_count < cap; k++)
            seeds[seed_count++] = found[k];
        if (n > 0)
            continue;
        size_t in_registry = 0;
        if (reg)
            in_registry = vn_registry_find(reg, o->focus[f], found, cap);
        if (in_registry)
            vn_error_set(&err, VN_ERR_NOTFOUND,
                         "--focus '%s': the registry knows it, but no document in the index "
                         "cites it or anything related to it", o->focus[f]);
        else
            vn_error_set(&err, VN_ERR_NOTFOUND,
                         "--focus '%s': no document or instrument in the index matches it; "
                         "'vncite instruments' lists the cited instruments, 'vncite search' "
                         "the documents", o->focus[f]);
        vn_report_error(&err);
        ok = false;
    }
    if (ok) {
        unsigned depth = o->depth >= 0 ? (unsigned)o->depth : DEFAULT_DEPTH;
        if (vn_graph_keep_near(g, seeds, seed_count, depth, &err) != VN_OK) {
            vn_report_error(&err);
            ok = false;
        }
    }
    free(seeds);
    free(found);
    return ok;
}

/* ---- writing --------------------------------------------------------------------------- */

/* "out/graph.csv" and "out/graph" both give out/graph-nodes.csv and out/graph-edges.csv. */
static char *csv_name(const char *prefix, const char *part)
{
    size_t n = strlen(prefix);
    if (n > 4 && strcmp(prefix + n - 4, ".csv") == 0)
        n -= 4;
    size_t size = n + strlen(part) + 8;
    char *s = malloc(size);
    if (s)
        snprintf(s, size, "%.*s-%s.csv", (int)n, prefix, part);
    return s;
}

static bool write_csv_pair(const vn_graph *g, const char *prefix)
{
    vn_error err;
    char *nodes_path = csv_name(prefix, "nodes"), *edges_path = csv_name(prefix, "edges");
    vn_pending_file nodes = {0}, edges = {0};
    vn_status st = nodes_path && edges_path ? VN_OK
                                            : vn_error_set(&err, VN_ERR_NOMEM, "out of memory");
    if (st == VN_OK)
        st = vn_pending_open(&nodes, nodes_path, &err);
    if (st == VN_OK)
        st = vn_pending_open(&edges, edges_path, &err);
    if (st == VN_OK)
        st = vn_graph_write_csv(g, nodes.f, nodes_path, edges.f, edges_path, &err);
    if (st == VN_OK && !(vn_pending_close(&nodes, &err) && vn_pending_close(&edges, &err)))
        st = VN_ERR_IO;
    /* both complete before either is renamed: the pair stays consistent */
    if (st == VN_OK)
        st = vn_pending_commit(&nodes, &err);
    if (st == VN_OK)
        st = vn_pending_commit(&edges, &err);
    vn_pending_discard(&nodes);
    vn_pending_discard(&edges);
    if (st != VN_OK)
        vn_report_error(&err);
    free(nodes_path);
    free(edges_path);
    return st == VN_OK;
}

static bool write_one(const vn_graph *g, vn_graph_format format, const char *path)
{
    vn_error err;
    if (!path) {
        vn_status st = vn_graph_write(g, format, stdout, "standard output", &err);
        if (st != VN_OK)
            vn_report_error(&err);
        return st == VN_OK;
    }
    vn_pending_file out = {0};
    vn_status st = vn_pending_open(&out, path, &err);
    if (st == VN_OK)
        st = vn_graph_write(g, format, out.f, path, &err);
    if (st == VN_OK && !vn_pending_close(&out, &err))
        st = VN_ERR_IO;
    if (st == VN_OK)
        st = vn_pending_commit(&out, &err);
    vn_pending_discard(&out);
    if (st != VN_OK)
        vn_report_error(&err);
    return st == VN_OK;
}

int vn_cmd_graph(int argc, char **argv)
{
    graph_opts o;
    int p = parse(argc, argv, &o);
    if (p != 0)
        return p > 0 ? VN_EXIT_OK : VN_EXIT_ERROR;
    vn_graph_format format;
    if (!choose_format(&o, &format))
        return VN_EXIT_ERROR;
    if (format == VN_GRAPH_CSV && !o.output) {
        vn_report_usage_error("graph", "csv is two files (nodes and edges); give -o PREFIX "
                              "to write PREFIX-nodes.csv and PREFIX-edges.csv");
        return VN_EXIT_ERROR;
    }
    vn_registry *reg = NULL;
    if (!vn_cli_load_registry(o.registry, o.no_registry, &reg))
        return VN_EXIT_ERROR;
    vn_error err;
    focus_matches matches = {.o = &o};
    vn_graph g;
    vn_graph_options opt = {0};
    if (o.has_as_of) {
        opt.as_of = o.as_of;
        opt.judge_on_as_of = true;
    }
    int status = VN_EXIT_ERROR;
    if (vn_graph_build_index(vn_index_default_db(o.db), reg, &opt, &g,
                             o.focus_count ? focus_match : NULL, &matches, &err) != VN_OK) {
        vn_report_error(&err);
        goto free_matches;
    }
    if (o.focus_count && !apply_focus(&g, &matches, reg, &o))
        goto out;
    bool written = format == VN_GRAPH_CSV ? write_csv_pair(&g, o.output)
                                          : write_one(&g, format, o.output);
    status = written ? VN_EXIT_OK : VN_EXIT_ERROR;
out:
    vn_graph_free(&g);
free_matches:
    for (size_t f = 0; f < o.focus_count; f++)
        vn_graph_focus_free(&matches.matched[f]);
    vn_registry_free(reg);
    return status;
}
