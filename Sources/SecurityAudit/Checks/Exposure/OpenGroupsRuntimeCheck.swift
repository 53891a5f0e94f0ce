/// `security.exposure.open_groups_with_runtime_or_fs`: open groups or DMs reach an agent
/// whose shell or filesystem tools run outside a sandbox.
struct OpenGroupsRuntimeCheck: Check {
    let infos = [
        CheckInfo(
            id: "security.exposure.open_groups_with_runtime_or_fs",
            title: "Open group/DM policy with runtime/filesystem tools exposed",
            severity: .varies(default: .critical, rule: "critical when some exposed context allows exec/process unsandboxed, warn when only filesystem tools are exposed"),
            rationale: "Text from strangers in an open group or DM becomes the agent's input; if that agent can run commands or touch files outside a sandbox, a prompt injection does too.",
            remediation: "For open groups or DMs use tools.profile=\"messaging\" (or deny group:runtime/group:fs), set tools.fs.workspaceOnly=true and sandbox exposed agents (agents.defaults.sandbox.mode=\"all\").",
            fixable: true,
            triggers: [
                CheckExample(#"{ channels: { whatsapp: { ↓groupPolicy: "open" } }, tools: { elevated: { enabled: false } } }"#, severity: .critical, clearedByFix: true),
                CheckExample(#"{ channels: { whatsapp: { ↓groupPolicy: "open" } }, tools: { deny: ["group:runtime"] } }"#, severity: .warn),
                // non-main sandboxing does not cover DMs that land in the main session.
                CheckExample(#"{ channels: { telegram: { ↓dmPolicy: "open" } }, agents: { defaults: { sandbox: { mode: "non-main" } } } }"#, severity: .critical),
                CheckExample(#"{ channels: { telegram: { ↓dmPolicy: "open" } } }"#, severity: .critical, release: "2026.6.9"),
                // The open room is bound to an agent that is not sandboxed.
                CheckExample(#"{ channels: { whatsapp: { ↓groupPolicy: "open" } }, agents: { defaults: { sandbox: { mode: "non-main" } }, list: [{ id: "main", default: true }, { id: "team", sandbox: { mode: "off" } }] }, bindings: [{ agentId: "team", match: { channel: "whatsapp" } }] }"#, severity: .critical),
            ],
            passes: [
                CheckExample(#"{ channels: { whatsapp: { groupPolicy: "open" } }, tools: { profile: "coding" }, agents: { defaults: { sandbox: { mode: "all" } } } }"#),
                CheckExample(#"{ channels: { whatsapp: { groupPolicy: "open" } }, tools: { profile: "coding", deny: ["group:runtime"], fs: { workspaceOnly: true } } }"#),
                CheckExample(#"{ channels: { whatsapp: { groupPolicy: "open" } }, tools: { profile: "messaging" } }"#),
                CheckExample(#"{ channels: { whatsapp: { groupPolicy: "open" } }, agents: { defaults: { sandbox: { mode: "non-main" } } } }"#),
                CheckExample(#"{ session: { dmScope: "per-channel-peer" }, channels: { telegram: { dmPolicy: "open" } }, agents: { defaults: { sandbox: { mode: "non-main" } } } }"#),
                CheckExample(#"{ channels: { whatsapp: { groupPolicy: "allowlist" } } }"#),
                // Open DMs count from 2026.6.9 on.
                CheckExample(#"{ channels: { telegram: { dmPolicy: "open" } } }"#, release: "2026.6.8"),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let open = ExposedInboundPolicies(context: context)
        guard let first = open.policies.first else { return [] }
        let containment = SandboxContainment(context: context)
        let routes = open.policies.flatMap { containment.routes(InboundSignal($0)) }
        let (risky, runtimeRisk) = ToolExposureContext.risky(in: context, reachedBy: routes)
        guard !risky.isEmpty else { return [] }
        let contexts = "\nRisky tool exposure contexts:\n" + risky.map { "- \($0.summary)" }.joined(separator: "\n")
        guard open.countsDMs else {
            return [Finding(
                checkId: "security.exposure.open_groups_with_runtime_or_fs", severity: runtimeRisk ? .critical : .warn,
                title: "Open groupPolicy with runtime/filesystem tools exposed",
                detail: open.header + contexts + "\nPrompt injection in open groups can trigger command/file actions in these contexts.",
                remediation: "For open groups, prefer tools.profile=\"messaging\" (or deny group:runtime/group:fs), set tools.fs.workspaceOnly=true, and use agents.defaults.sandbox.mode=\"all\" for exposed agents.",
                location: first.origin)]
        }
        return [Finding(
            checkId: "security.exposure.open_groups_with_runtime_or_fs", severity: runtimeRisk ? .critical : .warn,
            title: infos[0].title,
            detail: open.header + contexts + "\nPrompt injection in open conversations can trigger command/file actions in these contexts.",
            remediation: "For open groups or DMs, prefer tools.profile=\"messaging\" (or deny group:runtime/group:fs), set tools.fs.workspaceOnly=true, and use agents.defaults.sandbox.mode=\"all\" for exposed agents.",
            location: first.origin)]
    }
}
