import Foundation
import Testing
@testable import SecurityAudit

/// `--fix` follows the audited release: the `logging.redactSensitive` repair exists only
/// in releases that still have `logging.redact_off` (before 2026.8.1).
struct FixReleaseTests {
    let cli = CLITests()

    @Test(arguments: [("2026.7.1", true), ("2026.7.1-2", true), ("2026.8.1", false), ("2026.9.9", false)])
    func theRedactionRepairFollowsTheConfigStamp(stamp: String, repairs: Bool) throws {
        let fixture = try FixFixture(config: "{ meta: { lastTouchedVersion: '\(stamp)' }, logging: { redactSensitive: 'off' }, channels: { slack: { groupPolicy: 'open' } } }")
        let result = fixture.fix()
        let redaction = #"logging.redactSensitive=off -> "tools""#
        #expect(result.changes.contains(redaction) == repairs, "\(result.changes)")
        #expect(result.changes.contains("channels.slack.groupPolicy=open -> allowlist"))
        #expect(fixture.text("openclaw.json")?.contains("redactSensitive: 'off'") == !repairs)
    }

    @Test func anUnknownReleaseStillGetsTheRepairAsItStillGetsTheFinding() throws {
        let fixture = try FixFixture(config: "{ logging: { redactSensitive: 'off' } }")
        #expect(fixture.fix(dryRun: true).changes == [#"logging.redactSensitive=off -> "tools""#])
    }

    @Test func theDryRunOfARetiredReleaseShowsNoRedactionDiff() throws {
        let dir = try TemporaryDirectory()
        let config = "{ logging: { redactSensitive: 'off' } }\n"
        try dir.write("state/openclaw.json", config, mode: 0o600)
        let newer = try cli.run(["audit", "--fix", "--dry-run", "--openclaw-version", "2026.9.9"], environment: cli.environment(dir))
        #expect(newer.status == 0, "\(newer.stderr)")
        #expect(!newer.stdout.contains("redactSensitive"), "\(newer.stdout)")
        let older = try cli.run(["audit", "--fix", "--dry-run", "--openclaw-version", "2026.7.1"], environment: cli.environment(dir))
        #expect(older.stdout.contains("+{ logging: { redactSensitive: 'tools' } }"), "\(older.stdout)")
    }

    @Test func theFindingIsMarkedFixableOnlyWhereTheRepairExists() throws {
        // 2026.7.1 still has the check and its repair; on 2026.8.1 the finding is gone
        // (the release gate) and so is the repair.
        let older = try auditReport(
            in: TemporaryDirectory(), config: "{ meta: { lastTouchedVersion: '2026.7.1' }, logging: { redactSensitive: 'off' } }")
        #expect(older.findings.first { $0.checkId == LoggingRedactionCheck.id }?.fixable == true)
        let newer = try auditReport(
            in: TemporaryDirectory(), config: "{ meta: { lastTouchedVersion: '2026.8.1' }, logging: { redactSensitive: 'off' } }")
        #expect(!newer.findings.contains { $0.checkId == LoggingRedactionCheck.id })
    }
}
