/// Entry point of the JSON5 parser.
public enum JSON5 {
    /// Deep enough for any real config. The parser itself keeps its own stack and would
    /// survive any depth, but code that walks or destroys the tree recurses.
    public static let defaultMaxDepth = 512

    /// Parses `text` into a tree with source ranges.
    ///
    /// - Parameters:
    ///   - file: the name used in error descriptions (`FILE:LINE:COL: message`).
    ///   - maxDepth: the most arrays and objects that may be open at once.
    ///   - maxValues: the most values (containers and scalars) the text may hold. A tree
    ///     takes about a hundred times the bytes of a dense text (`[0,0,...]`), so a
    ///     caller that reads untrusted text bounds its memory here, not by its size.
    public static func parse(
        _ text: String, file: String? = nil, maxDepth: Int = defaultMaxDepth, maxValues: Int = .max
    ) throws(JSON5SyntaxError) -> JSON5Node {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(JSON5SyntaxError) in
                try parse(buffer: buffer, file: file, maxDepth: maxDepth, maxValues: maxValues)
            }
        }
        return try result.get()
    }

    /// Parses raw bytes, which must be UTF-8 (a BOM is whitespace, as is U+FEFF anywhere
    /// between tokens). Malformed UTF-8 is a syntax error at its first byte.
    public static func parse(
        bytes: [UInt8], file: String? = nil, maxDepth: Int = defaultMaxDepth, maxValues: Int = .max
    ) throws(JSON5SyntaxError) -> JSON5Node {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSON5SyntaxError) in
                try parse(buffer: buffer, file: file, maxDepth: maxDepth, maxValues: maxValues)
            }
        }
        return try result.get()
    }

    /// An array or object whose closing bracket has not been seen yet.
    private struct OpenContainer {
        var start: SourcePosition
        var isObject: Bool
        var elements: [JSON5Node] = []
        var members: [JSON5Member] = []
        /// The key whose value is being parsed, in an object.
        var key = ""
        var keyRange: SourceRange

        init(start: SourcePosition, isObject: Bool) {
            self.start = start
            self.isObject = isObject
            self.keyRange = SourceRange(start: start, end: start)
        }
    }

    /// The grammar, with an explicit stack of open containers instead of recursion so
    /// that no input, however deep, can overflow the call stack.
    private static func parse(
        buffer: UnsafeBufferPointer<UInt8>, file: String?, maxDepth: Int, maxValues: Int
    ) throws(JSON5SyntaxError) -> JSON5Node {
        var cursor = JSON5Cursor(bytes: buffer, file: file)
        var stack: [OpenContainer] = []
        var values = 0

        while true {
            // A value starts here; a container only opens, its first value comes next turn.
            try cursor.skipTrivia()
            let start = cursor.position()
            if !cursor.isAtEnd {
                values += 1
                guard values <= maxValues else { throw cursor.error("more than \(maxValues) values", at: start) }
            }
            var node: JSON5Node
            // At the end, 0 falls through to `unexpected`, which reports the end of input.
            switch cursor.current ?? 0 {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                let isObject = cursor.current == UInt8(ascii: "{")
                guard stack.count < maxDepth else {
                    throw cursor.error("nesting deeper than \(maxDepth) levels", at: start)
                }
                cursor.offset += 1
                stack.append(OpenContainer(start: start, isObject: isObject))
                try cursor.skipTrivia()
                if cursor.current == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    cursor.offset += 1
                    node = close(stack.removeLast(), at: cursor.position())
                } else {
                    if isObject { try readKey(&cursor, into: &stack[stack.count - 1]) }
                    continue
                }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let string = try cursor.readString()
                node = JSON5Node(value: .string(string), range: SourceRange(start: start, end: cursor.position()))
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let number = try cursor.readNumber()
                node = JSON5Node(value: .number(number), range: SourceRange(start: start, end: cursor.position()))
            case let byte where byte.isASCIILetter:
                let value = try cursor.readLiteralWord()
                node = JSON5Node(value: value, range: SourceRange(start: start, end: cursor.position()))
            default:
                throw cursor.unexpected { "invalid character \($0)" }
            }

            // The value is complete: hand it to its container, then either close
            // containers or move on to the next value.
            while true {
                guard !stack.isEmpty else {
                    try cursor.skipTrivia()
                    guard cursor.isAtEnd else {
                        throw cursor.unexpected { "invalid character \($0) after the top-level value" }
                    }
                    return node
                }
                let top = stack.count - 1
                let isObject = stack[top].isObject
                if isObject {
                    stack[top].members.append(
                        JSON5Member(key: stack[top].key, keyRange: stack[top].keyRange, value: node))
                } else {
                    stack[top].elements.append(node)
                }
                let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                try cursor.skipTrivia()
                if cursor.current == UInt8(ascii: ",") {
                    cursor.offset += 1
                    try cursor.skipTrivia()
                    if cursor.current != closer {
                        if isObject { try readKey(&cursor, into: &stack[top]) }
                        break
                    }
                } else if cursor.current != closer {
                    if cursor.isAtEnd { throw cursor.unexpected { $0 } }
                    throw cursor.error(
                        isObject
                            ? "expected ',' or '}' after object member"
                            : "expected ',' or ']' after array element",
                        at: cursor.offset)
                }
                cursor.offset += 1
                node = close(stack.removeLast(), at: cursor.position())
            }
        }
    }

    /// Reads `key :` (the cursor is past any trivia before the key).
    private static func readKey(
        _ cursor: inout JSON5Cursor, into container: inout OpenContainer
    ) throws(JSON5SyntaxError) {
        let start = cursor.position()
        switch cursor.current {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            container.key = try cursor.readString()
        default:
            guard let name = try cursor.readIdentifier() else {
                throw cursor.unexpected { "invalid character \($0), expected a key" }
            }
            container.key = name
        }
        container.keyRange = SourceRange(start: start, end: cursor.position())
        try cursor.skipTrivia()
        guard cursor.current == UInt8(ascii: ":") else {
            throw cursor.unexpected { "expected ':' after key, found \($0)" }
        }
        cursor.offset += 1
    }

    private static func close(_ container: OpenContainer, at end: SourcePosition) -> JSON5Node {
        let value: JSON5Value = container.isObject ? .object(container.members) : .array(container.elements)
        return JSON5Node(value: value, range: SourceRange(start: container.start, end: end))
    }
}
