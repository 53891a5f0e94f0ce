/// `security.trust_model.multi_user_heuristic`: the config suggests several people can
/// talk to the agent, while OpenClaw's model is one trusted operator per gateway.
struct MultiUserHeuristicCheck: Check {
    let infos = [
        CheckInfo(
            id: "security.trust_model.multi_user_heuristic",
            title: "Potential multi-user setup detected (personal-assistant model warning)",
            severity: .fixed(.warn),
            rationale: "OpenClaw isolates one trusted operator from the outside world, not users from each other; when open or shared rooms reach unsandboxed sessions, every participant acts with the operator's tools and credentials.",
            remediation: "Split mutually untrusted users onto separate gateways, or sandbox everything (agents.defaults.sandbox.mode=\"all\"), keep tools.fs.workspaceOnly=true and deny runtime/fs/web tools.",
            triggers: [
                CheckExample(#"{ ↓channels: { discord: { groupPolicy: "allowlist", guilds: { "1": {} } } } }"#),
                CheckExample(#"{ ↓channels: { whatsapp: { dmPolicy: "open" } }, agents: { defaults: { sandbox: { mode: "non-main" } } } }"#),
                CheckExample(#"{ ↓channels: { telegram: { groups: { "-100": {} } } } }"#),
                CheckExample(#"{ ↓channels: { slack: { accounts: { ops: { allowFrom: ["*"] } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ channels: { discord: { groupPolicy: "allowlist" } }, tools: { elevated: { enabled: false } } }"#),
                CheckExample(#"{ channels: { telegram: { groupPolicy: "disabled", groups: { "-100": {} } } } }"#),
                CheckExample(#"{ channels: { whatsapp: { groupPolicy: "allowlist", groups: { "g@g.us": {} } } }, agents: { defaults: { sandbox: { mode: "non-main" } } } }"#),
                CheckExample(#"{ session: { dmScope: "per-channel-peer" }, channels: { whatsapp: { dmPolicy: "open" } }, agents: { defaults: { sandbox: { mode: "non-main" } } } }"#),
                CheckExample(#"{ agents: { list: [{ id: "main", default: true }, { id: "friends", sandbox: { mode: "all" } }] }, bindings: [{ agentId: "friends", match: { channel: "whatsapp", peer: { kind: "group", id: "g@g.us" } } }], channels: { whatsapp: { groupPolicy: "allowlist", groups: { "g@g.us": {} } } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let open = context.channels.openPolicies
        let all = InboundSignal.multiUserSignals(config: context.config, openPolicies: open, groupPolicies: context.groupPolicies)
        let containment = SandboxContainment(context: context)
        let routes = all.map(containment.routes)
        let signals = zip(all, routes).filter { !$0.1.allSatisfy(\.contained) }.map(\.0)
        guard !signals.isEmpty else { return [] }
        let (risky, runtimeRisk) = ToolExposureContext.risky(in: context, reachedBy: routes.flatMap { $0 })
        let impact = runtimeRisk
            ? "Runtime/process tools are exposed without full sandboxing in at least one context."
            : "No unguarded runtime/process tools were detected by this heuristic."
        let contexts = risky.isEmpty
            ? "No unguarded runtime/filesystem contexts detected."
            : "Potential high-impact tool exposure contexts:\n" + risky.map { "- \($0.summary)" }.joined(separator: "\n")
        return [Finding(
            checkId: "security.trust_model.multi_user_heuristic", severity: .warn,
            title: infos[0].title,
            detail: "Heuristic signals indicate this gateway may be reachable by multiple users:\n"
                + signals.map { "- \($0.text)" }.joined(separator: "\n")
                + "\n\(impact)\n\(contexts)\n"
                + "OpenClaw's default security model is personal-assistant (one trusted operator boundary), not hostile multi-tenant isolation on one shared gateway. For multiple users or organizations, run one isolated Gateway cell per tenant: https://docs.openclaw.ai/gateway/multi-tenant-hosting",
            remediation: "If users may be mutually untrusted, split trust boundaries (separate gateways + credentials, ideally separate OS users/hosts). If you intentionally run shared-user access, set agents.defaults.sandbox.mode=\"all\", keep tools.fs.workspaceOnly=true, deny runtime/fs/web tools unless required, and keep personal/private identities + credentials off that runtime.",
            location: context.config["channels"]?.origin)]
    }
}
