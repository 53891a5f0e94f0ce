/// The output of `openclaw-security scan-secrets`: one line per secret, or one JSON
/// document. Secrets appear only redacted.
public enum SecretScanReport {
    public static func text(_ outcome: SecretScanOutcome) -> String {
        text(outcome.files, databases: outcome.databases)
    }


    /// The stderr lines of the text output: one per path not scanned (the JSON lists
    /// them under `unreadable`).
    public static func unreadableLines(_ outcome: SecretScanOutcome) -> [String] {
        outcome.unreadable.map { gap in
            "\(gap.path): " + (gap.reason.hasPrefix("not scanned") ? gap.reason : "not scanned: " + gap.reason)
        }
    }

    /// `FILE:LINE: Kind: redacted`, and for a database `FILE: table.column rowid=N: Kind: redacted`.
    public static func text(_ result: SecretFileScanResult, databases: [DatabaseScanResult] = []) -> String {
        var lines: [String] = []
        for occurrence in result.occurrences {
            let path = TerminalText.sanitized(result.files[occurrence.fileIndex].path)
            var line = "\(path):\(occurrence.line): \(occurrence.kind.name): \(occurrence.redacted)"
            if let name = occurrence.name { line += " (assigned to \(TerminalText.sanitized(name)))" }
            lines.append(line)
        }
        for database in databases {
            for occurrence in database.occurrences {
                var line = "\(TerminalText.sanitized(database.path)): \(TerminalText.sanitized(occurrence.cell.description)): \(occurrence.kind.name): \(occurrence.redacted)"
                if let name = occurrence.name { line += " (assigned to \(TerminalText.sanitized(name)))" }
                lines.append(line)
            }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ result: SecretFileScanResult, databases: [DatabaseScanResult] = [], gaps: [InspectionGap]) -> String {
        json(SecretScanOutcome(files: result, databases: databases, gaps: gaps))
    }

    public static func json(_ outcome: SecretScanOutcome) -> String {
        let (result, databases) = (outcome.files, outcome.databases)
        var findings = result.occurrences.map { occurrence -> JSONValue in
            var members: [(String, JSONValue)] = [
                ("file", .string(result.files[occurrence.fileIndex].path)),
                ("line", .integer(Int64(occurrence.line))),
                ("detector", .string(occurrence.kind.rawValue)),
                ("redacted", .string(occurrence.redacted)),
            ]
            if let name = occurrence.name { members.append(("name", .string(name))) }
            return .object(members)
        }
        for database in databases {
            for occurrence in database.occurrences {
                var members: [(String, JSONValue)] = [
                    ("file", .string(database.path)),
                    ("table", .string(occurrence.cell.table)),
                    ("rowid", occurrence.cell.rowid.map { .integer($0) } ?? .null),
                    ("column", .string(occurrence.cell.column)),
                    ("detector", .string(occurrence.kind.rawValue)),
                    ("redacted", .string(occurrence.redacted)),
                ]
                if let name = occurrence.name { members.append(("name", .string(name))) }
                findings.append(.object(members))
            }
        }
        let unreadable = outcome.unreadable
        let scannedDatabases = databases.filter { $0.incomplete == nil }
        let document = JSONValue.object([
            ("filesScanned", .integer(Int64(result.files.count(where: { $0.error == nil }) + scannedDatabases.count))),
            ("bytesScanned", .integer(Int64(result.bytesScanned + databases.reduce(0) { $0 + $1.bytesScanned }))),
            ("findings", .array(findings)),
            ("unreadable", .array(unreadable.map { .object([("path", .string($0.path)), ("reason", .string($0.reason))]) })),
        ])
        return document.rendered() + "\n"
    }
}
