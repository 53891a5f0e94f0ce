/// `sandbox.browser_cdp_bridge_unrestricted` (upstream `src/security/audit-extra.sync.ts`):
/// a sandbox browser on Docker's shared `bridge` network with no `cdpSourceRange` lets
/// every other container on that bridge drive its Chrome DevTools port. Upstream still
/// emits it (docs table and `docs/cli/security.md` through 2026-08-22).
struct SandboxBrowserBridgeCheck: Check {
    static let id = "sandbox.browser_cdp_bridge_unrestricted"

    let infos = [
        CheckInfo(
            id: Self.id,
            title: "Sandbox browser CDP may be reachable by peer containers",
            severity: .fixed(.warn),
            rationale: "Containers on Docker's default bridge can reach each other; without a CDP source range any of them can take over the sandbox browser and the sessions it is logged into.",
            remediation: "Set sandbox.browser.network to a dedicated bridge network (recommended default: openclaw-sandbox-browser), or set sandbox.browser.cdpSourceRange (for example 172.21.0.1/32) to restrict container-edge CDP ingress.",
            triggers: [
                CheckExample(#"{ agents: { defaults: { sandbox: { ↓browser: { enabled: true, network: "Bridge" } } } } }"#),
                CheckExample(#"{ agents: { defaults: { sandbox: { ↓browser: { network: "bridge" } } }, entries: { ops: { sandbox: { browser: { enabled: true } } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ agents: { defaults: { sandbox: { browser: { enabled: true } } } } }"#),
                CheckExample(#"{ agents: { defaults: { sandbox: { browser: { enabled: true, network: "bridge", cdpSourceRange: "172.21.0.1/32" } } } } }"#),
                CheckExample(#"{ agents: { defaults: { sandbox: { browser: { network: "bridge" } } } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let defaults = context.config["agents"]["defaults"]["sandbox"]["browser"]
        var labels: [String] = []
        if Self.unrestricted(own: nil, defaults: defaults) { labels.append("agents.defaults.sandbox.browser") }
        for agent in context.agents.agents {
            // Agents are listed for settings of their own; one that only inherits the
            // defaults is covered by the defaults line.
            let own = agent.config["sandbox"]["browser"]
            guard own.object != nil, Self.unrestricted(own: own, defaults: defaults) else { continue }
            labels.append("\(context.agents.label(for: agent)).sandbox.browser")
        }
        guard !labels.isEmpty else { return [] }
        return [finding(
            Self.id, .warn,
            detail: "These sandbox browser configs use Docker bridge networking with no CDP source restriction:\n"
                + labels.map { "- \($0)" }.joined(separator: "\n"),
            at: defaults ?? context.config["agents"])]
    }

    /// The agent's browser settings over the defaults'.
    static func unrestricted(own: ConfigNode?, defaults: ConfigNode?) -> Bool {
        func value(_ key: String) -> ConfigNode? { own?[key] ?? defaults?[key] }
        guard value("enabled")?.bool == true,
              value("network")?.string?.trimmingWhitespace.lowercased() == "bridge" else { return false }
        return (value("cdpSourceRange")?.string?.trimmingWhitespace ?? "").isEmpty
    }
}
