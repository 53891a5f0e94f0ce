/// JUnit XML for CI systems that show test results: one test case per check of the
/// catalog, failed when the check has active findings at or above `failOn` (warn when
/// not given, so the always-present info summary does not fail every run). Findings
/// below it and suppressed ones are kept in the case's `system-out`; pending checks are
/// skipped; collectors that did not complete are errors in a second suite.
public struct JUnitReporter: Reporter {
    public var failOn: Severity
    public var entries: [CheckEntry]

    public init(failOn: Severity? = nil, entries: [CheckEntry] = CheckCatalog.entries) {
        self.failOn = failOn ?? .warn
        self.entries = entries
    }

    struct TestCase {
        var name: String
        var classname: String
        var outcome: Outcome?
        var output: [String] = []
    }

    /// A `failure`, `error` or `skipped` child of a test case.
    struct Outcome {
        var element: String
        var message: String
        var type: String? = nil
        var body: String? = nil
    }

    public func render(_ report: AuditReport) -> String {
        var cases = entries.map { TestCase(name: $0.id, classname: "openclaw.security.\($0.area)") }
        func caseIndex(for checkId: String) -> Int {
            if let index = entries.firstIndex(where: { $0.matches(checkId) }) { return index }
            if let index = cases.firstIndex(where: { $0.name == checkId }) { return index }
            cases.append(TestCase(name: checkId, classname: "openclaw.security.\(CheckArea.of(checkId))"))
            return cases.count - 1
        }

        var failing: [Int: [Finding]] = [:]
        for finding in report.findings {
            let index = caseIndex(for: finding.checkId)
            if finding.severity >= failOn {
                failing[index, default: []].append(finding)
            } else {
                cases[index].output.append(Self.describe(finding))
            }
        }
        for suppressed in report.suppressedFindings {
            let index = caseIndex(for: suppressed.finding.checkId)
            let reason = suppressed.reason.map { " (\($0))" } ?? ""
            cases[index].output.append("suppressed\(reason): " + Self.describe(suppressed.finding))
        }
        for (index, findings) in failing {
            let worst = findings.map(\.severity).max() ?? failOn
            let message = findings.count == 1 ? findings[0].title : "\(findings.count) findings: \(findings[0].title), ..."
            cases[index].outcome = Outcome(element: "failure", message: message, type: worst.rawValue, body: findings.map(Self.describe).joined(separator: "\n\n"))
        }
        for (index, entry) in entries.enumerated() where !entry.implemented && cases[index].outcome == nil {
            cases[index].outcome = Outcome(element: "skipped", message: "not implemented in this build")
        }

        let collectorCases = report.incomplete.map { gap in
            TestCase(name: gap.collector, classname: "openclaw.security.collectors", outcome: Outcome(element: "error", message: gap.reason, type: "incomplete"))
        }
        let time = JavaScriptNumber.format(report.durationSeconds ?? 0)
        let timestamp = String(ISODate.format(epochMilliseconds: report.timestamp).prefix(19))

        var suites: [String] = []
        var totals = (tests: 0, failures: 0, errors: 0, skipped: 0)
        for (name, suiteCases) in [("openclaw.security", cases), ("openclaw.security.collectors", collectorCases)] where !suiteCases.isEmpty {
            let failures = suiteCases.filter { $0.outcome?.element == "failure" }.count
            let errors = suiteCases.filter { $0.outcome?.element == "error" }.count
            let skipped = suiteCases.filter { $0.outcome?.element == "skipped" }.count
            totals = (totals.tests + suiteCases.count, totals.failures + failures, totals.errors + errors, totals.skipped + skipped)
            var lines = [
                "  <testsuite name=\"\(name)\" tests=\"\(suiteCases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(time)\" timestamp=\"\(timestamp)\">",
            ]
            for testCase in suiteCases {
                lines.append(Self.element(testCase))
            }
            lines.append("  </testsuite>")
            suites.append(lines.joined(separator: "\n"))
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="openclaw-security audit" tests="\(totals.tests)" failures="\(totals.failures)" errors="\(totals.errors)" skipped="\(totals.skipped)" time="\(time)">
            \(suites.joined(separator: "\n"))
            </testsuites>

            """
    }

    static func element(_ testCase: TestCase) -> String {
        let open = "    <testcase name=\"\(XMLText.attribute(testCase.name))\" classname=\"\(XMLText.attribute(testCase.classname))\" time=\"0\""
        var children: [String] = []
        if let outcome = testCase.outcome {
            var attributes = " message=\"\(XMLText.attribute(outcome.message))\""
            if let type = outcome.type { attributes += " type=\"\(XMLText.attribute(type))\"" }
            if let body = outcome.body {
                children.append("      <\(outcome.element)\(attributes)>\(XMLText.content(body))</\(outcome.element)>")
            } else {
                children.append("      <\(outcome.element)\(attributes)/>")
            }
        }
        if !testCase.output.isEmpty {
            children.append("      <system-out>\(XMLText.content(testCase.output.joined(separator: "\n\n")))</system-out>")
        }
        guard !children.isEmpty else { return open + "/>" }
        return open + ">\n" + children.joined(separator: "\n") + "\n    </testcase>"
    }

    static func describe(_ finding: Finding) -> String {
        var text = "[\(finding.severity.rawValue)] \(finding.checkId): \(finding.title)\n\(finding.detail)"
        if let remediation = finding.remediation, !remediation.trimmingWhitespace.isEmpty {
            text += "\nFix: \(remediation)"
        }
        return text
    }
}

/// XML 1.0 escaping. Characters XML cannot carry at all (most C0 controls) become a
/// visible `\u{..}`, as on the terminal, rather than making the document unreadable.
enum XMLText {
    static func content(_ text: String) -> String { escape(text, attribute: false) }
    static func attribute(_ text: String) -> String { escape(text, attribute: true) }

    private static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
