/// `gateway.loopback_no_auth`: a loopback gateway with the Control UI on and no auth.
struct LoopbackAuthCheck: Check {
    let infos = [
        CheckInfo(
            id: "gateway.loopback_no_auth",
            title: "Gateway auth missing on loopback",
            severity: .fixed(.critical),
            rationale: "Loopback alone is not a boundary once a reverse proxy, an SSH tunnel or another local process forwards to the port: every forwarded request arrives unauthenticated.",
            remediation: "Set gateway.auth (token recommended) or keep the Control UI local-only.",
            triggers: [
                CheckExample(#"{}"#),
                CheckExample(#"{ gateway: { ↓auth: { mode: "none" } } }"#),
                CheckExample(#"{ gateway: { ↓auth: { mode: "password" } } }"#),
            ],
            passes: [
                CheckExample(#"{ gateway: { auth: { token: "a-long-random-token-value-123" } } }"#),
                CheckExample(#"{}"#, environment: ["OPENCLAW_GATEWAY_PASSWORD": "secret"]),
                CheckExample(#"{ gateway: { tailscale: { mode: "serve" } } }"#),
                CheckExample(#"{ gateway: { controlUi: { enabled: false } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let gateway = context.gateway
        guard gateway.isLoopback, gateway.controlUiEnabled, !gateway.hasGatewayAuth else { return [] }
        return [finding(
            "gateway.loopback_no_auth", .critical,
            detail: "gateway.bind is loopback but no gateway auth secret is configured. If the Control UI is exposed through a reverse proxy, unauthenticated access is possible.",
            at: context.config["gateway"]["auth"])]
    }
}
