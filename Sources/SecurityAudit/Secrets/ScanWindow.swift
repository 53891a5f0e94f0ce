/// Read access to the bytes being scanned. Reads outside the window give 0, which every
/// detector treats as a token boundary, so no detector needs its own bounds checks.
struct ScanWindow {
    let base: UnsafePointer<UInt8>
    let count: Int

    @inline(__always)
    subscript(_ index: Int) -> UInt8 {
        index >= 0 && index < count ? base[index] : 0
    }

    /// Whether `literal` (ASCII) is at `index`.
    @inline(__always)
    func hasPrefix(_ literal: StaticString, at index: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index >= 0, index + length <= count else { return false }
        let text = literal.utf8Start
        for offset in 0..<length where base[index + offset] != text[offset] { return false }
        return true
    }

    /// Like `hasPrefix`, ignoring ASCII case (`literal` is lowercase).
    @inline(__always)
    func hasPrefixIgnoringCase(_ literal: StaticString, at index: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index >= 0, index + length <= count else { return false }
        let text = literal.utf8Start
        for offset in 0..<length where ASCII.lowercased(base[index + offset]) != text[offset] { return false }
        return true
    }

    /// The end of the run of bytes satisfying `test` that starts at `start`, at most
    /// `limit` long.
    @inline(__always)
    func runEnd(from start: Int, limit: Int, _ test: (UInt8) -> Bool) -> Int {
        var index = start
        let stop = min(count, start + limit)
        while index < stop, test(base[index]) { index += 1 }
        return index
    }

    /// The start of the run of bytes satisfying `test` that ends just before `end`, at
    /// most `limit` long.
    @inline(__always)
    func runStart(endingAt end: Int, limit: Int, _ test: (UInt8) -> Bool) -> Int {
        var index = end
        let stop = max(0, end - limit)
        while index > stop, test(base[index - 1]) { index -= 1 }
        return index
    }

    /// Whether a token may start at `index`: the byte before is not one of the token's
    /// own characters. The letter of a JSON escape (`\n`, `\t`, `\r`) counts as a
    /// boundary, because transcripts store text as JSON strings.
    @inline(__always)
    func isTokenStart(_ index: Int, continues: (UInt8) -> Bool) -> Bool {
        let before = self[index - 1]
        return !continues(before) || isEscapeLetter(at: index - 1)
    }

    /// Whether the byte at `index` is the letter of a `\n`, `\r` or `\t` escape.
    @inline(__always)
    func isEscapeLetter(at index: Int) -> Bool {
        let letter = self[index]
        guard letter == UInt8(ascii: "n") || letter == UInt8(ascii: "r") || letter == UInt8(ascii: "t") else { return false }
        return self[index - 1] == UInt8(ascii: "\\") && self[index - 2] != UInt8(ascii: "\\")
    }

    func bytes(_ range: Range<Int>) -> [UInt8] {
        Array(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
    }
}

/// Character classes of the token formats, on raw bytes.
enum ASCII {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
    /// `[A-Za-z0-9_-]`: the alphabet of base64url and of most API tokens.
    @inline(__always) static func isTokenCharacter(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }
    /// `[A-Za-z0-9+/=]`: standard base64.
    @inline(__always) static func isBase64(_ b: UInt8) -> Bool {
        isAlphanumeric(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=")
    }
    /// `[A-Z2-7]`: base32, the alphabet of AWS key IDs.
    @inline(__always) static func isBase32(_ b: UInt8) -> Bool { isUpper(b) || b &- 0x32 < 6 }
    /// Printable ASCII other than space.
    @inline(__always) static func isVisible(_ b: UInt8) -> Bool { b > 0x20 && b < 0x7F }
    @inline(__always) static func lowercased(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
}
