#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells stand-in values (`xxxx`, `EXAMPLE`, `${VAR}`, `changeme`, `your-token-here`,
/// repeated or counting characters, the example keys of providers' documentation) from
/// values that may be real. A real key is random: these tests are tuned so that a random
/// key of a documented format is almost never taken for a placeholder.
enum PlaceholderFilter {
    /// Words that mark a stand-in anywhere in a value (long enough not to occur by
    /// chance in a random key; matched all-lowercase, all-uppercase or capitalised).
    static let markerWords: [[UInt8]] = [
        "example", "placeholder", "changeme", "change_me", "change-me", "replace", "dummy",
        "sample", "redacted", "insert", "xxxxx", "secret-here", "token-here", "key-here",
    ].map { Array($0.utf8) }

    /// Words that mark a stand-in only as a whole segment (between separators or at the
    /// ends): `sk-your-key`, `fake_token`, but not four random letters inside a key.
    static let segmentWords: Set<[UInt8]> = Set([
        "your", "yours", "fake", "test", "todo", "demo", "mock", "none", "null", "here", "key",
        "token", "secret", "password", "xxx", "foo", "bar", "abc", "api",
    ].map { Array($0.utf8) })

    /// Values from providers' documentation, which are published and never live.
    static let documentedExamples: Set<[UInt8]> = Set([
        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",
    ].map { Array($0.utf8) })

    static func isPlaceholder(_ value: [UInt8]) -> Bool {
        if documentedExamples.contains(value) { return true }
        if containsReference(value) || containsMask(value) { return true }
        if hasRepeatedRun(value) || hasCountingRun(value) { return true }
        if containsMarkerWord(value) { return true }
        return hasStandInSegment(value)
    }

    /// `${VAR}`, `$(cmd)`, `{{ var }}`, `<your key>`, `%s`: a reference or template.
    static func containsReference(_ value: [UInt8]) -> Bool {
        for (index, byte) in value.enumerated() {
            let next = index + 1 < value.count ? value[index + 1] : 0
            switch byte {
            case UInt8(ascii: "$") where next == UInt8(ascii: "{") || next == UInt8(ascii: "(") || index == 0:
                return true
            case UInt8(ascii: "{") where next == UInt8(ascii: "{"):
                return true
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                return true
            case UInt8(ascii: "%") where next == UInt8(ascii: "s") || next == UInt8(ascii: "("):
                return true
            default:
                continue
            }
        }
        return false
    }

    /// `****`, `....`, `…` (UTF-8): a value masked or shortened by whoever printed it.
    static func containsMask(_ value: [UInt8]) -> Bool {
        var stars = 0, dots = 0
        for byte in value {
            stars = byte == UInt8(ascii: "*") ? stars + 1 : 0
            dots = byte == UInt8(ascii: ".") ? dots + 1 : 0
            if stars >= 3 || dots >= 3 || byte == 0xE2 { return true }
        }
        return false
    }

    /// One character six times in a row (eight for digits, which are only ten).
    static func hasRepeatedRun(_ value: [UInt8]) -> Bool {
        var run = 1
        for index in value.indices.dropFirst() {
            run = value[index] == value[index - 1] ? run + 1 : 1
            if run >= (ASCII.isDigit(value[index]) ? 8 : 6) { return true }
        }
        return false
    }

    /// `abcdef`, `123456`, `ABCDEF`, or the same counting down.
    static func hasCountingRun(_ value: [UInt8]) -> Bool {
        var up = 1, down = 1
        for index in value.indices.dropFirst() {
            let a = value[index - 1], b = value[index]
            let sameClass = ASCII.isAlphanumeric(a) && ASCII.isAlphanumeric(b)
                && (ASCII.isDigit(a) == ASCII.isDigit(b)) && (ASCII.isUpper(a) == ASCII.isUpper(b))
            up = sameClass && b == a &+ 1 ? up + 1 : 1
            down = sameClass && b &+ 1 == a ? down + 1 : 1
            if up >= 6 || down >= 6 { return true }
        }
        return false
    }

    static func containsMarkerWord(_ value: [UInt8]) -> Bool {
        guard value.count >= 5 else { return false }
        for word in markerWords where word.count <= value.count {
            for start in 0...(value.count - word.count) where matchesWord(word, in: value, at: start) {
                return true
            }
        }
        return false
    }

    /// The word at `start`, all lowercase, all uppercase or capitalised.
    private static func matchesWord(_ word: [UInt8], in value: [UInt8], at start: Int) -> Bool {
        var lower = true, upper = true, capitalised = true
        for (offset, letter) in word.enumerated() {
            let byte = value[start + offset]
            let upperLetter = ASCII.isLower(letter) ? letter - 0x20 : letter
            if byte != letter { lower = false }
            if byte != upperLetter { upper = false }
            if byte != (offset == 0 ? upperLetter : letter) { capitalised = false }
            if !lower && !upper && !capitalised { return false }
        }
        return true
    }

    /// `sk-your-key`, `my_api_token`, `fake-secret`: a segment between separators is a
    /// stand-in word.
    static func hasStandInSegment(_ value: [UInt8]) -> Bool {
        var sawStandIn = false
        var segment: [UInt8] = []
        func close() {
            defer { segment.removeAll(keepingCapacity: true) }
            guard !segment.isEmpty else { return }
            let uniform = segment.allSatisfy { !ASCII.isUpper($0) } || segment.allSatisfy { !ASCII.isLower($0) }
            if uniform, segmentWords.contains(segment.map(ASCII.lowercased)) { sawStandIn = true }
        }
        for byte in value {
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: ":") || byte == UInt8(ascii: " ") {
                close()
            } else {
                segment.append(byte)
            }
        }
        close()
        return sawStandIn
    }
}

/// Shannon entropy, in bits per byte.
enum Entropy {
    static func bitsPerByte<C: Collection>(_ bytes: C) -> Double where C.Element == UInt8 {
        guard !bytes.isEmpty else { return 0 }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 256) { counts in
            counts.initialize(repeating: 0)
            for byte in bytes { counts[Int(byte)] += 1 }
            let total = Double(bytes.count)
            var bits = 0.0
            for count in counts where count > 0 {
                let p = Double(count) / total
                bits -= p * log2(p)
            }
            return bits
        }
    }
}

