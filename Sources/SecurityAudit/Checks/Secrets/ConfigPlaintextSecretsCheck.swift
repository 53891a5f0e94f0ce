/// `secrets.config_plaintext` (ours): API keys, tokens and private keys written as plain
/// text in `openclaw.json` or an `$include` file, including the config's `env` block
/// (named as written: `env.X` or `env.vars.X`). Upstream only checks
/// `gateway.auth.password` and `hooks.token` (`config.secrets.*` in
/// `src/security/audit.ts`); what those report is left to them, so one value is never
/// reported twice.
struct ConfigPlaintextSecretsCheck: Check {
    static let id = "secrets.config_plaintext"
    static let builder = SecretFindingBuilder(id: id, location: .config, placeDescription: "stored in plaintext in the config")

    let infos = [
        CheckInfo(
            id: id,
            title: "Plaintext secret in the config",
            severity: .varies(default: .warn, rule: "critical for a provider key or private key in a config file other users can read, else warn"),
            rationale: "A key in the config travels with every copy, backup and screenshot of it; an environment reference or SecretRef keeps the value out of the file.",
            remediation: "Move the value to the state dir's .env (mode 600) or the gateway's environment and write \"${NAME}\" in its place, or use a SecretRef; rotate it if the file was ever shared or readable by others.",
            triggers: [
                CheckExample(#"{ models: { providers: { openai: { ↓apiKey: "\#(SecretSamples.openAI())" } } } }"#, severity: .warn),
                CheckExample(#"{ channels: { telegram: { ↓botToken: "\#(SecretSamples.telegram())" } } }"#, severity: .critical,
                             files: [.chmod("openclaw.json", 0o644)]),
                CheckExample(#"{ gateway: { auth: { ↓token: "\#(SecretSamples.password())" } } }"#, severity: .warn,
                             files: [.chmod("openclaw.json", 0o644)]),
                CheckExample(#"{ "$include": "./channels.json5" }"#,
                             files: [.file("channels.json5", #"{ channels: { slack: { ↓botToken: "\#(SecretSamples.slackBot())" } } }"#)]),
                CheckExample(#"{ hooks: { enabled: false, ↓token: "\#(SecretSamples.password())" } }"#),
                CheckExample("{ // old key: \(SecretSamples.anthropic())\n}"),
                CheckExample(#"{ env: { vars: { ↓GOOGLE_API_KEY: "\#(SecretSamples.googleAPIKey())" } } }"#),
                CheckExample(#"{ env: { vars: { ↓OPENAI_API_KEY: "\#(SecretSamples.openAI())" } } }"#),
                CheckExample(#"{ env: { ↓OPENAI_API_KEY: "\#(SecretSamples.openAI())" } }"#),
            ],
            passes: [
                CheckExample(#"{ models: { providers: { openai: { apiKey: "${OPENAI_API_KEY}" } } } }"#,
                             environment: ["OPENAI_API_KEY": SecretSamples.openAI()]),
                CheckExample(#"{ models: { providers: { openai: { apiKey: { source: "env", id: "OPENAI_API_KEY" } } } } }"#),
                CheckExample(#"{ models: { providers: { openai: { apiKey: "sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" } } } }"#),
                CheckExample(#"{ gateway: { auth: { mode: "password", password: "\#(SecretSamples.password())" } } }"#),
                CheckExample(#"{ hooks: { enabled: true, token: "\#(SecretSamples.password())" } }"#),
                CheckExample(#"{ env: { vars: { OPENAI_API_KEY: "${OPENAI_API_KEY}" } } }"#,
                             environment: ["OPENAI_API_KEY": SecretSamples.openAI()]),
                CheckExample(#"{ agents: { defaults: { model: "openai/gpt-5.2" } }, session: { dmScope: "per-channel-peer" } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let hooksEnabled = context.config["hooks"]["enabled"].bool == true
        let builder = Self.builder
        return builder.groups(in: context.secrets) { hit in
            // Left to the config.secrets.* ids that report the same value.
            guard let keyPath = hit.keyPath else { return false }
            return keyPath == "gateway.auth.password" || (hooksEnabled && keyPath == "hooks.token")
        }.map { group in
            finding(
                Self.id, builder.severity(group),
                title: "\(group.kind.name) stored in plaintext in the config",
                detail: builder.detail(group),
                origin: group.hits.first?.origin)
        }
    }
}
