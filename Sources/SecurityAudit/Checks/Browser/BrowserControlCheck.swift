/// `browser.*`: the gateway's browser-control HTTP routes and the CDP endpoints of the
/// browser profiles.
struct BrowserControlCheck: Check {
    let infos = [
        CheckInfo(
            id: "browser.control_invalid_config",
            title: "Browser control config looks invalid",
            severity: .fixed(.warn),
            rationale: "The gateway refuses a browser config whose CDP URL is not a valid http(s) URL, so what it would actually run cannot be audited.",
            remediation: "Fix browser.cdpUrl in the config file and run the audit again.",
            triggers: [
                CheckExample(#"{ browser: { ↓cdpUrl: "ws://127.0.0.1:9222" } }"#),
                CheckExample(#"{ browser: { ↓cdpUrl: "not a url" } }"#),
                CheckExample(#"{ browser: { enabled: false, ↓cdpUrl: "http://[::1" } }"#),
                CheckExample(##"{ browser: { profiles: { ↓work: { color: "#00FF00" } } } }"##),
                CheckExample(#"{ gateway: { ↓port: 65533 } }"#),
            ],
            passes: [
                CheckExample(#"{ browser: { cdpUrl: "https://cdp.example.com" } }"#),
                CheckExample(##"{ browser: { enabled: false, profiles: { work: { color: "#00FF00" } } } }"##),
                CheckExample(#"{ gateway: { port: 65532 } }"#),
            ]),
        CheckInfo(
            id: "browser.extension_relay_legacy_auth",
            title: "Legacy browser extension relay authentication is enabled",
            severity: .fixed(.warn),
            rationale: "From 2026.8.1 the browser extension relay keeps accepting the old Bearer, Basic and token-subprotocol credentials for one migration window, by default; any client still holding such a credential can drive the browser without the v2 handshake.",
            remediation: "Update paired Chrome extensions and external CDP clients to Browser Relay Authentication v2, then set browser.extensionRelay.allowLegacyAuth=false.",
            triggers: [
                CheckExample(#"{ gateway: { auth: { token: "a-long-random-token-value-123" } } }"#, release: "2026.8.1"),
                CheckExample(#"{ browser: { extensionRelay: { ↓allowLegacyAuth: true } } }"#),
            ],
            passes: [
                // The relay's legacy window does not exist before 2026.8.1.
                CheckExample(#"{ gateway: { auth: { token: "a-long-random-token-value-123" } } }"#, release: "2026.7.1"),
                CheckExample(#"{ browser: { extensionRelay: { allowLegacyAuth: false } } }"#, release: "2026.9.9"),
                CheckExample(#"{ browser: { enabled: false } }"#),
            ]),
        CheckInfo(
            id: "browser.control_no_auth",
            title: "Browser control has no auth",
            severity: .fixed(.critical),
            rationale: "Browser control drives a real browser with the user's sessions; without a gateway token or password any local process, or an SSRF to loopback, can use it.",
            remediation: "Set gateway.auth.token (recommended) or gateway.auth.password.",
            triggers: [
                CheckExample(#"{}"#),
                CheckExample(#"{ gateway: { ↓auth: { mode: "token", password: { source: "env", id: "GW_PASSWORD" } } } }"#),
                CheckExample(#"{ gateway: { ↓auth: { token: "   " } } }"#),
            ],
            passes: [
                CheckExample(#"{ gateway: { auth: { token: "a-long-random-token-value-123" } } }"#),
                CheckExample(#"{}"#, environment: ["OPENCLAW_GATEWAY_TOKEN": "env-token"]),
                CheckExample(#"{}"#, environment: ["CLAWDBOT_GATEWAY_PASSWORD": "env-password"]),
                CheckExample(#"{ gateway: { auth: { password: { source: "env", provider: "default", id: "GW_PASSWORD" } } } }"#),
                CheckExample(#"{ gateway: { auth: { token: "${GATEWAY_TOKEN}" } } }"#),
                CheckExample(#"{ browser: { enabled: false } }"#),
            ]),
        CheckInfo(
            id: "browser.remote_cdp_http",
            title: "Remote CDP uses HTTP",
            severity: .fixed(.warn),
            rationale: "The Chrome DevTools Protocol grants full control of the browser; over plain HTTP to another host, anyone on the path can read or hijack the session.",
            remediation: "Prefer HTTPS/TLS or a tailnet-only endpoint for remote CDP.",
            triggers: [
                CheckExample(##"{ browser: { profiles: { remote: { ↓cdpUrl: "http://example.com:9222", color: "#0066CC" } } } }"##),
                CheckExample(#"{ browser: { ↓cdpUrl: "http://10.0.0.5:9222" } }"#),
                CheckExample(#"{ browser: { cdpUrl: "https://cdp.example.com", profiles: { lab: { ↓cdpUrl: "http://lab.example.com:9222" } } } }"#),
            ],
            passes: [
                CheckExample(#"{ browser: { profiles: { remote: { cdpUrl: "https://example.com:9222" } } } }"#),
                CheckExample(#"{ browser: { profiles: { local: { cdpUrl: "http://127.0.0.2:9222" }, six: { cdpUrl: "http://[::1]:9222" }, name: { cdpUrl: "http://LOCALHOST:9222" } } } }"#),
                CheckExample(#"{ browser: { enabled: false, profiles: { remote: { cdpUrl: "http://example.com:9222" } } } }"#),
            ]),
        CheckInfo(
            id: "browser.remote_cdp_private_host",
            title: "Remote CDP targets a private/internal host",
            severity: .fixed(.warn),
            rationale: "A CDP endpoint on a LAN, tailnet, link-local or metadata address is only as safe as that network; it should be a deliberate trusted-network choice.",
            remediation: "Prefer a tailnet or tunnel for remote CDP, or set browser.ssrfPolicy.dangerouslyAllowPrivateNetwork=false and allow only explicit hosts.",
            triggers: [
                CheckExample(#"{ browser: { profiles: { lan: { ↓cdpUrl: "https://192.168.1.20:9222" } } } }"#),
                CheckExample(#"{ browser: { profiles: { ts: { ↓cdpUrl: "http://100.101.102.103:9222" } } } }"#),
                CheckExample(#"{ browser: { profiles: { wsl: { ↓cdpUrl: "http://host.docker.internal:9222" } } } }"#),
                CheckExample(#"{ browser: { ssrfPolicy: { allowPrivateNetwork: true }, profiles: { v6: { ↓cdpUrl: "http://[fd00::5]:9222" } } } }"#),
            ],
            passes: [
                CheckExample(#"{ browser: { profiles: { pub: { cdpUrl: "https://cdp.example.com" } } } }"#),
                CheckExample(#"{ browser: { ssrfPolicy: { dangerouslyAllowPrivateNetwork: false }, profiles: { lan: { cdpUrl: "http://192.168.1.20:9222" } } } }"#),
                CheckExample(#"{ browser: { profiles: { local: { cdpUrl: "http://127.0.0.1:9222" } } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let browser = context.config["browser"]
        let resolved: BrowserControlConfig
        switch BrowserControlConfig.resolve(config: context.config, environment: context.environment) {
        case .invalid(let error, let node):
            return [invalidConfig(error, at: node ?? browser, context: context)]
        case .resolved(let config):
            resolved = config
        }
        guard resolved.enabled else { return [] }
        let profiles: [BrowserControlConfig.Profile]
        switch resolved.profiles {
        case .failure(let error): return [invalidConfig(error.message, at: error.node ?? browser, context: context)]
        case .success(let list): profiles = list
        }

        var out: [Finding] = []
        // `extensions/browser/src/security-audit.ts`: the migration window's default is on;
        // only an explicit false closes it.
        let legacyAuth = browser["extensionRelay"]["allowLegacyAuth"]
        if legacyAuth.bool != false {
            out.append(finding(
                "browser.extension_relay_legacy_auth", .warn,
                detail: "browser.extensionRelay.allowLegacyAuth defaults to true for one migration window, so old relay Bearer, Basic, and token-subprotocol clients can still authenticate.",
                at: legacyAuth ?? browser))
        }
        if !Self.hasControlAuth(context) {
            out.append(finding(
                "browser.control_no_auth", .critical,
                detail: "Browser control HTTP routes are enabled but no gateway.auth token/password is configured. Any local process (or SSRF to loopback) can call browser control endpoints.",
                remediation: "Set gateway.auth.token (recommended) or gateway.auth.password so browser control HTTP routes require authentication. Restarting the gateway will auto-generate gateway.auth.token when browser control is enabled.",
                at: context.config["gateway"]["auth"] ?? browser))
        }
        let redactor = SensitiveTextRedactor(config: context.config)
        for profile in profiles where !profile.isLoopback {
            guard let url = WebURL.parse(profile.cdpURL) else { continue }
            let location = profile.node["cdpUrl"] ?? profile.node ?? browser["cdpUrl"] ?? browser
            let shownURL = Self.redactedURL(profile.cdpURL, redactor: redactor)
            if url.scheme == "http" {
                out.append(finding(
                    "browser.remote_cdp_http", .warn,
                    detail: "browser profile \"\(profile.name)\" uses http CDP (\(shownURL)); this is OK only if it's tailnet-only or behind an encrypted tunnel.",
                    at: location))
            }
            if resolved.allowsPrivateNetwork, HostClassification.isPrivateOrInternal(url.hostname) {
                out.append(finding(
                    "browser.remote_cdp_private_host", .warn,
                    detail: "browser profile \"\(profile.name)\" points at a private/internal CDP host (\(shownURL)). This is expected for LAN/tailnet/WSL-style setups, but treat it as a trusted-network endpoint.",
                    remediation: "Prefer a tailnet or tunnel for remote CDP. If you want strict blocking, set browser.ssrfPolicy.dangerouslyAllowPrivateNetwork=false and allow only explicit hosts.",
                    at: location))
            }
        }
        return out
    }

    private func invalidConfig(_ error: String, at node: ConfigNode?, context: AuditContext) -> Finding {
        finding(
            "browser.control_invalid_config", .warn, detail: error,
            remediation: "Fix browser.cdpUrl in \(context.paths.configPath) and re-run \"\(context.cliCommand("openclaw security audit --deep"))\".",
            at: node)
    }

    /// The gateway token or password that browser control would require, counting
    /// SecretRefs and the environment; a password counts only where it can win.
    static func hasControlAuth(_ context: AuditContext) -> Bool {
        let auth = context.config["gateway"]["auth"]
        let explicitMode = auth["mode"].string
        let plainToken = plainSecret(auth["token"])
        let tokenConfigured = plainToken != nil || context.env("OPENCLAW_GATEWAY_TOKEN") != nil
            || context.env("CLAWDBOT_GATEWAY_TOKEN") != nil || SecretInput.isConfigured(auth["token"])
        if tokenConfigured { return true }
        if plainSecret(auth["password"]) != nil || context.env("OPENCLAW_GATEWAY_PASSWORD") != nil { return true }
        let passwordCanWin = explicitMode == "password" || !["token", "none", "trusted-proxy"].contains(explicitMode ?? "")
        return passwordCanWin
            && (context.env("CLAWDBOT_GATEWAY_PASSWORD") != nil || SecretInput.isConfigured(auth["password"]))
    }

    /// A trimmed plaintext secret: not blank and not an unresolved `${NAME}` reference.
    static func plainSecret(_ node: ConfigNode?) -> String? {
        guard let text = SecretInput.plainText(node), SecretReference.environmentTemplateName(text) == nil else { return nil }
        return text
    }

    /// `redactCdpUrl`: no credentials, no trailing slash, then the log redaction.
    static func redactedURL(_ raw: String, redactor: SensitiveTextRedactor) -> String {
        let trimmed = raw.trimmingWhitespace
        guard var url = WebURL.parse(trimmed) else { return redactor.redact(trimmed) }
        url.username = ""
        url.password = ""
        var text = url.href
        if text.hasSuffix("/") { text.removeLast() }
        return redactor.redact(text)
    }
}
