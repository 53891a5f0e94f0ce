/// Generic assignments of a secret to a name: `DB_PASSWORD=…`, `"client_secret": "…"`,
/// `apiKey: '…'`, `--token …`, in env files, JSON (raw or escaped inside a transcript's
/// JSON string), YAML, TOML and command lines. The name must end in a secret word
/// (`key` only with a qualifier such as `api` or `private`, or in an env-style name), and
/// the value must look random: long enough, mixed characters, entropy above a threshold,
/// and no reference, expression, path or stand-in.
enum SecretAssignmentDetector {
    enum Keyword {
        case key, token, secret, password, pwd
    }

    static let maxNameLength = 64
    static let maxValueLength = 512
    static let minimumValueLength = 8
    /// Bits per character; a random value of 8 distinct characters has 3.
    static let minimumEntropy = 3.0

    /// Words before `key` that make it a credential (`apiKey`, `PRIVATE_KEY`,
    /// `secret_access_key`); `sessionKey`, `cacheKey`, `publicKey` are not.
    static let keyQualifiers: [String] = [
        "api", "access", "secret", "private", "auth", "client", "app", "master", "encryption",
        "signing", "license", "webhook", "service", "account", "admin", "bot", "deploy",
        "consumer", "server", "subscription", "integration", "xapi", "sk",
    ]
    /// Words before `token` that name something other than a credential.
    static let tokenExclusions: [String] = [
        "max", "total", "input", "output", "cache", "page", "next", "prev", "previous", "cursor",
        "continuation", "sync", "cancel", "cancellation", "resume", "num", "csrf", "xsrf",
    ]
    /// Words before `key`/`secret` in an env-style name that make it public.
    static let publicMarkers: [String] = ["public", "pub", "publishable"]

    // MARK: - Keyword at the anchor

    /// The keyword whose letters include the anchor pair, with its range.
    static func keyword(_ w: ScanWindow, anchor: Int) -> (Keyword, Range<Int>)? {
        let first = ASCII.lowercased(w[anchor]), second = ASCII.lowercased(w[anchor + 1])
        switch (first, second) {
        case (UInt8(ascii: "k"), UInt8(ascii: "e")):
            if w.hasPrefixIgnoringCase("token", at: anchor - 2) { return (.token, (anchor - 2)..<(anchor + 3)) }
            if ASCII.lowercased(w[anchor + 2]) == UInt8(ascii: "y") { return (.key, anchor..<(anchor + 3)) }
        case (UInt8(ascii: "c"), UInt8(ascii: "r")):
            if w.hasPrefixIgnoringCase("secret", at: anchor - 2) { return (.secret, (anchor - 2)..<(anchor + 4)) }
        case (UInt8(ascii: "s"), UInt8(ascii: "w")):
            guard w.hasPrefixIgnoringCase("passw", at: anchor - 3) else { return nil }
            if w.hasPrefixIgnoringCase("ord", at: anchor + 2) { return (.password, (anchor - 3)..<(anchor + 5)) }
            if ASCII.lowercased(w[anchor + 2]) == UInt8(ascii: "d") { return (.password, (anchor - 3)..<(anchor + 3)) }
        case (UInt8(ascii: "p"), UInt8(ascii: "w")):
            if ASCII.lowercased(w[anchor + 2]) == UInt8(ascii: "d") { return (.pwd, anchor..<(anchor + 3)) }
        default:
            break
        }
        return nil
    }

    // MARK: - Match

    static func match(_ w: ScanWindow, anchor: Int) -> SecretMatch? {
        guard let (keyword, keywordRange) = keyword(w, anchor: anchor) else { return nil }
        let isNameCharacter = { (b: UInt8) in
            ASCII.isAlphanumeric(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
        }
        var nameStart = w.runStart(endingAt: keywordRange.lowerBound, limit: maxNameLength, isNameCharacter)
        guard !isNameCharacter(w[nameStart - 1]) else {
            return nil  // longer than any name
        }
        // `\nDB_PASSWORD=`: the `n` of the escape is not part of the name.
        if w.isEscapeLetter(at: nameStart) { nameStart += 1 }
        let nameEnd = w.runEnd(from: keywordRange.upperBound, limit: maxNameLength, isNameCharacter)
        guard nameEnd - nameStart <= maxNameLength else { return nil }
        var flagStart = nameStart
        while w[flagStart] == UInt8(ascii: "-") { flagStart += 1 }
        let isFlag = flagStart - nameStart == 2
        // Most keywords are words in prose: the missing operator rules them out before
        // any name rule runs.
        guard let value = assignedValue(w, after: nameEnd, isFlag: isFlag),
              acceptsName(w, keyword: keyword, name: flagStart..<nameEnd, keywordRange: keywordRange)
        else { return nil }
        guard acceptsValue(w.bytes(value)) else { return nil }
        return SecretMatch(
            kind: .assignment, valueStart: value.lowerBound, valueEnd: value.upperBound, anchor: anchor,
            nameRange: flagStart..<nameEnd)
    }

    // MARK: - Name

    static func acceptsName(_ w: ScanWindow, keyword: Keyword, name: Range<Int>, keywordRange: Range<Int>) -> Bool {
        let prefix = CompactName(w, name.lowerBound..<keywordRange.lowerBound)
        let suffix = CompactName(w, keywordRange.upperBound..<name.upperBound)
        switch keyword {
        case .key:
            guard suffix.isEmpty, !publicMarkers.contains(where: prefix.hasSuffix) else { return false }
            return isEnvStyle(w, name) || keyQualifiers.contains(where: prefix.hasSuffix)
        case .token:
            return suffix.isEmpty && !tokenExclusions.contains(where: prefix.hasSuffix)
        case .secret:
            guard suffix.isEmpty || suffix.equals("key") || suffix.equals("accesskey") else { return false }
            return !publicMarkers.contains(where: prefix.hasSuffix)
        case .password:
            return suffix.isEmpty
        case .pwd:
            // `OLDPWD` is the shell's previous directory.
            return suffix.isEmpty && !prefix.hasSuffix("old")
        }
    }

    /// Whether a whole name (a config key such as `apiKey` or `botToken`) names a secret
    /// by the same rule as a name in an assignment.
    static func isSecretName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= maxNameLength else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            let w = ScanWindow(base: buffer.baseAddress!, count: buffer.count)
            return (0..<bytes.count).contains { anchor in
                guard let (keyword, range) = keyword(w, anchor: anchor) else { return false }
                return acceptsName(w, keyword: keyword, name: 0..<bytes.count, keywordRange: range)
            }
        }
    }

    /// `DB_PASSWORD`, `OPENAI_API_KEY`: no lowercase letter.
    static func isEnvStyle(_ w: ScanWindow, _ name: Range<Int>) -> Bool {
        !name.contains { ASCII.isLower(w[$0]) }
    }

    /// A part of a name compared lowercased and without `_`, `-` and `.`, so `API_KEY`,
    /// `apiKey` and `api-key` agree; read in place, without copying.
    struct CompactName {
        let w: ScanWindow
        let range: Range<Int>

        init(_ w: ScanWindow, _ range: Range<Int>) {
            self.w = w
            self.range = range
        }

        var isEmpty: Bool { !range.contains { ASCII.isAlphanumeric(w[$0]) } }

        /// Whether the compact form ends with `word` (lowercase letters).
        func hasSuffix(_ word: String) -> Bool {
            var index = range.upperBound
            for letter in word.utf8.reversed() {
                repeat { index -= 1 } while index >= range.lowerBound && !ASCII.isAlphanumeric(w[index])
                guard index >= range.lowerBound, ASCII.lowercased(w[index]) == letter else { return false }
            }
            return true
        }

        func equals(_ word: String) -> Bool {
            hasSuffix(word) && CompactName(w, range.lowerBound..<lastLetters(word.utf8.count)).isEmpty
        }

        /// The start of the last `count` alphanumerics.
        private func lastLetters(_ count: Int) -> Int {
            var index = range.upperBound, seen = 0
            while index > range.lowerBound, seen < count {
                index -= 1
                if ASCII.isAlphanumeric(w[index]) { seen += 1 }
            }
            return index
        }
    }

    // MARK: - Value

    /// The value after `name` and an assignment operator (`=`, `:`, `:=`, `=>`; for a
    /// `--flag` also a space), quoted (`"`, `'`, backtick, or JSON-escaped `\"`) or bare.
    static func assignedValue(_ w: ScanWindow, after nameEnd: Int, isFlag: Bool) -> Range<Int>? {
        var index = nameEnd
        // The name's closing quote, raw or escaped.
        if w[index] == UInt8(ascii: "\\"), w[index + 1] == UInt8(ascii: "\"") {
            index += 2
        } else if w[index] == UInt8(ascii: "\"") || w[index] == UInt8(ascii: "'") {
            index += 1
        }
        index = skipBlanks(w, from: index)
        var sawOperator = false
        if w[index] == UInt8(ascii: ":") || w[index] == UInt8(ascii: "=") {
            sawOperator = true
            index += 1
            if w[index] == UInt8(ascii: "=") || w[index] == UInt8(ascii: ">") { index += 1 }
        }
        guard sawOperator || (isFlag && index > nameEnd) else { return nil }
        index = skipBlanks(w, from: index)

        var closing: [UInt8] = []
        if w[index] == UInt8(ascii: "\\"), w[index + 1] == UInt8(ascii: "\"") {
            closing = [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
        } else if w[index] == UInt8(ascii: "\"") || w[index] == UInt8(ascii: "'") || w[index] == UInt8(ascii: "`") {
            closing = [w[index]]
        }
        let start = index + closing.count
        let end: Int
        if closing.isEmpty {
            end = w.runEnd(from: start, limit: maxValueLength + 1, isBareValueCharacter)
        } else {
            end = w.runEnd(from: start, limit: maxValueLength + 1) { ASCII.isVisible($0) && $0 != closing[0] }
            // A quoted value must close where it stops: no spaces or line breaks inside.
            for (offset, byte) in closing.enumerated() where w[end + offset] != byte { return nil }
        }
        let length = end - start
        guard length >= minimumValueLength, length <= maxValueLength else { return nil }
        return start..<end
    }

    private static func skipBlanks(_ w: ScanWindow, from start: Int) -> Int {
        w.runEnd(from: start, limit: 8) { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// A bare value stops at a quote, separator, bracket, escape or query-string `&`.
    static func isBareValueCharacter(_ b: UInt8) -> Bool {
        guard ASCII.isVisible(b) else { return false }
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "\\"), UInt8(ascii: "&"):
            return false
        default:
            return true
        }
    }

    static func acceptsValue(_ value: [UInt8]) -> Bool {
        // Cheapest first: mixed characters, then shape, then entropy, then stand-ins.
        var hasDigit = false, hasUpper = false, hasLower = false
        for byte in value {
            if ASCII.isDigit(byte) { hasDigit = true } else if ASCII.isUpper(byte) { hasUpper = true } else if ASCII.isLower(byte) { hasLower = true }
        }
        guard hasDigit ? (hasUpper || hasLower) : (hasUpper && hasLower) else { return false }
        guard let first = value.first else { return false }
        // Paths, URLs, expressions and code: `/etc/x`, `./x`, `~/x`, `https://…`,
        // `getToken()`, `config.apiKey`, `process.env.X`, `[object Object]`.
        if first == UInt8(ascii: "/") || first == UInt8(ascii: "~") || first == UInt8(ascii: "[") || first == UInt8(ascii: "(") {
            return false
        }
        if first == UInt8(ascii: "."), value.count > 1, value[1] == UInt8(ascii: "/") || value[1] == UInt8(ascii: ".") {
            return false
        }
        if value.contains(UInt8(ascii: "(")) || containsURLScheme(value) || isDottedIdentifier(value) { return false }
        guard Entropy.bitsPerByte(value) >= minimumEntropy else { return false }
        return !PlaceholderFilter.isPlaceholder(value)
    }

    /// `a.b`, `config.apiKey`, `os.environ.X`: a property path, not a value.
    static func isDottedIdentifier(_ value: [UInt8]) -> Bool {
        guard value.contains(UInt8(ascii: ".")) else { return false }
        var segmentStart = true
        for byte in value {
            if byte == UInt8(ascii: ".") {
                if segmentStart { return false }
                segmentStart = true
            } else if ASCII.isLetter(byte) || byte == UInt8(ascii: "_") || (!segmentStart && ASCII.isDigit(byte)) {
                segmentStart = false
            } else {
                return false
            }
        }
        return !segmentStart
    }

    /// `://` anywhere.
    static func containsURLScheme(_ value: [UInt8]) -> Bool {
        guard value.count >= 3 else { return false }
        for index in 0..<(value.count - 2)
        where value[index] == UInt8(ascii: ":") && value[index + 1] == UInt8(ascii: "/") && value[index + 2] == UInt8(ascii: "/") {
            return true
        }
        return false
    }
}
