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
        // O_CLOEXEC: a child another test spawns meanwhile must not inherit this write
        // descriptor, or executing the file fails with ETXTBSY while that child lives.
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: full]) }
        defer { close(fd) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: full]) }
            bytes = bytes.dropFirst(written)
        }
        if let mode { fchmod(fd, mode) }
        return full
    }

    func makeDirectory(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: url(relative), withIntermediateDirectories: true)
    }
}

/// Audits `config` (JSON5 text) in a fresh state dir (mode 700, config 600) laid out
/// with `files`, with only `environment` set (`{stateDir}` substituted in both).
/// `programs` (name -> script) are the only programs on PATH.
func auditReport(
    config: String, environment: [String: String] = [:], files: [FileFixture] = [],
    programs: [String: String] = [:],
    fileSystem: (any FileSystemAccess)? = nil, in directory: TemporaryDirectory? = nil
) throws -> AuditReport {
    let dir = try directory ?? TemporaryDirectory()
    var env = environment
    if !programs.isEmpty {
        for (name, script) in programs { try dir.write("bin/" + name, script, mode: 0o755) }
        env["PATH"] = dir.url("bin")
        env.merge(fakeDockerDaemon(for: programs)) { own, _ in own }
    }
    let context = try auditContext(in: dir, config: config, environment: env, files: files, fileSystem: fileSystem)
    return Auditor.run(context, timestamp: 0)
}

/// Lays out a state dir under `dir` and prepares the audit of it.
func auditContext(
    in dir: TemporaryDirectory, config: String, environment: [String: String] = [:],
    files: [FileFixture] = [], fileSystem: (any FileSystemAccess)? = nil, release: String? = nil
) throws -> AuditContext {
    let stateDir = dir.url("state")
    try StateDirLayout.build(in: dir, config: config, files: files)
    try dir.makeDirectory("home")
    var env = environment.mapValues { $0.replacingOccurrences(of: "{stateDir}", with: stateDir) }
    env["HOME"] = dir.url("home")
    if env["OPENCLAW_STATE_DIR"] == nil { env["OPENCLAW_STATE_DIR"] = stateDir }
    var request = AuditRequest(environment: env, cwd: dir.path, systemHome: nil, loadDotEnv: false)
    if let fileSystem { request.fileSystem = fileSystem }
    // As `--openclaw-version`: known before the config is read, as the shape it is read in.
    request.openclawVersion = try release.map { text in
        guard let version = OpenClawVersion(text) else { throw POSIXError(.EINVAL) }
        return version
    }
    // Examples are judged on the day the bundled advisory data was built, so they do not
    // start to report stale data as the calendar moves on.
    request.today = ISODate.dayNumber(BundledAdvisorySnapshot.date)
    return try AuditPreparation.prepare(request)
}

/// Builds the files of an example (`FileFixture`) the way the conformance runner builds
/// a case: parents created as needed, modes applied last and deepest first.
enum StateDirLayout {
    static func build(in dir: TemporaryDirectory, config: String, files: [FileFixture]) throws {
        let stateDir = dir.url("state")
        let manager = FileManager.default
        func absolute(_ relative: String) -> String {
            relative.hasPrefix("/") ? relative : PathNormalization.normalize(stateDir + "/" + relative)
        }
        func substitute(_ text: String) -> String { text.replacingOccurrences(of: "{stateDir}", with: stateDir) }

        if let link = files.first(where: { $0.path == "." }), case .symlink(let target) = link.kind {
            try manager.createDirectory(atPath: absolute(target), withIntermediateDirectories: true)
            try manager.createSymbolicLink(atPath: stateDir, withDestinationPath: absolute(target))
        } else {
            try manager.createDirectory(atPath: stateDir, withIntermediateDirectories: true)
        }
        try dir.write("state/openclaw.json", substitute(config), mode: 0o600)
        chmod(stateDir, 0o700)

        var modes: [(String, UInt32)] = []
        var owners: [(String, UInt32)] = []
        for fixture in files {
            let path = absolute(fixture.path)
            let parent = (path as NSString).deletingLastPathComponent
            switch fixture.kind {
            case .directory:
                try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
            case .file(let content):
                try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
                try Data(substitute(content).utf8).write(to: URL(fileURLWithPath: path))
            case .symlink(let target):
                guard fixture.path != "." else { continue }
                try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
                unlink(path)
                try manager.createSymbolicLink(atPath: path, withDestinationPath: absolute(target))
            case .existing:
                break
            case .sqliteDatabase(let statements, let inLog):
                try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
                try SQLiteFixtureWriter.write(path, statements: statements.map(substitute), inLog: inLog.map(substitute))
                if !inLog.isEmpty, let mode = fixture.mode { modes.append((path + "-wal", mode)) }
            }
            if let mode = fixture.mode { modes.append((path, mode)) }
            if let uid = fixture.ownerUID { owners.append((path, uid)) }
        }
        for (path, uid) in owners {
            guard chown(path, uid, gid_t.max) == 0 else { throw POSIXError(.EPERM) }
        }
        for (path, mode) in modes.sorted(by: { $0.0.split(separator: "/").count > $1.0.split(separator: "/").count }) {
            chmod(path, mode_t(mode))
        }
    }
}

/// A fake `docker` stands for a reachable daemon: the audit only asks docker when a
/// daemon could answer (DockerDaemonLocator), so the fake gets a `DOCKER_HOST` to call.
func fakeDockerDaemon(for programs: [String: String]) -> [String: String] {
    programs["docker"] == nil ? [:] : ["DOCKER_HOST": "unix:///run/openclaw-tests-fake-docker.sock"]
}
