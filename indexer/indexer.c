/* indexer.c — the incremental, sharded indexing run (see indexer.h). */
#include "indexer.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../common/fnv.h"
#include "../common/index_schema.h"
#include "../common/terms.h"
#include "../common/tokenize.h"
#include "analyze.h"
#include "compact.h"
#include "index_doc.h"
#include "resolve.h"
#include "walk.h"

#define STUB_NAME "XAPIANDB"

const char *vn_index_default_db(const char *option)
{
    if (option && *option)
        return option;
    const char *env = getenv("VNCITE_DB");
    return env && *env ? env : "vncite.db";
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* FNV-1a: a stable hash, so a path always lands in the same shard. */
static unsigned shard_of(const char *path, unsigned shards)
{
    return (unsigned)(vn_fnv1a_str(VN_FNV_SEED, path) % shards);
}

/* ---- the database folder ------------------------------------------------ */

static int path_join(char *out, size_t size, const char *dir, const char *name)
{
    int n = snprintf(out, size, "%s/%s", dir, name);
    return n > 0 && (size_t)n < size ? 0 : -1;
}

/* Number of shards of an existing index folder (0 if it is new). */
static vn_status count_shards(const char *db, unsigned *shards, vn_error *err)
{
    char stub[4096];
    if (path_join(stub, sizeof stub, db, STUB_NAME) != 0)
        return vn_error_set(err, VN_ERR_USAGE, "%s: path too long", db);
    FILE *f = fopen(stub, "r");
    if (!f) {
        struct stat st;
        if (errno == ENOENT && stat(db, &st) == 0 && S_ISDIR(st.st_mode)) {
            char probe[4096];
            if (path_join(probe, sizeof probe, db, "iamglass") == 0 && stat(probe, &st) == 0)
                return vn_error_set(err, VN_ERR_USAGE,
                                    "%s is a plain Xapian database, not a vncite index; "
                                    "give vncite a new folder", db);
        }
        *shards = 0;
        return VN_OK;
    }
    char line[4200];
    unsigned n = 0;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "auto shard", 10) == 0)
            n++;
    fclose(f);
    if (n == 0 || n > VN_INDEX_MAX_JOBS)
        return vn_error_set(err, VN_ERR_INDEX,
                            "%s/%s does not list vncite shards; it is not a vncite index",
                            db, STUB_NAME);
    *shards = n;
    return VN_OK;
}

/* mkdir -p: the folders of path that are missing, the last one too (0 or
 * -1 with errno, as mkdir). */
static int make_folders(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return -1;
    int rc = 0;
    for (char *p = copy + 1; rc == 0 && *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(copy, 0777) != 0 && errno != EEXIST)
            rc = -1;
        *p = '/';
    }
    if (rc == 0 && mkdir(copy, 0777) != 0 && errno != EEXIST)
        rc = -1;
    int saved = errno;
    free(copy);
    errno = saved;
    return rc;
}

static vn_status create_index(const char *db, unsigned shards, vn_positions positions,
                              vn_error *err)
{
    if (make_folders(db) != 0)
        return vn_error_set(err, VN_ERR_IO, "%s: cannot create the index folder: %s", db,
                            strerror(errno));
    struct stat st_db;
    if (stat(db, &st_db) != 0 || !S_ISDIR(st_db.st_mode))
        return vn_error_set(err, VN_ERR_USAGE,
                            "%s is not a folder; give --db a new folder or an "
                            "existing vncite index", db);
    char names[VN_INDEX_MAX_JOBS][16];
    const char *list[VN_INDEX_MAX_JOBS];
    for (unsigned i = 0; i < shards; i++) {
        snprintf(names[i], sizeof names[i], "shard%u", i);
        list[i] = names[i];
        char path[4096];
        if (path_join(path, sizeof path, db, names[i]) != 0)
            return vn_error_set(err, VN_ERR_USAGE, "%s: path too long", db);
        vn_xdb *x = NULL;
        vn_status st = vn_schema_open_writable(path, &x, err);
        if (st == VN_OK && positions != VN_POSITIONS_BOTH &&
            (st = vn_schema_set_positions(x, positions, err)) != VN_OK)
            vn_xdb_close(x, NULL);
        else if (st == VN_OK)
            st = vn_xdb_close(x, err);
        if (st != VN_OK)
            return st;
    }
    char stub[4096];
    if (path_join(stub, sizeof stub, db, STUB_NAME) != 0)
        return vn_error_set(err, VN_ERR_USAGE, "%s: path too long", db);
    return vn_xdb_write_stub(stub, list, shards, err);
}

/* `--small` on an existing index: fine if it was made small, an error if
 * not (positions are chosen when an index is created). */
static vn_status check_small(const char *db, vn_error *err)
{
    vn_xdb *x = NULL;
    vn_positions positions = VN_POSITIONS_BOTH;
    vn_status st = vn_schema_open(db, &x, err);
    if (st == VN_OK)
        st = vn_schema_get_positions(x, &positions, err);
    vn_xdb_close(x, NULL);
    if (st == VN_OK && positions != VN_POSITIONS_ACCENTED)
        st = vn_error_set(err, VN_ERR_USAGE,
                          "%s: this index was made without --small, which applies when an "
                          "index is created: index into a new --db, or delete this one first",
                          db);
    return st;
}

/* ---- which indexed paths this run is responsible for ------------------- */

typedef struct root {
    char *path;     /* normalised, no trailing slash */
    bool is_dir;
} root;

static char *normalise_path(const char *p)
{
    while (p[0] == '.' && p[1] == '/')
        p += 2;
    char *s = strdup(*p ? p : ".");
    if (!s)
        return NULL;
    size_t n = strlen(s);
    while (n > 1 && s[n - 1] == '/')
        s[--n] = '\0';
    return s;
}

static bool covered(const root *roots, size_t n, const char *path)
{
    for (size_t i = 0; i < n; i++) {
        size_t rl = strlen(roots[i].path);
        if (roots[i].is_dir ? (strncmp(path, roots[i].path, rl) == 0 && path[rl] == '/') ||
                                  strcmp(roots[i].path, ".") == 0
                            : strcmp(path, roots[i].path) == 0)
            return true;
    }
    return false;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- workers ------------------------------------------------------------- */

typedef struct run {
    const vn_index_opts *opts;
    char **files;               /* normalised paths */
    uint64_t *sizes;
    size_t file_count;
    char **unique_sorted;       /* unique terms of `files`, sorted */
    root *roots;
    size_t root_count;
    unsigned shards;
    pthread_mutex_t report_lock;
    atomic_size_t done, added, updated, unchanged, removed, failed;
    atomic_uint_fast64_t bytes_done, bytes_indexed, compacted_from, compacted_to;
    atomic_int running;
    vn_status fatal;            /* first error that stops the run */
    vn_error fatal_err;
} run;

typedef struct worker {
    run *r;
    unsigned shard;
    pthread_t thread;
} worker;

static void report_file(run *r, const vn_error *e)
{
    pthread_mutex_lock(&r->report_lock);
    if (r->opts->file_error)
        r->opts->file_error(r->opts->ctx, e);
    pthread_mutex_unlock(&r->report_lock);
}

static void set_fatal(run *r, vn_status st, const vn_error *e)
{
    pthread_mutex_lock(&r->report_lock);
    if (r->fatal == VN_OK) {
        r->fatal = st;
        r->fatal_err = *e;
    }
    pthread_mutex_unlock(&r->report_lock);
}

static bool stopped(run *r)
{
    pthread_mutex_lock(&r->report_lock);
    bool s = r->fatal != VN_OK;
    pthread_mutex_unlock(&r->report_lock);
    return s;
}

/* Indexes one file into db. Returns non-OK only for errors that stop the run. */
static vn_status index_one(run *r, vn_xdb *db, vn_termgen *g, size_t i, vn_buf *uterm)
{
    const char *path = r->files[i];
    vn_error e;
    struct stat st;
    if (stat(path, &st) != 0) {
        vn_error_set(&e, VN_ERR_IO, "%s: %s; skipped", path, strerror(errno));
        report_file(r, &e);
        r->failed++;
        return VN_OK;
    }
    vn_file_stamp stamp = {(int64_t)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                           (uint64_t)st.st_size, 0};
    uterm->len = 0;
    vn_status s = vn_schema_unique_term(path, uterm, &e);
    if (s != VN_OK)
        return s;
    vn_xdoc *old = NULL;
    bool existed = false;
    s = vn_xdb_find(db, uterm->data, &old, &e);
    if (s == VN_OK) {
        existed = true;
        vn_file_stamp prev;
        bool same = vn_schema_get_stamp(old, &prev) && vn_file_stamp_equal(&prev, &stamp);
        vn_xdoc_destroy(old);
        if (same) {
            r->unchanged++;
            return VN_OK;
        }
    } else if (s != VN_ERR_NOTFOUND) {
        return s;
    }

    vn_analysis a;
    if (vn_analyze_file(path, r->opts->registry, &a, &e) != VN_OK) {
        report_file(r, &e);       /* what was indexed before stays */
        r->failed++;
        return VN_OK;
    }
    vn_resolve_doc rd = {&a.meta, &a.extract.citations};
    vn_xdoc *doc = NULL;
    s = vn_resolve(&rd, 1, r->opts->registry, &e);
    if (s == VN_OK)
        s = vn_index_build_doc(g, &a, &stamp, &doc, &e);
    if (s == VN_OK) {
        s = vn_xdb_replace(db, uterm->data, doc, NULL, &e);
    } else if (s != VN_ERR_NOMEM) {
        /* this document cannot be built (not the database's fault): skip it */
        report_file(r, &e);
        r->failed++;
        vn_analysis_free(&a);
        return VN_OK;
    }
    vn_xdoc_destroy(doc);
    vn_analysis_free(&a);
    if (s != VN_OK) {
        set_fatal(r, s, &e);
        return s;
    }
    if (existed)
        r->updated++;
    else
        r->added++;
    r->bytes_indexed += (uint64_t)st.st_size;
    return VN_OK;
}

/* Removes documents of this shard whose files are gone. */
static vn_status remove_vanished(run *r, vn_xdb *db, vn_error *e)
{
    const char *q = vn_schema_fields[VN_FIELD_PATH].prefix;
    vn_xterms *it = NULL;
    vn_status s = vn_xdb_terms(db, q, &it, e);
    if (s != VN_OK)
        return s;
    vn_buf term = VN_BUF_INIT;
    for (; s == VN_OK && vn_xterms_valid(it); vn_xterms_move_to_next(it)) {
        const char *path = vn_xterms_get(it, NULL);
        term.len = 0;
        if (vn_buf_append(&term, q, strlen(q)) != VN_OK ||
            vn_buf_append(&term, path, strlen(path)) != VN_OK) {
            s = vn_error_set(e, VN_ERR_NOMEM, "out of memory");
            break;
        }
        const char *key = term.data;
        if (!covered(r->roots, r->root_count, path) ||
            bsearch(&key, r->unique_sorted, r->file_count, sizeof *r->unique_sorted, cmp_str))
            continue;
        s = vn_xdb_delete(db, term.data, e);
        if (s == VN_OK)
            r->removed++;
    }
    vn_buf_free(&term);
    vn_xterms_destroy(it);
    return s;
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    run *r = w->r;
    vn_error e;
    char path[4096];
    vn_xdb *db = NULL;
    vn_tokenizer *tok = NULL;
    vn_termgen *g = NULL;
    vn_buf uterm = VN_BUF_INIT;
    snprintf(path, sizeof path, "%s/shard%u", r->opts->db_path, w->shard);
    vn_status s = vn_schema_open_writable(path, &db, &e);
    if (s == VN_ERR_LOCKED)
        vn_error_set(&e, VN_ERR_LOCKED,
                     "%s: database is being indexed by another process; wait for it to finish",
                     r->opts->db_path);
    if (s == VN_OK && r->opts->batch)
        vn_xdb_set_batch(db, r->opts->batch, 0);
    if (s == VN_OK)
        s = vn_tokenizer_open(&tok, &e);
    if (s == VN_OK)
        s = vn_termgen_new(tok, &g, &e);
    vn_positions positions = VN_POSITIONS_BOTH;
    if (s == VN_OK && (s = vn_schema_get_positions(db, &positions, &e)) == VN_OK)
        vn_termgen_set_positions(g, positions);
    for (size_t i = 0; s == VN_OK && i < r->file_count; i++) {
        if (shard_of(r->files[i], r->shards) != w->shard)
            continue;
        if (stopped(r))
            break;
        s = index_one(r, db, g, i, &uterm);
        if (s != VN_OK)
            vn_error_set(&e, s, "%s: %s", r->files[i], vn_status_name(s));
        r->done++;
        r->bytes_done += r->sizes[i];
    }
    if (s == VN_OK && !stopped(r))
        s = remove_vanished(r, db, &e);
    bool swapped = false;
    if (s == VN_OK && r->opts->compact && !stopped(r) && (s = vn_xdb_commit(db, &e)) == VN_OK) {
        uint64_t before = 0, after = 0;
        s = vn_compact_swap(path, &before, &after, &e);
        swapped = s == VN_OK;
        r->compacted_from += before;
        r->compacted_to += after;
    }
    vn_error ce;
    vn_status cs = vn_xdb_close(db, &ce);
    if (s == VN_OK && cs != VN_OK) {
        s = cs;
        e = ce;
    }
    if (swapped && (cs = vn_compact_cleanup(path, &ce)) != VN_OK && s == VN_OK) {
        s = cs;     /* the index is fine; the old copy is still on disk */
        e = ce;
    }
    if (s != VN_OK)
        set_fatal(r, s, &e);
    vn_termgen_free(g);
    vn_tokenizer_close(tok);
    vn_buf_free(&uterm);
    r->running--;
    return NULL;
}

/* ---- the run --------------------------------------------------------------- */

static void walk_problem(void *ctx, const vn_error *e)
{
    run *r = ctx;
    report_file(r, e);
    r->failed++;
}

static void free_run(run *r)
{
    for (size_t i = 0; i < r->file_count; i++) {
        free(r->files ? r->files[i] : NULL);
        free(r->unique_sorted ? r->unique_sorted[i] : NULL);
    }
    free(r->files);
    free(r->unique_sorted);
    free(r->sizes);
    for (size_t i = 0; i < r->root_count; i++)
        free(r->roots[i].path);
    free(r->roots);
    pthread_mutex_destroy(&r->report_lock);
}

static vn_status prepare(run *r, char *const *paths, size_t count, vn_error *err)
{
    vn_pathlist list;
    vn_status s = vn_walk(paths, count, &list, walk_problem, r, err);
    if (s != VN_OK)
        return s;
    r->roots = calloc(count ? count : 1, sizeof *r->roots);
    r->files = calloc(list.count ? list.count : 1, sizeof *r->files);
    r->unique_sorted = calloc(list.count ? list.count : 1, sizeof *r->unique_sorted);
    r->sizes = calloc(list.count ? list.count : 1, sizeof *r->sizes);
    if (!r->roots || !r->files || !r->unique_sorted || !r->sizes)
        s = VN_ERR_NOMEM;
    for (size_t i = 0; s == VN_OK && i < count; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0)
            continue;       /* reported by the walk */
        r->roots[r->root_count].is_dir = S_ISDIR(st.st_mode);
        r->roots[r->root_count].path = normalise_path(paths[i]);
        if (!r->roots[r->root_count++].path)
            s = VN_ERR_NOMEM;
    }
    vn_buf t = VN_BUF_INIT;
    for (size_t i = 0; s == VN_OK && i < list.count; i++) {
        r->files[i] = normalise_path(list.paths[i]);
        t.len = 0;
        if (!r->files[i] || vn_schema_unique_term(r->files[i], &t, err) != VN_OK ||
            !(r->unique_sorted[i] = strdup(t.data)))
            s = VN_ERR_NOMEM;
        struct stat st;
        r->sizes[i] = r->files[i] && stat(r->files[i], &st) == 0 ? (uint64_t)st.st_size : 0;
        r->file_count = i + 1;
    }
    vn_buf_free(&t);
    vn_pathlist_free(&list);
    if (s != VN_OK)
        return vn_error_set(err, s, "out of memory while listing files");
    qsort(r->unique_sorted, r->file_count, sizeof *r->unique_sorted, cmp_str);
    return VN_OK;
}

vn_status vn_index_run(char *const *paths, size_t count, const vn_index_opts *opts,
                       vn_index_stats *stats, vn_error *err)
{
    double t0 = now_seconds();
    memset(stats, 0, sizeof *stats);
    run r;
    memset(&r, 0, sizeof r);
    r.opts = opts;
    pthread_mutex_init(&r.report_lock, NULL);

    unsigned shards = 0;
    vn_status s = count_shards(opts->db_path, &shards, err);
    if (s == VN_OK && shards == 0) {
        shards = opts->jobs ? opts->jobs : 1;
        if (shards > VN_INDEX_MAX_JOBS)
            shards = VN_INDEX_MAX_JOBS;
        s = create_index(opts->db_path, shards,
                         opts->small ? VN_POSITIONS_ACCENTED : VN_POSITIONS_BOTH, err);
    } else if (s == VN_OK && opts->small) {
        s = check_small(opts->db_path, err);
    }
    if (s == VN_OK)
        s = prepare(&r, paths, count, err);
    if (s != VN_OK) {
        free_run(&r);
        return s;
    }
    r.shards = shards;

    worker workers[VN_INDEX_MAX_JOBS];
    uint64_t total_bytes = 0;
    for (size_t i = 0; i < r.file_count; i++)
        total_bytes += r.sizes[i];
    r.running = (int)shards;
    unsigned started = 0;
    for (unsigned i = 0; i < shards; i++) {
        workers[i] = (worker){&r, i, 0};
        if (pthread_create(&workers[i].thread, NULL, worker_main, &workers[i]) != 0) {
            r.running -= (int)(shards - i);
            vn_error e;
            vn_error_set(&e, VN_ERR_NOMEM, "cannot start an indexing thread");
            set_fatal(&r, VN_ERR_NOMEM, &e);
            break;
        }
        started++;
    }
    while (r.running > 0) {
        if (opts->progress) {
            vn_index_progress p = {r.file_count, r.done, total_bytes, r.bytes_done,
                                   now_seconds() - t0};
            opts->progress(opts->ctx, &p);
        }
        struct timespec ts = {0, 100 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    for (unsigned i = 0; i < started; i++)
        pthread_join(workers[i].thread, NULL);
    if (opts->progress) {
        vn_index_progress p = {r.file_count, r.done, total_bytes, r.bytes_done,
                               now_seconds() - t0};
        opts->progress(opts->ctx, &p);
    }

    stats->files = r.file_count;
    stats->added = r.added;
    stats->updated = r.updated;
    stats->unchanged = r.unchanged;
    stats->removed = r.removed;
    stats->failed = r.failed;
    stats->bytes = r.bytes_indexed;
    stats->shards = shards;
    stats->compacted_from = r.compacted_from;
    stats->compacted_to = r.compacted_to;
    stats->seconds = now_seconds() - t0;
    s = r.fatal;
    if (s != VN_OK && err)
        *err = r.fatal_err;
    free_run(&r);
    return s;
}
