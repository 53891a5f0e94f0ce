/// Applies every `CodeSafetyRule` to one source file in a single pass over its bytes.
/// The rules are ASCII patterns, so the bytes are matched directly: no decoding, no
/// regular-expression engine, and one walk per file however many rules there are.
///
/// Where this deliberately differs from the original (both were its largest sources
/// of false positives):
/// - a file read or `process.env` access counts only with a network *call* (`fetch(`,
///   `.post(`, `http.request(`, `https.request(`) within `contextWindowLines` lines;
/// - `x.exec(` counts only when `x` is bound to `child_process` (`RegExp#exec` and
///   database `exec` are not shell execution); bare `exec(`, `spawn(`, `execSync(` and
///   the other names count as before, in files that mention `child_process`.
enum SourceScanner {
    static let evidenceLimit = 120

    static func scan(_ bytes: [UInt8]) -> [CodeSafetyHit] {
        bytes.withUnsafeBufferPointer { scan(buffer: $0) }
    }

    static func scan(buffer: UnsafeBufferPointer<UInt8>) -> [CodeSafetyHit] {
        var pass = Pass(bytes: buffer)
        pass.run()
        return pass.hits()
    }

    static func append(_ line: Int, to lines: inout [Int]) {
        if lines.last != line { lines.append(line) }
    }

    /// The call names the original treats as shell execution.
    static let execNames: Set<String> = ["exec", "execSync", "spawn", "spawnSync", "execFile", "execFileSync"]
    /// Receivers that are `child_process` by convention, whatever the imports say.
    static let conventionalChildProcessNames: Set<String> = ["cp", "childProcess", "child_process"]

    private struct Pass {
        let bytes: UnsafeBufferPointer<UInt8>
        var line = 0
        var lineStarts: [Int] = [0]

        var firstStrongExec: Int?
        var memberExecCandidates: [(line: Int, receiver: String)] = []
        var mentionsChildProcess = false
        var childProcessAliases: Set<String> = []
        var firstDynamicCode: Int?
        var firstCryptoMining: Int?
        var firstSuspiciousNetwork: Int?
        var suspiciousNetworkSettledLine = -1
        var firstHexRun: Int?
        var firstBase64Payload: Int?
        var fileReadLines: [Int] = []
        var environmentLines: [Int] = []
        var networkSendLines: [Int] = []

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func run() {
            var i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                switch byte {
                case 0x0A:
                    line += 1
                    lineStarts.append(i + 1)
                case UInt8(ascii: "e"):
                    matchCallName(at: i)
                case UInt8(ascii: "s"):
                    matchCallName(at: i)
                    matchCryptoMining(at: i)
                case UInt8(ascii: "S"), UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "C"):
                    matchCryptoMining(at: i)
                case UInt8(ascii: "c"):
                    matchCryptoMining(at: i)
                    if matches("child_process", at: i) { noteChildProcess(at: i) }
                case UInt8(ascii: "n"):
                    matchNew(at: i)
                case UInt8(ascii: "r"):
                    if matches("readFile", at: i) { SourceScanner.append(line, to: &fileReadLines) }
                case UInt8(ascii: "p"), UInt8(ascii: "P"):
                    if byte == UInt8(ascii: "p"), matches("process.env", at: i) { SourceScanner.append(line, to: &environmentLines) }
                    matchNetworkCall("post", at: i)
                case UInt8(ascii: "f"), UInt8(ascii: "F"):
                    matchNetworkCall("fetch", at: i)
                case UInt8(ascii: "h"), UInt8(ascii: "H"):
                    if matchesIgnoringCase("https.request", at: i) || matchesIgnoringCase("http.request", at: i) {
                        let length = matchesIgnoringCase("https.request", at: i) ? 13 : 12
                        if byteAfterWhitespace(i + length, crossingLines: true) == UInt8(ascii: "(") {
                            SourceScanner.append(line, to: &networkSendLines)
                        }
                    }
                case UInt8(ascii: "\\"):
                    if firstHexRun == nil, hexRunLength(at: i) >= 6 { firstHexRun = line }
                case UInt8(ascii: "a"):
                    if firstBase64Payload == nil, matches("atob", at: i) { matchBase64Payload(after: i + 4) }
                case UInt8(ascii: "B"):
                    if firstBase64Payload == nil, matches("Buffer.from", at: i) { matchBase64Payload(after: i + 11) }
                default:
                    break
                }
                i += 1
            }
        }

        // MARK: byte helpers

        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
        }

        func startsWord(_ i: Int) -> Bool { i == 0 || !isWordByte(bytes[i - 1]) }

        func wordEnd(from i: Int) -> Int {
            var j = i
            while j < bytes.count, isWordByte(bytes[j]) { j += 1 }
            return j
        }

        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        func matches(_ literal: StaticString, at i: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard i + count <= bytes.count else { return false }
            let pointer = literal.utf8Start
            for k in 0..<count where bytes[i + k] != pointer[k] { return false }
            return true
        }

        func matchesIgnoringCase(_ literal: StaticString, at i: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard i + count <= bytes.count else { return false }
            let pointer = literal.utf8Start
            for k in 0..<count {
                var byte = bytes[i + k]
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                if byte != pointer[k] { return false }
            }
            return true
        }

        /// JavaScript's `\s` restricted to ASCII; a per-line rule must not cross lines.
        func isSpace(_ byte: UInt8, crossingLines: Bool) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C || (crossingLines && byte == 0x0A)
        }

        func skipSpace(_ i: Int, crossingLines: Bool) -> Int {
            var j = i
            while j < bytes.count, isSpace(bytes[j], crossingLines: crossingLines) { j += 1 }
            return j
        }

        func byteAfterWhitespace(_ i: Int, crossingLines: Bool) -> UInt8? {
            let j = skipSpace(i, crossingLines: crossingLines)
            return j < bytes.count ? bytes[j] : nil
        }


        // MARK: rules

        /// `\b(exec|execSync|spawn|spawnSync|execFile|execFileSync)\s*\(` and `\beval\s*\(`.
        mutating func matchCallName(at i: Int) {
            guard startsWord(i) else { return }
            let end = wordEnd(from: i)
            let length = end - i
            guard length >= 4, length <= 12 else { return }
            let name = string(i..<end)
            let isEval = name == "eval"
            guard isEval || SourceScanner.execNames.contains(name) else { return }
            guard byteAfterWhitespace(end, crossingLines: false) == UInt8(ascii: "(") else { return }
            if isEval {
                if firstDynamicCode == nil { firstDynamicCode = line }
                return
            }
            if name == "exec", i > 0, bytes[i - 1] == UInt8(ascii: ".") {
                var start = i - 1
                while start > 0, isWordByte(bytes[start - 1]) { start -= 1 }
                var receiver = string(start..<(i - 1))
                // `require("child_process").exec(...)`: the module itself is the receiver.
                if receiver.isEmpty, i >= 2, bytes[i - 2] == UInt8(ascii: ")") {
                    let lookBack = max(lineStarts[line], i - 40)
                    if string(lookBack..<(i - 1)).contains("child_process") { receiver = "child_process" }
                }
                if memberExecCandidates.count < 256 { memberExecCandidates.append((line, receiver)) }
                return
            }
            if firstStrongExec == nil { firstStrongExec = line }
        }

        /// `new\s+Function\s*\(` and `new\s+WebSocket\s*\(\s*["']wss?://[^"']*:(\d+)`.
        mutating func matchNew(at i: Int) {
            guard matches("new", at: i) else { return }
            let afterNew = i + 3
            let nameStart = skipSpace(afterNew, crossingLines: false)
            guard nameStart > afterNew else { return }
            if matches("Function", at: nameStart) {
                if firstDynamicCode == nil,
                   byteAfterWhitespace(nameStart + 8, crossingLines: false) == UInt8(ascii: "(") {
                    firstDynamicCode = line
                }
                return
            }
            guard firstSuspiciousNetwork == nil, suspiciousNetworkSettledLine != line,
                  matches("WebSocket", at: nameStart) else { return }
            var j = skipSpace(nameStart + 9, crossingLines: false)
            guard j < bytes.count, bytes[j] == UInt8(ascii: "(") else { return }
            j = skipSpace(j + 1, crossingLines: false)
            guard j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") else { return }
            j += 1
            if matches("wss://", at: j) { j += 6 } else if matches("ws://", at: j) { j += 5 } else { return }
            var end = j
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "'"), bytes[end] != 0x0A {
                end += 1
            }
            // The greedy `[^"']*` backtracks to the last colon that a digit follows.
            var colon = end - 1
            while colon >= j {
                if bytes[colon] == UInt8(ascii: ":"), colon + 1 < end, bytes[colon + 1] >= 0x30, bytes[colon + 1] <= 0x39 { break }
                colon -= 1
            }
            guard colon >= j else { return }
            var port = 0
            var k = colon + 1
            while k < end, bytes[k] >= 0x30, bytes[k] <= 0x39, port < 1_000_000 {
                port = port * 10 + Int(bytes[k] - 0x30)
                k += 1
            }
            // The original tests only the first match of a line.
            suspiciousNetworkSettledLine = line
            if !CodeSafetyRule.standardPorts.contains(port) { firstSuspiciousNetwork = line }
        }

        /// `stratum+tcp|stratum+ssl|coinhive|cryptonight|xmrig`, any case.
        mutating func matchCryptoMining(at i: Int) {
            guard firstCryptoMining == nil else { return }
            if matchesIgnoringCase("stratum+tcp", at: i) || matchesIgnoringCase("stratum+ssl", at: i)
                || matchesIgnoringCase("coinhive", at: i) || matchesIgnoringCase("cryptonight", at: i)
                || matchesIgnoringCase("xmrig", at: i) {
                firstCryptoMining = line
            }
        }

        /// `\bfetch\s*\(` / `\bpost\s*\(`, any case, the call possibly on the next line.
        mutating func matchNetworkCall(_ name: StaticString, at i: Int) {
            guard startsWord(i), matchesIgnoringCase(name, at: i) else { return }
            let end = i + name.utf8CodeUnitCount
            guard byteAfterWhitespace(end, crossingLines: true) == UInt8(ascii: "(") else { return }
            SourceScanner.append(line, to: &networkSendLines)
        }

        /// `(\\x[0-9a-fA-F]{2})+` starting here: how many escapes in a row.
        func hexRunLength(at i: Int) -> Int {
            var run = 0
            var j = i
            while j + 3 < bytes.count, bytes[j] == UInt8(ascii: "\\"), bytes[j + 1] == UInt8(ascii: "x"),
                  isHex(bytes[j + 2]), isHex(bytes[j + 3]) {
                run += 1
                j += 4
            }
            return run
        }

        func isHex(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
        }

        /// `\s*\(\s*["'][A-Za-z0-9+/=]{200,}["']` after `atob` / `Buffer.from`.
        mutating func matchBase64Payload(after i: Int) {
            var j = skipSpace(i, crossingLines: true)
            guard j < bytes.count, bytes[j] == UInt8(ascii: "(") else { return }
            j = skipSpace(j + 1, crossingLines: true)
            guard j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") else { return }
            j += 1
            let start = j
            while j < bytes.count, isBase64(bytes[j]) { j += 1 }
            guard j - start >= 200, j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") else { return }
            firstBase64Payload = line
        }

        func isBase64(_ byte: UInt8) -> Bool {
            isWordByte(byte) && byte != UInt8(ascii: "_") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
        }

        /// Records that the file names `child_process`, and the name it is bound to on
        /// this line (`const cp = require(...)`, `import cp from`, `import * as cp from`).
        mutating func noteChildProcess(at i: Int) {
            mentionsChildProcess = true
            let lineStart = lineStarts[line]
            let words = identifiers(in: lineStart..<i)
            if let require = words.lastIndex(of: "require"), require >= 2,
               ["const", "let", "var"].contains(words[require - 2]) {
                childProcessAliases.insert(words[require - 1])
            } else if words.first == "import" {
                if words.count >= 4, words[1] == "as" {
                    childProcessAliases.insert(words[2])
                } else if words.count >= 3, words[2] == "from" {
                    childProcessAliases.insert(words[1])
                }
            }
        }

        func identifiers(in range: Range<Int>) -> [String] {
            var result: [String] = []
            var j = range.lowerBound
            while j < range.upperBound {
                if isWordByte(bytes[j]) {
                    let end = min(wordEnd(from: j), range.upperBound)
                    result.append(string(j..<end))
                    j = end
                } else {
                    j += 1
                }
            }
            return result
        }

        // MARK: results

        func evidence(forLine index: Int) -> String {
            let start = lineStarts[index]
            var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
            end = max(start, end)
            let text = string(start..<end).trimmingWhitespace
            guard text.count > SourceScanner.evidenceLimit else { return text }
            return String(text.prefix(SourceScanner.evidenceLimit)) + "…"
        }

        /// The first of `lines` with a network send at most `contextWindowLines` away.
        func firstLineNearNetworkSend(_ lines: [Int]) -> Int? {
            guard !networkSendLines.isEmpty else { return nil }
            let window = CodeSafetyRule.contextWindowLines
            var sendIndex = 0
            for candidate in lines {
                while sendIndex < networkSendLines.count, networkSendLines[sendIndex] < candidate - window {
                    sendIndex += 1
                }
                if sendIndex < networkSendLines.count, networkSendLines[sendIndex] <= candidate + window {
                    return candidate
                }
            }
            return nil
        }

        func hits() -> [CodeSafetyHit] {
            var found: [(CodeSafetyRule, Int)] = []
            if mentionsChildProcess {
                let receivers = childProcessAliases.union(SourceScanner.conventionalChildProcessNames)
                let member = memberExecCandidates.first { receivers.contains($0.receiver) }?.line
                if let line = [firstStrongExec, member].compactMap({ $0 }).min() {
                    found.append((.dangerousExec, line))
                }
            }
            if let line = firstDynamicCode { found.append((.dynamicCodeExecution, line)) }
            if let line = firstCryptoMining { found.append((.cryptoMining, line)) }
            if let line = firstSuspiciousNetwork { found.append((.suspiciousNetwork, line)) }
            if let line = firstLineNearNetworkSend(fileReadLines) { found.append((.potentialExfiltration, line)) }
            if let line = firstHexRun { found.append((.obfuscatedHex, line)) }
            if let line = firstBase64Payload { found.append((.obfuscatedBase64, line)) }
            if let line = firstLineNearNetworkSend(environmentLines) { found.append((.environmentHarvesting, line)) }
            return found.map { CodeSafetyHit(rule: $0.0, line: $0.1 + 1, evidence: evidence(forLine: $0.1)) }
        }
    }
}
