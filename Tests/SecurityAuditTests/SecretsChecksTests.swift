import Testing
@testable import SecurityAudit

/// `config.secrets.*` and `channels.feishu.doc_owner_open_id`.
struct SecretsChecksTests {
    func ids(_ config: String, environment: [String: String] = [:]) throws -> [String] {
        try auditReport(config: config, environment: environment).findings.map(\.checkId)
    }

    @Test func plaintextSecretsTexts() throws {
        let report = try auditReport(config: #"{ gateway: { auth: { password: "plain-password" } }, hooks: { enabled: true, token: "plain-hooks-token-1234567890" } }"#)
        let password = try #require(report.findings.first { $0.checkId == "config.secrets.gateway_password_in_config" })
        #expect(password.detail == "gateway.auth.password is set in the config file; prefer environment variables for secrets when possible.")
        #expect(password.remediation == "Prefer OPENCLAW_GATEWAY_PASSWORD (env) and remove gateway.auth.password from disk.")
        let token = try #require(report.findings.first { $0.checkId == "config.secrets.hooks_token_in_config" })
        #expect(token.severity == .info)
        #expect(token.detail == "hooks.token is set in the config file; keep config perms tight and treat it like an API secret.")
        #expect(token.remediation == nil)
        #expect(password.location?.range.start.line == 1)
    }

    @Test func referencesAreNotPlaintext() throws {
        let env = ["GW_PW": "from-env", "HOOKS_TOKEN": "from-env-hooks-token-1234567890"]
        let found = try ids(#"{ gateway: { auth: { password: "${GW_PW}" } }, hooks: { enabled: true, token: "${HOOKS_TOKEN}" } }"#, environment: env)
        #expect(!found.contains("config.secrets.gateway_password_in_config"))
        #expect(!found.contains("config.secrets.hooks_token_in_config"))
        // Text around a reference is part of the secret and is stored in the file.
        #expect(try ids(#"{ gateway: { auth: { password: "prefix-${GW_PW}" } } }"#, environment: env).contains("config.secrets.gateway_password_in_config"))
        #expect(try ids(#"{ gateway: { auth: { password: "$${GW_PW}x" } } }"#, environment: env).contains("config.secrets.gateway_password_in_config"))
    }

    @Test func templatedPathsAreRecordedThroughIncludes() throws {
        let dir = try TemporaryDirectory()
        try dir.write("auth.json5", #"{ password: "${GW_PW}" }"#)
        let path = try dir.write("openclaw.json", #"{ gateway: { auth: { $include: "./auth.json5" } }, list: ["${GW_PW}", "plain"] }"#)
        let loaded = try ConfigLoader(environment: ["GW_PW": "x"]).load(path: path)
        #expect(loaded.templatedPaths == ["gateway.auth.password", "list[0]"])
    }

    @Test func feishuAccounts() throws {
        let id = "channels.feishu.doc_owner_open_id"
        let finding = try auditReport(config: #"{ channels: { feishu: { appId: "cli_test", appSecret: "secret_test" } } }"#).findings.first { $0.checkId == id }
        #expect(finding?.detail == "channels.feishu tools include \"doc\"; feishu_doc action \"create\" can grant document access to the trusted requesting Feishu user.")
        #expect(finding?.remediation == "Disable channels.feishu.tools.doc when not needed, and restrict tool access for untrusted prompts.")
        // Accounts decide once present: a configured account with doc on is enough.
        #expect(try ids(#"{ channels: { feishu: { tools: { doc: false }, accounts: { a: { appId: "x", appSecret: "y" } } } } }"#).contains(id) == false)
        #expect(try ids(#"{ channels: { feishu: { tools: { doc: false }, accounts: { a: { appId: "x", appSecret: "y", tools: {} } } } } }"#).contains(id))
        #expect(try ids(#"{ channels: { feishu: { appSecret: "y", accounts: { a: { appId: "x" } } } } }"#).contains(id))
        #expect(try ids(#"{ channels: { feishu: { accounts: { a: { appId: "x" } } } } }"#).contains(id) == false)
    }

    @Test func feishuSitsBetweenControlUIAndDangerousFlags() throws {
        let found = try ids(#"{ meta: { lastTouchedVersion: "2026.7.1" }, gateway: { controlUi: { dangerouslyDisableDeviceAuth: true } }, channels: { feishu: { appId: "a", appSecret: "b" } } }"#)
        let device = try #require(found.firstIndex(of: "gateway.control_ui.device_auth_disabled"))
        let feishu = try #require(found.firstIndex(of: "channels.feishu.doc_owner_open_id"))
        let flags = try #require(found.firstIndex(of: "config.insecure_or_dangerous_flags"))
        #expect(device < feishu && feishu < flags)
    }
}
