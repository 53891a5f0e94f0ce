/// What some checks need from outside the config, gathered once before any check runs:
/// docker's view of the sandbox browser containers, the versions of installed hook
/// packs, and the gateway secrets behind SecretRefs that a comparison needs.
public struct ExternalFacts: Sendable {
    /// nil when no `docker` is on PATH (nothing to report, no delay).
    public var sandboxBrowserContainers: SandboxBrowserContainerScan?
    /// `package.json` version per hook id of `hooks.internal.installs`.
    public var hookPackageVersions: [String: String]
    /// Resolved `gateway.auth.token` / `.password` SecretRefs, keyed `token` / `password`.
    public var materializedGatewaySecrets: [String: String]

    public init(
        sandboxBrowserContainers: SandboxBrowserContainerScan? = nil,
        hookPackageVersions: [String: String] = [:],
        materializedGatewaySecrets: [String: String] = [:]
    ) {
        self.sandboxBrowserContainers = sandboxBrowserContainers
        self.hookPackageVersions = hookPackageVersions
        self.materializedGatewaySecrets = materializedGatewaySecrets
    }

    static func collect(config: ConfigNode, environment: [String: String], paths: OpenClawPaths, resolver: PathResolver) -> ExternalFacts {
        ExternalFacts(
            sandboxBrowserContainers: SandboxBrowserContainerProbe.scan(environment: environment),
            hookPackageVersions: HookPackageVersions.read(config: config, stateDir: paths.stateDir, cwd: resolver.cwd),
            materializedGatewaySecrets: GatewaySecretMaterializer.materialize(config: config, environment: environment, paths: resolver))
    }
}
