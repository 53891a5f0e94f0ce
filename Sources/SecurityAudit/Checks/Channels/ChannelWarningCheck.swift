/// `channels.<id>.warning.<N>`: each warning a channel plugin reports for an account,
/// numbered by its position among the channel findings. Most say that groups are open.
/// Through 2026.7.x the severity is classified from the text's keywords; from 2026.8.1
/// upstream's channel collector (`src/security/audit-channel.ts`) reports every legacy
/// string warning as `warn` (plugins that need another severity return a structured
/// finding).
struct ChannelWarningCheck: ChannelAccountCheck {
    static let id = "channels.<id>.warning.<N>"
    static let alwaysWarnSince = OpenClawVersion(major: 2026, minor: 8, patch: 1)

    let infos = [
        CheckInfo(
            id: Self.id,
            title: "<Label> security warning",
            severity: .varies(default: .warn, rule: "warn from OpenClaw 2026.8.1; before it, critical when the warning describes an open surface (groupPolicy=\"open\", \"allows any\", \"public\"...), info when it describes a closed one (\"disabled\", \"locked\"), else warn"),
            rationale: "An open group policy lets any group or channel the bot is added to trigger the agent; a prompt injection from any member then runs with the agent's tools.",
            remediation: "Set groupPolicy=\"allowlist\" and list the groups, guilds or channels the bot may answer in.",
            fixable: true,
            triggers: [
                CheckExample(#"{ channels: { telegram: { botToken: "t", ↓groupPolicy: "open" } } }"#, severity: .critical, release: "2026.7.1"),
                CheckExample(#"{ channels: { telegram: { botToken: "t", ↓groupPolicy: "open" } } }"#, severity: .warn, release: "2026.8.1"),
                CheckExample(#"{ channels: { telegram: { botToken: "t", ↓groupPolicy: "open" } } }"#, severity: .warn, clearedByFix: true),
                // Matrix has no schema default: channels.defaults.groupPolicy applies.
                CheckExample(#"{ channels: { defaults: { groupPolicy: "open" }, ↓matrix: { homeserver: "https://matrix.example.org", accessToken: "t" } } }"#, severity: .critical, release: "2026.2.26"),
                CheckExample(#"{ channels: { irc: { host: "irc.example.net", nick: "bot", tls: false, ↓groupPolicy: "allowlist" } } }"#, severity: .info, release: "2026.7.1"),
                CheckExample(#"{ channels: { irc: { host: "irc.example.net", nick: "bot", tls: false, ↓groupPolicy: "allowlist" } } }"#, severity: .warn, release: "2026.8.1"),
                CheckExample(#"{ channels: { irc: { host: "irc.example.net", nick: "bot", ↓groupPolicy: "allowlist", nickserv: { register: true } } } }"#, severity: .warn),
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

    func findings(for scope: ChannelAccountScope) -> [Finding] {
        let account = scope.account
        let context = scope.context
        let warnings = ChannelWarnings.warnings(for: account, groupPolicies: context.groupPolicies, environment: context.environment)
        return warnings.enumerated().map { index, message in
            var detail = message.trimmingWhitespace
            if detail.hasPrefix("-") { detail = String(detail.dropFirst()).trimmingWhitespace }
            return finding(
                Self.id, for: account.channel,
                context.openclaw.isAtLeast(Self.alwaysWarnSince) ? .warn : ChannelWarnings.severity(of: message.trimmingWhitespace),
                number: scope.channelFindingsBefore + index + 1, detail: detail, remediation: .none,
                at: account.config["groupPolicy"] ?? account.section)
        }
    }
}
