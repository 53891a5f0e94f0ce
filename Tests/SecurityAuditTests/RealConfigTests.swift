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
