# t42 — DB/instruments.cache: a second `instruments` reads the instrument
# table from it instead of streaming the index twice, and any change to the
# index, the registry or the cache file itself gives the same answer as a
# run without it.
source "$(dirname "$0")/lib.sh"
db="$TMP/db"
cache="$db/instruments.cache"
mkdir "$TMP/plans"
cp corpus/*.txt "$TMP/plans/"
"$VNCITE" index --db "$db" "$TMP/plans" 2>/dev/null
identity() { stat -c '%i %Y' "$cache"; }
same_as_uncached() { cached_same_as_plain instruments "$@"; }

expect_status 0 "--no-cache runs" -- "$VNCITE" instruments --db "$db" --no-cache --as-of 2025-01-01
cp "$TMP/out" "$TMP/uncached.txt"
if [ -e "$cache" ]; then fail "--no-cache wrote a cache"; else pass "--no-cache writes no cache"; fi

expect_status 0 "the first run writes the cache" -- "$VNCITE" instruments --db "$db" --as-of 2025-01-01
if [ -s "$cache" ]; then pass "the cache is there"; else fail "no cache written"; fi
if cmp -s "$TMP/out" "$TMP/uncached.txt"; then pass "first run: same table"; else fail "first run differs"; fi
before=$(identity)
sleep 1
expect_status 0 "the second run reads it" -- "$VNCITE" instruments --db "$db" --as-of 2025-01-01
if cmp -s "$TMP/out" "$TMP/uncached.txt"; then pass "read back: same table"; else fail "read back differs"; diff "$TMP/uncached.txt" "$TMP/out" | head; fi
if [ "$(identity)" = "$before" ]; then pass "a matching cache is not rewritten"; else fail "the cache was rewritten"; fi
same_as_uncached "--json from the cache" --json --as-of 2025-01-01
same_as_uncached "--csv from the cache" --csv --as-of 2024
same_as_uncached "--status from the cache" --status unresolved
same_as_uncached "a registry status from the cache" --status in_force --as-of 2025-01-01

# another registry: the cache is stale, rebuilt, and the table follows it
mkdir "$TMP/reg"
cp corpus/registry/*.csv "$TMP/reg/"
grep -v '^04/2015/NĐ-CP,' corpus/registry/instruments.csv >"$TMP/reg/instruments.csv"
grep -v '04/2015/NĐ-CP' corpus/registry/events.csv >"$TMP/reg/events.csv"
before=$(identity)
same_as_uncached "an edited registry is not answered from the old cache" --registry "$TMP/reg" --as-of 2025-01-01
if [ "$(identity)" != "$before" ]; then pass "the cache was rewritten for the new registry"; else fail "cache not rewritten"; fi
same_as_uncached "without a registry" --no-registry
same_as_uncached "back to the first registry" --as-of 2025-01-01

# the index changes: a plan added, then removed
printf 'Căn cứ Nghị định số 77/2099/NĐ-CP ngày 01/02/2099 của Chính phủ.\n' >"$TMP/plans/new.txt"
"$VNCITE" index --db "$db" "$TMP/plans" 2>/dev/null
same_as_uncached "a re-indexed corpus is not answered from the old cache"
contains "$TMP/cached" "77/2099/NĐ-CP" "the added plan's instrument is listed"
rm "$TMP/plans/new.txt"
"$VNCITE" index --db "$db" "$TMP/plans" 2>/dev/null
same_as_uncached "after the plan is removed"
if grep -q "77/2099" "$TMP/cached"; then fail "the removed plan's instrument still shows"; else pass "it is gone"; fi

# a damaged cache is not believed, and is replaced
damaged_caches instruments "$cache"
# the outdated cache in its place is another kind of file
"$VNCITE" outdated --db "$db" >/dev/null || true
cp "$db/outdated.cache" "$cache"
same_as_uncached "an outdated cache in its place is ignored"

# a cache copied from another index is stale there
"$VNCITE" index --db "$TMP/other" corpus/tay-ninh-so-cong-thuong-2024-ke-hoach.txt 2>/dev/null
"$VNCITE" instruments --db "$db" >/dev/null
cp "$cache" "$TMP/other/instruments.cache"
db="$TMP/other"
same_as_uncached "a cache copied from another index is ignored"
finish
