/// `gateway.auth_placeholder` and `hooks.token_placeholder` (ours): the gateway's token
/// or password, or the hooks token, is a stand-in: upstream's own "hardened baseline"
/// example (`token: "replace-with-long-random-token"`, `docs/gateway/security/index.md`),
/// `change-me`, `your-strong-password`, the string `"undefined"` a wizard wrote (upstream
/// issue #139494), or `"${env:NAME}"`, which OpenClaw does not substitute. Such a value is
/// public: anyone who read the same docs holds the credential. Upstream's gateway only
/// refuses two exact example strings at startup (`src/gateway/startup-auth.ts`, 2026.4.12).
struct PlaceholderSecretCheck: Check {
    static let severityRule = SeverityRule.varies(
        default: .critical, rule: "critical when the gateway is reachable beyond loopback (bind or Tailscale), warn otherwise")

    let infos = [
        CheckInfo(
            id: "gateway.auth_placeholder",
            title: "Gateway credential is a placeholder",
            severity: Self.severityRule,
            rationale: "A token or password copied from an example is known to everyone who read that example; on a gateway reachable from the network it is no authentication at all.",
            remediation: "Generate a random token (openssl rand -hex 32) and set it as gateway.auth.token, or keep it in the environment (${OPENCLAW_GATEWAY_TOKEN}).",
            triggers: [
                CheckExample(#"{ gateway: { mode: "local", bind: "lan", auth: { mode: "token", ↓token: "replace-with-long-random-token" } } }"#, severity: .critical),
                CheckExample(#"{ gateway: { auth: { mode: "token", ↓token: "change-me" } } }"#, severity: .warn),
                CheckExample(#"{ gateway: { bind: "tailnet", auth: { mode: "password", ↓password: "your-strong-password" } } }"#, severity: .critical),
                CheckExample(#"{ gateway: { bind: "lan", auth: { ↓token: "undefined" } } }"#, severity: .critical),
                CheckExample(#"{ gateway: { bind: "lan", auth: { ↓token: "${env:OPENCLAW_GATEWAY_TOKEN}" } } }"#, severity: .critical),
                CheckExample(#"{}"#, environment: ["OPENCLAW_GATEWAY_TOKEN": "changeme"], severity: .warn),
            ],
            passes: [
                CheckExample(#"{ gateway: { bind: "lan", auth: { token: "9f2c4e7a1b8d3f6e0a5c2b9d8e7f1a3c" } } }"#),
                CheckExample(#"{ gateway: { bind: "lan", auth: { token: "${OPENCLAW_GATEWAY_TOKEN}" } } }"#),
                CheckExample(#"{ gateway: { auth: { mode: "password", token: "change-me", password: "k3Q9-vT2x-Lr8w-Zp4m-Hs7d" } } }"#),
                CheckExample(#"{}"#),
            ]),
        CheckInfo(
            id: "hooks.token_placeholder",
            title: "Hooks token is a placeholder",
            severity: Self.severityRule,
            rationale: "The hooks token is the only credential of the webhook endpoint; an example value lets anyone post events that wake the agent.",
            remediation: "Set hooks.token to a long random value (openssl rand -hex 32) and update the webhook senders.",
            triggers: [
                CheckExample(#"{ hooks: { enabled: true, ↓token: "your-hooks-token-here" } }"#, severity: .warn),
                CheckExample(#"{ gateway: { bind: "lan", auth: { token: "9f2c4e7a1b8d3f6e0a5c2b9d8e7f1a3c" } }, hooks: { enabled: true, ↓token: "CHANGE_ME" } }"#, severity: .critical),
            ],
            passes: [
                CheckExample(#"{ hooks: { enabled: true, token: "3b8e1f0c9d2a7e6b5c4d3e2f1a0b9c8d" } }"#),
                CheckExample(#"{ hooks: { enabled: false, token: "change-me" } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let severity: Severity = context.gateway.isRemotelyExposed ? .critical : .warn
        let exposure = context.gateway.isRemotelyExposed
            ? "The gateway is reachable beyond loopback (\(exposureText(context.gateway))), so anyone who knows the example can authenticate."
            : "The gateway is bound to loopback today; the credential becomes public the day it is exposed."
        var out: [Finding] = []
        if let (path, value, node) = activeGatewaySecret(context), let kind = PlaceholderSecret.classify(value) {
            out.append(finding(
                "gateway.auth_placeholder", severity,
                detail: "\(path) is \(shown(value, kind: kind)): \(kind.description). \(exposure)", at: node))
        }
        let hooks = context.config["hooks"]
        if hooks["enabled"].bool == true, let token = hooks["token"].knownString, let kind = PlaceholderSecret.classify(token) {
            out.append(finding(
                "hooks.token_placeholder", severity,
                detail: "hooks.token is \(shown(token, kind: kind)): \(kind.description). \(exposure)", at: hooks["token"]))
        }
        return out
    }

    /// The secret the gateway authenticates with in its resolved mode, and where it is
    /// written: the config key, a resolved SecretRef, or the environment variable.
    func activeGatewaySecret(_ context: AuditContext) -> (String, String, ConfigNode?)? {
        let settings = context.gateway
        let auth = context.config["gateway"]["auth"]
        let key: String
        switch settings.mode {
        case "token": key = "token"
        case "password": key = "password"
        default: return nil
        }
        if let resolved = context.external.materializedGatewaySecrets[key] {
            return ("gateway.auth.\(key) (resolved SecretRef)", resolved, auth[key])
        }
        let value = key == "token" ? settings.token : settings.password
        guard let value else { return nil }
        if SecretInput.plainText(auth[key]) != nil { return ("gateway.auth.\(key)", value, auth[key]) }
        let variable = key == "token" ? "OPENCLAW_GATEWAY_TOKEN" : "OPENCLAW_GATEWAY_PASSWORD"
        return (context.env(variable) != nil ? variable : "the gateway \(key) from the environment", value, nil)
    }

    /// Stand-ins that are not secrets are shown; example text is shown redacted, in case
    /// a real (if weak) secret looks like one.
    func shown(_ value: String, kind: PlaceholderSecret.Kind) -> String {
        switch kind {
        case .exampleText: return "\"\(SecretRedaction.redact(Array(value.trimmingWhitespace.utf8), kind: .assignment))\""
        default: return "\"\(value.trimmingWhitespace)\""
        }
    }

    func exposureText(_ gateway: GatewaySettings) -> String {
        gateway.isLoopback ? "tailscale \(gateway.tailscaleMode)" : "bind \(gateway.bind)"
    }
}
