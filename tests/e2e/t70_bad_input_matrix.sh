# t70 — the bad-input matrix of the robustness issue, through `extract` and
# `index`: each bad file gets a clear message naming it, the run goes on,
# every good file is processed, nothing already indexed is lost.
source "$(dirname "$0")/lib.sh"
d="$TMP/in"; mkdir -p "$d"
good='Căn cứ Nghị định số 59/2023/NĐ-CP, ngày 14/8/2023 của Chính phủ.'
printf '%s\n' "$good" >"$d/good.txt"
printf 'Chỉ thị số 26/CT-TTg \xff ngày 05/9/2016\n' >"$d/invalid-utf8.txt"
{ printf '\xff\xfe'; printf '%s' "$good" | iconv -f utf-8 -t utf-16le; } >"$d/utf16le.txt"
{ printf '\xfe\xff'; printf '%s' "$good" | iconv -f utf-8 -t utf-16be; } >"$d/utf16be.txt"
printf 'Ngh\xef\xd2 \xf0\xdfnh s\xe73 59/2023/N\xd0-CP \xf0\xe3 \xf0\xfd\xf4\xec c ban h\xe0nh.\n' >"$d/windows-1258.txt"
printf 'Caf\xe9 \xe0 la cr\xe8me, \xe9t\xe9 1998.\n' >"$d/latin1.txt"
printf '%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n' >"$d/scan.pdf.txt"
printf 'PK\003\004\024\000\006\000\010\000' >"$d/word.docx.txt"
: >"$d/empty.txt"
printf '   \n\t\n  \n' >"$d/whitespace.txt"
{ head -c 20000000 /dev/zero | tr '\0' 'a'; printf ' Kết luận số 120-KL/TW\n'; } >"$d/one-line-20mb.txt"
printf '%s\n' "$good" >"$d/$(printf 'k\xe9-ho\xb9ch.txt')"             # a name that is not UTF-8
printf '%s\n' "$good" >"$d/$(printf 'n%.0s' $(seq 1 240)).txt"        # a 244-byte name
ln -s . "$d/loop"; ln -s loop "$d/loop2"                            # symbolic link loops
ln -s /nonexistent "$d/dangling.txt"

expect_status 2 "extract over the matrix" -- "$VNCITE" extract --json --no-registry "$d"
for f in scan.pdf.txt word.docx.txt; do contains "$TMP/err" "$f" "$f is named"; done
contains "$TMP/err" "PDF" "the PDF is called a PDF"
contains "$TMP/err" "invalid-utf8.txt: invalid UTF-8 at byte" "invalid UTF-8: file and byte offset"
cp "$TMP/out" "$TMP/extract.jsonl"
/usr/bin/python3 - "$TMP/extract.jsonl" <<'PY' && pass "every readable file has its records" || fail "records missing"
import json, sys
docs = {}
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    if r["record"] == "document":
        docs[r["file"].rsplit("/", 1)[-1]] = r
    else:
        docs[r["file"].rsplit("/", 1)[-1]].setdefault("syms", []).append(r["symbol"])
want = {"good.txt": "59/2023/NĐ-CP", "invalid-utf8.txt": "26/CT-TTg", "utf16le.txt": "59/2023/NĐ-CP",
        "utf16be.txt": "59/2023/NĐ-CP", "windows-1258.txt": "59/2023/NĐ-CP",
        "one-line-20mb.txt": "120-KL/TW", "k\\xE9-ho\\xB9ch.txt": "59/2023/NĐ-CP", "n" * 240 + ".txt": "59/2023/NĐ-CP"}
for name, sym in want.items():
    assert sym in docs[name].get("syms", []), (name, docs.get(name))
assert docs["windows-1258.txt"]["encoding"].lower().startswith("windows-1258"), docs["windows-1258.txt"]["encoding"]
for name in ("empty.txt", "whitespace.txt", "latin1.txt"):
    assert docs[name]["citations"] == 0, name
assert "scan.pdf.txt" not in docs and "word.docx.txt" not in docs
PY

expect_status 2 "index over the matrix" -- "$VNCITE" index --db "$TMP/db" "$d"
contains "$TMP/err" "2 failed" "the PDF and the ZIP fail, nothing else"
n=$("$VNCITE" search --db "$TMP/db" --json --limit 0 '*' | grep -o '"total":[0-9]*')
[ "$n" = '"total":11' ] && pass "11 documents indexed (13 names: the PDF, the ZIP and a dangling link are not)" || fail "indexed: $n"
# the name that is not UTF-8 is shown with \xNN; the commands that read the file again
# (search snippets, show, lint) and those that find it by that name (show, cites --json) reach it
shown="$d/k\\xE9-ho\\xB9ch.txt"
"$VNCITE" search --db "$TMP/db" --json 'cites:59/2023/NĐ-CP' >"$TMP/hits.json"
/usr/bin/python3 - "$TMP/hits.json" "$shown" <<'PY' && pass "a name that is not UTF-8: snippet read, not taken for changed" || fail "non-UTF-8 name in search"
import json, sys
hits = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if '"record":"hit"' in l]
h = [x for x in hits if x["file"] == sys.argv[2]]
assert len(h) == 1 and not h[0]["stale"] and "59/2023/NĐ-CP" in h[0]["snippet"], h
PY
expect_status 0 "show by the name as shown" -- "$VNCITE" show --db "$TMP/db" "$shown"
contains "$TMP/out" "59/2023/NĐ-CP" "show prints its citations"
expect_status 0 "cites --json with a name that is not UTF-8" -- "$VNCITE" cites --db "$TMP/db" --json 59/2023/NĐ-CP
/usr/bin/python3 -c 'import json, sys; assert any(json.loads(l)["file"] == sys.argv[2] for l in open(sys.argv[1], encoding="utf-8"))' \
  "$TMP/out" "$shown" && pass "its records are there" || fail "cites --json lost it"
"$VNCITE" lint --db "$TMP/db" >/dev/null 2>"$TMP/lint.err" || true
! grep -qF "k\\xE9-ho\\xB9ch.txt: text not readable" "$TMP/lint.err" && pass "lint reads its text" || fail "lint could not read it"
# a file that turns bad later keeps its indexed version
cp "$d/scan.pdf.txt" "$d/good.txt"
expect_status 2 "re-index after good.txt turned into a PDF" -- "$VNCITE" index --db "$TMP/db" "$d"
"$VNCITE" search --db "$TMP/db" --json 'cites:59/2023/NĐ-CP' | grep -q '"file":"'"$d"'/good.txt"' \
  && pass "the last good version of good.txt is still indexed" || fail "good.txt lost"
# a registry with broken rows: problems are warnings, extraction goes on
mkdir -p "$TMP/reg"; cp corpus/registry/*.csv "$TMP/reg/"
printf '"unterminated,01/01/2020\n99/2099/XX-YY,31/02/2020,Luật\n' >>"$TMP/reg/instruments.csv"
expect_status 0 "extract with a broken registry" -- "$VNCITE" extract --registry "$TMP/reg" corpus/
contains "$TMP/err" "instruments.csv" "registry problems name the file"
finish
