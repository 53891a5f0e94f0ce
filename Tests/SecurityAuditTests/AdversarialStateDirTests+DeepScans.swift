import Foundation
import Testing
@testable import SecurityAudit

/// Issue 20 item 13: the deep scans read only what lies in the state dir (transcripts,
/// databases, skills there) or in the plugin's folder, and what they skip (links out,
/// files over a size cap) is listed as not scanned, so the report says it is incomplete.
extension AdversarialStateDirTests {
    static let outsideMarker = "OUTSIDE-MARKER-7f3a"

    /// `--deep` against a gateway port nothing listens on: the probe fails at once.
    static func deepAudit(_ state: HostileStateDir) throws -> (outcome: ChildProcess.Outcome, report: [String: Any]) {
        state.environment["OPENCLAW_GATEWAY_PORT"] = String(closedLoopbackPort())
        let outcome = try state.audit(["--deep", "--json", "--timeout", "5000"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        return (outcome, report)
    }

    /// The `incomplete` reasons of one collector.
    static func incompleteReasons(_ report: [String: Any], _ collector: String) -> [String] {
        (report["incomplete"] as? [[String: Any]] ?? [])
            .filter { $0["collector"] as? String == collector }.compactMap { $0["reason"] as? String }
    }

    @Test func deepScansDoNotFollowLinksOutOfTheStateDirOrAPluginFolder() throws {
        let state = try HostileStateDir()
        let secret = SecretSamples.gitHub()
        // Files elsewhere that only the auditing user may read.
        try state.dir.write("outside/code.js", "eval(atob(x)); // \(Self.outsideMarker)\n", mode: 0o600)
        try state.dir.write("outside/chat.jsonl", TranscriptSecretsCheck.transcript("token \(secret)"), mode: 0o600)
        try state.dir.write("outside/db.sqlite", "SQLite format 3\0", mode: 0o600)
        try state.dir.write("outside/skill/SKILL.md", "---\nname: elsewhere\n---\n", mode: 0o600)
        try state.dir.write("outside/skill/index.js", "eval(x); // \(Self.outsideMarker)\n", mode: 0o600)
        let outside = try #require(BoundedFileReader.realpath(state.dir.url("outside")))

        try state.write("openclaw.json", "{}")
        try state.write("extensions/p/index.js", "export {};\n")
        try state.write("extensions/p/package.json", #"{ "openclaw": { "extensions": ["./entry.js"] } }"#)
        try state.symlink("extensions/p/entry.js", to: outside + "/code.js")
        try state.symlink("extensions/p/lib.js", to: outside + "/code.js")
        try state.symlink("extensions/p/vendor", to: outside)
        // A link inside the plugin is followed as before.
        try state.symlink("extensions/p/alias.js", to: "index.js")
        try state.dir.makeDirectory("state/agents/main/sessions")
        try state.symlink("agents/main/sessions/s.jsonl", to: outside + "/chat.jsonl")
        try state.symlink("state/openclaw.sqlite", to: outside + "/db.sqlite")
        try state.symlink("skills/elsewhere", to: outside + "/skill")
        try state.symlink("openclaw.json.bak", to: outside + "/chat.jsonl")

        let (outcome, report) = try Self.deepAudit(state)
        #expect(report["complete"] as? Bool == false)
        // Nothing from outside is quoted or counted.
        #expect(!outcome.stdout.contains(Self.outsideMarker))
        let ids = Self.auditedCheckIDs(outcome)
        #expect(!ids.contains("plugins.code_safety"), "\(ids)")
        #expect(!ids.contains("skills.code_safety"), "\(ids)")
        #expect(!ids.contains("secrets.transcripts"), "\(ids)")
        #expect(!ids.contains("secrets.backup_plaintext"), "\(ids)")

        let plugin = Self.incompleteReasons(report, "plugin-code-scan").joined(separator: "\n")
        #expect(plugin.hasPrefix("p: 3 file(s) not scanned: "), "\(plugin)")
        #expect(plugin.contains("entry.js (a link out of the folder, to \(outside)/code.js)"), "\(plugin)")
        #expect(plugin.contains("lib.js (a link out of the folder, not followed)"), "\(plugin)")
        #expect(plugin.contains("vendor (a link out of the folder, not followed)"), "\(plugin)")
        #expect(!plugin.contains("alias.js"), "\(plugin)")
        let skill = Self.incompleteReasons(report, "skill-code-scan").joined(separator: "\n")
        #expect(skill.contains("a link out of the state dir, to \(outside)/skill"), "\(skill)")
        let transcripts = Self.incompleteReasons(report, "transcript-secret-scan").joined(separator: "\n")
        #expect(transcripts.contains("1 of 1 session transcripts not scanned: "), "\(transcripts)")
        #expect(transcripts.contains("s.jsonl (open: a link out of "), "\(transcripts)")
        let databases = Self.incompleteReasons(report, "database-secret-scan").joined(separator: "\n")
        #expect(databases.contains("not scanned: a link out of "), "\(databases)")
        // The plain audit's secret scan does not follow the backup link either, and says so.
        let gaps = try #require(Self.finding(outcome, "fs.inspection_incomplete")?["detail"] as? String)
        #expect(gaps.contains("openclaw.json.bak: not scanned for secrets (open: a link out of "), "\(gaps)")
    }

    @Test func filesSkippedForTheirSizeAreListedAsNotScanned() throws {
        let state = try HostileStateDir()
        try state.write("openclaw.json", "{}")
        try state.write("extensions/p/index.js", "export {};\n")
        // Sparse: the size is refused before a byte is read.
        try state.write("extensions/p/big.js", "eval(x);\n")
        #expect(truncate(state.state("extensions/p/big.js"), off_t(ScanFileCollector.maxFileBytes + 1)) == 0)
        try state.write("extensions/p/package.json", "{}")
        #expect(truncate(state.state("extensions/p/package.json"), off_t(CodeSafetyScan.maxManifestBytes + 1)) == 0)
        try state.write("skills/s/SKILL.md", "---\nname: sized\n---\n")
        try state.write("skills/s/huge.ts", "eval(x);\n")
        #expect(truncate(state.state("skills/s/huge.ts"), off_t(ScanFileCollector.maxFileBytes + 1)) == 0)

        let (_, report) = try Self.deepAudit(state)
        #expect(report["complete"] as? Bool == false)
        let plugin = Self.incompleteReasons(report, "plugin-code-scan")
        #expect(plugin == ["p: 2 file(s) not scanned: package.json (larger than 4194304 bytes); big.js (larger than 1048576 bytes)"])
        let skill = Self.incompleteReasons(report, "skill-code-scan")
        #expect(skill == ["sized: 1 file(s) not scanned: huge.ts (larger than 1048576 bytes)"])
    }

    @Test func aScanThatSkippedNothingAddsNoIncompleteEntry() throws {
        let state = try HostileStateDir()
        try state.write("openclaw.json", "{}")
        try state.write("extensions/p/index.js", "export {};\n")
        try state.write("extensions/p/package.json", #"{ "openclaw": { "extensions": ["./index.js"] } }"#)
        try state.symlink("extensions/p/alias.js", to: "index.js")
        try state.write("agents/main/sessions/a.jsonl", "{}\n")
        try state.symlink("agents/main/sessions/b.jsonl", to: "a.jsonl")
        let (_, report) = try Self.deepAudit(state)
        let collectors = (report["incomplete"] as? [[String: Any]] ?? []).compactMap { $0["collector"] as? String }
        #expect(collectors == ["gateway-probe"])
    }

    @Test func aLinkSwappedInAfterTheCheckIsRefusedOnTheOpenedDescriptor() throws {
        let dir = try TemporaryDirectory()
        try dir.write("root/a.js", "eval(1)\n")
        try dir.write("elsewhere/b.js", "eval(2)\n")
        try FileManager.default.createSymbolicLink(atPath: dir.url("root/in.js"), withDestinationPath: "a.js")
        try FileManager.default.createSymbolicLink(atPath: dir.url("root/sub"), withDestinationPath: dir.url("elsewhere"))
        let root = try #require(BoundedFileReader.realpath(dir.url("root")))
        #expect(try BoundedFileReader.read(dir.url("root/in.js"), limit: 100, within: root) == Array("eval(1)\n".utf8))
        // A folder on the way that is a link out: the opened file is outside.
        do {
            _ = try BoundedFileReader.read(dir.url("root/sub/b.js"), limit: 100, within: root)
            Issue.record("read a file outside the folder")
        } catch {
            #expect(error.reason == .outside(path: try #require(BoundedFileReader.realpath(dir.url("elsewhere/b.js")))))
            #expect(error.path == dir.url("root/sub/b.js"))
        }
    }
}
