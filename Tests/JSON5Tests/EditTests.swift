import Foundation
import JSON5
import Testing

@Suite("Text edits")
struct EditTests {
    /// Applies one edit and checks what every edit must keep: the result parses, and the
    /// text outside the edited range is byte-identical.
    static func apply(_ edit: JSON5TextEdit, to text: String) throws -> String {
        let result = JSON5Edits.apply([edit], to: text)
        #expect(throws: Never.self) { try JSON5.parse(result) }
        let before = Array(text.utf8)
        let after = Array(result.utf8)
        #expect(after.prefix(edit.range.lowerBound) == before.prefix(edit.range.lowerBound))
        let tail = before.count - edit.range.upperBound
        #expect(after.suffix(tail) == before.suffix(tail))
        return result
    }

    /// Whether `small` is `large` with some bytes left out: an insertion kept everything.
    static func isSubsequence(_ small: String, of large: String) -> Bool {
        var iterator = large.utf8.makeIterator()
        return small.utf8.allSatisfy { byte in
            while let next = iterator.next() { if next == byte { return true } }
            return false
        }
    }

    /// `keepsAllBytes: false` for empty objects, whose blank inside is rewritten.
    static func insert(
        _ key: String, _ valueText: String, at path: [String], in text: String, keepsAllBytes: Bool = true
    ) throws -> String {
        var object = try JSON5.parse(text)
        for key in path { object = try #require(object[key: key]) }
        let edit = JSON5Edits.insertMember(key: key, valueText: valueText, into: object, in: text)
        let result = try apply(edit, to: text)
        #expect(isSubsequence(text, of: result) == keepsAllBytes)
        var inserted = try JSON5.parse(result)
        for key in path { inserted = try #require(inserted[key: key]) }
        #expect(inserted.members?.last?.key == key)
        return result
    }

    static func remove(_ key: String, in text: String) throws -> String {
        let root = try JSON5.parse(text)
        let edit = try #require(JSON5Edits.removeMember(key: key, from: root, in: text))
        let result = try apply(edit, to: text)
        #expect(isSubsequence(result, of: text))
        #expect(try JSON5.parse(result)[key: key] == nil)
        return result
    }

    // MARK: insertMember

    @Test func insertAfterTrailingCommaKeepsStyleAndComments() throws {
        let text = """
            {
              // gateway settings
              "gateway": {
                "bind": "lan", // exposed!
                "port": 8080,
              },
            }
            """
        #expect(try Self.insert("auth", #"{"mode": "token"}"#, at: ["gateway"], in: text) == """
            {
              // gateway settings
              "gateway": {
                "bind": "lan", // exposed!
                "port": 8080,
                "auth": {"mode": "token"},
              },
            }
            """)
    }

    @Test func insertWithoutTrailingCommaLeavesTheCommentWithItsMember() throws {
        let text = """
            {
                bind: 'lan',
                port: 8080 /* default */ // really
            }
            """
        #expect(try Self.insert("mode", "'token'", at: [], in: text) == """
            {
                bind: 'lan',
                port: 8080, /* default */ // really
                mode: 'token'
            }
            """)
        // Unquoted style, but not an identifier: quoted.
        let quoted = try Self.insert("auth-mode", JSON5.quote("token"), at: [], in: text)
        #expect(quoted.hasSuffix("    port: 8080, /* default */ // really\n    \"auth-mode\": \"token\"\n}"))
    }

    @Test func insertCopiesQuotesAndSeparator() throws {
        #expect(try Self.insert("it's", "2", at: [], in: "{\n  'a' : 1,\n}") == "{\n  'a' : 1,\n  'it\\'s' : 2,\n}")
        #expect(try Self.insert("b", "2", at: [], in: "{\n  \"a\":1\n}") == "{\n  \"a\":1,\n  \"b\":2\n}")
        // A separator with a comment in it is not copied.
        #expect(try Self.insert("b", "2", at: [], in: "{\n  a /* x */: 1\n}") == "{\n  a /* x */: 1,\n  b: 2\n}")
    }

    @Test func insertKeepsLineBreaksAndTabs() throws {
        #expect(try Self.insert("b", "2", at: [], in: "{\r\n\t\"a\": 1\r\n}") == "{\r\n\t\"a\": 1,\r\n\t\"b\": 2\r\n}")
        #expect(try Self.insert("b", "2", at: [], in: "{\r\t\"a\": 1 // c\r}") == "{\r\t\"a\": 1, // c\r\t\"b\": 2\r}")
    }

    @Test func insertIntoOneLineObjects() throws {
        #expect(try Self.insert("c", "3", at: [], in: #"{"a": 1, "b": 2}"#) == #"{"a": 1, "b": 2, "c": 3}"#)
        #expect(try Self.insert("b", "2", at: [], in: "{a: 1, }") == "{a: 1, b: 2, }")
        #expect(try Self.insert("x", "true", at: ["o"], in: "{o: {a: 1}, // c\n}") == "{o: {a: 1, x: true}, // c\n}")
    }

    @Test func insertBeforeABraceOnTheSameLine() throws {
        #expect(try Self.insert("b", "2", at: [], in: "{\n  a: 1 }") == "{\n  a: 1,\n  b: 2\n}")
        #expect(try Self.insert("b", "2", at: ["x", "o"], in: "{\n  x: {o: {\n    a: 1, }}}")
            == "{\n  x: {o: {\n    a: 1,\n    b: 2,\n  }}}")
    }

    @Test func insertIntoEmptyObjects() throws {
        #expect(try Self.insert("a", "1", at: [], in: "{}") == "{\n  \"a\": 1\n}")
        #expect(try Self.insert("a", "1", at: [], in: "{ \n }\n", keepsAllBytes: false) == "{\n  \"a\": 1\n}\n")
        let text = """
            {
                "gateway": {},
                "x": 1
            }
            """
        #expect(try Self.insert("bind", #""loopback""#, at: ["gateway"], in: text) == """
            {
                "gateway": {
                    "bind": "loopback"
                },
                "x": 1
            }
            """)
    }

    @Test func insertIntoEmptyObjectsKeepsTheirComments() throws {
        let text = """
            {
              channels: {
                // none yet
              },
            }
            """
        #expect(try Self.insert("slack", "{}", at: ["channels"], in: text) == """
            {
              channels: {
                // none yet
                slack: {}
              },
            }
            """)
        #expect(try Self.insert("a", "1", at: [], in: "{ /* empty */ }") == "{ /* empty */\n  \"a\": 1\n}")
    }

    // MARK: removeMember

    static let removable = """
        {
          // first
          a: 1,
          b: [
            2,
          ], // about b
          c: 3 // about c
        }
        """

    @Test func removeAMemberWithItsLines() throws {
        #expect(try Self.remove("b", in: Self.removable) == """
            {
              // first
              a: 1,
              c: 3 // about c
            }
            """)
        // Comment lines above a member are not taken to be part of it.
        #expect(try Self.remove("a", in: Self.removable).hasPrefix("{\n  // first\n  b: [\n"))
    }

    @Test func removeTheLastMemberAlsoRemovesTheCommaBefore() throws {
        #expect(try Self.remove("c", in: Self.removable) == """
            {
              // first
              a: 1,
              b: [
                2,
              ] // about b
            }
            """)
        #expect(try Self.remove("b", in: "{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}") == "{\r\n  \"a\": 1\r\n}")
    }

    @Test func removeFromOneLineObjects() throws {
        #expect(try Self.remove("b", in: "{a: 1, b: 2, c: 3}") == "{a: 1, c: 3}")
        #expect(try Self.remove("a", in: "{a: 1, b: 2, c: 3}") == "{b: 2, c: 3}")
        #expect(try Self.remove("c", in: "{a: 1, b: 2, c: 3}") == "{a: 1, b: 2}")
        #expect(try Self.remove("c", in: "{a: 1, b: 2, c: 3, }") == "{a: 1, b: 2 }")
        #expect(try Self.remove("a", in: "{a: 1}") == "{}")
        #expect(try Self.remove("a", in: "{ a: 1, }") == "{  }")
        #expect(try Self.remove("b", in: "{\n  a: 1, b: 2,\n  c: 3\n}") == "{\n  a: 1,\n  c: 3\n}")
    }

    @Test func removeByKeyTakesTheLastDuplicate() throws {
        let text = "{\n  a: 1,\n  a: 2,\n}"
        let root = try JSON5.parse(text)
        let edit = try #require(JSON5Edits.removeMember(key: "a", from: root, in: text))
        #expect(JSON5Edits.apply([edit], to: text) == "{\n  a: 1,\n}")
        #expect(JSON5Edits.removeMember(key: "zzz", from: root, in: text) == nil)
    }

    // MARK: replaceValue and apply

    @Test func replaceValuesKeepsEverythingElse() throws {
        let text = """
            {
              port: 8080, // the port
              /* keep */ bind: 'lan',
              list: [1, 2, 3],
            }
            """
        let root = try JSON5.parse(text)
        let edits = [
            JSON5Edits.replaceValue(of: try #require(root[key: "bind"]), with: JSON5.quote("loop\"back")),
            JSON5Edits.replaceValue(of: try #require(root[key: "port"]), with: "18789"),
            JSON5Edits.replaceValue(of: try #require(root[key: "list"]?[index: 1]), with: "[]"),
        ]
        let result = JSON5Edits.apply(edits, to: text)
        #expect(result == """
            {
              port: 18789, // the port
              /* keep */ bind: "loop\\"back",
              list: [1, [], 3],
            }
            """)
        #expect(try JSON5.parse(result)[key: "bind"]?.asString == "loop\"back")
    }

    @Test func applyOrdersEditsAndKeepsInsertionOrder() {
        let edits = [
            JSON5TextEdit(range: 4..<5, replacement: "E"),
            JSON5TextEdit(range: 1..<1, replacement: "x"),
            JSON5TextEdit(range: 1..<1, replacement: "y"),
            JSON5TextEdit(range: 0..<1, replacement: "A"),
        ]
        #expect(JSON5Edits.apply(edits, to: "abcde") == "Axybcd" + "E")
        #expect(JSON5Edits.apply([], to: "é") == "é")
        #expect(JSON5Edits.apply([JSON5TextEdit(range: 0..<2, replacement: "e")], to: Array("é!".utf8)) == "e!")
    }

    /// Several fixes in a row on a commented config, each on the previous result.
    @Test func editSequenceOnARealConfig() throws {
        var text = """
            // openclaw config
            {
              gateway: {
                bind: "lan", // TODO: restrict
                auth: {},
              },
              /* channels */
              channels: {slack: {enabled: true}},
              logging: {redactSensitive: "off"},
            }
            """
        var root = try JSON5.parse(text)
        let bind = try #require(root[key: "gateway"]?[key: "bind"])
        text = try Self.apply(JSON5Edits.replaceValue(of: bind, with: #""loopback""#), to: text)
        root = try JSON5.parse(text)
        text = try Self.apply(
            JSON5Edits.insertMember(key: "mode", valueText: #""token""#,
                into: try #require(root[key: "gateway"]?[key: "auth"]), in: text), to: text)
        root = try JSON5.parse(text)
        text = try Self.apply(try #require(JSON5Edits.removeMember(key: "logging", from: root, in: text)), to: text)
        #expect(text == """
            // openclaw config
            {
              gateway: {
                bind: "loopback", // TODO: restrict
                auth: {
                  mode: "token"
                },
              },
              /* channels */
              channels: {slack: {enabled: true}},
            }
            """)
    }

    // MARK: quote

    @Test func quoteEscapesLikeJSONStringify() {
        #expect(JSON5.quote("plain") == #""plain""#)
        #expect(JSON5.quote("") == #""""#)
        #expect(JSON5.quote("a\"b\\c/'") == #""a\"b\\c/'""#)
        #expect(JSON5.quote("\u{8}\u{C}\n\r\t\u{0}\u{1}\u{B}\u{1F}") == #""\b\f\n\r\t\u0000\u0001\u000b\u001f""#)
        #expect(JSON5.quote("\u{7F}é😀\u{FEFF}") == "\"\u{7F}é😀\u{FEFF}\"")
        #expect(JSON5.quote("\u{2028}\u{2029}") == #""\u2028\u2029""#)
    }

    @Test func quotedStringsReadBackUnchanged() throws {
        var samples = (0..<0x300 as Range<UInt32>).compactMap(Unicode.Scalar.init).map { "x\(Character($0))y" }
        samples += ["😀\u{10FFFF}", "\u{2028}\u{2029}\u{FEFF}", "a\r\nb", "\\u0041", "\"'"]
        let decoder = JSONDecoder()  // strict JSON: the output must be plain JSON
        for sample in samples {
            let quoted = JSON5.quote(sample)
            #expect(try decoder.decode(String.self, from: Data(quoted.utf8)) == sample)
            #expect(try JSON5.parse(quoted).asString == sample)
        }
    }

    @Test func identifierNames() {
        #expect(JSON5.isIdentifierName("abc_$1"))
        #expect(JSON5.isIdentifierName("while"))
        #expect(JSON5.isIdentifierName("ümlåût"))
        #expect(!JSON5.isIdentifierName(""))
        #expect(!JSON5.isIdentifierName("1a"))
        #expect(!JSON5.isIdentifierName("a-b"))
        #expect(!JSON5.isIdentifierName("a b"))
    }
}
