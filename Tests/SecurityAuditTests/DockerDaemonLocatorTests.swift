import Foundation
import Testing
@testable import SecurityAudit

/// The audit asks docker only when a daemon could answer: DOCKER_HOST, a non-default
/// context, or a socket at the default path.
struct DockerDaemonLocatorTests {
    /// The real file system, except that the default socket path holds what the test says.
    struct SocketFileSystem: FileSystemAccess {
        var base = POSIXFileSystem()
        /// The file type at /var/run/docker.sock; nil: nothing there.
        var socketType: mode_t?

        func stat(_ path: String) -> Result<FileStatus, FileSystemError> {
            guard path == DockerDaemonLocator.defaultSocket else { return base.stat(path) }
            guard let socketType else { return .failure(FileSystemError(operation: "stat", code: ENOENT)) }
            return .success(FileStatus(mode: UInt32(socketType) | 0o660, ownerUID: 0))
        }
        func lstat(_ path: String) -> Result<FileStatus, FileSystemError> { stat(path) }
        func listDirectory(_ path: String) -> Result<[DirectoryEntry], FileSystemError> { base.listDirectory(path) }
        func realpath(_ path: String) -> Result<String, FileSystemError> { base.realpath(path) }
        func readlink(_ path: String) -> Result<String, FileSystemError> { base.readlink(path) }
        func readFile(_ path: String, limit: Int, options: ReadOptions) -> Result<[UInt8], FileSystemError> {
            base.readFile(path, limit: limit, options: options)
        }
        func openForReading(_ path: String, within root: String?) -> Result<Int32, FileSystemError> {
            base.openForReading(path, within: root)
        }
        var effectiveUID: UInt32 { base.effectiveUID }
        func userName(of uid: UInt32) -> String? { base.userName(of: uid) }
    }

    func reachable(_ environment: [String: String] = [:], socket: mode_t? = nil, dockerConfig: String? = nil) throws -> Bool {
        let dir = try TemporaryDirectory()
        if let dockerConfig { try dir.write("home/.docker/config.json", dockerConfig) }
        return DockerDaemonLocator.mayBeReachable(
            environment: environment, homeDir: dir.url("home"), fileSystem: SocketFileSystem(socketType: socket))
    }

    @Test func nothingToAskWithoutHostContextOrSocket() throws {
        #expect(try !reachable())
        #expect(try !reachable(["DOCKER_HOST": " ", "DOCKER_CONTEXT": "default"]))
        #expect(try !reachable(socket: S_IFREG), "a regular file at the socket path is no daemon")
        #expect(try !reachable(dockerConfig: #"{ "currentContext": "default", "auths": {} }"#))
        #expect(try !reachable(dockerConfig: #"{ "auths": {} }"#))
    }

    @Test func anyWayToADaemonCounts() throws {
        #expect(try reachable(socket: S_IFSOCK))
        #expect(try reachable(["DOCKER_HOST": "ssh://builder"]))
        #expect(try reachable(["DOCKER_CONTEXT": "colima"]))
        #expect(try reachable(dockerConfig: #"{ "currentContext": "desktop-linux" }"#))
        #expect(try reachable(dockerConfig: "{ not json"), "an unreadable docker config may name any context")
    }

    @Test func dockerConfigFollowsDOCKER_CONFIG() throws {
        let dir = try TemporaryDirectory()
        try dir.write("elsewhere/config.json", #"{ "currentContext": "remote" }"#)
        #expect(DockerDaemonLocator.mayBeReachable(
            environment: ["DOCKER_CONFIG": dir.url("elsewhere")], homeDir: dir.url("home"),
            fileSystem: SocketFileSystem(socketType: nil)))
    }

    /// With no daemon, a docker on PATH is never started (the fake leaves a mark when it
    /// runs), and nothing is reported, as upstream reports nothing when docker fails.
    @Test func auditDoesNotStartDockerWithoutADaemon() throws {
        let dir = try TemporaryDirectory()
        let mark = dir.url("docker-ran")
        try dir.write("bin/docker", "#!/bin/sh\n: > '\(mark)'\nprintf 'stale\\n'\n", mode: 0o755)
        let context = try auditContext(
            in: dir, config: "{}", environment: ["PATH": dir.url("bin")], fileSystem: SocketFileSystem(socketType: nil))
        #expect(context.external.sandboxBrowserContainers == nil)
        #expect(!FileManager.default.fileExists(atPath: mark))

        let withDaemon = try auditContext(
            in: try TemporaryDirectory(), config: "{}", environment: ["PATH": dir.url("bin")],
            fileSystem: SocketFileSystem(socketType: S_IFSOCK))
        #expect(withDaemon.external.sandboxBrowserContainers != nil)
        #expect(FileManager.default.fileExists(atPath: mark))
    }
}
