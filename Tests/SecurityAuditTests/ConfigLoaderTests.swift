import Foundation
import Testing
@testable import SecurityAudit

/// Config loading: JSON5, `$include`, `${VAR}`, the env block, and errors that name
/// the file, line and column.
struct ConfigLoaderTests {
    func load(_ dir: TemporaryDirectory, _ env: [String: String] = [:]) throws(ConfigLoadError) -> LoadedConfig {
        try ConfigLoader(environment: env).load(path: dir.url("openclaw.json"))
    }

    @Test func missingFileIsTheEmptyConfig() throws {
        let dir = try TemporaryDirectory()
        let loaded = try load(dir)
        #expect(!loaded.exists)
        #expect(loaded.root.object?.isEmpty == true)
    }

    @Test func json5WithCommentsKeepsKeyOrderAndOrigins() throws {
        let dir = try TemporaryDirectory()
        try dir.write("openclaw.json", "// comment\n{\n  zeta: 1,\n  alpha: { bind: 'lan', },\n}\n")
        let loaded = try load(dir)
        #expect(loaded.root.object?.keys == ["zeta", "alpha"])
        let bind = try #require(loaded.root["alpha"]["bind"])
        #expect(bind.string == "lan")
        #expect(bind.origin?.file == dir.url("openclaw.json"))
        #expect(bind.origin?.range.start.line == 4)
        #expect(bind.origin?.range.start.column == 18)
    }

    @Test func syntaxErrorNamesFileLineAndColumn() throws {
        let dir = try TemporaryDirectory()
        try dir.write("openclaw.json", "{\n  gateway: { bind: \"lan\" \n  oops }\n}")
        #expect {
            try load(dir)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix(dir.url("openclaw.json") + ":3:") && (error as? ConfigLoadError)?.position != nil
        }
    }

    @Test func topLevelMustBeAnObject() throws {
        let dir = try TemporaryDirectory()
        try dir.write("openclaw.json", "[1, 2]")
        #expect(throws: ConfigLoadError.self) { try load(dir) }
    }

    @Test func includeSingleArrayAndSiblingsDeepMerge() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.json5", "{ gateway: { bind: 'lan', trustedProxies: ['1.1.1.1'] }, list: [1] }")
        try dir.write("sub/b.json5", "{ gateway: { trustedProxies: ['2.2.2.2'] }, list: [2], nested: { $include: './c.json5' } }")
        try dir.write("sub/c.json5", "{ deep: true }")
        try dir.write("openclaw.json", "{ $include: ['./a.json5', './sub/b.json5'], gateway: { bind: 'loopback' } }")
        let loaded = try load(dir)
        #expect(loaded.root["gateway"]["bind"].string == "loopback")
        #expect(loaded.root["gateway"]["trustedProxies"].array?.compactMap(\.string) == ["1.1.1.1", "2.2.2.2"])
        #expect(loaded.root["list"].array?.compactMap(\.number) == [1, 2])
        #expect(loaded.root["nested"]["deep"].bool == true)
        #expect(loaded.includeFiles == [dir.url("a.json5"), dir.url("sub/b.json5"), dir.url("sub/c.json5")])
        #expect(loaded.root["gateway"]["trustedProxies"].array?.last?.origin?.file == dir.url("sub/b.json5"))
    }

    @Test func includeErrors() throws {
        let dir = try TemporaryDirectory()
        try dir.write("loop-a.json5", "{ $include: './loop-b.json5' }")
        try dir.write("loop-b.json5", "{ $include: './loop-a.json5' }")
        try dir.write("openclaw.json", "{ $include: './loop-a.json5' }")
        #expect { try load(dir) } throws: { "\($0)".contains("Circular include detected") }

        try dir.write("openclaw.json", "{\n  $include: '../outside.json5' }")
        #expect { try load(dir) } throws: { "\($0)" .contains("openclaw.json:2:13: Include path escapes config directory") }

        try dir.write("openclaw.json", "{ $include: 42 }")
        #expect { try load(dir) } throws: { "\($0)".contains("Invalid $include value") }

        try dir.write("scalar.json5", "7")
        try dir.write("openclaw.json", "{ $include: './scalar.json5', x: 1 }")
        #expect { try load(dir) } throws: { "\($0)".contains("Sibling keys require included content to be an object") }

        try dir.write("bad.json5", "{ a: }")
        try dir.write("openclaw.json", "{ $include: './bad.json5' }")
        #expect { try load(dir) } throws: { "\($0)".hasPrefix(dir.url("bad.json5") + ":1:") }

        try dir.write("openclaw.json", "{ $include: './missing.json5' }")
        #expect { try load(dir) } throws: { "\($0)".contains("Failed to read include file") }
    }

    @Test func includeDepthIsLimitedToTen() throws {
        let dir = try TemporaryDirectory()
        for level in 0..<11 {
            try dir.write("l\(level).json5", "{ $include: './l\(level + 1).json5' }")
        }
        try dir.write("l11.json5", "{ end: true }")
        try dir.write("openclaw.json", "{ $include: './l0.json5' }")
        #expect { try load(dir) } throws: { "\($0)".contains("Maximum include depth (10) exceeded") }
        try dir.write("l9.json5", "{ end: true }")
        #expect(try load(dir).root["end"].bool == true)
    }

    @Test func includeMustBeARegularSmallFileInsideTheFolder() throws {
        let dir = try TemporaryDirectory()
        try dir.write("big.json5", "{ a: \"" + String(repeating: "x", count: 2 * 1024 * 1024) + "\" }")
        try dir.write("openclaw.json", "{ $include: './big.json5' }")
        #expect { try load(dir) } throws: { "\($0)".contains("failed security checks") }

        let outside = try TemporaryDirectory()
        try outside.write("secret.json5", "{}")
        symlink(outside.url("secret.json5"), dir.url("link.json5"))
        try dir.write("openclaw.json", "{ $include: './link.json5' }")
        #expect { try load(dir) } throws: { "\($0)".contains("resolves outside config directory (symlink)") }

        symlink("/dev/zero", dir.url("zero.json5"))
        try dir.write("openclaw.json", "{ $include: './zero.json5' }")
        #expect { try load(dir) } throws: { "\($0)".contains("failed security checks") || "\($0)".contains("outside") }

        try dir.write("hard-src.json5", "{}")
        link(dir.url("hard-src.json5"), dir.url("hard.json5"))
        try dir.write("openclaw.json", "{ $include: './hard.json5' }")
        #expect { try load(dir) } throws: { "\($0)".contains("failed security checks") }
    }

    @Test func prototypeKeysAreDroppedWhenMerging() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.json5", "{ __proto__: { polluted: true }, ok: 1 }")
        try dir.write("openclaw.json", "{ $include: ['./a.json5'] }")
        let loaded = try load(dir)
        #expect(loaded.root["__proto__"] == nil)
        #expect(loaded.root["ok"].number == 1)
    }

    @Test func environmentSubstitutionEscapesAndMissingVariables() throws {
        let dir = try TemporaryDirectory()
        try dir.write("openclaw.json", #"{ a: "${TOKEN}", b: "$${TOKEN}", c: "${BASE}/v1", d: ["${NOPE}", "${NOPE}"], e: "${lower}", f: { g: "${ALSO_MISSING}" } }"#)
        let loaded = try load(dir, ["TOKEN": "t0k", "BASE": "https://x"])
        #expect(loaded.root["a"].string == "t0k")
        #expect(loaded.root["b"].string == "${TOKEN}")
        #expect(loaded.root["c"].string == "https://x/v1")
        #expect(loaded.root["d"].array?.first?.string == "${NOPE}")
        #expect(loaded.root["e"].string == "${lower}")
        // Once per name and path (issue 19 item 4: a name used at two paths is unknown at both).
        #expect(loaded.missingEnvironmentVariables.map { "\($0.name)@\($0.configPath)" } == [
            "NOPE@d[0]", "NOPE@d[1]", "ALSO_MISSING@f.g",
        ])
        #expect(loaded.missingEnvironmentVariables.first?.origin?.description == dir.path + "/openclaw.json:1:55")
        #expect(loaded.root["d"].array?.first?.isUnresolved == true)
        #expect(loaded.root["d"].array?.first?.knownString == nil)
        #expect(loaded.root["b"].isUnresolved == false)
        #expect(loaded.root["c"].knownString == "https://x/v1")
        #expect(loaded.root["e"].knownString == "${lower}")
    }

    @Test func envBlockFillsUnsetVariablesOnly() throws {
        let dir = try TemporaryDirectory()
        try dir.write("openclaw.json", #"{ env: { vars: { A: "from-vars", PATH: "/evil" }, B: "direct", C: "config" }, x: "${A}-${B}-${C}" }"#)
        let loaded = try load(dir, ["C": "shell"])
        #expect(loaded.root["x"].string == "from-vars-direct-shell")
        #expect(loaded.environment["PATH"] == nil)
    }

    @Test func configThatIsNotARegularFileIsAnErrorNotAHang() throws {
        let dir = try TemporaryDirectory()
        try dir.makeDirectory("openclaw.json")
        #expect { try load(dir) } throws: { "\($0)".contains("not a regular file") }
        let fifo = try TemporaryDirectory()
        mkfifo(fifo.url("openclaw.json"), 0o600)
        #expect { try load(fifo) } throws: { "\($0)".contains("not a regular file") }
    }

    @Test func dotEnvParsing() {
        let parsed = DotEnv.parse("# c\nexport A=1\nB = \"two words\"\nC='x' \nD=plain # note\n9BAD=x\nE=\"l1\\nl2\"\n")
        #expect(parsed.map(\.key) == ["A", "B", "C", "D", "E"])
        #expect(parsed.map(\.value) == ["1", "two words", "x", "plain", "l1\nl2"])
    }
}
