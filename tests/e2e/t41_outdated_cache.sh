# t41 — DB/outdated.cache: a second `outdated` reads it instead of loading the
# corpus, and any change to the index, the registry or the cache file itself
# gives the same answer as a run without it.
source "$(dirname "$0")/lib.sh"
db="$TMP/db"
cache="$db/outdated.cache"
mkdir "$TMP/plans"
cp corpus/*.txt "$TMP/plans/"
"$VNCITE" index --db "$db" "$TMP/plans" 2>/dev/null
identity() { stat -c '%i %Y' "$cache"; }
same_as_uncached() { cached_same_as_plain outdated "$@"; }

expect_status 1 "--no-cache runs" -- "$VNCITE" outdated --db "$db" --no-cache
cp "$TMP/out" "$TMP/uncached.txt"
if [ -e "$cache" ]; then fail "--no-cache wrote a cache"; else pass "--no-cache writes no cache"; fi

expect_status 1 "the first run writes the cache" -- "$VNCITE" outdated --db "$db"
if [ -s "$cache" ]; then pass "the cache is there"; else fail "no cache written"; fi
if cmp -s "$TMP/out" "$TMP/uncached.txt"; then pass "first run: same report"; else fail "first run differs"; fi
before=$(identity)
sleep 1
expect_status 1 "the second run reads it" -- "$VNCITE" outdated --db "$db"
if cmp -s "$TMP/out" "$TMP/uncached.txt"; then pass "read back: same report"; else fail "read back differs"; diff "$TMP/uncached.txt" "$TMP/out" | head; fi
if [ "$(identity)" = "$before" ]; then pass "a matching cache is not rewritten"; else fail "the cache was rewritten"; fi
same_as_uncached "--json from the cache" --json
same_as_uncached "--csv --all from the cache" --csv --all
same_as_uncached "--as-of from the cache" --as-of 2023
same_as_uncached "one document from the cache" yen-bai-dang-uy-khoi-2024-ke-hoach-qcdc.txt
expect_status 2 "an unknown document, from the cache" -- "$VNCITE" outdated --db "$db" nope.txt
contains "$TMP/err" "nope.txt: not in the index" "the error names the document"

# another registry: the cache is stale, rebuilt, and the answer follows the registry
mkdir "$TMP/reg"
cp corpus/registry/*.csv "$TMP/reg/"
grep -v '^04/2015/NĐ-CP,' corpus/registry/events.csv >"$TMP/reg/events.csv"
before=$(identity)
same_as_uncached "an edited registry is not answered from the old cache" --registry "$TMP/reg"
if grep -q "04/2015/NĐ-CP" "$TMP/cached"; then fail "the removed event still shows"; else pass "the removed event is gone"; fi
if [ "$(identity)" != "$before" ]; then pass "the cache was rewritten for the new registry"; else fail "cache not rewritten"; fi
same_as_uncached "back to the first registry"

# the index changes: a plan added, then one removed
cp corpus/yen-bai-dang-uy-khoi-2024-ke-hoach-qcdc.txt "$TMP/plans/yen-bai-copy.txt"
"$VNCITE" index --db "$db" "$TMP/plans" 2>/dev/null
same_as_uncached "a re-indexed corpus is not answered from the old cache"
contains "$TMP/cached" "yen-bai-copy.txt" "the added plan is in the report"
rm "$TMP/plans/yen-bai-copy.txt"
"$VNCITE" index --db "$db" "$TMP/plans" 2>/dev/null
same_as_uncached "after a plan is removed"
if grep -q "yen-bai-copy.txt" "$TMP/cached"; then fail "the removed plan still shows"; else pass "the removed plan is gone"; fi

# a damaged cache is not believed, and is replaced
damaged_caches outdated "$cache"

# a cache copied from another index is stale there
"$VNCITE" index --db "$TMP/other" corpus/tay-ninh-so-cong-thuong-2024-ke-hoach.txt 2>/dev/null
"$VNCITE" outdated --db "$db" >/dev/null || true
cp "$cache" "$TMP/other/outdated.cache"
db="$TMP/other"
same_as_uncached "a cache copied from another index is ignored"
if grep -q "yen-bai" "$TMP/cached"; then fail "the other index's plans show"; else pass "only this index's plans"; fi
finish
