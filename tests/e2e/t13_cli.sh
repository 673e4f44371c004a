# t13 — command-line behaviour: help, version, usage errors.
source "$(dirname "$0")/lib.sh"
expect_status 0 "vncite --help" -- "$VNCITE" --help
contains "$TMP/out" "extract" "main help lists extract"
expect_status 0 "vncite extract --help" -- "$VNCITE" extract --help
contains "$TMP/out" "usage: vncite extract" "extract help shows usage"
expect_status 0 "vncite help extract" -- "$VNCITE" help extract
expect_status 0 "vncite --version" -- "$VNCITE" --version
expect_status 2 "unknown command" -- "$VNCITE" frobnicate
contains "$TMP/err" "'frobnicate' is not a vncite command" "unknown command is named"
expect_status 2 "unknown option" -- "$VNCITE" extract --bogus corpus/
contains "$TMP/err" "--bogus" "unknown option is named"
expect_status 2 "no file" -- "$VNCITE" extract
expect_status 2 "registry folder missing" -- "$VNCITE" extract --registry /nonexistent corpus/
contains "$TMP/err" "/nonexistent" "missing registry folder is named"

# "-": a document from standard input, named "-", before the files given
printf 'Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023;\n' >"$TMP/in.txt"
expect_status 0 "extract - (standard input)" -- \
  bash -c '"$0" extract --no-registry - corpus/tay-ninh-so-cong-thuong-2024-ke-hoach.txt <"$1"' \
  "$VNCITE" "$TMP/in.txt"
head -1 "$TMP/out" >"$TMP/first"
contains "$TMP/first" "-:1:8	59/2023/NĐ-CP	Nghị định	2023-08-14" "standard input is read first, named -"
contains "$TMP/out" "tay-ninh-so-cong-thuong-2024-ke-hoach.txt:" "the files given are still read"
expect_status 2 "extract - from a folder" -- bash -c '"$0" extract - <"$1"' "$VNCITE" corpus
contains "$TMP/err" "standard input:" "an unreadable standard input is named"
finish
