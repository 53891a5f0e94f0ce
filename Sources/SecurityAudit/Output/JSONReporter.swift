/// The original's `SecurityAuditReport` JSON: `ts, summary, findings, deep?`, pretty
/// printed with two spaces, plus a trailing newline as `console.log` adds. Ours adds
/// `openclaw` (the release audited and its source), then `complete: false` last when a
/// `--deep` collector failed or ran out of time.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: AuditReport) -> String {
        Self.document(report).rendered() + "\n"
    }

    public static func document(_ report: AuditReport) -> JSONValue {
        let summary = report.summary
        var members: [(String, JSONValue)] = [
            ("ts", .integer(report.timestamp)),
            ("summary", .object([
                ("critical", .integer(Int64(summary.critical))),
                ("warn", .integer(Int64(summary.warn))),
                ("info", .integer(Int64(summary.info))),
            ])),
            ("findings", .array(report.findings.map(finding))),
        ]
        if !report.suppressedFindings.isEmpty {
            members.append(("suppressedFindings", .array(report.suppressedFindings.map(suppressedFinding))))
        }
        if report.deepRequested {
            var deep: [(String, JSONValue)] = []
            if let gateway = report.deepGateway {
                deep.append(("gateway", gatewayProbe(gateway)))
            }
            members.append(("deep", .object(deep)))
        }
        // Our additions, after the original's keys: the release always, the rest only
        // when they say something.
        members.append(("openclaw", release(report.openclaw)))
        if let baseline = report.baseline {
            members.append(("baseline", .object([
                ("file", .string(baseline.file)),
                ("known", .integer(Int64(baseline.known))),
                ("resolved", .integer(Int64(baseline.resolved))),
            ])))
        }
        if !report.complete {
            members.append(("complete", .bool(false)))
        }
        if !report.incomplete.isEmpty {
            members.append(("incomplete", .array(report.incomplete.map {
                .object([("collector", .string($0.collector)), ("reason", .string($0.reason))])
            })))
        }
        return .object(members)
    }

    /// The finding plus `suppression: {reason}` (`{}` without a reason), later-checks §1.8.
    static func suppressedFinding(_ suppressed: SuppressedFinding) -> JSONValue {
        var members = findingMembers(suppressed.finding)
        members.append(("suppression", .object(suppressed.reason.map { [("reason", .string($0))] } ?? [])))
        return .object(members)
    }

    static func finding(_ finding: Finding) -> JSONValue { .object(findingMembers(finding)) }

    static func findingMembers(_ finding: Finding) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            ("checkId", .string(finding.checkId)),
            ("severity", .string(finding.severity.rawValue)),
            ("title", .string(finding.title)),
            ("detail", .string(finding.detail)),
        ]
        if let remediation = finding.remediation {
            members.append(("remediation", .string(remediation)))
        }
        return members
    }

    /// `{"version": "2026.9.9", "source": "config meta.lastTouchedVersion"}`, nulls when unknown.
    static func release(_ release: OpenClawRelease) -> JSONValue {
        .object([
            ("version", release.version.map { .string($0.description) } ?? .null),
            ("source", release.source.map(JSONValue.string) ?? .null),
        ])
    }

    static func gatewayProbe(_ probe: GatewayProbeResult) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("attempted", .bool(probe.attempted)),
            ("url", probe.url.map(JSONValue.string) ?? .null),
            ("ok", .bool(probe.ok)),
            ("error", probe.error.map(JSONValue.string) ?? .null),
        ]
        members.append(("close", probe.close.map {
            .object([("code", .integer(Int64($0.code))), ("reason", .string($0.reason))])
        } ?? .null))
        return .object(members)
    }
}
