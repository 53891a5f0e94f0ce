import Foundation
import Testing
@testable import SecurityAudit

/// OpenClaw's SQLite state end to end: the 2026.9 example state dir audited plain and
/// deep, `--fix` on its databases, and the state dir left byte for byte as it was.
struct SQLiteStateTests {
    static let example = "Examples/openclaw-2026.9"
    static let databases = [
        "state/openclaw.sqlite", "agents/main/agent/openclaw-agent.sqlite", "agents/work/agent/openclaw-agent.sqlite",
    ]

    /// The example's databases as fixtures, built from its `.sql` files as
    /// `make-databases.sh` builds them (the rows after the marker stay in the log).
    static func exampleFiles(token: String, mode: UInt32 = 0o640) throws -> [FileFixture] {
        try databases.map { database in
            let script = try ProjectFile.text(example + "/" + database.replacingOccurrences(of: ".sqlite", with: ".sql"))
                .replacingOccurrences(of: "{{GITHUB_TOKEN}}", with: token)
            let parts = script.components(separatedBy: "-- only in the write-ahead log")
            let inLog = parts.count > 1 ? [String(parts[1].drop { $0 != "\n" })] : []
            return .sqliteDatabase(database, [parts[0]], inLog: inLog, mode: mode)
        }
    }

    static func exampleConfig() throws -> String {
        try ProjectFile.text(example + "/openclaw.json")
    }

    @Test func theExampleGetsFindingsNamingItsDatabases() throws {
        let token = SecretSamples.gitHub(seed: 42)
        let dir = try TemporaryDirectory()
        let context = try auditContext(
            in: dir, config: try Self.exampleConfig(), environment: ["OPENCLAW_GATEWAY_TOKEN": "t"],
            files: try Self.exampleFiles(token: token))
        #expect(context.files.stateDatabases.map { $0.path } == Self.databases.map { dir.url("state/" + $0) })
        let report = Auditor.run(context, timestamp: 0)
        let authStore = report.findings.filter { $0.checkId == "fs.auth_profiles.perms_readable" }
        #expect(authStore.map(\.title) == Array(repeating: "auth profile SQLite store is readable by others", count: 3))
        #expect(authStore.map(\.detail).allSatisfy { $0.contains("mode=640; auth profile storage contains API keys and OAuth tokens.") })
        #expect(authStore.contains { $0.detail.contains("agents/main/agent/openclaw-agent.sqlite-wal mode=640") })
        let state = try #require(report.findings.first { $0.checkId == "fs.sqlite_state.perms_readable" })
        #expect(state.severity == .warn)
        #expect(state.detail.contains("state/openclaw.sqlite mode=640"))
        // The plain audit does not read the databases.
        #expect(!context.secrets.databasesScanned)
        #expect(!report.findings.contains { $0.checkId == "secrets.databases" })
    }

    @Test func theDeepAuditFindsTheTokenLeftInTheLogAndChangesNothing() throws {
        let token = SecretSamples.gitHub(seed: 42)
        let dir = try TemporaryDirectory()
        var context = try auditContext(
            in: dir, config: try Self.exampleConfig(), environment: ["OPENCLAW_GATEWAY_TOKEN": "t"],
            files: try Self.exampleFiles(token: token))
        let before = treeSnapshot(dir.url("state"))
        context.deep = true
        SecretFactsCollector.addDatabases(to: &context, deadline: nil)
        #expect(sameTree(before, treeSnapshot(dir.url("state"))))
        let report = Auditor.run(context, timestamp: 0)
        let finding = try #require(report.findings.first { $0.checkId == "secrets.databases" })
        #expect(finding.title == "GitHub token in OpenClaw's SQLite databases")
        // Group-readable database: critical.
        #expect(finding.severity == .critical)
        #expect(finding.detail.contains("agents/main/agent/openclaw-agent.sqlite transcript_events.event_json rowid=2: ghp_"))
        #expect(finding.detail.contains("(file mode=640, readable by other users)"))
        let rendered = JSONReporter().render(report)
        #expect(!rendered.contains(token))
        #expect(context.secrets.databaseAppVersions.map(\.version) == ["2026.9.2", "2026.9.1"])
        #expect(context.secrets.databaseAppVersions.first?.path == dir.url("state/state/openclaw.sqlite"))
        let claim = try #require(OpenClawReleaseStamp.claim(context.secrets.databaseAppVersions))
        context.releaseEvidence.add(claim)
        #expect(context.openclaw.version?.description == "2026.9.2")
        #expect(context.openclaw.source == "state SQLite schema_meta.app_version (\(dir.url("state/state/openclaw.sqlite")))")
        #expect(report.complete)
    }

    /// Through the whole deep step: the databases' newest stamp is a release source
    /// that wins over the config's.
    @Test func theDeepStepAddsTheDatabaseStampAsAReleaseSource() throws {
        let files = try Self.exampleFiles(token: SecretSamples.gitHub())
        let report = try auditReport(example: CheckExample(
            "{ meta: { lastTouchedVersion: '2026.7.2' } }", files: files, deep: true))
        #expect(report.openclaw.version?.description == "2026.9.2")
        #expect(report.openclaw.source?.hasPrefix("state SQLite schema_meta.app_version (") == true)
        #expect(report.findings.contains { $0.checkId == "secrets.databases" })
        let plain = try auditReport(example: CheckExample("{ meta: { lastTouchedVersion: '2026.7.2' } }", files: files))
        #expect(plain.openclaw.version?.description == "2026.7.2")
    }

    @Test func aSpentBudgetLeavesTheDatabaseScanIncomplete() throws {
        let dir = try TemporaryDirectory()
        var context = try auditContext(in: dir, config: "{}", files: try Self.exampleFiles(token: SecretSamples.gitHub()))
        context.deep = true
        SecretFactsCollector.addDatabases(to: &context, deadline: 0)
        let report = Auditor.run(context, timestamp: 0)
        let incomplete = try #require(report.incomplete.first { $0.collector == "database-secret-scan" })
        #expect(incomplete.reason.contains("state/openclaw.sqlite: not scanned"))
        #expect(!report.complete)
    }

    @Test func fixMakesTheDatabasesPrivateAndTheyStillOpenWithEveryRow() throws {
        let fixture = try FixFixture(config: "{ agents: { list: [{ id: 'main' }] } }")
        let dir = fixture.dir
        try StateDirLayout.build(in: dir, config: "{ agents: { list: [{ id: 'main' }] } }", files: try Self.exampleFiles(token: SecretSamples.gitHub(), mode: 0o644))
        for folder in ["state", "agents/main/agent", "agents/work/agent"] { chmod(fixture.state(folder), 0o755) }
        let rowsBefore = Self.databases.map { DatabaseSecretScan().run(path: fixture.state($0)).rowsScanned }
        let bytesBefore = Self.databases.map { try? Data(contentsOf: URL(fileURLWithPath: fixture.state($0))) }

        let result = fixture.fix()
        #expect(result.ok, "\(result.errors)")
        for folder in ["state", "agents/main/agent", "agents/work/agent"] {
            #expect(fixture.mode(folder) == 0o700, "\(folder)")
        }
        for database in Self.databases {
            #expect(fixture.mode(database) == 0o600, "\(database)")
        }
        #expect(fixture.mode("agents/main/agent/openclaw-agent.sqlite-wal") == 0o600)
        let databaseActions = result.actions.filter { $0.path.contains(".sqlite") }
        #expect(databaseActions.map(\.path) == [
            "state/openclaw.sqlite", "agents/main/agent/openclaw-agent.sqlite", "agents/main/agent/openclaw-agent.sqlite-wal",
            "agents/work/agent/openclaw-agent.sqlite",
        ].map(fixture.state))
        // Modes only: the same bytes, every row still there.
        #expect(Self.databases.map { try? Data(contentsOf: URL(fileURLWithPath: fixture.state($0))) } == bytesBefore)
        #expect(Self.databases.map { DatabaseSecretScan().run(path: fixture.state($0)).rowsScanned } == rowsBefore)
        #expect(rowsBefore == [3, 5, 2])
    }

    @Test func fixFollowsNoLinkToADatabase() throws {
        let fixture = try FixFixture(config: "{}")
        let outside = try fixture.dir.write("outside.sqlite", "", mode: 0o644)
        try fixture.makeDirectory("state")
        try fixture.symlink("state/openclaw.sqlite", to: outside)
        let result = fixture.fix()
        let action = try #require(result.actions.first { $0.path == fixture.state("state/openclaw.sqlite") })
        #expect(action.status == .skipped(.symlink))
        #expect(FixFixture.mode(outside) == 0o644)
    }
}
