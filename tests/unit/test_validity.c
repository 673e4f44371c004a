/* test_validity.c — status on a date, the outdated check, reverse relations
 * and replacement chains: on the real corpus/registry (the facts of
 * registry-facts.md) and on small registries made for one question each. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query/validity.h"

/* ---- helpers ------------------------------------------------------------------ */

static void count_problem(void *ctx, const vn_registry_problem *p)
{
    print_message("registry problem %s:%d: %s\n", p->file, p->line, p->message);
    (*(size_t *)ctx)++;
}

static vn_registry *real(void)
{
    vn_registry *r = NULL;
    vn_error err;
    size_t problems = 0;
    if (vn_registry_load(VNCITE_CORPUS "/registry", &r, count_problem, &problems, &err) != VN_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(problems, 0);
    return r;
}

/* Loads CSV text; the registries here are meant to load without problems. */
static vn_registry *from(const char *instruments, const char *events)
{
    vn_registry *r = NULL;
    vn_error err;
    size_t problems = 0;
    if (vn_registry_load_from_strings(instruments, strlen(instruments), events,
                                      events ? strlen(events) : 0, NULL, 0, &r, count_problem,
                                      &problems, &err) != VN_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(problems, 0);
    return r;
}

static size_t find(const vn_registry *r, const char *text)
{
    size_t idx[4];
    size_t n = vn_registry_find(r, text, idx, 4);
    if (n != 1)
        fail_msg("%s: %zu instruments, want 1", text, n);
    return idx[0];
}

static vn_date day(const char *iso)
{
    vn_date_range d;
    if (!vn_date_parse_any(iso, &d) || d.precision != VN_DATE_DAY)
        fail_msg("bad test day %s", iso);
    return d.first;
}

static vn_date_range range(const char *text)
{
    vn_date_range d;
    if (!vn_date_parse_any(text, &d))
        fail_msg("bad test date %s", text);
    return d;
}

static vn_validity on(const vn_registry *r, const char *id, const char *iso)
{
    return vn_validity_on(r, find(r, id), day(iso));
}

static vn_outdated check(const vn_registry *r, const char *id, const char *citing)
{
    vn_date_range c = range(citing);
    return vn_outdated_check(r, find(r, id), &c);
}

static const vn_event *event(const vn_registry *r, long k)
{
    assert_true(k >= 0 && (size_t)k < r->event_count);
    return &r->events[k];
}

static const char *other_id(const vn_registry *r, long k)
{
    const vn_event *e = event(r, k);
    assert_true(e->other >= 0);
    return r->instruments[e->other].id;
}

static void expect_text(const char *text, const char *needle)
{
    if (!strstr(text, needle))
        fail_msg("\"%s\" not in \"%s\"", needle, text);
}

/* ---- the real registry ------------------------------------------------------------ */

/* Pháp lệnh 34/2007: in force up to 30/06/2023, replaced by the Law from 01/07/2023. */
static void test_real_34_2007(void **state)
{
    (void)state;
    vn_registry *r = real();
    char buf[11], text[512];

    vn_validity v = on(r, "34/2007/PL-UBTVQH11", "2023-06-30");
    assert_int_equal(v.status, VN_VALID_IN_FORCE);
    assert_false(v.inferred);
    assert_false(v.undecided);
    assert_string_equal(vn_date_range_str(&v.since, buf), "2007-07-01");
    assert_int_equal(event(r, v.next)->kind, VN_EVENT_REPLACED_BY);
    assert_string_equal(vn_date_range_str(&v.until, buf), "2023-07-01");
    vn_validity_describe(r, find(r, "34/2007/PL-UBTVQH11"), &v, text, sizeof text);
    expect_text(text, "in force since 2007-07-01; then replaced by 10/2022/QH15 from 2023-07-01");

    v = on(r, "34/2007/PL-UBTVQH11", "2023-07-01");
    assert_int_equal(v.status, VN_VALID_CEASED);
    assert_false(v.undecided);
    assert_int_equal(event(r, v.event)->kind, VN_EVENT_REPLACED_BY);
    assert_string_equal(other_id(r, v.event), "10/2022/QH15");
    assert_int_equal(event(r, v.event)->confidence, VN_CONF_HIGH);
    assert_string_equal(event(r, v.event)->provision, "Điều 91 khoản 2 Luật 10/2022/QH15");
    vn_event_describe(r, (size_t)v.event, text, sizeof text);
    assert_string_equal(text, "replaced by 10/2022/QH15 from 2023-07-01 (Điều 91 khoản 2 "
                              "Luật 10/2022/QH15; confidence high)");
    vn_validity_describe(r, find(r, "34/2007/PL-UBTVQH11"), &v, text, sizeof text);
    expect_text(text, "ceased: replaced by 10/2022/QH15 from 2023-07-01");

    /* A plan dated "năm 2023" may be before or after 01/07/2023. */
    vn_outdated o = check(r, "34/2007/PL-UBTVQH11", "2023");
    assert_int_equal(o.status, VN_OUTDATED_POSSIBLY);
    assert_string_equal(o.other_id, "10/2022/QH15");
    assert_string_equal(vn_date_range_str(&o.from, buf), "2023-07-01");
    assert_int_equal(o.confidence, VN_CONF_HIGH);
    vn_date_range y2023 = range("2023");
    vn_outdated_describe(r, find(r, "34/2007/PL-UBTVQH11"), &o, &y2023, text, sizeof text);
    expect_text(text, "possibly outdated: replaced by 10/2022/QH15 from 2023-07-01");
    expect_text(text, "the document is dated 2023");

    o = check(r, "34/2007/PL-UBTVQH11", "03/2024");
    assert_int_equal(o.status, VN_OUTDATED_YES);
    assert_string_equal(o.other_id, "10/2022/QH15");
    assert_string_equal(o.source, "Điều 91 khoản 2 Luật 10/2022/QH15");
    assert_string_equal(vn_outdated_status_name(o.status), "outdated");
    /* the day the replacement takes effect is already outdated … */
    assert_int_equal(check(r, "34/2007/PL-UBTVQH11", "01/07/2023").status, VN_OUTDATED_YES);
    /* … the day before is not, nor is the first half of 2023 as a month */
    assert_int_equal(check(r, "34/2007/PL-UBTVQH11", "30/06/2023").status, VN_OUTDATED_NOT);
    assert_int_equal(check(r, "34/2007/PL-UBTVQH11", "06/2023").status, VN_OUTDATED_NOT);
    assert_int_equal(check(r, "34/2007/PL-UBTVQH11", "07/2023").status, VN_OUTDATED_YES);

    /* What replaced it, followed through the chain: one step. */
    size_t chain[4];
    assert_int_equal(vn_validity_successors(r, find(r, "34/2007/PL-UBTVQH11"), day("2024-01-01"),
                                            chain, 4), 1);
    assert_string_equal(other_id(r, (long)chain[0]), "10/2022/QH15");
    assert_int_equal(vn_validity_successors(r, find(r, "34/2007/PL-UBTVQH11"), day("2023-01-01"),
                                            chain, 4), 0);
    vn_registry_free(r);
}

/* 04/2015/NĐ-CP: superseded in substance, on medium evidence. */
static void test_real_superseded_medium(void **state)
{
    (void)state;
    vn_registry *r = real();
    char text[512];
    vn_validity v = on(r, "04/2015/NĐ-CP", "2024-01-01");
    assert_int_equal(v.status, VN_VALID_CEASED);
    assert_int_equal(event(r, v.event)->kind, VN_EVENT_SUPERSEDED_BY);
    assert_int_equal(event(r, v.event)->confidence, VN_CONF_MEDIUM);
    vn_outdated o = check(r, "04/2015/ND-CP", "2024-03-25");
    assert_int_equal(o.status, VN_OUTDATED_YES);
    assert_int_equal(o.confidence, VN_CONF_MEDIUM);
    assert_string_equal(o.other_id, "10/2022/QH15");
    vn_event_describe(r, (size_t)o.event, text, sizeof text);
    expect_text(text, "superseded in substance by 10/2022/QH15 from 2023-07-01");
    expect_text(text, "source: Bộ Nội vụ answer");
    expect_text(text, "confidence medium");
    vn_registry_free(r);
}

/* The two labour codes on both sides of 01/01/2021. */
static void test_real_labour_codes(void **state)
{
    (void)state;
    vn_registry *r = real();
    assert_int_equal(on(r, "10/2012/QH13", "2020-12-31").status, VN_VALID_IN_FORCE);
    assert_int_equal(on(r, "45/2019/QH14", "2020-12-31").status, VN_VALID_NOT_YET_IN_FORCE);
    assert_int_equal(on(r, "45/2019/QH14", "2019-11-19").status, VN_VALID_NOT_YET_ISSUED);
    vn_validity v = on(r, "10/2012/QH13", "2021-01-01");
    assert_int_equal(v.status, VN_VALID_CEASED);
    assert_string_equal(other_id(r, v.event), "45/2019/QH14");
    assert_int_equal(on(r, "45/2019/QH14", "2021-01-01").status, VN_VALID_IN_FORCE);

    assert_int_equal(check(r, "10/2012/QH13", "31/12/2020").status, VN_OUTDATED_NOT);
    assert_int_equal(check(r, "10/2012/QH13", "01/01/2021").status, VN_OUTDATED_YES);
    assert_int_equal(check(r, "10/2012/QH13", "2020").status, VN_OUTDATED_NOT);
    assert_int_equal(check(r, "10/2012/QH13", "2021").status, VN_OUTDATED_YES);
    /* Citing the new code before it is in force is normal (plans prepare). */
    assert_int_equal(check(r, "45/2019/QH14", "12/2019").status, VN_OUTDATED_NOT);

    /* The reverse relation is computed: 45/2019 replaces 10/2012. */
    size_t ev[4];
    assert_int_equal(vn_registry_replaced_by_reverse(r, find(r, "45/2019/QH14"), ev, 4), 1);
    assert_string_equal(r->instruments[r->events[ev[0]].instrument].id, "10/2012/QH13");
    assert_int_equal(vn_registry_replaced_by_reverse(r, find(r, "10/2012/QH13"), ev, 4), 0);
    assert_string_equal(vn_event_reverse_name(r->events[ev[0]].kind), "replaces");
    vn_registry_free(r);
}

/* The Law 10/2022/QH15 replaced two instruments and superseded a third;
 * it is amended from 01/07/2025, and by 47/2024/QH15 on a date not verified. */
static void test_real_law_10_2022(void **state)
{
    (void)state;
    vn_registry *r = real();
    size_t ev[8];
    size_t law = find(r, "10/2022/QH15");
    assert_int_equal(vn_registry_replaced_by_reverse(r, law, ev, 8), 3);
    assert_int_equal(vn_registry_reverse(r, law, 1u << VN_EVENT_REPLACED_BY, ev, 8), 2);
    assert_int_equal(vn_registry_reverse(r, law, VN_KINDS_ALL, ev, 1), 3);

    vn_validity v = on(r, "10/2022/QH15", "2023-01-01");
    assert_int_equal(v.status, VN_VALID_NOT_YET_IN_FORCE);
    assert_false(v.undecided);   /* 47/2024 cannot amend it before 2024 */

    v = on(r, "10/2022/QH15", "2024-06-01");
    assert_int_equal(v.status, VN_VALID_IN_FORCE);
    assert_true(v.undecided);
    assert_int_equal(v.status_if_pending, VN_VALID_AMENDED);
    assert_int_equal(v.possible_amendment_count, 1);
    assert_string_equal(other_id(r, (long)v.possible_amendments[0]), "47/2024/QH15");

    v = on(r, "10/2022/QH15", "2025-07-01");
    assert_int_equal(v.status, VN_VALID_AMENDED);
    assert_int_equal(v.amendment_count, 1);
    assert_string_equal(other_id(r, (long)v.amendments[0]), "97/2025/QH15");
    assert_int_equal(v.possible_amendment_count, 1);
    char text[1024];
    vn_validity_describe(r, law, &v, text, sizeof text);
    expect_text(text, "in force, amended by 97/2025/QH15 from 2025-07-01");
    expect_text(text, "possibly also amended by 47/2024/QH15 (date not recorded)");

    /* Amended is reported as such, never as outdated. */
    vn_outdated o = check(r, "10/2022/QH15", "2025-08-01");
    assert_int_equal(o.status, VN_OUTDATED_PARTLY);
    assert_false(o.possibly);
    assert_string_equal(o.other_id, "97/2025/QH15");
    o = check(r, "10/2022/QH15", "2024-08-01");
    assert_int_equal(o.status, VN_OUTDATED_PARTLY);
    assert_true(o.possibly);
    assert_int_equal(check(r, "10/2022/QH15", "03/2023").status, VN_OUTDATED_NOT);
    vn_registry_free(r);
}

/* 120-KL/TW: an instrument row and no event: unknown, not "in force". */
static void test_real_unknown(void **state)
{
    (void)state;
    vn_registry *r = real();
    char text[512];
    vn_validity v = on(r, "120-KL/TW", "2024-01-01");
    assert_int_equal(v.status, VN_VALID_UNKNOWN);
    assert_int_equal(v.event, -1);
    assert_false(v.undecided);
    vn_validity_describe(r, find(r, "120-KL/TW"), &v, text, sizeof text);
    expect_text(text, "no evidence of repeal is not evidence of force");
    assert_int_equal(check(r, "120-KL/TW", "2024").status, VN_OUTDATED_UNKNOWN);
    assert_string_equal(vn_outdated_status_name(VN_OUTDATED_UNKNOWN), "unknown");
    /* before its issue it is not yet issued, whatever else is unknown */
    assert_int_equal(on(r, "120-KL/TW", "2016-01-06").status, VN_VALID_NOT_YET_ISSUED);
    vn_registry_free(r);
}

/* 11-QĐi/TW: partly amended in 11/2025, day unknown. */
static void test_real_month_precision(void **state)
{
    (void)state;
    vn_registry *r = real();
    vn_validity v = on(r, "11-QĐi/TW", "2025-10-31");
    assert_int_equal(v.status, VN_VALID_IN_FORCE);
    assert_true(v.inferred);   /* no in-force date; the amendment presupposes force */
    assert_false(v.undecided);
    assert_int_equal(v.amendment_count, 0);
    assert_int_equal(event(r, v.next)->kind, VN_EVENT_AMENDED_BY);

    v = on(r, "11-QĐi/TW", "2025-12-01");
    assert_int_equal(v.status, VN_VALID_AMENDED);
    assert_false(v.undecided);
    assert_int_equal(v.amendment_count, 1);
    assert_string_equal(other_id(r, v.event), "215-KL/TW@2025-11");

    for (const char *const *d = (const char *const[]){"2025-11-01", "2025-11-15", "2025-11-29",
                                                      NULL};
         *d; d++) {
        v = on(r, "11-QĐi/TW", *d);
        assert_int_equal(v.status, VN_VALID_IN_FORCE);
        assert_true(v.undecided);
        assert_int_equal(v.status_if_pending, VN_VALID_AMENDED);
        assert_int_equal(event(r, v.pending)->kind, VN_EVENT_AMENDED_BY);
        assert_int_equal(v.possible_amendment_count, 1);
    }
    /* The last day of the month is decided: the amendment fell on or before it. */
    assert_int_equal(on(r, "11-QĐi/TW", "2025-11-30").status, VN_VALID_AMENDED);
    char text[512];
    v = on(r, "11-QĐi/TW", "2025-11-15");
    vn_validity_describe(r, find(r, "11-QĐi/TW"), &v, text, sizeof text);
    expect_text(text, "undecided on 2025-11-15");
    expect_text(text, "from a day in 2025-11 (day not known)");

    /* the Party "Quy định" cited in its variant spelling is not found here:
     * uniting variants is resolution's job, not the registry's */
    size_t idx[2];
    assert_int_equal(vn_registry_find(r, "11-QĐ/TW", idx, 2), 0);

    vn_outdated o = check(r, "11-QĐi/TW", "11/2025");
    assert_int_equal(o.status, VN_OUTDATED_PARTLY);
    assert_true(o.possibly);
    o = check(r, "11-QĐi/TW", "01/12/2025");
    assert_int_equal(o.status, VN_OUTDATED_PARTLY);
    assert_false(o.possibly);
    assert_int_equal(check(r, "11-QĐi/TW", "2024").status, VN_OUTDATED_NOT);
    vn_registry_free(r);
}

/* A citation of an instrument issued after the citing document. */
static void test_real_forward_in_time(void **state)
{
    (void)state;
    vn_registry *r = real();
    char buf[11], text[512];
    vn_outdated o = check(r, "59/2023/NĐ-CP", "05/2022");
    assert_int_equal(o.status, VN_OUTDATED_NOT_YET_ISSUED);
    assert_string_equal(vn_date_range_str(&o.issued, buf), "2023-08-14");
    vn_date_range c = range("05/2022");
    vn_outdated_describe(r, find(r, "59/2023/NĐ-CP"), &o, &c, text, sizeof text);
    expect_text(text, "cited before it was issued: issued 2023-08-14");
    /* a range that reaches the issue date is no error */
    assert_int_equal(check(r, "59/2023/NĐ-CP", "2023").status, VN_OUTDATED_NOT);
    /* 22/2018/QĐ-TTg has no issue date: the year in its symbol bounds it */
    assert_int_equal(check(r, "22/2018/QĐ-TTg", "2017").status, VN_OUTDATED_NOT_YET_ISSUED);
    assert_int_equal(check(r, "22/2018/QĐ-TTg", "03/2018").status, VN_OUTDATED_NOT);
    assert_int_equal(check(r, "22/2018/QĐ-TTg", "17/08/2023").status, VN_OUTDATED_YES);
    /* an instrument known only from its partial issue month */
    assert_int_equal(check(r, "215-KL/TW", "10/2025").status, VN_OUTDATED_NOT_YET_ISSUED);
    vn_registry_free(r);
}

/* Replaced instruments without an in-force date were in force before. */
static void test_real_inferred_force(void **state)
{
    (void)state;
    vn_registry *r = real();
    vn_validity v = on(r, "55/1998/NQ-UBTVQH10", "2020-01-01");
    assert_int_equal(v.status, VN_VALID_IN_FORCE);
    assert_true(v.inferred);
    assert_int_equal(event(r, v.next)->kind, VN_EVENT_REPLACED_BY);
    assert_int_equal(on(r, "55/1998/NQ-UBTVQH10", "2023-07-01").status, VN_VALID_CEASED);
    /* Luật Tố cáo 2018: amendments whose dates the facts do not give */
    v = on(r, "25/2018/QH14", "2026-01-01");
    assert_int_equal(v.status, VN_VALID_IN_FORCE);
    assert_true(v.undecided);
    assert_int_equal(v.possible_amendment_count, 2);
    assert_int_equal(on(r, "25/2018/QH14", "2019-06-01").possible_amendment_count, 1);
    vn_registry_free(r);
}

static void test_find(void **state)
{
    (void)state;
    vn_registry *r = real();
    size_t idx[4];
    assert_string_equal(r->instruments[find(r, "34/2007/pl-ubtvqh11")].id, "34/2007/PL-UBTVQH11");
    assert_string_equal(r->instruments[find(r, "59/2023/ND-CP")].id, "59/2023/NĐ-CP");
    assert_string_equal(r->instruments[find(r, " 120-KL/TW ")].id, "120-KL/TW@2016-01-07");
    assert_string_equal(r->instruments[find(r, "120-KL/TW@2016-01-07")].id,
                        "120-KL/TW@2016-01-07");
    assert_string_equal(r->instruments[find(r, "120-KL/TW@07/01/2016")].id,
                        "120-KL/TW@2016-01-07");
    assert_string_equal(r->instruments[find(r, "120-KL/TW@2016")].id, "120-KL/TW@2016-01-07");
    assert_int_equal(vn_registry_find(r, "120-KL/TW@2017", idx, 4), 0);
    assert_int_equal(vn_registry_find(r, "120-KL/TW@xx", idx, 4), 0);
    assert_int_equal(vn_registry_find(r, "no such thing", idx, 4), 0);
    assert_int_equal(vn_registry_find(r, "", idx, 4), 0);
    /* typed in lower case */
    assert_string_equal(r->instruments[find(r, "04/2015/nđ-cp")].id, "04/2015/NĐ-CP");
    vn_registry_free(r);
}

/* ---- small registries ------------------------------------------------------------ */

static const char *const HEADER = "symbol,issued,type,issuer,title,in_force,source,confidence,note\n";

static vn_registry *small(const char *instrument_rows, const char *events)
{
    char ins[2048];
    snprintf(ins, sizeof ins, "%s%s", HEADER, instrument_rows);
    return from(ins, events);
}

/* A → B → A, and C replaced by itself: nothing loops. */
static void test_cycles_terminate(void **state)
{
    (void)state;
    vn_registry *r = small("1/2010/NĐ-CP,01/01/2010,,,,01/02/2010,s,high,\n"
                           "2/2010/NĐ-CP,01/01/2010,,,,01/02/2010,s,high,\n"
                           "3/2010/NĐ-CP,01/01/2010,,,,01/02/2010,s,high,\n",
                           "instrument,date,event,other,provision,source,confidence\n"
                           "1/2010/NĐ-CP,01/01/2020,replaced_by,2/2010/NĐ-CP,,s,high\n"
                           "2/2010/NĐ-CP,01/01/2021,replaced_by,1/2010/NĐ-CP,,s,high\n"
                           "3/2010/NĐ-CP,01/01/2020,superseded_by,3/2010/NĐ-CP,,s,low\n");
    size_t chain[16];
    size_t a = find(r, "1/2010/NĐ-CP"), c = find(r, "3/2010/NĐ-CP");
    assert_int_equal(vn_validity_successors(r, a, day("2022-01-01"), chain, 16), 2);
    assert_int_equal(vn_validity_successors(r, a, day("2020-06-01"), chain, 16), 1);
    assert_int_equal(vn_validity_successors(r, c, day("2022-01-01"), chain, 16), 1);
    assert_int_equal(vn_validity_successors(r, a, day("2022-01-01"), chain, 1), 1);
    assert_int_equal(vn_validity_on(r, a, day("2022-01-01")).status, VN_VALID_CEASED);
    assert_int_equal(vn_validity_on(r, c, day("2019-01-01")).status, VN_VALID_IN_FORCE);
    vn_date_range y = range("2022");
    assert_int_equal(vn_outdated_check(r, a, &y).status, VN_OUTDATED_YES);
    size_t ev[4];
    assert_int_equal(vn_registry_replaced_by_reverse(r, a, ev, 4), 1);
    assert_int_equal(vn_registry_replaced_by_reverse(r, c, ev, 4), 1);
    vn_registry_free(r);
}

/* A registry assembled by hand (no loader, no sorted indexes), with a cycle. */
static void test_hand_built_cycle(void **state)
{
    (void)state;
    vn_instrument ins[2] = {
        {.symbol = "1/2010/NĐ-CP", .id = "1/2010/NĐ-CP"},
        {.symbol = "2/2010/NĐ-CP", .id = "2/2010/NĐ-CP"},
    };
    vn_event evs[2] = {
        {.instrument = 0, .kind = VN_EVENT_REPLACED_BY, .other = 1, .other_text = "",
         .provision = "", .source = "s", .note = ""},
        {.instrument = 1, .kind = VN_EVENT_REPLACED_BY, .other = 0, .other_text = "",
         .provision = "", .source = "s", .note = ""},
    };
    evs[0].date = range("2020-01-01");
    evs[1].date = range("2020-01-01");
    vn_registry r = {.instruments = ins, .instrument_count = 2, .events = evs, .event_count = 2};
    size_t chain[64];
    assert_int_equal(vn_validity_successors(&r, 0, day("2021-01-01"), chain, 64), 2);
    assert_int_equal(vn_validity_on(&r, 1, day("2021-01-01")).status, VN_VALID_CEASED);
    /* issued in 2010 by its symbol; in force inferred before the replacement */
    vn_validity v = vn_validity_on(&r, 0, day("2015-01-01"));
    assert_int_equal(v.status, VN_VALID_IN_FORCE);
    assert_true(v.inferred);
    size_t idx[2];
    assert_int_equal(vn_registry_find(&r, "1/2010/ND-CP", idx, 2), 1);
    assert_int_equal(idx[0], 0);
}

/* A repeal known only by its year. */
static void test_partial_ceasing(void **state)
{
    (void)state;
    vn_registry *r = small("5/2010/QH12,01/06/2010,,,,01/01/2011,s,high,\n",
                           "instrument,date,event,other,provision,source,confidence\n"
                           "5/2010/QH12,2020,repealed,,,s,low\n");
    size_t i = 0;
    vn_validity v = vn_validity_on(r, i, day("2020-06-01"));
    assert_int_equal(v.status, VN_VALID_IN_FORCE);
    assert_true(v.undecided);
    assert_int_equal(v.status_if_pending, VN_VALID_CEASED);
    assert_int_equal(vn_validity_on(r, i, day("2020-12-31")).status, VN_VALID_CEASED);
    assert_int_equal(vn_validity_on(r, i, day("2019-12-31")).status, VN_VALID_IN_FORCE);
    vn_date_range d = range("2020-06-01");
    vn_outdated o = vn_outdated_check(r, i, &d);
    assert_int_equal(o.status, VN_OUTDATED_POSSIBLY);
    assert_null(o.other_id);
    assert_int_equal(o.confidence, VN_CONF_LOW);
    d = range("2021");
    assert_int_equal(vn_outdated_check(r, i, &d).status, VN_OUTDATED_YES);
    d = range("12/2019");
    assert_int_equal(vn_outdated_check(r, i, &d).status, VN_OUTDATED_NOT);
    /* an unknown citing date can be any day */
    assert_int_equal(vn_outdated_check(r, i, NULL).status, VN_OUTDATED_POSSIBLY);
    char text[256];
    vn_event_describe(r, 0, text, sizeof text);
    assert_string_equal(text, "repealed from a day in 2020 (day not known) (source: s; "
                              "confidence low)");
    vn_registry_free(r);
}

/* Suspended, then back in force. */
static void test_suspension(void **state)
{
    (void)state;
    vn_registry *r = small("7/2010/NĐ-CP,01/06/2010,,,,01/07/2010,s,high,\n",
                           "instrument,date,event,other,provision,source,confidence\n"
                           "7/2010/NĐ-CP,01/01/2015,ngưng hiệu lực,,,s,high\n"
                           "7/2010/NĐ-CP,01/01/2016,in_force,,,s,high\n");
    vn_validity v = vn_validity_on(r, 0, day("2015-06-01"));
    assert_int_equal(v.status, VN_VALID_SUSPENDED);
    assert_int_equal(r->events[v.event].kind, VN_EVENT_SUSPENDED);
    v = vn_validity_on(r, 0, day("2016-06-01"));
    assert_int_equal(v.status, VN_VALID_IN_FORCE);
    char buf[11];
    assert_string_equal(vn_date_range_str(&v.since, buf), "2016-01-01");
    vn_date_range d = range("03/2015");
    vn_outdated o = vn_outdated_check(r, 0, &d);
    assert_int_equal(o.status, VN_OUTDATED_SUSPENDED);
    assert_false(o.possibly);
    d = range("2015");
    o = vn_outdated_check(r, 0, &d);
    assert_int_equal(o.status, VN_OUTDATED_SUSPENDED);
    assert_false(o.possibly);   /* 2015 lies wholly in the suspension */
    d = range("2014-12");
    o = vn_outdated_check(r, 0, &d);
    assert_int_equal(o.status, VN_OUTDATED_NOT);
    d = range("2014");
    d.last = day("2015-02-01");   /* a range that reaches into the suspension */
    o = vn_outdated_check(r, 0, &d);
    assert_int_equal(o.status, VN_OUTDATED_SUSPENDED);
    assert_true(o.possibly);
    d = range("02/2016");
    assert_int_equal(vn_outdated_check(r, 0, &d).status, VN_OUTDATED_NOT);
    vn_registry_free(r);
}

/* Two ceasing events on one day: the better-evidenced one decides. */
static void test_competing_events(void **state)
{
    (void)state;
    vn_registry *r = small("8/2010/NĐ-CP,01/06/2010,,,,01/07/2010,s,high,\n"
                           "9/2020/NĐ-CP,01/06/2020,,,,01/07/2020,s,high,\n"
                           "10/2020/NĐ-CP,01/06/2020,,,,01/07/2020,s,high,\n",
                           "instrument,date,event,other,provision,source,confidence\n"
                           "8/2010/NĐ-CP,01/07/2020,superseded_by,10/2020/NĐ-CP,,weak,medium\n"
                           "8/2010/NĐ-CP,01/07/2020,replaced_by,9/2020/NĐ-CP,Điều 9,Điều 9,high\n"
                           "8/2010/NĐ-CP,06/2020,expired,,,guess,low\n");
    vn_date_range d = range("2021");
    vn_outdated o = vn_outdated_check(r, 0, &d);
    assert_int_equal(o.status, VN_OUTDATED_YES);
    /* the month-precision expiry is earlier than 01/07 whatever its day */
    assert_int_equal(r->events[o.event].kind, VN_EVENT_EXPIRED);
    vn_validity v = vn_validity_on(r, 0, day("2020-07-01"));
    assert_int_equal(r->events[v.event].kind, VN_EVENT_EXPIRED);
    vn_registry_free(r);

    r = small("8/2010/NĐ-CP,01/06/2010,,,,01/07/2010,s,high,\n"
              "9/2020/NĐ-CP,01/06/2020,,,,01/07/2020,s,high,\n"
              "10/2020/NĐ-CP,01/06/2020,,,,01/07/2020,s,high,\n",
              "instrument,date,event,other,provision,source,confidence\n"
              "8/2010/NĐ-CP,01/07/2020,superseded_by,10/2020/NĐ-CP,,weak,medium\n"
              "8/2010/NĐ-CP,01/07/2020,replaced_by,9/2020/NĐ-CP,Điều 9,Điều 9,high\n");
    o = vn_outdated_check(r, 0, &d);
    assert_int_equal(o.status, VN_OUTDATED_YES);
    assert_string_equal(o.other_id, "9/2020/NĐ-CP");
    assert_int_equal(o.confidence, VN_CONF_HIGH);
    assert_string_equal(o.provision, "Điều 9");
    json_t *j = vn_outdated_json(r, 0, &o, &d);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "status")), "outdated");
    assert_string_equal(json_string_value(json_object_get(j, "other")), "9/2020/NĐ-CP");
    assert_string_equal(json_string_value(json_object_get(j, "from")), "2020-07-01");
    assert_string_equal(json_string_value(json_object_get(j, "confidence")), "high");
    json_decref(j);
    vn_registry_free(r);
}

/* More amendments than a vn_validity lists: counted, the oldest kept. */
static void test_many_amendments(void **state)
{
    (void)state;
    char events[4096] = "instrument,date,event,other,provision,source,confidence\n";
    for (int k = 20; k >= 1; k--) {
        char row[128];
        snprintf(row, sizeof row, "1/2000/QH10,01/%02d/%d,amended_by,,,s,high\n", 1 + k % 12,
                 2000 + k);
        strcat(events, row);
    }
    strcat(events, "1/2000/QH10,,partly_repealed,,,s,medium\n");
    vn_registry *r = small("1/2000/QH10,01/01/2000,,,,01/01/2000,s,high,\n", events);
    vn_validity v = vn_validity_on(r, 0, day("2030-01-01"));
    assert_int_equal(v.status, VN_VALID_AMENDED);
    assert_int_equal(v.amendment_count, 20);
    assert_int_equal(v.possible_amendment_count, 1);
    assert_true(v.undecided);
    assert_int_equal(v.status_if_pending, VN_VALID_PARTLY_REPEALED);
    for (size_t k = 0; k < VN_VALIDITY_LIST_MAX; k++)
        assert_int_equal(r->events[v.amendments[k]].date.first.year, 2001 + (int)k);
    char text[200];
    vn_validity_describe(r, 0, &v, text, sizeof text);
    assert_true(strlen(text) < sizeof text);
    json_t *j = vn_validity_json(r, 0, &v);
    assert_non_null(j);
    assert_int_equal(json_array_size(json_object_get(j, "amendments")), VN_VALIDITY_LIST_MAX);
    assert_string_equal(json_string_value(json_object_get(j, "status")), "amended");
    json_decref(j);
    vn_registry_free(r);
}

/* Sentences are cut at a character boundary, never inside a letter. */
static void test_truncation(void **state)
{
    (void)state;
    vn_registry *r = real();
    vn_validity v = on(r, "34/2007/PL-UBTVQH11", "2024-01-01");
    char full[512];
    vn_validity_describe(r, find(r, "34/2007/PL-UBTVQH11"), &v, full, sizeof full);
    for (size_t size = 1; size < strlen(full) + 2; size++) {
        char buf[512];
        memset(buf, 'x', sizeof buf);
        vn_validity_describe(r, find(r, "34/2007/PL-UBTVQH11"), &v, buf, size);
        size_t n = strlen(buf);
        assert_true(n < size);
        assert_memory_equal(buf, full, n);
        if (n < strlen(full))   /* the cut leaves no partial UTF-8 sequence */
            assert_true(((unsigned char)full[n] & 0xC0) != 0x80);
    }
    vn_registry_free(r);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(vn_validity_status_name(VN_VALID_IN_FORCE), "in_force");
    assert_string_equal(vn_validity_status_name(VN_VALID_CEASED), "ceased");
    assert_string_equal(vn_validity_status_name(VN_VALID_UNKNOWN), "unknown");
    assert_string_equal(vn_validity_status_name(VN_VALID_NOT_YET_IN_FORCE), "not_yet_in_force");
    assert_string_equal(vn_outdated_status_name(VN_OUTDATED_POSSIBLY), "possibly_outdated");
    assert_string_equal(vn_outdated_status_name(VN_OUTDATED_NOT), "not_outdated");
    assert_string_equal(vn_outdated_status_name(VN_OUTDATED_NOT_YET_ISSUED), "not_yet_issued");
    assert_string_equal(vn_event_reverse_name(VN_EVENT_AMENDED_BY), "amends");
    assert_string_equal(vn_event_reverse_name(VN_EVENT_SUPERSEDED_BY), "supersedes");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_real_34_2007),
        cmocka_unit_test(test_real_superseded_medium),
        cmocka_unit_test(test_real_labour_codes),
        cmocka_unit_test(test_real_law_10_2022),
        cmocka_unit_test(test_real_unknown),
        cmocka_unit_test(test_real_month_precision),
        cmocka_unit_test(test_real_forward_in_time),
        cmocka_unit_test(test_real_inferred_force),
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_cycles_terminate),
        cmocka_unit_test(test_hand_built_cycle),
        cmocka_unit_test(test_partial_ceasing),
        cmocka_unit_test(test_suspension),
        cmocka_unit_test(test_competing_events),
        cmocka_unit_test(test_many_amendments),
        cmocka_unit_test(test_truncation),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
