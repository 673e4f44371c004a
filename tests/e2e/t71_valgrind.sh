# t71 — the main commands are valgrind-clean: no invalid reads or writes, no
# use of uninitialised memory, no definite leaks.
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
run "index" "$VNCITE" index --db "$TMP/db" --jobs 2 corpus/
run "index again (incremental)" "$VNCITE" index --db "$TMP/db" corpus/
run "index --compact" "$VNCITE" index --db "$TMP/db" --compact corpus/
run "search with facets" "$VNCITE" search --db "$TMP/db" --facets 'dan chu' --json
run "search cites:" "$VNCITE" search --db "$TMP/db" 'cites:"nd 04/2015"'
run "show" "$VNCITE" show --db "$TMP/db" --json corpus/tay-ninh-so-cong-thuong-2024-ke-hoach.txt
run "registry check" "$VNCITE" registry check
run "malformed query" "$VNCITE" search --db "$TMP/db" 'dân AND'
run "outdated --json" "$VNCITE" outdated --db "$TMP/db" --json
run "citations --csv" "$VNCITE" citations --db "$TMP/db" --csv
run "instruments" "$VNCITE" instruments --db "$TMP/db"
run "cites by name" "$VNCITE" cites --db "$TMP/db" "Luật Thực hiện dân chủ ở cơ sở"
for format in dot graphml gexf json; do
  run "graph --format $format" "$VNCITE" graph --db "$TMP/db" --format $format -o "$TMP/graph.$format"
done
finish
