/// `security.audit.suppressions`: accepted risks that move matching
/// findings from `findings` to `suppressedFindings`, plus our `expires`, so an accepted
/// risk comes back for review instead of staying silent for ever.
///
/// Applied after every check and collector has run, so it sees all findings; the ids it
/// emits itself come after all others and are never suppressed.
public enum Suppressions {
    static let activeID = "security.audit.suppressions.active"
    static let expiredID = "security.audit.suppressions.expired"
    static let invalidID = "security.audit.suppressions.invalid"
    static let staleID = "security.audit.suppressions.stale"

    /// The report-level ids, declared like checks so `security checks`, `explain` and
    /// SARIF rules know them, in the order they are emitted.
    public static let infos: [CheckInfo] = [
        CheckInfo(
            id: expiredID,
            title: "Security audit suppressions expired",
            severity: .fixed(.warn),
            rationale: "A suppression records a risk someone accepted for a while. Once its expires date has passed it no longer hides anything, and the findings it matched are reported again, so the decision gets made afresh instead of lasting by default.",
            remediation: "Fix what the finding points at, or renew the suppression with a new expires date and reason.",
            triggers: [
                CheckExample(#"{ logging: { redactSensitive: "off" }, security: { audit: { suppressions: [↓{ checkId: "logging.redact_off", expires: "1969-12-31" }] } } }"#),
                CheckExample(#"{ security: { audit: { suppressions: [↓{ checkId: "gateway.bind_no_auth", expires: "1969-12-31T23:59:59Z" }] } } }"#),
            ],
            passes: [
                CheckExample(#"{ logging: { redactSensitive: "off" }, security: { audit: { suppressions: [{ checkId: "logging.redact_off", expires: "2999-12-31" }] } } }"#),
                CheckExample(#"{ logging: { redactSensitive: "off" }, security: { audit: { suppressions: [{ checkId: "logging.redact_off" }] } } }"#),
            ]),
        CheckInfo(
            id: invalidID,
            title: "Security audit suppressions ignored",
            severity: .fixed(.warn),
            rationale: "An entry without a checkId, or with an expires date that cannot be read, suppresses nothing. Saying so beats a team believing a risk is tracked when the entry is dead text.",
            remediation: "Give every suppression a checkId, and write expires as YYYY-MM-DD or an RFC 3339 date-time.",
            triggers: [
                CheckExample(#"{ security: { audit: { suppressions: [↓{ titleIncludes: "lan", reason: "no id" }] } } }"#),
                CheckExample(#"{ security: { audit: { suppressions: [↓{ checkId: "logging.redact_off", expires: "next week" }] } } }"#),
                CheckExample(#"{ security: { audit: { suppressions: [↓{ checkId: "logging.redact_off", expires: "2026-02-30" }] } } }"#),
                CheckExample(#"{ security: { audit: { suppressions: [↓"logging.redact_off"] } } }"#),
            ],
            passes: [
                CheckExample(#"{ security: { audit: { suppressions: [{ checkId: "logging.redact_off", expires: "2999-06-30T18:00:00+02:00" }] } } }"#),
            ]),
        CheckInfo(
            id: staleID,
            title: "Security audit suppressions match nothing",
            severity: .fixed(.info),
            rationale: "A suppression whose finding is gone is a loaded gun: it will silently hide the same problem if it ever comes back. Removing it keeps the list of accepted risks honest.",
            remediation: "Remove suppressions that no longer match any finding.",
            triggers: [
                CheckExample(#"{ security: { audit: { suppressions: [↓{ checkId: "logging.redact_off" }] } } }"#),
                CheckExample(#"{ logging: { redactSensitive: "off" }, security: { audit: { suppressions: [↓{ checkId: "logging.redact_off", detailIncludes: "no such text" }] } } }"#),
            ],
            passes: [
                CheckExample(#"{ logging: { redactSensitive: "off" }, security: { audit: { suppressions: [{ checkId: " logging.redact_off ", titleIncludes: "REDACTION" }] } } }"#),
                CheckExample(#"{ security: { audit: { suppressions: [] } } }"#),
            ]),
        CheckInfo(
            id: activeID,
            title: "Security audit suppressions configured",
            severity: .fixed(.info),
            rationale: "Findings hidden from the summary still exist. This marker keeps the number of accepted risks in every report, so a reader knows to look at suppressedFindings.",
            remediation: "Review suppressedFindings and remove suppressions when the accepted risk no longer applies.",
            triggers: [
                CheckExample(#"{ logging: { redactSensitive: "off" }, security: { audit: { suppressions: [{ checkId: "logging.redact_off", reason: "lab machine" }] } } }"#),
                CheckExample(#"{ security: { audit: { suppressions: [{ checkId: "" }] } } }"#),
            ],
            passes: [
                CheckExample(#"{ security: { audit: { suppressions: [] } } }"#),
                CheckExample(#"{ security: { audit: { suppressions: { checkId: "logging.redact_off" } } } }"#),
            ]),
    ]

    /// Moves suppressed findings out of `report.findings` and appends the review
    /// findings. Expiry is judged at `report.timestamp`, so the result depends on the
    /// report alone.
    public static func apply(_ config: ConfigNode, to report: inout AuditReport) {
        guard let nodes = config["security"]["audit"]["suppressions"].array, !nodes.isEmpty else { return }
        let entries = nodes.enumerated().map { SuppressionEntry(index: $0.offset, node: $0.element) }
        let now = report.timestamp
        let inForce = entries.filter { $0.problem == nil && !$0.hasExpired(at: now) }
        let expired = entries.filter { $0.problem == nil && $0.hasExpired(at: now) }

        var active: [Finding] = []
        var suppressed: [SuppressedFinding] = []
        var used = Set<Int>()
        for finding in report.findings {
            let matching = inForce.filter { $0.matches(finding) }
            used.formUnion(matching.map(\.index))
            if let entry = matching.first {
                suppressed.append(SuppressedFinding(finding: finding, reason: entry.reason, suppressionLocation: entry.node.origin))
            } else {
                active.append(finding)
            }
        }

        if !expired.isEmpty {
            let parts = expired.map { entry in
                let count = active.filter(entry.matches).count
                return "\(entry.label) expired \(entry.expires ?? "")" + (count > 0 ? " (\(count) finding(s) reported again)" : "")
            }
            active.append(finding(expiredID, .warn, detail: parts.joined(separator: "; ") + ".", at: expired[0]))
        }
        let invalid = entries.filter { $0.problem != nil }
        if !invalid.isEmpty {
            let parts = invalid.map { "\($0.path): \($0.problem ?? "")" }
            active.append(finding(invalidID, .warn, detail: parts.joined(separator: "; ") + ". These entries suppress nothing.", at: invalid[0]))
        }
        let stale = inForce.filter { !used.contains($0.index) }
        if !stale.isEmpty {
            active.append(finding(staleID, .info, detail: stale.map(\.label).joined(separator: "; ") + (stale.count == 1 ? " matches no finding." : " match no finding."), at: stale[0]))
        }
        active.append(finding(
            activeID, .info,
            detail: "security.audit.suppressions has \(entries.count) configured suppression(s); \(suppressed.count) finding(s) moved to suppressedFindings.",
            at: nil))

        report.findings = active
        report.suppressedFindings = suppressed
        report.configuredSuppressions = entries.count
    }

    private static func finding(_ id: String, _ severity: Severity, detail: String, at entry: SuppressionEntry?) -> Finding {
        let info = infos.first { $0.id == id }!
        return Finding(checkId: id, severity: severity, title: info.title, detail: detail, remediation: info.remediation, location: entry?.node.origin)
    }
}

/// One entry of `security.audit.suppressions`, read once.
struct SuppressionEntry {
    let index: Int
    let node: ConfigNode
    let checkId: String
    let titleIncludes: String
    let detailIncludes: String
    let reason: String?
    /// `expires` as written (trimmed); nil when absent or blank.
    let expires: String?
    let expiresAt: Int64?
    /// Why the entry cannot suppress anything, when it cannot.
    let problem: String?

    init(index: Int, node: ConfigNode) {
        self.index = index
        self.node = node
        var problems: [String] = []
        func text(_ key: String) -> String? {
            guard let value = node[key], !value.isNull else { return nil }
            guard let string = value.string else {
                problems.append("\(key) is not a string")
                return nil
            }
            let trimmed = string.trimmingWhitespace
            return trimmed.isEmpty ? nil : trimmed
        }
        if node.object == nil {
            problems.append("not an object with a checkId")
            checkId = ""
        } else {
            checkId = text("checkId") ?? ""
            if checkId.isEmpty, !problems.contains(where: { $0.hasPrefix("checkId") }) {
                problems.append("checkId is missing or empty")
            }
        }
        titleIncludes = (text("titleIncludes") ?? "").lowercased()
        detailIncludes = (text("detailIncludes") ?? "").lowercased()
        reason = text("reason")
        expires = text("expires")
        if let expires {
            expiresAt = ISODate.expiryInstant(expires)
            if expiresAt == nil {
                problems.append("expires \"\(expires)\" is not a date (YYYY-MM-DD or an RFC 3339 date-time)")
            }
        } else {
            expiresAt = nil
        }
        problem = problems.isEmpty ? nil : problems.joined(separator: ", ")
    }

    var path: String { "security.audit.suppressions[\(index)]" }
    var label: String { "\(path) (\(checkId))" }

    func hasExpired(at now: Int64) -> Bool {
        guard let expiresAt else { return false }
        return now >= expiresAt
    }

    /// The original's rule: same id, then case-insensitive substrings of title and detail.
    func matches(_ finding: Finding) -> Bool {
        guard !checkId.isEmpty, finding.checkId == checkId else { return false }
        if !titleIncludes.isEmpty, !finding.title.lowercased().contains(titleIncludes) { return false }
        if !detailIncludes.isEmpty, !finding.detail.lowercased().contains(detailIncludes) { return false }
        return true
    }
}
