/*
 * cmd_extract.c — `vncite extract [--json | --csv] [--registry DIR] PATH...`
 *
 * Reads every file, extracts citations and metadata, resolves citations
 * across all the files given, and prints one line per citation (or JSON
 * Lines: a document record followed by its citation records; or CSV: a
 * header, then one row per citation).  A bad file
 * is reported and skipped; the exit status is then 2, but every other file
 * is still printed.  "-" reads one document from standard input (named "-"
 * in the output, before the files), so text from another tool can be piped
 * in: `pdftotext plan.pdf - | vncite extract -`.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "query_opts.h"
#include "indexer/analyze.h"
#include "indexer/docjson.h"
#include "indexer/reader.h"
#include "indexer/resolve.h"
#include "indexer/walk.h"

typedef struct extract_opts {
    bool json, csv;
    const char *registry;
    bool no_registry;
} extract_opts;

static void walk_problem(void *ctx, const vn_error *e)
{
    *(bool *)ctx = true;
    vn_report_error(e);
}

static const char *const csv_head[] = {
    "file", "line", "column", "start", "end", "instrument", "kind", "type", "number", "symbol",
    "name", "date", "issuer", "term", "article", "clause", "point", "ambiguous", "candidates",
    "corrected", "text"};

/* One CSV row: the fields of the JSON citation record (docs/JSON.md). */
static void print_csv(const vn_analysis *a, const vn_citation *c)
{
    vn_filepos from, to;
    char *text = vn_analysis_cite_place(a, c, &from, &to);
    char line[24], column[24], start[24], end[24], date[11] = "";
    snprintf(line, sizeof line, "%zu", from.line);
    snprintf(column, sizeof column, "%zu", from.column);
    snprintf(start, sizeof start, "%zu", from.byte);
    snprintf(end, sizeof end, "%zu", to.byte);
    if (c->date.precision)
        vn_date_range_str(&c->date, date);
    const char *row[] = {a->doc.path, line, column, start, end, c->instrument,
                         vn_citation_kind_name(c->kind), c->type_word, c->number, c->symbol,
                         c->name, date, c->issuer, c->term, c->pinpoint.article,
                         c->pinpoint.clause, c->pinpoint.point, c->ambiguous ? "true" : "false",
                         c->candidates, c->corrected, text};
    _Static_assert(sizeof row / sizeof *row == sizeof csv_head / sizeof *csv_head,
                   "one field a column");
    vn_csv_row(stdout, row, sizeof row / sizeof *row);
    free(text);
}

static void print_human(const vn_analysis *a, const vn_citation *c)
{
    vn_filepos pos;
    char date[11];
    char *text = vn_analysis_cite_place(a, c, &pos, NULL);
    char number[sizeof c->number + 8];   /* "17/2020": a number written with its year */
    if (c->written_year)
        snprintf(number, sizeof number, "%s/%04u", c->number, (unsigned)c->written_year);
    else
        snprintf(number, sizeof number, "%s", c->number);
    const char *what = c->instrument ? c->instrument
                       : c->symbol[0] ? c->symbol
                       : c->name[0]   ? c->name
                                      : number;
    printf("%s:%zu:%zu\t%s%s\t%s\t%s\t%s\t\"%s\"\n", a->doc.path, pos.line, pos.column, what,
           c->ambiguous ? " (ambiguous)" : (!c->instrument ? " (unresolved)" : ""),
           c->type_word[0] ? c->type_word : "-",
           c->date.precision ? vn_date_range_str(&c->date, date) : "-",
           c->issuer[0] ? c->issuer : "-", text ? text : "");
    free(text);
}

int vn_cmd_extract(int argc, char **argv)
{
    extract_opts o = {0};
    int first = argc;
    for (int i = 1; i < argc; i++) {
        if (vn_is_help(argv[i])) {
            vn_print_usage(vn_find_command("extract"));
            return VN_EXIT_OK;
        } else if (strcmp(argv[i], "--json") == 0) {
            o.json = true;
        } else if (strcmp(argv[i], "--csv") == 0) {
            o.csv = true;
        } else if (strcmp(argv[i], "--no-registry") == 0) {
            o.no_registry = true;
        } else if (strcmp(argv[i], "--registry") == 0) {
            if (++i >= argc) {
                vn_report_usage_error("extract", "--registry needs a folder");
                return VN_EXIT_ERROR;
            }
            o.registry = argv[i];
        } else if (strcmp(argv[i], "--") == 0) {
            first = i + 1;
            break;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            vn_report_usage_error("extract", "unknown option '%s'", argv[i]);
            return VN_EXIT_ERROR;
        } else {
            first = i;
            break;
        }
    }
    if (o.json && o.csv) {
        vn_report_usage_error("extract", "--json and --csv exclude each other");
        return VN_EXIT_ERROR;
    }
    if (first >= argc) {
        vn_report_usage_error("extract", "no file given");
        return VN_EXIT_ERROR;
    }

    bool failed = false;
    vn_error err;
    vn_registry *reg = NULL;
    if (!vn_cli_load_registry(o.registry, o.no_registry, &reg))
        return VN_EXIT_ERROR;

    /* "-" (standard input) is not a path to walk */
    bool from_stdin = false;
    int paths = first;
    for (int i = first; i < argc; i++) {
        if (strcmp(argv[i], "-") == 0)
            from_stdin = true;
        else
            argv[paths++] = argv[i];
    }
    vn_pathlist files;
    if (vn_walk(argv + first, (size_t)(paths - first), &files, walk_problem, &failed, &err) != VN_OK) {
        vn_report_error(&err);
        vn_registry_free(reg);
        return VN_EXIT_ERROR;
    }

    size_t slots = files.count + from_stdin;
    vn_analysis *docs = calloc(slots ? slots : 1, sizeof *docs);
    vn_resolve_doc *rdocs = calloc(slots ? slots : 1, sizeof *rdocs);
    size_t ok = 0;
    int status = VN_EXIT_OK;
    if (!docs || !rdocs) {
        vn_error_set(&err, VN_ERR_NOMEM, "out of memory");
        vn_report_error(&err);
        status = VN_EXIT_ERROR;
        goto done;
    }
    if (from_stdin) {
        unsigned char *bytes = NULL;
        size_t n = 0;
        if (vn_read_all("standard input", STDIN_FILENO, &bytes, &n, &err) != VN_OK ||
            vn_analyze_bytes("-", bytes, n, reg, &docs[ok], &err) != VN_OK) {
            vn_report_error(&err);
            failed = true;
        } else {
            rdocs[ok].meta = &docs[ok].meta;
            rdocs[ok].citations = &docs[ok].extract.citations;
            ok++;
        }
        free(bytes);
    }
    for (size_t i = 0; i < files.count; i++) {
        if (vn_analyze_file(files.paths[i], reg, &docs[ok], &err) != VN_OK) {
            vn_report_error(&err);
            failed = true;
            continue;
        }
        rdocs[ok].meta = &docs[ok].meta;
        rdocs[ok].citations = &docs[ok].extract.citations;
        ok++;
    }
    if (vn_resolve(rdocs, ok, reg, &err) != VN_OK) {
        vn_report_error(&err);
        status = VN_EXIT_ERROR;
        goto done;
    }
    if (o.csv)
        vn_csv_row(stdout, csv_head, sizeof csv_head / sizeof *csv_head);
    for (size_t d = 0; d < ok; d++) {
        const vn_citation_list *l = &docs[d].extract.citations;
        if (o.json && vn_print_json_line(vn_document_json(&docs[d])) != 0) {
            vn_error_set(&err, VN_ERR_NOMEM, "%s: out of memory while writing its records",
                         docs[d].doc.path);
            vn_report_error(&err);
            status = VN_EXIT_ERROR;
            continue;       /* the other files are still printed */
        }
        for (size_t k = 0; k < l->count; k++) {
            if (o.csv)
                print_csv(&docs[d], &l->items[k]);
            else if (!o.json)
                print_human(&docs[d], &l->items[k]);
            else if (vn_print_json_line(vn_citation_json(&docs[d], &l->items[k])) != 0)
                status = VN_EXIT_ERROR;
        }
    }
done:
    for (size_t d = 0; d < ok; d++)
        vn_analysis_free(&docs[d]);
    free(docs);
    free(rdocs);
    vn_pathlist_free(&files);
    vn_registry_free(reg);
    if (fflush(stdout) != 0)
        status = VN_EXIT_ERROR;
    return failed ? VN_EXIT_ERROR : status;
}
