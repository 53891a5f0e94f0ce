/// What some checks need from outside the config and the state dir's files, gathered
/// once before any check runs: docker's view of the sandbox browser containers and the
/// gateway secrets behind SecretRefs that a comparison needs.
public struct ExternalFacts: Sendable {
    /// nil when no `docker` is on PATH (nothing to report, no delay).
    public var sandboxBrowserContainers: SandboxBrowserContainerScan?
    /// Resolved `gateway.auth.token` / `.password` SecretRefs, keyed `token` / `password`.
    public var materializedGatewaySecrets: [String: String]

    public init(sandboxBrowserContainers: SandboxBrowserContainerScan? = nil, materializedGatewaySecrets: [String: String] = [:]) {
        self.sandboxBrowserContainers = sandboxBrowserContainers
        self.materializedGatewaySecrets = materializedGatewaySecrets
    }

    static func collect(
        config: ConfigNode, environment: [String: String], resolver: PathResolver, fileSystem: any FileSystemAccess
    ) -> ExternalFacts {
        ExternalFacts(
            sandboxBrowserContainers: SandboxBrowserContainerProbe.scan(environment: environment),
            materializedGatewaySecrets: GatewaySecretMaterializer.materialize(
                config: config, environment: environment, paths: resolver, fileSystem: fileSystem))
    }
}
