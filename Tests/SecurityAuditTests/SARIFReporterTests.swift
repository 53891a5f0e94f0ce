import Foundation
import JSON5
import Testing
@testable import SecurityAudit

struct SARIFReporterTests {
    /// A config with critical, warn and info findings, one of them suppressed, a
    /// suppression review finding, and values in an `$include`d file.
    static let config = """
        {
          // comment lines move every value down; locations follow, fingerprints do not
          gateway: {
            bind: 'lan',
            controlUi: { allowInsecureAuth: true },
          },
          $include: './extra.json5',
          security: { audit: { suppressions: [
            { checkId: 'config.insecure_or_dangerous_flags', reason: 'lab machine' },
            { checkId: 'gateway.no_such_check' },
          ] } },
        }
        """
    static let include = "{\n  logging: { redactSensitive: 'off' },\n}\n"

    func sarif(_ report: AuditReport, workingDirectory: String? = nil) throws -> (text: String, run: JSON5Node) {
        let text = SARIFReporter(workingDirectory: workingDirectory).render(report)
        let document = try JSON5.parse(text)
        return (text, try #require(document[key: "runs"]?[index: 0]))
    }

    @Test func realAuditValidatesAgainstTheSARIFSchema() throws {
        let dir = try TemporaryDirectory()
        var report = try auditReport(in: dir, config: Self.config, files: ["extra.json5": Self.include])
        report.incomplete = [IncompleteCollector(collector: "gateway-probe", reason: "timed out after 5000 ms")]
        report.findings.append(Finding(checkId: "plugins.acme.custom", severity: .warn, title: "Plugin-owned", detail: "no location"))
        let baselineReport = report
        Baseline(entries: []).apply(to: &report, file: "baseline.json")
        let validator = try ProjectFile.sarifSchema.get()
        for candidate in [report, baselineReport] {
            for workingDirectory in [nil, dir.path] {
                let (text, _) = try sarif(candidate, workingDirectory: workingDirectory)
                #expect(try validator.validate(json: text) == [])
            }
        }
    }

    @Test func validatorRejectsBrokenSARIF() throws {
        let dir = try TemporaryDirectory()
        let report = try auditReport(in: dir, config: Self.config, files: ["extra.json5": Self.include])
        let (text, _) = try sarif(report)
        let validator = try ProjectFile.sarifSchema.get()
        #expect(try validator.validate(json: text) == [])
        let broken = [
            text.replacingOccurrences(of: "\"level\": \"error\"", with: "\"level\": \"fatal\""),
            text.replacingOccurrences(of: "\"startLine\": 4,", with: "\"startLine\": 0,"),
            text.replacingOccurrences(of: "\"version\": \"2.1.0\"", with: "\"version\": \"2.0.0\""),
            text.replacingOccurrences(of: "\"ruleIndex\":", with: "\"bogusProperty\": 1, \"ruleIndex\":"),
            text.replacingOccurrences(of: "\"message\": {", with: "\"note\": {"),
            text.replacingOccurrences(of: "\"status\": \"accepted\"", with: "\"status\": \"maybe\""),
        ]
        for document in broken {
            #expect(document != text)
            #expect(try !validator.validate(json: document).isEmpty)
        }
    }

    @Test func validatorRefusesKeywordsItDoesNotCheck() {
        #expect(throws: JSONSchemaValidator.UnsupportedKeyword.self) {
            try JSONSchemaValidator(schema: #"{ "properties": { "a": { "multipleOf": 2 } } }"#)
        }
    }

    @Test func everyCatalogIdIsARuleAndEveryResultNamesItsRule() throws {
        let dir = try TemporaryDirectory()
        var report = try auditReport(in: dir, config: Self.config, files: ["extra.json5": Self.include])
        report.findings.append(Finding(checkId: "channels.discord.dm.open", severity: .critical, title: "t", detail: "d"))
        report.findings.append(Finding(checkId: "plugins.acme.custom", severity: .info, title: "t", detail: "d"))
        let (_, run) = try sarif(report)
        let driver = try #require(run[key: "tool"]?[key: "driver"])
        #expect(driver[key: "name"]?.asString == "openclaw-security")
        #expect(driver[key: "version"]?.asString == SecurityAuditVersion.current)
        #expect(driver[key: "informationUri"]?.asString?.hasPrefix("https://") == true)
        let rules = try #require(driver[key: "rules"]?.elements)
        let ruleIds = rules.compactMap { $0[key: "id"]?.asString }
        #expect(ruleIds == CheckCatalog.entries.map(\.id) + ["plugins.acme.custom"])
        for id in try ProjectFile.text("Tests/Fixtures/baseline-check-ids.txt").split(separator: "\n") {
            #expect(ruleIds.contains(String(id)), "\(id)")
        }
        for (rule, info) in zip(rules, CheckCatalog.infos) {
            #expect(rule[key: "shortDescription"]?[key: "text"]?.asString == info.title)
            #expect(rule[key: "fullDescription"]?[key: "text"]?.asString == info.rationale)
            #expect(rule[key: "help"]?[key: "text"]?.asString?.isEmpty == false)
            #expect(rule[key: "name"]?.asString?.isEmpty == false)
            #expect(rule[key: "defaultConfiguration"]?[key: "level"]?.asString == SARIFReporter.level(info.severity.defaultSeverity))
        }
        let results = try #require(run[key: "results"]?.elements)
        #expect(results.count == report.findings.count + report.suppressedFindings.count)
        for result in results {
            let index = try #require(result[key: "ruleIndex"]?.asDouble.map(Int.init))
            #expect(result[key: "ruleId"]?.asString == ruleIds[index])
            let checkId = try #require(result[key: "properties"]?[key: "checkId"]?.asString)
            #expect(CheckEntry(id: ruleIds[index], info: nil).matches(checkId))
        }
        let templated = try #require(results.first { $0[key: "properties"]?[key: "checkId"]?.asString == "channels.discord.dm.open" })
        #expect(templated[key: "ruleId"]?.asString == "channels.<id>.dm.open")
    }

    @Test func levelsFollowSeverities() {
        #expect(SARIFReporter.level(.critical) == "error")
        #expect(SARIFReporter.level(.warn) == "warning")
        #expect(SARIFReporter.level(.info) == "note")
    }

    @Test func resultsPointAtTheConfigKeyWithLineAndColumn() throws {
        let dir = try TemporaryDirectory()
        let report = try auditReport(in: dir, config: Self.config, files: ["extra.json5": Self.include])
        let (_, run) = try sarif(report, workingDirectory: dir.path)
        let results = try #require(run[key: "results"]?.elements)
        func location(_ checkId: String) throws -> JSON5Node {
            let result = try #require(results.first { $0[key: "properties"]?[key: "checkId"]?.asString == checkId })
            return try #require(result[key: "locations"]?[index: 0]?[key: "physicalLocation"])
        }
        let bind = try location("gateway.bind_no_auth")
        #expect(bind[key: "artifactLocation"]?[key: "uri"]?.asString == "state/openclaw.json")
        #expect(bind[key: "artifactLocation"]?[key: "uriBaseId"]?.asString == "SRCROOT")
        #expect(bind[key: "region"]?[key: "startLine"]?.asDouble == 4)
        #expect(bind[key: "region"]?[key: "startColumn"]?.asDouble == 11)
        #expect(bind[key: "region"]?[key: "endColumn"]?.asDouble == 16)
        let redaction = try location("logging.redact_off")
        #expect(redaction[key: "artifactLocation"]?[key: "uri"]?.asString == "state/extra.json5")
        #expect(redaction[key: "region"]?[key: "startLine"]?.asDouble == 2)
        // A finding that names no key points at the config file as a whole.
        let summary = try location("summary.attack_surface")
        #expect(summary[key: "artifactLocation"]?[key: "uri"]?.asString == "state/openclaw.json")
        #expect(summary[key: "region"] == nil)
        let base = run[key: "originalUriBaseIds"]?[key: "SRCROOT"]?[key: "uri"]?.asString
        #expect(base == "file://" + SARIFReporter.percentEncoded(dir.path + "/"))
        #expect(run[key: "columnKind"]?.asString == "unicodeCodePoints")

        // Outside the working directory, absolute file URIs.
        let (_, elsewhere) = try sarif(report, workingDirectory: "/nonexistent")
        let uri = elsewhere[key: "results"]?[index: 1]?[key: "locations"]?[index: 0]?[key: "physicalLocation"]?[key: "artifactLocation"]?[key: "uri"]?.asString
        #expect(uri == "file://" + SARIFReporter.percentEncoded(dir.url("state/openclaw.json")))
        #expect(elsewhere[key: "originalUriBaseIds"] == nil)
    }

    @Test func uriEncodingKeepsPathsReadable() {
        #expect(SARIFReporter.percentEncoded("/a b/ü#?.json") == "/a%20b/%C3%BC%23%3F.json")
        #expect(SARIFReporter.ruleName("channels.<id>.dm.open") == "ChannelsIdDmOpen")
        #expect(SARIFReporter.ruleName("gateway.bind_no_auth") == "GatewayBindNoAuth")
    }

    @Test func suppressedResultsCarryTheSuppressionAndFingerprintsAreStable() throws {
        let dir = try TemporaryDirectory()
        let report = try auditReport(in: dir, config: Self.config, files: ["extra.json5": Self.include])
        let (_, run) = try sarif(report)
        let results = try #require(run[key: "results"]?.elements)
        let suppressed = results.filter { $0[key: "suppressions"] != nil }
        #expect(suppressed.count == 1)
        let entry = try #require(suppressed.first?[key: "suppressions"]?[index: 0])
        #expect(entry[key: "kind"]?.asString == "external")
        #expect(entry[key: "status"]?.asString == "accepted")
        #expect(entry[key: "justification"]?.asString == "lab machine")
        #expect(entry[key: "location"]?[key: "physicalLocation"]?[key: "region"]?[key: "startLine"]?.asDouble == 9)

        func fingerprints(_ run: JSON5Node) -> [String: String] {
            var out: [String: String] = [:]
            for result in run[key: "results"]?.elements ?? [] {
                let id = result[key: "properties"]?[key: "checkId"]?.asString ?? "?"
                out[id] = result[key: "partialFingerprints"]?[key: SARIFReporter.fingerprintKey]?.asString
            }
            return out
        }
        // The same findings elsewhere in the file and on another machine: same fingerprints.
        let moved = try TemporaryDirectory()
        let movedConfig = "\n\n// moved\n" + Self.config.replacingOccurrences(of: "bind: 'lan',", with: "\n\n  bind: 'lan',")
        let movedReport = try auditReport(in: moved, config: movedConfig, files: ["extra.json5": "\n\n" + Self.include])
        let (_, movedRun) = try sarif(movedReport)
        let before = fingerprints(run), after = fingerprints(movedRun)
        #expect(before.count == results.count)
        #expect(before.values.allSatisfy { $0.count == 32 })
        #expect(before == after)
        #expect(Set(before.values).count == before.count)
        // A different subject is a different fingerprint.
        let changed = try TemporaryDirectory()
        let changedReport = try auditReport(in: changed, config: Self.config.replacingOccurrences(of: "'lan'", with: "'tailnet'"), files: ["extra.json5": Self.include])
        #expect(fingerprints(try sarif(changedReport).run)["gateway.bind_no_auth"] != before["gateway.bind_no_auth"])
    }

    @Test func incompleteCollectorsBecomeToolNotifications() throws {
        var report = AuditReport(timestamp: 1_700_000_000_000, findings: [])
        report.incomplete = [IncompleteCollector(collector: "plugin-code-scan", reason: "timed out")]
        let (_, run) = try sarif(report)
        let invocation = try #require(run[key: "invocations"]?[index: 0])
        #expect(invocation[key: "executionSuccessful"]?.asBool == true)
        #expect(invocation[key: "endTimeUtc"]?.asString == "2023-11-14T22:13:20.000Z")
        let notification = try #require(invocation[key: "toolExecutionNotifications"]?[index: 0])
        #expect(notification[key: "descriptor"]?[key: "id"]?.asString == "plugin-code-scan")
        #expect(notification[key: "level"]?.asString == "warning")
    }
}
