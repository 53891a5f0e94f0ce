/// `channels.<id>.account.read_only_resolution`: the plugin could not resolve an
/// account in this shell (a credential SecretRef it needs is unavailable), so the audit
/// of that account rests on the config as written.
struct AccountResolutionCheck: ChannelAccountCheck {
    static let id = "channels.<id>.account.read_only_resolution"

    let auditsInactiveAccounts = true

    let infos = [
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

    func findings(for scope: ChannelAccountScope) -> [Finding] {
        let account = scope.account
        return account.resolutionDiagnostics.map { diagnostic in
            finding(
                Self.id, for: account.channel, .warn, detail: diagnostic,
                at: account.entry ?? account.section)
        }
    }
}
