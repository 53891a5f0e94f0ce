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
        guard let parsed = WebSocketURL(url), parsed.isSecure || isLoopbackHost(parsed.host) else {
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

    /// `localhost`, 127.0.0.0/8, `::1` and IPv4-mapped loopback, bracketed or not.
    static func isLoopbackHost(_ rawHost: String) -> Bool {
        var host = rawHost.trimmingWhitespace.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        if host.hasPrefix("::ffff:") { host = String(host.dropFirst("::ffff:".count)) }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) }),
              let first = Int(parts[0]), parts.compactMap({ Int($0) }).allSatisfy({ $0 <= 255 })
        else { return false }
        return first == 127
    }
}

/// The parts of a `ws://` / `wss://` URL the client needs, as WHATWG URL parsing
/// gives them for ordinary URLs (userinfo is dropped; it is never sent).
struct WebSocketURL: Equatable {
    var isSecure: Bool
    /// Without brackets for IPv6.
    var host: String
    var port: Int
    var requestTarget: String

    init?(_ text: String) {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("wss://") {
            isSecure = true
            rest = text.dropFirst(6)
        } else if lower.hasPrefix("ws://") {
            isSecure = false
            rest = text.dropFirst(5)
        } else {
            return nil
        }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        var target = String(rest[authorityEnd...])
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        if target.isEmpty || target.hasPrefix("?") { target = "/" + target }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var portText: Substring = ""
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { return nil }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            portText = authority[authority.index(after: colon)...]
        } else {
            host = String(authority)
        }
        host = host.lowercased()
        guard !host.isEmpty else { return nil }
        if portText.isEmpty {
            port = isSecure ? 443 : 80
        } else {
            guard portText.allSatisfy(\.isNumber), let value = Int(portText), value <= 65535 else { return nil }
            port = value
        }
        requestTarget = target
    }
}
