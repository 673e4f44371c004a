# t20 — `vncite registry check` and `vncite registry show` on the shipped
# registry, on a broken copy, and on a folder that does not exist.
source "$(dirname "$0")/lib.sh"

# The shipped registry is clean.
expect_status 0 "registry check: shipped registry" -- "$VNCITE" registry check corpus/registry
contains "$TMP/out" "corpus/registry: no problems (" "clean registry says so with counts"
expect_status 0 "registry check: --registry form" -- "$VNCITE" registry check --registry corpus/registry
expect_status 0 "registry check --json: shipped registry" -- "$VNCITE" registry check --json corpus/registry
if [ -s "$TMP/out" ]; then fail "clean registry --json prints nothing"; else pass "clean registry --json prints nothing"; fi

# A broken copy: every problem is FILE:LINE: message, paths joined with the folder.
cp -r tests/data/registry-bad/main "$TMP/bad"
expect_status 1 "registry check: broken registry" -- "$VNCITE" registry check "$TMP/bad"
cp "$TMP/out" "$TMP/bad.out"
contains "$TMP/bad.out" "$TMP/bad/instruments.csv:5: issued \"31/02/2007\" is not a date" "bad date with file:line"
contains "$TMP/bad.out" "$TMP/bad/instruments.csv:7: duplicate instrument 120-KL/TW@2016-01-07" "duplicate with file:line"
contains "$TMP/bad.out" "$TMP/bad/events.csv:2: instrument \"99/2099/NĐ-CP\" is not in instruments.csv" "unknown instrument with file:line"
contains "$TMP/bad.out" "$TMP/bad/events.csv:4: replacement cycle: 59/2023/NĐ-CP -> 10/2022/QH15 -> 59/2023/NĐ-CP" "cycle with file:line"
contains "$TMP/bad.out" "$TMP/bad/events.csv:8: other instrument 77/2099/QH99 is not in instruments.csv" "unknown other with file:line"
contains "$TMP/bad.out" "$TMP/bad/aliases.csv:3: name \"Bộ luật Lao động\" means 45/2019/QH14" "alias clash with file:line"
problems=$(grep -c '^'"$TMP"'/bad/[a-z]*\.csv:[0-9][0-9]*: ' "$TMP/bad.out" || true)
contains "$TMP/bad.out" "$problems problems in $TMP/bad" "summary counts every problem line ($problems)"
lines=$(wc -l <"$TMP/bad.out")
if [ "$lines" -eq $((problems + 1)) ]; then pass "only problem lines and the summary"; else
  fail "output has $lines lines for $problems problems"; fi
# problems come sorted by file (instruments, events, aliases) and line
awk -F: -v n="$problems" 'NR <= n { r = $1 ~ /instruments\.csv$/ ? 0 : $1 ~ /events\.csv$/ ? 1 : 2; print r, $2 }' \
  "$TMP/bad.out" >"$TMP/keys"
if sort -c -k1,1n -k2,2n "$TMP/keys" 2>/dev/null; then pass "problems sorted by file and line"; else
  fail "problems not sorted by file and line"; fi

# --json: one object per problem, with the same file and line.
expect_status 1 "registry check --json: broken registry" -- "$VNCITE" registry check --json "$TMP/bad"
if python3 - "$TMP/out" "$problems" "$TMP/bad" <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(rows) == int(sys.argv[2]), (len(rows), sys.argv[2])
for r in rows:
    assert set(r) == {"file", "line", "message"}, r
    assert r["file"].startswith(sys.argv[3] + "/") and isinstance(r["line"], int), r
assert any(r["line"] == 4 and r["file"].endswith("/events.csv") and "cycle" in r["message"] for r in rows)
EOF
then pass "JSON Lines: one {file,line,message} per problem"; else fail "JSON Lines output"; fi

# A trailing slash does not double the separator.
expect_status 1 "registry check: folder with trailing slash" -- "$VNCITE" registry check "$TMP/bad/"
contains "$TMP/out" "$TMP/bad/events.csv:4:" "no double slash in paths"

# A missing folder is an error that names it; so is a non-folder.
expect_status 2 "registry check: missing folder" -- "$VNCITE" registry check "$TMP/nonexistent"
contains "$TMP/err" "$TMP/nonexistent" "missing folder is named"
if [ "$(wc -l <"$TMP/err")" -eq 1 ]; then pass "one line of error"; else fail "error is not one line"; cat "$TMP/err"; fi
expect_status 2 "registry check: two folders" -- "$VNCITE" registry check corpus/registry "$TMP/bad"
expect_status 2 "registry: no subcommand" -- "$VNCITE" registry
expect_status 2 "registry: unknown subcommand" -- "$VNCITE" registry frobnicate
contains "$TMP/err" "frobnicate" "unknown subcommand is named"
expect_status 0 "registry --help" -- "$VNCITE" registry --help
contains "$TMP/out" "usage: vncite registry check" "help shows usage"
expect_status 0 "main help lists registry" -- "$VNCITE" --help
contains "$TMP/out" "registry" "main help lists registry"

# VNCITE_REGISTRY chooses the folder when none is given.
VNCITE_REGISTRY="$TMP/bad" expect_status 1 "registry check: \$VNCITE_REGISTRY" -- "$VNCITE" registry check

# show: the facts a reviewer needs, with evidence and confidence.
expect_status 0 "registry show 34/2007 --as-of 2023-07-01" -- \
  "$VNCITE" registry show --registry corpus/registry 34/2007/PL-UBTVQH11 --as-of 2023-07-01
contains "$TMP/out" "status on 2023-07-01: ceased: replaced by 10/2022/QH15 from 2023-07-01" "ceased on the day of replacement"
contains "$TMP/out" "replaced" "show says replaced"
contains "$TMP/out" "10/2022/QH15" "show names what replaced it"
contains "$TMP/out" "high" "show gives the confidence"
contains "$TMP/out" "Điều 91 khoản 2 Luật 10/2022/QH15" "show gives the provision"
contains "$TMP/out" "a document dated 2023-07-01 citing it: outdated" "outdated on that day"
expect_status 0 "registry show 34/2007 --as-of 30/06/2023" -- \
  "$VNCITE" registry show 34/2007/PL-UBTVQH11 --as-of 30/06/2023
contains "$TMP/out" "status on 2023-06-30: in force since 2007-07-01" "in force the day before"
expect_status 0 "registry show 34/2007 --as-of 2023" -- "$VNCITE" registry show 34/2007/PL-UBTVQH11 --as-of 2023
contains "$TMP/out" "a document dated 2023 citing it: possibly outdated" "year 2023: possibly outdated"

# the reverse relation is computed for the replacing law
expect_status 0 "registry show 10/2022/QH15" -- "$VNCITE" registry show 10/2022/QH15
contains "$TMP/out" "replaces 34/2007/PL-UBTVQH11" "reverse relation: replaces"
contains "$TMP/out" "supersedes 04/2015/NĐ-CP" "reverse relation: supersedes"
contains "$TMP/out" "confidence medium" "superseded rests on medium evidence"

# unknown validity is said, loose spellings are found
expect_status 0 "registry show 120-KL/TW" -- "$VNCITE" registry show 120-kl/tw
contains "$TMP/out" "120-KL/TW@2016-01-07" "yearless symbol shows its identity"
contains "$TMP/out" "unknown: " "validity unknown is said"
expect_status 0 "registry show ASCII symbol" -- "$VNCITE" registry show 04/2015/ND-CP
contains "$TMP/out" "04/2015/NĐ-CP" "ASCII spelling is found"

# --json: one object per instrument
expect_status 0 "registry show --json" -- \
  "$VNCITE" registry show --json 34/2007/PL-UBTVQH11 10/2022/QH15 --as-of 2024-03
if python3 - "$TMP/out" <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert [r["id"] for r in rows] == ["34/2007/PL-UBTVQH11", "10/2022/QH15"], rows
a = rows[0]
assert a["events"][0]["event"] == "replaced_by" and a["events"][0]["other"] == "10/2022/QH15"
assert a["events"][0]["confidence"] == "high"
assert a["today"]["status"] == "ceased"
assert a["as_of"]["citation"]["status"] == "outdated"
assert a["as_of"]["citation"]["other"] == "10/2022/QH15"
assert a["as_of"]["citation"]["from"] == "2023-07-01"
b = rows[1]
assert {x["relation"] for x in b["reverse"]} == {"replaces", "supersedes"}, b["reverse"]
# amended by 47/2024/QH15 on a date not verified: possibly, never "outdated"
assert b["as_of"]["citation"]["status"] == "partly", b["as_of"]["citation"]
assert b["as_of"]["citation"]["possibly"] is True
EOF
then pass "show --json"; else fail "show --json"; fi

# errors
expect_status 2 "registry show: not in the registry" -- "$VNCITE" registry show 999/2099/NĐ-CP
contains "$TMP/err" "999/2099/NĐ-CP" "missing instrument is named"
expect_status 2 "registry show: bad --as-of" -- "$VNCITE" registry show 34/2007/PL-UBTVQH11 --as-of 31/02/2023
contains "$TMP/err" "31/02/2023" "bad date is named"
expect_status 2 "registry show: nothing to show" -- "$VNCITE" registry show
expect_status 2 "registry show: missing folder" -- "$VNCITE" registry show --registry "$TMP/nonexistent" 34/2007/PL-UBTVQH11
contains "$TMP/err" "$TMP/nonexistent" "missing folder is named"
finish
