/// `gateway.tools_invoke_http.dangerous_allow`: `gateway.tools.allow` takes tools off the
/// HTTP `/tools/invoke` deny list.
struct GatewayHTTPToolsCheck: Check {
    /// `DEFAULT_GATEWAY_HTTP_TOOL_DENY` at the baseline release, in its order (the detail
    /// lists hits in this order, not config order).
    static let defaultHTTPToolDeny = ["sessions_spawn", "sessions_send", "cron", "gateway", "whatsapp_login"]

    let infos = [
        CheckInfo(
            id: "gateway.tools_invoke_http.dangerous_allow",
            title: "Gateway HTTP /tools/invoke re-enables dangerous tools",
            severity: .varies(default: .warn, rule: "critical when gateway.bind is not loopback or Tailscale Funnel is on, else warn"),
            rationale: "The HTTP tool endpoint denies session spawning and control-plane tools by default; allowing them lets anyone holding the gateway credential spawn sessions or reconfigure the gateway over HTTP.",
            remediation: "Remove these entries from gateway.tools.allow.",
            triggers: [
                CheckExample(#"{ gateway: { tools: { allow: ["sessions_spawn"] } } }"#, severity: .warn),
                CheckExample(#"{ gateway: { bind: "lan", auth: { token: "x" }, tools: { allow: [" Gateway "] } } }"#, severity: .critical),
                CheckExample(#"{ gateway: { tailscale: { mode: "funnel" }, tools: { allow: ["cron"] } } }"#, severity: .critical),
            ],
            passes: [
                CheckExample(#"{ gateway: { tools: { allow: ["read", "web_fetch"] } } }"#),
                CheckExample(#"{}"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let allowNode = context.config["gateway"]["tools"]["allow"]
        let allowed = Set((allowNode.array ?? []).compactMap { $0.string?.trimmingWhitespace.lowercased() }.filter { !$0.isEmpty })
        let hits = Self.defaultHTTPToolDeny.filter(allowed.contains)
        guard !hits.isEmpty else { return [] }
        let gateway = context.gateway
        let exposed = !gateway.isLoopback || gateway.tailscaleMode == "funnel"
        return [finding(
            "gateway.tools_invoke_http.dangerous_allow", exposed ? .critical : .warn,
            detail: "gateway.tools.allow includes \(hits.joined(separator: ", ")) which removes them from the default HTTP deny list. This can allow remote session spawning / control-plane actions via HTTP and increases RCE blast radius if the gateway is reachable.",
            remediation: "Remove these entries from gateway.tools.allow (recommended). If you keep them enabled, keep gateway.bind loopback-only (or tailnet-only), restrict network exposure, and treat the gateway token/password as full-admin.",
            at: allowNode)]
    }
}
