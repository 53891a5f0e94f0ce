import Foundation
import Testing
@testable import SecurityAudit

/// `openclaw-security advisories` and `audit --advisories`, run as a user runs them.
struct AdvisoriesCLITests {
    let cli = CLITests()

    func environment(_ dir: TemporaryDirectory) -> [String: String] { cli.environment(dir) }

    @Test func listsTheBundledData() throws {
        let dir = try TemporaryDirectory()
        let result = try cli.run(["advisories"], environment: environment(dir))
        #expect(result.status == 0)
        #expect(result.stdout.contains("Advisory data: bundled snapshot of \(BundledAdvisorySnapshot.date), \(BundledAdvisorySnapshot.advisoryCount) advisories"))
        #expect(result.stdout.contains("GHSA-g8p2-7wf7-98mq"))
        let json = try cli.run(["advisories", "--json"], environment: environment(dir))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["advisories"] as? [Any])?.count == BundledAdvisorySnapshot.advisoryCount)
        #expect((object["data"] as? [String: Any])?["date"] as? String == BundledAdvisorySnapshot.date)
    }

    @Test func whatAffectsOneReleaseExitsThree() throws {
        let dir = try TemporaryDirectory()
        let affected = try cli.run(["advisories", "--openclaw-version", "v2026.1.24-3"], environment: environment(dir))
        #expect(affected.status == 3)
        #expect(affected.stdout.contains("OpenClaw 2026.1.24-3 is affected by"))
        #expect(affected.stdout.contains("GHSA-g8p2-7wf7-98mq"))
        #expect(affected.stdout.contains("Upgrade to "))
        let json = try cli.run(["advisories", "--json", "--openclaw-version", "2026.1.24-3"], environment: environment(dir))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let openclaw = try #require(object["openclaw"] as? [String: Any])
        #expect(openclaw["version"] as? String == "2026.1.24-3")
        #expect((openclaw["affected"] as? Int ?? 0) > 300)
        let clean = try cli.run(["advisories", "--openclaw-version", "2026.11.1"], environment: environment(dir))
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("no advisory in this data affects it"))
    }

    @Test func aBadVersionIsAUsageError() throws {
        let dir = try TemporaryDirectory()
        let result = try cli.run(["advisories", "--openclaw-version", "latest"], environment: environment(dir))
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("not an OpenClaw version"))
    }

    @Test func badAdvisoryDataStopsWithFileLineColumn() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("osv.json", "[\n  { \"id\": 12 }\n]\n")
        try dir.write("state/openclaw.json", #"{ meta: { lastTouchedVersion: "2026.1.24-3" } }"#)
        for arguments in [["advisories", "--advisories", path], ["audit", "--json", "--advisories", path]] {
            let result = try cli.run(arguments, environment: environment(dir))
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("\(path):2:3: OSV record without a string \"id\""))
        }
    }

    @Test func advisoriesFromAFileAFolderAndAZipChangeTheAuditsAnswer() throws {
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", #"{ meta: { lastTouchedVersion: "2026.11.1" } }"#)
        // Dated in the future, so the data never reads as stale whenever the test runs.
        let record = OSVFixture.record(
            "GHSA-news-0000-0001", fixed: "2026.11.2", severity: "MODERATE", summary: "A later problem", modified: "2099-01-01T00:00:00Z")
        let file = try dir.write("one.json", record)
        try dir.write("folder/2026/GHSA-news-0000-0001.json", record)
        let zip = try AdvisoryLoaderTests().writeZip(in: dir, ["GHSA-news-0000-0001.json": record])

        func vulnerable(_ extra: [String]) throws -> [[String: Any]] {
            let result = try cli.run(["audit", "--json"] + extra, environment: environment(dir))
            #expect(result.status == 0, "\(result.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return ((object?["findings"] as? [[String: Any]]) ?? []).filter { $0["checkId"] as? String == "openclaw.version.vulnerable" }
        }
        #expect(try vulnerable([]).allSatisfy { ($0["detail"] as? String)?.contains("GHSA-news") == false && $0["severity"] as? String == "info" })
        for path in [file, dir.url("folder"), zip] {
            let findings = try vulnerable(["--advisories", path])
            #expect(findings.count == 1, "\(path)")
            #expect(findings.first?["severity"] as? String == "warn")
            #expect((findings.first?["detail"] as? String)?.contains("GHSA-news-0000-0001") == true)
            #expect((findings.first?["detail"] as? String)?.contains("Advisory data: \(path)") == true)
        }
        // And the other way: data in which nothing affects a release the bundled data flags.
        try dir.write("state2/openclaw.json", #"{ meta: { lastTouchedVersion: "2026.1.24-3" } }"#)
        let unrelated = try dir.write("old.json", OSVFixture.record("GHSA-olds-0000-0001", fixed: "2025.1.1", modified: "2099-01-01T00:00:00Z"))
        let bundled = try cli.run(["audit", "--json", "--state-dir", dir.url("state2")], environment: environment(dir))
        #expect(bundled.stdout.contains("GHSA-g8p2-7wf7-98mq"))
        let replaced = try cli.run(["audit", "--json", "--advisories", unrelated, "--state-dir", dir.url("state2")], environment: environment(dir))
        #expect(replaced.status == 0)
        #expect(!replaced.stdout.contains("openclaw.version.vulnerable"))
    }
}
