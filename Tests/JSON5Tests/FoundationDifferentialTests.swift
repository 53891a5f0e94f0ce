import Foundation
import JSON5
import Testing

/// A plain JSON value, decoded by Foundation or converted from our tree, to compare the two.
enum PlainValue: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([PlainValue])
    case object([String: PlainValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([PlainValue].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: PlainValue].self))
        }
    }

    /// Objects become dictionaries where the last duplicate wins, as in JavaScript.
    init(_ node: JSON5Node) {
        switch node.value {
        case .null: self = .null
        case .bool(let bool): self = .bool(bool)
        case .number(let number): self = .number(number.value)
        case .string(let string): self = .string(string)
        case .array(let elements): self = .array(elements.map(PlainValue.init))
        case .object(let members):
            self = .object(Dictionary(members.map { ($0.key, PlainValue($0.value)) }) { _, last in last })
        }
    }

    /// Numbers compare as `Double`, except that NaN equals NaN and -0 differs from +0
    /// (JSON5 `-0x0` is -0 in JavaScript).
    static func == (lhs: PlainValue, rhs: PlainValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a.isNaN ? b.isNaN : (a == b && a.sign == b.sign)
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a == b
        default: false
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let bool): "\(bool)"
        case .number(let number): "\(number)"
        case .string(let string): string.debugDescription
        case .array(let elements): "[\(elements.map(\.description).joined(separator: ", "))]"
        case .object(let members):
            "{" + members.sorted { $0.key < $1.key }
                .map { "\($0.key.debugDescription): \($0.value)" }
                .joined(separator: ", ") + "}"
        }
    }
}

/// Every valid case of the official suite, read by `JSONDecoder` with `allowsJSON5` and
/// by our parser. On Swift 6.3.1 / Linux, Foundation accepts all of them, top-level
/// scalars, `NaN` and `Infinity` included; it reads the ones below differently.
@Suite("Differential: Foundation JSONDecoder (allowsJSON5)")
struct FoundationDifferentialTests {
    static let continuation = "keeps the line break of a line continuation ('\\' + newline) in the string"

    /// Where Foundation's value differs from the JSON5 spec's, with the reason.
    static let foundationDifferences: [String: String] = [
        "misc/readme-example.json5": continuation,
        "new-lines/escaped-cr.json5": continuation + " (CR)",
        "new-lines/escaped-crlf.json5": continuation + " (CRLF)",
        "new-lines/escaped-lf.json5": continuation + " (LF)",
        "strings/multi-line-string.json5": continuation,
        "numbers/negative-zero-hexadecimal.json5": "reads -0x0 as +0",
        "objects/duplicate-keys.json": "keeps the first of duplicate keys; JSON5 (JavaScript) keeps the last",
        "todo/unicode-escaped-unquoted-key.json5": "does not decode \\u escapes in unquoted keys (key 'sig\\u03A3ma')",
    ]

    static func foundationValue(_ path: String) -> Result<PlainValue, any Error> {
        Result {
            let decoder = JSONDecoder()
            decoder.allowsJSON5 = true
            return try decoder.decode(PlainValue.self, from: Data(try Fixtures.bytes(path)))
        }
    }

    static func ourValue(_ path: String) throws -> PlainValue {
        PlainValue(try JSON5.parse(bytes: Fixtures.bytes(path)))
    }

    @Test(arguments: Fixtures.validCases)
    func agreesWithFoundation(_ path: String) throws {
        let ours = try Self.ourValue(path)
        let theirs = Self.foundationValue(path)
        if let reason = Self.foundationDifferences[path] {
            // Still different, or Foundation was fixed and the entry must go.
            #expect((try? theirs.get()) != ours, "Foundation no longer \(reason)")
        } else {
            #expect(try theirs.get() == ours)
        }
    }

    @Test func differencesAreExactlyTheKnownOnes() throws {
        var differing: [String] = []
        for path in Fixtures.validCases {
            if (try? Self.foundationValue(path).get()) != (try Self.ourValue(path)) { differing.append(path) }
        }
        #expect(differing == Self.foundationDifferences.keys.sorted())
    }

    /// Valid JSON5 outside the official suite that Foundation rejects outright.
    @Test(arguments: [
        (#"'\0'"#, "rejects the \\0 escape"),
        (#"'\v'"#, "rejects the \\v escape"),
        (#"'\a'"#, "rejects escapes of characters that stand for themselves"),
        ("[\u{A0}1]", "rejects non-ASCII whitespace: U+00A0"),
        ("[\u{2028}1]", "rejects non-ASCII whitespace: U+2028"),
        ("[\u{3000}1]", "rejects non-ASCII whitespace: U+3000 (Zs)"),
        ("[\u{FEFF}1]", "rejects U+FEFF anywhere but at the start"),
        (#""\uD800""#, "rejects lone surrogates (we read U+FFFD)"),
        ("0x1FFFFFFFFFFFFFFFF", "rejects hexadecimal integers of 2^64 and more"),
        ("1e999", "rejects numbers that round to Infinity"),
    ] as [(String, String)])
    func foundationRejectsValidJSON5BeyondTheSuite(_ source: String, _ reason: String) throws {
        #expect(throws: Never.self) { try JSON5.parse(source) }
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        #expect(throws: DecodingError.self, "Foundation no longer \(reason)") {
            try decoder.decode(PlainValue.self, from: Data(source.utf8))
        }
    }

    @Test func foundationMisreadsAreWhatTheReasonsSay() throws {
        let continuation = try Self.foundationValue("strings/multi-line-string.json5").get()
        #expect(continuation == .string("hello\n world"))
        #expect(try Self.ourValue("strings/multi-line-string.json5") == .string("hello world"))

        let zero = try Self.foundationValue("numbers/negative-zero-hexadecimal.json5").get()
        #expect(zero == .number(0))
        #expect(try Self.ourValue("numbers/negative-zero-hexadecimal.json5") == .number(-0.0))

        let duplicates = try Self.foundationValue("objects/duplicate-keys.json").get()
        #expect(duplicates == .object(["a": .bool(true)]))
        #expect(try Self.ourValue("objects/duplicate-keys.json") == .object(["a": .bool(false)]))

        let escapedKey = try Self.foundationValue("todo/unicode-escaped-unquoted-key.json5").get()
        #expect(escapedKey == .object(["sig\\u03A3ma": .string("the sum of all things")]))
    }
}
