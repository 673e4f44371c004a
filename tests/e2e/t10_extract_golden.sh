# t10 — `vncite extract` on the sample corpus matches the reviewed golden
# outputs (human, JSON and CSV), with the registry in corpus/registry; the
# CSV has the JSON records' fields, one row a citation.
source "$(dirname "$0")/lib.sh"
"$VNCITE" extract --json corpus/ >"$TMP/extract.jsonl"
golden extract.jsonl "$TMP/extract.jsonl"
"$VNCITE" extract corpus/ >"$TMP/extract.txt"
golden extract.txt "$TMP/extract.txt"
"$VNCITE" extract --csv corpus/ >"$TMP/extract.csv"
golden extract.csv "$TMP/extract.csv"
if /usr/bin/python3 - "$TMP/extract.csv" "$TMP/extract.jsonl" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8', newline='')))
cites = [r for r in map(json.loads, open(sys.argv[2], encoding='utf-8')) if r['record'] == 'citation']
assert len(rows) == len(cites), (len(rows), len(cites))
for row, c in zip(rows, cites):
    for k in ('file', 'line', 'column', 'start', 'end', 'kind', 'symbol', 'text', 'instrument', 'issuer'):
        want = '' if c[k] is None else str(c[k])
        assert row[k] == want, (k, row[k], want)
    assert row['date'] == (c['date'] or ''), (row['date'], c['date'])
    assert row['article'] == ((c['pinpoint'] or {}).get('article') or '')
PY
then pass "the CSV rows carry the JSON records' fields, in the same order"
else fail "the CSV and the JSON records disagree"; fi
expect_status 2 "--json and --csv together" -- "$VNCITE" extract --json --csv corpus/
contains "$TMP/err" "--json and --csv exclude each other" "the clash is named"
finish
