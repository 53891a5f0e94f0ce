/// A position in a source text. `offset` counts UTF-8 bytes from the start of the text;
/// `line` and `column` are 1-based, and `column` counts Unicode scalars, as editors do
/// (a byte order mark at the start of the text takes no column). Line terminators are LF,
/// CR, CRLF (one line break), U+2028 and U+2029.
public struct SourcePosition: Sendable, Hashable, Comparable {
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        lhs.offset < rhs.offset
    }
}

/// The half-open byte range `start..<end` a value (or key) occupies in its text.
public struct SourceRange: Sendable, Hashable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// The UTF-8 byte offsets, as `JSON5TextEdit` takes them.
    public var byteRange: Range<Int> { start.offset..<end.offset }
}
