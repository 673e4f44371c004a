/*
 * graph_write.c — the graph in the formats analysts' tools read
 * (docs/GRAPH.md): Graphviz DOT (hand-written: it is a tiny grammar),
 * GraphML and GEXF 1.3 through libxml2's xmlTextWriter (so escaping is the
 * XML library's job, not ours), networkx's node-link JSON through jansson,
 * and Gephi's nodes/edges CSV pair through libcsv.
 *
 * Every writer takes the attribute list from vn_graph_node_attrs and
 * vn_graph_edge_attrs, so all formats carry the same facts.
 */
#include "graph.h"

#include <csv.h>
#include <errno.h>
#include <jansson.h>
#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/date.h"

static const struct {
    const char *name;
    vn_graph_format format;
} format_names[] = {
    {"dot", VN_GRAPH_DOT},     {"graphml", VN_GRAPH_GRAPHML}, {"gexf", VN_GRAPH_GEXF},
    {"json", VN_GRAPH_JSON},   {"csv", VN_GRAPH_CSV},
};

bool vn_graph_format_parse(const char *name, vn_graph_format *out)
{
    for (size_t i = 0; name && i < sizeof format_names / sizeof format_names[0]; i++)
        if (strcmp(format_names[i].name, name) == 0) {
            *out = format_names[i].format;
            return true;
        }
    return false;
}

static vn_status write_failed(const char *where, vn_error *err)
{
    int e = errno;
    return vn_error_set(err, VN_ERR_IO, "%s: cannot write the graph: %s", where,
                        e ? strerror(e) : "write error");
}

static vn_status finish_stream(FILE *out, const char *where, vn_error *err)
{
    if (fflush(out) != 0 || ferror(out))
        return write_failed(where, err);
    return VN_OK;
}

static const char *bool_text(bool b)
{
    return b ? "true" : "false";
}

/* True when two edges join the same ordered pair (a multigraph to networkx). */
static int pair_cmp(const void *a, const void *b)
{
    const size_t *x = a, *y = b;
    if (x[0] != y[0])
        return x[0] < y[0] ? -1 : 1;
    return x[1] < y[1] ? -1 : x[1] > y[1];
}

static bool has_parallel_edges(const vn_graph *g)
{
    if (g->edge_count < 2)
        return false;
    size_t *pairs = malloc(g->edge_count * 2 * sizeof *pairs);
    if (!pairs)
        return true;   /* the safe answer: a multigraph reader accepts a simple graph */
    for (size_t i = 0; i < g->edge_count; i++) {
        pairs[2 * i] = g->links[i].source;
        pairs[2 * i + 1] = g->links[i].target;
    }
    qsort(pairs, g->edge_count, 2 * sizeof *pairs, pair_cmp);
    bool parallel = false;
    for (size_t i = 1; i < g->edge_count && !parallel; i++)
        parallel = pair_cmp(pairs + 2 * i, pairs + 2 * (i - 1)) == 0;
    free(pairs);
    return parallel;
}

/* ---- DOT ------------------------------------------------------------------------------ */

/* Appends s as a quoted DOT string to b; false on no memory. */
static bool dot_quote_into(vn_buf *b, const char *s)
{
    if (!s)
        s = "";
    size_t len = strlen(s);
    if (vn_buf_reserve(b, 2 * len + 2) != VN_OK)
        return false;
    char *out = b->data;
    size_t o = b->len;
    out[o++] = '"';
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (ch == '"' || ch == '\\') {
            out[o++] = '\\';
            out[o++] = ch;
        } else if (ch == '\r' || ch == '\n') {
            if (ch == '\r' && s[i + 1] == '\n')
                i++;
            out[o++] = '\\';
            out[o++] = 'n';
        } else {
            out[o++] = ch;
        }
    }
    out[o++] = '"';
    out[o] = '\0';
    b->len = o;
    return true;
}

char *vn_dot_quote(const char *s)
{
    vn_buf b = VN_BUF_INIT;
    if (!dot_quote_into(&b, s)) {
        vn_buf_free(&b);
        return NULL;
    }
    return vn_buf_steal(&b, NULL);
}

/* Writes s quoted (scratch holds the quoted form); false on no memory.  The
 * graph of a large corpus is millions of these: no allocation or format
 * parsing per value. */
static bool dot_put_quoted(FILE *out, vn_buf *scratch, const char *s)
{
    scratch->len = 0;
    if (!dot_quote_into(scratch, s))
        return false;
    fwrite(scratch->data, 1, scratch->len, out);
    return true;
}

/* Writes `name=` and the quoted value; false on no memory. */
static bool dot_attr(FILE *out, vn_buf *scratch, const char *name, const char *value,
                     bool *first)
{
    if (!*first)
        fputs(", ", out);
    fputs(name, out);
    putc('=', out);
    *first = false;
    return dot_put_quoted(out, scratch, value);
}

/* A label broken at spaces into lines of about `width` bytes, so long
 * instrument names do not stretch the picture. */
static bool wrap_into(vn_buf *b, const char *s, size_t width)
{
    size_t line = 0;
    bool ok = true;
    while (*s && ok) {
        size_t word = strcspn(s, " ");
        if (line > 0) {
            bool wrap = line + 1 + word > width;
            ok = vn_buf_append_char(b, wrap ? '\n' : ' ') == VN_OK;
            line = wrap ? 0 : line + 1;
        }
        ok = ok && vn_buf_append(b, s, word) == VN_OK;
        line += word;
        s += word;
        while (*s == ' ')
            s++;
    }
    return ok;
}

static bool append_str(vn_buf *b, const char *s)
{
    return vn_buf_append(b, s, strlen(s)) == VN_OK;
}

/* What the picture shows in a node: the kind's few useful words.  False
 * on no memory. */
static bool dot_display_label(const vn_graph_node *n, vn_buf *b)
{
    bool ok = true;
    b->len = 0;
    if (n->kind == VN_GRAPH_DOCUMENT) {
        const char *path = n->file[0] ? n->file : n->id;
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        size_t len = strlen(base);
        if (len > 4 && strcmp(base + len - 4, ".txt") == 0)
            len -= 4;
        if (n->symbol[0])
            ok = append_str(b, n->symbol) && append_str(b, "\n");
        ok = ok && vn_buf_append(b, base, len) == VN_OK;
    } else {
        if (n->type[0] && strncmp(n->label, n->type, strlen(n->type)) != 0)
            ok = append_str(b, n->type) && append_str(b, "\n");
        ok = ok && wrap_into(b, n->label, 28);
        if (strcmp(n->status, "ceased") == 0 && n->ceased[0])
            ok = ok && append_str(b, "\nceased ") && append_str(b, n->ceased);
        else if (strcmp(n->state, "resolved") != 0 && n->state[0])
            ok = ok && append_str(b, "\n") && append_str(b, n->state);
    }
    return ok && vn_buf_append_char(b, '\0') == VN_OK;
}

typedef struct dot_style {
    const char *shape, *style, *fill, *color;
} dot_style;

static dot_style node_style(const vn_graph_node *n)
{
    if (n->kind == VN_GRAPH_DOCUMENT)
        return (dot_style){"box", n->draft ? "rounded,filled,dashed" : "rounded,filled",
                           "#cfe2f3", "#3d85c6"};
    if (strcmp(n->state, "unresolved") == 0)
        return (dot_style){"ellipse", "filled,dashed", "#ffffff", "#999999"};
    if (strcmp(n->state, "ambiguous") == 0)
        return (dot_style){"ellipse", "filled,dotted", "#fce5cd", "#e69138"};
    if (strcmp(n->status, "ceased") == 0)
        return (dot_style){"ellipse", "filled,bold", "#f4cccc", "#cc0000"};
    if (strcmp(n->status, "suspended") == 0)
        return (dot_style){"ellipse", "filled", "#ead1dc", "#a64d79"};
    if (strcmp(n->status, "amended") == 0 || strcmp(n->status, "partly_repealed") == 0)
        return (dot_style){"ellipse", "filled", "#fff2cc", "#bf9000"};
    if (strcmp(n->status, "in_force") == 0 || strcmp(n->status, "not_yet_in_force") == 0)
        return (dot_style){"ellipse", "filled", "#d9ead3", "#6aa84f"};
    return (dot_style){"ellipse", "filled", "#eeeeee", "#666666"};
}

static dot_style edge_style(const vn_graph_edge *e)
{
    if (strcmp(e->relation, "replaced_by") == 0 || strcmp(e->relation, "superseded_by") == 0)
        return (dot_style){NULL, "dashed", NULL, "#cc0000"};
    if (strcmp(e->relation, "is") == 0)       /* a document and the instrument it is */
        return (dot_style){NULL, "bold", NULL, "#3d85c6"};
    if (strcmp(e->relation, "cites") != 0)
        return (dot_style){NULL, "dotted", NULL, "#bf9000"};
    if (strcmp(e->outdated, "outdated") == 0)
        return (dot_style){NULL, "solid", NULL, "#cc0000"};
    if (strcmp(e->outdated, "possibly_outdated") == 0)
        return (dot_style){NULL, "solid", NULL, "#e69138"};
    return (dot_style){NULL, "solid", NULL, "#999999"};
}

/* The data attributes (all of them but `label`, which DOT keeps for what
 * is shown; the model's label is in `title`/`symbol`). */
static bool dot_values(FILE *out, vn_buf *scratch, vn_graph_value (*value)(const void *, size_t),
                       const void *item, const vn_graph_attr *attrs, size_t count, bool *first)
{
    for (size_t a = 0; a < count; a++) {
        if (strcmp(attrs[a].name, "label") == 0)
            continue;
        vn_graph_value v = value(item, a);
        char num[32];
        const char *text = v.s;
        if (v.type == VN_GRAPH_INT) {
            snprintf(num, sizeof num, "%ld", v.i);
            text = num;
        } else if (v.type == VN_GRAPH_BOOL) {
            text = bool_text(v.b);
        }
        if (!dot_attr(out, scratch, attrs[a].name, text, first))
            return false;
    }
    return true;
}

static vn_graph_value node_value(const void *n, size_t a)
{
    return vn_graph_node_value(n, a);
}

static vn_graph_value edge_value(const void *e, size_t a)
{
    return vn_graph_edge_value(e, a);
}

static vn_status write_dot(const vn_graph *g, FILE *out, const char *where, vn_error *err)
{
    vn_buf label = VN_BUF_INIT, q = VN_BUF_INIT;
    bool ok = true;
    fputs("// vncite citation graph: documents (boxes) cite instruments (ellipses);\n"
          "// instrument colours give the status on the as_of date; see docs/GRAPH.md\n"
          "digraph vncite {\n",
          out);
    char caption[80];
    snprintf(caption, sizeof caption, "vncite citation graph, status as of %s",
             g->as_of[0] ? g->as_of : "unknown");
    bool first = true;
    fputs("  graph [", out);
    ok = dot_attr(out, &q, "as_of", g->as_of, &first) &&
         dot_attr(out, &q, "label", caption, &first);
    fputs(", labelloc=t, rankdir=LR, ranksep=1.2, nodesep=0.25, fontname=\"DejaVu Sans\"];\n"
          "  node [fontname=\"DejaVu Sans\", fontsize=10];\n"
          "  edge [fontname=\"DejaVu Sans\", fontsize=8, arrowsize=0.7];\n",
          out);
    for (size_t i = 0; ok && i < g->node_count; i++) {
        const vn_graph_node node = vn_graph_node_at(g, i), *n = &node;
        dot_style s = node_style(n);
        fputs("  ", out);
        ok = dot_put_quoted(out, &q, n->id) && dot_display_label(n, &label);
        if (ok) {
            fputs(" [", out);
            first = true;
            ok = dot_attr(out, &q, "label", label.data, &first) &&
                 dot_attr(out, &q, "shape", s.shape, &first) &&
                 dot_attr(out, &q, "style", s.style, &first) &&
                 dot_attr(out, &q, "fillcolor", s.fill, &first) &&
                 dot_attr(out, &q, "color", s.color, &first) &&
                 dot_values(out, &q, node_value, n, vn_graph_node_attrs,
                            vn_graph_node_attr_count, &first);
            fputs("];\n", out);
        }
    }
    for (size_t i = 0; ok && i < g->edge_count; i++) {
        const vn_graph_edge edge = vn_graph_edge_at(g, i), *e = &edge;
        dot_style s = edge_style(e);
        fputs("  ", out);
        ok = dot_put_quoted(out, &q, g->nodes[e->source].id);
        fputs(" -> ", out);
        ok = ok && dot_put_quoted(out, &q, g->nodes[e->target].id);
        if (ok) {
            fputs(" [", out);
            first = true;
            ok = dot_attr(out, &q, "style", s.style, &first) &&
                 dot_attr(out, &q, "color", s.color, &first);
            if (ok && strcmp(e->relation, "cites") != 0)
                ok = dot_attr(out, &q, "label", e->relation, &first) &&
                     dot_attr(out, &q, "fontcolor", s.color, &first);
            if (ok) {
                /* mentions thicken the line, up to 4 points: 1.0, 1.5 … 4.0 */
                int halves = 2 + (e->weight > 7 ? 6 : e->weight > 1 ? (int)e->weight - 1 : 0);
                fprintf(out, ", penwidth=%d.%d", halves / 2, halves % 2 ? 5 : 0);
                ok = dot_values(out, &q, edge_value, e, vn_graph_edge_attrs,
                                vn_graph_edge_attr_count, &first);
            }
            fputs("];\n", out);
        }
    }
    fputs("}\n", out);
    vn_buf_free(&label);
    vn_buf_free(&q);
    if (!ok)
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory while writing %s", where);
    return finish_stream(out, where, err);
}

/* ---- GraphML and GEXF ---------------------------------------------------------------- */

#define X(call)              \
    do {                     \
        if ((call) < 0)      \
            goto failed;     \
    } while (0)

static const xmlChar *xs(const char *s)
{
    return (const xmlChar *)s;
}

/*
 * libxml2 reports I/O failures on stderr through its generic error handler;
 * library code must not print (the caller gets a vn_error instead), so a
 * silent handler is in place while a writer runs.
 */
typedef struct xml_quiet {
    xmlGenericErrorFunc handler;
    void *ctx;
} xml_quiet;

static void silent(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    (void)fmt;
}

static xml_quiet xml_silence(void)
{
    xml_quiet saved = {xmlGenericError, xmlGenericErrorContext};
    xmlSetGenericErrorFunc(NULL, silent);
    return saved;
}

static void xml_restore(xml_quiet saved)
{
    xmlSetGenericErrorFunc(saved.ctx, saved.handler);
}

static xmlTextWriterPtr xml_open(FILE *out)
{
    xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(out, NULL);
    if (!buf)
        return NULL;
    xmlTextWriterPtr w = xmlNewTextWriter(buf);   /* owns buf from here on */
    if (!w) {
        xmlOutputBufferClose(buf);
        return NULL;
    }
    if (xmlTextWriterSetIndent(w, 1) < 0 || xmlTextWriterSetIndentString(w, xs("  ")) < 0 ||
        xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0) {
        xmlFreeTextWriter(w);
        return NULL;
    }
    return w;
}

/* Ends the document and flushes it into `out` (xmlFreeTextWriter flushes
 * but cannot report failure, so flush explicitly first). */
static vn_status xml_close(xmlTextWriterPtr w, FILE *out, const char *where, vn_error *err)
{
    int ended = xmlTextWriterEndDocument(w);
    int flushed = xmlTextWriterFlush(w);
    xmlFreeTextWriter(w);
    if (ended < 0 || flushed < 0)
        return write_failed(where, err);
    return finish_stream(out, where, err);
}

static const char *value_text(vn_graph_value v, char num[32])
{
    if (v.type == VN_GRAPH_INT) {
        snprintf(num, 32, "%ld", v.i);
        return num;
    }
    if (v.type == VN_GRAPH_BOOL)
        return bool_text(v.b);
    return v.s;
}

static const char *graphml_type(vn_graph_attr_type t)
{
    return t == VN_GRAPH_INT ? "long" : t == VN_GRAPH_BOOL ? "boolean" : "string";
}

static int graphml_key(xmlTextWriterPtr w, const char *prefix, const char *domain,
                       const vn_graph_attr *a)
{
    char id[64];
    snprintf(id, sizeof id, "%s_%s", prefix, a->name);
    if (xmlTextWriterStartElement(w, xs("key")) < 0 ||
        xmlTextWriterWriteAttribute(w, xs("id"), xs(id)) < 0 ||
        xmlTextWriterWriteAttribute(w, xs("for"), xs(domain)) < 0 ||
        xmlTextWriterWriteAttribute(w, xs("attr.name"), xs(a->name)) < 0 ||
        xmlTextWriterWriteAttribute(w, xs("attr.type"), xs(graphml_type(a->type))) < 0)
        return -1;
    return xmlTextWriterEndElement(w);
}

static int graphml_data(xmlTextWriterPtr w, const char *prefix, const vn_graph_attr *a,
                        vn_graph_value v)
{
    char id[64], num[32];
    snprintf(id, sizeof id, "%s_%s", prefix, a->name);
    if (xmlTextWriterStartElement(w, xs("data")) < 0 ||
        xmlTextWriterWriteAttribute(w, xs("key"), xs(id)) < 0 ||
        xmlTextWriterWriteString(w, xs(value_text(v, num))) < 0)
        return -1;
    return xmlTextWriterEndElement(w);
}

static vn_status write_graphml(const vn_graph *g, FILE *out, const char *where, vn_error *err)
{
    xmlTextWriterPtr w = xml_open(out);
    if (!w)
        return write_failed(where, err);
    static const vn_graph_attr as_of_attr = {"as_of", VN_GRAPH_STRING};
    X(xmlTextWriterStartElement(w, xs("graphml")));
    X(xmlTextWriterWriteAttribute(w, xs("xmlns"), xs("http://graphml.graphdrawing.org/xmlns")));
    X(xmlTextWriterWriteAttribute(w, xs("xmlns:xsi"),
                                  xs("http://www.w3.org/2001/XMLSchema-instance")));
    X(xmlTextWriterWriteAttribute(
        w, xs("xsi:schemaLocation"),
        xs("http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")));
    X(graphml_key(w, "g", "graph", &as_of_attr));
    for (size_t a = 0; a < vn_graph_node_attr_count; a++)
        X(graphml_key(w, "n", "node", &vn_graph_node_attrs[a]));
    for (size_t a = 0; a < vn_graph_edge_attr_count; a++)
        X(graphml_key(w, "e", "edge", &vn_graph_edge_attrs[a]));
    X(xmlTextWriterStartElement(w, xs("graph")));
    X(xmlTextWriterWriteAttribute(w, xs("id"), xs("vncite")));
    X(xmlTextWriterWriteAttribute(w, xs("edgedefault"), xs("directed")));
    X(graphml_data(w, "g", &as_of_attr, (vn_graph_value){VN_GRAPH_STRING, g->as_of, 0, false}));
    for (size_t i = 0; i < g->node_count; i++) {
        const vn_graph_node node = vn_graph_node_at(g, i), *n = &node;
        X(xmlTextWriterStartElement(w, xs("node")));
        X(xmlTextWriterWriteAttribute(w, xs("id"), xs(n->id)));
        for (size_t a = 0; a < vn_graph_node_attr_count; a++)
            X(graphml_data(w, "n", &vn_graph_node_attrs[a], vn_graph_node_value(n, a)));
        X(xmlTextWriterEndElement(w));
    }
    for (size_t i = 0; i < g->edge_count; i++) {
        const vn_graph_edge edge = vn_graph_edge_at(g, i), *e = &edge;
        char id[32];
        snprintf(id, sizeof id, "e%zu", i);
        X(xmlTextWriterStartElement(w, xs("edge")));
        X(xmlTextWriterWriteAttribute(w, xs("id"), xs(id)));
        X(xmlTextWriterWriteAttribute(w, xs("source"), xs(g->nodes[e->source].id)));
        X(xmlTextWriterWriteAttribute(w, xs("target"), xs(g->nodes[e->target].id)));
        for (size_t a = 0; a < vn_graph_edge_attr_count; a++)
            X(graphml_data(w, "e", &vn_graph_edge_attrs[a], vn_graph_edge_value(e, a)));
        X(xmlTextWriterEndElement(w));
    }
    X(xmlTextWriterEndElement(w));   /* graph */
    X(xmlTextWriterEndElement(w));   /* graphml */
    return xml_close(w, out, where, err);
failed:
    xmlFreeTextWriter(w);
    return write_failed(where, err);
}

/* GEXF's own attributes carry these, so they are not repeated as attvalues:
 * a node's label, an edge's weight. */
static bool gexf_builtin(const char *name, bool node)
{
    return strcmp(name, node ? "label" : "weight") == 0;
}

static int gexf_attributes(xmlTextWriterPtr w, const char *cls, const vn_graph_attr *attrs,
                           size_t count)
{
    if (xmlTextWriterStartElement(w, xs("attributes")) < 0 ||
        xmlTextWriterWriteAttribute(w, xs("class"), xs(cls)) < 0 ||
        xmlTextWriterWriteAttribute(w, xs("mode"), xs("static")) < 0)
        return -1;
    bool node = strcmp(cls, "node") == 0;
    for (size_t a = 0; a < count; a++) {
        if (gexf_builtin(attrs[a].name, node))
            continue;
        if (xmlTextWriterStartElement(w, xs("attribute")) < 0 ||
            xmlTextWriterWriteAttribute(w, xs("id"), xs(attrs[a].name)) < 0 ||
            xmlTextWriterWriteAttribute(w, xs("title"), xs(attrs[a].name)) < 0 ||
            xmlTextWriterWriteAttribute(w, xs("type"), xs(graphml_type(attrs[a].type))) < 0 ||
            xmlTextWriterEndElement(w) < 0)
            return -1;
    }
    return xmlTextWriterEndElement(w);
}

static int gexf_attvalues(xmlTextWriterPtr w, const void *item, bool node)
{
    const vn_graph_attr *attrs = node ? vn_graph_node_attrs : vn_graph_edge_attrs;
    size_t count = node ? vn_graph_node_attr_count : vn_graph_edge_attr_count;
    if (xmlTextWriterStartElement(w, xs("attvalues")) < 0)
        return -1;
    for (size_t a = 0; a < count; a++) {
        if (gexf_builtin(attrs[a].name, node))
            continue;
        vn_graph_value v = node ? vn_graph_node_value(item, a) : vn_graph_edge_value(item, a);
        char num[32];
        if (xmlTextWriterStartElement(w, xs("attvalue")) < 0 ||
            xmlTextWriterWriteAttribute(w, xs("for"), xs(attrs[a].name)) < 0 ||
            xmlTextWriterWriteAttribute(w, xs("value"), xs(value_text(v, num))) < 0 ||
            xmlTextWriterEndElement(w) < 0)
            return -1;
    }
    return xmlTextWriterEndElement(w);
}

/* The first day of an ISO date or partial date as GEXF's xsd:date, or "". */
static const char *gexf_day(const char *iso, char buf[11])
{
    vn_date_range r;
    buf[0] = '\0';
    if (iso[0] && vn_date_parse_iso(iso, &r))
        vn_date_iso(r.first, buf);
    return buf;
}

/* start/end of a spell; an end before the start (a registry data error)
 * would make the file invalid, so it is left out and the interval open. */
static int gexf_interval(xmlTextWriterPtr w, const char *start, const char *end)
{
    if (start[0] && xmlTextWriterWriteAttribute(w, xs("start"), xs(start)) < 0)
        return -1;
    if (end[0] && (!start[0] || strcmp(start, end) <= 0) &&
        xmlTextWriterWriteAttribute(w, xs("end"), xs(end)) < 0)
        return -1;
    return 0;
}

static vn_status write_gexf(const vn_graph *g, FILE *out, const char *where, vn_error *err)
{
    xmlTextWriterPtr w = xml_open(out);
    if (!w)
        return write_failed(where, err);
    char description[120];
    snprintf(description, sizeof description,
             "citation graph of the index; statuses as of %s", g->as_of[0] ? g->as_of : "unknown");
    X(xmlTextWriterStartElement(w, xs("gexf")));
    X(xmlTextWriterWriteAttribute(w, xs("xmlns"), xs("http://gexf.net/1.3")));
    X(xmlTextWriterWriteAttribute(w, xs("xmlns:xsi"),
                                  xs("http://www.w3.org/2001/XMLSchema-instance")));
    X(xmlTextWriterWriteAttribute(w, xs("xsi:schemaLocation"),
                                  xs("http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd")));
    X(xmlTextWriterWriteAttribute(w, xs("version"), xs("1.3")));
    X(xmlTextWriterStartElement(w, xs("meta")));
    X(xmlTextWriterWriteElement(w, xs("creator"), xs("vncite")));
    X(xmlTextWriterWriteElement(w, xs("description"), xs(description)));
    X(xmlTextWriterEndElement(w));
    X(xmlTextWriterStartElement(w, xs("graph")));
    X(xmlTextWriterWriteAttribute(w, xs("defaultedgetype"), xs("directed")));
    X(xmlTextWriterWriteAttribute(w, xs("mode"), xs("dynamic")));
    X(xmlTextWriterWriteAttribute(w, xs("timeformat"), xs("date")));
    X(gexf_attributes(w, "node", vn_graph_node_attrs, vn_graph_node_attr_count));
    X(gexf_attributes(w, "edge", vn_graph_edge_attrs, vn_graph_edge_attr_count));
    X(xmlTextWriterStartElement(w, xs("nodes")));
    for (size_t i = 0; i < g->node_count; i++) {
        const vn_graph_node node = vn_graph_node_at(g, i), *n = &node;
        X(xmlTextWriterStartElement(w, xs("node")));
        X(xmlTextWriterWriteAttribute(w, xs("id"), xs(n->id)));
        X(xmlTextWriterWriteAttribute(w, xs("label"), xs(n->label)));
        X(gexf_interval(w, n->start, n->end));
        X(gexf_attvalues(w, n, true));
        X(xmlTextWriterEndElement(w));
    }
    X(xmlTextWriterEndElement(w));
    X(xmlTextWriterStartElement(w, xs("edges")));
    for (size_t i = 0; i < g->edge_count; i++) {
        const vn_graph_edge edge = vn_graph_edge_at(g, i), *e = &edge;
        char id[32], weight[32], start[11];
        snprintf(id, sizeof id, "%zu", i);
        snprintf(weight, sizeof weight, "%ld", e->weight);
        X(xmlTextWriterStartElement(w, xs("edge")));
        X(xmlTextWriterWriteAttribute(w, xs("id"), xs(id)));
        X(xmlTextWriterWriteAttribute(w, xs("source"), xs(g->nodes[e->source].id)));
        X(xmlTextWriterWriteAttribute(w, xs("target"), xs(g->nodes[e->target].id)));
        X(xmlTextWriterWriteAttribute(w, xs("kind"), xs(e->relation)));
        X(xmlTextWriterWriteAttribute(w, xs("label"), xs(e->relation)));
        X(xmlTextWriterWriteAttribute(w, xs("weight"), xs(weight)));
        /* a citation exists from its document's date, a relation from its event */
        X(gexf_interval(w, gexf_day(e->date, start), ""));
        X(gexf_attvalues(w, e, false));
        X(xmlTextWriterEndElement(w));
    }
    X(xmlTextWriterEndElement(w));   /* edges */
    X(xmlTextWriterEndElement(w));   /* graph */
    X(xmlTextWriterEndElement(w));   /* gexf */
    return xml_close(w, out, where, err);
failed:
    xmlFreeTextWriter(w);
    return write_failed(where, err);
}

#undef X

/* ---- node-link JSON ------------------------------------------------------------------- */

static json_t *json_value(vn_graph_value v)
{
    if (v.type == VN_GRAPH_INT)
        return json_integer(v.i);
    if (v.type == VN_GRAPH_BOOL)
        return json_boolean(v.b);
    return json_string(v.s);
}

/* Sets key to a new value; false on no memory (the value is released). */
static bool put(json_t *o, const char *key, json_t *v)
{
    return v && json_object_set_new(o, key, v) == 0;
}

/* v as jansson writes it at this depth of the document: its own dump with
 * `pad` after every line break (JSON strings hold no raw line break).
 * -1 when it cannot be made, 1 when it cannot be written. */
static int dump_at(json_t *v, const char *pad, FILE *out)
{
    char *s = v ? json_dumps(v, JSON_INDENT(1) | JSON_PRESERVE_ORDER) : NULL;
    json_decref(v);
    if (!s)
        return -1;
    int rc = 0;
    for (const char *p = s; *p && rc == 0; p++)
        if (fputc(*p, out) == EOF || (*p == '\n' && fputs(pad, out) == EOF))
            rc = 1;
    free(s);
    return rc;
}

static json_t *node_json(const vn_graph *g, size_t i)
{
    json_t *o = json_object();
    const vn_graph_node n = vn_graph_node_at(g, i);
    bool ok = o && put(o, "id", json_string(n.id));
    for (size_t a = 0; ok && a < vn_graph_node_attr_count; a++)
        ok = put(o, vn_graph_node_attrs[a].name, json_value(vn_graph_node_value(&n, a)));
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *link_json(const vn_graph *g, size_t i)
{
    const vn_graph_edge edge = vn_graph_edge_at(g, i), *e = &edge;
    json_t *o = json_object();
    bool ok = o && put(o, "source", json_string(g->nodes[e->source].id)) &&
              put(o, "target", json_string(g->nodes[e->target].id));
    for (size_t a = 0; ok && a < vn_graph_edge_attr_count; a++)
        ok = put(o, vn_graph_edge_attrs[a].name, json_value(vn_graph_edge_value(e, a)));
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* `"key": [ … ]` at depth 1, one element made and written at a time. */
static int dump_array(const vn_graph *g, const char *key, size_t n,
                      json_t *(*element)(const vn_graph *, size_t), FILE *out)
{
    if (fprintf(out, ",\n \"%s\": %s", key, n ? "[\n  " : "[]") < 0)
        return 1;
    for (size_t i = 0; i < n; i++) {
        int rc = dump_at(element(g, i), "  ", out);
        if (rc != 0)
            return rc;
        if (fputs(i + 1 < n ? ",\n  " : "\n ]", out) == EOF)
            return 1;
    }
    return 0;
}

/*
 * Node-link JSON exactly as jansson would write the whole document
 * (JSON_INDENT(1), keys in order), but streamed: the document as one tree
 * took about 100 bytes of jansson objects per attribute, 5× the other
 * formats' peak at 3,000 plans.
 */
static vn_status write_json(const vn_graph *g, FILE *out, const char *where, vn_error *err)
{
    json_t *graph = json_object();
    bool ok = graph && put(graph, "name", json_string("vncite citation graph")) &&
              put(graph, "as_of", json_string(g->as_of));
    if (!ok) {
        json_decref(graph);
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory while writing %s", where);
    }
    int rc = fprintf(out, "{\n \"directed\": true,\n \"multigraph\": %s,\n \"graph\": ",
                     has_parallel_edges(g) ? "true" : "false") < 0;
    if (rc == 0)
        rc = dump_at(graph, " ", out);
    else
        json_decref(graph);
    if (rc == 0)
        rc = dump_array(g, "nodes", g->node_count, node_json, out);
    if (rc == 0)
        rc = dump_array(g, "links", g->edge_count, link_json, out);
    if (rc == 0 && fputs("\n}\n", out) == EOF)
        rc = 1;
    if (rc < 0)
        return vn_error_set(err, VN_ERR_NOMEM, "out of memory while writing %s", where);
    if (rc > 0)
        return write_failed(where, err);
    return finish_stream(out, where, err);
}

/* ---- CSV ------------------------------------------------------------------------------ */

static bool csv_field(FILE *out, const char *s, bool *first)
{
    if (!*first && fputc(',', out) == EOF)
        return false;
    *first = false;
    return csv_fwrite(out, s, strlen(s)) == 0;
}

static bool csv_end_row(FILE *out, bool *first)
{
    *first = true;
    return fputc('\n', out) != EOF;
}

static vn_status write_nodes_csv(const vn_graph *g, FILE *out, const char *where, vn_error *err)
{
    bool first = true, ok = csv_field(out, "Id", &first) && csv_field(out, "Label", &first);
    for (size_t a = 0; ok && a < vn_graph_node_attr_count; a++)
        if (strcmp(vn_graph_node_attrs[a].name, "label") != 0)
            ok = csv_field(out, vn_graph_node_attrs[a].name, &first);
    ok = ok && csv_end_row(out, &first);
    for (size_t i = 0; ok && i < g->node_count; i++) {
        const vn_graph_node node = vn_graph_node_at(g, i), *n = &node;
        ok = csv_field(out, n->id, &first) && csv_field(out, n->label, &first);
        for (size_t a = 0; ok && a < vn_graph_node_attr_count; a++) {
            char num[32];
            if (strcmp(vn_graph_node_attrs[a].name, "label") != 0)
                ok = csv_field(out, value_text(vn_graph_node_value(n, a), num), &first);
        }
        ok = ok && csv_end_row(out, &first);
    }
    if (!ok)
        return write_failed(where, err);
    return finish_stream(out, where, err);
}

/* Gephi's column names for what it understands; the rest keep the model's names. */
static vn_status write_edges_csv(const vn_graph *g, FILE *out, const char *where, vn_error *err)
{
    static const char *const gephi[] = {"Source", "Target", "Type", "Weight", "Kind", "Label"};
    bool first = true, ok = true;
    for (size_t k = 0; ok && k < sizeof gephi / sizeof gephi[0]; k++)
        ok = csv_field(out, gephi[k], &first);
    for (size_t a = 0; ok && a < vn_graph_edge_attr_count; a++) {
        const char *name = vn_graph_edge_attrs[a].name;
        if (strcmp(name, "relation") != 0 && strcmp(name, "weight") != 0)
            ok = csv_field(out, name, &first);
    }
    ok = ok && csv_end_row(out, &first);
    for (size_t i = 0; ok && i < g->edge_count; i++) {
        const vn_graph_edge edge = vn_graph_edge_at(g, i), *e = &edge;
        char weight[32];
        snprintf(weight, sizeof weight, "%ld", e->weight);
        ok = csv_field(out, g->nodes[e->source].id, &first) &&
             csv_field(out, g->nodes[e->target].id, &first) &&
             csv_field(out, "Directed", &first) && csv_field(out, weight, &first) &&
             csv_field(out, e->relation, &first) && csv_field(out, e->relation, &first);
        for (size_t a = 0; ok && a < vn_graph_edge_attr_count; a++) {
            const char *name = vn_graph_edge_attrs[a].name;
            char num[32];
            if (strcmp(name, "relation") != 0 && strcmp(name, "weight") != 0)
                ok = csv_field(out, value_text(vn_graph_edge_value(e, a), num), &first);
        }
        ok = ok && csv_end_row(out, &first);
    }
    if (!ok)
        return write_failed(where, err);
    return finish_stream(out, where, err);
}

vn_status vn_graph_write_csv(const vn_graph *g, FILE *nodes, const char *nodes_where,
                             FILE *edges, const char *edges_where, vn_error *err)
{
    vn_status st = write_nodes_csv(g, nodes, nodes_where, err);
    if (st == VN_OK)
        st = write_edges_csv(g, edges, edges_where, err);
    return st;
}

vn_status vn_graph_write(const vn_graph *g, vn_graph_format format, FILE *out,
                         const char *where, vn_error *err)
{
    errno = 0;
    switch (format) {
    case VN_GRAPH_DOT: return write_dot(g, out, where, err);
    case VN_GRAPH_GRAPHML:
    case VN_GRAPH_GEXF: {
        xml_quiet saved = xml_silence();
        vn_status st = format == VN_GRAPH_GEXF ? write_gexf(g, out, where, err)
                                               : write_graphml(g, out, where, err);
        xml_restore(saved);
        return st;
    }
    case VN_GRAPH_JSON: return write_json(g, out, where, err);
    case VN_GRAPH_CSV: break;
    }
    return vn_error_set(err, VN_ERR_USAGE,
                        "%s: CSV is a pair of files (nodes and edges); use vn_graph_write_csv",
                        where);
}
