/// `channels.zalouser.groups.mutable_entries`: Zalo Personal group routing keyed by a
/// group name or slug rather than a stable group id. Auth ignores such keys unless name
/// matching is on, and a renamed group can then match something else.
enum ZalouserRules {
    static let listedEntries = 5

    static let infos = [
        CheckInfo(
            id: "channels.zalouser.groups.mutable_entries",
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

    static func findings(account: ChannelAccount, multiAccount: Bool) -> [Finding] {
        let groups = account.config["groups"]
        let prefix = multiAccount || account.hasExplicitEntry ? "channels.zalouser.accounts.\(account.id)" : "channels.zalouser"
        let entries = (groups.object?.keys ?? []).filter(isMutable).map { "\(prefix).groups:\($0)" }
        guard !entries.isEmpty else { return [] }
        let shown = entries.prefix(listedEntries).joined(separator: ", ")
        let more = entries.count > listedEntries ? " (+\(entries.count - listedEntries) more)" : ""
        let breakGlass = account.config["dangerouslyAllowNameMatching"].bool == true
        return [Finding(
            checkId: "channels.zalouser.groups.mutable_entries", severity: breakGlass ? .info : .warn,
            title: breakGlass ? "Zalouser group routing uses break-glass name matching" : "Zalouser group routing contains mutable group entries",
            detail: breakGlass
                ? "Zalouser group-name routing is explicitly enabled via dangerouslyAllowNameMatching. This mutable-identity mode is operator-selected break-glass behavior and out-of-scope for vulnerability reports by itself. Found: \(shown)\(more)."
                : "Zalouser group auth is ID-only by default, so unresolved group-name or slug entries are ignored for auth and can drift from the intended trusted group. Found: \(shown)\(more).",
            remediation: breakGlass
                ? "Prefer stable Zalo group IDs (for example group:<id> or provider-native g- ids), then disable dangerouslyAllowNameMatching."
                : "Prefer stable Zalo group IDs in channels.zalouser.groups, or explicitly opt in with dangerouslyAllowNameMatching=true if you accept mutable group-name matching.",
            location: groups?.origin)]
    }
}
