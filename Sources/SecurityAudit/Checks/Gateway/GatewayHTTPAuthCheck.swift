/// `gateway.http.no_auth`: HTTP APIs callable without a shared secret (the later rule:
/// any mode without a usable secret, plus the admin RPC plugin route).
struct GatewayHTTPAuthCheck: Check {
    let infos = [
        CheckInfo(
            id: "gateway.http.no_auth",
            title: "Gateway HTTP APIs are reachable without auth",
            severity: .varies(default: .warn, rule: "critical when the gateway is remotely exposed (bind beyond loopback or Tailscale), else warn"),
            rationale: "/tools/invoke and the optional OpenAI-style endpoints run tools; without a token or password any process (or page, via DNS rebinding) that reaches the port can call them.",
            remediation: "Set gateway.auth.mode to token/password.",
            triggers: [
                CheckExample(#"{ gateway: { auth: { ↓mode: "none" }, http: { endpoints: { chatCompletions: { enabled: true } } } } }"#, severity: .warn),
                CheckExample(#"{ gateway: { bind: "lan", auth: { ↓mode: "none" } } }"#, severity: .critical),
                CheckExample(#"{}"#, severity: .warn),
                CheckExample(#"{ gateway: { auth: { ↓mode: "password" } } }"#, severity: .warn),
            ],
            passes: [
                CheckExample(#"{ gateway: { auth: { mode: "token", token: "a-long-random-token-value-123" } } }"#),
                CheckExample(#"{ gateway: { auth: { mode: "password", password: { source: "env", provider: "default", id: "GW_PASSWORD" } } } }"#),
                CheckExample(#"{ gateway: { auth: { mode: "trusted-proxy" } } }"#),
                CheckExample(#"{}"#, environment: ["OPENCLAW_GATEWAY_TOKEN": "env-token"]),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let settings = context.gateway
        let auth = context.config["gateway"]["auth"]
        let hasHTTPAuth: Bool
        switch settings.mode {
        case "token": hasHTTPAuth = settings.token != nil || settings.tokenIsUnresolved || SecretInput.isSecretRef(auth["token"])
        case "password": hasHTTPAuth = settings.password != nil || settings.passwordIsUnresolved || SecretInput.isSecretRef(auth["password"])
        case "trusted-proxy": hasHTTPAuth = true
        default: hasHTTPAuth = false
        }
        guard !hasHTTPAuth else { return [] }
        let endpoints = context.config["gateway"]["http"]["endpoints"]
        var paths = ["/tools/invoke"]
        if endpoints["chatCompletions"]["enabled"].bool == true { paths.append("/v1/chat/completions") }
        if endpoints["responses"]["enabled"].bool == true { paths.append("/v1/responses") }
        if context.config["plugins"]["entries"]["admin-http-rpc"]["enabled"].bool == true {
            paths.append("/api/v1/admin/rpc")
        }
        return [finding(
            "gateway.http.no_auth", settings.isRemotelyExposed ? .critical : .warn,
            detail: "gateway.auth.mode=\"none\" leaves \(paths.joined(separator: ", ")) callable without a shared secret. Treat this as trusted-local only and avoid exposing the gateway beyond loopback.",
            remediation: "Set gateway.auth.mode to token/password (recommended). If you intentionally keep mode=none, keep gateway.bind=loopback and disable optional HTTP endpoints/plugins.",
            at: auth["mode"] ?? auth)]
    }
}
