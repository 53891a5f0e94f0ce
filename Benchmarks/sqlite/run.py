#!/usr/bin/env python3
"""Benchmark of the deep secret scan of an OpenClaw agent database.

usage: run.py [--bin .build/release/openclaw-security] [--size-mb 1024] [--runs 5] [--seed 7]

Builds (once, cached in Benchmarks/sqlite/data/) a WAL-mode agent database of about
--size-mb MiB shaped like OpenClaw's: sessions, transcript_events with JSON events of
0.5-6 KiB, auth profiles, a WITHOUT ROWID table, blobs. 200 fake secrets (GitHub tokens
and OpenAI keys with random characters, none real) are planted in random rows, 20 of them
in rows left in the write-ahead log. Then runs `openclaw-security scan-secrets --json` on
it --runs times and prints wall time, throughput, peak resident memory and whether every
planted secret was reported at its table and rowid (and nothing else).
"""
import argparse, json, os, pathlib, random, resource, sqlite3, statistics, string, subprocess, sys, time

ALNUM = string.ascii_letters + string.digits
B64URL = ALNUM + "-_"
WORDS = ("the build ran tests passed file line output assistant user tool result message read "
         "wrote command session agent gateway config error warning ok done retry fetch parse "
         "json value table row column index cache update schema version release plugin").split()


def rand(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def secret(rng):
    if rng.random() < 0.5:
        return "ghp_" + rand(rng, ALNUM, 36)
    return "sk-proj-" + rand(rng, B64URL, 74) + "T3BlbkFJ" + rand(rng, B64URL, 74)


def event(rng, planted=None):
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(80, 1000)))
    if planted:
        words += f"\\nexport TOKEN={planted}\\n"
    role = rng.choice(["user", "assistant", "toolResult"])
    return json.dumps({"type": "message", "message": {"role": role, "content": [{"type": "text", "text": words}]}})


def build(path, size_mb, seed):
    rng = random.Random(seed)
    scratch = path.with_name("building.sqlite")
    for p in list(path.parent.glob("*.sqlite*")):
        p.unlink()
    db = sqlite3.connect(str(scratch), isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA wal_autocheckpoint=0")
    db.execute("PRAGMA synchronous=OFF")
    db.executescript("""
        CREATE TABLE schema_meta (meta_key TEXT PRIMARY KEY, role TEXT, agent_id TEXT, schema_version INTEGER, app_version TEXT);
        INSERT INTO schema_meta VALUES ('primary', 'agent', 'main', 9, '2026.9.2');
        CREATE TABLE auth_profile_store (store_key TEXT PRIMARY KEY, store_json TEXT);
        INSERT INTO auth_profile_store VALUES ('primary', '{"version":1,"profiles":{}}');
        CREATE TABLE sessions (session_id TEXT PRIMARY KEY, session_key TEXT, updated_at INTEGER) WITHOUT ROWID;
        CREATE TABLE transcript_events (id INTEGER PRIMARY KEY, session_id TEXT NOT NULL, seq INTEGER NOT NULL, event_json TEXT NOT NULL, attachment BLOB);
    """)
    target = size_mb << 20
    planted = []
    rowid = 0
    batch = []
    session = 0
    while True:
        if rowid % 500 == 0:
            session += 1
            db.execute("INSERT INTO sessions VALUES (?, ?, ?)", (f"s{session}", f"agent:main:dm:{session}", 1788000000000 + session))
        rowid += 1
        batch.append((rowid, f"s{session}", rowid, event(rng), rng.randbytes(rng.choice([0, 0, 0, 512]))))
        if len(batch) == 2000:
            db.executemany("INSERT INTO transcript_events VALUES (?, ?, ?, ?, ?)", batch)
            batch = []
            if rowid % 20000 == 0:
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                if scratch.stat().st_size >= target:
                    break
    # Plant 180 secrets in existing rows, then checkpoint; 20 more in new rows left in the log.
    for _ in range(180):
        target_row = rng.randint(1, rowid)
        value = secret(rng)
        db.execute("UPDATE transcript_events SET event_json = ? WHERE id = ?", (event(rng, value), target_row))
        planted = [p for p in planted if p["rowid"] != target_row] + [{"table": "transcript_events", "rowid": target_row}]
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for _ in range(20):
        rowid += 1
        db.execute("INSERT INTO transcript_events VALUES (?, ?, ?, ?, NULL)", (rowid, f"s{session}", rowid, event(rng, secret(rng))))
        planted.append({"table": "transcript_events", "rowid": rowid})
    path.write_bytes(scratch.read_bytes())
    pathlib.Path(str(path) + "-wal").write_bytes(pathlib.Path(str(scratch) + "-wal").read_bytes())
    db.close()
    for suffix in ("", "-wal", "-shm"):
        pathlib.Path(str(scratch) + suffix).unlink(missing_ok=True)
    (path.parent / "manifest.json").write_text(json.dumps({"sizeMB": size_mb, "seed": seed, "planted": planted}))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=".build/release/openclaw-security")
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    data = pathlib.Path(__file__).resolve().parent / "data"
    data.mkdir(exist_ok=True)
    path = data / "openclaw-agent.sqlite"
    manifest = data / "manifest.json"
    if not manifest.exists() or json.loads(manifest.read_text())[ "sizeMB"] != args.size_mb:
        started = time.time()
        build(path, args.size_mb, args.seed)
        print(f"built {path} in {time.time() - started:.1f} s", file=sys.stderr)
    planted = {(p["table"], p["rowid"]) for p in json.loads(manifest.read_text())["planted"]}
    size = path.stat().st_size + pathlib.Path(str(path) + "-wal").stat().st_size
    # Warm the page cache once, as on a machine where the gateway just wrote the file.
    subprocess.run(["cat", str(path), str(path) + "-wal"], stdout=subprocess.DEVNULL, check=True)
    times, rss = [], []
    for _ in range(args.runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        run = subprocess.run([args.bin, "scan-secrets", "--json", str(path)], capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        rss.append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        report = json.loads(run.stdout)
    found = {(f["table"], f["rowid"]) for f in report["findings"]}
    print(f"database: {size / 2**20:.0f} MiB (main file and WAL), {len(planted)} planted secrets")
    print(f"wall time: median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s over {args.runs} runs")
    print(f"throughput: {size / 2**20 / statistics.median(times):.0f} MiB/s")
    print(f"peak resident memory: {max(rss) / 1024:.0f} MiB")
    print(f"planted secrets reported: {len(planted & found)}/{len(planted)}, other findings: {len(found - planted)}, unreadable: {len(report['unreadable'])}")


if __name__ == "__main__":
    main()
