/* test_corpus.c — the corpus model read back from an index (query/corpus.c)
 * and the outdated report over it (query/outdated.c): the sample plans are
 * indexed into a temporary folder once, then questioned. */
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

#include "common/fnv.h"
#include "common/index_schema.h"
#include "common/stored.h"
#include "common/xapian.h"
#include "indexer/indexer.h"
#include "common/grow.h"
#include "query/corpus.h"
#include "query/doc_citations.h"
#include "query/graph.h"
#include "query/instrument_tally.h"
#include "query/outdated.h"
#include "query/outdated_cache.h"
#include "same_instruments.h"

static vn_outdated_input outdated_input;   /* of the last collect() */

typedef struct fixture {
    char dir[64];
    char db[128];           /* dir/db: the sample plans indexed */
    vn_registry *registry;
    vn_corpus corpus;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/vncite-test-corpus-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    vn_error err;
    if (vn_registry_load(VNCITE_CORPUS "/registry", &f->registry, NULL, NULL, &err) != VN_OK)
        return -1;
    char *db = f->db;
    snprintf(f->db, sizeof f->db, "%s/db", f->dir);
    char *paths[] = {VNCITE_CORPUS};
    vn_index_opts opts = {.db_path = db, .registry = f->registry, .jobs = 1};
    vn_index_stats stats;
    if (vn_index_run(paths, 1, &opts, &stats, &err) != VN_OK) {
        print_message("index: %s\n", err.msg);
        return -1;
    }
    if (vn_corpus_load(db, f->registry, &f->corpus, &err) != VN_OK) {
        print_message("load: %s\n", err.msg);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    vn_corpus_free(&f->corpus);
    vn_registry_free(f->registry);
    vn_outdated_input_free(&outdated_input);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    int rc = system(cmd);
    free(f);
    return rc == 0 ? 0 : -1;
}

static const vn_corpus_instrument *instrument(const vn_corpus *c, const char *id)
{
    long i = vn_corpus_find_instrument(c, id);
    if (i < 0)
        fail_msg("%s not in the corpus", id);
    return &c->instruments[i];
}

static void test_documents_and_instruments(void **state)
{
    const vn_corpus *c = &((fixture *)*state)->corpus;
    assert_int_equal(c->doc_count, 5);
    for (size_t i = 1; i < c->doc_count; i++)   /* sorted by file */
        assert_true(strcmp(c->docs[i - 1].file, c->docs[i].file) < 0);
    for (size_t i = 1; i < c->instrument_count; i++)
        assert_true(strcmp(c->instruments[i - 1].id, c->instruments[i].id) < 0);
    /* the law is cited by name and by number in every plan */
    const vn_corpus_instrument *law = instrument(c, "10/2022/QH15");
    assert_int_equal(law->citing_docs, 5);
    assert_true(law->mentions >= 5);
    assert_true(law->registry >= 0);
    /* QĐ and QĐi spellings of one Quy định are one instrument */
    const vn_corpus_instrument *qd = instrument(c, "11-QĐi/TW@2019-02-18");
    assert_int_equal(qd->citing_docs, 5);
    assert_int_equal(vn_corpus_find_instrument(c, "11-QĐ/TW@2019-02-18"), -1);
    /* what resolves to nothing stays visible */
    size_t unresolved = 0;
    for (size_t i = 0; i < c->instrument_count; i++)
        unresolved += c->instruments[i].state != VN_INST_RESOLVED;
    assert_true(unresolved >= 1);
}

static void test_every_cite_points_at_its_instrument(void **state)
{
    const vn_corpus *c = &((fixture *)*state)->corpus;
    for (size_t d = 0; d < c->doc_count; d++)
        for (size_t k = 0; k < c->docs[d].cite_count; k++) {
            const vn_corpus_cite *ci = &c->docs[d].cites[k];
            assert_true(ci->instrument < c->instrument_count);
            if (ci->c.instrument)
                assert_string_equal(ci->c.instrument, c->instruments[ci->instrument].id);
        }
}

static void expect_match(const vn_corpus *c, const char *text, const char *id)
{
    size_t idx[8];
    size_t n = vn_corpus_match(c, text, idx, 8);
    if (n != 1)
        fail_msg("'%s' matches %zu instruments, want 1 (%s)", text, n, id);
    assert_string_equal(c->instruments[idx[0]].id, id);
}

static void test_match_loose_forms(void **state)
{
    const vn_corpus *c = &((fixture *)*state)->corpus;
    expect_match(c, "59/2023/NĐ-CP", "59/2023/NĐ-CP");
    expect_match(c, "59/2023/nd-cp", "59/2023/NĐ-CP");
    expect_match(c, "nd 59/2023", "59/2023/NĐ-CP");
    expect_match(c, "Nghị định 59/2023", "59/2023/NĐ-CP");
    expect_match(c, "nd 4/2015", "04/2015/NĐ-CP");      /* the dropped zero */
    expect_match(c, "120-KL/TW", "120-KL/TW@2016-01-07");
    expect_match(c, "120-KL/TW@07/01/2016", "120-KL/TW@2016-01-07");
    expect_match(c, "11-QĐ/TW", "11-QĐi/TW@2019-02-18"); /* the variant finds the united one */
    expect_match(c, "Luật Thực hiện dân chủ ở cơ sở", "10/2022/QH15");
    size_t idx[8];
    assert_int_equal(vn_corpus_match(c, "Nghị định 9999/2023", idx, 8), 0);
    assert_int_equal(vn_corpus_match(c, "", idx, 8), 0);
    assert_int_equal(vn_corpus_match(c, "2023", idx, 8), 0);  /* a bare number means nothing */
}

static void test_find_doc(void **state)
{
    const vn_corpus *c = &((fixture *)*state)->corpus;
    long d = vn_corpus_find_doc(c, "yen-bai-dang-uy-khoi-2024-ke-hoach-qcdc.txt");
    assert_true(d >= 0);
    assert_int_equal(vn_corpus_find_doc(c, "nope.txt"), -1);
}

/* The report's input from the corpus, then the report. */

static void collect(const vn_corpus *c, const vn_outdated_options *opt, vn_outdated_report *r)
{
    vn_error err;
    vn_outdated_input_free(&outdated_input);
    assert_int_equal(vn_outdated_input_build(c, &outdated_input, &err), VN_OK);
    assert_int_equal(outdated_input.doc_count, c->doc_count);
    assert_int_equal(vn_outdated_collect(&outdated_input, c->registry, opt, r, &err), VN_OK);
}

/* Which instrument a finding is about, and its verdict, by document file name. */
static bool has_finding(const vn_outdated_report *r, const char *file_part, const char *id,
                        vn_outdated_status status)
{
    const vn_outdated_input *in = &outdated_input;
    for (size_t i = 0; i < r->count; i++) {
        const vn_outdated_finding *f = &r->findings[i];
        if (strstr(in->docs[f->doc].file, file_part) &&
            strcmp(in->rows[f->row].instrument, id) == 0 && f->verdict.status == status)
            return true;
    }
    return false;
}

static void test_outdated_on_document_dates(void **state)
{
    const vn_corpus *c = &((fixture *)*state)->corpus;
    vn_outdated_options opt = {.doc = -1};
    vn_outdated_report r;
    collect(c, &opt, &r);
    /* the 2023 draft is dated only by its year: the ordinance ceased on
     * 01/07/2023, inside that year, so it is possibly outdated, not outdated */
    assert_true(has_finding(&r, "duc-pho", "34/2007/PL-UBTVQH11", VN_OUTDATED_POSSIBLY));
    assert_true(has_finding(&r, "duc-pho", "04/2015/NĐ-CP", VN_OUTDATED_POSSIBLY));
    /* 2024 plans citing the superseded decree (medium confidence event) */
    assert_true(has_finding(&r, "yen-bai", "04/2015/NĐ-CP", VN_OUTDATED_YES));
    /* undated, but it cites 61/2023/NĐ-CP of 16/08/2023: later than the supersession */
    assert_true(has_finding(&r, "soc-trang", "04/2015/NĐ-CP", VN_OUTDATED_YES));
    assert_int_equal(r.by_status[VN_OUTDATED_YES], 2);
    assert_int_equal(r.by_status[VN_OUTDATED_POSSIBLY], 2);
    assert_int_equal(r.docs_with_outdated, 3);
    /* amended instruments are not findings unless asked for */
    for (size_t i = 0; i < r.count; i++)
        assert_true(vn_outdated_is_finding(r.findings[i].verdict.status));
    assert_true(r.by_status[VN_OUTDATED_PARTLY] > 0);
    assert_true(r.judged > 0 && r.not_in_registry > 0);
    vn_outdated_report_free(&r);

    opt.include_partly = true;
    collect(c, &opt, &r);
    assert_true(has_finding(&r, "cao-loc", "10/2022/QH15", VN_OUTDATED_PARTLY));
    vn_outdated_report_free(&r);
}

static void test_outdated_as_of(void **state)
{
    const vn_corpus *c = &((fixture *)*state)->corpus;
    vn_outdated_options opt = {.doc = -1};
    vn_outdated_report r;
    /* before the Law took over, nothing cited was outdated */
    assert_true(vn_date_parse_iso("2022-12-31", &opt.as_of));
    collect(c, &opt, &r);
    assert_int_equal(r.count, 0);
    vn_outdated_report_free(&r);
    /* one document only */
    opt.as_of.precision = VN_DATE_NONE;
    opt.doc = vn_corpus_find_doc(c, "tay-ninh-so-cong-thuong-2024-ke-hoach.txt");
    assert_true(opt.doc >= 0);
    collect(c, &opt, &r);
    for (size_t i = 0; i < r.count; i++)
        assert_int_equal(r.findings[i].doc, (size_t)opt.doc);
    vn_outdated_report_free(&r);
}

static void test_status_words(void **state)
{
    const vn_corpus *c = &((fixture *)*state)->corpus;
    vn_date_range d;
    assert_true(vn_date_parse_iso("2024-01-01", &d));
    assert_string_equal(vn_corpus_instrument_status(c, instrument(c, "34/2007/PL-UBTVQH11"),
                                                    d.first, NULL), "ceased");
    assert_string_equal(vn_corpus_instrument_status(c, instrument(c, "59/2023/NĐ-CP"), d.first,
                                                    NULL), "in_force");
    for (size_t i = 0; i < c->instrument_count; i++) {
        const char *s = vn_corpus_instrument_status(c, &c->instruments[i], d.first, NULL);
        if (c->instruments[i].state == VN_INST_UNRESOLVED)
            assert_string_equal(s, "unresolved");
        else if (c->instruments[i].registry < 0 && c->instruments[i].state == VN_INST_RESOLVED)
            assert_string_equal(s, "not_in_registry");
    }
}

/* Without VN_CORPUS_KEEP_RECORDS the records are dropped, but where each
 * citation is stays; with it, the record agrees with those fields. */
static void test_records_kept_only_when_asked(void **state)
{
    fixture *f = *state;
    const vn_corpus *c = &f->corpus;
    size_t cites = 0;
    for (size_t d = 0; d < c->doc_count; d++)
        for (size_t k = 0; k < c->docs[d].cite_count; k++) {
            const vn_corpus_cite *ci = &c->docs[d].cites[k];
            assert_null(ci->record);
            assert_true(ci->line >= 1 && ci->column >= 1 && ci->start < ci->end);
            assert_non_null(ci->text);
            assert_true(ci->text[0] != '\0');
            cites++;
        }
    assert_true(cites > 100);

    const char *db = f->db;
    vn_corpus kept;
    vn_error err;
    assert_int_equal(vn_corpus_load_flags(db, f->registry, VN_CORPUS_KEEP_RECORDS, &kept, &err),
                     VN_OK);
    assert_int_equal(kept.doc_count, c->doc_count);
    for (size_t d = 0; d < kept.doc_count; d++) {
        assert_string_equal(kept.docs[d].file, c->docs[d].file);
        assert_int_equal(kept.docs[d].cite_count, c->docs[d].cite_count);
        for (size_t k = 0; k < kept.docs[d].cite_count; k++) {
            const vn_corpus_cite *ci = &kept.docs[d].cites[k];
            assert_non_null(ci->record);
            assert_int_equal(json_integer_value(json_object_get(ci->record, "line")), ci->line);
            assert_int_equal(json_integer_value(json_object_get(ci->record, "start")), ci->start);
            assert_string_equal(json_string_value(json_object_get(ci->record, "text")), ci->text);
            assert_string_equal(json_string_value(json_object_get(ci->record, "file")),
                                kept.docs[d].file);
            assert_string_equal(ci->c.instrument ? ci->c.instrument : "",
                                c->docs[d].cites[k].c.instrument ? c->docs[d].cites[k].c.instrument : "");
        }
    }
    /* one document's records read again by its path are the kept ones */
    vn_xdb *x;
    assert_int_equal(vn_schema_open(db, &x, &err), VN_OK);
    for (size_t d = 0; d < kept.doc_count; d++) {
        json_t *records;
        assert_int_equal(vn_corpus_stored_records(x, db, kept.docs[d].file, &records, &err),
                         VN_OK);
        assert_int_equal(json_array_size(records), kept.docs[d].cite_count);
        for (size_t k = 0; k < kept.docs[d].cite_count; k++)
            assert_true(json_equal(json_array_get(records, k), kept.docs[d].cites[k].record));
        json_decref(records);
    }
    json_t *none = NULL;
    assert_int_equal(vn_corpus_stored_records(x, db, "corpus/no-such-file.txt", &none, &err),
                     VN_ERR_NOTFOUND);
    assert_null(none);
    vn_xdb_close(x, NULL);
    vn_corpus_free(&kept);
}

/* A stub dir/NAME naming db as a remote shard served by xapian-progsrv;
 * false (nothing written) when xapian-progsrv is not installed. */
static bool remote_stub(const fixture *f, const char *name, const char *db, char stub[160])
{
    if (access("/usr/bin/xapian-progsrv", X_OK) != 0)
        return false;
    snprintf(stub, 160, "%s/%s", f->dir, name);
    FILE *sf = fopen(stub, "w");
    assert_non_null(sf);
    fprintf(sf, "remote :xapian-progsrv %s\n", db);
    assert_int_equal(fclose(sf), 0);
    return true;
}

/* Indexes the folder `docs` into `db` on `jobs` jobs; the number of
 * documents added. */
static size_t index_folder(const fixture *f, char *docs, const char *db, unsigned jobs)
{
    char *paths[] = {docs};
    vn_index_opts opts = {.db_path = db, .registry = f->registry, .jobs = jobs};
    vn_index_stats stats;
    vn_error err;
    assert_int_equal(vn_index_run(paths, 1, &opts, &stats, &err), VN_OK);
    return stats.added;
}

/* Indexes `copies` copies of the sample plans (dir/NAME) into dir/NAME-db
 * (db_out) on two jobs. */
static void index_copies(const fixture *f, const char *name, int copies, char db_out[128])
{
    char docs[128], cmd[512];
    snprintf(docs, sizeof docs, "%s/%s", f->dir, name);
    snprintf(db_out, 128, "%s/%s-db", f->dir, name);
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s' && for i in $(seq 1 %d); do for p in '%s'/*.txt; do "
             "cp \"$p\" '%s'/$i-$(basename \"$p\"); done; done", docs, copies, VNCITE_CORPUS,
             docs);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(index_folder(f, docs, db_out, 2), (size_t)copies * 5);
}

/* 40 documents (the sample plans, 8 copies each): enough for a page to be
 * parsed on two threads (records not kept) — the same corpus as one thread
 * gives (records kept). */
static void test_two_threads_read_the_same(void **state)
{
    fixture *f = *state;
    char db[128];
    index_copies(f, "copies", 8, db);
    vn_error err;

    vn_corpus two, one;
    assert_int_equal(vn_corpus_load(db, f->registry, &two, &err), VN_OK);
    assert_int_equal(vn_corpus_load_flags(db, f->registry, VN_CORPUS_KEEP_RECORDS, &one, &err),
                     VN_OK);
    assert_int_equal(two.doc_count, 40);
    assert_int_equal(one.doc_count, 40);
    assert_int_equal(two.instrument_count, one.instrument_count);
    for (size_t d = 0; d < 40; d++) {
        assert_string_equal(two.docs[d].file, one.docs[d].file);
        assert_int_equal(two.docs[d].cite_count, one.docs[d].cite_count);
        assert_true(two.docs[d].cite_count > 0);
        for (size_t k = 0; k < two.docs[d].cite_count; k++) {
            const vn_corpus_cite *a = &two.docs[d].cites[k], *b = &one.docs[d].cites[k];
            assert_int_equal(a->line, b->line);
            assert_int_equal(a->start, b->start);
            assert_string_equal(a->text, b->text);
            assert_string_equal(two.instruments[a->instrument].id, one.instruments[b->instrument].id);
        }
    }
    /* over a remote shard, read a page of a result set at a time: the same */
    char stub[160];
    if (remote_stub(f, "remote.stub", db, stub)) {
        vn_corpus far;
        assert_int_equal(vn_corpus_load(stub, f->registry, &far, &err), VN_OK);
        assert_int_equal(far.doc_count, 40);
        assert_int_equal(far.instrument_count, two.instrument_count);
        for (size_t d = 0; d < 40; d++) {
            assert_string_equal(far.docs[d].file, two.docs[d].file);
            assert_int_equal(far.docs[d].cite_count, two.docs[d].cite_count);
        }
        vn_corpus_free(&far);
    }
    vn_corpus_free(&two);
    vn_corpus_free(&one);
}

/* An index whose one document has `data` as its stored record. */
static void index_with_record(const char *db, const char *data, size_t len)
{
    vn_error err;
    vn_xdb *x = NULL;
    vn_xdoc *doc = NULL;
    vn_buf term = VN_BUF_INIT;
    assert_int_equal(vn_schema_open_writable(db, &x, &err), VN_OK);
    assert_int_equal(vn_xdoc_new(&doc, &err), VN_OK);
    assert_int_equal(vn_schema_add_path(doc, "a.txt", &err), VN_OK);
    assert_int_equal(vn_schema_unique_term("a.txt", &term, &err), VN_OK);
    assert_int_equal(vn_xdoc_set_data(doc, data, len, &err), VN_OK);
    assert_int_equal(vn_xdb_replace(x, term.data, doc, NULL, &err), VN_OK);
    assert_int_equal(vn_xdb_close(x, &err), VN_OK);
    vn_xdoc_destroy(doc);
    vn_buf_free(&term);
}

static void expect_unreadable(const fixture *f, const char *name, const char *data, size_t len,
                              const char *why)
{
    char db[128];
    snprintf(db, sizeof db, "%s/%s", f->dir, name);
    index_with_record(db, data, len);
    vn_corpus c;
    vn_error err;
    for (unsigned flags = 0; flags <= VN_CORPUS_KEEP_RECORDS; flags += VN_CORPUS_KEEP_RECORDS) {
        assert_int_equal(vn_corpus_load_flags(db, f->registry, flags, &c, &err), VN_ERR_INDEX);
        if (!strstr(err.msg, "unreadable entry") || !strstr(err.msg, why) ||
            !strstr(err.msg, "rebuild the index"))
            fail_msg("%s: message '%s' does not say why (%s)", name, err.msg, why);
    }
}

static void test_broken_records_are_reported(void **state)
{
    fixture *f = *state;
    static const char doc[] = "{\"record\":\"document\",\"file\":\"a.txt\"}";
    vn_buf good = VN_BUF_INIT;
    vn_error err;
    assert_int_equal(vn_stored_pack(doc, strlen(doc), "\0", 1, &good, &err), VN_OK);   /* 0 citations */

    /* control: the same record, intact, loads */
    char db[128];
    snprintf(db, sizeof db, "%s/good", f->dir);
    index_with_record(db, good.data, good.len);
    vn_corpus c;
    assert_int_equal(vn_corpus_load(db, f->registry, &c, &err), VN_OK);
    assert_int_equal(c.doc_count, 1);
    vn_corpus_free(&c);

    static const char old[] = "{\"document\":{\"file\":\"a.txt\"},\"citations\":[]}";
    expect_unreadable(f, "old", old, strlen(old), "no document record");
    expect_unreadable(f, "cut", good.data, good.len - 2, "truncated");
    char *bad_doc = malloc(good.len);
    memcpy(bad_doc, good.data, good.len);
    bad_doc[0] = '[';
    expect_unreadable(f, "doc", bad_doc, good.len, "expected");
    free(bad_doc);
    vn_buf_free(&good);
    /* schema 2 kept the citation records as JSON */
    assert_int_equal(vn_stored_pack(doc, strlen(doc), "[]", 2, &good, &err), VN_OK);
    expect_unreadable(f, "json", good.data, good.len, "citation records:");
    vn_buf_free(&good);
}

/* ---- the outdated cache -------------------------------------------------- */

static void assert_same_input(const vn_outdated_input *a, const vn_outdated_input *b)
{
    assert_int_equal(a->doc_count, b->doc_count);
    assert_int_equal(a->row_count, b->row_count);
    for (size_t d = 0; d < a->doc_count; d++) {
        const vn_outdated_doc *x = &a->docs[d], *y = &b->docs[d];
        assert_string_equal(x->file, y->file);
        assert_int_equal(x->date.precision, y->date.precision);
        if (x->date.precision != VN_DATE_NONE) {
            assert_int_equal(vn_date_cmp(x->date.first, y->date.first), 0);
            assert_int_equal(vn_date_cmp(x->date.last, y->date.last), 0);
        }
        assert_int_equal(x->unresolved, y->unresolved);
        assert_int_equal(x->not_in_registry, y->not_in_registry);
        assert_int_equal(x->first_row, y->first_row);
        assert_int_equal(x->row_count, y->row_count);
    }
    for (size_t k = 0; k < a->row_count; k++) {
        const vn_outdated_row *x = &a->rows[k], *y = &b->rows[k];
        assert_int_equal(x->line, y->line);
        assert_int_equal(x->column, y->column);
        assert_int_equal(x->start, y->start);
        assert_int_equal(x->end, y->end);
        assert_string_equal(x->text, y->text);
        assert_string_equal(x->instrument, y->instrument);
        assert_int_equal(x->registry, y->registry);
    }
}

static uint64_t get_le64(const char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | (unsigned char)p[i];
    return v;
}

static void put_le64(char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (char)(v >> (8 * i));
}

/* Counts whose sum wraps around to the right size once the string length
 * is huge (found by fuzz_outdated_cache): refused, not read out of bounds. */
static void test_outdated_cache_sizes_that_wrap(const vn_buf *image, size_t registry_count)
{
    vn_buf bad = VN_BUF_INIT;
    assert_int_equal(vn_buf_append(&bad, image->data, image->len), VN_OK);
    char *counts = bad.data + 8 + 4 + 3;   /* magic, key length, "key" */
    uint64_t docs = get_le64(counts), left = bad.len - (size_t)(counts + 24 - bad.data) - 8;
    uint64_t rows = left / 28, over = docs * 44 + rows * 28 - left;
    put_le64(counts + 8, rows);
    put_le64(counts + 16, (uint64_t)0 - over);
    put_le64(bad.data + bad.len - 8, vn_fnv1a(VN_FNV_SEED, bad.data, bad.len - 8));
    vn_outdated_input back;
    vn_error err;
    assert_int_equal(vn_outdated_cache_parse(bad.data, bad.len, "key", registry_count, &back,
                                             &err),
                     VN_ERR_PARSE);
    /* refused for its sizes, before anything is read past the end */
    assert_non_null(strstr(err.msg, "sizes that do not add up"));
    vn_buf_free(&bad);
}

/* The input groups citations as the instrument table does, without it. */
static void test_outdated_input_agrees_with_the_table(void **state)
{
    fixture *f = *state;
    const vn_corpus *c = &f->corpus;
    vn_error err;
    vn_outdated_input in;
    assert_int_equal(vn_outdated_input_build(c, &in, &err), VN_OK);
    size_t row = 0;
    for (size_t d = 0; d < c->doc_count; d++) {
        size_t unresolved = 0, not_in_registry = 0;
        for (size_t k = 0; k < c->docs[d].cite_count; k++) {
            const vn_corpus_instrument *ins = &c->instruments[c->docs[d].cites[k].instrument];
            if (ins->state != VN_INST_RESOLVED) {
                unresolved++;
            } else if (ins->registry < 0) {
                not_in_registry++;
            } else {
                assert_string_equal(in.rows[row].instrument, ins->id);
                assert_int_equal(in.rows[row].registry, (size_t)ins->registry);
                assert_int_equal(in.rows[row].line, c->docs[d].cites[k].line);
                row++;
            }
        }
        assert_int_equal(in.docs[d].unresolved, unresolved);
        assert_int_equal(in.docs[d].not_in_registry, not_in_registry);
        assert_int_equal(in.docs[d].first_row + in.docs[d].row_count, row);
    }
    assert_int_equal(in.row_count, row);

    /* and the same from a corpus loaded without its table */
    const char *db = f->db;
    vn_corpus bare;
    vn_outdated_input from_bare;
    assert_int_equal(vn_corpus_load_flags(db, f->registry, VN_CORPUS_NO_INSTRUMENTS, &bare, &err),
                     VN_OK);
    assert_int_equal(bare.instrument_count, 0);
    assert_int_equal(vn_outdated_input_build(&bare, &from_bare, &err), VN_OK);
    assert_same_input(&in, &from_bare);
    vn_outdated_input_free(&from_bare);
    vn_corpus_free(&bare);
    vn_outdated_input_free(&in);
}

static void test_outdated_cache_round_trip(void **state)
{
    fixture *f = *state;
    vn_error err;
    vn_outdated_input built, back;
    assert_int_equal(vn_outdated_input_build(&f->corpus, &built, &err), VN_OK);
    assert_true(built.row_count > 0);
    vn_buf image = VN_BUF_INIT;
    assert_int_equal(vn_outdated_cache_image("key", &built, &image, &err), VN_OK);
    size_t n = f->registry->instrument_count;
    assert_int_equal(vn_outdated_cache_parse(image.data, image.len, "key", n, &back, &err),
                     VN_OK);
    assert_same_input(&built, &back);
    vn_outdated_input_free(&back);
    /* another key: stale, not damaged */
    assert_int_equal(vn_outdated_cache_parse(image.data, image.len, "kex", n, &back, &err),
                     VN_ERR_NOTFOUND);
    assert_int_equal(vn_outdated_cache_parse(image.data, image.len, "ke", n, &back, &err),
                     VN_ERR_NOTFOUND);
    /* a smaller registry than the one it was written with */
    assert_int_equal(vn_outdated_cache_parse(image.data, image.len, "key", 0, &back, &err),
                     VN_ERR_PARSE);
    /* every byte flipped in turn, every length cut short: refused, never read */
    for (size_t i = 0; i < image.len; i++) {
        image.data[i] ^= 0x20;
        vn_status st = vn_outdated_cache_parse(image.data, image.len, "key", n, &back, &err);
        assert_true(st == VN_ERR_PARSE || st == VN_ERR_NOTFOUND);
        image.data[i] ^= 0x20;
    }
    test_outdated_cache_sizes_that_wrap(&image, n);
    for (size_t len = 0; len < image.len; len++)
        assert_int_equal(vn_outdated_cache_parse(image.data, len, "key", n, &back, &err) ==
                             VN_OK,
                         false);
    vn_buf_free(&image);
    vn_outdated_input_free(&built);
}

static void test_outdated_cache_key_and_file(void **state)
{
    fixture *f = *state;
    vn_error err;
    const char *db = f->db;
    char *key = NULL, *again = NULL, *path = vn_outdated_cache_path(db);
    assert_non_null(path);
    assert_int_equal(vn_outdated_cache_key(db, f->registry, &key, &err), VN_OK);
    assert_int_equal(vn_outdated_cache_key(db, f->registry, &again, &err), VN_OK);
    assert_string_equal(key, again);   /* nothing changed: the same key */
    free(again);
    /* another registry's content: another key */
    vn_registry other = *f->registry;
    other.content_hash ^= 1;
    assert_int_equal(vn_outdated_cache_key(db, &other, &again, &err), VN_OK);
    assert_string_not_equal(key, again);
    free(again);
    /* no index: no key, so no cache */
    assert_int_equal(vn_outdated_cache_key("/nonexistent/db", f->registry, &again, &err),
                     VN_ERR_NOTFOUND);
    assert_null(vn_outdated_cache_path("/nonexistent/db"));

    vn_outdated_input built, back;
    assert_int_equal(vn_outdated_input_build(&f->corpus, &built, &err), VN_OK);
    assert_int_equal(vn_outdated_cache_read(path, key, 1000, &back, &err), VN_ERR_NOTFOUND);
    assert_int_equal(vn_outdated_cache_write(path, key, &built, &err), VN_OK);
    assert_int_equal(vn_outdated_cache_read(path, key, f->registry->instrument_count, &back,
                                            &err),
                     VN_OK);
    assert_same_input(&built, &back);
    assert_non_null(back.storage);
    vn_outdated_input_free(&back);
    unlink(path);
    /* a folder that cannot be written to: an error to ignore, nothing left behind */
    assert_int_equal(vn_outdated_cache_write("/nonexistent/db/outdated.cache", key, &built, &err),
                     VN_ERR_IO);
    vn_outdated_input_free(&built);
    free(key);
    free(path);
}

/* ---- the corpus streamed (vn_corpus_stream) -------------------------------------------- */

typedef struct stream_check {
    const vn_corpus *loaded;    /* what each streamed document must equal */
    size_t begun, visited, stop_after;
    bool *seen;
} stream_check;

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

static vn_status check_begin(void *arg, size_t doc_count, vn_error *err)
{
    (void)err;
    stream_check *s = arg;
    assert_int_equal(doc_count, s->loaded->doc_count);
    s->begun++;
    s->seen = calloc(doc_count ? doc_count : 1, sizeof *s->seen);
    return VN_OK;
}

static vn_status check_doc(void *arg, const vn_corpus_doc *doc, size_t rank, vn_error *err)
{
    stream_check *s = arg;
    if (s->stop_after && s->visited == s->stop_after)
        return vn_error_set(err, VN_ERR_IO, "stopped by the visitor");
    s->visited++;
    assert_true(rank < s->loaded->doc_count);
    assert_false(s->seen[rank]);
    s->seen[rank] = true;
    const vn_corpus_doc *want = &s->loaded->docs[rank];
    assert_string_equal(doc->file, want->file);
    assert_int_equal(vn_date_cmp(doc->meta.date.first, want->meta.date.first), 0);
    assert_int_equal(doc->cite_count, want->cite_count);
    for (size_t k = 0; k < doc->cite_count; k++) {
        const vn_corpus_cite *a = &doc->cites[k], *b = &want->cites[k];
        assert_int_equal(a->line, b->line);
        assert_int_equal(a->start, b->start);
        assert_string_equal(a->text, b->text);
        assert_string_equal(a->c.symbol, b->c.symbol);
        assert_string_equal(or_empty(a->c.instrument), or_empty(b->c.instrument));
        assert_string_equal(or_empty(a->c.corrected), or_empty(b->c.corrected));
        assert_string_equal(or_empty(a->c.candidates), or_empty(b->c.candidates));
    }
    return VN_OK;
}

/* The loaded corpus's documents counted into a tally last to first: the
 * table must not depend on the order documents come in. */
static void assert_tally_in_any_order(const vn_corpus *loaded)
{
    vn_instrument_tally *t;
    vn_error err;
    assert_int_equal(vn_instrument_tally_create(loaded->registry, &t, &err), VN_OK);
    size_t *keys = NULL, cap = 0;
    for (size_t d = loaded->doc_count; d-- > 0;) {
        const vn_corpus_doc *doc = &loaded->docs[d];
        assert_true(vn_grow((void **)&keys, &cap, doc->cite_count, sizeof *keys, 16));
        assert_int_equal(vn_instrument_tally_doc(t, doc, d, keys, &err), VN_OK);
        for (size_t k = 0; k < doc->cite_count; k++)
            assert_string_equal(vn_instrument_tally_key(t, keys[k]),
                                loaded->instruments[doc->cites[k].instrument].id);
    }
    vn_corpus backwards = {.registry = loaded->registry};
    assert_int_equal(vn_instrument_tally_finish(t, &backwards, NULL, &err), VN_OK);
    assert_int_equal(vn_instrument_tally_finish(t, &backwards, NULL, &err), VN_ERR_USAGE);
    assert_int_equal(vn_instrument_tally_doc(t, &loaded->docs[0], 0, keys, &err), VN_ERR_USAGE);
    assert_same_instruments(loaded, &backwards);
    vn_corpus_free(&backwards);
    vn_instrument_tally_free(t);
    free(keys);
}

/* A graph as JSON, for comparing two whole graphs. */
static char *graph_json(const vn_graph *g)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    vn_error err;
    assert_int_equal(vn_graph_write(g, VN_GRAPH_JSON, out, "memory", &err), VN_OK);
    assert_int_equal(fclose(out), 0);
    return text;
}

/* What vn_graph_build_index shows of its instrument table. */
typedef struct table_seen {
    const vn_corpus *loaded;
    vn_graph_focus nd;      /* what "nd 04/2015" means in it */
    size_t calls;
    bool refuse;            /* the callback fails */
} table_seen;

static vn_status see_table(void *ctx, const vn_corpus *instruments, vn_error *err)
{
    table_seen *t = ctx;
    t->calls++;
    if (t->refuse)
        return vn_error_set(err, VN_ERR_USAGE, "refused");
    assert_same_instruments(t->loaded, instruments);
    assert_int_equal(instruments->doc_count, 0);
    return vn_graph_focus_match(instruments, "nd 04/2015", &t->nd, err);
}

/* The graph streamed from db is the graph of the loaded corpus, and so is
 * its instrument table; a --focus on a document path needs no table. */
static void assert_graph_streams(const char *db, const vn_corpus *loaded, const vn_registry *reg)
{
    vn_graph_options opt = {0};
    vn_date_range_set(2025, 1, 1, &opt.as_of);
    vn_graph built, streamed;
    table_seen seen = {.loaded = loaded};
    vn_error err;
    assert_int_equal(vn_graph_build(loaded, reg, &opt, &built, &err), VN_OK);
    assert_int_equal(vn_graph_build_index(db, reg, &opt, &streamed, see_table, &seen, &err),
                     VN_OK);
    assert_int_equal(seen.calls, 1);
    assert_true(streamed.edge_count > loaded->doc_count);
    char *a = graph_json(&built), *b = graph_json(&streamed);
    assert_string_equal(a, b);
    free(a);
    free(b);
    size_t found[4];
    char path[512];
    snprintf(path, sizeof path, "./%s", loaded->docs[loaded->doc_count - 1].file);
    assert_int_equal(vn_graph_focus_nodes(&streamed, NULL, reg, path, found, 4), 1);
    assert_string_equal(streamed.nodes[found[0]].id, loaded->docs[loaded->doc_count - 1].file);
    vn_graph_focus nd;
    assert_int_equal(vn_graph_focus_match(loaded, "nd 04/2015", &nd, &err), VN_OK);
    assert_true(nd.count > 0);
    assert_int_equal(seen.nd.count, nd.count);
    size_t n = vn_graph_focus_nodes(&streamed, &seen.nd, reg, "nd 04/2015", found, 4);
    assert_true(n > 0);
    assert_int_equal(n, vn_graph_focus_nodes(&built, &nd, reg, "nd 04/2015", found, 4));
    vn_graph_focus_free(&nd);
    vn_graph_focus_free(&seen.nd);
    vn_graph_free(&built);
    vn_graph_free(&streamed);
    /* the callback's error stops the build, nothing left to free */
    seen = (table_seen){.loaded = loaded, .refuse = true};
    assert_int_equal(vn_graph_build_index(db, reg, &opt, &streamed, see_table, &seen, &err),
                     VN_ERR_USAGE);
    assert_string_equal(err.msg, "refused");
    assert_int_equal(vn_graph_build_index("/nonexistent/vncite.db", reg, &opt, &streamed, NULL,
                                          NULL, &err),
                     VN_ERR_NOTFOUND);
}

/* Streams db: every document once, each as loaded, and the outdated input
 * streamed is the one built from the loaded corpus. */
/* With VN_DOC_CITATIONS_EVERY (`vncite cites`), every citation of the
 * document as loaded: its instrument, place, text, kind, date and
 * ambiguity. */
static void assert_every_cite(const vn_corpus *table, const vn_corpus *loaded,
                              const vn_corpus_doc *want, const vn_doc_citations *got, bool every)
{
    if (!every) {
        assert_int_equal(got->cite_count, 0);
        return;
    }
    assert_int_equal(got->cite_count, want->cite_count);
    for (size_t k = 0; k < want->cite_count; k++) {
        const vn_corpus_cite *ci = &want->cites[k];
        const vn_doc_cite *c = &got->cites[k];
        assert_int_equal(c->index, k);
        assert_string_equal(table->instruments[c->instrument].id,
                            loaded->instruments[ci->instrument].id);
        assert_int_equal(c->line, ci->line);
        assert_int_equal(c->column, ci->column);
        assert_string_equal(c->text, ci->text);
        assert_int_equal(c->kind, ci->c.kind);
        assert_memory_equal(&c->date, &ci->c.date, sizeof c->date);
        assert_int_equal(c->ambiguous, ci->c.ambiguous);
    }
}

/* `vncite citations`'s rows, streamed through a temporary file, are those
 * of the loaded corpus: per document, its instruments in order of first
 * mention, each with its mentions and first citation. */
static void assert_doc_citations_stream(const char *db, const vn_corpus *loaded,
                                        const vn_registry *reg, unsigned flags)
{
    vn_doc_citations_set *set;
    vn_error err;
    assert_int_equal(vn_doc_citations_open(db, reg, flags, &set, &err), VN_OK);
    const vn_corpus *table = vn_doc_citations_table(set);
    assert_same_instruments(loaded, table);
    size_t count;
    const char *const *files = vn_doc_citations_files(set, &count);
    assert_int_equal(count, loaded->doc_count);
    size_t rows = 0;
    for (size_t d = 0; d < loaded->doc_count; d++) {
        const vn_corpus_doc *want = &loaded->docs[d];
        assert_string_equal(files[d], want->file);
        vn_doc_citations got;
        assert_int_equal(vn_doc_citations_get(set, d, &got, &err), VN_OK);
        assert_string_equal(got.file, want->file);
        assert_string_equal(got.own_number, want->meta.own_number);
        vn_date_range date;
        assert_int_equal(got.dated, vn_corpus_doc_date(want, &date));
        assert_memory_equal(&got.date, &date, sizeof date);
        size_t g = 0;
        for (size_t k = 0; k < want->cite_count; k++) {
            const vn_corpus_cite *ci = &want->cites[k];
            size_t before = 0;
            while (before < k && want->cites[before].instrument != ci->instrument)
                before++;
            if (before < k)
                continue;   /* not its first mention */
            assert_true(g < got.count);
            const vn_cited *c = &got.cited[g++];
            assert_string_equal(table->instruments[c->instrument].id,
                                loaded->instruments[ci->instrument].id);
            size_t mentions = 0;
            for (size_t j = k; j < want->cite_count; j++)
                mentions += want->cites[j].instrument == ci->instrument;
            assert_int_equal(c->mentions, mentions);
            assert_int_equal(c->line, ci->line);
            assert_int_equal(c->column, ci->column);
            assert_string_equal(c->text, ci->text);
        }
        assert_int_equal(got.count, g);
        rows += g;
        assert_every_cite(table, loaded, want, &got, flags & VN_DOC_CITATIONS_EVERY);
    }
    assert_true(rows > 0);
    /* read back out of order, as `citations DOC` does */
    vn_doc_citations last;
    assert_int_equal(vn_doc_citations_get(set, loaded->doc_count - 1, &last, &err), VN_OK);
    assert_string_equal(last.file, loaded->docs[loaded->doc_count - 1].file);
    assert_int_not_equal(vn_doc_citations_get(set, loaded->doc_count, &last, &err), VN_OK);
    vn_doc_citations_free(set);
}

static void assert_stream_matches(const char *db, const vn_corpus *loaded,
                                  const vn_registry *reg)
{
    stream_check s = {.loaded = loaded};
    vn_corpus_visitor v = {check_begin, check_doc, &s};
    vn_error err;
    assert_int_equal(vn_corpus_stream(db, reg, &v, &err), VN_OK);
    assert_int_equal(s.begun, 1);
    assert_int_equal(s.visited, loaded->doc_count);
    free(s.seen);

    vn_outdated_input built, streamed;
    assert_int_equal(vn_outdated_input_build(loaded, &built, &err), VN_OK);
    assert_int_equal(vn_outdated_input_stream(db, reg, &streamed, &err), VN_OK);
    assert_true(built.row_count > 0);
    assert_same_input(&built, &streamed);
    vn_outdated_input_free(&built);
    vn_outdated_input_free(&streamed);

    vn_corpus table;
    assert_int_equal(vn_corpus_load_flags(db, reg, VN_CORPUS_INSTRUMENTS_ONLY, &table, &err),
                     VN_OK);
    assert_int_equal(table.doc_count, 0);
    assert_same_instruments(loaded, &table);
    vn_corpus_free(&table);
    assert_tally_in_any_order(loaded);
    assert_graph_streams(db, loaded, reg);
    assert_doc_citations_stream(db, loaded, reg, 0);
    assert_doc_citations_stream(db, loaded, reg, VN_DOC_CITATIONS_EVERY);
}

static void test_stream_gives_the_loaded_corpus(void **state)
{
    fixture *f = *state;
    assert_stream_matches(f->db, &f->corpus, f->registry);
}

/* An index that holds every path twice (a stub naming one shard twice):
 * each path streamed once, as vn_corpus_load() keeps it once. */
static void test_stream_path_stored_twice(void **state)
{
    fixture *f = *state;
    char stub[160];
    snprintf(stub, sizeof stub, "%s/twice.stub", f->dir);
    const char *shards[] = {"db", "db"};
    vn_error err;
    assert_int_equal(vn_xdb_write_stub(stub, shards, 2, &err), VN_OK);
    vn_xdb *x;
    unsigned long stored;
    assert_int_equal(vn_schema_open(stub, &x, &err), VN_OK);
    assert_int_equal(vn_xdb_doc_count(x, &stored, &err), VN_OK);
    assert_int_equal(stored, 2 * f->corpus.doc_count);
    vn_xdb_close(x, NULL);
    vn_corpus twice;
    assert_int_equal(vn_corpus_load(stub, f->registry, &twice, &err), VN_OK);
    assert_int_equal(twice.doc_count, f->corpus.doc_count);
    assert_stream_matches(stub, &twice, f->registry);
    vn_corpus_free(&twice);
}

/* More documents than a page (1,000), over a local and a remote shard. */
static void test_stream_pages(void **state)
{
    fixture *f = *state;
    char db[128];
    index_copies(f, "many", 205, db);
    vn_error err;
    vn_corpus many;
    assert_int_equal(vn_corpus_load(db, f->registry, &many, &err), VN_OK);
    assert_stream_matches(db, &many, f->registry);
    char stub[160];
    if (remote_stub(f, "many-remote.stub", db, stub))
        assert_stream_matches(stub, &many, f->registry);
    vn_corpus_free(&many);
}

/* A yearless symbol cited on two dates and once without one: the undated
 * citation is ambiguous, streamed as loaded, and the bare symbol names the
 * ambiguous entry and both dated instruments. */
static void test_stream_keeps_ambiguity(void **state)
{
    fixture *f = *state;
    static const char *const texts[] = {
        "KẾ HOẠCH\nThực hiện Kết luận số 99-KL/TW ngày 07/01/2016 của Bộ Chính trị và Nghị "
        "định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ.\n",
        "KẾ HOẠCH\nThực hiện Kết luận số 99-KL/TW ngày 20/11/2020 của Bộ Chính trị.\n",
        "KẾ HOẠCH\nTiếp tục quán triệt Kết luận số 99-KL/TW của Bộ Chính trị.\n"};
    char docs[128], db[128], path[160];
    snprintf(docs, sizeof docs, "%s/ambiguous", f->dir);
    snprintf(db, sizeof db, "%s/ambiguous-db", f->dir);
    assert_int_equal(mkdir(docs, 0755), 0);
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%c.txt", docs, (char)('a' + i));
        FILE *fp = fopen(path, "w");
        assert_non_null(fp);
        fputs(texts[i], fp);
        assert_int_equal(fclose(fp), 0);
    }
    assert_int_equal(index_folder(f, docs, db, 1), 3);
    vn_error err;
    vn_corpus c;
    assert_int_equal(vn_corpus_load(db, f->registry, &c, &err), VN_OK);
    assert_int_equal(c.doc_count, 3);
    assert_true(c.docs[2].cite_count == 1 && c.docs[2].cites[0].c.ambiguous);
    assert_int_equal(c.docs[0].cite_count, 2);
    size_t found[8];
    assert_int_equal(vn_corpus_match(&c, "99-KL/TW", found, 8), 3);
    assert_int_equal(c.instruments[found[0]].state, VN_INST_AMBIGUOUS);
    assert_string_equal(c.instruments[found[1]].id, "99-KL/TW@2016-01-07");
    assert_string_equal(c.instruments[found[2]].id, "99-KL/TW@2020-11-20");
    assert_int_equal(vn_corpus_match(&c, "99-KL/TW@2020", found, 8), 1);
    assert_stream_matches(db, &c, f->registry);
    vn_corpus_free(&c);
}

/* A visitor's error stops the stream and is what it returns. */
static void test_stream_stopped_by_the_visitor(void **state)
{
    fixture *f = *state;
    stream_check s = {.loaded = &f->corpus, .stop_after = 2};
    vn_corpus_visitor v = {check_begin, check_doc, &s};
    vn_error err;
    assert_int_equal(vn_corpus_stream(f->db, f->registry, &v, &err), VN_ERR_IO);
    assert_string_equal(err.msg, "stopped by the visitor");
    assert_int_equal(s.visited, 2);
    free(s.seen);
    assert_int_equal(vn_corpus_stream("/nonexistent/vncite.db", f->registry, &v, &err),
                     VN_ERR_NOTFOUND);
    assert_non_null(strstr(err.msg, "no index here"));
}

/* What an unresolved bare number is called in the instrument table: its
 * type word and number, and its year when it is dated in one. */
static void test_written_key_of_bare_numbers(void **state)
{
    (void)state;
    vn_citation c;
    memset(&c, 0, sizeof c);
    c.kind = VN_CITE_SHORT;
    c.symbol = c.name = "";
    snprintf(c.type_word, sizeof c.type_word, "Nghị định");
    snprintf(c.number, sizeof c.number, "17");
    vn_buf key = VN_BUF_INIT;
    vn_error err;
    const char *want[] = {"~nghi-dinh-17", "~nghi-dinh-17-2020", "~nghi-dinh-17-2021",
                          "~nghi-dinh-17"};
    for (int k = 0; k < 4; k++) {
        if (k == 1)
            vn_date_range_set(2020, 0, 0, &c.date);
        if (k == 2)
            vn_date_range_set(2021, 3, 5, &c.date);
        if (k == 3)   /* a range over years names no one year */
            c.date.last.year = 2022;
        key.len = 0;
        assert_int_equal(vn_corpus_written_key(&c, &key, &err), VN_OK);
        assert_int_equal(vn_buf_append_char(&key, '\0'), VN_OK);
        assert_string_equal(key.data, want[k]);
    }
    vn_buf_free(&key);
}

static void test_missing_index(void **state)
{
    (void)state;
    vn_corpus c;
    vn_error err;
    assert_int_equal(vn_corpus_load("/nonexistent/vncite.db", NULL, &c, &err), VN_ERR_NOTFOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_documents_and_instruments),
        cmocka_unit_test(test_every_cite_points_at_its_instrument),
        cmocka_unit_test(test_match_loose_forms),
        cmocka_unit_test(test_find_doc),
        cmocka_unit_test(test_outdated_on_document_dates),
        cmocka_unit_test(test_outdated_as_of),
        cmocka_unit_test(test_status_words),
        cmocka_unit_test(test_records_kept_only_when_asked),
        cmocka_unit_test(test_two_threads_read_the_same),
        cmocka_unit_test(test_broken_records_are_reported),
        cmocka_unit_test(test_outdated_input_agrees_with_the_table),
        cmocka_unit_test(test_outdated_cache_round_trip),
        cmocka_unit_test(test_outdated_cache_key_and_file),
        cmocka_unit_test(test_stream_gives_the_loaded_corpus),
        cmocka_unit_test(test_stream_path_stored_twice),
        cmocka_unit_test(test_stream_pages),
        cmocka_unit_test(test_stream_keeps_ambiguity),
        cmocka_unit_test(test_stream_stopped_by_the_visitor),
        cmocka_unit_test(test_written_key_of_bare_numbers),
        cmocka_unit_test(test_missing_index),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
