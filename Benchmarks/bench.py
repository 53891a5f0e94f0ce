#!/usr/bin/env python3
"""Times `openclaw-security audit --json` on the bundled examples against two floors:
`/bin/true` (process start-up) and `stat` of the same files (the least I/O an audit
can do). Prints the median and p90 of repeated runs, in milliseconds.

Also generates a large state dir (--agents agents, --sessions session transcripts in
all, each agent with auth-profiles.json and sessions.json) and times the audit of it.

usage: Benchmarks/bench.py [--bin .build/release/openclaw-security] [--runs 50] [--agents 10] [--sessions 20000]
Build first: swift build -c release
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

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


def make_large_state(root, agents, sessions):
    """A state dir with `agents` agents sharing `sessions` transcripts; one transcript
    in a hundred is left world-readable so the transcript check has work to report."""
    state = os.path.join(root, "state")
    os.makedirs(state, mode=0o700)
    ids = [f"agent{i:02d}" for i in range(agents)]
    with open(os.path.join(state, "openclaw.json"), "w") as f:
        f.write('{ agents: { list: [' + ", ".join(f'{{ id: "{i}" }}' for i in ids) + '] } }\n')
    os.chmod(os.path.join(state, "openclaw.json"), 0o600)
    for index, agent in enumerate(ids):
        sessions_dir = os.path.join(state, "agents", agent, "sessions")
        os.makedirs(sessions_dir)
        os.makedirs(os.path.join(state, "agents", agent, "agent"))
        for name, path in (("{}", os.path.join(state, "agents", agent, "agent", "auth-profiles.json")),
                           ("{}", os.path.join(sessions_dir, "sessions.json"))):
            with open(path, "w") as f:
                f.write(name)
            os.chmod(path, 0o600)
        share = sessions // agents + (1 if index < sessions % agents else 0)
        for n in range(share):
            path = os.path.join(sessions_dir, f"{n:06d}.jsonl")
            with open(path, "w") as f:
                f.write('{"type":"message"}\n')
            os.chmod(path, 0o644 if n % 100 == 0 else 0o600)
    return state


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/openclaw-security"))
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--agents", type=int, default=10)
    ap.add_argument("--sessions", type=int, default=20000)
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
            (f"openclaw-security audit --json ({example})", [a.bin, "audit", "--json"]),
        ]
        for label, args in rows:
            median, p90 = time_command(args, env, a.runs)
            print(f"{label:<48} {median:>10.2f} {p90:>8.2f}")
    root = tempfile.mkdtemp(prefix="openclaw-bench-")
    try:
        state = make_large_state(root, a.agents, a.sessions)
        env = {k: v for k, v in os.environ.items() if not k.startswith("OPENCLAW_")}
        env.update({"OPENCLAW_STATE_DIR": state, "HOME": root})
        label = f"audit, {a.agents} agents / {a.sessions} sessions"
        median, p90 = time_command([a.bin, "audit", "--json"], env, a.runs)
        print(f"{label:<48} {median:>10.2f} {p90:>8.2f}")
    finally:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
