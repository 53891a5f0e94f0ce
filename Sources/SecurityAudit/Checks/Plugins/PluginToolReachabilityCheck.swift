/// `plugins.tools_reachable_permissive_policy`: enabled extension plugins whose tools an
/// agent could call, because its tool policy lets unknown tools through or names plugin
/// tools explicitly while no restrictive profile applies.
struct PluginToolReachabilityCheck: Check {
    static let id = "plugins.tools_reachable_permissive_policy"
    /// A tool name no built-in policy lists: whatever lets it through lets plugin tools through.
    static let probeTool = "__openclaw_plugin_probe__"
    static let plugin = FileFixture.directory("extensions/Some-Plugin")

    let infos = [
        CheckInfo(
            id: id,
            title: "Extension plugin tools may be reachable under permissive tool policy",
            severity: .fixed(.warn),
            rationale: "Plugin tools run with the gateway's rights; an agent that reads untrusted input should not be able to call them unless that was decided on purpose.",
            remediation: "Use restrictive profiles (`minimal`/`coding`) or explicit tool allowlists that exclude plugin tools for agents handling untrusted input.",
            triggers: [
                CheckExample("{}", files: [plugin]),
                CheckExample(#"{ tools: { allow: ["read", "some-plugin"] } }"#, files: [plugin]),
                CheckExample(#"{ tools: { allow: ["read"], byProvider: { openai: { alsoAllow: ["group:plugins"] } } } }"#, files: [plugin]),
                CheckExample(#"{ tools: { profile: "minimal" }, agents: { list: [{ id: "Ops", tools: { profile: "full" } }] } }"#, files: [plugin]),
                CheckExample(#"{ tools: { deny: ["exec"] } }"#, files: [plugin]),
            ],
            passes: [
                CheckExample(#"{ plugins: { allow: ["some-plugin"] }, tools: { profile: "coding" } }"#, files: [plugin]),
                CheckExample(#"{ tools: { profile: "coding", alsoAllow: ["group:plugins"] } }"#, files: [plugin]),
                CheckExample(#"{ plugins: { enabled: false } }"#, files: [plugin]),
                CheckExample(#"{ plugins: { deny: [" some-plugin "] } }"#, files: [plugin]),
                CheckExample(#"{ plugins: { allow: ["other"] } }"#, files: [plugin]),
                CheckExample(#"{ plugins: { entries: { "SOME-PLUGIN": { enabled: false } } } }"#, files: [plugin]),
                CheckExample(#"{ tools: { allow: ["read", "exec"] } }"#, files: [plugin]),
                CheckExample(#"{ agents: { defaults: { sandbox: { mode: "all" } } } }"#, files: [plugin]),
                CheckExample("{}"),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        guard let plugins = context.files.plugins, !plugins.names.isEmpty else { return [] }
        let enabled = Self.enabledPluginIds(plugins.names, config: context.config)
        guard !enabled.isEmpty else { return [] }
        let enabledSet = Set(enabled)
        let tools = context.config["tools"]

        var contexts: [(label: String, agent: AgentRoster.Agent?)] = [("default", nil)]
        contexts += context.agents.agents.map { (context.agents.label(for: $0), $0) }
        let permissive = contexts.filter { label, agent in
            let agentTools = agent?.config["tools"]
            let profile = agentTools["profile"].string ?? tools["profile"].string
            let restrictive = ToolPolicy.profile(profile) != nil
            if context.toolPolicy(for: agent).allows(Self.probeTool) { return true }
            guard !restrictive else { return false }
            return Self.namesPlugins(tools, enabledSet) || Self.namesPlugins(agentTools, enabledSet)
        }.map(\.label)
        guard !permissive.isEmpty else { return [] }
        return [finding(
            Self.id, .warn,
            detail: "Enabled extension plugins: \(enabled.joined(separator: ", ")).\nPermissive tool policy contexts:\n"
                + permissive.map { "- \($0)" }.joined(separator: "\n"))]
    }

    /// Plugin directory names, trimmed and lower-cased, that plugin policy lets load:
    /// `plugins.enabled` not false, not denied, allowed when an allowlist exists, and
    /// not switched off in `plugins.entries`.
    static func enabledPluginIds(_ names: [String], config: ConfigNode) -> [String] {
        let plugins = config["plugins"]
        guard plugins["enabled"].bool != false else { return [] }
        func idSet(_ node: ConfigNode?) -> Set<String> {
            Set((node?.array ?? []).compactMap { $0.string?.trimmingWhitespace.lowercased() }.filter { !$0.isEmpty })
        }
        let allow = idSet(plugins["allow"])
        let deny = idSet(plugins["deny"])
        var disabled = Set<String>()
        for (key, entry) in plugins["entries"].object?.entries ?? [] {
            let id = key.trimmingWhitespace.lowercased()
            if entry["enabled"].bool == false { disabled.insert(id) } else { disabled.remove(id) }
        }
        return names.map { $0.trimmingWhitespace.lowercased() }.filter {
            !$0.isEmpty && !deny.contains($0) && (allow.isEmpty || allow.contains($0)) && !disabled.contains($0)
        }
    }

    /// Whether a tools section's `allow`/`alsoAllow`, or any `byProvider.*` one, names
    /// `group:plugins` or an enabled plugin id.
    static func namesPlugins(_ tools: ConfigNode?, _ enabled: Set<String>) -> Bool {
        func names(_ section: ConfigNode?) -> Bool {
            let entries = (section["allow"].array ?? []) + (section["alsoAllow"].array ?? [])
            return entries.contains { node in
                guard let id = node.string?.trimmingWhitespace.lowercased(), !id.isEmpty else { return false }
                return id == "group:plugins" || enabled.contains(id)
            }
        }
        if names(tools) { return true }
        return (tools["byProvider"].object?.entries ?? []).contains { names($0.value) }
    }
}
