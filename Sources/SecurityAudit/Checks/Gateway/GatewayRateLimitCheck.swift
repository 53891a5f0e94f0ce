/// `gateway.auth_no_rate_limit`: an exposed gateway with no brute-force protection.
struct GatewayRateLimitCheck: Check {
    let infos = [
        CheckInfo(
            id: "gateway.auth_no_rate_limit",
            title: "No auth rate limiting configured",
            severity: .fixed(.warn),
            rationale: "Off loopback, unlimited auth attempts let an attacker guess the token or password.",
            remediation: "Set gateway.auth.rateLimit.",
            triggers: [CheckExample(#"{ gateway: { ↓bind: "lan", auth: { token: "t" } } }"#)],
            passes: [
                CheckExample(#"{ gateway: { bind: "lan", auth: { token: "t", rateLimit: { maxAttempts: 10, windowMs: 60000, lockoutMs: 300000 } } } }"#),
                CheckExample(#"{ gateway: { bind: "lan", trustedProxies: ["10.0.0.1"], auth: { mode: "trusted-proxy" } } }"#),
                CheckExample(#"{}"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let settings = context.gateway
        let auth = context.config["gateway"]["auth"]
        guard !settings.isLoopback, settings.mode != "trusted-proxy", !auth["rateLimit"].isTruthy else { return [] }
        return [finding(
            "gateway.auth_no_rate_limit", .warn,
            detail: "gateway.bind is not loopback but no gateway.auth.rateLimit is configured. Without rate limiting, brute-force auth attacks are not mitigated.",
            remediation: "Set gateway.auth.rateLimit (e.g. { maxAttempts: 10, windowMs: 60000, lockoutMs: 300000 }).",
            at: context.config["gateway"]["bind"])]
    }
}
