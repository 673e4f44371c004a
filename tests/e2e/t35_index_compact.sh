# t35 — `vncite index --compact`: every shard rewritten smaller, the same
# answers before and after, a leftover copy from a killed run removed, and
# incremental indexing still works on the compacted index.
source "$(dirname "$0")/lib.sh"
d="$TMP/docs"; mkdir -p "$d"; cp corpus/*.txt "$d/"
db="$TMP/db"
answers() {
  "$VNCITE" search --db "$db" --json 'dân chủ' >"$1.search"
  "$VNCITE" outdated --db "$db" >"$1.outdated" || true   # exit 1: outdated citations found
  "$VNCITE" show --db "$db" --json "$d/tay-ninh-so-cong-thuong-2024-ke-hoach.txt" >"$1.show"
}
"$VNCITE" index --db "$db" --jobs 2 "$d" 2>/dev/null
answers "$TMP/before"
size_before=$(du -sk "$db" | cut -f1)
mkdir "$db/shard1.compact"; echo junk >"$db/shard1.compact/junk"   # left by a killed run
"$VNCITE" index --db "$db" --compact "$d" 2>"$TMP/err" && pass "--compact runs" || fail "--compact: $(cat "$TMP/err")"
contains "$TMP/err" "compacted from" "the summary gives the sizes"
size_after=$(du -sk "$db" | cut -f1)
[ "$size_after" -lt "$size_before" ] && pass "smaller: $size_before -> $size_after KB" || fail "not smaller: $size_before -> $size_after KB"
[ -z "$(ls -d "$db"/*.compact 2>/dev/null)" ] && pass "no copy left behind" || fail "left: $(ls -d "$db"/*.compact)"
answers "$TMP/after"
[ -s "$TMP/before.outdated" ] && [ -s "$TMP/before.search" ] && pass "answers to compare" || fail "empty answers"
for a in search outdated show; do
  cmp -s "$TMP/before.$a" "$TMP/after.$a" && pass "$a answers the same" || fail "$a differs after --compact"
done
# a leftover that cannot be removed: the run says so, and the index is whole
mkdir -p "$db/shard0.compact/sub"
expect_status 2 "a leftover copy that cannot be removed" -- "$VNCITE" index --db "$db" --compact "$d"
contains "$TMP/err" "shard0.compact: cannot remove" "the leftover is named"
"$VNCITE" search --db "$db" --json 'dân chủ' >"$TMP/again.search"
cmp -s "$TMP/before.search" "$TMP/again.search" && pass "the index is whole" || fail "search differs after a failed --compact"
rm -rf "$db/shard0.compact"
# a leftover that is not a folder goes too
ln -s /nonexistent "$db/shard0.compact"
"$VNCITE" index --db "$db" --compact "$d" 2>"$TMP/err" && pass "a leftover link is removed" || fail "leftover link: $(cat "$TMP/err")"
# the compacted index takes incremental changes like any other
printf '\nBổ sung: Nghị định số 61/2023/NĐ-CP.\n' >>"$d/tay-ninh-so-cong-thuong-2024-ke-hoach.txt"
"$VNCITE" index --db "$db" "$d" 2>"$TMP/err"
contains "$TMP/err" "0 added, 1 updated, 0 removed, 4 unchanged, 0 failed" "an update after compaction"
"$VNCITE" search --db "$db" --json 'cites:61/2023/NĐ-CP' | grep -q tay-ninh && pass "the update is searchable" || fail "update not visible"
finish
