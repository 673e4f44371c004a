/*
 * cmd_search.c — `vncite search [--db DIR] [--json] [--limit N] [--offset N]
 *                [--sort relevance|date] [--facets] QUERY...`
 *
 * Human output: rank, title, type · issuer · date, path, and a snippet with
 * matched words in bold when stdout is a terminal (between ** otherwise).
 * --json: JSON Lines, one {"record":"hit"} per hit, then one
 * {"record":"facets"} with --facets and a {"record":"summary"} (docs/SEARCH.md).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "common/buf.h"
#include "indexer/indexer.h"
#include "query/search.h"

static const char *str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

/* The snippet with each mark wrapped in open/close. */
static char *marked(const vn_search_hit *h, const char *open, const char *close)
{
    vn_buf b = VN_BUF_INIT;
    size_t at = 0;
    for (size_t k = 0; k < h->mark_count; k++) {
        vn_buf_append(&b, h->snippet + at, h->marks[k].start - at);
        vn_buf_append(&b, open, strlen(open));
        vn_buf_append(&b, h->snippet + h->marks[k].start, h->marks[k].end - h->marks[k].start);
        vn_buf_append(&b, close, strlen(close));
        at = h->marks[k].end;
    }
    vn_buf_append(&b, h->snippet + at, strlen(h->snippet + at));
    return vn_buf_steal(&b, NULL);
}

static json_t *date_of(json_t *doc)
{
    json_t *d = json_object_get(doc, "date");
    if (json_is_string(d))
        return json_incref(d);
    json_t *r = json_object_get(doc, "date_range");
    if (!json_is_object(r))
        return json_null();
    const char *from = str(r, "from"), *prec = str(r, "precision");
    size_t n = strcmp(prec, "year") == 0 ? 4 : strcmp(prec, "month") == 0 ? 7 : 10;
    return json_stringn(from, strlen(from) < n ? strlen(from) : n);
}

static void print_json(const vn_search_request *req, const vn_search_result *r)
{
    for (size_t i = 0; i < r->hit_count; i++) {
        const vn_search_hit *h = &r->hits[i];
        char *snip = marked(h, "<mark>", "</mark>");
        json_t *o = json_pack("{s:s, s:I, s:i, s:O, s:O, s:O, s:o, s:O, s:O, s:s, s:b}",
                              "record", "hit", "rank", (json_int_t)h->rank, "percent", h->percent,
                              "file", json_object_get(h->document, "file"),
                              "title", json_object_get(h->document, "title"),
                              "issuer", json_object_get(h->document, "issuer"),
                              "date", date_of(h->document),
                              "type", json_object_get(h->document, "type"),
                              "province", json_object_get(h->document, "province"),
                              "snippet", snip ? snip : "", "stale", h->stale);
        vn_print_json_line(o);
        free(snip);
    }
    if (req->facets) {
        json_t *f = json_object();
        for (size_t k = 0; k < r->facet_count; k++) {
            json_t *vals = json_object();
            for (size_t v = 0; v < r->facets[k].count; v++)
                json_object_set_new(vals, r->facets[k].values[v].value,
                                    json_integer((json_int_t)r->facets[k].values[v].count));
            json_object_set_new(f, r->facets[k].name, vals);
        }
        json_t *o = json_pack("{s:s, s:o}", "record", "facets", "facets", f);
        char *s = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
        if (s)
            puts(s);
        free(s);
        json_decref(o);
    }
    json_t *o = json_pack("{s:s, s:s, s:I, s:b, s:I, s:I}", "record", "summary", "query",
                          req->query, "total", (json_int_t)r->total, "exact", r->total_exact,
                          "offset", (json_int_t)req->offset, "returned", (json_int_t)r->hit_count);
    vn_print_json_line(o);
}

static void print_human(const vn_search_request *req, const vn_search_result *r)
{
    bool tty = isatty(STDOUT_FILENO);
    printf("%s%lu document%s match%s", r->total_exact ? "" : "about ", r->total,
           r->total == 1 ? "" : "s", r->total == 1 ? "es" : "");
    if (r->hit_count)
        printf(" (showing %zu-%zu)", req->offset + 1, req->offset + r->hit_count);
    printf("\n");
    for (size_t i = 0; i < r->hit_count; i++) {
        const vn_search_hit *h = &r->hits[i];
        json_t *d = h->document;
        json_t *date = date_of(d);
        printf("\n%zu. %s  (%d%%)\n   %s · %s · %s\n   %s%s\n", h->rank,
               *str(d, "title") ? str(d, "title") : "(no title)", h->percent,
               *str(d, "type") ? str(d, "type") : "-", *str(d, "issuer") ? str(d, "issuer") : "-",
               json_is_string(date) ? json_string_value(date) : "undated", str(d, "file"),
               h->stale ? "  (changed since indexing: run vncite index)" : "");
        json_decref(date);
        char *snip = marked(h, tty ? "\033[1m" : "**", tty ? "\033[0m" : "**");
        if (snip && *snip)
            printf("   %s\n", snip);
        free(snip);
    }
    for (size_t k = 0; k < r->facet_count; k++) {
        printf("\n%s:", r->facets[k].name);
        if (r->facets[k].count == 0)
            printf(" -");
        for (size_t v = 0; v < r->facets[k].count; v++)
            printf("%s %s (%lu)", v ? "," : "", r->facets[k].values[v].value,
                   r->facets[k].values[v].count);
        printf("\n");
    }
}

static bool parse_count(const char *opt, const char *v, size_t *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (*v == '\0' || *end || n < 0 || n > 100000) {
        vn_report_usage_error("search", "%s takes a number from 0 to 100000, not '%s'", opt, v);
        return false;
    }
    *out = (size_t)n;
    return true;
}

int vn_cmd_search(int argc, char **argv)
{
    vn_search_request req = {NULL, NULL, 0, 10, VN_SORT_RELEVANCE, false};
    const char *db = NULL;
    bool json = false;
    vn_buf query = VN_BUF_INIT;
    int status = VN_EXIT_ERROR;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (vn_is_help(a)) {
            vn_print_usage(vn_find_command("search"));
            status = VN_EXIT_OK;
            goto out;
        } else if (strcmp(a, "--json") == 0) {
            json = true;
        } else if (strcmp(a, "--facets") == 0) {
            req.facets = true;
        } else if (strcmp(a, "--db") == 0 || strcmp(a, "--limit") == 0 ||
                   strcmp(a, "--offset") == 0 || strcmp(a, "--sort") == 0) {
            if (++i >= argc) {
                vn_report_usage_error("search", "%s needs a value", a);
                goto out;
            }
            if (strcmp(a, "--db") == 0) {
                db = argv[i];
            } else if (strcmp(a, "--limit") == 0) {
                if (!parse_count(a, argv[i], &req.limit))
                    goto out;
            } else if (strcmp(a, "--offset") == 0) {
                if (!parse_count(a, argv[i], &req.offset))
                    goto out;
            } else if (strcmp(argv[i], "date") == 0) {
                req.sort = VN_SORT_DATE;
            } else if (strcmp(argv[i], "relevance") != 0) {
                vn_report_usage_error("search", "--sort takes 'relevance' or 'date', not '%s'",
                                      argv[i]);
                goto out;
            }
        } else if (a[0] == '-' && a[1] == '-' && a[2]) {
            vn_report_usage_error("search", "unknown option '%s'", a);
            goto out;
        } else {
            /* the rest of the words form the query, as typed */
            if ((query.len && vn_buf_append_char(&query, ' ') != VN_OK) ||
                vn_buf_append(&query, a, strlen(a)) != VN_OK)
                goto out;
        }
    }
    if (query.len == 0) {
        vn_report_usage_error("search", "no query given");
        goto out;
    }
    req.db_path = vn_index_default_db(db);
    req.query = query.data;
    vn_search_result r;
    vn_error err;
    if (vn_search(&req, &r, &err) != VN_OK) {
        vn_report_error(&err);
        goto out;
    }
    if (json)
        print_json(&req, &r);
    else
        print_human(&req, &r);
    vn_search_result_free(&r);
    status = fflush(stdout) == 0 ? VN_EXIT_OK : VN_EXIT_ERROR;
out:
    vn_buf_free(&query);
    return status;
}
