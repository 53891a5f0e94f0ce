/// A read position in UTF-8 bytes that also knows its line, so that any offset on the
/// current line can become a `SourcePosition` without rescanning the text.
///
/// Only the places that may contain line terminators (whitespace, comments, strings)
/// call `startLine()`; everything else is ASCII-only or single-line by grammar.
struct JSON5Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String?
    var offset: Int
    var line = 1
    var lineStart: Int
    /// Columns are counted from the last position asked for, not from the line start:
    /// positions come in increasing order, so a 10 MB single-line array stays linear.
    private var anchorOffset: Int
    private var anchorColumn = 1
    /// Reused by strings with escapes and by identifiers, to avoid one buffer per token.
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, file: String?, offset: Int = 0) {
        self.bytes = bytes
        self.file = file
        self.offset = offset
        // A byte order mark takes no column, as in editors, which do not show it.
        let hasBOM = offset == 0 && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.lineStart = hasBOM ? 3 : offset
        self.anchorOffset = lineStart
    }

    var isAtEnd: Bool { offset >= bytes.count }

    /// The byte at the cursor, nil at the end of the input.
    var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    func byte(at index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Records that a line terminator ended just before `offset`.
    mutating func startLine() {
        line += 1
        lineStart = offset
        anchorOffset = offset
        anchorColumn = 1
    }

    /// The position of `target`, which must lie on the current line.
    mutating func position(at target: Int) -> SourcePosition {
        if target < anchorOffset {
            let column = 1 + scalarCount(from: lineStart, to: target)
            return SourcePosition(offset: target, line: line, column: column)
        }
        anchorColumn += scalarCount(from: anchorOffset, to: target)
        anchorOffset = target
        return SourcePosition(offset: target, line: line, column: anchorColumn)
    }

    mutating func position() -> SourcePosition { position(at: offset) }

    private func scalarCount(from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    // MARK: UTF-8

    /// Decodes the scalar starting at `index`, or nil if the bytes there are not
    /// well-formed UTF-8 (overlongs, surrogates and truncated sequences included).
    func scalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        let b0 = bytes[index]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        func continuation(_ i: Int) -> UInt32? {
            guard i < bytes.count, bytes[i] & 0xC0 == 0x80 else { return nil }
            return UInt32(bytes[i] & 0x3F)
        }
        let value: UInt32
        let length: Int
        switch b0 {
        case 0xC2...0xDF:
            guard let c1 = continuation(index + 1) else { return nil }
            value = UInt32(b0 & 0x1F) << 6 | c1
            length = 2
        case 0xE0...0xEF:
            guard let c1 = continuation(index + 1), let c2 = continuation(index + 2) else { return nil }
            value = UInt32(b0 & 0x0F) << 12 | c1 << 6 | c2
            guard value >= 0x800, !(0xD800...0xDFFF).contains(value) else { return nil }
            length = 3
        case 0xF0...0xF4:
            guard let c1 = continuation(index + 1), let c2 = continuation(index + 2),
                let c3 = continuation(index + 3)
            else { return nil }
            value = UInt32(b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            guard (0x10000...0x10FFFF).contains(value) else { return nil }
            length = 4
        default:
            return nil
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// Like `scalar(at:)`, but malformed UTF-8 is an error at its first byte.
    mutating func validScalar(at index: Int) throws(JSON5SyntaxError) -> (
        scalar: Unicode.Scalar, length: Int
    ) {
        guard let decoded = scalar(at: index) else { throw invalidUTF8(at: index) }
        return decoded
    }

    // MARK: Errors

    mutating func error(_ message: String, at index: Int) -> JSON5SyntaxError {
        JSON5SyntaxError(file: file, position: position(at: index), message: message)
    }

    func error(_ message: String, at position: SourcePosition) -> JSON5SyntaxError {
        JSON5SyntaxError(file: file, position: position, message: message)
    }

    mutating func invalidUTF8(at index: Int) -> JSON5SyntaxError {
        error("invalid UTF-8 byte 0x\(hex(bytes[index], digits: 2, uppercase: false))", at: index)
    }

    /// The error for whatever sits at the cursor when it is not what the grammar wants:
    /// end of input and malformed UTF-8 get their own messages, any other character is
    /// described and handed to `message`.
    mutating func unexpected(_ message: (String) -> String) -> JSON5SyntaxError {
        guard !isAtEnd else { return error("unexpected end of input", at: offset) }
        guard let (scalar, _) = scalar(at: offset) else { return invalidUTF8(at: offset) }
        return error(message(describe(scalar)), at: offset)
    }
}

/// `'x'` for a visible character, `U+000C` for one that would vanish in a message.
func describe(_ scalar: Unicode.Scalar) -> String {
    switch scalar.properties.generalCategory {
    case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator,
        .surrogate, .privateUse, .unassigned, .nonspacingMark, .enclosingMark:
        return "U+\(hex(scalar.value, digits: 4))"
    default:
        return "'\(Character(scalar))'"
    }
}

func hex<T: BinaryInteger>(_ value: T, digits: Int, uppercase: Bool = true) -> String {
    let text = String(value, radix: 16, uppercase: uppercase)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
}
