import Foundation
import Testing
@testable import SecurityAudit

/// The config writer: at every step of a write, and after a failure at any step, each
/// config file is the old file or the new one, never a mix; a file another process
/// changed is not overwritten; backups rotate and are private.
struct FixAtomicWriteTests {
    static let mainBefore = "// main\n{ $include: './inc.json5', logging: { redactSensitive: 'off' } }\n"
    static let mainAfter = "// main\n{ $include: './inc.json5', logging: { redactSensitive: 'tools' } }\n"
    static let includeBefore = "{ channels: { imessage: { groupPolicy: \"open\" } } }\n"
    static let includeAfter = "{ channels: { imessage: { groupPolicy: \"allowlist\" } } }\n"

    /// A config and an include that both change, so the two-phase write is exercised.
    static func twoFileFixture() throws -> FixFixture {
        let fixture = try FixFixture(config: mainBefore)
        try fixture.write("inc.json5", includeBefore)
        return fixture
    }

    /// Each file's text, as a crash at this moment would leave it.
    static func states(_ fixture: FixFixture) -> (main: String?, include: String?, backup: String?) {
        (fixture.text("openclaw.json"), fixture.text("inc.json5"), fixture.text("openclaw.json.bak"))
    }

    @Test func aCompleteWriteGoesThroughTemporaryFilesAndRenames() throws {
        let fixture = try Self.twoFileFixture()
        let operations = ScriptedFileOperations()
        let result = fixture.fix(operations: operations)
        #expect(result.errors == [])
        #expect(result.configWritten)
        #expect(fixture.text("openclaw.json") == Self.mainAfter)
        #expect(fixture.text("inc.json5") == Self.includeAfter)
        // Both files are staged before either is replaced; the main config goes last.
        let renames = operations.log.enumerated().filter { $0.element.hasPrefix("rename") && !$0.element.contains(".bak") }
        let lastCreate = operations.log.lastIndex { $0.hasPrefix("create") } ?? .max
        #expect(renames.count == 2)
        #expect(renames.allSatisfy { $0.offset > lastCreate })
        #expect(renames.last?.element.hasSuffix("-> openclaw.json") == true)
        #expect(fixture.names(in: ".").filter { $0.hasSuffix(".tmp") } == [])
    }

    @Test func atEveryStepTheFilesAreOldOrNew() throws {
        let baseline = ScriptedFileOperations()
        _ = try Self.twoFileFixture().fix(operations: baseline)
        #expect(baseline.count > 10)
        for crashPoint in 0...baseline.count {
            let fixture = try Self.twoFileFixture()
            var seen: [String] = []
            let operations = ScriptedFileOperations(failAt: crashPoint) { _, operation in
                // What a kill before this operation would leave on disk.
                let state = Self.states(fixture)
                #expect([Self.mainBefore, Self.mainAfter].contains(state.main), "before \(operation)")
                #expect([Self.includeBefore, Self.includeAfter].contains(state.include), "before \(operation)")
                #expect(state.backup == nil || state.backup == Self.mainBefore, "before \(operation)")
                seen.append(operation)
            }
            let result = fixture.fix(operations: operations)
            let state = Self.states(fixture)
            let failed = crashPoint < baseline.count ? baseline.log[crashPoint] : "nothing"
            #expect([Self.mainBefore, Self.mainAfter].contains(state.main), "after a failure at \(failed)")
            #expect([Self.includeBefore, Self.includeAfter].contains(state.include), "after a failure at \(failed)")
            // A failure is reported, unless it hit a best-effort step (ownership,
            // tightening an old backup), and the report says whether the write happened.
            if result.configWritten {
                #expect(state.main == Self.mainAfter && state.include == Self.includeAfter, "after a failure at \(failed)")
            } else {
                #expect(!result.errors.isEmpty, "after a failure at \(failed)")
                #expect(state.main == Self.mainBefore, "after a failure at \(failed)")
            }
            // A failure up to the first rename of a config file changes nothing at all.
            let bestEffort = failed.hasPrefix("fchown ") || failed.hasPrefix("chmod ")
            if let firstCommit = baseline.log.firstIndex(where: { $0.hasPrefix("rename") && ($0.hasSuffix("-> inc.json5") || $0.hasSuffix("-> openclaw.json")) }),
               crashPoint <= firstCommit, !bestEffort {
                #expect(state.main == Self.mainBefore && state.include == Self.includeBefore, "after a failure at \(failed)")
            }
            #expect(fixture.names(in: ".").filter { $0.hasSuffix(".tmp") } == [], "after a failure at \(failed)")
            #expect(!seen.isEmpty)
        }
    }

    @Test func aConfigChangedAfterItWasReadIsNotOverwritten() throws {
        let baseline = ScriptedFileOperations()
        _ = try FixFixture(config: Self.mainBefore.replacingOccurrences(of: "$include: './inc.json5', ", with: "")).fix(operations: baseline)
        let checks = baseline.log.indices.filter { baseline.log[$0] == "read openclaw.json" }
        #expect(checks.count == 2, "\(baseline.log)")
        // Another process writes the file just before each of the writer's checks: at
        // staging and right before the final rename (the backups rotate after it).
        for check in checks {
            let original = Self.mainBefore.replacingOccurrences(of: "$include: './inc.json5', ", with: "")
            let fixture = try FixFixture(config: original)
            let theirs = "{ logging: { redactSensitive: 'off', file: '/var/log/x' } }\n"
            let operations = ScriptedFileOperations { index, _ in
                if index == check { _ = try? fixture.write("openclaw.json", theirs) }
            }
            let result = fixture.fix(operations: operations)
            #expect(!result.configWritten)
            #expect(result.errors == ["writeConfigFile failed: \(fixture.configPath) changed on disk after it was read; not overwritten (run the fix again)"])
            #expect(fixture.text("openclaw.json") == theirs)
            #expect(fixture.names(in: ".").filter { $0.hasSuffix(".tmp") } == [])
        }
    }

    @Test func backupsRotateAndArePrivate() throws {
        let fixture = try FixFixture(config: "{ logging: { redactSensitive: 'off' } }")
        for index in 0..<5 {
            try fixture.write(index == 0 ? "openclaw.json.bak" : "openclaw.json.bak.\(index)", "backup \(index)", mode: 0o644)
        }
        chmod(fixture.configPath, 0o640)
        let result = fixture.fix(operations: ScriptedFileOperations())
        #expect(result.configWritten)
        #expect(fixture.text("openclaw.json.bak") == "{ logging: { redactSensitive: 'off' } }")
        #expect(fixture.text("openclaw.json.bak.1") == "backup 0")
        #expect(fixture.text("openclaw.json.bak.4") == "backup 3")
        #expect(fixture.names(in: ".").filter { $0.hasPrefix("openclaw.json.bak") }.count == 5)
        for name in ["openclaw.json.bak", "openclaw.json.bak.1", "openclaw.json.bak.2", "openclaw.json.bak.3", "openclaw.json.bak.4"] {
            #expect(fixture.mode(name) == 0o600, "\(name)")
        }
        // The config is tightened by the chmod step after the write.
        #expect(fixture.mode("openclaw.json") == 0o600)
    }

    @Test func theNewFileKeepsTheOriginalsModeUntilTheChmodStep() throws {
        let fixture = try FixFixture(config: "{ logging: { redactSensitive: 'off' } }")
        chmod(fixture.configPath, 0o640)
        var modeAtRename: mode_t?
        let operations = ScriptedFileOperations { _, operation in
            if operation.hasPrefix("fsync /") { modeAtRename = fixture.mode("openclaw.json") }
        }
        _ = fixture.fix(operations: operations)
        #expect(modeAtRename == 0o640)
    }

    @Test func aFailedStagingLeavesEveryFileAsItWas() throws {
        let fixture = try Self.twoFileFixture()
        let operations = ScriptedFileOperations()
        operations.beforeEach = { [unowned operations] _, operation in
            // Fill the disk when the main config's new text is written.
            if operation.hasPrefix("write openclaw.json.") { operations.failAt = operations.count - 1 }
        }
        let result = fixture.fix(operations: operations)
        #expect(!result.configWritten)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.contains("injected failure at write openclaw.json.") == true, "\(result.errors)")
        #expect(fixture.text("inc.json5") == Self.includeBefore)
        #expect(fixture.text("openclaw.json") == Self.mainBefore)
        #expect(fixture.names(in: ".").filter { $0.hasSuffix(".tmp") || $0.contains(".bak") } == [])
    }
}
