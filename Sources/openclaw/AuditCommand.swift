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

            With --deep it also probes the running gateway over its WebSocket (as a \
            read-only operator) and scans the code of installed plugins and skills, \
            both within one time budget (--timeout). A deep part that fails or runs out \
            of time is reported as a finding, and the JSON then has "complete": false.

            Exit status: 0 when the audit ran, whatever it found; 1 when the config \
            cannot be read or parsed (the error names FILE:LINE:COL) or when --deep \
            would have to send credentials over plaintext ws:// to a remote host; 2 for \
            --fix, which is not implemented yet; 64 for bad usage.
            """)

    @Flag(help: "Attempt live Gateway probe (best-effort) and scan plugin and skill code.")
    var deep = false

    @Option(help: ArgumentHelp(
        "Use explicit gateway token for deep probe auth (only with --deep; never written anywhere).",
        valueName: "token"))
    var token: String?

    @Option(help: ArgumentHelp(
        "Use explicit gateway password for deep probe auth (only with --deep; never written anywhere).",
        valueName: "password"))
    var password: String?

    @Option(help: ArgumentHelp(
        "Time budget of the --deep probe and code scan, in milliseconds (at least 250).",
        valueName: "ms"))
    var timeout: Int = 5000

    @Flag(help: "Apply safe fixes (tighten defaults + chmod state/config).")
    var fix = false

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

        if fix {
            StandardStreams.error("openclaw security audit: --fix is not implemented yet")
            throw ExitCode(2)
        }

        var context: AuditContext
        let request = AuditRequest(environment: environment, cwd: cwd, systemHome: systemHome, deep: deep)
        do {
            context = try AuditPreparation.prepare(request)
        } catch {
            StandardStreams.error("Config invalid\n\(error.description)")
            throw ExitCode(1)
        }
        for missing in context.configFile.missingEnvironmentVariables {
            StandardStreams.error("Config (\(context.paths.configPath)): missing env var \"\(missing.name)\" at \(missing.configPath) — feature using this value will be unavailable")
        }

        if deep {
            context = try runDeepCollectors(context, request: request)
        }

        let report = Auditor.run(context, timestamp: ProcessEnvironment.epochMilliseconds())
        let format: ReportFormat = json ? .json : .text
        let colors = !json && ProcessEnvironment.stdoutIsTerminal()
            && (environment["FORCE_COLOR"].map { !$0.isEmpty && $0 != "0" } ?? (environment["NO_COLOR"] == nil))
        StandardStreams.output(format.reporter(colors: colors, profile: environment["OPENCLAW_PROFILE"]).render(report))
    }

    /// The probe and code scan, with a progress line on stderr when it is a terminal.
    func runDeepCollectors(_ context: AuditContext, request: AuditRequest) throws -> AuditContext {
        let showProgress = ProcessEnvironment.stderrIsTerminal()
        let progress: @Sendable (Int, Int) -> Void = { scanned, total in
            guard total > 0 else { return }
            StandardStreams.errorFragment("\r\u{1B}[2KScanning plugin and skill code: \(scanned)/\(total) files")
        }
        let options = DeepAuditOptions(
            credentials: GatewayProbeCredentials(token: token, password: password),
            timeoutMilliseconds: timeout,
            progress: showProgress ? progress : nil)
        if showProgress { StandardStreams.errorFragment("Probing the gateway and scanning plugin and skill code…") }
        let result = Result { () throws(GatewayTarget.PlaintextRemoteError) -> AuditContext in
            try DeepAudit.collect(into: context, request: request, options: options)
        }
        if showProgress { StandardStreams.errorFragment("\r\u{1B}[2K") }
        switch result {
        case .success(let collected):
            return collected
        case .failure(let error):
            StandardStreams.error(error.description)
            throw ExitCode(1)
        }
    }
}
