/*
 * bench_search.c — vncite search latency, in process:
 *
 *   bench_search [--match-only] DB QUERIES.tsv RUNS
 *
 * QUERIES.tsv: "class<TAB>vncite query<TAB>fts5 query<TAB>grep words" per
 * line (# comments).  Each query runs once untimed (warm-up), then RUNS
 * times through vn_search() exactly as `vncite search` calls it: open the
 * index, parse, ranked top 10 with metadata and a highlighted snippet read
 * from the file.  Process start-up, registry loading and printing are not
 * measured.  Prints "class<TAB>query<TAB>matches<TAB>ms ms ms …" per query.
 *
 * --match-only: the engine part alone, to show where the time goes: open
 * the index, parse, run the query, fetch the top 10 hits' data; no JSON
 * parsing, no snippets (the same calls vn_search makes first).
 */
#include <stdbool.h>
#include "bench_common.h"
#include "common/index_schema.h"
#include "common/xapian.h"
#include "query/search.h"

static vn_status match_only(const char *db_path, const char *query, unsigned long *total,
                            vn_error *err)
{
    vn_xdb *db = NULL;
    vn_xparser *parser = NULL;
    vn_xquery *q = NULL;
    vn_xmset *m = NULL;
    vn_status st = vn_schema_open(db_path, &db, err);
    if (st == VN_OK)
        st = vn_schema_parser_for(db, NULL, 0, &parser, err);
    if (st == VN_OK)
        st = vn_xparser_parse(parser, query, &q, err);
    vn_xsearch_opts opts = {0, 10, VN_XSORT_RELEVANCE, 0, NULL, 0, 0};
    if (st == VN_OK)
        st = vn_xdb_search(db, q, &opts, &m, err);
    if (st == VN_OK) {
        unsigned long lo, hi;
        vn_xmset_counts(m, total, &lo, &hi);
        for (size_t i = 0; st == VN_OK && i < vn_xmset_size(m); i++) {
            vn_xhit h;
            st = vn_xmset_hit(m, i, &h, err);
        }
    }
    vn_xmset_destroy(m);
    vn_xquery_destroy(q);
    vn_xparser_destroy(parser);
    vn_xdb_close(db, NULL);
    return st;
}

int main(int argc, char **argv)
{
    bool engine_only = argc == 5 && strcmp(argv[1], "--match-only") == 0;
    if (engine_only)
        argv++, argc--;
    if (argc != 4) {
        fputs("usage: bench_search [--match-only] DB QUERIES.tsv RUNS\n", stderr);
        return 2;
    }
    int runs = atoi(argv[3]);
    FILE *q = fopen(argv[2], "r");
    if (!q) {
        perror(argv[2]);
        return 2;
    }
    char line[4096];
    while (fgets(line, sizeof line, q)) {
        line[strcspn(line, "\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char *cls = strtok(line, "\t"), *query = strtok(NULL, "\t");
        if (!cls || !query)
            continue;
        vn_search_request req = {.db_path = argv[1], .query = query, .limit = 10,
                                 .sort = VN_SORT_RELEVANCE};
        printf("%s\t%s", cls, query);
        for (int r = -1; r < runs; r++) {
            vn_search_result res = {0};
            vn_error err;
            unsigned long total = 0;
            double t0 = bench_now();
            vn_status st = engine_only ? match_only(argv[1], query, &total, &err)
                                       : vn_search(&req, &res, &err);
            double ms = (bench_now() - t0) * 1e3;
            if (!engine_only)
                total = res.total;
            if (st != VN_OK) {
                fprintf(stderr, "%s: %s\n", query, err.msg);
                return 1;
            }
            if (r < 0)
                printf("\t%lu\t", total);
            else
                printf("%s%.3f", r ? " " : "", ms);
            if (!engine_only)
                vn_search_result_free(&res);
        }
        putchar('\n');
        fflush(stdout);
    }
    fclose(q);
    return 0;
}
