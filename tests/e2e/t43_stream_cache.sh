# t43 — DB/stream.cache: what the first read of every streamed command learns
# (the resolver's table, which file each document is) is kept, and a later
# command reading it answers as one that reads the whole index; any change to
# the index, the registry or the cache file itself is answered the same.
source "$(dirname "$0")/lib.sh"
db="$TMP/db"
cache="$db/stream.cache"
mkdir "$TMP/plans"
cp corpus/*.txt "$TMP/plans/"
# an undated citation that only the table of dated symbols resolves
printf 'Căn cứ Kế hoạch số 77-KH/TU ngày 05/3/2021 của Tỉnh ủy về chuyển đổi số.\n' >"$TMP/plans/dated.txt"
printf 'Thực hiện Kế hoạch số 77-KH/TU của Tỉnh ủy.\n' >"$TMP/plans/undated.txt"
"$VNCITE" index --db "$db" "$TMP/plans" 2>/dev/null

expect_status 0 "graph --no-cache runs" -- "$VNCITE" graph --db "$db" --no-cache --as-of 2025-01-01
if [ -e "$cache" ]; then fail "--no-cache wrote a cache"; else pass "--no-cache writes no cache"; fi
cp "$TMP/out" "$TMP/uncached.dot"
expect_status 0 "the first graph writes the cache" -- "$VNCITE" graph --db "$db" --as-of 2025-01-01
if [ -s "$cache" ]; then pass "the cache is there"; else fail "no cache written"; fi
before=$(stat -c '%i %Y' "$cache")
sleep 1
expect_status 0 "the second graph reads it" -- "$VNCITE" graph --db "$db" --as-of 2025-01-01
if cmp -s "$TMP/out" "$TMP/uncached.dot"; then pass "same graph from the cache"; else fail "graph differs"; fi
if [ "$(stat -c '%i %Y' "$cache")" = "$before" ]; then pass "a matching cache is not rewritten"; else fail "rewritten"; fi

# every streamed command answers from it as without it
cached_same_as_plain graph "graph as JSON" --format json --as-of 2025-01-01
cached_same_as_plain cites "cites" "nd 04/2015"
cached_same_as_plain cites "cites of a symbol the table resolves" 77-KH/TU
contains "$TMP/cached" "undated.txt" "the undated citation is resolved from the cache"
cached_same_as_plain cites "cites --json" --json 120-KL/TW
cached_same_as_plain citations "citations" --as-of 2025-01-01
cached_same_as_plain lint "lint" --csv
cached_same_as_plain outdated "outdated" --all
cached_same_as_plain instruments "instruments" --as-of 2025-01-01

# another registry, a re-index: stale, answered as without it
mkdir "$TMP/reg"
cp corpus/registry/*.csv "$TMP/reg/"
grep -v '^04/2015/NĐ-CP,' corpus/registry/events.csv >"$TMP/reg/events.csv"
cached_same_as_plain cites "an edited registry" --registry "$TMP/reg" "nd 04/2015"
cp corpus/yen-bai-dang-uy-khoi-2024-ke-hoach-qcdc.txt "$TMP/plans/yen-bai-copy.txt"
"$VNCITE" index --db "$db" "$TMP/plans" 2>/dev/null
cached_same_as_plain citations "a re-indexed corpus"
contains "$TMP/cached" "yen-bai-copy.txt" "the added plan is there"
rm "$TMP/plans/yen-bai-copy.txt"
"$VNCITE" index --db "$db" "$TMP/plans" 2>/dev/null
cached_same_as_plain citations "after the plan is removed"

# a damaged cache is not believed, and is replaced
damaged_caches graph "$cache"
"$VNCITE" instruments --db "$db" >/dev/null
cp "$db/instruments.cache" "$cache"
cached_same_as_plain graph "an instrument cache in its place is ignored"
finish
