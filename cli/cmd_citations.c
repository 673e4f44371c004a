/*
 * cmd_citations.c — `vncite citations [--db DIR] [--as-of DATE] [--json | --csv] [DOC]`
 *
 * The instruments a document cites (every document without DOC), one row
 * per instrument in order of first mention: how often, first where and as
 * written, its status today (or on --as-of) and on the document's date,
 * and the outdated verdict for the document.  The index is streamed
 * (query/doc_citations.h): the corpus is never held whole.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "indexer/indexer.h"
#include "query/doc_citations.h"
#include "query/outdated.h"
#include "query_opts.h"

typedef struct row {
    const vn_corpus_instrument *in;
    const vn_cited *first;     /* the first citation */
    size_t mentions;
    const char *today;         /* status word today / on --as-of */
    const char *at_doc;        /* status word on the document's (first) day */
    const char *at_doc_end;    /* … on its last day, when its date is a month or year */
    vn_outdated verdict;
    bool judged;               /* verdict meaningful (instrument in the registry) */
    vn_validity v_today, v_doc;
} row;

static row make_row(const vn_corpus *c, const vn_cited *g, const vn_date_range *doc_date,
                    bool dated, vn_date today)
{
    row r = {0};
    r.in = &c->instruments[g->instrument];
    r.first = g;
    r.mentions = g->mentions;
    r.today = vn_corpus_instrument_status(c, r.in, today, &r.v_today);
    r.at_doc = dated ? vn_corpus_instrument_status(c, r.in, doc_date->first, &r.v_doc) : "";
    r.at_doc_end = r.at_doc;
    if (dated && doc_date->last.year != 2199 && vn_date_cmp(doc_date->first, doc_date->last) != 0)
        r.at_doc_end = vn_corpus_instrument_status(c, r.in, doc_date->last, NULL);
    r.judged = c->registry && r.in->registry >= 0 && r.in->state == VN_INST_RESOLVED;
    if (r.judged)
        r.verdict = vn_outdated_check(c->registry, (size_t)r.in->registry,
                                      dated ? doc_date : NULL);
    return r;
}

static int print_doc(const vn_corpus *c, const vn_doc_citations *doc, const vn_query_opts *o,
                     vn_date today)
{
    vn_date_range dd = doc->date;
    bool dated = doc->dated;
    size_t n = doc->count;
    char ds[11] = "", ts[11];
    if (dated)
        vn_date_range_str(&dd, ds);
    if (dated && dd.last.year == 2199)
        snprintf(ds, sizeof ds, "undated");
    vn_date_iso(today, ts);
    if (!o->json && !o->csv)
        printf("%s (%s%s%s; %zu instrument%s)\n", doc->file,
               doc->own_number[0] ? doc->own_number : "no number",
               ds[0] ? ", " : "", ds[0] ? ds : "", n, n == 1 ? "" : "s");
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        row r = make_row(c, &doc->cited[i], &dd, dated, today);
        const char *verdict = r.judged ? vn_outdated_status_name(r.verdict.status) : "";
        if (o->json) {
            json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s}",
                                  "record", "cited", "file", doc->file, "instrument", r.in->id,
                                  "label", r.in->label, "mentions", (json_int_t)r.mentions,
                                  "line", (json_int_t)r.first->line,
                                  "column", (json_int_t)r.first->column,
                                  "text", r.first->text,
                                  "status_today", r.today, "today", ts,
                                  "status_at_document_date", r.at_doc,
                                  "status_at_document_date_end", r.at_doc_end,
                                  "verdict", verdict);
            if (j && !r.judged)
                json_object_set_new(j, "verdict", json_null());
            if (j && r.judged)
                json_object_set_new(j, "detail", vn_outdated_json(c->registry,
                                                                  (size_t)r.in->registry,
                                                                  &r.verdict, dated ? &dd : NULL));
            rc = vn_print_json_line(j);
        } else if (o->csv) {
            char mentions[24], line[24], col[24];
            snprintf(mentions, sizeof mentions, "%zu", r.mentions);
            snprintf(line, sizeof line, "%ld", r.first->line);
            snprintf(col, sizeof col, "%ld", r.first->column);
            const char *f[] = {doc->file, r.in->id, mentions, line, col, r.first->text,
                               r.today, r.at_doc, r.at_doc_end, verdict};
            vn_csv_row(stdout, f, sizeof f / sizeof *f);
        } else {
            char where[48];
            snprintf(where, sizeof where, "×%zu  %ld:%ld", r.mentions, r.first->line,
                     r.first->column);
            fputs("  ", stdout);
            vn_print_cell(stdout, r.in->id, 28);
            putchar(' ');
            vn_print_cell(stdout, where, 14);
            printf(" %s today; ", r.today);
            if (!dated)
                fputs("document undated", stdout);
            else if (strcmp(r.at_doc, r.at_doc_end) != 0)
                printf("%s → %s within the document's date", r.at_doc, r.at_doc_end);
            else
                printf("%s on the document's date", r.at_doc);
            printf("%s",
                   r.judged && vn_outdated_is_finding(r.verdict.status) ? " → " : "");
            if (r.judged && vn_outdated_is_finding(r.verdict.status))
                fputs(vn_outdated_status_name(r.verdict.status), stdout);
            putchar('\n');
            printf("      \"%s\"\n", r.first->text);
        }
    }
    return rc;
}

int vn_cmd_citations(int argc, char **argv)
{
    vn_query_opts o;
    int p = vn_query_opts_parse("citations", argc, argv,
                                VN_QOPT_CSV | VN_QOPT_AS_OF | VN_QOPT_NO_CACHE, 0, 1, &o);
    if (p != 0)
        return p > 0 ? VN_EXIT_OK : VN_EXIT_ERROR;
    vn_registry *reg;
    if (!vn_cli_load_registry(o.registry, o.no_registry, &reg))
        return VN_EXIT_ERROR;
    vn_error err;
    vn_doc_citations_set *set;
    if (vn_doc_citations_open(vn_index_default_db(o.db), reg, 0, &set, &err) != VN_OK) {
        vn_report_error(&err);
        vn_registry_free(reg);
        return VN_EXIT_ERROR;
    }
    const vn_corpus *c = vn_doc_citations_table(set);
    size_t doc_count;
    const char *const *files = vn_doc_citations_files(set, &doc_count);
    int status = VN_EXIT_OK;
    long only = -1;
    if (o.arg_count == 1 &&
        (only = vn_query_find_file(o.args[0], files, doc_count, sizeof *files)) < 0)
        status = VN_EXIT_ERROR;
    if (status == VN_EXIT_OK && o.csv) {
        static const char *const head[] = {"file", "instrument", "mentions", "line", "column",
                                           "text", "status_today", "status_at_document_date",
                                           "status_at_document_date_end", "verdict"};
        vn_csv_row(stdout, head, sizeof head / sizeof *head);
    }
    vn_date today = vn_query_today(&o);
    for (size_t d = only >= 0 ? (size_t)only : 0;
         status == VN_EXIT_OK && d < (only >= 0 ? (size_t)only + 1 : doc_count); d++) {
        vn_doc_citations doc;
        if (vn_doc_citations_get(set, d, &doc, &err) != VN_OK) {
            vn_report_error(&err);
            status = VN_EXIT_ERROR;
            break;
        }
        if (!o.json && !o.csv && d > 0 && only < 0)
            putchar('\n');
        if (print_doc(c, &doc, &o, today) != 0)
            status = VN_EXIT_ERROR;
    }
    vn_doc_citations_free(set);
    vn_registry_free(reg);
    if (fflush(stdout) != 0)
        status = VN_EXIT_ERROR;
    return status;
}
