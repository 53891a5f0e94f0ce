import Foundation
import Testing
@testable import SecurityAudit

/// Hostile input, round two: a docker that answers slowly, or leaves helpers behind,
/// costs the plain audit one bounded budget.
extension AdversarialStateDirTests {
    @Test func slowContainersShareOneDockerBudget() {
        let calls = LockedState<[Double]>([])
        let start = ContinuousClock.now
        // Ten containers, each call slow: the old per-call limit made this 10 x 3 calls.
        let scan = SandboxBrowserContainerProbe.scan(budgetSeconds: 1) { arguments, seconds in
            calls.withLock { $0.append(seconds) }
            if arguments[0] == "ps" { return .exited(status: 0, output: Array((0..<10).map { "c\($0)\n" }.joined().utf8)) }
            usleep(150_000)
            return .exited(status: 0, output: Array("h\t1".utf8))
        }
        let elapsed = ContinuousClock.now - start
        #expect(scan.timedOut)
        #expect(elapsed < .milliseconds(1500), "\(elapsed)")
        let given = calls.withLock { $0 }
        // Every call is given only what is left.
        #expect(given.first.map { $0 <= 1 } == true)
        #expect(zip(given, given.dropFirst()).allSatisfy { $0 >= $1 }, "\(given)")
    }

    @Test func aTimedOutProgramIsKilledWithItsHelpers() throws {
        let dir = try TemporaryDirectory()
        let pidFile = dir.url("helper.pid")
        let script = try dir.write("docker.sh", "#!/bin/sh\n/bin/sleep 30 &\necho $! > '\(pidFile)'\nexec /bin/sleep 30\n", mode: 0o755)
        #expect(BoundedProcess.run(executable: script, arguments: [], environment: [:], timeoutSeconds: 0.5) == .timedOut)
        let helper = try #require(Int32((try String(contentsOfFile: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)))
        // Killed: gone, or a zombie waiting for init to reap it.
        var state: Character?
        for _ in 0..<100 {
            let stat = (try? String(contentsOfFile: "/proc/\(helper)/stat", encoding: .utf8)) ?? ""
            state = stat.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).first
            if state == nil || state == "Z" { break }
            usleep(10_000)
        }
        #expect(state == nil || state == "Z", "the helper \(helper) still runs")
    }
}
