/// The shared credentials the probe presents, in the original's precedence
///: `--token` / `--password` win outright;
/// locally the environment comes before `gateway.auth.*` (then `gateway.remote.*`);
/// in remote mode the token is `gateway.remote.token` only.
public struct GatewayProbeCredentials: Sendable, Equatable {
    public var token: String?
    public var password: String?

    public init(token: String? = nil, password: String? = nil) {
        self.token = token
        self.password = password
    }
}

enum GatewayProbeAuth {
    struct Resolution: Equatable {
        var credentials: GatewayProbeCredentials
        /// Set when the credential the probe would use is a SecretRef this process
        /// cannot resolve; the probe then runs without any configured credential.
        var warning: String?
    }

    /// One configured credential: its usable value, or the path of a SecretRef that
    /// could not be resolved here.
    struct Input {
        var configured: Bool
        var value: String?
        var unresolvedRefPath: String?

        init(_ node: ConfigNode?, path: String, environment: [String: String], materialized: String? = nil) {
            configured = SecretInput.isConfigured(node)
            if SecretInput.isSecretRef(node) {
                value = Self.usable(materialized) ?? Self.resolveEnvironmentRef(node, environment: environment)
                unresolvedRefPath = value == nil ? path : nil
            } else {
                value = Self.usable(node?.string)
                unresolvedRefPath = nil
            }
        }

        /// An `env` SecretRef is read from this process's environment.
        static func resolveEnvironmentRef(_ node: ConfigNode?, environment: [String: String]) -> String? {
            guard node?["source"].string == "env", let id = node?["id"].string?.trimmingWhitespace else { return nil }
            return usable(environment[id])
        }

        /// Trimmed and non-empty, and not a `${VAR}` left in place because the variable
        /// is missing: that text is no credential.
        static func usable(_ raw: String?) -> String? {
            guard let text = raw?.trimmingWhitespace, !text.isEmpty else { return nil }
            if text.hasPrefix("${"), text.hasSuffix("}") { return nil }
            return text
        }
    }

    /// The config paths of the credentials the probe may use.
    static let credentialPaths = ["gateway.auth.token", "gateway.auth.password", "gateway.remote.token", "gateway.remote.password"]

    static func resolve(
        config: ConfigNode, environment: [String: String], remote: Bool,
        explicit: GatewayProbeCredentials = GatewayProbeCredentials(),
        materialized: [String: String] = [:]
    ) -> Resolution {
        let explicitToken = Input.usable(explicit.token)
        let explicitPassword = Input.usable(explicit.password)
        if explicitToken != nil || explicitPassword != nil {
            return Resolution(credentials: GatewayProbeCredentials(token: explicitToken, password: explicitPassword))
        }
        let gateway = config["gateway"]
        // Legacy CLAWDBOT_GATEWAY_* variables are ignored by the probe.
        let envToken = Input.usable(environment["OPENCLAW_GATEWAY_TOKEN"])
        let envPassword = Input.usable(environment["OPENCLAW_GATEWAY_PASSWORD"])
        // SecretRefs resolved by the caller (env and file providers, keyed by config
        // path); exec providers are never run by an audit.
        func input(_ node: ConfigNode?, _ path: String) -> Input {
            Input(node, path: path, environment: environment, materialized: materialized[path])
        }
        let localToken = input(gateway["auth"]["token"], "gateway.auth.token")
        let localPassword = input(gateway["auth"]["password"], "gateway.auth.password")
        let remoteToken = input(gateway["remote"]["token"], "gateway.remote.token")
        let remotePassword = input(gateway["remote"]["password"], "gateway.remote.password")

        func unavailable(_ path: String) -> Resolution {
            Resolution(
                credentials: GatewayProbeCredentials(),
                warning: "\(path) SecretRef is unresolved in this command path; probing without configured auth credentials.")
        }

        if remote {
            let token = remoteToken.value
            let password = envPassword ?? remotePassword.value ?? localPassword.value
            if let path = remoteToken.unresolvedRefPath, token == nil, envToken == nil, password == nil {
                return unavailable(path)
            }
            if let path = remotePassword.unresolvedRefPath, password == nil, envPassword == nil,
               localPassword.value == nil, token == nil {
                return unavailable(path)
            }
            return Resolution(credentials: GatewayProbeCredentials(token: token, password: password))
        }

        let token = envToken ?? (localToken.configured ? localToken.value : remoteToken.value)
        let password = envPassword ?? (localPassword.configured ? localPassword.value : remotePassword.value)
        let mode = gateway["auth"]["mode"].string
        let passwordCanWin = mode == "password" || (!["token", "none", "trusted-proxy"].contains(mode ?? "") && token == nil)
        let tokenCanWin = mode == "token" || (!["password", "none", "trusted-proxy"].contains(mode ?? "") && password == nil)
        if let path = localToken.unresolvedRefPath, token == nil, envToken == nil, tokenCanWin {
            return unavailable(path)
        }
        if let path = localPassword.unresolvedRefPath, password == nil, envPassword == nil, passwordCanWin {
            return unavailable(path)
        }
        return Resolution(credentials: GatewayProbeCredentials(token: token, password: password))
    }
}
