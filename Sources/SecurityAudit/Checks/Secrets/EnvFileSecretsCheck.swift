/// `secrets.env_file` (ours): secrets in the state dir's `.env`. That file is where
/// upstream tells users to keep keys, so a private `.env` is reported for information
/// only; one that other users can read is a leak.
struct EnvFileSecretsCheck: Check {
    static let id = "secrets.env_file"
    static let builder = SecretFindingBuilder(id: id, location: .envFile, placeDescription: "in the state dir .env")

    let infos = [
        CheckInfo(
            id: id,
            title: "Secrets in the state dir .env",
            severity: .varies(default: .info, rule: "critical for a provider key or private key when other users can read the .env, warn for other secrets then, info when the file is private"),
            rationale: "The .env is the intended home of keys, so what matters is who can read it; the listing says which keys it holds.",
            remediation: "chmod 600 the .env, then rotate the keys it holds if other users could read them.",
            fixable: false,
            triggers: [
                CheckExample("{}", severity: .info, files: [.file(".env", "OPENAI_API_KEY=\(SecretSamples.openAI())\n", mode: 0o600)]),
                CheckExample("{}", severity: .critical, files: [.file(".env", "TELEGRAM_BOT_TOKEN=\(SecretSamples.telegram())\n", mode: 0o644)]),
                CheckExample("{}", severity: .warn, files: [.file(".env", "export DB_PASSWORD='\(SecretSamples.password())'\n", mode: 0o640)]),
            ],
            passes: [
                CheckExample("{}", files: [.file(".env", "OPENAI_API_KEY=sk-your-api-key-here\nPORT=18789\n", mode: 0o644)]),
                CheckExample("{}", files: [.file(".env", "GITHUB_TOKEN=${GH_TOKEN}\nPASSWORD=changeme\n", mode: 0o644)]),
                CheckExample("{}", files: [.file("../work/.env", "OPENAI_API_KEY=\(SecretSamples.openAI())\n", mode: 0o644)]),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let builder = Self.builder
        return builder.groups(in: context.secrets).map { group in
            let path = group.hits.first?.path ?? PathNormalization.join(context.paths.stateDir, ".env")
            if group.exposed == 0 {
                return Finding(
                    checkId: Self.id, severity: .info,
                    title: "\(group.kind.name) in the state dir .env",
                    detail: builder.detail(group, note: "the file is private, as it should be"))
            }
            return Finding(
                checkId: Self.id, severity: group.kind.isCredentialFormat ? .critical : .warn,
                title: "\(group.kind.name) in a .env other users can read",
                detail: builder.detail(group),
                remediation: "chmod 600 \(ShellWord.quote(path)), then rotate the keys it holds: other users could read them.")
        }
    }
}
