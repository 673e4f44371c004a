# t16 — HTML pages (a plan saved from Word as a web page, a page saved from
# a portal): read as the text a browser shows, so they give the citations
# and metadata their text gives; what the head, scripts and styles hold is
# not read; folders take .html and .htm; pages are indexed, searched and
# shown like text files.  Fixtures: tests/data/html/make-html.py.
source "$(dirname "$0")/lib.sh"
/usr/bin/python3 tests/data/html/make-html.py "$TMP/hx" corpus/*.txt
reg="$VNCITE_SRC/corpus/registry"

# everything but positions: a page's blanks collapse, so its columns differ
project() {
  /usr/bin/python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    for k in ("file", "line", "column", "start", "end", "text", "encoding"):
        r.pop(k, None)
    print(json.dumps(r, ensure_ascii=False, sort_keys=True))'
}
"$VNCITE" extract --json --registry "$reg" corpus/*.txt | project >"$TMP/as-text.jsonl"
"$VNCITE" extract --json --registry "$reg" "$TMP"/hx/texts/*.html | project >"$TMP/as-html.jsonl"
if cmp -s "$TMP/as-text.jsonl" "$TMP/as-html.jsonl"; then
  pass "the five plans as Word web pages give the same metadata and citations as their text"
else fail "the plans as HTML differ from their text"; diff "$TMP/as-text.jsonl" "$TMP/as-html.jsonl" | head -5; fi
if grep -qE '98/2099|97/QĐ-UBND|96/2099' "$TMP/as-html.jsonl"; then
  fail "the head, a style or a script was read as text"
else pass "the title, Word's XML island, styles and scripts are not read"; fi
"$VNCITE" extract --json --no-registry "$TMP/hx/texts/soc-trang-mttq-2024-ke-hoach-qcdc.html" >"$TMP/page.jsonl"
head -1 "$TMP/page.jsonl" >"$TMP/doc.json"
contains "$TMP/doc.json" '"encoding":"HTML"' "the document record says it was an HTML page"

# folders: .html and .htm are documents; a page in windows-1258 is decoded first
mkdir -p "$TMP/web"
cp "$TMP/hx/texts/soc-trang-mttq-2024-ke-hoach-qcdc.html" "$TMP/web/a.html"
/usr/bin/python3 - "$TMP/web/b.htm" <<'PY'
import sys, unicodedata as u
page = ('<html><head><meta charset="windows-1258"></head><body><table><tr>'
        '<td>ỦY BAN NHÂN DÂN<br>TỈNH QUẢNG NAM</td><td>Quảng Nam, ngày 10 tháng 01 năm 2025</td>'
        '</tr></table><p>Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ;</p>'
        '</body></html>')
out = b''
for c in page:           # windows-1258 writes tone marks apart
    try:
        out += c.encode('cp1258')
    except UnicodeEncodeError:
        d = u.normalize('NFD', c)
        out += (u.normalize('NFC', d[:-1]) + d[-1]).encode('cp1258')
open(sys.argv[1], 'wb').write(out)
PY
expect_status 0 "extract a folder of pages" -- "$VNCITE" extract --no-registry "$TMP/web"
# line 4: the header's two cells and its <br> are three lines; column 9:
# the decoded page keeps windows-1258's separate tone marks
contains "$TMP/out" "b.htm:4:9	59/2023/NĐ-CP	Nghị định	2023-08-14	Chính phủ" \
  "the windows-1258 .htm page is read, its table cells as lines"
contains "$TMP/out" "a.html:" "the .html page is read from the folder"
contains "$TMP/err" "b.htm: not UTF-8" "the legacy encoding is named in a warning"

db="$TMP/db"
expect_status 0 "index the pages" -- "$VNCITE" index --db "$db" "$TMP/web"
contains "$TMP/err" "2 added" "both pages are indexed"
expect_status 0 "search a page's words without accents" -- "$VNCITE" search --db "$db" "chinh phu"
contains "$TMP/out" "b.htm" "the windows-1258 page is found"
expect_status 0 "show a page" -- "$VNCITE" show --db "$db" "$TMP/web/b.htm"
contains "$TMP/out" "59/2023/NĐ-CP ngày 14/8/2023" "show prints the page's text"
if grep -q '<p>\|<td>' "$TMP/out"; then fail "show printed markup"; else pass "and not its markup"; fi
finish
