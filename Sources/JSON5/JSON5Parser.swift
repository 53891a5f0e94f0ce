/// Entry point of the JSON5 parser.
public enum JSON5 {
    /// Deep enough for any real config, shallow enough that the recursive descent never
    /// comes near the stack limit.
    public static let defaultMaxDepth = 512

    /// Parses UTF-8 `text` into a tree with source ranges.
    public static func parse(
        _ text: String, file: String? = nil, maxDepth: Int = defaultMaxDepth
    ) throws(JSON5SyntaxError) -> JSON5Node {
        try parse(bytes: Array(text.utf8), file: file, maxDepth: maxDepth)
    }

    /// Parses raw bytes, which must be UTF-8 (an optional BOM is whitespace).
    public static func parse(
        bytes: [UInt8], file: String? = nil, maxDepth: Int = defaultMaxDepth
    ) throws(JSON5SyntaxError) -> JSON5Node {
        throw JSON5SyntaxError(
            file: file, position: SourcePosition(offset: 0, line: 1, column: 1),
            message: "parser under construction")
    }
}
