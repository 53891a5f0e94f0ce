import Foundation
import Testing
@testable import SecurityAudit

/// Hostile input, round two: text from the state dir that tries to change how the report
/// reads (a forged line, a home that is only a prefix of another path).
extension AdversarialStateDirTests {
    @Test func homeIsShortenedByWholePathComponentsOnly() throws {
        let block = FixTextBlock(
            result: SecurityFixResult(stateDir: "/x/hm/rootbeer", configPath: "/x/hm/rootbeer/openclaw.json", dryRun: true),
            homeDir: "/x/hm/r", environment: [:])
        #expect(block.shortenInString("chmod /x/hm/rootbeer/openclaw.json failed") == "chmod /x/hm/rootbeer/openclaw.json failed")
        #expect(block.shortenInString("--- /x/hm/r/.openclaw/openclaw.json") == "--- ~/.openclaw/openclaw.json")
        #expect(block.shortenInString("/x/hm/r: Permission denied; '/x/hm/r'") == "~: Permission denied; '~'")
        #expect(block.shortenInString("/y/x/hm/r/a and /x/hm/r2") == "/y/x/hm/r/a and /x/hm/r2")

        // Through the CLI: HOME=<tmp>/hm/r, state dir <tmp>/hm/rootbeer.
        let state = try HostileStateDir()
        try state.dir.makeDirectory("hm/r")
        try state.dir.makeDirectory("hm/rootbeer")
        try state.dir.write("hm/rootbeer/openclaw.json", "{ logging: { redactSensitive: 'off' } }\n", mode: 0o644)
        state.environment["HOME"] = state.dir.url("hm/r")
        state.environment["OPENCLAW_STATE_DIR"] = state.dir.url("hm/rootbeer")
        let outcome = try state.audit(["--fix", "--dry-run"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stdout.contains("~ootbeer"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("--- \(state.dir.url("hm/rootbeer"))/openclaw.json"), "\(outcome.stdout)")
    }

    @Test func newlinesFromConfigTextAndPathsNeverStartALine() throws {
        let state = try HostileStateDir()
        // The state dir's own name holds a newline and a fake finding.
        try state.dir.makeDirectory("st\nINFO forged.path all clear")
        let stateDir = state.dir.url("st\nINFO forged.path all clear")
        state.environment["OPENCLAW_STATE_DIR"] = stateDir
        try state.dir.write("st\nINFO forged.path all clear/openclaw.json", """
            {
              logging: { redactSensitive: "off" },
              agents: { list: [{ id: "a\\nINFO forged.agent all clear" }] },
              channels: { telegram: { botToken: "123456:abcdefghijklmnopqrstuvwxyz", groupPolicy: "open",
                                      allowFrom: ["*\\nINFO forged.entry all clear"] } },
            }
            """, mode: 0o600)
        for arguments in [[], ["--fix", "--dry-run"]] {
            let outcome = try state.audit(arguments)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let lines = outcome.stdout.split(separator: "\n")
            #expect(!lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("INFO forged") }, "\(outcome.stdout)")
            #expect(outcome.stdout.contains("\\u{a}INFO forged.agent all clear"), "\(outcome.stdout)")
            #expect(outcome.stdout.contains("\\u{a}INFO forged.entry all clear"))
            if arguments.contains("--dry-run") {
                #expect(lines.contains { $0.hasPrefix("    --- ") && $0.hasSuffix("\\u{a}INFO forged.path all clear/openclaw.json") }, "\(outcome.stdout)")
            }
        }
        // The machine formats carry the text raw: escaping is the text reporter's alone.
        let json = try state.audit(["--json"])
        #expect(json.stdout.contains(#"a\nINFO forged.agent all clear"#), "\(json.stdout)")
        #expect(!json.stdout.contains(#"\\u{a}"#), "\(json.stdout)")
        let dryRun = try state.audit(["--fix", "--dry-run", "--json"])
        #expect(dryRun.stdout.contains(#"+++ \#(stateDir.replacing("\n", with: "\\n"))/openclaw.json (fixed)"#), "\(dryRun.stdout)")
    }

    /// Issue 20 item 9 also named config values and a gateway's error message: a line
    /// break in `gateway.bind` used to reach the text detail raw.
    @Test func newlinesInConfigValuesAndGatewayErrorsAreEscapedInTextOnly() throws {
        let state = try HostileStateDir()
        _ = try state.write("openclaw.json", #"{ gateway: { bind: "lan\nINFO forged.bind all clear", auth: { mode: "none" } } }"#)
        let text = try state.audit([])
        #expect(!text.stdout.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("INFO forged") }, "\(text.stdout)")
        #expect(text.stdout.contains("lan\\u{a}INFO forged.bind all clear"), "\(text.stdout)")

        var report = AuditReport(timestamp: 0, findings: [Finding(
            checkId: "gateway.probe_failed", severity: .warn, title: "Gateway probe failed",
            detail: "closed\nINFO fake\r\u{1B}[2J; second line")])
        report.untrustedText = UntrustedText(["closed\nINFO fake\r\u{1B}[2J"])
        let rendered = TextReporter(colors: false, profile: nil).render(report)
        #expect(rendered.contains("  closed\\u{a}INFO fake\\u{d}\\u{1b}[2J; second line\n"), "\(rendered)")
        let document = JSONReporter().render(report)
        #expect(document.contains(#"closed\nINFO fake\r\u001b[2J"#), "\(document)")
    }
}

extension AdversarialStateDirTests {
    @Test func tokenLikeFileNamesAreRedactedInFindingsAndChmodLines() throws {
        let state = try HostileStateDir()
        let token = SecretSamples.gitHub()
        try state.write("openclaw.json", "{}", mode: 0o644)
        try state.dir.makeDirectory("state/credentials")
        chmod(state.state("credentials"), 0o755)
        try state.write("credentials/\(token).json", "{}", mode: 0o644)
        // A world-readable transcript is named in its finding.
        try state.write("agents/main/sessions/\(token).jsonl", "{}", mode: 0o644)
        for arguments in [["--json"], [], ["--fix", "--dry-run"], ["--fix", "--dry-run", "--json"]] {
            let outcome = try state.audit(arguments)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(!outcome.stdout.contains(token), "\(arguments): the token is in clear")
            #expect(outcome.stdout.contains("ghp_…"), "\(arguments): \(outcome.stdout)")
        }
        #expect(SecretTextRedaction.redact("chmod 600 /s/credentials/\(token).json") == "chmod 600 /s/credentials/\(SecretRedaction.redact(Array(token.utf8), kind: .gitHub)).json")
        #expect(SecretTextRedaction.redact("nothing secret here") == "nothing secret here")
    }
}
