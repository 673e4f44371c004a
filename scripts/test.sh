#!/usr/bin/env bash
# The whole test suite: install, build, unit + end-to-end tests; the same
# tests again under AddressSanitizer + UndefinedBehaviorSanitizer; then a
# short run of every libFuzzer driver.  FUZZ_SECONDS (default 15) sets the
# length of each fuzz run.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
# Leaks inside Xapian itself, not vncite's (see the file)
export LSAN_OPTIONS="suppressions=$PWD/tools/fuzz/lsan.supp:print_suppressions=0"

bash scripts/build.sh build
echo "== tests (release build)"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== tests under ASan + UBSan"
bash scripts/build.sh build-asan -DVNCITE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== fuzz drivers (${FUZZ_SECONDS:-15} s each)"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DVNCITE_FUZZ=ON -DVNCITE_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$jobs"
for fuzzer in build-fuzz/tools/fuzz/fuzz_*; do
  [ -x "$fuzzer" ] || continue
  name=$(basename "$fuzzer")
  seeds="tools/fuzz/seeds/${name#fuzz_}"
  work=$(mktemp -d)
  [ -d "$seeds" ] && cp -r "$seeds"/. "$work"/
  case "$name" in   # whole documents are the natural seeds of document fuzzers
    fuzz_extract|fuzz_doctext) cp corpus/*.txt "$work"/ ;;
  esac
  echo "-- $name"
  mkdir -p build-fuzz/artifacts
  if ! "$fuzzer" -max_total_time="${FUZZ_SECONDS:-15}" -max_len=8192 -print_final_stats=1 \
       -artifact_prefix=build-fuzz/artifacts/"$name"- "$work" >"$work.log" 2>&1; then
    tail -n 40 "$work.log"
    echo "$name found a failing input, saved in build-fuzz/artifacts/; see tools/fuzz/README.md"
    exit 1
  fi
  grep -E 'stat::number_of_executed_units' "$work.log" || true
  rm -f "$work.log"
  rm -rf "$work"
done
echo "== all tests passed"
