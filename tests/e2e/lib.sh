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

# cached_same_as_plain COMMAND DESCRIPTION [options…]: `vncite COMMAND --db $db`
# answers (output, exit status) as with --no-cache, run after it so that it
# cannot have read the cache, and says nothing on stderr
cached_same_as_plain() {
  local command=$1 what=$2; shift 2
  local got=0 want=0
  "$VNCITE" "$command" --db "$db" "$@" >"$TMP/cached" 2>"$TMP/cached.err" || got=$?
  "$VNCITE" "$command" --db "$db" --no-cache "$@" >"$TMP/plain" 2>/dev/null || want=$?
  if [ "$got" = "$want" ] && cmp -s "$TMP/cached" "$TMP/plain" && [ ! -s "$TMP/cached.err" ]; then
    pass "$what"; else fail "$what: exit $got/$want"; diff "$TMP/plain" "$TMP/cached" | head -5
    head -3 "$TMP/cached.err"; fi
}

# damaged_caches COMMAND CACHE: a cache cut in half, with a changed byte,
# of random bytes, empty, or a folder in its place is not believed
damaged_caches() {
  local command=$1 cache=$2
  "$VNCITE" "$command" --db "$db" >/dev/null || true
  local size
  size=$(stat -c %s "$cache")
  head -c $((size / 2)) "$cache" >"$TMP/half" && cp "$TMP/half" "$cache"
  cached_same_as_plain "$command" "a cache cut in half is ignored"
  printf 'x' | dd of="$cache" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
  cached_same_as_plain "$command" "a cache with a changed byte is ignored"
  head -c 4096 /dev/urandom >"$cache"
  cached_same_as_plain "$command" "a cache of random bytes is ignored"
  : >"$cache"
  cached_same_as_plain "$command" "an empty cache is ignored"
  rm -f "$cache"
  mkdir "$cache"
  cached_same_as_plain "$command" "a folder where the cache would go: answered all the same"
  rmdir "$cache"
}
