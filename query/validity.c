/*
 * validity.c — status of an instrument on a date and the outdated check,
 * derived from the registry's dated events (see validity.h, SPEC §4).
 *
 * Every event is seen as a window [first, last] of days on which it may
 * have taken effect: one day for a full date, the month or year for a
 * partial one, and for an amendment without a date everything from the
 * earliest day it can have happened on.  On a day D an event is then
 * certainly in effect (last <= D), certainly not (D < first), or maybe.
 * The status is computed twice — counting only the certain events, and
 * counting the maybes too — and the two answers differ exactly when the
 * decision depends on where in a range an event falls.
 */
#include "validity.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "common/symbol.h"

/* Bounds for open windows; vn_date_cmp orders them before/after any real
 * date (real years are 1900..2199). */
static const vn_date DAY_MIN = {0, 0, 0};
static const vn_date DAY_MAX = {9999, 12, 31};

typedef struct window {
    vn_date first, last;
} window;

static vn_effect effect_in(window w, vn_date d)
{
    if (vn_date_cmp(w.last, d) <= 0)
        return VN_EFFECT_YES;
    if (vn_date_cmp(d, w.first) < 0)
        return VN_EFFECT_NO;
    return VN_EFFECT_MAYBE;
}

static bool counts(vn_effect e, bool maybe)
{
    return e == VN_EFFECT_YES || (maybe && e == VN_EFFECT_MAYBE);
}

static bool is_ceasing(vn_event_kind k)
{
    return k == VN_EVENT_REPLACED_BY || k == VN_EVENT_REPEALED ||
           k == VN_EVENT_SUPERSEDED_BY || k == VN_EVENT_EXPIRED;
}

static bool is_amendment(vn_event_kind k)
{
    return k == VN_EVENT_AMENDED_BY || k == VN_EVENT_PARTLY_REPEALED;
}

bool vn_instrument_issue_range(const vn_registry *r, size_t instrument, vn_date_range *out)
{
    const vn_instrument *in = &r->instruments[instrument];
    memset(out, 0, sizeof *out);
    if (in->issued.precision != VN_DATE_NONE) {
        *out = in->issued;
        return true;
    }
    for (size_t cur = 0, k; vn_registry_event_next(r, instrument, &cur, &k);) {
        const vn_event *e = &r->events[k];
        if (e->kind == VN_EVENT_ISSUED &&
            e->date.precision != VN_DATE_NONE &&
            (out->precision == VN_DATE_NONE || vn_date_cmp(e->date.first, out->first) < 0))
            *out = e->date;
    }
    if (out->precision != VN_DATE_NONE)
        return true;
    /* The year in a normative symbol is the year of issue (Nghị định
     * 30/2020/NĐ-CP), so it bounds the issue even where no date is known. */
    vn_symbol sym;
    if (in->symbol && vn_symbol_parse_loose(in->symbol, strlen(in->symbol), NULL, &sym) &&
        sym.year && vn_date_range_set(sym.year, 0, 0, out))
        return true;
    memset(out, 0, sizeof *out);
    return false;
}

static window range_window(const vn_date_range *d)
{
    window w = {d->first, d->last};
    return w;
}

/* The days on which event e may have taken effect (see the file comment). */
static window event_window(const vn_registry *r, const vn_event *e)
{
    if (e->date.precision != VN_DATE_NONE)
        return range_window(&e->date);
    /* No date: not before its instrument was issued, nor before the other
     * instrument (the amending law) was. */
    window w = {DAY_MIN, DAY_MAX};
    vn_date_range issue;
    if (vn_instrument_issue_range(r, e->instrument, &issue))
        w.first = issue.first;
    if (e->other >= 0 && vn_instrument_issue_range(r, (size_t)e->other, &issue) &&
        vn_date_cmp(issue.first, w.first) > 0)
        w.first = issue.first;
    return w;
}

vn_effect vn_event_effect_on(const vn_registry *r, size_t event, vn_date d)
{
    return effect_in(event_window(r, &r->events[event]), d);
}

/* Ordering of candidate events: earlier window first, then the higher
 * confidence (VN_CONF_HIGH is 0), then file order. */
static int cmp_events(const vn_registry *r, size_t a, size_t b)
{
    window wa = event_window(r, &r->events[a]), wb = event_window(r, &r->events[b]);
    int c = vn_date_cmp(wa.first, wb.first);
    if (!c)
        c = vn_date_cmp(wa.last, wb.last);
    if (!c && r->events[a].confidence != r->events[b].confidence)
        c = r->events[a].confidence < r->events[b].confidence ? -1 : 1;
    if (!c && a != b)
        c = a < b ? -1 : 1;
    return c;
}

/* Keeps list[0..min(*count,max)) in cmp_events order (undated events last
 * when undated_last), holding the first entries in that order; *count
 * counts every entry offered, so a caller sees how many did not fit. */
static void list_insert(const vn_registry *r, size_t *list, size_t *count, size_t max,
                        size_t event, bool undated_last)
{
    size_t have = *count < max ? *count : max;
    size_t pos = have;
    for (size_t k = 0; k < have; k++) {
        bool ud_new = undated_last && r->events[event].date.precision == VN_DATE_NONE;
        bool ud_old = undated_last && r->events[list[k]].date.precision == VN_DATE_NONE;
        int c = ud_new != ud_old ? (ud_new ? 1 : -1) : cmp_events(r, event, list[k]);
        if (c < 0) {
            pos = k;
            break;
        }
    }
    (*count)++;
    if (pos >= max)
        return;
    size_t last = have < max ? have : max - 1;
    memmove(list + pos + 1, list + pos, (last - pos) * sizeof *list);
    list[pos] = event;
}

/* The status on d in one of the two readings (maybe: events that may have
 * taken effect are counted as having done so). */
typedef struct reading {
    vn_validity_status status;
    long event;
    vn_date_range since;
    bool inferred;
} reading;

static reading read_status(const vn_registry *r, size_t i, vn_date d, bool maybe)
{
    const vn_instrument *in = &r->instruments[i];
    reading s;
    memset(&s, 0, sizeof s);
    s.event = -1;

    vn_date_range issue;
    bool issue_known = vn_instrument_issue_range(r, i, &issue);
    if (issue_known && !counts(effect_in(range_window(&issue), d), maybe)) {
        s.status = VN_VALID_NOT_YET_ISSUED;
        return s;
    }

    long ceased = -1, suspended = -1, partly = -1, amended = -1, first_amendment = -1;
    long force = -1;              /* latest in_force event in effect */
    bool force_known = in->in_force.precision != VN_DATE_NONE;
    bool later_event = false;     /* an event presupposing force, not in effect yet */
    for (size_t cur = 0, k; vn_registry_event_next(r, i, &cur, &k);) {
        const vn_event *e = &r->events[k];
        bool c = counts(vn_event_effect_on(r, k, d), maybe);
        if (e->kind == VN_EVENT_IN_FORCE)
            force_known = true;
        if (!c) {
            if (e->kind != VN_EVENT_ISSUED && e->kind != VN_EVENT_IN_FORCE)
                later_event = true;
            continue;
        }
        switch (e->kind) {
        case VN_EVENT_ISSUED:
            break;
        case VN_EVENT_IN_FORCE:
            if (force < 0 || cmp_events(r, k, (size_t)force) > 0)
                force = (long)k;
            break;
        case VN_EVENT_REPLACED_BY:
        case VN_EVENT_REPEALED:
        case VN_EVENT_SUPERSEDED_BY:
        case VN_EVENT_EXPIRED:
            if (ceased < 0 || cmp_events(r, k, (size_t)ceased) < 0)
                ceased = (long)k;
            break;
        case VN_EVENT_SUSPENDED:
            if (suspended < 0 || cmp_events(r, k, (size_t)suspended) > 0)
                suspended = (long)k;
            break;
        case VN_EVENT_PARTLY_REPEALED:
            if (partly < 0 || cmp_events(r, k, (size_t)partly) > 0)
                partly = (long)k;
            break;
        case VN_EVENT_AMENDED_BY:
            if (amended < 0 || cmp_events(r, k, (size_t)amended) > 0)
                amended = (long)k;
            break;
        }
        /* a partial repeal changes the text too: both start the changed state */
        if (is_amendment(e->kind) &&
            (first_amendment < 0 || cmp_events(r, k, (size_t)first_amendment) < 0))
            first_amendment = (long)k;
    }
    /* Ceasing is final: an in_force after it would be a new instrument. */
    if (ceased >= 0) {
        s.status = VN_VALID_CEASED;
        s.event = ceased;
        s.since = r->events[ceased].date;
        return s;
    }
    /* A suspension lasts until an in_force event after it. */
    if (suspended >= 0) {
        window ws = event_window(r, &r->events[suspended]);
        bool resumed = force >= 0 &&
                       vn_date_cmp(event_window(r, &r->events[force]).first, ws.last) > 0;
        if (!resumed) {
            s.status = VN_VALID_SUSPENDED;
            s.event = suspended;
            s.since = r->events[suspended].date;
            return s;
        }
    }
    if (partly >= 0 || amended >= 0) {
        s.status = partly >= 0 ? VN_VALID_PARTLY_REPEALED : VN_VALID_AMENDED;
        s.event = partly >= 0 ? partly : amended;
        s.since = r->events[first_amendment].date;
        return s;
    }
    bool row_force = in->in_force.precision != VN_DATE_NONE &&
                     counts(effect_in(range_window(&in->in_force), d), maybe);
    if (force >= 0 || row_force) {
        s.status = VN_VALID_IN_FORCE;
        /* the later start wins: an in_force event after a suspension */
        if (force >= 0 &&
            (!row_force ||
             vn_date_cmp(event_window(r, &r->events[force]).first, in->in_force.first) >= 0)) {
            s.event = force;
            s.since = r->events[force].date;
        } else {
            s.since = in->in_force;
        }
        return s;
    }
    if (force_known) {
        s.status = VN_VALID_NOT_YET_IN_FORCE;
        s.since = issue;
        return s;
    }
    /* Nothing says when force began, but it was issued, and a later event
     * (an amendment, a replacement …) presupposes it was in force then. */
    if (issue_known && later_event) {
        s.status = VN_VALID_IN_FORCE;
        s.inferred = true;
        return s;
    }
    s.status = VN_VALID_UNKNOWN;
    return s;
}

vn_validity vn_validity_on(const vn_registry *r, size_t instrument, vn_date d)
{
    vn_validity v;
    memset(&v, 0, sizeof v);
    v.day = d;
    if (d.year && !d.month) {
        v.day.month = 1;
        v.day.day = 1;
    } else if (d.month && !d.day) {
        v.day.day = 1;
    }
    d = v.day;
    v.event = v.next = v.pending = -1;

    reading before = read_status(r, instrument, d, false);
    reading after = read_status(r, instrument, d, true);
    v.status = before.status;
    v.event = before.event;
    v.since = before.since;
    v.inferred = before.inferred;
    v.status_if_pending = after.status;

    const vn_instrument *in = &r->instruments[instrument];
    vn_date_range issue;
    bool issue_known = vn_instrument_issue_range(r, instrument, &issue);
    bool row_pending = false;
    /* the next change: the row's own dates first, then events */
    if (issue_known && effect_in(range_window(&issue), d) != VN_EFFECT_YES) {
        v.until = issue;
        row_pending = effect_in(range_window(&issue), d) == VN_EFFECT_MAYBE;
    } else if (in->in_force.precision != VN_DATE_NONE &&
               effect_in(range_window(&in->in_force), d) != VN_EFFECT_YES) {
        v.until = in->in_force;
        row_pending = effect_in(range_window(&in->in_force), d) == VN_EFFECT_MAYBE;
    }
    for (size_t cur = 0, k; vn_registry_event_next(r, instrument, &cur, &k);) {
        const vn_event *e = &r->events[k];
        if (e->kind == VN_EVENT_ISSUED)
            continue;
        vn_effect f = vn_event_effect_on(r, k, d);
        if (is_amendment(e->kind)) {
            if (f == VN_EFFECT_YES)
                list_insert(r, v.amendments, &v.amendment_count, VN_VALIDITY_LIST_MAX, k, false);
            else if (f == VN_EFFECT_MAYBE)
                list_insert(r, v.possible_amendments, &v.possible_amendment_count,
                            VN_VALIDITY_LIST_MAX, k, true);
        }
        if (f == VN_EFFECT_MAYBE && (v.pending < 0 || cmp_events(r, k, (size_t)v.pending) < 0))
            v.pending = (long)k;
        /* `next` only counts what certainly lies ahead; the maybes are `pending` */
        if (f == VN_EFFECT_NO && v.until.precision == VN_DATE_NONE &&
            (v.next < 0 || cmp_events(r, k, (size_t)v.next) < 0))
            v.next = (long)k;
    }
    if (v.next >= 0)
        v.until = r->events[v.next].date;

    /* Possible amendments of a ceased (or not yet issued) instrument change
     * nothing that matters on this day. */
    bool amendments_matter = v.possible_amendment_count > 0 && v.status != VN_VALID_CEASED &&
                             v.status != VN_VALID_NOT_YET_ISSUED;
    v.undecided = before.status != after.status || before.event != after.event ||
                  amendments_matter;
    if (!v.undecided) {
        v.pending = -1;
        v.status_if_pending = v.status;
    } else if (row_pending && (before.status == VN_VALID_NOT_YET_ISSUED ||
                               before.status == VN_VALID_NOT_YET_IN_FORCE)) {
        v.pending = -1;   /* it is the row's own partial date that decides */
    }
    return v;
}

/* ---- outdated ----------------------------------------------------------------- */

static void fill_event(const vn_registry *r, vn_outdated *o, long k)
{
    o->event = k;
    if (k < 0)
        return;
    const vn_event *e = &r->events[k];
    o->other = e->other;
    o->other_id = e->other >= 0 ? r->instruments[e->other].id
                  : e->other_text && e->other_text[0] ? e->other_text
                                                      : NULL;
    o->from = e->date;
    o->provision = e->provision ? e->provision : "";
    o->source = e->source ? e->source : "";
    o->confidence = e->confidence;
}

vn_outdated vn_outdated_check(const vn_registry *r, size_t instrument, const vn_date_range *citing)
{
    vn_outdated o;
    memset(&o, 0, sizeof o);
    o.event = o.other = -1;
    o.provision = o.source = "";
    o.confidence = VN_CONF_LOW;
    vn_date a = DAY_MIN, b = DAY_MAX;
    if (citing && citing->precision != VN_DATE_NONE) {
        a = citing->first;
        b = citing->last;
    }

    vn_date_range issue;
    if (vn_instrument_issue_range(r, instrument, &issue) && vn_date_cmp(b, issue.first) < 0) {
        o.status = VN_OUTDATED_NOT_YET_ISSUED;
        o.issued = issue;
        return o;
    }

    long certain = -1, possible = -1;           /* ceasing events */
    long amend_certain = -1, amend_possible = -1;
    long suspension = -1;
    for (size_t cur = 0, k; vn_registry_event_next(r, instrument, &cur, &k);) {
        const vn_event *e = &r->events[k];
        window w = event_window(r, e);
        bool by_a = vn_date_cmp(w.last, a) <= 0;  /* in effect on every citing day */
        bool by_b = vn_date_cmp(w.first, b) <= 0; /* may be in effect on some citing day */
        if (is_ceasing(e->kind)) {
            if (by_a && (certain < 0 || cmp_events(r, k, (size_t)certain) < 0))
                certain = (long)k;
            if (by_b && (possible < 0 || cmp_events(r, k, (size_t)possible) < 0))
                possible = (long)k;
        } else if (is_amendment(e->kind)) {
            if (by_a && (amend_certain < 0 || cmp_events(r, k, (size_t)amend_certain) > 0))
                amend_certain = (long)k;
            if (by_b && (amend_possible < 0 || cmp_events(r, k, (size_t)amend_possible) < 0))
                amend_possible = (long)k;
        } else if (e->kind == VN_EVENT_SUSPENDED && by_b && vn_date_cmp(w.last, a) >= 0 &&
                   suspension < 0) {
            suspension = (long)k;   /* begins within the citing range */
        }
    }
    if (certain >= 0) {
        o.status = VN_OUTDATED_YES;
        fill_event(r, &o, certain);
        return o;
    }
    if (possible >= 0) {
        o.status = VN_OUTDATED_POSSIBLY;
        fill_event(r, &o, possible);
        return o;
    }

    vn_validity va = vn_validity_on(r, instrument, a.year ? a : (vn_date){1900, 1, 1});
    vn_validity vb = vn_validity_on(r, instrument, b.year < 9999 ? b : (vn_date){2199, 12, 31});
    bool susp_a = va.status == VN_VALID_SUSPENDED, susp_b = vb.status == VN_VALID_SUSPENDED;
    bool susp_all = susp_a && susp_b && va.status_if_pending == VN_VALID_SUSPENDED &&
                    vb.status_if_pending == VN_VALID_SUSPENDED;
    bool susp_maybe = va.status_if_pending == VN_VALID_SUSPENDED ||
                      vb.status_if_pending == VN_VALID_SUSPENDED;
    if (susp_a || susp_b || susp_maybe || suspension >= 0) {
        o.status = VN_OUTDATED_SUSPENDED;
        o.possibly = !susp_all;
        fill_event(r, &o, susp_a ? va.event
                          : susp_b ? vb.event
                          : suspension >= 0 ? suspension
                          : va.status_if_pending == VN_VALID_SUSPENDED ? va.pending
                                                                        : vb.pending);
        return o;
    }
    if (amend_certain >= 0 || amend_possible >= 0) {
        o.status = VN_OUTDATED_PARTLY;
        o.possibly = amend_certain < 0;
        fill_event(r, &o, amend_certain >= 0 ? amend_certain : amend_possible);
        return o;
    }
    o.status = vb.status == VN_VALID_UNKNOWN && vb.status_if_pending == VN_VALID_UNKNOWN
                   ? VN_OUTDATED_UNKNOWN
                   : VN_OUTDATED_NOT;
    return o;
}

/* ---- relations ------------------------------------------------------------------- */

size_t vn_registry_reverse(const vn_registry *r, size_t instrument, unsigned kinds,
                           size_t *out, size_t max)
{
    size_t n = 0;
    for (size_t cur = 0, k; vn_registry_event_naming_next(r, instrument, &cur, &k);) {
        const vn_event *e = &r->events[k];
        if (!(kinds & (1u << e->kind)))
            continue;
        if (n < max)
            out[n] = k;
        n++;
    }
    return n;
}

size_t vn_registry_replaced_by_reverse(const vn_registry *r, size_t instrument, size_t *out,
                                       size_t max)
{
    return vn_registry_reverse(r, instrument, VN_KINDS_REPLACING, out, max);
}

size_t vn_validity_successors(const vn_registry *r, size_t instrument, vn_date d, size_t *out,
                              size_t max)
{
    size_t n = 0, cur = instrument;
    while (n < max) {
        long best = -1;
        for (size_t c = 0, k; vn_registry_event_next(r, cur, &c, &k);) {
            const vn_event *e = &r->events[k];
            if (e->other < 0 ||
                (e->kind != VN_EVENT_REPLACED_BY && e->kind != VN_EVENT_SUPERSEDED_BY) ||
                vn_event_effect_on(r, k, d) != VN_EFFECT_YES)
                continue;
            if (best < 0 || cmp_events(r, k, (size_t)best) < 0)
                best = (long)k;
        }
        if (best < 0)
            break;
        out[n++] = (size_t)best;
        cur = (size_t)r->events[best].other;
        /* Stop when the chain comes round: the start, or any step so far. */
        bool seen = cur == instrument;
        for (size_t k = 0; k + 1 < n && !seen; k++)
            seen = (size_t)r->events[out[k]].other == cur;
        if (seen)
            break;
    }
    return n;
}

/* ---- look-up by what a person types ------------------------------------------------ */

/* Appends i to out unless already there. */
static void add_unique(size_t *out, size_t *n, size_t max, size_t i)
{
    size_t have = *n < max ? *n : max;
    for (size_t k = 0; k < have; k++)
        if (out[k] == i)
            return;
    if (*n < max)
        out[*n] = i;
    (*n)++;
}

size_t vn_registry_find(const vn_registry *r, const char *text, size_t *out, size_t max)
{
    char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)text);
    if (!nfc)
        return 0;
    size_t n = 0;
    char *at = strchr(nfc, '@');
    if (at)
        *at = '\0';
    char canon[VN_SYMBOL_MAX];
    vn_symbol sym;
    bool has_year = false;
    if (vn_symbol_parse_loose(nfc, strlen(nfc), NULL, &sym)) {
        vn_symbol_format(&sym, canon);
        has_year = vn_symbol_has_year(&sym);
    } else {
        snprintf(canon, sizeof canon, "%s", nfc);
    }
    vn_date_range when;
    bool dated = at && !has_year && vn_date_parse_any(at + 1, &when);
    if (at && !has_year && !dated)
        goto done;   /* a date that does not parse matches nothing */

    long exact = vn_registry_by_id(r, canon);
    if (exact < 0 && dated) {
        char id[VN_SYMBOL_MAX + 16], iso[11];
        snprintf(id, sizeof id, "%s@%s", canon, vn_date_range_str(&when, iso));
        exact = vn_registry_by_id(r, id);
    }
    if (exact >= 0) {
        add_unique(out, &n, max, (size_t)exact);
        goto done;
    }
    size_t cap = r->instrument_count ? r->instrument_count : 1;
    size_t *all = malloc(cap * sizeof *all);
    if (!all)
        goto done;
    size_t m = vn_registry_by_symbol(r, canon, all, cap);
    for (size_t k = 0; k < m && k < cap; k++) {
        const vn_instrument *in = &r->instruments[all[k]];
        /* "symbol@2016" keeps the instruments issued within 2016 */
        if (dated && (in->issued.precision == VN_DATE_NONE ||
                      vn_date_cmp(in->issued.last, when.first) < 0 ||
                      vn_date_cmp(when.last, in->issued.first) < 0))
            continue;
        add_unique(out, &n, max, all[k]);
    }
    free(all);
done:
    free(nfc);
    return n;
}

/* ---- names ------------------------------------------------------------------------- */

const char *vn_validity_status_name(vn_validity_status s)
{
    switch (s) {
    case VN_VALID_UNKNOWN: return "unknown";
    case VN_VALID_NOT_YET_ISSUED: return "not_yet_issued";
    case VN_VALID_NOT_YET_IN_FORCE: return "not_yet_in_force";
    case VN_VALID_IN_FORCE: return "in_force";
    case VN_VALID_AMENDED: return "amended";
    case VN_VALID_PARTLY_REPEALED: return "partly_repealed";
    case VN_VALID_SUSPENDED: return "suspended";
    case VN_VALID_CEASED: return "ceased";
    }
    return "unknown";
}

const char *vn_outdated_status_name(vn_outdated_status s)
{
    switch (s) {
    case VN_OUTDATED_UNKNOWN: return "unknown";
    case VN_OUTDATED_NOT: return "not_outdated";
    case VN_OUTDATED_PARTLY: return "partly";
    case VN_OUTDATED_SUSPENDED: return "suspended";
    case VN_OUTDATED_POSSIBLY: return "possibly_outdated";
    case VN_OUTDATED_YES: return "outdated";
    case VN_OUTDATED_NOT_YET_ISSUED: return "not_yet_issued";
    }
    return "unknown";
}

const char *vn_event_reverse_name(vn_event_kind k)
{
    switch (k) {
    case VN_EVENT_REPLACED_BY: return "replaces";
    case VN_EVENT_SUPERSEDED_BY: return "supersedes";
    case VN_EVENT_AMENDED_BY: return "amends";
    case VN_EVENT_PARTLY_REPEALED: return "partly_repeals";
    case VN_EVENT_REPEALED: return "repeals";
    case VN_EVENT_EXPIRED: return "ends";
    case VN_EVENT_SUSPENDED: return "suspends";
    case VN_EVENT_IN_FORCE: return "brings_into_force";
    case VN_EVENT_ISSUED: return "issues";
    }
    return "unknown";
}

/* ---- sentences --------------------------------------------------------------------- */

/* A bounded string builder: appends never overflow, and the text is cut
 * at a UTF-8 character boundary when it does not fit. */
typedef struct sbuf {
    char *p;
    size_t size, len;
    bool full;   /* once cut, nothing more is appended, so the text stays a prefix */
} sbuf;

static void sb_init(sbuf *s, char *buf, size_t size)
{
    s->p = buf;
    s->size = size;
    s->len = 0;
    s->full = size == 0;
    if (size)
        buf[0] = '\0';
}

static void sb_add(sbuf *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void sb_add(sbuf *s, const char *fmt, ...)
{
    if (s->full)
        return;
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(s->p + s->len, s->size - s->len, fmt, ap);
    va_end(ap);
    if (w < 0)
        return;
    if ((size_t)w >= s->size - s->len) {
        /* truncated: drop a partial UTF-8 sequence at the end */
        size_t n = s->size - 1;
        size_t k = n;
        while (k > s->len && ((unsigned char)s->p[k - 1] & 0xC0) == 0x80)
            k--;
        if (k > s->len && ((unsigned char)s->p[k - 1] & 0xC0) == 0xC0) {
            unsigned char lead = (unsigned char)s->p[k - 1];
            size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            if (n - (k - 1) < need)
                n = k - 1;
        }
        s->p[n] = '\0';
        s->len = n;
        s->full = true;
        return;
    }
    s->len += (size_t)w;
}

/* "from 2023-07-01", "from a day in 2025-11", "(date not recorded)" */
static void sb_when(sbuf *s, const vn_date_range *d)
{
    char buf[11];
    switch (d->precision) {
    case VN_DATE_DAY:
        sb_add(s, " from %s", vn_date_range_str(d, buf));
        break;
    case VN_DATE_MONTH:
    case VN_DATE_YEAR:
        sb_add(s, " from a day in %s (day not known)", vn_date_range_str(d, buf));
        break;
    case VN_DATE_NONE:
        sb_add(s, " (date not recorded)");
        break;
    }
}

static void sb_other(sbuf *s, const vn_registry *r, const vn_event *e, const char *prefix)
{
    if (e->other >= 0)
        sb_add(s, "%s%s", prefix, r->instruments[e->other].id);
    else if (e->other_text && e->other_text[0])
        sb_add(s, "%s%s (not in the registry)", prefix, e->other_text);
}

static void sb_event(sbuf *s, const vn_registry *r, size_t event)
{
    const vn_event *e = &r->events[event];
    switch (e->kind) {
    case VN_EVENT_ISSUED:
        sb_add(s, "issued");
        break;
    case VN_EVENT_IN_FORCE:
        sb_add(s, "in force");
        break;
    case VN_EVENT_REPLACED_BY:
        sb_add(s, "replaced");
        sb_other(s, r, e, " by ");
        break;
    case VN_EVENT_REPEALED:
        sb_add(s, "repealed");
        sb_other(s, r, e, " by ");
        break;
    case VN_EVENT_SUPERSEDED_BY:
        sb_add(s, "superseded in substance");
        sb_other(s, r, e, " by ");
        break;
    case VN_EVENT_PARTLY_REPEALED:
        sb_add(s, "partly repealed");
        sb_other(s, r, e, " by ");
        break;
    case VN_EVENT_AMENDED_BY:
        sb_add(s, "amended");
        if (e->other >= 0 || (e->other_text && e->other_text[0]))
            sb_other(s, r, e, " by ");
        else
            sb_add(s, " by an instrument not identified");
        break;
    case VN_EVENT_EXPIRED:
        sb_add(s, "expired");
        break;
    case VN_EVENT_SUSPENDED:
        sb_add(s, "suspended");
        sb_other(s, r, e, " by ");
        break;
    }
    if (e->kind == VN_EVENT_ISSUED) {
        char buf[11];
        if (e->date.precision != VN_DATE_NONE)
            sb_add(s, e->date.precision == VN_DATE_DAY ? " on %s" : " in %s",
                   vn_date_range_str(&e->date, buf));
    } else {
        sb_when(s, &e->date);
    }
    const char *prov = e->provision ? e->provision : "";
    const char *src = e->source ? e->source : "";
    sb_add(s, " (");
    if (prov[0])
        sb_add(s, "%s; ", prov);
    if (src[0] && strcmp(src, prov) != 0)
        sb_add(s, "source: %s; ", src);
    else if (!src[0])
        sb_add(s, "no source recorded; ");
    sb_add(s, "confidence %s)", vn_confidence_name(e->confidence));
}

char *vn_event_describe(const vn_registry *r, size_t event, char *buf, size_t size)
{
    sbuf s;
    sb_init(&s, buf, size);
    sb_event(&s, r, event);
    return buf;
}

static void sb_list(sbuf *s, const vn_registry *r, const size_t *list, size_t count)
{
    size_t have = count < VN_VALIDITY_LIST_MAX ? count : VN_VALIDITY_LIST_MAX;
    for (size_t k = 0; k < have; k++) {
        if (k)
            sb_add(s, "; ");
        sb_event(s, r, list[k]);
    }
    if (count > have)
        sb_add(s, "; and %zu more", count - have);
}

char *vn_validity_describe(const vn_registry *r, size_t instrument, const vn_validity *v,
                           char *buf, size_t size)
{
    (void)instrument;
    sbuf s;
    sb_init(&s, buf, size);
    char d1[11];
    switch (v->status) {
    case VN_VALID_UNKNOWN:
        sb_add(&s, "unknown: no in-force date and no validity event recorded (no evidence of "
                   "repeal is not evidence of force)");
        break;
    case VN_VALID_NOT_YET_ISSUED:
        sb_add(&s, "not yet issued");
        if (v->until.precision != VN_DATE_NONE)
            sb_add(&s, " (issued %s)", vn_date_range_str(&v->until, d1));
        break;
    case VN_VALID_NOT_YET_IN_FORCE:
        sb_add(&s, "issued, not yet in force");
        if (v->until.precision != VN_DATE_NONE)
            sb_add(&s, " (in force from %s)", vn_date_range_str(&v->until, d1));
        break;
    case VN_VALID_IN_FORCE:
        if (v->inferred)
            sb_add(&s, "in force (inferred: no in-force date recorded, but a later event "
                       "presupposes force)");
        else if (v->since.precision != VN_DATE_NONE)
            sb_add(&s, "in force since %s", vn_date_range_str(&v->since, d1));
        else
            sb_add(&s, "in force");
        break;
    case VN_VALID_AMENDED:
        sb_add(&s, "in force, ");
        sb_list(&s, r, v->amendments, v->amendment_count);
        break;
    case VN_VALID_PARTLY_REPEALED:
        sb_add(&s, "in force in part, ");
        sb_list(&s, r, v->amendments, v->amendment_count);
        break;
    case VN_VALID_SUSPENDED:
        sb_add(&s, "suspended: ");
        if (v->event >= 0)
            sb_event(&s, r, (size_t)v->event);
        break;
    case VN_VALID_CEASED:
        sb_add(&s, "ceased: ");
        if (v->event >= 0)
            sb_event(&s, r, (size_t)v->event);
        break;
    }
    if (v->status != VN_VALID_CEASED && v->status != VN_VALID_NOT_YET_ISSUED &&
        v->possible_amendment_count) {
        sb_add(&s, "; possibly also ");
        sb_list(&s, r, v->possible_amendments, v->possible_amendment_count);
    }
    if (v->undecided && v->status != v->status_if_pending) {
        /* short: the pending event was described in full above or below */
        sb_add(&s, "; undecided on %s: %s if ", vn_date_iso(v->day, d1),
               vn_validity_status_name(v->status_if_pending));
        if (v->pending >= 0) {
            const vn_event *e = &r->events[v->pending];
            sb_add(&s, "%s", vn_event_kind_name(e->kind));
            if (e->other >= 0 || (e->other_text && e->other_text[0]))
                sb_other(&s, r, e, " ");
            else if (e->kind == VN_EVENT_AMENDED_BY || e->kind == VN_EVENT_PARTLY_REPEALED)
                sb_add(&s, " (by an instrument not identified)");
            if (e->date.precision != VN_DATE_NONE)
                sb_add(&s, " (%s)", vn_date_range_str(&e->date, d1));
            else
                sb_add(&s, " (date not recorded)");
            sb_add(&s, " took effect by then");
        } else {
            sb_add(&s, "its partial date includes that day");
        }
    }
    if (v->next >= 0 && v->status != VN_VALID_CEASED) {
        sb_add(&s, "; then ");
        sb_event(&s, r, (size_t)v->next);
    } else if (v->status == VN_VALID_IN_FORCE && !v->undecided && v->next < 0) {
        sb_add(&s, "; no later event recorded");
    }
    return buf;
}

static void sb_citing(sbuf *s, const vn_date_range *citing)
{
    char d[11];
    if (!citing || citing->precision == VN_DATE_NONE)
        sb_add(s, "the document's date is unknown");
    else
        sb_add(s, "the document is dated %s", vn_date_range_str(citing, d));
}

char *vn_outdated_describe(const vn_registry *r, size_t instrument, const vn_outdated *o,
                           const vn_date_range *citing, char *buf, size_t size)
{
    (void)instrument;
    sbuf s;
    sb_init(&s, buf, size);
    char d[11];
    switch (o->status) {
    case VN_OUTDATED_UNKNOWN:
        sb_add(&s, "unknown: the registry records no in-force date and no validity event "
                   "(no evidence of repeal is not evidence of force)");
        break;
    case VN_OUTDATED_NOT:
        sb_add(&s, "not outdated: no ending event by the document's date");
        break;
    case VN_OUTDATED_NOT_YET_ISSUED:
        sb_add(&s, "cited before it was issued: issued %s, but ",
               vn_date_range_str(&o->issued, d));
        sb_citing(&s, citing);
        sb_add(&s, " (check the symbol and the dates)");
        break;
    case VN_OUTDATED_YES:
    case VN_OUTDATED_POSSIBLY:
    case VN_OUTDATED_PARTLY:
    case VN_OUTDATED_SUSPENDED:
        sb_add(&s, "%s%s: ", o->possibly ? "possibly " : "",
               o->status == VN_OUTDATED_YES        ? "outdated"
               : o->status == VN_OUTDATED_POSSIBLY ? "possibly outdated"
               : o->status == VN_OUTDATED_SUSPENDED ? "suspended"
               : o->event >= 0 && r->events[o->event].kind == VN_EVENT_PARTLY_REPEALED
                   ? "partly repealed, not outdated"
                   : "amended, not outdated");
        if (o->event >= 0)
            sb_event(&s, r, (size_t)o->event);
        if (o->status == VN_OUTDATED_POSSIBLY) {
            sb_add(&s, "; ");
            sb_citing(&s, citing);
            sb_add(&s, ", so it depends on the day");
        }
        break;
    }
    return buf;
}

/* ---- JSON ----------------------------------------------------------------------------- */

static json_t *str_or_null(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

static json_t *range_json(const vn_date_range *d)
{
    char buf[11];
    return d->precision == VN_DATE_NONE ? json_null() : json_string(vn_date_range_str(d, buf));
}

json_t *vn_event_json(const vn_registry *r, size_t event)
{
    const vn_event *e = &r->events[event];
    const char *other = e->other >= 0 ? r->instruments[e->other].id : e->other_text;
    return json_pack("{s:s, s:o, s:s, s:o, s:b, s:o, s:o, s:s, s:o, s:i}",
                     "instrument", r->instruments[e->instrument].id,
                     "date", range_json(&e->date),
                     "event", vn_event_kind_name(e->kind),
                     "other", str_or_null(other),
                     "other_known", e->other >= 0,
                     "provision", str_or_null(e->provision),
                     "source", str_or_null(e->source),
                     "confidence", vn_confidence_name(e->confidence),
                     "note", str_or_null(e->note),
                     "line", e->line);
}

static json_t *event_or_null(const vn_registry *r, long event)
{
    return event >= 0 ? vn_event_json(r, (size_t)event) : json_null();
}

static json_t *event_list(const vn_registry *r, const size_t *list, size_t count)
{
    json_t *a = json_array();
    size_t have = count < VN_VALIDITY_LIST_MAX ? count : VN_VALIDITY_LIST_MAX;
    for (size_t k = 0; a && k < have; k++)
        if (json_array_append_new(a, vn_event_json(r, list[k])) != 0) {
            json_decref(a);
            return NULL;
        }
    return a;
}

json_t *vn_validity_json(const vn_registry *r, size_t instrument, const vn_validity *v)
{
    char day[11], text[1024];
    vn_validity_describe(r, instrument, v, text, sizeof text);
    return json_pack("{s:s, s:s, s:o, s:o, s:b, s:b, s:s, s:o, s:o, s:o, s:o, s:o, s:s}",
                     "date", vn_date_iso(v->day, day),
                     "status", vn_validity_status_name(v->status),
                     "since", range_json(&v->since),
                     "until", range_json(&v->until),
                     "inferred", v->inferred,
                     "undecided", v->undecided,
                     "status_if_pending", vn_validity_status_name(v->status_if_pending),
                     "event", event_or_null(r, v->event),
                     "next", event_or_null(r, v->next),
                     "pending", event_or_null(r, v->pending),
                     "amendments", event_list(r, v->amendments, v->amendment_count),
                     "possible_amendments",
                     event_list(r, v->possible_amendments, v->possible_amendment_count),
                     "text", text);
}

json_t *vn_outdated_json(const vn_registry *r, size_t instrument, const vn_outdated *o,
                         const vn_date_range *citing)
{
    char text[1024];
    vn_outdated_describe(r, instrument, o, citing, text, sizeof text);
    return json_pack("{s:s, s:b, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:s}",
                     "status", vn_outdated_status_name(o->status),
                     "possibly", o->possibly,
                     "event", event_or_null(r, o->event),
                     "other", str_or_null(o->other_id),
                     "from", range_json(&o->from),
                     "provision", str_or_null(o->provision),
                     "source", str_or_null(o->source),
                     "confidence", o->event >= 0 ? json_string(vn_confidence_name(o->confidence))
                                                 : json_null(),
                     "issued", range_json(&o->issued),
                     "text", text);
}
