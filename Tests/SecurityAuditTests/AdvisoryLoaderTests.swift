import Foundation
import Testing
import ZIPFoundation
@testable import SecurityAudit

/// OSV record text for tests.
enum OSVFixture {
    static func record(
        _ id: String, package: String = "openclaw", ecosystem: String = "npm", introduced: String = "0",
        fixed: String?, severity: String? = "HIGH", summary: String = "Test advisory", aliases: [String] = [],
        modified: String = "2026-12-01T00:00:00Z", withdrawn: Bool = false, versions: [String] = []
    ) -> String {
        var events = [#"{"introduced": "\#(introduced)"}"#]
        if let fixed { events.append(#"{"fixed": "\#(fixed)"}"#) }
        let aliasList = aliases.map { "\"\($0)\"" }.joined(separator: ", ")
        let versionList = versions.map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            {
              "schema_version": "1.6.0",
              "id": "\(id)",
              "modified": "\(modified)",
              "published": "2026-11-20T00:00:00Z",\(withdrawn ? "\n  \"withdrawn\": \"2026-11-30T00:00:00Z\"," : "")
              "aliases": [\(aliasList)],
              "summary": "\(summary)",
              "affected": [{
                "package": {"ecosystem": "\(ecosystem)", "name": "\(package)"},
                "ranges": [{"type": "SEMVER", "events": [\(events.joined(separator: ", "))]}],
                "versions": [\(versionList)]
              }],
              "database_specific": {\(severity.map { "\"severity\": \"\($0)\"" } ?? "")}
            }
            """
    }
}

struct AdvisoryLoaderTests {
    @Test func aFileOfOneRecordAListOrAnOSVAnswer() throws {
        let dir = try TemporaryDirectory()
        let one = OSVFixture.record("GHSA-one1-0000-0000", fixed: "2026.12.5")
        let two = OSVFixture.record("GHSA-two2-0000-0000", fixed: "2026.12.6")
        for (name, text) in [("one.json", one), ("list.json", "[\(one), \(two)]"), ("api.json", #"{"vulns": [\#(one), \#(two)]}"#)] {
            let database = try AdvisoryLoader.load(path: dir.write(name, text))
            #expect(database.advisories.count == (name == "one.json" ? 1 : 2))
            #expect(database.date == "2026-12-01")
            #expect(database.origin == .path(dir.url(name)))
        }
    }

    @Test func otherPackagesWithdrawnAndDuplicateAdvisoriesAreDropped() throws {
        let dir = try TemporaryDirectory()
        let records = [
            OSVFixture.record("GHSA-keep-0000-0000", fixed: "2026.12.5", aliases: ["CVE-2026-90001"]),
            OSVFixture.record("GHSA-othr-0000-0000", package: "left-pad", fixed: "1.0.1"),
            OSVFixture.record("GHSA-plug-0000-0000", package: "@openclaw/voice-call", fixed: "2026.12.5"),
            OSVFixture.record("GHSA-nuge-0000-0000", ecosystem: "NuGet", fixed: "2026.12.5"),
            OSVFixture.record("GHSA-gone-0000-0000", fixed: "2026.12.5", withdrawn: true),
            OSVFixture.record("GHSA-dupl-0000-0000", fixed: "2026.12.5", summary: "Duplicate Advisory: same as GHSA-keep"),
            // The CVE-only record of the same advisory, and an older copy of the kept one.
            OSVFixture.record("CVE-2026-90001", fixed: "2026.12.5"),
            OSVFixture.record("GHSA-keep-0000-0000", fixed: "2026.12.1", modified: "2026-10-01T00:00:00Z"),
        ]
        let database = try AdvisoryLoader.load(path: dir.write("all.json", "[\(records.joined(separator: ","))]"))
        #expect(database.advisories.map(\.id) == ["GHSA-keep-0000-0000"])
        #expect(database.advisories.first?.affected.first?.ranges.first?.fixed == OpenClawVersion("2026.12.5"))
        #expect(database.counts.records == 8)
        #expect(database.counts.withdrawn == 1)
        #expect(database.counts.duplicates == 3)
        #expect(database.counts.otherPackages == 3)
    }

    @Test func aFolderIsWalkedAndFilesOfOtherPackagesAreNotParsed() throws {
        let dir = try TemporaryDirectory()
        try dir.write("osv/2026/12/GHSA-one1-0000-0000.json", OSVFixture.record("GHSA-one1-0000-0000", fixed: "2026.12.5"))
        try dir.write("osv/2026/11/GHSA-clwd-0000-0000.json", OSVFixture.record("GHSA-clwd-0000-0000", package: "clawdbot", fixed: "2026.1.29"))
        // Not JSON at all, but it names no lineage package: skipped, not an error.
        try dir.write("osv/2026/11/GHSA-else-0000-0000.json", "{ broken: \"left-pad\" ")
        try dir.write("osv/README.md", "not a record")
        let database = try AdvisoryLoader.load(path: dir.url("osv"))
        #expect(Set(database.advisories.map(\.id)) == ["GHSA-one1-0000-0000", "GHSA-clwd-0000-0000"])
        #expect(database.counts.otherPackages == 1)
    }

    @Test func anOSVZipExportIsRead() throws {
        let dir = try TemporaryDirectory()
        let path = try writeZip(in: dir, [
            "GHSA-one1-0000-0000.json": OSVFixture.record("GHSA-one1-0000-0000", fixed: "2026.12.5"),
            "GHSA-othr-0000-0000.json": OSVFixture.record("GHSA-othr-0000-0000", package: "left-pad", fixed: "1.0.1"),
            "MAL-2026-1.json": #"{"id": "MAL-2026-1", "affected": [{"package": {"ecosystem": "npm", "name": "evil"}}]}"#,
        ])
        let database = try AdvisoryLoader.load(path: path)
        #expect(database.advisories.map(\.id) == ["GHSA-one1-0000-0000"])
        #expect(database.counts.records == 3)
        #expect(database.date != nil)
    }

    @Test func errorsNameTheFileLineAndColumn() throws {
        let dir = try TemporaryDirectory()
        let broken = try dir.write("broken.json", "[\n  {\"id\": \"GHSA-x\",,}\n]")
        #expect(throws: AdvisoryDataError.self) { try AdvisoryLoader.load(path: broken) }
        do {
            _ = try AdvisoryLoader.load(path: broken)
        } catch {
            #expect(error.description.hasPrefix("\(broken):2:"))
        }
        let badVersion = try dir.write("version.json", OSVFixture.record("GHSA-vers-0000-0000", fixed: "soon"))
        do {
            _ = try AdvisoryLoader.load(path: badVersion)
            Issue.record("a version that cannot be ordered must be an error")
        } catch {
            #expect(error.position?.line == 10)
            #expect(error.description.contains("fixed \"soon\" is not a version"))
        }
        let zip = try writeZip(in: dir, ["GHSA-bad.json": #"{"id": "GHSA-bad", "affected": [{"package": {"ecosystem": "npm", "name": "openclaw"}, "ranges": [{"type": "SEMVER", "events": [{"fixed": 3}]}]}]}"#])
        do {
            _ = try AdvisoryLoader.load(path: zip)
            Issue.record("a malformed lineage record in a zip must be an error")
        } catch {
            #expect(error.description.hasPrefix("\(zip):GHSA-bad.json:1:"))
        }
        #expect(throws: AdvisoryDataError.self) { try AdvisoryLoader.load(path: dir.url("missing.json")) }
        let empty = try dir.write("empty/.keep", "")
        _ = empty
        #expect(throws: AdvisoryDataError.self) { try AdvisoryLoader.load(path: dir.url("empty")) }
        #expect(throws: AdvisoryDataError.self) { try AdvisoryLoader.load(path: dir.write("scalar.json", "42")) }
    }

    @Test func aZipEntryThatInflatesPastTheLimitIsRefused() throws {
        let dir = try TemporaryDirectory()
        let huge = OSVFixture.record("GHSA-huge-0000-0000", fixed: "2026.12.5", summary: String(repeating: "a", count: AdvisoryLoader.maxRecordBytes))
        let path = try writeZip(in: dir, ["GHSA-huge.json": huge])
        do {
            _ = try AdvisoryLoader.load(path: path)
            Issue.record("an oversized entry must be refused")
        } catch {
            #expect(error.description.contains("inflates to more than"))
        }
    }

    @Test func aFileThatIsNotAZipButStartsLikeOneIsAnError() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("fake.zip", "PK\u{3}\u{4}not really a zip archive")
        #expect(throws: AdvisoryDataError.self) { try AdvisoryLoader.load(path: path) }
    }

    func writeZip(in dir: TemporaryDirectory, _ entries: [String: String]) throws -> String {
        let path = dir.url("export-\(entries.count)-\(UInt32.random(in: 0...UInt32.max)).zip")
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in entries.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return path
    }
}
