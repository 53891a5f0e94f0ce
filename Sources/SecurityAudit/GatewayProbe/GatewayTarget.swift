/// Where the deep probe connects (`buildGatewayConnectionDetails`):
/// loopback on the configured port in local mode, `gateway.remote.url` in remote mode.
public struct GatewayTarget: Sendable, Equatable {
    public var url: String
    public var isRemoteMode: Bool
    public var isSecure: Bool
    public var host: String
    public var port: Int
    /// Path and query of the handshake request, `/` at least.
    public var requestTarget: String

    public static let defaultPort = 18789

    /// The original refuses, before any connection, to send credentials or chat data
    /// over plaintext WebSocket to anything but loopback; the audit aborts with this.
    public struct PlaintextRemoteError: Error, Sendable, Equatable, CustomStringConvertible {
        public var url: String
        public var source: String
        public var configPath: String

        public var description: String {
            [
                "SECURITY ERROR: Gateway URL \"\(url)\" uses plaintext ws:// to a non-loopback address.",
                "Both credentials and chat data would be exposed to network interception.",
                "Source: \(source)",
                "Config: \(configPath)",
                "Fix: Use wss:// for remote gateway URLs.",
                "Safe remote access defaults:",
                "- keep gateway.bind=loopback and use an SSH tunnel (ssh -N -L 18789:127.0.0.1:18789 user@gateway-host)",
                "- or use Tailscale Serve/Funnel for HTTPS remote access",
                "Doctor: openclaw doctor --fix",
                "Docs: https://docs.openclaw.ai/gateway/remote",
            ].joined(separator: "\n")
        }
    }

    public static func resolve(
        config: ConfigNode, environment: [String: String], configPath: String
    ) throws(PlaintextRemoteError) -> GatewayTarget {
        let gateway = config["gateway"]
        let isRemoteMode = gateway["mode"].string == "remote"
        let remoteURL = isRemoteMode ? gateway["remote"]["url"].string?.trimmingWhitespace : nil
        let url: String
        let source: String
        if let remoteURL, !remoteURL.isEmpty {
            url = remoteURL
            source = "config gateway.remote.url"
        } else {
            let scheme = gateway["tls"]["enabled"].bool == true ? "wss" : "ws"
            url = "\(scheme)://127.0.0.1:\(port(config: config, environment: environment))"
            source = isRemoteMode ? "missing gateway.remote.url (fallback local)" : "local loopback"
        }
        guard let parsed = WebSocketURL(url), parsed.isSecure || HostClassification.isLoopbackHost(parsed.host) else {
            throw PlaintextRemoteError(url: url, source: source, configPath: configPath)
        }
        return GatewayTarget(
            url: url, isRemoteMode: isRemoteMode && remoteURL?.isEmpty == false, isSecure: parsed.isSecure,
            host: parsed.host, port: parsed.port, requestTarget: parsed.requestTarget)
    }

    /// `OPENCLAW_GATEWAY_PORT`, else `gateway.port`, else 18789 (`resolveGatewayPort`).
    static func port(config: ConfigNode, environment: [String: String]) -> Int {
        if let raw = environment["OPENCLAW_GATEWAY_PORT"]?.trimmingWhitespace, !raw.isEmpty,
           let value = Int(raw), value > 0 {
            return value
        }
        if let number = config["gateway"]["port"].number, number.isFinite, number > 0,
           number.rounded() == number, number < 65536 {
            return Int(number)
        }
        return defaultPort
    }
}
