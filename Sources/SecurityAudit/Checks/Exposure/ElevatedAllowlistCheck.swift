/// `tools.elevated.allowFrom.<provider>.{wildcard,large}`: who may switch the agent into
/// elevated (host) exec mode from a chat channel.
struct ElevatedAllowlistCheck: Check {
    /// More approved senders than this is hard to keep track of.
    static let largeListThreshold = 25

    let infos = [
        CheckInfo(
            id: "tools.elevated.allowFrom.<provider>.wildcard",
            title: "Elevated exec allowlist contains wildcard",
            severity: .fixed(.critical),
            rationale: "Elevated mode runs commands on the host outside the sandbox; \"*\" hands that to every sender the channel admits.",
            remediation: "Replace \"*\" in tools.elevated.allowFrom.<provider> with the few sender ids that need elevated mode.",
            triggers: [
                CheckExample(#"{ tools: { elevated: { allowFrom: { ↓whatsapp: ["+15550001", " * "] } } } }"#),
                CheckExample(#"{ tools: { elevated: { enabled: true, allowFrom: { ↓discord: ["*"] } } } }"#),
            ],
            passes: [
                CheckExample(#"{ tools: { elevated: { enabled: false, allowFrom: { whatsapp: ["*"] } } } }"#),
                CheckExample(#"{ tools: { elevated: { allowFrom: { whatsapp: ["+15550001"] } } } }"#),
                CheckExample(#"{ tools: { elevated: { allowFrom: { whatsapp: "*" } } } }"#),
            ]),
        CheckInfo(
            id: "tools.elevated.allowFrom.<provider>.large",
            title: "Elevated exec allowlist is large",
            severity: .fixed(.warn),
            rationale: "Every sender on the list can run host commands; a long list is rarely reviewed and tends to keep people who no longer need it.",
            remediation: "Trim tools.elevated.allowFrom.<provider> to the people who need elevated mode.",
            triggers: [CheckExample(ElevatedAllowlistCheck.largeListConfig(26, marked: true))],
            passes: [
                CheckExample(ElevatedAllowlistCheck.largeListConfig(25)),
                CheckExample(#"{ tools: { elevated: { allowFrom: { telegram: ["1", "", "  ", "2"] } } } }"#),
            ]),
    ]

    /// A list of `count` senders (and one blank entry), the list `↓`-marked for a trigger.
    static func largeListConfig(_ count: Int, marked: Bool = false) -> String {
        let entries = (1...count).map { "\"\($0)\"" }.joined(separator: ", ")
        return "{ tools: { elevated: { allowFrom: { \(marked ? "↓" : "")telegram: [\(entries), \"\"] } } } }"
    }

    func findings(in context: AuditContext) -> [Finding] {
        let elevated = context.config["tools"]["elevated"]
        guard elevated["enabled"].bool != false, let providers = elevated["allowFrom"].object else { return [] }
        var out: [Finding] = []
        for (provider, list) in providers.entries {
            let entries = (list.array ?? []).map { $0.javaScriptString.trimmingWhitespace }.filter { !$0.isEmpty }
            if entries.contains("*") {
                out.append(Finding(
                    checkId: "tools.elevated.allowFrom.\(provider).wildcard", severity: .critical,
                    title: "Elevated exec allowlist contains wildcard",
                    detail: "tools.elevated.allowFrom.\(provider) includes \"*\" which effectively approves everyone on that channel for elevated mode.",
                    location: list.origin))
            } else if entries.count > Self.largeListThreshold {
                out.append(Finding(
                    checkId: "tools.elevated.allowFrom.\(provider).large", severity: .warn,
                    title: "Elevated exec allowlist is large",
                    detail: "tools.elevated.allowFrom.\(provider) has \(entries.count) entries; consider tightening elevated access.",
                    location: list.origin))
            }
        }
        return out
    }
}
