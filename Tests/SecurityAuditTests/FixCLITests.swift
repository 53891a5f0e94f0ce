import Foundation
import Testing
@testable import SecurityAudit

/// `openclaw-security audit --fix` run as a user runs it.
struct FixCLITests {
    let cli = CLITests()

    @Test func jsonPrintsFixAndTheReportOfTheFixedState() throws {
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", "{ logging: { redactSensitive: 'off' } }", mode: 0o644)
        let result = try cli.run(["audit", "--fix", "--json"], environment: cli.environment(dir))
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let fix = object?["fix"] as? [String: Any]
        #expect(fix?["ok"] as? Bool == true)
        #expect(fix?["changes"] as? [String] == [#"logging.redactSensitive=off -> "tools""#])
        let findings = (object?["report"] as? [String: Any])?["findings"] as? [[String: Any]] ?? []
        #expect(!findings.contains { $0["checkId"] as? String == "logging.redact_off" })
    }

    @Test func textShowsTheFixBlockThenNoChangesOnTheSecondRun() throws {
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", "{ channels: { slack: { groupPolicy: 'open' } } }", mode: 0o644)
        let first = try cli.run(["audit", "--fix"], environment: cli.environment(dir))
        #expect(first.status == 0)
        #expect(first.stdout.contains("""

            FIX
              channels.slack.groupPolicy=open -> allowlist
              chmod 700 \(dir.url("state"))
              chmod 600 \(dir.url("state/openclaw.json"))
              skip chmod 700 \(dir.url("state/credentials")) (missing)

            """), "\(first.stdout)")
        #expect(first.stdout.contains("Fix: openclaw-security audit --fix\n"))
        let second = try cli.run(["audit", "--fix"], environment: cli.environment(dir))
        #expect(second.stdout.contains("Fix: openclaw-security audit --fix\nFixes: no changes applied\n"), "\(second.stdout)")
    }

    @Test func dryRunChangesNothingAndNeedsFix() throws {
        let dir = try TemporaryDirectory()
        let config = "{ logging: { redactSensitive: 'off' } }\n"
        let path = try dir.write("state/openclaw.json", config, mode: 0o644)
        let result = try cli.run(["audit", "--fix", "--dry-run"], environment: cli.environment(dir))
        #expect(result.status == 0)
        #expect(result.stdout.contains("FIX (dry run: nothing was changed)"))
        #expect(result.stdout.contains("-{ logging: { redactSensitive: 'off' } }\n    +{ logging: { redactSensitive: 'tools' } }\n"), "\(result.stdout)")
        #expect(result.stdout.contains("would chmod 600 "))
        // The report describes the state as it is.
        #expect(result.stdout.contains("logging.redact_off"))
        #expect(FileManager.default.contents(atPath: path) == Data(config.utf8))
        #expect(FixFixture.mode(path) == 0o644)
        #expect(try cli.run(["audit", "--dry-run"], environment: cli.environment(dir)).status == 64)
    }

    @Test func anInvalidConfigStillGetsTheChmodsAndExitsOne() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("state/openclaw.json", "{ this is not json }\n", mode: 0o644)
        let result = try cli.run(["audit", "--fix", "--json"], environment: cli.environment(dir))
        #expect(result.status == 1)
        #expect(result.stderr.contains("Config invalid\n\(path):1:8: "), "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let fix = object?["fix"] as? [String: Any]
        #expect(fix?["ok"] as? Bool == false)
        #expect((fix?["errors"] as? [String])?.first?.hasPrefix(": \(path):1:8: ") == true)
        #expect((object?["report"] as? [String: Any])?["findings"] is [Any])
        #expect(FixFixture.mode(path) == 0o600)
    }
}
