import JSON5
import Testing

@Suite("Nesting depth")
struct DepthTests {
    static func nestedArrays(_ depth: Int, closed: Bool = true) -> [UInt8] {
        [UInt8](repeating: UInt8(ascii: "["), count: depth)
            + (closed ? [UInt8](repeating: UInt8(ascii: "]"), count: depth) : [])
    }

    @Test func defaultLimitIs512() throws {
        #expect(JSON5.defaultMaxDepth == 512)
        #expect(throws: Never.self) { try JSON5.parse(bytes: Self.nestedArrays(512)) }
        let error = #expect(throws: JSON5SyntaxError.self) { try JSON5.parse(bytes: Self.nestedArrays(513)) }
        #expect(error?.description == "1:513: nesting deeper than 512 levels")
    }

    @Test(arguments: [100_000, 1_000_000])
    func deepOpenArraysFailCleanly(_ depth: Int) {
        let error = #expect(throws: JSON5SyntaxError.self) {
            try JSON5.parse(bytes: Self.nestedArrays(depth, closed: false), file: "deep.json5")
        }
        #expect(error?.description == "deep.json5:1:513: nesting deeper than 512 levels")
    }

    @Test func deepObjectChainsFailCleanly() {
        let bytes = Array(String(repeating: "{\"a\":", count: 1_000_000).utf8)
        let error = #expect(throws: JSON5SyntaxError.self) { try JSON5.parse(bytes: bytes) }
        #expect(error?.position == SourcePosition(offset: 512 * 5, line: 1, column: 512 * 5 + 1))
        #expect(error?.message == "nesting deeper than 512 levels")
    }

    @Test func mixedNestingCountsBoth() throws {
        let ok = String(repeating: "[{a:", count: 2) + "1" + String(repeating: "}]", count: 2)
        #expect(throws: Never.self) { try JSON5.parse(ok, maxDepth: 4) }
        let error = #expect(throws: JSON5SyntaxError.self) { try JSON5.parse("[{a:[{a:[1]}]}]", maxDepth: 4) }
        #expect(error?.position.column == 9)
    }

    @Test func customLimits() throws {
        #expect(throws: JSON5SyntaxError.self) { try JSON5.parse("[]", maxDepth: 0) }
        #expect(try JSON5.parse("1", maxDepth: 0).asDouble == 1)
        // The parser keeps its own stack, so limits far above the default work too.
        let deep = try JSON5.parse(bytes: Self.nestedArrays(2_000), maxDepth: 2_000)
        var depth = 0
        var node: JSON5Node? = deep
        while let current = node {
            depth += 1
            node = current[index: 0]
        }
        #expect(depth == 2_000)
    }
}

@Suite("Linear time on large inputs")
struct PerformanceTests {
    // The release build parses these in a few hundredths of a second (10 MB string) to a
    // few tenths (800,000 elements); the bound only has to catch quadratic behaviour,
    // which would take hours, in a debug build on a busy machine.
    static let limit: Duration = .seconds(60)

    static func time(_ body: () throws -> Void) rethrows -> Duration {
        try ContinuousClock().measure(body)
    }

    @Test func tenMegabyteString() throws {
        let content = String(repeating: "abcdéfgh\\n", count: 1_000_000)
        let text = "{s: \"" + content + "\"}"
        var value: String?
        let duration = try Self.time { value = try JSON5.parse(text)[key: "s"]?.asString }
        #expect(value?.utf8.count == 10_000_000)
        #expect(duration < Self.limit)
    }

    @Test func tenMegabyteArray() throws {
        let text = "[" + String(repeating: "123456789012,", count: 800_000) + "1]"
        var root: JSON5Node?
        let duration = try Self.time { root = try JSON5.parse(text) }
        #expect(root?.elements?.count == 800_001)
        #expect(root?.range.end.column == text.utf8.count + 1)
        #expect(duration < Self.limit)
    }

    @Test func tenMegabyteObjectAndComments() throws {
        let members = (0..<400_000).map { "k\($0): 'v'," }.joined()
        let text = "// " + String(repeating: "c", count: 1_000_000) + "\n/*"
            + String(repeating: "d\n", count: 500_000) + "*/{" + members + "}"
        var root: JSON5Node?
        let duration = try Self.time { root = try JSON5.parse(text) }
        #expect(root?.members?.count == 400_000)
        #expect(root?.range.start.line == 500_002)
        #expect(duration < Self.limit)
    }
}
