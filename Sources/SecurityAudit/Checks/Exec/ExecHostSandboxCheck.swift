/// `tools.exec.host_sandbox_no_sandbox_*`: exec is pinned to the sandbox host while the
/// sandbox is off, so exec has no sandbox to run in (the later runtime fails closed; the
/// February one ran the command on the gateway host).
struct ExecHostSandboxCheck: Check {
    static let maxListedAgents = 5

    let infos = [
        CheckInfo(
            id: "tools.exec.host_sandbox_no_sandbox_defaults",
            title: "Exec host is sandbox but sandbox mode is off",
            severity: .fixed(.warn),
            rationale: "tools.exec.host=sandbox says commands must run isolated, but with agents.defaults.sandbox.mode off there is no sandbox: exec either fails or, on older gateways, runs on the host.",
            remediation: "Enable sandbox mode (agents.defaults.sandbox.mode \"non-main\" or \"all\") or set tools.exec.host to \"gateway\" with approvals.",
            triggers: [
                CheckExample(#"{ tools: { exec: { ↓host: "sandbox" } }, agents: { defaults: { sandbox: { mode: "off" } } } }"#),
                CheckExample(#"{ tools: { exec: { ↓host: "sandbox" } } }"#),
            ],
            passes: [
                CheckExample(#"{ tools: { exec: { host: "sandbox" } }, agents: { defaults: { sandbox: { mode: "non-main" } } } }"#),
                CheckExample(#"{ tools: { exec: { host: "gateway" } } }"#),
                CheckExample(#"{ tools: { exec: { host: "sandbox" } }, agents: { defaults: { sandbox: { mode: "all" } }, list: [{ id: "ops", sandbox: { mode: "off" } }] } }"#),
            ]),
        CheckInfo(
            id: "tools.exec.host_sandbox_no_sandbox_agents",
            title: "Agent exec host uses sandbox while sandbox mode is off",
            severity: .fixed(.warn),
            rationale: "An agent that pins exec to the sandbox host but resolves to sandbox mode off has no sandbox to run commands in.",
            remediation: "Enable sandbox mode for these agents or set their tools.exec.host to \"gateway\".",
            triggers: [
                CheckExample(#"{ agents: { list: [{ id: "ops", tools: { exec: { ↓host: "sandbox" } } }] } }"#),
                CheckExample(#"{ agents: { defaults: { sandbox: { mode: "all" } }, entries: { ops: { sandbox: { mode: "off" }, tools: { exec: { ↓host: "sandbox" } } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ agents: { defaults: { sandbox: { mode: "all" } }, list: [{ id: "ops", tools: { exec: { host: "sandbox" } } }] } }"#),
                CheckExample(#"{ tools: { exec: { host: "sandbox" } }, agents: { list: [{ id: "ops" }] } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        var out: [Finding] = []
        let globalHost = context.config["tools"]["exec"]["host"]
        if globalHost.string == "sandbox", context.agents.sandboxMode(for: nil, in: context.config) == "off" {
            out.append(finding(
                "tools.exec.host_sandbox_no_sandbox_defaults", .warn,
                detail: "tools.exec.host is explicitly set to sandbox while agents.defaults.sandbox.mode=off. In this mode, exec fails closed because no sandbox runtime is available.",
                remediation: "Enable sandbox mode (`agents.defaults.sandbox.mode=\"non-main\"` or `\"all\"`) or set tools.exec.host to \"gateway\" with approvals.",
                at: globalHost))
        }

        let risky = context.agents.agents.filter { agent in
            agent.config["tools"]["exec"]["host"].string == "sandbox"
                && context.agents.sandboxMode(for: agent, in: context.config) == "off"
        }
        if let first = risky.first {
            let prefix = context.agents.labelPrefix
            let modePath = context.agents.usesEntries ? "agents.entries.*.sandbox.mode" : "agents.list[].sandbox.mode"
            let ids = risky.prefix(Self.maxListedAgents).map(\.id).joined(separator: ", ")
            out.append(finding(
                "tools.exec.host_sandbox_no_sandbox_agents", .warn,
                detail: "\(prefix).*.tools.exec.host is set to sandbox for: \(ids). With sandbox mode off, exec fails closed for those agents.",
                remediation: "Enable sandbox mode for these agents (`\(modePath)`) or set their tools.exec.host to \"gateway\".",
                at: first.config["tools"]["exec"]["host"]))
        }
        return out
    }
}
