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
