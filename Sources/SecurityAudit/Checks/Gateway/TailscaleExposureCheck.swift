/// `gateway.tailscale_funnel` / `gateway.tailscale_serve`: the gateway is published
/// through Tailscale, to the internet or to the tailnet.
struct TailscaleExposureCheck: Check {
    let infos = [
        CheckInfo(
            id: "gateway.tailscale_funnel",
            title: "Tailscale Funnel exposure enabled",
            severity: .fixed(.critical),
            rationale: "Funnel makes the gateway reachable from the public internet; its auth is then the only barrier.",
            remediation: "Prefer tailscale.mode=\"serve\" or \"off\".",
            triggers: [CheckExample(#"{ gateway: { tailscale: { ↓mode: "funnel" } } }"#)],
            passes: [CheckExample(#"{ gateway: { tailscale: { mode: "serve" } } }"#), CheckExample(#"{}"#)]),
        CheckInfo(
            id: "gateway.tailscale_serve",
            title: "Tailscale Serve exposure enabled",
            severity: .fixed(.info),
            rationale: "Serve publishes the gateway to every device on the tailnet; worth knowing, not wrong.",
            triggers: [CheckExample(#"{ gateway: { tailscale: { ↓mode: "serve" } } }"#)],
            passes: [CheckExample(#"{ gateway: { tailscale: { mode: "funnel" } } }"#), CheckExample(#"{ gateway: { tailscale: { mode: "off" } } }"#)]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let node = context.config["gateway"]["tailscale"]["mode"]
        switch context.gateway.tailscaleMode {
        case "funnel":
            return [finding(
                "gateway.tailscale_funnel", .critical,
                detail: "gateway.tailscale.mode=\"funnel\" exposes the Gateway publicly; keep auth strict and treat it as internet-facing.",
                remediation: "Prefer tailscale.mode=\"serve\" (tailnet-only) or set tailscale.mode=\"off\".",
                at: node)]
        case "serve":
            return [finding(
                "gateway.tailscale_serve", .info,
                detail: "gateway.tailscale.mode=\"serve\" exposes the Gateway to your tailnet (loopback behind Tailscale).",
                at: node)]
        default:
            return []
        }
    }
}
