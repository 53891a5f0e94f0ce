import Foundation
import Testing
@testable import SecurityAudit

/// `sandbox.browser_container.*`: the docker calls (through a fake `docker` script on a
/// temporary PATH), their parsing, the time limit, and the case without docker.
struct SandboxBrowserContainerTests {
    static let epoch = SandboxBrowserContainerCheck.securityHashEpoch

    /// A fake docker that lists three containers with different drift and exposure.
    static let threeContainers = """
        #!/bin/sh
        case "$1 $4" in
          "ps label=openclaw.sandboxBrowser=1") printf 'fresh\\nold\\n\\nbare\\n' ;;
          "inspect fresh") printf 'h1\\t\(epoch)\\n' ;;
          "inspect old") printf 'h2\\t2026-02-21-novnc-auth-default\\n' ;;
          "inspect bare") printf '<no value>\\t<no value>\\n' ;;
          *)
            case "$1 $2" in
              "port fresh") printf '9222/tcp -> 127.0.0.1:49153\\n6080/tcp -> [::1]:49154\\n' ;;
              "port old") printf '9222/tcp -> 0.0.0.0:49155\\n9222/tcp -> [::]:49155\\n6080/tcp -> 127.0.0.1:49156\\n' ;;
              "port bare") exit 1 ;;
              *) exit 2 ;;
            esac ;;
        esac
        """

    func report(docker script: String?) throws -> AuditReport {
        try auditReport(config: "{}", programs: script.map { ["docker": $0] } ?? [:])
    }

    @Test func findingsFromFakeDocker() throws {
        let findings = try report(docker: Self.threeContainers).findings.filter { $0.checkId.hasPrefix("sandbox.browser_container") }
        #expect(findings.map(\.checkId) == [
            "sandbox.browser_container.hash_label_missing", "sandbox.browser_container.hash_epoch_stale",
            "sandbox.browser_container.non_loopback_publish",
        ])
        #expect(findings[0].detail == "Containers: bare. These browser containers predate hash-based drift checks and may miss security remediations until recreated.")
        #expect(findings[0].remediation == "openclaw sandbox recreate --browser --all (add --force to skip prompt).")
        #expect(findings[1].detail == "Containers: old, bare. Expected openclaw.browserConfigEpoch=\(Self.epoch).")
        #expect(findings[2].severity == .critical)
        #expect(findings[2].detail == "Containers: old (9222/tcp -> 0.0.0.0:49155; 9222/tcp -> [::]:49155). Sandbox browser observer/control ports should stay loopback-only to avoid unintended remote access.")
        #expect(findings[2].remediation == "openclaw sandbox recreate --browser --all (add --force to skip prompt), then verify published ports are bound to 127.0.0.1.")
    }

    @Test func noDockerOnPathMeansNoScanAndNoFindings() throws {
        let report = try report(docker: nil)
        #expect(!report.findings.contains { $0.checkId.hasPrefix("sandbox.browser_container") })
        #expect(SandboxBrowserContainerProbe.scan(environment: [:]) == nil)
        #expect(SandboxBrowserContainerProbe.scan(environment: ["PATH": "/nonexistent:relative/bin:"]) == nil)
    }

    @Test func failingDockerReportsNothing() throws {
        let report = try report(docker: "#!/bin/sh\necho 'Cannot connect to the Docker daemon' >&2\nexit 1\n")
        #expect(!report.findings.contains { $0.checkId.hasPrefix("sandbox.browser_container") })
    }

    /// A docker that never answers is killed at the time limit; what was read before
    /// still counts.
    @Test func hangingDockerIsKilledAndReported() throws {
        let script = """
            #!/bin/sh
            case "$1" in
              ps) printf 'first\\nsecond\\n' ;;
              inspect) [ "$4" = second ] && exec /bin/sleep 30; printf '<no value>\\t\(Self.epoch)\\n' ;;
              port) ;;
            esac
            """
        let findings = try report(docker: script).findings.filter { $0.checkId.hasPrefix("sandbox.browser_container") }
        #expect(findings.map(\.checkId) == ["sandbox.browser_container.hash_label_missing", "sandbox.browser_container.docker_probe_timeout"])
        #expect(findings[0].detail.hasPrefix("Containers: first."))
        #expect(findings[1].detail == "Docker did not answer within 2000ms while checking sandbox browser containers. OpenClaw skipped any remaining sandbox browser container drift checks for this status run.")
        #expect(findings[1].remediation == "Retry after Docker is responsive, or recreate sandbox browser containers if drift is suspected.")
    }

    /// The call sequence, with a scripted runner instead of processes.
    @Test func probeSequence() {
        let calls = CallLog()
        let scan = SandboxBrowserContainerProbe.scan { arguments, _ in
            calls.append(arguments)
            switch (arguments[0], arguments.last ?? "") {
            case ("ps", _): return .exited(status: 0, output: Array("a\r\n-evil\nb\nc\n".utf8))
            case ("inspect", "a"): return .exited(status: 1, output: [])
            case ("inspect", "b"): return .exited(status: 0, output: Array("hash\t\(Self.epoch)".utf8))
            case ("port", "b"): return .timedOut
            default: return .exited(status: 0, output: [])
            }
        }
        #expect(scan == SandboxBrowserContainerScan(
            containers: [.init(name: "b", configHash: "hash", epoch: Self.epoch, portLines: [])],
            timedOut: true, timeoutMilliseconds: 2000))
        #expect(calls.all.map { $0.joined(separator: " ") } == [
            SandboxBrowserContainerProbe.listArguments.joined(separator: " "),
            "inspect -f \(SandboxBrowserContainerProbe.labelFormat) a",
            "inspect -f \(SandboxBrowserContainerProbe.labelFormat) b",
            "port b",
        ])
    }

    @Test(arguments: [
        ("9222/tcp -> 0.0.0.0:49153", "0.0.0.0"), ("9222/tcp -> [::]:49153", "::"), ("127.0.0.1:5000", "127.0.0.1"),
        ("6080/tcp -> localhost:1", "localhost"), ("9222/tcp -> :49153", nil), ("garbage", nil), ("9222/tcp -> [::1]:x", nil),
    ] as [(String, String?)])
    func publishedHosts(_ line: String, _ host: String?) {
        #expect(SandboxBrowserContainerCheck.publishedHost(line) == host)
    }

    @Test func boundedProcessOutcomes() throws {
        let dir = try TemporaryDirectory()
        let ok = try dir.write("ok.sh", "#!/bin/sh\nprintf 'out'\necho err >&2\nexit 3\n", mode: 0o755)
        #expect(BoundedProcess.run(executable: ok, arguments: [], environment: [:], timeoutSeconds: 5) == .exited(status: 3, output: Array("out".utf8)))
        let big = try dir.write("big.sh", "#!/bin/sh\nhead -c 300000 /dev/zero\n", mode: 0o755)
        #expect(BoundedProcess.run(executable: big, arguments: [], environment: ["PATH": "/usr/bin:/bin"], timeoutSeconds: 5, outputLimit: 1000)
            == .exited(status: 0, output: [UInt8](repeating: 0, count: 1000)))
        let hang = try dir.write("hang.sh", "#!/bin/sh\nexec /bin/sleep 30\n", mode: 0o755)
        #expect(BoundedProcess.run(executable: hang, arguments: [], environment: [:], timeoutSeconds: 0.2) == .timedOut)
        #expect(BoundedProcess.run(executable: dir.url("missing"), arguments: [], environment: [:], timeoutSeconds: 1) == .failedToStart)
        let killed = try dir.write("killed.sh", "#!/bin/sh\nkill -9 $$\n", mode: 0o755)
        #expect(BoundedProcess.run(executable: killed, arguments: [], environment: [:], timeoutSeconds: 5) == .exited(status: 137, output: []))
        let environment = try dir.write("env.sh", "#!/bin/sh\nprintf '%s|%s' \"$1\" \"$GREETING\"\n", mode: 0o755)
        #expect(BoundedProcess.run(executable: environment, arguments: ["two words"], environment: ["GREETING": "hi there"], timeoutSeconds: 5)
            == .exited(status: 0, output: Array("two words|hi there".utf8)))
    }

    /// A stuck program's own children are killed with it: the whole process group goes,
    /// so a helper docker forked cannot outlive the audit.
    @Test func timeoutKillsTheProcessGroup() throws {
        let dir = try TemporaryDirectory()
        let pidFile = dir.url("grandchild.pid")
        let script = try dir.write("tree.sh", "#!/bin/sh\n/bin/sleep 30 >/dev/null &\necho $! > '\(pidFile)'\nexec /bin/sleep 30\n", mode: 0o755)
        let started = ContinuousClock.now
        #expect(BoundedProcess.run(executable: script, arguments: [], environment: [:], timeoutSeconds: 0.5) == .timedOut)
        #expect(ContinuousClock.now - started < .seconds(10))
        let pid = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // The grandchild was SIGKILLed; give the kernel a moment to reap it (init adopts it).
        var alive = true
        for _ in 0..<100 where alive {
            alive = kill(pid, 0) == 0 && !isZombie(pid)
            if alive { usleep(20_000) }
        }
        #expect(!alive, "the stuck program's child survived the timeout")
    }

    private func isZombie(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }

    @Test func executableLookupSkipsRelativeEntries() throws {
        let dir = try TemporaryDirectory()
        try dir.write("bin/docker", "#!/bin/sh\n", mode: 0o755)
        try dir.write("plain/docker", "not executable", mode: 0o644)
        #expect(ExecutableLookup.find("docker", path: "\(dir.url("plain")):\(dir.url("bin"))") == dir.url("bin/docker"))
        #expect(ExecutableLookup.find("docker", path: "bin:.:") == nil)
        #expect(ExecutableLookup.find("../docker", path: dir.url("bin")) == nil)
    }
}

private final class CallLog: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [[String]] = []

    func append(_ call: [String]) {
        lock.lock()
        calls.append(call)
        lock.unlock()
    }

    var all: [[String]] {
        lock.lock()
        defer { lock.unlock() }
        return calls
    }
}
