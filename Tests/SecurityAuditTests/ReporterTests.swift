import Foundation
import Testing
@testable import SecurityAudit

struct ReporterTests {
    let report = AuditReport(timestamp: 1_700_000_000_123, findings: [
        Finding(checkId: "summary.attack_surface", severity: .info, title: "Attack surface summary", detail: "a: 1\nb: 2"),
        Finding(checkId: "gateway.bind_no_auth", severity: .critical, title: "T1", detail: "D1 \"quoted\"\t", remediation: "R1"),
        Finding(checkId: "x.warn", severity: .warn, title: "T2", detail: "D2", remediation: "   "),
    ])

    @Test func jsonHasTheOriginalShapeAndOrder() throws {
        let text = JSONReporter().render(report)
        #expect(text.hasSuffix("}\n"))
        #expect(text.hasPrefix("{\n  \"ts\": 1700000000123,\n  \"summary\": {\n    \"critical\": 1,\n    \"warn\": 1,\n    \"info\": 1\n  },\n  \"findings\": [\n    {\n      \"checkId\": \"summary.attack_surface\","))
        #expect(text.contains("\"detail\": \"D1 \\\"quoted\\\"\\t\",\n      \"remediation\": \"R1\""))
        #expect(!text.contains("\"deep\""))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(parsed.keys) == ["ts", "summary", "findings", "openclaw"])
        #expect(text.hasSuffix("  \"openclaw\": {\n    \"version\": null,\n    \"source\": null\n  }\n}\n"))
        let findings = try #require(parsed["findings"] as? [[String: Any]])
        #expect(findings[0]["remediation"] == nil)
        #expect(findings.map { $0["checkId"] as? String } == ["summary.attack_surface", "gateway.bind_no_auth", "x.warn"])
    }

    @Test func jsonEscapesLikeJSONStringify() {
        #expect(JSONValue.string("a\u{1}b\u{7f}é\u{2028}").rendered() == "\"a\\u0001b\u{7f}é\\u2028\"")
        #expect(JSONValue.array([]).rendered() == "[]")
        #expect(JSONValue.object([]).rendered() == "{}")
        #expect(JSONValue.number(1.5).rendered() == "1.5")
        #expect(JSONValue.number(.infinity).rendered() == "null")
    }

    @Test func deepKeyOnlyWhenRequested() {
        var deep = report
        deep.deepRequested = true
        deep.deepGateway = GatewayProbeResult(attempted: true, url: "ws://127.0.0.1:18789", ok: false, error: "timeout", close: nil)
        let text = JSONReporter().render(deep)
        #expect(text.contains("\"deep\": {\n    \"gateway\": {\n      \"attempted\": true,\n      \"url\": \"ws://127.0.0.1:18789\",\n      \"ok\": false,\n      \"error\": \"timeout\",\n      \"close\": null\n    }\n  },\n  \"openclaw\": {"))
    }

    @Test func textLayoutGroupsBySeverityInEmissionOrder() {
        let text = TextReporter(colors: false, profile: nil).render(report)
        let expected = """
            OpenClaw security audit
            Summary: 1 critical · 1 warn · 1 info
            OpenClaw release: unknown (checked as the newest; set --openclaw-version)
            Run deeper: openclaw-security audit --deep

            CRITICAL
            gateway.bind_no_auth T1 [manual]
              D1 "quoted"\\u{9}
              Fix: R1

            WARN
            x.warn T2 [manual]
              D2

            INFO
            summary.attack_surface Attack surface summary
              a: 1
              b: 2

            """
        #expect(text == expected)
    }

    @Test func textNamesTheProfileAndColoursOnlyWhenAsked() {
        let text = TextReporter(colors: false, profile: "work").render(report)
        #expect(text.contains("Run deeper: openclaw-security audit --deep --profile work"))
        #expect(!text.contains("\u{1B}["))
        #expect(TextReporter(colors: true, profile: nil).render(report).contains("\u{1B}[1;38;2;255;90;45mOpenClaw security audit"))
    }

    @Test func terminalEscapesFromConfigNeverReachTheTerminalRaw() {
        let hostile = AuditReport(timestamp: 0, findings: [
            Finding(checkId: "a", severity: .warn, title: "t\u{1B}[31m", detail: "x\u{1B}]0;pwned\u{07}\ny"),
        ])
        let text = TextReporter(colors: false, profile: nil).render(hostile)
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{07}"))
        #expect(text.contains("x\\u{1b}]0;pwned\\u{7}\n  y"))
    }

    @Test func javaScriptNumberFormatting() {
        #expect(JavaScriptNumber.format(3) == "3")
        #expect(JavaScriptNumber.format(-0.0) == "0")
        #expect(JavaScriptNumber.format(0.1) == "0.1")
        #expect(JavaScriptNumber.format(1e21) == "1e+21")
        #expect(JavaScriptNumber.format(1e-7) == "1e-7")
        #expect(JavaScriptNumber.format(.nan) == "NaN")
    }
}
