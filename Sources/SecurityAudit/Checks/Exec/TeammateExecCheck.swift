/// `teammate.exec_on_gateway`: a teammate install (`meta.installProfile: "teammate"`)
/// promises that exec runs on the sandboxed worker, never on the shared gateway host;
/// this reports every scope where exec still resolves to the gateway (later-checks.md
/// §4.1, with the per-agent scopes as our extension).
struct TeammateExecCheck: Check {
    let infos = [
        CheckInfo(
            id: "teammate.exec_on_gateway",
            title: "Teammate install runs exec on the gateway host",
            severity: .fixed(.critical),
            rationale: "Teammates share one gateway; a command that runs on its host instead of the sandboxed worker can read every teammate's sessions, credentials and config.",
            remediation: "Set tools.exec.host=\"sandbox\" (and any per-agent tools.exec.host) and keep agents.defaults.sandbox.mode=\"all\".",
            triggers: [
                CheckExample(#"{ meta: { installProfile: "teammate" } }"#),
                CheckExample(#"{ meta: { installProfile: "teammate" }, tools: { exec: { host: "gateway" } }, agents: { defaults: { sandbox: { mode: "all" } } } }"#),
                CheckExample(#"{ meta: { installProfile: "teammate" }, tools: { exec: { host: "sandbox" } }, agents: { defaults: { sandbox: { mode: "all" } }, entries: { ops: { tools: { exec: { host: "gateway" } } } } } }"#),
                CheckExample(#"{ meta: { installProfile: "teammate" }, agents: { defaults: { sandbox: { mode: "all" } }, list: [{ id: "ops", sandbox: { mode: "off" } }] } }"#),
            ],
            passes: [
                CheckExample(#"{ meta: { installProfile: "teammate" }, tools: { exec: { host: "sandbox" } }, agents: { defaults: { sandbox: { mode: "all" } } } }"#),
                CheckExample(#"{ meta: { installProfile: "teammate" }, agents: { defaults: { sandbox: { mode: "non-main" } } } }"#),
                CheckExample(#"{ meta: { installProfile: "teammate" }, tools: { exec: { host: "node" } } }"#),
                CheckExample(#"{ meta: { installProfile: "teammate" }, tools: { exec: { host: "sandbox" } }, agents: { list: [{ id: "ops", sandbox: { mode: "off" } }] } }"#),
                CheckExample(#"{ tools: { exec: { host: "gateway" } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let profile = context.config["meta"]["installProfile"]
        guard profile.string == "teammate" else { return [] }
        let roster = context.agents
        let scopes: [(label: String, agent: AgentRoster.Agent?)] = [("defaults", nil)] + roster.agents.map { ($0.id, $0) }
        let violations = scopes.filter { scope in
            let host = ExecPolicy.effectiveHost(
                configured: ExecPolicy.configuredHost(agent: scope.agent, config: context.config),
                sandboxAvailable: roster.sandboxMode(for: scope.agent, in: context.config) != "off")
            return host == "gateway"
        }
        guard !violations.isEmpty else { return [] }
        return [finding(
            "teammate.exec_on_gateway", .critical,
            detail: "meta.installProfile=\"teammate\" expects exec to run on the shared worker, but exec resolves to the gateway host for: \(violations.map(\.label).joined(separator: ", ")).",
            remediation: "Set tools.exec.host=\"sandbox\" (and any per-agent tools.exec.host) back to the worker, keep agents.defaults.sandbox.mode=\"all\", then confirm with `\(context.cliCommand("openclaw sandbox explain --json"))`.",
            at: profile)]
    }
}
