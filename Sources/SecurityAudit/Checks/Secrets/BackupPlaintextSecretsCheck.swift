/// `secrets.backup_plaintext` (ours): secrets in `openclaw.json.bak*`, the copies
/// upstream leaves beside the config whenever it rewrites it. A key moved out of the
/// config, or rotated, lives on in them, often with the looser mode of an older file.
struct BackupPlaintextSecretsCheck: Check {
    static let id = "secrets.backup_plaintext"
    static let builder = SecretFindingBuilder(id: id, location: .backup, placeDescription: "in config backups")

    let infos = [
        CheckInfo(
            id: id,
            title: "Plaintext secret in a config backup",
            severity: .varies(default: .warn, rule: "critical for a provider key or private key in a backup other users can read, else warn"),
            rationale: "Backups keep every value the config ever held, including keys already moved to the environment or rotated out, and nobody looks at them.",
            remediation: "Delete the backups you no longer need, chmod 600 the rest, and rotate keys that other users could read.",
            triggers: [
                CheckExample("{}", severity: .warn, files: [
                    .file("openclaw.json.bak", #"{ models: { providers: { anthropic: { apiKey: "\#(SecretSamples.anthropic())" } } } }"#),
                ]),
                CheckExample("{}", severity: .critical, files: [
                    .file("openclaw.json.bak.3", #"{ channels: { discord: { token: "\#(SecretSamples.discord())" } } }"#, mode: 0o644),
                ]),
                CheckExample("{}", severity: .warn, files: [
                    .file("openclaw.json.bak.1", #"{ env: { vars: { DB_PASSWORD: "\#(SecretSamples.password())" } } }"#, mode: 0o644),
                ]),
            ],
            passes: [
                CheckExample("{}", files: [.file("openclaw.json.bak", #"{ models: { providers: { openai: { apiKey: "${OPENAI_API_KEY}" } } } }"#)]),
                CheckExample("{}", files: [.file("openclaw.json.bak", #"{ gateway: { auth: { token: "changeme" } } }"#)]),
                CheckExample("{}", files: [.file("notes.bak", #"{ apiKey: "\#(SecretSamples.openAI())" }"#)]),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let builder = Self.builder
        return builder.groups(in: context.secrets).map { group in
            let paths = SecretFindingBuilder.paths(group.hits).map(ShellWord.quote)
            return Finding(
                checkId: Self.id, severity: builder.severity(group),
                title: "\(group.kind.name) in a config backup",
                detail: builder.detail(group),
                remediation: "Delete the backups you no longer need (rm \(paths.joined(separator: " "))) or chmod 600 them; rotate keys that other users could read.")
        }
    }
}
