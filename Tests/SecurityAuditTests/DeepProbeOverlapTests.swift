import Foundation
import Testing
@testable import SecurityAudit

/// Issue 14 item 3: under `--deep` the gateway probe starts as soon as the config is
/// loaded, so it is already connecting while the file facts are walked.
struct DeepProbeOverlapTests {
    /// The real POSIX reader, except that the file walk's first listing of a `sessions`
    /// folder waits (at most three seconds) for a connection on `listener`, and records
    /// whether one came.
    final class ConnectionAwaitingFileSystem: FileSystemAccess {
        let base = POSIXFileSystem()
        let listener: Int32
        private let connectedDuringWalk = LockedState<Bool?>(nil)

        init(listener: Int32) { self.listener = listener }

        var sawConnectionDuringWalk: Bool? { connectedDuringWalk.withLock { $0 } }

        func listDirectory(_ path: String) -> Result<[DirectoryEntry], FileSystemError> {
            if path.hasSuffix("/sessions") {
                connectedDuringWalk.withLock { seen in
                    guard seen == nil else { return }
                    var request = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
                    seen = poll(&request, 1, 3000) > 0
                }
            }
            return base.listDirectory(path)
        }
        func lstat(_ path: String) -> Result<FileStatus, FileSystemError> { base.lstat(path) }
        func stat(_ path: String) -> Result<FileStatus, FileSystemError> { base.stat(path) }
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

    /// A loopback listener that never accepts: a connection attempt completes in the
    /// kernel's backlog and makes the socket readable.
    static func listener() -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        precondition(fd >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        precondition(bound == 0 && listen(fd, 8) == 0)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    @Test func gatewayProbeConnectsWhileTheFileFactsAreWalked() throws {
        let (fd, port) = Self.listener()
        defer { close(fd) }
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", "{}", mode: 0o600)
        try dir.write("state/agents/main/sessions/one.jsonl", "{}\n", mode: 0o600)
        try dir.makeDirectory("home")
        let fileSystem = ConnectionAwaitingFileSystem(listener: fd)
        var request = AuditRequest(
            environment: [
                "OPENCLAW_STATE_DIR": dir.url("state"), "HOME": dir.url("home"), "OPENCLAW_GATEWAY_PORT": String(port),
            ],
            cwd: dir.path, systemHome: nil, deep: true, loadDotEnv: false)
        request.fileSystem = fileSystem
        var session = AuditSession(request: request)
        session.deepOptions = DeepAuditOptions(timeoutMilliseconds: 500)
        let outcome = try session.run()
        #expect(fileSystem.sawConnectionDuringWalk == true)
        // The probe still reports the silent gateway as it did when it started later.
        #expect(outcome.report.findings.contains { $0.checkId == "gateway.probe_failed" })
    }
}
