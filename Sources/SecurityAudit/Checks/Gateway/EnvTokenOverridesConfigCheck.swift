/// `gateway.env_token_overrides_config`: `OPENCLAW_GATEWAY_TOKEN` in the shell differs
/// from the configured `gateway.auth.token`. Local clients prefer the variable while the
/// managed gateway service uses the config, so one of them fails to authenticate.
/// Read from the source config, so a `${VAR}` reference is seen
/// as the reference it is.
struct EnvTokenOverridesConfigCheck: Check {
    static let variable = "OPENCLAW_GATEWAY_TOKEN"

    let infos = [
        CheckInfo(
            id: "gateway.env_token_overrides_config",
            title: "OPENCLAW_GATEWAY_TOKEN conflicts with gateway.auth.token",
            severity: .fixed(.warn),
            rationale: "Two sources of the gateway token that disagree make CLI and RPC clients fail to authenticate against the running gateway, and tend to be \"fixed\" by weakening auth.",
            remediation: "Remove OPENCLAW_GATEWAY_TOKEN from the shell, ~/.openclaw/.env, or launchctl env if gateway.auth.token is intended, or point gateway.auth.token at ${OPENCLAW_GATEWAY_TOKEN} if the env var should be canonical.",
            triggers: [
                CheckExample(#"{ gateway: { auth: { ↓token: "config-token" } } }"#, environment: ["OPENCLAW_GATEWAY_TOKEN": "env-token"]),
                CheckExample(#"{ gateway: { auth: { mode: "token", ↓token: { source: "file", provider: "vault", id: "/gateway/token" } } } }"#, environment: ["OPENCLAW_GATEWAY_TOKEN": "env-token"]),
                CheckExample(#"{ gateway: { auth: { ↓token: "${OTHER_TOKEN}" } } }"#, environment: ["OPENCLAW_GATEWAY_TOKEN": "env-token", "OTHER_TOKEN": "env-token"]),
            ],
            passes: [
                CheckExample(#"{ gateway: { auth: { token: " same-token " } } }"#, environment: ["OPENCLAW_GATEWAY_TOKEN": "same-token"]),
                CheckExample(#"{ gateway: { auth: { token: "${OPENCLAW_GATEWAY_TOKEN}" } } }"#, environment: ["OPENCLAW_GATEWAY_TOKEN": "env-token"]),
                CheckExample(#"{ gateway: { auth: { token: { source: "env", provider: "default", id: "OPENCLAW_GATEWAY_TOKEN" } } } }"#, environment: ["OPENCLAW_GATEWAY_TOKEN": "env-token"]),
                CheckExample(#"{ gateway: { auth: { token: "config-token" } } }"#, environment: ["OPENCLAW_GATEWAY_TOKEN": "env-token", "OPENCLAW_SERVICE_KIND": "gateway"]),
                CheckExample(#"{ gateway: { mode: "remote", auth: { token: "config-token" } } }"#, environment: ["OPENCLAW_GATEWAY_TOKEN": "env-token"]),
                CheckExample(#"{ gateway: { auth: { mode: "password", token: "config-token" } } }"#, environment: ["OPENCLAW_GATEWAY_TOKEN": "env-token"]),
                CheckExample(#"{ gateway: { auth: {} } }"#, environment: ["OPENCLAW_GATEWAY_TOKEN": "env-token"]),
                CheckExample(#"{ gateway: { auth: { token: "config-token" } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        guard let envToken = context.env(Self.variable), context.env("OPENCLAW_SERVICE_KIND") != "gateway" else { return [] }
        let source = context.configFile.sourceRoot
        let gateway = source["gateway"]
        guard gateway["mode"].string != "remote",
              !["password", "none", "trusted-proxy"].contains(gateway["auth"]["mode"].string ?? "")
        else { return [] }
        let raw = gateway["auth"]["token"]
        if let ref = SecretReference.parse(raw, config: source) {
            guard !(ref.source == "env" && ref.id == Self.variable) else { return [] }
        } else {
            guard let configToken = SecretInput.plainText(raw), configToken != envToken else { return [] }
        }
        return [finding(
            "gateway.env_token_overrides_config", .warn,
            detail: "OPENCLAW_GATEWAY_TOKEN is set while gateway.auth.token uses a different configured source. Direct local Gateway clients commonly prefer the env token, while the managed gateway service prefers gateway.auth.token. If the values differ, CLI/RPC calls can fail to authenticate with the running gateway.",
            at: context.config["gateway"]["auth"]["token"])]
    }
}
