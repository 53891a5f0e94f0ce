import Foundation
import Testing
@testable import SecurityAudit

/// A state dir in a temporary folder for `--fix` tests, with helpers to run the fix and
/// look at files afterwards.
final class FixFixture {
    let dir: TemporaryDirectory
    var environment: [String: String]

    init(config: String? = nil, environment: [String: String] = [:]) throws {
        dir = try TemporaryDirectory()
        try dir.makeDirectory("home")
        try dir.makeDirectory("state")
        self.environment = environment
        self.environment["HOME"] = dir.url("home")
        self.environment["OPENCLAW_STATE_DIR"] = dir.url("state")
        if let config { try write("openclaw.json", config) }
    }

    var stateDir: String { dir.url("state") }
    var configPath: String { state("openclaw.json") }
    func state(_ relative: String) -> String { relative == "." ? stateDir : dir.url("state/" + relative) }

    /// Writes a file under the state dir (folders created as needed).
    @discardableResult
    func write(_ relative: String, _ text: String, mode: mode_t = 0o644) throws -> String {
        try dir.write("state/" + relative, text, mode: mode)
    }

    func makeDirectory(_ relative: String, mode: mode_t = 0o755) throws {
        try dir.makeDirectory("state/" + relative)
        chmod(state(relative), mode)
    }

    func symlink(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: state(relative), withDestinationPath: target)
    }

    var request: AuditRequest {
        AuditRequest(environment: environment, cwd: dir.path, systemHome: nil, loadDotEnv: false)
    }

    func fix(dryRun: Bool = false, operations: any FixFileOperations = POSIXFixFileOperations()) -> SecurityFixResult {
        do {
            return try SecurityFixer.run(request, dryRun: dryRun, operations: operations)
        } catch {
            Issue.record("--fix refused the config: \(error.description)")
            return SecurityFixResult(stateDir: "", configPath: "", dryRun: dryRun)
        }
    }

    func text(_ relative: String) -> String? {
        FileManager.default.contents(atPath: state(relative)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }

    func mode(_ relative: String) -> mode_t? { Self.mode(state(relative)) }

    /// Names in a folder of the state dir, sorted.
    func names(in relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: state(relative))) ?? []).sorted()
    }
}

/// The real file operations with a script: a hook that runs before each operation (to
/// look at the disk as a crash at that point would leave it, or to play another process)
/// and a failure injected at one operation.
final class ScriptedFileOperations: FixFileOperations {
    let real = POSIXFixFileOperations()
    private(set) var count = 0
    private(set) var log: [String] = []
    var failAt: Int?
    var beforeEach: ((Int, String) -> Void)?

    init(failAt: Int? = nil, beforeEach: ((Int, String) -> Void)? = nil) {
        self.failAt = failAt
        self.beforeEach = beforeEach
    }

    private func step(_ description: String) throws(FileOperationError) {
        let index = count
        count += 1
        log.append(description)
        beforeEach?(index, description)
        if index == failAt { throw FileOperationError(operation: "injected failure at", name: description, code: EIO) }
    }

    func readFile(in folder: Int32, _ name: String, limit: Int) throws(FileOperationError) -> FileContents {
        try step("read \(name)")
        return try real.readFile(in: folder, name, limit: limit)
    }

    func createFile(in folder: Int32, _ name: String, mode: UInt32) throws(FileOperationError) -> Int32 {
        try step("create \(name)")
        return try real.createFile(in: folder, name, mode: mode)
    }

    func write(_ fd: Int32, _ bytes: [UInt8], name: String) throws(FileOperationError) {
        try step("write \(name)")
        try real.write(fd, bytes, name: name)
    }

    func setMode(_ fd: Int32, _ mode: UInt32, name: String) throws(FileOperationError) {
        try step("fchmod \(name)")
        try real.setMode(fd, mode, name: name)
    }

    func setOwner(_ fd: Int32, owner: UInt32, group: UInt32, name: String) throws(FileOperationError) {
        try step("fchown \(name)")
        try real.setOwner(fd, owner: owner, group: group, name: name)
    }

    func sync(_ fd: Int32, name: String) throws(FileOperationError) {
        try step("fsync \(name)")
        try real.sync(fd, name: name)
    }

    func close(_ fd: Int32) {
        real.close(fd)
    }

    func rename(in folder: Int32, _ from: String, to: String) throws(FileOperationError) {
        try step("rename \(from) -> \(to)")
        try real.rename(in: folder, from, to: to)
    }

    func remove(in folder: Int32, _ name: String) throws(FileOperationError) {
        try step("unlink \(name)")
        try real.remove(in: folder, name)
    }

    func setMode(in folder: Int32, _ name: String, _ mode: UInt32) throws(FileOperationError) {
        try step("chmod \(name)")
        try real.setMode(in: folder, name, mode)
    }
}
