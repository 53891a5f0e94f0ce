/// `gateway.probe_failed` and `gateway.probe_auth_secretref_unavailable` (deep): the
/// live probe could not connect, authenticate or read, or ran without the configured
/// credential because its SecretRef cannot be resolved here. Always the last findings.
struct GatewayProbeCheck: Check {
    let infos = [
        CheckInfo(
            id: "gateway.probe_failed",
            title: "Gateway probe failed (deep)",
            severity: .fixed(.warn),
            rationale: "The deep audit could not confirm what the running gateway exposes: it is down, unreachable, or refused the audit's read-only operator connection.",
            remediation: "Run `openclaw status --all` to debug connectivity and auth, then rerun the deep audit.",
            triggers: [
                // Nothing listens on the port: the connection is refused at once.
                CheckExample("{ gateway: { port: {closedPort} } }", deep: true),
                CheckExample(#"{ gateway: { mode: "remote", remote: { url: "wss://127.0.0.1:{closedPort}" } } }"#, deep: true),
            ],
            passes: [
                CheckExample("{ gateway: { port: {closedPort} } }"),
            ]),
        CheckInfo(
            id: "gateway.probe_auth_secretref_unavailable",
            title: "Gateway probe auth SecretRef is unavailable",
            severity: .fixed(.warn),
            rationale: "The configured gateway credential is a SecretRef this shell cannot resolve, so the probe ran without it and its result says little about the authenticated surface.",
            remediation: "Export OPENCLAW_GATEWAY_TOKEN / OPENCLAW_GATEWAY_PASSWORD or make the secret provider available, then rerun the deep audit.",
            triggers: [
                CheckExample(#"{ gateway: { port: {closedPort}, auth: { token: { source: "env", id: "MISSING_GATEWAY_TOKEN" } } } }"#, deep: true),
                CheckExample(#"{ gateway: { port: {closedPort}, auth: { mode: "password", password: { source: "exec", provider: "vault", id: "gw" } } } }"#, deep: true),
            ],
            passes: [
                CheckExample(#"{ gateway: { port: {closedPort}, auth: { token: { source: "env", id: "GW_TOKEN" } } } }"#,
                             environment: ["GW_TOKEN": "resolved-token-value"], deep: true),
                CheckExample(#"{ gateway: { port: {closedPort}, auth: { token: { source: "exec", provider: "vault", id: "gw" } } } }"#,
                             environment: ["OPENCLAW_GATEWAY_TOKEN": "from-env"], deep: true),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        guard context.deep, let facts = context.deepFacts?.gateway else { return [] }
        var result: [Finding] = []
        let probe = facts.result
        if probe.attempted, !probe.ok {
            var detail = probe.error ?? ""
            if let warning = facts.authWarning {
                detail = detail.isEmpty ? warning : "\(detail); \(warning)"
            }
            result.append(finding(
                "gateway.probe_failed", .warn,
                detail: detail.isEmpty ? "gateway unreachable" : detail,
                remediation: "Run \"\(context.cliCommand("openclaw status --all"))\" to debug connectivity/auth, then re-run \"\(context.cliCommand("openclaw security audit --deep"))\"."))
        }
        if let warning = facts.authWarning {
            result.append(finding(
                "gateway.probe_auth_secretref_unavailable", .warn, detail: warning,
                remediation: "Set OPENCLAW_GATEWAY_TOKEN/OPENCLAW_GATEWAY_PASSWORD in this shell or resolve the external secret provider, then re-run \"\(context.cliCommand("openclaw security audit --deep"))\"."))
        }
        return result
    }
}
