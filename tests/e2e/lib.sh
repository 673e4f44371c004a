# lib.sh — shared helpers for the end-to-end tests (sourced, not run).
# Environment from ctest: VNCITE (the binary), VNCITE_SRC (source tree),
# VNCITE_SHARED (../shared beside the repository).
set -euo pipefail
: "${VNCITE:?run through ctest}" "${VNCITE_SRC:?run through ctest}"
cd "$VNCITE_SRC"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# expect_status WANT DESCRIPTION -- command…
expect_status() {
  local want=$1 what=$2; shift 3
  local got=0
  "$@" >"$TMP/out" 2>"$TMP/err" || got=$?
  if [ "$got" = "$want" ]; then pass "$what (exit $got)"; else
    fail "$what: exit $got, want $want"; sed 's/^/  stderr: /' "$TMP/err" | head -5; fi
}

# golden NAME FILE: compares FILE with tests/golden/NAME (UPDATE_GOLDEN=1 rewrites it)
golden() {
  local name=$1 file=$2
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then cp "$file" "tests/golden/$name"; pass "updated $name"; return; fi
  if diff -u "tests/golden/$name" "$file" >"$TMP/diff"; then pass "golden $name"; else
    fail "golden $name differs (UPDATE_GOLDEN=1 ctest … rewrites it after review)"; head -40 "$TMP/diff"; fi
}

contains() { # contains FILE TEXT DESCRIPTION
  if grep -qF -- "$2" "$1"; then pass "$3"; else fail "$3: '$2' not found"; head -5 "$1"; fi
}

finish() {
  if [ "$failures" -gt 0 ]; then echo "$failures failed"; exit 1; fi
  echo "all checks passed"
}
