import Foundation
import Testing
@testable import SecurityAudit

/// How `--fix` is reported: the `SecurityFixResult` JSON, the `{fix, report}` wrapper,
/// the FIX block of the text report, the dry-run diff, and the CLI around them.
struct FixOutputTests {
    static let sample = SecurityFixResult(
        stateDir: "/home/u/.openclaw", configPath: "/home/u/.openclaw/openclaw.json", configWritten: true,
        changes: ["channels.telegram.groupPolicy=open -> allowlist"],
        actions: [
            SecurityFixAction(path: "/home/u/.openclaw", mode: 0o700, status: .applied),
            SecurityFixAction(path: "/home/u/.openclaw/openclaw.json", mode: 0o600, status: .skipped(.already)),
            SecurityFixAction(path: "/home/u/.openclaw/credentials", mode: 0o700, status: .failed("Operation not permitted")),
        ],
        errors: ["writeConfigFile failed: /home/u/.openclaw/x: boom"])

    @Test func theResultHasTheOriginalsShape() {
        #expect(Self.sample.jsonValue.rendered() == """
            {
              "ok": false,
              "stateDir": "/home/u/.openclaw",
              "configPath": "/home/u/.openclaw/openclaw.json",
              "configWritten": true,
              "changes": [
                "channels.telegram.groupPolicy=open -> allowlist"
              ],
              "actions": [
                {
                  "kind": "chmod",
                  "path": "/home/u/.openclaw",
                  "mode": 448,
                  "ok": true
                },
                {
                  "kind": "chmod",
                  "path": "/home/u/.openclaw/openclaw.json",
                  "mode": 384,
                  "ok": false,
                  "skipped": "already"
                },
                {
                  "kind": "chmod",
                  "path": "/home/u/.openclaw/credentials",
                  "mode": 448,
                  "ok": false,
                  "error": "Operation not permitted"
                }
              ],
              "errors": [
                "writeConfigFile failed: /home/u/.openclaw/x: boom"
              ]
            }
            """)
    }

    @Test func theJSONDocumentWrapsFixAndReport() throws {
        let text = FixJSONReporter(fix: Self.sample).render(AuditReport(timestamp: 7, findings: []))
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object.map { Set($0.keys) } == ["fix", "report"])
        #expect((object?["report"] as? [String: Any])?["ts"] as? Int == 7)
        #expect(text.hasPrefix("{\n  \"fix\": {\n    \"ok\": false,"))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func theTextBlockListsChangesActionsAndErrorsWithHomeShortened() {
        let block = FixTextBlock(result: Self.sample, homeDir: "/home/u", environment: [:])
        let report = TextReporter(colors: false, profile: nil, fixBlock: block).render(AuditReport(timestamp: 0, findings: []))
        #expect(report == """
            OpenClaw security audit
            Summary: 0 critical · 0 warn · 0 info
            OpenClaw release: unknown (checked as the newest; set --openclaw-version)
            Run deeper: openclaw-security audit --deep
            Fix: openclaw-security audit --fix

            FIX
              channels.telegram.groupPolicy=open -> allowlist
              chmod 700 ~/.openclaw
              skip chmod 600 ~/.openclaw/openclaw.json (already)
              chmod 700 ~/.openclaw/credentials failed: Operation not permitted
              error: writeConfigFile failed: ~/.openclaw/x: boom

            """)
    }

    @Test func openclawHomeIsNamedAndTheProfileIsKept() {
        let block = FixTextBlock(result: Self.sample, homeDir: "/home/u", environment: ["OPENCLAW_HOME": "/home/u"])
        let lines = block.lines(palette: TerminalPalette(enabled: false), profile: "work")
        #expect(lines.first == "Fix: openclaw-security audit --fix --profile work")
        #expect(lines.contains("  chmod 700 $OPENCLAW_HOME/.openclaw"))
        #expect(block.shortenPath("/home/user2/x") == "/home/user2/x")
        #expect(block.shortenPath("/home/u") == "$OPENCLAW_HOME")
    }

    @Test func nothingToDoIsOneLine() {
        var result = SecurityFixResult(stateDir: "/s", configPath: "/s/openclaw.json")
        result.actions = [SecurityFixAction(path: "/s", mode: 0o700, status: .skipped(.already))]
        let lines = FixTextBlock(result: result, homeDir: "/h", environment: [:]).lines(palette: TerminalPalette(enabled: false), profile: nil)
        #expect(lines == ["Fix: openclaw-security audit --fix", "Fixes: no changes applied"])
    }

    @Test func aDryRunShowsTheDiffAndWhatWouldChange() {
        var result = SecurityFixResult(stateDir: "/s", configPath: "/s/openclaw.json", dryRun: true)
        result.changes = [#"logging.redactSensitive=off -> "tools""#]
        result.configDiffs = [ConfigFileDiff(path: "/s/openclaw.json", unifiedDiff: "--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y\n")]
        result.actions = [SecurityFixAction(path: "/s", mode: 0o700, status: .planned)]
        let lines = FixTextBlock(result: result, homeDir: "/h", environment: [:]).lines(palette: TerminalPalette(enabled: false), profile: nil)
        #expect(lines == [
            "Apply: openclaw-security audit --fix", "", "FIX (dry run: nothing was changed)",
            #"  logging.redactSensitive=off -> "tools""#,
            "    --- a", "    +++ b", "    @@ -1 +1 @@", "    -x", "    +y",
            "  would chmod 700 /s",
        ])
        let json = result.jsonValue.rendered(indent: 0)
        #expect(json.contains(#""ok":false,"planned":true"#))
        #expect(json.contains(#""dryRun":true,"configDiffs":[{"path":"/s/openclaw.json","diff":"--- a\n+++ b\n@@ -1 +1 @@\n-x\n+y\n"}]"#))
    }

    @Test func controlCharactersInPathsDoNotReachTheTerminal() {
        var result = SecurityFixResult(stateDir: "/s", configPath: "/s/c")
        result.actions = [SecurityFixAction(path: "/s/\u{1B}[31mred", mode: 0o600, status: .applied)]
        let lines = FixTextBlock(result: result, homeDir: "/h", environment: [:]).lines(palette: TerminalPalette(enabled: false), profile: nil)
        #expect(lines.last == "  chmod 600 /s/\\u{1b}[31mred")
    }

    // MARK: - Unified diff

    @Test func aDiffHasContextAndSeparateHunks() {
        let old = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 2\n", with: "line two\n").replacingOccurrences(of: "line 18\n", with: "line 18\nadded\n")
        #expect(UnifiedDiff.render(old: Array(old.utf8), new: Array(new.utf8), oldLabel: "a", newLabel: "b") == """
            --- a
            +++ b
            @@ -1,5 +1,5 @@
             line 1
            -line 2
            +line two
             line 3
             line 4
             line 5
            @@ -16,5 +16,6 @@
             line 16
             line 17
             line 18
            +added
             line 19
             line 20

            """)
    }

    @Test func nearbyChangesShareAHunkAndAMissingNewlineIsMarked() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh"
        let new = "a\nB\nc\nd\ne\nf\nG\nh"
        #expect(UnifiedDiff.render(old: Array(old.utf8), new: Array(new.utf8), oldLabel: "x", newLabel: "y") == """
            --- x
            +++ y
            @@ -1,8 +1,8 @@
             a
            -b
            +B
             c
             d
             e
             f
            -g
            +G
             h
            \\ No newline at end of file

            """)
        #expect(UnifiedDiff.render(old: Array(old.utf8), new: Array(old.utf8), oldLabel: "x", newLabel: "y") == "")
        #expect(UnifiedDiff.render(old: [], new: Array("a\n".utf8), oldLabel: "x", newLabel: "y") == "--- x\n+++ y\n@@ -0,0 +1 @@\n+a\n")
    }
}
