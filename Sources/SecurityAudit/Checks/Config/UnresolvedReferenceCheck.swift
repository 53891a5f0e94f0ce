/// `config.env_var_unresolved` (ours): a config string that holds a `${VAR}` this
/// environment does not set. The original refuses such a config ("Missing env var …",
/// `src/config/env-substitution.ts`); we audit it anyway, because the audit often runs
/// outside the gateway's environment (a service EnvironmentFile, a container). The
/// value is then unknown: checks do not measure it (a 16-character `${GATEWAY_TOKEN}`
/// is not a short token) and do not treat it as missing. One finding per path.
struct UnresolvedReferenceCheck: Check {
    static let id = "config.env_var_unresolved"

    /// Credentials whose strength decides who can drive the gateway.
    static let credentialPaths: Set<String> = [
        "gateway.auth.token", "gateway.auth.password", "gateway.remote.token", "gateway.remote.password", "hooks.token",
    ]

    let infos = [
        CheckInfo(
            id: Self.id,
            title: "Config value depends on an unset environment variable",
            severity: .varies(default: .info, rule: "warn for a gateway or hooks token or password, info otherwise"),
            rationale: "A ${VAR} that the auditing environment does not set leaves the value unknown: the audit cannot say whether the gateway token is long, a placeholder or empty, and OpenClaw itself refuses to load the config when the variable is missing where it runs.",
            remediation: "Run the audit with the gateway's environment (the same .env or service EnvironmentFile), or set the variable.",
            triggers: [
                CheckExample(#"{ gateway: { auth: { ↓token: "${GATEWAY_TOKEN}" } } }"#, severity: .warn),
                CheckExample(#"{ models: { providers: { local: { ↓baseUrl: "${LLM_BASE}/v1" } } } }"#, severity: .info),
            ],
            passes: [
                CheckExample(#"{ gateway: { auth: { token: "${GATEWAY_TOKEN}" } } }"#, environment: ["GATEWAY_TOKEN": "0123456789abcdef0123456789"]),
                CheckExample(#"{ gateway: { auth: { token: "$${GATEWAY_TOKEN}" } } }"#),
                CheckExample(#"{ env: { vars: { LLM_BASE: "http://127.0.0.1:11434" } }, models: { providers: { local: { baseUrl: "${LLM_BASE}/v1" } } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        var order: [String] = []
        var byPath: [String: [MissingEnvironmentVariable]] = [:]
        for missing in context.configFile.missingEnvironmentVariables {
            if byPath[missing.configPath] == nil { order.append(missing.configPath) }
            byPath[missing.configPath, default: []].append(missing)
        }
        return order.map { path in
            let entries = byPath[path] ?? []
            let names = entries.map(\.name)
            let isCredential = Self.credentialPaths.contains(path)
            let subject = names.count == 1 ? "\(names[0]) is" : "\(names.joined(separator: ", ")) are"
            let consequence = isCredential
                ? "the secret the gateway will use is unknown here, so it was neither measured (length, placeholder) nor taken as missing."
                : "the value is unknown here, so checks that read it did not judge it."
            return Finding(
                checkId: Self.id, severity: isCredential ? .warn : .info, title: info(Self.id).title,
                detail: "\(path) uses \(names.map { "${\($0)}" }.joined(separator: ", ")), and \(subject) not set in this environment: \(consequence)",
                remediation: "Run the audit with the environment the gateway runs with (its .env or service EnvironmentFile), or set \(names.joined(separator: ", ")). OpenClaw refuses to start when a referenced variable is missing.",
                location: entries.first?.origin)
        }
    }
}
