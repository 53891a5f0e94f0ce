import Foundation
import Testing
@testable import SecurityAudit

/// Exact texts and order of the filesystem and plugin findings.
struct FilesystemAndPluginChecksTests {
    @Test func permissionFindingsCarryPathModeAndChmod() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url("state")
        let report = try auditReport(
            config: #"{ "$include": "./extra.json5" }"#,
            files: [
                .chmod(".", 0o770), .chmod("openclaw.json", 0o640), .file("extra.json5", "{}", mode: 0o606),
                .directory("credentials", mode: 0o751), .file("agents/main/agent/auth-profiles.json", "{}", mode: 0o604),
                .file("agents/main/sessions/sessions.json", "{}", mode: 0o640),
            ],
            in: dir)
        let fs = report.findings.filter { $0.checkId.hasPrefix("fs.") }
        #expect(fs.map(\.checkId) == [
            "fs.state_dir.perms_group_writable", "fs.config.perms_group_readable", "fs.config_include.perms_writable",
            "fs.credentials_dir.perms_readable", "fs.auth_profiles.perms_readable", "fs.sessions_store.perms_readable",
        ])
        #expect(fs.map(\.detail) == [
            "\(state) mode=770; group users can write into your OpenClaw state.",
            "\(state)/openclaw.json mode=640; config can contain tokens and private settings.",
            "\(state)/extra.json5 mode=606; another user could influence your effective config.",
            "\(state)/credentials mode=751; credentials and allowlists can be sensitive.",
            "\(state)/agents/main/agent/auth-profiles.json mode=604; auth-profiles.json contains API keys and OAuth tokens.",
            "\(state)/agents/main/sessions/sessions.json mode=640; routing and transcript metadata can be sensitive.",
        ])
        #expect(fs.map { $0.remediation ?? "" } == [
            "chmod 700 \(state)", "chmod 600 \(state)/openclaw.json", "chmod 600 \(state)/extra.json5",
            "chmod 700 \(state)/credentials", "chmod 600 \(state)/agents/main/agent/auth-profiles.json",
            "chmod 600 \(state)/agents/main/sessions/sessions.json",
        ])
    }

    @Test func symlinkedStateDirIsJudgedByItsTarget() throws {
        let dir = try TemporaryDirectory()
        let report = try auditReport(config: "{}", files: [.symlink(".", to: "../real"), .chmod("../real", 0o705)], in: dir)
        let findings = report.findings.filter { $0.checkId.hasPrefix("fs.state_dir") }
        #expect(findings.map(\.checkId) == ["fs.state_dir.symlink", "fs.state_dir.perms_readable"])
        #expect(findings[0].detail == "\(dir.url("state")) is a symlink; treat this as an extra trust boundary.")
        #expect(findings[0].remediation == nil)
        #expect(findings[1].detail == "\(dir.url("state")) mode=705; consider restricting to 700.")
    }

    @Test func agentFilesFollowTheRosterOrderAndNormalizedIds() throws {
        let dir = try TemporaryDirectory()
        let report = try auditReport(
            config: #"{ agents: { list: [{ id: "Zed" }, { id: "ops", default: true }] } }"#,
            files: [
                .file("agents/zed/agent/auth-profiles.json", "{}", mode: 0o664),
                .file("agents/ops/agent/auth-profiles.json", "{}", mode: 0o644),
                .file("agents/main/agent/auth-profiles.json", "{}", mode: 0o644),
            ],
            in: dir)
        let auth = report.findings.filter { $0.checkId.hasPrefix("fs.auth_profiles") }
        #expect(auth.map(\.checkId) == ["fs.auth_profiles.perms_readable", "fs.auth_profiles.perms_writable"])
        #expect(auth[0].detail.hasPrefix(dir.url("state/agents/ops/")))
        #expect(auth[1].detail == "\(dir.url("state/agents/zed/agent/auth-profiles.json")) mode=664; another user could inject credentials.")
    }

    @Test func logFileTildeUsesHome() throws {
        let dir = try TemporaryDirectory()
        let report = try auditReport(
            config: #"{ logging: { file: "~/logs/gw.log" } }"#, files: [.file("../home/logs/gw.log", "", mode: 0o644)], in: dir)
        let finding = try #require(report.findings.first { $0.checkId == "fs.log_file.perms_readable" })
        #expect(finding.detail == "\(dir.url("home/logs/gw.log")) mode=644; logs can contain private messages and tool output.")
        #expect(finding.location != nil)
    }

    @Test func syncedFolderTextNamesBothPaths() throws {
        let report = try auditReport(config: "{}", environment: ["OPENCLAW_STATE_DIR": "/Users/t/Dropbox/.openclaw", "OPENCLAW_PROFILE": "work"])
        let finding = try #require(report.findings.first { $0.checkId == "fs.synced_dir" })
        #expect(finding.detail == "stateDir=/Users/t/Dropbox/.openclaw, configPath=/Users/t/Dropbox/.openclaw/openclaw.json. Synced folders (iCloud/Dropbox/OneDrive/Google Drive) can leak tokens and transcripts onto other devices.")
        #expect(finding.remediation == #"Keep OPENCLAW_STATE_DIR on a local-only volume and re-run "openclaw --profile work security audit --fix"."#)
        #expect(report.findings.map(\.checkId).prefix(2) == ["summary.attack_surface", "fs.synced_dir"])
    }

    // MARK: - Plugins

    @Test func extensionsWithoutAllowlistTexts() throws {
        let dir = try TemporaryDirectory()
        let files: [FileFixture] = [.directory("extensions/b"), .directory("extensions/a"), .directory("extensions/x.disabled")]
        let warn = try auditReport(config: "{}", files: files, in: dir)
        let finding = try #require(warn.findings.first { $0.checkId == "plugins.extensions_no_allowlist" })
        #expect(finding.severity == .warn)
        #expect(finding.detail == "Found 2 extension(s) under \(dir.url("state/extensions")). Without plugins.allow, any discovered plugin id may load (depending on config and plugin behavior).")
        let critical = try auditReport(config: #"{ channels: { telegram: { botToken: "1:a" } } }"#, files: files)
        let high = try #require(critical.findings.first { $0.checkId == "plugins.extensions_no_allowlist" })
        #expect(high.severity == .critical)
        #expect(high.detail.hasSuffix(".\nNative skill commands are enabled on at least one configured chat surface; treat unpinned/unallowlisted extensions as high risk."))
    }

    @Test func reachabilityListsEnabledPluginsAndPermissiveContexts() throws {
        let config = #"""
            { tools: { profile: "coding" },
              agents: { entries: { Main: {}, Reader: { tools: { profile: "full", deny: ["exec"] } }, Safe: { tools: { allow: ["read"] } } } } }
            """#
        let report = try auditReport(config: config, files: [.directory("extensions/Beta"), .directory("extensions/alpha")])
        let finding = try #require(report.findings.first { $0.checkId == "plugins.tools_reachable_permissive_policy" })
        #expect(finding.detail == "Enabled extension plugins: beta, alpha.\nPermissive tool policy contexts:\n- agents.entries.Reader")
        let ids = report.findings.map(\.checkId)
        let order = ["plugins.extensions_no_allowlist", "plugins.tools_reachable_permissive_policy"]
        #expect(ids.filter(order.contains) == order)
    }

    @Test func installRecordTexts() throws {
        let config = #"""
            { plugins: { installs: {
                a: { source: "npm", spec: "a@^1", resolvedVersion: "1.0.0" },
                b: { source: "npm", spec: "@s/b@2.0.0", integrity: "sha512-b", version: 2 },
                d: { source: "npm", spec: "d@3.0.0", integrity: "sha512-d", resolvedVersion: null, version: "3.0.0" },
                c: { source: "path", spec: "c" } } } }
            """#
        let report = try auditReport(config: config, files: [
            .file("extensions/a/package.json", #"{"version":"1.0.1"}"#),
            .file("extensions/b/package.json", #"{"version":"2"}"#),
            .file("extensions/d/package.json", #"{"version":"3.0.1"}"#),
        ])
        let texts = report.findings.filter { $0.checkId.hasPrefix("plugins.installs") }.map { "\($0.checkId): \($0.detail)" }
        #expect(texts == [
            "plugins.installs_unpinned_npm_specs: Unpinned plugin install records:\n- a (a@^1)",
            "plugins.installs_missing_integrity: Plugin install records missing integrity:\n- a",
            "plugins.installs_version_drift: Detected plugin install metadata drift:\n- a (recorded 1.0.0, installed 1.0.1)\n- d (recorded 3.0.0, installed 3.0.1)",
        ])
    }

    @Test(arguments: [
        ("a@1.2.3", true), ("@scope/pkg@1.2.3", true), ("pkg@v1.2.3-rc.1+build.7", true), (" pkg@1.2.3 ", true),
        ("pkg", false), ("@scope/pkg", false), ("pkg@^1.2.3", false), ("pkg@1.2", false), ("pkg@latest", false),
        ("@1.2.3", false), ("pkg@", false), ("pkg@1.2.3-", false), ("pkg@1.2.3+", false), ("pkg@1.2.3.4", false),
    ])
    func npmSpecPinning(_ spec: String, _ pinned: Bool) {
        #expect(NPMSpec.isPinned(spec) == pinned)
    }

    @Test func phantomAllowEntriesComeFirstInPluginTrust() throws {
        let report = try auditReport(
            config: #"{ plugins: { allow: ["ghost", "Real", "telegram"] } }"#, files: [.directory("extensions/real")])
        let finding = try #require(report.findings.first { $0.checkId == "plugins.allow_phantom_entries" })
        #expect(finding.detail == "The following plugins.allow entries do not correspond to any installed plugin: ghost.\nPhantom entries could be exploited by registering a new plugin with an allowlisted ID.")
    }
}
