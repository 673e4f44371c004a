# t32 — incremental indexing: unchanged files are skipped, changed ones
# replaced, vanished ones removed; a bad file is reported and skipped
# without losing what was indexed.
source "$(dirname "$0")/lib.sh"
d="$TMP/docs"; mkdir -p "$d"; cp corpus/*.txt "$d/"
summary() { "$VNCITE" index --db "$TMP/db" "$@" 2>&1 | grep -o '[0-9]* files: .* failed'; }
[ "$(summary "$d")" = "5 files: 5 added, 0 updated, 0 removed, 0 unchanged, 0 failed" ] && pass "first run adds 5" || fail "first run: $(summary "$d")"
[ "$(summary "$d")" = "5 files: 0 added, 0 updated, 0 removed, 5 unchanged, 0 failed" ] && pass "second run changes nothing" || fail "second run"
printf '\nBổ sung: Nghị định số 61/2023/NĐ-CP.\n' >>"$d/tay-ninh-so-cong-thuong-2024-ke-hoach.txt"
rm "$d/soc-trang-mttq-2024-ke-hoach-qcdc.txt"
printf 'Kết luận số 120-KL/TW của Bộ Chính trị.\n' >"$d/new.txt"
printf '%%PDF-1.4\n' >"$d/scan.txt"
expect_status 2 "a run with a bad file" -- "$VNCITE" index --db "$TMP/db" "$d"
contains "$TMP/err" "6 files: 1 added, 1 updated, 1 removed, 3 unchanged, 1 failed" "changes counted"
contains "$TMP/err" "scan.txt" "the bad file is named"
"$VNCITE" search --db "$TMP/db" --json 'cites:61/2023/NĐ-CP' | grep -q tay-ninh && pass "updated file is searchable" || fail "update not visible"
"$VNCITE" search --db "$TMP/db" --json '*' | grep -c '"record":"hit"' >"$TMP/n"
[ "$(cat "$TMP/n")" = 5 ] && pass "5 documents indexed" || fail "$(cat "$TMP/n") documents"
# indexing another folder into the same index leaves the first one alone
mkdir -p "$TMP/other"; printf 'Luật Tiếp công dân.\n' >"$TMP/other/x.txt"
[ "$(summary "$TMP/other")" = "1 files: 1 added, 0 updated, 0 removed, 0 unchanged, 0 failed" ] && pass "other folder added" || fail "other folder"
"$VNCITE" search --db "$TMP/db" --json '*' | grep -c '"record":"hit"' >"$TMP/n"
[ "$(cat "$TMP/n")" = 6 ] && pass "first folder kept" || fail "$(cat "$TMP/n") documents after other folder"
expect_status 2 "bad --jobs" -- "$VNCITE" index --db "$TMP/db" --jobs 0 "$d"
# --db naming a file (a typo for the corpus, say): refused, the file untouched
cp "$TMP/other/x.txt" "$TMP/x.copy"
expect_status 2 "--db is a file" -- "$VNCITE" index --db "$TMP/other/x.txt" "$d"
contains "$TMP/err" "$TMP/other/x.txt is not a folder" "the file is named"
cmp -s "$TMP/other/x.txt" "$TMP/x.copy" && pass "the file --db named is untouched" || fail "--db file changed"
# --db in folders that do not exist yet: made, as mkdir -p would
expect_status 0 "--db in missing folders" -- "$VNCITE" index --db "$TMP/new/deeper/db" "$TMP/other"
expect_status 0 "the new index answers" -- "$VNCITE" search --db "$TMP/new/deeper/db" '*'
# a folder that cannot be made: the error names it
expect_status 2 "--db under a file" -- "$VNCITE" index --db "$TMP/other/x.txt/db" "$TMP/other"
contains "$TMP/err" "$TMP/other/x.txt/db: cannot create the index folder" "the folder is named"
finish
