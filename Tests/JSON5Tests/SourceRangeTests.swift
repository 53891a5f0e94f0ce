import JSON5
import Testing

@Suite("Source ranges")
struct SourceRangeTests {
    /// Line and column of a byte offset, computed the slow and obvious way.
    static func expectedPosition(in text: String, offset: Int) -> SourcePosition {
        var line = 1
        var column = 1
        var byteOffset = 0
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if byteOffset >= offset { break }
            byteOffset += String(scalar).utf8.count
            switch scalar {
            case "\u{FEFF}" where index == 0: break
            case "\r" where index + 1 < scalars.count && scalars[index + 1] == "\n": column += 1
            case "\n", "\r", "\u{2028}", "\u{2029}":
                line += 1
                column = 1
            default: column += 1
            }
        }
        return SourcePosition(offset: offset, line: line, column: column)
    }

    /// Checks every node and key of `text` against `expectedPosition`, and that each range
    /// holds text that parses to the same value.
    static func checkAllRanges(_ text: String) throws {
        let bytes = Array(text.utf8)
        func check(_ range: SourceRange) {
            #expect(range.start == expectedPosition(in: text, offset: range.start.offset))
            #expect(range.end == expectedPosition(in: text, offset: range.end.offset))
        }
        var pending = [try JSON5.parse(text)]
        var count = 0
        while let node = pending.popLast() {
            count += 1
            check(node.range)
            let slice = String(decoding: bytes[node.range.byteRange], as: UTF8.self)
            #expect(PlainValue(try JSON5.parse(slice)) == PlainValue(node), "\(slice)")
            switch node.value {
            case .array(let elements): pending += elements
            case .object(let members):
                for member in members {
                    check(member.keyRange)
                    let key = String(decoding: bytes[member.keyRange.byteRange], as: UTF8.self)
                    #expect(try JSON5.parse("{\(key): 0}").members?.first?.key == member.key)
                    pending.append(member.value)
                }
            default: break
            }
        }
        #expect(count > 1)
    }

    static let nested = """
        {
          "a": [1, {"b": true}],
          c: 'x'
        }
        """

    @Test(arguments: [
        nested,
        nested.replacingOccurrences(of: "\n", with: "\r\n"),
        nested.replacingOccurrences(of: "\n", with: "\r"),
        nested.replacingOccurrences(of: "\n", with: "\u{2028}"),
        "{\"é\": [\"😀\", 1], ключ: 'значение', \"日本\": {x: \"a\u{2028}b\", y: 2}}",
        "/* multi\nline */ {a /* c */ : // x\n 1, /** ** */ b: [2 // y\r\n, 3], 'ü\\\nx': -0x1}",
        "{a: 'x\\\ny', b: 'z\\\r\nw', c: 'v\\\rq', d: 'é\\\u{2029}t', e: [1]}",
        "\u{FEFF}\u{2028}[ \u{A0}1,\u{2029}\u{3000}{k\u{2028}:\u{2028}'v'}]",
        "{\t\"tab\":\t[\"\t\",\t2]}",
    ])
    func everyRangeMatchesTheText(_ text: String) throws {
        try Self.checkAllRanges(text)
    }

    @Test func nestedPositions() throws {
        let root = try JSON5.parse(Self.nested)
        #expect(root.range == SourceRange(
            start: SourcePosition(offset: 0, line: 1, column: 1), end: SourcePosition(offset: 37, line: 4, column: 2)))
        let a = try #require(root.members?.first)
        #expect(a.keyRange == SourceRange(
            start: SourcePosition(offset: 4, line: 2, column: 3), end: SourcePosition(offset: 7, line: 2, column: 6)))
        #expect(a.value.range.start == SourcePosition(offset: 9, line: 2, column: 8))
        #expect(a.value.range.end == SourcePosition(offset: 25, line: 2, column: 24))
        let b = try #require(a.value[index: 1]?.members?.first)
        #expect(b.keyRange.start == SourcePosition(offset: 14, line: 2, column: 13))
        #expect(b.value.range.start == SourcePosition(offset: 19, line: 2, column: 18))
        #expect(b.value.range.end == SourcePosition(offset: 23, line: 2, column: 22))
        let c = try #require(root.members?.last)
        #expect(c.keyRange.start == SourcePosition(offset: 29, line: 3, column: 3))
        #expect(c.value.range.start == SourcePosition(offset: 32, line: 3, column: 6))
    }

    @Test func crlfIsOneLineBreak() throws {
        let root = try JSON5.parse("[\r\n1,\r\r\n2,\n\r3]")
        #expect(root.elements?.map(\.range.start) == [
            SourcePosition(offset: 3, line: 2, column: 1),
            SourcePosition(offset: 8, line: 4, column: 1),
            SourcePosition(offset: 12, line: 6, column: 1),
        ])
    }

    @Test func columnsCountScalarsNotBytes() throws {
        let root = try JSON5.parse("[\"😀\", 'é', 1]")
        #expect(root.elements?.map(\.range.start.column) == [2, 7, 12])
        #expect(root.elements?.map(\.range.start.offset) == [1, 9, 15])
        // Combining marks are scalars of their own, as editors count them.
        let combining = try JSON5.parse("['e\u{301}', 2]")
        #expect(combining[index: 1]?.range.start.column == 8)
    }

    @Test func positionsAfterComments() throws {
        let root = try JSON5.parse("// é\n/* 😀\n */ [ /* x */ 1, // y\n 2]")
        #expect(root.range.start == SourcePosition(offset: 18, line: 3, column: 5))
        #expect(root.elements?.map(\.range.start) == [
            SourcePosition(offset: 28, line: 3, column: 15),
            SourcePosition(offset: 37, line: 4, column: 2),
        ])
    }

    @Test func longLinesStayExact() throws {
        let count = 100_000
        let text = "[" + String(repeating: "'é', ", count: count) + "1]"
        let root = try JSON5.parse(text)
        let last = try #require(root.elements?.last)
        #expect(last.range.start == SourcePosition(offset: 1 + 6 * count, line: 1, column: 2 + 5 * count))
    }
}
