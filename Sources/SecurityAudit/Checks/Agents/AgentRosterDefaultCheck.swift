/// `config.agent_roster.invalid_default_count` (upstream `src/security/audit.ts`, with
/// the roster rework of 2026.8.1): an authored roster (`agents.entries` or `agents.list`,
/// even an empty one) must let the runtime pick one default agent: a sole entry or one
/// `default: true` marker; with `agents.ownership: "explicit"` no entry may carry the
/// legacy marker at all.
struct AgentRosterDefaultCheck: Check {
    static let id = "config.agent_roster.invalid_default_count"

    let infos = [
        CheckInfo(
            id: Self.id,
            title: "Agent roster has an invalid default selection",
            severity: .fixed(.warn),
            rationale: "Without exactly one default, messages that no binding routes go to an agent the runtime has to guess, or are refused; with explicit ownership a leftover default marker silently routes traffic to that agent.",
            remediation: "Run `openclaw doctor --fix` to repair the authored agent roster.",
            triggers: [
                CheckExample(#"{ agents: { ↓entries: { a: {}, b: {} } } }"#),
                CheckExample(#"{ agents: { ↓entries: { a: { default: true }, b: { default: true } } } }"#),
                CheckExample(#"{ agents: { ownership: "explicit", ↓entries: { a: { default: true } } } }"#),
                CheckExample(#"{ agents: { ↓list: [] } }"#, release: "2026.8.1"),
            ],
            passes: [
                CheckExample(#"{ agents: { entries: { a: {} } } }"#),
                CheckExample(#"{ agents: { entries: { a: { default: true }, b: {} } } }"#),
                CheckExample(#"{ agents: { ownership: "explicit", entries: { a: {}, b: {} } } }"#),
                CheckExample(#"{ agents: { entries: { a: {}, b: {} } } }"#, release: "2026.7.1"),
                CheckExample(#"{}"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let agents = context.config["agents"]
        let authored: [ConfigNode]
        if let entries = agents["entries"] {
            authored = entries.object?.entries.map(\.value) ?? []
        } else if let list = agents["list"] {
            authored = list.array ?? []
        } else {
            return []
        }
        let markers = authored.filter { $0["default"].bool == true }.count
        let detail: String
        if agents["ownership"].string == "explicit" {
            guard markers != 0 else { return [] }
            detail = "Expected no agents.entries default=true entries with agents.ownership=explicit, found \(markers)."
        } else {
            guard authored.count != 1, markers != 1 else { return [] }
            detail = "Expected a resolvable default agent (sole entry, one default=true marker, or agents.ownership=explicit); found \(markers) default markers across \(authored.count) configured agents."
        }
        return [finding(Self.id, .warn, detail: detail, at: agents["entries"] ?? agents["list"])]
    }
}
