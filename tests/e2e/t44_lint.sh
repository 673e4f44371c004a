# t44 — `vncite lint`: likely errors on the corpus (human golden, --json,
# --csv, one document, --skip, exit codes 0/1/2, a document whose file is gone).
source "$(dirname "$0")/lib.sh"
"$VNCITE" index --db "$TMP/db" corpus/ 2>/dev/null

expect_status 1 "lint finds something in the corpus" -- "$VNCITE" lint --db "$TMP/db"
cp "$TMP/out" "$TMP/lint.txt"
golden lint-corpus.txt "$TMP/lint.txt"
contains "$TMP/lint.txt" "did you mean 33/CT-TTg?" "30/CT-TTg is taken for 33/CT-TTg"
contains "$TMP/lint.txt" '"hoàn thành trước ngày 10/4/2023"' "Yên Bái's stale deadline"
contains "$TMP/lint.txt" "written 11-QĐ/TW; united with 11-QĐi/TW" "11-QĐ/TW corrected"
contains "$TMP/lint.txt" "04/2015/NĐ/CP is written for the symbol 04/2015/NĐ-CP [misspelled-symbol]" \
  "Yên Bái's NĐ/CP"

expect_status 1 "lint --json" -- "$VNCITE" lint --db "$TMP/db" --json
/usr/bin/python3 - "$TMP/out" <<'PY' && pass "--json: one finding per line, every field" || fail "lint --json"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert rows, "no findings"
keys = {"rule", "severity", "file", "line", "column", "text", "message", "suggestion"}
assert all(set(r) == keys for r in rows), rows[0].keys()
assert all(r["severity"] in ("warning", "info") for r in rows)
rules = {r["rule"] for r in rows}
assert {"matches-other-instrument", "corrected-symbol", "stale-year", "misspelled-symbol"} <= rules, rules
m = [r for r in rows if r["rule"] == "matches-other-instrument"]
assert len(m) == 1 and m[0]["text"] == "Chỉ thị số 30/CT-TTg" and m[0]["line"] == 26, m
assert m[0]["severity"] == "warning"
# 26-KH/BCĐ of 31/01/2024 (Tây Ninh) and of 23/02/2024 (Cao Lộc) are two plans of two bodies
assert not any(r["rule"] == "conflicting-dates" for r in rows)
PY

expect_status 1 "lint --csv" -- "$VNCITE" lint --db "$TMP/db" --csv
/usr/bin/python3 - "$TMP/out" "$TMP/lint.txt" <<'PY' && pass "--csv: header and the same findings" || fail "lint --csv"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
assert list(rows[0].keys()) == ["rule", "severity", "file", "line", "column", "text", "message", "suggestion"]
human = open(sys.argv[2], encoding="utf-8").read()
assert human.rstrip().endswith("%d findings: %d warnings, %d info" % (
    len(rows), sum(r["severity"] == "warning" for r in rows), sum(r["severity"] == "info" for r in rows)))
for r in rows:
    assert "%s:%s:%s: %s: " % (r["file"], r["line"], r["column"], r["severity"]) in human, r
PY

doc=corpus/yen-bai-dang-uy-khoi-2024-ke-hoach-qcdc.txt
expect_status 1 "one document" -- "$VNCITE" lint --db "$TMP/db" "./$doc"
if grep -v "^corpus/yen-bai" "$TMP/out" | grep -q "^corpus/"; then fail "DOC shows other documents"; else pass "DOC shows only its findings"; fi
expect_status 0 "a clean document" -- "$VNCITE" lint --db "$TMP/db" corpus/soc-trang-mttq-2024-ke-hoach-qcdc.txt
contains "$TMP/out" "0 findings" "clean document says so"
expect_status 0 "--skip every rule that fires on Yên Bái" -- "$VNCITE" lint --db "$TMP/db" \
  --skip matches-other-instrument,corrected-symbol --skip stale-year,misspelled-symbol "$doc"

expect_status 2 "unknown document" -- "$VNCITE" lint --db "$TMP/db" corpus/nope.txt
contains "$TMP/err" "not in the index" "unknown document is named"
expect_status 2 "no index" -- "$VNCITE" lint --db "$TMP/none"
contains "$TMP/err" "no index here" "missing index is named"
expect_status 2 "unknown rule" -- "$VNCITE" lint --db "$TMP/db" --skip nope
expect_status 2 "--json with --csv" -- "$VNCITE" lint --db "$TMP/db" --json --csv
expect_status 0 "--help" -- "$VNCITE" lint --help
contains "$TMP/out" "Exit status: 0 no findings, 1 findings, 2" "usage documents the exit status"

# a document whose file is gone: warned, its text rules skipped, the rest still run
mkdir "$TMP/c"
cp corpus/yen-bai-dang-uy-khoi-2024-ke-hoach-qcdc.txt corpus/duc-pho-bcd-2023-ke-hoach-du-thao.txt "$TMP/c/"
"$VNCITE" index --db "$TMP/db2" "$TMP/c" 2>/dev/null
rm "$TMP/c/yen-bai-dang-uy-khoi-2024-ke-hoach-qcdc.txt"
expect_status 1 "lint with a file gone" -- "$VNCITE" lint --db "$TMP/db2"
contains "$TMP/err" "stale-year rule is skipped" "missing file is warned about"
contains "$TMP/out" "did you mean 33/CT-TTg?" "citation rules still run without the text"
if grep -q "stale-year\]" "$TMP/out"; then fail "stale-year ran without text"; else pass "no stale-year without text"; fi

# numbers written without their codes: what to write when it is known, a warning when not
mkdir "$TMP/short"
printf 'Căn cứ Nghị định số 04/2015 của Chính phủ; Nghị định số 17/2020 của Chính phủ.\n' >"$TMP/short/a.txt"
"$VNCITE" index --db "$TMP/db3" "$TMP/short" 2>/dev/null
expect_status 1 "lint numbers without codes" -- "$VNCITE" lint --db "$TMP/db3"
contains "$TMP/out" "info: 04/2015 is written without its codes; it is 04/2015/NĐ-CP [incomplete-symbol]" \
  "a known number: the symbol to write"
contains "$TMP/out" "warning: 17/2020 is written without its codes, and no Nghị định numbered 17 of 2020" \
  "an unknown number: a warning"
finish
