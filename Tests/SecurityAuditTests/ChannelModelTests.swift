import Testing
@testable import SecurityAudit

/// A state dir with a config and extra files, prepared as the CLI prepares it.
struct ChannelFixture {
    let dir: TemporaryDirectory
    let context: AuditContext

    /// `release`: audit as that OpenClaw release (as `--openclaw-version`); nil: the
    /// config's stamp, else unknown (the newest behaviour).
    init(_ config: String, files: [String: String] = [:], environment: [String: String] = [:], release: String? = nil) throws {
        dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", config)
        for (path, text) in files { try dir.write("state/" + path, text) }
        try dir.makeDirectory("home")
        var env = environment
        env["HOME"] = dir.url("home")
        env["OPENCLAW_STATE_DIR"] = dir.url("state")
        var request = AuditRequest(environment: env, cwd: dir.path, systemHome: nil, loadDotEnv: false)
        request.openclawVersion = try release.map { try #require(OpenClawVersion($0)) }
        context = try AuditPreparation.prepare(request)
    }

    func channel(_ channel: KnownChannel) -> ChannelState? {
        context.channels.channels.first { $0.channel == channel }
    }

    func accounts(_ channel: KnownChannel) -> [ChannelAccount] { self.channel(channel)?.accounts ?? [] }

    func findings(_ check: any Check) -> [Finding] { check.findings(in: context) }
}

/// The channel model: accounts, their state, DM policies and pairing stores.
struct ChannelModelTests {
    @Test func pluginOrderAndDisabledPlugins() throws {
        let fixture = try ChannelFixture(#"{ plugins: { deny: ["slack"], entries: { irc: { enabled: false } } } }"#)
        #expect(fixture.context.channels.channels.map(\.channel.id)
            == ["telegram", "whatsapp", "discord", "googlechat", "signal", "imessage", "msteams", "mattermost", "matrix", "zalouser"])
        let off = try ChannelFixture(#"{ plugins: { enabled: false } }"#)
        #expect(off.context.channels.channels.isEmpty)
    }

    @Test func accountsAreSortedWithTheDefaultFirst() throws {
        let fixture = try ChannelFixture(#"""
        { channels: {
            discord: { token: "t", accounts: { beta: {}, Alpha: {}, "default": {}, "a-b": {}, a_b: {} } },
            slack: { accounts: { zeta: {}, eta: {} } },
            googlechat: { defaultAccount: "zeta", accounts: { eta: {}, zeta: {} } },
            telegram: { accounts: { "Work Bot": {} } },
            msteams: { accounts: { x: {} } } } }
        """#)
        #expect(fixture.accounts(.discord).map(\.id) == ["default", "a_b", "a-b", "Alpha", "beta"])
        #expect(fixture.accounts(.slack).map(\.id) == ["eta", "zeta"])
        #expect(fixture.accounts(.googlechat).map(\.id) == ["zeta", "eta"])
        #expect(fixture.accounts(.telegram).map(\.id) == ["work-bot"])
        #expect(fixture.accounts(.telegram).first?.key == "Work Bot")
        #expect(fixture.accounts(.msteams).map(\.id) == ["default"])
        #expect(fixture.accounts(.whatsapp).map(\.id) == ["default"])
    }

    @Test func telegramListsBoundAccountsAndTheDefaultAgentsAccountFirst() throws {
        let fixture = try ChannelFixture(#"""
        { agents: { list: [{ id: "ops", default: true }] },
          bindings: [{ agentId: "other", match: { channel: "telegram", accountId: "aaa" } },
                     { agentId: "Ops", match: { channel: "telegram", accountId: "Zed" } },
                     { agentId: "ops", match: { channel: "telegram", accountId: "*" } }],
          channels: { telegram: { accounts: { mid: {} } } } }
        """#)
        #expect(fixture.accounts(.telegram).map(\.id) == ["zed", "aaa", "mid"])
    }

    @Test func accountEntriesMergeOverTheChannel() throws {
        let fixture = try ChannelFixture(#"""
        { channels: {
            discord: { token: "t", groupPolicy: "open", dm: { policy: "open", allowFrom: ["1"] },
                       accounts: { work: { token: "w", dm: { policy: "pairing" } } } },
            matrix: { dm: { policy: "open", allowFrom: ["@a:x"] }, accounts: { work: { dm: { policy: "allowlist" } } } } } }
        """#)
        let work = try #require(fixture.accounts(.discord).first)
        #expect(work.id == "work" && work.key == "work")
        #expect(work.config["groupPolicy"].string == "open")
        #expect(work.config["dm"]["policy"].string == "pairing")
        #expect(work.config["dm"]["allowFrom"] == nil)
        #expect(work.config["accounts"] == nil)
        let matrix = try #require(fixture.accounts(.matrix).first)
        #expect(matrix.config["dm"]["policy"].string == "allowlist")
        #expect(matrix.config["dm"]["allowFrom"].array?.count == 1)
    }

    @Test func enabledFollowsChannelAndAccountSwitches() throws {
        let fixture = try ChannelFixture(#"""
        { web: { enabled: false },
          channels: {
            discord: { token: "t", accounts: { on: { token: "a" }, off: { token: "b", enabled: false } } },
            slack: { enabled: false, botToken: "x", appToken: "y" },
            whatsapp: {} } }
        """#)
        #expect(fixture.accounts(.discord).map(\.enabled) == [false, true])
        #expect(fixture.accounts(.slack).map(\.enabled) == [false])
        #expect(fixture.accounts(.whatsapp).map(\.enabled) == [false])
    }

    @Test func credentialsDecideConfigured() throws {
        let fixture = try ChannelFixture(#"""
        { channels: {
            discord: { token: "t", accounts: { "default": {}, other: {} } },
            slack: { botToken: "xoxb" },
            signal: { httpPort: 8080 },
            imessage: { groups: {} },
            googlechat: { serviceAccount: "{\"type\": \"service_account\"}" },
            msteams: { appId: "a", appPassword: { source: "env", id: "TEAMS_PW" } },
            mattermost: { botToken: "b", baseUrl: "https://mm.example" },
            matrix: { homeserver: "https://m.example", userId: "@bot:m.example" },
            irc: { host: "irc.example" } } }
        """#, environment: ["MSTEAMS_TENANT_ID": "tenant", "MATRIX_PASSWORD": "pw", "IRC_NICK": "bot"])
        // The channel-level Discord token serves only the default account.
        #expect(fixture.accounts(.discord).map(\.configured) == [true, false])
        #expect(fixture.accounts(.slack).map(\.configured) == [false])
        #expect(fixture.accounts(.signal).map(\.configured) == [true])
        #expect(fixture.accounts(.imessage).map(\.configured) == [false])
        #expect(fixture.accounts(.googlechat).map(\.configured) == [true])
        #expect(fixture.accounts(.msteams).map(\.configured) == [true])
        #expect(fixture.accounts(.mattermost).map(\.configured) == [true])
        #expect(fixture.accounts(.matrix).map(\.configured) == [true])
        #expect(fixture.accounts(.irc).map(\.configured) == [true])
        #expect(fixture.accounts(.telegram).map(\.configured) == [false])

        let fromEnv = try ChannelFixture("{}", environment: ["DISCORD_BOT_TOKEN": "t", "SLACK_BOT_TOKEN": "b", "SLACK_APP_TOKEN": "a"])
        #expect(fromEnv.accounts(.discord).map(\.configured) == [true])
        #expect(fromEnv.accounts(.slack).map(\.configured) == [true])
        let newest = GroupPolicyResolver(config: .emptyObject, release: .unknown)
        #expect(fromEnv.accounts(.discord).first.map { newest.resolve($0) }?.policy == "allowlist")
        #expect(fromEnv.accounts(.discord).first.map { newest.resolve($0) }?.source == .runtimeFallback)
    }

    @Test func telegramTokenFilesAreStatedNotRead() throws {
        let fixture = try ChannelFixture(#"""
        { channels: { telegram: { tokenFile: "tg.token", accounts: {
            "default": {},
            present: { tokenFile: "STATE/present.token" },
            empty: { tokenFile: "STATE/empty.token" },
            missing: { tokenFile: "STATE/missing.token", botToken: "ignored when the named file is missing" } } } } }
        """#.replacing("STATE", with: "./state"), files: ["present.token": "123:abc", "empty.token": ""])
        let state = Dictionary(uniqueKeysWithValues: fixture.accounts(.telegram).map { ($0.id, $0.configured) })
        #expect(state == ["default": false, "present": true, "empty": false, "missing": false])
    }

    @Test func whatsAppIsConfiguredWhenLinked() throws {
        let fixture = try ChannelFixture(
            #"{ channels: { whatsapp: { accounts: { "default": {}, work: {}, custom: { authDir: "./state/wa-custom" }, tiny: {} } } } }"#,
            files: [
                "credentials/whatsapp/work/creds.json": #"{"me": {}}"#,
                "wa-custom/creds.json": #"{"me": {}}"#,
                "credentials/whatsapp/tiny/creds.json": "{",
                "credentials/creds.json": #"{"legacy": true}"#,
            ])
        let state = Dictionary(uniqueKeysWithValues: fixture.accounts(.whatsapp).map { ($0.id, $0.configured) })
        #expect(state == ["default": true, "work": true, "custom": true, "tiny": false])
    }

    @Test func pairingStoresAreReadPerAccount() throws {
        let fixture = try ChannelFixture(
            #"{ channels: { discord: { token: "t", accounts: { "default": {}, Work: { token: "w" } } } } }"#,
            files: [
                "credentials/discord-allowFrom.json": #"{"version": 1, "allowFrom": ["discord:111", " 222 ", "*", "", 333, "111"]}"#,
                "credentials/discord-default-allowFrom.json": #"{"version": 1, "allowFrom": ["444"]}"#,
                "credentials/discord-work-allowFrom.json": #"{"version": 1, "allowFrom": ["user:555"]}"#,
                "credentials/telegram-allowFrom.json": "not json",
            ])
        #expect(fixture.accounts(.discord).map(\.storeAllowFrom) == [["444", "111", "222", "333"], ["555"]])
        #expect(fixture.context.channelFacts.pairingStores["telegram-allowFrom.json"] == nil)
        #expect(fixture.context.channelFacts.pairingStores.count == 3)
    }

    @Test func dmPolicyPathsNameTheKeyThatDecides() throws {
        let fixture = try ChannelFixture(#"""
        { channels: {
            telegram: { botToken: "t", accounts: { work: { botToken: "w", dmPolicy: "open" } } },
            discord: { token: "t", dmPolicy: "allowlist", allowFrom: ["1"], dm: { policy: "open", allowFrom: ["2"] } },
            slack: { botToken: "b", appToken: "a", dm: { policy: "disabled" } },
            googlechat: { dmPolicy: "open", dm: { policy: "pairing" } } } }
        """#)
        let telegram = DMPolicy(account: try #require(fixture.accounts(.telegram).first))
        #expect(telegram.policy == "open" && telegram.policyPath == "channels.telegram.accounts.work.dmPolicy")
        #expect(telegram.allowFromPath == "channels.telegram.accounts.work.")
        let discord = DMPolicy(account: try #require(fixture.accounts(.discord).first))
        #expect(discord.policy == "allowlist" && discord.policyPath == "channels.discord.dmPolicy" && discord.allowFromPath == "channels.discord.")
        #expect(discord.configEntries == ["1"])
        let slack = DMPolicy(account: try #require(fixture.accounts(.slack).first))
        #expect(slack.policy == "disabled" && slack.policyPath == "channels.slack.dm.policy" && slack.allowFromPath == "channels.slack.dm.")
        let chat = DMPolicy(account: try #require(fixture.accounts(.googlechat).first))
        #expect(chat.policy == "pairing" && chat.policyPath == "channels.googlechat.dm.policy")
    }

    @Test func distinctDMSendersAreCountedAfterNormalization() throws {
        let fixture = try ChannelFixture(
            #"{ channels: { discord: { token: "t", dm: { allowFrom: ["<@!111>", "user:111"] } }, whatsapp: { allowFrom: ["+1 555 0100", "whatsapp:+15550100"] } } }"#,
            files: ["credentials/whatsapp/default/creds.json": "{}\n"])
        let discord = try #require(fixture.accounts(.discord).first)
        #expect(DMPolicy(account: discord).allowCount(account: discord) == 1)
        let whatsapp = try #require(fixture.accounts(.whatsapp).first)
        #expect(whatsapp.configured)
        #expect(DMPolicy(account: whatsapp).allowCount(account: whatsapp) == 1)
    }

    @Test func effectiveGroupPolicy() throws {
        let fixture = try ChannelFixture(#"""
        { channels: { discord: { token: "t" }, slack: { groupPolicy: "allowlist" }, telegram: {},
                      signal: { accounts: { a: { groupPolicy: "open" } } } } }
        """#)
        func effective(_ channel: KnownChannel, release: String? = nil, defaults: String? = nil) -> GroupPolicyResolver.Effective? {
            var config = ConfigNode.emptyObject
            if let defaults {
                var policy = ConfigObject(), channels = ConfigObject(), root = ConfigObject()
                policy["groupPolicy"] = ConfigNode(.string(defaults))
                channels["defaults"] = ConfigNode(.object(policy))
                root["channels"] = ConfigNode(.object(channels))
                config = ConfigNode(.object(root))
            }
            let resolver = GroupPolicyResolver(config: config, release: OpenClawRelease(version: release.flatMap(OpenClawVersion.init), source: "test"))
            return fixture.accounts(channel).first.map { resolver.resolve($0) }
        }
        // Since 2026.1.13 the schema defaults a configured Discord channel to "allowlist".
        #expect(effective(.discord)?.policy == "allowlist")
        #expect(effective(.discord)?.source == .schemaDefault)
        #expect(effective(.discord, defaults: "open")?.policy == "allowlist")
        #expect(effective(.discord, release: "2026.1.8")?.policy == "open")
        #expect(effective(.discord, release: "2026.1.8")?.defaultNote == "groupPolicy is unset; OpenClaw 2026.1.8 treats it as \"open\"")
        #expect(effective(.discord, release: "2026.1.8", defaults: "disabled")?.policy == "disabled")
        #expect(effective(.slack)?.policy == "allowlist")
        #expect(effective(.slack)?.source == .written)
        #expect(effective(.telegram)?.policy == "allowlist")
        #expect(effective(.signal)?.policy == "open")

    }

    @Test func accountIdsNormalizeAndSortLikeTheOriginal() {
        #expect(ChannelAccountIds.normalize(" Work ") == "work")
        #expect(ChannelAccountIds.normalize("a b/c") == "a-b-c")
        #expect(ChannelAccountIds.normalize("__proto__") == "default")
        #expect(ChannelAccountIds.normalize("") == "default")
        #expect(["b", "B", "a", "10", "9", "_x", "-x"].sorted(by: ChannelAccountIds.localeOrdered) == ["_x", "-x", "10", "9", "a", "b", "B"])
    }

    @Test func channelWarningSeverityKeywords() {
        #expect(ChannelWarnings.severity(of: #"X groups: groupPolicy="open" ..."#) == .critical)
        #expect(ChannelWarnings.severity(of: "Bot is PUBLIC") == .critical)
        #expect(ChannelWarnings.severity(of: "DMs are locked") == .info)
        #expect(ChannelWarnings.severity(of: "TLS is disabled") == .info)
        #expect(ChannelWarnings.severity(of: "something else") == .warn)
    }
}
