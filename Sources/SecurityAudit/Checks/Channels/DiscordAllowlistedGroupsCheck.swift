/// `channels.discord.allowlisted_groups.broad_members` (the Discord plugin's audit
/// findings, `extensions/discord/src/security-audit.ts`, from 2026.8.1): with
/// `groupPolicy: "allowlist"`, listing a guild or channel limits where the bot answers,
/// not who may talk to it; a listed target with no `users` or `roles` restriction lets
/// every member of it trigger the agent.
struct DiscordAllowlistedGroupsCheck: ChannelAccountCheck {
    static let id = "channels.discord.allowlisted_groups.broad_members"

    let channel: KnownChannel? = .discord

    let infos = [
        CheckInfo(
            id: Self.id,
            title: "Discord allowlisted groups have broad member access",
            severity: .fixed(.warn),
            rationale: "An allowlisted guild or channel without a users or roles list admits every member: in a large server anyone can steer the agent and its tools, which the word \"allowlist\" hides.",
            remediation: "Add users or roles restrictions at each listed guild/channel when only specific members should trigger the agent.",
            triggers: [
                CheckExample(#"{ channels: { discord: { token: "t", ↓guilds: { "111": { channels: { general: { allow: true }, ops: { users: ["42"] } } } } } } }"#, release: "2026.8.1"),
                CheckExample(#"{ channels: { discord: { token: "t", ↓guilds: { "111": {} } } } }"#),
                // A channel's users list replaces the guild's, and "*" restricts nothing.
                CheckExample(#"{ channels: { discord: { token: "t", ↓guilds: { "111": { users: ["42"], channels: { general: { users: [] }, ops: { roles: ["*"] } } } } } } }"#),
                CheckExample(#"{ channels: { discord: { accounts: { work: { token: "t", ↓guilds: { "111": {} } } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ channels: { discord: { token: "t", guilds: { "111": { channels: { general: { allow: true } } } } } } }"#, release: "2026.7.1"),
                CheckExample(#"{ channels: { discord: { token: "t", guilds: { "111": { roles: ["999"], channels: { general: {}, off: { enabled: false } } } } } } }"#),
                CheckExample(#"{ channels: { discord: { token: "t", groupPolicy: "open", guilds: { "111": {} } } } }"#),
                CheckExample(#"{ channels: { defaults: { groupPolicy: "disabled" }, discord: { token: "t", guilds: { "111": {} } } } }"#),
            ]),
    ]

    func findings(for scope: ChannelAccountScope) -> [Finding] {
        let account = scope.account
        let config = account.config
        // The plugin reads the written policy, then channels.defaults, then "allowlist"
        // (not the runtime's resolver).
        let groupPolicy = config["groupPolicy"].string
            ?? scope.context.config["channels"]["defaults"]["groupPolicy"].string ?? "allowlist"
        guard groupPolicy == "allowlist" else { return [] }
        let prefix = scope.multiAccount || account.hasExplicitEntry
            ? "channels.discord.accounts.\(account.key ?? account.id)" : "channels.discord"
        var paths: [String] = []
        for (guildKey, guild) in config["guilds"].object?.entries ?? [] {
            let channels = guild["channels"].object?.entries ?? []
            if channels.isEmpty {
                if !Self.isNarrow(target: guild, guild: guild) { paths.append("\(prefix).guilds.\(guildKey)") }
                continue
            }
            for (channelKey, channel) in channels where channel["enabled"].bool != false {
                if !Self.isNarrow(target: channel, guild: guild) {
                    paths.append("\(prefix).guilds.\(guildKey).channels.\(channelKey)")
                }
            }
        }
        guard !paths.isEmpty else { return [] }
        // Sorted by UTF-16 code units, as JavaScript's default sort orders strings.
        let sorted = paths.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        return [finding(
            Self.id, for: .discord, .warn,
            detail: "These allowlisted Discord targets have no effective users or roles restriction:\n"
                + sorted.map { "- \($0)" }.joined(separator: "\n")
                + "\ngroupPolicy=\"allowlist\" limits guilds/channels, but all members of a listed target can still trigger the agent.",
            at: config["guilds"])]
    }

    /// A target is narrow when its effective users or roles list (the target's own list
    /// when it has one, else the guild's) names someone, and neither list holds `*`.
    static func isNarrow(target: ConfigNode, guild: ConfigNode) -> Bool {
        func effective(_ key: String) -> [String] {
            let list = target[key].flatMap { $0.isNull ? nil : $0 } ?? guild[key]
            return (list?.array ?? []).map { $0.javaScriptString.trimmingWhitespace }
        }
        let users = effective("users")
        let roles = effective("roles")
        if users.contains("*") || roles.contains("*") { return false }
        return !users.isEmpty || !roles.isEmpty
    }
}
