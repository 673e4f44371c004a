# t30 — index corpus/ and answer searches with reviewed golden results:
# unaccented and accented words, phrases, filters, cites:, facets, paging.
source "$(dirname "$0")/lib.sh"
"$VNCITE" index --db "$TMP/db" corpus/ 2>"$TMP/index.err"
contains "$TMP/index.err" "5 files: 5 added, 0 updated, 0 removed, 0 unchanged, 0 failed" "summary line"
q() { "$VNCITE" search --db "$TMP/db" --json "$@" | /usr/bin/python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    if r["record"] == "hit":
        print(r["rank"], r["file"], r["date"], "|", r["snippet"][:160])
    elif r["record"] == "facets":
        print("facets", json.dumps(r["facets"], ensure_ascii=False, sort_keys=True))
    else:
        print("total", r["total"])'; }
{
  echo "## dan chu co so";            q 'dan chu co so' --limit 3
  echo "## \"hương ước\"";            q '"hương ước"'
  echo "## tiep cong dan";            q '"tiep cong dan"'
  echo "## year:2023";                q '* year:2023'
  echo "## cites:59/2023/ND-CP";      q 'cites:59/2023/ND-CP'
  echo "## cites:\"nd 04/2015\"";     q 'cites:"nd 04/2015"'
  echo "## cites:120-KL/TW";          q 'cites:120-KL/TW'
  echo "## cites:26-KH/BCĐ@2024-01-31"; q 'cites:26-KH/BCĐ@2024-01-31'
  echo "## province:soc-trang";       q '* province:"Sóc Trăng"'
  echo "## sort date";                q '*' --sort date --limit 2 --offset 1
  echo "## facets";                   q 'hòa giải' --facets --limit 0
  echo "## NOT";                      q 'quy chế NOT doanh nghiệp'
} >"$TMP/search.txt"
golden search-corpus.txt "$TMP/search.txt"
expect_status 2 "malformed query" -- "$VNCITE" search --db "$TMP/db" 'dân AND'
contains "$TMP/err" "dân AND" "the malformed query is quoted"
expect_status 2 "no index" -- "$VNCITE" search --db "$TMP/none" dân
expect_status 2 "--db is a text file" -- "$VNCITE" search --db corpus/duc-pho-bcd-2023-ke-hoach-du-thao.txt dân
contains "$TMP/err" "not a vncite index" "a file given as --db is not taken for an index"
contains "$TMP/err" "vncite index" "missing index says how to make one"
expect_status 2 "bad --limit" -- "$VNCITE" search --db "$TMP/db" --limit x dân
finish
