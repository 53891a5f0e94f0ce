#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs an external program with a hard time limit: the audit must never hang on a
/// daemon that does not answer. Standard input is empty, standard error is discarded,
/// standard output is captured up to a size limit. When the time is up the program and
/// everything it started are killed (SIGKILL to its process group) and the outcome is
/// `.timedOut`, whatever it printed so far.
///
/// Plain `posix_spawn` and `poll`, not Foundation's `Process`: linking Foundation only for
/// this cost every audit its start-up (the binary's size and load time doubled), and
/// `Process` cannot start the child in a group of its own, which killing a stuck
/// `docker` with the helpers it forked needs.
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
        let deadline = MonotonicClock.now() + max(0, timeoutSeconds)
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return .failedToStart }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        // Neither end may leak into other children; the child's stdout is a dup2 copy,
        // which does not carry the flag.
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        defer { close(readEnd) }

        let spawned = spawn(executable: executable, arguments: arguments, environment: environment, stdout: writeEnd)
        // Only the child holds the write end now, so end of file means it (and anything it
        // started with the pipe) is done.
        close(writeEnd)
        guard let pid = spawned else { return .failedToStart }

        guard let output = drain(readEnd, limit: outputLimit, until: deadline),
              let status = waitForExit(pid, until: deadline)
        else {
            kill(-pid, SIGKILL)
            var ignored: Int32 = 0
            while waitpid(pid, &ignored, 0) < 0 && errno == EINTR {}
            return .timedOut
        }
        return .exited(status: status, output: output)
    }

    /// The child's pid, in a process group of its own, or nil when it could not start.
    private static func spawn(executable: String, arguments: [String], environment: [String: String], stdout: Int32) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        guard posix_spawn_file_actions_init(&actions) == 0 else { return nil }
        defer { posix_spawn_file_actions_destroy(&actions) }
        guard posix_spawnattr_init(&attributes) == 0 else { return nil }
        defer { posix_spawnattr_destroy(&attributes) }

        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, STDOUT_FILENO)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        sigaddset(&defaultSignals, SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        var flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        #if os(macOS)
        flags |= POSIX_SPAWN_CLOEXEC_DEFAULT
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([executable] + arguments).map { strdup($0) }
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        // ETXTBSY: another thread's child briefly held a script this process just wrote
        // open for writing (fork inherits descriptors until exec); it passes in moments.
        for attempt in 0..<20 {
            let status = (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
                (envp + [nil]).withUnsafeBufferPointer { envpBuffer in
                    posix_spawn(&pid, executable, &actions, &attributes,
                                UnsafeMutablePointer(mutating: argvBuffer.baseAddress!),
                                UnsafeMutablePointer(mutating: envpBuffer.baseAddress!))
                }
            }
            if status == 0 { return pid }
            guard status == ETXTBSY, attempt < 19 else { return nil }
            usleep(5_000)
        }
        return nil
    }

    /// Reads until end of file, keeping at most `limit` bytes (the rest is read and
    /// dropped so the child never blocks on a full pipe); nil when the deadline comes first.
    private static func drain(_ fd: Int32, limit: Int, until deadline: Double) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let remaining = deadline - MonotonicClock.now()
            guard remaining > 0 else { return nil }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(remaining * 1000 + 1, Double(Int32.max))))
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 { return bytes }
            if ready == 0 { continue }
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if count <= 0 { return bytes }
            if bytes.count < limit {
                bytes.append(contentsOf: chunk[0..<min(count, limit - bytes.count)])
            }
        }
    }

    /// The exit status (128 + signal for a killed child, as shells report it), or nil
    /// when the child is still running at the deadline.
    private static func waitForExit(_ pid: pid_t, until deadline: Double) -> Int32? {
        var pause = 0.0005
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let signal = status & 0x7F
                return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
            }
            if result < 0 && errno != EINTR { return -1 }
            guard MonotonicClock.now() < deadline else { return nil }
            // The pipe is closed, so the child is exiting: a few short naps at most.
            var nap = timespec(tv_sec: 0, tv_nsec: Int(pause * 1e9))
            nanosleep(&nap, nil)
            pause = min(pause * 2, 0.02)
        }
    }
}

/// Seconds on the monotonic clock, for deadlines that wall-clock changes cannot move.
enum MonotonicClock {
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
