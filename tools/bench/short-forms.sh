#!/usr/bin/env bash
# short-forms.sh — how resolution scales with short forms (docs/BENCHMARKS.md).
#
#   tools/bench/short-forms.sh [--docs N] [--vncite PATH] [--keep DIR]
#
# Real plans cite many yearless Party and provincial documents by their full
# symbol and date ("Chỉ thị số 15-CT/TU ngày 05/01/2021") and then by number
# alone ("Chỉ thị số 15"), which the resolver settles against every other
# plan.  The generated bench corpus draws on five sample plans and so holds
# few distinct symbols; this writes N plans, each with a symbol of its own
# and a short form of another plan's, and times `vncite extract` over them.
# Time that grows with N squared means a per-citation scan of the corpus.
set -euo pipefail

docs=20000 vncite="" keep=""
while [ $# -gt 0 ]; do
    case $1 in
    --docs) docs=$2; shift 2 ;;
    --vncite) vncite=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "short-forms.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
case $docs in '' | *[!0-9]*) echo "short-forms.sh: --docs needs a number, not '$docs'" >&2; exit 2 ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
[ -n "$vncite" ] || vncite=$root/build-bench/vncite
[ -x "$vncite" ] || { echo "short-forms.sh: no vncite at $vncite; build it or pass --vncite" >&2; exit 2; }

dir=${keep:-$(mktemp -d)}
[ -n "$keep" ] || trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir"
awk -v n="$docs" -v dir="$dir" 'BEGIN {
    for (i = 1; i <= n; i++) {
        f = sprintf("%s/p%07d.txt", dir, i)
        printf "KẾ HOẠCH\nThực hiện Chỉ thị số %d-CT/TU ngày 05/01/2021 của Ban Thường vụ Tỉnh ủy.\n", i > f
        printf "Theo Chỉ thị số %d của Ban Thường vụ Tỉnh ủy.\n", (i * 7) % n + 1 > f
        close(f)
    }
}'
out=$dir.out
/usr/bin/time -f "%e %M" -o "$dir.time" "$vncite" extract --no-registry --json "$dir" >"$out"
resolved=$(grep -c '"kind":"short".*"instrument":"[0-9]' "$out" || true)
read -r wall rss <"$dir.time"
rm -f "$out" "$dir.time"
echo "docs=$docs short_forms_resolved=$resolved wall_s=$wall peak_rss_kb=$rss"
[ "$resolved" -eq "$docs" ] || { echo "short-forms.sh: expected $docs resolved short forms" >&2; exit 1; }
