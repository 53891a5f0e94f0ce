/// `secrets.transcripts` (ours, `--deep`): secrets in session transcripts, where tool
/// output and pasted text are logged verbatim (`cat .env`, `env`, a key pasted into a
/// chat). The scan reads every transcript in parallel at disk speed.
struct TranscriptSecretsCheck: Check {
    static let id = "secrets.transcripts"
    static let builder = SecretFindingBuilder(id: id, location: .transcript, placeDescription: "in session transcripts")

    static func transcript(_ text: String) -> String {
        #"{"type":"message","message":{"role":"toolResult","content":[{"type":"text","text":"\#(text)"}]}}"# + "\n"
    }

    let infos = [
        CheckInfo(
            id: id,
            title: "Secrets in session transcripts",
            severity: .varies(default: .warn, rule: "critical for a provider key or private key in a transcript other users can read, else warn"),
            rationale: "A key that appeared in a conversation or in tool output stays in the transcript for good, readable by anyone who gets the file; it must be rotated, not only deleted.",
            remediation: "Rotate the listed keys, then delete or redact the transcripts that hold them; keep logging.redactSensitive at \"tools\" and the transcripts at mode 600.",
            triggers: [
                CheckExample("{}", severity: .warn, files: [
                    .file("agents/main/sessions/a.jsonl", transcript("$ cat .env\\nOPENAI_API_KEY=\(SecretSamples.openAI())\\n")),
                ], deep: true),
                CheckExample("{}", severity: .critical, files: [
                    .file("agents/retired/sessions/b.jsonl", transcript("deploy key:\\n\(SecretSamples.privateKey(lineBreak: "\\n"))"), mode: 0o644),
                ], deep: true),
                CheckExample("{}", files: [
                    .file("agents/main/sessions/c.jsonl.reset.2026-01-01T00-00-00.000Z", transcript("token \(SecretSamples.gitHub())")),
                ], deep: true),
            ],
            passes: [
                CheckExample("{}", files: [
                    .file("agents/main/sessions/a.jsonl", transcript("$ cat .env\\nOPENAI_API_KEY=\(SecretSamples.openAI())\\n")),
                ]),
                CheckExample("{}", files: [
                    .file("agents/main/sessions/a.jsonl", transcript("OPENAI_API_KEY=sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx, AKIAIOSFODNN7EXAMPLE")),
                ], deep: true),
                CheckExample("{}", files: [
                    .file("agents/main/sessions/notes.txt", "OPENAI_API_KEY=\(SecretSamples.openAI())\n"),
                ], deep: true),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        guard context.secrets.transcriptsScanned else { return [] }
        let builder = Self.builder
        return builder.groups(in: context.secrets).map { group in
            finding(
                Self.id, builder.severity(group),
                title: "\(group.kind.name) in session transcripts",
                detail: builder.detail(group))
        }
    }
}
