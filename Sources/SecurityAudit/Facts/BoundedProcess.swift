import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs an external program with a hard time limit: the audit must never hang on a
/// daemon that does not answer. Standard input is empty, standard error is discarded,
/// standard output is captured up to a size limit. When the time is up the process is
/// killed (SIGKILL) and the outcome is `.timedOut`, whatever it printed so far.
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
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return .failedToStart }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        // Neither end may leak into other children; the child's stdout is a dup2 copy,
        // which does not carry the flag.
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle(fileDescriptor: writeEnd, closeOnDealloc: false)
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }

        do {
            try process.run()
        } catch {
            close(writeEnd)
            close(readEnd)
            return .failedToStart
        }
        // Only the child may hold the write end now, so end of file means it is done.
        close(writeEnd)

        let reader = PipeReader(fileDescriptor: readEnd, limit: outputLimit)
        reader.start()
        let deadline = DispatchTime.now() + timeoutSeconds
        guard exited.wait(timeout: deadline) == .success else {
            kill(process.processIdentifier, SIGKILL)
            _ = exited.wait(timeout: .now() + 1)
            return .timedOut
        }
        // A grandchild may still hold the pipe open; the same deadline bounds the wait.
        guard let output = reader.wait(until: deadline) else { return .timedOut }
        return .exited(status: process.terminationStatus, output: output)
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
