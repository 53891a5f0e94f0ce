/// `tools.web.fetch.env_proxy_without_use_trusted_env_proxy`: proxy variables are set
/// but web_fetch ignores them unless `tools.web.fetch.useTrustedEnvProxy` is on, so its
/// requests go out directly.
struct WebFetchEnvProxyCheck: Check {
    /// The variables a user sets to route HTTP(S) through a proxy, in the order listed.
    static let proxyVariables = ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"]

    let infos = [
        CheckInfo(
            id: "tools.web.fetch.env_proxy_without_use_trusted_env_proxy",
            title: "Proxy env vars set without tools.web.fetch.useTrustedEnvProxy",
            severity: .fixed(.warn),
            rationale: "On networks that only allow egress through a proxy, web_fetch connecting directly times out silently; where the proxy is the outbound policy, direct connections bypass it.",
            remediation: "Set tools.web.fetch.useTrustedEnvProxy: true if web_fetch should route through the proxy (only when the proxy enforces outbound policy).",
            triggers: [
                CheckExample(#"{}"#, environment: ["HTTPS_PROXY": "http://proxy.internal:3128"]),
                CheckExample(#"{ tools: { web: { fetch: { ↓useTrustedEnvProxy: false } } } }"#, environment: ["http_proxy": "http://proxy.internal:3128"]),
                CheckExample(#"{}"#, environment: ["HTTPS_PROXY": "http://proxy.internal:3128", "NO_PROXY": "localhost,.internal"]),
            ],
            passes: [
                CheckExample(#"{ tools: { web: { fetch: { useTrustedEnvProxy: true } } } }"#, environment: ["HTTPS_PROXY": "http://proxy.internal:3128"]),
                CheckExample(#"{ tools: { web: { fetch: { enabled: false } } } }"#, environment: ["HTTPS_PROXY": "http://proxy.internal:3128"]),
                CheckExample(#"{}"#, environment: ["HTTPS_PROXY": "http://proxy.internal:3128", "no_proxy": "localhost, *"]),
                CheckExample(#"{}"#, environment: ["HTTPS_PROXY": "http://proxy.internal:3128", "https_proxy": " "]),
                CheckExample(#"{}"#, environment: ["ALL_PROXY": "socks5://proxy.internal:1080"]),
                CheckExample(#"{}"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let environment = context.environment
        /// nil = unset; "" = set but blank (a blank lower-case name still shadows the upper-case one).
        func value(_ name: String) -> String? { environment[name]?.trimmingWhitespace }
        func preferLowerCase(_ lower: String, _ upper: String) -> String? { value(lower) ?? value(upper) }
        let httpProxy = preferLowerCase("http_proxy", "HTTP_PROXY") ?? ""
        let httpsProxy = preferLowerCase("https_proxy", "HTTPS_PROXY") ?? ""
        guard !httpProxy.isEmpty || !httpsProxy.isEmpty else { return [] }
        let fetch = context.configFile.sourceRoot["tools"]["web"]["fetch"]
        guard fetch["enabled"].bool != false, fetch["useTrustedEnvProxy"].bool != true else { return [] }
        let noProxy = preferLowerCase("no_proxy", "NO_PROXY") ?? ""
        let bypassTokens = noProxy.split { $0 == "," || $0.isWhitespace }
        guard !bypassTokens.contains("*") else { return [] }
        let present = Self.proxyVariables.filter { !(value($0) ?? "").isEmpty }.joined(separator: ", ")
        return [finding(
            "tools.web.fetch.env_proxy_without_use_trusted_env_proxy", .warn,
            title: "\(present) set without tools.web.fetch.useTrustedEnvProxy",
            detail: "Detected \(present) in the process environment, but tools.web.fetch.useTrustedEnvProxy is not enabled, so web_fetch will use direct connections and ignore the configured proxy. This can cause silent timeouts on networks that block direct egress.",
            remediation: "Set tools.web.fetch.useTrustedEnvProxy: true in openclaw.json if web_fetch should route through the proxy. Note: this lets the proxy resolve DNS for web_fetch instead of local DNS pinning, so only enable when the proxy enforces outbound policy.",
            at: context.config["tools"]["web"]["fetch"]["useTrustedEnvProxy"])]
    }
}
