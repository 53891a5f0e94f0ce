/// Per-agent `skills` allowlists only choose which skills the model sees; a host exec
/// process can still run any MCP client the gateway host reaches
/// (`src/security/audit.ts`): `tools.exec.agent_skill_mcp_boundary_drift`.
/// A global mcporter registry that cannot be read names no servers (upstream never
/// shipped a finding of its own for that).
struct SkillMCPBoundaryCheck: Check {
    static let listedScopes = 8
    static let listedServerNames = 6

    let infos = [
        CheckInfo(
            id: "tools.exec.agent_skill_mcp_boundary_drift",
            title: "Agent skill allowlists do not constrain host exec MCP clients",
            severity: .fixed(.warn),
            rationale: "agents.*.skills is a visibility filter, not a shell-time boundary: an agent limited to a few skills but allowed host exec can still run MCP clients against every server the gateway host can reach.",
            remediation: "Give agents that need MCP isolation security=\"deny\" or a tight allowlist, run them sandboxed where the global MCP registry is not readable, or split sensitive MCP servers into a separate gateway.",
            triggers: [
                CheckExample(#"{ mcp: { servers: { docs: { command: "node" } } }, agents: { defaults: { ↓skills: ["docs-search"] } } }"#),
                CheckExample(
                    #"{ agents: { entries: { ops: { ↓skills: ["deploy"], tools: { exec: { mode: "ask" } } } } } }"#,
                    files: [.file("skills/config/mcporter.json", #"{ "mcpServers": { "github": {}, "off": { "enabled": false } } }"#)]),
                CheckExample(#"{ mcp: { servers: { docs: {} } }, agents: { defaults: { ↓skills: [] }, list: [{ id: "ops", sandbox: { mode: "off" } }] }, tools: { exec: { host: "gateway" } } }"#),
            ],
            passes: [
                CheckExample(#"{ mcp: { servers: { docs: {} } }, agents: { defaults: { skills: ["docs-search"] }, list: [{ id: "docs-agent", tools: { exec: { security: "deny" } } }] }, tools: { exec: { security: "deny" } } }"#),
                CheckExample(#"{ mcp: { servers: { docs: {} } }, agents: { defaults: { skills: ["docs-search"], sandbox: { mode: "all" } } } }"#),
                CheckExample(#"{ mcp: { servers: { docs: { enabled: false } } }, agents: { defaults: { skills: ["docs-search"] } } }"#),
                CheckExample(#"{ mcp: { servers: { docs: {} } } }"#),
                CheckExample(
                    #"{ mcp: { servers: { docs: {} } }, agents: { defaults: { skills: ["docs-search"] } } }"#,
                    files: [.file("exec-approvals.json", #"{ "version": 1, "defaults": { "security": "deny" } }"#)]),
            ]),
    ]

    struct Scope {
        var id: String
        var source: String
        var runtime: ExecPolicy.Runtime
        var node: ConfigNode?
    }

    func findings(in context: AuditContext) -> [Finding] {
        let scopes = hostExecScopes(context)
        guard !scopes.isEmpty else { return [] }
        var out: [Finding] = []
        var sources: [(label: String, names: [String])] = []
        let servers = (context.config["mcp"]["servers"].object?.entries ?? [])
            .filter { $0.value["enabled"].bool != false }.map(\.key)
            .sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        if !servers.isEmpty { sources.append(("mcp.servers", servers)) }
        switch context.files.mcporterRegistry {
        case .missing, .rejected:
            break
        case .servers(let names):
            if !names.isEmpty { sources.append((MCPorterRegistry.relativePath, names)) }
        }
        guard !sources.isEmpty else { return out }

        var scopeLines = scopes.prefix(Self.listedScopes).map { scope in
            "- \(scope.id): \(scope.source), exec.host=\(scope.runtime.effectiveHost), security=\(scope.runtime.security), ask=\(scope.runtime.ask)"
        }
        if scopes.count > Self.listedScopes { scopeLines.append("- +\(scopes.count - Self.listedScopes) more scopes.") }
        let sourceLines = sources.map { source in
            let shown = source.names.prefix(Self.listedServerNames).joined(separator: ", ")
            let more = source.names.count > Self.listedServerNames ? ", +\(source.names.count - Self.listedServerNames) more" : ""
            return "- \(source.label): \(shown)\(more)"
        }
        out.append(finding(
            "tools.exec.agent_skill_mcp_boundary_drift", .warn,
            detail: "Detected agent skill allowlists on host-exec-capable scopes:\n" + scopeLines.joined(separator: "\n")
                + "\nMCP server registries visible to the gateway configuration/state:\n" + sourceLines.joined(separator: "\n")
                + "\nagents.*.skills filters OpenClaw skill visibility and snapshots; it is not a shell-time authorization boundary. A host exec process can run external MCP clients or read a global mcporter registry unless sandbox, filesystem, network, or MCP credential boundaries block it.",
            remediation: "For agents that need per-agent MCP isolation, set their exec policy to security=\"deny\" or a tight allowlist, run them in sandbox/container/OS-user isolation where the global MCP registry is not readable, split sensitive MCP servers into a separate gateway/trust boundary, or require per-agent MCP credentials at the server layer.",
            at: scopes[0].node))
        return out
    }

    /// Scopes with a skill allowlist (own or inherited from the defaults) whose exec
    /// runs outside the sandbox and is not denied.
    func hostExecScopes(_ context: AuditContext) -> [Scope] {
        let roster = context.agents
        let defaultsSkills = context.config["agents"]["defaults"]["skills"]
        var candidates: [(id: String, source: String, agent: AgentRoster.Agent?, node: ConfigNode?)] = []
        if defaultsSkills != nil { candidates.append(("agents.defaults", "agents.defaults.skills", nil, defaultsSkills)) }
        for agent in roster.agents {
            if let own = agent.config["skills"] {
                candidates.append((agent.id, "\(roster.labelPrefix).*.skills", agent, own))
            } else if defaultsSkills != nil {
                candidates.append((agent.id, "agents.defaults.skills (inherited)", agent, defaultsSkills))
            }
        }
        return candidates.compactMap { candidate in
            let runtime = ExecPolicy.runtime(
                agent: candidate.agent, roster: roster, config: context.config, approvals: context.files.execApprovals)
            guard runtime.security != "deny", runtime.effectiveHost != "sandbox" else { return nil }
            return Scope(id: candidate.id, source: candidate.source, runtime: runtime, node: candidate.node)
        }
    }
}
