/// `gateway.trusted_proxies_missing`: the Control UI is served with no trusted proxies
/// configured (the later rule: any bind, info when the bind is loopback-equivalent).
struct TrustedProxiesMissingCheck: Check {
    let infos = [
        CheckInfo(
            id: "gateway.trusted_proxies_missing",
            title: "Trusted proxies not configured",
            severity: .varies(default: .warn, rule: "info when gateway.bind is loopback (or a custom 127.x host), else warn"),
            rationale: "Without gateway.trustedProxies the gateway cannot tell a reverse proxy's forwarded client address from a spoofed one; off-host binds behind a proxy can have local-client checks bypassed.",
            remediation: "Set gateway.trustedProxies to your reverse proxy IP/CIDR(s) or bind to loopback.",
            triggers: [
                CheckExample(#"{}"#, severity: .info),
                CheckExample(#"{ gateway: { bind: "lan", auth: { token: "t" } } }"#, severity: .warn),
                CheckExample(#"{ gateway: { bind: "custom", customBindHost: "127.0.0.2" } }"#, severity: .info),
                CheckExample(#"{ gateway: { bind: "custom", customBindHost: "127.000.0.1" } }"#, severity: .warn),
            ],
            passes: [
                CheckExample(#"{ gateway: { trustedProxies: ["127.0.0.1"] } }"#),
                CheckExample(#"{ gateway: { controlUi: { enabled: false } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let gateway = context.config["gateway"]
        let settings = context.gateway
        guard settings.controlUiEnabled, (gateway["trustedProxies"].array ?? []).isEmpty else { return [] }
        let loopbackEquivalent = settings.isLoopback
            || (settings.bind == "custom" && Self.isLoopbackIPv4(gateway["customBindHost"].string ?? ""))
        let safeBind = String(settings.bind.unicodeScalars.map { scalar -> Character in
            let allowed = ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
                || ("0"..."9").contains(scalar) || ".:_-".unicodeScalars.contains(scalar)
            return allowed ? Character(scalar) : "?"
        })
        if loopbackEquivalent {
            return [finding(
                "gateway.trusted_proxies_missing", .info,
                title: "Trusted proxies not configured on loopback bind",
                detail: "gateway.bind=\"\(safeBind)\" is loopback-equivalent and gateway.trustedProxies is empty. X-Forwarded-For spoofing is not reachable off-host on a loopback-only bind. If a same-host reverse proxy (nginx, Caddy, systemd socket activation) fronts the Control UI, set gateway.trustedProxies so client-IP and local-client checks stay correct.",
                remediation: "If the Control UI is fronted by a same-host reverse proxy, set gateway.trustedProxies to that proxy's IP (often 127.0.0.1/::1). No action required if the Control UI is only reached directly via loopback.")]
        }
        return [finding(
            "gateway.trusted_proxies_missing", .warn,
            detail: "gateway.bind=\"\(safeBind)\" and gateway.trustedProxies is empty. A reverse proxy in front of the Control UI can spoof X-Forwarded-For without explicit trusted proxies.",
            remediation: "Set gateway.trustedProxies to your reverse proxy IP/CIDR(s) or bind to loopback.",
            at: gateway["bind"])]
    }

    /// A canonical dotted-decimal IPv4 address (no leading zeros) inside 127.0.0.0/8.
    static func isLoopbackIPv4(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber),
                  part == "0" || !part.hasPrefix("0"), let value = Int(part), value <= 255
            else { return false }
        }
        return parts[0] == "127"
    }
}
