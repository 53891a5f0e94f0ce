/// Control UI origin policy: `gateway.control_ui.allowed_origins_required`,
/// `allowed_origins_wildcard` and `host_header_origin_fallback`, in that order.
struct ControlUIOriginCheck: Check {
    let infos = [
        CheckInfo(
            id: "gateway.control_ui.allowed_origins_required",
            title: "Non-loopback Control UI missing explicit allowed origins",
            severity: .fixed(.critical),
            rationale: "Off loopback, a browser page on any site can open the Control UI websocket unless the allowed origins are listed.",
            remediation: "Set gateway.controlUi.allowedOrigins to the full trusted origins.",
            triggers: [
                CheckExample(#"{ gateway: { ↓bind: "lan", auth: { token: "t" } } }"#),
                CheckExample(#"{ gateway: { ↓bind: "lan", controlUi: { allowedOrigins: ["  "] } } }"#),
            ],
            passes: [
                CheckExample(#"{ gateway: { bind: "lan", controlUi: { allowedOrigins: ["https://control.example.com"] } } }"#),
                CheckExample(#"{ gateway: { bind: "lan", controlUi: { dangerouslyAllowHostHeaderOriginFallback: true } } }"#),
                CheckExample(#"{ gateway: { bind: "lan", controlUi: { enabled: false } } }"#),
                CheckExample(#"{}"#),
            ]),
        CheckInfo(
            id: "gateway.control_ui.allowed_origins_wildcard",
            title: "Control UI allowed origins contains wildcard",
            severity: .varies(default: .warn, rule: "critical when gateway.bind is not loopback, else warn"),
            rationale: "A \"*\" origin turns origin allowlisting off: any web page the operator visits may talk to the Control UI.",
            remediation: "Replace wildcard origins with explicit trusted origins.",
            triggers: [
                CheckExample(#"{ gateway: { bind: "loopback", controlUi: { ↓allowedOrigins: ["*"] } } }"#, severity: .warn),
                CheckExample(#"{ gateway: { bind: "lan", controlUi: { ↓allowedOrigins: [" * "] } } }"#, severity: .critical),
            ],
            passes: [
                CheckExample(#"{ gateway: { controlUi: { allowedOrigins: ["https://a.example"] } } }"#),
            ]),
        CheckInfo(
            id: "gateway.control_ui.host_header_origin_fallback",
            title: "DANGEROUS: Host-header origin fallback enabled",
            severity: .varies(default: .warn, rule: "critical when gateway.bind is not loopback, else warn"),
            rationale: "Trusting the Host header as the origin weakens DNS-rebinding protection of the Control UI websocket.",
            remediation: "Disable gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback and list explicit allowed origins.",
            triggers: [
                CheckExample(#"{ gateway: { controlUi: { ↓dangerouslyAllowHostHeaderOriginFallback: true } } }"#, severity: .warn),
                CheckExample(#"{ gateway: { bind: "lan", controlUi: { ↓dangerouslyAllowHostHeaderOriginFallback: true } } }"#, severity: .critical),
            ],
            passes: [
                CheckExample(#"{ gateway: { controlUi: { dangerouslyAllowHostHeaderOriginFallback: "true" } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let controlUi = context.config["gateway"]["controlUi"]
        let settings = context.gateway
        let origins = (controlUi["allowedOrigins"].array ?? []).compactMap { $0.string?.trimmingWhitespace }.filter { !$0.isEmpty }
        let hostHeaderFallback = controlUi["dangerouslyAllowHostHeaderOriginFallback"].bool == true
        var out: [Finding] = []
        if !settings.isLoopback, settings.controlUiEnabled, origins.isEmpty, !hostHeaderFallback {
            out.append(finding(
                "gateway.control_ui.allowed_origins_required", .critical,
                detail: "Control UI is enabled on a non-loopback bind but gateway.controlUi.allowedOrigins is empty. Strict origin policy requires explicit allowed origins for non-loopback deployments.",
                remediation: "Set gateway.controlUi.allowedOrigins to full trusted origins (for example https://control.example.com). If your deployment intentionally relies on Host-header origin fallback, set gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback=true.",
                at: context.config["gateway"]["bind"]))
        }
        if origins.contains("*") {
            out.append(finding(
                "gateway.control_ui.allowed_origins_wildcard", settings.isLoopback ? .warn : .critical,
                detail: "gateway.controlUi.allowedOrigins includes \"*\" which means allow any browser origin for Control UI/WebChat requests. This disables origin allowlisting and should be treated as an intentional allow-all policy.",
                remediation: "Replace wildcard origins with explicit trusted origins (for example https://control.example.com). Do not use \"*\" outside tightly controlled local testing.",
                at: controlUi["allowedOrigins"]))
        }
        if hostHeaderFallback {
            out.append(finding(
                "gateway.control_ui.host_header_origin_fallback", settings.isLoopback ? .warn : .critical,
                detail: "gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback=true enables Host-header origin fallback for Control UI/WebChat websocket checks and weakens DNS rebinding protections.",
                remediation: "Disable gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback and configure explicit gateway.controlUi.allowedOrigins.",
                at: controlUi["dangerouslyAllowHostHeaderOriginFallback"]))
        }
        return out
    }
}
