/// The check reference printed by `openclaw-security checks` and `openclaw security
/// explain ID`, rendered from the same `CheckInfo` declarations the checks use, so the
/// documentation cannot drift from the code.
public enum CheckReference {
    /// One row per check: id, severity, area, releases, fixable, title.
    public static func table(_ entries: [CheckEntry]) -> String {
        let header = ["ID", "SEVERITY", "AREA", "RELEASES", "FIXABLE", "TITLE"]
        let rows = entries.map { entry in
            [entry.id, severities(entry).joined(separator: "/"), entry.area,
             entry.provenance?.releaseColumn ?? "-",
             entry.info.map { $0.fixable ? "yes" : "no" } ?? "-",
             entry.info?.title ?? "(not implemented yet)"]
        }
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }
            return padded.joined(separator: "  ")
        }
        let implemented = entries.filter(\.implemented).count
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
            + "\n\n\(entries.count) checks, \(implemented) implemented, \(entries.count - implemented) not implemented yet. "
            + "Details: openclaw-security explain ID\n"
            + "RELEASES: the OpenClaw releases that emit an upstream check (since…open, or since…<first release without it); ours: this tool's own.\n"
    }

    /// `{ version, checks: [...] }`; with `examples`, each check carries its trigger and
    /// pass examples too.
    public static func json(_ entries: [CheckEntry], examples: Bool = false) -> String {
        JSONValue.object([
            ("version", .string(SecurityAuditVersion.current)),
            ("checks", .array(entries.map { document($0, examples: examples) })),
        ]).rendered() + "\n"
    }

    static func document(_ entry: CheckEntry, examples: Bool) -> JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        var members: [(String, JSONValue)] = [
            ("id", .string(entry.id)),
            ("title", optional(entry.info?.title)),
            ("severity", optional(entry.info?.severity.defaultSeverity.rawValue)),
            ("severities", .array(severities(entry).filter { $0 != "-" }.map(JSONValue.string))),
            ("severityRule", optional(entry.info?.severity.description)),
            ("area", .string(entry.area)),
            ("fixable", .bool(entry.info?.fixable ?? false)),
            ("implemented", .bool(entry.implemented)),
            ("rationale", optional(entry.info?.rationale)),
            ("remediation", optional(entry.info?.remediation)),
            ("origin", optional(entry.provenance?.origin.rawValue)),
            ("since", optional(entry.provenance?.releases.since?.description)),
            ("until", optional(entry.provenance?.releases.until?.description)),
            ("releaseNote", optional(entry.provenance?.evidence)),
        ]
        if examples {
            func example(_ example: CheckExample) -> JSONValue {
                .object([
                    ("config", .string(example.config)),
                    ("environment", .object(example.environment.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
                    ("severity", optional(example.severity?.rawValue)),
                    ("openclawVersion", optional(example.release)),
                ])
            }
            members.append(("triggers", .array((entry.info?.triggers ?? []).map(example))))
            members.append(("passes", .array((entry.info?.passes ?? []).map(example))))
        }
        return .object(members)
    }

    /// The severities a check can report: the fixed one, or for a rule that varies the
    /// default and every severity the rule names.
    static func severities(_ entry: CheckEntry) -> [String] {
        guard let rule = entry.info?.severity else { return ["-"] }
        switch rule {
        case .fixed(let severity):
            return [severity.rawValue]
        case .varies(let fallback, let text):
            let words = Set(text.split { !$0.isLetter }.map(String.init))
            return Severity.allCases.filter { $0 == fallback || words.contains($0.rawValue) }.sorted().map(\.rawValue)
        }
    }

    /// Everything known about one check, for people.
    public static func explain(_ entry: CheckEntry, asked: String? = nil) -> String {
        var lines = [entry.id]
        if let asked, asked != entry.id {
            lines[0] = "\(asked) (an instance of \(entry.id))"
        }
        guard let info = entry.info else {
            lines += ["", "Area: \(entry.area)",
                      "OpenClaw's own audit reports this id; this build does not check it yet."]
            return lines.joined(separator: "\n") + "\n"
        }
        lines += [
            "  \(info.title)",
            "",
            "Area: \(entry.area)",
            "Severity: \(info.severity.description)",
            "Fixed by --fix: \(info.fixable ? "yes" : "no")",
        ]
        if let provenance = entry.provenance {
            lines.append("Releases: \(provenance.releaseSentence)")
            if let evidence = provenance.evidence { lines.append("  \(evidence)") }
        }
        lines += [
            "",
            "Why it matters:",
            "  \(info.rationale)",
        ]
        if let remediation = info.remediation {
            lines += ["", "Remediation:", "  \(remediation)"]
        }
        func example(_ example: CheckExample) -> String {
            var text = "  \(example.config)"
            if !example.environment.isEmpty {
                text += "  with " + example.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            }
            if let release = example.release { text += "  on OpenClaw \(release)" }
            if let severity = example.severity { text += "  -> \(severity.rawValue)" }
            return text
        }
        if !info.triggers.isEmpty {
            lines += ["", "Triggered by (openclaw.json):"] + info.triggers.map(example)
        }
        if !info.passes.isEmpty {
            lines += ["", "Not triggered by:"] + info.passes.map(example)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Ids that look like what the user typed, for "unknown check" errors: ids that
    /// contain it, else ids within a few typos of it (or of their start).
    public static func suggestions(for id: String, in entries: [CheckEntry]) -> [String] {
        let needle = id.lowercased()
        let ids = entries.map(\.id)
        let containing = ids.filter { $0.lowercased().contains(needle) }
        if !containing.isEmpty { return Array(containing.prefix(5)) }
        let limit = max(2, needle.count / 4)
        let scored = ids.map { candidate -> (String, Int) in
            let lowered = candidate.lowercased()
            return (candidate, min(editDistance(needle, lowered), editDistance(needle, String(lowered.prefix(needle.count)))))
        }
        return scored.filter { $0.1 <= limit }.sorted { $0.1 < $1.1 }.prefix(3).map(\.0)
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
