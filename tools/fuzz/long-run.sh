#!/usr/bin/env bash
# The documented long fuzz run (docs/ROBUSTNESS.md): every driver until it has
# executed RUNS inputs (10 million by default) or MAX_SECONDS pass, one after
# the other, niced so it can share a machine.  Results: OUT/summary.txt, one
# log per driver, failing inputs as OUT/crash-NAME-*.
#
#   tools/fuzz/long-run.sh [OUT]          (default /tmp/vncite-fuzz-long)
#   RUNS=1000000 NAMES="extract date" tools/fuzz/long-run.sh
#
# The document drivers get line-sized seeds cut from corpus/ and -max_len 1024:
# whole plans as seeds make every execution cost a whole plan (≈1k exec/s);
# lines keep the same constructs at ≈10k exec/s under ASan+UBSan.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-/tmp/vncite-fuzz-long}
runs=${RUNS:-10000000}
max_seconds=${MAX_SECONDS:-5400}
names=${NAMES:-"symbol date query doctext registry extract stored"}
mkdir -p "$out"

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DVNCITE_FUZZ=ON -DVNCITE_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$(nproc)" >/dev/null

# corpus/ lines of 40..1000 bytes, cut on a UTF-8 boundary, one seed each
lines="$out/seeds-lines"
if [ ! -d "$lines" ]; then
  mkdir -p "$lines"
  n=0
  for f in corpus/*.txt; do
    while IFS= read -r line; do
      [ ${#line} -ge 40 ] || continue
      printf '%s' "$line" | head -c 1000 | { iconv -f UTF-8 -t UTF-8 -c || true; } >"$lines/$(printf %05d $n).txt"
      n=$((n + 1))
    done <"$f"
  done
fi

for name in $names; do
  work="$out/corpus-$name"
  mkdir -p "$work"
  max_len=4096
  case $name in
    extract|doctext) cp -rn "$lines"/. "$work"/; max_len=1024 ;;
    registry) cp -rn "tools/fuzz/seeds/$name"/. "$work"/; max_len=1024 ;;  # a few rows per file
    query) cp -rn "tools/fuzz/seeds/$name"/. "$work"/; max_len=512 ;;  # longer than anyone types
    *) [ -d "tools/fuzz/seeds/$name" ] && cp -rn "tools/fuzz/seeds/$name"/. "$work"/ ;;
  esac
  echo "== $name $(date -u +%FT%T)" | tee -a "$out/summary.txt"
  status=0
  # No allocation stacks: recording them (ASan's stack depot) grew to most of
  # each execution of the query driver after a few million runs.  A crash
  # still prints its own stack; rerun the saved input for the full report.
  ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0} \
  nice -n 19 "build-fuzz/tools/fuzz/fuzz_$name" -runs="$runs" -max_total_time="$max_seconds" \
    -max_len="$max_len" -print_final_stats=1 -artifact_prefix="$out/crash-$name-" "$work" \
    >"$out/$name.log" 2>&1 || status=$?
  echo "exit $status $(grep -E 'stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' \
    "$out/$name.log" | tr -s ' \n' ' ') $(date -u +%T)" | tee -a "$out/summary.txt"
done
