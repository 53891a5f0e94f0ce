/// `channels.<id>.allowFrom.dangerous_name_matching_enabled`: an account authorizes
/// senders by display name, email or tag again.
struct NameMatchingCheck: ChannelAccountCheck {
    static let id = "channels.<id>.allowFrom.dangerous_name_matching_enabled"

    let infos = [
        CheckInfo(
            id: id,
            title: "<Label> dangerous name matching is enabled",
            severity: .fixed(.info),
            rationale: "Names, emails and tags can be changed or claimed by anyone; matching senders on them lets an impostor pass an allowlist that was meant to name one person.",
            remediation: "Prefer stable sender IDs in allowlists, then disable dangerouslyAllowNameMatching.",
            triggers: [
                CheckExample(#"{ channels: { discord: { token: "t", ↓dangerouslyAllowNameMatching: true } } }"#),
                CheckExample(#"{ channels: { slack: { botToken: "xoxb", appToken: "xapp", accounts: { ops: { ↓dangerouslyAllowNameMatching: true } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ channels: { discord: { token: "t", dangerouslyAllowNameMatching: false } } }"#),
                // Not configured (no token): the account cannot connect, so it is not audited.
                CheckExample(#"{ channels: { discord: { dangerouslyAllowNameMatching: true } } }"#),
                CheckExample(#"{ channels: { discord: { token: "t", enabled: false, dangerouslyAllowNameMatching: true } } }"#),
            ]),
    ]

    func findings(for scope: ChannelAccountScope) -> [Finding] {
        let account = scope.account
        let flag = account.config["dangerouslyAllowNameMatching"]
        guard flag.bool == true else { return [] }
        let note = scope.multiAccount || account.hasExplicitEntry ? " (account: \(account.id))" : ""
        return [finding(
            Self.id, for: account.channel, .info,
            title: "\(account.channel.label) dangerous name matching is enabled\(note)",
            detail: "dangerouslyAllowNameMatching=true re-enables mutable name/email/tag matching for sender authorization. This is a break-glass compatibility mode, not a hardened default.",
            at: flag)]
    }
}
