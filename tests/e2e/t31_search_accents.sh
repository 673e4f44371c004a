# t31 — SPEC §5 accent rules on documents made for it: an unaccented query
# matches every spelling; an accented one only its own; đ folds to d only
# in unaccented queries; case never matters; phrases both ways; a symbol's
# codes typed without Đ.
source "$(dirname "$0")/lib.sh"
d="$TMP/docs"; mkdir -p "$d"
printf 'Họp bàn kế hoạch năm 2024.\n' >"$d/ban-table.txt"
printf 'Bán hàng rong.\n' >"$d/ban-sell.txt"
printf 'Bạn bè đoàn kết.\n' >"$d/ban-friend.txt"
printf 'Bản kế hoạch đã duyệt.\n' >"$d/ban-copy.txt"
printf 'Đi học đầy đủ.\n' >"$d/di-go.txt"
printf 'Dì ghẻ con chồng.\n' >"$d/di-aunt.txt"
printf 'Thực hie\xcc\x82\xcc\xa3n dân chủ.\n' >"$d/decomposed.txt"   # "hiện" written decomposed
printf 'Căn cứ Nghị quyết số 03/NQ-HĐND, Công điện số 01/CĐ-TTg và Đề án số 05-ĐA/TU.\n' >"$d/symbols.txt"
"$VNCITE" index --db "$TMP/db" "$d" 2>/dev/null
hits() {
  "$VNCITE" search --db "$TMP/db" --json "$1" | /usr/bin/python3 -c '
import json, os, sys
print(" ".join(sorted(os.path.basename(json.loads(l)["file"]) for l in sys.stdin
                      if json.loads(l)["record"] == "hit")))'
}
check() { local got; got=$(hits "$1"); [ "$got" = "$2" ] && pass "$1 -> $2" || fail "$1 -> '$got', want '$2'"; }
check 'bàn' 'ban-table.txt'
check 'BÀN' 'ban-table.txt'
check 'bán' 'ban-sell.txt'
check 'bạn' 'ban-friend.txt'
check 'bản' 'ban-copy.txt'
check 'ban' 'ban-copy.txt ban-friend.txt ban-sell.txt ban-table.txt'
check 'đi' 'di-go.txt'
check 'di' 'di-aunt.txt di-go.txt'
check 'dì' 'di-aunt.txt'
check '"kế hoạch"' 'ban-copy.txt ban-table.txt'
check '"ke hoach"' 'ban-copy.txt ban-table.txt'
check '"bản ke"' 'ban-copy.txt'
check 'bàn OR bán' 'ban-sell.txt ban-table.txt'
check 'ban NOT bàn' 'ban-copy.txt ban-friend.txt ban-sell.txt'
check 'hiện' 'decomposed.txt'
check 'hien' 'decomposed.txt'
check 'kế*' 'ban-copy.txt ban-friend.txt ban-table.txt'   # kết starts with kế
# a symbol typed without Đ names the same instrument
check 'cites:03/nq-hdnd' 'symbols.txt'
check 'cites:01/cd-ttg' 'symbols.txt'
check 'cites:03/NQ-HĐND' 'symbols.txt'
# DA is Dự án and ĐA Đề án: typed without Đ, a search means either
check 'cites:05-da/tu' 'symbols.txt'
finish
