/// `tools.exec.fs_tools_disabled_but_exec_enabled`: write, edit and apply_patch are
/// denied as if the agent were read-only, but exec (a shell) is still available and
/// writes wherever its host lets it.
struct FsToolsDisabledExecCheck: Check {
    static let runtimeTools = ["exec", "process"]
    static let writeTools = ["write", "edit", "apply_patch"]

    let infos = [
        CheckInfo(
            id: "tools.exec.fs_tools_disabled_but_exec_enabled",
            title: "Filesystem tool policy does not make exec read-only",
            severity: .fixed(.warn),
            rationale: "Denying the file-writing tools reads like a read-only agent, but a shell writes files too; the boundary only holds when exec is denied as well or the sandbox limits what it can write.",
            remediation: "For read-only agents, deny exec and process too; if shell access is intentional, use sandbox mode \"all\" with workspaceAccess \"ro\" or \"none\".",
            triggers: [
                // The first example is written in the keys of every release that has the check.
                CheckExample(#"{ agents: { list: [{ id: "ops", ↓tools: { deny: ["group:fs"], allow: ["read", "exec"] } }] } }"#),
                CheckExample(#"{ agents: { entries: { ops: { ↓tools: { allow: ["read", "exec", "process"], deny: ["write", "edit", "apply_patch"] } } } } }"#),
                CheckExample(#"{ ↓tools: { deny: ["write", "edit", "apply_patch"] } }"#),
                CheckExample(#"{ ↓tools: { deny: ["write", "edit", "apply_patch"], exec: { host: "gateway" } }, agents: { defaults: { sandbox: { mode: "all" } } } }"#),
                CheckExample(#"{ ↓tools: { deny: ["write", "edit", "apply_patch"] }, agents: { defaults: { sandbox: { mode: "all", workspaceAccess: "rw" } } } }"#),
            ],
            passes: [
                CheckExample(#"{ tools: { deny: ["write", "edit", "apply_patch"] }, agents: { defaults: { sandbox: { mode: "all", workspaceAccess: "ro" } } } }"#),
                CheckExample(#"{ tools: { deny: ["write", "edit", "apply_patch", "exec"] } }"#),
                CheckExample(#"{ tools: { deny: ["write", "edit"] } }"#),
                CheckExample(#"{ agents: { list: [{ id: "ops", tools: { deny: ["group:fs", "group:runtime"] } }] } }"#),
                CheckExample(#"{}"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let roster = context.agents
        let defaultsSandbox = context.config["agents"]["defaults"]["sandbox"]
        let scopes: [(label: String, agent: AgentRoster.Agent?)] = [("tools", nil)]
            + roster.agents.map { ("\(roster.label(for: $0)).tools", $0) }
        var hits: [String] = []
        var firstNode: ConfigNode?
        for scope in scopes {
            let mode = roster.sandboxMode(for: scope.agent, in: context.config)
            let access = scope.agent?.config["sandbox"]["workspaceAccess"].string
                ?? defaultsSandbox["workspaceAccess"].string ?? "none"
            let host = ExecPolicy.configuredHost(agent: scope.agent, config: context.config)
            // Fully sandboxed, on the sandbox host, without a writable workspace: exec is contained.
            if mode == "all", !["gateway", "node"].contains(host), access != "rw" { continue }
            let chain = context.toolPolicy(for: scope.agent)
            let runtime = Self.runtimeTools.filter(chain.allows)
            guard runtime.contains("exec") else { continue }
            let disabled = Self.writeTools.filter { !chain.allows($0) }
            guard disabled.count == Self.writeTools.count else { continue }
            hits.append("- \(scope.label): runtime=[\(runtime.joined(separator: ", "))], disabledFs=[\(disabled.joined(separator: ", "))], exec.host=\(host), sandbox=\(mode), workspaceAccess=\(access)")
            firstNode = firstNode ?? (scope.agent?.config["tools"] ?? context.config["tools"])
        }
        guard !hits.isEmpty else { return [] }
        return [finding(
            "tools.exec.fs_tools_disabled_but_exec_enabled", .warn,
            detail: "Found scopes where write/edit/apply_patch are unavailable but exec remains available:\n" + hits.joined(separator: "\n")
                + "\nThe exec tool is a shell and can still write files wherever the selected host or sandbox filesystem permits it.",
            remediation: "For read-only agents, deny exec and process too. If shell access is intentional, constrain the filesystem boundary with sandbox mode \"all\" and workspaceAccess \"ro\" or \"none\".",
            at: firstNode)]
    }
}
