# t45 — `vncite graph`: every format read by a real consumer (Graphviz,
# networkx, Python's csv), facts of the corpus asserted in each, a golden
# DOT file, --focus/--depth, and bad input.
source "$(dirname "$0")/lib.sh"
"$VNCITE" index --db "$TMP/db" corpus/ 2>/dev/null
G=("$VNCITE" graph --db "$TMP/db" --as-of 2024-12-31)

for f in dot graphml gexf json; do
  expect_status 0 "graph --format $f" -- "${G[@]}" --format $f -o "$TMP/corpus.$f"
done
expect_status 0 "graph --format csv" -- "${G[@]}" --format csv -o "$TMP/corpus"
golden graph-corpus.dot "$TMP/corpus.dot"

# the default format is dot, on standard output; -o's extension chooses too
"${G[@]}" >"$TMP/stdout.dot"
if cmp -s "$TMP/stdout.dot" "$TMP/corpus.dot"; then pass "dot on standard output by default"
else fail "default output differs from --format dot"; fi
"${G[@]}" -o "$TMP/by-name.json" && cmp -s "$TMP/by-name.json" "$TMP/corpus.json" &&
  pass "-o x.json writes JSON" || fail "-o x.json"
"${G[@]}" -o "$TMP/pair.csv" && [ -s "$TMP/pair-nodes.csv" ] && [ -s "$TMP/pair-edges.csv" ] &&
  pass "-o x.csv writes x-nodes.csv and x-edges.csv" || fail "-o x.csv"

if dot -Tsvg "$TMP/corpus.dot" -o "$TMP/corpus.svg" 2>"$TMP/dot.err" && [ -s "$TMP/corpus.svg" ]; then
  pass "dot -Tsvg renders it"
else fail "dot -Tsvg failed"; head -5 "$TMP/dot.err"; fi
dot_counts=$(gc -n -e "$TMP/corpus.dot" | awk '{print $1, $2}')

/usr/bin/python3 - "$TMP" "$dot_counts" <<'PY' && pass "networkx and csv read every format with the same facts" || fail "graph formats"
import csv, json, sys
import networkx as nx
from networkx.readwrite import gexf

tmp, dot_counts = sys.argv[1], sys.argv[2].split()
# networkx knows the GEXF 1.1draft/1.2draft namespaces; 1.3 (what Gephi
# writes and reads) differs from 1.2 only in what we do not use
v = dict(gexf.GEXF.versions["1.2draft"])
v.update(NS_GEXF="http://gexf.net/1.3", NS_VIZ="http://gexf.net/1.3/viz", VERSION="1.3",
         SCHEMALOCATION="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd")
gexf.GEXF.versions["1.3"] = v

graphs = {
    "graphml": nx.read_graphml(f"{tmp}/corpus.graphml"),
    "gexf": nx.read_gexf(f"{tmp}/corpus.gexf", version="1.3"),
    "json": nx.node_link_graph(json.load(open(f"{tmp}/corpus.json", encoding="utf-8"))),
}
with open(f"{tmp}/corpus-nodes.csv", newline="", encoding="utf-8") as f:
    nodes = list(csv.DictReader(f))
with open(f"{tmp}/corpus-edges.csv", newline="", encoding="utf-8") as f:
    edges = list(csv.DictReader(f))
c = nx.DiGraph()
for n in nodes:
    c.add_node(n["Id"], **{k: v for k, v in n.items() if k != "Id"})
for e in edges:
    assert e["Type"] == "Directed", e
    c.add_edge(e["Source"], e["Target"], relation=e["Kind"], weight=int(e["Weight"]),
               outdated=e["outdated"])
graphs["csv"] = c

counts = {name: (g.number_of_nodes(), g.number_of_edges()) for name, g in graphs.items()}
assert len(set(counts.values())) == 1, counts
assert counts["json"] == tuple(map(int, dot_counts)), (counts, dot_counts)

law, ordinance = "10/2022/QH15", "34/2007/PL-UBTVQH11"
for name, g in graphs.items():
    assert g.is_directed(), name
    docs = [n for n, a in g.nodes(data=True) if a["kind"] == "document"]
    assert len(docs) == 5, (name, docs)
    citing = {u for u, _, a in g.in_edges(law, data=True) if a["relation"] == "cites"}
    assert citing == set(docs), (name, citing)
    assert g.has_edge(ordinance, law), name
    assert g.edges[ordinance, law]["relation"] == "replaced_by", name
    assert g.nodes[ordinance]["status"] == "ceased", name
    # the draft of 2023 cites the ordinance after it was replaced
    duc_pho = "corpus/duc-pho-bcd-2023-ke-hoach-du-thao.txt"
    assert g.edges[duc_pho, ordinance]["outdated"] == "outdated", name
    # weight = mentions
    assert sum(int(a["weight"]) for _, _, a in g.in_edges(law, data=True)
               if a["relation"] == "cites") == int(g.nodes[law]["mentions"]), name
    unresolved = [n for n, a in g.nodes(data=True) if a.get("state") == "unresolved"]
    assert "09-NQ/TU" in unresolved, (name, unresolved)

# typed attributes where the format has types
assert graphs["graphml"].nodes[law]["citing_docs"] == 5
assert graphs["json"].nodes[law]["in_registry"] is True
assert graphs["json"].graph["as_of"] == "2024-12-31"
# GEXF validity interval: in force until the day before it was replaced
g = graphs["gexf"]
assert (g.nodes[ordinance]["start"], g.nodes[ordinance]["end"]) == ("2007-04-20", "2023-06-30")
PY

# --focus / --depth
"${G[@]}" --format json --focus corpus/duc-pho-bcd-2023-ke-hoach-du-thao.txt -o "$TMP/doc.json"
"${G[@]}" --format json --focus 10/2022/QH15 --depth 1 -o "$TMP/law.json"
"${G[@]}" --format json --focus "pl 34/2007" --depth 2 -o "$TMP/ord.json"
"${G[@]}" --format json --focus 09-NQ/TU --focus "./corpus/tay-ninh-so-cong-thuong-2024-ke-hoach.txt" \
  --depth 0 -o "$TMP/two.json"
/usr/bin/python3 - "$TMP" <<'PY' && pass "--focus keeps the neighbourhood" || fail "--focus"
import json, sys
tmp = sys.argv[1]
def load(n):
    g = json.load(open(f"{tmp}/{n}.json", encoding="utf-8"))
    return {x["id"]: x for x in g["nodes"]}, g["links"]
nodes, links = load("doc")
duc = "corpus/duc-pho-bcd-2023-ke-hoach-du-thao.txt"
assert [n for n, a in nodes.items() if a["kind"] == "document"] == [duc], nodes
cites = [l for l in links if l["relation"] == "cites"]
assert all(l["source"] == duc for l in cites) and len(cites) == len(nodes) - 1
# relations between the instruments it cites stay; what amended the law is 2 hops away
assert ("34/2007/PL-UBTVQH11", "10/2022/QH15", "replaced_by") in \
    [(l["source"], l["target"], l["relation"]) for l in links]
assert "97/2025/QH15" not in nodes
nodes, links = load("law")
assert sum(a["kind"] == "document" for a in nodes.values()) == 5
assert {"34/2007/PL-UBTVQH11", "04/2015/NĐ-CP", "97/2025/QH15"} <= set(nodes), nodes
near = {l["source"] for l in links if l["target"] == "10/2022/QH15"} | \
       {l["target"] for l in links if l["source"] == "10/2022/QH15"}
assert set(nodes) == near | {"10/2022/QH15"}, set(nodes) - near
nodes, links = load("ord")
assert "10/2022/QH15" in nodes and "97/2025/QH15" in nodes  # 2 hops: replaced by, cited with
nodes, links = load("two")
assert set(nodes) == {"09-NQ/TU", "corpus/tay-ninh-so-cong-thuong-2024-ke-hoach.txt"}, nodes
PY

# bad input
expect_status 2 "unknown format" -- "${G[@]}" --format png
contains "$TMP/err" "unknown format 'png'" "unknown format is named"
printf 'keep me\n' >"$TMP/keep.dot"
expect_status 2 "unknown focus" -- "${G[@]}" --focus 999/2099/XX-YY -o "$TMP/keep.dot"
contains "$TMP/err" "'999/2099/XX-YY'" "unknown focus is named"
contains "$TMP/err" "vncite instruments" "unknown focus suggests 'vncite instruments'"
[ "$(cat "$TMP/keep.dot")" = "keep me" ] && pass "a failed run leaves -o FILE untouched" ||
  fail "existing -o file was changed"
expect_status 2 "focus known only to the registry" -- "${G[@]}" --focus 55/1998/NQ-UBTVQH10
contains "$TMP/err" "registry knows it" "registry-only focus is explained"
expect_status 2 "unwritable -o" -- "${G[@]}" -o "$TMP/no/such/dir/graph.dot"
contains "$TMP/err" "$TMP/no/such/dir/graph.dot" "unwritable -o is named"
# -o onto a device writes to it and leaves it a device; -o onto a link writes the file
# it names and leaves the link
expect_status 0 "-o /dev/null" -- "${G[@]}" --format json -o /dev/null
[ -c /dev/null ] && pass "/dev/null is still a device" || fail "/dev/null was replaced"
if [ -c /dev/full ]; then
  expect_status 2 "-o /dev/full" -- "${G[@]}" --format json -o /dev/full
  contains "$TMP/err" "/dev/full: cannot write the graph" "a device that fails is named"
  [ -c /dev/full ] && pass "/dev/full is still a device" || fail "/dev/full was replaced"
fi
"${G[@]}" --format json -o /dev/stdout >"$TMP/stdout.json" && cmp -s "$TMP/stdout.json" "$TMP/corpus.json" &&
  pass "-o /dev/stdout writes standard output" || fail "-o /dev/stdout"
printf 'old\n' >"$TMP/real.json" && ln -s real.json "$TMP/link.json"
"${G[@]}" --format json -o "$TMP/link.json" && [ -L "$TMP/link.json" ] &&
  cmp -s "$TMP/real.json" "$TMP/corpus.json" && pass "-o LINK writes the file it names, the link stays" ||
  fail "-o onto a link"
expect_status 2 "-o a folder" -- "${G[@]}" -o "$TMP"
contains "$TMP/err" "is a folder" "-o a folder says so"
mkdir "$TMP/ro" && chmod 555 "$TMP/ro"
if [ -w "$TMP/ro" ]; then pass "(running as root: read-only folder check skipped)"; else
  expect_status 2 "read-only folder" -- "${G[@]}" --format csv -o "$TMP/ro/g"
  [ -z "$(ls -A "$TMP/ro")" ] && pass "nothing left in the read-only folder" || fail "files left in $TMP/ro"
fi
expect_status 2 "csv without -o" -- "${G[@]}" --format csv
contains "$TMP/err" "PREFIX-nodes.csv" "csv without -o says how"
expect_status 2 "--depth without --focus" -- "${G[@]}" --depth 2
expect_status 2 "bad --depth" -- "${G[@]}" --focus 10/2022/QH15 --depth -1
expect_status 2 "bad --as-of" -- "$VNCITE" graph --db "$TMP/db" --as-of 31/02/2024
expect_status 2 "no index" -- "$VNCITE" graph --db "$TMP/none"
expect_status 0 "graph --help" -- "$VNCITE" graph --help
contains "$TMP/out" "--focus" "help lists --focus"
expect_status 0 "graph --no-registry" -- "$VNCITE" graph --db "$TMP/db" --no-registry --format json
/usr/bin/python3 -c '
import json, sys
g = json.load(open(sys.argv[1], encoding="utf-8"))
assert all(l["relation"] == "cites" for l in g["links"])
' "$TMP/out" && pass "--no-registry: cites edges only" || fail "--no-registry"
# a plan of the index that another plan cites: one `is` edge from its document
mkdir -p "$TMP/two"
printf 'TỈNH ỦY QUẢNG NAM\nSố 45-KH/TU\nQuảng Nam, ngày 12 tháng 4 năm 2021\n\nKẾ HOẠCH\nthực hiện\n\nCăn cứ Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.\n' >"$TMP/two/a.txt"
printf 'Thực hiện Kế hoạch số 45-KH/TU của Tỉnh ủy.\n' >"$TMP/two/b.txt"
"$VNCITE" index --db "$TMP/two.db" --no-registry "$TMP/two" 2>/dev/null
expect_status 0 "graph of a plan citing a plan" -- \
  "$VNCITE" graph --db "$TMP/two.db" --no-registry --format csv -o "$TMP/two-graph"
contains "$TMP/two-graph-edges.csv" "a.txt\",\"45-KH/TU@2021-04-12\",\"Directed\",\"1\",\"is\"" \
  "the cited plan's document is its instrument"
contains "$TMP/two-graph-edges.csv" "b.txt\",\"45-KH/TU@2021-04-12\",\"Directed\",\"1\",\"cites\"" \
  "the undated citation resolves to the plan of the index"
leftovers=$(find "$TMP" -name '*.tmp-*' | head -3)
[ -z "$leftovers" ] && pass "no temporary files left" || fail "temporary files left: $leftovers"
finish
