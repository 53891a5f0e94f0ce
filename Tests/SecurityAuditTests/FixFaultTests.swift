import Foundation
import Testing
@testable import SecurityAudit

/// `--fix` under faults the write path meets in the field: a full disk, a read-only file
/// system, a read-only file, files changed by another process after they were read, and a
/// crash at every step followed by a second run. After each, every config file is the
/// original or the fully fixed text; temporary files do not stay behind.
///
/// FixAtomicWriteTests holds the injected-failure and "disk as a kill would leave it"
/// cases; these use real file systems where the machine allows it (a tmpfs, mounted when
/// the tests run as root) and fall back to injected failures otherwise.
struct FixFaultTests {
    static let before = "// keep me\n{ logging: { redactSensitive: 'off' }, channels: { imessage: { groupPolicy: 'open' } } }\n"
    static let after = "// keep me\n{ logging: { redactSensitive: 'tools' }, channels: { imessage: { groupPolicy: 'allowlist' } } }\n"

    /// A small tmpfs mounted over a folder for the life of the value (root only).
    final class SmallFileSystem {
        let path: String
        private(set) var mounted = false

        init?(at path: String, kilobytes: Int) {
            self.path = path
            guard mount("tmpfs", path, "tmpfs", 0, "size=\(kilobytes)k,mode=0700") == 0 else { return nil }
            mounted = true
        }

        func remountReadOnly() -> Bool {
            mount("tmpfs", path, "tmpfs", UInt(MS_REMOUNT | MS_RDONLY), nil) == 0
        }

        func remountWritable() -> Bool {
            mount("tmpfs", path, "tmpfs", UInt(MS_REMOUNT), nil) == 0
        }

        /// Writes a filler file until the disk is full.
        func fill() -> Bool {
            let fd = open(path + "/filler", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            guard fd >= 0 else { return false }
            defer { close(fd) }
            let chunk = [UInt8](repeating: 0x61, count: 4096)
            while true {
                let written = chunk.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if written < 0 { return errno == ENOSPC }
                if written < chunk.count {
                    // A short write: the next one reports the error.
                    continue
                }
            }
        }

        func emptyFiller() { unlink(path + "/filler") }

        deinit {
            if mounted { umount2(path, Int32(MNT_DETACH)) }
        }
    }

    static func leftovers(_ fixture: FixFixture) -> [String] {
        fixture.names(in: ".").filter { $0.hasSuffix(".tmp") }
    }

    @Test func aFullDiskLeavesTheConfigAsItWasAndTheNextRunFixesIt() throws {
        let fixture = try FixFixture()
        guard let disk = SmallFileSystem(at: fixture.stateDir, kilobytes: 64) else {
            // Not root: the same failure, injected where the first byte is written.
            try fixture.write("openclaw.json", Self.before)
            let operations = ScriptedFileOperations()
            operations.beforeEach = { [unowned operations] _, operation in
                if operation.hasPrefix("write ") { operations.failAt = operations.count - 1 }
            }
            let result = fixture.fix(operations: operations)
            #expect(!result.configWritten && result.errors.count == 1)
            #expect(fixture.text("openclaw.json") == Self.before)
            #expect(Self.leftovers(fixture) == [])
            return
        }
        try fixture.write("openclaw.json", Self.before)
        #expect(disk.fill())

        let result = fixture.fix()
        #expect(!result.configWritten)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.hasPrefix("writeConfigFile failed: \(fixture.configPath): ") == true, "\(result.errors)")
        #expect(result.errors.first?.contains("No space left on device") == true, "\(result.errors)")
        #expect(fixture.text("openclaw.json") == Self.before)
        #expect(Self.leftovers(fixture) == [])
        #expect(!fixture.names(in: ".").contains("openclaw.json.bak"))
        // The chmods need no space and still run.
        #expect(result.actions.first { $0.path == fixture.configPath }?.status == .applied)

        disk.emptyFiller()
        let retry = fixture.fix()
        #expect(retry.errors == [])
        #expect(retry.configWritten)
        #expect(fixture.text("openclaw.json") == Self.after)
        #expect(fixture.text("openclaw.json.bak") == Self.before)
    }

    @Test func aReadOnlyFileSystemLeavesEverythingAsItWas() throws {
        let fixture = try FixFixture()
        guard let disk = SmallFileSystem(at: fixture.stateDir, kilobytes: 256) else {
            // Not root: a read-only file system refuses the first create.
            try fixture.write("openclaw.json", Self.before)
            let operations = ScriptedFileOperations()
            operations.beforeEach = { [unowned operations] _, operation in
                if operation.hasPrefix("create ") { operations.failAt = operations.count - 1 }
            }
            #expect(!fixture.fix(operations: operations).configWritten)
            #expect(fixture.text("openclaw.json") == Self.before)
            return
        }
        try fixture.write("openclaw.json", Self.before, mode: 0o644)
        #expect(disk.remountReadOnly())
        defer { _ = disk.remountWritable() }

        let result = fixture.fix()
        #expect(!result.configWritten)
        #expect(result.errors == ["writeConfigFile failed: \(fixture.configPath): create openclaw.json.\(result.errors.first.flatMap { Self.tag(in: $0) } ?? "?").tmp: Read-only file system"], "\(result.errors)")
        #expect(fixture.text("openclaw.json") == Self.before)
        #expect(fixture.mode("openclaw.json") == 0o644)
        // Every chmod fails and says why; none is reported as applied.
        let config = result.actions.first { $0.path == fixture.configPath }
        if case .failed(let message) = config?.status {
            #expect(message.contains("Read-only file system"), "\(message)")
        } else {
            Issue.record("chmod of the config on a read-only file system: \(String(describing: config?.status))")
        }
    }

    /// The `<pid>.<random>` tag of a temporary file name in an error message.
    static func tag(in message: String) -> String? {
        guard let start = message.range(of: "openclaw.json."), let end = message.range(of: ".tmp") else { return nil }
        return String(message[start.upperBound..<end.lowerBound])
    }

    /// A read-only file in a writable folder is replaced, as the original replaces it (by
    /// rename): its mode protects the text, not the name. The old text is kept in `.bak`.
    @Test func aReadOnlyConfigFileIsReplacedAndItsOldTextKept() throws {
        let fixture = try FixFixture(config: Self.before)
        chmod(fixture.configPath, 0o444)
        let result = fixture.fix()
        #expect(result.errors == [])
        #expect(fixture.text("openclaw.json") == Self.after)
        #expect(fixture.text("openclaw.json.bak") == Self.before)
        #expect(fixture.mode("openclaw.json") == 0o600)
    }

    /// An include file edited between the load (which the plan is made from) and the
    /// write: its edit is not applied to text it was not planned for.
    @Test func anIncludeChangedAfterTheLoadIsNotOverwritten() throws {
        let fixture = try FixFixture(config: "{ $include: './channels.json5', logging: { redactSensitive: 'off' } }")
        let original = "{ channels: { imessage: { groupPolicy: 'open' } } }"
        try fixture.write("channels.json5", original)
        let request = fixture.request
        let context = try AuditPreparation.prepare(request)
        let paths = context.paths

        // Another process rewrites the include: the planned byte range now holds another
        // value of the same type and length.
        let theirs = "{ channels: { imessage: { dmPolicy:    'open' } } }"
        #expect(theirs.utf8.count == original.utf8.count)
        try fixture.write("channels.json5", theirs)

        var result = SecurityFixResult(stateDir: paths.stateDir, configPath: paths.configPath)
        let rewrites = SecurityFixer.planRewrites(context, into: &result)
        let walker = NoFollowWalker(anchors: [paths.stateDir])
        SecurityFixer.write(rewrites, walker: walker, includeWalker: walker, operations: POSIXFixFileOperations(), into: &result)
        #expect(fixture.text("channels.json5") == theirs)
        #expect(!result.configWritten)
        #expect(result.errors.contains { $0.contains("channels.json5") && $0.contains("changed") }, "\(result.errors)")
        // The main file is left alone too: the fix is all or nothing.
        #expect(fixture.text("openclaw.json") == "{ $include: './channels.json5', logging: { redactSensitive: 'off' } }")
    }

    /// A kill at any step leaves each file old or new (FixAtomicWriteTests checks that);
    /// here, the state a kill leaves is copied aside and `--fix` run on it again: the run
    /// completes the fix, whatever step the first one died at.
    @Test func aRunAfterACrashAtAnyStepCompletesTheFix() throws {
        let mainBefore = FixAtomicWriteTests.mainBefore, includeBefore = FixAtomicWriteTests.includeBefore
        let baseline = ScriptedFileOperations()
        _ = try FixAtomicWriteTests.twoFileFixture().fix(operations: baseline)

        for crashPoint in 0..<baseline.count {
            let fixture = try FixAtomicWriteTests.twoFileFixture()
            let survivor = try FixFixture()
            let operations = ScriptedFileOperations { index, _ in
                guard index == crashPoint else { return }
                // The disk as the kill leaves it, temporary files included.
                for name in fixture.names(in: ".") {
                    let source = fixture.state(name), target = survivor.state(name)
                    try? FileManager.default.copyItem(atPath: source, toPath: target)
                    chmod(target, fixture.mode(name) ?? 0o600)
                }
            }
            _ = fixture.fix(operations: operations)
            let crashed = "crash before \(baseline.log[crashPoint])"
            #expect([mainBefore, FixAtomicWriteTests.mainAfter].contains(survivor.text("openclaw.json")), "\(crashed)")
            #expect([includeBefore, FixAtomicWriteTests.includeAfter].contains(survivor.text("inc.json5")), "\(crashed)")

            let rerun = survivor.fix()
            #expect(rerun.errors == [], "\(crashed): \(rerun.errors)")
            #expect(survivor.text("openclaw.json") == FixAtomicWriteTests.mainAfter, "\(crashed)")
            #expect(survivor.text("inc.json5") == FixAtomicWriteTests.includeAfter, "\(crashed)")
            // Temporary files of the killed run stay (nothing can tell them from another
            // writer's), but none is more open than the file it copies (0644 here).
            for name in Self.leftovers(survivor) {
                #expect((survivor.mode(name) ?? 0o777) & ~0o644 == 0, "\(crashed): \(name)")
            }
            #expect(throws: Never.self, "\(crashed)") {
                try ConfigLoader(environment: [:]).load(path: survivor.configPath)
            }
        }
    }
}
