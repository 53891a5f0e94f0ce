import Foundation
import JSON5
@testable import SecurityAudit

/// A temporary directory that removes itself (after making everything in it writable
/// again, so tests can leave 0500 folders behind).
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("openclaw-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    deinit {
        if let walker = FileManager.default.enumerator(atPath: path) {
            for case let relative as String in walker {
                chmod(path + "/" + relative, 0o700)
            }
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    func url(_ relative: String) -> String { path + "/" + relative }

    @discardableResult
    func write(_ relative: String, _ text: String, mode: mode_t? = nil) throws -> String {
        let full = url(relative)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        if let mode { chmod(full, mode) }
        return full
    }

    func makeDirectory(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: url(relative), withIntermediateDirectories: true)
    }
}

/// Audits `config` (JSON5 text) in a fresh state dir with only `environment` set.
func auditReport(
    config: String, environment: [String: String] = [:], files: [String: String] = [:], programs: [String: String] = [:]
) throws -> AuditReport {
    let dir = try TemporaryDirectory()
    try dir.write("state/openclaw.json", config)
    for (path, contents) in files { try dir.write("state/" + path, contents) }
    var env = environment
    if !programs.isEmpty {
        for (name, script) in programs { try dir.write("bin/" + name, script, mode: 0o755) }
        env["PATH"] = dir.url("bin")
    }
    try dir.makeDirectory("home")
    env["HOME"] = dir.url("home")
    env["OPENCLAW_STATE_DIR"] = dir.url("state")
    let context = try AuditPreparation.prepare(AuditRequest(
        environment: env, cwd: dir.path, systemHome: nil, loadDotEnv: false))
    return Auditor.run(context, timestamp: 0)
}
