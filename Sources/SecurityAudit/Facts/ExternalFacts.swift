/// What some checks need from outside the config and the state dir's files, gathered
/// once before any check runs: docker's view of the sandbox browser containers and the
/// gateway secrets behind SecretRefs that a comparison needs.
public struct ExternalFacts: Sendable {
    /// nil when no `docker` is on PATH or no daemon could answer it (nothing to report,
    /// no delay).
    public var sandboxBrowserContainers: SandboxBrowserContainerScan?
    /// Resolved `gateway.auth.token` / `.password` SecretRefs, keyed `token` / `password`.
    public var materializedGatewaySecrets: [String: String]

    public init(sandboxBrowserContainers: SandboxBrowserContainerScan? = nil, materializedGatewaySecrets: [String: String] = [:]) {
        self.sandboxBrowserContainers = sandboxBrowserContainers
        self.materializedGatewaySecrets = materializedGatewaySecrets
    }

    /// Starts docker's view of the sandbox browser containers on another thread, so that
    /// a daemon's answer overlaps the file walk; nil (nothing started) when no `docker`
    /// is on PATH or no daemon could answer it.
    static func startContainerScan(
        environment: [String: String], homeDir: String, fileSystem: any FileSystemAccess
    ) -> BackgroundResult<SandboxBrowserContainerScan?>? {
        guard DockerDaemonLocator.mayBeReachable(environment: environment, homeDir: homeDir, fileSystem: fileSystem)
        else { return nil }
        return BackgroundResult { SandboxBrowserContainerProbe.scan(environment: environment) }
    }

    static func collect(
        config: ConfigNode, environment: [String: String], resolver: PathResolver, fileSystem: any FileSystemAccess,
        containerScan: BackgroundResult<SandboxBrowserContainerScan?>?
    ) -> ExternalFacts {
        ExternalFacts(
            sandboxBrowserContainers: containerScan?.wait() ?? nil,
            materializedGatewaySecrets: GatewaySecretMaterializer.materialize(
                config: config, environment: environment, paths: resolver, fileSystem: fileSystem))
    }
}
