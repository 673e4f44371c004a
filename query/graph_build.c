/*
 * graph_build.c — the citation graph of a loaded corpus (graph.h): the
 * documents, the instruments they cite, the registry relations followed
 * from those instruments, and what a --focus names.
 */
#include "graph.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "corpus.h"
#include "validity.h"

static vn_status nomem(vn_error *err)
{
    return vn_error_set(err, VN_ERR_NOMEM, "out of memory while building the graph");
}

/* The registry relations that become edges (SPEC §4: supersession and
 * amendment); issued/in_force/repealed/expired/suspended name no other
 * instrument and only shape a node's status. */
static bool is_relation(vn_event_kind k)
{
    return k == VN_EVENT_REPLACED_BY || k == VN_EVENT_SUPERSEDED_BY ||
           k == VN_EVENT_AMENDED_BY || k == VN_EVENT_PARTLY_REPEALED;
}

static bool is_ceasing(vn_event_kind k)
{
    return k == VN_EVENT_REPLACED_BY || k == VN_EVENT_REPEALED ||
           k == VN_EVENT_SUPERSEDED_BY || k == VN_EVENT_EXPIRED;
}

static vn_date day_before(vn_date d)
{
    if (--d.day >= 1)
        return d;
    if (--d.month < 1) {
        d.month = 12;
        d.year--;
    }
    d.day = vn_date_days_in_month(d.year, d.month);
    return d;
}

static vn_date today(void)
{
    time_t t = time(NULL);
    struct tm tm;
    if (!localtime_r(&t, &tm))
        return (vn_date){1970, 1, 1};
    return (vn_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

/* "" for an unknown range, else its ISO form ("2024", "2024-03", "2024-03-25"). */
static const char *range_text(const vn_date_range *r, char buf[11])
{
    if (!r || r->precision == VN_DATE_NONE) {
        buf[0] = '\0';
        return buf;
    }
    return vn_date_range_str(r, buf);
}

static const char *first_day_text(const vn_date_range *r, char buf[11])
{
    if (!r || r->precision == VN_DATE_NONE) {
        buf[0] = '\0';
        return buf;
    }
    return vn_date_iso(r->first, buf);
}

static const char *instrument_state_name(vn_instrument_state s)
{
    switch (s) {
    case VN_INST_RESOLVED: return "resolved";
    case VN_INST_UNRESOLVED: return "unresolved";
    case VN_INST_AMBIGUOUS: return "ambiguous";
    }
    return "unresolved";
}

/*
 * When the registry says the instrument ceased to be in force: the earliest
 * dated ceasing event.  `end` is the last day it can have been in force —
 * the day before the latest day of the event's (possibly partial) date, so
 * a month-dated repeal does not cut the interval short by guessing a day.
 */
static void ceased_dates(const vn_registry *r, size_t instrument, char ceased[11], char end[11])
{
    const vn_event *best = NULL;
    for (size_t cur = 0, e; vn_registry_event_next(r, instrument, &cur, &e);) {
        const vn_event *ev = &r->events[e];
        if (!is_ceasing(ev->kind) || ev->date.precision == VN_DATE_NONE)
            continue;
        if (!best || vn_date_cmp(ev->date.first, best->date.first) < 0)
            best = ev;
    }
    ceased[0] = end[0] = '\0';
    if (best) {
        vn_date_range_str(&best->date, ceased);
        vn_date_iso(day_before(best->date.last), end);
    }
}

/* Status and validity dates of a registry instrument, into n (strings in bufs). */
typedef struct validity_text {
    char ceased[11], end[11];
} validity_text;

static void registry_validity(const vn_registry *r, size_t instrument, vn_date on,
                              vn_graph_node *n, validity_text *buf)
{
    vn_validity v = vn_validity_on(r, instrument, on);
    n->status = vn_validity_status_name(v.status);
    ceased_dates(r, instrument, buf->ceased, buf->end);
    n->ceased = buf->ceased;
    n->end = buf->end;
    n->in_registry = true;
}

static vn_status add_documents(vn_graph *g, const vn_corpus *c, vn_error *err)
{
    for (size_t d = 0; d < c->doc_count; d++) {
        const vn_corpus_doc *doc = &c->docs[d];
        char date[11], start[11];
        const char *slash = strrchr(doc->file, '/');
        vn_graph_node n = {0};
        n.id = doc->file;
        n.kind = VN_GRAPH_DOCUMENT;
        n.label = doc->meta.title[0] ? doc->meta.title : (slash ? slash + 1 : doc->file);
        n.type = doc->meta.type_word;
        n.issuer = doc->meta.issuer;
        n.date = range_text(&doc->meta.date, date);
        n.file = doc->file;
        n.title = doc->meta.title;
        n.symbol = doc->meta.own_number;
        n.start = first_day_text(&doc->meta.date, start);
        n.draft = doc->meta.draft;
        n.mentions = (long)doc->cite_count;
        vn_status st = vn_graph_add_node(g, &n, NULL, err);
        if (st != VN_OK)
            return st;
    }
    return VN_OK;
}

/* Per instrument, the candidates of its first ambiguous citation (or NULL),
 * in one pass: a scan per ambiguous instrument was quadratic (100k plans
 * spent minutes here). */
static const char **first_candidates(const vn_corpus *c)
{
    const char **out = calloc(c->instrument_count ? c->instrument_count : 1, sizeof *out);
    if (!out)
        return NULL;
    for (size_t d = 0; d < c->doc_count; d++)
        for (size_t k = 0; k < c->docs[d].cite_count; k++) {
            const vn_corpus_cite *ci = &c->docs[d].cites[k];
            if (ci->c.candidates && ci->instrument < c->instrument_count &&
                !out[ci->instrument])
                out[ci->instrument] = ci->c.candidates;
        }
    return out;
}

static vn_status add_corpus_instruments(vn_graph *g, const vn_corpus *c, const vn_registry *r,
                                        vn_date on, vn_error *err)
{
    const char **candidates = first_candidates(c);
    if (!candidates)
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory while building the graph");
    vn_status st = VN_OK;
    for (size_t i = 0; i < c->instrument_count && st == VN_OK; i++) {
        const vn_corpus_instrument *in = &c->instruments[i];
        char date[11], start[11];
        validity_text vt;
        vn_graph_node n = {0};
        n.id = in->id;
        n.kind = VN_GRAPH_INSTRUMENT;
        n.label = in->label;
        n.type = in->type_word;
        n.issuer = in->issuer;
        n.date = range_text(&in->issued, date);
        n.symbol = in->symbol;
        n.state = instrument_state_name(in->state);
        n.start = first_day_text(&in->issued, start);
        n.citing_docs = (long)in->citing_docs;
        n.mentions = (long)in->mentions;
        if (in->state == VN_INST_AMBIGUOUS)
            n.candidates = candidates[i] ? candidates[i] : "";
        if (r && in->registry >= 0) {
            n.title = r->instruments[in->registry].title;
            registry_validity(r, (size_t)in->registry, on, &n, &vt);
        } else if (in->state == VN_INST_RESOLVED) {
            n.status = vn_validity_status_name(VN_VALID_UNKNOWN);
        }
        st = vn_graph_add_node(g, &n, NULL, err);
    }
    free(candidates);
    return st;
}

/* A registry instrument reached through a relation, not cited in the corpus. */
static vn_status add_registry_instrument(vn_graph *g, const vn_registry *r, size_t i, vn_date on,
                                         vn_error *err)
{
    const vn_instrument *ri = &r->instruments[i];
    vn_date_range issued;
    vn_instrument_issue_range(r, i, &issued);
    char date[11], start[11];
    validity_text vt;
    vn_graph_node n = {0};
    n.id = ri->id;
    n.kind = VN_GRAPH_INSTRUMENT;
    n.label = ri->symbol;
    n.type = ri->type_word;
    n.issuer = ri->issuer;
    n.date = range_text(&issued, date);
    n.title = ri->title;
    n.symbol = ri->symbol;
    n.state = instrument_state_name(VN_INST_RESOLVED);
    n.start = first_day_text(&issued, start);
    registry_validity(r, i, on, &n, &vt);
    return vn_graph_add_node(g, &n, NULL, err);
}

/*
 * The registry instruments reachable from the cited ones through relation
 * events (A replaced_by B amended_by C brings in B and C), as marks on the
 * registry's instruments.  A fixed-point loop: each pass marks at least one
 * more instrument or ends, so a cyclic hand-made registry cannot loop.
 */
static bool *reachable_instruments(const vn_corpus *c, const vn_registry *r)
{
    bool *in_graph = calloc(r->instrument_count ? r->instrument_count : 1, sizeof *in_graph);
    if (!in_graph)
        return NULL;
    for (size_t i = 0; i < c->instrument_count; i++)
        if (c->instruments[i].registry >= 0)
            in_graph[c->instruments[i].registry] = true;
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t e = 0; e < r->event_count; e++) {
            const vn_event *ev = &r->events[e];
            if (is_relation(ev->kind) && ev->other >= 0 && in_graph[ev->instrument] &&
                !in_graph[ev->other])
                in_graph[ev->other] = changed = true;
        }
    }
    return in_graph;
}

/* Node index of the other instrument of a relation event, adding an
 * unresolved node when the registry names it only as written. */
static vn_status relation_target(vn_graph *g, const vn_registry *r, const vn_event *ev,
                                 size_t *index, vn_error *err)
{
    if (ev->other >= 0) {
        long at = vn_graph_find(g, r->instruments[ev->other].id);
        if (at < 0)
            return vn_error_set(err, VN_ERR_NOTFOUND, "graph: %s is missing",
                                r->instruments[ev->other].id);
        *index = (size_t)at;
        return VN_OK;
    }
    vn_graph_node n = {0};
    n.id = ev->other_text;
    n.kind = VN_GRAPH_INSTRUMENT;
    n.label = ev->other_text;
    n.symbol = ev->other_text;
    n.state = instrument_state_name(VN_INST_UNRESOLVED);
    return vn_graph_add_node(g, &n, index, err);
}

/* The relation edges made so far, by (source, target, event kind): an
 * open-addressing table of edge indices, so merging a registry's events
 * costs one probe each, not a pass over the edges. */
typedef struct edge_table {
    size_t *slots;          /* edge index + 1; 0 is empty */
    size_t mask;
} edge_table;

static size_t edge_hash(size_t source, size_t target, vn_event_kind kind)
{
    uint64_t h = (uint64_t)source * 0x9E3779B97F4A7C15ull;
    h ^= (uint64_t)target + 0x7F4A7C159E3779B9ull + (h << 6) + (h >> 2);
    h ^= (uint64_t)kind + (h << 6) + (h >> 2);
    return (size_t)(h ^ (h >> 29));
}

/* The slot holding edge (source, target, kind), or the empty one where it goes. */
static size_t *edge_slot(const edge_table *t, const vn_graph *g, size_t source, size_t target,
                         vn_event_kind kind, const vn_event_kind *kinds)
{
    for (size_t i = edge_hash(source, target, kind) & t->mask;; i = (i + 1) & t->mask) {
        size_t at = t->slots[i];
        if (at == 0)
            return &t->slots[i];
        const vn_graph_edge *e = &g->edges[at - 1];
        if (e->source == source && e->target == target && kinds[at - 1] == kind)
            return &t->slots[i];
    }
}

/* One edge per (instrument, other, relation); weight counts the events, the
 * first event in file order gives date, provision, source and confidence. */
static vn_status add_relation_edges(vn_graph *g, const vn_registry *r, const bool *in_graph,
                                    vn_error *err)
{
    size_t relations = 0;
    for (size_t e = 0; e < r->event_count; e++)
        relations += is_relation(r->events[e].kind);
    size_t cap = 16;
    while (cap < 2 * relations)
        cap *= 2;
    /* kinds[i]: the event kind of edge i, for the edges this function adds
     * (indexed from 0 at the first edge, so sized for every edge up to then) */
    size_t first_new = g->edge_count;
    edge_table t = {calloc(cap, sizeof *t.slots), cap - 1};
    vn_event_kind *kinds = malloc((first_new + relations + 1) * sizeof *kinds);
    if (!t.slots || !kinds) {
        free(t.slots);
        free(kinds);
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory building the graph");
    }
    vn_status st = VN_OK;
    for (size_t e = 0; e < r->event_count && st == VN_OK; e++) {
        const vn_event *ev = &r->events[e];
        if (!is_relation(ev->kind) || !in_graph[ev->instrument] ||
            (ev->other < 0 && !ev->other_text[0]))
            continue;
        long source = vn_graph_find(g, r->instruments[ev->instrument].id);
        size_t target;
        if (source < 0)
            continue;
        if ((st = relation_target(g, r, ev, &target, err)) != VN_OK)
            break;
        size_t *slot = edge_slot(&t, g, (size_t)source, target, ev->kind, kinds);
        if (*slot) {
            g->edges[*slot - 1].weight++;
            continue;
        }
        char date[11];
        vn_graph_edge edge = {0};
        edge.source = (size_t)source;
        edge.target = target;
        edge.relation = vn_event_kind_name(ev->kind);
        edge.weight = 1;
        edge.date = range_text(&ev->date, date);
        edge.provision = ev->provision;
        edge.provenance = ev->source;
        edge.confidence = vn_confidence_name(ev->confidence);
        if ((st = vn_graph_add_edge(g, &edge, err)) != VN_OK)
            break;
        kinds[g->edge_count - 1] = ev->kind;
        *slot = g->edge_count;
    }
    free(t.slots);
    free(kinds);
    return st;
}

/* The outdated verdict of one cites edge, or "" when there is nothing to judge. */
static const char *cite_verdict(const vn_corpus *c, const vn_registry *r, size_t doc,
                                const vn_corpus_instrument *in, const vn_graph_options *opt)
{
    if (in->state != VN_INST_RESOLVED)
        return "";
    if (!r || in->registry < 0)
        return vn_outdated_status_name(VN_OUTDATED_UNKNOWN);
    vn_date_range citing;
    const vn_date_range *when = NULL;
    if (opt->judge_on_as_of)
        when = &opt->as_of;
    else if (vn_corpus_doc_date(&c->docs[doc], &citing))
        when = &citing;
    vn_outdated o = vn_outdated_check(r, (size_t)in->registry, when);
    return vn_outdated_status_name(o.status);
}

/* One cites edge per (document, instrument): weight = mentions, the first
 * mention (in reading order) gives line and text. */
static vn_status add_cites_edges(vn_graph *g, const vn_corpus *c, const vn_registry *r,
                                 const vn_graph_options *opt, vn_error *err)
{
    /* first[i]: the first cite of instrument i in the current document, + 1 */
    size_t *first = calloc(c->instrument_count ? c->instrument_count : 1, sizeof *first);
    size_t *count = calloc(c->instrument_count ? c->instrument_count : 1, sizeof *count);
    size_t *order = malloc((c->instrument_count ? c->instrument_count : 1) * sizeof *order);
    vn_status st = first && count && order ? VN_OK : nomem(err);
    for (size_t d = 0; st == VN_OK && d < c->doc_count; d++) {
        const vn_corpus_doc *doc = &c->docs[d];
        size_t distinct = 0;
        for (size_t k = 0; k < doc->cite_count; k++) {
            size_t i = doc->cites[k].instrument;
            if (i >= c->instrument_count)
                continue;
            if (!count[i]++) {
                first[i] = k;
                order[distinct++] = i;
            }
        }
        long source = vn_graph_find(g, doc->file);
        /* the document's own date as written; the verdict may use more
         * (vn_corpus_doc_date: "not before its latest cited date") */
        char date[11];
        range_text(&doc->meta.date, date);
        for (size_t j = 0; j < distinct; j++) {
            size_t i = order[j];
            long target = vn_graph_find(g, c->instruments[i].id);
            const vn_corpus_cite *rec = &doc->cites[first[i]];
            if (st == VN_OK && source >= 0 && target >= 0) {
                vn_graph_edge e = {0};
                e.source = (size_t)source;
                e.target = (size_t)target;
                e.relation = "cites";
                e.weight = (long)count[i];
                e.line = rec->line;
                e.date = date;
                e.text = rec->text;
                e.outdated = cite_verdict(c, r, d, &c->instruments[i], opt);
                st = vn_graph_add_edge(g, &e, err);
            }
            count[i] = 0;
        }
    }
    free(first);
    free(count);
    free(order);
    return st;
}

vn_status vn_graph_build(const vn_corpus *c, const vn_registry *registry,
                         const vn_graph_options *opt, vn_graph *out, vn_error *err)
{
    vn_graph_options defaults = {0};
    if (!opt)
        opt = &defaults;
    vn_graph_init(out);
    /* statuses are given for the first day of a partial --as-of, the day
     * `vncite instruments --as-of` shows */
    vn_date on = opt->as_of.precision != VN_DATE_NONE ? opt->as_of.first : today();
    vn_date_range on_range = {on, on, VN_DATE_DAY};
    if (opt->as_of.precision != VN_DATE_NONE)
        vn_date_range_str(&opt->as_of, out->as_of);
    else
        vn_date_range_str(&on_range, out->as_of);

    vn_status st = add_documents(out, c, err);
    if (st == VN_OK)
        st = add_corpus_instruments(out, c, registry, on, err);
    bool *in_graph = NULL;
    if (st == VN_OK && registry) {
        in_graph = reachable_instruments(c, registry);
        if (!in_graph)
            st = nomem(err);
        for (size_t i = 0; st == VN_OK && i < registry->instrument_count; i++)
            if (in_graph[i] && vn_graph_find(out, registry->instruments[i].id) < 0)
                st = add_registry_instrument(out, registry, i, on, err);
    }
    if (st == VN_OK)
        st = add_cites_edges(out, c, registry, opt, err);
    if (st == VN_OK && registry)
        st = add_relation_edges(out, registry, in_graph, err);
    free(in_graph);
    if (st == VN_OK)
        st = vn_graph_sort(out, err);
    if (st != VN_OK)
        vn_graph_free(out);
    return st;
}

/* ---- --focus -------------------------------------------------------------------------- */

static size_t add_unique(size_t *out, size_t max, size_t n, size_t index)
{
    for (size_t k = 0; k < n && k < max; k++)
        if (out[k] == index)
            return n;
    if (n < max)
        out[n] = index;
    return n + 1;
}

size_t vn_graph_focus_nodes(const vn_graph *g, const vn_corpus *c, const vn_registry *registry,
                            const char *text, size_t *out, size_t max)
{
    if (!text || !*text)
        return 0;
    /* a document path, or an exact node id, means exactly that node */
    long doc = vn_corpus_find_doc(c, text);
    long at = doc >= 0 ? vn_graph_find(g, c->docs[doc].file) : vn_graph_find(g, text);
    if (at >= 0) {
        if (max)
            out[0] = (size_t)at;
        return 1;
    }
    size_t n = 0;
    size_t room = c->instrument_count;
    if (registry && registry->instrument_count > room)
        room = registry->instrument_count;
    size_t *found = malloc((room ? room : 1) * sizeof *found);
    if (!found)
        return 0;
    size_t hits = vn_corpus_match(c, text, found, room);
    for (size_t k = 0; k < hits && k < room; k++) {
        long i = vn_graph_find(g, c->instruments[found[k]].id);
        if (i >= 0)
            n = add_unique(out, max, n, (size_t)i);
    }
    if (registry) {
        hits = vn_registry_find(registry, text, found, room);
        for (size_t k = 0; k < hits && k < room; k++) {
            long i = vn_graph_find(g, registry->instruments[found[k]].id);
            if (i >= 0)
                n = add_unique(out, max, n, (size_t)i);
        }
    }
    free(found);
    return n;
}
