import Foundation
import Testing
import VaporCSQLite
@testable import SecurityAudit

/// Every file under `root` (relative path -> bytes and mode), to show a scan changed
/// nothing and created nothing there.
func treeSnapshot(_ root: String) -> [String: (Data, UInt16)] {
    var result: [String: (Data, UInt16)] = [:]
    let manager = FileManager.default
    guard let walker = manager.enumerator(atPath: root) else { return result }
    while let relative = walker.nextObject() as? String {
        let path = root + "/" + relative
        let attributes = try? manager.attributesOfItem(atPath: path)
        let mode = (attributes?[.posixPermissions] as? NSNumber)?.uint16Value ?? 0
        let data = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
        result[relative] = (data, mode)
    }
    return result
}

func sameTree(_ a: [String: (Data, UInt16)], _ b: [String: (Data, UInt16)]) -> Bool {
    a.keys.sorted() == b.keys.sorted() && a.allSatisfy { key, value in b[key].map { $0.0 == value.0 && $0.1 == value.1 } ?? false }
}

/// A connection the test keeps open, as the gateway keeps its databases open.
final class OpenDatabase {
    let connection: SQLiteConnection

    init(_ path: String, exclusive: Bool = false) throws {
        connection = try SQLiteConnection(path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        try connection.execute("PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;" + (exclusive ? " PRAGMA locking_mode=EXCLUSIVE;" : ""))
    }

    func run(_ sql: String) throws { try connection.execute(sql) }
}

/// The deep scan of OpenClaw's SQLite databases: every row of every table, the rows
/// only in the write-ahead log included, read without touching the database's folder.
struct DatabaseSecretScanTests {
    static func scan(_ path: String, deadline: UInt64? = nil, maxValueBytes: Int32 = 64 << 20) -> DatabaseScanResult {
        DatabaseSecretScan(limitPerKind: 100, deadline: deadline, maxValueBytes: maxValueBytes).run(path: path)
    }

    @Test func aRowOnlyInTheLogIsFoundAndNothingChanges() throws {
        let dir = try TemporaryDirectory()
        try dir.makeDirectory("db")
        let path = dir.url("db/openclaw-agent.sqlite")
        try SQLiteFixtureWriter.write(path, statements: [
            "CREATE TABLE transcript_events (session_id TEXT, event_json TEXT)",
        ], inLog: [
            "INSERT INTO transcript_events VALUES ('s1', 'hello')",
            "INSERT INTO transcript_events VALUES ('s1', '{\"text\":\"GH=\(SecretSamples.gitHub())\"}')",
        ])
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        // The main file alone holds no row: only the log does.
        let mainOnly = try SQLiteConnection(path: "file:\(path)?immutable=1", flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI)
        let count = try mainOnly.prepare("SELECT count(*) FROM transcript_events")
        #expect(try count.step() && count.int64(0) == 0)

        let before = treeSnapshot(dir.url("db"))
        let result = Self.scan(path)
        #expect(sameTree(before, treeSnapshot(dir.url("db"))))
        #expect(result.incomplete == nil)
        #expect(result.rowsScanned == 2)
        let hit = try #require(result.occurrences.first)
        #expect(result.occurrences.count == 1)
        #expect(hit.kind == .gitHub)
        #expect(hit.cell == DatabaseCell(table: "transcript_events", rowid: 2, column: "event_json"))
        #expect(!hit.redacted.contains(SecretSamples.gitHub()))
    }

    @Test func aDatabaseHeldOpenByTheGatewayIsReadAsItIs() throws {
        for exclusive in [false, true] {
            let dir = try TemporaryDirectory()
            try dir.makeDirectory("state")
            let path = dir.url("state/openclaw.sqlite")
            let gateway = try OpenDatabase(path, exclusive: exclusive)
            try gateway.run("CREATE TABLE mcp_oauth_stores (server TEXT PRIMARY KEY, tokens BLOB) WITHOUT ROWID")
            try gateway.run("INSERT INTO mcp_oauth_stores VALUES ('slack', CAST('xoxb=\(SecretSamples.slackBot())' AS BLOB))")
            try gateway.run("CREATE TABLE \"odd \"\"name\"\" \" (a TEXT)")
            try gateway.run("INSERT INTO \"odd \"\"name\"\" \" VALUES ('sk-ant: \(SecretSamples.anthropic())')")
            let before = treeSnapshot(dir.url("state"))
            let result = Self.scan(path)
            #expect(sameTree(before, treeSnapshot(dir.url("state"))), "exclusive: \(exclusive)")
            #expect(result.incomplete == nil, "\(result.incomplete ?? "")")
            #expect(Set(result.occurrences.map(\.kind)) == [.slack, .anthropic], "exclusive: \(exclusive)")
            let slack = try #require(result.occurrences.first { $0.kind == .slack })
            #expect(slack.cell == DatabaseCell(table: "mcp_oauth_stores", rowid: nil, column: "tokens"))
            #expect(result.occurrences.contains { $0.cell.table == "odd \"name\" " })
            // The gateway goes on writing.
            try gateway.run("INSERT INTO \"odd \"\"name\"\" \" VALUES ('later')")
        }
    }

    @Test func corruptAndForeignFilesAreReportedNotRead() throws {
        let dir = try TemporaryDirectory()
        var garbage = Array("SQLite format 3\0".utf8)
        garbage += (0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
        let corrupt = dir.url("corrupt.sqlite")
        try Data(garbage).write(to: URL(fileURLWithPath: corrupt))
        let encrypted = dir.url("encrypted.sqlite")
        try Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 5) }).write(to: URL(fileURLWithPath: encrypted))
        for path in [corrupt, encrypted] {
            let result = Self.scan(path)
            let reason = try #require(result.incomplete)
            #expect(reason.contains("corrupt or encrypted"), "\(reason)")
            #expect(result.occurrences.isEmpty)
        }
    }

    @Test func aHugeDatabaseIsReportedAtOnceWithinTheBudget() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url("huge.sqlite")
        // A sparse 10 GB file: the size alone says it cannot be read in the budget.
        let fd = open(path, O_WRONLY | O_CREAT, 0o600)
        #expect(ftruncate(fd, 10_000_000_000) == 0)
        close(fd)
        let start = DispatchTime.now().uptimeNanoseconds
        let result = Self.scan(path, deadline: start + 1_000_000_000)
        #expect(DispatchTime.now().uptimeNanoseconds - start < 500_000_000)
        #expect(result.incomplete?.contains("9536.7 MiB cannot be read in the") == true, "\(result.incomplete ?? "")")
    }

    @Test func aLargeDatabaseStopsAtTheDeadlineAndSaysHowFarItGot() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url("large.sqlite")
        let filler = String(repeating: "lorem ipsum dolor sit amet ", count: 40)
        var statements = ["CREATE TABLE events (body TEXT)"]
        statements.append("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000) INSERT INTO events SELECT '\(filler)' || i FROM n")
        statements.append("INSERT INTO events VALUES ('last: \(SecretSamples.gitHub())')")
        try SQLiteFixtureWriter.write(path, statements: statements)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber).intValue
        #expect(size > 60_000_000)

        let full = Self.scan(path)
        #expect(full.incomplete == nil)
        #expect(full.rowsScanned == 60_001)
        #expect(full.occurrences.map(\.cell.rowid) == [60_001])

        let stopped = Self.scan(path, deadline: DispatchTime.now().uptimeNanoseconds + 150_000_000)
        let reason = try #require(stopped.incomplete)
        #expect(reason.contains("the deep audit time budget ran out"), "\(reason)")
        #expect(reason.contains("MiB of values in"), "\(reason)")
        #expect(stopped.rowsScanned < 60_001)
    }

    @Test func aValueLargerThanTheCapIsReportedNotLoaded() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url("big-value.sqlite")
        try SQLiteFixtureWriter.write(path, statements: [
            "CREATE TABLE blobs (b BLOB)",
            "INSERT INTO blobs VALUES (zeroblob(3000000))",
        ])
        let result = Self.scan(path, maxValueBytes: 1 << 20)
        #expect(result.incomplete?.contains("blobs: a value larger than 1.0 MiB was not scanned") == true, "\(result.incomplete ?? "")")
    }

    @Test func theReleaseStampIsTheNewestAppVersion() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url("stamped.sqlite")
        try SQLiteFixtureWriter.write(path, statements: [
            "CREATE TABLE schema_meta (meta_key TEXT PRIMARY KEY, role TEXT, schema_version INTEGER, app_version TEXT)",
            "INSERT INTO schema_meta VALUES ('primary', 'agent', 9, '2026.7.2-beta.2')",
        ], inLog: [
            "INSERT INTO schema_meta VALUES ('previous', 'agent', 4, '2026.7.2')",
            "INSERT INTO schema_meta VALUES ('odd', 'agent', 1, 'not a version')",
        ])
        let result = Self.scan(path)
        #expect(result.appVersions == ["2026.7.2", "2026.7.2-beta.2", "not a version"])
        #expect(OpenClawReleaseStamp.newest(in: [result])?.description == "2026.7.2")
    }

    @Test func theSnapshotIsPrivateAndRemoved() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url("a.sqlite")
        try SQLiteFixtureWriter.write(path, statements: ["CREATE TABLE t (a TEXT)"], inLog: ["INSERT INTO t VALUES ('x')"])
        let snapshot = try DatabaseSnapshot(source: path, deadline: nil, maxLogBytes: 1 << 20)
        var info = stat()
        #expect(stat(snapshot.folder, &info) == 0 && info.st_mode & 0o777 == 0o700)
        #expect(FileManager.default.fileExists(atPath: snapshot.mainPath + "-wal"))
        #expect(!snapshot.folder.hasPrefix(dir.path))
        snapshot.remove()
        #expect(!FileManager.default.fileExists(atPath: snapshot.folder))
    }

    @Test func scanSecretsReadsADatabaseByTableColumnAndRowid() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url("x.sqlite")
        try SQLiteFixtureWriter.write(path, statements: [
            "CREATE TABLE auth_profile_store (store_key TEXT, store_json TEXT)",
        ], inLog: [
            "INSERT INTO auth_profile_store VALUES ('primary', '{\"key\":\"\(SecretSamples.openAI())\"}')",
        ])
        let result = Self.scan(path)
        let text = SecretScanReport.text(SecretFileScan().run(paths: []), databases: [result])
        #expect(text == "\(path): auth_profile_store.store_json rowid=1: OpenAI API key: \(result.occurrences[0].redacted)\n")
        let json = SecretScanReport.json(SecretFileScan().run(paths: []), databases: [result], gaps: [])
        #expect(json.contains("\"table\": \"auth_profile_store\"") && json.contains("\"rowid\": 1"))
        #expect(!text.contains(SecretSamples.openAI()) && !json.contains(SecretSamples.openAI()))
    }
}
