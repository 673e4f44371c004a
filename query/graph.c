/*
 * graph.c — the graph model: nodes and edges with one attribute table for
 * every format, its strings (an arena), an id index, sorting and the neighbourhood
 * of a focus.  Building from an index is in graph_build.c, writing in
 * graph_write.c.
 */
#include "graph.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/grow.h"
#include "common/permute.h"
#include "common/utf8.h"

/* ---- attribute tables ------------------------------------------------------------------- */

const vn_graph_attr vn_graph_node_attrs[] = {
    {"kind", VN_GRAPH_STRING},
    {"label", VN_GRAPH_STRING},
    {"type", VN_GRAPH_STRING},
    {"issuer", VN_GRAPH_STRING},
    {"date", VN_GRAPH_STRING},
    {"file", VN_GRAPH_STRING},
    {"title", VN_GRAPH_STRING},
    {"symbol", VN_GRAPH_STRING},
    {"state", VN_GRAPH_STRING},
    {"status", VN_GRAPH_STRING},
    {"ceased", VN_GRAPH_STRING},
    {"candidates", VN_GRAPH_STRING},
    {"in_registry", VN_GRAPH_BOOL},
    {"draft", VN_GRAPH_BOOL},
    {"citing_docs", VN_GRAPH_INT},
    {"mentions", VN_GRAPH_INT},
    {"start", VN_GRAPH_STRING},
    {"end", VN_GRAPH_STRING},
};
const size_t vn_graph_node_attr_count = sizeof vn_graph_node_attrs / sizeof vn_graph_node_attrs[0];

const vn_graph_attr vn_graph_edge_attrs[] = {
    {"relation", VN_GRAPH_STRING},
    {"weight", VN_GRAPH_INT},
    {"line", VN_GRAPH_INT},
    {"date", VN_GRAPH_STRING},
    {"text", VN_GRAPH_STRING},
    {"outdated", VN_GRAPH_STRING},
    {"provision", VN_GRAPH_STRING},
    {"provenance", VN_GRAPH_STRING},
    {"confidence", VN_GRAPH_STRING},
};
const size_t vn_graph_edge_attr_count = sizeof vn_graph_edge_attrs / sizeof vn_graph_edge_attrs[0];

static vn_graph_value str_value(const char *s)
{
    return (vn_graph_value){VN_GRAPH_STRING, s ? s : "", 0, false};
}

static vn_graph_value int_value(long i)
{
    return (vn_graph_value){VN_GRAPH_INT, "", i, false};
}

static vn_graph_value bool_value(bool b)
{
    return (vn_graph_value){VN_GRAPH_BOOL, "", 0, b};
}

vn_graph_value vn_graph_node_value(const vn_graph_node *n, size_t attr)
{
    switch (attr) {
    case 0: return str_value(vn_graph_kind_name(n->kind));
    case 1: return str_value(n->label);
    case 2: return str_value(n->type);
    case 3: return str_value(n->issuer);
    case 4: return str_value(n->date);
    case 5: return str_value(n->file);
    case 6: return str_value(n->title);
    case 7: return str_value(n->symbol);
    case 8: return str_value(n->state);
    case 9: return str_value(n->status);
    case 10: return str_value(n->ceased);
    case 11: return str_value(n->candidates);
    case 12: return bool_value(n->in_registry);
    case 13: return bool_value(n->draft);
    case 14: return int_value(n->citing_docs);
    case 15: return int_value(n->mentions);
    case 16: return str_value(n->start);
    case 17: return str_value(n->end);
    default: return str_value("");
    }
}

vn_graph_value vn_graph_edge_value(const vn_graph_edge *e, size_t attr)
{
    switch (attr) {
    case 0: return str_value(e->relation);
    case 1: return int_value(e->weight);
    case 2: return int_value(e->line);
    case 3: return str_value(e->date);
    case 4: return str_value(e->text);
    case 5: return str_value(e->outdated);
    case 6: return str_value(e->provision);
    case 7: return str_value(e->provenance);
    case 8: return str_value(e->confidence);
    default: return str_value("");
    }
}

const char *vn_graph_kind_name(vn_graph_kind k)
{
    return k == VN_GRAPH_DOCUMENT ? "document" : "instrument";
}

/* Length of the valid scalar value at s (an XML 1.0 Char), or 0. */
static size_t valid_char(const char *s, size_t len)
{
    int cp;
    size_t n = vn_utf8_next(s, len, &cp);
    if (cp == 0xFFFD && n == 1 && (unsigned char)s[0] >= 0x80)
        return 0;                                  /* malformed */
    static const int min_for[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (n > 1 && cp < min_for[n])
        return 0;                                  /* overlong */
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF)
        return 0;
    if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r')
        return 0;
    return n;
}

const char *vn_graph_strdup(vn_graph *g, const char *s)
{
    if (!s || !*s)
        return "";
    size_t len = strlen(s), bad = 0;
    for (size_t i = 0; i < len;) {
        size_t n = valid_char(s + i, len - i);
        if (n) {
            i += n;
        } else {
            bad++;
            i++;
        }
    }
    char *p = vn_arena_alloc(&g->strings, len + 2 * bad + 1);  /* U+FFFD is 3 bytes for 1 */
    if (!p)
        return NULL;
    if (!bad) {
        memcpy(p, s, len + 1);
        return p;
    }
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t n = valid_char(s + i, len - i);
        if (n) {
            memcpy(p + o, s + i, n);
            o += n;
            i += n;
        } else {
            memcpy(p + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    p[o] = '\0';
    return p;
}

/* A string shared by every node or edge that holds it (type words, dates,
 * verdicts, citations as written repeat across millions of edges): copied,
 * made valid, once.  *number is its number in `shared`. */
static const char *share_numbered(vn_graph *g, const char *s, size_t *number)
{
    size_t known = vn_intern_find(&g->shared, s);
    if (known != SIZE_MAX) {
        *number = known;
        return g->shared.keys[known];
    }
    const char *p = vn_graph_strdup(g, s);
    if (!p)
        return NULL;
    if (strcmp(p, s) != 0 && (known = vn_intern_find(&g->shared, p)) != SIZE_MAX) {
        *number = known;   /* made valid: the same as one kept before */
        return g->shared.keys[known];
    }
    return vn_intern_add(&g->shared, p, number) == VN_OK ? p : NULL;
}

vn_status vn_graph_share(vn_graph *g, const char *s, uint32_t *n, vn_error *err)
{
    *n = 0;
    if (!s || !*s)
        return VN_OK;
    size_t number;
    if (!share_numbered(g, s, &number))
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory while building the graph");
    if (number >= UINT32_MAX - 1)
        return vn_error_set(err, VN_ERR_USAGE, "graph: more than %u distinct strings",
                            (unsigned)UINT32_MAX - 2);
    *n = (uint32_t)number + 1;
    return VN_OK;
}

const char *vn_graph_shared(const vn_graph *g, uint32_t n)
{
    return n && n <= g->shared.count ? g->shared.keys[n - 1] : "";
}

/* ---- id index ---------------------------------------------------------------------------- */

/* The index again from the nodes as they are now (after a sort or a cut),
 * swapped in whole: a half-built index would number new nodes wrongly. */
static vn_status index_rebuild(vn_graph *g)
{
    vn_intern ids = VN_INTERN_INIT;
    for (size_t i = 0; i < g->node_count; i++) {
        size_t id;
        if (vn_intern_add(&ids, g->nodes[i].id, &id) != VN_OK) {
            vn_intern_free(&ids);
            return VN_ERR_NOMEM;
        }
    }
    vn_intern_free(&g->ids);
    g->ids = ids;
    return VN_OK;
}

long vn_graph_find(const vn_graph *g, const char *id)
{
    if (!id)
        return -1;
    size_t i = vn_intern_find(&g->ids, id);
    return i == SIZE_MAX ? -1 : (long)i;
}

/* ---- building ----------------------------------------------------------------------------- */

void vn_graph_init(vn_graph *g)
{
    memset(g, 0, sizeof *g);
}

void vn_graph_free(vn_graph *g)
{
    if (!g)
        return;
    free(g->nodes);
    free(g->links);
    free(g->notes);
    vn_intern_free(&g->ids);
    vn_intern_free(&g->shared);
    vn_arena_free(&g->strings);
    vn_graph_init(g);
}

static vn_status nomem(vn_error *err)
{
    return vn_error_set(err, VN_ERR_NOMEM, "out of memory while building the graph");
}

#define COPY(field)                                          \
    do {                                                     \
        vn_status shared_st = vn_graph_share(g, tmpl->field, &n.field, err); \
        if (shared_st != VN_OK)                              \
            return shared_st;                                \
    } while (0)

/* A document's file and an instrument's label and symbol are mostly its id. */
#define COPY_OR_ID(field)                                    \
    do {                                                     \
        if (tmpl->field && strcmp(tmpl->field, id) == 0)     \
            n.field = id;                                    \
        else if (!(n.field = vn_graph_strdup(g, tmpl->field))) \
            return nomem(err);                               \
    } while (0)

static bool fits_u32(long v);

/* The attributes of tmpl, copied, with `id` as the node's id. */
static vn_status copy_node(vn_graph *g, const vn_graph_node *tmpl, const char *id,
                           vn_graph_point *out, vn_error *err)
{
    if (!fits_u32(tmpl->citing_docs) || !fits_u32(tmpl->mentions))
        return vn_error_set(err, VN_ERR_USAGE, "graph: a count beyond 32 bits on node %s", id);
    vn_graph_point n = {.id = id, .kind = (uint8_t)tmpl->kind, .in_registry = tmpl->in_registry,
                        .draft = tmpl->draft, .citing_docs = (uint32_t)tmpl->citing_docs,
                        .mentions = (uint32_t)tmpl->mentions};
    COPY_OR_ID(label);
    COPY(type);
    COPY(issuer);
    COPY(date);
    COPY_OR_ID(file);
    COPY(title);
    COPY_OR_ID(symbol);
    COPY(state);
    COPY(status);
    COPY(ceased);
    COPY(candidates);
    COPY(start);
    COPY(end);
    *out = n;
    return VN_OK;
}

vn_graph_node vn_graph_node_at(const vn_graph *g, size_t i)
{
    const vn_graph_point *p = &g->nodes[i];
    return (vn_graph_node){.id = p->id,
                           .kind = (vn_graph_kind)p->kind,
                           .label = p->label,
                           .type = vn_graph_shared(g, p->type),
                           .issuer = vn_graph_shared(g, p->issuer),
                           .date = vn_graph_shared(g, p->date),
                           .file = p->file,
                           .title = vn_graph_shared(g, p->title),
                           .symbol = p->symbol,
                           .state = vn_graph_shared(g, p->state),
                           .status = vn_graph_shared(g, p->status),
                           .ceased = vn_graph_shared(g, p->ceased),
                           .candidates = vn_graph_shared(g, p->candidates),
                           .start = vn_graph_shared(g, p->start),
                           .end = vn_graph_shared(g, p->end),
                           .in_registry = p->in_registry,
                           .draft = p->draft,
                           .citing_docs = p->citing_docs,
                           .mentions = p->mentions};
}

vn_status vn_graph_add_node(vn_graph *g, const vn_graph_node *tmpl, size_t *index, vn_error *err)
{
    /* a valid id is stored as it is: look it up before copying anything */
    long at = vn_graph_find(g, tmpl->id ? tmpl->id : "");
    if (at < 0) {
        /* the id as it will be stored (sanitised), so look-ups agree */
        const char *id = vn_graph_strdup(g, tmpl->id);
        if (!id)
            return nomem(err);
        at = vn_graph_find(g, id);
        if (at < 0) {
            if (g->node_count >= UINT32_MAX - 1)   /* edges keep node indices in 32 bits */
                return vn_error_set(err, VN_ERR_USAGE, "graph: more than %u nodes",
                                    (unsigned)UINT32_MAX - 2);
            if (!vn_grow((void **)&g->nodes, &g->node_cap, g->node_count, sizeof *g->nodes, 64))
                return nomem(err);
            vn_graph_point n;
            vn_status st = copy_node(g, tmpl, id, &n, err);
            size_t i;
            if (st != VN_OK)
                return st;
            if (vn_intern_add(&g->ids, id, &i) != VN_OK)
                return nomem(err);
            g->nodes[g->node_count++] = n;   /* i == its index: ids are new, numbered in order */
            at = (long)g->node_count - 1;
        }
    }
    if (index)
        *index = (size_t)at;
    return VN_OK;
}

vn_status vn_graph_set_node(vn_graph *g, size_t index, const vn_graph_node *tmpl, vn_error *err)
{
    if (index >= g->node_count)
        return vn_error_set(err, VN_ERR_USAGE, "graph: no node %zu", index);
    vn_graph_point n;
    vn_status st = copy_node(g, tmpl, g->nodes[index].id, &n, err);
    if (st == VN_OK)
        g->nodes[index] = n;
    return st;
}

static bool fits_u32(long v)
{
    return v >= 0 && (unsigned long)v < UINT32_MAX;
}

static vn_status add_link(vn_graph *g, const vn_graph_edge *tmpl, bool target_is_node,
                          vn_error *err)
{
    if (tmpl->source >= g->node_count ||
        (target_is_node ? tmpl->target >= g->node_count : tmpl->target >= UINT32_MAX))
        return vn_error_set(err, VN_ERR_PARSE, "graph edge names a node that does not exist");
    if (!fits_u32(tmpl->weight) || !fits_u32(tmpl->line))
        return vn_error_set(err, VN_ERR_USAGE, "graph edge: weight %ld or line %ld out of range",
                            tmpl->weight, tmpl->line);
    if (!vn_grow((void **)&g->links, &g->edge_cap, g->edge_count, sizeof *g->links, 64))
        return nomem(err);
    vn_graph_link l = {(uint32_t)tmpl->source, (uint32_t)tmpl->target, (uint32_t)tmpl->weight,
                       (uint32_t)tmpl->line, 0, 0, 0, 0, 0};
    vn_graph_note note;
    vn_status st = vn_graph_share(g, tmpl->relation, &l.relation, err);
    if (st == VN_OK)
        st = vn_graph_share(g, tmpl->date, &l.date, err);
    if (st == VN_OK)
        st = vn_graph_share(g, tmpl->text, &l.text, err);
    if (st == VN_OK)
        st = vn_graph_share(g, tmpl->outdated, &l.outdated, err);
    if (st == VN_OK)
        st = vn_graph_share(g, tmpl->provision, &note.provision, err);
    if (st == VN_OK)
        st = vn_graph_share(g, tmpl->provenance, &note.provenance, err);
    if (st == VN_OK)
        st = vn_graph_share(g, tmpl->confidence, &note.confidence, err);
    if (st != VN_OK)
        return st;
    if (note.provision || note.provenance || note.confidence) {
        if (g->note_count >= UINT32_MAX - 1 ||
            !vn_grow((void **)&g->notes, &g->note_cap, g->note_count, sizeof *g->notes, 16))
            return nomem(err);
        g->notes[g->note_count++] = note;
        l.note = (uint32_t)g->note_count;
    }
    g->links[g->edge_count++] = l;
    return VN_OK;
}

vn_status vn_graph_add_edge(vn_graph *g, const vn_graph_edge *tmpl, vn_error *err)
{
    return add_link(g, tmpl, true, err);
}

vn_status vn_graph_add_pending_edge(vn_graph *g, const vn_graph_edge *tmpl, vn_error *err)
{
    return add_link(g, tmpl, false, err);
}

vn_graph_edge vn_graph_edge_at(const vn_graph *g, size_t i)
{
    const vn_graph_link *l = &g->links[i];
    static const vn_graph_note none = {0, 0, 0};
    const vn_graph_note *note = l->note ? &g->notes[l->note - 1] : &none;
    return (vn_graph_edge){l->source,
                           l->target,
                           vn_graph_shared(g, l->relation),
                           l->weight,
                           l->line,
                           vn_graph_shared(g, l->date),
                           vn_graph_shared(g, l->text),
                           vn_graph_shared(g, l->outdated),
                           vn_graph_shared(g, note->provision),
                           vn_graph_shared(g, note->provenance),
                           vn_graph_shared(g, note->confidence)};
}

/* ---- sorting ----------------------------------------------------------------------------- */

static int node_cmp(const void *a, const void *b)
{
    const vn_graph_point *x = a, *y = b;
    if (x->kind != y->kind)
        return x->kind == VN_GRAPH_DOCUMENT ? -1 : 1;
    return strcmp(x->id, y->id);
}

static int node_order_cmp(const void *a, const void *b, void *nodes)
{
    const vn_graph_point *n = nodes;
    return node_cmp(&n[*(const size_t *)a], &n[*(const size_t *)b]);
}

/* Edges are compared through the (already sorted) node indices. */
static int edge_cmp(const void *a, const void *b, void *graph)
{
    const vn_graph_link *x = a, *y = b;
    if (x->source != y->source)
        return x->source < y->source ? -1 : 1;
    if (x->target != y->target)
        return x->target < y->target ? -1 : 1;
    if (x->relation == y->relation)
        return 0;
    return strcmp(vn_graph_shared(graph, x->relation), vn_graph_shared(graph, y->relation));
}

/* The edges grouped by source in place (a counting sort that swaps each
 * edge into its source's part), then each source's few edges sorted:
 * qsort of all of them at once would take scratch as big as the edges. */
static vn_status sort_links(vn_graph *g)
{
    size_t n = g->node_count;
    size_t *start = calloc(n + 1, sizeof *start);
    size_t *next = malloc((n ? n : 1) * sizeof *next);
    if (!start || !next) {
        free(start);
        free(next);
        return VN_ERR_NOMEM;
    }
    for (size_t i = 0; i < g->edge_count; i++)
        start[g->links[i].source + 1]++;
    for (size_t v = 0; v < n; v++) {
        start[v + 1] += start[v];
        next[v] = start[v];
    }
    for (size_t v = 0; v < n; v++) {
        while (next[v] < start[v + 1]) {
            vn_graph_link *at = &g->links[next[v]];
            size_t home = at->source;
            if (home == v) {
                next[v]++;
                continue;
            }
            vn_graph_link moved = *at;
            *at = g->links[next[home]];
            g->links[next[home]++] = moved;
        }
    }
    for (size_t v = 0; v < n; v++)
        if (start[v + 1] - start[v] > 1)
            qsort_r(g->links + start[v], start[v + 1] - start[v], sizeof *g->links, edge_cmp, g);
    free(start);
    free(next);
    return VN_OK;
}

vn_status vn_graph_sort(vn_graph *g, vn_error *err)
{
    if (g->node_count == 0)
        return VN_OK;
    /* sorted by index, then moved in place cycle by cycle: a sorted copy
     * of the nodes would double them (a million at 100,000 plans) */
    size_t n = g->node_count;
    size_t *order = malloc(n * sizeof *order);
    size_t *where = malloc(n * sizeof *where);
    if (!order || !where) {
        free(order);
        free(where);
        return nomem(err);
    }
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    qsort_r(order, n, sizeof *order, node_order_cmp, g->nodes);
    for (size_t i = 0; i < n; i++)
        where[order[i]] = i;
    vn_graph_point held;
    vn_permute_from(g->nodes, n, sizeof *g->nodes, sizeof *g->nodes, order, &held);
    for (size_t i = 0; i < g->edge_count; i++) {
        g->links[i].source = (uint32_t)where[g->links[i].source];
        g->links[i].target = (uint32_t)where[g->links[i].target];
    }
    free(order);
    free(where);
    /* node order is documents then instruments, each by id: comparing
     * indices compares (kind, id) */
    if (sort_links(g) != VN_OK || index_rebuild(g) != VN_OK)
        return nomem(err);
    return VN_OK;
}

/* ---- neighbourhood -------------------------------------------------------------------- */

vn_status vn_graph_keep_near(vn_graph *g, const size_t *seeds, size_t seed_count,
                             unsigned depth, vn_error *err)
{
    size_t n = g->node_count;
    if (n == 0)
        return VN_OK;
    /* undirected adjacency in CSR form */
    size_t *deg = calloc(n + 1, sizeof *deg);
    size_t *adj = malloc((g->edge_count * 2 + 1) * sizeof *adj);
    size_t *dist = malloc(n * sizeof *dist);
    size_t *queue = malloc(n * sizeof *queue);
    size_t *fill = calloc(n + 1, sizeof *fill);
    if (!deg || !adj || !dist || !queue || !fill) {
        free(deg);
        free(adj);
        free(dist);
        free(queue);
        free(fill);
        return nomem(err);
    }
    for (size_t i = 0; i < g->edge_count; i++) {
        deg[g->links[i].source + 1]++;
        deg[g->links[i].target + 1]++;
    }
    for (size_t i = 0; i < n; i++)
        deg[i + 1] += deg[i];
    for (size_t i = 0; i < g->edge_count; i++) {
        size_t s = g->links[i].source, t = g->links[i].target;
        adj[deg[s] + fill[s]++] = t;
        adj[deg[t] + fill[t]++] = s;
    }
    for (size_t i = 0; i < n; i++)
        dist[i] = SIZE_MAX;
    size_t head = 0, tail = 0;
    for (size_t i = 0; i < seed_count; i++) {
        if (seeds[i] < n && dist[seeds[i]] == SIZE_MAX) {
            dist[seeds[i]] = 0;
            queue[tail++] = seeds[i];
        }
    }
    while (head < tail) {
        size_t v = queue[head++];
        if (dist[v] >= depth)
            continue;
        for (size_t k = deg[v]; k < deg[v + 1]; k++) {
            size_t w = adj[k];
            if (dist[w] == SIZE_MAX) {
                dist[w] = dist[v] + 1;
                queue[tail++] = w;
            }
        }
    }
    /* compact: `fill` now maps old index -> new index */
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (dist[i] != SIZE_MAX) {
            fill[i] = kept;
            g->nodes[kept++] = g->nodes[i];
        }
    }
    size_t edges = 0;
    for (size_t i = 0; i < g->edge_count; i++) {
        vn_graph_link e = g->links[i];
        if (dist[e.source] == SIZE_MAX || dist[e.target] == SIZE_MAX)
            continue;
        e.source = (uint32_t)fill[e.source];
        e.target = (uint32_t)fill[e.target];
        g->links[edges++] = e;
    }
    g->node_count = kept;
    g->edge_count = edges;
    free(deg);
    free(adj);
    free(dist);
    free(queue);
    free(fill);
    if (index_rebuild(g) != VN_OK)
        return nomem(err);
    return VN_OK;
}
