import Foundation
import Testing
@testable import SecurityAudit

/// `--fix` permission changes: the targets in the original's order, never through a
/// symbolic link, never outside the state dir or the config's folder, and a second run
/// that finds nothing to do.
struct FixPermissionTests {
    /// A state dir with every kind of target, all too open.
    static func fullStateDir(config: String = "{ agents: { list: [{ id: 'Ops' }, { id: 'helper', default: true }] } }") throws -> FixFixture {
        let fixture = try FixFixture(config: #"{ $include: "./inc/base.json5" }"#)
        try fixture.write("inc/base.json5", config)
        try fixture.write("credentials/b.json", "{}")
        try fixture.write("credentials/a.json", "{}")
        try fixture.write("credentials/notes.txt", "")
        try fixture.makeDirectory("credentials/whatsapp.json")
        try fixture.write("credentials/whatsapp/default/creds.json", "{}")
        for id in ["helper", "ops", "main"] {
            try fixture.write("agents/\(id)/agent/auth-profiles.json", "{}")
            try fixture.write("agents/\(id)/sessions/sessions.json", "{}")
            try fixture.write("agents/\(id)/sessions/s2.jsonl", "")
            try fixture.write("agents/\(id)/sessions/s1.jsonl", "")
        }
        for folder in [".", "inc", "credentials", "agents/helper", "agents/helper/agent", "agents/helper/sessions", "agents/ops", "agents/ops/agent", "agents/ops/sessions"] {
            chmod(fixture.state(folder), 0o755)
        }
        return fixture
    }

    @Test func targetsComeInTheOriginalsOrder() throws {
        let fixture = try Self.fullStateDir()
        let result = fixture.fix()
        let expected: [(String, UInt32)] = [
            (".", 0o700), ("openclaw.json", 0o600), ("inc/base.json5", 0o600),
            ("credentials", 0o700), ("credentials/a.json", 0o600), ("credentials/b.json", 0o600),
        ] + ["helper", "ops"].flatMap { id -> [(String, UInt32)] in [
            ("agents/\(id)", 0o700), ("agents/\(id)/agent", 0o700), ("agents/\(id)/agent/auth-profiles.json", 0o600),
            ("agents/\(id)/sessions", 0o700), ("agents/\(id)/sessions/sessions.json", 0o600),
            ("agents/\(id)/sessions/s1.jsonl", 0o600), ("agents/\(id)/sessions/s2.jsonl", 0o600),
        ] } + [
            // Ours, after the original's targets: transcripts of agents the roster does not
            // name (what fs.session_transcripts.perms_readable reports).
            ("agents/main/sessions/s1.jsonl", 0o600), ("agents/main/sessions/s2.jsonl", 0o600),
        ]
        #expect(result.actions.map(\.path) == expected.map { fixture.state($0.0) })
        #expect(result.actions.map(\.mode) == expected.map(\.1))
        #expect(result.actions.allSatisfy { $0.status == .applied }, "\(result.actions)")
        for (path, mode) in expected {
            #expect(fixture.mode(path) == mode_t(mode), "\(path)")
        }
        // Not a target: deeper credentials, other files, the agent state of an agent the roster does not name.
        #expect(fixture.mode("credentials/whatsapp/default/creds.json") == 0o644)
        #expect(fixture.mode("credentials/notes.txt") == 0o644)
        #expect(fixture.mode("agents/main/agent/auth-profiles.json") == 0o644)
        #expect(result.ok)
    }

    @Test func aSecondRunChangesNothingAndSaysAlready() throws {
        let fixture = try Self.fullStateDir(config: "{ logging: { redactSensitive: 'off' }, channels: { signal: { groupPolicy: 'open' } } }")
        let first = fixture.fix()
        #expect(first.configWritten)
        #expect(first.changes.count == 2)
        let configAfterFirst = fixture.text("inc/base.json5")
        let namesAfterFirst = fixture.names(in: ".")

        let second = fixture.fix()
        #expect(second.changes == [])
        #expect(!second.configWritten)
        #expect(second.errors == [])
        #expect(second.actions.count == first.actions.count)
        #expect(second.actions.allSatisfy { $0.skipped == .already }, "\(second.actions)")
        #expect(fixture.text("inc/base.json5") == configAfterFirst)
        // No write, so no new backup either.
        #expect(fixture.names(in: ".") == namesAfterFirst)
    }

    @Test func aSymlinkedCredentialsFolderIsNotFollowedOutOfTheStateDir() throws {
        let fixture = try FixFixture(config: "{}")
        let outside = try fixture.dir.write("elsewhere/creds/token.json", "{}", mode: 0o644)
        chmod(fixture.dir.url("elsewhere/creds"), 0o755)
        try fixture.symlink("credentials", to: fixture.dir.url("elsewhere/creds"))
        let result = fixture.fix()
        let credentials = result.actions.first { $0.path == fixture.state("credentials") }
        #expect(credentials?.skipped == .symlink)
        #expect(!result.actions.contains { $0.path.hasSuffix("token.json") })
        #expect(FixFixture.mode(outside) == 0o644)
        #expect(FixFixture.mode(fixture.dir.url("elsewhere/creds")) == 0o755)
    }

    @Test func aSymlinkedAgentFolderSkipsEverythingBelowIt() throws {
        let fixture = try FixFixture(config: "{}")
        let outsideProfile = try fixture.dir.write("elsewhere/agent-main/agent/auth-profiles.json", "{}", mode: 0o644)
        let outsideTranscript = try fixture.dir.write("elsewhere/agent-main/sessions/x.jsonl", "", mode: 0o644)
        try fixture.makeDirectory("agents")
        try fixture.symlink("agents/main", to: fixture.dir.url("elsewhere/agent-main"))
        let result = fixture.fix()
        let agentActions = result.actions.filter { $0.path.hasPrefix(fixture.state("agents/main")) }
        #expect(agentActions.map(\.path) == ["agents/main", "agents/main/agent", "agents/main/agent/auth-profiles.json", "agents/main/sessions", "agents/main/sessions/sessions.json"].map(fixture.state))
        #expect(agentActions.allSatisfy { $0.skipped == .symlink }, "\(agentActions)")
        #expect(FixFixture.mode(outsideProfile) == 0o644)
        #expect(FixFixture.mode(outsideTranscript) == 0o644)
        #expect(FixFixture.mode(fixture.dir.url("elsewhere/agent-main/agent")) == 0o755)
    }

    @Test func symlinkedFilesAreSkippedAndTheirTargetsKeepTheirMode() throws {
        let fixture = try FixFixture(config: "{}")
        let secret = try fixture.dir.write("elsewhere/secret.json", "{}", mode: 0o644)
        try fixture.write("agents/main/sessions/real.jsonl", "")
        try fixture.makeDirectory("agents/main/agent")
        try fixture.symlink("agents/main/agent/auth-profiles.json", to: secret)
        try fixture.symlink("agents/main/sessions/sessions.json", to: secret)
        try fixture.symlink("agents/main/sessions/linked.jsonl", to: secret)
        try fixture.write("credentials/real.json", "{}")
        try fixture.symlink("credentials/linked.json", to: secret)
        let result = fixture.fix()
        #expect(result.actions.first { $0.path.hasSuffix("auth-profiles.json") }?.skipped == .symlink)
        #expect(result.actions.first { $0.path.hasSuffix("sessions.json") }?.skipped == .symlink)
        // Listings take regular files only, as the original's readdir + isFile().
        #expect(!result.actions.contains { $0.path.hasSuffix("linked.jsonl") || $0.path.hasSuffix("linked.json") })
        #expect(result.actions.first { $0.path.hasSuffix("real.jsonl") }?.ok == true)
        #expect(result.actions.first { $0.path.hasSuffix("real.json") }?.ok == true)
        #expect(FixFixture.mode(secret) == 0o644)
    }

    @Test func aSymlinkedConfigIsNeitherChmoddedNorRewritten() throws {
        let fixture = try FixFixture()
        let realConfig = try fixture.dir.write("dotfiles/openclaw.json", "{ logging: { redactSensitive: 'off' } }", mode: 0o644)
        try fixture.symlink("openclaw.json", to: realConfig)
        let result = fixture.fix()
        #expect(result.changes == [#"logging.redactSensitive=off -> "tools""#])
        #expect(!result.configWritten)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.hasPrefix("writeConfigFile failed: \(fixture.configPath) is, or is inside, a symbolic link") == true, "\(result.errors)")
        #expect(result.actions[1].skipped == .symlink)
        #expect(FixFixture.mode(realConfig) == 0o644)
        #expect(FileManager.default.contents(atPath: realConfig) == Data("{ logging: { redactSensitive: 'off' } }".utf8))
        // The link is still a link.
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: fixture.configPath)) == realConfig)
    }

    @Test func includesOutsideTheConfigFolderAreRefusedAndUntouched() throws {
        let fixture = try FixFixture(config: #"{ $include: ["./ok.json5", "../outside.json5", "./linked.json5"] }"#)
        try fixture.write("ok.json5", "{}")
        chmod(fixture.state("ok.json5"), 0o644)
        let outside = try fixture.dir.write("outside.json5", "{}", mode: 0o644)
        let target = try fixture.dir.write("elsewhere/inc.json5", "{}", mode: 0o644)
        try fixture.symlink("linked.json5", to: target)
        // The loader refuses the config, so --fix changes nothing at all (issue 19).
        #expect(throws: ConfigLoadError.self) { try SecurityFixer.run(fixture.request) }
        #expect(FixFixture.mode(outside) == 0o644)
        #expect(FixFixture.mode(target) == 0o644)
        #expect(fixture.mode("ok.json5") == 0o644)
    }

    @Test func includesOfAConfigOutsideTheStateDirAreWalkedFromItsFolder() throws {
        let fixture = try FixFixture()
        let config = try fixture.dir.write("conf/openclaw.json", #"{ $include: ["./plain.json5", "./linked/inc.json5"] }"#, mode: 0o644)
        let plain = try fixture.dir.write("conf/plain.json5", "{ logging: { redactSensitive: 'off' } }", mode: 0o644)
        let real = try fixture.dir.write("conf/real/inc.json5", "{ channels: { telegram: { groupPolicy: 'open' } } }", mode: 0o644)
        try FileManager.default.createSymbolicLink(atPath: fixture.dir.url("conf/linked"), withDestinationPath: fixture.dir.url("conf/real"))
        fixture.environment["OPENCLAW_CONFIG_PATH"] = config
        let result = fixture.fix()
        // The loader accepts a link that stays in the folder; the fix neither writes nor
        // chmods through it.
        #expect(result.changes.count == 2)
        #expect(!result.configWritten)
        #expect(result.errors == ["writeConfigFile failed: \(fixture.dir.url("conf/linked/inc.json5")) is, or is inside, a symbolic link; not replaced (edit the real file, or point --config at it)"])
        #expect(result.actions[1...3].map(\.path) == [config, plain, fixture.dir.url("conf/linked/inc.json5")])
        #expect(result.actions[1...3].map(\.status) == [.applied, .applied, .skipped(.symlink)])
        #expect(FixFixture.mode(real) == 0o644)
        // Staging failed for one file, so none was replaced.
        #expect(FileManager.default.contents(atPath: plain) == Data("{ logging: { redactSensitive: 'off' } }".utf8))
    }

    @Test func nestedIncludesAreFollowedDepthFirst() throws {
        let fixture = try FixFixture(config: #"{ a: { $include: "./a.json5" }, b: { $include: "./b.json5" } }"#)
        try fixture.write("a.json5", #"{ $include: "./sub/a1.json5" }"#)
        try fixture.write("sub/a1.json5", #"{ x: { $include: "./a2.json5" } }"#)
        try fixture.write("sub/a2.json5", "{}")
        try fixture.write("b.json5", "{}")
        let result = fixture.fix()
        #expect(result.errors == [])
        #expect(result.actions[2...5].map(\.path) == ["a.json5", "sub/a1.json5", "sub/a2.json5", "b.json5"].map(fixture.state))
        #expect(result.actions[2...5].allSatisfy { $0.ok })
    }

    @Test func wrongKindsAndMissingPathsAreSkippedWithTheOriginalsReasons() throws {
        let fixture = try FixFixture(config: "{}")
        try fixture.write("credentials", "not a folder")
        try fixture.makeDirectory("agents/main/agent/auth-profiles.json")
        let result = fixture.fix()
        #expect(result.actions.first { $0.path == fixture.state("credentials") }?.skipped == .notADirectory)
        #expect(result.actions.first { $0.path.hasSuffix("auth-profiles.json") }?.skipped == .notAFile)
        #expect(result.actions.first { $0.path.hasSuffix("sessions") }?.skipped == .missing)
        #expect(result.actions.first { $0.path.hasSuffix("sessions.json") }?.skipped == .missing)
    }

    @Test func aMissingConfigGivesMissingAndNoEdits() throws {
        let fixture = try FixFixture()
        let result = fixture.fix()
        #expect(result.ok)
        #expect(result.changes == [])
        #expect(result.actions[1].path == fixture.configPath)
        #expect(result.actions[1].skipped == .missing)
        // Only the default agent when there is no config.
        #expect(result.actions.filter { $0.path.contains("/agents/") }.map(\.path).first == fixture.state("agents/main"))
    }

    @Test func anUnreadableFileIsStillTightened() throws {
        // O_PATH needs no read permission; a file that is write-only for its owner is
        // still reached.
        let fixture = try FixFixture(config: "{}")
        try fixture.write("credentials/odd.json", "{}", mode: 0o222)
        let result = fixture.fix()
        #expect(result.actions.first { $0.path.hasSuffix("odd.json") }?.ok == true)
        #expect(fixture.mode("credentials/odd.json") == 0o600)
    }

    @Test func aDryRunChangesNothing() throws {
        let fixture = try Self.fullStateDir(config: "{ logging: { redactSensitive: 'off' } }")
        let before = fixture.text("inc/base.json5")
        let result = fixture.fix(dryRun: true)
        #expect(result.dryRun)
        #expect(!result.configWritten)
        #expect(result.changes == [#"logging.redactSensitive=off -> "tools""#])
        #expect(result.actions.first?.status == .planned)
        #expect(result.actions.allSatisfy { $0.status == .planned }, "\(result.actions)")
        #expect(result.configDiffs.map(\.path) == [fixture.state("inc/base.json5")])
        #expect(result.configDiffs.first?.unifiedDiff.hasSuffix("-{ logging: { redactSensitive: 'off' } }\n\\ No newline at end of file\n+{ logging: { redactSensitive: 'tools' } }\n\\ No newline at end of file\n") == true)
        #expect(fixture.text("inc/base.json5") == before)
        #expect(fixture.mode(".") == 0o755)
        #expect(fixture.mode("credentials/a.json") == 0o644)
        #expect(fixture.names(in: "inc") == ["base.json5"])
    }
}
