import Foundation
import Testing
@testable import SecurityAudit

/// `hooks.*`: hardening texts and severities, token reuse through SecretRefs, and the
/// install records read against `package.json` files on disk.
struct HooksChecksTests {
    @Test func hardeningTextsInOrder() throws {
        let report = try auditReport(config: #"{ gateway: { bind: "lan" }, hooks: { enabled: true, token: "short", path: "/", allowRequestSessionKey: true } }"#)
        let hooks = report.findings.filter { $0.checkId.hasPrefix("hooks.") }
        #expect(hooks.map(\.checkId) == [
            "hooks.token_too_short", "hooks.path_root", "hooks.default_session_key_unset",
            "hooks.allowed_agent_ids_unrestricted", "hooks.request_session_key_enabled", "hooks.request_session_key_prefixes_missing",
        ])
        #expect(hooks.map(\.severity) == [.warn, .critical, .warn, .critical, .critical, .critical])
        #expect(hooks[0].detail == "hooks.token is 5 chars; prefer a long random token.")
        #expect(hooks[0].remediation == nil)
        #expect(hooks[3].detail == "hooks.allowedAgentIds is unset or includes '*', so authenticated hook callers may route to any configured agent id, including the default agent when agentId is omitted.")
        #expect(hooks[3].remediation == "Set hooks.allowedAgentIds to an explicit allowlist (for example, [\"hooks\", \"main\"]) or [] to deny hook agent routing.")
        #expect(hooks[4].detail == "hooks.allowRequestSessionKey=true allows `/hooks/agent` callers to choose the session key. Treat hook token holders as full-trust unless you also restrict prefixes.")
        #expect(hooks[5].detail == "hooks.allowRequestSessionKey=true and hooks.allowedSessionKeyPrefixes is unset/empty, so request payloads can target arbitrary session key shapes.")
    }

    @Test func tokenReuseTexts() throws {
        let token = try auditReport(config: #"{ hooks: { enabled: true, token: "shared-gateway-token-1234567890" } }"#,
                                    environment: ["OPENCLAW_GATEWAY_TOKEN": "shared-gateway-token-1234567890", "OPENCLAW_PROFILE": "work"])
            .findings.first { $0.checkId == "hooks.token_reuse_gateway_token" }
        #expect(token?.title == "Hooks token reuses the Gateway token")
        #expect(token?.detail == "hooks.token matches gateway.auth token; compromise of hooks expands blast radius to the Gateway API.")
        #expect(token?.remediation == "Run openclaw --profile work doctor --fix to rotate a persisted hooks.token, then update external hook senders to use the new hook token.")

        let password = try auditReport(config: #"{ gateway: { auth: { password: "same-secret-value-1234567890" } }, hooks: { enabled: true, token: "same-secret-value-1234567890" } }"#)
            .findings.first { $0.checkId == "hooks.token_reuse_gateway_token" }
        #expect(password?.title == "Hooks token reuses the Gateway password")
        #expect(password?.detail == "hooks.token matches gateway.auth password; compromise of hooks expands blast radius to Gateway password auth.")
    }

    /// A `file` SecretRef is resolved only from a private regular file of this user.
    @Test func fileSecretRefIsMaterialized() throws {
        let dir = try TemporaryDirectory()
        let secrets = try dir.write("secrets.json", #"{ "gateway": { "password": "file-secret-value-1234567890" } }"#, mode: 0o600)
        let config = """
            { secrets: { providers: { vault: { source: "file", path: "\(secrets)" } } },
              gateway: { auth: { mode: "password", password: { source: "file", provider: "vault", id: "/gateway/password" } } },
              hooks: { enabled: true, token: "file-secret-value-1234567890" } }
            """
        let hit = try auditReport(config: config).findings.contains { $0.checkId == "hooks.token_reuse_gateway_token" }
        #expect(hit)
        chmod(secrets, 0o644)
        let open = try auditReport(config: config).findings.contains { $0.checkId == "hooks.token_reuse_gateway_token" }
        #expect(!open)
    }

    @Test func singleValueFileAndProviderRules() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("pw.txt", "single-value-secret-123456\n", mode: 0o600)
        let config = try loadConfig("""
            { secrets: { providers: { one: { source: "file", path: "\(file)", mode: "singleValue" }, envs: { source: "env", allowlist: ["ALLOWED"] } } } }
            """)
        let paths = PathResolver(environment: [:], cwd: dir.path, systemHome: nil, exists: { _ in false })
        func resolve(_ ref: SecretReference, _ env: [String: String] = [:]) -> String? {
            SecretReferenceResolver.resolve(ref, config: config, environment: env, paths: paths)
        }
        #expect(resolve(SecretReference(source: "file", provider: "one", id: "value")) == "single-value-secret-123456")
        #expect(resolve(SecretReference(source: "file", provider: "one", id: "/x")) == nil)
        #expect(resolve(SecretReference(source: "env", provider: "envs", id: "ALLOWED"), ["ALLOWED": "a"]) == "a")
        #expect(resolve(SecretReference(source: "env", provider: "envs", id: "OTHER"), ["OTHER": "o"]) == nil)
        #expect(resolve(SecretReference(source: "env", provider: "default", id: "ANY"), ["ANY": "v"]) == "v")
        #expect(resolve(SecretReference(source: "env", provider: "missing", id: "ANY"), ["ANY": "v"]) == nil)
        #expect(resolve(SecretReference(source: "exec", provider: "one", id: "value")) == nil)
    }

    @Test func secretReferenceShapes() throws {
        let config = try loadConfig(#"{ secrets: { defaults: { env: "mine" } }, a: { source: "env", id: "X" }, b: { source: "file", provider: "p", id: "/k", extra: 1 }, c: "${NAME_1}", d: "${lower}" }"#)
        #expect(SecretReference.parse(config["a"], config: config) == SecretReference(source: "env", provider: "mine", id: "X"))
        #expect(SecretReference.parse(config["b"], config: config) == nil)
        #expect(SecretReference.parse(config["c"], config: config) == SecretReference(source: "env", provider: "mine", id: "NAME_1"))
        #expect(SecretReference.parse(config["d"], config: config) == nil)
    }

    @Test func installRecordTexts() throws {
        let report = try auditReport(config: """
            { hooks: { internal: { installs: {
                "test-hooks": { source: "npm", spec: "@openclaw/test-hooks" },
                pinned: { source: "npm", spec: "pinned@v1.2.3", integrity: "sha512-x", resolvedVersion: "1.2.3" },
                custom: { source: "npm", spec: "custom@latest", resolvedSpec: "custom@2.0.0", integrity: "sha512-y", version: "2.0.0", installPath: "elsewhere/custom" } } } } }
            """, files: [.file("hooks/pinned/package.json", #"{"version":"1.2.4"}"#)])
        let hooks = report.findings.filter { $0.checkId.hasPrefix("hooks.installs") }
        #expect(hooks.map(\.checkId) == ["hooks.installs_unpinned_npm_specs", "hooks.installs_missing_integrity", "hooks.installs_version_drift"])
        #expect(hooks[0].detail == "Unpinned hook install records:\n- test-hooks (@openclaw/test-hooks)")
        #expect(hooks[0].remediation == "Pin hook install specs to exact versions (for example, `@scope/pkg@1.2.3`) for higher supply-chain stability.")
        #expect(hooks[1].detail == "Hook install records missing integrity:\n- test-hooks")
        #expect(hooks[2].detail == "Detected hook install metadata drift:\n- pinned (recorded 1.2.3, installed 1.2.4)")
        #expect(hooks[2].remediation == "Run `openclaw hooks update --all` (or reinstall affected hooks) to refresh install metadata.")
    }

    @Test(arguments: [
        ("@scope/pkg@1.2.3", true), ("pkg@v1.2.3", true), ("pkg@1.2.3-beta.1+build.7", true), ("pkg@ 1.2.3 ", true),
        ("pkg@^1.2.3", false), ("pkg@latest", false), ("pkg@1.2", false), ("@scope/pkg", false), ("pkg@", false),
        ("@1.2.3", false), ("pkg@1.2.3-", false), ("pkg@1.2.3+b+c", false),
    ])
    func pinnedSpecs(_ spec: String, _ pinned: Bool) {
        #expect(NPMSpec.isPinned(spec) == pinned)
    }

    func loadConfig(_ text: String) throws -> ConfigNode {
        let dir = try TemporaryDirectory()
        let path = try dir.write("openclaw.json", text)
        return try ConfigLoader(environment: [:]).load(path: path).root
    }
}
