// Numbers and the literal words (`true`, `false`, `null`, `Infinity`, `NaN`).

extension JSON5Cursor {
    /// Reads a number at the cursor: optional sign, then `Infinity`, `NaN`, a hex
    /// integer or a decimal literal (`.5`, `5.`, `1e3` included).
    mutating func readNumber() throws(JSON5SyntaxError) -> JSON5Number {
        let start = offset
        var negative = false
        if let sign = current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            offset += 1
        }
        guard let first = current else { throw unexpected { "invalid character \($0) in number" } }

        if first.isASCIILetter {
            let word = readWord()
            let value: Double
            switch word {
            case "Infinity": value = negative ? -.infinity : .infinity
            case "NaN": value = .nan
            default: throw invalidWord(from: start)
            }
            return JSON5Number(value: value, literal: literal(from: start))
        }

        let value: Double
        let text: String
        if first == UInt8(ascii: "0"), let x = byte(at: offset + 1), x | 0x20 == UInt8(ascii: "x") {
            offset += 2
            let digitsStart = offset
            while let byte = current, byte.hexDigitValue != nil { offset += 1 }
            guard offset > digitsStart else { throw unexpected { "invalid character \($0) in hexadecimal number" } }
            let magnitude = hexValue(digitsStart..<offset)
            value = negative ? -magnitude : magnitude
            text = literal(from: start)
        } else {
            let digitsStart = offset
            let isInteger = try skipDecimalLiteral()
            text = literal(from: start)
            if isInteger && offset - digitsStart <= 15 {
                // Exact in a Double; the common case (ports, sizes) skips `strtod`.
                var magnitude = 0
                for index in digitsStart..<offset { magnitude = magnitude * 10 + Int(bytes[index] &- 0x30) }
                value = negative ? -Double(magnitude) : Double(magnitude)
            } else {
                // Only well-formed decimal text gets here, and `Double(_:)` reads exactly
                // that grammar (sign, `.5`, `5.`, exponents) with correct rounding.
                value = Double(text)!
            }
        }
        try checkNothingTouches()
        return JSON5Number(value: value, literal: text)
    }

    private mutating func checkNothingTouches() throws(JSON5SyntaxError) {
        // ECMAScript: no identifier character or digit may touch a numeric literal, so
        // `1e0x4`, `0780` and `5.5.` are errors rather than two tokens.
        if let next = current {
            let touches: Bool
            if next < 0x80 {
                touches = next.isASCIIIdentifierPart || next == UInt8(ascii: "\\") || next == UInt8(ascii: ".")
            } else {
                touches = scalar(at: offset)?.scalar.isIdentifierStart ?? false
            }
            if touches { throw unexpected { "invalid character \($0) in number" } }
        }
    }

    /// Returns whether the literal is a plain integer (no fraction, no exponent).
    private mutating func skipDecimalLiteral() throws(JSON5SyntaxError) -> Bool {
        var hasIntegerDigits = false
        if current == UInt8(ascii: "0") {
            offset += 1
            hasIntegerDigits = true
            if let next = current, next.isASCIIDigit {
                throw error("leading zeros are not allowed in numbers", at: offset)
            }
        } else {
            hasIntegerDigits = skipDigits()
        }
        var isInteger = true
        if current == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            if !skipDigits() && !hasIntegerDigits {
                throw unexpected { "invalid character \($0) in number, expected a digit after '.'" }
            }
        } else if !hasIntegerDigits {
            throw unexpected { "invalid character \($0) in number" }
        }
        if let e = current, e | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            offset += 1
            if let sign = current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { offset += 1 }
            if !skipDigits() { throw unexpected { "invalid character \($0) in number exponent" } }
        }
        return isInteger
    }

    private mutating func skipDigits() -> Bool {
        let start = offset
        while let byte = current, byte.isASCIIDigit { offset += 1 }
        return offset > start
    }

    /// The value of hex digits rounded once to the nearest `Double`, as JavaScript does:
    /// the first 16 significant digits go into a `UInt64`, any non-zero digit after them
    /// sets its lowest bit (never a kept bit, so it only breaks ties), and the rest is an
    /// exact power-of-two scale.
    private func hexValue(_ digits: Range<Int>) -> Double {
        var index = digits.lowerBound
        while index < digits.upperBound - 1 && bytes[index] == UInt8(ascii: "0") { index += 1 }
        var mantissa: UInt64 = 0
        let headEnd = min(digits.upperBound, index + 16)
        for i in index..<headEnd { mantissa = mantissa << 4 | UInt64(bytes[i].hexDigitValue!) }
        let droppedDigits = digits.upperBound - headEnd
        guard droppedDigits > 0 else { return Double(mantissa) }
        if bytes[headEnd..<digits.upperBound].contains(where: { $0 != UInt8(ascii: "0") }) {
            mantissa |= 1
        }
        return Double(sign: .plus, exponent: 4 * droppedDigits, significand: Double(mantissa))
    }

    /// Reads a literal word in value position: `true`, `false` or `null`.
    mutating func readLiteralWord() throws(JSON5SyntaxError) -> JSON5Value {
        let start = offset
        switch readWord() {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        case "Infinity": return .number(JSON5Number(value: .infinity, literal: "Infinity"))
        case "NaN": return .number(JSON5Number(value: .nan, literal: "NaN"))
        default: throw invalidWord(from: start)
        }
    }

    /// Reads `[A-Za-z0-9_$]*`, enough to tell a literal word from a stray identifier.
    private mutating func readWord() -> Substring {
        let start = offset
        while let byte = current, byte.isASCIIIdentifierPart { offset += 1 }
        return literal(from: start)[...]
    }

    private mutating func invalidWord(from start: Int) -> JSON5SyntaxError {
        var text = literal(from: start)
        if text.count > 40 { text = String(text.prefix(40)) + "…" }
        return error("invalid value '\(text)' (strings must be quoted)", at: start)
    }

    private func literal(from start: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }
}
