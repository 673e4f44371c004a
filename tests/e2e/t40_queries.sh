# t40 — the corpus questions: cites, citations, instruments, outdated.
# Goldens on corpus/ with a fixed --as-of wherever "today" would show.
source "$(dirname "$0")/lib.sh"
db="$TMP/db"
"$VNCITE" index --db "$db" corpus/ 2>/dev/null
AS_OF=2026-11-25

# ---- outdated: the report, its formats and its exit status ----
expect_status 1 "outdated finds outdated citations in corpus/" -- "$VNCITE" outdated --db "$db"
golden outdated-corpus.txt "$TMP/out"
contains "$TMP/out" "duc-pho-bcd-2023-ke-hoach-du-thao.txt:58:36: POSSIBLY OUTDATED 34/2007/PL-UBTVQH11" \
  "the 2023 draft (dated by year only) is possibly outdated for the 2007 ordinance"
contains "$TMP/out" "yen-bai-dang-uy-khoi-2024-ke-hoach-qcdc.txt:19:317: OUTDATED 04/2015/NĐ-CP" \
  "a 2024 plan citing the superseded decree is outdated"
contains "$TMP/out" "confidence medium" "the event's confidence is shown"
"$VNCITE" outdated --db "$db" --json >"$TMP/outdated.jsonl" || true
golden outdated-corpus.jsonl "$TMP/outdated.jsonl"
"$VNCITE" outdated --db "$db" --csv >"$TMP/outdated.csv" || true
golden outdated-corpus.csv "$TMP/outdated.csv"
/usr/bin/python3 - "$TMP/outdated.jsonl" "$TMP/outdated.csv" <<'PY' && pass "outdated --json and --csv agree and parse" || fail "outdated --json/--csv"
import csv, json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
summary = rows.pop()
assert summary["record"] == "summary" and summary["findings"] == len(rows) == 4, summary
assert {r["verdict"] for r in rows} == {"outdated", "possibly_outdated"}
assert all(r["detail"]["other"] == "10/2022/QH15" and r["detail"]["from"] for r in rows)
table = list(csv.DictReader(open(sys.argv[2], encoding="utf-8", newline="")))
assert [(t["file"], int(t["line"]), t["verdict"]) for t in table] == \
       [(r["file"], r["line"], r["verdict"]) for r in rows]
PY
"$VNCITE" outdated --db "$db" --all >"$TMP/all.txt" || true
contains "$TMP/all.txt" "AMENDED 10/2022/QH15" "--all lists amended instruments as amended"
expect_status 0 "nothing outdated before the Law took effect" -- "$VNCITE" outdated --db "$db" --as-of 2022-12-31
contains "$TMP/out" "0 outdated, 0 possibly outdated" "the summary says none"
expect_status 1 "--as-of judges every citation on that date" -- "$VNCITE" outdated --db "$db" --as-of 2023
contains "$TMP/out" "POSSIBLY OUTDATED 04/2015/NĐ-CP" "a year as --as-of straddles 01/07/2023"
expect_status 0 "one document without outdated citations" -- \
  "$VNCITE" outdated --db "$db" corpus/tay-ninh-so-cong-thuong-2024-ke-hoach.txt
expect_status 1 "one document with one" -- \
  "$VNCITE" outdated --db "$db" yen-bai-dang-uy-khoi-2024-ke-hoach-qcdc.txt

# the registry is read at query time: drop the decree's event, no re-index
mkdir "$TMP/reg"
cp corpus/registry/*.csv "$TMP/reg/"
grep -v '^04/2015/NĐ-CP,' corpus/registry/events.csv >"$TMP/reg/events.csv"
expect_status 1 "edited registry without re-indexing" -- "$VNCITE" outdated --db "$db" --registry "$TMP/reg"
if grep -q "04/2015/NĐ-CP" "$TMP/out"; then fail "the removed event still shows"; else pass "the removed event is gone"; fi

# errors
expect_status 2 "missing index" -- "$VNCITE" outdated --db "$TMP/none"
contains "$TMP/err" "no index here" "missing index is named"
expect_status 2 "bad --as-of" -- "$VNCITE" outdated --db "$db" --as-of 31/02/2024
contains "$TMP/err" "--as-of '31/02/2024' is not a date" "bad date is named"
expect_status 2 "unknown document" -- "$VNCITE" outdated --db "$db" corpus/nope.txt
expect_status 2 "--no-registry cannot judge" -- "$VNCITE" outdated --db "$db" --no-registry
expect_status 2 "--json with --csv" -- "$VNCITE" outdated --db "$db" --json --csv
expect_status 2 "unreadable registry folder" -- "$VNCITE" outdated --db "$db" --registry "$TMP/none"

# ---- cites ----
expect_status 0 "cites by loose symbol" -- "$VNCITE" cites --db "$db" "nd 4/2015"
golden cites-04-2015.txt "$TMP/out"
expect_status 0 "cites by name" -- "$VNCITE" cites --db "$db" "Luật Thực hiện dân chủ ở cơ sở"
contains "$TMP/out" "10/2022/QH15 (Luật Thực hiện dân chủ ở cơ sở): " "a name finds the law"
expect_status 0 "cites typed without Đ" -- "$VNCITE" cites --db "$db" "05-da/tu"
contains "$TMP/out" "05-ĐA/TU@2022-08-11 (Đề án): 1 citation" "DA typed finds the Đề án ĐA"
expect_status 0 "cites --json" -- "$VNCITE" cites --db "$db" --json 120-KL/TW
/usr/bin/python3 - "$TMP/out" <<'PY' && pass "cites --json records" || fail "cites --json"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(rows) == 5 and all(r["instrument"] == "120-KL/TW@2016-01-07" for r in rows)
assert all(r["record"] == "citation" and r["line"] > 0 for r in rows)
PY
expect_status 0 "cites --csv" -- "$VNCITE" cites --db "$db" --csv 11-QĐ/TW
/usr/bin/python3 - "$TMP/out" <<'PY' && pass "cites --csv parses; the variant finds the united instrument" || fail "cites --csv"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
assert len(rows) == 6 and {r["instrument"] for r in rows} == {"11-QĐi/TW@2019-02-18"}, rows
PY
expect_status 0 "an instrument nobody cites" -- "$VNCITE" cites --db "$db" 22/2018/QĐ-TTg
contains "$TMP/out" "no indexed document cites it" "says nobody cites it"
expect_status 2 "not an instrument" -- "$VNCITE" cites --db "$db" "hello world"
contains "$TMP/err" "no instrument in the index or the registry matches" "says what was not understood"
expect_status 2 "cites needs an argument" -- "$VNCITE" cites --db "$db"
# cites streams the index through a temporary file too
expect_status 2 "cites with an unusable TMPDIR" -- env TMPDIR="$TMP/none" "$VNCITE" cites --db "$db" "nd 4/2015"
contains "$TMP/err" "$TMP/none: cannot create the temporary file of citations" "cites names the folder"
expect_status 2 "cites without an index" -- "$VNCITE" cites --db "$TMP/none" "nd 4/2015"
contains "$TMP/err" "no index here" "cites says there is no index"

# ---- citations ----
expect_status 0 "citations of one document" -- \
  "$VNCITE" citations --db "$db" --as-of $AS_OF corpus/duc-pho-bcd-2023-ke-hoach-du-thao.txt
golden citations-duc-pho.txt "$TMP/out"
contains "$TMP/out" "in_force → ceased within the document's date → possibly_outdated" \
  "a partial document date shows the change inside it"
expect_status 0 "citations --json of all" -- "$VNCITE" citations --db "$db" --as-of $AS_OF --json
/usr/bin/python3 - "$TMP/out" <<'PY' && pass "citations --json: every document, statuses" || fail "citations --json"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len({r["file"] for r in rows}) == 5
law = [r for r in rows if r["instrument"] == "10/2022/QH15"]
assert len(law) == 5 and all(r["status_today"] == "amended" for r in law)
assert any(r["verdict"] == "outdated" for r in rows)
assert all(r["today"] == "2026-11-25" for r in rows)
PY
expect_status 0 "citations --csv" -- "$VNCITE" citations --db "$db" --csv --as-of $AS_OF
/usr/bin/python3 - "$TMP/out" <<'PY' && pass "citations --csv parses" || fail "citations --csv"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
assert len(rows) > 50 and all(r["status_today"] for r in rows)
PY
expect_status 2 "citations of an unknown document" -- "$VNCITE" citations --db "$db" nope.txt
# the rows wait in a temporary file: a TMPDIR that cannot take it is named
expect_status 2 "citations with an unusable TMPDIR" -- env TMPDIR="$TMP/none" "$VNCITE" citations --db "$db"
contains "$TMP/err" "$TMP/none: cannot create the temporary file of citations" "the folder is named"
contains "$TMP/err" "set TMPDIR" "and what to do"

# ---- instruments ----
expect_status 0 "instruments" -- "$VNCITE" instruments --db "$db" --as-of $AS_OF
golden instruments-corpus.txt "$TMP/out"
expect_status 0 "instruments --status ceased" -- "$VNCITE" instruments --db "$db" --as-of $AS_OF --status ceased --csv
/usr/bin/python3 - "$TMP/out" <<'PY' && pass "ceased instruments are the ordinance and the decree" || fail "instruments --status"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
assert sorted(r["instrument"] for r in rows) == ["04/2015/NĐ-CP", "34/2007/PL-UBTVQH11"], rows
PY
expect_status 0 "instruments --json" -- "$VNCITE" instruments --db "$db" --as-of $AS_OF --json
/usr/bin/python3 - "$TMP/out" <<'PY' && pass "unresolved citations stay visible" || fail "instruments --json"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert any(r["status"] == "unresolved" for r in rows)
assert any(r["status"] == "not_in_registry" for r in rows)
PY
expect_status 2 "instruments --status nonsense" -- "$VNCITE" instruments --db "$db" --status nonsense
expect_status 2 "instruments takes no argument" -- "$VNCITE" instruments --db "$db" extra
finish
