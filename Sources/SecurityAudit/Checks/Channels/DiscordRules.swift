/// Discord-only findings: allowlists that name people by mutable name or tag, and slash
/// commands that anyone in a guild can run (or no one can).
enum DiscordRules {
    static let infos = [
        CheckInfo(
            id: "channels.discord.allowFrom.name_based_entries",
            title: "Discord allowlist contains name or tag entries",
            severity: .varies(default: .warn, rule: "info when dangerouslyAllowNameMatching is on (an explicit break-glass choice), else warn"),
            rationale: "Discord names and tags are matched as normalized slugs; two users can collide and a name can be taken over, so an allowlist of names admits whoever holds the name.",
            remediation: "Use numeric Discord user ids (or <@id>, user:<id>, pk:<id>) in allowFrom and guild users lists.",
            triggers: [
                CheckExample(#"{ channels: { discord: { token: "t", ↓allowFrom: ["Alice#1234"] } } }"#, severity: .warn),
                CheckExample(#"{ channels: { discord: { token: "t", ↓guilds: { "1": { channels: { general: { users: ["security-team"] } } } } } } }"#, severity: .warn),
                CheckExample(#"{ channels: { discord: { token: "t", dangerouslyAllowNameMatching: true, dm: { ↓allowFrom: ["bob"] } } } }"#, severity: .info),
            ],
            passes: [
                CheckExample(#"{ channels: { discord: { token: "t", allowFrom: ["123456789012345678", "<@!22>", "user:3", "discord:4", "pk:member-1"] } } }"#),
                CheckExample(#"{ channels: { discord: { allowFrom: ["Alice#1234"] } } }"#),
            ]),
        CheckInfo(
            id: "channels.discord.commands.native.unrestricted",
            title: "Discord slash commands are unrestricted",
            severity: .fixed(.critical),
            rationale: "With access groups off and no per-guild users list, every member of an allowed guild channel can run slash commands, including ones that drive tools.",
            remediation: "Set commands.useAccessGroups=true, or configure channels.discord.guilds.<id>.users.",
            triggers: [
                CheckExample(#"{ commands: { ↓useAccessGroups: false }, channels: { discord: { token: "t", guilds: { "123": { channels: { general: { allow: true } } } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ commands: { useAccessGroups: false }, channels: { discord: { token: "t", guilds: { "123": { users: ["42"] } } } } }"#),
                CheckExample(#"{ commands: { useAccessGroups: false }, channels: { discord: { token: "t", groupPolicy: "disabled", guilds: { "123": {} } } } }"#),
                CheckExample(#"{ commands: { useAccessGroups: false, native: false, nativeSkills: false }, channels: { discord: { token: "t", guilds: { "123": {} } } } }"#),
            ]),
        CheckInfo(
            id: "channels.discord.commands.native.no_allowlists",
            title: "Discord slash commands have no allowlists",
            severity: .fixed(.warn),
            rationale: "Slash commands are on but no owner or guild users allowlist exists, so every command is rejected: usually a setup mistake that tempts people into turning access groups off.",
            remediation: "Add your user id to channels.discord.allowFrom (or approve yourself via pairing), or configure channels.discord.guilds.<id>.users.",
            triggers: [
                CheckExample(#"{ channels: { discord: { token: "t", ↓guilds: { "123": { channels: { general: { allow: true } } } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ channels: { discord: { token: "t", dm: { allowFrom: ["387380367612706819"] }, guilds: { "123": {} } } } }"#),
                CheckExample(#"{ channels: { discord: { token: "t", commands: { native: false, nativeSkills: false }, guilds: { "123": {} } } } }"#),
                CheckExample(#"{ channels: { discord: { token: "t" } } }"#),
            ]),
    ]

    static func findings(account: ChannelAccount, multiAccount: Bool, context: AuditContext) -> [Finding] {
        nameBasedEntries(account: account, multiAccount: multiAccount) + slashCommands(account: account, context: context)
    }

    /// `isDiscordMutableAllowEntry`: anything but a numeric id, a `<@id>` mention or a
    /// non-empty `discord:` / `user:` / `pk:` reference.
    static func isMutable(_ raw: String) -> Bool {
        let text = raw.trimmingWhitespace
        guard !text.isEmpty, text != "*" else { return false }
        var mention = Substring(text)
        if mention.hasPrefix("<@!") { mention = mention.dropFirst(3) } else if mention.hasPrefix("<@") { mention = mention.dropFirst(2) }
        if mention.hasSuffix(">") { mention = mention.dropLast() }
        if !mention.isEmpty, mention.allSatisfy(\.isASCIIDigit) { return false }
        for prefix in ["discord:", "user:", "pk:"] where text.hasPrefix(prefix) {
            return text.dropFirst(prefix.count).trimmingWhitespace.isEmpty
        }
        return true
    }

    static func nameBasedEntries(account: ChannelAccount, multiAccount: Bool) -> [Finding] {
        let config = account.config
        let prefix = multiAccount || account.hasExplicitEntry
            ? "channels.discord.accounts.\(account.key ?? account.id)" : "channels.discord"
        var seen: Set<String> = []
        var entries: [String] = []
        func add(_ values: [String], source: String) {
            for value in values where isMutable(value) {
                let text = value.trimmingWhitespace
                if !text.isEmpty, seen.insert("\(source):\(text)").inserted { entries.append("\(source):\(text)") }
            }
        }
        func strings(_ node: ConfigNode?) -> [String] { node?.array?.map(\.javaScriptString) ?? [] }
        add(strings(config["allowFrom"]), source: "\(prefix).allowFrom")
        add(strings(config["dm"]["allowFrom"]), source: "\(prefix).dm.allowFrom")
        add(account.storeAllowFrom, source: "~/.openclaw/credentials/discord-allowFrom.json")
        for (guildKey, guild) in config["guilds"].object?.entries ?? [] where guild.object != nil {
            add(strings(guild["users"]), source: "\(prefix).guilds.\(guildKey).users")
            for (channelKey, channel) in guild["channels"].object?.entries ?? [] where channel.object != nil {
                add(strings(channel["users"]), source: "\(prefix).guilds.\(guildKey).channels.\(channelKey).users")
            }
        }
        guard !entries.isEmpty else { return [] }
        let shown = entries.prefix(5).joined(separator: ", ") + (entries.count > 5 ? " (+\(entries.count - 5) more)" : "")
        let breakGlass = config["dangerouslyAllowNameMatching"].bool == true
        let location = (config["allowFrom"] ?? config["dm"]["allowFrom"] ?? config["guilds"])?.origin
        if breakGlass {
            return [Finding(
                checkId: "channels.discord.allowFrom.name_based_entries", severity: .info,
                title: "Discord allowlist uses break-glass name/tag matching",
                detail: "Discord name/tag allowlist matching is explicitly enabled via dangerouslyAllowNameMatching. This mutable-identity mode is operator-selected break-glass behavior and out-of-scope for vulnerability reports by itself. Found: \(shown).",
                remediation: "Prefer stable Discord IDs (or <@id>/user:<id>/pk:<id>), then disable dangerouslyAllowNameMatching.",
                location: location)]
        }
        return [Finding(
            checkId: "channels.discord.allowFrom.name_based_entries", severity: .warn,
            title: "Discord allowlist contains name or tag entries",
            detail: "Discord name/tag allowlist matching uses normalized slugs and can collide across users. Found: \(shown).",
            remediation: "Prefer stable Discord IDs (or <@id>/user:<id>/pk:<id>) in channels.discord.allowFrom and channels.discord.guilds.*.users, or explicitly opt in with dangerouslyAllowNameMatching=true if you accept the risk.",
            location: location)]
    }

    static func slashCommands(account: ChannelAccount, context: AuditContext) -> [Finding] {
        let config = account.config
        let commands = context.config["commands"]
        let enabled = NativeCommandSetting.isEnabled(channel: .discord, provider: config["commands"]["native"], global: commands["native"])
            || NativeCommandSetting.isEnabled(channel: .discord, provider: config["commands"]["nativeSkills"], global: commands["nativeSkills"])
        guard enabled else { return [] }
        let groupPolicy = context.groupPolicies.resolve(account).policy
        let guilds = config["guilds"].object?.entries ?? []
        guard groupPolicy != "disabled", !guilds.isEmpty else { return [] }
        func hasUsers(_ node: ConfigNode) -> Bool { !(node["users"].array ?? []).isEmpty }
        let hasUserAllowlist = guilds.contains { _, guild in
            guard guild.object != nil else { return false }
            return hasUsers(guild) || (guild["channels"].object?.entries ?? []).contains { $0.value.object != nil && hasUsers($0.value) }
        }
        guard !hasUserAllowlist else { return [] }
        let location = config["guilds"]?.origin
        if commands["useAccessGroups"].bool == false {
            return [Finding(
                checkId: "channels.discord.commands.native.unrestricted", severity: .critical,
                title: "Discord slash commands are unrestricted",
                detail: "commands.useAccessGroups=false disables sender allowlists for Discord slash commands unless a per-guild/channel users allowlist is configured; with no users allowlist, any user in allowed guild channels can invoke /… commands.",
                remediation: "Set commands.useAccessGroups=true (recommended), or configure channels.discord.guilds.<id>.users (or channels.discord.guilds.<id>.channels.<channel>.users).",
                location: commands["useAccessGroups"]?.origin ?? location)]
        }
        // The owner list the gateway uses: allowFrom, else the legacy dm.allowFrom, plus
        // senders approved by pairing.
        let owners = (config["allowFrom"].array ?? config["dm"]["allowFrom"].array ?? [])
            .map { $0.javaScriptString.trimmingWhitespace } + account.storeAllowFrom
        guard owners.allSatisfy(\.isEmpty) else { return [] }
        return [Finding(
            checkId: "channels.discord.commands.native.no_allowlists", severity: .warn,
            title: "Discord slash commands have no allowlists",
            detail: "Discord slash commands are enabled, but neither an owner allowFrom list nor any per-guild/channel users allowlist is configured; /… commands will be rejected for everyone.",
            remediation: "Add your user id to channels.discord.allowFrom (or approve yourself via pairing), or configure channels.discord.guilds.<id>.users.",
            location: location)]
    }
}
