#!/usr/bin/env python3
"""Start-up cost of `openclaw-security audit`, measured in one hyperfine run against two
floors, with the goals of the shipping issue:

- the hardened example audited within 8x `/bin/true` (a process start);
- a 10-agent, 20,000-transcript state dir audited within 1.25x
  `find DIR -printf '%m %p\\n'` over the same tree (one lstat a file, the least an audit
  of permissions can do).

`docker` stays on PATH as on a user's machine: the audit must not pay for it when no
daemon can answer. Build first: `make stage` (or `swift build -c release
--static-swift-stdlib`).

usage: Benchmarks/startup.py [--bin .build/stage/bin/openclaw-security] [--runs 200] [--json FILE]
"""
import argparse, json, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from bench import make_large_state  # noqa: E402  (the same generated tree as bench.py)


def hyperfine(commands, env, runs, export):
    args = ["hyperfine", "--shell=none", "--warmup", "5", "--runs", str(runs), "--export-json", export]
    for name, command in commands:
        args += ["--command-name", name, command]
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL)
    with open(export) as f:
        return {r["command"]: r for r in json.load(f)["results"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/stage/bin/openclaw-security"))
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--large-runs", type=int, default=30)
    ap.add_argument("--json", help="also write the raw hyperfine results here")
    a = ap.parse_args()
    if not shutil.which("hyperfine"):
        sys.exit("hyperfine not found (Debian: apt-get install hyperfine)")
    binary = os.path.abspath(a.bin)
    if not os.path.exists(binary):
        sys.exit(f"{binary} not found: run `make stage` first")
    docker = shutil.which("docker")
    root = tempfile.mkdtemp(prefix="openclaw-startup-")
    try:
        home = os.path.join(root, "home")
        os.makedirs(home)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENCLAW_", "DOCKER_"))}
        env["HOME"] = home
        hardened = os.path.join(ROOT, "Examples", "hardened")
        small = hyperfine([
            ("/bin/true", "/bin/true"),
            ("openclaw-security --version", f"{binary} --version"),
            ("audit --json (hardened)", f"{binary} audit --json --state-dir {hardened}"),
        ], env, a.runs, os.path.join(root, "small.json"))
        state = make_large_state(root, 10, 20000)
        large = hyperfine([
            ("find -printf (10 agents, 20000 transcripts)", f"find {state} -printf '%m %p\\n'"),
            ("audit --json (10 agents, 20000 transcripts)", f"{binary} audit --json --state-dir {state}"),
        ], env, a.large_runs, os.path.join(root, "large.json"))
        results = {**small, **large}
        if a.json:
            with open(a.json, "w") as f:
                json.dump(results, f, indent=2)
        print(f"docker on PATH: {docker or 'no'}; binary: {binary}")
        print(f"{'command':<46} {'mean ms':>9} {'median ms':>10} {'stddev':>8}")
        for name, r in results.items():
            print(f"{name:<46} {r['mean']*1000:>9.2f} {r['median']*1000:>10.2f} {r['stddev']*1000:>8.2f}")
        goals = [
            ("hardened audit / /bin/true", results["audit --json (hardened)"]["median"] / results["/bin/true"]["median"], 8.0),
            ("large audit / find -printf",
             results["audit --json (10 agents, 20000 transcripts)"]["median"]
             / results["find -printf (10 agents, 20000 transcripts)"]["median"], 1.25),
        ]
        for label, ratio, goal in goals:
            print(f"{label:<46} {ratio:>9.2f}x  goal <= {goal}x  {'met' if ratio <= goal else 'NOT met'}")
    finally:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
