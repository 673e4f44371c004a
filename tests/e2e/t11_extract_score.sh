# t11 — the shared scorer: every numbered and list citation of the gold list
# found with its official symbol, nothing extra, no own number leaked.
source "$(dirname "$0")/lib.sh"
scorer="$VNCITE_SHARED/tools/score-citations.py"
[ -f "$scorer" ] || { fail "scorer not found at $scorer (shared/ must sit beside the repository)"; finish; }
"$VNCITE" extract --json --no-registry corpus/ >"$TMP/plain.jsonl"
/usr/bin/python3 "$scorer" tests/golden/expected-citations.tsv "$TMP/plain.jsonl" >"$TMP/score-plain"
contains "$TMP/score-plain" "exact P=1.000 R=1.000" "without the registry: exact P=R=1"
contains "$TMP/score-plain" "own-number leaks=0" "without the registry: no own number leaked"
"$VNCITE" extract --json corpus/ >"$TMP/reg.jsonl"
/usr/bin/python3 "$scorer" tests/golden/expected-citations.tsv "$TMP/reg.jsonl" >"$TMP/score-reg"
contains "$TMP/score-reg" "R=1.000" "with the registry: recall 1"
contains "$TMP/score-reg" "own-number leaks=0" "with the registry: no own number leaked"
# with the registry, name-only references resolve too; they are the only extras allowed
if grep '^EXTRA' "$TMP/score-reg" | grep -vE '10/2022/QH15|45/2019/QH14|104/2016/QH13|42/2013/QH13|35/2013/QH13|02/2011/QH13|25/2018/QH14' | grep -q .; then
  fail "extras beyond resolved law names:"; grep '^EXTRA' "$TMP/score-reg"
else pass "extras are only name-only law references"; fi
cat "$TMP/score-plain" | tail -1
finish
