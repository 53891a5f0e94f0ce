import ArgumentParser
import SecurityAudit

@main
struct OpenClawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openclaw",
        abstract: "OpenClaw security tools: audit an OpenClaw installation for dangerous settings.",
        version: SecurityAuditVersion.current,
        subcommands: [SecurityCommand.self])
}

struct SecurityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "security",
        abstract: "Audit local config and state for common security foot-guns",
        discussion: """
            Examples:
              openclaw security audit
              openclaw security audit --deep
              openclaw security audit --fix
              openclaw security audit --json | jq '.summary'
              openclaw security audit --format sarif --output openclaw.sarif --fail-on critical
              openclaw security checks
              openclaw security explain gateway.bind_no_auth

            Docs: docs.openclaw.ai/cli/security
            """,
        subcommands: [AuditCommand.self, ChecksCommand.self, ExplainCommand.self, ScanSecretsCommand.self])
}
