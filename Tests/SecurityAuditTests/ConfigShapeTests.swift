import Testing
@testable import SecurityAudit

/// The config is read in the shape of the audited release (`ConfigShape`): from 2026.8.1
/// the keyed roster, `gateway.nodes.commands`, `tools.exec.mode` and
/// `agents.defaults.model`; before it `agents.list`, `allowCommands` / `denyCommands` and
/// `tools.exec.security` / `ask`. Legacy keys of a newer release are reported through
/// `config.legacy_keys`, keys of a later release through `config.invalid_value`.
struct ConfigShapeTests {
    func context(_ config: String, release: String?) throws -> AuditContext {
        try auditContext(in: TemporaryDirectory(), config: config, release: release)
    }

    func findings(_ config: String, release: String?, _ id: String) throws -> [Finding] {
        try Auditor.run(context(config, release: release), timestamp: 0).findings.filter { $0.checkId == id }
    }

    static let listConfig = #"{ tools: { profile: "minimal" }, agents: { list: [{ id: "owner", default: true, tools: { profile: "full" } }, { id: "ops" }, { name: "no id" }] } }"#
    static let keyedConfig = #"{ tools: { profile: "minimal" }, agents: { ownership: "explicit", entries: { owner: { tools: { profile: "full" } }, ops: {} } } }"#

    @Test func theShapeChangesWith2026_8_1() {
        #expect(ConfigShape(release: OpenClawRelease(version: OpenClawVersion("2026.7.1-2"), source: "t")) == .listRoster)
        #expect(ConfigShape(release: OpenClawRelease(version: OpenClawVersion("2026.8.1-beta.3"), source: "t")) == .listRoster)
        #expect(ConfigShape(release: OpenClawRelease(version: OpenClawVersion("2026.8.1"), source: "t")) == .keyedRoster)
        #expect(ConfigShape(release: .unknown) == .keyedRoster)
    }

    @Test func aListRosterIsReadAsWrittenBefore2026_8_1() throws {
        let context = try context(Self.listConfig, release: "2026.7.1")
        #expect(!context.agents.usesEntries)
        #expect(context.agents.agents.map(\.id) == ["owner", "ops"])
        #expect(context.configFile.legacyKeys.isEmpty)
        let overridden = try findings(Self.listConfig, release: "2026.7.1", "tools.profile_minimal_overridden")
        #expect(overridden.first?.detail.hasSuffix("- agents.list.owner=full") == true)
    }

    @Test func aListRosterIsMigratedToEntriesFrom2026_8_1() throws {
        let context = try context(Self.listConfig, release: "2026.8.1")
        #expect(context.agents.usesEntries)
        #expect(context.agents.agents.map(\.id) == ["owner", "ops"])
        #expect(context.config["agents"]["entries"]["owner"]["id"] == nil)
        #expect(context.config["agents"]["entries"]["owner"]["default"].bool == true)
        #expect(context.config["agents"]["list"] == nil)
        let legacy = try findings(Self.listConfig, release: "2026.9.9", LegacyKeysCheck.id)
        #expect(legacy.map(\.title) == ["Legacy config key: agents.list"])
        #expect(legacy.first?.detail.contains("1 entry without a usable or unique id could not be keyed") == true)
        #expect(legacy.first?.detail.contains("Audited as agents.entries.") == true)
        #expect(legacy.first?.location != nil)
        let overridden = try findings(Self.listConfig, release: "2026.9.9", "tools.profile_minimal_overridden")
        #expect(overridden.first?.detail.hasSuffix("- agents.entries.owner=full") == true)
    }

    @Test func bothRosterKeysOnANewReleaseKeepTheEntries() throws {
        let config = #"{ agents: { entries: { a: {} }, list: [{ id: "b" }] } }"#
        let context = try context(config, release: "2026.9.9")
        #expect(context.agents.agents.map(\.id) == ["a"])
        #expect(context.configFile.legacyKeys.map(\.migrated) == [false])
    }

    @Test func theKeyedRosterIsNotReadBefore2026_8_1() throws {
        let context = try context(Self.keyedConfig, release: "2026.7.1")
        #expect(context.agents.agents.isEmpty)
        #expect(!context.agents.hasRoster)
        #expect(try findings(Self.keyedConfig, release: "2026.7.1", "tools.profile_minimal_overridden").isEmpty)
        let rejected = try findings(Self.keyedConfig, release: "2026.7.1", RejectedValuesCheck.id)
        #expect(rejected.map { String($0.detail.prefix(44)) } == [
            "OpenClaw 2026.7.1 has no agents.entries key:", "OpenClaw 2026.7.1 has no agents.ownership ke",
        ])
        #expect(rejected.allSatisfy { $0.detail.hasSuffix("the audit reads the config as this release does, without the key.") })
        #expect(Auditor.run(context, timestamp: 0).scope?.ignoredKeys == ["agents.entries", "agents.ownership"])
        // The newest shape reads it, and nothing is reported about the keys.
        #expect(try findings(Self.keyedConfig, release: "2026.8.1", RejectedValuesCheck.id).isEmpty)
        #expect(try findings(Self.keyedConfig, release: "2026.8.1", "tools.profile_minimal_overridden").count == 1)
    }

    @Test func nodeCommandListsFollowTheRelease() throws {
        let old = #"{ gateway: { nodes: { allowCommands: ["camera.snap"], denyCommands: ["camera.snapx"] } } }"#
        let older = try findings(old, release: "2026.7.1", "gateway.nodes.allow_commands_dangerous")
        #expect(older.first?.detail.hasPrefix("gateway.nodes.allowCommands includes: camera.snap.") == true)
        #expect(try findings(old, release: "2026.7.1", "gateway.nodes.deny_commands_ineffective").first?.title
            == "Some gateway.nodes.denyCommands entries are ineffective")
        let newer = try findings(old, release: "2026.8.1", "gateway.nodes.allow_commands_dangerous")
        #expect(newer.first?.detail.hasPrefix("gateway.nodes.commands.allow includes: camera.snap.") == true)
        #expect(try findings(old, release: "2026.8.1", "gateway.nodes.deny_commands_ineffective").first?.title
            == "Some gateway.nodes.commands.deny entries are ineffective")
        #expect(try findings(old, release: "2026.8.1", LegacyKeysCheck.id).map(\.title)
            == ["Legacy config key: gateway.nodes.allowCommands", "Legacy config key: gateway.nodes.denyCommands"])

        let new = #"{ gateway: { nodes: { commands: { allow: ["camera.snap"] } } } }"#
        #expect(try findings(new, release: "2026.7.1", "gateway.nodes.allow_commands_dangerous").isEmpty)
        #expect(try findings(new, release: "2026.7.1", RejectedValuesCheck.id).count == 1)
        #expect(try findings(new, release: "2026.8.1", "gateway.nodes.allow_commands_dangerous").count == 1)
    }

    @Test(arguments: [
        ("deny", nil, "deny"), ("deny", "always", "deny"), ("allowlist", "off", "allowlist"),
        ("allowlist", "on-miss", "ask"), ("full", "off", "full"),
    ] as [(String, String?, String)])
    func execPairsThatNameOneModeBecomeIt(security: String, ask: String?, mode: String) {
        #expect(LegacyConfigMigration.execMode(security: security, ask: ask) == mode)
    }

    @Test func execPairsWithoutASingleModeStayAsWritten() throws {
        #expect(LegacyConfigMigration.execMode(security: "allowlist", ask: "always") == nil)
        #expect(LegacyConfigMigration.execMode(security: "full", ask: "on-miss") == nil)
        #expect(LegacyConfigMigration.execMode(security: nil, ask: "off") == nil)
        #expect(LegacyConfigMigration.execMode(security: "full", ask: nil) == nil)
        let config = #"{ tools: { exec: { security: "full", ask: "always" } } }"#
        let context = try context(config, release: "2026.9.9")
        #expect(context.config["tools"]["exec"]["security"].string == "full")
        #expect(context.configFile.legacyKeys.map(\.migrated) == [false])
        #expect(context.configFile.legacyKeys.first?.note.contains("no single mode matches security=full ask=always") == true)
    }

    @Test func execSecurityFollowsTheRelease() throws {
        let pair = #"{ channels: { slack: { dmPolicy: "open" } }, tools: { exec: { security: "full", ask: "off" } }, agents: { list: [{ id: "main", default: true }, { id: "ops", tools: { exec: { security: "allowlist", ask: "on-miss" } } }] } }"#
        let newer = try context(pair, release: "2026.8.1")
        #expect(newer.config["tools"]["exec"]["mode"].string == "full")
        #expect(newer.config["tools"]["exec"]["security"] == nil)
        #expect(newer.config["agents"]["entries"]["ops"]["tools"]["exec"]["mode"].string == "ask")
        #expect(newer.configFile.legacyKeys.map(\.path) == [
            "agents.list", "tools.exec.security + tools.exec.ask", "agents.entries.ops.tools.exec.security + agents.entries.ops.tools.exec.ask",
        ])
        #expect(try findings(pair, release: "2026.8.1", "tools.exec.security_full_configured").count == 1)
        #expect(try findings(pair, release: "2026.7.1", "tools.exec.security_full_configured").count == 1)

        let mode = #"{ channels: { slack: { dmPolicy: "open" } }, tools: { exec: { mode: "full" } }, agents: { list: [{ id: "main", default: true }, { id: "ops", tools: { exec: { mode: "full" } } }] } }"#
        #expect(try findings(mode, release: "2026.8.1", "tools.exec.security_full_configured").count == 1)
        // 2026.7.1 has no tools.exec.mode: the host's default applies, and the key is reported.
        let older = try context(mode, release: "2026.7.1")
        #expect(older.config["tools"]["exec"]["mode"] == nil)
        #expect(older.configFile.newerKeys.map(\.path) == ["tools.exec.mode", "agents.list[1].tools.exec.mode"])
        #expect(try findings(mode, release: "2026.7.1", "tools.exec.security_full_configured").isEmpty)
    }

    @Test func theTopLevelDefaultModelIsAuditedAsTheAgentsDefaultFrom2026_8_1() throws {
        let config = #"{ defaultModel: "openai/gpt-3.5-turbo" }"#
        #expect(try findings(config, release: "2026.8.1", "models.legacy").first?.detail
            .contains("openai/gpt-3.5-turbo (GPT-3.5 family) @ agents.defaults.model.primary") == true)
        #expect(try findings(config, release: "2026.7.1", "models.legacy").isEmpty)
        // An agents.defaults.model already written wins, as doctor keeps it.
        let both = #"{ defaultModel: "openai/gpt-3.5-turbo", agents: { defaults: { model: { primary: "anthropic/claude-opus-4-5" } } } }"#
        #expect(try findings(both, release: "2026.8.1", "models.legacy").isEmpty)
        #expect(try context(both, release: "2026.8.1").configFile.legacyKeys.map(\.migrated) == [false])
    }

    /// The deep step may learn the release from the gateway: the config is then read
    /// again, in that release's shape.
    @Test func aReleaseLearntLaterReadsTheConfigAgain() throws {
        var context = try context(#"{ meta: { lastTouchedVersion: "2026.7.1" }, agents: { list: [{ id: "a" }] } }"#, release: nil)
        #expect(context.configFile.shape == .listRoster)
        #expect(!context.agents.usesEntries)
        context.releaseEvidence.add(ReleaseClaim(source: .gateway, text: "2026.9.9"))
        let reread = context.readingConfigInReleaseShape()
        #expect(reread.configFile.shape == .keyedRoster)
        #expect(reread.agents.usesEntries)
        #expect(reread.configFile.legacyKeys.map(\.path) == ["agents.list"])
        #expect(reread.openclaw.version == OpenClawVersion("2026.9.9"))
        // And back: nothing is lost by reading twice.
        var back = reread
        back.releaseEvidence = ReleaseEvidence([ReleaseClaim(source: .flag, text: "2026.7.1")])
        let again = back.readingConfigInReleaseShape()
        #expect(!again.agents.usesEntries)
        #expect(again.configFile.legacyKeys.isEmpty)
        #expect(again.config["agents"]["list"].array?.count == 1)
    }
}
