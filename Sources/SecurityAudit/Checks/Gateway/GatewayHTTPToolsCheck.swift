/// What `gateway.tools.allow` exposes on the HTTP `/tools/invoke` endpoint:
/// `gateway.tools_invoke_http.dangerous_allow`, tools taken off the default HTTP deny
/// list (`src/security/audit.ts`). Upstream has no per-tool opt-in that would exempt an
/// entry: the `gateway.tools.directInvoke` keys were proposed and never merged.
struct GatewayHTTPToolsCheck: Check {
    /// The later `DEFAULT_GATEWAY_HTTP_TOOL_DENY`, in its order (the detail lists hits in
    /// this order, not config order).
    static let defaultHTTPToolDeny = [
        "exec", "spawn", "shell", "write", "edit", "fs_write", "fs_delete", "fs_move", "apply_patch",
        "sessions_spawn", "sessions_send", "cron", "gateway", "nodes", "read",
    ]

    static let exposureRule = "critical when gateway.bind is not loopback or Tailscale Funnel is on, else warn"

    let infos = [
        CheckInfo(
            id: "gateway.tools_invoke_http.dangerous_allow",
            title: "Gateway HTTP /tools/invoke re-enables dangerous tools",
            severity: .varies(default: .warn, rule: Self.exposureRule),
            rationale: "The HTTP tool endpoint denies shell, file-writing, session-spawning and control-plane tools by default; allowing them lets anyone holding the gateway credential run them over HTTP.",
            remediation: "Remove these entries from gateway.tools.allow.",
            triggers: [
                CheckExample(#"{ gateway: { tools: { ↓allow: ["sessions_spawn"] } } }"#, severity: .warn),
                CheckExample(#"{ gateway: { bind: "lan", auth: { token: "x" }, tools: { ↓allow: [" Gateway "] } } }"#, severity: .critical),
                CheckExample(#"{ gateway: { tailscale: { mode: "funnel" }, tools: { ↓allow: ["cron"] } } }"#, severity: .critical),
                CheckExample(#"{ gateway: { tools: { ↓allow: ["read"] } } }"#, severity: .warn),
                CheckExample(#"{ gateway: { tools: { ↓allow: ["write", "apply_patch"], directInvoke: { hostFsWrite: true } } } }"#),
                CheckExample(#"{ gateway: { tools: { ↓allow: ["read", "write", "edit"], directInvoke: { hostFsRead: true, hostFsWrite: true } } } }"#),
            ],
            passes: [
                CheckExample(#"{ gateway: { tools: { allow: ["web_fetch", "memory_search"] } } }"#),
                CheckExample(#"{ gateway: { tools: { allow: ["whatsapp_login"] } } }"#),
                CheckExample(#"{}"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let tools = context.config["gateway"]["tools"]
        let allowNode = tools["allow"]
        let allowed = Set((allowNode.array ?? []).compactMap { $0.string?.trimmingWhitespace.lowercased() }.filter { !$0.isEmpty })
        let gateway = context.gateway
        let severity: Severity = !gateway.isLoopback || gateway.tailscaleMode == "funnel" ? .critical : .warn
        var out: [Finding] = []

        let hits = Self.defaultHTTPToolDeny.filter(allowed.contains)
        if !hits.isEmpty {
            out.append(finding(
                "gateway.tools_invoke_http.dangerous_allow", severity,
                detail: "gateway.tools.allow includes \(hits.joined(separator: ", ")) which removes them from the default HTTP deny list. This can allow remote session spawning / control-plane actions via HTTP and increases RCE blast radius if the gateway is reachable.",
                remediation: "Remove these entries from gateway.tools.allow (recommended). If you keep them enabled, keep gateway.bind loopback-only (or tailnet-only), restrict network exposure, and treat the gateway token/password as full-admin.",
                at: allowNode))
        }
        return out
    }
}
