/* test_lint.c — every lint rule on small corpora built by hand: documents
 * with their text in memory, citation records placed on that text, and a
 * registry from CSV strings.  Each rule is tested where it must speak and
 * where it must stay quiet. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/symbol.h"
#include "query/lint.h"

/* ---- building a corpus ----------------------------------------------------------- */

typedef struct tcite {
    const char *written;     /* found in the text (after the previous citation) */
    const char *symbol;
    const char *date;        /* ISO, partial allowed, NULL: undated */
    const char *instrument;  /* resolved identity, NULL: unresolved */
    const char *corrected;
    bool shared;
} tcite;

#define MAX_CITES 8

typedef struct tdoc {
    const char *file;
    const char *date;        /* the document's own date (ISO, partial), NULL: undated */
    const char *text;        /* NULL: the file cannot be read */
    tcite cites[MAX_CITES];
} tdoc;

typedef struct tcorpus {
    const tdoc *docs;
    size_t count;
} tcorpus;

static vn_date_range iso(const char *s)
{
    vn_date_range r;
    memset(&r, 0, sizeof r);
    if (s && !vn_date_parse_iso(s, &r))
        fail_msg("bad test date %s", s);
    return r;
}

/* 1-based line and column (characters) of byte offset at in text. */
static void line_col(const char *text, size_t at, size_t *line, size_t *col)
{
    *line = 1;
    size_t start = 0;
    for (size_t i = 0; i < at; i++)
        if (text[i] == '\n') {
            (*line)++;
            start = i + 1;
        }
    *col = 1;
    for (size_t i = start; i < at; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            (*col)++;
}

static void build(const tdoc *docs, size_t n, const vn_registry *reg, vn_corpus *c)
{
    memset(c, 0, sizeof *c);
    c->registry = reg;
    c->owner = json_array();
    c->docs = calloc(n, sizeof *c->docs);
    c->doc_count = n;
    assert_non_null(c->docs);
    for (size_t d = 0; d < n; d++) {
        vn_corpus_doc *doc = &c->docs[d];
        doc->strings = strdup(docs[d].file);   /* freed with the corpus */
        doc->file = doc->strings;
        doc->meta.date = iso(docs[d].date);
        doc->cites = calloc(MAX_CITES, sizeof *doc->cites);
        size_t from = 0;
        for (size_t k = 0; k < MAX_CITES && docs[d].cites[k].written; k++) {
            const tcite *t = &docs[d].cites[k];
            const char *text = docs[d].text ? docs[d].text : t->written;
            const char *at = strstr(text + from, t->written);
            if (!at)
                fail_msg("'%s' not in the text of %s", t->written, docs[d].file);
            size_t start = (size_t)(at - text), end = start + strlen(t->written), line, col;
            from = end;
            line_col(text, start, &line, &col);
            vn_corpus_cite *ci = &doc->cites[k];
            ci->line = (long)line;
            ci->column = (long)col;
            ci->start = (long)start;
            ci->end = (long)end;
            ci->text = t->written;
            ci->c.kind = t->symbol[0] ? VN_CITE_NUMBERED : VN_CITE_SHORT;
            if (!t->symbol[0])   /* "Kết luận số 120", "Nghị định số 15/2020": the number */
                sscanf(strstr(t->written, "số ") + strlen("số "), "%15[0-9]", ci->c.number);
            ci->c.symbol = t->symbol;
            vn_symbol sym;
            ci->c.has_year = vn_symbol_parse_loose(t->symbol, strlen(t->symbol), NULL, &sym) &&
                             vn_symbol_has_year(&sym);
            ci->c.date = iso(t->date);
            ci->c.date_shared = t->shared;
            ci->c.instrument = t->instrument ? strdup(t->instrument) : NULL;
            ci->c.corrected = t->corrected ? strdup(t->corrected) : NULL;
            doc->cite_count = k + 1;
        }
    }
}

static vn_status text_of(void *ctx, const char *file, vn_doctext *out, vn_error *err)
{
    const tcorpus *tc = ctx;
    for (size_t d = 0; d < tc->count; d++)
        if (strcmp(tc->docs[d].file, file) == 0 && tc->docs[d].text)
            return vn_doctext_from_bytes(file, (const unsigned char *)tc->docs[d].text,
                                         strlen(tc->docs[d].text), out, err);
    return vn_error_set(err, VN_ERR_IO, "%s: No such file or directory", file);
}

static const char instruments_head[] =
    "symbol,issued,type,issuer,title,in_force,source,confidence,note\n";

static vn_registry *registry(const char *rows)
{
    char csv[4096];
    snprintf(csv, sizeof csv, "%s%s", instruments_head, rows);
    vn_registry *r = NULL;
    vn_error err;
    if (vn_registry_load_from_strings(csv, strlen(csv), NULL, 0, NULL, 0, &r, NULL, NULL, &err) !=
        VN_OK)
        fail_msg("%s", err.msg);
    return r;
}

/* Findings handed over document by document: each must equal the next one
 * the collecting run kept, and come in order. */
typedef struct handed {
    const vn_lint_result *kept;
    size_t next, calls;
    const char *last_file;
} handed;

static vn_status check_handed(void *ctx, const vn_lint_finding *f, size_t count, vn_error *err)
{
    (void)err;
    handed *h = ctx;
    assert_true(count > 0);
    h->calls++;
    for (size_t i = 0; i < count; i++) {
        assert_true(h->next < h->kept->count);
        const vn_lint_finding *want = &h->kept->findings[h->next++];
        assert_string_equal(f[i].file, want->file);
        assert_string_equal(f[i].file, f[0].file);   /* one document a call */
        assert_int_equal(f[i].line, want->line);
        assert_int_equal(f[i].column, want->column);
        assert_int_equal(f[i].rule, want->rule);
        assert_int_equal(f[i].severity, want->severity);
        assert_string_equal(f[i].text, want->text);
        assert_string_equal(f[i].message, want->message);
        assert_string_equal(f[i].suggestion, want->suggestion);
    }
    assert_true(!h->last_file || strcmp(h->last_file, f[0].file) < 0);
    h->last_file = f[0].file;
    return VN_OK;
}

static vn_status refuse_handed(void *ctx, const vn_lint_finding *f, size_t count, vn_error *err)
{
    (void)f;
    (void)count;
    ++*(size_t *)ctx;
    return vn_error_set(err, VN_ERR_IO, "cannot write the findings");
}

/* The same run with a findings callback: the same findings, a document at
 * a time, and nothing kept; a callback's error stops the run. */
static void check_handed_over(const vn_corpus *c, const vn_lint_options *o,
                              const vn_lint_result *kept)
{
    handed h = {kept, 0, 0, NULL};
    vn_lint_options streamed = *o;
    streamed.findings = check_handed;
    streamed.findings_ctx = &h;
    vn_lint_result r;
    vn_error err;
    assert_int_equal(vn_lint_run(c, &streamed, &r, &err), VN_OK);
    assert_int_equal(h.next, kept->count);
    assert_int_equal(r.count, 0);
    assert_int_equal(r.note_count, kept->note_count);
    vn_lint_result_free(&r);
    if (kept->count == 0)
        return;
    size_t calls = 0;
    streamed.findings = refuse_handed;
    streamed.findings_ctx = &calls;
    assert_int_equal(vn_lint_run(c, &streamed, &r, &err), VN_ERR_IO);
    assert_string_equal(err.msg, "cannot write the findings");
    assert_int_equal(calls, 1);
    assert_int_equal(r.count, 0);
}

/* Runs lint over docs (all documents, every rule but those in skip). */
static void run(const tdoc *docs, size_t n, const vn_registry *reg, long only, unsigned skip,
                vn_lint_result *out)
{
    vn_corpus c;
    build(docs, n, reg, &c);
    tcorpus tc = {docs, n};
    vn_lint_options o = {only, skip, text_of, &tc, NULL, NULL, NULL};
    vn_error err;
    if (vn_lint_run(&c, &o, out, &err) != VN_OK)
        fail_msg("%s", err.msg);
    check_handed_over(&c, &o, out);
    for (size_t i = 0; i < out->count; i++)
        print_message("  %s:%zu:%zu %s [%s] \"%s\" %s\n", out->findings[i].file,
                      out->findings[i].line, out->findings[i].column, out->findings[i].message,
                      vn_lint_rule_name(out->findings[i].rule), out->findings[i].text,
                      out->findings[i].suggestion);
    /* findings borrow their file name from the corpus, freed here: point
     * them at the test's own strings */
    for (size_t i = 0; i < out->count; i++)
        for (size_t d = 0; d < n; d++)
            if (strcmp(out->findings[i].file, docs[d].file) == 0) {
                out->findings[i].file = docs[d].file;
                break;
            }
    vn_corpus_free(&c);
}

static const vn_lint_finding *only_finding(const vn_lint_result *r, vn_lint_rule rule)
{
    const vn_lint_finding *f = NULL;
    for (size_t i = 0; i < r->count; i++)
        if (r->findings[i].rule == rule) {
            if (f)
                fail_msg("more than one %s finding", vn_lint_rule_name(rule));
            f = &r->findings[i];
        }
    if (!f)
        fail_msg("no %s finding", vn_lint_rule_name(rule));
    return f;
}

static void expect_text(const char *text, const char *needle)
{
    if (!strstr(text, needle))
        fail_msg("\"%s\" not in \"%s\"", needle, text);
}

#define ALL_BUT(rule) (((1u << VN_LINT_RULE_COUNT) - 1) & ~(1u << (rule)))

/* ---- matches-other-instrument --------------------------------------------------------- */

static const char dan_van_30[] =
    "Tuyên truyền Chỉ thị số 30/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục "
    "tăng cường và đổi mới công tác dân vận của các cơ quan Nhà nước, chính quyền các cấp trong "
    "tình hình mới; Quyết định số 99-QĐ/TW.\n";
static const char dan_van_33[] =
    "Triển khai Chỉ thị số 33/CT-TTg, ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng "
    "cường và đổi mới công tác dân vận của cơ quan hành chính Nhà nước, chính quyền các cấp "
    "trong tình hình mới.\n";

/* The registry has 33/CT-TTg of that day; another plan cites it with the same subject. */
static void test_date_of_registry_instrument_with_subject(void **state)
{
    (void)state;
    vn_registry *reg = registry("33/CT-TTg,26/11/2021,Chỉ thị,Thủ tướng Chính phủ,,,s,low,\n");
    tdoc docs[] = {
        {"a.txt", "2024-03-25", dan_van_30,
         {{"Chỉ thị số 30/CT-TTg", "30/CT-TTg", "2021-11-26", "30/CT-TTg@2021-11-26", NULL, false},
          {"Quyết định số 99-QĐ/TW", "99-QĐ/TW", NULL, NULL, NULL, false}}},
        {"b.txt", "2023", dan_van_33,
         {{"Chỉ thị số 33/CT-TTg", "33/CT-TTg", "2021-11-26", "33/CT-TTg@2021-11-26", NULL, false}}},
    };
    vn_lint_result r;
    run(docs, 2, reg, -1, ALL_BUT(VN_LINT_MATCHES_OTHER), &r);
    const vn_lint_finding *f = only_finding(&r, VN_LINT_MATCHES_OTHER);
    assert_string_equal(f->file, "a.txt");
    assert_int_equal(f->severity, VN_LINT_WARNING);
    assert_int_equal(f->line, 1);
    assert_int_equal(f->column, 14);
    assert_string_equal(f->text, "Chỉ thị số 30/CT-TTg");
    expect_text(f->message, "the date of 33/CT-TTg");
    expect_text(f->message, "b.txt:1");
    expect_text(f->suggestion, "did you mean 33/CT-TTg?");
    vn_lint_result_free(&r);
    vn_registry_free(reg);
}

/* Only the date agrees and nothing says what the subject is: info. */
static void test_date_of_registry_instrument_only(void **state)
{
    (void)state;
    vn_registry *reg = registry("33/CT-TTg,26/11/2021,Chỉ thị,Thủ tướng Chính phủ,,,s,low,\n");
    tdoc docs[] = {{"a.txt", "2024-03-25", "Theo Chỉ thị số 30/CT-TTg ngày 26/11/2021.\n",
                    {{"Chỉ thị số 30/CT-TTg", "30/CT-TTg", "2021-11-26", NULL, NULL, false}}}};
    vn_lint_result r;
    run(docs, 1, reg, -1, 0, &r);
    assert_int_equal(only_finding(&r, VN_LINT_MATCHES_OTHER)->severity, VN_LINT_INFO);
    vn_lint_result_free(&r);
    vn_registry_free(reg);
}

/* Siblings of one day with different subjects (217/218-QĐ/TW), a symbol the
 * registry knows on its date, and a shared date: all quiet. */
static void test_same_day_siblings_are_quiet(void **state)
{
    (void)state;
    vn_registry *reg = registry(
        "217-QĐ/TW,12/12/2013,Quyết định,Bộ Chính trị,Quy chế giám sát và phản biện xã hội của "
        "Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị - xã hội,,s,high,\n"
        "33/CT-TTg,26/11/2021,Chỉ thị,Thủ tướng Chính phủ,,,s,low,\n");
    tdoc docs[] = {
        {"a.txt", "2024-01-10",
         "Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị về Quy định về việc Mặt trận "
         "Tổ quốc, các đoàn thể chính trị - xã hội và nhân dân tham gia góp ý xây dựng Đảng; "
         "Chỉ thị số 33/CT-TTg ngày 26/11/2021; Chỉ thị số 31/CT-TTg, Chỉ thị số 32/CT-TTg "
         "ngày 26/11/2021.\n",
         {{"Quyết định số 218-QĐ/TW", "218-QĐ/TW", "2013-12-12", NULL, NULL, false},
          {"Chỉ thị số 33/CT-TTg", "33/CT-TTg", "2021-11-26", "33/CT-TTg@2021-11-26", NULL, false},
          {"Chỉ thị số 31/CT-TTg", "31/CT-TTg", "2021-11-26", NULL, NULL, true},
          {"Chỉ thị số 32/CT-TTg", "32/CT-TTg", "2021-11-26", NULL, NULL, false}}},
    };
    vn_lint_result r;
    run(docs, 1, reg, -1, ALL_BUT(VN_LINT_MATCHES_OTHER), &r);
    /* 32/CT-TTg has no subject: only the date agrees, so it is info, not a warning */
    assert_int_equal(r.count, 1);
    assert_string_equal(r.findings[0].text, "Chỉ thị số 32/CT-TTg");
    assert_int_equal(r.findings[0].severity, VN_LINT_INFO);
    vn_lint_result_free(&r);
    vn_registry_free(reg);
}

/* No registry: two plans cite 30/ and 33/CT-TTg of one day with one subject. */
static void test_corpus_pair_same_subject(void **state)
{
    (void)state;
    tdoc docs[] = {
        {"a.txt", "2024-03-25", dan_van_30,
         {{"Chỉ thị số 30/CT-TTg", "30/CT-TTg", "2021-11-26", NULL, NULL, false}}},
        {"b.txt", "2023", dan_van_33,
         {{"Chỉ thị số 33/CT-TTg", "33/CT-TTg", "2021-11-26", NULL, NULL, false}}},
    };
    vn_lint_result r;
    run(docs, 2, NULL, -1, ALL_BUT(VN_LINT_MATCHES_OTHER), &r);
    assert_int_equal(r.count, 2);
    expect_text(r.findings[0].message, "cannot both be right");
    assert_int_equal(r.findings[1].severity, VN_LINT_WARNING);
    vn_lint_result_free(&r);

    /* the same two symbols with different subjects: two instruments of one day */
    tdoc other[] = {
        docs[0],
        {"b.txt", "2023",
         "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về phòng chống thiên tai "
         "mùa mưa bão năm 2022 trên địa bàn cả nước.\n",
         {{"Chỉ thị số 33/CT-TTg", "33/CT-TTg", "2021-11-26", NULL, NULL, false}}},
    };
    run(other, 2, NULL, -1, ALL_BUT(VN_LINT_MATCHES_OTHER), &r);
    assert_int_equal(r.count, 0);
    vn_lint_result_free(&r);

    /* two other symbols with the subject: the one cited first in document
     * order is named (b.txt's 35/, although 33/ sorts first) */
    tdoc three[] = {
        docs[0],
        {"b.txt", "2023",
         "Triển khai Chỉ thị số 35/CT-TTg, ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục "
         "tăng cường và đổi mới công tác dân vận của cơ quan hành chính Nhà nước, chính quyền "
         "các cấp trong tình hình mới.\n",
         {{"Chỉ thị số 35/CT-TTg", "35/CT-TTg", "2021-11-26", NULL, NULL, false}}},
        {"c.txt", "2023", dan_van_33,
         {{"Chỉ thị số 33/CT-TTg", "33/CT-TTg", "2021-11-26", NULL, NULL, false}}},
    };
    run(three, 3, NULL, -1, ALL_BUT(VN_LINT_MATCHES_OTHER), &r);
    assert_int_equal(r.count, 3);
    assert_string_equal(r.findings[0].file, "a.txt");
    expect_text(r.findings[0].message, "30/CT-TTg and 35/CT-TTg (b.txt:");
    expect_text(r.findings[2].message, "33/CT-TTg and 30/CT-TTg (a.txt:");
    vn_lint_result_free(&r);
}

/* The subject is the registry title of another instrument of the same kind. */
static void test_title_of_other_instrument(void **state)
{
    (void)state;
    vn_registry *reg = registry("26/CT-TTg,05/09/2016,Chỉ thị,Thủ tướng Chính phủ,\"kỷ luật, "
                                "kỷ cương trong cơ quan hành chính nhà nước các cấp\",,s,medium,\n");
    tdoc docs[] = {{"a.txt", "2024-02-26",
                    "Thực hiện Chỉ thị số 62/CT-TTg của Thủ tướng Chính phủ về tăng cường kỷ "
                    "luật, kỷ cương trong các cơ quan hành chính nhà nước các cấp.\n",
                    {{"Chỉ thị số 62/CT-TTg", "62/CT-TTg", NULL, NULL, NULL, false}}}};
    vn_lint_result r;
    run(docs, 1, reg, -1, 0, &r);
    const vn_lint_finding *f = only_finding(&r, VN_LINT_MATCHES_OTHER);
    assert_int_equal(f->severity, VN_LINT_WARNING);
    expect_text(f->message, "title of 26/CT-TTg");
    expect_text(f->suggestion, "26/CT-TTg of 05/09/2016");
    vn_lint_result_free(&r);

    /* citing 26/CT-TTg itself is right */
    tdoc right[] = {{"a.txt", "2024-02-26",
                     "Thực hiện Chỉ thị số 26/CT-TTg của Thủ tướng Chính phủ về tăng cường kỷ "
                     "luật, kỷ cương trong các cơ quan hành chính nhà nước các cấp.\n",
                     {{"Chỉ thị số 26/CT-TTg", "26/CT-TTg", NULL, "26/CT-TTg@2016-09-05", NULL,
                       false}}}};
    run(right, 1, reg, -1, 0, &r);
    assert_int_equal(r.count, 0);
    vn_lint_result_free(&r);
    vn_registry_free(reg);
}

/* ---- conflicting-dates ------------------------------------------------------------------- */

static void test_conflicting_dates_in_one_document(void **state)
{
    (void)state;
    tdoc docs[] = {{"a.txt", "2024-03-01",
                    "Căn cứ Kế hoạch số 26-KH/BCĐ ngày 31/01/2024;\nthực hiện Kế hoạch số "
                    "26-KH/BCĐ ngày 23/02/2024.\n",
                    {{"Kế hoạch số 26-KH/BCĐ", "26-KH/BCĐ", "2024-01-31", NULL, NULL, false},
                     {"Kế hoạch số 26-KH/BCĐ", "26-KH/BCĐ", "2024-02-23", NULL, NULL, false}}}};
    vn_lint_result r;
    run(docs, 1, NULL, -1, 0, &r);
    const vn_lint_finding *f = only_finding(&r, VN_LINT_CONFLICTING_DATES);
    assert_int_equal(f->line, 2);
    expect_text(f->message, "as of 23/02/2024 but as of 31/01/2024 at line 1");
    vn_lint_result_free(&r);
}

/* A date no calendar has (only a damaged index holds one) is an error naming
 * the file, not a wrong order of citations. */
static void test_impossible_date_is_an_error(void **state)
{
    (void)state;
    tdoc docs[] = {{"a.txt", "2024-03-01", "Căn cứ Kế hoạch số 26-KH/BCĐ ngày 31/01/2024.\n",
                    {{"Kế hoạch số 26-KH/BCĐ", "26-KH/BCĐ", "2024-01-31", NULL, NULL, false}}}};
    vn_corpus c;
    build(docs, 1, NULL, &c);
    c.docs[0].cites[0].c.date.first.month = 150;
    vn_lint_result r;
    vn_error err;
    assert_int_equal(vn_lint_run(&c, NULL, &r, &err), VN_ERR_INDEX);
    expect_text(err.msg, "a.txt: a citation dated with a date no calendar has");
    assert_int_equal(r.count, 0);
    vn_corpus_free(&c);
}

/* A yearless symbol with two dates in two documents: two instruments (SPEC §3.3). */
static void test_yearless_symbol_across_documents_is_quiet(void **state)
{
    (void)state;
    tdoc docs[] = {
        {"a.txt", "2024-02-26", "Kế hoạch số 26-KH/BCĐ ngày 23/02/2024 của huyện.\n",
         {{"Kế hoạch số 26-KH/BCĐ", "26-KH/BCĐ", "2024-02-23", NULL, NULL, false}}},
        {"b.txt", "2024-03", "Kế hoạch số 26-KH/BCĐ ngày 31/01/2024 của tỉnh.\n",
         {{"Kế hoạch số 26-KH/BCĐ", "26-KH/BCĐ", "2024-01-31", NULL, NULL, false}}},
    };
    vn_lint_result r;
    run(docs, 2, NULL, -1, 0, &r);
    assert_int_equal(r.count, 0);
    vn_lint_result_free(&r);
}

static void test_conflicting_dates_with_year(void **state)
{
    (void)state;
    tdoc docs[] = {
        {"a.txt", "2024-01-01", "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023.\n",
         {{"Nghị định số 59/2023/NĐ-CP", "59/2023/NĐ-CP", "2023-08-14", "59/2023/NĐ-CP", NULL,
           false}}},
        {"b.txt", "2024-01-01", "Nghị định số 59/2023/NĐ-CP ngày 04/8/2023.\n",
         {{"Nghị định số 59/2023/NĐ-CP", "59/2023/NĐ-CP", "2023-08-04", "59/2023/NĐ-CP", NULL,
           false}}},
        {"c.txt", "2024-01-01", "Nghị định số 59/2023/NĐ-CP ngày 14/8/2022.\n",
         {{"Nghị định số 59/2023/NĐ-CP", "59/2023/NĐ-CP", "2022-08-14", "59/2023/NĐ-CP", NULL,
           false}}},
    };
    vn_lint_result r;
    /* without a registry the documents contradict each other */
    run(docs, 2, NULL, -1, ALL_BUT(VN_LINT_CONFLICTING_DATES), &r);
    assert_int_equal(r.count, 2);
    expect_text(r.findings[0].message, "as of 04/08/2023 at b.txt:1");
    vn_lint_result_free(&r);
    /* with one, the registry decides: only b is wrong */
    vn_registry *reg = registry("59/2023/NĐ-CP,14/08/2023,Nghị định,Chính phủ,,,s,high,\n");
    run(docs, 2, reg, -1, ALL_BUT(VN_LINT_CONFLICTING_DATES), &r);
    assert_int_equal(r.count, 1);
    assert_string_equal(r.findings[0].file, "b.txt");
    expect_text(r.findings[0].message, "the registry gives 14/08/2023");
    vn_lint_result_free(&r);
    /* a date outside the year in the symbol */
    run(docs + 2, 1, NULL, -1, ALL_BUT(VN_LINT_CONFLICTING_DATES), &r);
    expect_text(only_finding(&r, VN_LINT_CONFLICTING_DATES)->message,
                "its symbol says it was issued in 2023");
    vn_lint_result_free(&r);
    vn_registry_free(reg);
}

/* ---- corrected-symbol -------------------------------------------------------------------------- */

static void test_corrected_symbol(void **state)
{
    (void)state;
    tdoc docs[] = {{"a.txt", "2024-03-01",
                    "Quy định số 11-QĐ/TW ngày 18/02/2019; Quy định số 11-QĐi/TW.\n",
                    {{"Quy định số 11-QĐ/TW", "11-QĐi/TW", "2019-02-18", "11-QĐi/TW@2019-02-18",
                      "written 11-QĐ/TW; united with 11-QĐi/TW (Quy định of 2019-02-18)", false},
                     {"Quy định số 11-QĐi/TW", "11-QĐi/TW", NULL, "11-QĐi/TW@2019-02-18", NULL,
                      false}}}};
    vn_lint_result r;
    run(docs, 1, NULL, -1, 0, &r);
    const vn_lint_finding *f = only_finding(&r, VN_LINT_CORRECTED_SYMBOL);
    assert_int_equal(f->severity, VN_LINT_INFO);
    assert_int_equal(f->column, 1);
    expect_text(f->message, "written 11-QĐ/TW");
    assert_string_equal(f->suggestion, "write the official symbol 11-QĐi/TW");
    assert_int_equal(r.count, 1);
    vn_lint_result_free(&r);
}

/* ---- incomplete-symbol ------------------------------------------------------------------ */

static void test_incomplete_symbol(void **state)
{
    (void)state;
    tdoc docs[] = {{"a.txt", "2024-03-01",
                    "Nghị định số 15/2020 của Chính phủ; Nghị định số 17/2020; Kết luận số 120; "
                    "Nghị định số 14/2022; Nghị định số 16/2020/NĐ-CP.\n",
                    {{"Nghị định số 15/2020", "", "2020", "15/2020/NĐ-CP", NULL, false},
                     {"Nghị định số 17/2020", "", "2020", NULL, NULL, false},
                     {"Kết luận số 120", "", NULL, NULL, NULL, false},
                     {"Nghị định số 14/2022", "", "2022", NULL, NULL, false},
                     {"Nghị định số 16/2020/NĐ-CP", "16/2020/NĐ-CP", NULL, NULL, NULL, false}}}};
    vn_lint_result r;
    run(docs, 1, NULL, -1, ALL_BUT(VN_LINT_INCOMPLETE_SYMBOL), &r);
    assert_int_equal(r.count, 3);
    assert_int_equal(r.findings[0].severity, VN_LINT_INFO);
    assert_string_equal(r.findings[0].message,
                        "15/2020 is written without its codes; it is 15/2020/NĐ-CP");
    assert_string_equal(r.findings[0].suggestion, "write the whole symbol 15/2020/NĐ-CP");
    assert_int_equal(r.findings[1].severity, VN_LINT_WARNING);
    expect_text(r.findings[1].message, "numbered 17 of 2020 is known");
    assert_string_equal(r.findings[2].text, "Nghị định số 14/2022");
    vn_lint_result_free(&r);
}

/* ---- misspelled-symbol ------------------------------------------------------------------ */

static void test_misspelled_symbol(void **state)
{
    (void)state;
    tdoc docs[] = {{"a.txt", "2024-03-01",
                    "Nghị định 04/2015/NĐ/CP; Quyết định số 1242/qđ-ubnd; Nghị định số "
                    "59/2023/NĐ – CP; Quyết định số 1238/QĐUBND; Quy định số 11-QĐ/TW.\n",
                    {{"Nghị định 04/2015/NĐ/CP", "04/2015/NĐ-CP", NULL, NULL, NULL, false},
                     {"Quyết định số 1242/qđ-ubnd", "1242/QĐ-UBND", NULL, NULL, NULL, false},
                     {"Nghị định số 59/2023/NĐ – CP", "59/2023/NĐ-CP", NULL, NULL, NULL, false},
                     {"Quyết định số 1238/QĐUBND", "1238/QĐ-UBND", NULL, NULL, NULL, false},
                     {"Quy định số 11-QĐ/TW", "11-QĐi/TW", NULL, NULL, "written 11-QĐ/TW", false}}}};
    vn_lint_result r;
    run(docs, 1, NULL, -1, ALL_BUT(VN_LINT_MISSPELLED_SYMBOL), &r);
    /* blanks and an en dash are typography; the united variant is corrected-symbol's */
    assert_int_equal(r.count, 3);
    assert_int_equal(r.findings[0].severity, VN_LINT_INFO);
    assert_string_equal(r.findings[0].message, "04/2015/NĐ/CP is written for the symbol 04/2015/NĐ-CP");
    assert_string_equal(r.findings[0].suggestion, "write 04/2015/NĐ-CP");
    assert_string_equal(r.findings[1].message, "1242/qđ-ubnd is written for the symbol 1242/QĐ-UBND");
    assert_string_equal(r.findings[2].message, "1238/QĐUBND is written for the symbol 1238/QĐ-UBND");
    vn_lint_result_free(&r);
}

/* ---- forward-citation, not-yet-issued ----------------------------------------------------------- */

static void test_forward_citation(void **state)
{
    (void)state;
    tdoc docs[] = {
        {"a.txt", "2024-03-25",
         "Kế hoạch số 12-KH/TU ngày 01/5/2024; Kế hoạch số 13-KH/TU ngày 25/3/2024; "
         "Nghị định số 20/2025/NĐ-CP; Kế hoạch số 14-KH/TU tháng 3/2024.\n",
         {{"Kế hoạch số 12-KH/TU", "12-KH/TU", "2024-05-01", NULL, NULL, false},
          {"Kế hoạch số 13-KH/TU", "13-KH/TU", "2024-03-25", NULL, NULL, false},
          {"Nghị định số 20/2025/NĐ-CP", "20/2025/NĐ-CP", NULL, NULL, NULL, false},
          {"Kế hoạch số 14-KH/TU", "14-KH/TU", "2024-03", NULL, NULL, false}}},
        /* undated: nothing to compare with (its cited dates are its only clue) */
        {"b.txt", NULL, "Kế hoạch số 12-KH/TU ngày 01/5/2024.\n",
         {{"Kế hoạch số 12-KH/TU", "12-KH/TU", "2024-05-01", NULL, NULL, false}}},
    };
    vn_lint_result r;
    run(docs, 2, NULL, -1, ALL_BUT(VN_LINT_FORWARD_CITATION), &r);
    assert_int_equal(r.count, 2);
    assert_string_equal(r.findings[0].text, "Kế hoạch số 12-KH/TU");
    expect_text(r.findings[0].message, "after this document's own date 25/03/2024");
    assert_string_equal(r.findings[1].text, "Nghị định số 20/2025/NĐ-CP");
    expect_text(r.findings[1].message, "carries the year 2025");
    vn_lint_result_free(&r);
}

static void test_not_yet_issued(void **state)
{
    (void)state;
    vn_registry *reg = registry("59/2023/NĐ-CP,14/08/2023,Nghị định,Chính phủ,,,s,high,\n");
    tdoc docs[] = {
        {"a.txt", "2023-03", "Nghị định số 59/2023/NĐ-CP.\n",
         {{"Nghị định số 59/2023/NĐ-CP", "59/2023/NĐ-CP", NULL, "59/2023/NĐ-CP", NULL, false}}},
        {"b.txt", "2023-09-01", "Nghị định số 59/2023/NĐ-CP.\n",
         {{"Nghị định số 59/2023/NĐ-CP", "59/2023/NĐ-CP", NULL, "59/2023/NĐ-CP", NULL, false}}},
        /* a forward citation is reported once, as such */
        {"c.txt", "2023-03-01", "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023.\n",
         {{"Nghị định số 59/2023/NĐ-CP", "59/2023/NĐ-CP", "2023-08-14", "59/2023/NĐ-CP", NULL,
           false}}},
    };
    vn_lint_result r;
    run(docs, 3, reg, -1, 0, &r);
    assert_int_equal(r.count, 2);
    assert_string_equal(r.findings[0].file, "a.txt");
    assert_int_equal(r.findings[0].rule, VN_LINT_NOT_YET_ISSUED);
    expect_text(r.findings[0].message, "issued 14/08/2023, after this document's own date 2023-03");
    assert_string_equal(r.findings[1].file, "c.txt");
    assert_int_equal(r.findings[1].rule, VN_LINT_FORWARD_CITATION);
    vn_lint_result_free(&r);
    vn_registry_free(reg);
}

/* ---- stale-year --------------------------------------------------------------------------------- */

static void test_stale_year(void **state)
{
    (void)state;
    tdoc docs[] = {{"plan.txt", "2024-03-25",
                    "KẾ HOẠCH năm 2024\n"
                    "1. Xây dựng kế hoạch năm 2024 (hoàn thành trước ngày 10/4/2023 và báo cáo).\n"
                    "2. Quý I và quý II, năm 2023 tổ chức quán triệt.\n"
                    "3. Tổ chức hội nghị vào Quý II/2023; tập huấn trong năm 2023.\n"
                    "4. Hạn chót: đến ngày 30/6/2023 gửi báo cáo.\n"
                    "5. Tổ chức tập huấn vào Tháng 9/2023.\n",
                    {{NULL, NULL, NULL, NULL, NULL, false}}}};
    vn_lint_result r;
    run(docs, 1, NULL, -1, 0, &r);
    assert_int_equal(r.count, 6);
    for (size_t i = 0; i < r.count; i++) {
        assert_int_equal(r.findings[i].rule, VN_LINT_STALE_YEAR);
        assert_int_equal(r.findings[i].severity, VN_LINT_WARNING);
    }
    assert_string_equal(r.findings[0].text, "hoàn thành trước ngày 10/4/2023");
    assert_int_equal(r.findings[0].line, 2);
    assert_int_equal(r.findings[0].column, 32);
    expect_text(r.findings[0].message, "in 2023, before the year of this document (25/03/2024)");
    assert_string_equal(r.findings[1].text, "Quý I và quý II, năm 2023");
    assert_int_equal(r.findings[1].line, 3);
    assert_string_equal(r.findings[2].text, "Quý II/2023");
    assert_string_equal(r.findings[3].text, "trong năm 2023");
    assert_string_equal(r.findings[4].text, "đến ngày 30/6/2023");
    assert_string_equal(r.findings[5].text, "Tháng 9/2023");   /* a capital T */
    vn_lint_result_free(&r);
}

static void test_stale_year_negatives(void **state)
{
    (void)state;
    tdoc docs[] = {
        {"plan.txt", "2024-03-25",
         "Luật có hiệu lực thi hành từ ngày 01/7/2023.\n"
         "Trong năm 2023 đã tổ chức 12 hội nghị.\n"
         "Kết quả thực hiện trước ngày 31/12/2023 được đánh giá cao.\n"
         "Điển hình 5 năm (2021-2025); trong năm 2021 - 2025 thực hiện tốt.\n"
         "Hoàn thành trước ngày 10/4/2024.\n"
         "Thực hiện Nghị định số 59/2023/NĐ-CP đến ngày 14/8/2023 của Chính phủ.\n"
         "Căn cứ Luật Thực hiện dân chủ ở cơ sở trong năm 2022.\n"
         "Tổng kết năm 2023 và triển khai nhiệm vụ năm 2024.\n"
         "Tình hình thực hiện từ ngày 01/01/2023 đến ngày 31/12/2023 như sau.\n",
         {{"Nghị định số 59/2023/NĐ-CP", "59/2023/NĐ-CP", "2023-08-14", "59/2023/NĐ-CP", NULL,
           false},
          {"Luật Thực hiện dân chủ ở cơ sở trong năm 2022", "10/2022/QH15", NULL, "10/2022/QH15",
           NULL, false}}},
        /* a plan of 2023 scheduling 2023 */
        {"old.txt", "2023", "Hoàn thành trước ngày 10/4/2023.\n", {{NULL, NULL, NULL, NULL, NULL,
                                                                     false}}},
        /* a report looks back: its past dates are its subject */
        {"report.txt", "2024-01-15", "Hoàn thành trước ngày 10/4/2023.\n",
         {{NULL, NULL, NULL, NULL, NULL, false}}},
    };
    vn_lint_result r;
    vn_corpus c;
    build(docs, 3, NULL, &c);
    snprintf(c.docs[2].meta.type_word, sizeof c.docs[2].meta.type_word, "Báo cáo");
    tcorpus tc = {docs, 3};
    vn_lint_options o = {-1, ALL_BUT(VN_LINT_STALE_YEAR), text_of, &tc, NULL, NULL, NULL};
    vn_error err;
    assert_int_equal(vn_lint_run(&c, &o, &r, &err), VN_OK);
    for (size_t i = 0; i < r.count; i++)
        print_message("  unexpected: %s:%zu \"%s\"\n", r.findings[i].file, r.findings[i].line,
                      r.findings[i].text);
    assert_int_equal(r.count, 0);
    vn_lint_result_free(&r);
    vn_corpus_free(&c);
}

/* Without the text the rule is skipped for that document, and a note says so. */
static void test_stale_year_without_text(void **state)
{
    (void)state;
    tdoc docs[] = {{"gone.txt", "2024-03-25", NULL, {{NULL, NULL, NULL, NULL, NULL, false}}}};
    vn_lint_result r;
    run(docs, 1, NULL, -1, 0, &r);
    assert_int_equal(r.count, 0);
    assert_int_equal(r.note_count, 1);
    expect_text(r.notes[0], "gone.txt: text not readable");
    expect_text(r.notes[0], "stale-year rule is skipped");
    vn_lint_result_free(&r);
}

/* One plan's citation sends lint to the subjects of a hundred others of the
 * same day: their texts are read, but never more than 64 are held. */
static void test_texts_held_stay_bounded(void **state)
{
    (void)state;
    enum { DOCS = 100 };
    static tdoc docs[DOCS];
    static char files[DOCS][32], texts[DOCS][256], written[DOCS][48], symbols[DOCS][24];
    for (size_t d = 0; d < DOCS; d++) {
        snprintf(files[d], sizeof files[d], "plan-%03zu.txt", d);
        snprintf(symbols[d], sizeof symbols[d], "%zu/CT-TTg", 100 + d);
        snprintf(written[d], sizeof written[d], "Chỉ thị số %.23s", symbols[d]);
        snprintf(texts[d], sizeof texts[d],
                 "Thực hiện %.47s ngày 26/11/2021 của Thủ tướng Chính phủ về việc số %zu của năm.\n",
                 written[d], d);
        docs[d] = (tdoc){files[d], "2024-03-25", texts[d],
                         {{written[d], symbols[d], "2021-11-26", NULL, NULL, false}}};
    }
    vn_lint_result r;
    run(docs, DOCS, NULL, -1, ALL_BUT(VN_LINT_MATCHES_OTHER), &r);
    assert_true(r.texts_peak >= 32);
    assert_true(r.texts_peak <= 64);
    vn_lint_result_free(&r);
}

/* ---- options and names --------------------------------------------------------------------------- */

static void test_one_document_and_skip(void **state)
{
    (void)state;
    tdoc docs[] = {
        {"a.txt", "2024-03-25", "Hoàn thành trước ngày 10/4/2023.\n",
         {{NULL, NULL, NULL, NULL, NULL, false}}},
        {"b.txt", "2024-03-25", "Hoàn thành trước ngày 10/5/2023.\n",
         {{NULL, NULL, NULL, NULL, NULL, false}}},
    };
    vn_lint_result r;
    run(docs, 2, NULL, 1, 0, &r);
    assert_int_equal(r.count, 1);
    assert_string_equal(r.findings[0].file, "b.txt");
    vn_lint_result_free(&r);
    run(docs, 2, NULL, -1, 1u << VN_LINT_STALE_YEAR, &r);
    assert_int_equal(r.count, 0);
    vn_lint_result_free(&r);
}

static void test_rule_names(void **state)
{
    (void)state;
    for (int i = 0; i < VN_LINT_RULE_COUNT; i++) {
        vn_lint_rule back;
        assert_true(vn_lint_rule_parse(vn_lint_rule_name((vn_lint_rule)i), &back));
        assert_int_equal(back, i);
    }
    vn_lint_rule unused;
    assert_false(vn_lint_rule_parse("stale", &unused));
    assert_string_equal(vn_lint_rule_name(VN_LINT_MATCHES_OTHER), "matches-other-instrument");
    assert_string_equal(vn_lint_severity_name(VN_LINT_INFO), "info");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_of_registry_instrument_with_subject),
        cmocka_unit_test(test_date_of_registry_instrument_only),
        cmocka_unit_test(test_same_day_siblings_are_quiet),
        cmocka_unit_test(test_corpus_pair_same_subject),
        cmocka_unit_test(test_title_of_other_instrument),
        cmocka_unit_test(test_conflicting_dates_in_one_document),
        cmocka_unit_test(test_impossible_date_is_an_error),
        cmocka_unit_test(test_yearless_symbol_across_documents_is_quiet),
        cmocka_unit_test(test_conflicting_dates_with_year),
        cmocka_unit_test(test_corrected_symbol),
        cmocka_unit_test(test_incomplete_symbol),
        cmocka_unit_test(test_forward_citation),
        cmocka_unit_test(test_not_yet_issued),
        cmocka_unit_test(test_stale_year),
        cmocka_unit_test(test_stale_year_negatives),
        cmocka_unit_test(test_stale_year_without_text),
        cmocka_unit_test(test_texts_held_stay_bounded),
        cmocka_unit_test(test_one_document_and_skip),
        cmocka_unit_test(test_misspelled_symbol),
        cmocka_unit_test(test_rule_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
