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

            --fix changes only the values it fixes, in the file where each is written \
            (comments, formatting, ${VAR} and $include survive), replaces files \
            atomically keeping a .bak copy, and never follows a symbolic link. \
            --fix --dry-run shows the diff and the chmods without changing anything.

            Exit status: 0 when the audit ran, whatever it found; 1 when the config \
            cannot be read or parsed (the error names FILE:LINE:COL), or when --fix \
            could not apply a fix (the report is still printed); 2 for --deep, which \
            is not implemented yet; 64 for bad usage.
            """)

    @Flag(help: "Attempt live Gateway probe (best-effort).")
    var deep = false

    @Flag(help: "Apply safe fixes (tighten defaults + chmod state/config).")
    var fix = false

    @Flag(name: .customLong("dry-run"), help: "With --fix: show what would change (config diff, chmods) and change nothing.")
    var dryRun = false

    @Flag(help: "Print the report as one JSON document on stdout (nothing else is printed there).")
    var json = false

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
        if dryRun && !fix {
            throw ValidationError("--dry-run only applies to --fix")
        }
        if dev, let profile, profile != "dev" {
            throw ValidationError("Cannot combine --dev with --profile")
        }
        if let profile, !CLIProfile.isValidName(profile.trimmingCharactersInWhitespace) {
            throw ValidationError("Invalid --profile (use letters, numbers, \"_\", \"-\" only)")
        }
    }

    func run() throws {
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

        if deep {
            StandardStreams.error("openclaw security audit: --deep is not implemented yet")
            throw ExitCode(2)
        }

        let request = AuditRequest(environment: environment, cwd: cwd, systemHome: systemHome, deep: deep)
        if fix {
            try runFix(request, environment: environment)
            return
        }

        let context: AuditContext
        do {
            context = try AuditPreparation.prepare(request)
        } catch {
            StandardStreams.error("Config invalid\n\(error.description)")
            throw ExitCode(1)
        }
        warnAboutMissingVariables(context)

        let report = Auditor.run(context, timestamp: ProcessEnvironment.epochMilliseconds())
        let format: ReportFormat = json ? .json : .text
        StandardStreams.output(format.reporter(colors: useColors(environment), profile: environment["OPENCLAW_PROFILE"]).render(report))
    }

    /// Fixes first, then audits the fixed state: `{fix, report}` with --json, the report
    /// with its FIX block otherwise. A config that does not load still gets the chmods,
    /// and is audited as empty (the error goes to stderr, the exit status is 1).
    private func runFix(_ request: AuditRequest, environment: [String: String]) throws {
        let result = SecurityFixer.run(request, dryRun: dryRun)
        let (context, configError) = AuditPreparation.prepareAfterFix(request)
        if let configError {
            StandardStreams.error("Config invalid\n\(configError.description)")
        }
        warnAboutMissingVariables(context)
        let report = Auditor.run(context, timestamp: ProcessEnvironment.epochMilliseconds())
        if json {
            StandardStreams.output(FixJSONDocument.render(fix: result, report: report))
        } else {
            let block = FixTextBlock(result: result, homeDir: context.paths.homeDir, environment: environment)
            StandardStreams.output(TextReporter(
                colors: useColors(environment), profile: environment["OPENCLAW_PROFILE"], fixBlock: block
            ).render(report))
        }
        if configError != nil || !result.ok || result.actions.contains(where: { $0.error != nil }) {
            throw ExitCode(1)
        }
    }

    private func warnAboutMissingVariables(_ context: AuditContext) {
        for missing in context.configFile.missingEnvironmentVariables {
            StandardStreams.error("Config (\(context.paths.configPath)): missing env var \"\(missing.name)\" at \(missing.configPath) — feature using this value will be unavailable")
        }
    }

    private func useColors(_ environment: [String: String]) -> Bool {
        !json && ProcessEnvironment.stdoutIsTerminal()
            && (environment["FORCE_COLOR"].map { !$0.isEmpty && $0 != "0" } ?? (environment["NO_COLOR"] == nil))
    }
}
