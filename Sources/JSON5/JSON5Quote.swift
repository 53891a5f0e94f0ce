// Writing string literals back, for edits.

extension JSON5 {
    /// `string` as a double-quoted JSON string literal, escaped as `JSON.stringify` does
    /// (`\"`, `\\`, `\b \f \n \r \t`, other controls as `\u00XX`). U+2028 and U+2029 are
    /// escaped too: they are line breaks to JSON5 and to editors, yet invisible.
    /// The result is valid JSON and JSON5.
    public static func quote(_ string: String) -> String {
        quote(string, delimiter: "\"")
    }

    /// `quote(_:)` with either delimiter; the other quote character is left as is.
    static func quote(_ string: String, delimiter: Unicode.Scalar) -> String {
        var result = String()
        result.reserveCapacity(string.utf8.count + 2)
        result.unicodeScalars.append(delimiter)
        for scalar in string.unicodeScalars {
            switch scalar {
            case delimiter: result += "\\\(delimiter)"
            case "\\": result += "\\\\"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{00}"..."\u{1F}", "\u{2028}", "\u{2029}":
                result += "\\u" + hex(scalar.value, digits: 4, uppercase: false)
            default: result.unicodeScalars.append(scalar)
            }
        }
        result.unicodeScalars.append(delimiter)
        return result
    }

    /// Whether `name` can be written as an unquoted JSON5 key (an ECMAScript 5.1
    /// IdentifierName without escapes; reserved words are allowed).
    public static func isIdentifierName(_ name: String) -> Bool {
        var scalars = name.unicodeScalars.makeIterator()
        guard let first = scalars.next(), first.isIdentifierStart else { return false }
        while let scalar = scalars.next() {
            guard scalar.isIdentifierPart else { return false }
        }
        return true
    }
}
