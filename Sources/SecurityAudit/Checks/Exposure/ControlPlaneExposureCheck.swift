/// `security.exposure.open_groups_with_control_plane_tools`: open
/// groups or DMs reach an agent that may reconfigure the gateway or schedule jobs.
struct ControlPlaneExposureCheck: Check {
    /// Tools that change the gateway itself or run later without anyone asking.
    static let controlPlaneTools = ["cron", "gateway"]

    let infos = [
        CheckInfo(
            id: "security.exposure.open_groups_with_control_plane_tools",
            title: "Open group/DM policy with gateway/cron control-plane tools exposed",
            severity: .fixed(.critical),
            rationale: "A prompt injection from an open group or DM that reaches the gateway or cron tool outlives the conversation: it can rewrite the gateway config or plant a scheduled job.",
            remediation: "Deny the gateway and cron tools for agents reachable from open groups or DMs, prefer tools.profile=\"messaging\", and tighten dmPolicy/groupPolicy.",
            triggers: [
                CheckExample(#"{ channels: { whatsapp: { ↓groupPolicy: "open" } } }"#),
                CheckExample(#"{ channels: { telegram: { ↓dmPolicy: "open" } }, tools: { profile: "coding" } }"#),
                CheckExample(#"{ channels: { telegram: { ↓dmPolicy: "open" } }, tools: { profile: "messaging" }, agents: { list: [{ id: "ops", tools: { profile: "full" } }] } }"#),
            ],
            passes: [
                CheckExample(#"{ channels: { whatsapp: { groupPolicy: "open" } }, tools: { profile: "messaging" } }"#),
                CheckExample(#"{ channels: { whatsapp: { groupPolicy: "open" } }, tools: { deny: ["group:automation"] } }"#),
                CheckExample(#"{ channels: { whatsapp: { groupPolicy: "allowlist" } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let open = context.channels.openPolicies
        guard !open.isEmpty else { return [] }
        let exposed = ToolExposureContext.all(in: context).compactMap { candidate -> String? in
            let tools = candidate.chain.allowed(Self.controlPlaneTools)
            guard !tools.isEmpty else { return nil }
            return "- \(candidate.label) (profile=\(candidate.profile ?? "none"); controlPlane=[\(tools.joined(separator: ", "))])"
        }
        guard !exposed.isEmpty else { return [] }
        return [Finding(
            checkId: "security.exposure.open_groups_with_control_plane_tools", severity: .critical,
            title: infos[0].title,
            detail: "Found inbound policy=\"open\" at:\n" + open.map { "- \($0.path)" }.joined(separator: "\n")
                + "\nControl-plane tool exposure contexts:\n" + exposed.joined(separator: "\n")
                + "\nPrompt injection in open conversations can trigger persistent gateway config changes or scheduled automation.",
            remediation: "For open groups or DMs, deny control-plane tools (`gateway`, `cron`) and prefer tools.profile=\"messaging\". Tighten dmPolicy/groupPolicy to pairing or allowlist when possible.",
            location: open[0].origin)]
    }
}
