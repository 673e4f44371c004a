/* test_lint_stream.c — lint over an index without holding it
 * (vn_lint_stream, query/lint.c) finds what lint over the loaded corpus
 * (vn_lint_run) finds, hands it over in the same order, even when the index
 * keeps its documents in another order than their files, and names a
 * document it does not have. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "indexer/indexer.h"
#include "query/corpus.h"
#include "query/lint.h"

typedef struct fixture {
    char dir[64];
    vn_registry *registry;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/vncite-test-lint-XXXXXX");
    if (!f || !mkdtemp(f->dir))
        return -1;
    vn_error err;
    if (vn_registry_load(VNCITE_CORPUS "/registry", &f->registry, NULL, NULL, &err) != VN_OK)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    vn_registry_free(f->registry);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    int rc = system(cmd);
    free(f);
    return rc == 0 ? 0 : -1;
}

static void shell(const char *fmt, ...)
{
    char cmd[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    assert_int_equal(system(cmd), 0);
}

static void index_folder(const fixture *f, const char *docs, const char *db)
{
    char *paths[] = {(char *)docs};
    vn_index_opts opts = {.db_path = db, .registry = f->registry, .jobs = 1};
    vn_index_stats stats;
    vn_error err;
    if (vn_index_run(paths, 1, &opts, &stats, &err) != VN_OK)
        fail_msg("index %s: %s", docs, err.msg);
}

/* A finding as one line, to compare runs and to see in a failure. */
static char *finding_line(const vn_lint_finding *x)
{
    char *s = NULL;
    if (asprintf(&s, "%s:%zu:%zu:%zu %s %s [%s] \"%s\" %s", x->file, x->line, x->column,
                 x->byte, vn_lint_rule_name(x->rule), vn_lint_severity_name(x->severity),
                 x->message, x->text, x->suggestion) < 0)
        fail_msg("out of memory");
    return s;
}

/* The findings as handed over, in order. */
typedef struct handed {
    char **lines;
    size_t count, calls;
    size_t refuse_at;       /* a call that fails (VN_ERR_IO), 0: none */
} handed;

static vn_status take(void *ctx, const vn_lint_finding *findings, size_t count, vn_error *err)
{
    handed *h = ctx;
    if (++h->calls == h->refuse_at)
        return vn_error_set(err, VN_ERR_IO, "cannot write the findings");
    h->lines = realloc(h->lines, (h->count + count) * sizeof *h->lines);
    assert_non_null(h->lines);
    for (size_t i = 0; i < count; i++)
        h->lines[h->count++] = finding_line(&findings[i]);
    return VN_OK;
}

static void handed_free(handed *h)
{
    for (size_t i = 0; i < h->count; i++)
        free(h->lines[i]);
    free(h->lines);
    memset(h, 0, sizeof *h);
}

/* What vn_lint_run over the loaded corpus hands over (file = NULL), or
 * reports on that one document. */
static void lint_loaded(const fixture *f, const char *db, const char *file, handed *out)
{
    vn_corpus c;
    vn_error err;
    assert_int_equal(vn_corpus_load(db, f->registry, &c, &err), VN_OK);
    vn_lint_options o = {-1, 0, NULL, NULL, take, out, NULL};
    if (file)
        assert_true((o.doc = vn_corpus_find_doc(&c, file)) >= 0);
    vn_lint_result r;
    assert_int_equal(vn_lint_run(&c, &o, &r, &err), VN_OK);
    vn_lint_result_free(&r);
    vn_corpus_free(&c);
}

static void lint_streamed(const fixture *f, const char *db, const char *file, handed *out)
{
    vn_error err;
    vn_lint_options o = {-1, 0, NULL, NULL, take, out, file};
    vn_lint_result r;
    if (vn_lint_stream(db, f->registry, &o, &r, &err) != VN_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(r.count, 0);
    vn_lint_result_free(&r);
}

static void assert_same(const handed *a, const handed *b)
{
    for (size_t i = 0; i < a->count && i < b->count; i++)
        if (strcmp(a->lines[i], b->lines[i]) != 0)
            fail_msg("finding %zu:\n  loaded:   %s\n  streamed: %s", i, a->lines[i],
                     b->lines[i]);
    assert_int_equal(a->count, b->count);
}

/* Three copies of each sample plan: the rules comparing documents see each
 * citation in three places. */
static void test_same_findings_as_loaded(void **state)
{
    fixture *f = *state;
    char docs[128], db[128];
    snprintf(docs, sizeof docs, "%s/copies", f->dir);
    snprintf(db, sizeof db, "%s/copies-db", f->dir);
    shell("mkdir -p '%s' && for i in 1 2 3; do for p in '%s'/*.txt; do "
          "cp \"$p\" '%s'/$i-$(basename \"$p\"); done; done", docs, VNCITE_CORPUS, docs);
    index_folder(f, docs, db);
    handed loaded = {0}, streamed = {0};
    lint_loaded(f, db, NULL, &loaded);
    lint_streamed(f, db, NULL, &streamed);
    assert_true(loaded.count >= 15);
    assert_same(&loaded, &streamed);

    /* without a callback, every finding in the result, its file kept by it */
    vn_lint_result r;
    vn_error err;
    assert_int_equal(vn_lint_stream(db, f->registry, NULL, &r, &err), VN_OK);
    assert_int_equal(r.count, loaded.count);
    for (size_t i = 0; i < r.count; i++) {
        char *line = finding_line(&r.findings[i]);
        assert_string_equal(line, loaded.lines[i]);
        free(line);
    }
    vn_lint_result_free(&r);

    /* one document reported, as the loaded corpus reports it */
    char one[192];
    snprintf(one, sizeof one, "%s/2-yen-bai-dang-uy-khoi-2024-ke-hoach-qcdc.txt", docs);
    handed a = {0}, b = {0};
    lint_loaded(f, db, one, &a);
    lint_streamed(f, db, one, &b);
    assert_true(a.count > 0 && a.count < loaded.count);
    assert_same(&a, &b);
    handed_free(&a);
    handed_free(&b);
    handed_free(&loaded);
    handed_free(&streamed);
}

/* Files added after the index was made come after the others in the index,
 * but first in file order: their findings still come first. */
static void test_file_order_when_index_order_differs(void **state)
{
    fixture *f = *state;
    char docs[128], db[128];
    snprintf(docs, sizeof docs, "%s/added", f->dir);
    snprintf(db, sizeof db, "%s/added-db", f->dir);
    shell("mkdir -p '%s' && cp '%s/yen-bai-dang-uy-khoi-2024-ke-hoach-qcdc.txt' '%s/z.txt'",
          docs, VNCITE_CORPUS, docs);
    index_folder(f, docs, db);
    shell("cp '%s/cao-loc-thuy-hung-dang-uy-2024-ke-hoach-150.txt' '%s/a.txt' && "
          "cp '%s/tay-ninh-so-cong-thuong-2024-ke-hoach.txt' '%s/m.txt'",
          VNCITE_CORPUS, docs, VNCITE_CORPUS, docs);
    index_folder(f, docs, db);

    /* the stream meets z.txt first */
    handed loaded = {0}, streamed = {0};
    lint_loaded(f, db, NULL, &loaded);
    lint_streamed(f, db, NULL, &streamed);
    assert_true(loaded.count >= 3);
    assert_non_null(strstr(loaded.lines[0], "/a.txt:"));
    assert_non_null(strstr(loaded.lines[loaded.count - 1], "/z.txt:"));
    assert_same(&loaded, &streamed);
    handed_free(&loaded);
    handed_free(&streamed);

    /* a callback that fails stops the run with its error, the held
     * findings freed */
    handed refused = {.refuse_at = 1};
    vn_lint_options o = {-1, 0, NULL, NULL, take, &refused, NULL};
    vn_lint_result r;
    vn_error err;
    assert_int_equal(vn_lint_stream(db, f->registry, &o, &r, &err), VN_ERR_IO);
    assert_string_equal(err.msg, "cannot write the findings");
    assert_int_equal(refused.calls, 1);
    assert_int_equal(r.count, 0);
    handed_free(&refused);
}

static void test_document_not_in_index(void **state)
{
    fixture *f = *state;
    char docs[128], db[128];
    snprintf(docs, sizeof docs, "%s/one", f->dir);
    snprintf(db, sizeof db, "%s/one-db", f->dir);
    shell("mkdir -p '%s' && cp '%s/tay-ninh-so-cong-thuong-2024-ke-hoach.txt' '%s/'", docs,
          VNCITE_CORPUS, docs);
    index_folder(f, docs, db);
    handed h = {0};
    vn_lint_options o = {-1, 0, NULL, NULL, take, &h, "elsewhere.txt"};
    vn_lint_result r;
    vn_error err;
    assert_int_equal(vn_lint_stream(db, f->registry, &o, &r, &err), VN_ERR_NOTFOUND);
    assert_non_null(strstr(err.msg, "elsewhere.txt: not in the index"));
    assert_int_equal(h.calls, 0);

    char none[160];
    snprintf(none, sizeof none, "%s/no-db", f->dir);
    assert_int_equal(vn_lint_stream(none, f->registry, &o, &r, &err), VN_ERR_NOTFOUND);
    assert_non_null(strstr(err.msg, "no index here"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_findings_as_loaded),
        cmocka_unit_test(test_file_order_when_index_order_differs),
        cmocka_unit_test(test_document_not_in_index),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
