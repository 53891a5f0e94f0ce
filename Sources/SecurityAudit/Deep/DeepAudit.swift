import Dispatch
import NIOCore

/// What the CLI passes to the deep collectors.
public struct DeepAuditOptions: Sendable {
    /// `--token` / `--password`: used for the probe only, never written anywhere.
    public var credentials: GatewayProbeCredentials
    /// `--timeout`: the budget of the probe (from its start, right after the config loads)
    /// and, separately, of the deep file scans (from theirs, after the file walk).
    public var timeoutMilliseconds: Int
    /// Called from scanning threads with (files scanned, files to scan).
    public var progress: (@Sendable (_ scanned: Int, _ total: Int) -> Void)?

    public init(
        credentials: GatewayProbeCredentials = GatewayProbeCredentials(),
        timeoutMilliseconds: Int = GatewayProbe.defaultTimeoutMilliseconds,
        progress: (@Sendable (_ scanned: Int, _ total: Int) -> Void)? = nil
    ) {
        self.credentials = credentials
        self.timeoutMilliseconds = timeoutMilliseconds
        self.progress = progress
    }

    /// Ours: `--timeout` above ten minutes is refused. The budget bounds how long a
    /// hostile or stuck peer can hold the audit; a day-long value defeats it.
    public static let maximumTimeoutMilliseconds = 600_000

    /// `max(250, timeout)`, as the original floors `deepTimeoutMs`.
    public var effectiveTimeoutMilliseconds: Int {
        max(GatewayProbe.minimumTimeoutMilliseconds, timeoutMilliseconds)
    }
}

/// The `--deep` collectors: the live gateway probe (`GatewayProbeCollector`, started as
/// soon as the config is loaded), the plugin / skill code scan and the transcript secret
/// scan. They run before the checks; the checks then read `AuditContext.deepFacts` and
/// `AuditContext.secrets`.
public enum DeepAudit {
    /// Starts the probe, runs the file scans and returns the context with `deepFacts`
    /// set. Throws only for a gateway URL the probe must refuse (plaintext `ws://` to a
    /// remote host), which aborts the audit as in the original.
    public static func collect(
        into context: AuditContext, request: AuditRequest, options: DeepAuditOptions = DeepAuditOptions()
    ) throws(GatewayTarget.PlaintextRemoteError) -> AuditContext {
        let probe = try GatewayProbeCollector.start(probeInput(
            config: context.config, environment: context.environment, paths: context.paths, request: request,
            options: options))
        return collect(into: context, request: request, options: options, probe: probe)
    }

    /// The probe's input: the loaded config (legacy keys migrated), its environment and
    /// the paths; nothing from the file walk.
    static func probeInput(
        config: ConfigNode, environment: [String: String], paths: OpenClawPaths, request: AuditRequest,
        options: DeepAuditOptions
    ) -> GatewayProbeCollector.Input {
        GatewayProbeCollector.Input(
            config: config, environment: environment, paths: paths, cwd: request.cwd, systemHome: request.systemHome,
            fileSystem: request.fileSystem, credentials: options.credentials,
            timeoutMilliseconds: options.effectiveTimeoutMilliseconds)
    }

    /// Runs the code and secret scans against one `--timeout` deadline that starts now,
    /// then collects the probe already under way (it keeps its own deadline, from its start).
    static func collect(
        into context: AuditContext, request: AuditRequest, options: DeepAuditOptions,
        probe: GatewayProbeCollector.Running
    ) -> AuditContext {
        let timeout = options.effectiveTimeoutMilliseconds
        let deadline = NIODeadline.now() + .milliseconds(Int64(timeout))
        let resolver = PathResolver(
            environment: context.environment, cwd: request.cwd, systemHome: request.systemHome,
            exists: { [fileSystem = request.fileSystem] in fileSystem.exists($0) })

        let fileSystem = request.fileSystem
        let (pluginFacts, pluginTargets) = CodeSafetyScan.scanPlugins(stateDir: context.paths.stateDir, fileSystem: fileSystem)
        let installed = InstalledSkills.discover(
            config: context.config, roster: context.agents, paths: context.paths, resolver: resolver, fileSystem: fileSystem)
        // Since 2026.9.3 each agent's Skill Workshop too; what cannot be walked safely is
        // reported as a scan that did not complete.
        let workshop = WorkshopSkills.discover(
            roster: context.agents, stateDir: context.paths.stateDir, release: context.openclaw, fileSystem: fileSystem)
        let installedDirectories = Set(installed.map(\.directory))
        let skills = installed + workshop.skills.filter { !installedDirectories.contains($0.directory) }
        // A skill folder in the state dir that is a link out of it is not scanned: the
        // scan must not read (and quote) files elsewhere. It is listed as not scanned.
        let realStateDir = fileSystem.resolvedPath(context.paths.stateDir) ?? context.paths.stateDir
        let skillsLeavingState = skills.map { skill -> UnscannedFile? in
            guard PathNormalization.isInside(skill.directory, root: context.paths.stateDir),
                  let real = fileSystem.resolvedPath(skill.directory),
                  !PathNormalization.isInside(real, root: realStateDir) else { return nil }
            return UnscannedFile(path: skill.directory, reason: "a link out of the state dir, to \(real)")
        }
        let targets = pluginTargets + zip(skills, skillsLeavingState).map { skill, leaving in
            CodeSafetyScan.Target(root: skill.directory, skipped: leaving != nil)
        }
        let scan = CodeSafetyScan.scan(
            targets, deadline: deadline, timeoutMilliseconds: timeout, progress: options.progress, fileSystem: fileSystem)

        var plugins = pluginFacts
        for index in plugins.plugins.indices {
            plugins.plugins[index].outcome = scan.outcomes[index]
        }
        var skillFacts: [SkillCodeScanFacts] = []
        for (offset, skill) in skills.enumerated() {
            let index = pluginTargets.count + offset
            var outcome = scan.outcomes[index]
            if let leaving = skillsLeavingState[offset] {
                outcome = .scanned(CodeScanSummary(scannedFiles: 0, hits: [], unscannedFiles: [leaving]))
            }
            var evidence: SensitiveNetworkEvidence?
            if case .scanned = outcome, skillsLeavingState[offset] == nil {
                evidence = CodeSafetyScan.sensitiveNetworkEvidence(
                    skillDirectory: skill.directory, files: scan.files[index], fileSystem: fileSystem)
            }
            skillFacts.append(SkillCodeScanFacts(
                name: skill.name, directory: skill.directory, outcome: outcome, sensitiveNetwork: evidence))
        }

        skillFacts += workshop.failures.map {
            SkillCodeScanFacts(name: $0.name, directory: $0.directory, outcome: .failed($0.error), sensitiveNetwork: nil)
        }

        // The databases (since 2026.7.2 they hold every transcript), then the legacy
        // transcript files: the largest reads, with what is left of the budget.
        let remaining = UInt64(max(0, (deadline - NIODeadline.now()).nanoseconds))
        var withSecrets = context
        let scanDeadline = DispatchTime.now().uptimeNanoseconds + remaining
        SecretFactsCollector.addDatabases(to: &withSecrets, deadline: scanDeadline, fileSystem: fileSystem)
        SecretFactsCollector.addTranscripts(
            to: &withSecrets, deadline: scanDeadline, timeoutMilliseconds: timeout, fileSystem: fileSystem)

        let gateway = probe.facts()
        var updated = withSecrets
        updated.deepFacts = DeepFacts(gateway: gateway, plugins: plugins, skills: skillFacts)
        if let version = gateway.result.serverVersion {
            updated.releaseEvidence.add(ReleaseClaim(source: .gateway, text: version))
        }
        if let stamp = OpenClawReleaseStamp.claim(updated.secrets.databaseAppVersions) {
            updated.releaseEvidence.add(stamp)
        }
        // The gateway may name another release than the config's stamp did: the checks
        // then read the config in that release's shape.
        return updated.readingConfigInReleaseShape()
    }
}
