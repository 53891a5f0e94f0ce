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
              skip 6 missing paths (nothing to tighten): \(dir.url("state/credentials")), \(dir.url("state/agents/main")), \(dir.url("state/agents/main/agent")), \(dir.url("state/agents/main/agent/auth-profiles.json")), +2 more

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

    /// Issue 19 item 1: `--fix` used to audit an unparsable file as `{}` ("gateway.bind is
    /// loopback" for a file that says tailnet). A dry run refuses it and changes nothing.
    @Test(arguments: [["--fix", "--dry-run"], ["--fix", "--dry-run", "--json"]])
    func anUnparsableConfigIsRefusedAndNothingChanges(flags: [String]) throws {
        let dir = try TemporaryDirectory()
        let config = "{ gateway: { bind: 'tailnet', auth: { mode: 'none' } }\n  logging: { redactSensitive: 'off' } }\n"
        let path = try dir.write("state/openclaw.json", config, mode: 0o644)
        try dir.makeDirectory("state/credentials")
        chmod(dir.path + "/state", 0o755)
        chmod(dir.path + "/state/credentials", 0o755)
        let result = try cli.run(["audit"] + flags, environment: cli.environment(dir))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty, "\(result.stdout)")
        #expect(result.stderr.contains("Config invalid\n\(path):2:3: "), "\(result.stderr)")
        #expect(FileManager.default.contents(atPath: path) == Data(config.utf8))
        #expect(FixFixture.mode(path) == 0o644)
        #expect(FixFixture.mode(dir.path + "/state") == 0o755)
        #expect(FixFixture.mode(dir.path + "/state/credentials") == 0o755)
        #expect(!FileManager.default.fileExists(atPath: path + ".bak"))
    }

    /// A real `--fix` neither edits nor audits it either, but still tightens the state dir
    /// and the config file, as upstream's `src/security/fix.ts` does; nothing else.
    @Test(arguments: [false, true])
    func anUnparsableConfigIsNotEditedButItsPermissionsAreTightened(json: Bool) throws {
        let dir = try TemporaryDirectory()
        let config = "{ gateway: { bind: 'tailnet', auth: { mode: 'none' } }\n  logging: { redactSensitive: 'off' } }\n"
        let path = try dir.write("state/openclaw.json", config, mode: 0o644)
        try dir.makeDirectory("state/credentials")
        chmod(dir.path + "/state", 0o755)
        chmod(dir.path + "/state/credentials", 0o755)
        let result = try cli.run(["audit", "--fix"] + (json ? ["--json"] : []), environment: cli.environment(dir))
        #expect(result.status == 1)
        #expect(result.stderr.contains("Config invalid\n\(path):2:3: "), "\(result.stderr)")
        #expect(FileManager.default.contents(atPath: path) == Data(config.utf8))
        #expect(!FileManager.default.fileExists(atPath: path + ".bak"))
        #expect(FixFixture.mode(path) == 0o600)
        #expect(FixFixture.mode(dir.path + "/state") == 0o700)
        #expect(FixFixture.mode(dir.path + "/state/credentials") == 0o755)
        if json {
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let fix = try #require(document["fix"] as? [String: Any])
            let report = try #require(document["report"] as? [String: Any])
            #expect(fix["ok"] as? Bool == false)
            #expect((fix["errors"] as? [String])?.first?.hasPrefix("\(path):2:3: ") == true)
            #expect((report["findings"] as? [Any])?.isEmpty == true, "an empty config must not be audited")
            #expect(report["complete"] as? Bool == false)
        } else {
            #expect(result.stdout.isEmpty, "\(result.stdout)")
            #expect(result.stderr.contains("state dir and config permissions: 2 tightened, 0 failed"), "\(result.stderr)")
        }
    }

    @Test func anIncludeThatFailsIsRefusedToo() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("state/openclaw.json", "{ $include: './missing.json5' }\n", mode: 0o644)
        let result = try cli.run(["audit", "--fix"], environment: cli.environment(dir))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Config invalid\n"), "\(result.stderr)")
        #expect(FileManager.default.contents(atPath: path) == Data("{ $include: './missing.json5' }\n".utf8))
        #expect(FixFixture.mode(path) == 0o600)
    }

    /// `--fix` delivers its report as the audit does: `--output`, `--baseline`,
    /// `--write-baseline` and `--fail-on` used to be ignored under text and JSON (the
    /// report went to stdout, every finding counted, nothing was recorded, exit 0).
    @Test func fixReportsGoThroughTheSameDelivery() throws {
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", "{ gateway: { bind: 'lan', auth: { mode: 'none' } }, logging: { redactSensitive: 'off' } }", mode: 0o644)
        let report = dir.url("report.json"), baseline = dir.url("baseline.json")
        let first = try cli.run(
            ["audit", "--fix", "--json", "--output", report, "--write-baseline", baseline, "--fail-on", "critical"],
            environment: cli.environment(dir))
        #expect(first.status == 3, "\(first.stderr)")
        #expect(first.stdout.isEmpty, "\(first.stdout)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        #expect((document["fix"] as? [String: Any])?["ok"] as? Bool == true)
        let findings = (document["report"] as? [String: Any])?["findings"] as? [[String: Any]] ?? []
        #expect(findings.contains { $0["severity"] as? String == "critical" })
        #expect(FileManager.default.fileExists(atPath: baseline))

        let second = try cli.run(["audit", "--fix", "--baseline", baseline, "--fail-on", "critical"], environment: cli.environment(dir))
        #expect(second.status == 0, "\(second.stdout)")
        #expect(second.stdout.contains("Fixes: no changes applied"), "\(second.stdout)")
        #expect(!second.stdout.contains("CRITICAL"), "\(second.stdout)")
    }
}
