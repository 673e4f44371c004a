# t15 — a plan converted with its Word tables as markdown pipe tables (the
# two-column header, a table of tasks), or as HTML tables (merged cells): the own number in a header cell is
# metadata, not a citation; the issuer is the left cell, not the motto;
# citations in cells keep their file line and column.
source "$(dirname "$0")/lib.sh"
cat >"$TMP/plan.md" <<'PLAN'
| **ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |
|:---:|:---:|
| Số: 45/KH-UBND | Quảng Nam, ngày 3 tháng 4 năm 2024 |

**KẾ HOẠCH**

Căn cứ Kế hoạch số 12/KH-UBND ngày 1/1/2024 của UBND tỉnh;

| TT | Nội dung | Căn cứ |
|----|----------|--------|
| 1 | Tuyên truyền | Nghị định số 59/2023/NĐ-CP |
PLAN
expect_status 0 "extract a plan with pipe tables" -- "$VNCITE" extract --json --no-registry "$TMP/plan.md"
head -1 "$TMP/out" >"$TMP/doc.json"
contains "$TMP/doc.json" '"own_number":"45/KH-UBND"' "the number in the header's cell is the plan's own"
contains "$TMP/doc.json" '"issuer":"ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM"' "the issuer is the left cell, without pipes or motto"
contains "$TMP/doc.json" '"date":"2024-04-03"' "the date is read from the right cell"
contains "$TMP/doc.json" '"citations":2' "two citations, the own number not among them"
contains "$TMP/out" '"line":11,"column":22' "a citation in a cell keeps its line and column in the file"
if grep -q '"symbol":"45/KH-UBND"' "$TMP/out"; then fail "the own number leaked as a citation"
else pass "no own-number leak"; fi

cat >"$TMP/plan-html.md" <<'PLAN'
<table><tr><td colspan="2"><strong>ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM</strong></td><td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</td></tr>
<tr><td>Số: 46/KH-UBND</td><td>Quảng Nam, ngày 3 tháng 4 năm 2024</td></tr></table>
<p align="center"><b>KẾ HOẠCH</b></p>
<p>Căn cứ Kế hoạch số 12/KH-UBND ngày 1/1/2024 của UBND tỉnh;</p>
PLAN
expect_status 0 "extract a plan with an HTML table" -- "$VNCITE" extract --json --no-registry "$TMP/plan-html.md"
head -1 "$TMP/out" >"$TMP/doc.json"
contains "$TMP/doc.json" '"own_number":"46/KH-UBND"' "the number in the HTML header cell is the plan's own"
contains "$TMP/doc.json" '"issuer":"ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM"' "the issuer is its cell, without tags"
contains "$TMP/doc.json" '"citations":1' "one citation, the own number not among them"
contains "$TMP/out" '"line":4,"column":11' "the citation keeps its file line and column"
finish
