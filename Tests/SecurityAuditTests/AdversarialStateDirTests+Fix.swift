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
