/// `config.legacy_keys` (ours): a key upstream's doctor migrates (`docs/gateway/doctor.md`,
/// `src/config/legacy.rules.ts`). OpenClaw's CLI refuses such a config ("Legacy config
/// keys detected … openclaw doctor --fix"); older gateways migrated it on start, and
/// from 2026.3.28 the oldest migrations are gone, so the key simply fails validation.
/// The content is audited where it belongs now (`LegacyConfigMigration`): this finding
/// says so, once per key, in the words of the audited release.
struct LegacyKeysCheck: Check {
    static let id = "config.legacy_keys"

    let infos = [
        CheckInfo(
            id: Self.id,
            title: "Legacy config key",
            severity: .fixed(.warn),
            rationale: "OpenClaw refuses to load a config with legacy keys until it is migrated, and a key whose migration was dropped is not read at all; the settings written there may not be the ones in force. The audit reads the content where it belongs now.",
            remediation: "Run openclaw doctor --fix (or move the content by hand where doctor no longer migrates it), then re-run the audit.",
            triggers: [
                CheckExample(#"{ ↓telegram: { botToken: "123:abc", groupPolicy: "open" } }"#),
                CheckExample(#"{ providers: { ↓telegram: { botToken: "123:abc", dm: { policy: "open" } } } }"#),
                CheckExample(#"{ ↓agent: { model: "ollama/llama3.2:3b" } }"#),
                CheckExample(#"{ gateway: { ↓bind: "0.0.0.0", auth: { token: "0123456789abcdef0123456789" } } }"#),
                CheckExample(#"{ gateway: { ↓token: "0123456789abcdef0123456789" } }"#),
                // The 2026.8.1 renames: the list roster, node command lists, exec security/ask.
                CheckExample(#"{ agents: { ↓list: [{ id: "ops", default: true }] } }"#, release: "2026.8.1"),
                CheckExample(#"{ gateway: { nodes: { ↓allowCommands: ["camera.snap"] } } }"#, release: "2026.9.9"),
                CheckExample(#"{ tools: { exec: { ↓security: "full", ask: "off" } } }"#, release: "2026.8.1"),
                CheckExample(#"{ ↓defaultModel: "anthropic/claude-opus-4-5" }"#),
            ],
            passes: [
                CheckExample(#"{ channels: { telegram: { botToken: "123:abc" } }, agents: { defaults: { model: { primary: "anthropic/claude-opus-4-5" } } } }"#),
                CheckExample(#"{ models: { providers: { ollama: { baseUrl: "http://127.0.0.1:11434" } } } }"#),
                CheckExample(#"{ gateway: { bind: "${BIND}" } }"#),
                // Releases before 2026.8.1 read these keys as written.
                CheckExample(#"{ agents: { list: [{ id: "ops", default: true }] } }"#, release: "2026.7.1"),
                CheckExample(#"{ gateway: { nodes: { allowCommands: ["camera.snap"] } } }"#, release: "2026.7.1-2"),
                CheckExample(#"{ tools: { exec: { security: "full", ask: "off" } } }"#, release: "2026.2.26"),
                CheckExample(#"{ agents: { entries: { ops: { default: true } } }, gateway: { nodes: { commands: { allow: ["camera.snap"] } } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        context.configFile.legacyKeys.map { key in
            let moved = key.migrated
                ? "Audited as \(key.replacement)."
                : "Its content belongs in \(key.replacement); it was not audited there."
            return Finding(
                checkId: Self.id, severity: .warn, title: "Legacy config key: \(key.path)",
                detail: "\(key.path) is a legacy key (\(key.note)). \(moved) \(Self.releaseBehaviour(key, release: context.openclaw))",
                remediation: remediation(key, release: context.openclaw, context: context),
                location: key.origin)
        }
    }

    /// What the audited release does with the key.
    static func releaseBehaviour(_ key: LegacyConfigKey, release: OpenClawRelease) -> String {
        let name = release.version.map { "OpenClaw \($0)" } ?? "Current OpenClaw"
        if !key.doctorMigrates {
            return "\(name) rejects the key (\"Unrecognized key\") and does not start; doctor does not move it."
        }
        if let version = release.version, version < key.since {
            return "\(name) predates this migration and reads the key as written."
        }
        if let dropped = key.migrationDroppedIn, release.isAtLeast(dropped) {
            return "\(name) no longer migrates it (dropped in \(dropped)): the config fails validation and the gateway does not start."
        }
        return "\(name) refuses the config until it is migrated (\"Legacy config keys detected\")."
    }

    func remediation(_ key: LegacyConfigKey, release: OpenClawRelease, context: AuditContext) -> String {
        if !key.doctorMigrates { return "Move the content to \(key.replacement) by hand." }
        if let dropped = key.migrationDroppedIn, release.isAtLeast(dropped) {
            return "Move the content to \(key.replacement) by hand (doctor no longer migrates \(key.path) since \(dropped))."
        }
        return "Run \(context.cliCommand("openclaw doctor --fix")) to move it to \(key.replacement)."
    }
}
