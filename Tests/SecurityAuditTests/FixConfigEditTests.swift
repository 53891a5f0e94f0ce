import Foundation
import JSON5
import Testing
@testable import SecurityAudit

/// `--fix` config edits: only the fixed values' bytes change, in the file that holds
/// each value, and the WhatsApp allow list is seeded as the original seeds it.
struct FixConfigEditTests {
    @Test func onlyTheFixedValuesChangeInTheMainFileAndTheInclude() throws {
        let main = """
            // OpenClaw config, written by hand
            {
              $include: './channels.json5',   // shared channel settings
              gateway: {
                auth: { token: "${GATEWAY_TOKEN}" }, // from the environment
              },
              logging: {
                redactSensitive: 'off', /* while debugging */
                file: "${HOME}/logs/openclaw.log",
              },
              channels: { googlechat: { groupPolicy: "open" } },
            }

            """
        let include = """
            {
              channels: {
                telegram: { groupPolicy: "open", botToken: "${TELEGRAM_TOKEN}" },
                discord: {
                  // guild chat
                  groupPolicy: 'open',
                  accounts: { ops: { groupPolicy: "open", }, },
                },
              },
            }
            """
        let fixture = try FixFixture(config: main, environment: ["GATEWAY_TOKEN": "g" + String(repeating: "x", count: 40), "TELEGRAM_TOKEN": "t"])
        try fixture.write("channels.json5", include)
        let result = fixture.fix()

        #expect(result.errors == [])
        #expect(result.configWritten)
        #expect(result.changes == [
            #"logging.redactSensitive=off -> "tools""#,
            "channels.telegram.groupPolicy=open -> allowlist",
            "channels.discord.groupPolicy=open -> allowlist",
            "channels.discord.accounts.ops.groupPolicy=open -> allowlist",
        ])
        #expect(fixture.text("openclaw.json") == main.replacingOccurrences(of: "redactSensitive: 'off'", with: "redactSensitive: 'tools'"))
        #expect(fixture.text("channels.json5") == """
            {
              channels: {
                telegram: { groupPolicy: "allowlist", botToken: "${TELEGRAM_TOKEN}" },
                discord: {
                  // guild chat
                  groupPolicy: 'allowlist',
                  accounts: { ops: { groupPolicy: "allowlist", }, },
                },
              },
            }
            """)
        // The backups hold the files as they were.
        #expect(fixture.text("openclaw.json.bak") == main)
        #expect(fixture.text("channels.json5.bak") == include)
    }

    @Test func groupAllowFromIsInsertedInTheStyleOfTheSection() throws {
        let fixture = try FixFixture(config: """
            {
              channels: {
                whatsapp: {
                  groupPolicy: "open", // anyone may add the bot
                },
              },
            }
            """)
        try fixture.write("credentials/whatsapp-allowFrom.json", #"{ "version": 1, "allowFrom": ["+15551234567"] }"#)
        let result = fixture.fix()
        #expect(result.changes == ["channels.whatsapp.groupPolicy=open -> allowlist", "channels.whatsapp.groupAllowFrom=pairing-store"])
        #expect(fixture.text("openclaw.json") == """
            {
              channels: {
                whatsapp: {
                  groupPolicy: "allowlist", // anyone may add the bot
                  groupAllowFrom: ["+15551234567"],
                },
              },
            }
            """)
    }

    @Test func editsGoToTheFileWhereEachValueIsWritten() throws {
        // The policy is in the include; the section object that gets the new member is
        // the main file's (its sibling keys merge over the include).
        let fixture = try FixFixture(config: """
            { channels: { whatsapp: { $include: "./wa.json5", allowFrom: [] } } }
            """)
        try fixture.write("wa.json5", "{ groupPolicy: 'open' }\n")
        try fixture.write("credentials/whatsapp-allowFrom.json", #"{ "version": 1, "allowFrom": ["+1"] }"#)
        let result = fixture.fix()
        #expect(result.errors == [])
        #expect(fixture.text("wa.json5") == "{ groupPolicy: 'allowlist' }\n")
        #expect(fixture.text("openclaw.json") == """
            { channels: { whatsapp: { $include: "./wa.json5", allowFrom: [], groupAllowFrom: ["+1"] } } }
            """)
    }

    @Test func aWholeSectionFromAnIncludeIsEditedInTheInclude() throws {
        let fixture = try FixFixture(config: #"{ channels: { whatsapp: { $include: "./wa.json5" } } }"#)
        try fixture.write("wa.json5", "{\n  groupPolicy: 'open',\n}\n")
        try fixture.write("credentials/whatsapp-allowFrom.json", #"{ "version": 1, "allowFrom": ["+1"] }"#)
        _ = fixture.fix()
        #expect(fixture.text("openclaw.json") == #"{ channels: { whatsapp: { $include: "./wa.json5" } } }"#)
        #expect(fixture.text("wa.json5") == "{\n  groupPolicy: 'allowlist',\n  groupAllowFrom: [\"+1\"],\n}\n")
    }

    @Test func anEnvironmentReferenceThatResolvesToOpenIsReplaced() throws {
        let fixture = try FixFixture(config: #"{ channels: { slack: { groupPolicy: "${POLICY}" } } }"#, environment: ["POLICY": "open"])
        let result = fixture.fix()
        #expect(result.changes == ["channels.slack.groupPolicy=open -> allowlist"])
        #expect(fixture.text("openclaw.json") == #"{ channels: { slack: { groupPolicy: "allowlist" } } }"#)
    }

    @Test func sevenChannelsAreFlippedAndOthersLeftAlone() throws {
        let channels = ["telegram", "whatsapp", "discord", "signal", "imessage", "slack", "msteams", "googlechat", "irc"]
        let config = "{ channels: { " + channels.reversed().map { "\($0): { groupPolicy: 'open' }" }.joined(separator: ", ") + " } }"
        let fixture = try FixFixture(config: config)
        let result = fixture.fix()
        // The original's channel order, not the file's.
        #expect(result.changes == channels.prefix(7).map { "channels.\($0).groupPolicy=open -> allowlist" })
        #expect(fixture.text("openclaw.json")?.contains("googlechat: { groupPolicy: 'open' }") == true)
        #expect(fixture.text("openclaw.json")?.contains("irc: { groupPolicy: 'open' }") == true)
        #expect(fixture.text("openclaw.json")?.contains("msteams: { groupPolicy: 'allowlist' }") == true)
    }

    @Test func valuesOtherThanOpenAndOffAreLeftAlone() throws {
        let config = #"{ logging: { redactSensitive: "OFF" }, channels: { telegram: { groupPolicy: "Open", accounts: { a: "open", b: { groupPolicy: "disabled" } } } } }"#
        let fixture = try FixFixture(config: config)
        let result = fixture.fix()
        #expect(result.changes == [])
        #expect(!result.configWritten)
        #expect(fixture.text("openclaw.json") == config)
        #expect(fixture.names(in: ".").filter { $0.hasPrefix("openclaw.json.") } == [])
    }

    @Test func pairingStoreMergesScopedAndLegacyFiles() throws {
        let fixture = try FixFixture(config: "{ channels: { whatsapp: { groupPolicy: 'open', accounts: { a1: { groupPolicy: 'open' }, a2: { groupPolicy: 'open', groupAllowFrom: ['+9'] } } } } }")
        try fixture.write("credentials/whatsapp-default-allowFrom.json", #"{ "version": 1, "allowFrom": [" +2 ", "*", "", "+1"] }"#)
        try fixture.write("credentials/whatsapp-allowFrom.json", #"{ "version": 1, "allowFrom": ["+1", "+3", 44] }"#)
        try fixture.write("credentials/whatsapp-a1-allowFrom.json", #"{ "version": 1, "allowFrom": ["+77"] }"#)
        let result = fixture.fix()
        #expect(result.changes == [
            "channels.whatsapp.groupPolicy=open -> allowlist",
            "channels.whatsapp.accounts.a1.groupPolicy=open -> allowlist",
            "channels.whatsapp.accounts.a2.groupPolicy=open -> allowlist",
            "channels.whatsapp.groupAllowFrom=pairing-store",
            "channels.whatsapp.accounts.a1.groupAllowFrom=pairing-store",
        ])
        // Accounts get the default account's list too, as in the original.
        #expect(fixture.text("openclaw.json") == #"{ channels: { whatsapp: { groupPolicy: 'allowlist', accounts: { a1: { groupPolicy: 'allowlist', groupAllowFrom: ["+2", "+1", "+3", "44"] }, a2: { groupPolicy: 'allowlist', groupAllowFrom: ['+9'] } }, groupAllowFrom: ["+2", "+1", "+3", "44"] } } }"#)
    }

    @Test func seedingNeedsAFlipAndAnEmptyListAndAStore() throws {
        // Not flipped (already allowlist): nothing to seed even with a store.
        let notFlipped = try FixFixture(config: "{ channels: { whatsapp: { groupPolicy: 'allowlist' } } }")
        try notFlipped.write("credentials/whatsapp-allowFrom.json", #"{ "version": 1, "allowFrom": ["+1"] }"#)
        #expect(notFlipped.fix().changes == [])

        // No store: the policy flips, groups fail closed.
        let noStore = try FixFixture(config: "{ channels: { whatsapp: { groupPolicy: 'open' } } }")
        #expect(noStore.fix().changes == ["channels.whatsapp.groupPolicy=open -> allowlist"])

        // An empty list present is replaced; a non-empty allowFrom blocks the seeding.
        let emptyList = try FixFixture(config: "{ channels: { whatsapp: { groupPolicy: 'open', groupAllowFrom: [ ] } } }")
        try emptyList.write("credentials/whatsapp-allowFrom.json", #"{ "version": 1, "allowFrom": ["+1"] }"#)
        _ = emptyList.fix()
        #expect(emptyList.text("openclaw.json") == #"{ channels: { whatsapp: { groupPolicy: 'allowlist', groupAllowFrom: ["+1"] } } }"#)

        // Other channels are never seeded.
        let telegram = try FixFixture(config: "{ channels: { telegram: { groupPolicy: 'open' } } }")
        try telegram.write("credentials/whatsapp-allowFrom.json", #"{ "version": 1, "allowFrom": ["+1"] }"#)
        try telegram.write("credentials/telegram-allowFrom.json", #"{ "version": 1, "allowFrom": ["123"] }"#)
        #expect(telegram.fix().changes == ["channels.telegram.groupPolicy=open -> allowlist"])
    }

    @Test func theEditorKeepsDoubleAndSingleQuotesAndEscapes() {
        #expect(ConfigFileEditor.escape("a'b\"c\\d\n", quote: "'") == #"a\'b"c\\d\u000a"#)
        #expect(ConfigFileEditor.escape("a'b\"c", quote: "\"") == #"a'b\"c"#)
        #expect(ConfigFileEditor.listText(["+1", "a\"b"]) == #"["+1", "a\"b"]"#)
    }

    @Test func conflictingEditsOfTheSameBytesAreRefused() throws {
        let origin = ConfigOrigin(file: "/x.json5", range: try JSON5Parse.range(of: "'open'", in: "{ a: 'open' }"))
        let bytes = Array("{ a: 'open' }".utf8)
        #expect(throws: ConfigFileEditor.ConfigFileEditError.self) {
            try ConfigFileEditor.apply([.replaceString(at: origin, newValue: "x"), .replaceString(at: origin, newValue: "y")], to: bytes, file: "/x.json5")
        }
        let same = try ConfigFileEditor.apply([.replaceString(at: origin, newValue: "x"), .replaceString(at: origin, newValue: "x")], to: bytes, file: "/x.json5")
        #expect(String(decoding: same, as: UTF8.self) == "{ a: 'x' }")
    }

    @Test func aFileThatNoLongerMatchesThePlanIsNotEdited() throws {
        let origin = ConfigOrigin(file: "/x.json5", range: try JSON5Parse.range(of: "'open'", in: "{ a: 'open' }"))
        #expect(throws: ConfigFileEditor.ConfigFileEditError.self) {
            try ConfigFileEditor.apply([.replaceString(at: origin, newValue: "x")], to: Array("{ a: 12345678 }".utf8), file: "/x.json5")
        }
    }
}

/// The range of the value whose text is `literal` in a parsed one-level object.
enum JSON5Parse {
    struct NotFound: Error {}

    static func range(of literal: String, in text: String) throws -> SourceRange {
        let root = try JSON5.parse(text)
        for member in root.members ?? [] {
            let bytes = Array(text.utf8)[member.value.range.byteRange]
            if String(decoding: bytes, as: UTF8.self) == literal { return member.value.range }
        }
        throw NotFound()
    }
}
