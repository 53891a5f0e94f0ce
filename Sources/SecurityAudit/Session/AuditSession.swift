/// One run of `openclaw-security audit`, whatever its flags: resolve the paths, load the
/// config, collect the facts, (fix and collect again,) run the checks, apply the
/// suppressions and the baseline, and hand back the report. The CLI renders the outcome
/// and maps it to an exit status; every step in between is here, so `--fix`,
/// `--dry-run`, `--deep` and baselines cannot drift apart.
public struct AuditSession {
    public enum FixMode: Sendable, Equatable {
        /// `--fix`: change the config and the modes, then audit the fixed state.
        case apply
        /// `--fix --dry-run`: plan and show, change nothing.
        case dryRun
    }

    /// A file the caller will write (the report, a new baseline), checked before anything
    /// changes and again once the include files are known: it must not replace the
    /// audited config, one of its includes, or land in the state dir.
    public struct OutputFile: Sendable, Equatable {
        public var what: String
        public var path: String

        public init(what: String, path: String) {
            self.what = what
            self.path = path
        }
    }

    /// Progress and warnings meant for the person at the terminal, not for the report.
    public struct Observer {
        /// A config `${VAR}` that is not set, one line each.
        public var warning: (String) -> Void
        /// Around the `--deep` collectors, which may take the whole `--timeout`.
        public var deepStarted: () -> Void
        public var deepFinished: () -> Void

        public init(
            warning: @escaping (String) -> Void = { _ in },
            deepStarted: @escaping () -> Void = {}, deepFinished: @escaping () -> Void = {}
        ) {
            self.warning = warning
            self.deepStarted = deepStarted
            self.deepFinished = deepFinished
        }
    }

    public var request: AuditRequest
    public var fix: FixMode?
    /// The budget, credentials and progress of the `--deep` step (when `request.deep`).
    public var deepOptions = DeepAuditOptions()
    /// `--baseline FILE`: findings it lists are dropped from the report.
    public var baseline: String?
    /// `--write-baseline`: the outcome carries the active findings before `baseline` applies.
    public var recordsBaseline = false
    public var outputFiles: [OutputFile] = []
    /// Where `--fix` changes files; tests inject faults here.
    public var fixOperations: any FixFileOperations = POSIXFixFileOperations()
    /// The report's timestamp, in milliseconds since 1970.
    public var now: @Sendable () -> Int64 = { WallClock.epochMilliseconds() }

    public init(request: AuditRequest, fix: FixMode? = nil) {
        self.request = request
        self.fix = fix
    }

    public func run(observer: Observer = Observer()) throws(AuditSessionError) -> AuditOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        // Before anything runs (a fix included); the includes are checked once loaded.
        try refuseOutputFiles(paths: AuditPreparation.locate(request).paths, includeFiles: [])
        var fixResult: SecurityFixResult?
        if let fix {
            // The plan is made from the context the checks would see: one reading of the
            // config, its includes, the pairing stores and the transcripts.
            let before = try prepare().context
            try refuseOutputFiles(paths: before.paths, includeFiles: before.configFile.includeFiles)
            fixResult = SecurityFixer.run(
                before, systemHome: request.systemHome, dryRun: fix == .dryRun, operations: fixOperations)
        }
        let prepared = try prepare(startingGatewayProbe: request.deep ? deepOptions : nil)
        var context = prepared.context
        for missing in context.configFile.missingEnvironmentVariables {
            observer.warning("Config (\(context.paths.configPath)): missing env var \"\(missing.name)\" at \(missing.configPath) — feature using this value will be unavailable")
        }
        try refuseOutputFiles(paths: context.paths, includeFiles: context.configFile.includeFiles)
        if let gatewayProbe = prepared.gatewayProbe {
            observer.deepStarted()
            let collected = gatewayProbe.map { probe in
                DeepAudit.collect(into: context, request: request, options: deepOptions, probe: probe)
            }
            observer.deepFinished()
            switch collected {
            case .success(let deepContext): context = deepContext
            case .failure(let error): throw .plaintextCredentials(error)
            }
        }

        var report = Auditor.run(context, timestamp: now())
        let elapsed = (clock.now - start).components
        report.durationSeconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        let recorded = recordsBaseline ? Baseline(recording: report) : nil
        if let baseline {
            do {
                try Baseline(contentsOf: baseline).apply(to: &report, file: baseline)
            } catch {
                throw .baseline(error)
            }
        }
        return AuditOutcome(report: report, fix: fixResult, recordedBaseline: recorded, homeDir: context.paths.homeDir)
    }

    /// The context, or the load error. Under a real `--fix` a config that does not load
    /// is neither edited nor audited, but the state dir and the config file are still
    /// tightened, as upstream's `src/security/fix.ts` does.
    private func prepare(startingGatewayProbe deep: DeepAuditOptions? = nil) throws(AuditSessionError) -> AuditPreparation.Prepared {
        do {
            return try AuditPreparation.prepare(request, startingGatewayProbe: deep)
        } catch {
            guard fix == .apply else { throw .configInvalid(error, fix: nil) }
            var report = AuditReport(timestamp: now(), findings: [])
            report.incomplete = [IncompleteCollector(collector: "config", reason: error.description)]
            throw .configInvalid(error, fix: AuditOutcome(
                report: report, fix: SecurityFixer.tightenUnloadable(request, error: error), recordedBaseline: nil,
                homeDir: AuditPreparation.locate(request).paths.homeDir))
        }
    }

    private func refuseOutputFiles(paths: OpenClawPaths, includeFiles: [String]) throws(AuditSessionError) {
        for file in outputFiles {
            if let reason = ReportDestination.refusal(
                for: file.path, cwd: request.cwd, stateDir: paths.stateDir, configPath: paths.configPath,
                includeFiles: includeFiles) {
                throw .refusedOutputFile(file, reason: reason)
            }
        }
    }
}
