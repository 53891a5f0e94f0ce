import Dispatch
import NIOCore
import NIOPosix

/// What the CLI passes to the deep collectors.
public struct DeepAuditOptions: Sendable {
    /// `--token` / `--password`: used for the probe only, never written anywhere.
    public var credentials: GatewayProbeCredentials
    /// `--timeout`: the budget of the whole deep step (probe and scan run side by side).
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

/// The `--deep` collectors: the live gateway probe, the plugin / skill code scan and the
/// transcript secret scan. They run before the checks, against one deadline; the checks
/// then read `AuditContext.deepFacts` and `AuditContext.secrets`.
public enum DeepAudit {
    /// Runs the collectors and returns the context with `deepFacts` set. Throws only
    /// for a gateway URL the probe must refuse (plaintext `ws://` to a remote host),
    /// which aborts the audit as in the original.
    public static func collect(
        into context: AuditContext, request: AuditRequest, options: DeepAuditOptions = DeepAuditOptions()
    ) throws(GatewayTarget.PlaintextRemoteError) -> AuditContext {
        let timeout = options.effectiveTimeoutMilliseconds
        let deadline = NIODeadline.now() + .milliseconds(Int64(timeout))
        let target = try GatewayTarget.resolve(
            config: context.config, environment: context.environment, configPath: context.paths.configPath)
        let resolver = PathResolver(
            environment: context.environment, cwd: request.cwd, systemHome: request.systemHome,
            exists: { [fileSystem = request.fileSystem] in fileSystem.exists($0) })
        var materialized: [String: String] = [:]
        for path in GatewayProbeAuth.credentialPaths {
            let node = path.split(separator: ".").reduce(Optional(context.config)) { $0?[String($1)] }
            if let ref = SecretReference.parse(node, config: context.config),
               let value = SecretReferenceResolver.resolve(
                   ref, config: context.config, environment: context.environment, paths: resolver,
                   fileSystem: request.fileSystem) {
                materialized[path] = value
            }
        }
        let auth = GatewayProbeAuth.resolve(
            config: context.config, environment: context.environment, remote: target.isRemoteMode,
            explicit: options.credentials, materialized: materialized)
        let identity = DeviceIdentity.load(stateDir: context.paths.stateDir, fileSystem: request.fileSystem)
            ?? DeviceIdentity.ephemeral()
        let storedToken = identity.isStored
            ? DeviceIdentity.storedDeviceToken(
                stateDir: context.paths.stateDir, deviceId: identity.deviceId, role: "operator", fileSystem: request.fileSystem)
            : nil

        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let probe = GatewayProbe.start(
            GatewayProbe.Request(
                target: target, credentials: auth.credentials, identity: identity,
                storedDeviceToken: storedToken, deadline: deadline),
            on: group.next())

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

        let result = (try? probe.wait()) ?? GatewayProbeResult(
            attempted: true, url: target.url, ok: false, error: "Error: gateway probe did not complete", close: nil)
        var updated = withSecrets
        updated.deepFacts = DeepFacts(
            gateway: GatewayProbeFacts(result: result, authWarning: auth.warning),
            plugins: plugins, skills: skillFacts)
        if let version = result.serverVersion {
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
