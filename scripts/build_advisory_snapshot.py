#!/usr/bin/env python3
"""Builds the advisory snapshot bundled in openclaw-security from OSV records.

    scripts/build_advisory_snapshot.py INPUT... [--date YYYY-MM-DD] [--output FILE]

Each INPUT is an OSV JSON file (one record, a list of records, or {"vulns": [...]}),
a folder of such files (walked recursively), or OSV's per-ecosystem zip export
(npm/all.zip). The output (default Sources/SecurityAudit/Advisories/
BundledAdvisorySnapshot.swift) is a Swift source holding one line per advisory, which
`BundledAdvisorySnapshot.database` decodes at run time through the same range reader
as `--advisories`.

Kept: records with an `affected` entry for an npm package of the lineage (openclaw,
clawdbot, moltbot) that has SEMVER/ECOSYSTEM events or exact versions. Dropped:
withdrawn records, GitHub's "Duplicate Advisory" records, repeats of one id (the most
recently modified wins), and non-GHSA records whose id a GHSA record lists as an alias.
The snapshot's date is --date, else the newest `modified` of the input.

Line format (fields separated by a tab):
    id  aliases(,)  severity  published  modified  cvss  affected  summary
affected: packages separated by ';', each NAME:RANGE|RANGE..., a RANGE being events
separated by ',' as K=VERSION with K one of i (introduced), f (fixed), l (last_affected),
x (limit), v (an exact affected version).
"""

import argparse
import json
import os
import re
import sys
import zipfile

LINEAGE = ("openclaw", "clawdbot", "moltbot")
EVENT_KEYS = {"introduced": "i", "fixed": "f", "last_affected": "l", "limit": "x"}
DEFAULT_OUTPUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "SecurityAudit", "Advisories",
    "BundledAdvisorySnapshot.swift")
VERSION = re.compile(r"^[0-9A-Za-z.+-]+$")


def records_of(document):
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and "id" not in document and isinstance(document.get("vulns"), list):
        return document["vulns"]
    return [document]


def read_inputs(paths):
    """Yields (origin, record) for every record of every input."""
    for path in paths:
        if os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.endswith(".json") and not name.startswith("."):
                        full = os.path.join(folder, name)
                        with open(full, encoding="utf-8") as handle:
                            for record in records_of(json.load(handle)):
                                yield full, record
        elif zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                for info in archive.infolist():
                    if info.is_dir() or not info.filename.endswith(".json"):
                        continue
                    raw = archive.read(info)
                    if not any(('"%s"' % name).encode() in raw for name in LINEAGE):
                        continue
                    for record in records_of(json.loads(raw)):
                        yield "%s:%s" % (path, info.filename), record
        else:
            with open(path, encoding="utf-8") as handle:
                for record in records_of(json.load(handle)):
                    yield path, record


def day(timestamp):
    if isinstance(timestamp, str) and re.match(r"^\d{4}-\d{2}-\d{2}", timestamp):
        return timestamp[:10]
    return ""


def one_line(text):
    words = " ".join((text or "").split())
    return words if len(words) <= 200 else words[:199] + "\u2026"


def check_version(value, origin, record_id):
    if not isinstance(value, str) or not VERSION.match(value):
        sys.exit("%s: advisory %s: unusable version %r" % (origin, record_id, value))
    return value


def affected_field(record, origin):
    packages = []
    for entry in record.get("affected") or []:
        package = entry.get("package") or {}
        if package.get("ecosystem") != "npm" or package.get("name") not in LINEAGE:
            continue
        ranges = []
        for rng in entry.get("ranges") or []:
            if rng.get("type") not in ("SEMVER", "ECOSYSTEM"):
                continue
            events = []
            for event in rng.get("events") or []:
                if len(event) != 1:
                    sys.exit("%s: advisory %s: malformed event %r" % (origin, record["id"], event))
                (kind, value), = event.items()
                if kind not in EVENT_KEYS:
                    sys.exit("%s: advisory %s: unknown event %r" % (origin, record["id"], kind))
                events.append("%s=%s" % (EVENT_KEYS[kind], check_version(value, origin, record["id"])))
            if events:
                ranges.append(",".join(events))
        versions = [check_version(v, origin, record["id"]) for v in entry.get("versions") or []]
        if versions:
            ranges.append(",".join("v=" + v for v in versions))
        if ranges:
            packages.append("%s:%s" % (package["name"], "|".join(ranges)))
    return ";".join(packages)


def build(paths):
    kept = {}
    counts = {"records": 0, "withdrawn": 0, "duplicates": 0, "other packages": 0}
    newest = ""
    for origin, record in read_inputs(paths):
        counts["records"] += 1
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            sys.exit("%s: not an OSV record" % origin)
        modified = day(record.get("modified"))
        newest = max(newest, modified)
        summary = one_line(record.get("summary") or record.get("details") or "")
        if record.get("withdrawn"):
            counts["withdrawn"] += 1
            continue
        if summary.lower().startswith("duplicate advisory"):
            counts["duplicates"] += 1
            continue
        affected = affected_field(record, origin)
        if not affected:
            counts["other packages"] += 1
            continue
        aliases = [a.strip() for a in record.get("aliases") or [] if isinstance(a, str) and a.strip()]
        aliases = [a for a in aliases if a.startswith("CVE-")] + [a for a in aliases if not a.startswith("CVE-")]
        cvss = next((s.get("score", "") for s in record.get("severity") or []
                     if str(s.get("type", "")).startswith("CVSS")), "")
        severity = str((record.get("database_specific") or {}).get("severity") or "").lower()
        severity = {"medium": "moderate"}.get(severity, severity)
        if severity not in ("critical", "high", "moderate", "low"):
            severity = "unknown"
        row = {
            "id": record["id"].strip(), "aliases": aliases, "severity": severity,
            "published": day(record.get("published")), "modified": modified, "cvss": cvss,
            "affected": affected, "summary": summary or "(no summary)",
        }
        previous = kept.get(row["id"])
        if previous is not None:
            counts["duplicates"] += 1
            if previous["modified"] > row["modified"]:
                continue
        kept[row["id"]] = row
    ghsa_aliases = {alias for row in kept.values() if row["id"].startswith("GHSA-") for alias in row["aliases"]}
    rows = []
    for row in kept.values():
        if not row["id"].startswith("GHSA-") and row["id"] in ghsa_aliases:
            counts["duplicates"] += 1
            continue
        rows.append(row)
    rows.sort(key=lambda r: r["id"])
    rows.sort(key=lambda r: r["published"], reverse=True)
    return rows, counts, newest


def render(rows, date, sources):
    lines = []
    for row in rows:
        fields = [row["id"], ",".join(row["aliases"]), row["severity"], row["published"], row["modified"],
                  row["cvss"], row["affected"], row["summary"]]
        for field in fields:
            if "\t" in field or "\n" in field or '"""#' in field:
                sys.exit("advisory %s: a field holds a tab, a newline or \"\"\"#" % row["id"])
        lines.append("\t".join(fields))
    body = "\n".join(lines)
    return (
        "// Generated by scripts/build_advisory_snapshot.py; do not edit. Rebuild with:\n"
        "//   python3 scripts/build_advisory_snapshot.py %s\n"
        "// Advisory data derived from the GitHub Advisory Database (CC-BY-4.0) in OSV form;\n"
        "// summaries are our own words.\n"
        "\n"
        "/// The advisory data built into the binary: %d advisories, data of %s.\n"
        "enum BundledAdvisorySnapshot {\n"
        "    static let date = \"%s\"\n"
        "    static let advisoryCount = %d\n"
        "    /// One advisory per line; the format is described in the script.\n"
        "    static let lines = #\"\"\"\n%s\n\"\"\"#\n"
        "}\n" % (" ".join(sources), len(rows), date, date, len(rows), body)
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", help="OSV JSON files, folders of them, or OSV zip exports")
    parser.add_argument("--date", help="the date of the data (YYYY-MM-DD); default: the newest `modified`")
    parser.add_argument("--output", default=DEFAULT_OUTPUT, help="the Swift file to write")
    args = parser.parse_args()
    rows, counts, newest = build(args.inputs)
    date = args.date or newest
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", date or ""):
        sys.exit("no date: pass --date YYYY-MM-DD")
    text = render(rows, date, args.inputs)
    temporary = args.output + ".tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, args.output)
    print("%d advisories of %d records (dropped: %d withdrawn, %d duplicates, %d other packages), data of %s -> %s"
          % (len(rows), counts["records"], counts["withdrawn"], counts["duplicates"], counts["other packages"],
             date, os.path.relpath(args.output)), file=sys.stderr)


if __name__ == "__main__":
    main()
