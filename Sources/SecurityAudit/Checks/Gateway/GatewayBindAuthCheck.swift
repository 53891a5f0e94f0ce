/// `gateway.bind_no_auth`: the gateway listens beyond loopback with no shared secret.
struct GatewayBindAuthCheck: Check {
    let infos = [
        CheckInfo(
            id: "gateway.bind_no_auth",
            title: "Gateway binds beyond loopback without auth",
            severity: .fixed(.critical),
            rationale: "A gateway reachable from the network without a token or password lets anyone on that network drive the agent, its tools and its shell.",
            remediation: "Set gateway.auth (token recommended) or bind to loopback.",
            triggers: [
                CheckExample(#"{ gateway: { ↓bind: "lan" } }"#),
                CheckExample(#"{ gateway: { ↓bind: "tailnet", auth: { mode: "token" } } }"#),
                CheckExample(#"{ gateway: { ↓bind: "lan", auth: { mode: "none", token: "abc" } } }"#),
            ],
            passes: [
                CheckExample(#"{ gateway: { bind: "lan", auth: { token: "a-long-random-token-value-123" } } }"#),
                CheckExample(#"{ gateway: { bind: "lan" } }"#, environment: ["OPENCLAW_GATEWAY_TOKEN": "from-env"]),
                CheckExample(#"{ gateway: { bind: "lan", auth: { password: { source: "env", provider: "default", id: "OPENCLAW_GATEWAY_PASSWORD" } } } }"#),
                CheckExample(#"{ gateway: { bind: "lan", trustedProxies: ["10.0.0.1"], auth: { mode: "trusted-proxy" } } }"#),
                CheckExample(#"{ gateway: { bind: "loopback" } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let gateway = context.gateway
        guard !gateway.isLoopback, !gateway.hasSharedSecret, gateway.mode != "trusted-proxy" else { return [] }
        return [finding(
            "gateway.bind_no_auth", .critical,
            detail: "gateway.bind=\"\(gateway.bind)\" but no gateway.auth token/password is configured.",
            at: context.config["gateway"]["bind"])]
    }
}
