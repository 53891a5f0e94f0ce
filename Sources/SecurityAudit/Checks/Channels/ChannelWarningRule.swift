/// `channels.<id>.warning.<N>`: each warning a channel plugin reports for an account,
/// numbered by its position among the channel findings. Most say that groups are open.
enum ChannelWarningRule {
    static let infos = [
        CheckInfo(
            id: "channels.<id>.warning.<N>",
            title: "<Label> security warning",
            severity: .varies(default: .critical, rule: "critical when the warning describes an open surface (groupPolicy=\"open\", \"allows any\", \"public\"...), info when it describes a closed one (\"disabled\", \"locked\"), else warn"),
            rationale: "An open group policy lets any group or channel the bot is added to trigger the agent; a prompt injection from any member then runs with the agent's tools.",
            remediation: "Set groupPolicy=\"allowlist\" and list the groups, guilds or channels the bot may answer in.",
            fixable: true,
            triggers: [
                CheckExample(#"{ channels: { telegram: { botToken: "t", groupPolicy: "open" } } }"#, severity: .critical),
                // Matrix has no schema default: channels.defaults.groupPolicy applies.
                CheckExample(#"{ channels: { defaults: { groupPolicy: "open" }, matrix: { homeserver: "https://matrix.example.org", accessToken: "t" } } }"#, severity: .critical),
                CheckExample(#"{ channels: { irc: { host: "irc.example.net", nick: "bot", tls: false, groupPolicy: "allowlist" } } }"#, severity: .info),
                CheckExample(#"{ channels: { irc: { host: "irc.example.net", nick: "bot", groupPolicy: "allowlist", nickserv: { register: true } } } }"#, severity: .warn),
            ],
            passes: [
                CheckExample(#"{ channels: { discord: { token: "t", groupPolicy: "allowlist" } } }"#),
                // Since 2026.1.13 the schema defaults an unset policy of these to "allowlist".
                CheckExample(#"{ channels: { discord: { token: "t" } } }"#),
                CheckExample(#"{ channels: { defaults: { groupPolicy: "open" }, signal: { account: "+15550001" } } }"#),
                CheckExample(#"{ channels: { defaults: { groupPolicy: "allowlist" }, slack: { botToken: "xoxb", appToken: "xapp" } } }"#),
                CheckExample(#"{ channels: { telegram: { groupPolicy: "open" } } }"#),
                CheckExample(#"{ channels: { telegram: { botToken: "t", groupPolicy: "open" } }, plugins: { deny: ["telegram"] } }"#),
            ]),
    ]

    static func finding(_ message: String, account: ChannelAccount, number: Int) -> Finding {
        var detail = message.trimmingWhitespace
        if detail.hasPrefix("-") { detail = String(detail.dropFirst()).trimmingWhitespace }
        return Finding(
            checkId: "channels.\(account.channel.id).warning.\(number)",
            severity: ChannelWarnings.severity(of: message.trimmingWhitespace),
            title: "\(account.channel.label) security warning",
            detail: detail,
            location: (account.config["groupPolicy"] ?? account.section)?.origin)
    }
}
