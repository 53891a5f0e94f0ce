// Character classes of the JSON5 grammar, which borrows them from ECMAScript 5.1.
// ASCII is decided by hand first because it is nearly all real input and looking up
// Unicode properties costs far more than a comparison.

extension Unicode.Scalar {
    /// JSON5 `WhiteSpace` and `LineTerminator` (both may separate tokens).
    var isJSON5Whitespace: Bool {
        switch value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x2028, 0x2029, 0xFEFF: return true
        case 0..<0x80: return false
        default: return properties.generalCategory == .spaceSeparator
        }
    }

    /// U+2028 and U+2029, the line terminators outside ASCII.
    var isUnicodeLineTerminator: Bool { value == 0x2028 || value == 0x2029 }

    /// ECMAScript 5.1 `IdentifierStart`, escapes aside.
    var isIdentifierStart: Bool {
        if value < 0x80 { return UInt8(value).isASCIIIdentifierStart }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter,
            .otherLetter, .letterNumber:
            return true
        default:
            return false
        }
    }

    /// ECMAScript 5.1 `IdentifierPart`, escapes aside.
    var isIdentifierPart: Bool {
        if value < 0x80 { return UInt8(value).isASCIIIdentifierPart }
        if value == 0x200C || value == 0x200D { return true }  // ZWNJ, ZWJ
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter,
            .otherLetter, .letterNumber, .nonspacingMark, .spacingMark, .decimalNumber,
            .connectorPunctuation:
            return true
        default:
            return false
        }
    }
}

extension UInt8 {
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }

    var isASCIILetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }

    var isASCIIIdentifierStart: Bool {
        isASCIILetter || self == UInt8(ascii: "$") || self == UInt8(ascii: "_")
    }

    var isASCIIIdentifierPart: Bool { isASCIIIdentifierStart || isASCIIDigit }

    /// The value of a hexadecimal digit, nil for any other byte.
    var hexDigitValue: UInt8? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return self - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return self - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return self - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
