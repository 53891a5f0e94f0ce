import Foundation
import Testing
import JSON5
@testable import SecurityAudit

/// Hostile input, round two: inputs that are small on disk but large once expanded or
/// read, each stopped by a budget checked before the work is done.
extension AdversarialStateDirTests {
    @Test func aVariableExpandedThousandsOfTimesIsRefusedAtTheExpansionBudget() throws {
        let state = try HostileStateDir()
        // 1 MB of text referenced 2,000 times: 2 GB once expanded.
        let big = String(repeating: "a", count: 1_000_000)
        try state.write("openclaw.json", "{ env: { A: \"\(big)\" },\n  x: [" + String(repeating: "\"${A}${A}\",", count: 1000) + "] }")
        // The ninth string takes the total past 16 MiB; it starts on line 2, column 7 + 11 * 8.
        Self.expectConfigError(
            try state.audit(),
            "\(state.configPath):2:95: ${VAR} substitution at x[8] expands the config past 16777216 bytes in all")

        // The same through the state dir's `.env`: the dotenv value counts like any other.
        try state.write(".env", "B=\(big)\n")
        try state.write("openclaw.json", "{\n x: [" + String(repeating: "'${B}',", count: 3000) + "] }")
        Self.expectConfigError(
            try state.audit(),
            "\(state.configPath):2:118: ${VAR} substitution at x[16] expands the config past 16777216 bytes in all")

        // Under the budget it loads.
        try state.write("openclaw.json", "{ x: [" + String(repeating: "'${B}',", count: 4) + "] }")
        _ = Self.auditedCheckIDs(try state.audit(["--json"]))
    }

    @Test func theExpansionBudgetCountsOnlyReplacedBytes() throws {
        var substitution = EnvironmentSubstitution(environment: ["A": "12345"], maxExpandedBytes: 10)
        let file = "/c.json"
        let root = try Self.configTree("{ a: '${A}', b: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', c: '$${A}' }", file: file)
        let done = try substitution.apply(to: root, file: file)
        #expect(done["a"].string == "12345")
        #expect(done["c"].string == "${A}")
        #expect(substitution.expandedBytes == 5)
        let twice = try Self.configTree("{ a: '${A}${A}',\n b: '${A}' }", file: file)
        var once = EnvironmentSubstitution(environment: ["A": "12345"], maxExpandedBytes: 10)
        do {
            _ = try once.apply(to: twice, file: file)
            Issue.record("no error")
        } catch {
            #expect(error.description == "/c.json:2:5: ${VAR} substitution at b expands the config past 10 bytes in all")
        }
    }

    @Test func aSparseEightGigabyteDotEnvIsNotRead() throws {
        let state = try HostileStateDir()
        let path = state.state(".env")
        #expect(FileManager.default.createFile(atPath: path, contents: Data("OPENAI_API_KEY=sk-x\n".utf8)))
        #expect(truncate(path, 8 << 30) == 0)
        let outcome = try state.audit(["--json"])
        #expect(Self.auditedCheckIDs(outcome).contains("fs.inspection_incomplete"))
        #expect(outcome.stdout.contains("not scanned for secrets (read (over the 1048576-byte limit): File too large)"))
        // Not read: the audit finishes in a fraction of the time reading 8 GB would take.
        #expect(!outcome.timedOut)

        // The working directory's `.env` is capped too, before reading.
        let cwd = state.dir.url("home")
        #expect(FileManager.default.createFile(atPath: cwd + "/.env", contents: Data("X=1\n".utf8)))
        #expect(truncate(cwd + "/.env", 8 << 30) == 0)
        let start = ContinuousClock.now
        let located = AuditPreparation.locate(AuditRequest(environment: state.environment, cwd: cwd, systemHome: cwd))
        #expect(located.environment["X"] == nil)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    static func configTree(_ text: String, file: String) throws -> ConfigNode {
        var includes = ConfigIncludeResolver(configPath: file)
        return try includes.resolve(try JSON5.parse(bytes: Array(text.utf8), file: file), file: file)
    }
}
