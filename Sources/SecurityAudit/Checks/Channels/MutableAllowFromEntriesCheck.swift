/// `channels.<id>.allowFrom.mutable_entries_inert` (upstream `src/security/audit-channel.ts`,
/// from 2026.9.1): with name matching off, a DM `allowFrom` entry that can only match a
/// mutable identifier (a display name, tag or alias) never authorizes anyone. The entry
/// looks like access control and does nothing, and the person it meant stays locked out.
///
/// Upstream asks each plugin's ingress identity to classify an entry; this tool knows
/// the classification of Discord's entries (numeric ids and mentions are stable,
/// everything else is a name), so the check covers Discord accounts.
struct MutableAllowFromEntriesCheck: ChannelAccountCheck {
    static let id = "channels.<id>.allowFrom.mutable_entries_inert"

    let channel: KnownChannel? = .discord

    let infos = [
        CheckInfo(
            id: Self.id,
            title: "<Label> mutable allowFrom entries are inert",
            severity: .fixed(.warn),
            rationale: "Since name matching is off by default, an allowlist entry written as a display name or tag never matches: the entry silently grants nothing while the config reads as if that person were allowed.",
            remediation: "Replace them with stable sender IDs; enabling dangerouslyAllowNameMatching is a discouraged break-glass alternative.",
            triggers: [
                CheckExample(#"{ channels: { discord: { token: "t", ↓allowFrom: ["alice", "123456789012345678"] } } }"#, release: "2026.9.1"),
                CheckExample(#"{ channels: { discord: { token: "t", dm: { ↓allowFrom: ["Bob#0001"] } } } }"#),
                CheckExample(#"{ channels: { discord: { accounts: { work: { token: "t", ↓allowFrom: ["carol"] } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ channels: { discord: { token: "t", allowFrom: ["alice", "123456789012345678"] } } }"#, release: "2026.8.1"),
                CheckExample(#"{ channels: { discord: { token: "t", allowFrom: ["alice"], dangerouslyAllowNameMatching: true } } }"#),
                CheckExample(#"{ channels: { discord: { token: "t", allowFrom: ["<@123>", "user:42", "*", "accessGroup:ops"] } } }"#),
            ]),
    ]

    func findings(for scope: ChannelAccountScope) -> [Finding] {
        let account = scope.account
        guard account.config["dangerouslyAllowNameMatching"].bool != true else { return [] }
        let dm = DMPolicy(account: account)
        let entries = dm.allowFrom.map(\.javaScriptString).filter { $0.trimmingWhitespace != "*" }
        let mutable = entries.filter { !Self.isAccessGroupReference($0) && DiscordNameBasedEntriesCheck.isMutable($0) }
        guard !mutable.isEmpty else { return [] }
        let note = scope.multiAccount || account.hasExplicitEntry ? " (account: \(account.id))" : ""
        return [finding(
            Self.id, for: account.channel, .warn,
            title: "\(account.channel.label) mutable allowFrom entries are inert\(note)",
            detail: "\(mutable.count) of \(entries.count) entries in \(dm.allowFromPath)allowFrom only match mutable identifiers (display names/tags/aliases) and can never authorize a sender under the current policy, so they are silently inert.",
            at: account.config["allowFrom"] ?? account.config["dm"]["allowFrom"])]
    }

    /// `accessGroup:<name>` names a group whose members are resolved separately; it is not
    /// an identifier (`parseAccessGroupAllowFromEntry`).
    static func isAccessGroupReference(_ entry: String) -> Bool {
        let text = entry.trimmingWhitespace
        guard text.hasASCIIPrefixIgnoringCase("accessgroup:") else { return false }
        return !text.dropFirst("accessGroup:".count).trimmingWhitespace.isEmpty
    }
}
