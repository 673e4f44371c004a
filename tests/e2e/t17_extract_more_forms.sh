# t17 — forms the sample plans do not show, through the CLI.  Short forms: a
# number written with its year but not its codes is resolved by the registry
# and by the same document; the slash left out before a type code still
# gives the symbol; a bare number's date keeps it from an instrument issued
# at another time; the year written with a number is not passed to the
# citation before it.  Sharing: one issuer for two bodies' symbols is not
# shared.  The own number written again in an annex is no citation.
source "$(dirname "$0")/lib.sh"
cat >"$TMP/short.txt" <<'TXT'
Căn cứ Nghị định số 04/2015 của Chính phủ về thực hiện dân chủ;
Căn cứ Nghị định số 16/2019/NĐ-CP ngày 1/2/2019, Nghị định số 17/2020;
Căn cứ Nghị định số 18/2021 NĐ-CP ngày 3/3/2021; sau đó, Nghị định 18/2021 nói rõ.
Thực hiện Kết luận số 120 ngày 5/1/2024 của Bộ Chính trị và Kết luận số 120 năm 2016.
TXT
expect_status 0 "extract short forms with the registry" -- \
  "$VNCITE" extract --registry corpus/registry "$TMP/short.txt"
contains "$TMP/out" ":1:8	04/2015/NĐ-CP	Nghị định	2015	Chính phủ	\"Nghị định số 04/2015\"" \
  "a number with its year is resolved by the registry"
contains "$TMP/out" ":2:8	16/2019/NĐ-CP	Nghị định	2019-02-01	-" \
  "the year written after the next number is not shared back"
contains "$TMP/out" "17/2020 (unresolved)	Nghị định	2020	-	\"Nghị định số 17/2020\"" \
  "an unknown number with its year stays unresolved, dated by its year"
contains "$TMP/out" ":3:8	18/2021/NĐ-CP	Nghị định	2021-03-03	-	\"Nghị định số 18/2021 NĐ-CP\"" \
  "the slash left out before NĐ-CP"
contains "$TMP/out" "18/2021/NĐ-CP	Nghị định	2021	-	\"Nghị định 18/2021\"" \
  "the short form is resolved by the same document"
contains "$TMP/out" "120 (unresolved)	Kết luận	2024-01-05" \
  "a conclusion dated 2024 is not the registry's 120-KL/TW of 2016"
contains "$TMP/out" "120-KL/TW@2016-01-07	Kết luận	2016" \
  "the one dated 2016 is"

cat >"$TMP/annex.txt" <<'TXT'
ĐẢNG ỦY XÃ THỤY HƯNG
Số 150-KH/ĐU
Thụy Hưng, ngày 05 tháng 3 năm 2024

KẾ HOẠCH
thực hiện Quy chế dân chủ ở cơ sở

Căn cứ Kế hoạch số 150-KH/ĐU ngày 01/3/2023 của Đảng ủy xã;
Căn cứ Nghị định số 15/2020/NĐ-CP và Thông tư số 01/2021/TT-BTC của Bộ Tài chính;

PHỤ LỤC
(Kèm theo Kế hoạch số 150-KH/ĐU ngày 05/3/2024 của Đảng ủy xã)
TXT
expect_status 0 "extract a plan with an annex" -- "$VNCITE" extract --no-registry "$TMP/annex.txt"
if grep -q "2024-03-05" "$TMP/out"; then fail "the annex's own number was reported as a citation"
else pass "the annex's own number is no citation"; fi
contains "$TMP/out" "150-KH/ĐU@2023-03-01" "last year's plan with the same number still is"
contains "$TMP/out" "15/2020/NĐ-CP	Nghị định	-	-	" "a decree does not take a ministry's issuer"

cat >"$TMP/subcode.txt" <<'TXT'
Căn cứ Quyết định số 1234/QĐ-UBND.VX ngày 12.5.2023 của UBND tỉnh;
Thực hiện Công văn số 15/UBND.NN của UBND tỉnh và Quyết định số 16/QĐ-UBND.Theo đó
TXT
expect_status 0 "extract symbols with a department's sub-code" -- \
  "$VNCITE" extract --no-registry "$TMP/subcode.txt"
contains "$TMP/out" ":1:8	1234/QĐ-UBND.VX@2023-05-12	Quyết định	2023-05-12	UBND tỉnh" \
  "a dotted sub-code belongs to the symbol, and the date after it is read"
contains "$TMP/out" "15/UBND.NN (unresolved)	Công văn" "a letter's dotted sub-code"
contains "$TMP/out" "\"Quyết định số 16/QĐ-UBND\"" "a word glued after a dot is not a sub-code"
# a table of papers in a converted plan (markdown rows), a symbol typed in
# lower case, a thousands dot, and "ngày mùng"
cat >"$TMP/table.md" <<'TXT'
| TT | Văn bản | Ngày ban hành |
|---|---|---|
| 1 | Quyết định số 1.234/QĐ-UBND | 05/4/2023 |
| 2 | Quyết định số 1242/qđ-ubnd | ngày mùng 6 tháng 4 năm 2023 |
TXT
expect_status 0 "extract a table of papers" -- "$VNCITE" extract --no-registry "$TMP/table.md"
contains "$TMP/out" "1234/QĐ-UBND@2023-04-05	Quyết định	2023-04-05" \
  "a date in the next cell, a thousands dot"
contains "$TMP/out" "1242/QĐ-UBND@2023-04-06	Quyết định	2023-04-06" \
  "a symbol in lower case, a date after 'mùng'"
# an older file in TCVN3 (ABC): the same citations as its UTF-8 original
plan=corpus/tay-ninh-so-cong-thuong-2024-ke-hoach.txt
/usr/bin/python3 -c 'import sys, unicodedata
sys.stdout.write(unicodedata.normalize("NFC", open(sys.argv[1], encoding="utf-8").read()))' "$plan" |
  iconv -f UTF-8 -t TCVN5712-1//TRANSLIT >"$TMP/tcvn3.txt"
expect_status 0 "extract a TCVN3 file" -- "$VNCITE" extract --no-registry "$TMP/tcvn3.txt"
contains "$TMP/err" "decoded as Vietnamese TCVN3" "the encoding is named in a warning"
"$VNCITE" extract --no-registry "$plan" | cut -f2- >"$TMP/utf8.cites"
[ -s "$TMP/utf8.cites" ] || fail "the UTF-8 plan gives no citations"
# the last extract's citations (without their places) are the UTF-8 plan's
same_as_utf8() {
  cut -f2- "$TMP/out" >"$TMP/other.cites"
  if cmp -s "$TMP/utf8.cites" "$TMP/other.cites"; then pass "$1 gives the UTF-8 original's citations"
  else fail "$1: citations differ"; diff "$TMP/utf8.cites" "$TMP/other.cites" | head -5; fi
}
same_as_utf8 "TCVN3"
"$VNCITE" extract --json --no-registry "$TMP/tcvn3.txt" >"$TMP/tcvn3.json" 2>/dev/null
contains "$TMP/tcvn3.json" '"encoding":"TCVN3"' "JSON names the encoding"
# and in VNI-Windows, the other legacy encoding (marks as bytes after letters)
/usr/bin/python3 "$VNCITE_SRC/tests/data/to-vni.py" "$plan" >"$TMP/vni.txt"
expect_status 0 "extract a VNI file" -- "$VNCITE" extract --no-registry "$TMP/vni.txt"
contains "$TMP/err" "decoded as Vietnamese VNI-Windows" "the encoding is named in a warning"
same_as_utf8 "VNI"
"$VNCITE" extract --json --no-registry "$TMP/vni.txt" >"$TMP/vni.json" 2>/dev/null
contains "$TMP/vni.json" '"encoding":"VNI"' "JSON names VNI"
# typed in a legacy font and saved as Unicode (Word keeps the legacy bytes as
# the windows-1252 characters they look like): as text, as .docx, and mixed
for kind in tcvn3 vni; do
  /usr/bin/python3 "$VNCITE_SRC/tests/data/legacy-font.py" $kind "$plan" "$TMP/font-$kind.txt"
  expect_status 0 "extract a UTF-8 file typed in a $kind font" -- \
    "$VNCITE" extract --no-registry "$TMP/font-$kind.txt"
  contains "$TMP/err" "lines typed in a" "the legacy font is named in a warning"
  same_as_utf8 "a UTF-8 file in the $kind font"
done
# (a .docx in VNI: TCVN3's capitals of the VN1 variant are control bytes, which XML
# cannot hold; Word's ABC documents set capitals in .VnTimeH fonts instead)
mkdir -p "$TMP/legacy"
/usr/bin/python3 "$VNCITE_SRC/tests/data/legacy-font.py" tcvn3 "$plan" "$TMP/legacy/mixed.txt" --from-line 20
expect_status 0 "extract a text mixing Unicode and a TCVN3 font" -- \
  "$VNCITE" extract --no-registry "$TMP/legacy/mixed.txt"
same_as_utf8 "a text mixing fonts"
/usr/bin/python3 "$VNCITE_SRC/tests/data/legacy-font.py" vni "$plan" "$TMP/legacy/mixed.txt" --from-line 20
/usr/bin/python3 "$VNCITE_SRC/tests/data/docx/make-docx.py" "$TMP/legacydx" "$TMP/legacy/mixed.txt"
expect_status 0 "extract a .docx mixing Unicode and a VNI font" -- \
  "$VNCITE" extract --no-registry "$TMP/legacydx/texts/mixed.docx"
same_as_utf8 "a .docx mixing fonts"
"$VNCITE" extract --json --no-registry "$TMP/legacydx/texts/mixed.docx" >"$TMP/font.json" 2>/dev/null
contains "$TMP/font.json" '"encoding":"Word .docx"' "the container is named"
contains "$TMP/font.json" '"legacy_font":"VNI"' "and the legacy font"
# a windows-1258 rendering stays windows-1258
iconv -f UTF-8 -t WINDOWS-1258 "$plan" >"$TMP/cp1258.txt"
expect_status 0 "extract a windows-1258 file" -- "$VNCITE" extract --no-registry "$TMP/cp1258.txt"
contains "$TMP/err" "decoded as Vietnamese windows-1258" "windows-1258 is not taken for VNI"
finish
