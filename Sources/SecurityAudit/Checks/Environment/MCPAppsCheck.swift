/// `mcp.apps.enabled`: MCP servers may render interactive HTML views that call their
/// server's tools while the session runs. A feature switch, not a
/// debug flag, so it is not part of `config.insecure_or_dangerous_flags`.
struct MCPAppsCheck: Check {
    let infos = [
        CheckInfo(
            id: "mcp.apps.enabled",
            title: "MCP Apps UI bridge enabled",
            severity: .fixed(.warn),
            rationale: "An MCP App view is server-supplied HTML that can call the server's app-visible tools; a compromised or careless MCP server gains an interactive surface inside the session.",
            remediation: "Keep this enabled only for MCP servers you trust. Disable with `openclaw config set mcp.apps.enabled false --strict-json` when it is not needed.",
            triggers: [CheckExample(#"{ mcp: { apps: { ↓enabled: true } } }"#)],
            passes: [
                CheckExample(#"{ mcp: { apps: { enabled: false } } }"#),
                CheckExample(#"{ mcp: { apps: { enabled: "true" } } }"#),
                CheckExample(#"{ mcp: { servers: { docs: { command: "node" } } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let enabled = context.config["mcp"]["apps"]["enabled"]
        guard enabled.bool == true else { return [] }
        return [finding(
            "mcp.apps.enabled", .warn,
            detail: "mcp.apps.enabled=true allows configured MCP servers to provide interactive HTML. Views are CSP-restricted and origin-isolated, but they can call app-visible tools on their owning MCP server while the session runtime remains active.",
            at: enabled)]
    }
}
