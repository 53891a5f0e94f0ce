import JSON5
import Testing

@Suite("Values")
struct ValueTests {
    @Test(arguments: [
        (#"'\b\f\n\r\t\v'"#, "\u{8}\u{C}\n\r\t\u{B}"),
        (#""\0""#, "\0"),
        (#""\x41\x7e\xFF""#, "A~ÿ"),
        (#""\u0041\u00e9\u20AC""#, "Aé€"),
        (#""\uD83D\uDE00""#, "😀"),
        (#"'\'\"\\\/'"#, "'\"\\/"),
        (#""\a\c\d\é\😀""#, "acdé😀"),  // any other character stands for itself
        ("\"a\\\nb\"", "ab"),  // line continuations: LF, CR, CRLF, U+2028, U+2029
        ("\"a\\\rb\"", "ab"),
        ("\"a\\\r\nb\"", "ab"),
        ("\"a\\\u{2028}b\\\u{2029}c\"", "abc"),
        ("\"a\u{2028}b\u{2029}c\"", "a\u{2028}b\u{2029}c"),  // allowed unescaped
        ("\"tab\there\"", "tab\there"),  // so are tabs and other controls
        (#""\uD800""#, "\u{FFFD}"),  // a lone surrogate cannot live in a String
        (#""\uDE00\uD83D!""#, "\u{FFFD}\u{FFFD}!"),
        (#""\uD83Dx""#, "\u{FFFD}x"),
        ("'single \"double\" inside'", "single \"double\" inside"),
    ] as [(String, String)])
    func stringEscapes(_ source: String, _ expected: String) throws {
        #expect(try JSON5.parse(source).asString == expected)
    }

    @Test(arguments: [
        ("15", 15.0), ("-15", -15), ("+15", 15), ("0", 0), ("1.5", 1.5), (".5", 0.5), ("5.", 5),
        ("-.5", -0.5), ("+5.e1", 50), ("1e3", 1000), ("1E-3", 0.001), ("2e+2", 200),
        ("0x1F", 31), ("0XfF", 255), ("-0x10", -16), ("+0x0", 0), ("0xc8e4", 51428),
        ("9007199254740993", 9007199254740992),  // rounds to even
        ("123456789012345678901234567890", 1.2345678901234568e29),
        ("1e999", .infinity), ("-1e999", -.infinity), ("1e-999", 0),
        ("Infinity", .infinity), ("+Infinity", .infinity), ("-Infinity", -.infinity),
        ("0x1FFFFFFFFFFFFF", 9007199254740991), ("0x20000000000001", 9007199254740992),
        ("0x20000000000003", 9007199254740996),
        // 2^64 + 2^11 + 1: above the halfway point only thanks to the last digit.
        ("0x10000000000000801", 18446744073709555712),
        ("0x10000000000000800", 18446744073709551616),
        ("0x" + String(repeating: "F", count: 300), .infinity),
    ] as [(String, Double)])
    func numbers(_ source: String, _ expected: Double) throws {
        let number = try #require(try JSON5.parse(source).asNumber)
        #expect(number.value == expected)
        #expect(number.literal == source)
    }

    @Test func specialNumbers() throws {
        #expect(try JSON5.parse("NaN").asDouble?.isNaN == true)
        #expect(try JSON5.parse("-NaN").asDouble?.isNaN == true)
        #expect(try JSON5.parse("-0").asDouble?.sign == .minus)
        #expect(try JSON5.parse("-0x0").asDouble?.sign == .minus)
        #expect(try JSON5.parse("-0.0").asDouble?.sign == .minus)
    }

    @Test func literals() throws {
        let node = try JSON5.parse("[true, false, null]")
        #expect(node.elements?.map(\.value) == [.bool(true), .bool(false), .null])
        #expect(node[index: 0]?.asBool == true)
        #expect(node[index: 2]?.isNull == true)
        #expect(node[index: 3] == nil)
    }

    @Test(arguments: [
        ("{a: 1}", "a"), ("{$: 1}", "$"), ("{_a1: 1}", "_a1"), ("{while: 1}", "while"),
        ("{null: 1}", "null"), ("{true: 1}", "true"), ("{Infinity: 1}", "Infinity"),
        ("{'single': 1}", "single"), (#"{"double": 1}"#, "double"), ("{'': 1}", ""),
        ("{ümlåût: 1}", "ümlåût"), ("{日本語: 1}", "日本語"), ("{ǅx: 1}", "ǅx"), ("{ʰ: 1}", "ʰ"),
        ("{Ⅻ: 1}", "Ⅻ"),  // letter number
        ("{a\u{301}: 1}", "a\u{301}"), ("{a٣: 1}", "a٣"), ("{a‿b: 1}", "a‿b"),  // Mn, Nd, Pc
        ("{a\u{200C}b\u{200D}: 1}", "a\u{200C}b\u{200D}"),
        (#"{\u0061b: 1}"#, "ab"), (#"{a\u0062: 1}"#, "ab"), (#"{sig\u03A3ma: 1}"#, "sigΣma"),
        (#"{\u005F\u0024: 1}"#, "_$"),
    ] as [(String, String)])
    func keys(_ source: String, _ key: String) throws {
        #expect(try JSON5.parse(source).members?.map(\.key) == [key])
    }

    @Test(arguments: ["{1a: 1}", "{a-b: 1}", "{\u{301}a: 1}", "{٣: 1}", #"{\u0030: 1}"#, #"{a\u002D: 1}"#,
        #"{\x61: 1}"#, #"{\u00: 1}"#, "{a b: 1}", "{℮: 1}", "{@: 1}"])
    func invalidKeys(_ source: String) {
        #expect(throws: JSON5SyntaxError.self) { try JSON5.parse(source) }
    }

    @Test func duplicateKeysKeepOrderAndLookupsTakeTheLast() throws {
        let node = try JSON5.parse("{b: 1, a: 2, b: 3, c: 4, a: 5}")
        #expect(node.members?.map(\.key) == ["b", "a", "b", "c", "a"])
        #expect(node.members?.map { $0.value.asDouble } == [1, 2, 3, 4, 5])
        #expect(node[key: "a"]?.asDouble == 5)
        #expect(node[key: "b"]?.asDouble == 3)
        #expect(node[key: "c"]?.asDouble == 4)
        #expect(node[key: "d"] == nil)
        #expect(node[index: 0] == nil)
    }

    @Test(arguments: [
        "\u{FEFF}{}", "{}\u{FEFF}", "[\u{FEFF}1\u{FEFF}]", "\u{A0}[\u{A0}]", "[\u{3000}1\u{1680},\u{2000}2\u{200A}]",
        "[\u{202F}\u{205F}]", "\u{2028}[\u{2029}]", "\t\u{B}\u{C} []\r\n", "// c\n[]// c", "/**/[/**/]/**/",
    ])
    func whitespace(_ source: String) throws {
        #expect(throws: Never.self) { try JSON5.parse(source) }
    }

    @Test(arguments: ["[\u{85}]", "[\u{200B}]", "[\u{180E}]", "\0[]"])
    func notWhitespace(_ source: String) {
        // NEL, zero-width space and the Mongolian vowel separator are not Zs.
        #expect(throws: JSON5SyntaxError.self) { try JSON5.parse(source) }
    }

    @Test func bomBeforeTheValue() throws {
        let node = try JSON5.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("{a: 1}".utf8))
        #expect(node[key: "a"]?.asDouble == 1)
        #expect(node.range.start == SourcePosition(offset: 3, line: 1, column: 1))
    }

    @Test func stringAndBytesAgree() throws {
        let text = "{a: ['x', 1, {b: null}], /* c */ 'é': 0x10}"
        #expect(try JSON5.parse(text) == JSON5.parse(bytes: Array(text.utf8)))
    }

    @Test func typeNames() throws {
        let node = try JSON5.parse("[null, true, 1, 'a', [], {}]")
        #expect(node.elements?.map(\.value.typeName) == ["null", "boolean", "number", "string", "array", "object"])
    }
}
