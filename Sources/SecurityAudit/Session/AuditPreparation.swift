/// What the CLI knows before the audit starts.
public struct AuditRequest: Sendable {
    /// The process environment; flags have already been written into it.
    public var environment: [String: String]
    public var cwd: String
    public var systemHome: String?
    public var deep: Bool
    /// `--openclaw-version`, already validated as a release.
    public var openclawVersion: OpenClawVersion?
    /// `--advisories PATH`, already loaded (`AdvisoryLoader`); nil means the bundled snapshot.
    public var advisories: AdvisoryDatabase?
    /// The day of the audit (days since 1970-01-01, UTC) for the age of the advisory
    /// data; nil means today by the system clock.
    public var today: Int64?
    /// Read `.env` from the working directory and the state dir, as the original does.
    public var loadDotEnv: Bool
    /// Where file facts are read from; tests wrap it to simulate unreadable paths.
    public var fileSystem: any FileSystemAccess = POSIXFileSystem()

    public init(environment: [String: String], cwd: String, systemHome: String?, deep: Bool = false, loadDotEnv: Bool = true) {
        self.environment = environment
        self.cwd = cwd
        self.systemHome = systemHome
        self.deep = deep
        self.loadDotEnv = loadDotEnv
    }
}

/// All the I/O before the checks: dotenv files, path resolution, config loading, the
/// file facts the filesystem and plugin checks read, the secret scan of the config, its
/// backups and `.env` (transcripts are the deep step's), the external facts (docker's
/// sandbox browser containers, gateway secrets behind SecretRefs) and the channel facts
/// (pairing stores, credential files).
public enum AuditPreparation {
    /// A `.env` larger than this is not a dotenv file.
    static let maxDotEnvBytes = 1024 * 1024

    public static func prepare(_ request: AuditRequest) throws(ConfigLoadError) -> AuditContext {
        try prepare(request, startingGatewayProbe: nil).context
    }

    /// The context, and under `--deep` the gateway probe already under way (or why it
    /// could not start).
    struct Prepared {
        var context: AuditContext
        var gatewayProbe: Result<GatewayProbeCollector.Running, GatewayTarget.PlaintextRemoteError>?
    }

    /// As `prepare`; with `deep` options the gateway probe starts as soon as the config
    /// is loaded, so that its wait on the network overlaps the file walk.
    static func prepare(
        _ request: AuditRequest, startingGatewayProbe deep: DeepAuditOptions?
    ) throws(ConfigLoadError) -> Prepared {
        let (environment, resolver) = resolve(request)
        let paths = resolver.resolve()
        let loaded = try ConfigLoader(environment: environment, fileSystem: request.fileSystem).load(path: paths.configPath)
        return context(request, loaded: loaded, paths: paths, resolver: resolver, startingGatewayProbe: deep)
    }

    /// The environment (with the dotenv files) and the paths, before the config is read.
    public static func locate(_ request: AuditRequest) -> (environment: [String: String], paths: OpenClawPaths) {
        let (environment, resolver) = resolve(request)
        return (environment, resolver.resolve())
    }

    /// The context for an already loaded config: gathers the file, secret, external and
    /// channel facts (and starts the gateway probe first when asked).
    static func context(
        _ request: AuditRequest, loaded written: LoadedConfig, paths: OpenClawPaths, resolver: PathResolver,
        startingGatewayProbe deep: DeepAuditOptions?
    ) -> Prepared {
        // Every fact and check sees legacy keys' content where it belongs now, in the
        // shape the audited release reads.
        let loaded = LegacyConfigMigration.applied(
            to: written, release: releaseBeforeAudit(request, paths: paths, config: written.root))
        // The probe needs only the config, the environment and the paths: it waits on
        // the gateway while the state dir is walked.
        let gatewayProbe = deep.map { options in
            Result { () throws(GatewayTarget.PlaintextRemoteError) -> GatewayProbeCollector.Running in
                try GatewayProbeCollector.start(DeepAudit.probeInput(
                    config: loaded.root, environment: loaded.environment, paths: paths, request: request,
                    options: options))
            }
        }
        // Docker answers from another process: ask first, collect after the file walk.
        let containerScan = ExternalFacts.startContainerScan(
            environment: loaded.environment, homeDir: paths.homeDir, fileSystem: request.fileSystem)
        var files = FileFactsGatherer(
            fileSystem: request.fileSystem, config: loaded.root, paths: paths,
            includeFiles: loaded.includeFiles, environment: loaded.environment, resolver: resolver
        ).gather()
        let secrets = SecretFactsCollector(fileSystem: request.fileSystem, paths: paths, config: loaded)
            .collect(gaps: &files.gaps)
        var configResolver = resolver
        configResolver.environment = loaded.environment
        let external = ExternalFacts.collect(
            config: loaded.root, environment: loaded.environment, resolver: configResolver, fileSystem: request.fileSystem,
            containerScan: containerScan)
        let channelFacts = ChannelFacts.gather(
            config: loaded.root, environment: loaded.environment, paths: paths,
            agents: AgentRoster(config: loaded.root), fileSystem: request.fileSystem, resolvePath: resolver.resolveUserPath,
            resolveSecret: { ref in
                SecretReferenceResolver.resolve(
                    ref, config: loaded.root, environment: loaded.environment, paths: configResolver, fileSystem: request.fileSystem)
            })
        var context = AuditContext(
            configFile: loaded, paths: paths, files: files, deep: request.deep, external: external, channelFacts: channelFacts)
        context.secrets = secrets
        addReleaseClaims(request, paths: paths, to: &context.releaseEvidence)
        context.advisories = AdvisoryFacts(database: request.advisories, today: request.today ?? AdvisoryFacts.currentDay())
        return Prepared(context: context, gatewayProbe: gatewayProbe)
    }

    /// The release as known before the audit runs (the flag, the installed package, the
    /// config's stamp; not the gateway, which only the deep step asks): what `--fix`
    /// plans for, and the shape the config is read in.
    static func releaseBeforeAudit(_ request: AuditRequest, paths: OpenClawPaths, config: ConfigNode) -> OpenClawRelease {
        var evidence = ReleaseEvidence()
        if let stamp = config["meta"]["lastTouchedVersion"].string {
            evidence.add(ReleaseClaim(source: .config, text: stamp))
        }
        addReleaseClaims(request, paths: paths, to: &evidence)
        return evidence.resolved
    }

    /// The release sources read here: the flag, and the installed package when the
    /// audited state dir is the one that package uses for this user by default (another
    /// state dir may belong to any release).
    static func addReleaseClaims(_ request: AuditRequest, paths: OpenClawPaths, to evidence: inout ReleaseEvidence) {
        if let version = request.openclawVersion {
            evidence.add(ReleaseClaim(source: .flag, text: version.description))
        }
        var defaults = request.environment
        for name in ["OPENCLAW_STATE_DIR", "CLAWDBOT_STATE_DIR", "OPENCLAW_PROFILE"] { defaults[name] = nil }
        let defaultStateDir = PathResolver(
            environment: defaults, cwd: request.cwd, systemHome: request.systemHome,
            exists: { [fileSystem = request.fileSystem] in fileSystem.exists($0) }
        ).resolveStateDir()
        if PathNormalization.normalize(paths.stateDir) == PathNormalization.normalize(defaultStateDir),
           let claim = InstalledPackageReader.claim(path: request.environment["PATH"], fileSystem: request.fileSystem) {
            evidence.add(claim)
        }
    }

    static func resolve(_ request: AuditRequest) -> (environment: [String: String], resolver: PathResolver) {
        var environment = request.environment
        let fileSystem = request.fileSystem
        let exists: @Sendable (String) -> Bool = { fileSystem.exists($0) }
        if request.loadDotEnv {
            merge(dotEnvAt: PathNormalization.join(request.cwd, ".env"), into: &environment, fileSystem: fileSystem)
        }
        var resolver = PathResolver(environment: environment, cwd: request.cwd, systemHome: request.systemHome, exists: exists)
        if request.loadDotEnv {
            merge(dotEnvAt: PathNormalization.join(resolver.resolveStateDir(), ".env"), into: &environment, fileSystem: fileSystem)
            resolver.environment = environment
        }
        return (environment, resolver)
    }

    /// Adds variables from a dotenv file without overriding what is already set.
    static func merge(dotEnvAt path: String, into environment: inout [String: String], fileSystem: any FileSystemAccess) {
        guard let bytes = try? fileSystem.readFile(path, limit: maxDotEnvBytes).get() else { return }
        for (key, value) in DotEnv.parse(String(decoding: bytes, as: UTF8.self)) where environment[key] == nil {
            environment[key] = value
        }
    }
}
