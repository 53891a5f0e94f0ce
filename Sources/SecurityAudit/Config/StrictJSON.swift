import JSON5

/// Files the original reads with `JSON.parse` (the exec approvals file, the mcporter
/// registry): JSON5 syntax that JavaScript rejects (comments, trailing commas, single
/// quotes, a byte order mark) makes them invalid there, so it must here. A strict RFC 8259
/// grammar check decides validity; the JSON5 parser then gives the tree with key order
/// and source positions.
enum StrictJSON {
    /// The document as a config tree (origins point into `file`), or nil when it is not
    /// one valid JSON value.
    static func parse(_ bytes: [UInt8], file: String) -> ConfigNode? {
        // The JSON5 parser bounds the nesting depth the validator then recurses through.
        guard let tree = try? JSON5.parse(bytes: bytes, file: file) else { return nil }
        var validator = Validator(bytes: bytes)
        guard validator.document() else { return nil }
        return configNode(tree, file: file)
    }

    static func configNode(_ node: JSON5Node, file: String) -> ConfigNode {
        let origin = ConfigOrigin(file: file, range: node.range)
        switch node.value {
        case .null: return ConfigNode(.null, origin: origin)
        case .bool(let b): return ConfigNode(.bool(b), origin: origin)
        case .number(let n): return ConfigNode(.number(n.value), origin: origin)
        case .string(let s): return ConfigNode(.string(s), origin: origin)
        case .array(let items): return ConfigNode(.array(items.map { configNode($0, file: file) }), origin: origin)
        case .object(let members):
            // Duplicate keys: the last value wins at the first key's position, as in JavaScript.
            var object = ConfigObject()
            for member in members { object[member.key] = configNode(member.value, file: file) }
            return ConfigNode(.object(object), origin: origin)
        }
    }

    /// The JSON grammar over UTF-8 bytes (already known to be valid UTF-8).
    struct Validator {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func document() -> Bool {
            skipWhitespace()
            guard value() else { return false }
            skipWhitespace()
            return index == bytes.count
        }

        private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        private mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        private mutating func consume(_ byte: UInt8) -> Bool {
            guard current == byte else { return false }
            index += 1
            return true
        }

        private mutating func literal(_ text: String) -> Bool {
            for byte in text.utf8 { guard consume(byte) else { return false } }
            return true
        }

        private mutating func value() -> Bool {
            switch current {
            case UInt8(ascii: "{")?: return container(close: UInt8(ascii: "}"), keyed: true)
            case UInt8(ascii: "[")?: return container(close: UInt8(ascii: "]"), keyed: false)
            case UInt8(ascii: "\"")?: return string()
            case UInt8(ascii: "t")?: return literal("true")
            case UInt8(ascii: "f")?: return literal("false")
            case UInt8(ascii: "n")?: return literal("null")
            default: return number()
            }
        }

        private mutating func container(close: UInt8, keyed: Bool) -> Bool {
            index += 1
            skipWhitespace()
            if consume(close) { return true }
            while true {
                skipWhitespace()
                if keyed {
                    guard string() else { return false }
                    skipWhitespace()
                    guard consume(UInt8(ascii: ":")) else { return false }
                    skipWhitespace()
                }
                guard value() else { return false }
                skipWhitespace()
                if consume(close) { return true }
                guard consume(UInt8(ascii: ",")) else { return false }
            }
        }

        private mutating func string() -> Bool {
            guard consume(UInt8(ascii: "\"")) else { return false }
            while let byte = current {
                index += 1
                switch byte {
                case UInt8(ascii: "\""): return true
                case 0x00..<0x20: return false
                case UInt8(ascii: "\\"):
                    guard let escaped = current else { return false }
                    index += 1
                    if escaped == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            guard let hex = current, isHexDigit(hex) else { return false }
                            index += 1
                        }
                    } else if !"\"\\/bfnrt".utf8.contains(escaped) {
                        return false
                    }
                default: continue
                }
            }
            return false
        }

        private mutating func number() -> Bool {
            _ = consume(UInt8(ascii: "-"))
            if !consume(UInt8(ascii: "0")) {
                guard let first = current, (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(first) else { return false }
                digits()
            }
            if consume(UInt8(ascii: ".")) {
                guard digits() > 0 else { return false }
            }
            if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
                if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
                guard digits() > 0 else { return false }
            }
            return true
        }

        @discardableResult
        private mutating func digits() -> Int {
            let start = index
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            return index - start
        }

        private func isHexDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }
    }
}
