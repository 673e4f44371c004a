#!/usr/bin/env bash
# run.sh — the vncite benchmark (issue 5; docs/BENCHMARKS.md explains every
# number).  One command, one machine, one run:
#
#   tools/bench/run.sh --docs 10000 --out /work/bench-data
#
# builds what it needs (Release, in build-bench/), generates the corpus with
# gen-corpus if it is not there yet (OUT/corpus-N-sS/), waits for a quiet
# machine, then measures indexing (vncite --jobs 1 and 2, the reference
# indexer, SQLite FTS5), search latency (vncite vs FTS5, ripgrep), citation
# extraction (vncite vs a PCRE2 baseline) and `outdated` / `graph` when the
# binary has them.  Writes OUT/results-N.md (a markdown table) and prints it.
#
# Options:
#   --docs N          corpus size (required): 10000 quick, 100000, 1000000
#   --out DIR         where corpora, indexes and results go (default /work/bench-data)
#   --seed S          corpus seed (default 1)
#   --runs R          timed runs per query (default 20, after one warm-up)
#   --extract-mb MB   text the extraction benchmark reads (default 400; 0 = all)
#   --wait-load SEC   wait up to SEC for the 1-minute load to drop below
#                     0.8 before measuring (default 600; 0 = do not wait)
#   --laws DIR        law texts, a second pool of real sentences for
#                     gen-corpus (default ../shared/laws beside the checkout)
#   --max-mem-gb GB   address-space cap for `outdated` and `graph` (default 6)
#   --keep            keep the indexes (default: deleted after the run)
# Needs: cmake, a C/C++ compiler, /usr/bin/time, python3, libsqlite3-dev,
# libpcre2-dev, ripgrep (scripts/install-deps.sh installs them).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
docs="" out=/work/bench-data seed=1 runs=20 extract_mb=400 wait_load=600 keep=0 max_mem_gb=6
laws=$root/../shared/laws
while [ $# -gt 0 ]; do
    case $1 in
    --docs) docs=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --extract-mb) extract_mb=$2; shift 2 ;;
    --wait-load) wait_load=$2; shift 2 ;;
    --laws) laws=$2; shift 2 ;;
    --max-mem-gb) max_mem_gb=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[ -n "$docs" ] || { echo "run.sh: --docs N is required (see --help)" >&2; exit 2; }
for tool in cmake /usr/bin/time python3 rg; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed (scripts/install-deps.sh)" >&2; exit 1; }
done

log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# ---- build ---------------------------------------------------------------
build=$root/build-bench
log "building (Release) in $build"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DVNCITE_TESTS=OFF -DVNCITE_BENCH=ON >/dev/null
cmake --build "$build" -j2 >/dev/null
vncite=$build/vncite
bin=$build/tools/bench

# ---- corpus --------------------------------------------------------------
mkdir -p "$out"
corpus=$out/corpus-$docs-s$seed
if [ ! -f "$corpus/.complete" ]; then
    log "generating $docs documents in $corpus"
    rm -rf "$corpus"
    law_opt=()
    [ -d "$laws" ] && law_opt=(--laws "$laws")
    "$build/gen-corpus" --seed "$seed" --docs "$docs" --out "$corpus" "${law_opt[@]}" >&2
    [ -d "$laws" ] && echo "laws: $laws" >"$corpus/.complete" || echo "laws: none" >"$corpus/.complete"
fi
corpus_bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
corpus_docs=$(find "$corpus" -name '*.txt' | wc -l)
work=$out/run-$docs
rm -rf "$work"
mkdir -p "$work"
[ "$keep" = 1 ] || trap 'rm -rf "$work"/db-* "$work"/fts.db*' EXIT

# Every tool reads the files from the page cache: read them once now.
log "warming the page cache ($((corpus_bytes / 1000000)) MB)"
find "$corpus" -name '*.txt' -print0 | xargs -0 cat >/dev/null

# ---- quiet machine -------------------------------------------------------
load() { cut -d' ' -f1 /proc/loadavg; }
waited=0
while [ "$wait_load" -gt 0 ] && awk -v l="$(load)" 'BEGIN {exit !(l >= 0.8)}'; do
    [ "$waited" -ge "$wait_load" ] && { log "load still $(load) after ${waited}s: measuring anyway"; break; }
    [ "$waited" = 0 ] && log "waiting for the 1-minute load ($(load)) to drop below 0.8"
    sleep 15
    waited=$((waited + 15))
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
log "load before: $load_before"

# ---- indexing ------------------------------------------------------------
# timed NAME COMMAND…: wall, user, sys seconds and peak RSS (KiB) to $work/NAME.time
timed() {
    local name=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" ||
        { echo "run.sh: $name failed:" >&2; tail -5 "$work/$name.err" >&2; exit 1; }
}
log "indexing: reference indexer"
timed ref "$bin/bench_refindex" "$work/db-ref" "$corpus"
log "indexing: vncite --jobs 1"
timed vncite1 "$vncite" index --db "$work/db-vncite1" --jobs 1 "$corpus"
log "indexing: vncite --jobs 2"
timed vncite2 "$vncite" index --db "$work/db-vncite2" --jobs 2 "$corpus"
log "indexing: SQLite FTS5"
timed fts5 "$bin/bench_fts5" index "$work/fts.db" "$corpus"
for db in ref vncite1 vncite2; do du -sb "$work/db-$db" | cut -f1 >"$work/$db.size"; done
du -cb "$work"/fts.db* | tail -1 | cut -f1 >"$work/fts5.size"
# Xapian's B-trees are not full after indexing: `vncite index --compact` on
# the finished 1-shard index (nothing to re-index: the time is the walk and
# the compaction), and the reference index through xapian-compact
log "indexing: vncite --compact on the 1-shard index"
timed compact "$vncite" index --db "$work/db-vncite1" --jobs 1 --compact "$corpus"
du -sb "$work/db-vncite1" | cut -f1 >"$work/compact.size"
# the small index (positions on the accented form only), as written and compacted
log "indexing: vncite --jobs 2 --small"
timed small "$vncite" index --db "$work/db-small" --jobs 2 --small "$corpus"
du -sb "$work/db-small" | cut -f1 >"$work/small.size"
timed small-compact "$vncite" index --db "$work/db-small" --compact "$corpus"
du -sb "$work/db-small" | cut -f1 >"$work/small-compact.size"
if command -v xapian-compact >/dev/null; then
    xapian-compact "$work/db-ref" "$work/db-ref-compact" >/dev/null 2>&1 &&
        du -sb "$work/db-ref-compact" | cut -f1 >"$work/ref-compact.size"
    rm -rf "$work/db-ref-compact"
fi

# ---- search --------------------------------------------------------------
log "search: vncite in process ($runs runs per query)"
"$bin/bench_search" "$work/db-vncite2" "$here/queries.tsv" "$runs" >"$work/search-vncite.tsv"
log "search: vncite engine part only (parse, match, top 10; no snippets)"
"$bin/bench_search" --match-only "$work/db-vncite2" "$here/queries.tsv" "$runs" >"$work/search-match.tsv"
log "search: vncite engine part only, on the small index"
"$bin/bench_search" --match-only "$work/db-small" "$here/queries.tsv" "$runs" >"$work/search-small.tsv"
log "search: FTS5 in process"
"$bin/bench_fts5" query "$work/fts.db" "$here/queries.tsv" "$runs" >"$work/search-fts5.tsv"
log "search: vncite as a process (3 runs per query)"
: >"$work/search-cli.tsv"
while IFS=$'\t' read -r cls query _ _; do
    case $cls in '#'* | '') continue ;; esac
    printf '%s\t%s\t-\t' "$cls" "$query" >>"$work/search-cli.tsv"
    for _ in 1 2 3; do
        s=$(date +%s.%N)
        "$vncite" search --db "$work/db-vncite2" -- "$query" >/dev/null
        e=$(date +%s.%N)
        awk -v s="$s" -v e="$e" 'BEGIN {printf "%.3f ", (e - s) * 1000}' >>"$work/search-cli.tsv"
    done
    echo >>"$work/search-cli.tsv"
done <"$here/queries.tsv"
log "search: ripgrep over the raw files"
: >"$work/search-rg.tsv"
while IFS=$'\t' read -r cls query _ literal; do
    case $cls in '#'* | '') continue ;; esac
    [ "$literal" = - ] && continue
    rg -l -i -F -- "$literal" "$corpus" >/dev/null || true      # warm-up
    s=$(date +%s.%N)
    n=$( { rg -l -i -F -- "$literal" "$corpus" || true; } | wc -l)
    e=$(date +%s.%N)
    printf '%s\t%s\t%s\t%s\n' "$cls" "$literal" "$n" \
        "$(awk -v s="$s" -v e="$e" 'BEGIN {printf "%.1f", (e - s) * 1000}')" >>"$work/search-rg.tsv"
done <"$here/queries.tsv"

# ---- extraction ----------------------------------------------------------
log "extraction: vncite vs PCRE2 (up to $extract_mb MB of text)"
taskset -c 0 "$bin/bench_extract" "$corpus" "$root/corpus/registry" "$extract_mb" >"$work/extract.out" 2>"$work/extract.err" ||
    "$bin/bench_extract" "$corpus" "$root/corpus/registry" "$extract_mb" >"$work/extract.out"

# ---- outdated, graph -----------------------------------------------------
# measure NAME COMMAND [ARGS…]: wall/CPU/RSS of `vncite COMMAND --db … ARGS`
# into NAME.time, output into NAME.out.  `outdated` exits 1 when it finds
# outdated citations: only 2+ is a failure.  Loading the whole corpus takes
# gigabytes at 100k documents: capped by --max-mem-gb so that a large corpus
# fails cleanly instead of pushing a shared machine into swap.
measure() {
    local name=$1 cmd=$2 st=0
    shift 2
    ( ulimit -v $((max_mem_gb * 1024 * 1024))
      exec /usr/bin/time -f "%e %U %S %M" -o "$work/$name.time" "$vncite" "$cmd" \
          --db "$work/db-vncite2" "$@" ) >"$work/$name.out" 2>"$work/$name.err" || st=$?
    [ "$st" -le 1 ] || echo "failed (exit $st, memory capped at $max_mem_gb GB): $(grep -v '^Command' "$work/$name.err" | head -c 200)" >"$work/$name.failed"
    wc -l <"$work/$name.out" >"$work/$name.lines"
}
if "$vncite" outdated --help 2>&1 | grep -q -- "--no-cache"; then
    # without DB/outdated.cache (the whole corpus loaded), then the run that
    # writes it, then the run that reads it: the three must print the same
    log "outdated over the whole corpus: without its cache, writing it, reading it"
    rm -f "$work/db-vncite2"/*.cache
    measure outdated-cold outdated --no-cache
    measure outdated-first outdated
    measure outdated outdated
    for name in outdated-first outdated; do
        cmp -s "$work/outdated-cold.out" "$work/$name.out" ||
            echo "output differs from --no-cache" >"$work/$name.failed"
    done
elif "$vncite" --help 2>&1 | grep -q "^  outdated "; then
    log "outdated over the whole corpus"
    measure outdated outdated
fi
if "$vncite" graph --help 2>&1 | grep -q -- "--no-cache"; then
    # reading the whole index twice, then with the first read from
    # DB/stream.cache (which `outdated` wrote): the two must print the same
    log "graph over the whole corpus: without DB/stream.cache, then with it"
    measure graph-cold graph --no-cache
    measure graph graph
    cmp -s "$work/graph-cold.out" "$work/graph.out" ||
        echo "output differs from --no-cache" >"$work/graph.failed"
elif "$vncite" --help 2>&1 | grep -q "^  graph "; then
    log "graph over the whole corpus"
    measure graph graph
fi

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
log "load after: $load_after"

# ---- the table -----------------------------------------------------------
results=$out/results-$docs.md
python3 "$here/report.py" --work "$work" --docs "$corpus_docs" --bytes "$corpus_bytes" \
    --corpus "$corpus" --seed "$seed" --runs "$runs" --load-before "$load_before" \
    --load-after "$load_after" --waited "$waited" --vncite "$vncite" \
    --command "tools/bench/run.sh --docs $docs --out $out --seed $seed --runs $runs --extract-mb $extract_mb" \
    >"$results"
cat "$results"
log "results written to $results"
