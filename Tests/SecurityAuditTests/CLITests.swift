import Foundation
import Testing
@testable import SecurityAudit

/// The built `openclaw` binary, run as a user runs it.
struct CLITests {
    static let binary: URL = {
        // swift test runs from the build folder that holds the products.
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = testBundle.deletingLastPathComponent()
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: dir.appendingPathComponent("openclaw-security").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("openclaw-security")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], environment: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = environment.merging(ChildProcess.sanitizerOptions) { own, _ in own }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func environment(_ dir: TemporaryDirectory) -> [String: String] {
        ["HOME": dir.url("home"), "PATH": "/usr/bin:/bin", "OPENCLAW_STATE_DIR": dir.url("state")]
    }

    @Test func binaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "\(Self.binary.path)")
    }

    @Test func jsonModePrintsExactlyOneDocument() throws {
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", "{ gateway: { bind: 'lan', auth: { token: '${MISSING_TOKEN}' } } }")
        let result = try run(["audit", "--json"], environment: environment(dir))
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["findings"] is [Any])
        #expect(result.stdout.hasSuffix("}\n"))
        #expect(result.stderr.contains("missing env var \"MISSING_TOKEN\" at gateway.auth.token"))
    }

    @Test func brokenConfigGivesFileLineColumnExitOneAndEmptyStdout() throws {
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", "{\n  gateway: {\n    bind: 'lan',,\n  }\n}\n")
        for args in [["audit", "--json"], ["audit"]] {
            let result = try run(args, environment: environment(dir))
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains(dir.url("state/openclaw.json") + ":3:17: "), "\(result.stderr)")
        }
    }

    @Test func flagsWinOverEnvironment() throws {
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", "{ logging: { redactSensitive: 'off' } }")
        try dir.write("other/cfg.json5", "{ discovery: { mdns: { mode: 'full' } } }")
        var env = environment(dir)
        env["OPENCLAW_STATE_DIR"] = dir.url("nowhere")
        let result = try run(["audit", "--json", "--state-dir", dir.url("state"), "--config", dir.url("other/cfg.json5")], environment: env)
        #expect(result.status == 0)
        #expect(result.stdout.contains("discovery.mdns_full_mode"))
        #expect(!result.stdout.contains("logging.redact_off"))
    }

    @Test func usageErrorsExit64() throws {
        let dir = try TemporaryDirectory()
        #expect(try run(["audit", "--bogus"], environment: environment(dir)).status == 64)
        #expect(try run(["audit", "--dev", "--profile", "x"], environment: environment(dir)).status == 64)
        #expect(try run(["--version"], environment: environment(dir)).stdout == SecurityAuditVersion.current + "\n")
    }

    @Test func profileSelectsItsStateDir() throws {
        let dir = try TemporaryDirectory()
        try dir.write("home/.openclaw-work/openclaw.json", "{ logging: { redactSensitive: 'off' } }")
        var env = environment(dir)
        env["OPENCLAW_STATE_DIR"] = nil
        let result = try run(["audit", "--profile", "work"], environment: env)
        #expect(result.stdout.contains("logging.redact_off"))
        #expect(result.stdout.contains("Run deeper: openclaw-security audit --deep --profile work"))
    }
}
