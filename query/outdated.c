/*
 * outdated.c — collecting the outdated report (see outdated.h).
 */
#include "outdated.h"

#include <stdlib.h>
#include <string.h>

bool vn_outdated_is_finding(vn_outdated_status s)
{
    return s == VN_OUTDATED_YES || s == VN_OUTDATED_POSSIBLY || s == VN_OUTDATED_SUSPENDED;
}

const char *vn_corpus_instrument_status(const vn_corpus *c, const vn_corpus_instrument *in,
                                        vn_date d, vn_validity *v)
{
    if (in->state == VN_INST_UNRESOLVED)
        return "unresolved";
    if (in->state == VN_INST_AMBIGUOUS)
        return "ambiguous";
    if (!c->registry || in->registry < 0)
        return "not_in_registry";
    vn_validity got = vn_validity_on(c->registry, (size_t)in->registry, d);
    if (v)
        *v = got;
    return vn_validity_status_name(got.status);
}

static bool wanted(const vn_outdated *v, bool include_partly)
{
    return vn_outdated_is_finding(v->status) || (include_partly && v->status == VN_OUTDATED_PARTLY);
}

static vn_status add(vn_outdated_report *r, size_t *cap, const vn_outdated_finding *f,
                     vn_error *err)
{
    if (r->count == *cap) {
        size_t n = *cap ? *cap * 2 : 64;
        vn_outdated_finding *p = realloc(r->findings, n * sizeof *p);
        if (!p)
            return vn_error_set(err, VN_ERR_NOMEM, "out of memory while building the report");
        r->findings = p;
        *cap = n;
    }
    r->findings[r->count++] = *f;
    return VN_OK;
}

vn_status vn_outdated_collect(const vn_corpus *c, const vn_outdated_options *opt,
                              vn_outdated_report *out, vn_error *err)
{
    memset(out, 0, sizeof *out);
    size_t cap = 0;
    const vn_registry *reg = c->registry;
    for (size_t d = 0; d < c->doc_count; d++) {
        if (opt->doc >= 0 && (size_t)opt->doc != d)
            continue;
        const vn_corpus_doc *doc = &c->docs[d];
        vn_date_range judged;
        if (opt->as_of.precision != VN_DATE_NONE)
            judged = opt->as_of;
        else if (!vn_corpus_doc_date(doc, &judged))
            memset(&judged, 0, sizeof judged);
        bool doc_counted = false;
        for (size_t k = 0; k < doc->cite_count; k++) {
            const vn_corpus_instrument *in = &c->instruments[doc->cites[k].instrument];
            if (in->state != VN_INST_RESOLVED) {
                out->unresolved++;
                continue;
            }
            if (!reg || in->registry < 0) {
                out->not_in_registry++;
                continue;
            }
            out->judged++;
            vn_outdated v = vn_outdated_check(reg, (size_t)in->registry, &judged);
            out->by_status[v.status]++;
            if (!wanted(&v, opt->include_partly))
                continue;
            vn_outdated_finding f = {d, k, (size_t)in->registry, judged, v};
            vn_status st = add(out, &cap, &f, err);
            if (st != VN_OK) {
                vn_outdated_report_free(out);
                return st;
            }
            if (vn_outdated_is_finding(v.status) && !doc_counted) {
                out->docs_with_outdated++;
                doc_counted = true;
            }
        }
    }
    return VN_OK;
}

void vn_outdated_report_free(vn_outdated_report *r)
{
    free(r->findings);
    memset(r, 0, sizeof *r);
}
