/*
 * outdated.c — collecting the outdated report (see outdated.h).
 */
#include "outdated.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../common/fnv.h"
#include "../common/grow.h"

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
    if (!vn_grow((void **)&r->findings, cap, r->count, sizeof *r->findings, 64))
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory while building the report");
    r->findings[r->count++] = *f;
    return VN_OK;
}

void vn_outdated_input_free(vn_outdated_input *in)
{
    free(in->docs);
    free(in->rows);
    free(in->storage);
    vn_arena_free(&in->strings);
    memset(in, 0, sizeof *in);
}

/*
 * Verdicts already reached: reaching one walks the registry's events, and
 * a corpus cites the same registry instruments from documents of the same
 * dates over and over (100k plans: 1.4M judgements, 0.1M distinct).  An
 * open-addressing table over (instrument, date) pairs, grown at half full.
 */
typedef struct memo_entry {
    uint64_t hash;
    size_t registry;
    vn_date_range judged;
    vn_outdated verdict;
} memo_entry;

typedef struct memo {
    memo_entry *entries;
    size_t count, cap;
    uint32_t *slots;        /* entry + 1; 0 = empty */
    size_t slot_count;      /* a power of two */
} memo;

static uint64_t memo_hash(size_t at, const vn_date_range *j)
{
    const int key[] = {(int)j->precision, j->first.year, j->first.month, j->first.day,
                       j->last.year,      j->last.month,  j->last.day};
    uint64_t h = vn_fnv1a(vn_fnv1a(VN_FNV_SEED, &at, sizeof at), key, sizeof key);
    /* FNV's low bits, which pick the slot, vary too little over small ints:
     * mix the high ones in (the finaliser of MurmurHash3) */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

static size_t memo_slot(const memo *m, uint64_t h, size_t at, const vn_date_range *j)
{
    size_t mask = m->slot_count - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        uint32_t e = m->slots[i];
        if (e == 0)
            return i;
        const memo_entry *x = &m->entries[e - 1];
        if (x->hash == h && x->registry == at && vn_date_range_same(&x->judged, j))
            return i;
    }
}

static bool memo_grow(memo *m)
{
    size_t n = m->slot_count ? m->slot_count * 2 : 4096;
    if (n > (size_t)UINT32_MAX)
        return false;
    uint32_t *slots = calloc(n, sizeof *slots);
    memo_entry *entries = realloc(m->entries, n / 2 * sizeof *entries);
    if (!slots || !entries) {
        free(slots);
        if (entries)
            m->entries = entries;
        return false;
    }
    free(m->slots);
    m->slots = slots;
    m->slot_count = n;
    m->entries = entries;
    m->cap = n / 2;
    for (size_t e = 0; e < m->count; e++)
        m->slots[memo_slot(m, m->entries[e].hash, m->entries[e].registry,
                           &m->entries[e].judged)] = (uint32_t)e + 1;
    return true;
}

/* The verdict on instrument `at` cited on `judged`; NULL when out of memory.
 * It stays valid until the next call. */
static const vn_outdated *judge(memo *m, const vn_registry *reg, size_t at,
                                const vn_date_range *judged)
{
    if (m->count == m->cap && !memo_grow(m))
        return NULL;
    uint64_t h = memo_hash(at, judged);
    size_t i = memo_slot(m, h, at, judged);
    if (m->slots[i] == 0) {
        m->entries[m->count] = (memo_entry){h, at, *judged, vn_outdated_check(reg, at, judged)};
        m->slots[i] = (uint32_t)++m->count;
    }
    return &m->entries[m->slots[i] - 1].verdict;
}

static void memo_free(memo *m)
{
    free(m->entries);
    free(m->slots);
}

vn_status vn_outdated_collect(const vn_outdated_input *in, const vn_registry *reg,
                              const vn_outdated_options *opt, vn_outdated_report *out,
                              vn_error *err)
{
    memset(out, 0, sizeof *out);
    memo verdicts = {0};
    size_t cap = 0;
    for (size_t d = 0; d < in->doc_count; d++) {
        if (opt->doc >= 0 && (size_t)opt->doc != d)
            continue;
        const vn_outdated_doc *doc = &in->docs[d];
        vn_date_range judged =
            opt->as_of.precision != VN_DATE_NONE ? opt->as_of : doc->date;
        out->unresolved += doc->unresolved;
        out->not_in_registry += doc->not_in_registry;
        bool doc_counted = false;
        for (size_t k = doc->first_row; k < doc->first_row + doc->row_count; k++) {
            size_t at = in->rows[k].registry;
            out->judged++;
            const vn_outdated *v = judge(&verdicts, reg, at, &judged);
            vn_status st = v ? VN_OK
                             : vn_error_set(err, VN_ERR_NOMEM,
                                            "out of memory while building the report");
            if (st == VN_OK) {
                out->by_status[v->status]++;
                if (!wanted(v, opt->include_partly))
                    continue;
                vn_outdated_finding f = {d, k, at, judged, *v};
                st = add(out, &cap, &f, err);
            }
            if (st != VN_OK) {
                memo_free(&verdicts);
                vn_outdated_report_free(out);
                return st;
            }
            if (vn_outdated_is_finding(v->status) && !doc_counted) {
                out->docs_with_outdated++;
                doc_counted = true;
            }
        }
    }
    memo_free(&verdicts);
    return VN_OK;
}

void vn_outdated_report_free(vn_outdated_report *r)
{
    free(r->findings);
    memset(r, 0, sizeof *r);
}
