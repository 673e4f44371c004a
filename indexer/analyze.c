/* analyze.c — the per-document front end (see analyze.h). */
#include "analyze.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/buf.h"
#include "../common/text.h"
#include "tcvn3.h"

/* Case-folded s into out (NUL-terminated); false on no memory. */
static bool folded(const char *s, vn_buf *out)
{
    out->len = 0;
    return vn_text_casefold(s, strlen(s), out) == VN_OK && vn_buf_append_char(out, '\0') == VN_OK;
}

/*
 * A law names itself: the Civil Code says "Quốc hội ban hành Bộ luật dân sự"
 * and "theo quy định của Bộ luật dân sự" about its own articles.  A name
 * citation equal to the document's own type and title is the document, not
 * a citation of another instrument (SPEC §3.4: the own number is never a
 * citation; neither is the own name).
 */
static void drop_self_names(vn_analysis *a)
{
    if (!a->meta.type_word[0] || !a->meta.title[0])
        return;
    char own[VN_META_FIELD + 64];
    snprintf(own, sizeof own, "%s %s", a->meta.type_word, a->meta.title);
    vn_buf own_folded = VN_BUF_INIT, name_folded = VN_BUF_INIT;
    if (!folded(own, &own_folded)) {
        vn_buf_free(&own_folded);
        return;
    }
    vn_citation_list *l = &a->extract.citations;
    size_t kept = 0;
    for (size_t k = 0; k < l->count; k++) {
        bool self = l->items[k].kind == VN_CITE_NAME && folded(l->items[k].name, &name_folded) &&
                    strcmp(name_folded.data, own_folded.data) == 0;
        if (!self)
            l->items[kept++] = l->items[k];
    }
    l->count = kept;
    vn_buf_free(&own_folded);
    vn_buf_free(&name_folded);
}

/*
 * "(Kèm theo Kế hoạch số 150-KH/ĐU ngày 05/3/2024 của …)" heading an annex
 * is the document itself.  A citation of the own number is dropped unless
 * its date rules the document out: yearless numbers come back each year, so
 * "Kế hoạch số 150-KH/ĐU ngày 01/3/2023" in a plan of 2024 is last year's.
 */
static void drop_self_numbers(vn_analysis *a)
{
    const char *own = a->meta.own_number;
    if (!vn_own_number_numbered(own))
        return;
    vn_citation_list *l = &a->extract.citations;
    size_t kept = 0;
    for (size_t k = 0; k < l->count; k++) {
        const vn_citation *c = &l->items[k];
        bool self = c->kind == VN_CITE_NUMBERED && strcmp(c->symbol, own) == 0 &&
                    (c->has_year || c->date.precision == VN_DATE_NONE ||
                     a->meta.date.precision == VN_DATE_NONE ||
                     vn_date_range_overlap(&c->date, &a->meta.date));
        if (!self)
            l->items[kept++] = l->items[k];
    }
    l->count = kept;
}

static vn_status analyze_loaded(const vn_registry *registry, vn_analysis *a, vn_error *err)
{
    vn_status st = vn_extract(a->doc.text, a->doc.len, registry, &a->extract, err);
    if (st != VN_OK) {
        vn_doctext_free(&a->doc);
        return st;
    }
    /* an ABC file's header typed in capital fonts decodes as lower case */
    char *headings = a->doc.decoded.encoding == VN_ENC_TCVN3 ||
                             a->doc.decoded.legacy_font == VN_ENC_TCVN3
                         ? vn_tcvn3_capital_headings(a->doc.text, a->doc.len)
                         : NULL;
    vn_metadata_read(headings ? headings : a->doc.text, a->doc.len, &a->extract, &a->meta,
                     &a->recipients);
    free(headings);
    drop_self_names(a);
    drop_self_numbers(a);
    return VN_OK;
}

vn_status vn_analyze_file(const char *path, const vn_registry *registry, vn_analysis *a,
                          vn_error *err)
{
    memset(a, 0, sizeof *a);
    vn_status st = vn_doctext_load(path, &a->doc, err);
    if (st != VN_OK)
        return st;
    return analyze_loaded(registry, a, err);
}

vn_status vn_analyze_bytes(const char *name, const unsigned char *bytes, size_t n,
                           const vn_registry *registry, vn_analysis *a, vn_error *err)
{
    memset(a, 0, sizeof *a);
    vn_status st = vn_doctext_from_bytes(name, bytes, n, &a->doc, err);
    if (st != VN_OK)
        return st;
    return analyze_loaded(registry, a, err);
}

void vn_analysis_free(vn_analysis *a)
{
    vn_extract_result_free(&a->extract);
    vn_doctext_free(&a->doc);
    memset(a, 0, sizeof *a);
}

char *vn_analysis_as_written(const vn_analysis *a, size_t start, size_t end)
{
    const vn_doctext *d = &a->doc;
    size_t s = vn_doctext_decoded_offset(d, start), e = vn_doctext_decoded_end(d, end);
    if (e < s || e > d->decoded.len)
        e = s;
    char *out = malloc(e - s + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t k = s; k < e; k++) {
        char ch = d->decoded.text[k];
        if (ch == '\n' || ch == '\t' || ch == '\r') {
            if (o == 0 || out[o - 1] != ' ')
                out[o++] = ' ';
        } else {
            out[o++] = ch;
        }
    }
    out[o] = '\0';
    return out;
}

char *vn_analysis_cite_place(const vn_analysis *a, const vn_citation *c, vn_filepos *from,
                             vn_filepos *to)
{
    *from = vn_doctext_filepos(&a->doc, c->start);
    if (to)
        *to = vn_doctext_end_filepos(&a->doc, c->end);
    return vn_analysis_as_written(a, c->start, c->end);
}
