# t71 — the main commands are valgrind-clean: no invalid reads or writes, no
# use of uninitialised memory, no definite leaks; and helgrind finds no race
# where the corpus is read on two threads.
source "$(dirname "$0")/lib.sh"
command -v valgrind >/dev/null || { fail "valgrind is not installed (scripts/install-deps.sh installs it)"; finish; }
vg() { valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
         --show-leak-kinds=definite "$@"; }
run() {
  local what=$1; shift
  local got=0
  vg "$@" >/dev/null 2>"$TMP/vg.err" || got=$?
  if [ "$got" = 99 ]; then fail "$what: valgrind errors"; head -30 "$TMP/vg.err"; else pass "$what (exit $got)"; fi
}
run "extract --json" "$VNCITE" extract --json corpus/
# the legacy encodings' decoders, and this session's extractor forms
plan=corpus/tay-ninh-so-cong-thuong-2024-ke-hoach.txt
/usr/bin/python3 "$VNCITE_SRC/tests/data/to-vni.py" "$plan" >"$TMP/vni.txt"
iconv -f UTF-8 -t TCVN5712-1//TRANSLIT "$plan" >"$TMP/tcvn3.txt" 2>/dev/null || true
printf '%s\n' 'Căn cứ [Quyết định số 1.234/qđ-ubnd](https://x) ngày mùng 5 tháng 3, năm 2023 của UBND tỉnh;' \
  'Chỉ thị số 05-CT/TW ngày 15/5/2016 Bộ Chính trị; Chỉ thị 05; các Quyết định: số 14/QĐ_UBND¹; số 15/QĐ-UBND của Bộ Lao động - Thương binh và Xã hội' \
  '| Quyết định số 16/QĐ-UBND | 05/4/2023 |' >"$TMP/forms.md"
/usr/bin/python3 "$VNCITE_SRC/tests/data/legacy-font.py" tcvn3 "$plan" "$TMP/font.txt" --from-line 20
run "extract legacy encodings, a legacy font and new forms" "$VNCITE" extract --json "$TMP/vni.txt" \
  "$TMP/tcvn3.txt" "$TMP/font.txt" "$TMP/forms.md"
run "index" "$VNCITE" index --db "$TMP/db" --jobs 2 corpus/
run "index again (incremental)" "$VNCITE" index --db "$TMP/db" corpus/
run "index --compact" "$VNCITE" index --db "$TMP/db" --compact corpus/
run "search with facets" "$VNCITE" search --db "$TMP/db" --facets 'dan chu' --json
run "search cites:" "$VNCITE" search --db "$TMP/db" 'cites:"nd 04/2015"'
run "show" "$VNCITE" show --db "$TMP/db" --json corpus/tay-ninh-so-cong-thuong-2024-ke-hoach.txt
run "registry check" "$VNCITE" registry check
run "malformed query" "$VNCITE" search --db "$TMP/db" 'dân AND'
run "index --small" "$VNCITE" index --db "$TMP/small" --jobs 2 --small corpus/
run "phrases through spellings" "$VNCITE" search --db "$TMP/small" --json '"dan chu o co so" OR (dan NEAR/3 chu) OR title:"ke hoach"'
run "outdated --json (writes DB/outdated.cache)" "$VNCITE" outdated --db "$TMP/db" --json
run "outdated --csv --all (reads it)" "$VNCITE" outdated --db "$TMP/db" --csv --all
run "citations --csv" "$VNCITE" citations --db "$TMP/db" --csv
run "instruments" "$VNCITE" instruments --db "$TMP/db"
run "cites by name" "$VNCITE" cites --db "$TMP/db" "Luật Thực hiện dân chủ ở cơ sở"
run "cites --json (records read again)" "$VNCITE" cites --db "$TMP/db" --json "nd 4/2015"
for format in dot graphml gexf json; do
  run "graph --format $format" "$VNCITE" graph --db "$TMP/db" --format $format -o "$TMP/graph.$format"
done
# The corpus model parses pages of records on two threads (query/corpus.c):
# 40 documents make a page big enough to be split, and enough documents for the
# resolver to split them between two threads; helgrind must see no race.
mkdir -p "$TMP/copies"
for i in 1 2 3 4 5 6 7 8; do for p in corpus/*.txt; do cp "$p" "$TMP/copies/$i-${p##*/}"; done; done
"$VNCITE" index --db "$TMP/db40" "$TMP/copies" 2>/dev/null
got=0
valgrind -q --tool=helgrind --error-exitcode=99 "$VNCITE" outdated --no-cache --db "$TMP/db40" >/dev/null 2>"$TMP/hg.err" || got=$?
if [ "$got" = 99 ]; then fail "outdated on two threads: helgrind reports"; head -30 "$TMP/hg.err"; else pass "outdated on two threads is race-free (exit $got)"; fi
finish
