/// SARIF 2.1.0 (OASIS), for code-scanning dashboards: every check of the catalog as a
/// rule, every finding as a result pointing at the config key it comes from, with a
/// fingerprint that survives edits and a `suppressions` entry when a suppression
/// accepted it.
public struct SARIFReporter: Reporter {
    /// Paths under it are written relative to `%SRCROOT%`, as code-scanning services
    /// expect for files in the checked-out repository.
    public var workingDirectory: String?
    public var entries: [CheckEntry]

    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    public static let informationURI = "https://docs.openclaw.ai/cli/security"
    /// The key of our fingerprint in `partialFingerprints`.
    public static let fingerprintKey = "openclawSubject/v\(FindingFingerprinter.version)"

    public init(workingDirectory: String? = nil, entries: [CheckEntry] = CheckCatalog.entries) {
        self.workingDirectory = workingDirectory.map { $0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0 }
        self.entries = entries
    }

    public func render(_ report: AuditReport) -> String {
        document(report).rendered() + "\n"
    }

    public func document(_ report: AuditReport) -> JSONValue {
        var rules = entries
        // A finding whose id nothing declares (a plugin's own id) still needs a rule.
        for finding in report.findings + report.suppressedFindings.map(\.finding)
        where !rules.contains(where: { $0.matches(finding.checkId) }) {
            rules.append(CheckEntry(id: finding.checkId, info: nil))
        }
        let fingerprinter = report.fingerprinter
        var usesSourceRoot = false

        func location(_ origin: ConfigOrigin?) -> JSONValue? {
            guard let file = origin?.file ?? report.paths?.configPath else { return nil }
            var artifact: [(String, JSONValue)]
            if let root = workingDirectory, file.hasPrefix(root + "/") {
                usesSourceRoot = true
                artifact = [("uri", .string(Self.percentEncoded(String(file.dropFirst(root.count + 1))))), ("uriBaseId", .string("SRCROOT"))]
            } else if file.hasPrefix("/") {
                artifact = [("uri", .string("file://" + Self.percentEncoded(file)))]
            } else {
                artifact = [("uri", .string(Self.percentEncoded(file)))]
            }
            var physical: [(String, JSONValue)] = [("artifactLocation", .object(artifact))]
            if let range = origin?.range {
                physical.append(("region", .object([
                    ("startLine", .integer(Int64(range.start.line))),
                    ("startColumn", .integer(Int64(range.start.column))),
                    ("endLine", .integer(Int64(range.end.line))),
                    ("endColumn", .integer(Int64(range.end.column))),
                ])))
            }
            return .object([("physicalLocation", .object(physical))])
        }

        func result(_ finding: Finding, suppression: SuppressedFinding?) -> JSONValue {
            let ruleIndex = rules.firstIndex { $0.matches(finding.checkId) } ?? 0
            var message = "\(finding.title): \(finding.detail)"
            if let remediation = finding.remediation, !remediation.trimmingWhitespace.isEmpty {
                message += "\nFix: \(remediation)"
            }
            var members: [(String, JSONValue)] = [
                ("ruleId", .string(rules[ruleIndex].id)),
                ("ruleIndex", .integer(Int64(ruleIndex))),
                ("level", .string(Self.level(finding.severity))),
                ("message", .object([("text", .string(message))])),
            ]
            // Code-scanning services want a place for every result: a finding that
            // names no config key points at the config file as a whole.
            if let place = location(finding.location) {
                members.append(("locations", .array([place])))
            }
            members.append(("partialFingerprints", .object([(Self.fingerprintKey, .string(fingerprinter.fingerprint(of: finding)))])))
            if let suppression {
                var entry: [(String, JSONValue)] = [("kind", .string("external")), ("status", .string("accepted"))]
                if let reason = suppression.reason { entry.append(("justification", .string(reason))) }
                if let origin = suppression.suppressionLocation, let place = location(origin) {
                    entry.append(("location", place))
                }
                members.append(("suppressions", .array([.object(entry)])))
            }
            if let baseline = report.baseline {
                let known = suppression != nil && baseline.contains(finding, fingerprinter: fingerprinter)
                members.append(("baselineState", .string(known ? "unchanged" : "new")))
            }
            members.append(("properties", .object([
                ("checkId", .string(finding.checkId)),
                ("severity", .string(finding.severity.rawValue)),
            ])))
            return .object(members)
        }

        let results = report.findings.map { result($0, suppression: nil) }
            + report.suppressedFindings.map { result($0.finding, suppression: $0) }

        var invocation: [(String, JSONValue)] = [
            ("executionSuccessful", .bool(true)),
            ("endTimeUtc", .string(ISODate.format(epochMilliseconds: report.timestamp))),
        ]
        if !report.incomplete.isEmpty {
            invocation.append(("toolExecutionNotifications", .array(report.incomplete.map { gap in
                .object([
                    ("level", .string("warning")),
                    ("message", .object([("text", .string("\(gap.collector) did not complete: \(gap.reason)"))])),
                    ("descriptor", .object([("id", .string(gap.collector))])),
                ])
            })))
        }

        var run: [(String, JSONValue)] = [
            ("tool", .object([("driver", .object([
                ("name", .string("openclaw-security")),
                ("version", .string(SecurityAuditVersion.current)),
                ("informationUri", .string(Self.informationURI)),
                ("rules", .array(rules.map(Self.rule))),
            ]))])),
            ("invocations", .array([.object(invocation)])),
            ("properties", .object([
                ("openclawVersion", report.openclaw.version.map { .string($0.description) } ?? .null),
                ("openclawVersionSource", report.openclaw.source.map(JSONValue.string) ?? .null),
            ])),
        ]
        if usesSourceRoot, let root = workingDirectory {
            run.append(("originalUriBaseIds", .object([
                ("SRCROOT", .object([("uri", .string("file://" + Self.percentEncoded(root + "/")))])),
            ])))
        }
        run.append(("columnKind", .string("unicodeCodePoints")))
        run.append(("results", .array(results)))

        return .object([
            ("$schema", .string(Self.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical: return "error"
        case .warn: return "warning"
        case .info: return "note"
        }
    }

    /// GitHub code scanning ranks alerts by this score (9+ critical, 4-7 medium, below 4 low).
    static func securitySeverity(_ severity: Severity) -> String {
        switch severity {
        case .critical: return "9.0"
        case .warn: return "5.0"
        case .info: return "2.0"
        }
    }

    static func rule(_ entry: CheckEntry) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(entry.id)),
            ("name", .string(ruleName(entry.id))),
        ]
        guard let info = entry.info else {
            let note = "\(entry.id) is reported by OpenClaw's own audit; this build does not check it yet."
            members += [
                ("shortDescription", .object([("text", .string("\(entry.id) (not implemented in this build)"))])),
                ("fullDescription", .object([("text", .string(note))])),
                ("defaultConfiguration", .object([("enabled", .bool(false))])),
                ("properties", .object([
                    ("tags", .array([.string("security"), .string(entry.area)])),
                    ("area", .string(entry.area)),
                    ("implemented", .bool(false)),
                ])),
            ]
            return .object(members)
        }
        let severity = info.severity.defaultSeverity
        var help = ["Severity: \(info.severity.description)."]
        var markdown = ["**Severity:** \(info.severity.description)"]
        if let remediation = info.remediation {
            help.append("Remediation: \(remediation)")
            markdown.append("**Remediation:** \(remediation)")
        }
        if let example = info.triggers.first {
            help.append("Triggered by: \(example.config)")
            markdown.append("**Triggered by:**\n\n```json5\n\(example.config)\n```")
        }
        if let provenance = info.provenance {
            help.append("Releases: \(provenance.releaseSentence)")
            markdown.append("**Releases:** \(provenance.releaseSentence)")
        }
        help.append("More: openclaw-security explain \(info.id)")
        markdown.append("More: `openclaw-security explain \(info.id)`")
        members += [
            ("shortDescription", .object([("text", .string(info.title))])),
            ("fullDescription", .object([("text", .string(info.rationale))])),
            ("help", .object([("text", .string(help.joined(separator: "\n"))), ("markdown", .string(markdown.joined(separator: "\n\n")))])),
            ("defaultConfiguration", .object([("level", .string(level(severity)))])),
            ("properties", .object([
                ("tags", .array([.string("security"), .string(entry.area)])),
                ("area", .string(entry.area)),
                ("implemented", .bool(true)),
                ("fixable", .bool(info.fixable)),
                ("security-severity", .string(securitySeverity(severity))),
                ("origin", info.provenance.map { .string($0.origin.rawValue) } ?? .null),
                ("since", info.provenance?.releases.since.map { .string($0.description) } ?? .null),
                ("until", info.provenance?.releases.until.map { .string($0.description) } ?? .null),
            ])),
        ]
        return .object(members)
    }

    /// `gateway.bind_no_auth` -> `GatewayBindNoAuth`.
    static func ruleName(_ id: String) -> String {
        id.split { !($0.isLetter || $0.isNumber) }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// RFC 3986: everything but unreserved characters and `/` as `%XX` of its UTF-8.
    static func percentEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
