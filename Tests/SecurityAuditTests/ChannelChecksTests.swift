import Testing
@testable import SecurityAudit

/// The channel collector's findings: texts, order, numbering and duplicate removal.
struct ChannelChecksTests {
    /// The channel findings of a config; `release` as `ChannelFixture` takes it. Tests of
    /// the February texts pin 2026.7.1, the last release before `dm.locked` and the
    /// Discord plugin's `broad_members`.
    func channelFindings(_ config: String, files: [String: String] = [:], environment: [String: String] = [:], release: String? = nil) throws -> [Finding] {
        try ChannelFixture(config, files: files, environment: environment, release: release).findings(ChannelSecurityCheck())
    }

    static let beforeDMRouting = "2026.7.1"

    @Test func openDMsWithoutWildcard() throws {
        let findings = try channelFindings(#"{ channels: { telegram: { botToken: "t", dmPolicy: "open" } } }"#)
        #expect(findings.map(\.checkId) == ["channels.telegram.dm.open", "channels.telegram.dm.open_invalid"])
        #expect(findings[0].severity == .critical)
        #expect(findings[0].title == "Telegram DMs are open")
        #expect(findings[0].detail == #"channels.telegram.dmPolicy="open" allows anyone to DM the bot."#)
        #expect(findings[0].remediation == #"Use pairing/allowlist; if you really need open DMs, ensure channels.telegram.allowFrom includes "*"."#)
        #expect(findings[0].location?.range.start.line == 1)
        #expect(findings[1].title == "Telegram DM config looks inconsistent")
        #expect(findings[1].detail == #""open" requires channels.telegram.allowFrom to include "*"."#)
        #expect(findings[1].remediation == nil)
    }

    @Test func legacyDiscordDMPolicyAndSharedSession() throws {
        let findings = try channelFindings(#"{ channels: { discord: { token: "t", groupPolicy: "allowlist", dm: { policy: "open", allowFrom: ["*"] } } } }"#,
                                           environment: ["OPENCLAW_PROFILE": "work"])
        // Unknown release: the newest behaviour, the retired shared-main check (its finding
        // says which releases it applies to) and the routing-based collision after it.
        #expect(findings.map(\.checkId) == ["channels.discord.dm.open", "channels.discord.dm.scope_main_multiuser", "channels.dm.session_collision.discord-default.1"])
        #expect(findings[0].detail == #"channels.discord.dm.policy="open" allows anyone to DM the bot."#)
        #expect(findings[0].remediation == #"Use pairing/allowlist; if you really need open DMs, ensure channels.discord.dm.allowFrom includes "*"."#)
        #expect(findings[1].title == "Discord DMs share the main session")
        #expect(findings[1].detail == "Multiple DM senders currently share the main session, which can leak context across users.")
        #expect(findings[1].remediation == #"Run: openclaw --profile work config set session.dmScope "per-channel-peer" (or "per-account-channel-peer" for multi-account channels) to isolate DM sessions per sender."#)
    }

    @Test func disabledDMsSkipTheScopeCheck() throws {
        let findings = try channelFindings(#"{ channels: { slack: { botToken: "b", appToken: "a", groupPolicy: "allowlist", dm: { policy: "disabled", allowFrom: ["*"] } } } }"#)
        #expect(findings.map(\.checkId) == ["channels.slack.dm.disabled"])
        #expect(findings[0].detail == #"channels.slack.dm.policy="disabled" ignores inbound DMs."#)
        #expect(findings[0].severity == .info)
    }

    @Test func pairingStoreSendersCountTowardsSharedSessions() throws {
        let config = #"{ channels: { telegram: { botToken: "t", allowFrom: ["1"] } } }"#
        #expect(try channelFindings(config).isEmpty)
        let findings = try channelFindings(config, files: ["credentials/telegram-allowFrom.json": #"{"version":1,"allowFrom":["tg:2"]}"#])
        #expect(findings.map(\.checkId) == ["channels.telegram.dm.scope_main_multiuser", "channels.dm.session_collision.telegram-default.1"])
    }

    @Test func accountDMPathsAndWarningNumbers() throws {
        // February: warnings classified by keyword (critical for an open surface).
        let findings = try channelFindings(#"""
        { meta: { lastTouchedVersion: "2026.2.26" }, channels: { whatsapp: { groupPolicy: "open", accounts: {
            personal: { dmPolicy: "open", allowFrom: ["*"] },
            work: { groupPolicy: "open", groups: { "g@g.us": {} } } } } } }
        """#, files: [
            "credentials/whatsapp/personal/creds.json": #"{"me":1}"#,
            "credentials/whatsapp/work/creds.json": #"{"me":1}"#,
        ])
        #expect(findings.map(\.checkId) == [
            "channels.whatsapp.dm.open", "channels.whatsapp.dm.scope_main_multiuser", "channels.whatsapp.warning.3",
            "channels.whatsapp.warning.4",
        ])
        #expect(findings[0].detail == #"channels.whatsapp.accounts.personal.dmPolicy="open" allows anyone to DM the bot."#)
        #expect(findings[2].detail == #"WhatsApp groups: groupPolicy="open" with no channels.whatsapp.groups allowlist; any group can add + ping (mention-gated). Set channels.whatsapp.groupPolicy="allowlist" + channels.whatsapp.groupAllowFrom or configure channels.whatsapp.groups."#)
        #expect(findings[2].severity == .critical)
        #expect(findings[3].detail == #"WhatsApp groups: groupPolicy="open" allows any member in allowed groups to trigger (mention-gated). Set channels.whatsapp.accounts.work.groupPolicy="allowlist" + channels.whatsapp.accounts.work.groupAllowFrom to restrict senders."#)
    }

    @Test func duplicatesAreDroppedAfterNumbering() throws {
        // Both accounts inherit the channel's settings. The second account's slash-command
        // finding is an exact duplicate and goes; its warning carries another number (from
        // its position before duplicates were dropped), so both warnings stay.
        let findings = try channelFindings(#"""
        { channels: { discord: { groupPolicy: "open", guilds: { "1": {} }, accounts: { a: { token: "x" }, b: { token: "y" } } } } }
        """#, release: Self.beforeDMRouting)
        #expect(findings.map(\.checkId) == [
            "channels.discord.commands.native.no_allowlists", "channels.discord.warning.2", "channels.discord.warning.4",
        ])
        let duplicate = Finding(checkId: "x", severity: .warn, title: "t", detail: "d")
        #expect(ChannelSecurityCheck.droppingDuplicates([duplicate, duplicate, Finding(checkId: "x", severity: .info, title: "t", detail: "d")]).count == 2)
    }

    @Test func discordNameBasedEntriesListSourcesInOrder() throws {
        let findings = try channelFindings(#"""
        { channels: { discord: { token: "t", groupPolicy: "allowlist",
            allowFrom: ["Alice#1234", "<@123456789012345678>"], dm: { allowFrom: ["bob", "bob"] },
            guilds: { "123": { users: ["trusted.operator", "987"], channels: { general: { users: ["security-team"] } } } } } } }
        """#, files: ["credentials/discord-allowFrom.json": #"{"version":1,"allowFrom":["team.owner", "444"]}"#])
        let hit = try #require(findings.first { $0.checkId == "channels.discord.allowFrom.name_based_entries" })
        #expect(hit.severity == .warn)
        #expect(hit.detail == "Discord name/tag allowlist matching uses normalized slugs and can collide across users. Found: channels.discord.allowFrom:Alice#1234, channels.discord.dm.allowFrom:bob, ~/.openclaw/credentials/discord-allowFrom.json:team.owner, channels.discord.guilds.123.users:trusted.operator, channels.discord.guilds.123.channels.general.users:security-team.")
    }

    @Test func discordNameEntriesAreTruncatedAfterFive() throws {
        let findings = try channelFindings(#"{ channels: { discord: { token: "t", groupPolicy: "allowlist", allowFrom: ["a", "b", "c", "d", "e", "f", "g"] } } }"#, release: Self.beforeDMRouting)
        let hit = try #require(findings.first)
        #expect(hit.detail.hasSuffix("Found: channels.discord.allowFrom:a, channels.discord.allowFrom:b, channels.discord.allowFrom:c, channels.discord.allowFrom:d, channels.discord.allowFrom:e (+2 more)."))
    }

    @Test func multiAccountNameMatchingNamesTheAccount() throws {
        let findings = try channelFindings(#"""
        { channels: { discord: { token: "t", groupPolicy: "allowlist", accounts: { alpha: { token: "a" }, beta: { token: "b", dangerouslyAllowNameMatching: true, allowFrom: ["Alice"] } } } } }
        """#, release: Self.beforeDMRouting)
        #expect(findings.map(\.checkId) == ["channels.discord.allowFrom.dangerous_name_matching_enabled", "channels.discord.allowFrom.name_based_entries"])
        #expect(findings[0].title == "Discord dangerous name matching is enabled (account: beta)")
        #expect(findings[1].severity == .info)
        #expect(findings[1].title == "Discord allowlist uses break-glass name/tag matching")
        #expect(findings[1].detail.contains("Found: channels.discord.accounts.beta.allowFrom:Alice."))
    }

    @Test func discordSlashCommandOwnersComeFromAllowFromOrThePairingStore() throws {
        let guilds = #"groupPolicy: "allowlist", guilds: { "1": { channels: { general: { allow: true } } } }"#
        let release = Self.beforeDMRouting
        #expect(try channelFindings(#"{ channels: { discord: { token: "t", \#(guilds) } } }"#, release: release).map(\.checkId) == ["channels.discord.commands.native.no_allowlists"])
        #expect(try channelFindings(#"{ channels: { discord: { token: "t", allowFrom: ["42"], \#(guilds) } } }"#, release: release).isEmpty)
        #expect(try channelFindings(#"{ channels: { discord: { token: "t", \#(guilds) } } }"#,
                                    files: ["credentials/discord-allowFrom.json": #"{"allowFrom":["42"]}"#], release: release).isEmpty)
        #expect(try channelFindings(#"{ channels: { discord: { token: "t", groupPolicy: "disabled", guilds: { "1": {} } } } }"#, release: release).isEmpty)
        // channels.defaults does not reach Discord: its schema defaults an unset policy (2026.1.13+).
        #expect(!(try channelFindings(#"{ channels: { defaults: { groupPolicy: "disabled" }, discord: { token: "t", guilds: { "1": {} } } } }"#).isEmpty))
    }

    @Test func telegramGroupChecks() throws {
        let missing = try channelFindings(#"{ commands: { nativeSkills: true }, channels: { telegram: { botToken: "t", groupPolicy: "allowlist", groups: { "-100123": {} } } } }"#, release: Self.beforeDMRouting)
        #expect(missing.map(\.checkId) == ["channels.telegram.groups.allowFrom.missing"])
        #expect(missing[0].detail == "Telegram group access is enabled but no sender allowlist is configured; this allows any group member to invoke /… commands (including skill commands).")
        let noSkills = try channelFindings(#"{ channels: { telegram: { botToken: "t", commands: { nativeSkills: false }, groupPolicy: "allowlist", groups: { "-1": {} } } } }"#, release: Self.beforeDMRouting)
        #expect(noSkills[0].detail.hasSuffix("invoke /… commands."))

        let wildcard = try channelFindings(#"{ channels: { telegram: { botToken: "t", groupPolicy: "open", groupAllowFrom: ["*", "@op", "tg:@op", 12] } } }"#, release: Self.beforeDMRouting)
        #expect(wildcard.map(\.checkId) == ["channels.telegram.warning.1", "channels.telegram.allowFrom.invalid_entries", "channels.telegram.groups.allowFrom.wildcard"])
        #expect(wildcard[1].detail == "Telegram sender authorization requires numeric Telegram user IDs. Found non-numeric allowFrom entries: @op.")
        #expect(wildcard[0].detail == #"Telegram groups: groupPolicy="open" with no channels.telegram.groups allowlist; any group can add + ping (mention-gated). Set channels.telegram.groupPolicy="allowlist" + channels.telegram.groupAllowFrom or configure channels.telegram.groups."#)
    }

    @Test func slackSlashCommandsNeedAnAllowlist() throws {
        let findings = try channelFindings(#"{ channels: { slack: { botToken: "b", appToken: "a", groupPolicy: "allowlist", commands: { native: true } } } }"#, release: Self.beforeDMRouting)
        #expect(findings.map(\.checkId) == ["channels.slack.commands.slash.no_allowlists"])
        #expect(findings[0].remediation == "Approve yourself via pairing (recommended), or set channels.slack.allowFrom and/or channels.slack.channels.<id>.users.")
        let off = try channelFindings(#"{ commands: { useAccessGroups: false }, channels: { slack: { botToken: "b", appToken: "a", groupPolicy: "allowlist", slashCommand: { enabled: true } } } }"#, release: Self.beforeDMRouting)
        #expect(off.map(\.checkId) == ["channels.slack.commands.slash.useAccessGroups_off"])
    }

    @Test func pluginSpecificWarnings() throws {
        let chat = try channelFindings(#"{ channels: { googlechat: { serviceAccountFile: "/k.json", groupPolicy: "open", dm: { policy: "open", allowFrom: ["*"] } } } }"#)
        #expect(chat.map(\.checkId) == [
            "channels.googlechat.dm.open", "channels.googlechat.dm.scope_main_multiuser", "channels.googlechat.warning.3",
            "channels.googlechat.warning.4", "channels.dm.session_collision.googlechat-default.1",
        ])
        #expect(chat[3].detail == #"Google Chat DMs are open to anyone. Set channels.googlechat.dm.policy="pairing" or "allowlist"."#)
        #expect(chat[3].severity == .warn)

        let irc = try channelFindings(#"{ meta: { lastTouchedVersion: "2026.7.1" }, channels: { irc: { host: "h", nick: "n", groupPolicy: "allowlist", nickserv: { register: true } } } }"#,
                                      environment: ["IRC_TLS": "0"])
        #expect(irc.map(\.detail) == [
            "IRC TLS is disabled (channels.irc.tls=false); traffic and credentials are plaintext.",
            #"IRC NickServ registration is enabled (channels.irc.nickserv.register=true); this sends "REGISTER" on every connect. Disable after first successful registration."#,
            "IRC NickServ registration is enabled but no NickServ password is resolved; set channels.irc.nickserv.password, channels.irc.nickserv.passwordFile, or IRC_NICKSERV_PASSWORD.",
        ])
        #expect(irc.map(\.severity) == [.info, .warn, .warn])
        let withFile = try channelFindings(#"{ channels: { irc: { host: "h", nick: "n", groupPolicy: "allowlist", nickserv: { register: true, passwordFile: "./state/ns" } } } }"#,
                                           files: ["ns": "secret"], release: Self.beforeDMRouting)
        #expect(withFile.count == 1)
    }

    @Test func unconfiguredOrDisabledAccountsAreNotAudited() throws {
        #expect(try channelFindings(#"{ channels: { telegram: { dmPolicy: "open" }, whatsapp: { dmPolicy: "open" } } }"#).isEmpty)
        #expect(try channelFindings(#"{ channels: { telegram: { botToken: "t", enabled: false, dmPolicy: "open" } } }"#).isEmpty)
    }

    @Test func lockedDMsTakeAWarningNumberFromTheirRelease() throws {
        let config = #"{ channels: { telegram: { groupPolicy: "open", accounts: { work: { botToken: "w" } } } } }"#
        let newest = try channelFindings(config)
        let locked = try #require(newest.first { $0.checkId == "channels.telegram.dm.locked" })
        #expect(locked.severity == .info)
        #expect(locked.title == "Telegram (account: work) DMs are locked")
        #expect(locked.detail == #"channels.telegram.accounts.work.dmPolicy="pairing" has no admitted senders; unknown senders are blocked or receive a pairing code."#)
        #expect(locked.remediation == "Approve via: openclaw pairing list telegram / openclaw pairing approve telegram <code>")
        // dm.locked comes before the warning and is counted by it; before 2026.8.1 it does
        // not exist, so it takes no number.
        #expect(newest.map(\.checkId).prefix(2) == ["channels.telegram.dm.locked", "channels.telegram.warning.2"])
        let july = try channelFindings(config, release: "2026.7.1")
        #expect(july.map(\.checkId).first == "channels.telegram.warning.1")
        #expect(!july.contains { $0.checkId.hasSuffix(".dm.locked") })
    }

    @Test func discordBroadMembersListsTargetsSorted() throws {
        let findings = try channelFindings(#"""
        { channels: { discord: { token: "t", allowFrom: ["1"], guilds: {
            "222": { channels: { "333": {}, "*": { users: [" * "] }, quiet: { enabled: false }, team: { roles: ["9"] } } },
            "111": {} } } } }
        """#, release: "2026.8.1")
        let hit = try #require(findings.first { $0.checkId == "channels.discord.allowlisted_groups.broad_members" })
        #expect(hit.detail == """
            These allowlisted Discord targets have no effective users or roles restriction:
            - channels.discord.guilds.111
            - channels.discord.guilds.222.channels.*
            - channels.discord.guilds.222.channels.333
            groupPolicy="allowlist" limits guilds/channels, but all members of a listed target can still trigger the agent.
            """)
        #expect(hit.location?.range.start.line == 1)
    }

    @Test func inertDiscordEntriesAreCountedAgainstTheList() throws {
        let findings = try channelFindings(#"{ channels: { discord: { token: "t", allowFrom: ["alice", "123", "*", "accessGroup:ops", "Bob#1"] } } }"#, release: "2026.9.1")
        let hit = try #require(findings.first { $0.checkId == "channels.discord.allowFrom.mutable_entries_inert" })
        #expect(hit.title == "Discord mutable allowFrom entries are inert")
        #expect(hit.detail == "2 of 4 entries in channels.discord.allowFrom only match mutable identifiers (display names/tags/aliases) and can never authorize a sender under the current policy, so they are silently inert.")
        #expect(try channelFindings(#"{ channels: { discord: { token: "t", allowFrom: ["alice"] } } }"#, release: "2026.8.1")
            .allSatisfy { $0.checkId != "channels.discord.allowFrom.mutable_entries_inert" })
    }

    @Test func sessionCollisionsAreNumberedAfterEveryAccount() throws {
        let findings = try channelFindings(#"""
        { session: { dmScope: "per-peer" }, channels: {
            telegram: { botToken: "t", dmPolicy: "open", allowFrom: ["*"] },
            discord: { accounts: { home: { token: "d", allowFrom: ["42"] }, work: { token: "w", allowFrom: ["7", "8"] } } } } }
        """#, release: "2026.8.1")
        let collisions = findings.filter { $0.checkId.hasPrefix("channels.dm.session_collision.") }
        #expect(findings.suffix(collisions.count).map(\.checkId) == collisions.map(\.checkId))
        #expect(collisions.map(\.checkId) == ["channels.dm.session_collision.discord-home_discord-work_telegram-default.1"])
        #expect(collisions[0].title == "DM principals may share a session")
        #expect(collisions[0].detail == #"Collision topology 1: 4 distinct admitted DM principals from discord-home, discord-work, telegram-default can resolve to the same session bucket owned by agent "main". This can leak context across users."#)
        #expect(collisions[0].remediation == "Set the effective DM route to an account-safe isolated scope; update the matching binding or session.dmScope as applicable.")
        #expect(collisions[0].location?.range.start.line == 1)

        let global = try channelFindings(#"{ session: { scope: "global" }, channels: { telegram: { botToken: "t", allowFrom: ["1", "2"] } } }"#, release: "2026.9.9")
        #expect(global.last?.detail == #"Collision topology 1: 2 distinct admitted DM principals from telegram-default resolve to the same session bucket owned by agent "main" under session.scope="global". This can leak context across users."#)
        #expect(try channelFindings(#"{ channels: { telegram: { botToken: "t", allowFrom: ["1", "2"] } } }"#, release: "2026.7.1")
            .allSatisfy { !$0.checkId.hasPrefix("channels.dm.") })
    }

    @Test func retiredFindingsTakeNoWarningNumberOnALaterRelease() throws {
        let config = #"{ channels: { telegram: { botToken: "t", groupPolicy: "open", allowFrom: ["1", "2"] } } }"#
        #expect(try channelFindings(config, release: "2026.7.1").map(\.checkId).prefix(2)
            == ["channels.telegram.dm.scope_main_multiuser", "channels.telegram.warning.2"])
        // From 2026.8.1 the shared-main finding is gone, and so is the number it took.
        #expect(try channelFindings(config, release: "2026.8.1").map(\.checkId)
            == ["channels.telegram.warning.1", "channels.telegram.groups.allowFrom.missing", "channels.dm.session_collision.telegram-default.1"])
    }
}
