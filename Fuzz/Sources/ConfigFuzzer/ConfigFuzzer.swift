#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JSON5
import SecurityAudit

// libFuzzer entry point. One input is up to eight files separated by NUL bytes (a byte
// that cannot occur in valid JSON5 text): the first is `openclaw.json`, the next six are
// `inc1.json5` ... `inc6.json5` beside it, so `$include` chains, cycles and merges are
// reachable, and the eighth is the state dir's `.env`, whose variables feed `${VAR}`
// expansion (a short variable referenced many times reaches the expansion budget). Every
// input goes through:
//
// 1. the JSON5 parser on the raw bytes of each part; for a parsed tree, every string
//    survives `JSON5.quote` and a parse back; the dotenv parser on the last part;
// 2. the dotenv loader, `${VAR}` expansion, the config loader and the whole audit
//    (`AuditPreparation` with the file facts, every check, the text and JSON reporters) on
//    a real state dir holding the files;
// 3. `--fix --dry-run` (planner, byte editor, unified diff, permission plan).
//
// Besides crashes, sanitizer reports, leaks and timeouts, the target traps on a broken
// promise: text output with a raw control character, JSON output that does not parse,
// or a dry run that changed a file.

private let separator: UInt8 = 0
private let maxParts = 8
/// The index of the part written as `<stateDir>/.env`.
private let dotEnvPart = maxParts - 1

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    var parts = bytes.split(separator: separator, maxSplits: maxParts - 1, omittingEmptySubsequences: false).map(Array.init)
    if parts.isEmpty { parts = [[]] }
    for part in parts.prefix(dotEnvPart) { checkParser(part) }
    if parts.count > dotEnvPart { checkDotEnvParser(parts[dotEnvPart]) }
    FuzzStateDir.shared.audit(parts)
    return 0
}

private func checkParser(_ bytes: [UInt8]) {
    guard let tree = try? JSON5.parse(bytes: bytes, file: "fuzz.json5") else { return }
    forEachString(in: tree) { string in
        let quoted = JSON5.quote(string)
        guard let back = try? JSON5.parse(quoted), back.asString == string else {
            fail("JSON5.quote did not round-trip \(Array(string.unicodeScalars.map(\.value)))")
        }
    }
}

/// Every name the dotenv parser returns is one dotenv accepts (`[A-Za-z_][A-Za-z0-9_.-]*`),
/// so a line such as `A B=1` or `=x` never defines a variable.
private func checkDotEnvParser(_ bytes: [UInt8]) {
    func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || byte == UInt8(ascii: "_")
    }
    for (key, _) in DotEnv.parse(String(decoding: bytes, as: UTF8.self)) {
        let name = Array(key.utf8)
        let valid = name.first.map(isNameByte) == true && name.allSatisfy {
            isNameByte($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
        }
        if !valid { fail("dotenv returned a name it must not accept: \(name)") }
    }
}

private func forEachString(in root: JSON5Node, _ body: (String) -> Void) {
    var stack = [root]
    while let node = stack.popLast() {
        switch node.value {
        case .string(let string): body(string)
        case .array(let elements): stack += elements
        case .object(let members):
            for member in members {
                body(member.key)
                stack.append(member.value)
            }
        default: break
        }
    }
}

private func fail(_ message: String) -> Never {
    let bytes = Array("ConfigFuzzer: \(message)\n".utf8)
    _ = bytes.withUnsafeBytes { systemWrite(2, $0.baseAddress, $0.count) }
    abort()
}

/// One state dir per process, rewritten for every input.
private final class FuzzStateDir: @unchecked Sendable {
    static let shared = FuzzStateDir()

    let root: String
    let home: String
    let stateDir: String
    let environment: [String: String]

    private init() {
        let base = getenv("FUZZ_TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(base)/openclaw-fuzz.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { fail("mkdtemp failed in \(base)") }
        root = String(cString: made)
        home = root + "/home"
        stateDir = root + "/state"
        mkdir(home, 0o755)
        mkdir(stateDir, 0o700)
        environment = [
            "HOME": home, "OPENCLAW_STATE_DIR": stateDir, "TOKEN": "0123456789abcdef0123456789abcdef",
            "EMPTY": "", "PORT": "18789",
        ]
    }

    func fileName(_ index: Int) -> String {
        switch index {
        case 0: "openclaw.json"
        case dotEnvPart: ".env"
        default: "inc\(index).json5"
        }
    }

    func audit(_ parts: [[UInt8]]) {
        for index in 0..<maxParts {
            let path = stateDir + "/" + fileName(index)
            unlink(path)
            if index < parts.count { write(parts[index], to: path) }
        }
        let request = AuditRequest(
            environment: environment, cwd: root, systemHome: home, loadDotEnv: true)
        var confined = request
        confined.fileSystem = ConfinedFileSystem(root: root)

        var report = AuditReport(timestamp: 0, findings: [])
        if let context = try? AuditPreparation.prepare(confined) {
            report = Auditor.run(context, timestamp: 0)
            let json = JSONReporter().render(report)
            guard (try? JSON5.parse(json)) != nil else { fail("JSON report does not parse:\n\(json)") }
        }

        // A config that does not load is refused before anything is planned.
        if let result = try? SecurityFixer.run(request, dryRun: true) {
            let block = FixTextBlock(result: result, homeDir: home, environment: environment)
            let text = TextReporter(colors: false, profile: nil, fixBlock: block).render(report)
            checkNoControlCharacters(text, what: "text report")
        }
        for index in 0..<parts.count where read(stateDir + "/" + fileName(index)) != parts[index] {
            fail("--fix --dry-run changed \(fileName(index))")
        }
    }

    private func write(_ bytes: [UInt8], to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { fail("cannot create \(path)") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + offset, $0.count - offset) }
            guard written > 0 else { fail("cannot write \(path)") }
            offset += written
        }
    }

    private func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return bytes
    }
}

/// Raw control characters other than the newline must never reach a terminal.
private func checkNoControlCharacters(_ text: String, what: String) {
    for scalar in text.unicodeScalars where scalar != "\n" {
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
            fail("\(what) holds raw control character U+\(String(scalar.value, radix: 16)):\n\(text)")
        }
    }
}

/// The real file system, but nothing outside the fuzz dir exists: a config naming `/` as a
/// workspace would otherwise walk the machine, which is slow, not a bug.
private struct ConfinedFileSystem: FileSystemAccess {
    let root: String
    let real = POSIXFileSystem()

    func inside(_ path: String) -> Bool { path == root || path.hasPrefix(root + "/") }
    func outside(_ operation: String) -> FileSystemError { FileSystemError(operation: operation, code: ENOENT) }

    func lstat(_ path: String) -> Result<FileStatus, FileSystemError> {
        inside(path) ? real.lstat(path) : .failure(outside("lstat"))
    }

    func stat(_ path: String) -> Result<FileStatus, FileSystemError> {
        inside(path) ? real.stat(path) : .failure(outside("stat"))
    }

    func listDirectory(_ path: String) -> Result<[DirectoryEntry], FileSystemError> {
        inside(path) ? real.listDirectory(path) : .failure(outside("readdir"))
    }

    func realpath(_ path: String) -> Result<String, FileSystemError> {
        guard inside(path) else { return .failure(outside("realpath")) }
        return real.realpath(path).flatMap { inside($0) ? .success($0) : .failure(outside("realpath")) }
    }

    func readlink(_ path: String) -> Result<String, FileSystemError> {
        inside(path) ? real.readlink(path) : .failure(outside("readlink"))
    }

    func readFile(_ path: String, limit: Int) -> Result<[UInt8], FileSystemError> {
        inside(path) ? real.readFile(path, limit: limit) : .failure(outside("open"))
    }

    var effectiveUID: UInt32 { real.effectiveUID }
    func userName(of uid: UInt32) -> String? { real.userName(of: uid) }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
