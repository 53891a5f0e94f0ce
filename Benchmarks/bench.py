#!/usr/bin/env python3
"""Times `openclaw security audit --json` on the bundled examples against two floors:
`/bin/true` (process start-up) and `stat` of the same files (the least I/O an audit
can do). Prints the median and p90 of repeated runs, in milliseconds.

usage: Benchmarks/bench.py [--bin .build/release/openclaw] [--runs 50]
Build first: swift build -c release
"""
import argparse, os, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def time_command(args, env, runs):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.9) - 1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/openclaw"))
    ap.add_argument("--runs", type=int, default=50)
    a = ap.parse_args()
    if not os.path.exists(a.bin):
        sys.exit(f"{a.bin} not found: run `swift build -c release` first")
    print(f"{'command':<48} {'median ms':>10} {'p90 ms':>8}")
    for example in ("hardened", "risky"):
        state = os.path.join(ROOT, "Examples", example)
        files = [os.path.join(dp, f) for dp, _, fs in os.walk(state) for f in fs]
        env = {k: v for k, v in os.environ.items() if not k.startswith("OPENCLAW_")}
        env.update({"OPENCLAW_STATE_DIR": state, "HOME": state})
        rows = [
            ("/bin/true", ["/bin/true"]),
            (f"stat ({len(files)} files of {example})", ["stat", "--format=%a", state] + files),
            (f"openclaw security audit --json ({example})", [a.bin, "security", "audit", "--json"]),
        ]
        for label, args in rows:
            median, p90 = time_command(args, env, a.runs)
            print(f"{label:<48} {median:>10.2f} {p90:>8.2f}")


if __name__ == "__main__":
    main()
