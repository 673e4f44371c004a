/*
 * cmd_cites.c — `vncite cites [--db DIR] [--json | --csv] INSTRUMENT`
 *
 * The documents citing an instrument, each occurrence with its place and
 * the text as written.  INSTRUMENT is matched loosely (vn_corpus_match):
 * the user types what they remember, not our canonical form.  The index is
 * streamed (query/doc_citations.h, every citation kept on disk), so memory
 * is the instrument table whatever the corpus; --json reads the records of
 * the citing documents again from the index.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "common/grow.h"
#include "common/index_schema.h"
#include "common/symbol.h"
#include "indexer/indexer.h"
#include "query/doc_citations.h"
#include "query/validity.h"
#include "query_opts.h"

#define MAX_MATCHES 64

/* The date as the stored record writes it (docjson.c): "" when none. */
static const char *date_text(const vn_date_range *d, char buf[11])
{
    return d->precision == VN_DATE_NONE ? "" : vn_date_range_str(d, buf);
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

/* A document citing matched instrument number m. */
typedef struct hit {
    size_t m, doc;
} hit;

static int by_match_then_doc(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    if (x->m != y->m)
        return x->m < y->m ? -1 : 1;
    return (x->doc > y->doc) - (x->doc < y->doc);
}

/* The documents citing each matched instrument, in file order. */
static vn_status find_hits(vn_doc_citations_set *set, const size_t *match, size_t n, hit **out,
                           size_t *count, vn_error *err)
{
    size_t docs, cap = 0;
    vn_doc_citations_files(set, &docs);
    *out = NULL;
    *count = 0;
    for (size_t d = 0; d < docs; d++) {
        vn_doc_citations doc;
        vn_status st = vn_doc_citations_get(set, d, &doc, err);
        if (st != VN_OK)
            return st;
        uint64_t added = 0;   /* the matches this document is listed under */
        for (size_t g = 0; g < doc.count; g++)
            for (size_t m = 0; m < n; m++) {
                if (doc.cited[g].instrument != match[m] || (added >> m & 1))
                    continue;
                added |= (uint64_t)1 << m;
                if (!vn_grow((void **)out, &cap, *count, sizeof **out, 256))
                    return vn_error_set(err, VN_ERR_NOMEM, "out of memory listing citations");
                (*out)[(*count)++] = (hit){m, d};
            }
    }
    qsort(*out, *count, sizeof **out, by_match_then_doc);
    return VN_OK;
}

/* --json: the document's records as stored, with today's resolution. */
static vn_status print_records(vn_xdb *db, const char *db_path, const vn_doc_citations *doc,
                               const char *id, size_t inst, vn_error *err)
{
    json_t *records;
    vn_status st = vn_corpus_stored_records(db, db_path, doc->file, &records, err);
    if (st != VN_OK)
        return st;
    if (json_array_size(records) != doc->cite_count)
        st = vn_error_set(err, VN_ERR_INDEX, "%s: %s changed while it was read; run the "
                          "command again", db_path, doc->file);
    for (size_t k = 0; st == VN_OK && k < doc->cite_count; k++) {
        const vn_doc_cite *ci = &doc->cites[k];
        if (ci->instrument != inst)
            continue;
        json_t *out = json_deep_copy(json_array_get(records, ci->index));
        bool made = out && json_object_set_new(out, "instrument", json_string(id)) == 0 &&
                    json_object_set_new(out, "ambiguous", json_boolean(ci->ambiguous)) == 0;
        if (!made)
            json_decref(out);
        if (!made || vn_print_json_line(out) != 0)   /* which releases out */
            st = vn_error_set(err, VN_ERR_NOMEM, "out of memory printing citations");
    }
    json_decref(records);
    return st;
}

static void print_rows(const vn_query_opts *o, const vn_doc_citations *doc, const char *id,
                       size_t inst)
{
    for (size_t k = 0; k < doc->cite_count; k++) {
        const vn_doc_cite *ci = &doc->cites[k];
        if (ci->instrument != inst)
            continue;
        if (o->csv) {
            char line[24], col[24], date[11];
            snprintf(line, sizeof line, "%ld", ci->line);
            snprintf(col, sizeof col, "%ld", ci->column);
            const char *fields[] = {id, doc->file, line, col, ci->text,
                                    vn_citation_kind_name(ci->kind), date_text(&ci->date, date)};
            vn_csv_row(stdout, fields, sizeof fields / sizeof *fields);
        } else {
            printf("  %s:%ld:%ld  \"%s\"\n", doc->file, ci->line, ci->column, ci->text);
        }
    }
}

static void print_csv_head(void)
{
    static const char *const head[] = {"instrument", "file", "line", "column", "text", "kind",
                                       "date"};
    vn_csv_row(stdout, head, sizeof head / sizeof *head);
}

static vn_status emit(vn_doc_citations_set *set, const char *db_path, const vn_query_opts *o,
                      const size_t *match, size_t n, vn_error *err)
{
    const vn_corpus *c = vn_doc_citations_table(set);
    hit *hits;
    size_t count;
    vn_status st = find_hits(set, match, n, &hits, &count, err);
    vn_xdb *db = NULL;
    if (st == VN_OK && o->json)
        st = vn_schema_open(db_path, &db, err);
    if (st == VN_OK && o->csv)
        print_csv_head();
    size_t h = 0;
    for (size_t m = 0; st == VN_OK && m < n; m++) {
        const char *id = c->instruments[match[m]].id;
        if (!o->json && !o->csv)
            print_header(c, match[m]);
        for (; st == VN_OK && h < count && hits[h].m == m; h++) {
            vn_doc_citations doc;
            st = vn_doc_citations_get(set, hits[h].doc, &doc, err);
            if (st == VN_OK && o->json)
                st = print_records(db, db_path, &doc, id, match[m], err);
            else if (st == VN_OK)
                print_rows(o, &doc, id, match[m]);
        }
    }
    vn_xdb_close(db, NULL);
    free(hits);
    return st;
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
        print_csv_head();
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
    int p = vn_query_opts_parse("cites", argc, argv, VN_QOPT_CSV | VN_QOPT_NO_CACHE, 1, 1,
                                &o);
    if (p != 0)
        return p > 0 ? VN_EXIT_OK : VN_EXIT_ERROR;
    vn_registry *reg;
    if (!vn_cli_load_registry(o.registry, o.no_registry, &reg))
        return VN_EXIT_ERROR;
    const char *db_path = vn_index_default_db(o.db);
    vn_error err;
    vn_doc_citations_set *set;
    if (vn_doc_citations_open(db_path, reg, VN_DOC_CITATIONS_EVERY, &set, &err) != VN_OK) {
        vn_report_error(&err);
        vn_registry_free(reg);
        return VN_EXIT_ERROR;
    }
    const vn_corpus *c = vn_doc_citations_table(set);
    size_t match[MAX_MATCHES];
    size_t n = vn_corpus_match(c, o.args[0], match, MAX_MATCHES);
    if (n > MAX_MATCHES)
        n = MAX_MATCHES;
    int status = VN_EXIT_OK;
    if (n == 0)
        status = nothing_cites(c, &o, o.args[0]);
    else if (emit(set, db_path, &o, match, n, &err) != VN_OK) {
        vn_report_error(&err);
        status = VN_EXIT_ERROR;
    }
    vn_doc_citations_free(set);
    vn_registry_free(reg);
    if (fflush(stdout) != 0)
        status = VN_EXIT_ERROR;
    return status;
}
