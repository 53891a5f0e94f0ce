/// A parsed JSON5 value with the source range it came from. Objects keep their members
/// in source order, duplicates included (lookups take the last, as JavaScript does).
public struct JSON5Node: Sendable, Equatable {
    public var value: JSON5Value
    /// From the first character of the value to just after its last (quotes and brackets
    /// included, surrounding whitespace and comments excluded).
    public var range: SourceRange

    public init(value: JSON5Value, range: SourceRange) {
        self.value = value
        self.range = range
    }
}

/// The kinds of JSON5 values. Numbers keep their literal; containers hold nodes, so
/// every nested value has its range too.
public enum JSON5Value: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSON5Number)
    case string(String)
    case array([JSON5Node])
    case object([JSON5Member])
}

/// One `key: value` pair of an object, in source order.
public struct JSON5Member: Sendable, Equatable {
    /// The key's value: quotes removed, escapes decoded.
    public var key: String
    /// The range of the key as written, quotes included.
    public var keyRange: SourceRange
    public var value: JSON5Node

    public init(key: String, keyRange: SourceRange, value: JSON5Node) {
        self.key = key
        self.keyRange = keyRange
        self.value = value
    }
}

/// A number keeps its literal text beside its value: `0x1F`, `1e999` and `-0` mean
/// something to a reader that a `Double` alone does not show.
public struct JSON5Number: Sendable, Hashable {
    public var value: Double
    public var literal: String

    public init(value: Double, literal: String) {
        self.value = value
        self.literal = literal
    }
}

/// A syntax error at a position. `description` is `FILE:LINE:COL: message`
/// (`LINE:COL: message` when the text has no file name).
public struct JSON5SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var position: SourcePosition
    public var message: String

    public init(file: String?, position: SourcePosition, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    public var description: String {
        let location = "\(position.line):\(position.column)"
        if let file { return "\(file):\(location): \(message)" }
        return "\(location): \(message)"
    }
}
