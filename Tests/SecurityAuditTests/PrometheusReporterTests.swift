import Foundation
import Testing
@testable import SecurityAudit

/// A parser of the Prometheus text exposition format (version 0.0.4), strict where
/// node_exporter's textfile collector is: HELP and TYPE at most once per family and
/// before its samples, a family's samples together, no duplicate series, no sample
/// timestamps, escaped label values, a final newline.
struct ExpositionParser {
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    struct ParseError: Error, CustomStringConvertible { var description: String }

    static func parse(_ text: String) throws -> (types: [String: String], help: [String: String], samples: [Sample]) {
        guard text.hasSuffix("\n") else { throw ParseError(description: "no final newline") }
        var types: [String: String] = [:], help: [String: String] = [:]
        var samples: [Sample] = []
        var finished = Set<String>()
        var current: String?
        var series = Set<String>()
        let metricName = try NSRegularExpression(pattern: "^[a-zA-Z_:][a-zA-Z0-9_:]*$")
        let labelName = try NSRegularExpression(pattern: "^[a-zA-Z_][a-zA-Z0-9_]*$")
        func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
            regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        func enter(_ family: String, line: Int) throws {
            if current != family {
                if finished.contains(family) { throw ParseError(description: "line \(line): samples of \(family) are not together") }
                if let current { finished.insert(current) }
                current = family
            }
        }

        for (index, line) in text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
                guard parts.count >= 3, parts[1] == "HELP" || parts[1] == "TYPE" else { continue }
                let family = parts[2]
                guard matches(metricName, family) else { throw ParseError(description: "line \(number): bad metric name \(family)") }
                try enter(family, line: number)
                if samples.contains(where: { $0.name == family }) {
                    throw ParseError(description: "line \(number): \(parts[1]) of \(family) after its samples")
                }
                if parts[1] == "TYPE" {
                    guard parts.count == 4, ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[3]) else {
                        throw ParseError(description: "line \(number): bad TYPE")
                    }
                    guard types.updateValue(parts[3], forKey: family) == nil else { throw ParseError(description: "line \(number): second TYPE for \(family)") }
                } else {
                    guard help.updateValue(parts.count == 4 ? parts[3] : "", forKey: family) == nil else { throw ParseError(description: "line \(number): second HELP for \(family)") }
                }
                continue
            }
            var scalars = Substring(line).unicodeScalars[...]
            let name = String(String.UnicodeScalarView(scalars.prefix { $0 != "{" && $0 != " " }))
            scalars = scalars.dropFirst(name.unicodeScalars.count)
            guard matches(metricName, name) else { throw ParseError(description: "line \(number): bad metric name \(name)") }
            var labels: [String: String] = [:]
            if scalars.first == "{" {
                scalars = scalars.dropFirst()
                while scalars.first != "}" {
                    let key = String(String.UnicodeScalarView(scalars.prefix { $0 != "=" }))
                    guard matches(labelName, key), labels[key] == nil else { throw ParseError(description: "line \(number): bad or repeated label \(key)") }
                    scalars = scalars.dropFirst(key.unicodeScalars.count)
                    guard scalars.first == "=", scalars.dropFirst().first == "\"" else { throw ParseError(description: "line \(number): label \(key) needs =\"") }
                    scalars = scalars.dropFirst(2)
                    var value = String.UnicodeScalarView()
                    while true {
                        guard let scalar = scalars.popFirst() else { throw ParseError(description: "line \(number): unterminated label value") }
                        if scalar == "\"" { break }
                        if scalar == "\\" {
                            switch scalars.popFirst() {
                            case "\\": value.append("\\")
                            case "\"": value.append("\"")
                            case "n": value.append("\n")
                            default: throw ParseError(description: "line \(number): bad escape")
                            }
                        } else {
                            value.append(scalar)
                        }
                    }
                    labels[key] = String(value)
                    if scalars.first == "," { scalars = scalars.dropFirst() } else if scalars.first != "}" {
                        throw ParseError(description: "line \(number): expected , or }")
                    }
                }
                scalars = scalars.dropFirst()
            }
            guard scalars.first == " " else { throw ParseError(description: "line \(number): expected a space before the value") }
            let fields = String(String.UnicodeScalarView(scalars.dropFirst())).split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 1 else { throw ParseError(description: "line \(number): a timestamp or extra text after the value") }
            let valueText = String(fields[0])
            guard let value = ["+Inf": Double.infinity, "-Inf": -Double.infinity, "NaN": Double.nan][valueText] ?? Double(valueText),
                  valueText.range(of: #"^[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?|Inf|NaN)$"#, options: .regularExpression) != nil
            else { throw ParseError(description: "line \(number): bad value \(valueText)") }
            try enter(name, line: number)
            let key = name + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{0}")
            guard series.insert(key).inserted else { throw ParseError(description: "line \(number): duplicate series") }
            samples.append(Sample(name: name, labels: labels, value: value))
        }
        return (types, help, samples)
    }
}

struct PrometheusReporterTests {
    func value(_ samples: [ExpositionParser.Sample], _ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { sample in sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value } }?.value
    }

    @Test func realAuditParsesAndCountsWhatTheReportSays() throws {
        let dir = try TemporaryDirectory()
        var report = try auditReport(in: dir, config: """
            { gateway: { bind: 'lan' }, logging: { redactSensitive: 'off' }, discovery: { mdns: { mode: 'full' } },
              security: { audit: { suppressions: [{ checkId: 'logging.redact_off' }] } } }
            """, timestamp: 1_700_000_000_123)
        report.durationSeconds = 0.0042
        let text = PrometheusReporter().render(report)
        let (types, help, samples) = try ExpositionParser.parse(text)
        #expect(Set(types.values) == ["gauge"])
        #expect(Set(types.keys) == Set(help.keys))
        #expect(Set(samples.map(\.name)).isSubset(of: Set(types.keys)))
        let state = dir.url("state")
        #expect(samples.allSatisfy { $0.labels["state_dir"] == state })
        let summary = report.summary
        #expect(value(samples, "openclaw_security_audit_findings", ["severity": "critical"]) == Double(summary.critical))
        #expect(value(samples, "openclaw_security_audit_findings", ["severity": "warn"]) == Double(summary.warn))
        #expect(value(samples, "openclaw_security_audit_findings", ["severity": "info"]) == Double(summary.info))
        #expect(summary.critical > 0)
        let byCheck = samples.filter { $0.name == "openclaw_security_audit_check_findings" }
        #expect(byCheck.map(\.value).reduce(0, +) == Double(report.findings.count))
        #expect(value(samples, "openclaw_security_audit_check_findings", ["check_id": "gateway.bind_no_auth", "severity": "critical", "area": "gateway"]) == 1)
        #expect(value(samples, "openclaw_security_audit_check_findings", ["check_id": "logging.redact_off"]) == nil)
        #expect(value(samples, "openclaw_security_audit_suppressed_findings", ["severity": "warn"]) == 1)
        #expect(value(samples, "openclaw_security_audit_duration_seconds") == 0.0042)
        #expect(value(samples, "openclaw_security_audit_complete") == 1)
        #expect(value(samples, "openclaw_security_audit_last_run_timestamp_seconds") == 1_700_000_000.123)
        #expect(value(samples, "openclaw_security_audit_info", ["version": SecurityAuditVersion.current]) == 1)
        #expect(!samples.contains { $0.name == "openclaw_security_audit_collector_incomplete" })
    }

    @Test func incompleteAuditsAndBaselinesShow() throws {
        var report = AuditReport(timestamp: 0, findings: [
            Finding(checkId: "x.y", severity: .warn, title: "t", detail: "d"),
            Finding(checkId: "x.y", severity: .warn, title: "t", detail: "other"),
            Finding(checkId: "x.y", severity: .critical, title: "t", detail: "d"),
        ])
        report.incomplete = [IncompleteCollector(collector: "gateway-probe", reason: "timeout"), IncompleteCollector(collector: "code-scan", reason: "failed")]
        report.baseline = BaselineComparison(file: "b", keys: [], known: 4, resolved: 0)
        let (_, _, samples) = try ExpositionParser.parse(PrometheusReporter().render(report))
        #expect(value(samples, "openclaw_security_audit_complete") == 0)
        #expect(value(samples, "openclaw_security_audit_collector_incomplete", ["collector": "code-scan"]) == 1)
        #expect(value(samples, "openclaw_security_audit_check_findings", ["check_id": "x.y", "severity": "warn"]) == 2)
        #expect(value(samples, "openclaw_security_audit_check_findings", ["check_id": "x.y", "severity": "critical"]) == 1)
        #expect(value(samples, "openclaw_security_audit_baseline_known_findings") == 4)
        #expect(!samples.contains { $0.name == "openclaw_security_audit_duration_seconds" })
        #expect(!samples.contains { $0.labels["state_dir"] != nil })
    }

    @Test func labelValuesAreEscaped() throws {
        var report = AuditReport(timestamp: 0, findings: [Finding(checkId: "a\"b\\c\nd", severity: .info, title: "t", detail: "d")])
        report.paths = OpenClawPaths(homeDir: "/h", stateDir: "/srv/gate \"one\"\\x\n", configPath: "/c", credentialsDir: "/d")
        let (_, _, samples) = try ExpositionParser.parse(PrometheusReporter().render(report))
        #expect(samples.first?.labels["state_dir"] == "/srv/gate \"one\"\\x\n")
        #expect(value(samples, "openclaw_security_audit_check_findings", ["check_id": "a\"b\\c\nd"]) == 1)
    }

    @Test func parserRejectsBrokenExpositions() throws {
        let good = PrometheusReporter().render(AuditReport(timestamp: 0, findings: []))
        _ = try ExpositionParser.parse(good)
        let broken = [
            String(good.dropLast()),
            good + "openclaw_security_audit_findings{severity=\"critical\"} 0\n",
            good.replacingOccurrences(of: "{severity=\"warn\"}", with: "{severity=\"w\"arn\"}"),
            good.replacingOccurrences(of: "openclaw_security_audit_complete 1", with: "openclaw_security_audit_complete 1 1700000000"),
            good.replacingOccurrences(of: "openclaw_security_audit_complete 1", with: "openclaw_security_audit_complete one"),
            good + "# TYPE openclaw_security_audit_findings gauge\n",
            good + "openclaw_security_audit_findings{severity=\"other\"} 0\n",
            good.replacingOccurrences(of: "openclaw_security_audit_info{", with: "openclaw-security-info{"),
        ]
        for text in broken {
            #expect(text != good)
            #expect(throws: ExpositionParser.ParseError.self) { try ExpositionParser.parse(text) }
        }
    }
}
