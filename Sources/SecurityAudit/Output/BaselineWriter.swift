/// The file `--write-baseline` writes: `{version, generator, fingerprintVersion,
/// findings}`, one entry per key in emission order (`Baseline` reads it back).
extension Baseline {
    public func rendered() -> String {
        let document: JSONValue = .object([
            ("version", .integer(Int64(Self.formatVersion))),
            ("generator", .string("openclaw-security \(SecurityAuditVersion.current)")),
            ("fingerprintVersion", .integer(Int64(FindingFingerprinter.version))),
            ("findings", .array(entries.map { entry in
                var members: [(String, JSONValue)] = [
                    ("checkId", .string(entry.key.checkId)),
                    ("fingerprint", .string(entry.key.fingerprint)),
                ]
                if let severity = entry.severity { members.append(("severity", .string(severity))) }
                if let title = entry.title { members.append(("title", .string(title))) }
                return .object(members)
            })),
        ])
        return document.rendered() + "\n"
    }
}
