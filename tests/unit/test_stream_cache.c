/* test_stream_cache.c — DB/stream.cache (query/stream_cache.c) and the
 * resolver table it restores (vn_resolve_table_restore): a stream that
 * reads the cache gives every document as a stream that reads the index;
 * the image is refused, with a reason, when damaged or stale. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "indexer/indexer.h"
#include "query/corpus.h"
#include "query/stream_cache.h"
#include "tools/fuzz/resealed.h"

typedef struct fixture {
    char dir[64];
    char db[128];
    char cache[160];
    vn_registry *registry;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/vncite-test-stream-XXXXXX");
    if (!f || !mkdtemp(f->dir))
        return -1;
    vn_error err;
    if (vn_registry_load(VNCITE_CORPUS "/registry", &f->registry, NULL, NULL, &err) != VN_OK)
        return -1;
    /* the sample plans, and an undated citation only the table resolves */
    char docs[128], cmd[1024];
    snprintf(docs, sizeof docs, "%s/plans", f->dir);
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s' && cp '%s'/*.txt '%s'/ && printf 'Căn cứ Kế hoạch số 77-KH/TU "
             "ngày 05/3/2021 của Tỉnh ủy.\\n' >'%s/dated.txt' && printf 'Thực hiện Kế hoạch "
             "số 77-KH/TU.\\n' >'%s/undated.txt'",
             docs, VNCITE_CORPUS, docs, docs, docs);
    if (system(cmd) != 0)
        return -1;
    snprintf(f->db, sizeof f->db, "%s/db", f->dir);
    snprintf(f->cache, sizeof f->cache, "%s/stream.cache", f->db);
    char *paths[] = {docs};
    vn_index_opts opts = {.db_path = f->db, .registry = f->registry, .jobs = 2};
    vn_index_stats stats;
    if (vn_index_run(paths, 1, &opts, &stats, &err) != VN_OK)
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

/* Every document of a stream as text: file, rank, and each citation's
 * symbol, identity and place. */
typedef struct seen_docs {
    char *text;
    size_t len;
    FILE *out;
} seen_docs;

static vn_status see(void *arg, const vn_corpus_doc *d, size_t rank, vn_error *err)
{
    (void)err;
    seen_docs *s = arg;
    fprintf(s->out, "%s %zu\n", d->file, rank);
    for (size_t k = 0; k < d->cite_count; k++) {
        const vn_corpus_cite *c = &d->cites[k];
        fprintf(s->out, "  %s %s %ld:%ld%s%s\n", c->c.symbol,
                c->c.instrument ? c->c.instrument : "-", c->line, c->column,
                c->c.ambiguous ? " ambiguous" : "", c->c.corrected ? " corrected" : "");
    }
    return VN_OK;
}

static char *stream_text(const fixture *f)
{
    seen_docs s = {0};
    s.out = open_memstream(&s.text, &s.len);
    assert_non_null(s.out);
    vn_corpus_visitor v = {NULL, see, &s};
    vn_error err;
    if (vn_corpus_stream(f->db, f->registry, &v, &err) != VN_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(fclose(s.out), 0);
    return s.text;
}

static void test_stream_from_cache_is_the_same(void **state)
{
    fixture *f = *state;
    unlink(f->cache);
    vn_corpus_stream_use_cache(false);
    char *plain = stream_text(f);
    struct stat sb;
    assert_int_not_equal(stat(f->cache, &sb), 0);   /* off: nothing written */
    vn_corpus_stream_use_cache(true);
    char *first = stream_text(f);
    assert_int_equal(stat(f->cache, &sb), 0);
    time_t written = sb.st_mtime;
    ino_t inode = sb.st_ino;
    char *again = stream_text(f);   /* from the cache */
    assert_string_equal(plain, first);
    assert_string_equal(plain, again);
    assert_non_null(strstr(again, "77-KH/TU@2021-03-05"));
    assert_int_equal(stat(f->cache, &sb), 0);
    assert_true(sb.st_mtime == written && sb.st_ino == inode);   /* not rewritten */
    free(plain);
    free(first);
    free(again);

    /* a cache the stream cannot use is replaced */
    FILE *junk = fopen(f->cache, "w");
    assert_non_null(junk);
    fputs("VNSTRMC1 not really", junk);
    fclose(junk);
    char *after = stream_text(f);
    char *plain2 = (vn_corpus_stream_use_cache(false), stream_text(f));
    vn_corpus_stream_use_cache(true);
    assert_string_equal(after, plain2);
    assert_int_equal(stat(f->cache, &sb), 0);
    assert_true(sb.st_size > 100);
    free(after);
    free(plain2);
}

static void load_image(const fixture *f, char **data, size_t *len)
{
    FILE *in = fopen(f->cache, "rb");
    assert_non_null(in);
    assert_int_equal(fseek(in, 0, SEEK_END), 0);
    *len = (size_t)ftell(in);
    rewind(in);
    *data = malloc(*len);
    assert_int_equal(fread(*data, 1, *len, in), *len);
    fclose(in);
}

/* A little-endian u32 into image[at..at+4). */
static void put32(char *image, size_t len, size_t at, uint32_t v)
{
    assert_true(at + 4 <= len);
    for (int i = 0; i < 4; i++)
        image[at + (size_t)i] = (char)(v >> (8 * i));
}

static void test_image_checks(void **state)
{
    fixture *f = *state;
    vn_corpus_stream_use_cache(true);
    free(stream_text(f));
    char *data;
    size_t len;
    load_image(f, &data, &len);
    uint32_t key_len;
    memcpy(&key_len, data + 8, 4);
    char *key = strndup(data + 12, key_len);
    vn_stream_cache c;
    vn_error err;
    assert_int_equal(vn_stream_cache_parse(data, len, key, &c, &err), VN_OK);
    assert_true(c.united_count > 0 && c.file_count == 7);
    /* restored, the table gives back its rows */
    vn_resolve_table *t;
    assert_int_equal(vn_resolve_table_restore(c.united, c.united_count, c.written,
                                              c.written_count, &t, &err),
                     VN_OK);
    assert_int_equal(vn_resolve_table_united_count(t), c.united_count);
    assert_int_equal(vn_resolve_table_written_count(t), c.written_count);
    for (size_t i = 0; i < c.united_count; i++) {
        vn_resolve_row r = vn_resolve_table_united_at(t, i);
        assert_string_equal(r.symbol, c.united[i].symbol);
        assert_int_equal(vn_date_cmp(r.date, c.united[i].date), 0);
    }
    /* the restored table, with the same files, makes the same image */
    vn_buf again = VN_BUF_INIT;
    assert_int_equal(vn_stream_cache_image(key, t, c.files, c.file_count, &again, &err), VN_OK);
    assert_int_equal(again.len, len);
    assert_memory_equal(again.data, data, len);
    vn_buf_free(&again);
    vn_resolve_table_free(t);
    /* a symbol longer than a citation holds is refused */
    vn_resolve_row longer = c.united[0];
    char big[400];
    memset(big, 'A', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    longer.symbol = big;
    assert_int_equal(vn_resolve_table_restore(&longer, 1, NULL, 0, &t, &err), VN_ERR_PARSE);
    vn_stream_cache_free(&c);

    assert_int_equal(vn_stream_cache_parse(data, len, "another key", &c, &err), VN_ERR_NOTFOUND);
    assert_string_equal(err.msg, "stream cache is stale");
    for (size_t cut = 0; cut < len; cut += len / 17 + 1) {
        assert_int_not_equal(vn_stream_cache_parse(data, cut, key, &c, &err), VN_OK);
        assert_null(c.united);
    }
    /* a date that is not one: the first united row's month */
    size_t first_row = 8 + 4 + key_len + 4 * 8;
    char *copy = malloc(len);
    memcpy(copy, data, len);
    put32(copy, len, first_row + 8, 13);
    reseal(copy, len);
    assert_int_equal(vn_stream_cache_parse(copy, len, key, &c, &err), VN_ERR_PARSE);
    assert_non_null(strstr(err.msg, "a date that is not one"));
    /* a symbol offset inside a string */
    memcpy(copy, data, len);
    put32(copy, len, first_row, 1);
    reseal(copy, len);
    assert_int_equal(vn_stream_cache_parse(copy, len, key, &c, &err), VN_ERR_PARSE);
    assert_non_null(strstr(err.msg, "out of range"));
    free(copy);
    free(key);
    free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stream_from_cache_is_the_same),
        cmocka_unit_test(test_image_checks),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
