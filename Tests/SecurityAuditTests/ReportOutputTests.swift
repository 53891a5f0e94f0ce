import Foundation
import JSON5
import Testing
@testable import SecurityAudit

/// The report through the built binary: docs/report.schema.json against real output,
/// every format, --output, and the baseline round trip.
struct ReportOutputTests {
    let cli = CLITests()

    static let risky = """
        {
          gateway: { bind: 'lan', controlUi: { allowInsecureAuth: true } },
          logging: { redactSensitive: 'off' },
          security: { audit: { suppressions: [
            { checkId: 'logging.redact_off', reason: 'log shipping is local' },
            { checkId: 'config.insecure_or_dangerous_flags' },
            { checkId: 'discovery.mdns_full_mode', expires: '2020-01-01' },
          ] } },
        }
        """

    @Test func realJSONOutputMatchesTheDocumentedSchema() throws {
        let validator = try ProjectFile.reportSchema.get()
        for config in ["{}", Self.risky, "{ gateway: { bind: 'lan' } }"] {
            try cli.withState(config) { _, env throws in
                let result = try cli.run(["audit", "--json"], environment: env)
                #expect(result.status == 0)
                #expect(try validator.validate(json: result.stdout) == [], "\(config)")
            }
        }
        // What no run produces yet: a deep probe and incomplete collectors.
        var report = AuditReport(timestamp: 1, findings: [], deepRequested: true, deepGateway: GatewayProbeResult(
            attempted: true, url: "ws://127.0.0.1:18789", ok: false, error: "closed", close: .init(code: 1008, reason: "unauthorized")))
        report.incomplete = [IncompleteCollector(collector: "gateway-probe", reason: "timed out after 5000 ms")]
        report.baseline = BaselineComparison(file: "b.json", keys: [], known: 2, resolved: 1)
        let document = JSONReporter().render(report)
        #expect(try validator.validate(json: document) == [])
        #expect(try JSON5.parse(document).members?.map(\.key) == ["ts", "summary", "findings", "deep", "openclaw", "baseline", "complete", "incomplete"])
    }

    @Test func schemaRejectsWhatTheReportNeverHolds() throws {
        let validator = try ProjectFile.reportSchema.get()
        var good = ""
        try cli.withState(Self.risky) { _, env throws in
            good = try cli.run(["audit", "--json"], environment: env).stdout
        }
        #expect(try validator.validate(json: good) == [])
        let broken = [
            good.replacingOccurrences(of: "\"severity\": \"warn\"", with: "\"severity\": \"high\""),
            good.replacingOccurrences(of: "\"ts\":", with: "\"time\":"),
            good.replacingOccurrences(of: "\"detail\":", with: "\"details\":"),
            good.replacingOccurrences(of: "\"reason\": \"log shipping is local\"", with: "\"reason\": 3"),
            good.replacingOccurrences(of: #""critical": \d+"#, with: "\"critical\": -1", options: .regularExpression),
        ]
        for document in broken {
            #expect(document != good)
            #expect(try !validator.validate(json: document).isEmpty)
        }
    }

    @Test func everyFormatRendersFromTheBinary() throws {
        try cli.withState(Self.risky) { _, env throws in
            let sarif = try cli.run(["audit", "--format", "sarif"], environment: env)
            #expect(sarif.status == 0)
            #expect(try ProjectFile.sarifSchema.get().validate(json: sarif.stdout) == [])
            let junit = try cli.run(["audit", "--format", "junit"], environment: env)
            #expect(junit.stdout.hasPrefix("<?xml"))
            let prometheus = try cli.run(["audit", "--format", "prometheus"], environment: env)
            let (_, _, samples) = try ExpositionParser.parse(prometheus.stdout)
            let duration = try #require(samples.first { $0.name == "openclaw_security_audit_duration_seconds" })
            #expect(duration.value > 0 && duration.value < 60)
            #expect(samples.first { $0.name == "openclaw_security_audit_suppressed_findings" && $0.labels["severity"] == "warn" }?.value == 2)
            let markdown = try cli.run(["audit", "--format", "markdown"], environment: env)
            #expect(markdown.status == 0)
            #expect(markdown.stdout.hasPrefix("## OpenClaw security audit\n\n**"))
            #expect(markdown.stdout.contains("| Severity | Check | Title | Where |\n| --- | --- | --- | --- |\n| critical | `"))
            #expect(markdown.stdout.contains("- Suppressed: 3 configured\n"))
            let text = try cli.run(["audit"], environment: env)
            #expect(text.stdout.contains("Suppressed: 3 configured\n"))
            #expect(text.stdout.contains("security.audit.suppressions.expired Security audit suppressions expired"))
        }
    }

    @Test func outputGoesToTheFileAtomicallyKeepingItsMode() throws {
        try cli.withState(Self.risky) { dir, env throws in
            let target = dir.url("reports/audit.sarif")
            try dir.write("reports/audit.sarif", "old", mode: 0o600)
            var forced = env
            forced["FORCE_COLOR"] = "1"
            let result = try cli.run(["audit", "--format", "text", "--output", target], environment: forced)
            #expect(result.status == 0)
            #expect(result.stdout.isEmpty)
            let written = try String(contentsOfFile: target, encoding: .utf8)
            #expect(written.hasPrefix("OpenClaw security audit\n"))
            #expect(!written.contains("\u{1B}"))
            let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url("reports")) == ["audit.sarif"])

            let dash = try cli.run(["audit", "--json", "--output", "-"], environment: env)
            #expect(dash.stdout.hasPrefix("{\n  \"ts\""))
        }
    }

    @Test func baselineRoundTripThroughTheBinary() throws {
        try cli.withState("{ gateway: { bind: 'lan' }, logging: { redactSensitive: 'off' } }") { dir, env throws in
            let baseline = dir.url("openclaw-baseline.json")
            let first = try cli.run(["audit", "--json", "--write-baseline", baseline, "--fail-on", "critical"], environment: env)
            #expect(first.status == 3, "writing a baseline does not change the gate")
            let recorded = try JSON5.parse(try String(contentsOfFile: baseline, encoding: .utf8))
            let firstIds = try JSON5.parse(first.stdout)[key: "findings"]?.elements?.compactMap { $0[key: "checkId"]?.asString }
            #expect(recorded[key: "findings"]?.elements?.compactMap { $0[key: "checkId"]?.asString } == firstIds)

            let same = try cli.run(["audit", "--json", "--baseline", baseline, "--fail-on", "info"], environment: env)
            #expect(same.status == 0, "\(same.stdout)")
            let sameReport = try JSON5.parse(same.stdout)
            #expect(sameReport[key: "findings"]?.elements?.isEmpty == true)
            #expect(sameReport[key: "baseline"]?[key: "known"]?.asDouble == Double(firstIds?.count ?? -1))

            // Reformat the config (every line moves), fix one finding, add another.
            try dir.write("state/openclaw.json", "// edited\n{\n  gateway: {\n    bind: 'lan',\n  },\n  discovery: { mdns: { mode: 'full' } },\n}\n")
            let later = try cli.run(["audit", "--json", "--baseline", baseline, "--fail-on", "critical"], environment: env)
            #expect(later.status == 3)
            let laterReport = try JSON5.parse(later.stdout)
            #expect(laterReport[key: "findings"]?.elements?.compactMap { $0[key: "checkId"]?.asString } == ["discovery.mdns_full_mode"])
            #expect(laterReport[key: "baseline"]?[key: "resolved"]?.asDouble == 1)
            #expect(laterReport[key: "summary"]?[key: "critical"]?.asDouble == 1)

            let sarif = try cli.run(["audit", "--format", "sarif", "--baseline", baseline], environment: env)
            let results = try JSON5.parse(sarif.stdout)[key: "runs"]?[index: 0]?[key: "results"]?.elements ?? []
            #expect(results.count == 1)
            #expect(results.first?[key: "baselineState"]?.asString == "new")
        }
    }
}
