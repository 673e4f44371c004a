# t72 — files that vanish, change or cannot be read while the indexer runs:
# the run goes on (exit 0 or 2, never a crash), the index opens, and a rerun
# reaches exactly the state of a clean build of what is on disk at the end.
# An unreadable file is made for an unprivileged user (root reads anything).
source "$(dirname "$0")/lib.sh"
laws="$VNCITE_SHARED/laws"
[ -d "$laws" ] || { fail "no $laws"; finish; }
docs="$TMP/docs"; mkdir -p "$docs"
for f in "$laws"/*.txt; do cp "$f" "$docs/"; done
count() { "$VNCITE" search --db "$1" --json --limit 0 '*' | /usr/bin/python3 -c 'import json,sys; print([json.loads(l)["total"] for l in sys.stdin][-1])'; }
cites() { "$VNCITE" search --db "$1" --json --limit 1000 'cites:"45/2019/QH14"' | /usr/bin/python3 -c 'import json,sys; print(sorted(json.loads(l)["file"].split("/")[-1] for l in sys.stdin if json.loads(l).get("record")=="hit"))'; }

# the indexer runs while files are deleted, rewritten and truncated under it
"$VNCITE" index --db "$TMP/db" --batch 5 "$docs" 2>"$TMP/run.err" & pid=$!
i=0
for f in $(ls "$docs" | sort -r | head -40); do
  case $((i % 4)) in
    0) rm -f "$docs/$f" ;;                                        # vanishes
    1) printf 'Căn cứ Bộ luật Lao động số 45/2019/QH14;\n' >>"$docs/$f" ;;  # grows
    2) : >"$docs/$f" ;;                                            # emptied
    3) printf 'Nghị định số 145/2020/NĐ-CP\n' >"$docs/$f" ;;        # replaced
  esac
  i=$((i + 1))
  sleep 0.01
done
status=0; wait $pid || status=$?
if [ "$status" = 0 ] || [ "$status" = 2 ]; then pass "indexer finished under changing files (exit $status)"; else
  fail "indexer exit $status"; tail -5 "$TMP/run.err"; fi
if grep -qiE 'sanitizer|segmentation|abort' "$TMP/run.err"; then fail "crash report on stderr"; fi
count "$TMP/db" >/dev/null && pass "the index opens after the run" || fail "index does not open"

# rerun: catches up with what is on disk now, same as a clean build
"$VNCITE" index --db "$TMP/db" "$docs" 2>/dev/null || true
"$VNCITE" index --db "$TMP/clean" "$docs" 2>/dev/null || true
a=$(count "$TMP/db"); b=$(count "$TMP/clean")
[ "$a" = "$b" ] && pass "rerun: $a documents, as a clean build" || fail "rerun has $a documents, clean build $b"
[ "$(cites "$TMP/db")" = "$(cites "$TMP/clean")" ] && pass "rerun: same citing documents as a clean build" \
  || fail "rerun and clean build differ in cites:45/2019/QH14"

# a file the user cannot read: named, skipped, the others indexed
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  mkdir -p "$TMP/ro"; chmod 755 "$TMP" "$TMP/ro"
  printf 'Nghị định số 59/2023/NĐ-CP\n' >"$TMP/ro/good.txt"
  printf 'Nghị định số 61/2023/NĐ-CP\n' >"$TMP/ro/locked.txt"
  chmod 644 "$TMP/ro/good.txt"; chmod 000 "$TMP/ro/locked.txt"; chmod 777 "$TMP/ro"
  expect_status 2 "an unreadable file, as an unprivileged user" -- \
    setpriv --reuid=65534 --regid=65534 --clear-groups "$VNCITE" extract --no-registry "$TMP/ro"
  contains "$TMP/err" "locked.txt" "the unreadable file is named"
  contains "$TMP/err" "Permission denied" "and why"
  contains "$TMP/out" "59/2023/NĐ-CP" "the readable file is still processed"
else
  pass "unreadable-file case needs root to drop privileges: skipped"
fi
finish
