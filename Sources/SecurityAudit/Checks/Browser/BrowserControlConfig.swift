/// The browser-control settings as the gateway resolves them (`resolveBrowserConfig`
/// and `resolveProfile`): whether it runs, and the CDP endpoint of every profile,
/// including the implicit default profile `openclaw`.
struct BrowserControlConfig: Sendable {
    struct Profile: Sendable {
        var name: String
        /// The endpoint as the gateway uses it (normalised, no trailing slash).
        var cdpURL: String
        var host: String
        var isLoopback: Bool
        /// Where the profile is configured (nil for the implicit default profile).
        var node: ConfigNode?
    }

    enum Resolution: Sendable {
        /// `String(err)` of the error the gateway would throw at startup.
        case invalid(error: String, node: ConfigNode?)
        case resolved(BrowserControlConfig)
    }

    static let defaultGatewayPort = 18789
    static let defaultControlPort = 18791
    static let defaultCDPRangeStart = 18800
    static let defaultProfileName = "openclaw"

    var enabled: Bool
    /// Either the whole list, or the first profile error (only fatal when enabled).
    var profiles: Result<[Profile], ProfileError>
    /// `browser.ssrfPolicy` lets the browser reach private networks (the default).
    var allowsPrivateNetwork: Bool

    struct ProfileError: Error, Sendable {
        var message: String
        var node: ConfigNode?
    }

    /// Validation of `browser.cdpUrl` and the derived ports; profile errors only show
    /// when profiles are used, so they are kept apart.
    static func resolve(config: ConfigNode, environment: [String: String]) -> Resolution {
        let browser = config["browser"]
        let enabled = browser["enabled"].bool ?? true
        let controlPort = derivedPort(gatewayPort(config: config, environment: environment), offset: 2, fallback: defaultControlPort)

        var baseHost = "127.0.0.1"
        var baseScheme = "http"
        var legacyCDPPort: Int?
        let rawCDPUrl = browser["cdpUrl"].string?.trimmingWhitespace ?? ""
        if !rawCDPUrl.isEmpty {
            switch parseHTTPURL(rawCDPUrl, label: "browser.cdpUrl") {
            case .failure(let error): return .invalid(error: error.message, node: browser["cdpUrl"])
            case .success(let parsed):
                baseHost = parsed.url.hostname
                baseScheme = parsed.url.scheme
                legacyCDPPort = parsed.port
            }
        } else if controlPort + 1 > 65535 {
            return .invalid(error: "Error: Derived CDP port (\(controlPort + 1)) is too high; check gateway port configuration.", node: config["gateway"]["port"])
        }
        let rangeStart = derivedPort(controlPort, offset: 9, fallback: defaultCDPRangeStart)

        var profiles: [Profile] = []
        var profileError: ProfileError?
        var entries = browser["profiles"].object?.entries.map { ($0.key, Optional($0.value)) } ?? []
        if !entries.contains(where: { $0.0 == defaultProfileName }) {
            entries.append((defaultProfileName, nil))
        }
        for (name, node) in entries where profileError == nil {
            let rawURL = node["cdpUrl"].string?.trimmingWhitespace ?? ""
            if !node.isTruthy, name != defaultProfileName {
                continue
            } else if !node.isTruthy {
                let port = legacyCDPPort ?? rangeStart
                profiles.append(profile(name, "\(baseScheme)://\(baseHost):\(port)", host: baseHost, node: nil))
            } else if !rawURL.isEmpty {
                switch parseHTTPURL(rawURL, label: "browser.profiles.\(name).cdpUrl") {
                case .failure(let error): profileError = ProfileError(message: error.message, node: node["cdpUrl"])
                case .success(let parsed): profiles.append(profile(name, parsed.normalized, host: parsed.url.hostname, node: node))
                }
            } else if let port = node["cdpPort"].number, port != 0, !port.isNaN {
                profiles.append(profile(name, "\(baseScheme)://\(baseHost):\(JavaScriptNumber.format(port))", host: baseHost, node: node))
            } else {
                profileError = ProfileError(message: "Error: Profile \"\(name)\" must define cdpPort or cdpUrl.", node: node)
            }
        }

        let ssrf = browser["ssrfPolicy"]
        let allowPrivate = ssrf["allowPrivateNetwork"]
        let dangerouslyAllowPrivate = ssrf["dangerouslyAllowPrivateNetwork"]
        let allowsPrivateNetwork = dangerouslyAllowPrivate.bool == true || allowPrivate.bool == true
            || (allowPrivate == nil && dangerouslyAllowPrivate == nil)
        return .resolved(BrowserControlConfig(
            enabled: enabled,
            profiles: profileError.map { .failure($0) } ?? .success(profiles),
            allowsPrivateNetwork: allowsPrivateNetwork))
    }

    /// Browser control counts as enabled unless it resolves and says otherwise: a
    /// config the gateway rejects cannot be shown to keep it off.
    static func isEnabled(config: ConfigNode, environment: [String: String]) -> Bool {
        if case .resolved(let resolved) = resolve(config: config, environment: environment) { return resolved.enabled }
        return true
    }

    private static func profile(_ name: String, _ url: String, host: String, node: ConfigNode?) -> Profile {
        Profile(name: name, cdpURL: url, host: host, isLoopback: HostClassification.isLoopback(host), node: node)
    }

    /// `OPENCLAW_GATEWAY_PORT` (or the legacy name), else `gateway.port`, else 18789.
    static func gatewayPort(config: ConfigNode, environment: [String: String]) -> Int {
        let envRaw = [environment["OPENCLAW_GATEWAY_PORT"], environment["CLAWDBOT_GATEWAY_PORT"]]
            .compactMap { $0?.trimmingWhitespace }.first { !$0.isEmpty }
        if let envRaw, let parsed = leadingInteger(envRaw), parsed > 0 { return parsed }
        if let port = config["gateway"]["port"].number, port.isFinite, port > 0 {
            return port < Double(Int.max / 2) ? Int(port) : Int.max / 2
        }
        return defaultGatewayPort
    }

    /// `Number.parseInt(text, 10)`: optional sign, then leading digits.
    static func leadingInteger(_ text: String) -> Int? {
        var scalars = Substring(text)
        var sign = 1
        if let first = scalars.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            scalars = scalars.dropFirst()
        }
        let digits = scalars.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        return Int(digits.prefix(15)).map { $0 * sign }
    }

    static func derivedPort(_ base: Int, offset: Int, fallback: Int) -> Int {
        let port = base + offset
        return port > 0 && port <= 65535 ? port : fallback
    }

    struct ParsedHTTPURL {
        var url: WebURL
        var port: Int
        var normalized: String
    }

    struct URLError: Error {
        var message: String
    }

    /// `parseHttpUrl`: an http(s) URL, its effective port and its normalised form.
    static func parseHTTPURL(_ raw: String, label: String) -> Result<ParsedHTTPURL, URLError> {
        guard let url = WebURL.parse(raw) else { return .failure(URLError(message: "TypeError: Invalid URL")) }
        guard url.scheme == "http" || url.scheme == "https" else {
            return .failure(URLError(message: "Error: \(label) must be http(s), got: \(url.scheme)"))
        }
        let port = url.port.flatMap { $0 > 0 ? $0 : nil } ?? (url.scheme == "https" ? 443 : 80)
        var normalized = url.href
        if normalized.hasSuffix("/") { normalized.removeLast() }
        return .success(ParsedHTTPURL(url: url, port: port, normalized: normalized))
    }
}
