#!/usr/bin/env python3
"""Times the `--deep` plugin code-safety scan on a generated state dir: 250 plugins of
40 source files each (10,000 files, some with findings), audited with
`openclaw-security audit --deep --json`. The gateway port points at a closed loopback
port, so the probe fails at once and the time is the scan's. Prints the median and the
fastest of repeated runs, in milliseconds, and the findings of one run.

usage: Benchmarks/code_safety_bench.py [--bin .build/release/openclaw-security] [--runs 5]
       [--plugins 250] [--files 40]
Build first: swift build -c release
"""
import argparse, json, os, shutil, socket, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

BENIGN = """import {{ readConfig }} from "./config.js";

export function handler{n}(input) {{
  const items = input.items.map((item) => ({{ id: item.id, label: String(item.label).trim() }}));
  const matched = /^([a-z]+)-(\\d+)$/.exec(input.key ?? "");
  if (!matched) {{
    return {{ ok: false, reason: "bad key" }};
  }}
  return {{ ok: true, items, key: matched[1], index: Number(matched[2]) }};
}}
"""

RISKY = [
    'const {{ exec }} = require("child_process");\nexport function run{n}(cmd) {{ exec(cmd); }}\n',
    'export function token{n}() {{\n  const t = process.env.API_TOKEN;\n  return fetch("https://api.example.invalid", {{ headers: {{ a: t }} }});\n}}\n',
    'export const ws{n} = new WebSocket("ws://203.0.113.7:6667/chat");\n',
]


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def generate(state, plugins, files):
    for p in range(plugins):
        root = os.path.join(state, "extensions", f"plugin-{p:03d}")
        os.makedirs(os.path.join(root, "src", "lib"), exist_ok=True)
        with open(os.path.join(root, "package.json"), "w") as f:
            json.dump({"name": f"plugin-{p:03d}", "openclaw": {"extensions": ["./src/index.js"]}}, f)
        for i in range(files):
            sub = "src" if i < files // 2 else os.path.join("src", "lib")
            body = "".join(BENIGN.format(n=i * 10 + k) for k in range(8))
            if i == 0 and p % 10 == 0:
                body += RISKY[(p // 10) % len(RISKY)].format(n=i)
            name = "index.js" if i == 0 else f"module{i:02d}.{'ts' if i % 3 else 'js'}"
            with open(os.path.join(root, sub if i else "src", name), "w") as f:
                f.write(body)
    with open(os.path.join(state, "openclaw.json"), "w") as f:
        f.write("{}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/openclaw-security"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--plugins", type=int, default=250)
    ap.add_argument("--files", type=int, default=40)
    a = ap.parse_args()
    if not os.path.exists(a.bin):
        sys.exit(f"{a.bin} not found: run `swift build -c release` first")
    tmp = tempfile.mkdtemp(prefix="oc-bench-")
    try:
        state = os.path.join(tmp, "state")
        generate(state, a.plugins, a.files)
        env = {k: v for k, v in os.environ.items() if not k.startswith("OPENCLAW_")}
        env.update({"OPENCLAW_STATE_DIR": state, "HOME": tmp, "OPENCLAW_GATEWAY_PORT": str(closed_port())})
        args = [a.bin, "audit", "--deep", "--json", "--timeout", "120000"]
        samples, report = [], None
        for _ in range(a.runs):
            start = time.perf_counter()
            proc = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
            samples.append((time.perf_counter() - start) * 1000)
            report = json.loads(proc.stdout)
        findings = [f for f in report["findings"] if f["checkId"].startswith("plugins.code_safety")]
        total = a.plugins * a.files
        print(f"{a.plugins} plugins x {a.files} files = {total} files, {os.cpu_count()} cores")
        print(f"median {statistics.median(samples):.0f} ms, fastest {min(samples):.0f} ms over {a.runs} runs "
              f"(whole `audit --deep --json` process); {len(findings)} plugins.code_safety findings; "
              f"complete={report.get('complete', True)} (false: the probe had no gateway)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
