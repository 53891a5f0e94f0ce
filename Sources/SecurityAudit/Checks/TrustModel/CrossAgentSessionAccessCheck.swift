/// `security.trust_model.cross_agent_session_access_default` (upstream
/// `src/security/audit-extra.summary.ts`, `collectCrossAgentSessionAccessFindings`): since
/// 2026.9.2 an omitted `tools.sessions.visibility` resolves to `"all"` and an omitted
/// `tools.agentToAgent.enabled` to true, so on every default multi-agent install any
/// agent that can call a session tool reads every other agent's transcripts.
struct CrossAgentSessionAccessCheck: Check {
    static let id = "security.trust_model.cross_agent_session_access_default"
    /// In the order upstream lists them.
    static let sessionTools = ["sessions_list", "sessions_history", "sessions_search", "sessions_send", "session_status"]
    static let validVisibilities: Set<String> = ["self", "tree", "agent", "all"]

    let infos = [
        CheckInfo(
            id: Self.id,
            title: "Agents share Gateway-wide session access (default)",
            severity: .varies(default: .info, rule: "warn when trust-boundary signals exist (sandboxing, agent-level tool restrictions, multi-user ingress), else info"),
            rationale: "With Gateway-wide session visibility and unrestricted agent-to-agent access, an agent can list, read and message every other agent's sessions: one agent's users can read what another agent's users said.",
            remediation: "Set tools.sessions.visibility to \"agent\", \"tree\", or \"self\"; restrict tools.agentToAgent.allow to the intended requester and target ids; or set tools.agentToAgent.enabled: false.",
            triggers: [
                CheckExample(#"{ ↓agents: { entries: { main: { default: true }, work: {} } } }"#, severity: .info),
                CheckExample(#"{ ↓agents: { entries: { main: {}, kids: { sandbox: { mode: "all" } } } }, channels: { whatsapp: { groupPolicy: "open" } } }"#, severity: .warn),
                CheckExample(#"{ ↓agents: { list: [{ id: "a" }, { id: "b", tools: { deny: ["exec"] } }] } }"#, severity: .warn, release: "2026.9.2"),
            ],
            passes: [
                CheckExample(#"{ agents: { entries: { main: {} } } }"#),
                CheckExample(#"{ agents: { entries: { main: {}, work: {} } } }"#, release: "2026.9.1"),
                CheckExample(#"{ tools: { sessions: { visibility: "agent" } }, agents: { entries: { main: {}, work: {} } } }"#),
                CheckExample(#"{ tools: { agentToAgent: { enabled: false } }, agents: { entries: { main: {}, work: {} } } }"#),
                CheckExample(#"{ tools: { agentToAgent: { allow: ["main"] } }, agents: { entries: { main: {}, work: {} } } }"#),
                CheckExample(#"{ tools: { deny: ["group:sessions", "session_status", "sessions_search"] }, agents: { entries: { main: {}, work: {} } } }"#),
                CheckExample(#"{ agents: { defaults: { sandbox: { mode: "all" } }, entries: { main: {}, work: {} } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let config = context.config
        let roster = context.agents
        guard roster.agents.count >= 2 else { return [] }
        let visibility = config["tools"]["sessions"]["visibility"].string.flatMap { Self.validVisibilities.contains($0) ? $0 : nil } ?? "all"
        guard visibility == "all" else { return [] }
        let agentToAgent = config["tools"]["agentToAgent"]
        if agentToAgent["enabled"].bool == false { return [] }
        if let allow = agentToAgent["allow"].array, !allow.isEmpty { return [] }
        let clampDisabled = config["agents"]["defaults"]["sandbox"]["sessionToolsVisibility"].string == "all"

        var reachers: [String] = []
        var others: [String] = []
        var signals: [String] = []
        for agent in roster.agents {
            let mode = roster.sandboxMode(for: agent, in: config)
            if mode != "off" { signals.append("\(agent.id): sandbox.mode=\"\(mode)\"") }
            let allowed = context.toolPolicy(for: agent).allowed(Self.sessionTools)
            let unclamped = mode != "all" || clampDisabled
            if unclamped, !allowed.isEmpty {
                let where_ = mode == "off" ? "unsandboxed sessions" : mode == "all" ? "sandboxed sessions (clamp disabled)" : "unsandboxed main session"
                reachers.append("- \(agent.id): \(where_); allowed session tools: \(allowed.joined(separator: ", ")).")
            } else {
                let reason = unclamped ? "session tools removed by agent tool policy" : "sandboxed sessions clamped to their spawn tree"
                others.append("- \(agent.id): \(reason); its transcripts remain readable by the agents above.")
            }
            let restricted = ["profile", "allow", "deny"].filter { agent.config["tools"][$0] != nil }
            if !restricted.isEmpty {
                signals.append("\(agent.id): agent-level tool restrictions (\(restricted.map { "tools.\($0)" }.joined(separator: ", ")))")
            }
        }
        guard !reachers.isEmpty else { return [] }
        signals += InboundSignal.multiUserSignals(config: config, openPolicies: context.channels.openPolicies, groupPolicies: context.groupPolicies).map(\.text)

        var detail = "Agents: \(roster.agents.map(\.id).joined(separator: ", "))\n"
            + "tools.sessions.visibility resolves to \"all\" and tools.agentToAgent is enabled with no allow list.\n"
            + "Agents that can reach other agents' sessions, including other users' transcripts:\n"
            + (reachers + others).joined(separator: "\n")
            + "\nIncognito sessions remain hidden."
        if !signals.isEmpty {
            detail += "\nTrust-boundary signals:\n" + signals.map { "- \($0)" }.joined(separator: "\n")
                + "\nSandboxing, agent-level tool restrictions, or shared-user ingress suggest different trust levels, but session access remains Gateway-wide."
        }
        return [finding(
            Self.id, signals.isEmpty ? .info : .warn,
            detail: detail,
            remediation: "Set tools.sessions.visibility to \"agent\", \"tree\", or \"self\"; restrict tools.agentToAgent.allow to the intended requester and target ids; or set tools.agentToAgent.enabled: false. See https://docs.openclaw.ai/gateway/config-tools#tools-agenttoagent and https://docs.openclaw.ai/gateway/security#scope-one-trust-boundary-per-gateway.",
            at: config["tools"]["sessions"]["visibility"] ?? config["agents"])]
    }
}
