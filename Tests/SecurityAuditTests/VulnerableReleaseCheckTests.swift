import Foundation
import Testing
@testable import SecurityAudit

/// `openclaw.version.vulnerable` through the whole audit: the release from the config's
/// stamp, the advisories from the bundled snapshot or a database of the test's own.
struct VulnerableReleaseCheckTests {
    static let id = "openclaw.version.vulnerable"

    func audit(
        _ config: String, advisories: AdvisoryDatabase? = nil, today: Int64? = nil
    ) throws -> AuditReport {
        let dir = try TemporaryDirectory()
        try StateDirLayout.build(in: dir, config: config, files: [])
        try dir.makeDirectory("home")
        var request = AuditRequest(
            environment: ["HOME": dir.url("home"), "OPENCLAW_STATE_DIR": dir.url("state")],
            cwd: dir.path, systemHome: nil, loadDotEnv: false)
        request.advisories = advisories
        request.today = today ?? ISODate.dayNumber(BundledAdvisorySnapshot.date)
        let context = try AuditPreparation.prepare(request)
        var report = Auditor.run(context, timestamp: 0)
        report.paths = context.paths
        return report
    }

    func database(_ advisories: [Advisory], date: String = "2026-12-01") -> AdvisoryDatabase {
        AdvisoryDatabase(advisories: advisories, date: date, origin: .path("/data/osv.json"))
    }

    func advisory(_ id: String, _ severity: AdvisorySeverity, fixed: String = "2026.12.5", cve: String? = nil) throws -> Advisory {
        Advisory(
            id: id, aliases: cve.map { [$0] } ?? [], summary: "Something in \(id)", severity: severity,
            affected: [AffectedPackage(name: "openclaw", ranges: try AffectedRangeBuilder.ranges([(.introduced, "0"), (.fixed, fixed)]))])
    }

    func stamped(_ version: String, extra: String = "") -> String {
        #"{ meta: { lastTouchedVersion: "\#(version)" }\#(extra) }"#
    }

    @Test func aClawdbotStampGetsACriticalFindingNamingTheOneClickRCE() throws {
        let report = try audit(stamped("2026.1.24-3"))
        let finding = try #require(report.findings.first { $0.checkId == Self.id })
        #expect(finding.severity == .critical)
        #expect(finding.detail.contains("GHSA-g8p2-7wf7-98mq (CVE-2026-25253, high)"))
        #expect(finding.detail.contains("Fixed in 2026.1.29."))
        #expect(finding.detail.contains("OpenClaw 2026.1.24-3 (config meta.lastTouchedVersion)"))
        #expect(finding.detail.contains("Advisory data: bundled snapshot of \(BundledAdvisorySnapshot.date)"))
        #expect(finding.detail.contains("predates the openclaw package"))
        #expect(finding.remediation?.contains("npm install -g openclaw@latest") == true)
        // The text report lists the most severe and "and N more"; the detail has all of them.
        let abbreviated = try #require(finding.abbreviatedDetail)
        #expect(abbreviated.contains("- and "))
        #expect(abbreviated.split(separator: "\n").filter { $0.hasPrefix("- GHSA") || $0.hasPrefix("- CVE") }.count == VulnerableReleaseCheck.textLimit)
        let listed = finding.detail.split(separator: "\n").filter { $0.hasPrefix("- GHSA") || $0.hasPrefix("- CVE") }
        let expected = ReleaseAssessment(version: OpenClawVersion("2026.1.24-3")!, advisories: AdvisoryDatabase.bundled.advisories).affected.count
        #expect(listed.count == expected)
        // The most severe come first.
        #expect(listed.first?.contains("critical)") == true)
    }

    @Test func aReleaseNewerThanEveryAdvisoryGetsNone() throws {
        #expect(try audit(stamped("2026.11.1")).findings.allSatisfy { $0.checkId != Self.id })
        #expect(try audit("{}").findings.allSatisfy { $0.checkId != Self.id })
        #expect(try audit(stamped("not-a-version")).findings.allSatisfy { $0.checkId != Self.id })
    }

    @Test func severityFollowsTheWorstAdvisory() throws {
        let cases: [([AdvisorySeverity], Severity)] = [
            ([.low], .info), ([.low, .moderate], .warn), ([.unknown, .low], .warn),
            ([.moderate, .high], .critical), ([.critical], .critical),
        ]
        for (levels, expected) in cases {
            let advisories = try levels.enumerated().map { try advisory("GHSA-test-0000-000\($0.offset)", $0.element) }
            let report = try audit(stamped("2026.11.1"), advisories: database(advisories))
            let finding = try #require(report.findings.first { $0.checkId == Self.id })
            #expect(finding.severity == expected, "\(levels)")
        }
    }

    @Test func theUpgradeTargetFixesEveryAdvisory() throws {
        let advisories = [try advisory("GHSA-aaaa-0000-0001", .high, fixed: "2026.11.20"), try advisory("GHSA-aaaa-0000-0002", .low, fixed: "2026.12.2")]
        let finding = try #require(try audit(stamped("2026.11.1"), advisories: database(advisories)).findings.first { $0.checkId == Self.id })
        #expect(finding.detail.contains("Upgrade to 2026.12.2 or later"))
        #expect(finding.detail.contains("1 high, 1 low"))
        #expect(finding.remediation == "Update OpenClaw to 2026.12.2 or later (npm install -g openclaw@latest), then restart the gateway.")
    }

    @Test func staleDataIsSaidInTheFindingAndAloneWhenNothingMatches() throws {
        let data = database([try advisory("GHSA-aaaa-0000-0001", .high)], date: "2026-06-01")
        let day = try #require(ISODate.dayNumber("2026-06-01"))
        let fresh = try audit(stamped("2026.11.1"), advisories: data, today: day + 90)
        #expect(try #require(fresh.findings.first { $0.checkId == Self.id }).detail.contains("days old") == false)
        let stale = try audit(stamped("2026.11.1"), advisories: data, today: day + 91)
        let finding = try #require(stale.findings.first { $0.checkId == Self.id })
        #expect(finding.detail.contains("it is 91 days old"))
        #expect(finding.detail.contains("--advisories"))
        // A release past every fix, on stale data: an info finding says the check is out of date.
        let clean = try audit(stamped("2026.12.5"), advisories: data, today: day + 200)
        let info = try #require(clean.findings.first { $0.checkId == Self.id })
        #expect(info.severity == .info)
        #expect(info.detail.contains("200 days old"))
        #expect(try audit(stamped("2026.12.5"), advisories: data, today: day + 10).findings.allSatisfy { $0.checkId != Self.id })
    }

    @Test func anExtendedStableBuildIsUnknownUnlessListed() throws {
        let ranged = try advisory("GHSA-aaaa-0000-0001", .high, fixed: "2026.9.2")
        let unknown = try #require(try audit(stamped("2026.8.34"), advisories: database([ranged])).findings.first { $0.checkId == Self.id })
        #expect(unknown.severity == .info)
        #expect(unknown.detail.contains("back-ports"))
        var listed = ranged
        listed.affected[0].versions = [OpenClawVersion("2026.8.34")!]
        let confirmed = try #require(try audit(stamped("2026.8.34"), advisories: database([listed])).findings.first { $0.checkId == Self.id })
        #expect(confirmed.severity == .critical)
    }

    @Test func suppressingOneAdvisoryKeepsTheOthersReported() throws {
        let suppression = #", security: { audit: { suppressions: [{ checkId: "openclaw.version.vulnerable", detailIncludes: "ghsa-g8p2-7wf7-98mq", reason: "lab host" }] } }"#
        let report = try audit(stamped("2026.1.24-3", extra: suppression))
        let active = report.findings.filter { $0.checkId == Self.id }
        #expect(active.count == 1)
        #expect(active.allSatisfy { !$0.detail.contains("GHSA-g8p2-7wf7-98mq") })
        let suppressed = report.suppressedFindings.filter { $0.finding.checkId == Self.id }
        #expect(suppressed.count == 1)
        #expect(suppressed.first?.finding.detail.contains("GHSA-g8p2-7wf7-98mq") == true)
        #expect(suppressed.first?.reason == "lab host")
        #expect(report.findings.allSatisfy { $0.checkId != "security.audit.suppressions.stale" })
        // By CVE alias too.
        let byCVE = try audit(stamped("2026.1.24-3", extra: suppression.replacingOccurrences(of: "ghsa-g8p2-7wf7-98mq", with: "CVE-2026-25253")))
        #expect(byCVE.suppressedFindings.contains { $0.finding.detail.contains("GHSA-g8p2-7wf7-98mq") })
        // Suppressing every advisory of a release leaves no active finding of the check.
        let only = try advisory("GHSA-aaaa-0000-0001", .high)
        let all = try audit(
            stamped("2026.11.1", extra: #", security: { audit: { suppressions: [{ checkId: "openclaw.version.vulnerable", detailIncludes: "GHSA-aaaa-0000-0001" }] } }"#),
            advisories: database([only]))
        #expect(all.findings.allSatisfy { $0.checkId != Self.id })
        #expect(all.suppressedFindings.count == 1)
    }

    @Test func anInstalledClawdbotPackageIsToldToMoveToOpenClaw() throws {
        let dir = try TemporaryDirectory()
        var context = try auditContext(in: dir, config: "{}")
        context.releaseEvidence.add(ReleaseClaim(
            source: .installedPackage, text: "2026.2.1", origin: "clawdbot (/usr/lib/node_modules/clawdbot/package.json)"))
        let finding = try #require(VulnerableReleaseCheck().findings(in: context).first)
        #expect(finding.detail.contains("This install is the clawdbot package"))
        #expect(finding.remediation?.hasPrefix("Install the openclaw package in place of clawdbot (npm uninstall -g clawdbot") == true)
        // The same release installed as openclaw is told to update.
        var current = try auditContext(in: TemporaryDirectory(), config: "{}")
        current.releaseEvidence.add(ReleaseClaim(
            source: .installedPackage, text: "2026.2.1", origin: "openclaw (/usr/lib/node_modules/openclaw/package.json)"))
        let update = try #require(VulnerableReleaseCheck().findings(in: current).first)
        #expect(update.remediation?.hasPrefix("Update OpenClaw to ") == true)
        #expect(!update.detail.contains("clawdbot package"))
    }

    @Test func textShowsTheAbbreviationJSONCarriesEveryAdvisory() throws {
        let report = try audit(stamped("2026.1.24-3"))
        let text = TextReporter(colors: false, profile: nil).render(report)
        #expect(text.contains("- and "))
        let json = JSONReporter().render(report)
        let finding = try #require(report.findings.first { $0.checkId == Self.id })
        let ids = finding.detail.split(separator: "\n").compactMap { $0.hasPrefix("- ") ? $0.dropFirst(2).split(separator: " ").first : nil }
        #expect(ids.count > VulnerableReleaseCheck.textLimit + 1)
        for id in ids { #expect(json.contains(String(id))) }
    }
}
