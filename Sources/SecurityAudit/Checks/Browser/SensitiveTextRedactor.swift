/// The original's log redaction (`redactSensitiveText`), used where a finding prints a
/// URL that may carry a token (remote CDP endpoints). The patterns are the original's
/// defaults, or `logging.redactPatterns` when set; `logging.redactSensitive: "off"`
/// turns it off. A captured secret shorter than 18 characters becomes `***`, a longer
/// one keeps its first 6 and last 4 characters around `…`.
struct SensitiveTextRedactor {
    static let defaultPatterns: [String] = [
        #"\b[A-Z0-9_]*(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD)\b\s*[=:]\s*(["']?)([^\s"'\\]+)\1"#,
        #""(?:apiKey|token|secret|password|passwd|accessToken|refreshToken)"\s*:\s*"([^"]+)""#,
        #"--(?:api[-_]?key|token|secret|password|passwd)\s+(["']?)([^\s"']+)\1"#,
        #"Authorization\s*[:=]\s*Bearer\s+([A-Za-z0-9._\-+=]+)"#,
        #"\bBearer\s+([A-Za-z0-9._\-+=]{18,})\b"#,
        #"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+?-----END [A-Z ]*PRIVATE KEY-----"#,
        #"\b(sk-[A-Za-z0-9_-]{8,})\b"#,
        #"\b(ghp_[A-Za-z0-9]{20,})\b"#,
        #"\b(github_pat_[A-Za-z0-9_]{20,})\b"#,
        #"\b(xox[baprs]-[A-Za-z0-9-]{10,})\b"#,
        #"\b(xapp-[A-Za-z0-9-]{10,})\b"#,
        #"\b(gsk_[A-Za-z0-9_-]{10,})\b"#,
        #"\b(AIza[0-9A-Za-z\-_]{20,})\b"#,
        #"\b(pplx-[A-Za-z0-9_-]{10,})\b"#,
        #"\b(npm_[A-Za-z0-9]{10,})\b"#,
        #"\bbot(\d{6,}:[A-Za-z0-9_-]{20,})\b"#,
        #"\b(\d{6,}:[A-Za-z0-9_-]{20,})\b"#,
    ]

    let enabled: Bool
    let patterns: [String]

    init(config: ConfigNode) {
        let logging = config["logging"]
        enabled = logging["redactSensitive"].string != "off"
        let configured = (logging["redactPatterns"].array ?? []).compactMap(\.string)
        patterns = configured.isEmpty ? Self.defaultPatterns : configured
    }

    func redact(_ text: String) -> String {
        guard enabled, !text.isEmpty else { return text }
        var result = text
        for source in patterns {
            guard let regex = Self.compile(source) else { continue }
            result = Self.replaceMatches(of: regex, in: result)
        }
        return result
    }

    /// `/body/flags` or a bare body (flags `gi`), with JavaScript's ASCII `\b`.
    static func compile(_ raw: String) -> Regex<AnyRegexOutput>? {
        guard !raw.trimmingWhitespace.isEmpty else { return nil }
        var body = raw
        var ignoreCase = true
        if raw.hasPrefix("/"), let close = raw.lastIndex(of: "/"), raw.distance(from: raw.startIndex, to: close) > 1 {
            let flags = raw[raw.index(after: close)...]
            if flags.allSatisfy({ "gimsuy".contains($0) }) {
                body = String(raw[raw.index(after: raw.startIndex)..<close])
                ignoreCase = flags.contains("i")
            }
        }
        guard let regex = try? Regex(body) else { return nil }
        let ascii = regex.wordBoundaryKind(.simple).asciiOnlyWordCharacters().asciiOnlyDigits()
        return ignoreCase ? ascii.ignoresCase() : ascii
    }

    static func replaceMatches(of regex: Regex<AnyRegexOutput>, in text: String) -> String {
        let matches = text.matches(of: regex)
        guard !matches.isEmpty else { return text }
        var out = ""
        var cursor = text.startIndex
        for match in matches.prefix(1000) {
            guard match.range.lowerBound >= cursor else { continue }
            out += text[cursor..<match.range.lowerBound]
            out += redactMatch(match)
            cursor = match.range.upperBound
        }
        out += text[cursor...]
        return out
    }

    /// The last non-empty capture is the secret; the rest of the match stays.
    static func redactMatch(_ match: Regex<AnyRegexOutput>.Match) -> String {
        let whole = String(match.output[0].substring ?? "")
        if whole.contains("PRIVATE KEY-----") {
            let lines = whole.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            return lines.count < 2 ? "***" : "\(lines[0])\n…redacted…\n\(lines[lines.count - 1])"
        }
        var secret = whole
        for index in stride(from: match.output.count - 1, to: 0, by: -1) {
            if let capture = match.output[index].substring, !capture.isEmpty {
                secret = String(capture)
                break
            }
        }
        let masked = mask(secret)
        guard secret != whole, let range = whole.firstRange(of: secret) else { return masked }
        var redacted = whole
        redacted.replaceSubrange(range, with: masked)
        return redacted
    }

    static func mask(_ token: String) -> String {
        let units = Array(token.utf16)
        guard units.count >= 18 else { return "***" }
        let start = String(decoding: units.prefix(6), as: UTF16.self)
        let end = String(decoding: units.suffix(4), as: UTF16.self)
        return "\(start)…\(end)"
    }
}
