/// Telegram-only findings about who may run commands in groups: allowlists must hold
/// numeric user ids, must not hold `*`, and must exist once groups are reachable.
struct TelegramGroupCommandsCheck: ChannelAccountCheck {
    let channel: KnownChannel? = .telegram

    let infos = [
        CheckInfo(
            id: "channels.telegram.allowFrom.invalid_entries",
            title: "Telegram allowlist contains non-numeric entries",
            severity: .fixed(.warn),
            rationale: "Telegram authorizes senders by numeric user id; @usernames never match (and can be re-registered by someone else), so such entries silently protect nothing.",
            remediation: "Replace @username entries with numeric Telegram user IDs.",
            triggers: [
                CheckExample(#"{ channels: { telegram: { botToken: "t", groupPolicy: "allowlist", ↓groupAllowFrom: ["@TrustedOperator"], groups: { "-100123": {} } } } }"#),
                CheckExample(#"{ channels: { telegram: { botToken: "t", groupPolicy: "open", ↓allowFrom: ["tg:alice"] } } }"#),
                CheckExample(#"{ channels: { telegram: { botToken: "t", ↓groups: { "-1": { topics: { "7": { allowFrom: ["bob"] } } } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ channels: { telegram: { botToken: "t", groupPolicy: "open", groupAllowFrom: ["123", "telegram:-456", "*"] } } }"#),
                // Group access is impossible (allowlist with no groups), so nothing is checked.
                CheckExample(#"{ channels: { telegram: { botToken: "t", groupAllowFrom: ["@TrustedOperator"] } } }"#),
                CheckExample(#"{ commands: { text: false }, channels: { telegram: { botToken: "t", groupPolicy: "open", allowFrom: ["@alice"] } } }"#),
            ]),
        CheckInfo(
            id: "channels.telegram.groups.allowFrom.wildcard",
            title: "Telegram group allowlist contains wildcard",
            severity: .fixed(.critical),
            rationale: "\"*\" in the group sender allowlist lets every member of every allowed group run commands and control directives.",
            remediation: "Remove \"*\" from channels.telegram.groupAllowFrom; list numeric user ids.",
            triggers: [CheckExample(#"{ channels: { telegram: { botToken: "t", groupPolicy: "open", ↓groupAllowFrom: ["*"] } } }"#)],
            passes: [CheckExample(#"{ channels: { telegram: { botToken: "t", groupPolicy: "open", groupAllowFrom: ["123"] } } }"#)]),
        CheckInfo(
            id: "channels.telegram.groups.allowFrom.missing",
            title: "Telegram group commands have no sender allowlist",
            severity: .fixed(.critical),
            rationale: "Groups are reachable but no sender allowlist exists, so any member of a group the bot sits in can invoke commands.",
            remediation: "Approve yourself via pairing, or set channels.telegram.groupAllowFrom (or groups.<id>.allowFrom).",
            triggers: [
                CheckExample(#"{ channels: { telegram: { botToken: "t", ↓groupPolicy: "allowlist", groups: { "-100123": {} } } } }"#),
                CheckExample(#"{ channels: { telegram: { botToken: "t", ↓groupPolicy: "open" } } }"#),
            ],
            passes: [
                CheckExample(#"{ channels: { telegram: { botToken: "t", groupPolicy: "allowlist", groups: { "-100123": { allowFrom: ["42"] } } } } }"#),
                CheckExample(#"{ channels: { telegram: { botToken: "t", groupPolicy: "disabled", groups: { "-100123": {} } } } }"#),
                CheckExample(#"{ channels: { telegram: { botToken: "t" } } }"#),
            ]),
    ]

    /// `normalizeTelegramAllowFromEntry`: trimmed, without a `telegram:` / `tg:` prefix.
    static func normalize(_ node: ConfigNode) -> String {
        let base: String
        switch node.value {
        case .string(let s): base = s
        case .number: base = node.javaScriptString
        default: base = ""
        }
        return base.trimmingWhitespace.removingPrefix(oneOf: ["telegram:", "tg:"]).trimmingWhitespace
    }

    static func isNumericUserId(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
    }

    func findings(for scope: ChannelAccountScope) -> [Finding] {
        let account = scope.account
        let context = scope.context
        guard context.config["commands"]["text"].bool != false else { return [] }
        let config = account.config
        let groupPolicy = context.groupPolicies.resolve(account).policy
        let groups = config["groups"].object
        let groupsConfigured = !(groups?.isEmpty ?? true)
        guard groupPolicy == "open" || (groupPolicy == "allowlist" && groupsConfigured) else { return [] }

        var invalid: [String] = []
        var seen: Set<String> = []
        func scan(_ entries: [ConfigNode]) {
            for entry in entries {
                let normalized = Self.normalize(entry)
                if !normalized.isEmpty, normalized != "*", !Self.isNumericUserId(normalized), seen.insert(normalized).inserted {
                    invalid.append(normalized)
                }
            }
        }
        let store = account.storeAllowFrom
        scan(store.map { ConfigNode(.string($0)) })
        let groupAllowFrom = config["groupAllowFrom"].array ?? []
        scan(groupAllowFrom)
        scan(config["allowFrom"].array ?? [])
        var anyGroupOverride = false
        for (_, group) in groups?.entries ?? [] where group.object != nil {
            let allowFrom = group["allowFrom"].array ?? []
            if !allowFrom.isEmpty {
                scan(allowFrom)
                anyGroupOverride = true
                continue
            }
            for (_, topic) in group["topics"].object?.entries ?? [] where topic.object != nil {
                let topicAllow = topic["allowFrom"].array ?? []
                scan(topicAllow)
                if !topicAllow.isEmpty { anyGroupOverride = true }
            }
        }

        var out: [Finding] = []
        if !invalid.isEmpty {
            let shown = invalid.prefix(5).joined(separator: ", ") + (invalid.count > 5 ? " (+\(invalid.count - 5) more)" : "")
            out.append(finding(
                "channels.telegram.allowFrom.invalid_entries", for: .telegram, .warn,
                detail: "Telegram sender authorization requires numeric Telegram user IDs. Found non-numeric allowFrom entries: \(shown).",
                remediation: "Replace @username entries with numeric Telegram user IDs (use onboarding to resolve), then re-run the audit.",
                at: config["groupAllowFrom"] ?? config["allowFrom"] ?? config["groups"]))
        }
        let wildcard = store.contains { $0.trimmingWhitespace == "*" }
            || groupAllowFrom.contains(where: \.isWildcardEntry)
        if wildcard {
            out.append(finding(
                "channels.telegram.groups.allowFrom.wildcard", for: .telegram, .critical,
                detail: "Telegram group sender allowlist contains \"*\", which allows any group member to run /… commands and control directives.",
                remediation: "Remove \"*\" from channels.telegram.groupAllowFrom and pairing store; prefer explicit numeric Telegram user IDs.",
                at: config["groupAllowFrom"]))
            return out
        }
        if store.isEmpty, groupAllowFrom.isEmpty, !anyGroupOverride {
            let skills = NativeCommandSetting.isEnabled(
                channel: .telegram, provider: config["commands"]["nativeSkills"], global: context.config["commands"]["nativeSkills"],
                coerceProvider: false)
            out.append(finding(
                "channels.telegram.groups.allowFrom.missing", for: .telegram, .critical,
                detail: "Telegram group access is enabled but no sender allowlist is configured; this allows any group member to invoke /… commands" + (skills ? " (including skill commands)." : "."),
                remediation: "Approve yourself via pairing (recommended), or set channels.telegram.groupAllowFrom (or per-group groups.<id>.allowFrom).",
                at: config["groupPolicy"] ?? config["groups"]))
        }
        return out
    }
}
