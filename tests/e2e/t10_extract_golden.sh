# t10 — `vncite extract` on the sample corpus matches the reviewed golden
# outputs (human and JSON), with the registry in corpus/registry.
source "$(dirname "$0")/lib.sh"
"$VNCITE" extract --json corpus/ >"$TMP/extract.jsonl"
golden extract.jsonl "$TMP/extract.jsonl"
"$VNCITE" extract corpus/ >"$TMP/extract.txt"
golden extract.txt "$TMP/extract.txt"
finish
