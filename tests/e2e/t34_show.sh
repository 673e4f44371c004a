# t34 — `vncite show`: metadata, citations with context, the text.
source "$(dirname "$0")/lib.sh"
"$VNCITE" index --db "$TMP/db" corpus/ 2>/dev/null
doc=corpus/cao-loc-thuy-hung-dang-uy-2024-ke-hoach-150.txt
"$VNCITE" show --db "$TMP/db" --no-text "$doc" >"$TMP/show.txt"
golden show-cao-loc.txt "$TMP/show.txt"
"$VNCITE" show --db "$TMP/db" --json "./$doc" >"$TMP/show.json"
/usr/bin/python3 - "$TMP/show.json" <<'PY' && pass "show --json has document, citations with context, and text" || fail "show --json"
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
assert r["document"]["own_number"] == "150-KH/ĐU"
assert len(r["citations"]) == 17
assert all(c["context"] and c["text"] in c["context"] for c in r["citations"] if "\n" not in c["text"])
assert r["text"].startswith("\n\n**ĐẢNG BỘ")
PY
expect_status 2 "unknown document" -- "$VNCITE" show --db "$TMP/db" corpus/nope.txt
contains "$TMP/err" "not in the index" "unknown document is named"
finish
