# t36 — `vncite index --small`: positions on the accented form only.  Every
# search answers exactly as on the default index (words, accented, plain and
# mixed phrases, NEAR, title, exclusions, filters), the choice is kept by
# later runs, and --small on a default index is refused with a way out.
source "$(dirname "$0")/lib.sh"
d="$TMP/docs"; mkdir -p "$d"; cp corpus/*.txt "$d/"
# words whose accented form is not one of its plain form's spellings
printf 'Ghi chú: cách làm naïve, hàngđầu về café.\n' >>"$d/tay-ninh-so-cong-thuong-2024-ke-hoach.txt"
"$VNCITE" index --db "$TMP/both" --jobs 2 "$d" 2>/dev/null
"$VNCITE" index --db "$TMP/small" --jobs 2 --small "$d" 2>"$TMP/err" && pass "--small indexes" || fail "--small: $(cat "$TMP/err")"
for s in shard0 shard1; do
  [ "$(xapian-metadata get "$TMP/small/$s" vncite.positions)" = accented ] && pass "$s records its positions" || fail "$s: no vncite.positions"
done
[ -z "$(xapian-metadata get "$TMP/both/shard0" vncite.positions)" ] && pass "the default index records none" || fail "default index has vncite.positions"

queries=(
  'dân chủ' 'dan chu' 'dân chu' '"dân chủ ở cơ sở"' '"dan chu o co so"' '"dân chu o cơ so"'
  '"thuc hien dan chu o co so"' '"ủy ban nhân dân"' '"uy ban nhan dan"' '"uỷ ban nhan dân"'
  '"phong chong tham nhung"' '"to chuc thuc hien"' 'dan NEAR/3 chu' '"ke hoach" -"dan chu"'
  'title:"ke hoach"' 'title:"kế hoạch thuc hien"' '"nghi dinh so"' '"59/2023/nd-cp"'
  '"cach lam naive"' '"lam naïve"' '"naive hangdau ve cafe"' '"hàngđầu về"' '"ve café"'
  '"dan chu" province:"Tây Ninh"' '"co so" year:2024' 'NOT "dan chu"' '"to chuc" OR "tổ chức"'
)
same=0
for q in "${queries[@]}"; do
  "$VNCITE" search --db "$TMP/both" --json --limit 100 "$q" >"$TMP/a" 2>&1 || true
  "$VNCITE" search --db "$TMP/small" --json --limit 100 "$q" >"$TMP/b" 2>&1 || true
  if cmp -s "$TMP/a" "$TMP/b"; then same=$((same + 1)); else fail "'$q' answers differently"; diff "$TMP/a" "$TMP/b" | head -4 || true; fi
done
[ "$same" = "${#queries[@]}" ] && pass "all ${#queries[@]} queries answer the same, ranks and snippets included"
"$VNCITE" search --db "$TMP/small" --json '"naive hangdau ve cafe"' | grep -q tay-ninh && pass "a phrase through positional plain forms matches" || fail "naive hangdau not found"
"$VNCITE" search --db "$TMP/small" --json '"thuc hien dan chu o co so"' | grep -q '"record":"hit"' && pass "an unaccented phrase matches" || fail "unaccented phrase found nothing"

# a later run keeps the choice, with or without the flag
printf '\nBổ sung: Nghị định số 61/2023/NĐ-CP về thực hiện dân chủ ở cơ sở.\n' >>"$d/soc-trang-mttq-2024-ke-hoach-qcdc.txt"
"$VNCITE" index --db "$TMP/small" "$d" 2>"$TMP/err"
contains "$TMP/err" "0 added, 1 updated" "an incremental run without --small"
"$VNCITE" index --db "$TMP/small" --small "$d" 2>"$TMP/err" && pass "--small again on a small index" || fail "--small again: $(cat "$TMP/err")"
[ "$(xapian-metadata get "$TMP/small/shard1" vncite.positions)" = accented ] && pass "still small" || fail "positions lost"
"$VNCITE" index --db "$TMP/both" "$d" 2>/dev/null
for q in '"dan chu o co so"' '"Bo sung nghi dinh"' 'bổ sung'; do
  "$VNCITE" search --db "$TMP/both" --json "$q" >"$TMP/a"
  "$VNCITE" search --db "$TMP/small" --json "$q" >"$TMP/b"
  cmp -s "$TMP/a" "$TMP/b" && pass "after the update: '$q' the same" || fail "after the update: '$q' differs"
done

# --small cannot change an index made without it
expect_status 2 "--small on a default index" -- "$VNCITE" index --db "$TMP/both" --small "$d"
contains "$TMP/err" "made without --small" "the error says why"
contains "$TMP/err" "new --db" "and what to do"
# an index whose positions this vncite does not know
xapian-metadata set "$TMP/small/shard0" vncite.positions sideways
expect_status 2 "unknown positions" -- "$VNCITE" search --db "$TMP/small" 'dan chu'
contains "$TMP/err" "vncite.positions is 'sideways'" "the error names the value"
finish
