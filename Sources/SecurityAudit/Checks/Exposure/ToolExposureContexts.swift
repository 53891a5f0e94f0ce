/// Where tool access is decided (`agents.defaults` and every configured agent) and which
/// high-impact tools each one leaves reachable: runtime tools (`exec`, `process`) and
/// filesystem tools (`read`, `write`, `edit`, `apply_patch`).
struct ToolExposureContext {
    static let runtimeToolNames = ["exec", "process"]
    static let fsToolNames = ["read", "write", "edit", "apply_patch"]

    let label: String
    let agent: AgentRoster.Agent?
    let chain: ToolPolicyChain
    let runtimeTools: [String]
    let fsTools: [String]
    /// `<agent>.tools.fs.workspaceOnly ?? tools.fs.workspaceOnly`, true only when set to true.
    let fsWorkspaceOnly: Bool
    /// `<agent>.tools.profile ?? tools.profile`.
    let profile: String?

    var sandboxMode: String { chain.sandboxMode }

    /// `agents.defaults (sandbox=off; runtime=[exec, process]; fs=[...]; fs.workspaceOnly=false)`.
    var summary: String {
        let runtime = runtimeTools.isEmpty ? "off" : runtimeTools.joined(separator: ", ")
        let fs = fsTools.isEmpty ? "off" : fsTools.joined(separator: ", ")
        return "\(label) (sandbox=\(sandboxMode); runtime=[\(runtime)]; fs=[\(fs)]; fs.workspaceOnly=\(fsWorkspaceOnly))"
    }

    static func all(in context: AuditContext) -> [ToolExposureContext] {
        let roster = context.agents
        let globalTools = context.config["tools"]
        return ([nil] + roster.agents.map { Optional($0) }).map { agent in
            let chain = context.toolPolicy(for: agent)
            let agentTools = agent?.config["tools"]
            let ownWorkspaceOnly = agentTools["fs"]["workspaceOnly"]
            let workspaceOnly = ownWorkspaceOnly.map { $0.isNull ? globalTools["fs"]["workspaceOnly"] : $0 } ?? globalTools["fs"]["workspaceOnly"]
            let ownProfile = agentTools["profile"]
            let profile = ownProfile.map { $0.isNull ? globalTools["profile"] : $0 } ?? globalTools["profile"]
            return ToolExposureContext(
                label: agent.map(roster.label(for:)) ?? "agents.defaults",
                agent: agent, chain: chain,
                runtimeTools: chain.allowed(runtimeToolNames),
                fsTools: chain.allowed(fsToolNames),
                fsWorkspaceOnly: workspaceOnly.bool == true,
                profile: profile.map(\.javaScriptString))
        }
    }

    /// The contexts whose runtime or filesystem tools are reachable without sandboxing.
    /// A context sandboxed `all` is guarded. One sandboxed `non-main` is guarded when every
    /// way in that routes to it stays inside sandboxed sessions.
    static func risky(in context: AuditContext, reachedBy routes: [SandboxContainment.Route]) -> (contexts: [ToolExposureContext], runtimeRisk: Bool) {
        // Per context (agent id, nil for agents.defaults): is every route into it contained?
        let configured = Set(context.agents.agents.map(\.normalizedId))
        var allContained: [String?: Bool] = [:]
        for route in routes {
            let key: String? = configured.contains(route.agentId) ? route.agentId : nil
            allContained[key] = (allContained[key] ?? true) && route.contained
        }
        var risky: [ToolExposureContext] = []
        var runtimeRisk = false
        for candidate in all(in: context) {
            let guarded = candidate.sandboxMode == "all"
                || (candidate.sandboxMode == "non-main" && allContained[candidate.agent?.normalizedId] ?? true)
            let runtimeUnguarded = !candidate.runtimeTools.isEmpty && !guarded
            let fsUnguarded = !candidate.fsTools.isEmpty && !guarded && !candidate.fsWorkspaceOnly
            guard runtimeUnguarded || fsUnguarded else { continue }
            runtimeRisk = runtimeRisk || runtimeUnguarded
            risky.append(candidate)
        }
        return (risky, runtimeRisk)
    }
}
