import Testing
@testable import SecurityAudit

/// Checks added after February: collector order, exact texts, both
/// config shapes of one meaning, and the exec approvals file read in the facts pass.
struct LaterChecksTests {
    func findings(_ config: String, environment: [String: String] = [:], files: [FileFixture] = [], _ prefix: String) throws -> [Finding] {
        try auditReport(config: config, environment: environment, files: files).findings.filter { $0.checkId.hasPrefix(prefix) }
    }

    @Test func gatewayExecAndSecretsIdsFollowTheOriginalOrder() throws {
        let report = try auditReport(
            config: """
                { gateway: { bind: "lan", auth: { token: "config-token-long-enough-1234567890" },
                             tools: { allow: ["read", "write", "cron"] } },
                  mcp: { apps: { enabled: true }, servers: { docs: {} } },
                  hooks: { enabled: true, token: "hooks-token-long-enough-1234567890" },
                  env: { vars: { OPENAI_API_KEY: "sk-test-key-openai-fake" } },
                  tools: { deny: ["write", "edit", "apply_patch"], exec: { security: "full", safeBins: ["python3", "jq"], safeBinTrustedDirs: ["/tmp/bins"] } },
                  agents: { defaults: { skills: ["docs"] } },
                  session: { groupScope: "main" },
                  channels: { slack: { dmPolicy: "open" },
                              mattermost: { baseUrl: "https://chat.example.com", botToken: { source: "exec", provider: "op", id: "mm" } } } }
                """,
            environment: ["OPENCLAW_GATEWAY_TOKEN": "env-token", "HTTPS_PROXY": "http://proxy:3128"],
            files: [
                .file("exec-approvals.json", #"{ "version": 1, "defaults": { "autoAllowSkills": true }, "agents": { "main": { "allowlist": ["python3"] } } }"#),
                .file("skills/config/mcporter.json", "{ mcpServers: {} }"),
            ])
        let order = [
            "gateway.tools_invoke_http.dangerous_allow", "gateway.env_token_overrides_config",
            "tools.web.fetch.env_proxy_without_use_trusted_env_proxy",
            "mcp.apps.enabled", "tools.exec.security_full_configured",
            "security.exposure.open_channels_with_exec", "tools.exec.fs_tools_disabled_but_exec_enabled",
            "tools.exec.auto_allow_skills_enabled", "tools.exec.allowlist_interpreter_without_strict_inline_eval",
            "tools.exec.safe_bins_interpreter_unprofiled", "tools.exec.safe_bins_broad_behavior",
            "tools.exec.safe_bin_trusted_dirs_risky",
            "tools.exec.agent_skill_mcp_boundary_drift", "hooks.default_session_key_unset",
            "config.secrets.hooks_token_in_config",
            "security.exposure.open_groups_with_control_plane_tools", "security.trust_model.multi_user_heuristic",
            "security.trust_model.group_scope_main", "channels.mattermost.account.read_only_resolution",
        ]
        let positions = try order.map { id in try #require(report.findings.firstIndex { $0.checkId == id }, "\(id) missing") }
        #expect(positions == positions.sorted())
        #expect(!report.findings.contains { $0.checkId == "config.insecure_or_dangerous_flags" }, "mcp.apps.enabled is not a dangerous flag")
    }

    // MARK: Gateway and environment

    @Test func httpToolTexts() throws {
        // Upstream has no direct-invoke opt-in: every entry of the deny list is reported.
        let report = try findings(
            #"{ gateway: { tools: { allow: ["edit", "apply_patch", "read", "write"], directInvoke: { hostFsRead: true, hostFsWrite: true } } } }"#,
            "gateway.tools_invoke_http")
        #expect(report.map(\.checkId) == ["gateway.tools_invoke_http.dangerous_allow"])
        #expect(report.first?.severity == .warn)
        #expect(report.first?.detail.hasPrefix("gateway.tools.allow includes write, edit, apply_patch, read which removes them") == true)
        let lan = try findings(#"{ gateway: { bind: "lan", tools: { allow: ["exec", "Read", "nodes"] } } }"#, "gateway.tools_invoke_http")
        #expect(lan.map(\.severity) == [.critical])
        #expect(lan.first?.detail.hasPrefix("gateway.tools.allow includes exec, nodes, read which removes") == true)
    }

    @Test func envTokenReadsTheSourceConfig() throws {
        // The config names the same variable: one source, no conflict, although the
        // substituted value is what the gateway sees.
        #expect(try findings(#"{ gateway: { auth: { token: "${OPENCLAW_GATEWAY_TOKEN}" } } }"#,
                             environment: ["OPENCLAW_GATEWAY_TOKEN": "env"], "gateway.env_token").isEmpty)
        let other = try findings(#"{ gateway: { auth: { token: "${GW_TOKEN}" } } }"#,
                                 environment: ["OPENCLAW_GATEWAY_TOKEN": "same", "GW_TOKEN": "same"], "gateway.env_token")
        #expect(other.map(\.severity) == [.warn])
        #expect(other.first?.title == "OPENCLAW_GATEWAY_TOKEN conflicts with gateway.auth.token")
        // Only the current variable name counts.
        #expect(try findings(#"{ gateway: { auth: { token: "a" } } }"#, environment: ["CLAWDBOT_GATEWAY_TOKEN": "b"], "gateway.env_token").isEmpty)
    }

    @Test(arguments: [
        (["HTTPS_PROXY": "http://p:1"], "HTTPS_PROXY"),
        (["HTTP_PROXY": "http://p:1", "http_proxy": "http://p:2", "https_proxy": "http://p:3"], "HTTP_PROXY, http_proxy, https_proxy"),
        // A blank lower-case variable shadows the upper-case one for its scheme only.
        (["HTTPS_PROXY": "http://p:1", "https_proxy": "", "HTTP_PROXY": "http://p:2"], "HTTP_PROXY, HTTPS_PROXY"),
        (["HTTPS_PROXY": "http://p:1", "https_proxy": " "], nil),
        (["HTTPS_PROXY": "http://p:1", "NO_PROXY": "*"], nil),
        (["HTTPS_PROXY": "http://p:1", "no_proxy": "", "NO_PROXY": "*"], "HTTPS_PROXY"),
        (["all_proxy": "socks5://p:1", "ALL_PROXY": "socks5://p:1"], nil),
    ] as [([String: String], String?)])
    func proxyVariables(environment: [String: String], listed: String?) throws {
        let report = try findings("{}", environment: environment, "tools.web.fetch")
        #expect(report.first?.title == listed.map { "\($0) set without tools.web.fetch.useTrustedEnvProxy" })
        if let listed {
            #expect(report.first?.detail.hasPrefix("Detected \(listed) in the process environment, but") == true)
        }
    }

    /// The config's env block belongs to secrets.config_plaintext (upstream never shipped
    /// an id of its own for it), named as the user wrote it.
    @Test func envBlockKeysAreNamedAsWritten() throws {
        let key = SecretSamples.openAI()
        let report = try findings(
            #"{ env: { ZED: "\#(key)", vars: { B_KEY: "\#(key)", REF: "${MISSING_VAR}" }, shellEnv: { enabled: true } } }"#,
            "secrets.config_plaintext")
        #expect(report.count == 1)
        let detail = try #require(report.first?.detail)
        #expect(detail.contains(" env.ZED: ") && detail.contains(" env.vars.B_KEY: "))
        #expect(!detail.contains("REF") && !detail.contains("shellEnv"))
    }

    @Test func groupScopeMainTexts() throws {
        let report = try findings(
            """
            { session: { groupScope: "main" },
              bindings: [
                { agentId: "a", match: { channel: "discord", accountId: "bot", peer: { kind: "channel", id: 42 }, guildId: "g1", roles: ["r1", "r2"] }, session: { groupScope: "main" } },
                { agentId: "b", match: { channel: "Discord", accountId: "bot", peer: { kind: "group", id: "42" }, guildId: "g1", roles: ["r1", "r2"] }, session: { groupScope: "main" } },
                { agentId: "c", match: { channel: "msteams", peer: { kind: "channel", id: "t" }, teamId: "T9" }, session: { groupScope: "main" } },
                { agentId: "d", match: { channel: "slack", peer: { kind: "group", id: "C1" } }, session: { groupScope: "per-group" } } ] }
            """, "security.trust_model.group_scope_main")
        #expect(report.count == 1)
        #expect(report.first?.detail == """
            session.groupScope="main" routes all group/channel rooms into the agent main session, so anyone in those rooms shares context with the operator's direct conversation.
            bindings with session.groupScope="main" route these rooms into the agent main session:
            - discord accountId=bot peer=channel:42 guild=g1 roles=r1,r2
            - msteams peer=channel:t team=T9
            """)
        #expect(report.first?.remediation == #"Use session.groupScope="per-group" or remove groupScope="main" from the listed bindings. See https://docs.openclaw.ai/channels/groups#session-keys"#)
    }

    // MARK: Channels

    @Test func readOnlyResolutionComesBeforeTheAccountsOtherFindings() throws {
        let report = try findings(
            #"{ channels: { mattermost: { baseUrl: "https://chat.example.com", dmPolicy: "open", botToken: { source: "env", provider: "default", id: "MM_TOKEN" } } } }"#,
            "channels.mattermost")
        #expect(report.map(\.checkId).prefix(2) == ["channels.mattermost.account.read_only_resolution", "channels.mattermost.dm.open"])
        #expect(report.first?.title == "Mattermost account could not be fully resolved")
        #expect(report.first?.detail == #"mattermost:default: failed to resolve account (channels.mattermost.accounts.default.botToken: unresolved SecretRef "env:default:MM_TOKEN". Resolve this command against an active gateway runtime snapshot before reading it.)."#)
    }

    @Test func readOnlyResolutionFollowsTheResolversOrder() throws {
        let report = try findings(
            """
            { secrets: { providers: { vault: { source: "file", path: "{stateDir}/secrets.json" } } },
              channels: { matrix: { homeserver: "https://m.example.org", accessToken: { source: "exec", provider: "op", id: "matrix" },
                                    accounts: { bot: { userId: { source: "file", provider: "vault", id: "/matrix/user" },
                                                       password: { source: "file", provider: "vault", id: "/matrix/missing" } } } } } }
            """,
            files: [.file("secrets.json", #"{ "matrix": { "user": "@bot:example.org" } }"#)],
            "channels.matrix.account")
        // The resolvable file ref passes; the account's own unresolvable field is named
        // before the channel-level one.
        #expect(report.map(\.detail) == [
            #"matrix:bot: failed to resolve account (channels.matrix.accounts.bot.password: unresolved SecretRef "file:vault:/matrix/missing". Resolve this command against an active gateway runtime snapshot before reading it.)."#,
        ])
    }

    @Test func zalouserMutableGroupsAreListed() throws {
        let groups = (1...7).map { "\"room \($0)\": {}" }.joined(separator: ", ")
        let report = try findings(
            "{ channels: { zalouser: { groups: { \"g-1\": {}, \(groups) } } } }",
            files: [.file("credentials/zalouser/credentials.json", "{}")], "channels.zalouser.groups")
        #expect(report.first?.detail == "Zalouser group auth is ID-only by default, so unresolved group-name or slug entries are ignored for auth and can drift from the intended trusted group. Found: channels.zalouser.groups:room 1, channels.zalouser.groups:room 2, channels.zalouser.groups:room 3, channels.zalouser.groups:room 4, channels.zalouser.groups:room 5 (+2 more).")
        #expect(ZalouserGroupRoutingCheck.isMutable("Ops Room") && ZalouserGroupRoutingCheck.isMutable("g-") && ZalouserGroupRoutingCheck.isMutable("g-a b"))
        #expect(!ZalouserGroupRoutingCheck.isMutable(" ZLU:Group:G-abc ") && !ZalouserGroupRoutingCheck.isMutable("group:42") && !ZalouserGroupRoutingCheck.isMutable("*"))
    }

    // MARK: Both config shapes

    /// A February `agents.list` config and the later `agents.entries` config of the same
    /// meaning give the same findings, with the label of the shape the user wrote.
    @Test(arguments: [
        #"{ tools: { exec: { mode: "full" } }, agents: { ROSTER } }"#,
        #"{ mcp: { servers: { docs: {} } }, agents: { defaults: { skills: ["docs"] }, ROSTER } }"#,
        #"{ tools: { exec: { strictInlineEval: true, safeBins: ["jq"] } }, agents: { ROSTER } }"#,
    ])
    func rosterShapesAuditTheSame(template: String) throws {
        let agents = [
            ("ops", #"tools: { deny: ["write", "edit", "apply_patch"], exec: { host: "gateway", strictInlineEval: false, safeBins: ["gawk"] } }, skills: ["deploy"]"#),
            ("reader", #"default: true, sandbox: { mode: "off" }"#),
        ]
        let list = "list: [" + agents.map { "{ id: \"\($0.0)\", \($0.1) }" }.joined(separator: ", ") + "]"
        let entries = "entries: {" + agents.map { "\($0.0): { \($0.1) }" }.joined(separator: ", ") + "}"
        let approvals: [FileFixture] = [.file("exec-approvals.json", #"{ "version": 1, "agents": { "ops": { "allowlist": ["/usr/bin/node"] } } }"#)]
        // The list shape is legacy in the newest release: reported once, then audited as entries.
        let listed = try auditReport(config: template.replacing("ROSTER", with: list), files: approvals).findings
        #expect(listed.filter { $0.checkId == LegacyKeysCheck.id }.map(\.title) == ["Legacy config key: agents.list"])
        let february = listed.filter { $0.checkId != LegacyKeysCheck.id }
        let later = try auditReport(config: template.replacing("ROSTER", with: entries), files: approvals).findings
        #expect(later.map(\.checkId) == february.map(\.checkId))
        #expect(later.map(\.severity) == february.map(\.severity))
        #expect(later.map(\.detail) == february.map(\.detail))
        #expect(!later.contains { $0.detail.contains("agents.list.") })
    }

    @Test func execTexts() throws {
        let report = try findings(
            #"{ agents: { defaults: { sandbox: { mode: "all", workspaceAccess: "rw" } }, entries: { ops: { sandbox: { mode: "off" }, tools: { deny: ["group:fs"] } } } }, tools: { deny: ["write", "edit", "apply_patch"] } }"#,
            "t")
        let readOnly = try #require(report.first { $0.checkId == "tools.exec.fs_tools_disabled_but_exec_enabled" })
        #expect(readOnly.detail == """
            Found scopes where write/edit/apply_patch are unavailable but exec remains available:
            - tools: runtime=[exec, process], disabledFs=[write, edit, apply_patch], exec.host=auto, sandbox=all, workspaceAccess=rw
            - agents.entries.ops.tools: runtime=[exec, process], disabledFs=[write, edit, apply_patch], exec.host=auto, sandbox=off, workspaceAccess=rw
            The exec tool is a shell and can still write files wherever the selected host or sandbox filesystem permits it.
            """)
    }

    @Test func skillBoundaryListsScopesAndRegistries() throws {
        let agents = (1...9).map { "a\($0): {}" }.joined(separator: ", ")
        let servers = (1...8).map { "s\($0): {}" }.joined(separator: ", ")
        let report = try findings(
            "{ mcp: { servers: { \(servers) } }, agents: { defaults: { skills: [] }, entries: { \(agents) } }, tools: { exec: { mode: \"ask\" } } }",
            files: [.file("skills/config/mcporter.json", #"{ "mcpServers": { "zeta": {}, "alpha": { "enabled": true }, "off": { "enabled": false } } }"#)],
            "tools.exec.agent_skill")
        let detail = try #require(report.first?.detail)
        #expect(detail.hasPrefix("""
            Detected agent skill allowlists on host-exec-capable scopes:
            - agents.defaults: agents.defaults.skills, exec.host=gateway, security=allowlist, ask=on-miss
            - a1: agents.defaults.skills (inherited), exec.host=gateway, security=allowlist, ask=on-miss
            """))
        #expect(detail.contains("- a7: agents.defaults.skills (inherited), exec.host=gateway, security=allowlist, ask=on-miss\n- +2 more scopes.\n"))
        #expect(detail.contains("""
            MCP server registries visible to the gateway configuration/state:
            - mcp.servers: s1, s2, s3, s4, s5, s6, +2 more
            - skills/config/mcporter.json: alpha, zeta
            agents.*.skills filters
            """))
    }

    // MARK: Exec policy

    @Test func modeWinsOverSecurityAndAsk() {
        #expect(ExecPolicy.effective(mode: " Ask ", security: "full", ask: "off") == .init(security: "allowlist", ask: "on-miss"))
        #expect(ExecPolicy.effective(mode: "auto", security: "deny", ask: "off") == .init(security: "allowlist", ask: "on-miss"))
        #expect(ExecPolicy.effective(mode: "yolo", security: "full", ask: "always") == .init(security: "full", ask: "always"))
        #expect(ExecPolicy.effective(mode: nil, security: "deny", ask: "off") == .init(security: "deny", ask: "off"))
    }

    @Test(arguments: [
        // configured host, sandbox mode, global exec, agent exec, approvals defaults -> host/security/ask
        ("{}", nil, "gateway", "full", "off"),
        (#"{ agents: { defaults: { sandbox: { mode: "non-main" } } } }"#, nil, "sandbox", "deny", "off"),
        (#"{ tools: { exec: { host: "node" } } }"#, #"{ "version": 1, "defaults": { "security": "allowlist", "ask": "always" } }"#, "node", "allowlist", "always"),
        // The sandbox never inherits the host approvals defaults.
        (#"{ agents: { defaults: { sandbox: { mode: "all" } } } }"#, #"{ "version": 1, "defaults": { "security": "full" } }"#, "sandbox", "deny", "off"),
        // The agent's layer decides before the global one; a mode decides its whole layer.
        (#"{ tools: { exec: { security: "full", ask: "always" } }, agents: { list: [{ id: "a", default: true, tools: { exec: { mode: "deny" } } }] } }"#, nil, "gateway", "deny", "off"),
        (#"{ tools: { exec: { mode: "ask" } }, agents: { list: [{ id: "a", default: true, tools: { exec: { security: "full" } } }] } }"#, nil, "gateway", "full", "on-miss"),
        // An unreadable-as-JSON approvals file fails closed.
        ("{}", "{ version: 1 }", "gateway", "deny", "off"),
    ] as [(String, String?, String, String, String)])
    func runtimePolicy(config: String, approvals: String?, host: String, security: String, ask: String) throws {
        let dir = try TemporaryDirectory()
        let context = try auditContext(in: dir, config: config, files: approvals.map { [.file("exec-approvals.json", $0)] } ?? [])
        let agent = context.agents.agents.first
        let runtime = ExecPolicy.runtime(agent: agent, roster: context.agents, config: context.config, approvals: context.files.execApprovals)
        #expect(runtime == .init(effectiveHost: host, security: security, ask: ask))
    }

    @Test func laterDefaultAgentRule() throws {
        func defaultId(_ config: String) throws -> String? {
            try auditContext(in: TemporaryDirectory(), config: config).agents.unambiguousDefaultAgentId
        }
        #expect(try defaultId("{}") == "main")
        #expect(try defaultId(#"{ agents: { entries: { Ops: {} } } }"#) == "ops")
        #expect(try defaultId(#"{ agents: { list: [{ id: "a" }, { id: "b", default: true }] } }"#) == "b")
        #expect(try defaultId(#"{ agents: { list: [{ id: "a" }, { id: "b" }] } }"#) == nil)
        #expect(try defaultId(#"{ agents: { list: [] } }"#) == nil)
    }

    // MARK: Exec approvals file

    @Test func approvalsFileIsReadInTheFactsPassFromTheLaterPath() throws {
        let dir = try TemporaryDirectory()
        try dir.write("home/.openclaw/exec-approvals.json", #"{ "version": 1, "defaults": { "autoAllowSkills": true } }"#)
        try dir.write("state/exec-approvals.json", #"{ "version": 1, "defaults": { "ask": "always" } }"#)
        func read(_ environment: [String: String]) -> ExecApprovals {
            let resolver = PathResolver(environment: environment, cwd: dir.path, systemHome: nil, exists: { _ in false })
            var gaps: [InspectionGap] = []
            return ExecApprovalsReader(fileSystem: POSIXFileSystem(), resolver: resolver).read(gaps: &gaps)
        }
        #expect(read(["HOME": dir.url("home")]).defaults.autoAllowSkills == true)
        #expect(read(["HOME": dir.url("home"), "OPENCLAW_STATE_DIR": " \(dir.url("state")) "]).defaults.ask == "always")
        #expect(read(["OPENCLAW_HOME": dir.url("home"), "HOME": dir.path]).defaults.autoAllowSkills == true)
        let missing = read(["HOME": dir.url("nowhere")])
        #expect(missing.source == .missing && missing.defaults.security == nil)
    }

    @Test func unreadableApprovalsFileIsAGapNotAnError() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url("state/exec-approvals.json")
        let report = try auditReport(
            config: #"{ mcp: { servers: { docs: {} } }, agents: { defaults: { skills: ["docs"] } } }"#,
            files: [.file("exec-approvals.json", #"{ "version": 1 }"#)],
            fileSystem: RefusingFileSystem(refused: [path]), in: dir)
        let gap = try #require(report.findings.first { $0.checkId == "fs.inspection_incomplete" })
        #expect(gap.detail.contains("- \(path): exec approvals unreadable (open: Permission denied); evaluated as deny-all"))
        // Fail-closed: the host exec scopes are denied, so there is no drift to report.
        #expect(!report.findings.contains { $0.checkId == "tools.exec.agent_skill_mcp_boundary_drift" })
    }

    @Test func approvalsNormalisation() throws {
        let root = try #require(StrictJSON.configTree(Array("""
            { "version": 1,
              "agents": {
                "default": { "security": "full", "autoAllowSkills": true, "allowlist": ["/usr/bin/RG", { "pattern": "/bin/ls", "argPattern": "-l" }] },
                "ops": { "ask": "sometimes", "allowlist": [{ "pattern": "  " }, { "id": "x" }, 7, "", " /usr/bin/jq "] },
                "main": { "security": "allowlist", "allowlist": ["/usr/bin/rg", { "pattern": "/bin/ls" }] } } }
            """.utf8), file: "a.json"))
        let approvals = ExecApprovals.parse(root, path: "a.json")
        #expect(approvals.source == .loaded)
        #expect(approvals.agents.map(\.id) == ["ops", "main"])
        #expect(approvals.agents[0].policy.ask == nil)
        #expect(approvals.agents[0].allowlist.map(\.pattern) == ["/usr/bin/jq"])
        let main = approvals.agents[1]
        #expect(main.policy.security == "allowlist" && main.policy.autoAllowSkills == true)
        #expect(main.allowlist.map(\.pattern) == ["/usr/bin/rg", "/bin/ls", "/bin/ls"])
        #expect(main.allowlist.map(\.argPattern) == [nil, nil, "-l"])

        let appended = try #require(StrictJSON.configTree(Array(#"{ "version": 1, "agents": { "default": { "ask": "always" }, "ops": {} } }"#.utf8), file: "b.json"))
        #expect(ExecApprovals.parse(appended, path: "b.json").agents.map(\.id) == ["ops", "main"])
    }

    @Test(arguments: [
        #"{ "version": 1, "defaults": { "security": 3 } }"#,
        #"{ "version": 1, "agents": [] }"#,
        #"{ "version": 1, "agents": { "main": { "allowlist": "rg" } } }"#,
        #"{ "version": 1, "socket": { "path": false } }"#,
        #"{ "version": "1" }"#,
        #"[]"#,
    ])
    func wrongTypesFailClosed(json: String) throws {
        let root = try #require(StrictJSON.configTree(Array(json.utf8), file: "a.json"))
        let approvals = ExecApprovals.parse(root, path: "a.json")
        #expect(approvals.source == .invalid)
        #expect(approvals.defaults.security == "deny" && approvals.defaults.autoAllowSkills == false)
    }

    @Test(arguments: [
        ("{\"a\": [1, -0.5e+3, true, false, null, \"\\u00e9\\n\"]}", true),
        ("  7  ", true),
        ("{\"a\": 1,}", false),
        ("[1,]", false),
        ("{a: 1}", false),
        ("{\"a\": 1 /* c */}", false),
        ("'x'", false),
        ("{\"a\": .5}", false),
        ("{\"a\": 01}", false),
        ("{\"a\": 0x1}", false),
        ("{\"a\": \"\\x41\"}", false),
        ("\u{FEFF}{}", false),
        ("{} {}", false),
        ("", false),
    ])
    func strictJSONIsJavaScriptsJSONParse(text: String, valid: Bool) {
        #expect((StrictJSON.configTree(Array(text.utf8), file: "x.json") != nil) == valid)
    }
}
