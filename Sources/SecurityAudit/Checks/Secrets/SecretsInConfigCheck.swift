/// `config.secrets.*`: secrets written into the config file in plain text. Values that
/// name a secret instead of holding it (`${VAR}` references, SecretRef objects) are
/// fine, even when the loader has already substituted the variable.
struct SecretsInConfigCheck: Check {
    let infos = [
        CheckInfo(
            id: "config.secrets.gateway_password_in_config",
            title: "Gateway password is stored in config",
            severity: .fixed(.warn),
            rationale: "A plaintext gateway password in openclaw.json travels with every backup, sync and screen share of the file.",
            remediation: "Prefer OPENCLAW_GATEWAY_PASSWORD (env) and remove gateway.auth.password from disk.",
            triggers: [
                CheckExample(#"{ gateway: { auth: { mode: "password", ↓password: "hunter2-but-longer" } } }"#),
                CheckExample(#"{ gateway: { auth: { ↓password: "${lowercase_is_not_a_reference" } } }"#),
            ],
            passes: [
                CheckExample(#"{ gateway: { auth: { password: "${GATEWAY_PASSWORD}" } } }"#),
                CheckExample(#"{ gateway: { auth: { password: "${GATEWAY_PASSWORD}" } } }"#, environment: ["GATEWAY_PASSWORD": "from-the-environment"]),
                CheckExample(#"{ gateway: { auth: { password: { source: "env", provider: "default", id: "GW_PASSWORD" } } } }"#),
                CheckExample(#"{ gateway: { auth: { password: "   " } } }"#),
            ]),
        CheckInfo(
            id: "config.secrets.hooks_token_in_config",
            title: "Hooks token is stored in config",
            severity: .fixed(.info),
            rationale: "The hooks token authenticates webhook senders; in the config file it is only as private as the file's permissions.",
            remediation: "Keep config perms tight and treat hooks.token like an API secret.",
            triggers: [CheckExample(#"{ hooks: { enabled: true, ↓token: "shared-gateway-token-1234567890" } }"#)],
            passes: [
                CheckExample(#"{ hooks: { enabled: false, token: "shared-gateway-token-1234567890" } }"#),
                CheckExample(#"{ hooks: { enabled: true, token: "${HOOKS_TOKEN}" } }"#, environment: ["HOOKS_TOKEN": "from-the-environment"]),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        var out: [Finding] = []
        let password = context.config["gateway"]["auth"]["password"]
        if isPlaintextSecret(password, path: "gateway.auth.password", context: context) {
            out.append(finding(
                "config.secrets.gateway_password_in_config", .warn,
                detail: "gateway.auth.password is set in the config file; prefer environment variables for secrets when possible.",
                at: password))
        }
        let hooks = context.config["hooks"]
        if hooks["enabled"].bool == true, isPlaintextSecret(hooks["token"], path: "hooks.token", context: context) {
            out.append(finding(
                "config.secrets.hooks_token_in_config", .info,
                detail: "hooks.token is set in the config file; keep config perms tight and treat it like an API secret.", remediation: .none,
                at: hooks["token"]))
        }
        return out
    }

    /// A non-blank string that neither looks like `${...}` nor was written as a `${VAR}`
    /// reference the loader substituted.
    private func isPlaintextSecret(_ node: ConfigNode?, path: String, context: AuditContext) -> Bool {
        guard let value = node?.string?.trimmingWhitespace, !value.isEmpty else { return false }
        if value.hasPrefix("${") && value.hasSuffix("}") { return false }
        return !context.configFile.templatedPaths.contains(path)
    }
}
