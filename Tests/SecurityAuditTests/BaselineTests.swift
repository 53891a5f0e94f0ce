import Foundation
import JSON5
import Testing
@testable import SecurityAudit

struct BaselineTests {
    static func paths(_ home: String) -> OpenClawPaths {
        OpenClawPaths(homeDir: home, stateDir: home + "/.openclaw", configPath: home + "/.openclaw/openclaw.json", credentialsDir: home + "/.openclaw/credentials")
    }

    func fingerprint(_ detail: String, home: String = "/home/ann", checkId: String = "fs.config.perms_world_readable") -> String {
        FindingFingerprinter(paths: Self.paths(home)).fingerprint(of: Finding(checkId: checkId, severity: .warn, title: "Config file is world-readable", detail: detail))
    }

    @Test func fingerprintsIgnoreHomesNumbersAndSpacingButNotTheSubject() {
        let base = fingerprint("/home/ann/.openclaw/openclaw.json mode=644; world can read it.")
        #expect(base.count == 32)
        #expect(fingerprint("/home/bob/.openclaw/openclaw.json mode=604;  world can\nread it.", home: "/home/bob") == base)
        #expect(fingerprint("/home/ann/.openclaw/openclaw.json mode=0604; world can read it.") == base)
        #expect(fingerprint("/home/ann/.openclaw/credentials mode=644; world can read it.") != base)
        #expect(fingerprint("/home/ann/.openclaw/openclaw.json mode=644; world can read it.", checkId: "fs.config.perms_group_readable") != base)
        #expect(fingerprint("/srv/ann/.openclaw/openclaw.json mode=644; world can read it.") != base)
        let subject = FindingFingerprinter(paths: Self.paths("/home/ann")).subject(of: Finding(
            checkId: "x", severity: .info, title: "T", detail: "/home/ann/.openclaw/openclaw.json and /home/ann/.openclaw/x and /home/ann/y 12 ports"))
        #expect(subject == "T <config> and <stateDir>/x and ~/y 0 ports")
    }

    func report(_ config: String, in dir: TemporaryDirectory) throws -> AuditReport {
        try auditReport(in: dir, config: config)
    }

    @Test func roundTripReportsOnlyNewFindings() throws {
        let dir = try TemporaryDirectory()
        let before = try report("{ logging: { redactSensitive: 'off' }, gateway: { auth: { token: 'short' } } }", in: dir)
        let written = Baseline(recording: before).rendered()
        let baseline = try Baseline(parsing: written, file: "b.json")
        #expect(baseline.entries.count == before.findings.count)

        var same = before
        baseline.apply(to: &same, file: "b.json")
        #expect(same.findings.isEmpty)
        #expect(same.summary == AuditSummary())
        #expect(same.baseline?.known == before.findings.count)
        #expect(same.baseline?.resolved == 0)

        // In another state dir (another path), the token longer but still short, one
        // finding fixed and one new: only the new one is reported, the fixed one is resolved.
        let other = try TemporaryDirectory()
        var after = try report("{\n\n gateway: { auth: { token: 'shortish-xy' } },\n discovery: { mdns: { mode: 'full' } } }", in: other)
        baseline.apply(to: &after, file: "b.json")
        #expect(after.findings.map(\.checkId) == ["discovery.mdns_full_mode"])
        #expect(after.baseline?.resolved == 1)
        #expect(after.baseline?.known == before.findings.count - 1)
        #expect(JSONReporter().render(after).contains("\"baseline\": {\n    \"file\": \"b.json\",\n    \"known\": \(before.findings.count - 1),\n    \"resolved\": 1\n  }"))
        #expect(TextReporter(colors: false, profile: nil).render(after).contains("Baseline: \(before.findings.count - 1) known finding(s) not shown, 1 resolved (b.json)"))
    }

    @Test func theFileIsVersionedSortedByEmissionAndReadable() throws {
        let dir = try TemporaryDirectory()
        let report = try report("{ logging: { redactSensitive: 'off' } }", in: dir)
        let text = Baseline(recording: report).rendered()
        let root = try JSON5.parse(text)
        #expect(root.members?.map(\.key) == ["version", "generator", "fingerprintVersion", "findings"])
        #expect(root[key: "version"]?.asDouble == 1)
        let first = try #require(root[key: "findings"]?[index: 0])
        #expect(first.members?.map(\.key) == ["checkId", "fingerprint", "severity", "title"])
        #expect(root[key: "findings"]?.elements?.map { $0[key: "checkId"]?.asString } == report.findings.map(\.checkId))
        #expect(!text.contains("line"))
        // Same findings twice: one entry.
        var doubled = report
        doubled.findings += report.findings
        #expect(Baseline(recording: doubled).entries.count == report.findings.count)
    }

    @Test func unreadableOrForeignFilesAreErrors() throws {
        let cases: [(String, String)] = [
            ("{ version: 2, findings: [] }", "baseline version 2 is not supported"),
            ("{ findings: [] }", "baseline has no version"),
            ("{ version: 1 }", "baseline has no findings array"),
            ("{ version: 1, fingerprintVersion: 9, findings: [] }", "fingerprints are version 9"),
            ("{ version: 1, findings: [\n  { checkId: 'a' },\n] }", "b.json:2:3: findings[0] needs checkId and fingerprint strings"),
            ("[]", "a baseline is a JSON object"),
            ("{ version: 1, ", "baseline b.json:1:15:"),
        ]
        for (text, message) in cases {
            #expect(throws: Baseline.FormatError.self) { try Baseline(parsing: text, file: "b.json") }
            do {
                _ = try Baseline(parsing: text, file: "b.json")
            } catch {
                #expect(error.description.contains(message), "\(error.description)")
            }
        }
        let dir = try TemporaryDirectory()
        do {
            _ = try Baseline(contentsOf: dir.url("missing.json"))
            Issue.record("a missing baseline must be an error")
        } catch {
            #expect(error.description.contains("missing.json: cannot read baseline: file not found"))
        }
        try dir.write("ok.json", "{ version: 1, findings: [{ checkId: 'a', fingerprint: 'b' }] }")
        #expect(try Baseline(contentsOf: dir.url("ok.json")).entries.map(\.key.checkId) == ["a"])
    }
}
