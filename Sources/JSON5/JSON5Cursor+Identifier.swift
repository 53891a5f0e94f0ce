// Unquoted member names: ECMAScript 5.1 IdentifierName, `\uXXXX` escapes included.

extension JSON5Cursor {
    /// Reads an identifier at the cursor, or returns nil without moving if none starts
    /// here.
    mutating func readIdentifier() throws(JSON5SyntaxError) -> String? {
        let start = offset
        var isFirst = true
        // As in strings: only an escape makes the value differ from the source bytes.
        var runStart = offset
        var escaped = false
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x80 {
                if isFirst ? byte.isASCIIIdentifierStart : byte.isASCIIIdentifierPart {
                    offset += 1
                } else if byte == UInt8(ascii: "\\") {
                    if !escaped {
                        escaped = true
                        scratch.removeAll(keepingCapacity: true)
                    }
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
                    try readIdentifierEscape(isFirst: isFirst)
                    runStart = offset
                } else {
                    break
                }
            } else {
                let (scalar, length) = try validScalar(at: offset)
                guard isFirst ? scalar.isIdentifierStart : scalar.isIdentifierPart else { break }
                offset += length
            }
            isFirst = false
        }
        if isFirst { return nil }
        if escaped {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
            return String(decoding: scratch, as: UTF8.self)
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }

    private mutating func readIdentifierEscape(isFirst: Bool) throws(JSON5SyntaxError) {
        let backslash = offset
        offset += 1
        guard byte(at: offset) == UInt8(ascii: "u") else {
            throw error("invalid escape sequence in key: only '\\u' escapes are allowed", at: backslash)
        }
        offset += 1
        guard let value = readHexDigits(4) else {
            throw error("invalid escape sequence: '\\u' needs 4 hex digits", at: backslash)
        }
        guard let scalar = Unicode.Scalar(value),
            isFirst ? scalar.isIdentifierStart : scalar.isIdentifierPart
        else {
            throw error("escaped character U+\(hex(value, digits: 4)) is not allowed in a key", at: backslash)
        }
        appendUTF8(scalar)
    }
}
