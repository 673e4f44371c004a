# t60 — smoke run of the benchmark corpus generator (tools/gen-corpus; the
# benchmark itself is tools/bench/run.sh, docs/BENCHMARKS.md): the output
# is deterministic (same seed → same bytes; document i depends only on the
# seed and i), plan-sized (8–25 KB), valid UTF-8, and vncite indexes it and
# finds its citations.  No timing assertions.
source "$(dirname "$0")/lib.sh"
GEN=$(dirname "$VNCITE")/gen-corpus
if [ ! -x "$GEN" ]; then
  echo "skip: gen-corpus is not built ($GEN)"
  exit 0
fi

"$GEN" --seed 42 --docs 200 --out "$TMP/a" >/dev/null && pass "generates 200 documents" || fail "gen-corpus failed"
"$GEN" --seed 42 --docs 200 --out "$TMP/b" >/dev/null
diff -r "$TMP/a" "$TMP/b" >/dev/null && pass "same seed, same bytes" || fail "two runs with one seed differ"
# documents 150..199 alone are the same as in the full run
"$GEN" --seed 42 --first 150 --docs 50 --out "$TMP/c" >/dev/null
same=1
for f in "$TMP"/c/0000/*.txt; do cmp -s "$f" "$TMP/a/0000/${f##*/}" || same=0; done
[ "$same" = 1 ] && pass "document i depends only on seed and i" || fail "--first changes the documents"
"$GEN" --seed 43 --docs 3 --out "$TMP/d" >/dev/null
cmp -s "$TMP/a/0000/0000000.txt" "$TMP/d/0000/0000000.txt" && fail "another seed gives the same text" || pass "another seed, another text"

n=$(find "$TMP/a" -name '*.txt' | wc -l)
[ "$n" = 200 ] && pass "200 files" || fail "$n files"
bad=$(find "$TMP/a" -name '*.txt' \( -size -8000c -o -size +25000c \) | wc -l)
[ "$bad" = 0 ] && pass "sizes within 8–25 KB" || fail "$bad files outside 8–25 KB"
if iconv -f UTF-8 -t UTF-8 "$TMP"/a/0000/*.txt >/dev/null 2>&1; then pass "valid UTF-8"; else fail "invalid UTF-8"; fi
LC_ALL=C grep -q $'\xcc' "$TMP"/a/0000/*.txt && pass "has non-NFC (decomposed) spans" || fail "no decomposed spans"
grep -q '<sup>\|\[footnoteRef:' "$TMP"/a/0000/*.txt && pass "has footnotes" || fail "no footnotes"

expect_status 0 "vncite indexes the generated corpus" -- "$VNCITE" index --db "$TMP/db" "$TMP/a"
contains "$TMP/err" "200 files: 200 added" "all 200 documents added"
"$VNCITE" extract --json "$TMP"/a/0000/00000[0-4]*.txt >"$TMP/extract" 2>/dev/null || true
c=$(grep -c '"record":"citation"' "$TMP/extract" || true)
[ "$c" -ge 200 ] && pass "extract finds citations ($c in 50 documents)" || fail "only $c citations in 50 documents"
"$VNCITE" search --db "$TMP/db" --json 'cites:59/2023/ND-CP' >"$TMP/hits"
grep -q '"record":"hit"' "$TMP/hits" && pass "cites: finds a registry instrument" || fail "cites:59/2023/NĐ-CP finds nothing"
"$VNCITE" search --db "$TMP/db" --json '"dan chu o co so"' >"$TMP/hits"
grep -q '"record":"hit"' "$TMP/hits" && pass "unaccented phrase search" || fail "phrase finds nothing"
# lint over 200 plans: more documents than it keeps texts for, so texts are
# dropped and read again (under the sanitizers in CI)
s=0
"$VNCITE" lint --db "$TMP/db" --json >"$TMP/lint" 2>"$TMP/lint.err" || s=$?
n=$(grep -c '"rule"' "$TMP/lint" || true)
[ "$s" -le 1 ] && [ "$n" -gt 0 ] && pass "lint: $n findings over 200 plans" ||
    fail "lint exited $s with $n findings: $(tail -2 "$TMP/lint.err")"
# the short-form stress corpus: every short form resolves to the one plan with its number
tools/bench/short-forms.sh --docs 300 --vncite "$VNCITE" >"$TMP/short" 2>&1 &&
    pass "short-forms.sh: 300 short forms resolved" || fail "short-forms.sh: $(cat "$TMP/short")"
finish
