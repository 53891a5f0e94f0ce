/// `security.exposure.open_groups_with_elevated`: open groups or DMs while elevated
/// (host) exec can be switched on from chat.
struct OpenGroupsElevatedCheck: Check {
    let infos = [
        CheckInfo(
            id: "security.exposure.open_groups_with_elevated",
            title: "Open group/DM policy with elevated tools enabled",
            severity: .fixed(.critical),
            rationale: "Anyone in an open group or DM can feed the agent text; with elevated mode available, one prompt injection there can end in commands on the host.",
            remediation: "Set each listed group/DM policy to \"allowlist\" and keep elevated allowlists extremely tight.",
            fixable: true,
            triggers: [
                CheckExample(#"{ channels: { whatsapp: { ↓groupPolicy: "open" } } }"#, clearedByFix: true),
                CheckExample(#"{ channels: { discord: { guilds: { "1": { channels: { general: { ↓groupPolicy: "open" } } } } } } }"#),
                CheckExample(#"{ channels: { slack: { accounts: { ops: { dm: { ↓policy: "open" } } } } } }"#),
                CheckExample(#"{ channels: { telegram: { ↓dmPolicy: "open" } } }"#, release: "2026.6.9"),
                CheckExample(#"{ channels: { whatsapp: { ↓groupPolicy: "open" } } }"#, release: "2026.2.26"),
            ],
            passes: [
                CheckExample(#"{ channels: { whatsapp: { groupPolicy: "open" } }, tools: { elevated: { enabled: false } } }"#),
                CheckExample(#"{ channels: { whatsapp: { groupPolicy: "allowlist", dmPolicy: "pairing" } } }"#),
                // dmPolicy decides over the legacy dm.policy.
                CheckExample(#"{ channels: { discord: { dmPolicy: "pairing", dm: { policy: "open" } } } }"#),
                // Before 2026.6.9 open DMs and nested rooms are not counted.
                CheckExample(#"{ channels: { telegram: { dmPolicy: "open" } } }"#, release: "2026.6.8"),
                CheckExample(#"{ channels: { discord: { guilds: { "1": { channels: { general: { groupPolicy: "open" } } } } } } }"#, release: "2026.2.26"),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let open = ExposedInboundPolicies(context: context)
        guard let first = open.policies.first, context.config["tools"]["elevated"]["enabled"].bool != false else { return [] }
        guard open.countsDMs else {
            return [finding(
                "security.exposure.open_groups_with_elevated", .critical,
                title: "Open groupPolicy with elevated tools enabled",
                detail: open.header + "\nWith tools.elevated enabled, a prompt injection in those rooms can become a high-impact incident.",
                remediation: "Set groupPolicy=\"allowlist\" and keep elevated allowlists extremely tight.",
                origin: first.origin)]
        }
        return [finding(
            "security.exposure.open_groups_with_elevated", .critical,
            detail: open.header + "\nWith tools.elevated enabled, a prompt injection in those conversations can become a high-impact incident.",
            origin: first.origin)]
    }
}
