import JSON5
import Testing

/// `maxValues`: how a reader of untrusted text bounds the tree it builds, since a tree
/// costs about a hundred times the bytes of a dense text.
@Suite("Value limit")
struct ValueLimitTests {
    @Test func everyScalarAndContainerCountsKeysDoNot() throws {
        // The object, `a`'s array, 1, 2, `b`'s string: five values.
        let text = "{ a: [1, 2], b: 'x' }"
        #expect(throws: Never.self) { try JSON5.parse(text, maxValues: 5) }
        let error = #expect(throws: JSON5SyntaxError.self) { try JSON5.parse(text, file: "v.json5", maxValues: 4) }
        #expect(error?.description == "v.json5:1:17: more than 4 values")
        #expect(try JSON5.parse("7", maxValues: 1).asDouble == 7)
        #expect(try JSON5.parse("[]", maxValues: 1).elements == [])
    }

    @Test func theLimitIsReportedBeforeOtherErrorsAfterIt() {
        let error = #expect(throws: JSON5SyntaxError.self) { try JSON5.parse("[1, 2, 3, oops", maxValues: 2) }
        #expect(error?.message == "more than 2 values")
        #expect(error?.position.column == 5)
        // At the end of the input nothing starts, so nothing is counted.
        let end = #expect(throws: JSON5SyntaxError.self) { try JSON5.parse("[1,", maxValues: 2) }
        #expect(end?.message == "unexpected end of input")
    }

    @Test func aDenseTextStopsAtTheLimit() {
        let count = 2_000_000
        var bytes = [UInt8(ascii: "[")]
        bytes.reserveCapacity(count * 2 + 1)
        for _ in 0..<count { bytes += [UInt8(ascii: "0"), UInt8(ascii: ",")] }
        bytes.append(UInt8(ascii: "]"))
        let error = #expect(throws: JSON5SyntaxError.self) { try JSON5.parse(bytes: bytes, maxValues: 100_000) }
        // The array is the first value; the 100,000th element is the 100,001st.
        #expect(error?.position.offset == 1 + 2 * 99_999)
    }

    @Test func noLimitByDefault() throws {
        let text = "[" + String(repeating: "0,", count: 300_000) + "0]"
        #expect(try JSON5.parse(text).elements?.count == 300_001)
    }
}
