import Testing
@testable import SecurityAudit

/// Elevated allowlists, the minimal-profile override, the exposure matrix and the
/// multi-user heuristic, with the open-policy walk and sandbox containment behind them.
struct ExposureChecksTests {
    func findings(_ check: any Check, _ config: String) throws -> [Finding] {
        try ChannelFixture(config).findings(check)
    }

    func config(_ text: String) throws -> ConfigNode {
        try ChannelFixture(text).context.config
    }

    @Test func openInboundPoliciesWalkEveryNestedSection() throws {
        let root = try config(#"""
        { channels: {
            tools: { groupPolicy: "open" },
            whatsapp: { groupPolicy: "open", accounts: { work: { groupPolicy: "open", dmPolicy: "open" }, home: { dm: { policy: "open" } } } },
            discord: { dmPolicy: "pairing", dm: { policy: "open" }, guilds: { "42": { channels: { general: { groupPolicy: "open" } } } } },
            slack: { dmPolicy: null, dm: { policy: "open" } },
            Zalo: { groupPolicy: "open" },
            telegram: { groupPolicy: "allowlist", groups: ["not", "visited"] } } }
        """#)
        let open = OpenInboundPolicies.find(in: root)
        #expect(open.map(\.path) == [
            "channels.Zalo.groupPolicy",
            "channels.discord.guilds.42.channels.general.groupPolicy",
            "channels.slack.dm.policy",
            "channels.whatsapp.accounts.home.dm.policy",
            "channels.whatsapp.accounts.work.dmPolicy",
            "channels.whatsapp.accounts.work.groupPolicy",
            "channels.whatsapp.groupPolicy",
        ])
        let general = try #require(open.first { $0.path.contains("general") })
        #expect(general.roomId == "general" && general.accountKey == nil && !general.isDM)
        let home = try #require(open.first { $0.path.contains("home") })
        #expect(home.accountKey == "home" && home.isDM && home.roomId == nil)
        #expect(open.allSatisfy { $0.origin != nil })
    }

    @Test func elevatedAllowlists() throws {
        let many = (1...26).map { "\"\($0)\"" }.joined(separator: ", ")
        let hits = try findings(ElevatedAllowlistCheck(), #"{ tools: { elevated: { allowFrom: { whatsapp: ["*"], telegram: [\#(many)], discord: ["1"] } } } }"#)
        #expect(hits.map(\.checkId) == ["tools.elevated.allowFrom.whatsapp.wildcard", "tools.elevated.allowFrom.telegram.large"])
        #expect(hits[0].detail == #"tools.elevated.allowFrom.whatsapp includes "*" which effectively approves everyone on that channel for elevated mode."#)
        #expect(hits[0].remediation == nil)
        #expect(hits[1].detail == "tools.elevated.allowFrom.telegram has 26 entries; consider tightening elevated access.")
        #expect(hits[1].severity == .warn)
    }

    @Test func minimalProfileOverrideListsAgentsInOrder() throws {
        let hits = try findings(MinimalProfileOverrideCheck(), #"""
        { meta: { lastTouchedVersion: "2026.7.1" }, tools: { profile: "minimal" }, agents: { list: [{ id: "owner", tools: { profile: "full" } }, { id: "min", tools: { profile: "minimal" } }, { id: "dev", tools: { profile: "coding" } }] } }
        """#)
        #expect(hits.count == 1)
        #expect(hits[0].detail == "Global minimal profile is set, but these agent profiles take precedence:\n- agents.list.owner=full\n- agents.list.dev=coding")
        #expect(hits[0].remediation == #"Set those agents to `tools.profile="minimal"` (or remove the agent override) if you want minimal tools enforced globally."#)
        let later = try findings(MinimalProfileOverrideCheck(), #"{ tools: { profile: "minimal" }, agents: { entries: { ops: { tools: { profile: "full" } } } } }"#)
        #expect(later.first?.detail.hasSuffix("- agents.entries.ops=full") == true)
    }

    @Test func openGroupsWithElevatedTexts() throws {
        let hits = try findings(OpenGroupsElevatedCheck(), #"{ channels: { whatsapp: { groupPolicy: "open", accounts: { work: { groupPolicy: "open" } } } } }"#)
        #expect(hits.first?.title == "Open group/DM policy with elevated tools enabled")
        #expect(hits.first?.detail == "Found inbound policy=\"open\" at:\n- channels.whatsapp.accounts.work.groupPolicy\n- channels.whatsapp.groupPolicy\nWith tools.elevated enabled, a prompt injection in those conversations can become a high-impact incident.")
        #expect(hits.first?.remediation == #"Set each listed group/DM policy to "allowlist" and keep elevated allowlists extremely tight."#)
    }

    @Test func openGroupsWithRuntimeListsRiskyContexts() throws {
        let hits = try findings(OpenGroupsRuntimeCheck(), #"""
        { meta: { lastTouchedVersion: "2026.7.1" }, channels: { whatsapp: { groupPolicy: "open" } },
          tools: { fs: { workspaceOnly: true } },
          agents: { list: [
            { id: "main", default: true, tools: { deny: ["group:runtime"] } },
            { id: "boxed", sandbox: { mode: "all" } },
            { id: "writer", tools: { deny: ["exec", "process"], fs: { workspaceOnly: false } } },
            { id: "coder", tools: { profile: "coding" } }] } }
        """#)
        let hit = try #require(hits.first)
        #expect(hit.severity == .critical)
        #expect(hit.detail == """
            Found inbound policy="open" at:
            - channels.whatsapp.groupPolicy
            Risky tool exposure contexts:
            - agents.defaults (sandbox=off; runtime=[exec, process]; fs=[read, write, edit, apply_patch]; fs.workspaceOnly=true)
            - agents.list.writer (sandbox=off; runtime=[off]; fs=[read, write, edit, apply_patch]; fs.workspaceOnly=false)
            - agents.list.coder (sandbox=off; runtime=[exec, process]; fs=[read, write, edit, apply_patch]; fs.workspaceOnly=true)
            Prompt injection in open conversations can trigger command/file actions in these contexts.
            """)
        let fsOnly = try findings(OpenGroupsRuntimeCheck(), #"{ channels: { whatsapp: { groupPolicy: "open" } }, tools: { deny: ["group:runtime"] } }"#)
        #expect(fsOnly.first?.severity == .warn)
    }

    @Test func nonMainSandboxGuardsOnlyContainedRoutes() throws {
        // The open group routes to "team", which is unsandboxed; "main" (non-main) is reached
        // by nothing open, so it counts as guarded.
        let routed = try findings(OpenGroupsRuntimeCheck(), #"""
        { meta: { lastTouchedVersion: "2026.7.1" }, channels: { whatsapp: { groupPolicy: "open" } },
          agents: { defaults: { sandbox: { mode: "non-main" } }, list: [{ id: "main", default: true }, { id: "team", sandbox: { mode: "off" } }] },
          bindings: [{ agentId: "team", match: { channel: "whatsapp" } }] }
        """#)
        #expect(routed.first?.detail.contains("- agents.list.team (sandbox=off;") == true)
        #expect(routed.first?.detail.contains("agents.list.main") == false)
        #expect(routed.first?.detail.contains("agents.defaults") == false)
        // Open DMs land in the main session unless dmScope separates senders.
        let dms = try findings(OpenGroupsRuntimeCheck(), #"{ channels: { whatsapp: { dmPolicy: "open" } }, agents: { defaults: { sandbox: { mode: "non-main" } } } }"#)
        #expect(dms.first?.detail.contains("- agents.defaults (sandbox=non-main;") == true)
    }

    @Test func controlPlaneContexts() throws {
        let hits = try findings(ControlPlaneExposureCheck(), #"""
        { meta: { lastTouchedVersion: "2026.7.1" }, channels: { telegram: { dmPolicy: "open" } }, tools: { profile: "messaging" },
          agents: { list: [{ id: "ops", tools: { profile: "coding" } }, { id: "admin", tools: { profile: "full", deny: ["cron"] } }] } }
        """#)
        #expect(hits.first?.detail == """
            Found inbound policy="open" at:
            - channels.telegram.dmPolicy
            Control-plane tool exposure contexts:
            - agents.list.ops (profile=coding; controlPlane=[cron])
            - agents.list.admin (profile=full; controlPlane=[gateway])
            Prompt injection in open conversations can trigger persistent gateway config changes or scheduled automation.
            """)
        let none = try findings(ControlPlaneExposureCheck(), #"{ channels: { telegram: { dmPolicy: "open" } } }"#)
        #expect(none.first?.detail.contains("- agents.defaults (profile=none; controlPlane=[cron, gateway])") == true)
    }

    @Test func multiUserHeuristicSignalsAndText() throws {
        let hits = try findings(MultiUserHeuristicCheck(), #"""
        { channels: {
            discord: { groupPolicy: "allowlist", guilds: { "1": {} }, allowFrom: ["*"], dm: { allowFrom: ["*"] },
                       accounts: { work: { groupAllowFrom: ["*"] }, off: { groupPolicy: "disabled" } } },
            whatsapp: { dmPolicy: "open" } },
          tools: { deny: ["group:runtime"], fs: { workspaceOnly: true } } }
        """#)
        let hit = try #require(hits.first)
        #expect(hit.detail == """
            Heuristic signals indicate this gateway may be reachable by multiple users:
            - channels.whatsapp.dmPolicy="open"
            - channels.discord.groupPolicy="allowlist" with configured group targets
            - channels.discord.allowFrom includes "*"
            - channels.discord.dm.allowFrom includes "*"
            - channels.discord.accounts.work.groupPolicy="allowlist" with configured group targets
            - channels.discord.accounts.work.allowFrom includes "*"
            - channels.discord.accounts.work.groupAllowFrom includes "*"
            - channels.discord.accounts.work.dm.allowFrom includes "*"
            - channels.discord.accounts.off.allowFrom includes "*"
            - channels.discord.accounts.off.dm.allowFrom includes "*"
            No unguarded runtime/process tools were detected by this heuristic.
            No unguarded runtime/filesystem contexts detected.
            OpenClaw's default security model is personal-assistant (one trusted operator boundary), not hostile multi-tenant isolation on one shared gateway. For multiple users or organizations, run one isolated Gateway cell per tenant: https://docs.openclaw.ai/gateway/multi-tenant-hosting
            """)
        #expect(hit.severity == .warn)
        let risky = try findings(MultiUserHeuristicCheck(), #"{ channels: { whatsapp: { dmPolicy: "open" } } }"#)
        #expect(risky.first?.detail.contains("Runtime/process tools are exposed without full sandboxing in at least one context.\nPotential high-impact tool exposure contexts:\n- agents.defaults (sandbox=off;") == true)
    }

    @Test func containmentDropsSandboxedSignalsOnly() throws {
        // The allowlisted room is bound to a fully sandboxed agent; the "*" DM allowlist
        // still lands in the unsandboxed default agent.
        let hits = try findings(MultiUserHeuristicCheck(), #"""
        { agents: { list: [{ id: "main", default: true }, { id: "friends", sandbox: { mode: "all" } }] },
          bindings: [{ agentId: "friends", match: { channel: "whatsapp", peer: { kind: "group", id: "g@g.us" } } }],
          channels: { whatsapp: { groupPolicy: "allowlist", groups: { "g@g.us": {} }, allowFrom: ["*"] } } }
        """#)
        let detail = try #require(hits.first?.detail)
        #expect(detail.contains(#"- channels.whatsapp.allowFrom includes "*""#))
        #expect(!detail.contains("configured group targets"))
    }

    @Test func bindingsRouteRoomsThenAccountsThenTheDefaultAgent() throws {
        let root = try config(#"""
        { bindings: [
            { agentId: "A", match: { channel: "WhatsApp", accountId: "Work" } },
            { agentId: "room", match: { channel: "whatsapp", peer: { kind: "channel", id: "r1" } } },
            { agentId: "dm", match: { channel: "whatsapp", peer: { kind: "direct", id: "r2" } } } ] }
        """#)
        let bindings = AgentBindings(config: root)
        #expect(bindings.targetAgent(channel: "whatsapp", accountId: "work", room: "r1", defaultAgentId: "main") == "room")
        #expect(bindings.targetAgent(channel: "whatsapp", accountId: "work", room: "r2", defaultAgentId: "main") == "a")
        #expect(bindings.targetAgent(channel: "whatsapp", accountId: nil, room: nil, defaultAgentId: "main") == "main")
        #expect(bindings.targetAgent(channel: "telegram", accountId: "work", room: "r1", defaultAgentId: "main") == "main")
    }
}

/// The exposure matrix counts open DM policies from 2026.6.9 on (upstream PR #92883).
struct ExposureByReleaseTests {
    func findings(_ config: String, release: String?, _ id: String) throws -> [Finding] {
        try Auditor.run(auditContext(in: TemporaryDirectory(), config: config, release: release), timestamp: 0)
            .findings.filter { $0.checkId == id }
    }

    static let mixed = #"{ channels: { whatsapp: { groupPolicy: "open", dmPolicy: "open", accounts: { work: { groupPolicy: "open" } }, groups: { "g@g.us": { groupPolicy: "open" } } }, telegram: { dmPolicy: "open" } } }"#

    @Test func beforeTheReleaseOnlyChannelAndAccountGroupPoliciesCountWithTheFebruaryTexts() throws {
        let hits = try findings(Self.mixed, release: "2026.6.8", "security.exposure.open_groups_with_elevated")
        #expect(hits.first?.title == "Open groupPolicy with elevated tools enabled")
        #expect(hits.first?.detail == "Found groupPolicy=\"open\" at:\n- channels.whatsapp.groupPolicy\n- channels.whatsapp.accounts.work.groupPolicy\nWith tools.elevated enabled, a prompt injection in those rooms can become a high-impact incident.")
        #expect(hits.first?.remediation == #"Set groupPolicy="allowlist" and keep elevated allowlists extremely tight."#)
        let runtime = try findings(Self.mixed, release: "2026.2.26", "security.exposure.open_groups_with_runtime_or_fs")
        #expect(runtime.first?.title == "Open groupPolicy with runtime/filesystem tools exposed")
        #expect(runtime.first?.detail.hasPrefix("Found groupPolicy=\"open\" at:\n- channels.whatsapp.groupPolicy\n- channels.whatsapp.accounts.work.groupPolicy\nRisky tool exposure contexts:\n") == true)
        #expect(runtime.first?.detail.hasSuffix("\nPrompt injection in open groups can trigger command/file actions in these contexts.") == true)
    }

    @Test func fromTheReleaseOpenDMsAndNestedRoomsCount() throws {
        let hits = try findings(Self.mixed, release: "2026.6.9", "security.exposure.open_groups_with_elevated")
        #expect(hits.first?.title == "Open group/DM policy with elevated tools enabled")
        #expect(hits.first?.detail.hasPrefix("Found inbound policy=\"open\" at:\n- channels.telegram.dmPolicy\n- channels.whatsapp.accounts.work.groupPolicy\n- channels.whatsapp.dmPolicy\n- channels.whatsapp.groupPolicy\n- channels.whatsapp.groups.g@g.us.groupPolicy\n") == true)
    }

    @Test func onlyOpenDMsFindNothingBeforeTheRelease() throws {
        let config = #"{ channels: { telegram: { dmPolicy: "open" }, slack: { accounts: { ops: { dm: { policy: "open" } } } } } }"#
        for id in ["security.exposure.open_groups_with_elevated", "security.exposure.open_groups_with_runtime_or_fs"] {
            #expect(try findings(config, release: "2026.6.8", id).isEmpty)
            #expect(try findings(config, release: "2026.6.9", id).count == 1)
            #expect(try findings(config, release: nil, id).count == 1)
        }
    }
}
