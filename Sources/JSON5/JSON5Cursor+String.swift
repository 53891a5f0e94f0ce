// String literals: 'single' or "double" quoted, with ECMAScript 5.1 escapes.

extension JSON5Cursor {
    /// Reads the string literal at the cursor (which is on its opening quote).
    mutating func readString() throws(JSON5SyntaxError) -> String {
        let quote = bytes[offset]
        let start = position()
        offset += 1
        // Text without escapes is copied once, straight from the input; `scratch` is
        // only filled when an escape forces the value to differ from the source bytes.
        var runStart = offset
        var escaped = false
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case quote:
                let value: String
                if escaped {
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
                    value = String(decoding: scratch, as: UTF8.self)
                } else {
                    value = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]), as: UTF8.self)
                }
                offset += 1
                return value
            case UInt8(ascii: "\\"):
                if !escaped {
                    escaped = true
                    scratch.removeAll(keepingCapacity: true)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
                try readEscape(stringStart: start)
                runStart = offset
            case 0x0A, 0x0D:
                throw error("unescaped line break in string", at: offset)
            case 0x80...:
                let (scalar, length) = try validScalar(at: offset)
                offset += length
                // Allowed raw in JSON5 strings, but still a new line for positions.
                if scalar.isUnicodeLineTerminator { startLine() }
            default:
                offset += 1
            }
        }
        throw error("unterminated string", at: start)
    }

    /// Reads the escape sequence at the cursor (on its backslash) and appends its value
    /// to `scratch`.
    private mutating func readEscape(stringStart: SourcePosition) throws(JSON5SyntaxError) {
        let backslash = offset
        offset += 1
        guard offset < bytes.count else { throw error("unterminated string", at: stringStart) }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "v"): scratch.append(0x0B)
        case UInt8(ascii: "0"):
            if let next = current, next.isASCIIDigit {
                throw error("invalid escape sequence: '\\0' must not be followed by a digit", at: backslash)
            }
            scratch.append(0)
        case UInt8(ascii: "1")...UInt8(ascii: "9"):
            throw error("invalid escape sequence '\\\(Character(Unicode.Scalar(byte)))'", at: backslash)
        case UInt8(ascii: "x"):
            guard let value = readHexDigits(2) else {
                throw error("invalid escape sequence: '\\x' needs 2 hex digits", at: backslash)
            }
            appendUTF8(Unicode.Scalar(UInt8(value)))
        case UInt8(ascii: "u"):
            guard let unit = readHexDigits(4) else {
                throw error("invalid escape sequence: '\\u' needs 4 hex digits", at: backslash)
            }
            appendUTF8(readUTF16Escape(first: unit))
        case 0x0A:
            startLine()  // line continuation: contributes nothing
        case 0x0D:
            offset -= 1
            skipCarriageReturn()
        case 0x80...:
            let (scalar, length) = try validScalar(at: offset - 1)
            offset += length - 1
            if scalar.isUnicodeLineTerminator {
                startLine()
            } else {
                appendUTF8(scalar)
            }
        default:
            scratch.append(byte)  // any other character stands for itself
        }
    }

    /// Completes a `\uXXXX` escape, pairing a high surrogate with a following `\uXXXX`
    /// low surrogate. A lone surrogate becomes U+FFFD: JSON5 (like JavaScript) allows
    /// it, but a Swift `String` cannot hold it.
    private mutating func readUTF16Escape(first: UInt32) -> Unicode.Scalar {
        if let scalar = Unicode.Scalar(first) { return scalar }
        let replacement = Unicode.Scalar(0xFFFD as UInt32)!
        guard (0xD800...0xDBFF).contains(first), byte(at: offset) == UInt8(ascii: "\\"),
            byte(at: offset + 1) == UInt8(ascii: "u")
        else { return replacement }
        let saved = offset
        offset += 2
        guard let second = readHexDigits(4), (0xDC00...0xDFFF).contains(second) else {
            offset = saved  // not a pair: the next escape is read on its own
            return replacement
        }
        return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
    }

    /// Reads exactly `count` hex digits, or nothing (returning nil).
    mutating func readHexDigits(_ count: Int) -> UInt32? {
        guard offset + count <= bytes.count else { return nil }
        var value: UInt32 = 0
        for index in offset..<offset + count {
            guard let digit = bytes[index].hexDigitValue else { return nil }
            value = value << 4 | UInt32(digit)
        }
        offset += count
        return value
    }

    mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        UTF8.encode(scalar) { scratch.append($0) }
    }
}
