/// `channels.zalouser.groups.mutable_entries`: Zalo Personal group routing keyed by a
/// group name or slug rather than a stable group id. Auth ignores such keys unless name
/// matching is on, and a renamed group can then match something else.
struct ZalouserGroupRoutingCheck: ChannelAccountCheck {
    static let id = "channels.zalouser.groups.mutable_entries"
    static let listedEntries = 5

    let channel: KnownChannel? = .zalouser

    let infos = [
        CheckInfo(
            id: Self.id,
            title: "Zalouser group routing contains mutable group entries",
            severity: .varies(default: .warn, rule: "info when dangerouslyAllowNameMatching is on (an explicit break-glass choice), else warn"),
            rationale: "Group names can be changed by their members; a routing entry that names a group instead of its id drifts to whatever group carries that name.",
            remediation: "Prefer stable Zalo group IDs in channels.zalouser.groups.",
            triggers: [
                CheckExample(
                    #"{ channels: { zalouser: { ↓groups: { "Ops Room": { allow: true }, "group:g-123": { allow: true }, "456": {} } } } }"#,
                    severity: .warn, files: [.file("credentials/zalouser/credentials.json", "{}")]),
                CheckExample(
                    #"{ channels: { zalouser: { dangerouslyAllowNameMatching: true, ↓groups: { "Ops Room": { allow: true } } } } }"#,
                    severity: .info, files: [.file("credentials/zalouser/credentials.json", "{}")]),
                CheckExample(
                    #"{ channels: { zalouser: { accounts: { Work: { profile: "Team A", ↓groups: { ops: {} } } } } } }"#,
                    files: [.file("credentials/zalouser/credentials-team%20a.json", "{}")]),
            ],
            passes: [
                CheckExample(
                    #"{ channels: { zalouser: { groups: { "zlu:group:G-abc": {}, "123": {}, "*": {} } } } }"#,
                    files: [.file("credentials/zalouser/credentials.json", "{}")]),
                // No stored login: the account cannot connect, so it is not audited.
                CheckExample(#"{ channels: { zalouser: { groups: { "Ops Room": {} } } } }"#),
            ]),
    ]

    /// `isZalouserMutableGroupEntry`: anything but a numeric id or a `g-` id, after the
    /// `zalouser:` / `zlu:` and `group:` prefixes.
    static func isMutable(_ raw: String) -> Bool {
        let text = raw.trimmingWhitespace
        guard !text.isEmpty, text != "*" else { return false }
        let normalized = text.removingPrefix(oneOf: ["zalouser:", "zlu:"]).removingPrefix(oneOf: ["group:"]).trimmingWhitespace
        guard !normalized.isEmpty, !normalized.allSatisfy(\.isASCIIDigit) else { return false }
        let idBody = normalized.hasASCIIPrefixIgnoringCase("g-") ? normalized.dropFirst(2) : nil
        return !(idBody.map { !$0.isEmpty && !$0.contains(where: \.isWhitespace) } ?? false)
    }

    func findings(for scope: ChannelAccountScope) -> [Finding] {
        let account = scope.account
        let groups = account.config["groups"]
        let prefix = scope.multiAccount || account.hasExplicitEntry ? "channels.zalouser.accounts.\(account.id)" : "channels.zalouser"
        let entries = (groups.object?.keys ?? []).filter(Self.isMutable).map { "\(prefix).groups:\($0)" }
        guard !entries.isEmpty else { return [] }
        let shown = entries.prefix(Self.listedEntries).joined(separator: ", ")
        let more = entries.count > Self.listedEntries ? " (+\(entries.count - Self.listedEntries) more)" : ""
        guard account.config["dangerouslyAllowNameMatching"].bool == true else {
            return [finding(
                Self.id, for: .zalouser, .warn,
                detail: "Zalouser group auth is ID-only by default, so unresolved group-name or slug entries are ignored for auth and can drift from the intended trusted group. Found: \(shown)\(more).",
                remediation: "Prefer stable Zalo group IDs in channels.zalouser.groups, or explicitly opt in with dangerouslyAllowNameMatching=true if you accept mutable group-name matching.",
                at: groups)]
        }
        return [finding(
            Self.id, for: .zalouser, .info, title: "Zalouser group routing uses break-glass name matching",
            detail: "Zalouser group-name routing is explicitly enabled via dangerouslyAllowNameMatching. This mutable-identity mode is operator-selected break-glass behavior and out-of-scope for vulnerability reports by itself. Found: \(shown)\(more).",
            remediation: "Prefer stable Zalo group IDs (for example group:<id> or provider-native g- ids), then disable dangerouslyAllowNameMatching.",
            at: groups)]
    }
}
