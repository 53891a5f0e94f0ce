import Foundation
import NIOCore
import Testing
@testable import SecurityAudit

/// The real POSIX reader, recording every path the audit asks it about: a collector that
/// reads the audited state without the seam leaves its files out of the record.
final class RecordingFileSystem: FileSystemAccess {
    let base = POSIXFileSystem()
    private let record = LockedState<Set<String>>([])

    var paths: Set<String> { record.withLock { $0 } }

    private func note<T>(_ path: String, _ call: () -> T) -> T {
        _ = record.withLock { $0.insert(path) }
        return call()
    }

    func lstat(_ path: String) -> Result<FileStatus, FileSystemError> { note(path) { base.lstat(path) } }
    func stat(_ path: String) -> Result<FileStatus, FileSystemError> { note(path) { base.stat(path) } }
    func listDirectory(_ path: String) -> Result<[DirectoryEntry], FileSystemError> { note(path) { base.listDirectory(path) } }
    func realpath(_ path: String) -> Result<String, FileSystemError> { note(path) { base.realpath(path) } }
    func readlink(_ path: String) -> Result<String, FileSystemError> { note(path) { base.readlink(path) } }
    func readFile(_ path: String, limit: Int, options: ReadOptions) -> Result<[UInt8], FileSystemError> {
        note(path) { base.readFile(path, limit: limit, options: options) }
    }
    func openForReading(_ path: String, within root: String?) -> Result<Int32, FileSystemError> {
        note(path) { base.openForReading(path, within: root) }
    }
    var effectiveUID: UInt32 { base.effectiveUID }
    func userName(of uid: UInt32) -> String? { base.userName(of: uid) }
}

/// The real POSIX reader, except that the given files cannot be opened for reading
/// (`EIO`, a failing disk): listing and `lstat` still see them.
struct UnopenableFileSystem: FileSystemAccess {
    var base = POSIXFileSystem()
    var unopenable: Set<String>

    func lstat(_ path: String) -> Result<FileStatus, FileSystemError> { base.lstat(path) }
    func stat(_ path: String) -> Result<FileStatus, FileSystemError> { base.stat(path) }
    func listDirectory(_ path: String) -> Result<[DirectoryEntry], FileSystemError> { base.listDirectory(path) }
    func realpath(_ path: String) -> Result<String, FileSystemError> { base.realpath(path) }
    func readlink(_ path: String) -> Result<String, FileSystemError> { base.readlink(path) }
    func readFile(_ path: String, limit: Int, options: ReadOptions) -> Result<[UInt8], FileSystemError> {
        unopenable.contains(path) ? .failure(FileSystemError(operation: "open", code: EIO, path: path))
            : base.readFile(path, limit: limit, options: options)
    }
    func openForReading(_ path: String, within root: String?) -> Result<Int32, FileSystemError> {
        unopenable.contains(path) ? .failure(FileSystemError(operation: "open", code: EIO, path: path))
            : base.openForReading(path, within: root)
    }
    var effectiveUID: UInt32 { base.effectiveUID }
    func userName(of uid: UInt32) -> String? { base.userName(of: uid) }
}

/// Issue 14 item 2: every read of the audited state goes through `FileSystemAccess`, so
/// a fault injected there reaches the config loader, dotenv, the channel facts, the
/// secret scan and the deep collectors alike.
struct SeamFaultTests {
    /// A state dir with something for every collector to read.
    func layout() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", """
            { $include: "./part.json5", channels: { telegram: { tokenFile: "\(dir.url("state/telegram.token"))" } } }
            """)
        try dir.write("state/part.json5", "{ logging: { redactSensitive: 'tools' } }")
        try dir.write("state/.env", "SEAM_TEST_VARIABLE=1\n")
        try dir.write("state/telegram.token", "t")
        try dir.write("state/credentials/telegram-allowFrom.json", #"{ "version": 1, "allowFrom": ["1"] }"#)
        try dir.write("state/extensions/p/package.json", #"{ "openclaw": { "extensions": ["./index.js"] } }"#)
        try dir.write("state/extensions/p/index.js", "export {};\n")
        try dir.write("state/skills/s/SKILL.md", "---\nname: s\n---\n")
        try dir.write("state/skills/s/run.js", "export {};\n")
        try dir.write("state/agents/main/sessions/a.jsonl", "{}\n")
        try dir.write("state/identity/device.json", "{}")
        try dir.makeDirectory("home")
        chmod(dir.url("state"), 0o700)
        return dir
    }

    func request(_ dir: TemporaryDirectory, _ fileSystem: any FileSystemAccess) -> AuditRequest {
        var request = AuditRequest(
            environment: [
                "HOME": dir.url("home"), "OPENCLAW_STATE_DIR": dir.url("state"),
                "OPENCLAW_GATEWAY_PORT": String(closedLoopbackPort()),
            ],
            cwd: dir.url("home"), systemHome: nil, deep: true)
        request.fileSystem = fileSystem
        return request
    }

    func deepAudit(_ dir: TemporaryDirectory, _ fileSystem: any FileSystemAccess) throws -> AuditContext {
        let request = request(dir, fileSystem)
        let context = try AuditPreparation.prepare(request)
        return try DeepAudit.collect(into: context, request: request, options: DeepAuditOptions(timeoutMilliseconds: 2000))
    }

    @Test func everyCollectorReadsTheStateThroughTheSeam() throws {
        let dir = try layout()
        let recorder = RecordingFileSystem()
        let context = try deepAudit(dir, recorder)
        #expect(context.environment["SEAM_TEST_VARIABLE"] == "1")
        let expected = [
            "state/openclaw.json", "state/.env", "state/telegram.token",
            "state/credentials", "state/credentials/telegram-allowFrom.json",
            "state/extensions", "state/extensions/p/package.json", "state/extensions/p/index.js",
            "state/skills/s/SKILL.md", "state/skills/s/run.js",
            "state/agents/main/sessions/a.jsonl", "state/identity/device.json",
        ].map { dir.url($0) }
        let seen = recorder.paths
        #expect(expected.filter { !seen.contains($0) } == [])
        // The include is read by its real path (the confinement check resolves it).
        #expect(seen.contains(dir.url("state/part.json5")) || seen.contains { $0.hasSuffix("/state/part.json5") })
    }

    @Test func aRefusedConfigIsAnErrorNamingTheFailure() throws {
        let dir = try layout()
        let refusing = RefusingFileSystem(refused: [dir.url("state/openclaw.json")])
        #expect(throws: ConfigLoadError.self) { try AuditPreparation.prepare(request(dir, refusing)) }
        do {
            _ = try AuditPreparation.prepare(request(dir, refusing))
        } catch {
            #expect(error.description.contains("cannot read config: open failed: Permission denied"), "\(error.description)")
        }
    }

    @Test func aRefusedIncludeIsAnErrorNamingTheInclude() throws {
        let dir = try layout()
        let real = try #require(BoundedFileReader.realpath(dir.url("state/part.json5")))
        let refusing = RefusingFileSystem(refused: [real])
        do {
            _ = try AuditPreparation.prepare(request(dir, refusing))
            Issue.record("the refused include was read")
        } catch {
            #expect(error.description.contains("Failed to read include file: ./part.json5"), "\(error.description)")
            #expect(error.description.contains("open failed: Permission denied"), "\(error.description)")
        }
    }

    @Test func refusalsReachDotEnvChannelFactsAndTheDeepCollectors() throws {
        let dir = try layout()
        let refusing = RefusingFileSystem(refused: [
            dir.url("state/.env"), dir.url("state/credentials"), dir.url("state/telegram.token"),
            dir.url("state/extensions/p"), dir.url("state/agents/main/sessions/a.jsonl"),
        ])
        let context = try deepAudit(dir, refusing)
        #expect(context.environment["SEAM_TEST_VARIABLE"] == nil)
        #expect(context.channelFacts.pairingStores.isEmpty)
        #expect(context.channelFacts.credentialFileSizes.isEmpty)
        let plugin = try #require(context.deepFacts?.plugins.plugins.first)
        #expect(plugin.outcome == .failed("Error: EACCES: permission denied, scandir '\(dir.url("state/extensions/p"))'"))
        let report = Auditor.run(context, timestamp: 0)
        let transcripts = report.incomplete.first { $0.collector == "transcript-secret-scan" }?.reason ?? ""
        #expect(transcripts.contains("1 of 1 session transcripts not scanned: \(dir.url("state/agents/main/sessions/a.jsonl")) (lstat: Permission denied)"), "\(transcripts)")
    }

    @Test func filesThatCannotBeOpenedAreNotScannedAndSaySo() throws {
        let dir = try layout()
        let transcript = dir.url("state/agents/main/sessions/a.jsonl")
        let code = dir.url("state/skills/s/run.js")
        let context = try deepAudit(dir, UnopenableFileSystem(unopenable: [transcript, code, dir.url("state/.env")]))
        let report = Auditor.run(context, timestamp: 0)
        let transcripts = report.incomplete.first { $0.collector == "transcript-secret-scan" }?.reason ?? ""
        #expect(transcripts == "1 of 1 session transcripts not scanned: \(transcript) (open: Input/output error)")
        let skill = try #require(context.deepFacts?.skills.first)
        #expect(skill.outcome == .failed("Error: EIO: input/output error, open '\(code)'"))
        // The plain audit's secret scan of `.env` goes through the seam too.
        #expect(context.files.gaps.contains { $0.path == dir.url("state/.env") && $0.reason.contains("Input/output error") })
    }

    @Test func theDatabaseScanOpensTheDatabaseAndItsLogThroughTheSeam() throws {
        let dir = try TemporaryDirectory()
        try dir.makeDirectory("state/state")
        try SQLiteFixtureWriter.write(dir.url("state/state/openclaw.sqlite"), statements: [
            "CREATE TABLE kv (v TEXT)",
        ], inLog: ["INSERT INTO kv VALUES ('GH=\(SecretSamples.gitHub())')"])
        let root = try #require(BoundedFileReader.realpath(dir.url("state")))
        // The scan opens the database by its real path.
        let path = try #require(BoundedFileReader.realpath(dir.url("state/state/openclaw.sqlite")))
        let found = DatabaseSecretScan(fileSystem: RecordingFileSystem()).run(path: path, within: root)
        #expect(found.incomplete == nil && found.counts[.gitHub] == 1)
        let noDatabase = DatabaseSecretScan(fileSystem: UnopenableFileSystem(unopenable: [path])).run(path: path, within: root)
        #expect(noDatabase.incomplete == "not scanned: \(path): Input/output error")
        let noLog = DatabaseSecretScan(fileSystem: UnopenableFileSystem(unopenable: [path + "-wal"])).run(path: path, within: root)
        #expect(noLog.incomplete == "not scanned: \(path)-wal: Input/output error")
    }
}
