#!/usr/bin/env bash
# The main job on the sample corpus: install what is missing, build, index
# corpus/, search it, then show the outdated-citation report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh build
v=./build/vncite
db=build/demo.db

echo; echo "== vncite index --db $db corpus/"
rm -rf "$db"   # a fresh index each time: one left by an older build may have another schema
"$v" index --db "$db" corpus/

echo; echo "== vncite search --db $db 'dan chu co so' --limit 3"
"$v" search --db "$db" --limit 3 'dan chu co so'

echo; echo "== vncite search --db $db 'cites:04/2015/NĐ-CP'   (plans citing the 2015 decree)"
"$v" search --db "$db" --limit 5 'cites:04/2015/NĐ-CP'

echo; echo "== vncite outdated --db $db   (citations of instruments no longer in force)"
status=0
"$v" outdated --db "$db" || status=$?
# outdated exits 1 when it found outdated citations: that is the answer, not a failure
[ "$status" -le 1 ] || exit "$status"
