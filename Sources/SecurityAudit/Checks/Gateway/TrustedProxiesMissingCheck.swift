/// `gateway.trusted_proxies_missing`: a loopback gateway serves the Control UI with no
/// trusted proxies configured (`src/security/audit.ts`). Upstream keeps this a warning
/// on loopback: proposals to lower it to info or to report other binds were closed
/// without merging, so the rule is the one every release ships.
struct TrustedProxiesMissingCheck: Check {
    let infos = [
        CheckInfo(
            id: "gateway.trusted_proxies_missing",
            title: "Reverse proxy headers are not trusted",
            severity: .fixed(.warn),
            rationale: "Without gateway.trustedProxies the gateway cannot tell a reverse proxy's forwarded client address from a spoofed one; a loopback gateway fronted by a proxy can have its local-client checks bypassed.",
            remediation: "Set gateway.trustedProxies to your proxy IPs or keep the Control UI local-only.",
            triggers: [
                CheckExample(#"{}"#, severity: .warn),
                CheckExample(#"{ gateway: { ↓bind: "loopback", trustedProxies: [] } }"#, severity: .warn),
            ],
            passes: [
                CheckExample(#"{ gateway: { trustedProxies: ["127.0.0.1"] } }"#),
                CheckExample(#"{ gateway: { controlUi: { enabled: false } } }"#),
                CheckExample(#"{ gateway: { bind: "lan", auth: { token: "t" } } }"#),
                CheckExample(#"{ gateway: { bind: "custom", customBindHost: "127.0.0.2" } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let gateway = context.config["gateway"]
        let settings = context.gateway
        guard settings.isLoopback, settings.controlUiEnabled, (gateway["trustedProxies"].array ?? []).isEmpty else { return [] }
        return [finding(
            "gateway.trusted_proxies_missing", .warn,
            detail: "gateway.bind is loopback and gateway.trustedProxies is empty. If you expose the Control UI through a reverse proxy, configure trusted proxies so local-client checks cannot be spoofed.",
            at: gateway["bind"])]
    }
}
