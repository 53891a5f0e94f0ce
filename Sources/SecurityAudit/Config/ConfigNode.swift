import JSON5

/// Where a config value was written: the file (main config or an `$include`d file) and
/// the value's range in it. Findings point at it; `--fix` edits the bytes it names.
public struct ConfigOrigin: Sendable, Hashable {
    public var file: String
    public var range: SourceRange

    public init(file: String, range: SourceRange) {
        self.file = file
        self.range = range
    }

    /// `FILE:LINE:COL`, as compilers and editors print locations.
    public var description: String { "\(file):\(range.start.line):\(range.start.column)" }
}

/// A read-only view of one config value after `$include` resolution and `${VAR}`
/// substitution. Objects keep their key order. Every node written in a file knows its
/// origin; nodes made by merging keep the origin of the value that won.
public struct ConfigNode: Sendable {
    public enum Value: Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([ConfigNode])
        case object(ConfigObject)
    }

    public var value: Value
    public var origin: ConfigOrigin?
    /// The `${VAR}` names of a string the auditing environment could not fill: its text
    /// still holds the references, so its real value (the one the gateway sees when it
    /// runs with its own environment) is unknown. Checks must not measure such a string.
    public var unresolvedVariables: [String] = []

    public init(_ value: Value, origin: ConfigOrigin? = nil, unresolvedVariables: [String] = []) {
        self.value = value
        self.origin = origin
        self.unresolvedVariables = unresolvedVariables
    }

    /// A string whose value the audit cannot know (see `unresolvedVariables`).
    public var isUnresolved: Bool { !unresolvedVariables.isEmpty }

    /// The string when its value is known: nil for other types and for a string that
    /// still holds an unresolved `${VAR}` reference. Use it wherever a check measures or
    /// compares a value (length, placeholder, accepted values).
    public var knownString: String? { isUnresolved ? nil : string }

    public static let emptyObject = ConfigNode(.object(ConfigObject()))

    public subscript(key: String) -> ConfigNode? {
        if case .object(let object) = value { return object[key] }
        return nil
    }

    public var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let b) = value { return b }
        return nil
    }

    public var number: Double? {
        if case .number(let n) = value { return n }
        return nil
    }

    public var array: [ConfigNode]? {
        if case .array(let a) = value { return a }
        return nil
    }

    public var object: ConfigObject? {
        if case .object(let o) = value { return o }
        return nil
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// JavaScript truthiness, which the original's `!value` tests rely on.
    public var isTruthy: Bool {
        switch value {
        case .null: return false
        case .bool(let b): return b
        case .number(let n): return n != 0 && !n.isNaN
        case .string(let s): return !s.isEmpty
        case .array, .object: return true
        }
    }

    /// The value as JavaScript's `String(value)` prints it (numbers without a `.0`).
    public var javaScriptString: String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return JavaScriptNumber.format(n)
        case .string(let s): return s
        case .array(let items): return items.map(\.javaScriptString).joined(separator: ",")
        case .object: return "[object Object]"
        }
    }
}

/// An ordered string-keyed map: config objects are read in the order they were written,
/// because the original emits findings in that order.
public struct ConfigObject: Sendable {
    public private(set) var keys: [String] = []
    private var storage: [String: ConfigNode] = [:]

    public init() {}

    public subscript(key: String) -> ConfigNode? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Members in written order.
    public var entries: [(key: String, value: ConfigNode)] {
        keys.map { ($0, storage[$0]!) }
    }
}

extension Optional where Wrapped == ConfigNode {
    /// Lets a lookup chain through missing levels, as `a?.b?.c` does in JavaScript.
    public subscript(key: String) -> ConfigNode? {
        self?[key]
    }

    public var string: String? { self?.string }
    public var bool: Bool? { self?.bool }
    public var number: Double? { self?.number }
    public var array: [ConfigNode]? { self?.array }
    public var object: ConfigObject? { self?.object }
    public var isTruthy: Bool { self?.isTruthy ?? false }
    public var isUnresolved: Bool { self?.isUnresolved ?? false }
    public var knownString: String? { self?.knownString }
}
