import ArgumentParser
import SecurityAudit

/// `openclaw-security scan-secrets PATH…`: the audit's secret scanner over any files,
/// for a transcript archive, a log folder or a repository.
struct ScanSecretsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan-secrets",
        abstract: "Scan files and directories for API keys, tokens and private keys",
        discussion: """
            Uses the detectors of `openclaw-security audit` (OpenAI, Anthropic, Slack, \
            Telegram, Discord, GitHub, AWS, Google API keys, private key blocks, and \
            key/token/secret/password assignments with a random-looking value; \
            placeholders are ignored). Directories are walked without following \
            symlinks. A SQLite database (OpenClaw's state/openclaw.sqlite, an agent's \
            openclaw-agent.sqlite) is read row by row, the rows still in its \
            write-ahead log included, without changing it or creating files beside it; \
            a secret is then named by table, column and rowid. Secrets are printed \
            redacted: at most the first 4 and last 2 characters.

            Exit status: 0 when nothing was found, 3 when a secret was found, 1 when a \
            path could not be read, 64 for bad usage.
            """)

    @Argument(help: "Files or directories to scan.")
    var paths: [String]

    @Flag(help: "Print one JSON document: findings with file, line, detector, redacted value.")
    var json = false

    @Option(help: "Worker threads (default: one per processor).")
    var jobs: Int?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Name at least one file or directory") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let outcome = SecretScanSession(paths: paths, workers: jobs).run()
        StandardStreams.output(json ? SecretScanReport.json(outcome) : SecretScanReport.text(outcome))
        if !json { SecretScanReport.unreadableLines(outcome).forEach(StandardStreams.error) }
        if outcome.exitStatus != .success { throw ExitCode(outcome.exitStatus.rawValue) }
    }
}
