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
            read-only operator), scans the code of installed plugins and skills, and \
            reads every row of OpenClaw's SQLite databases (state/openclaw.sqlite, \
            agents/<id>/agent/openclaw-agent.sqlite, their write-ahead logs included, \
            without changing them) and the session transcripts for secrets, all within \
            one time budget (--timeout). A deep part that fails or runs out \
            of time is reported as a finding, and the JSON then has "complete": false.

            --fix changes only the values it fixes, in the file where each is written \
            (comments, formatting, ${VAR} and $include survive), replaces files \
            atomically keeping a .bak copy, and never follows a symbolic link. \
            --fix --dry-run shows the diff and the chmods without changing anything.

            The checks follow the OpenClaw release audited: --openclaw-version, else the \
            running gateway's version (--deep), else the installed openclaw package (for \
            the default state directory), else the version that last wrote the state \
            databases (schema_meta.app_version, read by --deep) or the config \
            (meta.lastTouchedVersion). Checks a release does not have do not \
            run; with no release known every check runs as the newest release has it.

            Exit status:
            \(AuditExitStatus.table)
            With --fix, 1 also means a fix could not be applied (the report is still \
            printed). With --deep, 1 also means the gateway URL would send credentials \
            over plaintext ws:// to a remote host (nothing is printed on stdout).
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
        "Time budget of the --deep probe and code scan, in milliseconds (at least 250, at most 600000).",
        valueName: "ms"))
    var timeout: Int = 5000

    @Flag(help: "Apply safe fixes (tighten defaults + chmod state/config).")
    var fix = false

    @Flag(name: .customLong("dry-run"), help: "With --fix: show what would change (config diff, chmods) and change nothing.")
    var dryRun = false

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

    @Option(name: .customLong("openclaw-version"), help: ArgumentHelp(
        "The OpenClaw release to audit as (e.g. 2026.9.9); wins over the gateway, the installed package and the config's meta.lastTouchedVersion.",
        valueName: "version"))
    var openclawVersion: String?

    /// `--openclaw-version` as a release; `validate()` has refused text that is not one.
    var release: OpenClawVersion? { openclawVersion.flatMap(OpenClawVersion.init) }
    @Option(help: ArgumentHelp(
        "Match the OpenClaw release against advisories from this OSV JSON file, folder or OSV zip export (npm all.zip) instead of the bundled snapshot.",
        valueName: "path"))
    var advisories: String?

    func validate() throws {
        if timeout > DeepAuditOptions.maximumTimeoutMilliseconds {
            throw ValidationError("--timeout is at most \(DeepAuditOptions.maximumTimeoutMilliseconds) ms (10 minutes)")
        }
        if dryRun && !fix {
            throw ValidationError("--dry-run only applies to --fix")
        }
        if dev, let profile, profile != "dev" {
            throw ValidationError("Cannot combine --dev with --profile")
        }
        if let profile, !CLIProfile.isValidName(profile.trimmingCharactersInWhitespace) {
            throw ValidationError("Invalid --profile (use letters, numbers, \"_\", \"-\" only)")
        }
        _ = try reporting.resolvedFormat(json: json)
        if let openclawVersion, OpenClawVersion(openclawVersion) == nil {
            throw ValidationError("Invalid --openclaw-version \"\(openclawVersion)\" (expected an OpenClaw release such as 2026.9.9 or 2026.10.5-beta.2)")
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

        var request = AuditRequest(environment: environment, cwd: cwd, systemHome: systemHome, deep: deep)
        request.openclawVersion = release
        // Without --advisories the bundled snapshot is decoded only if a release is matched.
        if let advisories { request.advisories = try AdvisoryDataOption.load(advisories) }
        var session = AuditSession(request: request, fix: fix ? (dryRun ? .dryRun : .apply) : nil)
        session.deepOptions = deepOptions
        reporting.configure(&session)
        let format = try reporting.resolvedFormat(json: json)
        let delivery = ReportDelivery(
            format: format, colors: format == .text && useColors(environment), profile: environment["OPENCLAW_PROFILE"],
            workingDirectory: cwd, width: ProcessEnvironment.stdoutTerminalWidth(environment), environment: environment)

        let outcome: AuditOutcome
        do {
            outcome = try session.run(observer: observer)
        } catch {
            StandardStreams.error(error.description)
            if case .configInvalid(_, fix: let tightened?) = error, let result = tightened.fix {
                // What a real --fix still tightened: the {fix, report} document, else one line.
                if format == .json { _ = try reporting.deliver(tightened, delivery) }
                else { StandardStreams.error(FixTextBlock.unloadableConfigSummary(result)) }
            }
            throw ExitCode(AuditExitStatus.error.rawValue)
        }
        let status = try reporting.deliver(outcome, delivery)
        if status != .success { throw ExitCode(status.rawValue) }
    }

    private func useColors(_ environment: [String: String]) -> Bool {
        !json && ProcessEnvironment.stdoutIsTerminal()
            && (environment["FORCE_COLOR"].map { !$0.isEmpty && $0 != "0" } ?? (environment["NO_COLOR"] == nil))
    }

    /// `--token`, `--password`, `--timeout`, and a progress line on stderr when it is a terminal.
    private var deepOptions: DeepAuditOptions {
        let progress: @Sendable (Int, Int) -> Void = { scanned, total in
            guard total > 0 else { return }
            StandardStreams.errorFragment("\r\u{1B}[2KScanning plugin and skill code: \(scanned)/\(total) files")
        }
        return DeepAuditOptions(
            credentials: GatewayProbeCredentials(token: token, password: password),
            timeoutMilliseconds: timeout,
            progress: ProcessEnvironment.stderrIsTerminal() ? progress : nil)
    }

    private var observer: AuditSession.Observer {
        let showProgress = ProcessEnvironment.stderrIsTerminal()
        return AuditSession.Observer(
            warning: { StandardStreams.error($0) },
            deepStarted: { if showProgress { StandardStreams.errorFragment("Probing the gateway and scanning plugin and skill code…") } },
            deepFinished: { if showProgress { StandardStreams.errorFragment("\r\u{1B}[2K") } })
    }
}
