/*
 * bench_search.c — vncite search latency, in process:
 *
 *   bench_search DB QUERIES.tsv RUNS
 *
 * QUERIES.tsv: "class<TAB>vncite query<TAB>fts5 query<TAB>grep words" per
 * line (# comments).  Each query runs once untimed (warm-up), then RUNS
 * times through vn_search() exactly as `vncite search` calls it: open the
 * index, parse, ranked top 10 with metadata and a highlighted snippet read
 * from the file.  Process start-up, registry loading and printing are not
 * measured.  Prints "class<TAB>query<TAB>matches<TAB>ms ms ms …" per query.
 */
#include "bench_common.h"
#include "query/search.h"

int main(int argc, char **argv)
{
    if (argc != 4) {
        fputs("usage: bench_search DB QUERIES.tsv RUNS\n", stderr);
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
            vn_search_result res;
            vn_error err;
            double t0 = bench_now();
            vn_status st = vn_search(&req, &res, &err);
            double ms = (bench_now() - t0) * 1e3;
            if (st != VN_OK) {
                fprintf(stderr, "%s: %s\n", query, err.msg);
                return 1;
            }
            if (r < 0)
                printf("\t%lu\t", res.total);
            else
                printf("%s%.3f", r ? " " : "", ms);
            vn_search_result_free(&res);
        }
        putchar('\n');
        fflush(stdout);
    }
    fclose(q);
    return 0;
}
