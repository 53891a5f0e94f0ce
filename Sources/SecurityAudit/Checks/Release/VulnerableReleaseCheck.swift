/// `openclaw.version.vulnerable` (ours): the audited OpenClaw release is covered by
/// published security advisories. Upstream's audit never compares the release with its
/// advisories, and `npm audit` misses the repository-only ones; on most installs an
/// out-of-date OpenClaw is the finding that matters most.
///
/// One finding lists every affecting advisory (the text report shows the most severe and
/// "and N more"). An advisory accepted through `security.audit.suppressions`
/// (`detailIncludes` naming its id or alias) is reported as a finding of its own, which
/// the suppression then moves away, so accepting one advisory hides no other.
struct VulnerableReleaseCheck: Check {
    static let id = "openclaw.version.vulnerable"
    /// Advisories the text report shows before "and N more".
    static let textLimit = 5

    let infos = [
        CheckInfo(
            id: id,
            title: "OpenClaw release has known vulnerabilities",
            severity: .varies(
                default: .critical,
                rule: "critical when an affecting advisory is critical or high; warn when the worst is moderate or of unknown severity; info when only low ones affect it, and when nothing can be confirmed: an extended-stable build (patch 33 and up) that ranges cover only by number, or advisory data older than 90 days"),
            rationale: "OpenClaw publishes security advisories for its releases, among them remote code execution (GHSA-g8p2-7wf7-98mq, a 1-click RCE through the Control UI). A release an advisory covers can be attacked as the advisory describes, whatever the config says. The release comes from the release resolution (--openclaw-version, the gateway, the installed package, the config's meta.lastTouchedVersion); the advisories from the snapshot bundled in this binary or --advisories PATH (OSV JSON, a folder of it or OSV's npm all.zip), never from the network.",
            remediation: "Update OpenClaw to the release the finding names or later (npm install -g openclaw@latest), then restart the gateway. To accept one advisory: security.audit.suppressions entry { checkId: \"openclaw.version.vulnerable\", detailIncludes: \"GHSA-…\", reason: \"…\" }.",
            triggers: [
                CheckExample(#"{ meta: { lastTouchedVersion: "2026.1.24-3" } }"#, severity: .critical),
                CheckExample(#"{ meta: { lastTouchedVersion: "2026.2.6-beta.1" } }"#, severity: .critical),
                CheckExample(#"{ meta: { lastTouchedVersion: "2026.9.1" } }"#, severity: .warn),
                CheckExample(#"{ meta: { lastTouchedVersion: "2026.8.34" } }"#, severity: .info),
            ],
            passes: [
                CheckExample("{}"),
                CheckExample(#"{ meta: { lastTouchedVersion: "2026.9.2" } }"#),
                CheckExample(#"{ meta: { lastTouchedVersion: "2026.11.1" } }"#),
                CheckExample(#"{ meta: { lastTouchedVersion: "dev" } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let release = context.openclaw
        guard let version = release.version else { return [] }
        let facts = context.advisories
        let assessment = ReleaseAssessment(version: version, advisories: facts.database.advisories)
        let accepted = Self.acceptedAdvisoryIds(context.config, assessment: assessment)
        let reported = assessment.affected.filter { !accepted.contains($0.advisory.id) }
        let text = VulnerableReleaseText(
            version: version, source: release.source, facts: facts, assessment: assessment, reported: reported,
            installedEarlierName: Self.installedEarlierName(context))

        var findings: [Finding] = []
        if let worst = reported.map(\.advisory.severity.findingSeverity).max() {
            var main = finding(
                Self.id, worst, detail: text.detail(limit: nil), remediation: .text(text.remediation))
            main.abbreviatedDetail = text.detail(limit: Self.textLimit)
            findings.append(main)
        } else if reported.isEmpty, !assessment.unconfirmed.isEmpty {
            findings.append(finding(
                Self.id, .info, title: "OpenClaw extended-stable release: advisory status unknown",
                detail: text.unconfirmedDetail, remediation: .text(text.remediation)))
        } else if reported.isEmpty, accepted.isEmpty, facts.isStale {
            findings.append(finding(
                Self.id, .info, title: "OpenClaw release checked against old advisory data",
                detail: text.staleCleanDetail, remediation: .text(text.newerDataHint)))
        }
        for match in assessment.affected where accepted.contains(match.advisory.id) {
            findings.append(finding(
                Self.id, match.advisory.severity.findingSeverity,
                detail: text.single(match), remediation: .text(text.remediation)))
        }
        return findings
    }

    /// `clawdbot` or `moltbot` when the release was resolved from an installed package of
    /// that name (the claim's origin is `NAME (PATH/package.json)`).
    static func installedEarlierName(_ context: AuditContext) -> String? {
        guard let claim = context.releaseEvidence.claims.sorted(by: { $0.source < $1.source })
            .first(where: { OpenClawVersion($0.text) != nil }),
            claim.source == .installedPackage, let origin = claim.origin
        else { return nil }
        let name = String(origin.prefix { $0 != " " })
        return name != ReleaseLineage.currentName && ReleaseLineage.packageNames.contains(name) ? name : nil
    }

    /// Ids of affecting advisories that a suppression entry of this check names in
    /// `detailIncludes` (the id or an alias, any case).
    static func acceptedAdvisoryIds(_ config: ConfigNode, assessment: ReleaseAssessment) -> Set<String> {
        guard let nodes = config["security"]["audit"]["suppressions"].array else { return [] }
        let named = Set(nodes.enumerated()
            .map { SuppressionEntry(index: $0.offset, node: $0.element) }
            .filter { $0.problem == nil && $0.checkId == id && $0.titleIncludes.isEmpty && !$0.detailIncludes.isEmpty }
            .map(\.detailIncludes))
        guard !named.isEmpty else { return [] }
        return Set(assessment.affected.lazy.map(\.advisory)
            .filter { advisory in ([advisory.id] + advisory.aliases).contains { named.contains($0.lowercased()) } }
            .map(\.id))
    }
}
