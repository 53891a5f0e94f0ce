// Whitespace and comments, the only text between tokens.

extension JSON5Cursor {
    /// Skips whitespace and comments. With `stopAtLineBreak` it stays on the current line
    /// (a block comment that starts on it is still skipped whole), which is what the edit
    /// helpers need to find "the rest of this member's line".
    mutating func skipTrivia(stopAtLineBreak: Bool = false) throws(JSON5SyntaxError) {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0B, 0x0C:
                offset += 1
            case 0x0A:
                if stopAtLineBreak { return }
                offset += 1
                startLine()
            case 0x0D:
                if stopAtLineBreak { return }
                skipCarriageReturn()
            case UInt8(ascii: "/"):
                try skipComment()
            case 0x80...:
                guard let (scalar, length) = scalar(at: offset), scalar.isJSON5Whitespace else {
                    return  // the caller reports it, or reads an identifier
                }
                if scalar.isUnicodeLineTerminator {
                    if stopAtLineBreak { return }
                    offset += length
                    startLine()
                } else {
                    offset += length
                }
            default:
                return
            }
        }
    }

    /// Consumes CR or CRLF, which is one line break.
    mutating func skipCarriageReturn() {
        offset += 1
        if offset < bytes.count && bytes[offset] == 0x0A { offset += 1 }
        startLine()
    }

    private mutating func skipComment() throws(JSON5SyntaxError) {
        switch byte(at: offset + 1) {
        case UInt8(ascii: "/"):
            offset += 2
            try skipLineComment()
        case UInt8(ascii: "*"):
            try skipBlockComment()
        default:
            throw error("invalid character '/' (comments start with '//' or '/*')", at: offset)
        }
    }

    /// Leaves the line terminator in place for the whitespace loop to count.
    private mutating func skipLineComment() throws(JSON5SyntaxError) {
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == 0x0A || byte == 0x0D { return }
            if byte < 0x80 {
                offset += 1
                continue
            }
            let (scalar, length) = try validScalar(at: offset)
            if scalar.isUnicodeLineTerminator { return }
            offset += length
        }
    }

    private mutating func skipBlockComment() throws(JSON5SyntaxError) {
        let start = position()
        offset += 2
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: "*"):
                offset += 1
                if offset < bytes.count && bytes[offset] == UInt8(ascii: "/") {
                    offset += 1
                    return
                }
            case 0x0A:
                offset += 1
                startLine()
            case 0x0D:
                skipCarriageReturn()
            case 0x80...:
                let (scalar, length) = try validScalar(at: offset)
                offset += length
                if scalar.isUnicodeLineTerminator { startLine() }
            default:
                offset += 1
            }
        }
        throw error("unterminated block comment", at: start)
    }
}
