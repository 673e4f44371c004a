# t14 — Word .docx documents: read as the text Word shows (paragraphs, runs
# split inside a symbol, footnotes after the body, no deleted revisions,
# field codes or fallbacks), extracted, indexed, searched and shown like
# text files; archives that are not Word documents or are damaged are named
# and skipped.  Fixtures: tests/data/docx/make-docx.py.
source "$(dirname "$0")/lib.sh"
/usr/bin/python3 tests/data/docx/make-docx.py "$TMP/dx" corpus/*.txt
reg="$VNCITE_SRC/corpus/registry"

# the sample plans as .docx (one paragraph a line) say what their text says
strip='s/"file":"[^"]*"//; s/"encoding":"[^"]*"//'
"$VNCITE" extract --json --registry "$reg" corpus/*.txt | sed "$strip" >"$TMP/as-text.jsonl"
"$VNCITE" extract --json --registry "$reg" "$TMP"/dx/texts/*.docx | sed "$strip" >"$TMP/as-docx.jsonl"
if cmp -s "$TMP/as-text.jsonl" "$TMP/as-docx.jsonl"; then
  pass "the five plans as .docx give the same metadata and citations (lines, columns) as their text"
else fail "the plans as .docx differ from their text"; diff "$TMP/as-text.jsonl" "$TMP/as-docx.jsonl" | head -5; fi
"$VNCITE" extract --json --registry "$reg" "$TMP"/dx/texts/*.odt | sed "$strip" >"$TMP/as-odt.jsonl"
if cmp -s "$TMP/as-text.jsonl" "$TMP/as-odt.jsonl"; then
  pass "the five plans as .odt give the same metadata and citations as their text"
else fail "the plans as .odt differ from their text"; diff "$TMP/as-text.jsonl" "$TMP/as-odt.jsonl" | head -5; fi
"$VNCITE" extract --json --no-registry "$TMP"/dx/texts/yen-bai-dang-uy-khoi-2024-ke-hoach-qcdc.odt >"$TMP/odt.jsonl"
head -1 "$TMP/odt.jsonl" >"$TMP/odt.json"
contains "$TMP/odt.json" '"encoding":"OpenDocument .odt"' "the document record says it was an .odt"

(cd "$TMP" && "$VNCITE" extract --registry "$reg" dx/plan.docx) >"$TMP/extract.txt"
golden extract-docx.txt "$TMP/extract.txt"
if grep -qE '99/CT-TTg|88/QĐ-UBND' "$TMP/extract.txt"; then
  fail "a deleted revision or a field code was read as text"
else pass "deleted revisions and field codes are not read"; fi
[ "$(grep -c '26-KH/BCĐ' "$TMP/extract.txt")" = 1 ] && pass "a text box is read once (not its fallback too)" ||
  fail "the text box's citation is not there exactly once"

"$VNCITE" extract --json --registry "$reg" "$TMP/dx/plan.docx" | head -1 >"$TMP/doc.json"
contains "$TMP/doc.json" '"encoding":"Word .docx"' "the document record says it was a .docx"
contains "$TMP/doc.json" '"own_number":"12/KH-UBND"' "its own number is metadata"
contains "$TMP/doc.json" '"issuer":"ỦY BAN NHÂN DÂN - TỈNH QUẢNG NAM"' \
  "the issuer is the header's left column, without the motto after the tab"

# a Word document of pictures only (a scan): no error, but a warning saying why nothing is found
/usr/bin/python3 - "$TMP/scan.docx" <<'PY'
import sys, zipfile
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('word/document.xml', f'<w:document {W}><w:body><w:p><w:r><w:drawing/></w:r></w:p></w:body></w:document>')
PY
expect_status 0 "a .docx with no text" -- "$VNCITE" extract --no-registry "$TMP/scan.docx"
contains "$TMP/err" "scan.docx: this document holds no text" "its warning names it and says why"

# libzip is opened on the first .docx: without it, that file fails, named, and text files are read
printf 'Căn cứ Nghị định số 59/2023/NĐ-CP;\n' >"$TMP/plain.txt"
expect_status 2 "a .docx when libzip cannot be loaded" -- \
  env VNCITE_LIBZIP=/nonexistent/libzip.so.4 "$VNCITE" extract --no-registry "$TMP/dx/plan.docx" "$TMP/plain.txt"
contains "$TMP/err" "plan.docx: reading a Word .docx needs libzip, which could not be loaded" \
  "the .docx is named, with what is missing"
contains "$TMP/out" "plain.txt:1:8" "the text file is still read"

rm -r "$TMP/dx/texts"
printf '\005Lan  \000\000\000' >"$TMP/dx/~\$plan.docx"    # Word's owner file while plan.docx is open
printf 'Nghị định số 99/2099/NĐ-CP\n' >"$TMP/dx/.hidden.txt"
expect_status 2 "a folder with damaged and non-Word archives" -- \
  "$VNCITE" extract --no-registry "$TMP/dx"
if grep -qF '~$plan.docx' "$TMP/err" || grep -q '99/2099' "$TMP/out"; then
  fail "Word's owner file or a hidden file was read"
else pass "Word's ~\$ owner files and hidden files are skipped in folders"; fi
contains "$TMP/out" "59/2023/NĐ-CP" "the good .docx is still extracted"
contains "$TMP/err" "not-word.docx: looks like a ZIP archive but neither a Word .docx nor an OpenDocument .odt text" \
  "a ZIP that is neither a .docx nor an .odt is named and said to be neither"
contains "$TMP/err" "broken.docx: a damaged Word .docx document" "a truncated archive is named"
contains "$TMP/err" "bad-xml.docx: a damaged Word .docx document (word/document.xml: line" \
  "XML that is not well-formed is named with its part and line"

db="$TMP/db"
expect_status 2 "index a folder of .docx files" -- "$VNCITE" index --db "$db" "$TMP/dx"
contains "$TMP/err" "1 added" "the Word document is indexed"
contains "$TMP/err" "3 failed" "the three bad archives are not"
expect_status 0 "search its footnote's citation" -- "$VNCITE" search --db "$db" "cites:30/CT-TTg"
contains "$TMP/out" "plan.docx" "the .docx is found through a citation in its footnote"
expect_status 0 "search its words without accents" -- "$VNCITE" search --db "$db" "thuc hien dan chu"
contains "$TMP/out" "**hiện**" "the snippet is read from the .docx and highlighted"
expect_status 0 "show it" -- "$VNCITE" show --db "$db" "$TMP/dx/plan.docx"
contains "$TMP/out" "Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ;" \
  "show prints its text, runs joined"
expect_status 2 "index it again" -- "$VNCITE" index --db "$db" "$TMP/dx"
contains "$TMP/err" "1 unchanged" "an unchanged .docx is not indexed again"
finish
