#!/usr/bin/env python3
"""Times `openclaw-security audit --json` on a generated state dir with many channels and
accounts (default: 50 channels x 20 accounts, every account configured; one in five
with open groups, one in four with a pairing store). `--worst` makes every account open
with `*` allowlists, name matching and a pairing store: the most findings the channel
collector, the exposure matrix and the multi-user heuristic can produce. Prints the
median and p90 of repeated runs, in milliseconds.

usage: Benchmarks/channels_bench.py [--bin .build/release/openclaw-security] [--channels 50]
                                    [--accounts 20] [--runs 50] [--worst]
Build first: swift build -c release
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# The channels the audit models, with the credentials that make an account configured.
KNOWN = {
    "telegram": {"botToken": "123:abc"},
    "whatsapp": {},
    "discord": {"token": "discord-token"},
    "irc": {"host": "irc.example.net", "nick": "bot"},
    "googlechat": {"serviceAccountFile": "/dev/null"},
    "slack": {"botToken": "xoxb-1", "appToken": "xapp-1"},
    "signal": {"account": "+15550001"},
    "imessage": {"cliPath": "/usr/local/bin/imsg"},
    "msteams": {"appId": "a", "appPassword": "p", "tenantId": "t"},
    "mattermost": {"botToken": "mm", "baseUrl": "https://mm.example"},
    "matrix": {"homeserver": "https://m.example", "accessToken": "tok"},
}


def generate(root, channels, accounts, worst=False):
    state = os.path.join(root, "state")
    creds = os.path.join(state, "credentials")
    os.makedirs(creds)
    ids = list(KNOWN)[:channels] + [f"chan{n:02d}" for n in range(max(0, channels - len(KNOWN)))]
    config = {"channels": {}, "agents": {"list": [{"id": f"agent{n}", "tools": {"profile": "coding"}} for n in range(10)]},
              "bindings": [], "tools": {"elevated": {"allowFrom": {}}}}
    for cid in ids:
        if worst:
            section = {"groupPolicy": "open", "dmPolicy": "open", "allowFrom": ["*", "1", "2"],
                       "groups": {f"room{r}": {"allowFrom": ["@someone"]} for r in range(5)}, "accounts": {}}
        else:
            section = {"groupPolicy": "allowlist", "dmPolicy": "pairing", "allowFrom": ["1001", "1002"],
                       "groups": {f"room{r}": {} for r in range(3)}, "accounts": {}}
        for a in range(accounts):
            account = dict(KNOWN.get(cid, {"token": "x"}))
            if worst:
                account.update({"groupPolicy": "open", "dmPolicy": "open", "allowFrom": ["*"],
                                "dangerouslyAllowNameMatching": a % 2 == 0})
            elif a % 5 == 0:
                account["groupPolicy"] = "open"
            section["accounts"][f"acct{a:02d}"] = account
            if worst or a % 4 == 0:
                with open(os.path.join(creds, f"{cid}-acct{a:02d}-allowFrom.json"), "w") as f:
                    json.dump({"version": 1, "allowFrom": [f"{n}" for n in range(10 if worst else 3)]}, f)
            if cid == "whatsapp":
                os.makedirs(os.path.join(creds, "whatsapp", f"acct{a:02d}"))
                with open(os.path.join(creds, "whatsapp", f"acct{a:02d}", "creds.json"), "w") as f:
                    f.write('{"me": {}}')
            config["bindings"].append({"agentId": f"agent{a % 10}", "match": {"channel": cid, "accountId": f"acct{a:02d}"}})
        config["channels"][cid] = section
        config["tools"]["elevated"]["allowFrom"][cid] = [str(n) for n in range(30 if worst else 3)]
    with open(os.path.join(state, "openclaw.json"), "w") as f:
        json.dump(config, f, indent=2)
    return state


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build/release/openclaw-security"))
    ap.add_argument("--channels", type=int, default=50)
    ap.add_argument("--accounts", type=int, default=20)
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--worst", action="store_true")
    a = ap.parse_args()
    if not os.path.exists(a.bin):
        sys.exit(f"{a.bin} not found: run `swift build -c release` first")
    with tempfile.TemporaryDirectory() as root:
        state = generate(root, a.channels, a.accounts, a.worst)
        env = {k: v for k, v in os.environ.items() if not k.startswith("OPENCLAW_")}
        env.update({"OPENCLAW_STATE_DIR": state, "HOME": root})
        args = [a.bin, "audit", "--json"]
        out = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
        findings = len(json.loads(out.stdout)["findings"]) if out.stdout.strip() else "?"
        samples = []
        for _ in range(a.runs):
            start = time.perf_counter()
            subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            samples.append((time.perf_counter() - start) * 1000)
        samples.sort()
        kind = "worst case" if a.worst else "typical"
        label = f"{a.channels} channels x {a.accounts} accounts, {kind} ({findings} findings)"
        print(f"{'command':<64} {'median ms':>10} {'p90 ms':>8}")
        print(f"{label:<64} {statistics.median(samples):>10.2f} {samples[int(len(samples) * 0.9) - 1]:>8.2f}")


if __name__ == "__main__":
    main()
