/// `openclaw-security advisories`: what the advisory data holds, or what affects one
/// release, as osv-scanner's table lists vulnerabilities (one row per advisory: id, CVE,
/// severity, affected ranges, fixed release, summary), and the same as JSON.
public struct AdvisoryListing: Sendable {
    public var facts: AdvisoryFacts
    /// `--openclaw-version`: only what affects it.
    public var version: OpenClawVersion?

    public init(facts: AdvisoryFacts, version: OpenClawVersion?) {
        self.facts = facts
        self.version = version
    }

    public var assessment: ReleaseAssessment? {
        version.map { ReleaseAssessment(version: $0, advisories: facts.database.advisories) }
    }

    /// Whether a release was given and advisories affect it (the command's exit status 3).
    public var releaseIsAffected: Bool { !(assessment?.affected.isEmpty ?? true) }

    private struct Row {
        var advisory: Advisory
        var fixed: String
        var ranges: String
    }

    private var rows: [Row] {
        if let assessment {
            return (assessment.affected + assessment.unconfirmed).map { match in
                Row(advisory: match.advisory, fixed: match.fixedIn?.description ?? "-", ranges: match.matchedRanges.joined(separator: "; "))
            }
        }
        return facts.database.advisories.map { advisory in
            let fixes = advisory.affected.flatMap(\.ranges).compactMap(\.fixed)
            return Row(advisory: advisory, fixed: fixes.max()?.description ?? "-", ranges: Self.ranges(advisory))
        }
    }

    static func ranges(_ advisory: Advisory) -> String {
        advisory.affected.map { package in
            let parts = package.ranges.map(\.description) + package.versions.map { "= \($0)" }
            return "\(package.name) \(parts.joined(separator: ", "))"
        }.joined(separator: "; ")
    }

    public func text() -> String {
        var lines = headline
        let rows = self.rows
        if !rows.isEmpty {
            let header = ["ID", "CVE", "SEVERITY", "AFFECTED", "FIXED", "SUMMARY"]
            let cells = rows.map { row in
                [row.advisory.id, row.advisory.cve ?? "-", row.advisory.severity.rawValue, row.ranges, row.fixed,
                 Self.clipped(row.advisory.summary, 100)]
            }
            lines.append("")
            lines += TextTable.render(header: header, rows: cells)
        }
        if let assessment, !assessment.unconfirmed.isEmpty {
            lines.append("")
            lines.append("\(assessment.unconfirmed.count) of these cover \(assessment.version) by number only: extended-stable builds receive back-ports the ranges do not record, so they may not affect it.")
        }
        if let assessment, let target = assessment.upgradeTarget {
            lines.append("")
            lines.append("Upgrade to \(target) or later: the lowest release that fixes all of them and that no other advisory with a fix covers.")
        }
        if facts.isStale, let age = facts.age {
            lines.append("")
            lines.append("The data is \(age) days old: advisories published since are not listed. Pass a newer OSV export with --advisories (OSV's npm all.zip).")
        }
        return lines.map { TerminalText.sanitized($0) }.joined(separator: "\n") + "\n"
    }

    private var headline: [String] {
        let database = facts.database
        let data = "Advisory data: \(database.label), \(database.advisories.count) advisories for openclaw, clawdbot and moltbot."
        guard let assessment else { return [data] }
        let affected = assessment.affected.count
        let verdict = affected == 0
            ? "OpenClaw \(assessment.version): no advisory in this data affects it."
            : "OpenClaw \(assessment.version) is affected by \(affected) \(affected == 1 ? "advisory" : "advisories"): "
                + assessment.countsBySeverity.map { "\($0.count) \($0.severity.rawValue)" }.joined(separator: ", ") + "."
        return [data, verdict]
    }

    static func clipped(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// `{data: {...}, openclaw?: {version, affected, upgradeTo}, advisories: [...]}`.
    public func json() -> String {
        let database = facts.database
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        var data: [(String, JSONValue)] = [
            ("source", .string(database.origin == .bundled ? "bundled" : "file")),
            ("label", .string(database.label)),
            ("date", optional(database.date)),
            ("advisories", .integer(Int64(database.advisories.count))),
        ]
        if case .path(let path) = database.origin { data.append(("path", .string(path))) }
        data.append(("ageDays", facts.age.map { .integer($0) } ?? .null))
        data.append(("stale", .bool(facts.isStale)))
        data.append(("dropped", .object([
            ("withdrawn", .integer(Int64(database.counts.withdrawn))),
            ("duplicates", .integer(Int64(database.counts.duplicates))),
            ("otherPackages", .integer(Int64(database.counts.otherPackages))),
        ])))
        var members: [(String, JSONValue)] = [("data", .object(data))]
        if let assessment {
            members.append(("openclaw", .object([
                ("version", .string(assessment.version.description)),
                ("extendedStable", .bool(assessment.version.isExtendedStable)),
                ("affected", .integer(Int64(assessment.affected.count))),
                ("unconfirmed", .integer(Int64(assessment.unconfirmed.count))),
                ("upgradeTo", optional(assessment.upgradeTarget?.description)),
            ])))
            let unconfirmed = Set(assessment.unconfirmed.map(\.advisory.id))
            members.append(("advisories", .array((assessment.affected + assessment.unconfirmed).map { match in
                Self.document(match.advisory, extra: [
                    ("status", .string(unconfirmed.contains(match.advisory.id) ? "unknown" : "affected")),
                    ("matchedRanges", .array(match.matchedRanges.map(JSONValue.string))),
                    ("fixedIn", optional(match.fixedIn?.description)),
                ])
            })))
        } else {
            members.append(("advisories", .array(database.advisories.map { Self.document($0, extra: []) })))
        }
        return JSONValue.object(members).rendered() + "\n"
    }

    static func document(_ advisory: Advisory, extra: [(String, JSONValue)]) -> JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        var members: [(String, JSONValue)] = [
            ("id", .string(advisory.id)),
            ("aliases", .array(advisory.aliases.map(JSONValue.string))),
            ("severity", .string(advisory.severity.rawValue)),
            ("summary", .string(advisory.summary)),
            ("published", optional(advisory.published)),
            ("cvss", optional(advisory.cvssVector)),
            ("affected", .array(advisory.affected.map { package in
                .object([
                    ("package", .string(package.name)),
                    ("ranges", .array(package.ranges.map { .string($0.description) })),
                    ("versions", .array(package.versions.map { .string($0.description) })),
                    ("fixed", .array(package.ranges.compactMap(\.fixed).map { .string($0.description) })),
                ])
            })),
        ]
        members += extra
        return .object(members)
    }
}

/// Columns padded to their widest cell, two spaces apart; the last column is not padded.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> [String] {
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        return ([header] + rows).map { cells in
            cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }
    }
}
