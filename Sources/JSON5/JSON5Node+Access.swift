// Typed access to parsed values, for code that reads configs.

extension JSON5Node {
    /// The value of the last member named `key` (JavaScript's rule for duplicates), or
    /// nil if this is not an object or has no such member.
    public subscript(key key: String) -> JSON5Node? {
        guard case .object(let members) = value else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    /// The element at `index`, or nil if this is not an array or the index is out of range.
    public subscript(index index: Int) -> JSON5Node? {
        guard case .array(let elements) = value, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The members of an object in source order, duplicates included.
    public var members: [JSON5Member]? {
        guard case .object(let members) = value else { return nil }
        return members
    }

    /// The elements of an array.
    public var elements: [JSON5Node]? {
        guard case .array(let elements) = value else { return nil }
        return elements
    }

    /// The string, if this is a string.
    public var asString: String? {
        guard case .string(let string) = value else { return nil }
        return string
    }

    /// The boolean, if this is `true` or `false`.
    public var asBool: Bool? {
        guard case .bool(let bool) = value else { return nil }
        return bool
    }

    /// The number with its literal, if this is a number.
    public var asNumber: JSON5Number? {
        guard case .number(let number) = value else { return nil }
        return number
    }

    /// The number's value, if this is a number.
    public var asDouble: Double? { asNumber?.value }

    /// Whether this is `null`.
    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }
}

extension JSON5Value {
    /// `"null"`, `"boolean"`, `"number"`, `"string"`, `"array"` or `"object"`, for messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
