/// `channels.<id>.account.read_only_resolution`: the plugin could not resolve an
/// account in this shell (a credential SecretRef it needs is unavailable), so the audit
/// of that account rests on the config as written.
enum AccountResolutionRule {
    static let id = "channels.<id>.account.read_only_resolution"

    static let infos = [
        CheckInfo(
            id: id,
            title: "<Label> account could not be fully resolved",
            severity: .fixed(.warn),
            rationale: "A credential the audit cannot resolve hides what the account really connects with; the findings for it describe the configured surface only, and the gateway may fail the same way.",
            remediation: "Ensure referenced secrets are available in this shell or run with a running gateway snapshot so security audit can inspect the full channel configuration.",
            triggers: [
                CheckExample(#"{ channels: { ↓mattermost: { baseUrl: "https://chat.example.com", botToken: { source: "env", provider: "default", id: "MM_TOKEN" } } } }"#),
                CheckExample(#"{ channels: { irc: { host: "irc.libera.chat", nick: "bot", accounts: { ↓work: { password: { source: "exec", provider: "vault", id: "irc" } } } } } }"#),
                CheckExample(#"{ channels: { ↓msteams: { appId: "a", tenantId: "t", appPassword: { source: "file", provider: "missing", id: "/teams" } } } }"#),
            ],
            passes: [
                CheckExample(#"{ channels: { mattermost: { baseUrl: "https://chat.example.com", botToken: { source: "env", provider: "default", id: "MM_TOKEN" } } } }"#, environment: ["MM_TOKEN": "token"]),
                CheckExample(#"{ channels: { irc: { host: "irc.libera.chat", nick: "bot", password: { source: "exec", provider: "vault", id: "irc" } } } }"#, environment: ["IRC_PASSWORD": "from-env"]),
                // Discord, Slack and Telegram accounts are inspected without resolving secrets.
                CheckExample(#"{ channels: { discord: { token: { source: "exec", provider: "vault", id: "discord" } } } }"#),
            ]),
    ]

    static func findings(account: ChannelAccount) -> [Finding] {
        account.resolutionDiagnostics.map { diagnostic in
            Finding(
                checkId: "channels.\(account.channel.id).account.read_only_resolution", severity: .warn,
                title: "\(account.channel.label) account could not be fully resolved",
                detail: diagnostic,
                remediation: "Ensure referenced secrets are available in this shell or run with a running gateway snapshot so security audit can inspect the full channel configuration.",
                location: (account.entry ?? account.section)?.origin)
        }
    }
}
