import Foundation
import JSON5
import Testing
@testable import SecurityAudit

/// `--format markdown`: summary line, table, details; hostile text cannot break out of
/// a cell or a fenced block.
struct MarkdownReporterTests {
    static func origin(_ file: String, line: Int, column: Int) -> ConfigOrigin {
        let position = SourcePosition(offset: 0, line: line, column: column)
        return ConfigOrigin(file: file, range: SourceRange(start: position, end: position))
    }

    static let report = AuditReport(timestamp: 0, findings: [
        Finding(checkId: "logging.redact_off", severity: .warn, title: "Tool summary redaction is disabled",
                detail: "logging.redactSensitive=\"off\" can leak secrets.", remediation: "Set logging.redactSensitive=\"tools\".",
                location: origin("/repo/openclaw.json", line: 4, column: 5)),
        Finding(checkId: "gateway.bind_no_auth", severity: .critical, title: "Gateway binds | beyond <b>loopback</b>",
                detail: "line one\n```\n</details> <img src=x>\nline ````four````", remediation: nil,
                location: origin("/elsewhere/inc.json5", line: 2, column: 3)),
        Finding(checkId: "summary.attack_surface", severity: .info, title: "Attack surface summary", detail: "groups: open=0"),
    ])

    @Test func summaryTableAndDetailsMostSevereFirst() {
        let text = MarkdownReporter(workingDirectory: "/repo/").render(Self.report)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "## OpenClaw security audit")
        #expect(lines.contains("**1 critical · 1 warn · 1 info**"))
        let rows = lines.filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Severity") && !$0.hasPrefix("| ---") }
        #expect(rows == [
            #"| critical | `gateway.bind_no_auth` | Gateway binds \| beyond &lt;b&gt;loopback&lt;/b&gt; | `/elsewhere/inc.json5:2:3` |"#,
            #"| warn | `logging.redact_off` | Tool summary redaction is disabled | `openclaw.json:4:5` |"#,
            "| info | `summary.attack_surface` | Attack surface summary | — |",
        ])
        #expect(lines.contains(#"**Fix:** Set logging.redactSensitive="tools"."#))
        #expect(text.hasSuffix("\n"))
    }

    /// The detail's own fences and HTML stay inside a longer fence.
    @Test func detailCannotCloseItsFence() throws {
        let lines = MarkdownReporter().render(Self.report).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let open = try #require(lines.firstIndex(of: "`````text"))
        #expect(lines[open + 1] == "line one")
        #expect(lines[open + 2] == "```")
        #expect(lines[open + 3] == "</details> <img src=x>")
        #expect(lines[open + 4] == "line ````four````")
        #expect(lines[open + 5] == "`````")
    }

    @Test func controlCharactersAndCodeSpans() {
        #expect(MarkdownReporter.escaped("a\u{1B}[31mb\nc") == "a\\\\u{1b}\\[31mb<br>c")
        #expect(MarkdownReporter.code("x`y") == "``x`y``")
        #expect(MarkdownReporter.code("`edge`") == "`` `edge` ``")
        #expect(MarkdownReporter.code("a|b") == "`a\\|b`")
    }

    @Test func emptyReportSaysSo() {
        let text = MarkdownReporter().render(AuditReport(timestamp: 0, findings: []))
        #expect(text == "## OpenClaw security audit\n\n**0 critical · 0 warn · 0 info**\n\nNo findings.\n")
    }
}
