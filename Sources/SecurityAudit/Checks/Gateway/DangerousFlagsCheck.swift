/// `config.insecure_or_dangerous_flags`: one finding listing every enabled debug or
/// break-glass flag (the February format).
struct DangerousFlagsCheck: Check {
    let infos = [
        CheckInfo(
            id: "config.insecure_or_dangerous_flags",
            title: "Insecure or dangerous config flags enabled",
            severity: .fixed(.warn),
            rationale: "Each of these flags switches off a protection for debugging; left on, they widen what an attacker can reach.",
            remediation: "Disable these flags when not actively debugging.",
            triggers: [
                CheckExample(#"{ gateway: { controlUi: { allowInsecureAuth: true } } }"#),
                CheckExample(#"{ hooks: { gmail: { allowUnsafeExternalContent: true } } }"#),
                CheckExample(#"{ hooks: { mappings: [{}, { allowUnsafeExternalContent: true }] } }"#),
                CheckExample(#"{ tools: { exec: { applyPatch: { workspaceOnly: false } } } }"#),
            ],
            passes: [
                CheckExample(#"{ tools: { exec: { applyPatch: { workspaceOnly: true } } } }"#),
                CheckExample(#"{ mcp: { apps: { enabled: true } } }"#),
                CheckExample(#"{}"#),
            ]),
    ]

    /// The flags in the original's fixed order, with the node each one is read from.
    static func enabledFlags(in config: ConfigNode) -> [(label: String, node: ConfigNode?)] {
        var flags: [(String, ConfigNode?)] = []
        let controlUi = config["gateway"]["controlUi"]
        for key in ["allowInsecureAuth", "dangerouslyAllowHostHeaderOriginFallback", "dangerouslyDisableDeviceAuth"]
        where controlUi[key].bool == true {
            flags.append(("gateway.controlUi.\(key)=true", controlUi[key]))
        }
        let gmailFlag = config["hooks"]["gmail"]["allowUnsafeExternalContent"]
        if gmailFlag.bool == true {
            flags.append(("hooks.gmail.allowUnsafeExternalContent=true", gmailFlag))
        }
        for (index, mapping) in (config["hooks"]["mappings"].array ?? []).enumerated()
        where mapping["allowUnsafeExternalContent"].bool == true {
            flags.append(("hooks.mappings[\(index)].allowUnsafeExternalContent=true", mapping["allowUnsafeExternalContent"]))
        }
        let applyPatch = config["tools"]["exec"]["applyPatch"]["workspaceOnly"]
        if applyPatch.bool == false {
            flags.append(("tools.exec.applyPatch.workspaceOnly=false", applyPatch))
        }
        return flags
    }

    func findings(in context: AuditContext) -> [Finding] {
        let flags = Self.enabledFlags(in: context.config)
        guard !flags.isEmpty else { return [] }
        return [finding(
            "config.insecure_or_dangerous_flags", .warn,
            detail: "Detected \(flags.count) enabled flag(s): \(flags.map(\.label).joined(separator: ", ")).",
            remediation: "Disable these flags when not actively debugging, or keep deployment scoped to trusted/local-only networks.",
            at: flags.first?.node)]
    }
}
