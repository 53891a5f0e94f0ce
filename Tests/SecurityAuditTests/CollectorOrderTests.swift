import Testing
@testable import SecurityAudit

/// Findings come out in the original's collector order.
struct CollectorOrderTests {
    @Test func toolSandboxHookAndModelChecksFollowTheOriginalOrder() throws {
        let report = try auditReport(config: """
            { gateway: { bind: "lan", auth: { password: "plain-password-1234567890" }, nodes: { allowCommands: ["sms.send"], denyCommands: ["sms.*"] } },
              browser: { profiles: { remote: { cdpUrl: "http://cdp.example.com:9222" } } },
              logging: { redactSensitive: "off" },
              tools: { exec: { host: "sandbox", safeBins: ["python3"] } },
              hooks: { enabled: true, token: "short", internal: { installs: { h: { source: "npm", spec: "h" } } } },
              agents: { defaults: { model: "ollama/llama3.2:3b", sandbox: { docker: { network: "host" } } } } }
            """)
        let order = [
            "browser.remote_cdp_http", "logging.redact_off", "tools.exec.host_sandbox_no_sandbox_defaults",
            "tools.exec.safe_bins_interpreter_unprofiled", "hooks.token_too_short", "sandbox.docker_config_mode_off",
            "sandbox.dangerous_network_mode", "gateway.nodes.deny_commands_ineffective", "gateway.nodes.allow_commands_dangerous",
            "config.secrets.gateway_password_in_config", "config.secrets.hooks_token_in_config", "models.small_params",
            "hooks.installs_unpinned_npm_specs",
        ]
        let positions = try order.map { id in try #require(report.findings.firstIndex { $0.checkId == id }, "\(id) missing") }
        #expect(positions == positions.sorted())
    }
}
