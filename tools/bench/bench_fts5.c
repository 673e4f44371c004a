/*
 * bench_fts5.c — the SQLite FTS5 comparison point:
 *
 *   bench_fts5 index DB DIR     one table fts5(path UNINDEXED, body) with
 *                               tokenize 'unicode61 remove_diacritics 2';
 *                               every *.txt under DIR as read, 1000 rows per
 *                               transaction
 *   bench_fts5 query DB QUERIES.tsv RUNS
 *                               the third column of each line (see
 *                               bench_search.c) as an FTS5 MATCH, ranked by
 *                               bm25, top 10, with snippet(): printed like
 *                               bench_search
 *
 * Like vn_search, each query opens the database, so both include the open.
 */
#include <sqlite3.h>
#include "bench_common.h"

static void check(int rc, sqlite3 *db, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "%s: %s\n", what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        exit(1);
    }
}

static int index_dir(const char *path, const char *dir)
{
    sqlite3 *db;
    check(sqlite3_open(path, &db), db, path);
    check(sqlite3_exec(db,
                       "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                       "CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, body,"
                       " tokenize='unicode61 remove_diacritics 2');",
                       NULL, NULL, NULL),
          db, "create");
    sqlite3_stmt *ins;
    check(sqlite3_prepare_v2(db, "INSERT INTO docs(path, body) VALUES (?, ?)", -1, &ins, NULL),
          db, "prepare");
    bench_files files = bench_list(dir);
    double bytes = 0;
    check(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), db, "begin");
    for (size_t i = 0; i < files.count; i++) {
        size_t len;
        char *text = bench_read(files.paths[i], &len);
        if (!text) {
            perror(files.paths[i]);
            continue;
        }
        sqlite3_bind_text(ins, 1, files.paths[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 2, text, (int)len, free);
        check(sqlite3_step(ins), db, "insert");
        sqlite3_reset(ins);
        bytes += (double)len;
        if ((i + 1) % 1000 == 0)
            check(sqlite3_exec(db, "COMMIT; BEGIN", NULL, NULL, NULL), db, "commit");
    }
    check(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), db, "commit");
    sqlite3_finalize(ins);
    /* fold the WAL into the database file so that its size is the index size */
    check(sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), db, "checkpoint");
    check(sqlite3_close(db), NULL, "close");
    printf("docs=%zu mb=%.1f\n", files.count, bytes / 1e6);
    return 0;
}

static int query_file(const char *path, const char *queries, int runs)
{
    FILE *q = fopen(queries, "r");
    if (!q) {
        perror(queries);
        return 2;
    }
    char line[4096];
    while (fgets(line, sizeof line, q)) {
        line[strcspn(line, "\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char *cls = strtok(line, "\t");
        strtok(NULL, "\t");
        char *match = strtok(NULL, "\t");
        if (!cls || !match)
            continue;
        printf("%s\t%s", cls, match);
        for (int r = -1; r < runs; r++) {
            double t0 = bench_now();
            sqlite3 *db;
            check(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), db, path);
            sqlite3_stmt *st;
            check(sqlite3_prepare_v2(db,
                                     "SELECT path, bm25(docs), snippet(docs, 1, '[', ']', '…', 24)"
                                     " FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs) LIMIT 10",
                                     -1, &st, NULL),
                  db, "prepare");
            sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
            unsigned long rows = 0;
            int rc;
            while ((rc = sqlite3_step(st)) == SQLITE_ROW)
                rows++;
            check(rc, db, match);
            sqlite3_finalize(st);
            sqlite3_close(db);
            double ms = (bench_now() - t0) * 1e3;
            if (r < 0) {
                /* the match count, untimed, as vncite reports an estimate */
                sqlite3 *c;
                sqlite3_stmt *cs;
                sqlite3_open_v2(path, &c, SQLITE_OPEN_READONLY, NULL);
                sqlite3_prepare_v2(c, "SELECT count(*) FROM docs WHERE docs MATCH ?1", -1, &cs,
                                   NULL);
                sqlite3_bind_text(cs, 1, match, -1, SQLITE_STATIC);
                unsigned long total = sqlite3_step(cs) == SQLITE_ROW
                                          ? (unsigned long)sqlite3_column_int64(cs, 0) : 0;
                sqlite3_finalize(cs);
                sqlite3_close(c);
                printf("\t%lu\t", total);
            } else {
                printf("%s%.3f", r ? " " : "", ms);
            }
        }
        putchar('\n');
        fflush(stdout);
    }
    fclose(q);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "index") == 0)
        return index_dir(argv[2], argv[3]);
    if (argc == 5 && strcmp(argv[1], "query") == 0)
        return query_file(argv[2], argv[3], atoi(argv[4]));
    fputs("usage: bench_fts5 index DB DIR | bench_fts5 query DB QUERIES.tsv RUNS\n", stderr);
    return 2;
}
