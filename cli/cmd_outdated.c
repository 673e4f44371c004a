/*
 * cmd_outdated.c — `vncite outdated [--db DIR] [--registry DIR] [--as-of DATE]
 *                  [--all] [--json | --csv] [DOC]`
 *
 * SPEC §4: every citation of an instrument that had ceased to be in force
 * on the citing document's date (or on --as-of): where it is, as written,
 * what it resolves to, the verdict ("outdated", "possibly outdated" when
 * the document's partial date straddles the end), what replaced it and
 * from when, and the source and confidence of that event.  Exit 1 when
 * anything is outdated, 0 when nothing is, 2 on errors — for scripts.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "indexer/indexer.h"
#include "query/outdated.h"
#include "query/outdated_cache.h"
#include "query_opts.h"


static const char *verdict_word(const vn_outdated *v)
{
    switch (v->status) {
    case VN_OUTDATED_YES: return "OUTDATED";
    case VN_OUTDATED_POSSIBLY: return "POSSIBLY OUTDATED";
    case VN_OUTDATED_SUSPENDED: return v->possibly ? "POSSIBLY SUSPENDED" : "SUSPENDED";
    case VN_OUTDATED_PARTLY: return v->possibly ? "POSSIBLY AMENDED" : "AMENDED";
    default: return vn_outdated_status_name(v->status);
    }
}

static const char *judged_text(const vn_outdated_finding *f, const vn_query_opts *o,
                               char buf[64])
{
    char d[11];
    if (f->judged.precision == VN_DATE_NONE)
        snprintf(buf, 64, "document undated");
    else if (o->has_as_of)
        snprintf(buf, 64, "as of %s", vn_date_range_str(&f->judged, d));
    else if (f->judged.last.year == 2199)   /* only "not before its latest citation" */
        snprintf(buf, 64, "document undated, not before %s", vn_date_iso(f->judged.first, d));
    else
        snprintf(buf, 64, "document dated %s", vn_date_range_str(&f->judged, d));
    return buf;
}

static void print_human(const vn_outdated_input *in, const vn_registry *reg,
                        const vn_outdated_report *r, const vn_query_opts *o)
{
    for (size_t i = 0; i < r->count; i++) {
        const vn_outdated_finding *f = &r->findings[i];
        const vn_outdated_row *cite = &in->rows[f->row];
        char sentence[1024], when[64];
        vn_outdated_describe(reg, f->registry, &f->verdict, &f->judged, sentence, sizeof sentence);
        printf("%s:%ld:%ld: %s %s\n", in->docs[f->doc].file, cite->line, cite->column,
               verdict_word(&f->verdict), cite->instrument);
        printf("    cited as \"%s\" (%s)\n", cite->text, judged_text(f, o, when));
        printf("    %s\n", sentence);
    }
    size_t yes = r->by_status[VN_OUTDATED_YES], maybe = r->by_status[VN_OUTDATED_POSSIBLY];
    size_t susp = r->by_status[VN_OUTDATED_SUSPENDED], partly = r->by_status[VN_OUTDATED_PARTLY];
    if (r->count)
        putchar('\n');
    printf("%zu outdated, %zu possibly outdated%s in %zu document%s; %zu amended or partly "
           "repealed (not outdated%s).\n",
           yes, maybe, susp ? " and some suspended" : "", r->docs_with_outdated,
           r->docs_with_outdated == 1 ? "" : "s", partly, o->all ? "" : "; --all lists them");
    printf("%zu citations judged against the registry; %zu cite instruments the registry does "
           "not hold (status unknown); %zu unresolved or ambiguous.\n",
           r->judged, r->not_in_registry, r->unresolved);
}

static int print_json(const vn_outdated_input *in, const vn_registry *reg,
                      const vn_outdated_report *r)
{
    for (size_t i = 0; i < r->count; i++) {
        const vn_outdated_finding *f = &r->findings[i];
        const vn_outdated_row *cite = &in->rows[f->row];
        char d[11], e[11];
        json_t *judged = f->judged.precision == VN_DATE_NONE
                             ? json_null()
                             : json_pack("{s:s, s:s}", "from", vn_date_iso(f->judged.first, d),
                                         "to", vn_date_iso(f->judged.last, e));
        json_t *o = json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:s, s:s, s:s, s:o, s:o}",
                              "record", "outdated", "file", in->docs[f->doc].file,
                              "line", (json_int_t)cite->line, "column", (json_int_t)cite->column,
                              "start", (json_int_t)cite->start, "end", (json_int_t)cite->end,
                              "text", cite->text,
                              "instrument", cite->instrument,
                              "verdict", vn_outdated_status_name(f->verdict.status),
                              "judged_on", judged,
                              "detail", vn_outdated_json(reg, f->registry, &f->verdict,
                                                         &f->judged));
        if (vn_print_json_line(o) != 0)
            return -1;
    }
    json_t *s = json_pack("{s:s, s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:i}",
                          "record", "summary",
                          "outdated", (json_int_t)r->by_status[VN_OUTDATED_YES],
                          "possibly_outdated", (json_int_t)r->by_status[VN_OUTDATED_POSSIBLY],
                          "suspended", (json_int_t)r->by_status[VN_OUTDATED_SUSPENDED],
                          "partly", (json_int_t)r->by_status[VN_OUTDATED_PARTLY],
                          "documents", (json_int_t)r->docs_with_outdated,
                          "judged", (json_int_t)r->judged,
                          "not_in_registry", (json_int_t)r->not_in_registry,
                          "unresolved", (json_int_t)r->unresolved,
                          "findings", (json_int_t)r->count);
    return vn_print_json_line(s);
}

static void print_csv(const vn_outdated_input *in, const vn_registry *reg,
                      const vn_outdated_report *r)
{
    static const char *const head[] = {"file", "line", "column", "text", "instrument",
                                       "verdict", "replaced_by", "from", "provision",
                                       "source", "confidence", "judged_from", "judged_to",
                                       "explanation"};
    vn_csv_row(stdout, head, sizeof head / sizeof *head);
    for (size_t i = 0; i < r->count; i++) {
        const vn_outdated_finding *f = &r->findings[i];
        const vn_outdated_row *cite = &in->rows[f->row];
        const vn_outdated *v = &f->verdict;
        char line[24], col[24], from[11] = "", jf[11] = "", jt[11] = "", sentence[1024];
        snprintf(line, sizeof line, "%ld", cite->line);
        snprintf(col, sizeof col, "%ld", cite->column);
        vn_date_range_str(&v->from, from);
        if (f->judged.precision != VN_DATE_NONE) {
            vn_date_iso(f->judged.first, jf);
            vn_date_iso(f->judged.last, jt);
        }
        vn_outdated_describe(reg, f->registry, v, &f->judged, sentence, sizeof sentence);
        const char *fields[] = {in->docs[f->doc].file, line, col, cite->text, cite->instrument,
                                vn_outdated_status_name(v->status),
                                v->other_id ? v->other_id : "", from,
                                v->provision ? v->provision : "", v->source ? v->source : "",
                                v->event >= 0 ? vn_confidence_name(v->confidence) : "",
                                jf, jt, sentence};
        vn_csv_row(stdout, fields, sizeof fields / sizeof *fields);
    }
}

/*
 * The report's input: from the cache when its key matches, else from the
 * index, streamed (the corpus is never held whole), and the cache written
 * for next time.  A cache that cannot be keyed, read or written is only a
 * slower run, so those failures are not errors.
 */
static bool obtain_input(const vn_query_opts *o, const char *db, const vn_registry *reg,
                         vn_outdated_input *in)
{
    vn_error err;
    char *key = NULL, *path = NULL;
    if (!o->no_cache && vn_outdated_cache_key(db, reg, &key, &err) == VN_OK &&
        (path = vn_outdated_cache_path(db)) != NULL &&
        vn_outdated_cache_read(path, key, reg->instrument_count, in, &err) == VN_OK) {
        free(key);
        free(path);
        return true;
    }
    vn_status st = vn_outdated_input_stream(db, reg, in, &err);
    if (st == VN_OK && key && path)
        vn_outdated_cache_write(path, key, in, &err);
    free(key);
    free(path);
    if (st != VN_OK) {
        vn_report_error(&err);
        return false;
    }
    return true;
}

int vn_cmd_outdated(int argc, char **argv)
{
    vn_query_opts o;
    int p = vn_query_opts_parse("outdated", argc, argv,
                                VN_QOPT_CSV | VN_QOPT_AS_OF | VN_QOPT_ALL | VN_QOPT_NO_CACHE, 0,
                                1, &o);
    if (p != 0)
        return p > 0 ? VN_EXIT_OK : VN_EXIT_ERROR;
    if (o.no_registry) {
        vn_report_usage_error("outdated", "needs the registry; drop --no-registry");
        return VN_EXIT_ERROR;
    }
    vn_registry *reg;
    if (!vn_cli_load_registry(o.registry, false, &reg))
        return VN_EXIT_ERROR;
    vn_outdated_input in = {0};
    int status = VN_EXIT_ERROR;
    if (!obtain_input(&o, vn_index_default_db(o.db), reg, &in))
        goto out;
    vn_outdated_options opt = {.doc = -1, .include_partly = o.all};
    if (o.has_as_of)
        opt.as_of = o.as_of;
    if (o.arg_count == 1 &&
        (opt.doc = vn_query_find_file(o.args[0], in.docs, in.doc_count, sizeof *in.docs)) < 0)
        goto out;
    vn_outdated_report r;
    vn_error err;
    if (vn_outdated_collect(&in, reg, &opt, &r, &err) != VN_OK) {
        vn_report_error(&err);
        goto out;
    }
    if (o.json) {
        if (print_json(&in, reg, &r) != 0) {
            vn_outdated_report_free(&r);
            goto out;
        }
    } else if (o.csv) {
        print_csv(&in, reg, &r);
    } else {
        print_human(&in, reg, &r, &o);
    }
    bool any = r.by_status[VN_OUTDATED_YES] || r.by_status[VN_OUTDATED_POSSIBLY] ||
               r.by_status[VN_OUTDATED_SUSPENDED];
    status = any ? VN_EXIT_FOUND : VN_EXIT_OK;
    vn_outdated_report_free(&r);
out:
    vn_outdated_input_free(&in);
    vn_query_close(reg, NULL);
    if (fflush(stdout) != 0)
        status = VN_EXIT_ERROR;
    return status;
}
