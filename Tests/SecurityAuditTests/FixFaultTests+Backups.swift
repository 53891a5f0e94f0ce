import Foundation
import Testing
@testable import SecurityAudit

/// Backups rotate only once the new file is in place: a config that cannot be replaced
/// (`chattr +i` refuses the rename with EPERM) or the losing side of two concurrent fixes
/// leaves `.bak` … `.bak.4` as they were, however often it runs.
extension FixFaultTests {
    static func backupFixture() throws -> FixFixture {
        let fixture = try FixFixture(config: before)
        for index in 0..<AtomicConfigWriter.backupCount {
            try fixture.write(index == 0 ? "openclaw.json.bak" : "openclaw.json.bak.\(index)", "backup \(index)", mode: 0o600)
        }
        return fixture
    }

    static func backups(_ fixture: FixFixture) -> [String?] {
        (0..<AtomicConfigWriter.backupCount).map { fixture.text($0 == 0 ? "openclaw.json.bak" : "openclaw.json.bak.\($0)") }
    }

    @Test func aConfigThatCannotBeReplacedKeepsItsBackups() throws {
        let fixture = try Self.backupFixture()
        let original = Self.backups(fixture)
        for _ in 0..<5 {
            let operations = ScriptedFileOperations()
            operations.beforeEach = { [unowned operations] _, operation in
                // What an immutable file does to the rename over it.
                if operation.hasPrefix("rename "), operation.hasSuffix(".tmp -> openclaw.json") { operations.failAt = operations.count - 1 }
            }
            let result = fixture.fix(operations: operations)
            #expect(!result.configWritten)
            #expect(!result.ok)
            #expect(result.errors.first?.contains("injected failure at rename") == true, "\(result.errors)")
            #expect(fixture.text("openclaw.json") == Self.before)
            #expect(Self.backups(fixture) == original)
            #expect(Self.leftovers(fixture) == [])
        }
    }

    @Test func theLoserOfTwoConcurrentFixesKeepsTheBackups() throws {
        let fixture = try Self.backupFixture()
        let original = Self.backups(fixture)
        var reads = 0
        let operations = ScriptedFileOperations { _, operation in
            // The other fix replaces the file between this one's staging and its rename.
            guard operation == "read openclaw.json" else { return }
            reads += 1
            if reads == 2 { _ = try? fixture.write("openclaw.json", Self.after, mode: 0o600) }
        }
        let result = fixture.fix(operations: operations)
        #expect(!result.configWritten)
        #expect(result.errors.first?.contains("changed on disk after it was read") == true, "\(result.errors)")
        #expect(fixture.text("openclaw.json") == Self.after)
        #expect(Self.backups(fixture) == original)
    }

    @Test func aBackupThatCannotBeKeptIsReportedAfterTheWrite() throws {
        let fixture = try Self.backupFixture()
        let operations = ScriptedFileOperations()
        operations.beforeEach = { [unowned operations] _, operation in
            if operation.hasPrefix("rename "), operation.hasSuffix(".tmp -> openclaw.json.bak") { operations.failAt = operations.count - 1 }
        }
        let result = fixture.fix(operations: operations)
        #expect(result.configWritten)
        #expect(fixture.text("openclaw.json") == Self.after)
        #expect(!result.ok)
        #expect(result.errors.first?.contains("was replaced, but its previous text could not be kept as openclaw.json.bak") == true, "\(result.errors)")
        #expect(Self.leftovers(fixture) == [])
    }
}
