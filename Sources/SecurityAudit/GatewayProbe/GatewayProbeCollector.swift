import NIOCore
import NIOPosix

/// The `--deep` live gateway probe as a collector of its own. Its input is known as soon
/// as the config is loaded (the config, the environment, the paths, the device identity),
/// so the session starts it then and collects its facts after the file walk and the deep
/// file scans: the wait on the gateway overlaps the reads of the state dir.
struct GatewayProbeCollector {
    /// What the probe needs: nothing that the file walk gathers.
    struct Input: Sendable {
        var config: ConfigNode
        var environment: [String: String]
        var paths: OpenClawPaths
        var cwd: String
        var systemHome: String?
        var fileSystem: any FileSystemAccess
        var credentials: GatewayProbeCredentials
        /// The probe's own `--timeout` budget, from the moment it starts.
        var timeoutMilliseconds: Int
    }

    /// A probe under way. It owns its event loop; dropping it without `facts()` (the
    /// audit stopped before the deep step) shuts the loop down.
    final class Running: Sendable {
        private let group: MultiThreadedEventLoopGroup
        private let result: EventLoopFuture<GatewayProbeResult>
        private let url: String
        private let authWarning: String?

        fileprivate init(
            group: MultiThreadedEventLoopGroup, result: EventLoopFuture<GatewayProbeResult>, url: String,
            authWarning: String?
        ) {
            self.group = group
            self.result = result
            self.url = url
            self.authWarning = authWarning
        }

        /// Waits for the probe, which ends by its deadline whatever the peer does.
        func facts() -> GatewayProbeFacts {
            let result = (try? self.result.wait()) ?? GatewayProbeResult(
                attempted: true, url: url, ok: false, error: "Error: gateway probe did not complete", close: nil)
            return GatewayProbeFacts(result: result, authWarning: authWarning)
        }

        deinit {
            try? group.syncShutdownGracefully()
        }
    }

    /// Resolves the target and the credentials and starts the probe. Throws only for a
    /// gateway URL the probe must refuse (plaintext `ws://` to a remote host).
    static func start(_ input: Input) throws(GatewayTarget.PlaintextRemoteError) -> Running {
        let deadline = NIODeadline.now() + .milliseconds(Int64(input.timeoutMilliseconds))
        let target = try GatewayTarget.resolve(
            config: input.config, environment: input.environment, configPath: input.paths.configPath)
        let resolver = PathResolver(
            environment: input.environment, cwd: input.cwd, systemHome: input.systemHome,
            exists: { [fileSystem = input.fileSystem] in fileSystem.exists($0) })
        var materialized: [String: String] = [:]
        for path in GatewayProbeAuth.credentialPaths {
            let node = path.split(separator: ".").reduce(Optional(input.config)) { $0?[String($1)] }
            if let ref = SecretReference.parse(node, config: input.config),
               let value = SecretReferenceResolver.resolve(
                   ref, config: input.config, environment: input.environment, paths: resolver,
                   fileSystem: input.fileSystem) {
                materialized[path] = value
            }
        }
        let auth = GatewayProbeAuth.resolve(
            config: input.config, environment: input.environment, remote: target.isRemoteMode,
            explicit: input.credentials, materialized: materialized)
        let stateDir = input.paths.stateDir
        let identity = DeviceIdentity.load(stateDir: stateDir, fileSystem: input.fileSystem) ?? DeviceIdentity.ephemeral()
        let storedToken = identity.isStored
            ? DeviceIdentity.storedDeviceToken(
                stateDir: stateDir, deviceId: identity.deviceId, role: "operator", fileSystem: input.fileSystem)
            : nil

        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let result = GatewayProbe.start(
            GatewayProbe.Request(
                target: target, credentials: auth.credentials, identity: identity,
                storedDeviceToken: storedToken, deadline: deadline),
            on: group.next())
        return Running(group: group, result: result, url: target.url, authWarning: auth.warning)
    }
}
