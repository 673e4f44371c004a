/*
 * cmd_instruments.c — `vncite instruments [--db DIR] [--as-of DATE] [--status S]
 *                     [--json | --csv] [--no-cache]`
 *
 * Every instrument of the citation graph: identity, type, issuer, issue
 * date, status, how many documents cite it.  Unresolved and ambiguous
 * citations are rows too, so what the resolver could not place stays in
 * sight.  The table is kept in DB/instruments.cache for the next run
 * (query/instrument_cache.h, read by vn_query_open).
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "query/outdated.h"
#include "query_opts.h"

static const char *const statuses[] = {
    "in_force", "amended", "partly_repealed", "ceased", "suspended", "not_yet_in_force",
    "not_yet_issued", "unknown", "not_in_registry", "unresolved", "ambiguous"};

static bool known_status(const char *s)
{
    for (size_t i = 0; i < sizeof statuses / sizeof *statuses; i++)
        if (strcmp(statuses[i], s) == 0)
            return true;
    return false;
}

static const char *title_of(const vn_corpus *c, const vn_corpus_instrument *in)
{
    return c->registry && in->registry >= 0 ? c->registry->instruments[in->registry].title : "";
}

static void print_row(int id_width, const char *id, const char *type, const char *issued, const char *status,
                      const char *docs, const char *mentions, const char *who)
{
    vn_print_cell(stdout, id, id_width);
    putchar(' ');
    vn_print_cell(stdout, type, 12);
    putchar(' ');
    vn_print_cell(stdout, issued, 10);
    putchar(' ');
    vn_print_cell(stdout, status, 15);
    printf(" %5s %5s  ", docs, mentions);
    puts(who);
}

int vn_cmd_instruments(int argc, char **argv)
{
    vn_query_opts o;
    int p = vn_query_opts_parse("instruments", argc, argv,
                                VN_QOPT_CSV | VN_QOPT_AS_OF | VN_QOPT_STATUS | VN_QOPT_NO_CACHE,
                                0, 0, &o);
    if (p != 0)
        return p > 0 ? VN_EXIT_OK : VN_EXIT_ERROR;
    if (o.status && !known_status(o.status)) {
        vn_report_usage_error("instruments", "--status '%s' is not a status; see 'vncite "
                              "instruments --help'", o.status);
        return VN_EXIT_ERROR;
    }
    vn_registry *reg;
    vn_corpus c;
    o.instruments_only = true;
    if (!vn_query_open(&o, &reg, &c))
        return VN_EXIT_ERROR;
    vn_date day = vn_query_today(&o);
    char ds[11];
    vn_date_iso(day, ds);
    int id_width = 10;   /* identities are never cut: the column fits the longest */
    for (size_t i = 0; i < c.instrument_count; i++) {
        const vn_corpus_instrument *in = &c.instruments[i];
        int w = vn_text_cells(in->symbol[0] ? in->id : in->label);
        if (w > id_width)
            id_width = w < 60 ? w : 60;
    }
    if (o.csv) {
        static const char *const head[] = {"instrument", "symbol", "label", "type", "issuer",
                                           "issued", "status", "status_date", "citing_documents",
                                           "mentions", "title"};
        vn_csv_row(stdout, head, sizeof head / sizeof *head);
    } else if (!o.json) {
        print_row(id_width, "INSTRUMENT", "TYPE", "ISSUED", "STATUS", "DOCS", "CITES", "ISSUER / TITLE");
    }
    int status = VN_EXIT_OK;
    size_t shown = 0;
    for (size_t i = 0; i < c.instrument_count && status == VN_EXIT_OK; i++) {
        const vn_corpus_instrument *in = &c.instruments[i];
        const char *st = vn_corpus_instrument_status(&c, in, day, NULL);
        if (o.status && strcmp(o.status, st) != 0)
            continue;
        shown++;
        char issued[11] = "";
        vn_date_range_str(&in->issued, issued);
        const char *title = title_of(&c, in);
        if (o.json) {
            json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:i, s:s}",
                                  "record", "instrument", "instrument", in->id,
                                  "symbol", in->symbol, "label", in->label,
                                  "type", in->type_word, "issuer", in->issuer,
                                  "issued", issued, "status", st, "status_date", ds,
                                  "citing_documents", (json_int_t)in->citing_docs,
                                  "mentions", (json_int_t)in->mentions, "title", title);
            if (vn_print_json_line(j) != 0)
                status = VN_EXIT_ERROR;
        } else if (o.csv) {
            char docs[24], mentions[24];
            snprintf(docs, sizeof docs, "%zu", in->citing_docs);
            snprintf(mentions, sizeof mentions, "%zu", in->mentions);
            const char *f[] = {in->id, in->symbol, in->label, in->type_word, in->issuer, issued,
                               st, ds, docs, mentions, title};
            vn_csv_row(stdout, f, sizeof f / sizeof *f);
        } else {
            char docs[24], mentions[24], who[512];
            snprintf(docs, sizeof docs, "%zu", in->citing_docs);
            snprintf(mentions, sizeof mentions, "%zu", in->mentions);
            snprintf(who, sizeof who, "%s%s%s", in->issuer[0] ? in->issuer : "-",
                     title[0] ? " / " : "", title);
            print_row(id_width, in->symbol[0] ? in->id : in->label, in->type_word[0] ? in->type_word : "-",
                      issued[0] ? issued : "-", st, docs, mentions, who);
        }
    }
    if (!o.json && !o.csv)
        printf("\n%zu instrument%s; status on %s.\n", shown, shown == 1 ? "" : "s", ds);
    vn_query_close(reg, &c);
    if (fflush(stdout) != 0)
        status = VN_EXIT_ERROR;
    return status;
}
