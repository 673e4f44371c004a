/*
 * cmd_cites.c — `vncite cites [--db DIR] [--json | --csv] INSTRUMENT`
 *
 * The documents citing an instrument, each occurrence with its place and
 * the text as written.  INSTRUMENT is matched loosely (vn_corpus_match):
 * the user types what they remember, not our canonical form.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "common/symbol.h"
#include "query/validity.h"
#include "query_opts.h"

#define MAX_MATCHES 64

/* The date as the stored record writes it (docjson.c): "" when none. */
static const char *date_text(const vn_citation *c, char buf[11])
{
    return c->date.precision == VN_DATE_NONE ? "" : vn_date_range_str(&c->date, buf);
}

static void print_header(const vn_corpus *c, size_t inst)
{
    const vn_corpus_instrument *in = &c->instruments[inst];
    const char *title = "";
    if (c->registry && in->registry >= 0)
        title = c->registry->instruments[in->registry].title;
    printf("%s", in->id);
    if (in->type_word[0] || title[0])
        printf(" (%s%s%s)", in->type_word, in->type_word[0] && title[0] ? " " : "", title);
    if (in->state == VN_INST_UNRESOLVED)
        printf(" [unresolved]");
    else if (in->state == VN_INST_AMBIGUOUS)
        printf(" [ambiguous]");
    printf(": %zu citation%s in %zu document%s\n", in->mentions, in->mentions == 1 ? "" : "s",
           in->citing_docs, in->citing_docs == 1 ? "" : "s");
}

static int emit(const vn_corpus *c, const vn_query_opts *o, const size_t *match, size_t n)
{
    if (o->csv) {
        static const char *const head[] = {"instrument", "file", "line", "column", "text",
                                           "kind", "date"};
        vn_csv_row(stdout, head, sizeof head / sizeof *head);
    }
    for (size_t m = 0; m < n; m++) {
        if (!o->json && !o->csv)
            print_header(c, match[m]);
        for (size_t d = 0; d < c->doc_count; d++) {
            const vn_corpus_doc *doc = &c->docs[d];
            for (size_t k = 0; k < doc->cite_count; k++) {
                const vn_corpus_cite *ci = &doc->cites[k];
                if (ci->instrument != match[m])
                    continue;
                const char *id = c->instruments[match[m]].id;
                if (o->json) {
                    /* the record as stored, with today's resolution */
                    json_t *out = json_deep_copy(ci->record);
                    if (!out || json_object_set_new(out, "instrument", json_string(id)) != 0 ||
                        json_object_set_new(out, "ambiguous",
                                            json_boolean(ci->c.ambiguous)) != 0 ||
                        vn_print_json_line(out) != 0)
                        return -1;
                } else if (o->csv) {
                    char line[24], col[24], date[11];
                    snprintf(line, sizeof line, "%ld", ci->line);
                    snprintf(col, sizeof col, "%ld", ci->column);
                    const char *fields[] = {id, doc->file, line, col, ci->text,
                                            vn_citation_kind_name(ci->c.kind),
                                            date_text(&ci->c, date)};
                    vn_csv_row(stdout, fields, sizeof fields / sizeof *fields);
                } else {
                    printf("  %s:%ld:%ld  \"%s\"\n", doc->file, ci->line, ci->column, ci->text);
                }
            }
        }
    }
    return 0;
}

/* Nothing in the index matches: is it an instrument at all?  Exit 0 with a
 * sentence when it is (known to the registry, or shaped like a symbol),
 * 2 when we cannot tell what was meant. */
static int nothing_cites(const vn_corpus *c, const vn_query_opts *o, const char *text)
{
    size_t idx[4];
    size_t known = c->registry ? vn_registry_find(c->registry, text, idx, 4) : 0;
    vn_symbol sym;
    bool shaped = vn_symbol_parse_loose(text, strlen(text), NULL, &sym);
    if (!known && !shaped) {
        vn_error err;
        vn_error_set(&err, VN_ERR_NOTFOUND, "'%s': no instrument in the index or the registry "
                     "matches; give a symbol (59/2023/NĐ-CP, \"nd 59/2023\") or a name as "
                     "'vncite instruments' lists it", text);
        vn_report_error(&err);
        return VN_EXIT_ERROR;
    }
    if (o->csv) {
        static const char *const head[] = {"instrument", "file", "line", "column", "text",
                                           "kind", "date"};
        vn_csv_row(stdout, head, sizeof head / sizeof *head);
    } else if (!o->json) {
        if (known)
            printf("%s: no indexed document cites it\n",
                   c->registry->instruments[idx[0]].id);
        else
            printf("%s: no indexed document cites it\n", text);
    }
    return VN_EXIT_OK;
}

int vn_cmd_cites(int argc, char **argv)
{
    vn_query_opts o;
    int p = vn_query_opts_parse("cites", argc, argv, VN_QOPT_CSV, 1, 1, &o);
    if (p != 0)
        return p > 0 ? VN_EXIT_OK : VN_EXIT_ERROR;
    vn_registry *reg;
    vn_corpus c;
    o.keep_records = o.json;   /* --json prints the records as stored */
    if (!vn_query_open(&o, &reg, &c))
        return VN_EXIT_ERROR;
    size_t match[MAX_MATCHES];
    size_t n = vn_corpus_match(&c, o.args[0], match, MAX_MATCHES);
    if (n > MAX_MATCHES)
        n = MAX_MATCHES;
    int status;
    if (n == 0)
        status = nothing_cites(&c, &o, o.args[0]);
    else
        status = emit(&c, &o, match, n) == 0 ? VN_EXIT_OK : VN_EXIT_ERROR;
    vn_query_close(reg, &c);
    if (fflush(stdout) != 0)
        status = VN_EXIT_ERROR;
    return status;
}
