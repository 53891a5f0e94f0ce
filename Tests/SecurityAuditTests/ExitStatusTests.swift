import Foundation
import Testing
@testable import SecurityAudit

/// The exit status table: as a pure policy over report values (incomplete collectors
/// included, which no collector produces yet), then through the built binary.
struct ExitStatusTests {
    func report(_ severities: [Severity], suppressed: [Severity] = [], incomplete: Bool = false) -> AuditReport {
        var report = AuditReport(timestamp: 0, findings: severities.map {
            Finding(checkId: "x.\($0.rawValue)", severity: $0, title: "t", detail: "d")
        })
        report.suppressedFindings = suppressed.map {
            SuppressedFinding(finding: Finding(checkId: "s", severity: $0, title: "t", detail: "d"), reason: nil)
        }
        if incomplete { report.incomplete = [IncompleteCollector(collector: "gateway-probe", reason: "timed out")] }
        return report
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var findings: [Severity]
        var suppressed: [Severity] = []
        var incomplete = false
        var failOn: Severity?
        var failOnIncomplete = false
        var expected: AuditExitStatus
        var testDescription: String {
            "findings \(findings) suppressed \(suppressed) incomplete \(incomplete) --fail-on \(failOn?.rawValue ?? "-") \(failOnIncomplete ? "--fail-on-incomplete" : "") -> \(expected.rawValue)"
        }
    }

    static let table: [Row] = [
        Row(findings: [.critical, .warn, .info], expected: .success),
        Row(findings: [.critical], incomplete: true, expected: .success),
        Row(findings: [.warn, .info], failOn: .critical, expected: .success),
        Row(findings: [.warn, .info, .critical], failOn: .critical, expected: .findingsAtOrAbove),
        Row(findings: [.warn], failOn: .warn, expected: .findingsAtOrAbove),
        Row(findings: [.critical], failOn: .warn, expected: .findingsAtOrAbove),
        Row(findings: [.info], failOn: .warn, expected: .success),
        Row(findings: [.info], failOn: .info, expected: .findingsAtOrAbove),
        Row(findings: [], failOn: .info, expected: .success),
        Row(findings: [.info], suppressed: [.critical], failOn: .warn, expected: .success),
        Row(findings: [], incomplete: true, failOnIncomplete: true, expected: .incomplete),
        Row(findings: [], incomplete: false, failOnIncomplete: true, expected: .success),
        Row(findings: [.critical], incomplete: true, failOn: .critical, failOnIncomplete: true, expected: .findingsAtOrAbove),
        Row(findings: [.warn], incomplete: true, failOn: .critical, failOnIncomplete: true, expected: .incomplete),
    ]

    @Test(arguments: table)
    func policy(_ row: Row) {
        let policy = ExitPolicy(failOn: row.failOn, failOnIncomplete: row.failOnIncomplete)
        #expect(policy.status(for: report(row.findings, suppressed: row.suppressed, incomplete: row.incomplete)) == row.expected)
    }

    @Test func theDocumentedCodes() {
        #expect(AuditExitStatus.allCases.map(\.rawValue) == [0, 1, 3, 4, 64])
        for status in AuditExitStatus.allCases {
            #expect(AuditExitStatus.table.contains("\n\(status.rawValue) ") || AuditExitStatus.table.hasPrefix("\(status.rawValue) "))
        }
    }

    // MARK: the binary

    let cli = CLITests()

    @Test func failOnGatesThroughTheBinary() throws {
        try cli.withState("{ gateway: { bind: 'lan' }, logging: { redactSensitive: 'off' } }") { _, env throws in
            #expect(try cli.run(["audit"], environment: env).status == 0)
            #expect(try cli.run(["audit", "--json"], environment: env).status == 0)
            let critical = try cli.run(["audit", "--json", "--fail-on", "critical"], environment: env)
            #expect(critical.status == 3)
            #expect(critical.stdout.contains("\"gateway.bind_no_auth\""), "the report is still printed")
            #expect(critical.stderr.isEmpty)
        }
        try cli.withState("{ logging: { redactSensitive: 'off' }, gateway: { auth: { token: 'a-long-random-token-value-1234567890' } } }") { _, env throws in
            #expect(try cli.run(["audit", "--fail-on", "critical"], environment: env).status == 0)
            #expect(try cli.run(["audit", "--fail-on", "warn"], environment: env).status == 3)
            #expect(try cli.run(["audit", "--fail-on-incomplete"], environment: env).status == 0)
        }
    }

    @Test func errorsAndUsage() throws {
        try cli.withState("{}") { dir, env throws in
            for bad in [["--json", "--format", "sarif"], ["--fail-on", "high"], ["--format", "xml"], ["--output", ""],
                        ["--write-baseline", "-"], ["--output", "same.json", "--write-baseline", "same.json"]] {
                let result = try cli.run(["audit"] + bad, environment: env)
                #expect(result.status == 64, "\(bad): \(result.stderr)")
                #expect(result.stdout.isEmpty)
            }
            #expect(try cli.run(["audit", "--json", "--format", "json"], environment: env).status == 0)

            let missing = try cli.run(["audit", "--json", "--baseline", dir.url("nope.json")], environment: env)
            #expect(missing.status == 1)
            #expect(missing.stdout.isEmpty)
            #expect(missing.stderr.contains("nope.json: cannot read baseline"))

            try dir.write("future.json", "{ version: 7, findings: [] }")
            let future = try cli.run(["audit", "--baseline", dir.url("future.json")], environment: env)
            #expect(future.status == 1)
            #expect(future.stderr.contains("baseline version 7 is not supported"))

            let unwritable = try cli.run(["audit", "--output", dir.url("no/such/dir/report.json")], environment: env)
            #expect(unwritable.status == 1)
            #expect(unwritable.stderr.contains("cannot write report to"))
        }
    }

    @Test func helpDocumentsTheTable() throws {
        let help = try cli.run(["audit", "--help"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(help.status == 0)
        for line in AuditExitStatus.table.split(separator: "\n") {
            #expect(help.stdout.contains(line), "\(line)")
        }
        for flag in ["--format", "--output", "--fail-on", "--fail-on-incomplete", "--baseline", "--write-baseline"] {
            #expect(help.stdout.contains(flag))
        }
        let readme = try ProjectFile.text("README.md")
        for line in AuditExitStatus.table.split(separator: "\n") {
            let code = line.prefix { $0 != " " }
            #expect(readme.contains("| `\(code)` |"), "README lacks exit status \(code)")
        }
    }
}
