/// `fs.session_transcripts.perms_readable` (ours): session transcripts readable by other
/// users. Upstream checks only `sessions.json` and leaves the transcripts, which hold the
/// conversations themselves, unchecked; transcripts written before 2026-02-16 were
/// created 644. Every agent directory on disk counts, configured or not.
struct SessionTranscriptPermissionsCheck: Check {
    static let id = "fs.session_transcripts.perms_readable"
    static let listedPaths = 10

    let infos = [
        CheckInfo(
            id: id,
            title: "Session transcripts are readable by others",
            severity: .varies(default: .warn, rule: "critical when a transcript is world-readable, else warn (group-readable)"),
            rationale: "Transcripts hold whole conversations, tool output and whatever was pasted into a chat, often secrets; other users should not read them.",
            remediation: "chmod 600 the listed transcripts (openclaw-security audit --fix does it).",
            fixable: true,
            triggers: [
                CheckExample("{}", severity: .critical, files: [.file("agents/main/sessions/abc.jsonl", "{}", mode: 0o644)], clearedByFix: true),
                CheckExample("{}", severity: .warn, files: [.file("agents/retired/sessions/old.jsonl", "{}", mode: 0o640)], clearedByFix: true),
                CheckExample("{}", files: [.file("agents/main/sessions/abc.jsonl.reset.2026-01-01T00-00-00.000Z", "{}", mode: 0o604)], clearedByFix: true),
                CheckExample("{}", files: [.file("../elsewhere.jsonl", "{}", mode: 0o644), .symlink("agents/main/sessions/linked.jsonl", to: "../elsewhere.jsonl")]),
            ],
            passes: [
                CheckExample("{}", files: [.file("agents/main/sessions/abc.jsonl", "{}", mode: 0o600)]),
                CheckExample("{}", files: [.file("agents/main/sessions/notes.txt", "", mode: 0o644)]),
                CheckExample("{}", files: [.file("agents/main/sessions/abc.jsonl", "{}", mode: 0o622)]),
                CheckExample("{}", files: [.directory("agents/main/sessions/dir.jsonl", mode: 0o755)]),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let exposed = context.files.sessionTranscripts.filter { $0.permissions.readableByOthers }
        guard !exposed.isEmpty else { return [] }
        let worldReadable = exposed.contains { $0.permissions.worldReadable }
        var lines = exposed.prefix(Self.listedPaths).map { "- \($0.permissions.detail($0.path))" }
        if exposed.count > Self.listedPaths { lines.append("- +\(exposed.count - Self.listedPaths) more") }
        let remediation: String
        if exposed.count == 1 {
            remediation = PathPermissions.remediation(exposed[0].path, directory: false)
        } else {
            let agentsDir = ShellWord.quote(PathNormalization.join(context.paths.stateDir, "agents"))
            remediation = "find \(agentsDir) -path '*/sessions/*.jsonl*' -type f -exec chmod 600 {} +"
        }
        return [finding(
            Self.id, worldReadable ? .critical : .warn,
            detail: "\(exposed.count) session transcript(s) can be read by \(worldReadable ? "every local user" : "their group"); transcripts hold whole conversations and tool output:\n" + lines.joined(separator: "\n"),
            remediation: .text(remediation)).reportingSymlinks(exposed.allSatisfy(\.permissions.isSymlink))]
    }
}

/// Quotes a word for a POSIX shell when it needs it, so a printed command can be pasted.
enum ShellWord {
    static func quote(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "_./:@%+=,-".unicodeScalars.contains($0)
        }
        if safe && !word.isEmpty { return word }
        var quoted = "'"
        for character in word {
            quoted += character == "'" ? #"'\''"# : String(character)
        }
        return quoted + "'"
    }
}
