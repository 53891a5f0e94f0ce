#!/usr/bin/env python3
"""Times `openclaw-security audit --deep --json` against a gateway that accepts the
connection and never answers (the probe waits its whole --timeout), on a large state dir
(bench.py's generator), so that the probe's wait and the file walk can overlap.

usage: Benchmarks/deep_probe_overlap.py [--bin .build/release/openclaw-security] [--runs 5]
       [--timeout 2000] [--agents 10] [--sessions 100000]
"""
import argparse, os, shutil, socket, statistics, subprocess, sys, tempfile, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from bench import make_large_state  # noqa: E402


def silent_gateway():
    """A loopback listener that accepts and then never reads or writes."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    held = []

    def accept():
        while True:
            try:
                held.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    return server


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", nargs="+", default=[os.path.join(os.path.dirname(HERE), ".build/release/openclaw-security")])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--timeout", type=int, default=2000)
    ap.add_argument("--agents", type=int, default=10)
    ap.add_argument("--sessions", type=int, default=100000)
    a = ap.parse_args()
    server = silent_gateway()
    root = tempfile.mkdtemp(prefix="openclaw-deep-bench-")
    try:
        state = make_large_state(root, a.agents, a.sessions)
        env = {k: v for k, v in os.environ.items() if not k.startswith("OPENCLAW_")}
        env.update({"OPENCLAW_STATE_DIR": state, "HOME": root,
                    "OPENCLAW_GATEWAY_PORT": str(server.getsockname()[1])})
        print(f"{'binary':<56} {'median ms':>10} {'min ms':>8} {'max ms':>8}")
        for binary in a.bin:
            for args, label in (([], "audit --json"), (["--deep", "--timeout", str(a.timeout)], "audit --deep --json")):
                samples = []
                for _ in range(a.runs):
                    start = time.perf_counter()
                    subprocess.run([binary, "audit", "--json", *args], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
                    samples.append((time.perf_counter() - start) * 1000)
                print(f"{binary + ' ' + label:<56} {statistics.median(samples):>10.1f} {min(samples):>8.1f} {max(samples):>8.1f}")
    finally:
        server.close()
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
