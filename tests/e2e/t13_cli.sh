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
finish
