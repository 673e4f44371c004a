# t33 — a second indexer is refused while one runs; an indexer killed with
# SIGKILL at random moments leaves an index that opens, and a rerun ends in
# the same state as a clean build.
source "$(dirname "$0")/lib.sh"
laws="$VNCITE_SHARED/laws"
[ -d "$laws" ] || { fail "no $laws"; finish; }
docs="$TMP/laws"; mkdir -p "$docs"
for i in 1 2; do for f in "$laws"/*.txt; do cp "$f" "$docs/$i-$(basename "$f")"; done; done
count() { "$VNCITE" search --db "$1" --json --limit 0 '*' | /usr/bin/python3 -c 'import json,sys; print([json.loads(l)["total"] for l in sys.stdin][-1])'; }

"$VNCITE" index --db "$TMP/clean" --batch 20 "$docs" 2>/dev/null || true
want=$(count "$TMP/clean")
[ "$want" -gt 200 ] && pass "clean build: $want documents" || fail "clean build has $want documents"
"$VNCITE" search --db "$TMP/clean" --json 'cites:"45/2019/QH14"' >"$TMP/clean.hits"

# lock: start one indexer, then a second on the same folder
"$VNCITE" index --db "$TMP/locked" --batch 20 "$docs" 2>/dev/null & first=$!
sleep 0.3
expect_status 2 "second indexer refused" -- "$VNCITE" index --db "$TMP/locked" "$docs"
contains "$TMP/err" "being indexed by another process" "refusal says why"
wait $first || true

# searches while an indexer commits batches: each opens, none goes backwards
rm -rf "$TMP/live"
"$VNCITE" index --db "$TMP/live" --batch 5 "$docs" 2>/dev/null & pid=$!
prev=0; ok=1
for i in $(seq 1 30); do
  n=$(count "$TMP/live" 2>/dev/null || echo 0)
  case "$n" in ''|*[!0-9]*) ok=0; break;; esac
  [ "$n" -ge "$prev" ] || { ok=0; break; }
  prev=$n; sleep 0.05
done
wait $pid || true
[ "$ok" = 1 ] && pass "searches during indexing see growing committed snapshots (last $prev)" || fail "a search during indexing failed or went backwards"

for round in 1 2 3 4 5; do
  rm -rf "$TMP/killed"
  "$VNCITE" index --db "$TMP/killed" --batch 10 "$docs" 2>/dev/null & pid=$!
  sleep "0.$((RANDOM % 9 + 1))"
  kill -9 $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
  got=$(count "$TMP/killed" 2>/dev/null || echo error)
  if [ ! -e "$TMP/killed/XAPIANDB" ]; then
    # killed while the index was being created (the stub is written last, once
    # every shard exists): nothing was ever committed, and a reader must say
    # so plainly rather than open half an index
    rc=0; "$VNCITE" search --db "$TMP/killed" '*' >/dev/null 2>"$TMP/killed.err" || rc=$?
    [ $rc = 2 ] && grep -q "no index here" "$TMP/killed.err" &&
      pass "round $round: killed before the index existed: 'no index here' (exit 2)" ||
      fail "round $round: half-created index: exit $rc, $(cat "$TMP/killed.err")"
  else
    case "$got" in ''|error|*[!0-9]*) fail "round $round: index does not open after SIGKILL";;
      *) pass "round $round: opens after SIGKILL with $got committed documents";; esac
  fi
  "$VNCITE" index --db "$TMP/killed" "$docs" 2>/dev/null || fail "round $round: rerun failed"
  [ "$(count "$TMP/killed")" = "$want" ] && pass "round $round: rerun completes ($want)" || fail "round $round: $(count "$TMP/killed") documents after rerun"
  "$VNCITE" search --db "$TMP/killed" --json 'cites:"45/2019/QH14"' >"$TMP/killed.hits"
  diff -q "$TMP/clean.hits" "$TMP/killed.hits" >/dev/null && pass "round $round: same answers as a clean build" || fail "round $round: answers differ"
done
finish
