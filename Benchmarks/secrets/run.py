#!/usr/bin/env python3
"""Secret-scan benchmark: our scanner against ripgrep and detect-secrets.

usage: Benchmarks/secrets/run.py [--bin .build/release/openclaw-security] [--size-mb 1024]
                                 [--secrets 300] [--placeholders 200] [--ds-sample-mb 64]
                                 [--data Benchmarks/secrets/data]

Generates (once, under Benchmarks/secrets/data/, which git ignores) a state dir of
realistic JSONL session transcripts with planted secrets and planted placeholders
(generate.py), then measures on the same files, page cache warm:

- `openclaw-security scan-secrets --json` (all cores, then one core);
- `rg -n -o -f rg-patterns.txt` (ripgrep with a pattern set equivalent to our detectors;
  it has no entropy or placeholder rules);
- `detect-secrets scan --all-files` on a sample of whole transcripts (--ds-sample-mb):
  at its speed the whole corpus takes the better part of an hour, so its time is
  extrapolated to the full size by bytes; recall is measured on the sample.

Every tool also scans planted.jsonl: each planted line once, as it appears in the
transcripts, for recall and placeholders over all planted items.

Reports wall and CPU time, throughput, peak RSS (/usr/bin/time -v), recall on planted
secrets, planted placeholders reported, and hits on lines where nothing was planted.
Needs: swift build -c release; apt-get install ripgrep time; pip install detect-secrets.
"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(HERE, "data")


def timed(args, stdout_path, cwd=None):
    """Runs args under /usr/bin/time -v; returns (wall s, cpu s, peak RSS MiB, exit)."""
    with open(stdout_path, "w") as out, tempfile.NamedTemporaryFile("r") as log:
        proc = subprocess.run(["/usr/bin/time", "-v", "-o", log.name] + args, stdout=out,
                              stderr=subprocess.DEVNULL, cwd=cwd)
        text = log.read()
    field = lambda name: re.search(re.escape(name) + r":\s*(\S+)", text).group(1)
    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return seconds, cpu, int(field("Maximum resident set size (kbytes)")) / 1024, proc.returncode


def ours_hits(path, state):
    doc = json.load(open(path))
    return [(os.path.relpath(f["file"], state), f["line"]) for f in doc["findings"]]


def rg_hits(path, state):
    hits = []
    for line in open(path, errors="replace"):
        m = re.match(r"(.*?):(\d+):", line)
        if m:
            hits.append((os.path.relpath(m.group(1), state), int(m.group(2))))
    return hits


def ds_hits(path, state):
    doc = json.load(open(path))
    return [(os.path.relpath(os.path.join(state, name), state), r["line_number"])
            for name, results in doc["results"].items() for r in results]


def score(hits, planted):
    """(secrets found, secrets, placeholders reported, placeholders, hits elsewhere)."""
    lines = set(hits)
    secrets = [p for p in planted if p["planted"] == "secret"]
    placeholders = [p for p in planted if p["planted"] == "placeholder"]
    at = {(p["file"], p["line"]) for p in planted}
    return (sum((p["file"], p["line"]) in lines for p in secrets), len(secrets),
            sum((p["file"], p["line"]) in lines for p in placeholders), len(placeholders),
            sum(1 for h in hits if h not in at))


def corpus_files(state):
    return sorted(os.path.join(dp, f) for dp, _, fs in os.walk(state) for f in fs if ".jsonl" in f)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/openclaw-security"))
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--secrets", type=int, default=300)
    ap.add_argument("--placeholders", type=int, default=200)
    ap.add_argument("--ds-sample-mb", type=int, default=64)
    ap.add_argument("--data", default=DATA, help="where the corpus is generated and kept")
    ap.add_argument("--skip-detect-secrets", action="store_true", help="for a quick run")
    a = ap.parse_args()
    data = os.path.abspath(a.data)
    for tool in (a.bin, shutil.which("rg"), shutil.which("detect-secrets"), "/usr/bin/time"):
        if not tool or not os.path.exists(tool):
            sys.exit("missing a tool: swift build -c release; apt-get install ripgrep time; pip install detect-secrets")

    params = {"size_mb": a.size_mb, "secrets": a.secrets, "placeholders": a.placeholders}
    params_path = os.path.join(data, "params.json")
    if not os.path.exists(params_path) or json.load(open(params_path)) != params:
        shutil.rmtree(data, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), data, "--size-mb", str(a.size_mb),
                        "--secrets", str(a.secrets), "--placeholders", str(a.placeholders)], check=True)
        json.dump(params, open(params_path, "w"))
    state = os.path.join(data, "state")
    manifest = json.load(open(os.path.join(data, "manifest.json")))
    files = corpus_files(state)
    total = sum(os.path.getsize(f) for f in files)

    # planted.jsonl: every planted line once, as written in the transcripts.
    planted_dir = os.path.join(data, "planted")
    shutil.rmtree(planted_dir, ignore_errors=True)
    os.makedirs(planted_dir)
    by_file = {}
    for p in manifest:
        by_file.setdefault(p["file"], []).append(p)
    planted_items = []
    with open(os.path.join(planted_dir, "planted.jsonl"), "w") as out:
        n = 0
        for rel, items in by_file.items():
            wanted = {p["line"]: p for p in items}
            with open(os.path.join(state, rel)) as f:
                for number, line in enumerate(f, 1):
                    if number in wanted:
                        n += 1
                        out.write(line)
                        planted_items.append(dict(wanted[number], file="planted.jsonl", line=n))

    # detect-secrets sample: whole transcripts in path order up to the sample size.
    sample_dir = os.path.join(data, "ds-sample")
    shutil.rmtree(sample_dir, ignore_errors=True)
    os.makedirs(sample_dir)
    sample_bytes, sample_files = 0, set()
    for f in files:
        if sample_bytes >= a.ds_sample_mb * 2**20:
            break
        rel = os.path.relpath(f, state)
        shutil.copy(f, os.path.join(sample_dir, rel.replace("/", "__")))
        sample_files.add(rel)
        sample_bytes += os.path.getsize(f)
    sample_manifest = [dict(p, file=p["file"].replace("/", "__")) for p in manifest if p["file"] in sample_files]

    for f in files:  # warm the page cache so every tool reads from memory
        with open(f, "rb") as fh:
            while fh.read(1 << 24):
                pass

    out = os.path.join(data, "out")
    os.makedirs(out, exist_ok=True)
    rows = []

    def run(label, args, parse, root, planted, size, cwd=None, scale=1.0):
        path = os.path.join(out, re.sub(r"\W+", "_", label) + ".txt")
        wall, cpu, rss, _ = timed(args, path, cwd=cwd)
        found, secrets, ph, phs, other = score(parse(path, root), planted) if parse else (None,) * 5
        rows.append((label, size, wall * scale, cpu * scale, rss, found, secrets, ph, phs, other, scale != 1.0))
        print(f"  {label}: {wall:.2f} s wall, {cpu:.2f} s CPU, {rss:.0f} MiB, recall {found}/{secrets}, "
              f"placeholders {ph}/{phs}, other hits {other}", file=sys.stderr)

    print(f"corpus: {len(files)} transcripts, {total / 2**20:.0f} MiB, {a.secrets} secrets, "
          f"{a.placeholders} placeholders; load average {os.getloadavg()[0]:.2f}", file=sys.stderr)
    patterns = os.path.join(HERE, "rg-patterns.txt")
    ours = [a.bin, "security", "scan-secrets", "--json"]
    rg_base = ["rg", "--no-ignore", "--hidden", "-n", "-o", "--no-heading", "--with-filename"]
    rg = rg_base + ["-f", patterns]
    ds = ["detect-secrets", "scan", "--all-files"]
    run("openclaw scan-secrets", ours + [state], ours_hits, state, manifest, total)
    run("openclaw scan-secrets --jobs 1", ours + ["--jobs", "1", state], ours_hits, state, manifest, total)
    run("ripgrep", rg + [state], rg_hits, state, manifest, total)
    run("ripgrep -j1", rg + ["-j1", state], rg_hits, state, manifest, total)
    # ripgrep at its best, for scale: literal-prefixed provider patterns only (no
    # Telegram, Discord or assignment pattern), and one literal that never matches.
    prefixed = os.path.join(out, "rg-prefixed-patterns.txt")
    with open(patterns) as src, open(prefixed, "w") as dst:
        dst.writelines(l for l in src if l[0] not in "[(" or l.startswith("(?:AKIA") or l.startswith("(?:xox"))
    run("ripgrep, prefixed provider patterns only", rg_base + ["-f", prefixed, state], rg_hits, state, manifest, total)
    run("ripgrep, one literal that never matches", ["rg", "--no-ignore", "-c", "qqzzqqzz", state],
        None, state, manifest, total)
    # The whole audit with --deep, once the CLI has it (the transcripts are its bulk).
    probe = subprocess.run([a.bin, "audit", "--deep", "--json"], capture_output=True,
                           env=dict(os.environ, OPENCLAW_STATE_DIR=state, HOME=data))
    if probe.returncode == 0:
        run("openclaw-security audit --deep --json", ["env", f"OPENCLAW_STATE_DIR={state}", f"HOME={data}",
            a.bin, "audit", "--deep", "--json"], None, state, manifest, total)
    if not a.skip_detect_secrets:
        run(f"detect-secrets ({sample_bytes / 2**20:.0f} MiB sample, time x{total / sample_bytes:.1f})",
            ds, ds_hits, ".", sample_manifest, total, cwd=sample_dir, scale=total / sample_bytes)

    # Recall and placeholders over every planted line, for each tool.
    recall_rows = []
    for label, args, parse in (("openclaw scan-secrets", ours + [planted_dir], ours_hits),
                               ("ripgrep", rg + [planted_dir], rg_hits)):
        path = os.path.join(out, "planted_" + re.sub(r"\W+", "_", label) + ".txt")
        timed(args, path)
        recall_rows.append((label,) + score(parse(path, planted_dir), planted_items))
    if not a.skip_detect_secrets:
        path = os.path.join(out, "planted_detect_secrets.txt")
        timed(ds, path, cwd=planted_dir)
        recall_rows.append(("detect-secrets",) + score(ds_hits(path, "."), planted_items))

    lines = ["| tool | wall s | CPU s | MB/s (wall) | peak RSS MiB | recall | placeholders reported | hits elsewhere |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for label, size, wall, cpu, rss, found, secrets, ph, phs, other, est in rows:
        mark = " (est.)" if est else ""
        rate = size / 1e6 / wall
        scores = (f"{found}/{secrets} | {ph}/{phs} | {other}" if found is not None else "— | — | —")
        lines.append(f"| {label} | {wall:.2f}{mark} | {cpu:.2f}{mark} | {rate:.{0 if rate >= 10 else 2}f} | {rss:.0f} | {scores} |")
    lines += ["", "Every planted line once (planted.jsonl):", "",
              "| tool | recall | placeholders reported |", "|---|---:|---:|"]
    for label, found, secrets, ph, phs, _ in recall_rows:
        lines.append(f"| {label} | {found}/{secrets} | {ph}/{phs} |")
    table = "\n".join(lines)
    print(table)
    with open(os.path.join(data, "results.md"), "w") as f:
        f.write(table + "\n")


if __name__ == "__main__":
    main()
