import ArgumentParser
import SecurityAudit

/// `openclaw-security`: its own name, so that installing it never shadows OpenClaw's
/// `openclaw` CLI. The subcommands stand alone (`openclaw-security audit`), where upstream
/// nests them (`openclaw security audit`, upstream `src/cli/security-cli.ts`).
@main
struct OpenClawSecurityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openclaw-security",
        abstract: "Audit an OpenClaw installation's config and state for dangerous settings.",
        discussion: """
            Examples:
              openclaw-security audit
              openclaw-security audit --deep
              openclaw-security audit --fix
              openclaw-security audit --json | jq '.summary'
              openclaw-security audit --format sarif --output openclaw.sarif --fail-on critical
              openclaw-security checks
              openclaw-security explain gateway.bind_no_auth
              openclaw-security advisories --openclaw-version 2026.2.19

            Upstream's documentation of the audit: docs.openclaw.ai/cli/security
            """,
        version: SecurityAuditVersion.current,
        subcommands: [AuditCommand.self, ChecksCommand.self, ExplainCommand.self, ScanSecretsCommand.self, AdvisoriesCommand.self])
}
