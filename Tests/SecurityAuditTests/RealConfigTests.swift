import Foundation
import Testing
@testable import SecurityAudit

/// Issue 19: configs as people publish them (deployment repos, dotfiles, upstream's docs
/// examples) must not get a false all-clear. One test per item, built from its repro.
struct RealConfigTests {
    func ids(_ report: AuditReport) -> [String] { report.findings.map(\.checkId) }

    // MARK: Item 4: an unresolved ${VAR} is unknown, not short and not missing.

    @Test(arguments: ["${GATEWAY_TOKEN}", "${OPENCLAW_GATEWAY_AUTH_TOKEN_FOR_PRODUCTION}"])
    func anUnresolvedTokenIsUnknownNotShort(reference: String) throws {
        let report = try auditReport(config: """
            { gateway: { bind: "lan", auth: { mode: "token", token: "\(reference)" } } }
            """)
        #expect(!ids(report).contains("gateway.token_too_short"))
        #expect(!ids(report).contains("gateway.bind_no_auth"))
        let unresolved = report.findings.filter { $0.checkId == "config.env_var_unresolved" }
        #expect(unresolved.count == 1)
        #expect(unresolved.first?.severity == .warn)
        #expect(unresolved.first?.detail.hasPrefix("gateway.auth.token uses \(reference)") == true, "\(unresolved)")
        #expect(unresolved.first?.location?.range.start.line == 1)
    }

    @Test func aResolvedShortTokenIsStillShort() throws {
        let report = try auditReport(
            config: #"{ gateway: { auth: { mode: "token", token: "${GATEWAY_TOKEN}" } } }"#,
            environment: ["GATEWAY_TOKEN": "short"])
        #expect(ids(report).contains("gateway.token_too_short"))
        #expect(!ids(report).contains("config.env_var_unresolved"))
    }

    @Test func oneVariableAtTwoPathsIsReportedAtBoth() throws {
        let report = try auditReport(config: """
            { gateway: { auth: { mode: "token", token: "${SHARED_SECRET}" } },
              hooks: { enabled: true, token: "${SHARED_SECRET}", path: "/hooks" } }
            """)
        let paths = report.findings.filter { $0.checkId == "config.env_var_unresolved" }.map { $0.detail.prefix { $0 != " " } }
        #expect(paths == ["gateway.auth.token", "hooks.token"])
        #expect(!ids(report).contains("hooks.token_too_short"))
        #expect(!ids(report).contains("hooks.token_reuse_gateway_token"))
    }

    @Test func theCLIWarnsOncePerPath() throws {
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", #"{ gateway: { auth: { token: "${T}" } }, hooks: { token: "${T}" } }"#, mode: 0o600)
        let result = try CLITests().run(["audit", "--json"], environment: CLITests().environment(dir))
        #expect(result.stderr.components(separatedBy: "missing env var \"T\"").count == 3, "\(result.stderr)")
    }
}

extension RealConfigTests {
    // MARK: Item 5: placeholders are not secrets.

    /// Upstream's "hardened baseline in 60 seconds" (docs/gateway/security/index.md), as
    /// published, then exposed on the LAN.
    @Test func upstreamsHardenedBaselineTokenIsAPlaceholder() throws {
        let baseline = """
            {
              gateway: {
                mode: "local",
                bind: "loopback",
                auth: { mode: "token", token: "replace-with-long-random-token" },
              },
              session: { dmScope: "per-channel-peer" },
              tools: { profile: "messaging" },
            }
            """
        let local = try auditReport(config: baseline).findings.first { $0.checkId == "gateway.auth_placeholder" }
        #expect(local?.severity == .warn)
        #expect(local?.detail.contains("\"replace-with-long-random-token\"") == true, "\(String(describing: local))")
        #expect(local?.location?.range.start.line == 5)
        let exposed = try auditReport(config: baseline.replacingOccurrences(of: "\"loopback\"", with: "\"lan\""))
            .findings.first { $0.checkId == "gateway.auth_placeholder" }
        #expect(exposed?.severity == .critical)
    }

    @Test(arguments: [
        "change-me", "your-strong-password", "undefined", "null", "${env:OPENCLAW_GATEWAY_TOKEN}", "{{ GATEWAY_TOKEN }}",
        "$OPENCLAW_GATEWAY_TOKEN", "<your-token>", "CHANGEME", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "change-me-to-a-long-random-token",
        "__OPENCLAW_REDACTED__", "%GATEWAY_TOKEN%", "replace_with_a_secure_token",
    ])
    func placeholderTokensOnAnExposedGatewayAreCritical(token: String) throws {
        let report = try auditReport(config: #"{ gateway: { bind: "tailnet", auth: { mode: "token", token: "\#(token)" } } }"#)
        let found = report.findings.filter { $0.checkId == "gateway.auth_placeholder" }
        #expect(found.count == 1, "\(token)")
        #expect(found.first?.severity == .critical)
        #expect(!report.findings.contains { $0.detail.contains("missing env var") })
    }

    @Test(arguments: [
        "9f2c4e7a1b8d3f6e0a5c2b9d8e7f1a3c", "k3Q9vT2xLr8wZp4mHs7dNq1yBc6fJg0e", "Zm9vYmFyLXJhbmRvbS1zZWNyZXQtMTIzNDU2Nzg5",
        "correct-horse-battery-staple-orbit", "hT7_pQ2-vN9xL4kR8sW3mY6bF1cJ5dG0",
    ])
    func randomOrPassphraseTokensAreNotPlaceholders(token: String) throws {
        let report = try auditReport(config: #"{ gateway: { bind: "lan", auth: { mode: "token", token: "\#(token)" } } }"#)
        #expect(!report.findings.contains { $0.checkId == "gateway.auth_placeholder" }, "\(token)")
    }

    @Test func aPlaceholderHooksTokenAndPasswordAreFound() throws {
        let report = try auditReport(config: """
            { gateway: { bind: "lan", auth: { mode: "password", password: "your-strong-password" } },
              hooks: { enabled: true, token: "change-me", path: "/hooks" } }
            """)
        let ids = report.findings.map(\.checkId)
        #expect(ids.contains("gateway.auth_placeholder"))
        #expect(ids.contains("hooks.token_placeholder"))
        #expect(report.findings.first { $0.checkId == "gateway.auth_placeholder" }?.detail.hasPrefix("gateway.auth.password is") == true)
        // Example text is shown redacted (a weak real password may look like one).
        #expect(!report.findings.contains { $0.detail.contains("your-strong-password") })
    }
}

extension RealConfigTests {
    // MARK: Item 6: credentials inside URLs, redacted.

    @Test func urlCredentialsAreFoundWhereverTheyAreAndRedacted() throws {
        let report = try auditReport(config: """
            {
              models: {
                proxy: "http://user:pass@host:8081",
                providers: { internal: { baseUrl: "https://admin:secret@llm.internal/v1", models: [] } },
              },
              env: { vars: { DATABASE_URL: "postgresql://app:pw@db:5432/app" } },
              tools: { exec: { note: "run with PGURL=postgres://ops:Hunter2Long@10.0.0.5/x here" } },
            }
            """)
        let found = report.findings.filter { $0.checkId == "secrets.config_url_credentials" }
        #expect(found.map { String($0.detail.prefix { $0 != " " }) } == [
            "models.proxy", "models.providers.internal.baseUrl", "env.vars.DATABASE_URL", "tools.exec.note",
        ])
        #expect(found.map { $0.location?.range.start.line } == [3, 4, 6, 7])
        #expect(found[0].detail.contains("http://user:***@host:8081"), "\(found[0].detail)")
        #expect(found[3].detail.contains("postgres://ops:***@10.0.0.5/x"), "\(found[3].detail)")
        for secret in [":pass@", "secret@", ":pw@", "Hunter2Long"] {
            #expect(!report.findings.contains { $0.detail.contains(secret) }, "\(secret)")
        }
    }

    @Test func urlCredentialParsing() {
        #expect(URLCredentials.find(in: "https://example.com/a@b").isEmpty)
        #expect(URLCredentials.find(in: "mailto:user@example.com").isEmpty)
        #expect(URLCredentials.find(in: "https://user@example.com").isEmpty)
        #expect(URLCredentials.find(in: "https://ghp_abcdefghijklmnopqrstuvwx@github.com/o/r.git").first?.redacted == "https://***@github.com/o/r.git")
        #expect(URLCredentials.find(in: "redis://:pw@[::1]:6379").first?.password == "pw")
        #expect(URLCredentials.find(in: "a http://a:b@h b socks5://c:d@i").map(\.scheme) == ["http", "socks5"])
        #expect(URLCredentials.find(in: "postgresql://app:${DB_PASSWORD}@db/app").first?.isReference == true)
    }
}
