import JSON5
import Testing

@Suite("Official JSON5 test suite")
struct ConformanceSuiteTests {
    @Test func suiteIsFound() {
        // A wrong path would otherwise pass silently with no cases at all.
        #expect(Fixtures.cases.count == 113)
        #expect(Fixtures.validCases.count == 82)
        #expect(Fixtures.cases.contains("todo/unicode-unquoted-key.json5"))
    }

    @Test(arguments: Fixtures.cases)
    func parsesExactlyTheValidCases(_ path: String) throws {
        let bytes = try Fixtures.bytes(path)
        if Fixtures.isValid(path) {
            #expect(throws: Never.self) { try JSON5.parse(bytes: bytes, file: path) }
        } else {
            #expect(throws: JSON5SyntaxError.self) { try JSON5.parse(bytes: bytes, file: path) }
        }
    }

    /// Some invalid cases come with the reference implementation's error (`.errorSpec`):
    /// ours must point at the same character. `at` there is 1-based.
    @Test(arguments: [
        ("arrays/no-comma-array.txt", 16, 3, 5),
        ("comments/top-level-block-comment.txt", 77, 4, 3),
        // The spec says column 67 on this 65-character line: one past the end of input,
        // which is column 66.
        ("comments/top-level-inline-comment.txt", 66, 1, 66),
        ("objects/illegal-unquoted-key-number.txt", 7, 2, 5),
        ("objects/illegal-unquoted-key-symbol.txt", 12, 2, 10),
        ("objects/leading-comma-object.txt", 7, 2, 5),
        // The spec says line 2, column 0 for the line break itself, having already
        // counted it; the line break is on line 1, column 5.
        ("strings/unescaped-multi-line-string.txt", 5, 1, 5),
    ])
    func errorPositionMatchesErrorSpec(_ path: String, at: Int, line: Int, column: Int) throws {
        let bytes = try Fixtures.bytes(path)
        let error = #expect(throws: JSON5SyntaxError.self) { try JSON5.parse(bytes: bytes) }
        #expect(error?.position == SourcePosition(offset: at - 1, line: line, column: column))
    }

    @Test func todoCasesReadTheirKeys() throws {
        let escaped = try JSON5.parse(bytes: Fixtures.bytes("todo/unicode-escaped-unquoted-key.json5"))
        #expect(escaped.members?.map(\.key) == ["sigΣma"])
        let unicode = try JSON5.parse(bytes: Fixtures.bytes("todo/unicode-unquoted-key.json5"))
        #expect(unicode.members?.map(\.key) == ["ümlåût"])
    }
}
