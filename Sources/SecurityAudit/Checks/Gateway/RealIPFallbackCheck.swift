/// `gateway.real_ip_fallback_enabled`: X-Real-IP is trusted when X-Forwarded-For is absent.
struct RealIPFallbackCheck: Check {
    let infos = [
        CheckInfo(
            id: "gateway.real_ip_fallback_enabled",
            title: "X-Real-IP fallback is enabled",
            severity: .varies(default: .warn, rule: "critical when gateway.bind is not loopback, or with trusted-proxy auth and a trusted proxy that is not strictly loopback; else warn"),
            rationale: "A proxy that passes a client-supplied X-Real-IP lets that client spoof its source address and pass local-client checks.",
            remediation: "Keep gateway.allowRealIpFallback=false.",
            triggers: [
                CheckExample(#"{ gateway: { ↓allowRealIpFallback: true } }"#, severity: .warn),
                CheckExample(#"{ gateway: { bind: "lan", ↓allowRealIpFallback: true } }"#, severity: .critical),
                CheckExample(#"{ gateway: { ↓allowRealIpFallback: true, trustedProxies: ["127.0.0.0/8"], auth: { mode: "trusted-proxy" } } }"#, severity: .critical),
                CheckExample(#"{ gateway: { ↓allowRealIpFallback: true, trustedProxies: ["::1/128", "127.0.0.1"], auth: { mode: "trusted-proxy" } } }"#, severity: .warn),
            ],
            passes: [
                CheckExample(#"{ gateway: { allowRealIpFallback: false } }"#),
                CheckExample(#"{}"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let gateway = context.config["gateway"]
        guard gateway["allowRealIpFallback"].bool == true else { return [] }
        let proxies = (gateway["trustedProxies"].array ?? []).map { $0.string ?? "" }
        let settings = context.gateway
        let exposed = !settings.isLoopback
            || (settings.mode == "trusted-proxy" && proxies.contains { !HostClassification.isStrictLoopbackProxyEntry($0) })
        return [finding(
            "gateway.real_ip_fallback_enabled", exposed ? .critical : .warn,
            detail: "gateway.allowRealIpFallback=true trusts X-Real-IP when trusted proxies omit X-Forwarded-For. Misconfigured proxies that forward client-supplied X-Real-IP can spoof source IP and local-client checks.",
            remediation: "Keep gateway.allowRealIpFallback=false (default). Only enable this when your trusted proxy always overwrites X-Real-IP and cannot provide X-Forwarded-For.",
            at: gateway["allowRealIpFallback"])]
    }
}
