/* test_graph.c — the graph model (ids, sorting, neighbourhoods, string
 * sanitising), building from a small hand-made corpus and registry, --focus
 * look-ups, and every writer on a small graph with hostile strings: the
 * XML ones must parse back, JSON must load, CSV must split into equal rows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <csv.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query/corpus.h"
#include "query/graph.h"

/* ---- helpers ------------------------------------------------------------------ */

static size_t add_node(vn_graph *g, const char *id, vn_graph_kind kind)
{
    vn_graph_node n = {0};
    n.id = id;
    n.kind = kind;
    n.label = id;
    size_t at;
    vn_error err;
    if (vn_graph_add_node(g, &n, &at, &err) != VN_OK)
        fail_msg("%s", err.msg);
    return at;
}

static void add_edge(vn_graph *g, size_t s, size_t t, const char *relation, long weight)
{
    vn_graph_edge e = {0};
    e.source = s;
    e.target = t;
    e.relation = relation;
    e.weight = weight;
    vn_error err;
    if (vn_graph_add_edge(g, &e, &err) != VN_OK)
        fail_msg("%s", err.msg);
}

/* Runs a writer into memory; returns the malloc'ed text. */
static char *write_to_string(const vn_graph *g, vn_graph_format f)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    vn_error err;
    if (vn_graph_write(g, f, out, "memory", &err) != VN_OK)
        fail_msg("%s", err.msg);
    fclose(out);
    return text;
}

static bool valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t n = *p < 0x80 ? 1 : (*p >> 5) == 6 ? 2 : (*p >> 4) == 14 ? 3 : (*p >> 3) == 30 ? 4 : 0;
        if (!n)
            return false;
        for (size_t k = 1; k < n; k++)
            if ((p[k] & 0xC0) != 0x80)
                return false;
        p += n;
    }
    return true;
}

/*
 * A small graph whose strings are hostile to every format: quotes, angle
 * brackets, ampersands, commas, a backslash, line breaks, a C0 control
 * character and bytes that are not UTF-8.
 */
static void hostile_graph(vn_graph *g)
{
    vn_graph_init(g);
    vn_graph_node doc = {0};
    doc.id = "plans/a \"b\" <c>&d.txt";
    doc.kind = VN_GRAPH_DOCUMENT;
    doc.label = "Kế hoạch, \"số\" 1\nline two";
    doc.file = doc.id;
    doc.type = "Kế hoạch";
    doc.date = "2024-03";
    doc.start = "2024-03-01";
    doc.mentions = 3;
    doc.draft = true;
    size_t d, a, b, u;
    vn_error err;
    assert_int_equal(vn_graph_add_node(g, &doc, &d, &err), VN_OK);
    vn_graph_node inst = {0};
    inst.id = "34/2007/PL-UBTVQH11";
    inst.kind = VN_GRAPH_INSTRUMENT;
    inst.label = inst.id;
    inst.type = "Pháp lệnh";
    inst.state = "resolved";
    inst.status = "ceased";
    inst.ceased = "2023-07-01";
    inst.start = "2007-04-20";
    inst.end = "2023-06-30";
    inst.in_registry = true;
    inst.citing_docs = 1;
    inst.mentions = 2;
    assert_int_equal(vn_graph_add_node(g, &inst, &a, &err), VN_OK);
    inst.id = "10/2022/QH15";
    inst.label = inst.id;
    inst.type = "Luật";
    inst.status = "in_force";
    inst.ceased = inst.end = "";
    inst.start = "2022-11-10";
    assert_int_equal(vn_graph_add_node(g, &inst, &b, &err), VN_OK);
    vn_graph_node bad = {0};
    bad.id = "~bad\x01name\xff\\end";
    bad.kind = VN_GRAPH_INSTRUMENT;
    bad.label = "Quyết định \xc3\x28 số 217";
    bad.state = "unresolved";
    assert_int_equal(vn_graph_add_node(g, &bad, &u, &err), VN_OK);
    vn_graph_edge e = {0};
    e.source = d;
    e.target = a;
    e.relation = "cites";
    e.weight = 2;
    e.line = 12;
    e.date = "2024-03";
    e.text = "Pháp lệnh số 34/2007/PL-UBTVQH11,\r\n\"ngày\" <20/4/2007> & more";
    e.outdated = "outdated";
    assert_int_equal(vn_graph_add_edge(g, &e, &err), VN_OK);
    e.target = u;
    e.text = "Quyết định số 217";
    e.outdated = "";
    e.weight = 1;
    assert_int_equal(vn_graph_add_edge(g, &e, &err), VN_OK);
    vn_graph_edge r = {0};
    r.source = a;
    r.target = b;
    r.relation = "replaced_by";
    r.weight = 1;
    r.date = "2023-07-01";
    r.provision = "Điều 91 khoản 2";
    r.provenance = "Luật 10/2022/QH15";
    r.confidence = "high";
    assert_int_equal(vn_graph_add_edge(g, &r, &err), VN_OK);
    snprintf(g->as_of, sizeof g->as_of, "2024-12-31");
    assert_int_equal(vn_graph_sort(g, &err), VN_OK);
}

/* ---- the model ----------------------------------------------------------------- */

static void test_ids_and_sort(void **state)
{
    (void)state;
    vn_graph g;
    vn_graph_init(&g);
    size_t z = add_node(&g, "z-instrument", VN_GRAPH_INSTRUMENT);
    size_t b = add_node(&g, "b-doc", VN_GRAPH_DOCUMENT);
    size_t a = add_node(&g, "a-instrument", VN_GRAPH_INSTRUMENT);
    assert_int_equal(add_node(&g, "b-doc", VN_GRAPH_DOCUMENT), b);   /* same id: same node */
    assert_int_equal(g.node_count, 3);
    add_edge(&g, b, z, "cites", 1);
    add_edge(&g, b, a, "cites", 2);
    add_edge(&g, a, z, "replaced_by", 1);
    vn_graph_edge bad = {0};
    bad.source = 7;
    bad.relation = "cites";
    vn_error err;
    assert_int_equal(vn_graph_add_edge(&g, &bad, &err), VN_ERR_PARSE);
    assert_int_equal(vn_graph_sort(&g, &err), VN_OK);
    /* documents first, then instruments by id; edges by (source, target) */
    assert_string_equal(g.nodes[0].id, "b-doc");
    assert_string_equal(g.nodes[1].id, "a-instrument");
    assert_string_equal(g.nodes[2].id, "z-instrument");
    assert_int_equal(vn_graph_find(&g, "z-instrument"), 2);
    assert_int_equal(vn_graph_find(&g, "nothing"), -1);
    assert_int_equal(g.edge_count, 3);
    assert_string_equal(g.nodes[vn_graph_edge_at(&g, 0).target].id, "a-instrument");
    assert_int_equal(vn_graph_edge_at(&g, 0).weight, 2);
    assert_string_equal(g.nodes[vn_graph_edge_at(&g, 1).target].id, "z-instrument");
    assert_string_equal(vn_graph_edge_at(&g, 2).relation, "replaced_by");
    /* many nodes: the id index grows */
    for (int i = 0; i < 500; i++) {
        char id[32];
        snprintf(id, sizeof id, "n%03d", i);
        add_node(&g, id, VN_GRAPH_INSTRUMENT);
    }
    assert_int_equal(g.node_count, 503);
    assert_int_equal(vn_graph_find(&g, "n250"), 253);
    assert_int_equal(vn_graph_find(&g, "b-doc"), 0);
    vn_graph_free(&g);
}

static void test_strings_made_valid(void **state)
{
    (void)state;
    vn_graph g;
    vn_graph_init(&g);
    assert_string_equal(vn_graph_strdup(&g, NULL), "");
    assert_string_equal(vn_graph_strdup(&g, "Nghị định\tsố\n59"), "Nghị định\tsố\n59");
    assert_string_equal(vn_graph_strdup(&g, "a\x01" "b"), "a\xEF\xBF\xBD" "b");
    assert_string_equal(vn_graph_strdup(&g, "x\xff y"), "x\xEF\xBF\xBD y");
    assert_string_equal(vn_graph_strdup(&g, "\xc0\xaf"), "\xEF\xBF\xBD\xEF\xBF\xBD"); /* overlong */
    assert_string_equal(vn_graph_strdup(&g, "\xed\xa0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_string_equal(vn_graph_strdup(&g, "cut \xe1\xba"), "cut \xEF\xBF\xBD\xEF\xBF\xBD");
    /* ids are stored sanitised, and found by what was given */
    size_t i = add_node(&g, "id\x02", VN_GRAPH_INSTRUMENT);
    assert_string_equal(g.nodes[i].id, "id\xEF\xBF\xBD");
    assert_int_equal(add_node(&g, "id\x02", VN_GRAPH_INSTRUMENT), i);
    /* a string bigger than an arena block */
    size_t big = 200000;
    char *s = malloc(big + 1);
    memset(s, 'x', big);
    s[big] = '\0';
    assert_int_equal(strlen(vn_graph_strdup(&g, s)), big);
    free(s);
    vn_graph_free(&g);
}

/* Edges keep their strings as numbers: what goes in comes back (made valid),
 * a relation's provenance too, and what 32 bits cannot hold is refused. */
/* Nodes keep their repeating strings once, as numbers, and give every
 * attribute back; counts beyond 32 bits are refused. */
static void test_nodes_kept_compact(void **state)
{
    (void)state;
    vn_graph g;
    vn_graph_init(&g);
    vn_error err;
    vn_graph_node tmpl = {.id = "10/2022/QH15", .kind = VN_GRAPH_INSTRUMENT,
                          .label = "10/2022/QH15", .type = "Luật", .issuer = "Quốc hội",
                          .date = "2022-11-10", .title = "Thực hiện dân chủ ở cơ sở",
                          .symbol = "10/2022/QH15", .state = "resolved", .status = "in_force",
                          .start = "2022-11-10", .in_registry = true, .citing_docs = 4,
                          .mentions = 4000000000L};
    size_t a, b;
    assert_int_equal(vn_graph_add_node(&g, &tmpl, &a, &err), VN_OK);
    tmpl.id = tmpl.label = tmpl.symbol = "11/2022/QH15";
    tmpl.mentions = 1;
    tmpl.draft = true;
    assert_int_equal(vn_graph_add_node(&g, &tmpl, &b, &err), VN_OK);
    vn_graph_node x = vn_graph_node_at(&g, a), y = vn_graph_node_at(&g, b);
    assert_string_equal(x.id, "10/2022/QH15");
    assert_ptr_equal(x.label, x.id);            /* the id, not a copy */
    assert_string_equal(x.type, "Luật");
    assert_ptr_equal(x.type, y.type);           /* kept once */
    assert_ptr_equal(x.issuer, y.issuer);
    assert_string_equal(x.title, "Thực hiện dân chủ ở cơ sở");
    assert_string_equal(x.status, "in_force");
    assert_string_equal(x.ceased, "");          /* NULL given: "" */
    assert_string_equal(x.candidates, "");
    assert_int_equal(x.kind, VN_GRAPH_INSTRUMENT);
    assert_true(x.in_registry && !x.draft && y.draft);
    assert_int_equal(x.citing_docs, 4);
    assert_int_equal(x.mentions, 4000000000L);
    assert_true(sizeof(vn_graph_point) <= 88);
    tmpl.id = "12/2022/QH15";
    tmpl.mentions = -1;
    assert_int_equal(vn_graph_add_node(&g, &tmpl, NULL, &err), VN_ERR_USAGE);
    tmpl.mentions = 0;
    tmpl.citing_docs = 5000000000L;
    assert_int_equal(vn_graph_add_node(&g, &tmpl, NULL, &err), VN_ERR_USAGE);
    assert_int_equal(vn_graph_set_node(&g, a, &tmpl, &err), VN_ERR_USAGE);
    assert_int_equal(g.node_count, 2);
    vn_graph_free(&g);
}

static void test_edges_kept_compact(void **state)
{
    (void)state;
    vn_graph g;
    vn_graph_init(&g);
    size_t a = add_node(&g, "a", VN_GRAPH_INSTRUMENT), b = add_node(&g, "b", VN_GRAPH_INSTRUMENT);
    vn_error err;
    vn_graph_edge cites = {.source = a, .target = b, .relation = "cites", .weight = 3,
                           .line = 4000000000L, .date = "2024-03-01", .text = "số 5\x01",
                           .outdated = "outdated"};
    vn_graph_edge replaced = {.source = b, .target = a, .relation = "replaced_by", .weight = 1,
                              .provision = "Điều 60", .provenance = "registry.csv:3",
                              .confidence = "high"};
    assert_int_equal(vn_graph_add_edge(&g, &cites, &err), VN_OK);
    assert_int_equal(vn_graph_add_edge(&g, &cites, &err), VN_OK);
    assert_int_equal(vn_graph_add_edge(&g, &replaced, &err), VN_OK);
    vn_graph_edge e0 = vn_graph_edge_at(&g, 0), e1 = vn_graph_edge_at(&g, 1);
    vn_graph_edge e2 = vn_graph_edge_at(&g, 2);
    assert_int_equal(e0.source, a);
    assert_int_equal(e0.target, b);
    assert_int_equal(e0.weight, 3);
    assert_int_equal(e0.line, 4000000000L);
    assert_string_equal(e0.text, "số 5\xEF\xBF\xBD");
    assert_ptr_equal(e0.text, e1.text);   /* kept once */
    assert_string_equal(e0.outdated, "outdated");
    assert_string_equal(e0.provision, "");
    assert_string_equal(e2.relation, "replaced_by");
    assert_string_equal(e2.provision, "Điều 60");
    assert_string_equal(e2.provenance, "registry.csv:3");
    assert_string_equal(e2.confidence, "high");
    assert_string_equal(e2.text, "");
    vn_graph_edge bad = cites;
    bad.weight = -1;
    assert_int_equal(vn_graph_add_edge(&g, &bad, &err), VN_ERR_USAGE);
    bad = cites;
    bad.line = 5000000000L;
    assert_int_equal(vn_graph_add_edge(&g, &bad, &err), VN_ERR_USAGE);
    bad = cites;
    bad.target = 7;
    assert_int_equal(vn_graph_add_edge(&g, &bad, &err), VN_ERR_PARSE);
    assert_int_equal(g.edge_count, 3);
    vn_graph_free(&g);
}

/* Sorting moves nodes and edges in place: on a random graph every edge
 * is still there, between the same ids, and edges come by (source id,
 * target id, relation). */
static void test_sort_random_graph(void **state)
{
    (void)state;
    vn_graph g;
    vn_graph_init(&g);
    unsigned seed = 12345;
    enum { NODES = 300, EDGES = 4000 };
    for (int i = 0; i < NODES; i++) {
        char id[16];
        seed = seed * 1103515245u + 12345u;
        snprintf(id, sizeof id, "n%05u", (seed >> 8) % 100000);
        add_node(&g, id, (seed >> 20) & 1 ? VN_GRAPH_DOCUMENT : VN_GRAPH_INSTRUMENT);
    }
    static const char *const relations[] = {"cites", "amended_by", "replaced_by"};
    static const char *source_of[EDGES + 1], *target_of[EDGES + 1];
    vn_error err;
    for (int i = 0; i < EDGES; i++) {
        seed = seed * 1103515245u + 12345u;
        vn_graph_edge e = {.source = (seed >> 4) % g.node_count,
                           .target = (seed >> 14) % g.node_count,
                           .relation = relations[(seed >> 24) % 3],
                           .weight = i + 1};
        /* the weight says which edge it was */
        source_of[i + 1] = g.nodes[e.source].id;
        target_of[i + 1] = g.nodes[e.target].id;
        assert_int_equal(vn_graph_add_edge(&g, &e, &err), VN_OK);
    }
    assert_int_equal(vn_graph_sort(&g, &err), VN_OK);
    static bool seen[EDGES + 1];
    for (size_t i = 0; i < g.edge_count; i++) {
        vn_graph_edge e = vn_graph_edge_at(&g, i);
        assert_false(seen[e.weight]);
        seen[e.weight] = true;
        assert_ptr_equal(g.nodes[e.source].id, source_of[e.weight]);
        assert_ptr_equal(g.nodes[e.target].id, target_of[e.weight]);
        if (i == 0)
            continue;
        vn_graph_edge p = vn_graph_edge_at(&g, i - 1);
        assert_true(p.source < e.source ||
                    (p.source == e.source &&
                     (p.target < e.target ||
                      (p.target == e.target && strcmp(p.relation, e.relation) <= 0))));
    }
    assert_int_equal(g.edge_count, EDGES);
    for (size_t i = 1; i < g.node_count; i++) {
        const vn_graph_point *a = &g.nodes[i - 1], *b = &g.nodes[i];
        assert_true(a->kind < b->kind || (a->kind == b->kind && strcmp(a->id, b->id) < 0));
        assert_int_equal(vn_graph_find(&g, b->id), (long)i);
    }
    vn_graph_free(&g);
}

static void test_keep_near(void **state)
{
    (void)state;
    /* d1 -> a -> b -> c, d2 -> c, e alone */
    vn_graph g;
    vn_graph_init(&g);
    size_t d1 = add_node(&g, "d1", VN_GRAPH_DOCUMENT);
    size_t d2 = add_node(&g, "d2", VN_GRAPH_DOCUMENT);
    size_t a = add_node(&g, "a", VN_GRAPH_INSTRUMENT);
    size_t b = add_node(&g, "b", VN_GRAPH_INSTRUMENT);
    size_t c = add_node(&g, "c", VN_GRAPH_INSTRUMENT);
    add_node(&g, "e", VN_GRAPH_INSTRUMENT);
    add_edge(&g, d1, a, "cites", 1);
    add_edge(&g, a, b, "replaced_by", 1);
    add_edge(&g, b, c, "amended_by", 1);
    add_edge(&g, d2, c, "cites", 1);
    vn_error err;
    assert_int_equal(vn_graph_sort(&g, &err), VN_OK);
    size_t seed = (size_t)vn_graph_find(&g, "a");
    assert_int_equal(vn_graph_keep_near(&g, &seed, 1, 1, &err), VN_OK);
    /* one hop either way: d1 (cites a) and b (a replaced_by b) */
    assert_int_equal(g.node_count, 3);
    assert_true(vn_graph_find(&g, "d1") >= 0 && vn_graph_find(&g, "b") >= 0);
    assert_int_equal(vn_graph_find(&g, "c"), -1);
    assert_int_equal(g.edge_count, 2);
    for (size_t i = 0; i < g.edge_count; i++)
        assert_true(vn_graph_edge_at(&g, i).source < g.node_count &&
                    vn_graph_edge_at(&g, i).target < g.node_count);
    vn_graph_free(&g);

    vn_graph_init(&g);
    d1 = add_node(&g, "d1", VN_GRAPH_DOCUMENT);
    d2 = add_node(&g, "d2", VN_GRAPH_DOCUMENT);
    a = add_node(&g, "a", VN_GRAPH_INSTRUMENT);
    b = add_node(&g, "b", VN_GRAPH_INSTRUMENT);
    c = add_node(&g, "c", VN_GRAPH_INSTRUMENT);
    add_edge(&g, d1, a, "cites", 1);
    add_edge(&g, a, b, "replaced_by", 1);
    add_edge(&g, b, c, "amended_by", 1);
    add_edge(&g, d2, c, "cites", 1);
    size_t seeds[2] = {d1, d1};   /* a repeated seed counts once */
    assert_int_equal(vn_graph_keep_near(&g, seeds, 2, 3, &err), VN_OK);
    assert_int_equal(g.node_count, 4);   /* d1 a b c; d2 is 4 hops away */
    assert_int_equal(vn_graph_find(&g, "d2"), -1);
    assert_int_equal(g.edge_count, 3);
    seeds[0] = (size_t)vn_graph_find(&g, "c");
    assert_int_equal(vn_graph_keep_near(&g, seeds, 1, 0, &err), VN_OK);
    assert_int_equal(g.node_count, 1);
    assert_int_equal(g.edge_count, 0);
    vn_graph_free(&g);
}

static void test_dot_quote(void **state)
{
    (void)state;
    char *q = vn_dot_quote("say \"hi\" \\ to\r\nline\nand\rmore");
    assert_string_equal(q, "\"say \\\"hi\\\" \\\\ to\\nline\\nand\\nmore\"");
    free(q);
    q = vn_dot_quote(NULL);
    assert_string_equal(q, "\"\"");
    free(q);
    q = vn_dot_quote("ends with \\");
    assert_string_equal(q, "\"ends with \\\\\"");
    free(q);
}

static void test_format_names(void **state)
{
    (void)state;
    vn_graph_format f;
    assert_true(vn_graph_format_parse("dot", &f) && f == VN_GRAPH_DOT);
    assert_true(vn_graph_format_parse("graphml", &f) && f == VN_GRAPH_GRAPHML);
    assert_true(vn_graph_format_parse("gexf", &f) && f == VN_GRAPH_GEXF);
    assert_true(vn_graph_format_parse("json", &f) && f == VN_GRAPH_JSON);
    assert_true(vn_graph_format_parse("csv", &f) && f == VN_GRAPH_CSV);
    assert_false(vn_graph_format_parse("DOT", &f));
    assert_false(vn_graph_format_parse("png", &f));
    assert_false(vn_graph_format_parse(NULL, &f));
}

/* ---- writers ------------------------------------------------------------------- */

static void test_write_dot(void **state)
{
    (void)state;
    vn_graph g;
    hostile_graph(&g);
    char *text = write_to_string(&g, VN_GRAPH_DOT);
    assert_true(valid_utf8(text));
    assert_non_null(strstr(text, "digraph vncite {"));
    assert_non_null(strstr(text, "\"plans/a \\\"b\\\" <c>&d.txt\" -> \"34/2007/PL-UBTVQH11\""));
    assert_non_null(strstr(text, "\"34/2007/PL-UBTVQH11\" -> \"10/2022/QH15\" [style=\"dashed\""));
    assert_non_null(strstr(text, "text=\"Pháp lệnh số 34/2007/PL-UBTVQH11,\\n\\\"ngày\\\""));
    assert_non_null(strstr(text, "\"~bad\xEF\xBF\xBDname\xEF\xBF\xBD\\\\end\""));
    assert_non_null(strstr(text, "fillcolor=\"#f4cccc\""));   /* the ceased instrument */
    assert_non_null(strstr(text, "as_of=\"2024-12-31\""));
    /* no raw line break inside a statement: each line is complete */
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        size_t quotes = 0;
        for (char *p = line; *p; p++)
            if (*p == '"' && (p == line || p[-1] != '\\' || (p >= line + 2 && p[-2] == '\\')))
                quotes++;
        assert_int_equal(quotes % 2, 0);
    }
    free(text);
    vn_graph_free(&g);
}

static xmlDocPtr parse_xml(const char *text)
{
    xmlDocPtr doc = xmlReadMemory(text, (int)strlen(text), "graph.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc)
        fail_msg("not well-formed XML:\n%s", text);
    return doc;
}

/* Count of elements named `name` anywhere under n. */
static size_t count_elements(xmlNodePtr n, const char *name)
{
    size_t count = 0;
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0)
            count++;
        count += count_elements(n->children, name);
    }
    return count;
}

/* The value of attribute `attr` of the first element `name` whose `key`
 * attribute is `value` (e.g. <data key="e_text">), or its text. */
static char *element_text(xmlNodePtr n, const char *name, const char *key, const char *value)
{
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0) {
            xmlChar *k = xmlGetProp(n, (const xmlChar *)key);
            bool hit = k && strcmp((const char *)k, value) == 0;
            xmlFree(k);
            if (hit)
                return (char *)xmlNodeGetContent(n);
        }
        char *in = element_text(n->children, name, key, value);
        if (in)
            return in;
    }
    return NULL;
}

static void test_write_graphml(void **state)
{
    (void)state;
    vn_graph g;
    hostile_graph(&g);
    char *text = write_to_string(&g, VN_GRAPH_GRAPHML);
    xmlDocPtr doc = parse_xml(text);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    assert_string_equal((const char *)root->name, "graphml");
    assert_int_equal(count_elements(root, "node"), 4);
    assert_int_equal(count_elements(root, "edge"), 3);
    assert_int_equal(count_elements(root, "key"),
                     1 + vn_graph_node_attr_count + vn_graph_edge_attr_count);
    /* the text of the first citation comes back exactly (\r\n kept by the
     * character reference libxml2 writes for \r) */
    char *cited = element_text(root, "data", "key", "e_text");
    assert_non_null(cited);
    assert_string_equal(cited, "Pháp lệnh số 34/2007/PL-UBTVQH11,\r\n\"ngày\" <20/4/2007> & more");
    xmlFree(cited);
    assert_non_null(strstr(text, "<graph id=\"vncite\" edgedefault=\"directed\">"));
    assert_non_null(strstr(text, "attr.name=\"weight\" attr.type=\"long\""));
    assert_non_null(strstr(text, "<data key=\"n_in_registry\">true</data>"));
    xmlFreeDoc(doc);
    free(text);
    vn_graph_free(&g);
}

static void test_write_gexf(void **state)
{
    (void)state;
    vn_graph g;
    hostile_graph(&g);
    char *text = write_to_string(&g, VN_GRAPH_GEXF);
    xmlDocPtr doc = parse_xml(text);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    assert_string_equal((const char *)root->name, "gexf");
    assert_non_null(root->ns);
    assert_string_equal((const char *)root->ns->href, "http://gexf.net/1.3");
    assert_int_equal(count_elements(root, "node"), 4);
    assert_int_equal(count_elements(root, "edge"), 3);
    /* validity interval of the replaced instrument; an edge from its date */
    assert_non_null(strstr(text, "start=\"2007-04-20\" end=\"2023-06-30\""));
    assert_non_null(strstr(text, "kind=\"replaced_by\" label=\"replaced_by\" weight=\"1\" "
                                 "start=\"2023-07-01\""));
    /* a cites edge dated "2024-03" starts on its first day */
    assert_non_null(strstr(text, "weight=\"2\" start=\"2024-03-01\""));
    assert_non_null(strstr(text, "timeformat=\"date\""));
    xmlFreeDoc(doc);
    free(text);
    vn_graph_free(&g);
}

static void test_write_json(void **state)
{
    (void)state;
    vn_graph g;
    hostile_graph(&g);
    char *text = write_to_string(&g, VN_GRAPH_JSON);
    json_error_t je;
    json_t *root = json_loads(text, 0, &je);
    if (!root)
        fail_msg("not JSON (%s):\n%s", je.text, text);
    assert_true(json_is_true(json_object_get(root, "directed")));
    assert_true(json_is_false(json_object_get(root, "multigraph")));
    assert_string_equal(json_string_value(json_object_get(json_object_get(root, "graph"), "as_of")),
                        "2024-12-31");
    json_t *nodes = json_object_get(root, "nodes"), *links = json_object_get(root, "links");
    assert_int_equal(json_array_size(nodes), 4);
    assert_int_equal(json_array_size(links), 3);
    json_t *first = json_array_get(nodes, 0);
    assert_string_equal(json_string_value(json_object_get(first, "id")), "plans/a \"b\" <c>&d.txt");
    assert_string_equal(json_string_value(json_object_get(first, "kind")), "document");
    assert_true(json_is_true(json_object_get(first, "draft")));
    assert_int_equal(json_integer_value(json_object_get(first, "mentions")), 3);
    assert_int_equal(json_object_size(first), 1 + vn_graph_node_attr_count);
    json_t *link = json_array_get(links, 0);
    assert_string_equal(json_string_value(json_object_get(link, "source")), "plans/a \"b\" <c>&d.txt");
    assert_int_equal(json_integer_value(json_object_get(link, "weight")), 2);
    json_decref(root);
    free(text);

    /* a second edge between the same pair makes it a multigraph */
    vn_graph_edge e = vn_graph_edge_at(&g, 0);
    e.relation = "cites";
    vn_error err;
    assert_int_equal(vn_graph_add_edge(&g, &e, &err), VN_OK);
    text = write_to_string(&g, VN_GRAPH_JSON);
    root = json_loads(text, 0, &je);
    assert_non_null(root);
    assert_true(json_is_true(json_object_get(root, "multigraph")));
    json_decref(root);
    free(text);
    vn_graph_free(&g);
}

typedef struct csv_rows {
    size_t rows, fields, first_row_fields;
    bool uneven;
    char cells[64][128];   /* the first row's cells */
    char found[256];       /* a cell looked for */
    const char *want;
    bool saw_want;
} csv_rows;

static void on_field(void *s, size_t len, void *data)
{
    csv_rows *r = data;
    if (r->rows == 0 && r->fields < 64)
        snprintf(r->cells[r->fields], sizeof r->cells[0], "%.*s", (int)len, (const char *)s);
    if (r->want && strlen(r->want) == len && memcmp(r->want, s, len) == 0)
        r->saw_want = true;
    r->fields++;
}

static void on_row(int c, void *data)
{
    (void)c;
    csv_rows *r = data;
    if (r->rows == 0)
        r->first_row_fields = r->fields;
    else if (r->fields != r->first_row_fields)
        r->uneven = true;
    r->rows++;
    r->fields = 0;
}

static csv_rows parse_csv(const char *text, const char *want)
{
    csv_rows r;
    memset(&r, 0, sizeof r);
    r.want = want;
    struct csv_parser p;
    assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
    assert_int_equal(csv_parse(&p, text, strlen(text), on_field, on_row, &r), strlen(text));
    assert_int_equal(csv_fini(&p, on_field, on_row, &r), 0);
    csv_free(&p);
    return r;
}

static void test_write_csv(void **state)
{
    (void)state;
    vn_graph g;
    hostile_graph(&g);
    char *nodes = NULL, *edges = NULL;
    size_t nl = 0, el = 0;
    FILE *nf = open_memstream(&nodes, &nl), *ef = open_memstream(&edges, &el);
    vn_error err;
    assert_int_equal(vn_graph_write_csv(&g, nf, "nodes", ef, "edges", &err), VN_OK);
    fclose(nf);
    fclose(ef);
    csv_rows n = parse_csv(nodes, "plans/a \"b\" <c>&d.txt");
    assert_int_equal(n.rows, 1 + 4);
    assert_false(n.uneven);
    assert_true(n.saw_want);
    assert_string_equal(n.cells[0], "Id");
    assert_string_equal(n.cells[1], "Label");
    assert_int_equal(n.first_row_fields, 1 + vn_graph_node_attr_count);
    csv_rows e = parse_csv(edges, "Pháp lệnh số 34/2007/PL-UBTVQH11,\r\n\"ngày\" <20/4/2007> & more");
    assert_int_equal(e.rows, 1 + 3);
    assert_false(e.uneven);
    assert_true(e.saw_want);
    assert_string_equal(e.cells[0], "Source");
    assert_string_equal(e.cells[1], "Target");
    assert_string_equal(e.cells[2], "Type");
    assert_string_equal(e.cells[3], "Weight");
    assert_non_null(strstr(edges, "\"Directed\""));
    free(nodes);
    free(edges);
    vn_graph_free(&g);
}

static void test_write_errors(void **state)
{
    (void)state;
    vn_graph g;
    hostile_graph(&g);
    vn_error err;
    FILE *full = fopen("/dev/full", "w");
    if (!full)
        skip();
    for (vn_graph_format f = VN_GRAPH_DOT; f <= VN_GRAPH_JSON; f++) {
        assert_int_equal(vn_graph_write(&g, f, full, "/dev/full", &err), VN_ERR_IO);
        assert_non_null(strstr(err.msg, "/dev/full"));
        clearerr(full);
    }
    assert_int_equal(vn_graph_write_csv(&g, full, "/dev/full", full, "/dev/full", &err), VN_ERR_IO);
    /* CSV is a pair of files, not one stream */
    assert_int_equal(vn_graph_write(&g, VN_GRAPH_CSV, stdout, "stdout", &err), VN_ERR_USAGE);
    fclose(full);
    vn_graph_free(&g);
}

/* ---- building from a corpus ------------------------------------------------------ */

static const char instruments_csv[] =
    "symbol,issued,type,issuer,title,in_force,source,confidence,note\n"
    "34/2007/PL-UBTVQH11,20/04/2007,Pháp lệnh,UBTVQH,dân chủ xã,01/07/2007,s,high,\n"
    "10/2022/QH15,10/11/2022,Luật,Quốc hội,Thực hiện dân chủ ở cơ sở,01/07/2023,s,high,\n"
    "97/2025/QH15,,Luật,Quốc hội,,,s,high,\n";
static const char events_csv[] =
    "instrument,date,event,other,provision,source,confidence,note\n"
    "34/2007/PL-UBTVQH11,01/07/2023,replaced_by,10/2022/QH15,Điều 91,s,high,\n"
    "10/2022/QH15,01/07/2025,amended_by,97/2025/QH15,,s,high,\n"
    "10/2022/QH15,,amended_by,47/2024/QH15,,s,medium,not in instruments.csv\n"
    "10/2022/QH15,01/01/2026,amended_by,97/2025/QH15,Điều 2,s,high,a second amendment\n";

typedef struct hand_corpus {
    vn_corpus c;
    vn_corpus_doc docs[2];
    vn_corpus_cite cites[4];
    vn_corpus_instrument inst[3];
} hand_corpus;


/* Two documents: 2023 cites 34/2007 twice and 10/2022 once; 2024 cites
 * 10/2022 and something unresolved. */
static void hand_made(hand_corpus *h, vn_registry *reg)
{
    memset(h, 0, sizeof *h);
    vn_corpus_instrument *in = h->inst;
    in[0] = (vn_corpus_instrument){.id = "10/2022/QH15", .symbol = "10/2022/QH15",
                                   .label = "10/2022/QH15", .type_word = "Luật", .issuer = "",
                                   .registry = 1,
                                   .state = VN_INST_RESOLVED, .citing_docs = 2, .mentions = 2};
    in[1] = (vn_corpus_instrument){.id = "34/2007/PL-UBTVQH11", .symbol = "34/2007/PL-UBTVQH11",
                                   .label = "34/2007/PL-UBTVQH11", .type_word = "Pháp lệnh",
                                   .issuer = "", .registry = 0,
                                   .state = VN_INST_RESOLVED, .citing_docs = 1, .mentions = 2};
    in[2] = (vn_corpus_instrument){.id = "~quyet-dinh-217", .symbol = "",
                                   .label = "Quyết định số 217", .type_word = "", .issuer = "",
                                   .registry = -1,
                                   .state = VN_INST_UNRESOLVED, .citing_docs = 1, .mentions = 1};
    vn_date_range_set(2022, 11, 10, &in[0].issued);
    vn_date_range_set(2007, 4, 20, &in[1].issued);
    vn_corpus_doc *d = h->docs;
    d[0].file = "plans/a.txt";
    snprintf(d[0].meta.title, sizeof d[0].meta.title, "Kế hoạch A");
    vn_date_range_set(2023, 9, 1, &d[0].meta.date);
    d[0].cites = h->cites;
    d[0].cite_count = 3;
    h->cites[0] = (vn_corpus_cite){.line = 5, .text = "Pháp lệnh số 34/2007/PL-UBTVQH11",
                                   .instrument = 1};
    h->cites[1] = (vn_corpus_cite){.line = 7, .text = "Luật số 10/2022/QH15", .instrument = 0};
    h->cites[2] = (vn_corpus_cite){.line = 9, .text = "Pháp lệnh 34/2007", .instrument = 1};
    d[1].file = "plans/b.txt";
    vn_date_range_set(2024, 0, 0, &d[1].meta.date);
    d[1].meta.draft = true;
    d[1].cites = h->cites + 3;
    d[1].cite_count = 1;
    h->cites[3] = (vn_corpus_cite){.line = 3, .text = "Quyết định số 217", .instrument = 2};
    h->c.docs = h->docs;
    h->c.doc_count = 2;
    h->c.instruments = h->inst;
    h->c.instrument_count = 3;
    h->c.registry = reg;
}

static vn_registry *hand_registry(void)
{
    vn_registry *r = NULL;
    vn_error err;
    if (vn_registry_load_from_strings(instruments_csv, strlen(instruments_csv), events_csv,
                                      strlen(events_csv), NULL, 0, &r, NULL, NULL,
                                      &err) != VN_OK)
        fail_msg("%s", err.msg);
    return r;
}

/* The node with this id, valid until the next call. */
static const vn_graph_node *node(const vn_graph *g, const char *id)
{
    static vn_graph_node found;
    long i = vn_graph_find(g, id);
    if (i < 0)
        fail_msg("no node %s", id);
    found = vn_graph_node_at(g, (size_t)i);
    return &found;
}

/* The edge s -rel-> t, valid until the next call. */
static const vn_graph_edge *edge(const vn_graph *g, const char *s, const char *t, const char *rel)
{
    static vn_graph_edge found;
    long a = vn_graph_find(g, s), b = vn_graph_find(g, t);
    for (size_t i = 0; a >= 0 && b >= 0 && i < g->edge_count; i++) {
        found = vn_graph_edge_at(g, i);
        if (found.source == (size_t)a && found.target == (size_t)b &&
            strcmp(found.relation, rel) == 0)
            return &found;
    }
    fail_msg("no edge %s -%s-> %s", s, rel, t);
    return NULL;
}

/* A document whose own number (with its day, when the number has no year)
 * is an instrument node of the graph gets one `is` edge to it; a yearless
 * number of another day, or one nothing cites, gets none. */
static void test_is_edges(void **state)
{
    (void)state;
    vn_registry *reg = hand_registry();
    hand_corpus h;
    hand_made(&h, reg);
    vn_graph g;
    vn_error err;
    snprintf(h.docs[1].meta.own_number, sizeof h.docs[1].meta.own_number, "47/2024/QH15");
    snprintf(h.docs[1].meta.type_word, sizeof h.docs[1].meta.type_word, "Luật");
    snprintf(h.docs[0].meta.own_number, sizeof h.docs[0].meta.own_number, "12-KH/TU");
    assert_int_equal(vn_graph_build(&h.c, reg, NULL, &g, &err), VN_OK);
    const vn_graph_edge *e = edge(&g, "plans/b.txt", "47/2024/QH15", "is");
    assert_int_equal(e->weight, 1);
    assert_string_equal(e->date, "2024");
    assert_int_equal(g.edge_count, 3 + 3 + 1);
    vn_graph_free(&g);

    /* yearless: the day decides */
    h.inst[2].id = "12-KH/TU@2023-09-01";
    assert_int_equal(vn_graph_build(&h.c, reg, NULL, &g, &err), VN_OK);
    assert_int_equal(edge(&g, "plans/a.txt", "12-KH/TU@2023-09-01", "is")->weight, 1);
    vn_graph_free(&g);
    h.inst[2].id = "12-KH/TU@2023-09-02";
    assert_int_equal(vn_graph_build(&h.c, reg, NULL, &g, &err), VN_OK);
    assert_int_equal(g.edge_count, 3 + 3 + 1);
    vn_graph_free(&g);
    vn_registry_free(reg);
}

static void test_build(void **state)
{
    (void)state;
    vn_registry *reg = hand_registry();
    hand_corpus h;
    hand_made(&h, reg);
    vn_graph g;
    vn_error err;
    vn_graph_options opt = {0};
    vn_date_range_set(2024, 12, 31, &opt.as_of);
    assert_int_equal(vn_graph_build(&h.c, reg, &opt, &g, &err), VN_OK);
    assert_string_equal(g.as_of, "2024-12-31");
    /* 2 documents, 3 cited instruments, 97/2025 and 47/2024 (as written)
     * reached through amended_by */
    assert_int_equal(g.node_count, 7);
    assert_int_equal(g.nodes[0].kind, VN_GRAPH_DOCUMENT);
    assert_int_equal(g.nodes[1].kind, VN_GRAPH_DOCUMENT);
    const vn_graph_node *a = node(&g, "plans/a.txt");
    assert_string_equal(a->label, "Kế hoạch A");
    assert_string_equal(a->date, "2023-09-01");
    assert_int_equal(a->mentions, 3);
    const vn_graph_node *b = node(&g, "plans/b.txt");
    assert_string_equal(b->label, "b.txt");   /* no title: the file name */
    assert_string_equal(b->date, "2024");
    assert_string_equal(b->start, "2024-01-01");
    assert_true(b->draft);
    const vn_graph_node *old = node(&g, "34/2007/PL-UBTVQH11");
    assert_string_equal(old->status, "ceased");
    assert_string_equal(old->ceased, "2023-07-01");
    assert_string_equal(old->end, "2023-06-30");
    assert_string_equal(old->start, "2007-04-20");
    assert_true(old->in_registry);
    assert_string_equal(node(&g, "10/2022/QH15")->status, "in_force");
    assert_string_equal(node(&g, "10/2022/QH15")->title, "Thực hiện dân chủ ở cơ sở");
    assert_string_equal(node(&g, "~quyet-dinh-217")->state, "unresolved");
    assert_string_equal(node(&g, "~quyet-dinh-217")->status, "");
    assert_false(node(&g, "~quyet-dinh-217")->in_registry);
    assert_string_equal(node(&g, "47/2024/QH15")->state, "unresolved");
    assert_true(node(&g, "97/2025/QH15")->in_registry);
    /* cites: one edge per pair, weight = mentions, the first mention's line */
    const vn_graph_edge *e = edge(&g, "plans/a.txt", "34/2007/PL-UBTVQH11", "cites");
    assert_int_equal(e->weight, 2);
    assert_int_equal(e->line, 5);
    assert_string_equal(e->text, "Pháp lệnh số 34/2007/PL-UBTVQH11");
    assert_string_equal(e->outdated, "outdated");   /* judged on 2024-12-31 */
    assert_string_equal(edge(&g, "plans/b.txt", "~quyet-dinh-217", "cites")->outdated, "");
    e = edge(&g, "34/2007/PL-UBTVQH11", "10/2022/QH15", "replaced_by");
    assert_string_equal(e->date, "2023-07-01");
    assert_string_equal(e->provision, "Điều 91");
    assert_string_equal(e->confidence, "high");
    /* two amendments by the same law: one edge, weight 2, the first one's date */
    e = edge(&g, "10/2022/QH15", "97/2025/QH15", "amended_by");
    assert_int_equal(e->weight, 2);
    assert_string_equal(e->date, "2025-07-01");
    assert_string_equal(edge(&g, "10/2022/QH15", "47/2024/QH15", "amended_by")->date, "");
    assert_int_equal(edge(&g, "10/2022/QH15", "47/2024/QH15", "amended_by")->weight, 1);
    assert_int_equal(g.edge_count, 3 + 3);   /* 3 cites pairs, 3 relations */
    vn_graph_free(&g);

    /* judged on each document's own date, statuses on a later day */
    opt.judge_on_as_of = false;
    vn_date_range_set(2025, 8, 1, &opt.as_of);
    assert_int_equal(vn_graph_build(&h.c, reg, &opt, &g, &err), VN_OK);
    assert_string_equal(edge(&g, "plans/a.txt", "34/2007/PL-UBTVQH11", "cites")->outdated,
                        "outdated");   /* 2023-09-01 is after 2023-07-01 */
    assert_string_equal(node(&g, "10/2022/QH15")->status, "amended");

    /* --focus: a document path, an exact id, a loose symbol, the registry */
    size_t found[8];
    vn_graph_focus m;
    vn_error focus_err;
    const char *texts[] = {"./plans/b.txt", "~quyet-dinh-217", "34/2007/pl-ubtvqh11",
                           "97/2025/QH15", "nothing at all", ""};
    const size_t want[] = {1, 1, 1, 1, 0, 0};
    const char *first[] = {"plans/b.txt", NULL, "34/2007/PL-UBTVQH11", NULL, NULL, NULL};
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        assert_int_equal(vn_graph_focus_match(&h.c, texts[t], &m, &focus_err), VN_OK);
        assert_int_equal(vn_graph_focus_nodes(&g, &m, reg, texts[t], found, 8), want[t]);
        if (first[t])
            assert_string_equal(g.nodes[found[0]].id, first[t]);
        vn_graph_focus_free(&m);
    }
    /* a loose symbol needs what the table matched */
    assert_int_equal(vn_graph_focus_nodes(&g, NULL, NULL, "34/2007/pl-ubtvqh11", found, 8), 0);
    vn_graph_free(&g);

    /* without a registry: no statuses, no relations */
    h.c.registry = NULL;
    assert_int_equal(vn_graph_build(&h.c, NULL, &opt, &g, &err), VN_OK);
    assert_int_equal(g.node_count, 5);
    assert_int_equal(g.edge_count, 3);
    assert_string_equal(node(&g, "10/2022/QH15")->status, "unknown");
    vn_graph_free(&g);
    vn_registry_free(reg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ids_and_sort),
        cmocka_unit_test(test_strings_made_valid),
        cmocka_unit_test(test_nodes_kept_compact),
        cmocka_unit_test(test_edges_kept_compact),
        cmocka_unit_test(test_sort_random_graph),
        cmocka_unit_test(test_keep_near),
        cmocka_unit_test(test_dot_quote),
        cmocka_unit_test(test_format_names),
        cmocka_unit_test(test_write_dot),
        cmocka_unit_test(test_write_graphml),
        cmocka_unit_test(test_write_gexf),
        cmocka_unit_test(test_write_json),
        cmocka_unit_test(test_write_csv),
        cmocka_unit_test(test_write_errors),
        cmocka_unit_test(test_build),
        cmocka_unit_test(test_is_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
