import Foundation
import JSON5
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

extension RealConfigTests {
    // MARK: Items 9-12: a report that reads well.

    static let paths = OpenClawPaths(
        homeDir: "/home/u", stateDir: "/home/u/.openclaw", configPath: "/home/u/.openclaw/openclaw.json",
        credentialsDir: "/home/u/.openclaw/credentials")

    func origin(_ file: String, _ line: Int, _ column: Int) -> ConfigOrigin {
        let position = SourcePosition(offset: 0, line: line, column: column)
        return ConfigOrigin(file: file, range: SourceRange(start: position, end: position))
    }

    /// Item 9: continuation lines sit under their finding, wrapped on a terminal.
    @Test func detailLinesAreIndentedAndWrappedToTheTerminal() {
        var report = AuditReport(timestamp: 0, findings: [
            Finding(checkId: "security.exposure.open_groups_with_runtime_or_fs", severity: .critical, title: "Open groups can reach runtime tools",
                    detail: "Found inbound policy=\"open\" at:\n- channels.telegram.groupPolicy\n- channels.discord.groupPolicy which is a long path name that will certainly need wrapping at sixty columns"),
        ])
        report.paths = Self.paths
        let plain = TextReporter(colors: false, profile: nil).render(report)
        #expect(plain.contains("\n  Found inbound policy=\"open\" at:\n  - channels.telegram.groupPolicy\n  - channels.discord.groupPolicy which"))
        let narrow = TextReporter(colors: false, profile: nil, width: 60).render(report)
        let lines = narrow.split(separator: "\n")
        #expect(lines.allSatisfy { $0.unicodeScalars.count <= 60 }, "\(narrow)")
        // A wrapped list item hangs under its text, not under the dash.
        #expect(narrow.contains("  - channels.discord.groupPolicy which is a long path name\n    that will certainly need wrapping at sixty columns"), "\(narrow)")
        #expect(TextWrapping.wrap("a " + String(repeating: "x", count: 80), width: 40, indent: "  ", hanging: "  ") == ["  a", "  " + String(repeating: "x", count: 80)])
    }

    /// Item 10: where a finding comes from, relative to the config's folder.
    @Test func findingsShowTheirConfigLocation() throws {
        var report = AuditReport(timestamp: 0, findings: [
            Finding(checkId: "gateway.bind_no_auth", severity: .critical, title: "T", detail: "D", location: origin("/home/u/.openclaw/openclaw.json", 12, 5)),
            Finding(checkId: "logging.redact_off", severity: .warn, title: "T", detail: "D", location: origin("/home/u/.openclaw/conf/logging.json5", 2, 3)),
            Finding(checkId: "x.y", severity: .warn, title: "T", detail: "D", location: origin("/home/u/shared/openclaw.json5", 1, 1)),
        ])
        report.paths = Self.paths
        let text = TextReporter(colors: false, profile: nil).render(report)
        #expect(text.contains("gateway.bind_no_auth T [manual]\n  at openclaw.json:12:5\n  D\n"), "\(text)")
        #expect(text.contains("  at conf/logging.json5:2:3\n"))
        #expect(text.contains("  at ~/shared/openclaw.json5:1:1\n"))

        // From a real audit: the key's line in the $include file.
        let dir = try TemporaryDirectory()
        try dir.write("state/gateway.json5", "{\n  bind: \"lan\",\n}\n")
        let audited = try auditReport(config: "{\n  gateway: { $include: './gateway.json5' },\n}\n", in: dir)
        let rendered = TextReporter(colors: false, profile: nil).render(audited)
        #expect(rendered.contains("gateway.bind_no_auth Gateway binds beyond loopback without auth [manual]\n  at gateway.json5:2:9\n"), "\(rendered)")
    }

    /// Item 11: fixable findings marked, the preview command at the end; the rest manual.
    @Test func fixGuidanceMarksFixableFindingsAndEndsWithThePreview() throws {
        let report = try auditReport(config: """
            { logging: { redactSensitive: "off" },
              channels: { slack: { groupPolicy: "open", botToken: "xoxb-1", appToken: "xapp-1" },
                          matrix: { homeserver: "https://matrix.example.org", accessToken: "t", groupPolicy: "open" } } }
            """, files: [.chmod("openclaw.json", 0o644)])
        let text = TextReporter(colors: false, profile: nil).render(report)
        #expect(text.contains("logging.redact_off Tool summary redaction is disabled [--fix]"), "\(text)")
        #expect(text.contains("fs.config.perms_world_readable"))
        #expect(report.findings.first { $0.checkId == "fs.config.perms_world_readable" }?.fixable == true)
        // --fix flips Slack's written "open"; it does not touch Matrix (not among its channels).
        let warnings = report.findings.filter { $0.checkId.hasPrefix("channels.") && $0.checkId.contains(".warning.") }
        #expect(warnings.contains { $0.checkId.hasPrefix("channels.slack.") && $0.fixable })
        #expect(warnings.contains { $0.checkId.hasPrefix("channels.matrix.") && !$0.fixable })
        #expect(text.hasSuffix("Preview the fixes: openclaw-security audit --fix --dry-run\n"), "\(text)")
        let fixable = report.findings.filter(\.fixable).count
        #expect(text.contains("\(fixable) findings marked [--fix] can be fixed automatically; "))
        #expect(text.contains("[manual]"))
    }

    @Test func theDryRunDoesNotSuggestItselfAndMissingPathsAreOneLine() throws {
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", "{ logging: { redactSensitive: 'off' }, agents: { list: [{ id: 'a' }, { id: 'b' }] } }", mode: 0o644)
        let cli = CLITests()
        let result = try cli.run(["audit", "--fix", "--dry-run"], environment: cli.environment(dir))
        #expect(!result.stdout.contains("--fix --dry-run"), "\(result.stdout)")
        #expect(result.stdout.contains("Apply: openclaw-security audit --fix\n"))
        #expect(!result.stdout.contains("(missing)"))
        let missingLines = result.stdout.split(separator: "\n").filter { $0.contains("missing path") }
        #expect(missingLines.count == 1, "\(result.stdout)")
        #expect(missingLines.first?.contains("+") == true)
    }

    /// Item 12: what was audited and what could not be judged.
    @Test func theHeaderSaysWhatWasAudited() throws {
        let dir = try TemporaryDirectory()
        try dir.write("state/more.json5", "{ hooks: { token: '${HOOKS_TOKEN}' } }")
        let report = try auditReport(config: "{ $include: './more.json5', gateway: { auth: { token: '${GATEWAY_TOKEN}' } } }", in: dir)
        let text = TextReporter(colors: false, profile: nil).render(report)
        let header = text.split(separator: "\n")[1]
        #expect(header.hasPrefix("Audited: \(dir.url("state/openclaw.json")) (+1 include) · "), "\(header)")
        #expect(text.contains("\nOpenClaw release: unknown"))
        #expect(header.contains("· 2 values unknown (unset ${VAR})"), "\(header)")
    }
}

extension RealConfigTests {
    // MARK: Item 2: legacy keys reported and audited as migrated.

    @Test func legacyChannelBlocksAreAuditedAsChannels() throws {
        let legacy = try auditReport(config: #"{ providers: { telegram: { botToken: "123:abc", dm: { policy: "open" }, groupPolicy: "open" } } }"#)
        let current = try auditReport(config: #"{ channels: { telegram: { botToken: "123:abc", dm: { policy: "open" }, groupPolicy: "open" } } }"#)
        let channelIds = { (report: AuditReport) in report.findings.map(\.checkId).filter { $0.hasPrefix("channels.") || $0.hasPrefix("security.exposure") } }
        #expect(!channelIds(current).isEmpty)
        #expect(channelIds(legacy) == channelIds(current))
        let key = try #require(legacy.findings.first { $0.checkId == "config.legacy_keys" })
        #expect(key.detail.contains("Audited as channels.telegram."))
        #expect(key.remediation?.contains("by hand") == true)
        #expect(key.location?.range.start.line == 1)

        // The top-level channel keys doctor really migrated (providers->channels, 2026.1.13).
        let topLevel = try auditReport(config: #"{ discord: { token: "t", groupPolicy: "open" }, channels: { discord: { dmPolicy: "pairing" } } }"#)
        #expect(topLevel.findings.contains { $0.checkId.hasPrefix("channels.discord.warning.") })
        #expect(topLevel.findings.first { $0.checkId == "config.legacy_keys" }?.detail.contains("merged where channels.discord does not already set a key") == true)
    }

    @Test func legacyAgentModelIsAuditedAsAgentsDefaults() throws {
        for config in [
            #"{ agent: { model: { primary: "ollama/llama3.2:3b" } } }"#,
            #"{ agent: { model: "ollama/llama3.2:3b" } }"#,
        ] {
            let report = try auditReport(config: config)
            #expect(report.findings.contains { $0.checkId == "models.small_params" && $0.detail.contains("agents.defaults.model.primary") }, "\(config)")
            #expect(report.findings.contains { $0.checkId == "config.legacy_keys" && $0.detail.hasPrefix("agent is a legacy key") })
        }
        // agent.elevated goes to tools.elevated, where an existing value wins.
        let tools = try auditReport(config: #"{ agent: { elevated: { enabled: true } }, tools: { elevated: { enabled: false } } }"#)
        #expect(tools.findings.contains { $0.checkId == "config.legacy_keys" && $0.detail.contains("tools.elevated is already set and wins") })
    }

    @Test func theFindingFollowsTheAuditedRelease() throws {
        let key = LegacyConfigKey(
            path: "telegram", replacement: "channels.telegram", note: "n", origin: nil, migrated: true,
            since: LegacyConfigMigration.v2026_1_13, migrationDroppedIn: LegacyConfigMigration.v2026_3_28)
        func behaviour(_ version: String?) -> String {
            LegacyKeysCheck.releaseBehaviour(key, release: OpenClawRelease(version: version.flatMap(OpenClawVersion.init), source: "flag"))
        }
        #expect(behaviour("2026.2.17").contains("refuses the config until it is migrated"))
        #expect(behaviour("2026.4.12").contains("no longer migrates it (dropped in 2026.3.28)"))
        #expect(behaviour(nil).hasPrefix("Current OpenClaw no longer migrates it"))
        #expect(behaviour("2026.1.8").contains("reads the key as written"))
    }

    @Test func aBindAddressIsAuditedAsTheModeItMeans() throws {
        let report = try auditReport(config: #"{ gateway: { bind: "0.0.0.0" } }"#)
        #expect(report.findings.contains { $0.checkId == "gateway.bind_no_auth" && $0.detail.contains("gateway.bind=\"lan\"") })
        #expect(report.findings.contains { $0.checkId == "config.legacy_keys" && $0.detail.contains("\"0.0.0.0\" is a host address") })
        let header = TextReporter(colors: false, profile: nil).render(report).split(separator: "\n")[1]
        #expect(header.contains("legacy keys audited as migrated: gateway.bind"))
    }
}

extension RealConfigTests {
    // MARK: Item 7: one group-policy default, one answer.

    @Test func discordWithoutAGroupPolicyGetsOneAnswer() throws {
        let report = try auditReport(config: #"{ channels: { discord: { token: "t", guilds: { "1": { channels: { general: { allow: true } } } } } } }"#)
        let texts = report.findings.map { $0.title + " " + $0.detail }
        #expect(!texts.contains { $0.contains("groupPolicy=\"open\"") }, "\(texts)")
        #expect(report.findings.first { $0.checkId == "summary.attack_surface" }?.detail.contains("groups: open=0, allowlist=1") == true)
    }

    @Test func aFindingThatRestsOnADefaultSaysSo() throws {
        let old = try auditReport(config: #"{ meta: { lastTouchedVersion: "2026.1.8" }, channels: { discord: { token: "t" } } }"#)
        let warning = try #require(old.findings.first { $0.checkId.hasPrefix("channels.discord.warning.") })
        #expect(warning.detail.hasSuffix("(groupPolicy is unset; OpenClaw 2026.1.8 treats it as \"open\".)"), "\(warning.detail)")
        let fromDefaults = try auditReport(config: #"{ channels: { defaults: { groupPolicy: "open" }, matrix: { homeserver: "https://m.example.org", accessToken: "t" } } }"#)
        #expect(fromDefaults.findings.contains { $0.detail.contains("(groupPolicy is unset; channels.defaults.groupPolicy=\"open\" applies.)") })
    }

    /// Upstream's heuristic walks disabled channels too (a flag away from live); so do we.
    @Test func theMultiUserHeuristicCountsDisabledChannelsAsUpstreamDoes() throws {
        let report = try auditReport(config: #"{ channels: { telegram: { enabled: false, botToken: "1:a", groupPolicy: "open" } } }"#)
        #expect(report.findings.contains { $0.checkId == "security.trust_model.multi_user_heuristic" })
    }
}

extension RealConfigTests {
    // MARK: Item 8: the npm pin rule, by release, plugins and hooks side by side.

    /// The record `openclaw plugins install @openclaw/feishu` writes.
    static let feishuRecord = #"{ source: "npm", spec: "@openclaw/feishu", resolvedSpec: "@openclaw/feishu@2026.2.17", resolvedVersion: "2026.2.17", integrity: "sha512-abc" }"#

    @Test func anExactlyInstalledRecordIsJudgedByItsSpecAsUpstreamDoes() throws {
        let plugins = try auditReport(config: #"{ plugins: { installs: { feishu: \#(Self.feishuRecord) } } }"#)
        let finding = try #require(plugins.findings.first { $0.checkId == "plugins.installs_unpinned_npm_specs" })
        #expect(finding.detail.hasPrefix("Unpinned plugin install records:\n- feishu (@openclaw/feishu)\nOne record was installed at an exact version"))
        // Hooks: upstream accepts the exact resolvedSpec from its March 2026 releases on.
        let hooksConfig = #"{ hooks: { internal: { installs: { feishu: \#(Self.feishuRecord) } } } }"#
        #expect(!(try auditReport(config: hooksConfig)).findings.contains { $0.checkId == "hooks.installs_unpinned_npm_specs" })
        let february = try auditReport(config: #"{ meta: { lastTouchedVersion: "2026.2.17" }, hooks: { internal: { installs: { feishu: \#(Self.feishuRecord) } } } }"#)
        #expect(february.findings.contains { $0.checkId == "hooks.installs_unpinned_npm_specs" })
        let februaryPlugins = try auditReport(config: #"{ meta: { lastTouchedVersion: "2026.2.17" }, plugins: { installs: { feishu: \#(Self.feishuRecord) } } }"#)
        #expect(februaryPlugins.findings.contains { $0.checkId == "plugins.installs_unpinned_npm_specs" })
    }
}

extension RealConfigTests {
    // MARK: Item 3: values OpenClaw rejects are reported, never replaced by a default.

    @Test func rejectedValuesFromTheIssueAreReported() throws {
        let report = try auditReport(config: """
            {
              gateway: { host: "0.0.0.0", auth: { token: "0123456789abcdef0123456789" } },
              channels: { telegram: { botToken: "1:a", dmPolicy: "respond", accounts: { b: { groupPolicy: "everyone" } } } },
              tools: { elevated: { enabled: true, allowFrom: ["+15550001"] } },
              hooks: { enabled: "true", token: "${HOOKS_TOKEN}" },
            }
            """)
        let rejected = report.findings.filter { $0.checkId == "config.invalid_value" }
        let details = rejected.map(\.detail)
        #expect(details.contains { $0.hasPrefix("OpenClaw has no gateway.host key: the listen address comes from gateway.bind") })
        #expect(details.contains { $0.hasPrefix("channels.telegram.dmPolicy is \"respond\", which OpenClaw does not accept (accepted: pairing, allowlist, open, disabled).") })
        #expect(details.contains { $0.hasPrefix("channels.telegram.accounts.b.groupPolicy is \"everyone\"") })
        #expect(details.contains { $0.hasPrefix("tools.elevated.allowFrom is a list (1 item); OpenClaw expects a map") })
        #expect(details.contains { $0.hasPrefix("hooks.enabled is \"true\"; OpenClaw expects true or false.") })
        #expect(rejected.compactMap { $0.location?.range.start.line }.sorted() == [2, 3, 3, 4, 5])
        // Read as written: "respond" is not taken as the default "pairing" or as "open".
        #expect(!report.findings.contains { $0.checkId == "channels.telegram.dm.open" })
        let header = TextReporter(colors: false, profile: nil).render(report).split(separator: "\n")[1]
        #expect(header.contains("5 values OpenClaw rejects: "), "\(header)")
    }

    @Test func unresolvedAndValidValuesAreNotRejected() throws {
        let report = try auditReport(config: #"{ gateway: { bind: "${BIND}", mode: "local" }, channels: { feishu: { groupPolicy: "allowall" }, defaults: { groupPolicy: "allowlist" } } }"#)
        #expect(!report.findings.contains { $0.checkId == "config.invalid_value" })
    }
}
