/* test_registry.c — the instrument registry: the real corpus/registry, broken
 * fixtures in tests/data/registry-bad/, in-memory loading and alias matching. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/registry.h"
#include "common/symbol.h"

#define MAX_PROBLEMS 64

typedef struct problems {
    size_t count;
    vn_registry_problem items[MAX_PROBLEMS];
} problems;

static void collect(void *ctx, const vn_registry_problem *p)
{
    problems *ps = ctx;
    if (ps->count < MAX_PROBLEMS)
        ps->items[ps->count] = *p;
    ps->count++;
}

/* Asserts that a problem in `file` at `line` mentions `needle`. */
static void expect_problem(const problems *ps, const char *file, int line, const char *needle)
{
    for (size_t i = 0; i < ps->count && i < MAX_PROBLEMS; i++) {
        const vn_registry_problem *p = &ps->items[i];
        if (strcmp(p->file, file) == 0 && p->line == line && strstr(p->message, needle))
            return;
    }
    for (size_t i = 0; i < ps->count && i < MAX_PROBLEMS; i++)
        print_message("  have %s:%d: %s\n", ps->items[i].file, ps->items[i].line,
                      ps->items[i].message);
    fail_msg("no problem \"%s\" at %s:%d", needle, file, line);
}

static vn_registry *load_dir(const char *dir, problems *ps)
{
    vn_registry *r = NULL;
    vn_error err;
    vn_status st = vn_registry_load(dir, &r, collect, ps, &err);
    if (st != VN_OK)
        fail_msg("%s: %s", dir, err.msg);
    return r;
}

static const vn_instrument *instrument(const vn_registry *r, const char *id)
{
    long i = vn_registry_by_id(r, id);
    if (i < 0)
        fail_msg("no instrument %s", id);
    return &r->instruments[i];
}

/* The events of instrument id, of one kind; returns the count, *first the first. */
static size_t events_of(const vn_registry *r, const char *id, vn_event_kind kind,
                        const vn_event **first)
{
    long i = vn_registry_by_id(r, id);
    size_t n = 0;
    *first = NULL;
    for (size_t k = 0; k < r->event_count; k++) {
        if ((long)r->events[k].instrument == i && r->events[k].kind == kind) {
            if (!n)
                *first = &r->events[k];
            n++;
        }
    }
    return n;
}

static const char *alias_target(const vn_registry *r, const char *text, vn_date citing,
                                size_t *matched)
{
    size_t m;
    const vn_alias *a = vn_registry_match_alias(r, text, strlen(text), citing, &m);
    if (matched)
        *matched = m;
    return a ? r->instruments[a->instrument].id : NULL;
}

/* ---- the real registry --------------------------------------------------- */

static void test_real_registry_loads_clean(void **state)
{
    (void)state;
    problems ps = {0};
    vn_registry *r = load_dir(VNCITE_CORPUS "/registry", &ps);
    for (size_t i = 0; i < ps.count && i < MAX_PROBLEMS; i++)
        print_message("%s:%d: %s\n", ps.items[i].file, ps.items[i].line, ps.items[i].message);
    assert_int_equal(ps.count, 0);
    assert_int_equal(vn_registry_check(r, collect, &ps), 0);
    assert_true(r->instrument_count >= 30);
    assert_true(r->event_count >= 10);
    assert_true(r->alias_count >= 10);
    vn_registry_free(r);
}

static void test_real_instruments(void **state)
{
    (void)state;
    problems ps = {0};
    vn_registry *r = load_dir(VNCITE_CORPUS "/registry", &ps);
    char buf[11];

    const vn_instrument *law = instrument(r, "10/2022/QH15");
    assert_string_equal(law->symbol, "10/2022/QH15");
    assert_string_equal(law->type_word, "Luật");
    assert_string_equal(vn_date_range_str(&law->issued, buf), "2022-11-10");
    assert_string_equal(vn_date_range_str(&law->in_force, buf), "2023-07-01");

    /* Yearless symbols carry their issue date in their identity. */
    const vn_instrument *kl = instrument(r, "120-KL/TW@2016-01-07");
    assert_string_equal(kl->symbol, "120-KL/TW");
    assert_int_equal(vn_registry_by_id(r, "120-KL/TW"), -1);
    size_t idx[4];
    assert_int_equal(vn_registry_by_symbol(r, "120-KL/TW", idx, 4), 1);
    assert_ptr_equal(&r->instruments[idx[0]], kl);
    const vn_instrument *ct = instrument(r, "18-CT/TW@2022-10-26");
    assert_string_equal(ct->issuer, "Ban Bí thư");
    /* 11-QĐi/TW is entered in its official form only. */
    instrument(r, "11-QĐi/TW@2019-02-18");
    assert_int_equal(vn_registry_by_symbol(r, "11-QĐ/TW", idx, 4), 0);
    /* Only known as the other instrument of an event; partial issue date. */
    const vn_instrument *kl215 = instrument(r, "215-KL/TW@2025-11");
    assert_int_equal(kl215->issued.precision, VN_DATE_MONTH);
    /* Validity unknown: an instrument row and no event. */
    const vn_event *e;
    assert_int_equal(events_of(r, "217-QĐ/TW@2013-12-12", VN_EVENT_REPLACED_BY, &e), 0);
    assert_int_equal(instrument(r, "99-QĐ/TW@2017-10-03")->confidence, VN_CONF_LOW);
    vn_registry_free(r);
}

static void test_real_events(void **state)
{
    (void)state;
    problems ps = {0};
    vn_registry *r = load_dir(VNCITE_CORPUS "/registry", &ps);
    char buf[11];
    const vn_event *e;

    assert_int_equal(events_of(r, "34/2007/PL-UBTVQH11", VN_EVENT_REPLACED_BY, &e), 1);
    assert_string_equal(vn_date_range_str(&e->date, buf), "2023-07-01");
    assert_string_equal(r->instruments[e->other].id, "10/2022/QH15");
    assert_int_equal(e->confidence, VN_CONF_HIGH);
    assert_non_null(strstr(e->source, "Điều 91 khoản 2"));

    /* The weaker evidence stays visible. */
    assert_int_equal(events_of(r, "04/2015/NĐ-CP", VN_EVENT_SUPERSEDED_BY, &e), 1);
    assert_int_equal(e->confidence, VN_CONF_MEDIUM);
    assert_string_equal(r->instruments[e->other].id, "10/2022/QH15");
    assert_non_null(strstr(e->source, "baochinhphu.vn"));

    assert_int_equal(events_of(r, "10/2012/QH13", VN_EVENT_REPLACED_BY, &e), 1);
    assert_string_equal(vn_date_range_str(&e->date, buf), "2021-01-01");
    assert_string_equal(r->instruments[e->other].id, "45/2019/QH14");

    /* Partial event date: 11/2025. */
    assert_int_equal(events_of(r, "11-QĐi/TW@2019-02-18", VN_EVENT_AMENDED_BY, &e), 1);
    assert_int_equal(e->date.precision, VN_DATE_MONTH);
    assert_string_equal(vn_date_range_str(&e->date, buf), "2025-11");
    assert_string_equal(r->instruments[e->other].id, "215-KL/TW@2025-11");

    /* 10/2022/QH15: amended twice, one amendment without a verified date. */
    assert_int_equal(events_of(r, "10/2022/QH15", VN_EVENT_AMENDED_BY, &e), 2);

    /* "none known": no event at all. */
    for (size_t k = 0; k < r->event_count; k++)
        assert_string_not_equal(r->instruments[r->events[k].instrument].id, "59/2023/NĐ-CP");

    /* Every event carries a source. */
    for (size_t k = 0; k < r->event_count; k++)
        assert_true(r->events[k].source[0] != '\0');
    vn_registry_free(r);
}

static void test_real_aliases_by_date(void **state)
{
    (void)state;
    problems ps = {0};
    vn_registry *r = load_dir(VNCITE_CORPUS "/registry", &ps);
    const vn_date unknown = {0, 0, 0};
    size_t m;

    assert_string_equal(alias_target(r, "Bộ luật Lao động", (vn_date){2020, 12, 31}, &m),
                        "10/2012/QH13");
    assert_int_equal(m, strlen("Bộ luật Lao động"));
    assert_string_equal(alias_target(r, "Bộ luật Lao động", (vn_date){2021, 1, 1}, NULL),
                        "45/2019/QH14");
    assert_string_equal(alias_target(r, "Bộ luật lao động năm", (vn_date){2024, 3, 1}, &m),
                        "45/2019/QH14");
    assert_int_equal(m, strlen("Bộ luật lao động"));
    /* Without the citing date the name is ambiguous. */
    assert_null(alias_target(r, "Bộ luật Lao động", unknown, NULL));

    assert_string_equal(alias_target(r, "Luật Tố cáo", (vn_date){2018, 12, 31}, NULL),
                        "03/2011/QH13");
    assert_string_equal(alias_target(r, "Luật Tố cáo", (vn_date){2019, 1, 1}, NULL),
                        "25/2018/QH14");

    /* Undated aliases apply whatever the date. */
    assert_string_equal(alias_target(r, "Luật Tiếp công dân", unknown, NULL), "42/2013/QH13");
    assert_string_equal(alias_target(r, "Luật thực hiện dân chủ cơ sở", unknown, NULL),
                        "10/2022/QH15");
    vn_registry_free(r);
}

static void test_alias_matching(void **state)
{
    (void)state;
    problems ps = {0};
    vn_registry *r = load_dir(VNCITE_CORPUS "/registry", &ps);
    const vn_date d = {2024, 3, 25};
    size_t m;

    /* Longest name wins. */
    const char *t = "Luật Thực hiện dân chủ ở cơ sở năm 2022 và các văn bản";
    assert_string_equal(alias_target(r, t, d, &m), "10/2022/QH15");
    assert_int_equal(m, strlen("Luật Thực hiện dân chủ ở cơ sở năm 2022"));
    t = "Luật Thực hiện dân chủ ở cơ sở; Nghị định";
    assert_string_equal(alias_target(r, t, d, &m), "10/2022/QH15");
    assert_int_equal(m, strlen("Luật Thực hiện dân chủ ở cơ sở"));

    /* Case-insensitive. */
    t = "LUẬT THỰC HIỆN DÂN CHỦ Ở CƠ SỞ";
    assert_string_equal(alias_target(r, t, d, &m), "10/2022/QH15");
    assert_int_equal(m, strlen(t));

    /* Decomposed text folds to fewer bytes than it has: the match length
     * is counted in the original bytes.  ậ = a U+0323 U+0302, ộ = o U+0323
     * U+0302, đ stays, ơ = o U+031B. */
    t = "Bo\xCC\xA3\xCC\x82 lua\xCC\xA3\xCC\x82t Lao \xC4\x91o\xCC\xA3\xCC\x82ng, Điều 63";
    assert_string_equal(alias_target(r, t, d, &m), "45/2019/QH14");
    assert_int_equal(m, strlen("Bo\xCC\xA3\xCC\x82 lua\xCC\xA3\xCC\x82t Lao \xC4\x91o\xCC\xA3\xCC\x82ng"));

    /* A word boundary must follow. */
    assert_null(alias_target(r, "Luật Tiếp công dânx", d, NULL));
    assert_null(alias_target(r, "Luật Tiếp công dân2", d, NULL));
    assert_null(alias_target(r, "Luật Tiếp công dâ", d, NULL));
    /* A combining mark after the last letter belongs to that letter. */
    assert_null(alias_target(r, "Luật Tố cáo\xCC\x81", d, NULL));    /* composes: cáó */
    assert_null(alias_target(r, "Luật Tố cáo\xCC\xB8", d, NULL));    /* stays apart */
    assert_string_equal(alias_target(r, "Luật Tiếp công da\xCC\x82n", d, &m), "42/2013/QH13");
    assert_int_equal(m, strlen("Luật Tiếp công da\xCC\x82n"));
    assert_string_equal(alias_target(r, "Luật Tiếp công dân.", d, &m), "42/2013/QH13");
    assert_int_equal(m, strlen("Luật Tiếp công dân"));

    /* "Luật Khiếu nại, tố cáo" names two laws; the alias takes the first. */
    assert_string_equal(alias_target(r, "Luật Khiếu nại, tố cáo", d, &m), "02/2011/QH13");
    assert_int_equal(m, strlen("Luật Khiếu nại"));

    /* Not a name: an instrument that starts with an alias is not that alias. */
    assert_null(alias_target(r, "Luật Tố cáo2018", d, NULL));
    assert_null(alias_target(r, "Luật Tổ chức chính quyền địa phương", d, NULL));
    assert_null(alias_target(r, "", d, NULL));
    assert_null(vn_registry_match_alias(r, "Luật Tiếp công dân", 5, d, &m));
    assert_int_equal(m, 0);
    /* Invalid UTF-8 stops the window, never the program. */
    assert_null(alias_target(r, "Lu\xFF\xFEt", d, NULL));
    vn_registry_free(r);
}

/* ---- broken fixtures ------------------------------------------------------ */

static void test_bad_registry(void **state)
{
    (void)state;
    problems ps = {0};
    vn_registry *r = load_dir(VNCITE_TEST_DATA "/registry-bad/main", &ps);
    size_t load_count = ps.count;
    assert_int_equal(r->load_problems, load_count);

    /* instruments.csv has a BOM and CRLF; line 3 holds a quoted cell that
     * runs over two lines, so every later row sits one line further down. */
    const vn_instrument *law = instrument(r, "10/2022/QH15");
    assert_int_equal(law->line, 3);
    assert_string_equal(law->title, "tiêu đề\r\nhai dòng");
    assert_string_equal(law->note, "ghi chú \"trích dẫn\"");
    assert_string_equal(instrument(r, "59/2023/NĐ-CP")->title, "quy định chi tiết, có dấu phẩy");
    assert_int_equal(instrument(r, "59/2023/NĐ-CP")->line, 2);
    expect_problem(&ps, "instruments.csv", 5, "is not a date");
    assert_int_equal(vn_registry_by_id(r, "34/2007/PL-UBTVQH11"), -1);
    expect_problem(&ps, "instruments.csv", 9, "not in canonical form");
    assert_int_equal(instrument(r, "61/2023/NĐ-CP")->line, 9);
    expect_problem(&ps, "instruments.csv", 10, "has no year");
    expect_problem(&ps, "instruments.csv", 11, "malformed quoting");
    /* Parsing resumes after the malformed row. */
    assert_int_equal(instrument(r, "45/2019/QH14")->line, 12);
    assert_int_equal(instrument(r, "10/2012/QH13")->line, 13);
    expect_problem(&ps, "instruments.csv", 15, "confidence \"maybe\"");
    assert_int_equal(instrument(r, "22/2018/QĐ-TTg")->confidence, VN_CONF_LOW);
    expect_problem(&ps, "instruments.csv", 16, "10 cells");

    expect_problem(&ps, "events.csv", 2, "\"99/2099/NĐ-CP\" is not in instruments.csv");
    expect_problem(&ps, "events.csv", 5, "names several instruments");
    expect_problem(&ps, "events.csv", 6, "\"32/01/2022\" is not a date");
    expect_problem(&ps, "events.csv", 7, "event \"abolished\"");
    expect_problem(&ps, "events.csv", 9, "source is empty");
    expect_problem(&ps, "events.csv", 12, "needs a date");
    expect_problem(&ps, "aliases.csv", 4, "\"104/2015/QH13\" is not in instruments.csv");
    expect_problem(&ps, "aliases.csv", 7, "never applies");
    assert_int_equal(load_count, 14);

    /* A vbpl.vn word, "H", and an identity written with a d/m/y date. */
    const vn_event *e;
    assert_int_equal(events_of(r, "120-KL/TW@2016-01-07", VN_EVENT_EXPIRED, &e), 1);
    assert_int_equal(e->line, 11);
    assert_int_equal(e->confidence, VN_CONF_HIGH);

    problems found = {0};
    size_t n = vn_registry_check(r, collect, &found);
    assert_int_equal(n, found.count + load_count);
    expect_problem(&found, "instruments.csv", 7, "duplicate instrument 120-KL/TW@2016-01-07");
    expect_problem(&found, "instruments.csv", 17, "carries the year 2018");
    expect_problem(&found, "instruments.csv", 18, "before it is issued");
    expect_problem(&found, "events.csv", 8, "77/2099/QH99 is not in instruments.csv");
    expect_problem(&found, "events.csv", 10, "before its issue");
    expect_problem(&found, "events.csv", 4,
                   "replacement cycle: 59/2023/NĐ-CP -> 10/2022/QH15 -> 59/2023/NĐ-CP");
    expect_problem(&found, "aliases.csv", 3, "Bộ luật Lao động");
    expect_problem(&found, "aliases.csv", 6, "luật thực hiện dân chủ ở cơ sở");
    assert_int_equal(found.count, 8);

    /* The clashing names still resolve by date where they do not overlap. */
    assert_string_equal(alias_target(r, "Bộ luật Lao động", (vn_date){2019, 6, 1}, NULL),
                        "10/2012/QH13");
    assert_string_equal(alias_target(r, "Bộ luật Lao động", (vn_date){2021, 6, 1}, NULL),
                        "45/2019/QH14");
    vn_registry_free(r);
}

static void test_unterminated_quote(void **state)
{
    (void)state;
    problems ps = {0};
    vn_registry *r = load_dir(VNCITE_TEST_DATA "/registry-bad/unterminated", &ps);
    expect_problem(&ps, "instruments.csv", 3, "never closed");
    assert_int_equal(ps.count, 1);
    /* The row after the broken one is read again as a row of its own. */
    assert_int_equal(r->instrument_count, 2);
    assert_int_equal(instrument(r, "104/2016/QH13")->line, 4);
    assert_int_equal(vn_registry_by_id(r, "10/2022/QH15"), -1);
    /* No events.csv/aliases.csv: allowed. */
    assert_int_equal(r->event_count, 0);
    assert_int_equal(r->alias_count, 0);
    vn_registry_free(r);
}

/* ---- in-memory loading and errors ---------------------------------------- */

static vn_registry *load_strings(const char *ins, const char *evs, const char *als,
                                 problems *ps)
{
    vn_registry *r = NULL;
    vn_error err;
    vn_status st = vn_registry_load_from_strings(ins, strlen(ins), evs, evs ? strlen(evs) : 0,
                                                 als, als ? strlen(als) : 0, &r, collect, ps,
                                                 &err);
    if (st != VN_OK)
        fail_msg("load: %s", err.msg);
    return r;
}

static void test_strings_header(void **state)
{
    (void)state;
    problems ps = {0};
    /* Columns in another order, an unknown column, CR-only line ends. */
    vn_registry *r = load_strings(
        "Note,Symbol,Issued,Colour,Confidence\r"
        "a note,26/CT-TTg,05/09/2016,red,medium\r"
        "\r"
        ",59/2023/NĐ-CP,14/8/2023,,high\r",
        NULL, NULL, &ps);
    /* Missing optional columns read as empty, silently. */
    expect_problem(&ps, "instruments.csv", 1, "unknown column \"Colour\"");
    assert_int_equal(ps.count, 1);
    assert_int_equal(r->instrument_count, 2);
    assert_string_equal(instrument(r, "26/CT-TTg@2016-09-05")->note, "a note");
    assert_int_equal(instrument(r, "59/2023/NĐ-CP")->line, 4);
    assert_string_equal(r->dir, "");
    vn_registry_free(r);

    /* Without the symbol column nothing can be read. */
    ps.count = 0;
    r = load_strings("number,issued\n59/2023/NĐ-CP,14/8/2023\n", NULL, NULL, &ps);
    expect_problem(&ps, "instruments.csv", 1, "no column \"symbol\"");
    assert_int_equal(r->instrument_count, 0);
    vn_registry_free(r);

    /* Excel in a Vietnamese locale separates with ';'. */
    ps.count = 0;
    r = load_strings("\xEF\xBB\xBFsymbol;issued;title;confidence\r\n"
                     "26/CT-TTg;05/09/2016;\"kỷ luật; kỷ cương, hành chính\";high\r\n",
                     NULL, NULL, &ps);
    assert_int_equal(r->instrument_count, 1);
    assert_string_equal(instrument(r, "26/CT-TTg@2016-09-05")->title,
                        "kỷ luật; kỷ cương, hành chính");
    vn_registry_free(r);

    /* Cell text quoted in a message is cut at a character boundary. */
    ps.count = 0;
    r = load_strings("symbol,issued\n"
                     "59/2023/NĐ-CP,ngày mười bốn tháng tám năm hai nghìn không trăm hai mươi ba\n",
                     NULL, NULL, &ps);
    expect_problem(&ps, "instruments.csv", 2, "\"ngày mười bốn tháng tám năm hai nghìn");
    expect_problem(&ps, "instruments.csv", 2, "…\" is not a date");
    vn_registry_free(r);

    ps.count = 0;
    r = load_strings("", "", NULL, &ps);
    expect_problem(&ps, "instruments.csv", 1, "empty");
    assert_int_equal(r->instrument_count, 0);
    vn_registry_free(r);
}

static void test_strings_rows(void **state)
{
    (void)state;
    problems ps = {0};
    vn_registry *r = load_strings(
        "symbol,issued,confidence\n"
        "59/2023/NĐ-CP,14/08/2023,high\n"
        "61/2023/NĐ-CP,16/08/2023,\xE1\xBA\n"          /* truncated UTF-8 */
        ",,\n"                                         /* empty row: silent */
        "not a symbol,14/08/2023,high\n"
        ",14/08/2023,high\n"
        "26/CT-TTg,9/2016,low\n",                      /* partial date identity */
        "instrument,date,event,other,source,confidence\n"
        "59/2023/nd-cp,2024,in force,,s,m\n"
        "59/2023/NĐ-CP,01/01/2025,replaced_by,,s,m\n"
        "59/2023/NĐ-CP,01/01/2025,Replaced-By,26/CT-TTg,s,low\n"
        "59/2023/NĐ-CP@2023-08-14,,partly_repealed,,s,l\n",
        "name,instrument,cited_from\n"
        "Luật X,59/2023/NĐ-CP,2020\n"
        "Luật Y,26/CT-TTg@2016-09,\n", &ps);
    expect_problem(&ps, "instruments.csv", 3, "not valid UTF-8");
    expect_problem(&ps, "instruments.csv", 5, "not an instrument symbol");
    expect_problem(&ps, "instruments.csv", 6, "symbol is empty");
    assert_int_equal(r->instrument_count, 2);
    instrument(r, "26/CT-TTg@2016-09");

    expect_problem(&ps, "events.csv", 3, "needs the replacing instrument");
    assert_int_equal(r->event_count, 3);
    assert_int_equal(r->events[0].kind, VN_EVENT_IN_FORCE);
    assert_int_equal(r->events[0].date.precision, VN_DATE_YEAR);
    assert_int_equal(r->events[0].confidence, VN_CONF_MEDIUM);
    assert_int_equal(r->events[1].kind, VN_EVENT_REPLACED_BY);
    assert_string_equal(r->instruments[r->events[1].other].id, "26/CT-TTg@2016-09");
    assert_int_equal(r->events[2].kind, VN_EVENT_PARTLY_REPEALED);
    assert_int_equal(r->events[2].date.precision, VN_DATE_NONE);

    assert_int_equal(r->alias_count, 2);
    assert_int_equal(r->aliases[0].cited_from.year, 2020);
    assert_int_equal(r->aliases[0].cited_from.month, 1);
    assert_string_equal(r->aliases[0].folded, "luật x");
    vn_registry_free(r);
}

static void test_not_csv(void **state)
{
    (void)state;
    vn_registry *r = (vn_registry *)1;
    vn_error err;
    static const char xlsx[] = "PK\x03\x04\x14\x00\x06\x00";
    assert_int_equal(vn_registry_load_from_strings(xlsx, sizeof xlsx - 1, NULL, 0, NULL, 0, &r,
                                                   NULL, NULL, &err),
                     VN_ERR_BINARY);
    assert_null(r);
    assert_non_null(strstr(err.msg, "Text CSV"));
    static const char utf16[] = "\xFF\xFEs\x00y\x00";
    assert_int_equal(vn_registry_load_from_strings("symbol\n", 7, utf16, sizeof utf16 - 1, NULL,
                                                   0, &r, NULL, NULL, &err),
                     VN_ERR_ENCODING);
    assert_non_null(strstr(err.msg, "events.csv"));
    assert_int_equal(vn_registry_load("/nonexistent/registry", &r, NULL, NULL, &err), VN_ERR_IO);
    assert_non_null(strstr(err.msg, "/nonexistent/registry"));
    assert_int_equal(vn_registry_load(VNCITE_TEST_DATA, &r, NULL, NULL, &err), VN_ERR_IO);
    assert_non_null(strstr(err.msg, "instruments.csv"));
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(vn_event_kind_name(VN_EVENT_REPLACED_BY), "replaced_by");
    assert_string_equal(vn_event_kind_name(VN_EVENT_SUPERSEDED_BY), "superseded_by");
    assert_string_equal(vn_event_kind_name(VN_EVENT_PARTLY_REPEALED), "partly_repealed");
    assert_string_equal(vn_event_kind_name(VN_EVENT_IN_FORCE), "in_force");
    assert_string_equal(vn_confidence_name(VN_CONF_HIGH), "high");
    assert_string_equal(vn_confidence_name(VN_CONF_MEDIUM), "medium");
    assert_string_equal(vn_confidence_name(VN_CONF_LOW), "low");
    vn_registry_free(NULL);
}

/* The events of each instrument, walked through the index, are exactly the
 * rows a scan of events.csv finds for it, in file order; the same for the
 * events naming it.  With the index dropped, the scan gives them too. */
static void expect_event_walks(const vn_registry *r)
{
    for (size_t i = 0; i < r->instrument_count; i++) {
        size_t cur = 0, k, expected = 0;
        for (size_t e = 0; e < r->event_count; e++) {
            if (r->events[e].instrument != i)
                continue;
            assert_true(vn_registry_event_next(r, i, &cur, &k));
            assert_int_equal(k, e);
            expected++;
        }
        assert_false(vn_registry_event_next(r, i, &cur, &k));
        assert_int_equal(cur, r->about.order ? expected : r->event_count);
        cur = 0;
        for (size_t e = 0; e < r->event_count; e++) {
            if (r->events[e].other != (long)i)
                continue;
            assert_true(vn_registry_event_naming_next(r, i, &cur, &k));
            assert_int_equal(k, e);
        }
        assert_false(vn_registry_event_naming_next(r, i, &cur, &k));
    }
}

static void test_events_by_instrument(void **state)
{
    (void)state;
    problems ps = {0};
    vn_registry *r = load_dir(VNCITE_CORPUS "/registry", &ps);
    assert_non_null(r->about.order);
    size_t naming = 0;
    for (size_t e = 0; e < r->event_count; e++)
        naming += r->events[e].other >= 0;
    assert_true(naming > 0);
    expect_event_walks(r);
    vn_event_index about = r->about, by_other = r->naming;
    r->about = r->naming = (vn_event_index){0};
    expect_event_walks(r);
    r->about = about;
    r->naming = by_other;
    vn_registry_free(r);
}

/* The instruments of a number, walked through the index, are those a scan
 * finds, in registry order; without the index the scan gives them too. */
static void expect_number_walks(const vn_registry *r)
{
    for (size_t j = 0; j < r->instrument_count; j++) {
        char number[16];
        vn_symbol_number_prefix(r->instruments[j].symbol, number, sizeof number);
        size_t cur = 0, i, found = 0;
        for (size_t e = 0; e < r->instrument_count; e++) {
            char n[16];
            vn_symbol_number_prefix(r->instruments[e].symbol, n, sizeof n);
            if (strcmp(n, number) != 0)
                continue;
            assert_true(vn_registry_number_next(r, number, &cur, &i));
            assert_int_equal(i, e);
            found++;
        }
        assert_true(found >= 1);
        assert_false(vn_registry_number_next(r, number, &cur, &i));
    }
    size_t cur = 0, i;
    assert_false(vn_registry_number_next(r, "99999", &cur, &i));
}

static void test_instruments_by_number(void **state)
{
    (void)state;
    problems ps = {0};
    vn_registry *r = load_dir(VNCITE_CORPUS "/registry", &ps);
    assert_non_null(r->number_order);
    expect_number_walks(r);
    size_t *order = r->number_order;
    r->number_order = NULL;
    expect_number_walks(r);
    r->number_order = order;
    vn_registry_free(r);
}

/* A registry assembled by hand (no sorted indexes) still answers. */
static void test_hand_built(void **state)
{
    (void)state;
    vn_instrument ins[2] = {
        {.symbol = "26/CT-TTg", .id = "26/CT-TTg@2016-09-05"},
        {.symbol = "59/2023/NĐ-CP", .id = "59/2023/NĐ-CP"},
    };
    vn_registry r = {.instruments = ins, .instrument_count = 2};
    size_t idx[2];
    assert_int_equal(vn_registry_by_id(&r, "59/2023/NĐ-CP"), 1);
    assert_int_equal(vn_registry_by_id(&r, "26/CT-TTg"), -1);
    assert_int_equal(vn_registry_by_symbol(&r, "26/CT-TTg", idx, 2), 1);
    assert_int_equal(idx[0], 0);
    assert_int_equal(vn_registry_check(&r, NULL, NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_real_registry_loads_clean),
        cmocka_unit_test(test_real_instruments),
        cmocka_unit_test(test_real_events),
        cmocka_unit_test(test_real_aliases_by_date),
        cmocka_unit_test(test_alias_matching),
        cmocka_unit_test(test_bad_registry),
        cmocka_unit_test(test_unterminated_quote),
        cmocka_unit_test(test_strings_header),
        cmocka_unit_test(test_strings_rows),
        cmocka_unit_test(test_not_csv),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_hand_built),
        cmocka_unit_test(test_events_by_instrument),
        cmocka_unit_test(test_instruments_by_number),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
