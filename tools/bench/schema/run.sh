#!/usr/bin/env bash
# run.sh — measures the index schema alternatives of docs/INDEX.md
# ("Choosing the schema") and prints the tables found there.
#
#   tools/bench/schema/run.sh [LAWS_DIR]
#
# LAWS_DIR defaults to ../shared/laws next to the checkout.  Environment:
#   REPLICATE  times the laws are indexed over (default 4: ~57 MB of text)
#   CHUNK      bytes per document (default 8000: plan-sized documents)
#   RUNS       timed runs per query (default 11; the median is reported)
#   BUILD      build directory for libvncite_core (default build-bench)
#   KEEP=1     keep the databases (the path is printed)
# Needs /usr/bin/time and xapian-compact (xapian-tools).  About a minute on
# two cores once the library is built.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
laws=${1:-$root/../shared/laws}
replicate=${REPLICATE:-4}
chunk=${CHUNK:-8000}
runs=${RUNS:-11}
build=${BUILD:-$root/build-bench}

for tool in /usr/bin/time xapian-compact cmake cc pkg-config; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 1; }
done
compgen -G "$laws/*.txt" >/dev/null || { echo "run.sh: no .txt files in $laws" >&2; exit 1; }

echo "building libvncite_core in $build …" >&2
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DVNCITE_TESTS=OFF >/dev/null
cmake --build "$build" --target vncite_core -j2 >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/vncite-bench-schema.XXXXXX")
[ "${KEEP:-0}" = 1 ] && echo "databases kept in $work" >&2 || trap 'rm -rf "$work"' EXIT

bench=$work/bench_schema
# shellcheck disable=SC2046
cc -std=c17 -O2 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
    -I"$root" "$here/bench_schema.c" "$build/libvncite_core.a" \
    $(pkg-config --libs xapian-core icu-uc icu-i18n libutf8proc jansson) \
    -lcsv -lstdc++ -lm -lpthread -o "$bench"

declare -A name=(
    [A]="A: plain + accented where different (the default)"
    [B]="B: plain + accented, every word"
    [D]="D: accented only, plain queries expanded"
    [E]="E: accented + plain without positions (index --small)"
)

echo
echo "Indexing $(ls "$laws"/*.txt | wc -l) files × $replicate in documents of ~$chunk bytes, one process."
echo
echo "| schema | documents | MB of text | wall s | CPU s | peak RSS MiB | index MB | compacted MB |"
echo "|---|---|---|---|---|---|---|---|"
for s in A B D E; do
    "/usr/bin/time" -f "%e %U %S %M" -o "$work/time.$s" \
        "$bench" index "$s" "$work/db$s" --replicate "$replicate" --chunk "$chunk" \
        "$laws"/*.txt >"$work/index.$s"
    xapian-compact -m "$work/db$s" "$work/compact$s" >/dev/null
    read -r wall user sys rss <"$work/time.$s"
    docs=$(sed -n 's/.*docs=\([0-9]*\).*/\1/p' "$work/index.$s")
    mb=$(sed -n 's/.*mb=\([0-9.]*\).*/\1/p' "$work/index.$s")
    size=$(du -sb "$work/db$s" | cut -f1)
    csize=$(du -sb "$work/compact$s" | cut -f1)
    awk -v n="${name[$s]}" -v d="$docs" -v mb="$mb" -v w="$wall" -v u="$user" -v sy="$sys" \
        -v r="$rss" -v z="$size" -v c="$csize" 'BEGIN {
        printf "| %s | %d | %s | %.1f | %.1f | %.0f | %.0f | %.0f |\n",
               n, d, mb, w, u + sy, r / 1024, z / 1e6, c / 1e6 }'
done

for s in A B D E; do
    "$bench" query "$s" "$work/db$s" "$here/queries.txt" --runs "$runs" >"$work/query.$s"
done

echo
echo "Queries ($here/queries.txt): matches, and median ms for the first page (query"
echo "construction included).  \"same\": the four schemas return identical document sets."
echo
echo "| query | matches | A ms | B ms | D ms | E ms | result sets |"
echo "|---|---|---|---|---|---|---|"
paste "$work/query.A" "$work/query.B" "$work/query.D" "$work/query.E" | awk -F'\t' '
    $1 == "TOTAL" { printf "| **total** | | %s | %s | %s | %s | %d of %d same |\n", $4, $8, $12, $16, same, n; next }
    { n++; ok = ($2 == $6 && $2 == $10 && $2 == $14 && $3 == $7 && $3 == $11 && $3 == $15); same += ok
      printf "| `%s` | %s | %s | %s | %s | %s | %s |\n", $1, $2, $4, $8, $12, $16, ok ? "same" : "**DIFFERENT**" }'

if ! paste "$work/query.A" "$work/query.B" "$work/query.D" "$work/query.E" |
    awk -F'\t' '$1 != "TOTAL" && !($3 == $7 && $3 == $11 && $3 == $15) { bad = 1 } END { exit bad }'; then
    echo "run.sh: the schemas disagree on some queries" >&2
    exit 1
fi
