import Foundation
import Testing
@testable import SecurityAudit

/// `openclaw-security audit --deep` as a user runs it.
struct DeepCLITests {
    let cli = CLITests()

    func environment(_ dir: TemporaryDirectory, port: Int) -> [String: String] {
        var env = cli.environment(dir)
        env["OPENCLAW_GATEWAY_PORT"] = String(port)
        return env
    }

    @Test func unreachableGatewayIsAFindingAndAnIncompleteReport() throws {
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", "{}")
        try dir.write("state/extensions/p/index.js", "eval(atob(x));\n")
        let port = closedLoopbackPort()
        let result = try cli.run(["audit", "--deep", "--json", "--timeout", "2000"], environment: environment(dir, port: port))
        #expect(result.status == 0)
        #expect(try ProjectFile.reportSchema.get().validate(json: result.stdout) == [])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["complete"] as? Bool == false)
        let gaps = report["incomplete"] as? [[String: Any]] ?? []
        #expect(gaps.map { $0["collector"] as? String } == ["gateway-probe"])
        let gateway = (report["deep"] as? [String: Any])?["gateway"] as? [String: Any]
        #expect(gateway?["url"] as? String == "ws://127.0.0.1:\(port)")
        #expect(gateway?["ok"] as? Bool == false)
        #expect(gateway?["error"] as? String == "connect failed: connect ECONNREFUSED 127.0.0.1:\(port)")
        #expect(gateway?["close"] is NSNull)
        let ids = (report["findings"] as? [[String: Any]] ?? []).compactMap { $0["checkId"] as? String }
        #expect(ids.contains("plugins.code_safety"))
        #expect(ids.last == "gateway.probe_failed")
        // No progress noise when stderr is not a terminal.
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test func withoutDeepThereIsNoDeepKeyAndNoScan() throws {
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", "{}")
        try dir.write("state/extensions/p/index.js", "eval(x);\n")
        let result = try cli.run(["audit", "--json", "--token", "ignored"], environment: environment(dir, port: closedLoopbackPort()))
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\"deep\""))
        #expect(!result.stdout.contains("\"complete\""))
        #expect(!result.stdout.contains("plugins.code_safety"))
    }

    @Test func plaintextRemoteGatewayAbortsWithTheSecurityError() throws {
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", #"{ gateway: { mode: "remote", remote: { url: "ws://gateway.example.com:18789" } } }"#)
        let result = try cli.run(["audit", "--deep", "--json"], environment: cli.environment(dir))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("SECURITY ERROR: Gateway URL \"ws://gateway.example.com:18789\" uses plaintext ws://"))
    }

    @Test func badTimeoutIsAUsageError() throws {
        let dir = try TemporaryDirectory()
        #expect(try cli.run(["audit", "--deep", "--timeout", "soon"], environment: cli.environment(dir)).status == 64)
    }

    @Test func textOutputListsTheProbeFailureLast() throws {
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", "{}")
        let result = try cli.run(["audit", "--deep"], environment: environment(dir, port: closedLoopbackPort()))
        #expect(result.status == 0)
        #expect(result.stdout.contains("gateway.probe_failed Gateway probe failed (deep)"))
        #expect(result.stdout.contains("Fix: Run \"openclaw status --all\" to debug connectivity/auth, then re-run \"openclaw security audit --deep\"."))
    }
}
