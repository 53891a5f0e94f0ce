/// `gateway.nodes.deny_commands_ineffective`: deny entries that can never match,
/// because the gateway compares exact command names.
struct NodeDenyCommandsCheck: Check {
    let infos = [
        CheckInfo(
            id: "gateway.nodes.deny_commands_ineffective",
            title: "Some gateway.nodes.denyCommands entries are ineffective",
            severity: .fixed(.warn),
            rationale: "Node deny lists match exact command names; a glob, regex, shell text or misspelled name blocks nothing while looking like protection.",
            remediation: "Use exact command names; to restrict more, remove risky commands from the allow list and tighten tools.exec policy.",
            triggers: [
                CheckExample(#"{ gateway: { nodes: { ↓denyCommands: ["system.*", "system.runx"] } } }"#),
                CheckExample(#"{ gateway: { nodes: { ↓denyCommands: ["rm -rf /"] } } }"#),
                CheckExample(#"{ gateway: { nodes: { commands: { ↓deny: ["camera.lst"] } } } }"#),
            ],
            passes: [
                CheckExample(#"{ gateway: { nodes: { denyCommands: ["system.run", "canvas.eval", "camera.snap"] } } }"#),
                CheckExample(#"{ gateway: { nodes: { allowCommands: ["custom.tool"], denyCommands: ["custom.tool"] } } }"#),
                CheckExample(#"{ gateway: { nodes: { denyCommands: ["  "] } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let policy = NodeCommandPolicy(config: context.config)
        guard !policy.deny.isEmpty else { return [] }
        let known = policy.knownCommands
        let knownSet = Set(known)
        let patternLike = policy.deny.filter(NodeCommandPolicy.looksLikePattern)
        let unknown = policy.deny.filter { !NodeCommandPolicy.looksLikePattern($0) && !knownSet.contains($0) }
        guard !patternLike.isEmpty || !unknown.isEmpty else { return [] }

        let allowSource = policy.denyUsesCommandsKey ? "gateway.nodes.commands.allow" : "allowCommands"
        var lines: [String] = []
        if !patternLike.isEmpty {
            lines.append("- Pattern-like entries (not supported by exact matching): \(patternLike.joined(separator: ", "))")
        }
        if !unknown.isEmpty {
            let described = unknown.map { entry in
                let suggestions = NodeCommandPolicy.suggestions(for: entry, known: known)
                return suggestions.isEmpty ? entry : "\(entry) (did you mean: \(suggestions.joined(separator: ", ")))"
            }
            lines.append("- Unknown command names (not in defaults/\(allowSource)): \(described.joined(separator: ", "))")
        }
        return [finding(
            "gateway.nodes.deny_commands_ineffective", .warn,
            title: "Some \(policy.denyKey) entries are ineffective",
            detail: "\(policy.denyKey) uses exact node command-name matching only (for example `system.run`), not shell-text filtering inside a command payload.\n" + lines.joined(separator: "\n"),
            remediation: "Use exact command names (for example: \(known.prefix(8).joined(separator: ", "))). If you need broader restrictions, remove risky command IDs from \(allowSource)/default workflows and tighten tools.exec policy.",
            at: policy.denyNode)]
    }
}

/// `gateway.nodes.allow_commands_dangerous`: camera, screen, contacts, calendar,
/// reminders or SMS commands explicitly enabled for paired devices.
struct NodeDangerousAllowCheck: Check {
    let infos = [
        CheckInfo(
            id: "gateway.nodes.allow_commands_dangerous",
            title: "Dangerous node commands explicitly enabled",
            severity: .varies(default: .warn, rule: "critical when the gateway is remotely exposed (bind beyond loopback or Tailscale), else warn"),
            rationale: "These commands take photos, record the screen, send SMS or change contacts and calendars on paired devices; anyone holding gateway access can trigger them.",
            remediation: "Remove these entries from the node allow list, or keep gateway exposure local/tailnet-only.",
            triggers: [
                CheckExample(#"{ gateway: { bind: "loopback", nodes: { ↓allowCommands: ["camera.snap", "screen.record"] } } }"#, severity: .warn),
                CheckExample(#"{ gateway: { bind: "lan", nodes: { ↓allowCommands: ["sms.send"] } } }"#, severity: .critical),
                CheckExample(#"{ gateway: { nodes: { commands: { ↓allow: [" contacts.add "] } } } }"#, severity: .warn),
            ],
            passes: [
                CheckExample(#"{ gateway: { nodes: { allowCommands: ["camera.list", "canvas.present"] } } }"#),
                CheckExample(#"{ gateway: { nodes: { allowCommands: ["camera.snap"], denyCommands: ["camera.snap"] } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let policy = NodeCommandPolicy(config: context.config)
        let allowed = Set(policy.allow)
        let denied = Set(policy.deny)
        let hits = NodeCommandPolicy.dangerous.filter { allowed.contains($0) && !denied.contains($0) }
        guard !hits.isEmpty else { return [] }
        let impact = policy.allowUsesCommandsKey
            ? "These commands can trigger high-impact device actions or read sensitive data (desktop input/camera/screen/contacts/calendar/reminders/health/SMS/file)."
            : "These commands can trigger high-impact device actions (camera/screen/contacts/calendar/reminders/SMS)."
        return [finding(
            "gateway.nodes.allow_commands_dangerous", context.gateway.isRemotelyExposed ? .critical : .warn,
            detail: "\(policy.allowKey) includes: \(hits.joined(separator: ", ")). \(impact)",
            remediation: "Remove these entries from \(policy.allowKey) (recommended). If you keep them, treat gateway auth as full operator access and keep gateway exposure local/tailnet-only.",
            at: policy.allowNode)]
    }
}
