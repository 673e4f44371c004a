/*
 * graph_build.c — the citation graph of a loaded corpus (graph.h): the
 * documents, the instruments they cite, the registry relations followed
 * from those instruments, and what a --focus names.
 */
#include "graph.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../common/grow.h"
#include "corpus.h"
#include "find_file.h"
#include "instrument_tally.h"
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

/*
 * The registry instruments reachable from the cited ones through relation
 * events (A replaced_by B amended_by C brings in B and C), as marks on the
 * registry's instruments.  A fixed-point loop: each pass marks at least one
 * more instrument or ends, so a cyclic hand-made registry cannot loop.
 */
static bool *reachable_instruments(const vn_corpus_instrument *instruments, size_t count,
                                   const vn_registry *r)
{
    bool *in_graph = calloc(r->instrument_count ? r->instrument_count : 1, sizeof *in_graph);
    if (!in_graph)
        return NULL;
    for (size_t i = 0; i < count; i++)
        if (instruments[i].registry >= 0)
            in_graph[instruments[i].registry] = true;
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
        const vn_graph_link *e = &g->links[at - 1];
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
            vn_graph_link *same = &g->links[*slot - 1];
            same->weight += same->weight < UINT32_MAX - 1;   /* more events than that: as many */
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

/* ---- the builder: documents one at a time, then the instruments ------------------------- */

/* What the document being added says of a key (per key number; both 0
 * between documents). */
typedef struct key_slot {
    uint32_t first, count;  /* the document's first citation of it, and how many */
} key_slot;

typedef struct builder {
    vn_graph *g;
    const vn_registry *registry;
    const vn_graph_options *opt;
    vn_date on;             /* the day node statuses are given for */
    key_slot *keys;         /* per key number */
    size_t key_cap;
    size_t *distinct;       /* the document's keys, in order of first citation */
    size_t distinct_cap;
    vn_date_range *judged;  /* per document node: its date for verdicts (NONE: unknown);
                               other nodes' entries are never read */
    size_t judged_cap;
} builder;

/* The key numbers of a document's citations. */
typedef struct doc_keys {
    const size_t *of;       /* per citation */
    size_t count;           /* key numbers are below this */
} doc_keys;

static void builder_init(builder *b, vn_graph *g, const vn_registry *registry,
                         const vn_graph_options *opt)
{
    memset(b, 0, sizeof *b);
    b->g = g;
    b->registry = registry;
    b->opt = opt;
    vn_graph_init(g);
    /* statuses are given for the first day of a partial --as-of, the day
     * `vncite instruments --as-of` shows */
    b->on = opt->as_of.precision != VN_DATE_NONE ? opt->as_of.first : today();
    vn_date_range on_range = {b->on, b->on, VN_DATE_DAY};
    vn_date_range_str(opt->as_of.precision != VN_DATE_NONE ? &opt->as_of : &on_range, g->as_of);
}

static void builder_free(builder *b)
{
    free(b->keys);
    free(b->distinct);
    free(b->judged);
}

static vn_status add_document_node(builder *b, const vn_corpus_doc *doc, size_t *index,
                                   vn_error *err)
{
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
    vn_status st = vn_graph_add_node(b->g, &n, index, err);
    if (st != VN_OK)
        return st;
    if (!vn_grow((void **)&b->judged, &b->judged_cap, *index + 1, sizeof *b->judged, 1024))
        return nomem(err);
    /* the verdict may use more than the date as written (vn_corpus_doc_date:
     * "not before its latest cited date") */
    vn_corpus_doc_date(doc, &b->judged[*index]);
    return VN_OK;
}

/* A resolved document: its node and one cites edge per instrument it cites
 * (weight = mentions; the first mention in reading order gives line and
 * text).  The edge's target is the key number until builder_finish makes
 * the instruments' nodes (they would be most of the graph's nodes, held
 * while the index is streamed); verdicts wait for it too. */
static vn_status builder_doc(builder *b, const vn_corpus_doc *doc, const doc_keys *keys,
                             vn_error *err)
{
    if (keys->count >= UINT32_MAX || doc->cite_count >= UINT32_MAX)
        return vn_error_set(err, VN_ERR_USAGE, "%s: too many instruments for the graph",
                            doc->file);
    size_t source;
    vn_status st = add_document_node(b, doc, &source, err);
    if (st != VN_OK)
        return st;
    if (keys->count > b->key_cap) {
        size_t old = b->key_cap;
        if (!vn_grow((void **)&b->keys, &b->key_cap, keys->count, sizeof *b->keys, 1024))
            return nomem(err);
        memset(b->keys + old, 0, (b->key_cap - old) * sizeof *b->keys);
    }
    if (!vn_grow((void **)&b->distinct, &b->distinct_cap, doc->cite_count, sizeof *b->distinct,
                 64))
        return nomem(err);
    size_t distinct = 0;
    for (size_t k = 0; k < doc->cite_count; k++) {
        key_slot *slot = &b->keys[keys->of[k]];
        if (!slot->count++) {
            slot->first = (uint32_t)k;
            b->distinct[distinct++] = keys->of[k];
        }
    }
    char date[11];
    range_text(&doc->meta.date, date);
    for (size_t j = 0; j < distinct; j++) {
        key_slot *slot = &b->keys[b->distinct[j]];
        if (st == VN_OK) {
            const vn_corpus_cite *first = &doc->cites[slot->first];
            vn_graph_edge e = {0};
            e.source = source;
            e.target = b->distinct[j];
            e.relation = "cites";
            e.weight = (long)slot->count;
            e.line = first->line;
            e.date = date;
            e.text = first->text;
            st = vn_graph_add_pending_edge(b->g, &e, err);
        }
        slot->count = 0;
    }
    return st;
}

/* An instrument's node with its attributes. */
static vn_status fill_instrument_node(builder *b, const vn_corpus_instrument *in, size_t *node,
                                      vn_error *err)
{
    const vn_registry *r = b->registry;
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
        n.candidates = in->candidates ? in->candidates : "";
    if (r && in->registry >= 0) {
        n.title = r->instruments[in->registry].title;
        registry_validity(r, (size_t)in->registry, b->on, &n, &vt);
    } else if (in->state == VN_INST_RESOLVED) {
        n.status = vn_validity_status_name(VN_VALID_UNKNOWN);
    }
    size_t before = b->g->node_count;
    vn_status st = vn_graph_add_node(b->g, &n, node, err);
    if (st == VN_OK && b->g->node_count == before)   /* a citation made it: fill it now */
        st = vn_graph_set_node(b->g, *node, &n, err);
    return st;
}

/* A registry instrument reached through a relation, not cited in the corpus:
 * a node as a table row of it would give. */
static vn_status add_registry_instrument(builder *b, size_t i, vn_error *err)
{
    const vn_instrument *ri = &b->registry->instruments[i];
    vn_corpus_instrument in = {.id = ri->id, .symbol = ri->symbol, .label = ri->symbol,
                               .type_word = ri->type_word, .issuer = ri->issuer,
                               .registry = (long)i, .state = VN_INST_RESOLVED};
    vn_instrument_issue_range(b->registry, i, &in.issued);
    size_t node;
    return fill_instrument_node(b, &in, &node, err);
}

/* The outdated verdict of a cites edge to `in` from a document judged on
 * `citing`, or "" when there is nothing to judge.  The names are static
 * strings, shared by every edge rather than copied into each. */
static const char *cite_verdict(const builder *b, const vn_corpus_instrument *in,
                                const vn_date_range *citing)
{
    if (in->state != VN_INST_RESOLVED)
        return "";
    if (!b->registry || in->registry < 0)
        return vn_outdated_status_name(VN_OUTDATED_UNKNOWN);
    const vn_date_range *when = NULL;
    if (b->opt->judge_on_as_of)
        when = &b->opt->as_of;
    else if (citing->precision != VN_DATE_NONE)
        when = citing;
    vn_outdated o = vn_outdated_check(b->registry, (size_t)in->registry, when);
    return vn_outdated_status_name(o.status);
}

/* Every document is in: the instruments' nodes and attributes, the cites
 * edges pointed at them (key k is instrument inst_of_key[k], or k itself
 * when inst_of_key is NULL), the registry instruments their relations
 * reach, the verdicts, the relation edges.  The graph is not sorted yet. */
/*
 * A document of the index that is itself an instrument in the graph: its
 * own number with a year ("59/2023/NĐ-CP"), or without one with its day
 * ("45-KH/TU@2021-04-12"), is the identity of a node another document
 * cites (or the registry brings in).  One `is` edge links the two, so the
 * plans citing a plan reach its own citations.
 */
static vn_status add_is_edges(vn_graph *g, vn_error *err)
{
    size_t nodes = g->node_count;
    vn_status st = VN_OK;
    for (size_t i = 0; i < nodes && st == VN_OK; i++) {
        vn_graph_node n = vn_graph_node_at(g, i);
        vn_symbol s;
        if (n.kind != VN_GRAPH_DOCUMENT || !vn_own_number_numbered(n.symbol) ||
            !vn_symbol_parse_loose(n.symbol, strlen(n.symbol), n.type, &s))
            continue;
        char id[VN_SYMBOL_MAX + 16];
        if (vn_symbol_has_year(&s))
            snprintf(id, sizeof id, "%s", n.symbol);
        else if (strlen(n.date) == 10)
            snprintf(id, sizeof id, "%s@%s", n.symbol, n.date);
        else
            continue;   /* a yearless number needs its day to name one instrument */
        long target = vn_graph_find(g, id);
        if (target < 0 || vn_graph_node_at(g, (size_t)target).kind != VN_GRAPH_INSTRUMENT)
            continue;
        char date[11];
        snprintf(date, sizeof date, "%s", n.date);   /* adding may grow the strings n points to */
        vn_graph_edge edge = {0};
        edge.source = i;
        edge.target = (size_t)target;
        edge.relation = "is";
        edge.weight = 1;
        edge.date = date;
        st = vn_graph_add_edge(g, &edge, err);
    }
    return st;
}

static vn_status builder_finish(builder *b, const vn_corpus_instrument *instruments,
                                size_t count, const size_t *inst_of_key, vn_error *err)
{
    vn_graph *g = b->g;
    size_t cites = g->edge_count;
    vn_status st = VN_OK;
    size_t *node_of = malloc((count ? count : 1) * sizeof *node_of);
    if (!node_of)
        st = nomem(err);
    for (size_t i = 0; st == VN_OK && i < count; i++)
        st = fill_instrument_node(b, &instruments[i], &node_of[i], err);
    for (size_t e = 0; st == VN_OK && e < cites; e++) {
        vn_graph_link *edge = &g->links[e];
        size_t in = inst_of_key ? inst_of_key[edge->target] : edge->target;
        edge->target = (uint32_t)node_of[in];
        const char *verdict = cite_verdict(b, &instruments[in], &b->judged[edge->source]);
        st = vn_graph_share(g, verdict, &edge->outdated, err);
    }
    free(node_of);
    bool *in_graph = NULL;
    const vn_registry *reg = b->registry;
    if (st == VN_OK && reg) {
        in_graph = reachable_instruments(instruments, count, reg);
        if (!in_graph)
            st = nomem(err);
        for (size_t i = 0; st == VN_OK && i < reg->instrument_count; i++)
            if (in_graph[i] && vn_graph_find(g, reg->instruments[i].id) < 0)
                st = add_registry_instrument(b, i, err);
    }
    if (st == VN_OK && reg)
        st = add_relation_edges(g, reg, in_graph, err);
    free(in_graph);
    if (st == VN_OK)
        st = add_is_edges(g, err);
    return st;
}

/* ---- from a loaded corpus ------------------------------------------------------------------ */

vn_status vn_graph_build(const vn_corpus *c, const vn_registry *registry,
                         const vn_graph_options *opt, vn_graph *out, vn_error *err)
{
    vn_graph_options defaults = {0};
    builder b;
    builder_init(&b, out, registry, opt ? opt : &defaults);
    size_t *of = NULL, of_cap = 0;
    vn_status st = VN_OK;
    for (size_t d = 0; st == VN_OK && d < c->doc_count; d++) {
        const vn_corpus_doc *doc = &c->docs[d];
        if (!vn_grow((void **)&of, &of_cap, doc->cite_count, sizeof *of, 64)) {
            st = nomem(err);
            break;
        }
        for (size_t k = 0; k < doc->cite_count; k++)
            of[k] = doc->cites[k].instrument;
        doc_keys keys = {of, c->instrument_count};
        st = builder_doc(&b, doc, &keys, err);
    }
    free(of);
    if (st == VN_OK)
        st = builder_finish(&b, c->instruments, c->instrument_count, NULL, err);
    builder_free(&b);
    if (st == VN_OK)
        st = vn_graph_sort(out, err);
    if (st != VN_OK)
        vn_graph_free(out);
    return st;
}

/* ---- streamed from an index ---------------------------------------------------------------- */

static vn_status streamed_doc(void *arg, const vn_corpus_doc *doc, size_t rank,
                              const size_t *keys, const vn_instrument_tally *t, vn_error *err)
{
    (void)rank;
    doc_keys of = {keys, vn_instrument_tally_key_count(t)};
    return builder_doc(arg, doc, &of, err);
}

vn_status vn_graph_build_index(const char *db_path, const vn_registry *registry,
                               const vn_graph_options *opt, vn_graph *out,
                               vn_graph_table_fn table_fn, void *table_ctx, vn_error *err)
{
    vn_graph_options defaults = {0};
    builder b;
    vn_corpus table = {0};
    builder_init(&b, out, registry, opt ? opt : &defaults);
    size_t *place = NULL;
    vn_status st = vn_instrument_tally_stream(db_path, registry, streamed_doc, &b, &table,
                                              &place, NULL, err);
    if (st == VN_OK)
        st = builder_finish(&b, table.instruments, table.instrument_count, place, err);
    free(place);
    builder_free(&b);
    if (st == VN_OK && table_fn)
        st = table_fn(table_ctx, &table, err);
    /* the table is as big as the instrument nodes: gone before the sort's
     * scratch */
    vn_corpus_free(&table);
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

vn_status vn_graph_focus_match(const vn_corpus *c, const char *text, vn_graph_focus *out,
                               vn_error *err)
{
    memset(out, 0, sizeof *out);
    size_t room = c->instrument_count ? c->instrument_count : 1;
    size_t *found = malloc(room * sizeof *found);
    size_t hits = found && text ? vn_corpus_match(c, text, found, room) : 0;
    if (hits > room)
        hits = room;
    out->ids = found ? calloc(hits ? hits : 1, sizeof *out->ids) : NULL;
    for (size_t k = 0; out->ids && k < hits; k++) {
        if (!(out->ids[k] = strdup(c->instruments[found[k]].id))) {
            vn_graph_focus_free(out);
            break;
        }
        out->count++;
    }
    free(found);
    if (!out->ids)
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory while looking for '%s'", text);
    return VN_OK;
}

void vn_graph_focus_free(vn_graph_focus *f)
{
    for (size_t k = 0; f->ids && k < f->count; k++)
        free(f->ids[k]);
    free(f->ids);
    memset(f, 0, sizeof *f);
}

size_t vn_graph_focus_nodes(const vn_graph *g, const vn_graph_focus *matched,
                            const vn_registry *registry, const char *text, size_t *out,
                            size_t max)
{
    if (!text || !*text)
        return 0;
    /* a document path, or an exact node id, means exactly that node; the
     * graph is sorted, documents first, each node starting with its id */
    _Static_assert(offsetof(vn_graph_point, id) == 0, "vn_find_file reads the id first");
    size_t docs = 0;
    while (docs < g->node_count && g->nodes[docs].kind == VN_GRAPH_DOCUMENT)
        docs++;
    long at = vn_find_file(text, g->nodes, docs, sizeof *g->nodes);
    if (at < 0)
        at = vn_graph_find(g, text);
    if (at >= 0) {
        if (max)
            out[0] = (size_t)at;
        return 1;
    }
    size_t n = 0;
    for (size_t k = 0; matched && k < matched->count; k++) {
        long i = vn_graph_find(g, matched->ids[k]);
        if (i >= 0)
            n = add_unique(out, max, n, (size_t)i);
    }
    size_t room = registry && registry->instrument_count ? registry->instrument_count : 1;
    size_t *found = malloc(room * sizeof *found);
    if (!found)
        return n;
    if (registry) {
        size_t hits = vn_registry_find(registry, text, found, room);
        for (size_t k = 0; k < hits && k < room; k++) {
            long i = vn_graph_find(g, registry->instruments[found[k]].id);
            if (i >= 0)
                n = add_unique(out, max, n, (size_t)i);
        }
    }
    free(found);
    return n;
}
