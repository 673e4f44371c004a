/* test_instrument_tally.c — the instrument table counted one document at a
 * time (query/instrument_tally.c): what depends on order follows file order
 * (rank), whatever order the documents come in. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "query/corpus.h"
#include "query/instrument_tally.h"

static vn_corpus_cite cite(const char *instrument, const char *symbol, const char *type_word,
                           const char *issuer, int y, int m, int d)
{
    vn_corpus_cite c = {0};
    c.c.instrument = (char *)instrument;
    c.c.symbol = symbol;
    c.c.name = "";
    c.c.issuer = issuer;
    snprintf(c.c.type_word, sizeof c.c.type_word, "%s", type_word);
    if (y)
        vn_date_range_set(y, m, d, &c.c.date);
    c.text = symbol;
    return c;
}

/* Rank 0 and rank 1 cite the same unresolved plan and the same resolved
 * resolution differently: the first written type word and issuer (rank 0,
 * the second citation) win, and the resolution's issue date is the finest
 * its citations give, the earliest on a tie. */
static vn_corpus_cite first_cites[4], second_cites[3];
static vn_corpus_doc docs[2];

static void make_docs(void)
{
    first_cites[0] = cite(NULL, "12/KH-UBND", "", "", 0, 0, 0);
    first_cites[1] = cite(NULL, "12/KH-UBND", "Kế hoạch", "UBND tỉnh", 0, 0, 0);
    first_cites[2] = cite("05/2024/NQ-HĐND", "05/2024/NQ-HĐND", "", "", 2024, 3, 1);
    first_cites[3] = cite("05/2024/NQ-HĐND", "05/2024/NQ-HĐND", "Nghị quyết", "", 2024, 0, 0);
    second_cites[0] = cite(NULL, "12/KH-UBND", "Công văn", "Sở Tư pháp", 0, 0, 0);
    second_cites[1] = cite("05/2024/NQ-HĐND", "05/2024/NQ-HĐND", "Quyết định", "HĐND tỉnh",
                           2024, 2, 1);
    second_cites[2] = cite("05/2024/NQ-HĐND", "05/2024/NQ-HĐND", "", "", 2024, 0, 0);
    docs[0] = (vn_corpus_doc){.file = "a.txt", .cites = first_cites, .cite_count = 4};
    docs[1] = (vn_corpus_doc){.file = "b.txt", .cites = second_cites, .cite_count = 3};
}

static void table_of(const size_t *order, vn_corpus *out)
{
    vn_instrument_tally *t;
    vn_error err;
    assert_int_equal(vn_instrument_tally_create(NULL, &t, &err), VN_OK);
    size_t keys[4];
    for (size_t i = 0; i < 2; i++)
        assert_int_equal(vn_instrument_tally_doc(t, &docs[order[i]], order[i], keys, &err), VN_OK);
    assert_int_equal(vn_instrument_tally_key_count(t), 2);
    size_t place[2];
    memset(out, 0, sizeof *out);
    assert_int_equal(vn_instrument_tally_finish(t, out, place, &err), VN_OK);
    assert_int_equal(out->instrument_count, 2);
    /* place maps the key numbers (first seen first) to the sorted table */
    assert_string_equal(out->instruments[place[0]].id, vn_instrument_tally_key(t, 0));
    assert_string_equal(out->instruments[place[1]].id, vn_instrument_tally_key(t, 1));
    vn_instrument_tally_free(t);
}

static const vn_corpus_instrument *find(const vn_corpus *c, const char *id)
{
    long i = vn_corpus_find_instrument(c, id);
    if (i < 0)
        fail_msg("%s not in the table", id);
    return &c->instruments[i];
}

static void test_file_order_whatever_comes_first(void **state)
{
    (void)state;
    make_docs();
    static const size_t forwards[] = {0, 1}, backwards[] = {1, 0};
    for (int run = 0; run < 2; run++) {
        vn_corpus c;
        table_of(run ? backwards : forwards, &c);
        const vn_corpus_instrument *plan = &c.instruments[c.instruments[0].state ==
                                                          VN_INST_UNRESOLVED ? 0 : 1];
        assert_int_equal(plan->state, VN_INST_UNRESOLVED);
        assert_string_equal(plan->label, "12/KH-UBND");
        assert_string_equal(plan->symbol, "12/KH-UBND");
        assert_string_equal(plan->type_word, "Kế hoạch");
        assert_string_equal(plan->issuer, "UBND tỉnh");
        assert_int_equal(plan->mentions, 3);
        assert_int_equal(plan->citing_docs, 2);
        assert_int_equal(plan->issued.precision, VN_DATE_NONE);
        const vn_corpus_instrument *res = find(&c, "05/2024/NQ-HĐND");
        assert_int_equal(res->state, VN_INST_RESOLVED);
        assert_int_equal(res->registry, -1);
        assert_string_equal(res->type_word, "Nghị quyết");
        assert_string_equal(res->issuer, "HĐND tỉnh");
        assert_int_equal(res->mentions, 4);
        assert_int_equal(res->citing_docs, 2);
        /* the day dates are finer than the two "2024"s; one each: the earlier */
        assert_int_equal(res->issued.precision, VN_DATE_DAY);
        assert_int_equal(res->issued.first.month, 2);
        vn_corpus_free(&c);
    }
}

/* The issue date is the one most citations agree on among the finest given,
 * whichever date came first (the entry keeps the first one seen, the others
 * are counted beside it) and whichever order the documents come in. */
static void test_most_given_date_wins(void **state)
{
    (void)state;
    const char *id = "7/2024/NQ-CP";
    vn_corpus_cite a[3] = {cite(id, id, "", "", 2024, 3, 1), cite(id, id, "", "", 2024, 0, 0),
                           cite(id, id, "", "", 2024, 5, 5)};
    vn_corpus_cite b[3] = {cite(id, id, "", "", 2024, 5, 5), cite(id, id, "", "", 2024, 3, 1),
                           cite(id, id, "", "", 2024, 5, 5)};
    vn_corpus_doc pair[2] = {{.file = "a.txt", .cites = a, .cite_count = 3},
                             {.file = "b.txt", .cites = b, .cite_count = 3}};
    for (int run = 0; run < 2; run++) {
        vn_instrument_tally *t;
        vn_error err;
        size_t keys[3];
        assert_int_equal(vn_instrument_tally_create(NULL, &t, &err), VN_OK);
        for (size_t i = 0; i < 2; i++) {
            size_t d = run ? 1 - i : i;
            assert_int_equal(vn_instrument_tally_doc(t, &pair[d], d, keys, &err), VN_OK);
        }
        vn_corpus c = {0};
        assert_int_equal(vn_instrument_tally_finish(t, &c, NULL, &err), VN_OK);
        const vn_corpus_instrument *in = find(&c, id);
        /* 5 May three times against 1 March twice; the bare year is coarser */
        assert_int_equal(in->issued.precision, VN_DATE_DAY);
        assert_int_equal(in->issued.first.month, 5);
        assert_int_equal(in->issued.first.day, 5);
        assert_int_equal(in->mentions, 6);
        vn_corpus_free(&c);
        vn_instrument_tally_free(t);
    }
}

/* The finished table is written over the tally's entries and moved into
 * id order in place: with many instruments first seen in scrambled order,
 * it comes out sorted, each with its own counts and the place of its key. */
static void test_table_sorted_in_place(void **state)
{
    (void)state;
    enum { KEYS = 300 };
    static char symbols[KEYS][24];
    static vn_corpus_cite cites[KEYS * 3];
    size_t count = 0;
    for (size_t i = 0; i < KEYS; i++) {
        size_t k = (i * 7919) % KEYS;   /* first seen out of order */
        snprintf(symbols[k], sizeof symbols[k], "%zu/2024/NQ-CP", k + 1);
        for (size_t m = 0; m <= k % 3; m++)
            cites[count++] = cite(symbols[k], symbols[k], "Nghị quyết", "", 2024, 1, 2);
    }
    vn_corpus_doc doc = {.file = "many.txt", .cites = cites, .cite_count = count};
    vn_instrument_tally *t;
    vn_error err;
    static size_t keys[KEYS * 3];
    size_t place[KEYS];
    assert_int_equal(vn_instrument_tally_create(NULL, &t, &err), VN_OK);
    assert_int_equal(vn_instrument_tally_doc(t, &doc, 0, keys, &err), VN_OK);
    vn_corpus c = {0};
    assert_int_equal(vn_instrument_tally_finish(t, &c, place, &err), VN_OK);
    assert_int_equal(c.instrument_count, KEYS);
    for (size_t i = 1; i < c.instrument_count; i++)
        assert_true(strcmp(c.instruments[i - 1].id, c.instruments[i].id) < 0);
    for (size_t key = 0; key < KEYS; key++) {
        const vn_corpus_instrument *in = &c.instruments[place[key]];
        assert_string_equal(in->id, vn_instrument_tally_key(t, key));
        size_t k = (size_t)atoi(in->id) - 1;
        assert_int_equal(in->mentions, k % 3 + 1);
        assert_int_equal(in->citing_docs, 1);
        assert_string_equal(in->type_word, "Nghị quyết");
        assert_int_equal(in->issued.first.day, 2);
    }
    vn_corpus_free(&c);
    vn_instrument_tally_free(t);
}

/* A document place beyond what the table records is refused, not wrapped. */
static void test_rank_out_of_range(void **state)
{
    (void)state;
    make_docs();
    vn_instrument_tally *t;
    vn_error err;
    size_t keys[4];
    assert_int_equal(vn_instrument_tally_create(NULL, &t, &err), VN_OK);
    assert_int_equal(vn_instrument_tally_doc(t, &docs[0], (size_t)UINT32_MAX, keys, &err),
                     VN_ERR_USAGE);
    assert_non_null(strstr(err.msg, "a.txt"));
    vn_instrument_tally_free(t);
}

/* A table with nothing counted is empty; a finished tally takes nothing more. */
static void test_empty_and_finished(void **state)
{
    (void)state;
    make_docs();
    vn_instrument_tally *t;
    vn_error err;
    assert_int_equal(vn_instrument_tally_create(NULL, &t, &err), VN_OK);
    vn_corpus c = {0};
    assert_int_equal(vn_instrument_tally_finish(t, &c, NULL, &err), VN_OK);
    assert_int_equal(c.instrument_count, 0);
    size_t keys[4];
    assert_int_equal(vn_instrument_tally_doc(t, &docs[0], 0, keys, &err), VN_ERR_USAGE);
    assert_int_equal(vn_instrument_tally_finish(t, &c, NULL, &err), VN_ERR_USAGE);
    assert_null(vn_instrument_tally_key(t, 0));
    vn_corpus_free(&c);
    vn_instrument_tally_free(t);
    vn_instrument_tally_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_file_order_whatever_comes_first),
        cmocka_unit_test(test_empty_and_finished),
        cmocka_unit_test(test_most_given_date_wins),
        cmocka_unit_test(test_rank_out_of_range),
        cmocka_unit_test(test_table_sorted_in_place),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
