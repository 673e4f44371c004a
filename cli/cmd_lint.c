/*
 * cmd_lint.c — `vncite lint [--db DIR] [--json | --csv] [--registry DIR |
 * --no-registry] [--skip RULE,...] [DOC]`
 *
 * Likely errors in the citations of the indexed documents (query/lint.h,
 * docs/LINT.md).  With DOC only that document's findings are printed, but
 * the rules that compare documents still read the whole index.
 * Exit status: 0 no findings, 1 findings, 2 errors.
 */
#include <csv.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "common/registry.h"
#include "indexer/indexer.h"
#include "query/corpus.h"
#include "query/lint.h"

typedef enum output { OUT_TEXT, OUT_JSON, OUT_CSV } output;

/* Findings are printed as each document is linted; the totals are kept
 * for the summary line and the exit status. */
typedef struct printer {
    output out;
    size_t count, warnings;
    bool csv_head;          /* printed: it waits for the first findings, so that an
                               error (no such document) prints nothing before it */
} printer;

static void print_text(const vn_lint_finding *f)
{
    printf("%s:%zu:%zu: %s: %s [%s]\n    \"%s\"\n    suggestion: %s\n", f->file, f->line,
           f->column, vn_lint_severity_name(f->severity), f->message, vn_lint_rule_name(f->rule),
           f->text, f->suggestion);
}

static int print_json(const vn_lint_finding *f)
{
    json_t *o = json_pack("{s:s, s:s, s:s, s:I, s:I, s:s, s:s, s:s}", "rule",
                          vn_lint_rule_name(f->rule), "severity",
                          vn_lint_severity_name(f->severity), "file", f->file, "line",
                          (json_int_t)f->line, "column", (json_int_t)f->column, "text", f->text,
                          "message", f->message, "suggestion", f->suggestion);
    return vn_print_json_line(o);
}

/* One CSV row, every field quoted the way spreadsheets read it back. */
static void csv_row(const char *const *fields, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc(',', stdout);
        csv_fwrite(stdout, fields[i], strlen(fields[i]));
    }
    fputs("\r\n", stdout);
}

static void print_csv(const vn_lint_finding *f)
{
    char line[24], column[24];
    snprintf(line, sizeof line, "%zu", f->line);
    snprintf(column, sizeof column, "%zu", f->column);
    const char *fields[] = {vn_lint_rule_name(f->rule), vn_lint_severity_name(f->severity),
                            f->file, line, column, f->text, f->message, f->suggestion};
    csv_row(fields, sizeof fields / sizeof *fields);
}

static void print_csv_head(printer *p)
{
    static const char *const head[] = {"rule", "severity", "file", "line", "column",
                                       "text", "message", "suggestion"};
    if (p->out == OUT_CSV && !p->csv_head)
        csv_row(head, sizeof head / sizeof *head);
    p->csv_head = true;
}

static vn_status print_findings(void *ctx, const vn_lint_finding *findings, size_t count,
                                vn_error *err)
{
    printer *p = ctx;
    print_csv_head(p);
    for (size_t i = 0; i < count; i++) {
        const vn_lint_finding *f = &findings[i];
        if (p->out == OUT_JSON && print_json(f) != 0)
            return vn_error_set(err, VN_ERR_NOMEM, "out of memory printing the findings");
        if (p->out == OUT_CSV)
            print_csv(f);
        else if (p->out == OUT_TEXT)
            print_text(f);
        p->count++;
        p->warnings += f->severity == VN_LINT_WARNING;
    }
    if (ferror(stdout))
        return vn_error_set(err, VN_ERR_IO, "cannot write the findings");
    return VN_OK;
}

/* "stale-year,corrected-symbol" into the skip mask; false after reporting. */
static bool parse_skip(const char *list, unsigned *skip)
{
    char *copy = strdup(list);
    if (!copy) {
        vn_report_usage_error("lint", "out of memory");
        return false;
    }
    bool ok = true;
    char *save = NULL;
    for (char *name = strtok_r(copy, ",", &save); name && ok; name = strtok_r(NULL, ",", &save)) {
        vn_lint_rule rule;
        if (vn_lint_rule_parse(name, &rule))
            *skip |= 1u << rule;
        else {
            vn_report_usage_error("lint", "unknown rule '%s' (see 'vncite lint --help')", name);
            ok = false;
        }
    }
    free(copy);
    return ok;
}

static int lint(const char *db_path, const char *doc, output out, const char *registry_dir,
                bool no_registry, unsigned skip)
{
    vn_registry *reg = NULL;
    if (!vn_cli_load_registry(registry_dir, no_registry, &reg))
        return VN_EXIT_ERROR;
    vn_error err;
    int status = VN_EXIT_ERROR;
    printer p = {out, 0, 0, false};
    vn_lint_options opts = {-1, skip, NULL, NULL, print_findings, &p, doc};
    vn_lint_result r;
    if (vn_lint_stream(db_path, reg, &opts, &r, &err) != VN_OK) {
        vn_report_error(&err);
        vn_registry_free(reg);
        return VN_EXIT_ERROR;
    }
    print_csv_head(&p);
    for (size_t i = 0; i < r.note_count; i++)
        vn_warn("%s", r.notes[i]);
    if (out == OUT_TEXT) {
        size_t infos = p.count - p.warnings;
        printf("%zu finding%s: %zu warning%s, %zu info\n", p.count, p.count == 1 ? "" : "s",
               p.warnings, p.warnings == 1 ? "" : "s", infos);
    }
    if (fflush(stdout) != 0) {
        vn_error_set(&err, VN_ERR_IO, "cannot write the findings");
        vn_report_error(&err);
    } else {
        status = p.count ? VN_EXIT_FOUND : VN_EXIT_OK;
    }
    vn_lint_result_free(&r);
    vn_registry_free(reg);
    return status;
}

int vn_cmd_lint(int argc, char **argv)
{
    const char *db = NULL, *doc = NULL, *registry = NULL;
    bool no_registry = false;
    output out = OUT_TEXT;
    unsigned skip = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (vn_is_help(a)) {
            vn_print_usage(vn_find_command("lint"));
            return VN_EXIT_OK;
        } else if (strcmp(a, "--json") == 0 || strcmp(a, "--csv") == 0) {
            output want = a[2] == 'j' ? OUT_JSON : OUT_CSV;
            if (out != OUT_TEXT && out != want) {
                vn_report_usage_error("lint", "--json and --csv exclude each other");
                return VN_EXIT_ERROR;
            }
            out = want;
        } else if (strcmp(a, "--no-registry") == 0) {
            no_registry = true;
        } else if (strcmp(a, "--no-cache") == 0) {
            vn_corpus_stream_use_cache(false);
        } else if (strcmp(a, "--db") == 0 || strcmp(a, "--registry") == 0 ||
                   strcmp(a, "--skip") == 0) {
            if (++i >= argc) {
                vn_report_usage_error("lint", "%s needs a value", a);
                return VN_EXIT_ERROR;
            }
            if (a[2] == 'd')
                db = argv[i];
            else if (a[2] == 'r')
                registry = argv[i];
            else if (!parse_skip(argv[i], &skip))
                return VN_EXIT_ERROR;
        } else if (a[0] == '-' && a[1]) {
            vn_report_usage_error("lint", "unknown option '%s'", a);
            return VN_EXIT_ERROR;
        } else if (doc) {
            vn_report_usage_error("lint", "one document at a time ('%s' and '%s')", doc, a);
            return VN_EXIT_ERROR;
        } else {
            doc = a;
        }
    }
    if (registry && no_registry) {
        vn_report_usage_error("lint", "--registry and --no-registry exclude each other");
        return VN_EXIT_ERROR;
    }
    return lint(vn_index_default_db(db), doc, out, registry, no_registry, skip);
}
