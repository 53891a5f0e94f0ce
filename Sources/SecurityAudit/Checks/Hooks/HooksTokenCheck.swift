/// `hooks.token_too_short` and `hooks.token_reuse_gateway_token`: the shared secret
/// that webhook senders present (only when `hooks.enabled` is true).
struct HooksTokenCheck: Check {
    static let minimumTokenLength = 24

    let infos = [
        CheckInfo(
            id: "hooks.token_too_short",
            title: "Hooks token looks short",
            severity: .fixed(.warn),
            rationale: "The hooks token is the only credential on the webhook endpoint; a short one can be guessed or brute-forced.",
            remediation: "Use a long random hooks.token (24+ characters).",
            triggers: [
                CheckExample(#"{ hooks: { enabled: true, ↓token: "short" } }"#),
                CheckExample(#"{ hooks: { enabled: true, ↓token: "  23-characters-long-tok  " } }"#),
            ],
            passes: [
                CheckExample(#"{ hooks: { enabled: true, token: "a-24-character-long-toke" } }"#),
                CheckExample(#"{ hooks: { enabled: false, token: "short" } }"#),
                CheckExample(#"{ hooks: { enabled: true, token: "   " } }"#),
            ]),
        CheckInfo(
            id: "hooks.token_reuse_gateway_token",
            title: "Hooks token reuses the Gateway token",
            severity: .fixed(.critical),
            rationale: "Webhook senders (mail relays, CI systems) hold the hooks token; if it is also the gateway's token or password, any of them can drive the whole gateway API.",
            remediation: "Rotate hooks.token so it differs from the gateway's token and password.",
            triggers: [
                CheckExample(#"{ hooks: { enabled: true, ↓token: "shared-gateway-token-1234567890" } }"#, environment: ["OPENCLAW_GATEWAY_TOKEN": "shared-gateway-token-1234567890"]),
                CheckExample(#"{ gateway: { auth: { mode: "trusted-proxy", password: "trusted-proxy-local-password-1234567890" } }, hooks: { enabled: true, ↓token: "trusted-proxy-local-password-1234567890" } }"#),
                CheckExample(#"{ secrets: { providers: { default: { source: "env" } } }, gateway: { auth: { mode: "password", password: { source: "env", provider: "default", id: "GW_PASSWORD" } } }, hooks: { enabled: true, ↓token: "shared-gateway-password-1234567890" } }"#, environment: ["GW_PASSWORD": "shared-gateway-password-1234567890"]),
                CheckExample(#"{ gateway: { auth: { token: "same-value-for-both-1234567890" } }, hooks: { enabled: true, ↓token: " same-value-for-both-1234567890 " } }"#),
            ],
            passes: [
                CheckExample(#"{ gateway: { auth: { token: "gateway-token-1234567890abcdef" } }, hooks: { enabled: true, token: "hooks-token-1234567890abcdefgh" } }"#),
                CheckExample(#"{ gateway: { auth: { mode: "password", password: "gateway-password-1234567890ab" } }, hooks: { enabled: true, token: "shared-value-1234567890abcdef" } }"#, environment: ["OPENCLAW_GATEWAY_TOKEN": "shared-value-1234567890abcdef"]),
                CheckExample(#"{ gateway: { auth: { mode: "token", token: "shared-value-1234567890abcdef" } }, hooks: { enabled: false, token: "shared-value-1234567890abcdef" } }"#),
                CheckExample(#"{ gateway: { auth: { mode: "password", password: { source: "exec", provider: "vault", id: "gw" } } }, hooks: { enabled: true, token: "shared-gateway-password-1234567890" } }"#),
                CheckExample(#"{ gateway: { auth: { mode: "password", password: { source: "env", provider: "default", id: "GW_PASSWORD" } } }, hooks: { enabled: true, token: "${GW_PASSWORD}" } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let hooks = context.config["hooks"]
        guard hooks["enabled"].bool == true else { return [] }
        // An unresolved `${VAR}` is unknown, not short (config.env_var_unresolved says so).
        let token = hooks["token"].knownString?.trimmingWhitespace ?? ""
        var out: [Finding] = []
        if !token.isEmpty, token.utf16.count < Self.minimumTokenLength {
            out.append(finding(
                "hooks.token_too_short", .warn,
                detail: "hooks.token is \(token.utf16.count) chars; prefer a long random token.", remediation: .none,
                at: hooks["token"]))
        }
        if !token.isEmpty, let reused = Self.reusedGatewaySecret(hooksToken: token, context: context) {
            let isPassword = reused == "password"
            out.append(finding(
                "hooks.token_reuse_gateway_token", .critical,
                title: isPassword ? "Hooks token reuses the Gateway password" : "Hooks token reuses the Gateway token",
                detail: isPassword
                    ? "hooks.token matches gateway.auth password; compromise of hooks expands blast radius to Gateway password auth."
                    : "hooks.token matches gateway.auth token; compromise of hooks expands blast radius to the Gateway API.",
                remediation: "Run \(context.cliCommand("openclaw doctor --fix")) to rotate a persisted hooks.token, then update external hook senders to use the new hook token.",
                at: hooks["token"]))
        }
        return out
    }

    /// `token` or `password` when the hooks token equals the gateway secret the gateway
    /// actually uses: the token in token mode, the password in
    /// password and trusted-proxy mode, SecretRefs resolved where the audit could.
    static func reusedGatewaySecret(hooksToken: String, context: AuditContext) -> String? {
        let auth = context.config["gateway"]["auth"]
        let materialized = context.external.materializedGatewaySecrets
        func configured(_ key: String) -> String? {
            if let value = materialized[key]?.trimmingWhitespace, !value.isEmpty { return value }
            return BrowserControlCheck.plainSecret(auth[key])
        }
        let token = configured("token") ?? context.env("OPENCLAW_GATEWAY_TOKEN")
        let password = configured("password") ?? context.env("OPENCLAW_GATEWAY_PASSWORD")
        let explicitMode = auth["mode"].string.flatMap { $0.isEmpty ? nil : $0 }
        switch explicitMode ?? (password != nil ? "password" : "token") {
        case "token": return token == hooksToken ? "token" : nil
        case "password", "trusted-proxy": return password == hooksToken ? "password" : nil
        default: return nil
        }
    }
}
