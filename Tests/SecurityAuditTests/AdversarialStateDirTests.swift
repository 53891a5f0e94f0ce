import Foundation
import Testing
@testable import SecurityAudit

/// Hostile and broken state dirs, audited by the real `openclaw` binary in a child
/// process: each gives a clear error or a finding, never a crash or a hang (the child's
/// deadline is a generous timeout, not a performance bound), and the kernel's count of
/// the child's peak memory (`ru_maxrss`) stays under a bound.
///
/// Two cases are too large for the default suite and run at full size only with
/// `OPENCLAW_ADVERSARIAL_FULL=1`: a million empty session files (10,000 otherwise) and a
/// config just under the size limit.
struct AdversarialStateDirTests {
    /// Memory bounds, in MiB. The debug binary auditing an empty state dir peaks at about
    /// 20 MiB; the bounds leave room for a slow allocator and catch any input that is read
    /// or expanded whole.
    static let smallInputMemoryMiB = 128

    /// Under a sanitizer (scripts/sanitize.sh) shadow memory and quarantine count in the
    /// peak, so the bounds are scaled.
    static let memoryScale = ProcessInfo.processInfo.environment["OPENCLAW_TEST_SANITIZER"] == nil ? 1 : 8

    static func withinBound(_ outcome: ChildProcess.Outcome, _ mebibytes: Int) -> Bool {
        outcome.maxRSSMiB < mebibytes * memoryScale
    }

    static var fullSize: Bool { ProcessInfo.processInfo.environment["OPENCLAW_ADVERSARIAL_FULL"] == "1" }

    /// A state dir under a temporary folder, and the CLI pointed at it.
    final class HostileStateDir {
        let dir: TemporaryDirectory
        var environment: [String: String]

        init() throws {
            dir = try TemporaryDirectory()
            try dir.makeDirectory("home")
            try dir.makeDirectory("state")
            chmod(dir.url("state"), 0o700)
            environment = ["HOME": dir.url("home"), "PATH": "/usr/bin:/bin", "OPENCLAW_STATE_DIR": dir.url("state"), "NO_COLOR": "1"]
        }

        var stateDir: String { dir.url("state") }
        var configPath: String { state("openclaw.json") }
        func state(_ relative: String) -> String { dir.url("state/" + relative) }

        @discardableResult
        func write(_ relative: String, _ text: String, mode: mode_t = 0o600) throws -> String {
            try dir.write("state/" + relative, text, mode: mode)
        }

        func writeBytes(_ relative: String, _ bytes: [UInt8], mode: mode_t = 0o600) throws {
            let path = state(relative)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            chmod(path, mode)
        }

        func symlink(_ relative: String, to target: String) throws {
            let path = state(relative)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        }

        func audit(_ extra: [String] = [], prefix: [String] = []) throws -> ChildProcess.Outcome {
            let command = prefix + [CLITests.binary.path, "audit"] + extra
            return try ChildProcess(executable: command[0], arguments: Array(command.dropFirst()), environment: environment).run()
        }
    }

    /// Characters a terminal acts on; only the newline may reach it raw.
    static func rawControlCharacters(_ text: String) -> [UInt32] {
        text.unicodeScalars.filter { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }.map(\.value)
    }

    /// The failure every unloadable config gives: exit 1, nothing on stdout, the file and
    /// the reason on stderr.
    static func expectConfigError(_ outcome: ChildProcess.Outcome, _ message: String, memoryMiB: Int = smallInputMemoryMiB, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!outcome.timedOut, "hang", sourceLocation: sourceLocation)
        #expect(outcome.status == 1, "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(outcome.stderr.hasPrefix("Config invalid\n"), "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(withinBound(outcome, memoryMiB), "peak memory \(outcome.maxRSSMiB) MiB", sourceLocation: sourceLocation)
    }

    /// A completed audit (exit 0) whose JSON report parses, with its check ids.
    static func auditedCheckIDs(_ outcome: ChildProcess.Outcome, memoryMiB: Int = smallInputMemoryMiB, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        #expect(!outcome.timedOut, "hang", sourceLocation: sourceLocation)
        #expect(outcome.status == 0, "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(withinBound(outcome, memoryMiB), "peak memory \(outcome.maxRSSMiB) MiB", sourceLocation: sourceLocation)
        let document = try? JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect(document != nil, "stdout is not one JSON document: \(outcome.stdout.prefix(500))", sourceLocation: sourceLocation)
        return (document?["findings"] as? [[String: Any]] ?? []).compactMap { $0["checkId"] as? String }
    }

    /// A finding of the report on stdout (`--fix --json` nests it under `report`).
    static func finding(_ outcome: ChildProcess.Outcome, _ checkId: String) -> [String: Any]? {
        let document = try? JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        let report = document?["report"] as? [String: Any] ?? document
        return (report?["findings"] as? [[String: Any]])?.first { $0["checkId"] as? String == checkId }
    }

    // MARK: - The config file itself

    @Test func aHundredMegabyteConfigIsRefusedUnread() throws {
        let state = try HostileStateDir()
        // Real bytes, not a sparse file: a config that is all whitespace around `{}`.
        let handle = try #require(FileHandle(forWritingAtPath: try state.write("openclaw.json", "{")))
        let block = Data(repeating: UInt8(ascii: " "), count: 1024 * 1024)
        handle.seekToEndOfFile()
        for _ in 0..<100 { handle.write(block) }
        handle.write(Data("}".utf8))
        try handle.close()
        #expect(FileFixture.size(state.configPath) == 100 * 1024 * 1024 + 2)

        Self.expectConfigError(
            try state.audit(), "\(state.configPath): cannot read config: file is larger than 67108864 bytes",
            memoryMiB: 64)
        let fix = try state.audit(["--fix", "--json"])
        #expect(fix.status == 1)
        #expect(fix.stderr.contains("file is larger than 67108864 bytes"))
        #expect(FileFixture.size(state.configPath) == 100 * 1024 * 1024 + 2)
        #expect(Self.withinBound(fix, 64), "peak memory \(fix.maxRSSMiB) MiB")
    }

    /// Memory is bounded by the number of values, not by the size: 64 MiB of `0,` just
    /// under the size limit would take gigabytes once parsed.
    @Test func aConfigOfDenseValuesJustUnderTheSizeLimitIsRefusedAtTheValueLimit() throws {
        let state = try HostileStateDir()
        let handle = try #require(FileHandle(forWritingAtPath: try state.write("openclaw.json", "{ a: [")))
        handle.seekToEndOfFile()
        let block = Data(String(repeating: "0,", count: 512 * 1024).utf8)
        for _ in 0..<63 { handle.write(block) }
        handle.write(Data("0] }".utf8))
        try handle.close()
        #expect(FileFixture.size(state.configPath).map { $0 < ConfigLoader.maxConfigFileBytes } == true)

        // The object, the array, then 999,998 elements: the next one is over.
        Self.expectConfigError(
            try state.audit(), "\(state.configPath):1:\(7 + 2 * 999_998): more than 1000000 values", memoryMiB: 512)
        let fix = try state.audit(["--fix"])
        #expect(!fix.timedOut && fix.status == 1)
        #expect(Self.withinBound(fix, 512), "peak memory \(fix.maxRSSMiB) MiB")
    }

    /// The value limit holds for the config and its includes together.
    @Test func includesThatTogetherHoldTooManyValuesAreRefused() throws {
        let state = try HostileStateDir()
        // Each include is under the 2 MiB limit and holds 400,001 values.
        let include = "[" + String(repeating: "0,", count: 399_999) + "0]"
        for name in ["a", "b", "c"] { try state.write("\(name).json5", "{ \(name): \(include) }") }
        try state.write("openclaw.json", "{ $include: ['./a.json5', './b.json5', './c.json5'] }")
        Self.expectConfigError(try state.audit(), "Too many values: the config and its includes hold more than 1000000", memoryMiB: 512)
    }

    @Test func aMillionNestedArraysIsASyntaxErrorAtTheLimit() throws {
        let state = try HostileStateDir()
        let depth = 1_000_000
        try state.write("openclaw.json", String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        Self.expectConfigError(try state.audit(), "\(state.configPath):1:513: nesting deeper than 512 levels")

        // The same inside an object, and inside an include.
        try state.write("openclaw.json", "{ a: " + String(repeating: "[", count: depth) + " }")
        Self.expectConfigError(try state.audit(), "\(state.configPath):1:517: nesting deeper than 512 levels")
        // 600,000 levels: an include may be 2 MiB at most.
        try state.write("deep.json5", String(repeating: "{a:", count: 600_000))
        try state.write("openclaw.json", "{ $include: './deep.json5' }")
        Self.expectConfigError(try state.audit(), "\(state.state("deep.json5")):1:1537: nesting deeper than 512 levels")
    }

    @Test func aConfigThatIsAFIFOIsRefusedWithoutBlocking() throws {
        let state = try HostileStateDir()
        #expect(mkfifo(state.configPath, 0o600) == 0)
        Self.expectConfigError(try state.audit(), "\(state.configPath): cannot read config: not a regular file")
    }

    @Test func aConfigThatIsADirectoryIsRefused() throws {
        let state = try HostileStateDir()
        try state.dir.makeDirectory("state/openclaw.json")
        Self.expectConfigError(try state.audit(), "\(state.configPath): cannot read config: not a regular file")
    }

    @Test func aConfigThatLinksToDevZeroIsRefusedUnread() throws {
        let state = try HostileStateDir()
        try state.symlink("openclaw.json", to: "/dev/zero")
        Self.expectConfigError(try state.audit(), "\(state.configPath): cannot read config: not a regular file")
        // --fix neither reads nor replaces it, and tightens nothing through it.
        let fix = try state.audit(["--fix"])
        #expect(!fix.timedOut && fix.status == 1)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: state.configPath) == "/dev/zero")
    }

    /// Root reads any file, so as root the child runs without the capabilities that let it.
    static let withoutReadOverride: [String]? = {
        if geteuid() != 0 { return [] }
        let setpriv = "/usr/bin/setpriv"
        guard FileManager.default.isExecutableFile(atPath: setpriv) else { return nil }
        return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    }()

    @Test(.enabled(if: withoutReadOverride != nil, "running as root without setpriv: no way to make a file unreadable"))
    func anUnreadableConfigIsAnErrorNotAnEmptyConfig() throws {
        let state = try HostileStateDir()
        try state.write("openclaw.json", "{ gateway: { bind: 'lan' } }", mode: 0o000)
        Self.expectConfigError(
            try state.audit(prefix: Self.withoutReadOverride ?? []),
            "\(state.configPath): cannot read config: open failed: Permission denied")
    }

    // MARK: - $include

    @Test func includeOfDevZeroIsRefusedUnread() throws {
        let state = try HostileStateDir()
        try state.write("openclaw.json", "{ $include: '/dev/zero' }")
        Self.expectConfigError(try state.audit(), "Include path escapes config directory: /dev/zero")
        // Reached through a link in the folder, it resolves outside the folder.
        try state.symlink("zero.json5", to: "/dev/zero")
        try state.write("openclaw.json", "{ $include: './zero.json5' }")
        Self.expectConfigError(try state.audit(), "Include path resolves outside config directory (symlink): ./zero.json5")
        // A FIFO inside the folder is refused as not a regular file, without blocking.
        #expect(mkfifo(state.state("pipe.json5"), 0o600) == 0)
        try state.write("openclaw.json", "{ $include: './pipe.json5' }")
        Self.expectConfigError(try state.audit(), "Include file failed security checks (regular file, max 2097152 bytes, no hardlinks): ./pipe.json5 (not a regular file)")
    }

    @Test func includeOfItselfIsACycle() throws {
        let state = try HostileStateDir()
        try state.write("openclaw.json", "{ $include: './openclaw.json' }")
        Self.expectConfigError(try state.audit(), "\(state.configPath):1:13: Circular include detected: \(state.configPath) -> \(state.configPath)")
    }

    @Test func aTenDeepIncludeChainLoadsAndAnEleventhLevelIsRefused() throws {
        let state = try HostileStateDir()
        for level in 1...10 {
            try state.write("level\(level).json5", level == 10 ? "{ logging: { redactSensitive: 'off' } }" : "{ $include: './level\(level + 1).json5' }")
        }
        try state.write("openclaw.json", "{ $include: './level1.json5' }")
        var json = try state.audit(["--json"])
        #expect(Self.auditedCheckIDs(json).contains("logging.redact_off"))

        try state.write("level10.json5", "{ $include: './level11.json5' }")
        try state.write("level11.json5", "{ logging: { redactSensitive: 'off' } }")
        Self.expectConfigError(try state.audit(), "Maximum include depth (10) exceeded at: ./level11.json5")
        json = try state.audit(["--json"])
        #expect(json.status == 1 && json.stdout.isEmpty)
    }

    @Test func includeOutsideTheFolderIsRefused() throws {
        let state = try HostileStateDir()
        try state.dir.write("outside.json5", "{ gateway: { bind: 'lan' } }")
        for (directive, message) in [
            ("'../outside.json5'", "Include path escapes config directory: ../outside.json5"),
            ("'\(state.dir.url("outside.json5"))'", "Include path escapes config directory: \(state.dir.url("outside.json5"))"),
            ("'./sub/../../outside.json5'", "Include path escapes config directory: ./sub/../../outside.json5"),
        ] {
            try state.write("openclaw.json", "{ $include: \(directive) }")
            Self.expectConfigError(try state.audit(), message)
        }
        try state.symlink("sub", to: state.dir.path)
        try state.write("openclaw.json", "{ $include: './sub/outside.json5' }")
        Self.expectConfigError(try state.audit(), "Include path resolves outside config directory (symlink): ./sub/outside.json5")
    }

    /// "Billion laughs": every level includes the next one ten times. Ten levels would be
    /// 10^10 loads, and since arrays concatenate, as many elements.
    @Test func anIncludeFanOutIsRefusedBeforeItExplodes() throws {
        let state = try HostileStateDir()
        let fanOut = Array(repeating: "'./l1.json5'", count: 10).joined(separator: ", ")
        for level in 1...9 {
            let next = Array(repeating: "'./l\(level + 1).json5'", count: 10).joined(separator: ", ")
            try state.write("l\(level).json5", "{ $include: [\(next)] }")
        }
        try state.write("l10.json5", "{ gateway: { trustedProxies: ['10.0.0.1', '10.0.0.2'] } }")
        try state.write("openclaw.json", "{ $include: [\(fanOut)] }")
        Self.expectConfigError(try state.audit(), "include files were read")
    }

    // MARK: - Text encoding and values

    @Test func invalidUTF8IsASyntaxErrorAtItsByte() throws {
        let state = try HostileStateDir()
        try state.writeBytes("openclaw.json", Array("{\n  gateway: { bind: 'l".utf8) + [0xFF, 0xFE] + Array("an' } }".utf8))
        Self.expectConfigError(try state.audit(), "\(state.configPath):2:22: invalid UTF-8 byte 0xff")
        // An overlong encoding of `{` and a lone surrogate are no better.
        try state.writeBytes("openclaw.json", [0xC1, 0xBB, 0x7D])
        Self.expectConfigError(try state.audit(), "\(state.configPath):1:1: ")
        try state.writeBytes("openclaw.json", Array("{ a: '".utf8) + [0xED, 0xA0, 0x80] + Array("' }".utf8))
        Self.expectConfigError(try state.audit(), "\(state.configPath):1:7: ")
    }

    @Test func aByteOrderMarkIsWhitespace() throws {
        let state = try HostileStateDir()
        try state.writeBytes("openclaw.json", [0xEF, 0xBB, 0xBF] + Array("{ logging: { redactSensitive: 'off' } }".utf8))
        #expect(Self.auditedCheckIDs(try state.audit(["--json"])).contains("logging.redact_off"))
        // A UTF-16 file is not UTF-8: an error, not an empty config.
        try state.writeBytes("openclaw.json", [0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D])
        Self.expectConfigError(try state.audit(), "\(state.configPath):1:1: ")
    }

    @Test func duplicateKeysTakeTheLastValueAsTheGatewayDoes() throws {
        let state = try HostileStateDir()
        try state.write("openclaw.json", "{ logging: { redactSensitive: 'tools' }, logging: { redactSensitive: 'off' } }")
        #expect(Self.auditedCheckIDs(try state.audit(["--json"])).contains("logging.redact_off"))
        try state.write("openclaw.json", "{ logging: { redactSensitive: 'off', redactSensitive: 'tools' } }")
        #expect(!Self.auditedCheckIDs(try state.audit(["--json"])).contains("logging.redact_off"))

        // --fix edits the value that counts, the last one, and the result audits clean.
        try state.write("openclaw.json", "{ logging: { redactSensitive: 'tools', redactSensitive: 'off' } }")
        let fix = try state.audit(["--fix", "--json"])
        #expect(fix.status == 0, "\(fix.stderr)")
        #expect(try String(contentsOfFile: state.configPath, encoding: .utf8) == "{ logging: { redactSensitive: 'tools', redactSensitive: 'tools' } }")
        #expect(!Self.auditedCheckIDs(try state.audit(["--json"])).contains("logging.redact_off"))
    }

    @Test func infiniteAndNegativeZeroNumbersAuditLikeJavaScript() throws {
        let state = try HostileStateDir()
        try state.write("openclaw.json", """
            {
              gateway: { port: 1e999, bind: 'lan', auth: { mode: 'token', token: 1e999, rateLimit: { maxAttempts: -0, windowMs: -1e999 } } },
              logging: { redactSensitive: -0 },
              discovery: { mdns: { mode: 1e999 } },
              tools: { exec: { timeoutSec: -0 } },
              agents: { list: [{ id: 1e999 }, { id: -0 }] },
            }
            """)
        let ids = Self.auditedCheckIDs(try state.audit(["--json"]))
        #expect(!ids.isEmpty)
        // A numeric token is not a usable token: the gateway is exposed without one.
        #expect(ids.contains("gateway.bind_no_auth"), "\(ids)")
        let text = try state.audit()
        #expect(!text.timedOut && text.status == 0, "\(text.stderr)")
        #expect(Self.rawControlCharacters(text.stdout) == [])
    }

    /// Found by the fuzzer: C ends a path at a NUL, so `<ws>\u0000x/skills/a` was listed as
    /// `<ws>`, every subdirectory again as `<ws>`, until the walk's cap (40,000 listings).
    @Test func aPathWithANULCharacterIsRefusedNotTruncated() throws {
        let state = try HostileStateDir()
        try state.dir.makeDirectory("ws/a")
        try state.write("openclaw.json", "{ agents: { defaults: { workspace: '\(state.dir.url("ws"))\\u0000x' } }, logging: { file: '\(state.configPath)\\u0000' } }")
        let json = try state.audit(["--json"])
        let ids = Self.auditedCheckIDs(json)
        #expect(!ids.contains("skills.workspace.scan_truncated"), "\(ids)")
        let gaps = Self.finding(json, "fs.inspection_incomplete")?["detail"] as? String
        // JSON carries the path raw (the text report shows it escaped).
        #expect(gaps?.contains("ws\u{0}x/skills: stat: Invalid argument") == true, "\(gaps ?? "")")
        #expect(try state.audit().stdout.contains("ws\\u{0}x/skills: stat: Invalid argument"))
        // An include path is refused too, with the reason.
        try state.write("inc.json5", "{}")
        try state.write("openclaw.json", "{ $include: './inc.json5\\u0000.txt' }")
        Self.expectConfigError(try state.audit(), "Failed to read include file: ./inc.json5")
        #expect(try state.audit().stderr.contains("Invalid argument"))
    }

    // MARK: - Directories

    @Test func symlinkLoopsInAgentsExtensionsAndSkillsEnd() throws {
        let state = try HostileStateDir()
        try state.dir.makeDirectory("state/agents/main/sessions")
        try state.symlink("agents/self", to: "self")
        try state.symlink("agents/up", to: "..")
        try state.symlink("agents/main/sessions/loop.jsonl", to: "loop.jsonl")
        try state.symlink("agents/main/sessions/dir.jsonl", to: ".")
        try state.dir.makeDirectory("state/extensions/real")
        try state.symlink("extensions/self", to: "self")
        try state.symlink("extensions/parent", to: "..")
        try state.symlink("extensions/real/back", to: "../real")
        try state.dir.makeDirectory("home/ws/skills/a/b")
        try state.dir.write("home/ws/skills/a/SKILL.md", "# a")
        try FileManager.default.createSymbolicLink(atPath: state.dir.url("home/ws/skills/a/b/up"), withDestinationPath: "../..")
        try FileManager.default.createSymbolicLink(atPath: state.dir.url("home/ws/skills/self"), withDestinationPath: "self")
        try FileManager.default.createSymbolicLink(atPath: state.dir.url("home/ws/skills/a/b/SKILL.md"), withDestinationPath: "SKILL.md")
        try state.write("openclaw.json", "{ agents: { defaults: { workspace: '\(state.dir.url("home/ws"))' }, list: [{ id: 'self' }, { id: 'up' }] } }")

        let json = try state.audit(["--json"])
        let ids = Self.auditedCheckIDs(json)
        // The configured agent behind a looping link cannot be examined: the report says
        // so. A looping transcript link leads to no transcript, and is no gap.
        let gaps = try #require(Self.finding(json, "fs.inspection_incomplete")?["detail"] as? String, "\(ids)")
        #expect(gaps.contains("state/agents/self/sessions: readdir: Too many levels of symbolic links"), "\(gaps)")
        #expect(!gaps.contains("loop.jsonl"), "\(gaps)")
        let fix = try state.audit(["--fix"])
        #expect(!fix.timedOut && fix.status <= 1, "\(fix.stderr)")
        #expect(Self.withinBound(fix, Self.smallInputMemoryMiB))
    }

    @Test func manyEmptySessionFilesAreCountedNotListed() throws {
        let count = Self.fullSize ? 1_000_000 : 10_000
        let state = try HostileStateDir()
        try state.dir.makeDirectory("state/agents/main/sessions")
        let sessions = state.state("agents/main/sessions")
        let folder = open(sessions, O_RDONLY | O_DIRECTORY)
        #expect(folder >= 0)
        for index in 0..<count {
            let fd = openat(folder, "s\(index).jsonl", O_WRONLY | O_CREAT | O_EXCL, 0o644)
            #expect(fd >= 0)
            fchmod(fd, 0o644)
            close(fd)
        }
        close(folder)

        // At full size the --fix output alone (one action per file, as the original's
        // shape has it) is over 200 MB.
        let memoryMiB = Self.fullSize ? 1024 : Self.smallInputMemoryMiB
        let fixMemoryMiB = Self.fullSize ? 2048 : Self.smallInputMemoryMiB
        let started = ContinuousClock.now
        let json = try state.audit(["--json"])
        let auditTime = ContinuousClock.now - started
        _ = Self.auditedCheckIDs(json, memoryMiB: memoryMiB)
        let detail = try #require(Self.finding(json, "fs.session_transcripts.perms_readable")?["detail"] as? String)
        #expect(detail.hasPrefix("\(count) session transcript(s) can be read by every local user"))
        #expect(detail.hasSuffix("- +\(count - 10) more"))

        // --fix tightens every one of them (the main agent is configured by default).
        let fixStarted = ContinuousClock.now
        let fix = try state.audit(["--fix", "--json"])
        let fixTime = ContinuousClock.now - fixStarted
        #expect(!fix.timedOut && fix.status == 0, "\(fix.stderr)")
        #expect(Self.withinBound(fix, fixMemoryMiB), "peak memory \(fix.maxRSSMiB) MiB")
        let reportAfterFix = fix.stdout.contains("\"report\"")
        let stillReadable = Self.finding(fix, "fs.session_transcripts.perms_readable") != nil
        #expect(reportAfterFix && !stillReadable)
        if Self.fullSize {
            print("\(count) session files: audit \(auditTime), peak \(json.maxRSSMiB) MiB; --fix \(fixTime), peak \(fix.maxRSSMiB) MiB")
        }
    }

    @Test func namesWithNewlinesAndEscapesNeverReachTheTerminalRaw() throws {
        let state = try HostileStateDir()
        let hostile = "x\u{1B}]0;pwned\u{07}\u{1B}[2J\r\nCRITICAL all clear\u{9B}31m"
        try state.dir.makeDirectory("state/agents/main/sessions")
        try state.write("agents/main/sessions/\(hostile).jsonl", "{}", mode: 0o644)
        try state.write("agents/\(hostile)/sessions/t.jsonl", "{}", mode: 0o644)
        try state.dir.makeDirectory("state/extensions/\(hostile)")
        try state.symlink("credentials", to: "credentials")
        // A skill that escapes its workspace, in a folder with the hostile name.
        try state.dir.write("outside/SKILL.md", "# elsewhere")
        try state.dir.makeDirectory("home/ws/skills/\(hostile)")
        try FileManager.default.createSymbolicLink(atPath: state.dir.url("home/ws/skills/\(hostile)/SKILL.md"), withDestinationPath: state.dir.url("outside/SKILL.md"))
        try state.write("openclaw.json", "{ agents: { defaults: { workspace: '\(state.dir.url("home/ws"))' } }, logging: { file: '\(state.dir.url("home"))/\\u001b[31m\\nlog', redactSensitive: 'off' } }")
        try state.dir.write("home/\u{1B}[31m\nlog", "", mode: 0o666)

        for arguments in [[], ["--fix", "--dry-run"]] {
            let text = try state.audit(arguments)
            #expect(!text.timedOut && text.status == 0, "\(text.stderr)")
            #expect(Self.rawControlCharacters(text.stdout) == [], "\(text.stdout)")
            // No line is forged by a name: the hostile text never starts a line.
            #expect(!text.stdout.split(separator: "\n").contains { $0.hasPrefix("CRITICAL all clear") }, "\(text.stdout)")
            #expect(text.stdout.contains("CRITICAL all clear"), "the finding names the file")
            #expect(text.stdout.contains("skills.workspace.symlink_escape"), "\(text.stdout)")
        }
        // JSON escapes what JSON must (C0 controls); it is one document, names included.
        let json = try state.audit(["--json"])
        _ = Self.auditedCheckIDs(json)
        #expect(Self.rawControlCharacters(json.stdout).allSatisfy { $0 >= 0x7F })
    }

    /// Errors and warnings on stderr quote config text: escapes in it are shown, not run.
    @Test func configTextInErrorsAndWarningsNeverReachesTheTerminalRaw() throws {
        let state = try HostileStateDir()
        try state.write("openclaw.json", "{ $include: './\\u001b]0;pwned\\u0007\\u001b[2J.json5' }")
        let error = try state.audit()
        Self.expectConfigError(error, "Failed to read include file: ./\\u{1b}]0;pwned\\u{7}\\u{1b}[2J.json5")
        #expect(Self.rawControlCharacters(error.stderr) == [])

        try state.write("openclaw.json", "{ '\\u001b[31mkey\\u009b': '${NOT_SET_ANYWHERE}' }")
        let warning = try state.audit()
        #expect(warning.status == 0)
        #expect(warning.stderr.contains("missing env var \"NOT_SET_ANYWHERE\""), "\(warning.stderr)")
        #expect(Self.rawControlCharacters(warning.stderr) == [], "\(warning.stderr)")
    }

    /// A name that is not UTF-8 still names a file: a world-readable transcript cannot
    /// hide behind one.
    @Test func aNameThatIsNotUTF8IsStillInspected() throws {
        let state = try HostileStateDir()
        try state.dir.makeDirectory("state/agents/main/sessions")
        let name = Array(state.state("agents/main/sessions/").utf8) + [0xFF, 0xFE] + Array(".jsonl".utf8) + [0]
        let fd = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644) }
        #expect(fd >= 0)
        fchmod(fd, 0o644)
        close(fd)
        // A skills folder whose name is not UTF-8 cannot be walked: the report says so
        // rather than passing over it.
        try state.dir.write("outside/SKILL.md", "# elsewhere")
        let folder = Array(state.dir.url("home/ws/skills/").utf8) + [0xC0]
        try state.dir.makeDirectory("home/ws/skills")
        #expect((folder + [0]).withUnsafeBufferPointer { mkdir(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 0o755) } == 0)
        let link = folder + Array("/SKILL.md".utf8) + [0]
        #expect(link.withUnsafeBufferPointer { Foundation.symlink(state.dir.url("outside/SKILL.md"), UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) } == 0)
        try state.write("openclaw.json", "{ agents: { defaults: { workspace: '\(state.dir.url("home/ws"))' } } }")

        let json = try state.audit(["--json"])
        let ids = Self.auditedCheckIDs(json)
        let transcripts = Self.finding(json, "fs.session_transcripts.perms_readable")
        #expect(transcripts?["severity"] as? String == "critical", "\(ids)")
        let gaps = Self.finding(json, "fs.inspection_incomplete")?["detail"] as? String
        #expect(gaps?.contains("home/ws/skills/\u{FFFD}: readdir: No such file or directory") == true, "\(ids) \(gaps ?? "")")
        let text = try state.audit()
        #expect(Self.rawControlCharacters(text.stdout) == [])
    }
}

extension FileFixture {
    static func size(_ path: String) -> Int? {
        var info = stat()
        return lstat(path, &info) == 0 ? Int(info.st_size) : nil
    }
}
