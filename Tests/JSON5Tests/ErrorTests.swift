import JSON5
import Testing

@Suite("Syntax errors")
struct ErrorTests {
    /// The full `FILE:LINE:COL: message` text for broken inputs.
    @Test(arguments: [
        ("{\n  a: 1\n  b: 2\n}", "c.json5:3:3: expected ',' or '}' after object member"),
        ("{\r\n  a: 1\r\n  b: 2\r\n}", "c.json5:3:3: expected ',' or '}' after object member"),
        ("[1 2]", "c.json5:1:4: expected ',' or ']' after array element"),
        ("{\"é\": 'ü' x}", "c.json5:1:11: expected ',' or '}' after object member"),
        ("{a 1}", "c.json5:1:4: expected ':' after key, found '1'"),
        ("{a: }", "c.json5:1:5: invalid character '}'"),
        ("{1: 2}", "c.json5:1:2: invalid character '1', expected a key"),
        ("[,]", "c.json5:1:2: invalid character ','"),
        ("[\n  1,\n  x\n]", "c.json5:3:3: invalid value 'x' (strings must be quoted)"),
        ("{mode: strict}", "c.json5:1:8: invalid value 'strict' (strings must be quoted)"),
        ("[1,", "c.json5:1:4: unexpected end of input"),
        ("{a: 1", "c.json5:1:6: unexpected end of input"),
        ("", "c.json5:1:1: unexpected end of input"),
        ("// only a comment\n", "c.json5:2:1: unexpected end of input"),
        ("{a: 'abc}", "c.json5:1:5: unterminated string"),
        ("[\n'abc\\\ndef", "c.json5:2:1: unterminated string"),
        ("\"line\nbreak\"", "c.json5:1:6: unescaped line break in string"),
        ("[1] /* never closed\n", "c.json5:1:5: unterminated block comment"),
        ("[1] / 2", "c.json5:1:5: invalid character '/' (comments start with '//' or '/*')"),
        ("{} x", "c.json5:1:4: invalid character 'x' after the top-level value"),
        ("[] []", "c.json5:1:4: invalid character '[' after the top-level value"),
        ("'\\1'", "c.json5:1:2: invalid escape sequence '\\1'"),
        ("'ab\\09'", "c.json5:1:4: invalid escape sequence: '\\0' must not be followed by a digit"),
        ("'\\xZZ'", "c.json5:1:2: invalid escape sequence: '\\x' needs 2 hex digits"),
        ("'\\u12G4'", "c.json5:1:2: invalid escape sequence: '\\u' needs 4 hex digits"),
        ("{\\u0031a: 1}", "c.json5:1:2: escaped character U+0031 is not allowed in a key"),
        ("010", "c.json5:1:2: leading zeros are not allowed in numbers"),
        ("-00", "c.json5:1:3: leading zeros are not allowed in numbers"),
        (".", "c.json5:1:2: unexpected end of input"),
        ("[.]", "c.json5:1:3: invalid character ']' in number, expected a digit after '.'"),
        ("0x", "c.json5:1:3: unexpected end of input"),
        ("0xG", "c.json5:1:3: invalid character 'G' in hexadecimal number"),
        ("1e+", "c.json5:1:4: unexpected end of input"),
        ("1e2.3", "c.json5:1:4: invalid character '.' in number"),
        ("1e0x4", "c.json5:1:4: invalid character 'x' in number"),
        ("[12a]", "c.json5:1:4: invalid character 'a' in number"),
        ("- 1", "c.json5:1:2: invalid character U+0020 in number"),
        ("-Inf", "c.json5:1:1: invalid value '-Inf' (strings must be quoted)"),
        ("[\u{200B}]", "c.json5:1:2: invalid character U+200B"),
        ("[é]", "c.json5:1:2: invalid character 'é'"),
        ("{ℌ: 1, 😀: 2}", "c.json5:1:8: invalid character '😀', expected a key"),
        ("\u{2028}\u{2028}@", "c.json5:3:1: invalid character '@'"),
    ] as [(String, String)])
    func messageAndPosition(_ source: String, _ expected: String) {
        let error = #expect(throws: JSON5SyntaxError.self) { try JSON5.parse(source, file: "c.json5") }
        #expect(error?.description == expected)
    }

    @Test func descriptionWithoutFile() {
        let error = #expect(throws: JSON5SyntaxError.self) { try JSON5.parse("[1 2]") }
        #expect(error?.description == "1:4: expected ',' or ']' after array element")
        #expect(error?.position == SourcePosition(offset: 3, line: 1, column: 4))
        #expect(error?.file == nil)
        #expect(error?.message == "expected ',' or ']' after array element")
    }

    /// Malformed UTF-8 is reported at the first byte of the bad sequence, wherever it is.
    @Test(arguments: [
        ([0xFF], "1:1: invalid UTF-8 byte 0xff"),
        (Array("[1,".utf8) + [0xFE] + Array("]".utf8), "1:4: invalid UTF-8 byte 0xfe"),
        (Array("'é".utf8) + [0xC3] + Array("'".utf8), "1:3: invalid UTF-8 byte 0xc3"),  // truncated
        (Array("'".utf8) + [0xC0, 0x80] + Array("'".utf8), "1:2: invalid UTF-8 byte 0xc0"),  // overlong NUL
        (Array("'".utf8) + [0xE0, 0x80, 0xAF] + Array("'".utf8), "1:2: invalid UTF-8 byte 0xe0"),  // overlong
        (Array("'".utf8) + [0xED, 0xA0, 0x80] + Array("'".utf8), "1:2: invalid UTF-8 byte 0xed"),  // surrogate
        (Array("'".utf8) + [0xF4, 0x90, 0x80, 0x80] + Array("'".utf8), "1:2: invalid UTF-8 byte 0xf4"),  // > U+10FFFF
        (Array("'".utf8) + [0x80] + Array("'".utf8), "1:2: invalid UTF-8 byte 0x80"),  // lone continuation
        (Array("1 // é\n// ".utf8) + [0xE2, 0x82], "2:4: invalid UTF-8 byte 0xe2"),  // in a comment, at the end
        (Array("/* \n\n  ".utf8) + [0xF8] + Array("*/ 1".utf8), "3:3: invalid UTF-8 byte 0xf8"),
        (Array("{a".utf8) + [0xFF] + Array(": 1}".utf8), "1:3: invalid UTF-8 byte 0xff"),  // in a key
        (Array("{".utf8) + [0xFF] + Array(": 1}".utf8), "1:2: invalid UTF-8 byte 0xff"),  // as a key
        (Array("'\\".utf8) + [0xFF] + Array("'".utf8), "1:3: invalid UTF-8 byte 0xff"),  // escaped
        (Array("1".utf8) + [0xA0], "1:2: invalid UTF-8 byte 0xa0"),  // after a value
    ] as [([UInt8], String)])
    func invalidUTF8(_ bytes: [UInt8], _ expected: String) {
        let error = #expect(throws: JSON5SyntaxError.self) { try JSON5.parse(bytes: bytes) }
        #expect(error?.description == expected)
    }

    @Test func validMultiByteCharactersAreNotErrors() throws {
        let text = "{ключ: '😀\u{10FFFF}\u{FFFD}', /* 日本 */ k: \"\u{7FF}\u{800}\u{FFFF}\u{10000}\"}"
        #expect(try JSON5.parse(bytes: Array(text.utf8))[key: "k"]?.asString == "\u{7FF}\u{800}\u{FFFF}\u{10000}")
    }
}
