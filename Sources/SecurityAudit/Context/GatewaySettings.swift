/// The gateway's exposure and auth as the original resolves them (upstream
/// `resolveGatewayAuth`), computed once per audit and shared by every check.
public struct GatewaySettings: Sendable {
    /// `gateway.bind` when it is a string, else `loopback`.
    public let bind: String
    /// `gateway.tailscale.mode`, `off` when unset.
    public let tailscaleMode: String
    /// The raw `gateway.auth.mode` string, if any.
    public let explicitMode: String?
    /// The resolved mode: explicit, else password when one is configured, else token.
    public let mode: String
    /// Config token (plain text) first, then the environment; nil when the config's
    /// token is an unresolved `${VAR}` (its value is unknown, see `tokenIsUnresolved`).
    public let token: String?
    public let password: String?
    /// `gateway.auth.token` / `.password` hold a `${VAR}` this environment does not set:
    /// configured (the gateway's own environment may fill it), but not measurable.
    public let tokenIsUnresolved: Bool
    public let passwordIsUnresolved: Bool
    public let allowTailscale: Bool
    public let hasSharedSecret: Bool
    public let controlUiEnabled: Bool

    public var isLoopback: Bool { bind == "loopback" }
    public var hasGatewayAuth: Bool { hasSharedSecret || (allowTailscale && tailscaleMode == "serve") }
    /// Bound beyond loopback, or published through Tailscale.
    public var isRemotelyExposed: Bool { !isLoopback || tailscaleMode == "serve" || tailscaleMode == "funnel" }

    init(config: ConfigNode, environment: [String: String]) {
        func env(_ name: String) -> String? {
            guard let value = environment[name]?.trimmingWhitespace, !value.isEmpty else { return nil }
            return value
        }
        let gateway = config["gateway"]
        let auth = gateway["auth"]
        bind = gateway["bind"].string ?? "loopback"
        tailscaleMode = gateway["tailscale"]["mode"].string ?? "off"
        controlUiEnabled = gateway["controlUi"]["enabled"].bool != false

        let envToken = env("OPENCLAW_GATEWAY_TOKEN") ?? env("CLAWDBOT_GATEWAY_TOKEN")
        let envPassword = env("OPENCLAW_GATEWAY_PASSWORD") ?? env("CLAWDBOT_GATEWAY_PASSWORD")
        tokenIsUnresolved = auth["token"].isUnresolved
        passwordIsUnresolved = auth["password"].isUnresolved
        token = tokenIsUnresolved ? nil : SecretInput.plainText(auth["token"]) ?? envToken
        password = passwordIsUnresolved ? nil : SecretInput.plainText(auth["password"]) ?? envPassword
        let explicit = auth["mode"].string.flatMap { $0.isEmpty ? nil : $0 }
        explicitMode = explicit
        let passwordPresent = password != nil || passwordIsUnresolved || SecretInput.isSecretRef(auth["password"])
        mode = explicit ?? (passwordPresent ? "password" : "token")

        let tokenCanWin = token != nil || tokenIsUnresolved || SecretInput.isSecretRef(auth["token"])
            || SecretInput.isConfigured(gateway["remote"]["token"])
        let forcedElsewhere = ["token", "none", "trusted-proxy"].contains(explicit ?? "")
        let passwordCanWin = explicit == "password" || (!forcedElsewhere && !tokenCanWin)
        let passwordConfigured = SecretInput.plainText(auth["password"]) != nil
            || (passwordCanWin && (envPassword != nil || SecretInput.isSecretRef(auth["password"])))
        switch explicit {
        case "token"?: hasSharedSecret = tokenCanWin
        case "password"?: hasSharedSecret = passwordConfigured
        case "none"?, "trusted-proxy"?: hasSharedSecret = false
        default: hasSharedSecret = tokenCanWin || passwordConfigured
        }
        allowTailscale = auth["allowTailscale"].bool
            ?? (tailscaleMode == "serve" && mode != "password" && mode != "trusted-proxy")
    }
}
