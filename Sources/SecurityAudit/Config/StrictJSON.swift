/// RFC 8259 JSON, as JavaScript's `JSON.parse` accepts it: no comments, no trailing
/// commas, no single quotes. `package.json` manifests and gateway frames are JSON, and
/// a manifest that only JSON5 would accept is still malformed for the original.
/// Errors read like V8's (`Unexpected token ...`), positions are UTF-8 byte offsets.
enum StrictJSON {
    struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        var message: String
        /// `SyntaxError: <message>`, as `String(err)` prints it in JavaScript.
        var description: String { "SyntaxError: \(message)" }
    }

    /// Deep enough for any manifest or frame, shallow enough that the recursive
    /// descent cannot exhaust the stack.
    static let maxDepth = 256

    static func parse(_ text: String) throws(SyntaxError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(SyntaxError) in try parse(bytes: buffer) }
        }
        return try result.get()
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> JSONValue {
        var parser = Parser(bytes: bytes)
        parser.skipWhitespace()
        if parser.atEnd { throw SyntaxError(message: "Unexpected end of JSON input") }
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        if !parser.atEnd {
            throw parser.unexpected("Unexpected non-whitespace character after JSON")
        }
        return value
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var atEnd: Bool { index >= bytes.count }
        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
            }
        }

        func unexpected(_ context: String? = nil) -> SyntaxError {
            guard let byte = current else { return SyntaxError(message: "Unexpected end of JSON input") }
            if let context { return SyntaxError(message: "\(context) in JSON at position \(index)") }
            let shown = byte < 0x80 ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
            return SyntaxError(message: "Unexpected token '\(shown)' in JSON at position \(index)")
        }

        mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
            guard depth < StrictJSON.maxDepth else {
                throw SyntaxError(message: "Nesting deeper than \(StrictJSON.maxDepth) levels in JSON at position \(index)")
            }
            guard let byte = current else { throw unexpected() }
            switch byte {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw unexpected()
            }
        }

        mutating func literal(_ word: StaticString) throws(SyntaxError) {
            let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            for byte in expected {
                guard current == byte else { throw unexpected() }
                index += 1
            }
        }

        mutating func object(depth: Int) throws(SyntaxError) -> JSONValue {
            index += 1
            var members: [(String, JSONValue)] = []
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard current == UInt8(ascii: "\"") else {
                    throw unexpected("Expected property name or '}'")
                }
                let key = try string()
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw unexpected("Expected ':' after property name") }
                index += 1
                skipWhitespace()
                let member = try value(depth: depth + 1)
                // Later duplicates win, as in JSON.parse; the first position is kept.
                if let existing = members.firstIndex(where: { $0.0 == key }) {
                    members[existing].1 = member
                } else {
                    members.append((key, member))
                }
                skipWhitespace()
                switch current {
                case UInt8(ascii: ",")?: index += 1
                case UInt8(ascii: "}")?: index += 1; return .object(members)
                default: throw unexpected("Expected ',' or '}' after property value")
                }
            }
        }

        mutating func array(depth: Int) throws(SyntaxError) -> JSONValue {
            index += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth + 1))
                skipWhitespace()
                switch current {
                case UInt8(ascii: ",")?: index += 1
                case UInt8(ascii: "]")?: index += 1; return .array(items)
                default: throw unexpected("Expected ',' or ']' after array element")
                }
            }
        }

        mutating func string() throws(SyntaxError) -> String {
            index += 1
            var scalars = String.UnicodeScalarView()
            var runStart = index
            func flush(_ end: Int, into scalars: inout String.UnicodeScalarView) {
                guard end > runStart else { return }
                let run = UnsafeBufferPointer(rebasing: bytes[runStart..<end])
                scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
            }
            while true {
                guard let byte = current else {
                    throw SyntaxError(message: "Unterminated string in JSON at position \(index)")
                }
                if byte == UInt8(ascii: "\"") {
                    flush(index, into: &scalars)
                    index += 1
                    return String(scalars)
                }
                if byte < 0x20 {
                    throw SyntaxError(message: "Bad control character in string literal in JSON at position \(index)")
                }
                if byte == UInt8(ascii: "\\") {
                    flush(index, into: &scalars)
                    index += 1
                    scalars.append(try escape())
                    runStart = index
                    continue
                }
                index += 1
            }
        }

        mutating func escape() throws(SyntaxError) -> Unicode.Scalar {
            guard let byte = current else { throw unexpected() }
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                let high = try hex4()
                if (0xD800..<0xDC00).contains(high), current == UInt8(ascii: "\\"),
                   index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") {
                    let save = index
                    index += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
                    }
                    index = save
                }
                // A lone surrogate cannot live in a Swift string.
                return Unicode.Scalar(high) ?? "\u{FFFD}"
            default:
                index -= 1
                throw SyntaxError(message: "Bad escaped character in JSON at position \(index)")
            }
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            var result: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = current else { throw unexpected() }
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw SyntaxError(message: "Bad Unicode escape in JSON at position \(index)")
                }
                result = result << 4 | UInt32(digit)
                index += 1
            }
            return result
        }

        mutating func number() throws(SyntaxError) -> JSONValue {
            let start = index
            var integral = true
            if current == UInt8(ascii: "-") { index += 1 }
            guard let first = current, isDigit(first) else {
                throw SyntaxError(message: "No number after minus sign in JSON at position \(index)")
            }
            if first == UInt8(ascii: "0") {
                index += 1
            } else {
                while let byte = current, isDigit(byte) { index += 1 }
            }
            if current == UInt8(ascii: ".") {
                integral = false
                index += 1
                guard let byte = current, isDigit(byte) else {
                    throw SyntaxError(message: "Unterminated fractional number in JSON at position \(index)")
                }
                while let byte = current, isDigit(byte) { index += 1 }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                integral = false
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard let byte = current, isDigit(byte) else {
                    throw SyntaxError(message: "Exponent part is missing a number in JSON at position \(index)")
                }
                while let byte = current, isDigit(byte) { index += 1 }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if integral, let value = Int64(text) { return .integer(value) }
            return .number(Double(text) ?? .nan)
        }

        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    }
}

extension JSONValue {
    /// The member `key` of an object (the last one written), nil for anything else.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.0 == key }?.1
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    var integerValue: Int64? {
        switch self {
        case .integer(let value): return value
        case .number(let value) where value.rounded() == value && abs(value) < 9.0e15: return Int64(value)
        default: return nil
        }
    }
}
