/// `skills.markdown_sensitive_network`: a SKILL.md that asks the
/// model for secrets as ordinary parameters, in a skill whose code sends data out.
enum SkillMarkdownAnalysis {
    static let maxLines = 4
    static let evidenceLimit = 180
    static let maxMarkdownBytes = 1024 * 1024

    /// The sensitive parameter lines of `SKILL.md` (all of them; texts list the first
    /// four).
    static func sensitiveParameterLines(_ markdown: String) -> [SensitiveNetworkEvidence.Line] {
        var result: [SensitiveNetworkEvidence.Line] = []
        var inFence = false
        for (index, rawLine) in splitLines(markdown).enumerated() {
            let trimmed = rawLine.trimmingWhitespace
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                continue
            }
            if inFence || !mentionsSensitiveValue(rawLine) || !isParameterLine(trimmed) { continue }
            result.append(.init(path: "SKILL.md", line: index + 1, text: String(trimmed.prefix(evidenceLimit))))
        }
        return result
    }

    /// Lines split on `\r?\n`.
    static func splitLines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
    }

    static let sensitiveWords: [String] = [
        "api_key", "api-key", "apikey", "authorization", "auth", "bearer", "credentials", "credential",
        "cookie", "oauth", "passphrase", "password", "passwd", "private_key", "private-key", "privatekey",
        "process.env", "secret", "session_cookie", "session-cookie", "session cookie", "sessioncookie", "token",
    ]

    /// The word-bounded, case-insensitive `SENSITIVE` pattern.
    static func mentionsSensitiveValue<S: StringProtocol>(_ line: S) -> Bool {
        let bytes = Array(line.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func isWord(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
        }
        for start in bytes.indices where start == 0 || !isWord(bytes[start - 1]) {
            for word in sensitiveWords {
                let utf8 = Array(word.utf8)
                let end = start + utf8.count
                guard end <= bytes.count, bytes[start..<end].elementsEqual(utf8) else { continue }
                if end == bytes.count || !isWord(bytes[end]) { return true }
            }
        }
        return false
    }

    /// A table row with at least two cells (not a separator row), or a list item or
    /// line shaped `name: description` / `` `name` - description ``.
    static func isParameterLine(_ trimmed: String) -> Bool {
        guard !trimmed.isEmpty else { return false }
        if trimmed.hasPrefix("|") {
            let cells = trimmed.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
            let isSeparator = !cells.isEmpty && cells.allSatisfy(isSeparatorCell)
            return !isSeparator && cells.count >= 2
        }
        let scalars = Array(trimmed.unicodeScalars)
        var starts = [0]
        if let marker = listMarkerEnd(scalars) { starts.insert(marker, at: 0) }
        return starts.contains { namedDescription(scalars, from: $0) }
    }

    static func isSeparatorCell(_ cell: String) -> Bool {
        var body = Substring(cell)
        if body.hasPrefix(":") { body = body.dropFirst() }
        if body.hasSuffix(":") { body = body.dropLast() }
        return body.count >= 3 && body.allSatisfy { $0 == "-" }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.isJavaScriptWhitespace }

    /// `[-*+]\s+` or `\d+[.)]\s+`: where the text after the marker starts.
    static func listMarkerEnd(_ s: [Unicode.Scalar]) -> Int? {
        var i = 0
        if let first = s.first, first == "-" || first == "*" || first == "+" {
            i = 1
        } else {
            while i < s.count, ("0"..."9").contains(s[i]) { i += 1 }
            guard i > 0, i < s.count, s[i] == "." || s[i] == ")" else { return nil }
            i += 1
        }
        let afterMarker = i
        while i < s.count, isSpace(s[i]) { i += 1 }
        return i > afterMarker ? i : nil
    }

    /// `` (?:`[^`]{1,80}`|[A-Za-z][A-Za-z0-9_.-]{0,79})\s*(?::|-)\s+\S `` at `start`,
    /// trying every name length as the regular expression backtracks.
    static func namedDescription(_ s: [Unicode.Scalar], from start: Int) -> Bool {
        guard start < s.count else { return false }
        var nameEnds: [Int] = []
        if s[start] == "`" {
            var j = start + 1
            while j < s.count, s[j] != "`", j - start <= 80 { j += 1 }
            if j < s.count, s[j] == "`", j > start + 1, j - start - 1 <= 80 { nameEnds.append(j + 1) }
        } else if s[start].isASCIILetter {
            var j = start + 1
            while j < s.count, j - start < 80, s[j].isASCIILetter || ("0"..."9").contains(s[j])
                || s[j] == "_" || s[j] == "." || s[j] == "-" {
                j += 1
            }
            nameEnds = Array((start + 1...j).reversed())
        }
        for end in nameEnds {
            var k = end
            while k < s.count, isSpace(s[k]) { k += 1 }
            guard k < s.count, s[k] == ":" || s[k] == "-" else { continue }
            k += 1
            let afterSeparator = k
            while k < s.count, isSpace(s[k]) { k += 1 }
            if k > afterSeparator, k < s.count { return true }
        }
        return false
    }

    /// Source text with `//` and `/* */` comments removed, strings kept, line count
    /// unchanged.
    static func strippingComments(_ source: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(source.count)
        var i = 0
        var quote: UInt8?
        while i < source.count {
            let byte = source[i]
            if let open = quote {
                out.append(byte)
                if byte == UInt8(ascii: "\\"), i + 1 < source.count {
                    out.append(source[i + 1])
                    i += 2
                    continue
                }
                if byte == open { quote = nil }
                i += 1
                continue
            }
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "`") {
                quote = byte
                out.append(byte)
                i += 1
                continue
            }
            if byte == UInt8(ascii: "/"), i + 1 < source.count, source[i + 1] == UInt8(ascii: "/") {
                while i < source.count, source[i] != 0x0A { i += 1 }
                continue
            }
            if byte == UInt8(ascii: "/"), i + 1 < source.count, source[i + 1] == UInt8(ascii: "*") {
                i += 2
                while i < source.count, !(source[i] == UInt8(ascii: "*") && i + 1 < source.count && source[i + 1] == UInt8(ascii: "/")) {
                    if source[i] == 0x0A { out.append(0x0A) }
                    i += 1
                }
                i += 2
                continue
            }
            out.append(byte)
            i += 1
        }
        return out
    }

    /// The `SEND` pattern on one comment-free line (case-insensitive).
    static func sendsOverNetwork(_ line: [UInt8]) -> Bool {
        let lower = line.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func isWord(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C }
        func callFollows(_ index: Int) -> Bool {
            var j = index
            while j < lower.count, isSpace(lower[j]) { j += 1 }
            return j < lower.count && lower[j] == UInt8(ascii: "(")
        }
        func word(_ text: String, at i: Int) -> Int? {
            let utf8 = Array(text.utf8)
            guard i + utf8.count <= lower.count, lower[i..<(i + utf8.count)].elementsEqual(utf8) else { return nil }
            return i + utf8.count
        }
        for i in lower.indices {
            let boundary = i == 0 || !isWord(lower[i - 1])
            if boundary {
                for name in ["fetch", "http.request", "https.request", "axios", "got", "ky"] {
                    if let end = word(name, at: i), callFollows(end) {
                        return true
                    }
                }
            }
            if lower[i] == UInt8(ascii: ".") {
                var j = i + 1
                while j < lower.count, isSpace(lower[j]) { j += 1 }
                for name in ["post", "put", "patch", "request"] {
                    if let end = word(name, at: j), callFollows(end) { return true }
                }
            }
            if let afterNew = word("new", at: i), afterNew < lower.count, isSpace(lower[afterNew]) {
                var j = afterNew
                while j < lower.count, isSpace(lower[j]) { j += 1 }
                if let end = word("websocket", at: j), callFollows(end) { return true }
            }
        }
        return false
    }

    /// The first network-sending line of a file, or nil.
    static func firstNetworkSend(in source: [UInt8]) -> (line: Int, text: String)? {
        let stripped = strippingComments(source)
        let strippedLines = stripped.split(separator: 0x0A, omittingEmptySubsequences: false)
        let originalLines = source.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (index, line) in strippedLines.enumerated() where sendsOverNetwork(Array(line)) {
            let original = index < originalLines.count ? String(decoding: originalLines[index], as: UTF8.self) : ""
            return (index + 1, String(original.trimmingWhitespace.prefix(evidenceLimit)))
        }
        return nil
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
