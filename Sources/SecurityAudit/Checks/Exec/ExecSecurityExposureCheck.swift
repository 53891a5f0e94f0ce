/// Full exec trust, and exec reachable from open channels:
/// `tools.exec.security_full_configured` and `security.exposure.open_channels_with_exec`.
/// Scopes follow the config only (`tools.exec.mode`, else `security`, default `deny`);
/// the approvals file and host defaults are deliberately not consulted here.
struct ExecSecurityExposureCheck: Check {
    let infos = [
        CheckInfo(
            id: "tools.exec.security_full_configured",
            title: "Exec security=full is configured",
            severity: .varies(default: .warn, rule: "critical when any group or DM policy is \"open\", else warn"),
            rationale: "security=full runs every command without an allowlist or a prompt; one prompt injection is then a shell on the host.",
            remediation: "Prefer tools.exec.mode=\"ask\" or \"allowlist\", and reserve \"full\" for tightly scoped break-glass agents only.",
            triggers: [
                CheckExample(#"{ tools: { exec: { ↓security: "full" } } }"#, severity: .warn),
                CheckExample(#"{ channels: { slack: { dmPolicy: "open" } }, tools: { exec: { ↓mode: "full" } } }"#, severity: .critical),
                CheckExample(#"{ tools: { exec: { mode: "deny" } }, agents: { entries: { ops: { tools: { exec: { ↓security: "full" } } } } } }"#, severity: .warn),
                CheckExample(#"{ agents: { list: [{ id: "ops", tools: { exec: { ↓mode: " FULL " } } }] } }"#, severity: .warn),
            ],
            passes: [
                CheckExample(#"{ tools: { exec: { security: "full", mode: "ask" } } }"#),
                CheckExample(#"{ tools: { exec: { security: "allowlist" } }, channels: { slack: { dmPolicy: "open" } } }"#),
                CheckExample(#"{}"#, files: [.file("exec-approvals.json", #"{ "version": 1, "defaults": { "security": "full" } }"#)]),
            ]),
        CheckInfo(
            id: "security.exposure.open_channels_with_exec",
            title: "Open channels can reach exec-enabled agents",
            severity: .varies(default: .warn, rule: "critical when some scope has exec security=full, else warn"),
            rationale: "Anyone who can write in an open DM or group can prompt an agent whose exec is enabled; the allowlist or approval prompt is then the only thing between strangers and the shell.",
            remediation: "Tighten dmPolicy/groupPolicy to pairing or allowlist, or disable exec for agents reachable from shared/public channels.",
            triggers: [
                // The first example is written in the keys of every release that has the check.
                CheckExample(#"{ channels: { slack: { ↓dmPolicy: "open" } }, tools: { exec: { security: "full" } } }"#, severity: .critical),
                CheckExample(#"{ channels: { slack: { ↓dmPolicy: "open" } }, tools: { exec: { mode: "full" } } }"#, severity: .critical),
                CheckExample(#"{ channels: { discord: { guilds: { g1: { channels: { c1: { ↓groupPolicy: "open" } } } } } }, tools: { exec: { mode: "ask" } } }"#, severity: .warn),
                CheckExample(#"{ channels: { telegram: { dm: { ↓policy: "open" } } }, agents: { entries: { ops: { tools: { exec: { security: "allowlist" } } } } } }"#, severity: .warn),
            ],
            passes: [
                CheckExample(#"{ channels: { slack: { dmPolicy: "open" } } }"#),
                CheckExample(#"{ channels: { slack: { dmPolicy: "pairing" } }, tools: { exec: { mode: "full" } } }"#),
                CheckExample(#"{ channels: { slack: { dmPolicy: "open" } }, tools: { exec: { mode: "deny", security: "full" } } }"#),
            ]),
    ]

    struct Scope {
        var id: String
        var security: String
        /// As configured (`auto` when unset); printed as written.
        var host: String
        var node: ConfigNode?
    }

    /// The audit scopes of §4.2: the default scope, then every agent (an agent with the
    /// default scope's id replaces it in place).
    static func scopes(in context: AuditContext) -> [Scope] {
        let globalExec = context.config["tools"]["exec"]
        let global = ExecPolicy.effective(
            mode: globalExec["mode"].string, security: globalExec["security"].string ?? "deny",
            ask: globalExec["ask"].string ?? "off")
        var scopes = [Scope(
            id: context.agents.unambiguousDefaultAgentId ?? "global", security: global.security,
            host: globalExec["host"].string ?? "auto", node: globalExec["mode"] ?? globalExec["security"])]
        for agent in context.agents.agents {
            let exec = agent.config["tools"]["exec"]
            let levels = ExecPolicy.effective(
                mode: exec["mode"].string, security: exec["security"].string ?? global.security,
                ask: exec["ask"].string ?? global.ask)
            let scope = Scope(
                id: agent.normalizedId, security: levels.security,
                host: ExecPolicy.configuredHost(agent: agent, config: context.config),
                node: exec["mode"] ?? exec["security"] ?? scopes[0].node)
            if let index = scopes.firstIndex(where: { $0.id == scope.id }) {
                scopes[index] = scope
            } else {
                scopes.append(scope)
            }
        }
        return scopes
    }

    func findings(in context: AuditContext) -> [Finding] {
        let scopes = Self.scopes(in: context)
        func level(_ scope: Scope) -> String { scope.security.trimmingWhitespace.lowercased() }
        let full = scopes.filter { level($0) == "full" }
        let exec = scopes.filter { level($0) != "deny" }
        let open = context.channels.openPolicies
        let openLines = open.map { "\n- \($0.path)" }.joined()
        var out: [Finding] = []
        if !full.isEmpty {
            out.append(finding(
                "tools.exec.security_full_configured", open.isEmpty ? .warn : .critical,
                detail: "Full exec trust is enabled for: \(full.map(\.id).joined(separator: ", "))."
                    + (open.isEmpty ? "" : " Open channel access was also detected at:" + openLines),
                at: full[0].node))
        }
        if !open.isEmpty, !exec.isEmpty {
            let id = "security.exposure.open_channels_with_exec"
            out.append(finding(
                id, full.isEmpty ? .warn : .critical,
                detail: "Open DM/group access detected at:" + openLines + "\nExec-enabled scopes:"
                    + exec.map { "\n- \($0.id): security=\($0.security), host=\($0.host)" }.joined(),
                origin: open[0].origin))
        }
        return out
    }
}
