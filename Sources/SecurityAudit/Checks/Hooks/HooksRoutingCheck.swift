/// Where webhook calls land: the hooks base path, the session they run in, and which
/// agents they may reach (only when `hooks.enabled` is true). Severities rise to
/// critical when the gateway is reachable beyond loopback.
struct HooksRoutingCheck: Check {
    static let exposureRule = "critical when the gateway is remotely exposed (bind beyond loopback or Tailscale), else warn"

    let infos = [
        CheckInfo(
            id: "hooks.path_root",
            title: "Hooks base path is '/'",
            severity: .fixed(.critical),
            rationale: "Mounting hooks at '/' shadows every other HTTP endpoint of the gateway, including the Control UI and its auth.",
            remediation: "Use a dedicated path like '/hooks'.",
            triggers: [CheckExample(#"{ hooks: { enabled: true, ↓path: " / " } }"#)],
            passes: [
                CheckExample(#"{ hooks: { enabled: true, path: "/hooks" } }"#),
                CheckExample(#"{ hooks: { enabled: false, path: "/" } }"#),
            ]),
        CheckInfo(
            id: "hooks.default_session_key_unset",
            title: "hooks.defaultSessionKey is not configured",
            severity: .fixed(.warn),
            rationale: "Without a default session key every hook run gets a fresh generated session, so hook traffic is not confined to one known session.",
            remediation: "Set hooks.defaultSessionKey (for example, \"hook:ingress\").",
            triggers: [
                CheckExample(#"{ ↓hooks: { enabled: true, token: "shared-gateway-token-1234567890" } }"#),
                CheckExample(#"{ hooks: { enabled: true, ↓defaultSessionKey: "  " } }"#),
            ],
            passes: [
                CheckExample(#"{ hooks: { enabled: true, defaultSessionKey: "hook:ingress" } }"#),
                CheckExample(#"{ hooks: { defaultSessionKey: "" } }"#),
            ]),
        CheckInfo(
            id: "hooks.allowed_agent_ids_unrestricted",
            title: "Hook agent routing allows any configured agent",
            severity: .varies(default: .warn, rule: Self.exposureRule),
            rationale: "A hook caller may name the agent that handles its payload; without an allowlist it can reach any agent, including ones with powerful tools.",
            remediation: "Set hooks.allowedAgentIds to an explicit allowlist, or [] to deny hook agent routing.",
            triggers: [
                CheckExample(#"{ ↓hooks: { enabled: true, defaultSessionKey: "hook:ingress" } }"#, severity: .warn),
                CheckExample(#"{ gateway: { bind: "lan" }, ↓hooks: { enabled: true, defaultSessionKey: "hook:ingress" } }"#, severity: .critical),
                CheckExample(#"{ hooks: { enabled: true, ↓allowedAgentIds: ["hooks", " * "] } }"#, severity: .warn),
                CheckExample(#"{ gateway: { tailscale: { mode: "serve" } }, hooks: { enabled: true, ↓allowedAgentIds: "main" } }"#, severity: .critical),
            ],
            passes: [
                CheckExample(#"{ hooks: { enabled: true, allowedAgentIds: [] } }"#),
                CheckExample(#"{ hooks: { enabled: true, allowedAgentIds: ["hooks", "main"] } }"#),
                CheckExample(#"{ hooks: { enabled: false } }"#),
            ]),
        CheckInfo(
            id: "hooks.request_session_key_enabled",
            title: "External hook payloads may override sessionKey",
            // Upstream keeps this severity when prefixes are set (proposals to lower it
            // were closed without merging); the prefixes only silence the next id.
            severity: .varies(default: .warn, rule: Self.exposureRule),
            rationale: "A caller that chooses the session key can write into any session, including the operator's main conversation.",
            remediation: "Set hooks.allowRequestSessionKey=false or constrain hooks.allowedSessionKeyPrefixes.",
            triggers: [
                CheckExample(#"{ hooks: { enabled: true, ↓allowRequestSessionKey: true } }"#, severity: .warn),
                CheckExample(#"{ gateway: { bind: "lan" }, hooks: { enabled: true, ↓allowRequestSessionKey: true } }"#, severity: .critical),
                CheckExample(#"{ gateway: { bind: "lan" }, hooks: { enabled: true, ↓allowRequestSessionKey: true, allowedSessionKeyPrefixes: ["hook:"] } }"#, severity: .critical),
                CheckExample(#"{ hooks: { enabled: true, ↓allowRequestSessionKey: true, allowedSessionKeyPrefixes: ["hook:"] } }"#, severity: .warn),
            ],
            passes: [
                CheckExample(#"{ hooks: { enabled: true, allowRequestSessionKey: false } }"#),
                CheckExample(#"{ hooks: { allowRequestSessionKey: true } }"#),
            ]),
        CheckInfo(
            id: "hooks.request_session_key_prefixes_missing",
            title: "Request sessionKey override is enabled without prefix restrictions",
            severity: .varies(default: .warn, rule: Self.exposureRule),
            rationale: "With request session keys allowed and no prefix restriction, a hook payload can target any session key shape.",
            remediation: "Set hooks.allowedSessionKeyPrefixes (for example, [\"hook:\"]) or disable request overrides.",
            triggers: [
                CheckExample(#"{ hooks: { enabled: true, allowRequestSessionKey: true, ↓allowedSessionKeyPrefixes: ["  "] } }"#, severity: .warn),
                CheckExample(#"{ gateway: { tailscale: { mode: "funnel" } }, hooks: { enabled: true, ↓allowRequestSessionKey: true } }"#, severity: .critical),
            ],
            passes: [
                CheckExample(#"{ hooks: { enabled: true, allowRequestSessionKey: true, allowedSessionKeyPrefixes: ["hook:"] } }"#),
                CheckExample(#"{ hooks: { enabled: true } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let hooks = context.config["hooks"]
        guard hooks["enabled"].bool == true else { return [] }
        let exposedSeverity: Severity = context.gateway.isRemotelyExposed ? .critical : .warn
        var out: [Finding] = []

        if hooks["path"].string?.trimmingWhitespace == "/" {
            out.append(finding(
                "hooks.path_root", .critical,
                detail: "hooks.path='/' would shadow other HTTP endpoints and is unsafe.",
                at: hooks["path"]))
        }
        if (hooks["defaultSessionKey"].string?.trimmingWhitespace ?? "").isEmpty {
            out.append(finding(
                "hooks.default_session_key_unset", .warn,
                detail: "Hook agent runs without explicit sessionKey use generated per-request keys. Set hooks.defaultSessionKey to keep hook ingress scoped to a known session.",
                at: hooks["defaultSessionKey"] ?? hooks))
        }
        let allowedAgentIds = hooks["allowedAgentIds"]
        let unrestricted = allowedAgentIds.array.map { ids in
            ids.contains { $0.javaScriptString.trimmingWhitespace == "*" }
        } ?? true
        if unrestricted {
            out.append(finding(
                "hooks.allowed_agent_ids_unrestricted", exposedSeverity,
                detail: "hooks.allowedAgentIds is unset or includes '*', so authenticated hook callers may route to any configured agent id, including the default agent when agentId is omitted.",
                remediation: "Set hooks.allowedAgentIds to an explicit allowlist (for example, [\"hooks\", \"main\"]) or [] to deny hook agent routing.",
                at: allowedAgentIds ?? hooks))
        }
        guard hooks["allowRequestSessionKey"].bool == true else { return out }
        let prefixes = (hooks["allowedSessionKeyPrefixes"].array ?? [])
            .compactMap { $0.string?.trimmingWhitespace }.filter { !$0.isEmpty }
        out.append(finding(
            "hooks.request_session_key_enabled", exposedSeverity,
            detail: "hooks.allowRequestSessionKey=true allows `/hooks/agent` callers to choose the session key. Treat hook token holders as full-trust unless you also restrict prefixes.",
            remediation: "Set hooks.allowRequestSessionKey=false (recommended) or constrain hooks.allowedSessionKeyPrefixes.",
            at: hooks["allowRequestSessionKey"]))
        if prefixes.isEmpty {
            out.append(finding(
                "hooks.request_session_key_prefixes_missing", exposedSeverity,
                detail: "hooks.allowRequestSessionKey=true and hooks.allowedSessionKeyPrefixes is unset/empty, so request payloads can target arbitrary session key shapes.",
                at: hooks["allowedSessionKeyPrefixes"] ?? hooks["allowRequestSessionKey"]))
        }
        return out
    }
}
