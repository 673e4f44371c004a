/*
 * graph.h — the citation graph as analysts' tools see it (SPEC §4, docs/GRAPH.md).
 *
 * Nodes are the documents of the index and the instruments they cite;
 * edges are `cites` (document → instrument, weight = number of mentions),
 * `is` (a document → the instrument it is, when its own number and date
 * name a node of the graph) and the registry's relations between
 * instruments (`replaced_by`, `superseded_by`, `amended_by`,
 * `partly_repealed`: instrument → the other instrument of the event).  Citations that resolve to nothing known stay
 * in the graph as instrument nodes whose `state` is `unresolved` or
 * `ambiguous`.
 *
 * The model is format-neutral: every node has the same attributes (table
 * vn_graph_node_attrs, "" where unknown or not applicable) and every edge
 * the same (vn_graph_edge_attrs), so each writer declares them once
 * (GraphML keys, GEXF <attributes>, CSV columns, JSON fields).  Nodes are
 * kept sorted (documents first, then instruments, each by id) and edges by
 * (source id, target id), so output is deterministic.
 *
 * Strings stored in a graph are valid UTF-8 without the C0 control
 * characters XML 1.0 forbids (anything else becomes U+FFFD), so every
 * writer can hand them to its library as they are.
 */
#ifndef VN_GRAPH_H
#define VN_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "common/arena.h"
#include "common/date.h"
#include "common/intern.h"
#include "common/registry.h"
#include "common/status.h"

struct vn_corpus;

typedef enum vn_graph_kind {
    VN_GRAPH_DOCUMENT,
    VN_GRAPH_INSTRUMENT
} vn_graph_kind;

/* Every string is owned by the graph and never NULL ("" = unknown). */
typedef struct vn_graph_node {
    const char *id;          /* document: its path as indexed; instrument: its identity,
                                or what was written when unresolved/ambiguous */
    vn_graph_kind kind;
    const char *label;       /* document: title, else file; instrument: symbol or name */
    const char *type;        /* type word: "Kế hoạch", "Luật" */
    const char *issuer;
    const char *date;        /* document: its date; instrument: issue date
                                ("2023-08-14", partial "2024-03", "2023") */
    const char *file;        /* documents */
    const char *title;       /* document title; the registry's title of an instrument */
    const char *symbol;      /* document: own number; instrument: official symbol */
    const char *state;       /* instruments: resolved | unresolved | ambiguous */
    const char *status;      /* instruments: validity on the graph's as-of date
                                (in_force, amended, partly_repealed, ceased, unknown …) */
    const char *ceased;      /* date it ceased to be in force, when the registry says */
    const char *candidates;  /* ambiguous: the identities that fit, ", "-separated */
    const char *start;       /* first day of existence (issue / document date), ISO */
    const char *end;         /* last day it can have been in force: the day before the
                                (latest day of the) ceasing date, ISO */
    bool in_registry;        /* instrument has a row in the registry */
    bool draft;              /* document marked "DỰ THẢO" */
    long citing_docs;        /* instruments: documents of the index citing it (kept
                                as it is when vn_graph_keep_near drops documents) */
    long mentions;           /* instrument: citations of it; document: citations it makes */
} vn_graph_node;

typedef struct vn_graph_edge {
    size_t source, target;   /* node indices */
    const char *relation;    /* cites | is | replaced_by | superseded_by | amended_by |
                                partly_repealed */
    long weight;             /* cites: mentions; relation: number of registry events */
    long line;               /* cites: line of the first mention; 0 otherwise */
    const char *date;        /* cites: the citing document's date; relation: event date */
    const char *text;        /* cites: the first mention as written */
    const char *outdated;    /* cites: verdict on the citing date (vn_outdated_status_name) */
    const char *provision;   /* relation: the provision that says so */
    const char *provenance;  /* relation: the registry's source of the event */
    const char *confidence;  /* relation: high | medium | low */
} vn_graph_edge;

/* How an edge is kept: a graph of 100,000 plans has 2.5 M of them, so the
 * strings are numbers in the graph's table of shared strings (0 = "") and
 * the registry's provenance of a relation lives beside, in `notes`.  Read
 * edges with vn_graph_edge_at(); only graph*.c look inside. */
typedef struct vn_graph_link {
    uint32_t source, target;      /* node indices */
    uint32_t weight, line;
    uint32_t relation, date, text, outdated;
    uint32_t note;                /* 1 + index into notes, 0 = none */
} vn_graph_link;

typedef struct vn_graph_note {
    uint32_t provision, provenance, confidence;
} vn_graph_note;

/* How a node is kept: a graph of 100,000 plans has 877,000 of them, so the
 * strings that repeat (type words, issuers, dates, statuses …) are numbers
 * in the graph's table of shared strings (0 = ""), as for edges.  Read
 * nodes with vn_graph_node_at(); only graph*.c look inside but at the id
 * and the kind. */
typedef struct vn_graph_point {
    const char *id;               /* first: vn_find_file reads it */
    const char *label, *file, *symbol;     /* mostly the id itself */
    uint32_t type, issuer, date, title, state, status, ceased, candidates, start, end;
    uint32_t citing_docs, mentions;
    uint8_t kind;                 /* vn_graph_kind */
    bool in_registry, draft;
} vn_graph_point;

typedef struct vn_graph {
    vn_graph_point *nodes;   /* read with vn_graph_node_at() but for id and kind */
    size_t node_count, node_cap;
    size_t edge_count;
    char as_of[11];          /* the date statuses are given for, ISO ("" if not set) */
    /* private: edges, strings and id index */
    vn_graph_link *links;
    size_t edge_cap;
    vn_graph_note *notes;
    size_t note_count, note_cap;
    vn_arena strings;
    vn_intern ids;           /* node ids numbered as the nodes are: id i is node i */
    vn_intern shared;        /* attribute strings kept once (graph.c); edge strings
                                are their numbers + 1 */
} vn_graph;

/* ---- attributes, once for every format -------------------------------------------- */

typedef enum vn_graph_attr_type {
    VN_GRAPH_STRING,
    VN_GRAPH_INT,
    VN_GRAPH_BOOL
} vn_graph_attr_type;

typedef struct vn_graph_attr {
    const char *name;
    vn_graph_attr_type type;
} vn_graph_attr;

typedef struct vn_graph_value {
    vn_graph_attr_type type;
    const char *s;           /* STRING ("" = none) */
    long i;                  /* INT */
    bool b;                  /* BOOL */
} vn_graph_value;

/* kind, label, type, issuer, date, file, title, symbol, state, status, ceased,
 * candidates, in_registry, draft, citing_docs, mentions, start, end */
extern const vn_graph_attr vn_graph_node_attrs[];
extern const size_t vn_graph_node_attr_count;
/* relation, weight, line, date, text, outdated, provision, provenance, confidence */
extern const vn_graph_attr vn_graph_edge_attrs[];
extern const size_t vn_graph_edge_attr_count;

vn_graph_value vn_graph_node_value(const vn_graph_node *n, size_t attr);
vn_graph_value vn_graph_edge_value(const vn_graph_edge *e, size_t attr);
const char *vn_graph_kind_name(vn_graph_kind k);   /* "document", "instrument" */

/* ---- building by hand (the corpus builder and tests) --------------------------------- */

void vn_graph_init(vn_graph *g);
void vn_graph_free(vn_graph *g);

/* A string copied into the graph, made valid (see above); NULL on no memory.
 * NULL in gives "". */
const char *vn_graph_strdup(vn_graph *g, const char *s);

/*
 * Adds a node copied from `tmpl` (its strings are copied; NULL strings
 * become "").  When a node with this id exists, nothing is added and
 * *index is the existing one.  index may be NULL.  VN_ERR_USAGE when its
 * citing_docs or mentions is negative or beyond 32 bits.
 */
vn_status vn_graph_add_node(vn_graph *g, const vn_graph_node *tmpl, size_t *index, vn_error *err);

/* Sets every attribute of node `index` but its id to tmpl's (strings
 * copied, NULL → ""); VN_ERR_USAGE when there is no such node. */
vn_status vn_graph_set_node(vn_graph *g, size_t index, const vn_graph_node *tmpl, vn_error *err);

/* Adds an edge copied from `tmpl` (strings copied, NULL → "").  VN_ERR_USAGE
 * when its weight or line is negative or beyond 32 bits. */
vn_status vn_graph_add_edge(vn_graph *g, const vn_graph_edge *tmpl, vn_error *err);

/* Private to graph_build.c: an edge whose target is not a node yet but a
 * number below UINT32_MAX; the builder points every such edge at a node
 * before anything else reads the graph. */
vn_status vn_graph_add_pending_edge(vn_graph *g, const vn_graph_edge *tmpl, vn_error *err);

/* Edge i (< edge_count) with its strings; they live as long as the graph. */
vn_graph_edge vn_graph_edge_at(const vn_graph *g, size_t i);

/* Node i (< node_count) with its strings; they live as long as the graph. */
vn_graph_node vn_graph_node_at(const vn_graph *g, size_t i);

/* Private to graph*.c: the number edges keep for s (copied, made valid; NULL
 * or "" is 0), and the string of a number. */
vn_status vn_graph_share(vn_graph *g, const char *s, uint32_t *n, vn_error *err);
const char *vn_graph_shared(const vn_graph *g, uint32_t n);

/* Index of the node with this id, or -1. */
long vn_graph_find(const vn_graph *g, const char *id);

/* Sorts nodes (documents first, then instruments, each by id in byte order)
 * and edges (by source id, target id, relation); keeps indices right. */
vn_status vn_graph_sort(vn_graph *g, vn_error *err);

/*
 * Keeps only the nodes within `depth` hops of the seeds, edges followed in
 * either direction, and the edges between kept nodes.  Order is kept.
 */
vn_status vn_graph_keep_near(vn_graph *g, const size_t *seeds, size_t seed_count,
                             unsigned depth, vn_error *err);

/* ---- from an index ------------------------------------------------------------------------ */

typedef struct vn_graph_options {
    /* The day node statuses are given for: its first day (precision NONE:
     * today), as `vncite instruments --as-of`.  When
     * `judge_on_as_of` is set, cites edges are judged outdated on `as_of`
     * (the whole range) instead of on each citing document's date, like
     * `vncite outdated --as-of`. */
    vn_date_range as_of;
    bool judge_on_as_of;
} vn_graph_options;

/*
 * The whole graph of a loaded corpus: every document, every instrument
 * the corpus knows (resolved, unresolved, ambiguous), the cites edges, and
 * the registry relations followed from those instruments (transitively:
 * A replaced_by B amended_by C brings in B and C).  `registry` may be NULL
 * (no statuses, no relation edges).  The result is sorted.
 */
vn_status vn_graph_build(const struct vn_corpus *c, const vn_registry *registry,
                         const vn_graph_options *opt, vn_graph *out, vn_error *err);

/* Gets the corpus's instrument table alone (no documents) from
 * vn_graph_build_index, before the table is freed; a non-OK status stops
 * the build and is returned. */
typedef vn_status (*vn_graph_table_fn)(void *ctx, const struct vn_corpus *instruments,
                                       vn_error *err);

/*
 * The same graph straight from the index at db_path, without holding the
 * corpus: its documents are streamed (vn_corpus_stream) and counted into
 * the graph one at a time.  Unless `table` is NULL it is given the
 * instrument table (for vn_graph_focus_match) once the graph is built; the
 * table is then freed, before the graph is sorted.  Memory is the graph
 * itself, the resolver's table and a page of documents.
 */
vn_status vn_graph_build_index(const char *db_path, const vn_registry *registry,
                               const vn_graph_options *opt, vn_graph *out,
                               vn_graph_table_fn table, void *table_ctx, vn_error *err);

/* The instruments a --focus text means in an instrument table, kept apart
 * from it (vn_graph_build_index frees the table before the sort). */
typedef struct vn_graph_focus {
    char **ids;             /* their ids, copies */
    size_t count;
} vn_graph_focus;

/* The instruments of c that `text` means in any loose form the corpus
 * understands (vn_corpus_match) into out; VN_ERR_NOMEM. */
vn_status vn_graph_focus_match(const struct vn_corpus *c, const char *text,
                               vn_graph_focus *out, vn_error *err);
void vn_graph_focus_free(vn_graph_focus *f);

/*
 * The nodes a user means by `text` (--focus): a document path (as indexed,
 * "./" ignored, looked up among the graph's own documents), a node id, the
 * instruments `matched` names (vn_graph_focus_match of the same text; may
 * be NULL), else the registry (vn_registry_find).  Writes up to max node
 * indices; returns how many match (0: none).
 */
size_t vn_graph_focus_nodes(const vn_graph *g, const vn_graph_focus *matched,
                            const vn_registry *registry, const char *text, size_t *out,
                            size_t max);

/* ---- writers (graph_write.c) ----------------------------------------------------------- */

typedef enum vn_graph_format {
    VN_GRAPH_DOT,
    VN_GRAPH_GRAPHML,
    VN_GRAPH_GEXF,
    VN_GRAPH_JSON,
    VN_GRAPH_CSV
} vn_graph_format;

/* "dot", "graphml", "gexf", "json", "csv" → format; false if unknown. */
bool vn_graph_format_parse(const char *name, vn_graph_format *out);

/*
 * Writes the graph to `out` in one of the one-file formats.  `where` names
 * the destination in error messages.  VN_ERR_IO when writing fails,
 * VN_ERR_USAGE for VN_GRAPH_CSV (two files: vn_graph_write_csv).  The
 * output is complete only when VN_OK is returned; callers writing a file
 * write a temporary one and rename it.
 */
vn_status vn_graph_write(const vn_graph *g, vn_graph_format format, FILE *out,
                         const char *where, vn_error *err);

/* Gephi's spreadsheet pair: the nodes table (Id, Label, …) and the edges table
 * (Source, Target, Type, Weight, Kind, Label, …), fields quoted by libcsv. */
vn_status vn_graph_write_csv(const vn_graph *g, FILE *nodes, const char *nodes_where,
                             FILE *edges, const char *edges_where, vn_error *err);

/*
 * DOT's quoted string: `s` between double quotes with `"` and `\` escaped
 * by a backslash and line breaks written as \n (Graphviz shows a
 * backslash for \\).  Returns a malloc'ed string or NULL.
 */
char *vn_dot_quote(const char *s);

#endif
