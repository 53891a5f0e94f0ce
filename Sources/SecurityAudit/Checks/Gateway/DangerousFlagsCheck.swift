/// `config.insecure_or_dangerous_flags`: enabled debug or break-glass flags
/// (`src/security/audit.ts`, `collectEnabledInsecureOrDangerousFlags`). Through 2026.5.12
/// one finding lists every flag (the February format); from 2026.5.18 upstream reports
/// one finding per flag and counts configured audit suppressions as a flag. The Control
/// UI keys `allowInsecureAuth` (removed) and `dangerouslyDisableDeviceAuth` (inert) leave
/// the list with 2026.8.1.
struct DangerousFlagsCheck: Check {
    static let perFlagSince = OpenClawVersion(major: 2026, minor: 5, patch: 18)
    static let retiredControlUiKeysUntil = OpenClawVersion(major: 2026, minor: 8, patch: 1)
    /// Upstream's docs list the acpx flag on 2026-04-05; the first release after February
    /// that can contain it.
    static let acpxSince = OpenClawVersion(major: 2026, minor: 3, patch: 1)

    let infos = [
        CheckInfo(
            id: "config.insecure_or_dangerous_flags",
            title: "Insecure or dangerous config flags enabled",
            severity: .fixed(.warn),
            rationale: "Each of these flags switches off a protection for debugging; left on, they widen what an attacker can reach.",
            remediation: "Disable these flags when not actively debugging.",
            triggers: [
                CheckExample(#"{ gateway: { controlUi: { ↓allowInsecureAuth: true } } }"#, release: "2026.7.1"),
                CheckExample(#"{ gateway: { controlUi: { ↓dangerouslyDisableDeviceAuth: true } } }"#, release: "2026.2.26"),
                CheckExample(#"{ hooks: { gmail: { ↓allowUnsafeExternalContent: true } } }"#),
                CheckExample(#"{ hooks: { mappings: [{}, { ↓allowUnsafeExternalContent: true }] } }"#),
                CheckExample(#"{ tools: { exec: { applyPatch: { ↓workspaceOnly: false } } } }"#),
                CheckExample(#"{ plugins: { entries: { acpx: { config: { ↓permissionMode: "approve-all" } } } } }"#, release: "2026.3.1"),
                CheckExample(#"{ security: { audit: { ↓suppressions: [{ checkId: "x" }] } } }"#, release: "2026.5.18"),
            ],
            passes: [
                CheckExample(#"{ tools: { exec: { applyPatch: { workspaceOnly: true } } } }"#),
                CheckExample(#"{ mcp: { apps: { enabled: true } } }"#),
                CheckExample(#"{ gateway: { controlUi: { allowInsecureAuth: true, dangerouslyDisableDeviceAuth: true } } }"#, release: "2026.8.1"),
                CheckExample(#"{ plugins: { entries: { acpx: { config: { permissionMode: "approve-all" } } } } }"#, release: "2026.2.26"),
                CheckExample(#"{ security: { audit: { suppressions: [{ checkId: "x" }] } } }"#, release: "2026.5.12"),
                CheckExample(#"{}"#),
            ]),
    ]

    /// The flags in the original's fixed order for the audited release, with the node
    /// each one is read from.
    static func enabledFlags(in config: ConfigNode, release: OpenClawRelease) -> [(label: String, node: ConfigNode?)] {
        var flags: [(String, ConfigNode?)] = []
        let controlUi = config["gateway"]["controlUi"]
        let retiredKeysGone = release.isAtLeast(retiredControlUiKeysUntil)
        for key in ["allowInsecureAuth", "dangerouslyAllowHostHeaderOriginFallback", "dangerouslyDisableDeviceAuth"]
        where controlUi[key].bool == true && !(retiredKeysGone && key != "dangerouslyAllowHostHeaderOriginFallback") {
            flags.append(("gateway.controlUi.\(key)=true", controlUi[key]))
        }
        let suppressions = config["security"]["audit"]["suppressions"]
        if release.isAtLeast(perFlagSince), let entries = suppressions.array, !entries.isEmpty {
            flags.append(("security.audit.suppressions configured (\(entries.count))", suppressions))
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
        let acpx = config["plugins"]["entries"]["acpx"]["config"]["permissionMode"]
        if release.isAtLeast(acpxSince), acpx.string == "approve-all" {
            flags.append(("plugins.entries.acpx.config.permissionMode=approve-all", acpx))
        }
        return flags
    }

    func findings(in context: AuditContext) -> [Finding] {
        let flags = Self.enabledFlags(in: context.config, release: context.openclaw)
        guard !flags.isEmpty else { return [] }
        guard context.openclaw.isAtLeast(Self.perFlagSince) else {
            return [finding(
                "config.insecure_or_dangerous_flags", .warn,
                detail: "Detected \(flags.count) enabled flag(s): \(flags.map(\.label).joined(separator: ", ")).",
                remediation: "Disable these flags when not actively debugging, or keep deployment scoped to trusted/local-only networks.",
                at: flags.first?.node)]
        }
        return flags.map { flag in
            finding(
                "config.insecure_or_dangerous_flags", .warn,
                title: "Insecure or dangerous config flag enabled",
                detail: "Detected enabled flag: \(flag.label).",
                remediation: "Disable this flag when not actively debugging, or keep deployment scoped to trusted/local-only networks.",
                at: flag.node)
        }
    }
}
