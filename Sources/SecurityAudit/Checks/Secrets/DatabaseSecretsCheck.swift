/// `secrets.databases` (ours, `--deep`): secrets in the rows of OpenClaw's SQLite stores.
/// Since 2026.7.2 every session and transcript lives in the agent databases, so tool
/// output and pasted text land there, beside auth profiles and OAuth tokens; a row the
/// gateway wrote a moment ago may still be only in the write-ahead log, which is read
/// too. Every table and column is read: the schema changes from release to release.
struct DatabaseSecretsCheck: Check {
    static let id = "secrets.databases"
    static let builder = SecretFindingBuilder(id: id, location: .database, placeDescription: "in OpenClaw's SQLite databases")
    static let agentDatabase = "agents/main/agent/openclaw-agent.sqlite"

    /// A transcript row as the agent database stores it (the schema is an example: the
    /// scan does not depend on it).
    static func transcriptRow(_ text: String) -> [String] {
        [
            "CREATE TABLE transcript_events (session_id TEXT NOT NULL, seq INTEGER NOT NULL, event_json TEXT NOT NULL)",
            "INSERT INTO transcript_events VALUES ('s1', 1, '{\"type\":\"message\",\"text\":\"\(text)\"}')",
        ]
    }

    let infos = [
        CheckInfo(
            id: id,
            title: "Secrets in OpenClaw's SQLite databases",
            severity: .varies(default: .warn, rule: "critical for a provider key or private key in a database other users can read, else warn"),
            rationale: "A key that appeared in a conversation or tool output stays in the agent database's transcript rows (and in its write-ahead log until the next checkpoint), readable by anyone who gets the file or a backup of it; it must be rotated, not only deleted.",
            remediation: "Rotate the listed keys, then delete the sessions that hold them and keep the databases at mode 600; keep logging.redactSensitive at \"tools\".",
            triggers: [
                CheckExample("{}", severity: .warn, files: [
                    .sqliteDatabase(agentDatabase, transcriptRow("$ cat .env\\nOPENAI_API_KEY=\(SecretSamples.openAI())")),
                ], deep: true),
                CheckExample("{}", severity: .critical, files: [
                    .sqliteDatabase("state/openclaw.sqlite", [
                        "CREATE TABLE mcp_oauth_stores (server TEXT PRIMARY KEY, tokens_json TEXT) WITHOUT ROWID",
                        "INSERT INTO mcp_oauth_stores VALUES ('github', '{\"access_token\":\"\(SecretSamples.gitHub())\"}')",
                    ], mode: 0o644),
                ], deep: true),
                CheckExample("{}", files: [
                    .sqliteDatabase(agentDatabase, [transcriptRow("hello")[0]], inLog: [transcriptRow("token \(SecretSamples.gitHub())")[1]]),
                ], deep: true),
            ],
            passes: [
                CheckExample("{}", files: [
                    .sqliteDatabase(agentDatabase, transcriptRow("OPENAI_API_KEY=\(SecretSamples.openAI())")),
                ]),
                CheckExample("{}", files: [
                    .sqliteDatabase(agentDatabase, transcriptRow("OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")),
                ], deep: true),
                CheckExample("{}", files: [
                    .sqliteDatabase("agents/main/agent/notes.sqlite", transcriptRow("OPENAI_API_KEY=\(SecretSamples.openAI())")),
                ], deep: true),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        guard context.secrets.databasesScanned else { return [] }
        let builder = Self.builder
        return builder.groups(in: context.secrets).map { group in
            finding(
                Self.id, builder.severity(group),
                title: "\(group.kind.name) in OpenClaw's SQLite databases",
                detail: builder.detail(group))
        }
    }
}
