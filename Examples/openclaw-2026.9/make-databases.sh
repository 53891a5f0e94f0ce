#!/bin/sh
# Builds the example's SQLite databases from the .sql files beside them, in WAL mode.
# Statements after the line "-- only in the write-ahead log" stay in the -wal file, as
# the rows the gateway wrote last do. {{GITHUB_TOKEN}} becomes a freshly generated fake
# token. The databases are made group-readable (640) so that the audit has something to
# say; `openclaw-security audit --fix --state-dir .` sets them to 600.
# Needs python3 (its sqlite3 module).
set -eu
cd "$(dirname "$0")"
python3 - <<'PY'
import os, random, sqlite3, string, pathlib
alphabet = string.ascii_letters + string.digits
token = "ghp_" + "".join(random.SystemRandom().choice(alphabet) for _ in range(36))
for script in sorted(pathlib.Path(".").rglob("*.sql")):
    database = script.with_suffix(".sqlite")
    for suffix in ("", "-wal", "-shm", "-journal"):
        pathlib.Path(str(database) + suffix).unlink(missing_ok=True)
    text = script.read_text().replace("{{GITHUB_TOKEN}}", token)
    main, _, in_log = text.partition("-- only in the write-ahead log")
    in_log = in_log.split("\n", 1)[1] if in_log else ""
    scratch = database.with_name(database.name + ".building")
    connection = sqlite3.connect(str(scratch), isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA wal_autocheckpoint=0")
    connection.executescript(main)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.executescript(in_log)
    # Copied while the connection is open: closing it would checkpoint the log.
    database.write_bytes(scratch.read_bytes())
    if in_log.strip():
        pathlib.Path(str(database) + "-wal").write_bytes(pathlib.Path(str(scratch) + "-wal").read_bytes())
    connection.close()
    for suffix in ("", "-wal", "-shm"):
        pathlib.Path(str(scratch) + suffix).unlink(missing_ok=True)
    for path in (database, pathlib.Path(str(database) + "-wal")):
        if path.exists():
            os.chmod(path, 0o640)
PY
chmod 700 . && chmod 600 openclaw.json
