/// `secrets.config_url_credentials` (ours): a URL in the config carries its credentials
/// (`models.proxy: "http://user:pass@host:8081"`, a provider `baseUrl` with
/// `admin:secret@`, `env.vars.DATABASE_URL: "postgresql://app:pw@db/app"`). The secret
/// scan looks for key formats and `name = random-value` assignments, so a short or
/// human password inside a URL passes it; the userinfo syntax alone marks a credential.
/// Read from the config as written (after `$include`, before `${VAR}`): a password that
/// is a `${VAR}` reference is not stored in the file.
struct URLCredentialsCheck: Check {
    static let id = "secrets.config_url_credentials"

    let infos = [
        CheckInfo(
            id: Self.id,
            title: "Credentials inside a URL in the config",
            severity: .fixed(.warn),
            rationale: "A user name and password in a URL travel with every copy of the config and are printed wherever the URL is logged (proxy errors, provider errors, status output).",
            remediation: "Keep the password out of the URL: write the URL with ${VAR} for the credential (or the whole URL from the environment), and rotate the password if the file was ever shared.",
            triggers: [
                CheckExample(#"{ models: { ↓proxy: "http://user:pass@host:8081" } }"#),
                CheckExample(#"{ models: { providers: { internal: { ↓baseUrl: "https://admin:secret@llm.internal/v1", api: "openai-completions" } } } }"#),
                CheckExample(#"{ env: { vars: { ↓DATABASE_URL: "postgresql://app:pw@db:5432/app" } } }"#),
                CheckExample(#"{ "$include": "./env.json5" }"#, files: [.file("env.json5", #"{ env: { ↓REDIS_URL: "redis://:hunter2@cache:6379/0" } }"#)]),
            ],
            passes: [
                CheckExample(#"{ models: { proxy: "http://proxy.internal:8081" } }"#),
                CheckExample(#"{ env: { vars: { DATABASE_URL: "postgresql://app:${DB_PASSWORD}@db:5432/app" } } }"#),
                CheckExample(#"{ env: { vars: { DATABASE_URL: "${DATABASE_URL}" } } }"#, environment: ["DATABASE_URL": "postgresql://app:pw@db/app"]),
                CheckExample(#"{ channels: { matrix: { homeserver: "https://matrix.org", userId: "@bot:matrix.org" } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        var out: [Finding] = []
        ConfigTreeWalk.strings(in: context.configFile.sourceRoot) { path, node, text in
            guard text.contains("://") else { return }
            let found = URLCredentials.find(in: text).filter { !$0.isReference }
            guard !found.isEmpty else { return }
            let what = found.contains { !$0.password.isEmpty } ? "a user name and password" : "a token as user name"
            out.append(finding(
                Self.id, .warn,
                detail: "\(path) holds a URL with \(what): \(found.map(\.redacted).joined(separator: ", ")).", at: node))
        }
        return out
    }
}
