/// What `gateway.tools.allow` exposes on the HTTP `/tools/invoke` endpoint:
/// `gateway.tools_invoke_http.dangerous_allow` (tools taken off the default HTTP deny
/// list) and the later host-filesystem opt-ins `host_read_allow` / `host_write_allow`
/// (later-checks.md §3.4–§3.6), which need both the allow entry and
/// `gateway.tools.directInvoke.hostFsRead` / `hostFsWrite`.
struct GatewayHTTPToolsCheck: Check {
    /// The later `DEFAULT_GATEWAY_HTTP_TOOL_DENY`, in its order (the detail lists hits in
    /// this order, not config order).
    static let defaultHTTPToolDeny = [
        "exec", "spawn", "shell", "write", "edit", "fs_write", "fs_delete", "fs_move", "apply_patch",
        "sessions_spawn", "sessions_send", "cron", "gateway", "nodes", "read",
    ]
    /// Write tools the host-write opt-in covers, in the order the detail names them
    /// (`apply_patch` is never covered).
    static let hostWriteTools = ["write", "edit"]

    static let exposureRule = "critical when gateway.bind is not loopback or Tailscale Funnel is on, else warn"

    let infos = [
        CheckInfo(
            id: "gateway.tools_invoke_http.dangerous_allow",
            title: "Gateway HTTP /tools/invoke re-enables dangerous tools",
            severity: .varies(default: .warn, rule: Self.exposureRule),
            rationale: "The HTTP tool endpoint denies shell, file-writing, session-spawning and control-plane tools by default; allowing them lets anyone holding the gateway credential run them over HTTP.",
            remediation: "Remove these entries from gateway.tools.allow.",
            triggers: [
                CheckExample(#"{ gateway: { tools: { allow: ["sessions_spawn"] } } }"#, severity: .warn),
                CheckExample(#"{ gateway: { bind: "lan", auth: { token: "x" }, tools: { allow: [" Gateway "] } } }"#, severity: .critical),
                CheckExample(#"{ gateway: { tailscale: { mode: "funnel" }, tools: { allow: ["cron"] } } }"#, severity: .critical),
                CheckExample(#"{ gateway: { tools: { allow: ["read"] } } }"#, severity: .warn),
                CheckExample(#"{ gateway: { tools: { allow: ["write", "apply_patch"], directInvoke: { hostFsWrite: true } } } }"#),
            ],
            passes: [
                CheckExample(#"{ gateway: { tools: { allow: ["web_fetch", "memory_search"] } } }"#),
                CheckExample(#"{ gateway: { tools: { allow: ["read", "write", "edit"], directInvoke: { hostFsRead: true, hostFsWrite: true } } } }"#),
                CheckExample(#"{ gateway: { tools: { allow: ["whatsapp_login"] } } }"#),
                CheckExample(#"{}"#),
            ]),
        CheckInfo(
            id: "gateway.tools_invoke_http.host_read_allow",
            title: "Gateway HTTP direct-invoke exposes host filesystem read",
            severity: .varies(default: .warn, rule: Self.exposureRule),
            rationale: "With both opt-ins, an authenticated /tools/invoke caller can read any file the gateway process can open: credentials, session transcripts and keys outside the workspace.",
            remediation: "Remove read from gateway.tools.allow or set gateway.tools.directInvoke.hostFsRead=false; otherwise set tools.fs.workspaceOnly=true and keep the gateway loopback-only.",
            triggers: [
                CheckExample(#"{ gateway: { tools: { allow: ["READ"], directInvoke: { hostFsRead: true } } } }"#, severity: .warn),
                CheckExample(#"{ gateway: { bind: "lan", auth: { token: "secret" }, tools: { allow: ["read"], directInvoke: { hostFsRead: true } } } }"#, severity: .critical),
                CheckExample(#"{ gateway: { tailscale: { mode: "funnel" }, tools: { allow: ["read"], directInvoke: { hostFsRead: true } } }, tools: { fs: { workspaceOnly: true } } }"#, severity: .critical),
            ],
            passes: [
                CheckExample(#"{ gateway: { tools: { allow: ["read"] } } }"#),
                CheckExample(#"{ gateway: { tools: { directInvoke: { hostFsRead: true } } } }"#),
                CheckExample(#"{ gateway: { tools: { allow: ["read"], directInvoke: { hostFsRead: "true" } } } }"#),
            ]),
        CheckInfo(
            id: "gateway.tools_invoke_http.host_write_allow",
            title: "Gateway HTTP direct-invoke exposes host filesystem write",
            severity: .varies(default: .warn, rule: Self.exposureRule),
            rationale: "With both opt-ins, an authenticated /tools/invoke caller can modify any file the gateway process can write, including its own config and startup files.",
            remediation: "Remove write/edit from gateway.tools.allow or set gateway.tools.directInvoke.hostFsWrite=false; otherwise set tools.fs.workspaceOnly=true and keep the gateway loopback-only.",
            triggers: [
                CheckExample(#"{ gateway: { tools: { allow: ["edit"], directInvoke: { hostFsWrite: true } } } }"#, severity: .warn),
                CheckExample(#"{ gateway: { bind: "tailnet", auth: { token: "secret" }, tools: { allow: ["edit", "write"], directInvoke: { hostFsWrite: true } } } }"#, severity: .critical),
            ],
            passes: [
                CheckExample(#"{ gateway: { tools: { allow: ["apply_patch"], directInvoke: { hostFsWrite: true } } } }"#),
                CheckExample(#"{ gateway: { tools: { allow: ["write"], directInvoke: { hostFsRead: true } } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let tools = context.config["gateway"]["tools"]
        let allowNode = tools["allow"]
        let allowed = Set((allowNode.array ?? []).compactMap { $0.string?.trimmingWhitespace.lowercased() }.filter { !$0.isEmpty })
        let readOptIn = tools["directInvoke"]["hostFsRead"].bool == true
        let writeOptIn = tools["directInvoke"]["hostFsWrite"].bool == true
        let gateway = context.gateway
        let severity: Severity = !gateway.isLoopback || gateway.tailscaleMode == "funnel" ? .critical : .warn
        var out: [Finding] = []

        // A tool the user opted into on purpose is reported by its own id instead.
        let optedIn = (readOptIn ? ["read"] : []) + (writeOptIn ? Self.hostWriteTools : [])
        let hits = Self.defaultHTTPToolDeny.filter { allowed.contains($0) && !optedIn.contains($0) }
        if !hits.isEmpty {
            out.append(finding(
                "gateway.tools_invoke_http.dangerous_allow", severity,
                detail: "gateway.tools.allow includes \(hits.joined(separator: ", ")) which removes them from the default HTTP deny list. This can allow remote session spawning / control-plane actions via HTTP and increases RCE blast radius if the gateway is reachable.",
                remediation: "Remove these entries from gateway.tools.allow (recommended). If you keep them enabled, keep gateway.bind loopback-only (or tailnet-only), restrict network exposure, and treat the gateway token/password as full-admin.",
                at: allowNode))
        }
        if readOptIn, allowed.contains("read") {
            out.append(finding(
                "gateway.tools_invoke_http.host_read_allow", severity,
                detail: "gateway.tools.allow includes read and gateway.tools.directInvoke.hostFsRead=true, so authenticated owner callers of /tools/invoke can read any file the gateway process can open (outside the workspace unless tools.fs.workspaceOnly=true).",
                remediation: "Remove read from gateway.tools.allow or set gateway.tools.directInvoke.hostFsRead=false. If you keep it, set tools.fs.workspaceOnly=true, keep gateway.bind loopback-only (or tailnet-only), and treat the gateway token/password as full-admin.",
                at: tools["directInvoke"]["hostFsRead"]))
        }
        let exposedWrites = Self.hostWriteTools.filter(allowed.contains)
        if writeOptIn, !exposedWrites.isEmpty {
            out.append(finding(
                "gateway.tools_invoke_http.host_write_allow", severity,
                detail: "gateway.tools.allow includes \(exposedWrites.map { "`\($0)`" }.joined(separator: ", ")) and gateway.tools.directInvoke.hostFsWrite=true, so authenticated owner callers of /tools/invoke can modify files the gateway process can write.",
                remediation: "Remove write/edit from gateway.tools.allow or set gateway.tools.directInvoke.hostFsWrite=false. If you keep it, set tools.fs.workspaceOnly=true and keep the gateway loopback-only (or tailnet-only).",
                at: tools["directInvoke"]["hostFsWrite"]))
        }
        return out
    }
}
