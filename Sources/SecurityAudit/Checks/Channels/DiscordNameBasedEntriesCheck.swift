/// `channels.discord.allowFrom.name_based_entries`: Discord allowlists that name people
/// by mutable name or tag instead of a numeric id.
struct DiscordNameBasedEntriesCheck: ChannelAccountCheck {
    static let id = "channels.discord.allowFrom.name_based_entries"

    let channel: KnownChannel? = .discord

    let infos = [
        CheckInfo(
            id: Self.id,
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
    ]

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

    func findings(for scope: ChannelAccountScope) -> [Finding] {
        let account = scope.account
        let config = account.config
        let prefix = scope.multiAccount || account.hasExplicitEntry
            ? "channels.discord.accounts.\(account.key ?? account.id)" : "channels.discord"
        var seen: Set<String> = []
        var entries: [String] = []
        func add(_ values: [String], source: String) {
            for value in values where Self.isMutable(value) {
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
        let location = config["allowFrom"] ?? config["dm"]["allowFrom"] ?? config["guilds"]
        if breakGlass {
            return [finding(
                Self.id, for: .discord, .info, title: "Discord allowlist uses break-glass name/tag matching",
                detail: "Discord name/tag allowlist matching is explicitly enabled via dangerouslyAllowNameMatching. This mutable-identity mode is operator-selected break-glass behavior and out-of-scope for vulnerability reports by itself. Found: \(shown).",
                remediation: "Prefer stable Discord IDs (or <@id>/user:<id>/pk:<id>), then disable dangerouslyAllowNameMatching.",
                at: location)]
        }
        return [finding(
            Self.id, for: .discord, .warn,
            detail: "Discord name/tag allowlist matching uses normalized slugs and can collide across users. Found: \(shown).",
            remediation: "Prefer stable Discord IDs (or <@id>/user:<id>/pk:<id>) in channels.discord.allowFrom and channels.discord.guilds.*.users, or explicitly opt in with dangerouslyAllowNameMatching=true if you accept the risk.",
            at: location)]
    }
}
