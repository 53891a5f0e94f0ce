import Foundation
import Testing
@testable import SecurityAudit

/// Matching releases against advisories in OpenClaw's version order, with the bundled
/// snapshot and with small databases written for each case.
struct AdvisoryMatchingTests {
    func v(_ text: String) -> OpenClawVersion { OpenClawVersion(text)! }

    /// One advisory from OSV events written as `[("introduced", "0"), ("fixed", "2026.2.19")]`.
    func advisory(
        _ id: String = "GHSA-test-0000-0001", package: String = "openclaw", severity: AdvisorySeverity = .high,
        events: [(String, String)], versions: [String] = []
    ) throws -> Advisory {
        let ranges = try AffectedRangeBuilder.ranges(events.map { (AffectedRangeBuilder.EventKind(rawValue: $0.0)!, $0.1) })
        return Advisory(
            id: id, summary: "test advisory", severity: severity,
            affected: [AffectedPackage(name: package, ranges: ranges, versions: versions.map(v))])
    }

    func affects(_ advisory: Advisory, _ version: String) -> Bool {
        !ReleaseAssessment(version: v(version), advisories: [advisory]).affected.isEmpty
    }

    // MARK: Version order at the bounds

    @Test func aFixedBoundExcludesTheFixAndItsCorrectionsButNotItsPrereleases() throws {
        let a = try advisory(events: [("introduced", "0"), ("fixed", "2026.2.19")])
        #expect(affects(a, "2026.2.18"))
        #expect(affects(a, "2026.2.18-2"))
        #expect(affects(a, "2026.2.19-beta.1"))
        #expect(affects(a, "2026.2.19-alpha.3"))
        #expect(!affects(a, "2026.2.19"))
        #expect(!affects(a, "2026.2.19-1"))
        #expect(!affects(a, "2026.2.20-beta.1"))
    }

    @Test func aCorrectionSortsAboveItsStableReleaseInLastAffected() throws {
        // clawdbot's `<= 2026.1.24-3`: npm semver would put 2026.1.24 above it and miss it.
        let a = try advisory(package: "clawdbot", events: [("introduced", "0"), ("last_affected", "2026.1.24-3")])
        #expect(affects(a, "2026.1.24"))
        #expect(affects(a, "2026.1.24-3"))
        #expect(!affects(a, "2026.1.24-4"))
        #expect(!affects(a, "2026.1.25-beta.1"))
    }

    @Test func aCorrectionLowerBoundLeavesOutTheStableReleaseAndEarlierCorrections() throws {
        let a = try advisory(events: [("introduced", "2026.1.16-2"), ("fixed", "2026.2.1")])
        #expect(!affects(a, "2026.1.16"))
        #expect(!affects(a, "2026.1.16-1"))
        #expect(affects(a, "2026.1.16-2"))
        #expect(affects(a, "2026.1.17"))
    }

    @Test func aDashZeroLowerBoundStartsAtTheFirstBuildOfItsBase() throws {
        // GHSA-7q2j's `>= 2026.2.6-0`: not a correction (they start at 1).
        let a = try advisory(events: [("introduced", "2026.2.6-0"), ("fixed", "2026.2.19")])
        #expect(affects(a, "2026.2.6-alpha.1"))
        #expect(affects(a, "2026.2.6-beta.1"))
        #expect(affects(a, "2026.2.6"))
        #expect(affects(a, "2026.2.6-1"))
        #expect(!affects(a, "2026.2.5"))
        #expect(!affects(a, "2026.2.5-3"))
    }

    @Test func anExactBuildRangeMatchesOnlyThatBuild() throws {
        let a = try advisory(events: [("introduced", "2026.7.1-2"), ("last_affected", "2026.7.1-2")])
        #expect(affects(a, "2026.7.1-2"))
        #expect(!affects(a, "2026.7.1"))
        #expect(!affects(a, "2026.7.1-1"))
        #expect(!affects(a, "2026.7.1-3"))
    }

    @Test func betaAndAlphaReleasesAreOrderedBelowTheirStable() throws {
        let a = try advisory(events: [("introduced", "2026.1.29-beta.1"), ("fixed", "2026.2.1")])
        #expect(!affects(a, "2026.1.29-alpha.5"))
        #expect(affects(a, "2026.1.29-beta.1"))
        #expect(affects(a, "2026.1.29-beta.2"))
        #expect(affects(a, "2026.1.29"))
    }

    @Test func anOpenRangeAndALimit() throws {
        let open = try advisory(events: [("introduced", "2026.3.1")])
        #expect(affects(open, "2099.1.1") && !affects(open, "2026.2.28"))
        let limited = try advisory(events: [("introduced", "0"), ("limit", "2026.4.1")])
        #expect(affects(limited, "2026.3.31") && !affects(limited, "2026.4.1"))
        #expect(ReleaseAssessment(version: v("2026.3.31"), advisories: [limited]).affected.first?.fixedIn == nil)
    }

    // MARK: Extended-stable builds

    @Test func extendedStableBuildsAreUnknownUnlessTheDataNamesThem() throws {
        let a = try advisory(events: [("introduced", "2026.7.2"), ("fixed", "2026.9.2")])
        let numeric = ReleaseAssessment(version: v("2026.8.33"), advisories: [a])
        #expect(numeric.affected.isEmpty && numeric.unconfirmed.count == 1)
        let listed = try advisory(events: [("introduced", "2026.7.2"), ("fixed", "2026.9.2")], versions: ["2026.8.33"])
        let confirmed = ReleaseAssessment(version: v("2026.8.33"), advisories: [listed])
        #expect(confirmed.affected.count == 1 && confirmed.unconfirmed.isEmpty)
        // Patch 32 is an ordinary release.
        #expect(ReleaseAssessment(version: v("2026.8.32"), advisories: [a]).affected.count == 1)
    }

    // MARK: Lineage and fixes

    @Test func anEarlierNameIsToldTheFixOfTheCurrentName() throws {
        let ranges = try AffectedRangeBuilder.ranges([(.introduced, "0"), (.lastAffected, "2026.1.24-3")])
        let fixed = try AffectedRangeBuilder.ranges([(.introduced, "2026.1.29"), (.fixed, "2026.2.14")])
        let a = Advisory(id: "GHSA-test-0000-0002", summary: "s", severity: .high, affected: [
            AffectedPackage(name: "clawdbot", ranges: ranges),
            AffectedPackage(name: "openclaw", ranges: fixed),
        ])
        let assessment = ReleaseAssessment(version: v("2026.1.24-3"), advisories: [a])
        #expect(assessment.affected.first?.fixedIn == v("2026.2.14"))
        #expect(assessment.upgradeTarget == v("2026.2.14"))
        #expect(ReleaseLineage.predatesOpenClaw(v("2026.1.24-3")) && !ReleaseLineage.predatesOpenClaw(v("2026.1.29")))
    }

    @Test func theUpgradeTargetIsTheHighestFixAndMostSevereComeFirst() throws {
        let low = try advisory("GHSA-aaaa-aaaa-aaaa", severity: .low, events: [("introduced", "0"), ("fixed", "2026.3.1")])
        let critical = try advisory("GHSA-bbbb-bbbb-bbbb", severity: .critical, events: [("introduced", "0"), ("fixed", "2026.2.1")])
        let unfixed = try advisory("GHSA-cccc-cccc-cccc", severity: .moderate, events: [("introduced", "0"), ("last_affected", "2026.5.1")])
        let assessment = ReleaseAssessment(version: v("2026.1.30"), advisories: [low, critical, unfixed])
        #expect(assessment.affected.map(\.advisory.id) == ["GHSA-bbbb-bbbb-bbbb", "GHSA-cccc-cccc-cccc", "GHSA-aaaa-aaaa-aaaa"])
        #expect(assessment.upgradeTarget == v("2026.3.1"))
        #expect(assessment.withoutFix.map(\.advisory.id) == ["GHSA-cccc-cccc-cccc"])
    }

    @Test func theUpgradeTargetStepsOverAReleaseAnotherAdvisoryCovers() throws {
        let early = try advisory("GHSA-aaaa-aaaa-0001", events: [("introduced", "0"), ("fixed", "2026.8.2")])
        let later = try advisory("GHSA-aaaa-aaaa-0002", events: [("introduced", "2026.7.2"), ("fixed", "2026.9.2")])
        let assessment = ReleaseAssessment(version: v("2026.6.6"), advisories: [early, later])
        #expect(assessment.affected.map(\.advisory.id) == ["GHSA-aaaa-aaaa-0001"])
        #expect(assessment.upgradeTarget == v("2026.9.2"))
    }

    // MARK: The bundled snapshot

    @Test func theBundledSnapshotHoldsTheSeedAsTheLoaderReadsIt() throws {
        let bundled = AdvisoryDatabase.bundled
        #expect(bundled.advisories.count == BundledAdvisorySnapshot.advisoryCount)
        #expect(bundled.date == BundledAdvisorySnapshot.date)
        let loaded = try AdvisoryLoader.load(path: ProjectFile.root.appendingPathComponent("Tests/Fixtures/advisories/openclaw-advisories.json").path)
        #expect(loaded.advisories.map(\.id) == bundled.advisories.map(\.id))
        #expect(loaded.advisories.map(\.affected) == bundled.advisories.map(\.affected))
        #expect(loaded.advisories.map(\.severity) == bundled.advisories.map(\.severity))
        #expect(loaded.advisories.map(\.aliases) == bundled.advisories.map(\.aliases))
    }

    /// The committed snapshot is what the script makes of the committed seed: neither was
    /// edited by hand.
    @Test func theScriptRebuildsTheCommittedSnapshot() throws {
        let dir = try TemporaryDirectory()
        let output = dir.url("BundledAdvisorySnapshot.swift")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/build_advisory_snapshot.py", "Tests/Fixtures/advisories/openclaw-advisories.json", "--output", output]
        process.currentDirectoryURL = ProjectFile.root
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let rebuilt = try String(contentsOfFile: output, encoding: .utf8)
        #expect(rebuilt == (try ProjectFile.text("Sources/SecurityAudit/Advisories/BundledAdvisorySnapshot.swift")))
    }

    @Test func theBundledDataKnowsTheOneClickRCE() throws {
        let assessment = ReleaseAssessment(version: v("2026.1.24-3"), advisories: AdvisoryDatabase.bundled.advisories)
        let rce = try #require(assessment.affected.first { $0.advisory.id == "GHSA-g8p2-7wf7-98mq" })
        #expect(rce.advisory.cve == "CVE-2026-25253")
        #expect(rce.fixedIn == v("2026.1.29"))
        #expect(ReleaseAssessment(version: v("2026.1.29"), advisories: AdvisoryDatabase.bundled.advisories)
            .affected.allSatisfy { $0.advisory.id != "GHSA-g8p2-7wf7-98mq" })
        // Newer than every fix in the data: nothing.
        #expect(ReleaseAssessment(version: v("2026.11.1"), advisories: AdvisoryDatabase.bundled.advisories).affected.isEmpty)
    }

    @Test func theExactBuildInTheBundledDataMatchesOneBuild() {
        let all = AdvisoryDatabase.bundled.advisories
        let exact = ReleaseAssessment(version: v("2026.7.1-2"), advisories: all).affected.count
        #expect(exact == ReleaseAssessment(version: v("2026.7.1"), advisories: all).affected.count + 1)
        #expect(exact == ReleaseAssessment(version: v("2026.7.1-3"), advisories: all).affected.count + 1)
    }
}
