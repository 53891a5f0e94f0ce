/// The trusted-proxy auth block: a reminder that auth is delegated, then the gaps in
/// its configuration, in the original's order.
struct TrustedProxyAuthCheck: Check {
    let infos = [
        CheckInfo(
            id: "gateway.trusted_proxy_auth",
            title: "Trusted-proxy auth mode enabled",
            severity: .fixed(.critical),
            rationale: "The gateway trusts a header set by the reverse proxy; anyone who reaches the gateway port directly, or a proxy that passes the header through, is whoever they claim to be.",
            remediation: "Make sure the proxy terminates TLS and authenticates, list only its IPs, firewall the gateway port.",
            triggers: [CheckExample(#"{ gateway: { bind: "lan", trustedProxies: ["10.0.0.1"], auth: { ↓mode: "trusted-proxy", trustedProxy: { userHeader: "x-forwarded-user", allowUsers: ["a@example.com"] } } } }"#)],
            passes: [CheckExample(#"{ gateway: { auth: { mode: "token", token: "x" } } }"#)]),
        CheckInfo(
            id: "gateway.trusted_proxy_no_proxies",
            title: "Trusted-proxy auth enabled but no trusted proxies configured",
            severity: .fixed(.critical),
            rationale: "With no trusted proxies every request is rejected; the setup is broken or about to be loosened by hand.",
            remediation: "Set gateway.trustedProxies to the IP(s) of your reverse proxy.",
            triggers: [CheckExample(#"{ gateway: { auth: { ↓mode: "trusted-proxy" } } }"#)],
            passes: [CheckExample(#"{ gateway: { trustedProxies: ["10.0.0.1"], auth: { mode: "trusted-proxy" } } }"#)]),
        CheckInfo(
            id: "gateway.trusted_proxy_no_user_header",
            title: "Trusted-proxy auth missing userHeader config",
            severity: .fixed(.critical),
            rationale: "Without a user header the gateway cannot know who the proxy authenticated.",
            remediation: "Set gateway.auth.trustedProxy.userHeader to the header your proxy sets.",
            triggers: [CheckExample(#"{ gateway: { trustedProxies: ["10.0.0.1"], auth: { ↓mode: "trusted-proxy" } } }"#)],
            passes: [CheckExample(#"{ gateway: { auth: { mode: "trusted-proxy", trustedProxy: { userHeader: "x-user" } } } }"#)]),
        CheckInfo(
            id: "gateway.trusted_proxy_allow_loopback",
            title: "Trusted-proxy auth allows loopback proxy sources",
            severity: .fixed(.warn),
            rationale: "Any local process can then present itself as the proxy and choose the user header.",
            remediation: "Enable this only when a same-host reverse proxy is the intended trust boundary.",
            triggers: [CheckExample(#"{ gateway: { auth: { mode: "trusted-proxy", trustedProxy: { ↓allowLoopback: true } } } }"#)],
            passes: [CheckExample(#"{ gateway: { auth: { mode: "trusted-proxy", trustedProxy: { allowLoopback: false } } } }"#)]),
        CheckInfo(
            id: "gateway.trusted_proxy_no_allowlist",
            title: "Trusted-proxy auth allows all authenticated users",
            severity: .fixed(.warn),
            rationale: "Every account the proxy accepts (often a whole organisation) can operate the gateway.",
            remediation: "Set gateway.auth.trustedProxy.allowUsers.",
            triggers: [CheckExample(#"{ gateway: { auth: { mode: "trusted-proxy", trustedProxy: { ↓allowUsers: [] } } } }"#)],
            passes: [CheckExample(#"{ gateway: { auth: { mode: "trusted-proxy", trustedProxy: { allowUsers: ["nick@example.com"] } } } }"#)]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        guard context.gateway.mode == "trusted-proxy" else { return [] }
        let gateway = context.config["gateway"]
        let trustedProxy = gateway["auth"]["trustedProxy"]
        var out = [finding(
            "gateway.trusted_proxy_auth", .critical,
            detail: "gateway.auth.mode=\"trusted-proxy\" delegates authentication to a reverse proxy. Ensure your proxy (Pomerium, Caddy, nginx) handles auth correctly and that gateway.trustedProxies only contains IPs of your actual proxy servers.",
            remediation: "Verify: (1) Your proxy terminates TLS and authenticates users. (2) gateway.trustedProxies is restricted to proxy IPs only. (3) Direct access to the Gateway port is blocked by firewall. See /gateway/trusted-proxy-auth for setup guidance.",
            at: gateway["auth"]["mode"])]
        if (gateway["trustedProxies"].array ?? []).isEmpty {
            out.append(finding(
                "gateway.trusted_proxy_no_proxies", .critical,
                detail: "gateway.auth.mode=\"trusted-proxy\" but gateway.trustedProxies is empty. All requests will be rejected.",
                at: gateway["trustedProxies"] ?? gateway["auth"]["mode"]))
        }
        if !trustedProxy["userHeader"].isTruthy {
            out.append(finding(
                "gateway.trusted_proxy_no_user_header", .critical,
                detail: "gateway.auth.mode=\"trusted-proxy\" but gateway.auth.trustedProxy.userHeader is not configured.",
                remediation: "Set gateway.auth.trustedProxy.userHeader to the header name your proxy uses (e.g., \"x-forwarded-user\", \"x-pomerium-claim-email\").",
                at: trustedProxy ?? gateway["auth"]["mode"]))
        }
        if trustedProxy["allowLoopback"].bool == true {
            out.append(finding(
                "gateway.trusted_proxy_allow_loopback", .warn,
                detail: "gateway.auth.trustedProxy.allowLoopback=true allows loopback-source requests from configured gateway.trustedProxies entries to satisfy trusted-proxy auth.",
                remediation: "Enable this only when a same-host reverse proxy is the intended trust boundary. Keep direct Gateway access private to the host and require the proxy to strip or overwrite identity headers.",
                at: trustedProxy["allowLoopback"]))
        }
        if (trustedProxy["allowUsers"].array ?? []).isEmpty {
            out.append(finding(
                "gateway.trusted_proxy_no_allowlist", .warn,
                detail: "gateway.auth.trustedProxy.allowUsers is empty, so any user authenticated by your proxy can access the Gateway.",
                remediation: "Consider setting gateway.auth.trustedProxy.allowUsers to restrict access to specific users (e.g., [\"nick@example.com\"]).",
                at: trustedProxy["allowUsers"] ?? gateway["auth"]["mode"]))
        }
        return out
    }
}
