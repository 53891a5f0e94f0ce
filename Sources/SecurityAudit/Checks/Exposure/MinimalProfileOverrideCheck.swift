/// `tools.profile_minimal_overridden`: the global minimal tool profile does not reach
/// agents that set a profile of their own.
struct MinimalProfileOverrideCheck: Check {
    let infos = [
        CheckInfo(
            id: "tools.profile_minimal_overridden",
            title: "Global tools.profile=minimal is overridden by agent profiles",
            severity: .fixed(.warn),
            rationale: "An agent's own tools.profile replaces the global one, so a global \"minimal\" gives a false sense of lockdown while those agents keep their wider tool set.",
            remediation: "Set those agents to tools.profile=\"minimal\" or remove their override.",
            triggers: [
                CheckExample(#"{ tools: { ↓profile: "minimal" }, agents: { list: [{ id: "owner", tools: { profile: "full" } }] } }"#),
                CheckExample(#"{ tools: { ↓profile: "minimal" }, agents: { entries: { ops: { tools: { profile: "coding" } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ tools: { profile: "minimal" }, agents: { list: [{ id: "owner", tools: { profile: "minimal" } }, { id: "x" }] } }"#),
                CheckExample(#"{ tools: { profile: "coding" }, agents: { list: [{ id: "owner", tools: { profile: "full" } }] } }"#),
                CheckExample(#"{ tools: { profile: "minimal" }, agents: { list: [{ id: "owner", tools: { profile: "" } }] } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let global = context.config["tools"]["profile"]
        guard global.string == "minimal" else { return [] }
        let roster = context.agents
        let overrides = roster.agents.compactMap { agent -> String? in
            let profile = agent.config["tools"]["profile"]
            guard profile.isTruthy, profile.string != "minimal", let profile else { return nil }
            return "- \(roster.label(for: agent))=\(profile.javaScriptString)"
        }
        guard !overrides.isEmpty else { return [] }
        return [finding(
            "tools.profile_minimal_overridden", .warn,
            detail: "Global minimal profile is set, but these agent profiles take precedence:\n" + overrides.joined(separator: "\n"),
            remediation: "Set those agents to `tools.profile=\"minimal\"` (or remove the agent override) if you want minimal tools enforced globally.",
            at: global)]
    }
}
