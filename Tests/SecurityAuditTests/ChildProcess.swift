import Foundation

/// Runs a program in a child process with a deadline, and reports what the kernel
/// measured: exit status, whether the deadline killed it, and its peak resident memory.
/// Output goes to files, so a child that prints a lot can never block on a full pipe.
///
/// The peak is `ru_maxrss`, taken by GNU time (`/usr/bin/time -f %M`) when the machine has
/// it: Linux counts in a spawned child's `ru_maxrss` the memory of the process that spawned
/// it (the child runs in the parent's memory until it execs), so measured from this test
/// process the figure would be this process's, not the program's. Without GNU time it is
/// `wait4`'s figure, an upper bound that includes this process.
struct ChildProcess {
    struct Outcome: CustomStringConvertible {
        var status: Int32
        /// The child outlived its deadline and was killed: a hang.
        var timedOut: Bool
        var stdout: String
        var stderr: String
        /// Peak resident set size, in KiB.
        var maxRSSKiB: Int

        var maxRSSMiB: Int { maxRSSKiB / 1024 }

        /// Short, for failure messages: the output of a hostile case can be huge.
        var description: String {
            "exit \(status)\(timedOut ? " (killed at the deadline)" : ""), peak \(maxRSSMiB) MiB, stdout \(stdout.utf8.count) bytes: \(stdout.prefix(300).debugDescription), stderr: \(stderr.prefix(500).debugDescription)"
        }
    }

    var executable: String
    var arguments: [String]
    var environment: [String: String]
    /// A generous bound: it only has to tell a hang from a slow machine.
    var timeout: Duration = .seconds(120)

    /// The sanitizer settings of this process (scripts/sanitize.sh sets them), for a
    /// child built with the same sanitizer: tests give children an environment of their
    /// own, and without these a child would run with the defaults (no suppressions).
    static let sanitizerOptions: [String: String] = ProcessInfo.processInfo.environment.filter {
        ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS", "OPENCLAW_TEST_SANITIZER"].contains($0.key)
    }

    static let gnuTime = "/usr/bin/time"
    static let hasGNUTime = FileManager.default.isExecutableFile(atPath: gnuTime)

    func run() throws -> Outcome {
        let outputs = try TemporaryDirectory()
        let stdoutPath = outputs.url("stdout"), stderrPath = outputs.url("stderr")
        let rssPath = outputs.url("maxrss")
        let command = Self.hasGNUTime
            ? [Self.gnuTime, "-f", "%M", "-o", rssPath, executable] + arguments
            : [executable] + arguments
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A group of its own, so the deadline kills the program and not only GNU time.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.merging(Self.sanitizerOptions) { own, _ in own }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }

        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid { break }
            if waited < 0 && errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            if ContinuousClock.now > deadline {
                kill(-pid, SIGKILL)
                _ = wait4(pid, &status, 0, &usage)
                timedOut = true
                break
            }
            usleep(10_000)
        }
        let exitStatus: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        func text(_ path: String) -> String {
            FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        // GNU time writes "Command exited with non-zero status N" first when it did.
        let measured = Self.hasGNUTime ? text(rssPath).split(separator: "\n").last.flatMap { Int($0) } : nil
        return Outcome(
            status: exitStatus, timedOut: timedOut, stdout: text(stdoutPath), stderr: text(stderrPath),
            maxRSSKiB: measured ?? Int(usage.ru_maxrss))
    }
}
