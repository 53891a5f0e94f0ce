/// `discovery.mdns_full_mode`: mDNS TXT records publish host details.
struct MDNSFullModeCheck: Check {
    let infos = [
        CheckInfo(
            id: "discovery.mdns_full_mode",
            title: "mDNS full mode can leak host metadata",
            severity: .varies(default: .warn, rule: "critical when gateway.bind is not loopback, else warn"),
            rationale: "Full mode advertises the CLI path and SSH port to everyone on the local network, revealing the user name, file layout and management ports.",
            remediation: "Use discovery.mdns.mode=\"minimal\" or \"off\".",
            triggers: [
                CheckExample(#"{ discovery: { mdns: { ↓mode: "full" } } }"#, severity: .warn),
                CheckExample(#"{ gateway: { bind: "lan" }, discovery: { mdns: { ↓mode: "full" } } }"#, severity: .critical),
            ],
            passes: [
                CheckExample(#"{ discovery: { mdns: { mode: "minimal" } } }"#),
                CheckExample(#"{}"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let mode = context.config["discovery"]["mdns"]["mode"]
        guard (mode.string ?? "minimal") == "full" else { return [] }
        return [finding(
            "discovery.mdns_full_mode", context.gateway.isLoopback ? .warn : .critical,
            detail: "discovery.mdns.mode=\"full\" publishes cliPath/sshPort in local-network TXT records. This can reveal usernames, filesystem layout, and management ports.",
            remediation: "Prefer discovery.mdns.mode=\"minimal\" (recommended) or \"off\", especially when gateway.bind is not loopback.",
            at: mode)]
    }
}
