import Foundation
import Testing
@testable import SecurityAudit

/// Hostile input, round two: `--fix` against state dirs built to make it leak, write in
/// the wrong place or report success it did not have.
extension AdversarialStateDirTests {
    @Test func dryRunDiffsRedactSecretsOnAndAroundFixedLines() throws {
        let state = try HostileStateDir()
        let apiKey = SecretSamples.anthropic()
        // Low entropy: no detector takes it for a secret, its key name does.
        let gatewayToken = "plain-gateway-token"
        let keyBody = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvuNMoSfm76oqFvAp8Gy0iz5sxjZmSnXyCdPEovGhLa0VzMaQ8s+CLOyS56YyCFGeJZ"
        let privateKey = "-----BEGIN PRIVATE KEY-----\\n\(keyBody)\\n-----END PRIVATE KEY-----"
        try state.write("openclaw.json", """
            {
              models: { providers: { anthropic: { apiKey: "\(apiKey)" } } },
              gateway: { auth: { token: "\(gatewayToken)" } },
              logging: { redactSensitive: "off", other: "\(privateKey)" },
              env: { vars: { REF: "${SOME_TOKEN}" } },
            }

            """)
        for arguments in [["--fix", "--dry-run"], ["--fix", "--dry-run", "--json"]] {
            let outcome = try state.audit(arguments)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            for secret in [apiKey, gatewayToken, keyBody] {
                #expect(!outcome.stdout.contains(secret), "\(arguments): \(secret) in clear")
            }
            guard !arguments.contains("--json") else {
                #expect(outcome.stdout.contains(#""configDiffs": ["#), "\(outcome.stdout)")
                #expect(outcome.stdout.contains(#"token: \"plai…en (19 chars)\" } },\n-  logging"#))
                continue
            }
            // The diff still reads as a diff of the same lines.
            #expect(outcome.stdout.contains(#"-  logging: { redactSensitive: "off", other: "----…"#), "\(outcome.stdout)")
            #expect(outcome.stdout.contains(#"+  logging: { redactSensitive: "tools", other: "----…"#))
            #expect(outcome.stdout.contains(#"   gateway: { auth: { token: "plai…en (19 chars)" } },"#))
            // A reference names a secret without holding it: shown as written.
            #expect(outcome.stdout.contains("${SOME_TOKEN}"))
            #expect(outcome.stdout.contains("@@ -1,6 +1,6 @@"))
        }
    }

    @Test func secretNamesFollowTheAssignmentRule() {
        for name in ["apiKey", "token", "botToken", "password", "clientSecret", "OPENAI_API_KEY", "privateKey"] {
            #expect(SecretAssignmentDetector.isSecretName(name), "\(name)")
        }
        for name in ["maxTokens", "sessionKey", "publicKey", "mode", "key", "tokens", ""] {
            #expect(!SecretAssignmentDetector.isSecretName(name), "\(name)")
        }
    }
}

extension AdversarialStateDirTests {
    @Test func outputRefusesTheConfigItsIncludesAndTheStateDir() throws {
        let state = try HostileStateDir()
        let config = "{ $include: './part.json5' }\n"
        try state.write("openclaw.json", config)
        try state.write("part.json5", "{ logging: { redactSensitive: 'off' } }\n")
        try state.dir.makeDirectory("elsewhere")
        try state.dir.write("cfg/openclaw.json", config)
        try state.dir.write("cfg/part.json5", "{ logging: { redactSensitive: 'off' } }\n")
        // The config's folder through a symlink is still the config.
        try FileManager.default.createSymbolicLink(atPath: state.dir.url("link"), withDestinationPath: state.stateDir)
        let cases: [(arguments: [String], reason: String)] = [
            (["--json", "--output", state.configPath], "it is the audited config"),
            (["--json", "--output", state.dir.url("link/openclaw.json")], "it is the audited config"),
            (["--format", "sarif", "--output", state.state("part.json5")], "it is inside the state dir"),
            // A config outside the state dir: its include is refused as an include.
            (["--config", state.dir.url("cfg/openclaw.json"), "--json", "--output", state.dir.url("cfg/part.json5")],
             "it is an include file of the audited config"),
            (["--json", "--output", state.state("credentials/report.json")], "it is inside the state dir"),
            (["--json", "--write-baseline", state.state("baseline.json")], "it is inside the state dir"),
            (["--fix", "--format", "sarif", "--output", state.configPath], "it is the audited config"),
        ]
        for (arguments, reason) in cases {
            let outcome = try state.audit(arguments)
            #expect(outcome.status == 1, "\(arguments): \(outcome)")
            #expect(outcome.stdout.isEmpty)
            #expect(outcome.stderr.contains("refusing to write the "), "\(outcome.stderr)")
            #expect(outcome.stderr.contains(reason), "\(arguments): \(outcome.stderr)")
            // Nothing written, nothing fixed.
            #expect(try String(contentsOfFile: state.configPath, encoding: .utf8) == config)
            #expect(try String(contentsOfFile: state.state("part.json5"), encoding: .utf8).contains("'off'"))
            #expect(try String(contentsOfFile: state.dir.url("cfg/part.json5"), encoding: .utf8).contains("'off'"))
            #expect(!FileManager.default.fileExists(atPath: state.state("credentials/report.json")))
            #expect(!FileManager.default.fileExists(atPath: state.state("baseline.json")))
        }
        // Beside the state dir is fine.
        let report = state.dir.url("elsewhere/report.json")
        #expect(try state.audit(["--json", "--output", report]).status == 0)
        #expect(FileManager.default.fileExists(atPath: report))
    }
}

extension AdversarialStateDirTests {
    @Test func fixSkipsFilesWithMoreThanOneHardLink() throws {
        let fixture = try FixFixture(config: "{}")
        try fixture.makeDirectory("credentials", mode: 0o700)
        // A file outside the state dir, linked into credentials/.
        let outside = try fixture.dir.write("outside/shared.json", "{}", mode: 0o644)
        #expect(link(outside, fixture.state("credentials/shared.json")) == 0)
        try fixture.write("credentials/own.json", "{}", mode: 0o644)
        let result = fixture.fix()
        let shared = result.actions.first { $0.path == fixture.state("credentials/shared.json") }
        #expect(shared?.skipped == .hardlink)
        #expect(FixFixture.mode(outside) == 0o644)
        #expect(fixture.mode("credentials/own.json") == 0o600)
        #expect(result.ok)

        let text = FixTextBlock(result: result, homeDir: "/nonexistent", environment: [:])
            .lines(palette: TerminalPalette(enabled: false), profile: nil).joined(separator: "\n")
        #expect(text.contains("skip chmod 600 \(fixture.state("credentials/shared.json")) (hardlink)"), "\(text)")
    }

    @Test func fixRefusesSystemHomeAndStickyStateDirs() throws {
        #expect(UnsafeStateDir.refusal(stateDir: "/", homeDirs: []) == "it is /")
        #expect(UnsafeStateDir.refusal(stateDir: "/etc/", homeDirs: []) == "/etc is a system directory")
        #expect(UnsafeStateDir.refusal(stateDir: "/usr/../tmp", homeDirs: []) == "/tmp is a system directory")
        #expect(UnsafeStateDir.refusal(stateDir: "/home/u", homeDirs: ["/home/u/"]) == "it is the home directory itself")
        #expect(UnsafeStateDir.refusal(stateDir: "/home/u/.openclaw", homeDirs: ["/home/u"]) == nil)

        // `/` and `/etc` as state dirs, in a dry run (a real run there is what is refused):
        // the state dir's action fails and fix.ok is false.
        for dir in ["/", "/etc"] {
            let fixture = try FixFixture(environment: ["OPENCLAW_CONFIG_PATH": "/nonexistent/openclaw.json"])
            fixture.environment["OPENCLAW_STATE_DIR"] = dir
            let result = fixture.fix(dryRun: true)
            #expect(!result.ok, "\(dir)")
            #expect(result.actions.first { $0.path == dir }?.error?.hasPrefix("refusing to change the state dir") == true, "\(result.actions)")
            #expect(!result.actions.contains { $0.status == .planned || $0.status == .applied })
        }

        // A shared sticky folder and the home folder itself, for real: nothing changes.
        for kind in ["sticky", "home"] {
            let fixture = try FixFixture()
            let dir = kind == "home" ? fixture.dir.url("home") : fixture.dir.url("shared")
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            chmod(dir, kind == "home" ? 0o755 : 0o1777)
            try fixture.dir.write((kind == "home" ? "home" : "shared") + "/openclaw.json", "{ logging: { redactSensitive: 'off' } }", mode: 0o644)
            fixture.environment["OPENCLAW_STATE_DIR"] = dir
            let result = fixture.fix()
            #expect(!result.ok)
            #expect(result.actions.first?.error?.contains(kind == "home" ? "the home directory itself" : "shared sticky directory (mode 1777)") == true, "\(result.actions)")
            #expect(result.errors.contains { $0.hasPrefix("writeConfigFile refused: state dir") }, "\(result.errors)")
            #expect(!result.actions.contains { $0.status == .applied })
            #expect(FixFixture.mode(dir + "/openclaw.json") == 0o644)
            #expect(try String(contentsOfFile: dir + "/openclaw.json", encoding: .utf8).contains("'off'"))
            var info = stat()
            #expect(stat(dir, &info) == 0 && info.st_mode & 0o7777 == (kind == "home" ? 0o755 : 0o1777))
        }
    }

    @Test func aStateDirSwappedForASymlinkMidFixKeepsTheChmodsInTheOriginalTree() throws {
        let fixture = try FixFixture(config: "{}")
        try fixture.makeDirectory("credentials", mode: 0o755)
        try fixture.dir.makeDirectory("other/credentials")
        chmod(fixture.dir.url("other/credentials"), 0o755)
        let walker = NoFollowWalker(anchors: [fixture.stateDir])
        // The swap: the state dir moves away and a link to another tree takes its name.
        #expect(rename(fixture.stateDir, fixture.dir.url("moved")) == 0)
        #expect(symlink(fixture.dir.url("other"), fixture.stateDir) == 0)
        let action = PermissionFixer(walker: walker, dryRun: false)
            .fix(fixture.state("credentials"), mode: 0o700, require: .directory)
        #expect(action.status == .applied)
        #expect(FixFixture.mode(fixture.dir.url("other/credentials")) == 0o755)
        #expect(FixFixture.mode(fixture.dir.url("moved/credentials")) == 0o700)
    }
}
