/// The original's model-id regular expressions (`audit-extra.sync.ts`,
/// `model-param-b.ts`), written out as scanners over the lower-cased id. `\b` is
/// JavaScript's ASCII word boundary, `\d` is `[0-9]`, matching is case-insensitive.
enum ModelIdPatterns {
    typealias Scalars = [Unicode.Scalar]

    static func scalars(_ id: String) -> Scalars { Array(id.lowercased().unicodeScalars) }

    static func isWord(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_"
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    /// `\b` at index `i` (between `s[i-1]` and `s[i]`).
    static func isBoundary(_ s: Scalars, _ i: Int) -> Bool {
        let before = i > 0 && isWord(s[i - 1])
        let after = i < s.count && isWord(s[i])
        return before != after
    }

    static func hasPrefix(_ s: Scalars, _ literal: String, at i: Int) -> Bool {
        let l = Array(literal.unicodeScalars)
        return i + l.count <= s.count && Array(s[i..<(i + l.count)]) == l
    }

    /// Start indexes of `literal` preceded by a word boundary.
    static func boundaryOccurrences(of literal: String, in s: Scalars) -> [Int] {
        guard !s.isEmpty else { return [] }
        return (0..<s.count).filter { isBoundary(s, $0) && hasPrefix(s, literal, at: $0) }
    }

    /// `\b<literal>` followed by one of `alternatives`, then `\b`.
    static func wordMatch(_ s: Scalars, prefix: String, alternatives: [String]) -> Bool {
        boundaryOccurrences(of: prefix, in: s).contains { start in
            let next = start + prefix.unicodeScalars.count
            return alternatives.contains { alt in
                hasPrefix(s, alt, at: next) && isBoundary(s, next + alt.unicodeScalars.count)
            }
        }
    }

    // MARK: - Legacy and weak tiers

    /// `\bgpt-3\.5\b`
    static func isGPT35(_ s: Scalars) -> Bool { wordMatch(s, prefix: "gpt-3.5", alternatives: [""]) }
    /// `\bclaude-(instant|2)\b`
    static func isClaude2OrInstant(_ s: Scalars) -> Bool { wordMatch(s, prefix: "claude-", alternatives: ["instant", "2"]) }
    /// `\bgpt-4-(0314|0613)\b`
    static func isLegacyGPT4Snapshot(_ s: Scalars) -> Bool { wordMatch(s, prefix: "gpt-4-", alternatives: ["0314", "0613"]) }
    /// `\bhaiku\b`
    static func isHaiku(_ s: Scalars) -> Bool { wordMatch(s, prefix: "haiku", alternatives: [""]) }
    /// `\bgpt-`
    static func isGPT(_ s: Scalars) -> Bool { !boundaryOccurrences(of: "gpt-", in: s).isEmpty }
    /// `\bclaude-`
    static func isClaude(_ s: Scalars) -> Bool { !boundaryOccurrences(of: "claude-", in: s).isEmpty }

    /// `\bgpt-5(?:\b|[.-])`: after the 5 comes a non-word character or the end.
    static func isGPT5OrHigher(_ s: Scalars) -> Bool {
        boundaryOccurrences(of: "gpt-5", in: s).contains { isBoundary(s, $0 + 5) }
    }

    /// `\bclaude-[^\s/]*?(?:-4-?(?:[5-9]|[1-9]\d)\b|4\.(?:[5-9]|[1-9]\d)\b|-[5-9](?:\b|[.-]))`:
    /// somewhere in the same path segment after `claude-`, a 4.5+ or 5+ version (with
    /// one correction, see below).
    static func isClaude45OrHigher(_ s: Scalars) -> Bool {
        for start in boundaryOccurrences(of: "claude-", in: s) {
            var p = start + 7
            while true {
                if claude45Version(s, at: p) { return true }
                guard p < s.count, !s[p].isJavaScriptWhitespace, s[p] != "/" else { break }
                p += 1
            }
        }
        return false
    }

    private static func claude45Version(_ s: Scalars, at p: Int) -> Bool {
        // `(?:[5-9]|[1-9]\d)\b` at q
        func minorOrMajor(_ q: Int) -> Bool {
            if q < s.count, ("5"..."9").contains(s[q]), isBoundary(s, q + 1) { return true }
            return q + 1 < s.count && ("1"..."9").contains(s[q]) && isDigit(s[q + 1]) && isBoundary(s, q + 2)
        }
        if hasPrefix(s, "-4", at: p) {
            if hasPrefix(s, "-", at: p + 2), minorOrMajor(p + 3) { return true }
            if minorOrMajor(p + 2) { return true }
        }
        if hasPrefix(s, "4.", at: p), minorOrMajor(p + 2) { return true }
        // A future major (`claude-opus-5`). Deliberately stricter than the original: a
        // `-5` right after a version digit is a minor version (`claude-3-5-sonnet`,
        // `claude-3-7-sonnet`), which the original's regex wrongly counts as 4.5+.
        if hasPrefix(s, "-", at: p), p + 1 < s.count, ("5"..."9").contains(s[p + 1]), p == 0 || !isDigit(s[p - 1]) {
            // `(?:\b|[.-])` after a digit: a non-word character or the end.
            return isBoundary(s, p + 2)
        }
        return false
    }

    // MARK: - Parameter size

    /// `inferParamBFromIdOrName`: the largest `<n>b` size token, e.g. `llama3.2:3b` -> 3,
    /// `qwen2.5-72b` -> 72, `qwen3-235b-a22b` -> 235; nil when the id names no size.
    /// Matches are taken left to right without overlap, as `matchAll` does for
    /// `/(?:^|[^a-z0-9])[a-z]?(\d+(?:\.\d+)?)b(?:[^a-z0-9]|$)/g`.
    static func parameterBillions(_ id: String) -> Double? {
        let s = scalars(id)
        var best: Double?
        var i = 0
        while i <= s.count {
            guard let (value, end) = sizeToken(s, at: i) else {
                i += 1
                continue
            }
            if value.isFinite, value > 0, best.map({ value > $0 }) ?? true { best = value }
            i = max(end, i + 1)
        }
        return best
    }

    private static func isLowerAlnum(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || isDigit(c) }

    /// A match starting at `i`: the value and the index after the match.
    private static func sizeToken(_ s: Scalars, at i: Int) -> (Double, Int)? {
        if i == 0, let match = afterSeparator(s, from: 0) { return match }
        if i < s.count, !isLowerAlnum(s[i]) { return afterSeparator(s, from: i + 1) }
        return nil
    }

    /// `[a-z]?(\d+(?:\.\d+)?)b(?:[^a-z0-9]|$)` from `p`.
    private static func afterSeparator(_ s: Scalars, from p: Int) -> (Double, Int)? {
        if p < s.count, ("a"..."z").contains(s[p]), let match = number(s, from: p + 1) { return match }
        return number(s, from: p)
    }

    private static func number(_ s: Scalars, from p: Int) -> (Double, Int)? {
        var q = p
        while q < s.count, isDigit(s[q]) { q += 1 }
        guard q > p else { return nil }
        func value(_ end: Int) -> Double? { Double(String(String.UnicodeScalarView(s[p..<end]))) }
        if q < s.count, s[q] == "." {
            var r = q + 1
            while r < s.count, isDigit(s[r]) { r += 1 }
            if r > q + 1, let end = sizeSuffix(s, at: r), let v = value(r) { return (v, end) }
        }
        if let end = sizeSuffix(s, at: q), let v = value(q) { return (v, end) }
        return nil
    }

    /// `b(?:[^a-z0-9]|$)` at `p`: the index after it.
    private static func sizeSuffix(_ s: Scalars, at p: Int) -> Int? {
        guard p < s.count, s[p] == "b" else { return nil }
        if p + 1 == s.count { return p + 1 }
        return isLowerAlnum(s[p + 1]) ? nil : p + 2
    }
}
