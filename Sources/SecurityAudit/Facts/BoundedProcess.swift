import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs an external program with a hard time limit: the audit must never hang on a
/// daemon that does not answer. Standard input is empty, standard error is discarded,
/// standard output is captured up to a size limit. The program runs in a process group
/// of its own; when the time is up the whole group is killed (SIGKILL), so helpers it
/// started (a docker CLI plugin) go with it, and the outcome is `.timedOut`, whatever it
/// printed so far.
enum BoundedProcess {
    enum Outcome: Sendable, Equatable {
        case exited(status: Int32, output: [UInt8])
        case timedOut
        case failedToStart
    }

    /// Far above what `docker ps/inspect/port` print; a runaway program cannot fill memory.
    static let defaultOutputLimit = 1024 * 1024

    static func run(
        executable: String, arguments: [String], environment: [String: String],
        timeoutSeconds: Double, outputLimit: Int = defaultOutputLimit
    ) -> Outcome {
        guard timeoutSeconds > 0 else { return .timedOut }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return .failedToStart }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        // Neither end may leak into other children; the child's stdout is a dup2 copy,
        // which does not carry the flag.
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        // Only the child may hold the write end now, so end of file means it is done.
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            return .failedToStart
        }

        let reader = PipeReader(fileDescriptor: readEnd, limit: outputLimit)
        reader.start()
        let deadline = DispatchTime.now() + timeoutSeconds
        var status: Int32 = 0
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited < 0 && errno != EINTR { return .failedToStart }
            if DispatchTime.now() >= deadline {
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                return .timedOut
            }
            usleep(2000)
        }
        // A grandchild may still hold the pipe open; the same deadline bounds the wait,
        // and then the group goes.
        guard let output = reader.wait(until: deadline) else {
            kill(-pid, SIGKILL)
            return .timedOut
        }
        let exitStatus: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return .exited(status: exitStatus, output: output)
    }
}

/// Drains a pipe on a background thread so a chatty child never blocks on a full pipe.
/// The descriptor is closed by the reader once it sees end of file.
private final class PipeReader: @unchecked Sendable {
    private let fileDescriptor: Int32
    private let limit: Int
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private let finished = DispatchSemaphore(value: 0)

    init(fileDescriptor: Int32, limit: Int) {
        self.fileDescriptor = fileDescriptor
        self.limit = limit
    }

    func start() {
        DispatchQueue.global(qos: .utility).async { self.drain() }
    }

    private func drain() {
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            lock.lock()
            if bytes.count < limit {
                bytes.append(contentsOf: chunk[0..<min(count, limit - bytes.count)])
            }
            lock.unlock()
        }
        close(fileDescriptor)
        finished.signal()
    }

    /// The output, or nil when end of file did not come before the deadline.
    func wait(until deadline: DispatchTime) -> [UInt8]? {
        guard finished.wait(timeout: deadline) == .success else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return bytes
    }
}
