import ArgumentParser
import SecurityAudit

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit config + local state for common security foot-guns",
        discussion: """
            Reads the OpenClaw state directory (~/.openclaw unless OPENCLAW_STATE_DIR, \
            --state-dir or --profile says otherwise) and its config (openclaw.json, JSON5 \
            with $include and ${VAR}), runs every check and prints the findings grouped \
            by severity.

            Exit status:
            \(AuditExitStatus.table)
            2 is returned for --deep and --fix while they are not implemented.
            """)

    @Flag(help: "Attempt live Gateway probe (best-effort).")
    var deep = false

    @Flag(help: "Apply safe fixes (tighten defaults + chmod state/config).")
    var fix = false

    @Flag(help: "Print the report as one JSON document on stdout (nothing else is printed there).")
    var json = false

    @OptionGroup(title: "Reports and CI gates")
    var reporting: ReportingOptions

    @Option(name: .customLong("state-dir"), help: ArgumentHelp(
        "The OpenClaw state directory to audit (same as OPENCLAW_STATE_DIR; the flag wins).",
        valueName: "path"))
    var stateDir: String?

    @Option(name: .customLong("config"), help: ArgumentHelp(
        "The config file to audit (same as OPENCLAW_CONFIG_PATH; the flag wins).",
        valueName: "path"))
    var configPath: String?

    @Option(help: ArgumentHelp(
        "Use the named profile: state in ~/.openclaw-<name> unless OPENCLAW_STATE_DIR is set.",
        valueName: "name"))
    var profile: String?

    @Flag(help: "Use the dev profile (same as --profile dev; gateway port 19001).")
    var dev = false

    @Flag(name: .customLong("no-color"), help: "Print without colours (same as NO_COLOR=1).")
    var noColor = false

    func validate() throws {
        if dev, let profile, profile != "dev" {
            throw ValidationError("Cannot combine --dev with --profile")
        }
        if let profile, !CLIProfile.isValidName(profile.trimmingCharactersInWhitespace) {
            throw ValidationError("Invalid --profile (use letters, numbers, \"_\", \"-\" only)")
        }
        _ = try reporting.resolvedFormat(json: json)
    }

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        var environment = ProcessEnvironment.current()
        if noColor { environment["NO_COLOR"] = "1" }
        let cwd = ProcessEnvironment.currentDirectory()
        let systemHome = ProcessEnvironment.passwordDatabaseHome()
        if let name = dev ? "dev" : profile {
            let home = PathResolver(environment: environment, cwd: cwd, systemHome: systemHome, exists: { _ in false }).homeDir()
            CLIProfile.apply(profile: name, to: &environment, homeDir: home)
        }
        if let stateDir { environment["OPENCLAW_STATE_DIR"] = stateDir }
        if let configPath { environment["OPENCLAW_CONFIG_PATH"] = configPath }

        if fix || deep {
            StandardStreams.error("openclaw security audit: \(fix ? "--fix" : "--deep") is not implemented yet")
            throw ExitCode(2)
        }

        let context: AuditContext
        do {
            context = try AuditPreparation.prepare(AuditRequest(
                environment: environment, cwd: cwd, systemHome: systemHome, deep: deep))
        } catch {
            StandardStreams.error("Config invalid\n\(error.description)")
            throw ExitCode(1)
        }
        for missing in context.configFile.missingEnvironmentVariables {
            StandardStreams.error("Config (\(context.paths.configPath)): missing env var \"\(missing.name)\" at \(missing.configPath) — feature using this value will be unavailable")
        }

        var report = Auditor.run(context, timestamp: ProcessEnvironment.epochMilliseconds())
        let elapsed = (clock.now - start).components
        report.durationSeconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        let format = try reporting.resolvedFormat(json: json)
        let colors = format == .text && ProcessEnvironment.stdoutIsTerminal()
            && (environment["FORCE_COLOR"].map { !$0.isEmpty && $0 != "0" } ?? (environment["NO_COLOR"] == nil))
        let status = try reporting.deliver(
            report, format: format, colors: colors, profile: environment["OPENCLAW_PROFILE"], workingDirectory: cwd)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
