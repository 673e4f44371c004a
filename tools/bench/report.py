#!/usr/bin/env python3
"""report.py — turns the raw measurements of tools/bench/run.sh (one work
folder) into the markdown results table, with each ratio set against the
target of issue 5.  Called by run.sh; prints markdown on stdout."""
import argparse
import os
import platform
import subprocess


def percentile(values, p):
    """Nearest-rank percentile (no interpolation: every reported value was
    measured)."""
    v = sorted(values)
    if not v:
        return float("nan")
    k = max(0, min(len(v) - 1, int(-(-p * len(v) // 100)) - 1))
    return v[k]


def read_time(work, name):
    wall, user, sys_, rss = open(os.path.join(work, name + ".time")).read().split()[-4:]
    return float(wall), float(user), float(sys_), int(rss)


def read_search(path):
    """class, query, matches, [ms…] per line."""
    rows = []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 4:
            continue
        rows.append((parts[0], parts[1], parts[2], [float(x) for x in parts[3].split()]))
    return rows


def verdict(ok):
    return "met" if ok else "**missed**"


def main():
    ap = argparse.ArgumentParser()
    for opt in ("work", "docs", "bytes", "corpus", "seed", "runs", "load-before", "load-after",
                "waited", "vncite", "command"):
        ap.add_argument("--" + opt, required=True)
    a = ap.parse_args()
    work, docs, mb = a.work, int(a.docs), int(a.bytes) / 1e6

    cpu = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = int(open("/proc/meminfo").readline().split()[1]) / 1024 / 1024
    try:
        xapian = subprocess.run(["pkg-config", "--modversion", "xapian-core"],
                                capture_output=True, text=True).stdout.strip()
        sqlite = subprocess.run(["pkg-config", "--modversion", "sqlite3"],
                                capture_output=True, text=True).stdout.strip()
        pcre2 = subprocess.run(["pkg-config", "--modversion", "libpcre2-8"],
                               capture_output=True, text=True).stdout.strip()
        rg = subprocess.run(["rg", "--version"], capture_output=True,
                            text=True).stdout.split("\n")[0]
    except OSError:
        xapian = sqlite = pcre2 = rg = "?"
    p = print
    p(f"## Results: {docs} documents, {mb:.1f} MB")
    p()
    p(f"- command: `{a.command}`")
    p(f"- machine: {os.cpu_count()} cores, {cpu}, {mem:.0f} GiB RAM, {platform.system()} "
      f"{platform.release()}; Xapian {xapian}, SQLite {sqlite}, PCRE2 {pcre2}, {rg}")
    p(f"- corpus: `{a.corpus}` (gen-corpus --seed {a.seed}), files in the page cache")
    p(f"- load average before: {a.load_before} (waited {a.waited} s), after: {a.load_after}")
    p()

    # ---- indexing
    p("### Indexing (cold start to committed index)")
    p()
    p("| indexer | wall s | CPU s | docs/s | MB/s | index MB | index / corpus | peak RSS MiB |")
    p("|---|---|---|---|---|---|---|---|")
    rate = {}
    rss = {}
    ratio = {}

    def index_row(label, key, rates=True):
        """One indexing row from WORK/KEY.time and WORK/KEY.size."""
        wall, user, sys_, kib = read_time(work, key)
        size = int(open(os.path.join(work, key + ".size")).read())
        rate[key] = mb / wall
        rss[key] = kib / 1024
        ratio[key] = size / 1e6 / mb
        speed = f"{docs / wall:.0f} | {mb / wall:.2f}" if rates else " | "
        p(f"| {label} | {wall:.1f} | {user + sys_:.1f} | {speed} | {size / 1e6:.0f} | "
          f"{ratio[key]:.2f} | {kib / 1024:.0f} |")

    for key, label in [("ref", "reference indexer (Xapian, same body terms, 1 thread)"),
                       ("vncite1", "vncite index --jobs 1"),
                       ("vncite2", "vncite index --jobs 2"),
                       ("fts5", "SQLite FTS5 (unicode61 remove_diacritics 2, 1 thread)")]:
        index_row(label, key)
    if os.path.exists(os.path.join(work, "compact.size")):
        index_row("vncite index --compact (the 1-shard index: walk + compaction)", "compact",
                  rates=False)
    if os.path.exists(os.path.join(work, "small.size")):
        index_row("vncite index --jobs 2 --small (positions on the accented form only)",
                  "small")
        index_row("… then `vncite index --compact`", "small-compact", rates=False)
    rpath = os.path.join(work, "ref-compact.size")
    if os.path.exists(rpath):
        rsize = int(open(rpath).read())
        ratio["ref-compact"] = rsize / 1e6 / mb
        p(f"| reference index after `xapian-compact` | | | | | {rsize / 1e6:.0f} | "
          f"{ratio['ref-compact']:.2f} | |")
    p()

    # ---- search
    vn = read_search(os.path.join(work, "search-vncite.tsv"))
    ft = read_search(os.path.join(work, "search-fts5.tsv"))
    cli = read_search(os.path.join(work, "search-cli.tsv"))
    eng = read_search(os.path.join(work, "search-match.tsv"))
    classes = []
    for row in vn:
        if row[0] not in classes:
            classes.append(row[0])
    p(f"### Search latency, ms (ranked top 10; {a.runs} runs of every query after a warm-up)")
    p()
    p("| class | queries | vncite p50 | p95 | p99 | FTS5 p50 | p95 | p99 | vncite ahead (p50, p99) |"
      " engine only p50 / p99 | vncite CLI p50 | ripgrep ms |")
    p("|---|---|---|---|---|---|---|---|---|---|---|---|")
    rgrows = []
    rgpath = os.path.join(work, "search-rg.tsv")
    for line in open(rgpath, encoding="utf-8"):
        c, lit, n, ms = line.rstrip("\n").split("\t")
        rgrows.append((c, lit, int(n), float(ms)))
    ahead_all = True
    vn_all = []
    eng_all = [x for r in eng for x in r[3]]
    for c in classes:
        v = [x for r in vn if r[0] == c for x in r[3]]
        f = [x for r in ft if r[0] == c for x in r[3]]
        k = [x for r in cli if r[0] == c for x in r[3]]
        e = [x for r in eng if r[0] == c for x in r[3]]
        g = [r[3] for r in rgrows if r[0] == c]
        vn_all += v
        ahead = percentile(v, 50) < percentile(f, 50) and percentile(v, 99) < percentile(f, 99)
        ahead_all &= ahead
        n = len([r for r in vn if r[0] == c])
        p(f"| {c} | {n} | {percentile(v, 50):.1f} | {percentile(v, 95):.1f} | "
          f"{percentile(v, 99):.1f} | {percentile(f, 50):.1f} | {percentile(f, 95):.1f} | "
          f"{percentile(f, 99):.1f} | {'yes' if ahead else 'no'} | "
          f"{percentile(e, 50):.2f} / {percentile(e, 99):.2f} | {percentile(k, 50):.0f} | "
          f"{'/'.join(f'{x:.0f}' for x in g) if g else '—'} |")
    p(f"| all | {len(vn)} | {percentile(vn_all, 50):.1f} | {percentile(vn_all, 95):.1f} | "
      f"{percentile(vn_all, 99):.1f} | | | | | "
      f"{percentile(eng_all, 50):.2f} / {percentile(eng_all, 99):.2f} | | |")
    p()
    smpath = os.path.join(work, "search-small.tsv")
    if os.path.exists(smpath):
        sm = read_search(smpath)
        differ = sum(x[2] != y[2] for x, y in zip(eng, sm))
        p("Engine only (parse, match, top 10), the default index (2 shards, as written) against "
          "the `--small` one (2 shards, compacted); Xapian's match estimates "
          + (f"differ for {differ} queries (estimates, not results: tests/e2e/t36 compares "
             "the results)" if differ else "are the same") + ":")
        p()
        p("| class | default p50 / p99 | `--small` p50 / p99 |")
        p("|---|---|---|")
        for c in classes + ["all"]:
            d = [x for r in eng if c in (r[0], "all") for x in r[3]]
            m = [x for r in sm if c in (r[0], "all") for x in r[3]]
            p(f"| {c} | {percentile(d, 50):.2f} / {percentile(d, 99):.2f} | "
              f"{percentile(m, 50):.2f} / {percentile(m, 99):.2f} |")
        p()
    p("Matches per query (vncite: Xapian's estimate, as `vncite search` prints it; FTS5: exact "
      "count; rg: files with the literal, accents exact):")
    p()
    p("| class | vncite query | vncite | FTS5 MATCH | FTS5 |")
    p("|---|---|---|---|---|")
    for rv, rf in zip(vn, ft):
        p(f"| {rv[0]} | `{rv[1]}` | {rv[2]} | `{rf[1]}` | {rf[2]} |")
    p()
    p("| ripgrep literal | files | ms |")
    p("|---|---|---|")
    for r in rgrows:
        p(f"| `{r[1]}` | {r[2]} | {r[3]:.0f} |")
    p()

    # ---- extraction
    ex = dict(kv.split("=") for kv in open(os.path.join(work, "extract.out")).read().split())
    p("### Citation extraction (one core, normalised text in memory)")
    p()
    p("| stage | MB/s | found |")
    p("|---|---|---|")
    p(f"| text pipeline (read, decode, clean, NFC) | {float(ex['pipeline_mbs']):.0f} | |")
    p(f"| vncite extractor (vn_extract, with registry) | {float(ex['extract_mbs']):.0f} | "
      f"{ex['citations']} citations |")
    p(f"| PCRE2 one-pass baseline (JIT, UTF) | {float(ex['pcre2_mbs']):.0f} | "
      f"{ex['pcre2_matches']} symbol matches |")
    p(f"| pipeline + extractor | {float(ex['extract_with_pipeline_mbs']):.0f} | |")
    p()
    p(f"Over {ex['docs']} documents, {ex['text_mb']} MB of normalised text.")
    p()

    # ---- outdated, graph
    p("### `outdated`, `graph` over the whole corpus")
    p()
    extra = {}
    what = {
        "outdated-cold": "`vncite outdated --no-cache` (reads and resolves the whole corpus)",
        "outdated-first": "`vncite outdated`, first run (the same, and writes DB/outdated.cache "
                          "and DB/stream.cache)",
        "outdated": "`vncite outdated`, next run (reads DB/outdated.cache)",
        "graph-cold": "`vncite graph --no-cache` (reads the index twice)",
        "graph": "`vncite graph` (its first read from DB/stream.cache, where the build has it)",
    }
    for cmd in ("outdated-cold", "outdated-first", "outdated", "graph-cold", "graph"):
        t = os.path.join(work, cmd + ".time")
        failed = os.path.join(work, cmd + ".failed")
        if os.path.exists(failed):
            p(f"- {what[cmd]}: {open(failed).read().strip()}")
        elif os.path.exists(t):
            wall, user, sys_, kib = read_time(work, cmd)
            extra[cmd] = wall
            lines = open(os.path.join(work, cmd + ".lines")).read().strip()
            p(f"- {what[cmd]}: {wall:.2f} s wall, {user + sys_:.2f} s CPU, "
              f"peak RSS {kib / 1024:.0f} MiB, {lines} lines of output")
        elif cmd in ("outdated", "graph"):
            p(f"- `{cmd}`: not measured (not a command of this build of vncite)")
    p()

    # ---- targets
    r1 = rate["vncite1"] / rate["ref"]
    r2 = rate["vncite2"] / rate["vncite1"]
    peak = max(rss["vncite1"], rss["vncite2"], rss.get("compact", 0), rss.get("small", 0))
    ext = float(ex["extract_mbs"])
    extx = ext / float(ex["pcre2_mbs"])
    ranked99 = percentile(vn_all, 99)
    p("### Targets (issue 5)")
    p()
    p("| target | measured | verdict |")
    p("|---|---|---|")
    p(f"| vncite 1 core ≥ 0.8× reference indexer | {r1:.2f}× | {verdict(r1 >= 0.8)} |")
    p(f"| vncite 2 cores ≥ 1.6× its 1 core | {r2:.2f}× | {verdict(r2 >= 1.6)} |")
    p(f"| peak RSS < 512 MB | {peak:.0f} MiB | {verdict(peak * 1.048576 < 512)} |")
    p(f"| index ≤ 1.3× corpus | {ratio['vncite1']:.2f}× (1 shard), {ratio['vncite2']:.2f}× "
      f"(2 shards)"
      + (f"; {ratio['compact']:.2f}× with `--compact`" if "compact" in ratio else "")
      + (f" (reference compacted: {ratio['ref-compact']:.2f}×)" if "ref-compact" in ratio else "")
      + (f"; `--small` {ratio['small']:.2f}×, {ratio['small-compact']:.2f}× with `--compact`"
         if "small" in ratio else "")
      + f" | {verdict(min(ratio['vncite1'], ratio['vncite2'], ratio.get('compact', 99)) <= 1.3)}"
      + (f" (default); `--small --compact`: {verdict(ratio['small-compact'] <= 1.3)}"
         if "small" in ratio else "") + " |")
    p(f"| FTS5 (report only) | vncite 2 cores {rate['vncite2'] / rate['fts5']:.2f}× FTS5 speed; "
      f"FTS5 index {ratio['fts5']:.2f}× corpus | — |")
    note = "" if docs >= 100000 else " (target is at 100k documents)"
    p(f"| search p99 ≤ 10 ms, ranked top 10{note} | {ranked99:.1f} ms | "
      f"{verdict(ranked99 <= 10)} |")
    p(f"| ahead of FTS5 on every query class (p50 and p99) | see table | {verdict(ahead_all)} |")
    p(f"| extraction ≥ 150 MB/s, one core | {ext:.0f} MB/s | {verdict(ext >= 150)} |")
    p(f"| extraction ≥ 5× PCRE2 | {extx:.2f}× | {verdict(extx >= 5)} |")
    if "outdated" in extra:
        note = "" if docs >= 100000 else f" (at {docs} documents; target is at 100k)"
        cold = (f"; {extra['outdated-cold']:.2f} s without the cache"
                if "outdated-cold" in extra else "")
        p(f"| `outdated` < 1 s{note} | {extra['outdated']:.2f} s{cold} | "
          f"{verdict(extra['outdated'] < 1)} (with the cache) |")
    else:
        p("| `outdated` < 1 s at 100k | not measured | — |")


if __name__ == "__main__":
    main()
