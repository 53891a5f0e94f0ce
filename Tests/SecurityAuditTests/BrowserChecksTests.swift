import Testing
@testable import SecurityAudit

/// `browser.*`, and the URL, address and redaction helpers behind them. Expected URL
/// forms are what Node's `new URL(text).href` prints.
struct BrowserChecksTests {
    static let urls: [(String, String?)] = [
        ("http://example.com:9222", "http://example.com:9222/"),
        ("HTTP://Example.COM:80/json", "http://example.com/json"),
        ("https://user:pa ss@cdp.example.com:443/a/../b/./c?x=1 2#frag", "https://user:pa%20ss@cdp.example.com/b/c?x=1%202#frag"),
        ("http://127.1:9222", "http://127.0.0.1:9222/"),
        ("http://0x7f000001", "http://127.0.0.1/"),
        ("http://[::FFFF:127.0.0.1]:9222", "http://[::ffff:7f00:1]:9222/"),
        ("http://[2001:db8:0:0:1:0:0:1]", "http://[2001:db8::1:0:0:1]/"),
        ("  http://h\\path\\x  ", "http://h/path/x"),
        ("ws://127.0.0.1:9222", "ws://127.0.0.1:9222/"),
        ("localhost:9222", "localhost:9222"),
        ("http://h:00080", "http://h/"), ("file:///tmp/x", "file:///tmp/x"), ("FILE://host/a/../b", "file://host/b"),
        ("not a url", nil), ("http://", nil), ("http://h:65536", nil), ("http://h:12ab", nil),
        ("http://[::1", nil), ("http://256.0.0.1", nil), ("http://a b", nil), ("9222", nil),
    ]

    @Test(arguments: urls)
    func urlParsing(_ input: String, _ href: String?) {
        #expect(WebURL.parse(input)?.href == href)
    }

    static let hosts: [(String, loopback: Bool, privateOrInternal: Bool)] = [
        ("localhost", true, true), ("127.0.0.1", true, true), ("127.8.9.10", true, true), ("[::1]", true, true),
        ("[::ffff:7f00:1]", true, true), ("0.0.0.0", true, true), ("[::]", true, true),
        ("10.1.2.3", false, true), ("172.16.0.1", false, true), ("172.32.0.1", false, false), ("192.168.1.20", false, true),
        ("100.64.0.1", false, true), ("169.254.169.254", false, true), ("198.18.0.1", false, true), ("8.8.8.8", false, false),
        ("[fd00::5]", false, true), ("[fe80::1]", false, true), ("[2001:4860::8888]", false, false),
        ("[64:ff9b::a00:1]", false, true), ("[2002:c0a8:101::]", false, true),
        ("example.com", false, false), ("printer.local", false, true), ("metadata.google.internal", false, true),
        ("host.docker.internal.", false, true), ("app.localhost", false, true),
        ("0177.0.0.1", false, true), ("[1::2::3]", false, true),
    ]

    @Test(arguments: hosts)
    func hostClasses(_ host: String, _ loopback: Bool, _ privateOrInternal: Bool) {
        #expect(HostClassification.isLoopback(host) == loopback)
        #expect(HostClassification.isPrivateOrInternal(host) == privateOrInternal)
    }

    func findings(_ config: String, _ id: String, environment: [String: String] = [:]) throws -> [Finding] {
        try auditReport(config: config, environment: environment).findings.filter { $0.checkId == id }
    }

    @Test func invalidConfigTextsAndNothingElse() throws {
        let report = try auditReport(config: #"{ browser: { cdpUrl: "ws://127.0.0.1:9222" } }"#)
        let browser = report.findings.filter { $0.checkId.hasPrefix("browser.") }
        #expect(browser.map(\.checkId) == ["browser.control_invalid_config"])
        #expect(browser.first?.detail == "Error: browser.cdpUrl must be http(s), got: ws")
        #expect(browser.first?.remediation?.hasPrefix("Fix browser.cdpUrl in /") == true)
        #expect(browser.first?.remediation?.hasSuffix("/state/openclaw.json and re-run \"openclaw security audit --deep\".") == true)

        #expect(try findings(#"{ browser: { cdpUrl: "nope" } }"#, "browser.control_invalid_config").first?.detail == "TypeError: Invalid URL")
        #expect(try findings(#"{ browser: { profiles: { lab: { cdpUrl: "file:///tmp/x" } } } }"#, "browser.control_invalid_config").first?.detail
            == "Error: browser.profiles.lab.cdpUrl must be http(s), got: file")
        #expect(try findings(#"{ browser: { profiles: { lab: {} } } }"#, "browser.control_invalid_config").first?.detail
            == "Error: Profile \"lab\" must define cdpPort or cdpUrl.")
        #expect(try findings(#"{}"#, "browser.control_invalid_config", environment: ["OPENCLAW_GATEWAY_PORT": "65533"]).first?.detail
            == "Error: Derived CDP port (65536) is too high; check gateway port configuration.")
        #expect(try findings(#"{ browser: { cdpUrl: "nope" } }"#, "browser.control_invalid_config", environment: ["OPENCLAW_PROFILE": "work"])
            .first?.remediation?.hasSuffix("re-run \"openclaw --profile work security audit --deep\".") == true)
    }

    @Test func remoteCDPTextsAndRedaction() throws {
        let report = try auditReport(config: """
            { gateway: { auth: { token: "a-long-random-token-value-123" } },
              browser: { cdpUrl: "http://10.0.0.5:9222", extensionRelay: { allowLegacyAuth: false },
                         profiles: { remote: { cdpUrl: "http://user:pw@cdp.example.com:9222/?token=abcdefghijklmnopqrstuvwxyz" },
                                     secure: { cdpUrl: "https://cdp.example.com" },
                                     port: { cdpPort: 9333 } } } }
            """)
        let browser = report.findings.filter { $0.checkId.hasPrefix("browser.") }
        #expect(browser.map(\.checkId) == [
            "browser.remote_cdp_http", "browser.remote_cdp_http", "browser.remote_cdp_private_host",
            "browser.remote_cdp_http", "browser.remote_cdp_private_host",
        ])
        #expect(browser[0].detail == "browser profile \"remote\" uses http CDP (http://cdp.example.com:9222/?token=abcdef…wxyz); this is OK only if it's tailnet-only or behind an encrypted tunnel.")
        #expect(browser[1].detail.hasPrefix("browser profile \"port\" uses http CDP (http://10.0.0.5:9333);"))
        #expect(browser[2].detail == "browser profile \"port\" points at a private/internal CDP host (http://10.0.0.5:9333). This is expected for LAN/tailnet/WSL-style setups, but treat it as a trusted-network endpoint.")
        #expect(browser[3].detail.hasPrefix("browser profile \"openclaw\" uses http CDP (http://10.0.0.5:9222);"))
    }

    @Test func redactionFollowsLoggingSettings() throws {
        let url = "http://cdp.example.com:9222/?token=abcdefghijklmnopqrstuvwxyz"
        func detail(_ logging: String) throws -> String {
            try #require(findings("{ \(logging) browser: { profiles: { r: { cdpUrl: \"\(url)\" } } } }", "browser.remote_cdp_http").first?.detail)
        }
        #expect(try detail("").contains("token=abcdef…wxyz"))
        #expect(try detail(#"logging: { redactSensitive: "off" },"#).contains("token=abcdefghijklmnopqrstuvwxyz"))
        #expect(try detail(#"logging: { redactPatterns: ["/cdp\\.example/"] },"#).contains("http://***.com:9222/?token=abcdefghijklmnopqrstuvwxyz"))
    }

    @Test func redactorMasksCommonSecrets() {
        let redactor = SensitiveTextRedactor(config: .emptyObject)
        #expect(redactor.redact("API_KEY=shortvalue") == "API_KEY=***")
        #expect(redactor.redact("x sk-abcdefghijklmnopqrstu y") == "x sk-abc…rstu y")
        #expect(redactor.redact("Bearer abcdefghijklmnopqrstuvwxyz") == "Bearer abcdef…wxyz")
        #expect(redactor.redact("nothing to see") == "nothing to see")
    }

    @Test func controlAuthCountsEnvironmentAndSecretRefs() throws {
        let id = "browser.control_no_auth"
        #expect(try findings(#"{}"#, id).first?.detail == "Browser control HTTP routes are enabled but no gateway.auth token/password is configured. Any local process (or SSRF to loopback) can call browser control endpoints.")
        #expect(try findings(#"{ gateway: { auth: { token: { source: "file", provider: "vault", id: "/gw" } } } }"#, id).isEmpty)
        #expect(try findings(#"{}"#, id, environment: ["OPENCLAW_GATEWAY_PASSWORD": "pw"]).isEmpty)
        #expect(try findings(#"{ gateway: { auth: { mode: "none" } } }"#, id, environment: ["CLAWDBOT_GATEWAY_PASSWORD": "pw"]).count == 1)
        #expect(try findings(#"{ gateway: { auth: { mode: "password", password: { source: "env", id: "PW" } } } }"#, id).isEmpty)
    }
}
