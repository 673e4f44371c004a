#!/usr/bin/env bash
# The main job on the sample corpus: install what is missing, build, index
# corpus/ and answer a search and the citation questions.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh build
v=./build/vncite
db=build/demo.db

echo; echo "== vncite index --db $db corpus/"
"$v" index --db "$db" corpus/

echo; echo "== vncite search --db $db 'dan chu co so' --limit 3"
"$v" search --db "$db" --limit 3 'dan chu co so'

echo; echo "== vncite search --db $db 'cites:04/2015/NĐ-CP'   (plans citing the 2015 decree)"
"$v" search --db "$db" --limit 5 'cites:04/2015/NĐ-CP'

if "$v" help outdated >/dev/null 2>&1; then
  echo; echo "== vncite outdated --db $db   (plans citing instruments no longer in force)"
  "$v" outdated --db "$db" || true     # exit 1 means: outdated citations found
fi
