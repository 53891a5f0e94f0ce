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
                CheckExample(#"{ gateway: { auth: { mode: "password", password: "hunter2-but-longer" } } }"#),
                CheckExample(#"{ gateway: { auth: { password: "${lowercase_is_not_a_reference" } } }"#),
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
            triggers: [CheckExample(#"{ hooks: { enabled: true, token: "shared-gateway-token-1234567890" } }"#)],
            passes: [
                CheckExample(#"{ hooks: { enabled: false, token: "shared-gateway-token-1234567890" } }"#),
                CheckExample(#"{ hooks: { enabled: true, token: "${HOOKS_TOKEN}" } }"#, environment: ["HOOKS_TOKEN": "from-the-environment"]),
            ]),
        CheckInfo(
            id: "config.secrets.api_key_in_env_vars",
            title: "API key stored in config env var \"<key>\"",
            severity: .fixed(.warn),
            rationale: "The config's env block hands variables to the gateway process; a provider key written there sits in plain text in openclaw.json, its backups and its syncs.",
            remediation: "Move the key out of openclaw.json and load it from the process environment, ~/.openclaw/.env or a secrets manager.",
            triggers: [
                CheckExample(#"{ env: { vars: { OPENAI_API_KEY: "sk-test-key-openai-fake" } } }"#),
                CheckExample(#"{ env: { GITHUB_TOKEN: " ghp_TEST_FAKE_TOKEN " } }"#),
                CheckExample(#"{ env: { vars: { AWS_ACCESS_KEY_ID: "AKIA_TEST_FAKE_KEY" } } }"#),
            ],
            passes: [
                CheckExample(#"{ env: { vars: { OPENAI_API_KEY: "${OPENAI_API_KEY}", EMPTY: "", OTHER: "not-a-secret-value" } } }"#),
                CheckExample(#"{ env: { vars: { OPENAI_API_KEY: "${OPENAI_API_KEY}" } } }"#, environment: ["OPENAI_API_KEY": "sk-from-the-environment"]),
                CheckExample(#"{ env: { vars: { LOWERCASE: "akia-not-an-aws-key", SLACK: "XOXB-upper" }, shellEnv: { key: "sk-ignored" } } }"#),
            ]),
    ]

    /// Prefixes of provider keys that are never anything but a secret (case-sensitive).
    static let apiKeyPrefixes = ["sk-", "xoxb-", "xapp-", "ghp_", "AKIA"]

    func findings(in context: AuditContext) -> [Finding] {
        var out: [Finding] = []
        let password = context.config["gateway"]["auth"]["password"]
        if isPlaintextSecret(password, path: "gateway.auth.password", context: context) {
            out.append(finding(
                "config.secrets.gateway_password_in_config", .warn,
                detail: "gateway.auth.password is set in the config file; prefer environment variables for secrets when possible.",
                remediation: "Prefer OPENCLAW_GATEWAY_PASSWORD (env) and remove gateway.auth.password from disk.",
                at: password))
        }
        let hooks = context.config["hooks"]
        if hooks["enabled"].bool == true, isPlaintextSecret(hooks["token"], path: "hooks.token", context: context) {
            out.append(finding(
                "config.secrets.hooks_token_in_config", .info,
                detail: "hooks.token is set in the config file; keep config perms tight and treat it like an API secret.",
                at: hooks["token"]))
        }
        for variable in Self.envBlockStrings(context.config) {
            let key = variable.key
            let text = variable.node.string?.trimmingWhitespace ?? ""
            if text.hasPrefix("${") && text.hasSuffix("}") { continue }
            // Written as a `${VAR}` reference: the loader substituted the key, the file does not hold it.
            if context.configFile.templatedPaths.contains(variable.path) { continue }
            guard Self.apiKeyPrefixes.contains(where: text.hasPrefix) else { continue }
            out.append(finding(
                "config.secrets.api_key_in_env_vars", .warn,
                title: "API key stored in config env var \"\(key)\"",
                detail: "env.vars.\(key) looks like a plaintext API key; prefer storing secrets in ~/.openclaw/.env or using SecretRefs instead of openclaw.json.",
                remediation: "Move \(key) out of openclaw.json and load it from the process environment or a secrets manager.",
                at: variable.node))
        }
        return out
    }

    /// String values of `env.vars.*`, then of `env.*` (not `vars` or `shellEnv`), in
    /// config order, with their config paths.
    static func envBlockStrings(_ config: ConfigNode) -> [(key: String, node: ConfigNode, path: String)] {
        let env = config["env"]
        guard env.object != nil else { return [] }
        var out: [(key: String, node: ConfigNode, path: String)] = []
        for (key, value) in env["vars"].object?.entries ?? [] where value.string != nil {
            out.append((key, value, "env.vars.\(key)"))
        }
        for (key, value) in env.object?.entries ?? [] where key != "vars" && key != "shellEnv" && value.string != nil {
            out.append((key, value, "env.\(key)"))
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
