import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SecurityAudit

/// JUnit output parsed by a real XML parser and checked against the shape CI systems
/// read (the common JUnit XSD: testsuites > testsuite > testcase with at most one of
/// failure / error / skipped, counts that add up).
struct JUnitReporterTests {
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""
        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }
        func all(_ name: String) -> [Element] { children.filter { $0.name == name } }
    }

    final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [Element] = []
        var root: Element?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let element = Element(name: name, attributes: attributes)
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }

    struct ShapeError: Error, CustomStringConvertible { var description: String }

    /// Parses and checks the shape; returns the root element.
    func parse(_ xml: String) throws -> Element {
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
        let parser = XMLParser(data: Data(xml.utf8))
        let builder = TreeBuilder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ShapeError(description: "not well-formed XML: \(String(describing: parser.parserError))")
        }
        try checkShape(root)
        return root
    }

    func checkShape(_ root: Element) throws {
        func require(_ condition: Bool, _ message: String) throws {
            if !condition { throw ShapeError(description: message) }
        }
        func count(_ element: Element, _ key: String) throws -> Int {
            guard let text = element.attributes[key], let value = Int(text), value >= 0 else {
                throw ShapeError(description: "\(element.name) needs a non-negative integer \(key), has \(element.attributes[key] ?? "nothing")")
            }
            return value
        }
        func seconds(_ element: Element) throws {
            if let time = element.attributes["time"] { try require(Double(time).map { $0 >= 0 } == true, "bad time \(time)") }
        }
        try require(root.name == "testsuites", "root is \(root.name)")
        try require(root.children.allSatisfy { $0.name == "testsuite" }, "testsuites holds only testsuite")
        var totals = [0, 0, 0, 0]
        for suite in root.children {
            try require(suite.attributes["name"]?.isEmpty == false, "testsuite needs a name")
            try seconds(suite)
            if let timestamp = suite.attributes["timestamp"] {
                try require(timestamp.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$"#, options: .regularExpression) != nil, "timestamp \(timestamp)")
            }
            try require(suite.children.allSatisfy { ["properties", "testcase", "system-out", "system-err"].contains($0.name) }, "testsuite children")
            var found = [0, 0, 0, 0]
            for testCase in suite.all("testcase") {
                try require(testCase.attributes["name"]?.isEmpty == false && testCase.attributes["classname"]?.isEmpty == false, "testcase needs name and classname")
                try seconds(testCase)
                try require(testCase.children.allSatisfy { ["failure", "error", "skipped", "system-out", "system-err"].contains($0.name) }, "testcase children")
                let outcomes = testCase.children.filter { ["failure", "error", "skipped"].contains($0.name) }
                try require(outcomes.count <= 1, "\(testCase.attributes["name"] ?? "") has \(outcomes.count) outcomes")
                for outcome in outcomes where outcome.name != "skipped" {
                    try require(outcome.attributes["message"] != nil && outcome.attributes["type"] != nil, "\(outcome.name) needs message and type")
                }
                found[0] += 1
                if let name = outcomes.first?.name { found[["failure": 1, "error": 2, "skipped": 3][name]!] += 1 }
            }
            let declared = [try count(suite, "tests"), try count(suite, "failures"), try count(suite, "errors"), try count(suite, "skipped")]
            try require(declared == found, "testsuite \(suite.attributes["name"]!) declares \(declared), holds \(found)")
            totals = zip(totals, found).map(+)
        }
        let declared = [try count(root, "tests"), try count(root, "failures"), try count(root, "errors"), try count(root, "skipped")]
        try require(declared == totals, "testsuites declares \(declared), holds \(totals)")
    }

    func cases(_ root: Element) -> [String: Element] {
        var out: [String: Element] = [:]
        for testCase in root.children.flatMap({ $0.all("testcase") }) { out[testCase.attributes["name"]!] = testCase }
        return out
    }

    @Test func oneCasePerCheckFailedByActiveFindings() throws {
        let dir = try TemporaryDirectory()
        let report = try auditReport(in: dir, config: """
            { gateway: { bind: 'lan' }, logging: { redactSensitive: 'off' }, discovery: { mdns: { mode: 'full' } },
              security: { audit: { suppressions: [{ checkId: 'discovery.mdns_full_mode', reason: 'kiosk <lab> & "demo"' }] } } }
            """)
        let entries = CheckCatalog.entries + [CheckEntry(id: "future.check", info: nil)]
        let root = try parse(JUnitReporter(entries: entries).render(report))
        let byName = cases(root)
        #expect(Set(byName.keys) == Set(entries.map(\.id)))
        let bind = try #require(byName["gateway.bind_no_auth"]?.all("failure").first)
        #expect(bind.attributes["type"] == "critical")
        #expect(bind.attributes["message"] == "Gateway binds beyond loopback without auth")
        #expect(bind.text.contains("gateway.bind=\"lan\" but no gateway.auth token/password is configured."))
        #expect(byName["logging.redact_off"]?.all("failure").first?.attributes["type"] == "warn")
        #expect(byName["gateway.bind_no_auth"]?.attributes["classname"] == "openclaw.security.gateway")
        // Info does not fail by default; it is kept as output.
        let summary = try #require(byName["summary.attack_surface"])
        #expect(summary.all("failure").isEmpty)
        #expect(summary.all("system-out").first?.text.contains("groups: open=0") == true)
        // Suppressed findings pass, with the reason in the output.
        let mdns = try #require(byName["discovery.mdns_full_mode"])
        #expect(mdns.all("failure").isEmpty)
        #expect(mdns.all("system-out").first?.text.contains("suppressed (kiosk <lab> & \"demo\"): [critical] discovery.mdns_full_mode") == true)
        // Pending checks are skipped; passing ones are empty cases.
        #expect(byName["future.check"]?.all("skipped").count == 1)
        #expect(byName["gateway.loopback_no_auth"]?.children.isEmpty == true)
    }

    @Test func failOnMovesTheThreshold() throws {
        let dir = try TemporaryDirectory()
        let report = try auditReport(in: dir, config: "{ gateway: { bind: 'lan' }, logging: { redactSensitive: 'off' } }")
        let strict = cases(try parse(JUnitReporter(failOn: .info).render(report)))
        #expect(strict["summary.attack_surface"]?.all("failure").first?.attributes["type"] == "info")
        let lenient = cases(try parse(JUnitReporter(failOn: .critical).render(report)))
        #expect(lenient["logging.redact_off"]?.all("failure").isEmpty == true)
        #expect(lenient["logging.redact_off"]?.all("system-out").count == 1)
        #expect(lenient["gateway.bind_no_auth"]?.all("failure").count == 1)
    }

    @Test func templatedIdsUnknownIdsAndIncompleteCollectors() throws {
        var report = AuditReport(timestamp: 0, findings: [
            Finding(checkId: "channels.discord.dm.open", severity: .critical, title: "Discord DMs are open", detail: "a"),
            Finding(checkId: "channels.slack.dm.open", severity: .critical, title: "Slack DMs are open", detail: "b"),
            Finding(checkId: "plugins.acme.custom", severity: .warn, title: "Plugin-owned", detail: "c"),
        ])
        report.incomplete = [IncompleteCollector(collector: "gateway-probe", reason: "timed out after 5000 ms")]
        report.durationSeconds = 0.25
        let root = try parse(JUnitReporter().render(report))
        let byName = cases(root)
        let dm = try #require(byName["channels.<id>.dm.open"]?.all("failure").first)
        #expect(dm.attributes["message"] == "2 findings: Discord DMs are open, ...")
        #expect(dm.text.contains("channels.discord.dm.open") && dm.text.contains("channels.slack.dm.open"))
        #expect(byName["plugins.acme.custom"]?.all("failure").count == 1)
        let probe = try #require(byName["gateway-probe"]?.all("error").first)
        #expect(probe.attributes["message"] == "timed out after 5000 ms")
        #expect(root.attributes["errors"] == "1")
        #expect(root.attributes["time"] == "0.25")
    }

    @Test func hostileTextStaysWellFormed() throws {
        let hostile = "a <b> & \"c\" 'd' \u{1B}[31m \u{0}\u{7} ]]> \r\n\ttab é 😀"
        let report = AuditReport(timestamp: 0, findings: [
            Finding(checkId: "plugins.<x>&\"y\"", severity: .critical, title: hostile, detail: hostile, remediation: hostile),
        ])
        let root = try parse(JUnitReporter().render(report))
        let failure = try #require(cases(root)["plugins.<x>&\"y\""]?.all("failure").first)
        let visible = "a <b> & \"c\" 'd' \\u{1b}[31m \\u{0}\\u{7} ]]> "
        #expect(failure.attributes["message"]?.hasPrefix(visible) == true)
        #expect(failure.text.contains(visible + "\r\n\ttab é 😀"))
    }

    @Test func shapeCheckerRejectsBrokenDocuments() throws {
        let good = JUnitReporter().render(AuditReport(timestamp: 0, findings: [
            Finding(checkId: "gateway.bind_no_auth", severity: .critical, title: "t", detail: "d"),
        ]))
        _ = try parse(good)
        let broken = [
            good.replacingOccurrences(of: "failures=\"1\"", with: "failures=\"2\""),
            good.replacingOccurrences(of: "<testcase name=\"gateway.bind_no_auth\"", with: "<testcase"),
            good.replacingOccurrences(of: "</failure>", with: "</failure><skipped/>"),
            good.replacingOccurrences(of: "message=\"t\"", with: "message=\"<\""),
            good.replacingOccurrences(of: "<testsuites ", with: "<testrun "),
        ]
        for document in broken {
            #expect(document != good)
            #expect(throws: (any Error).self) { try parse(document) }
        }
    }
}
