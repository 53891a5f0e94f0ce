/// `config.invalid_value` (ours): a key the checks read holds a value OpenClaw does not
/// accept (`gateway.bind: "public"`, `dmPolicy: "respond"`, `hooks.enabled: "true"`,
/// `tools.elevated.allowFrom` as a list) or a key it does not have (`gateway.host`).
/// OpenClaw's schema is strict, so the config is refused and the gateway does not start
/// with it; the checks read the value as written and assume no default in its place.
/// One finding per path.
struct RejectedValuesCheck: Check {
    static let id = "config.invalid_value"

    let infos = [
        CheckInfo(
            id: Self.id,
            title: "Config value OpenClaw does not accept",
            severity: .fixed(.warn),
            rationale: "OpenClaw refuses a config with an unknown value or key, so what is written is not what runs: the gateway keeps its last valid config or does not start, and an audit that assumed a default would describe a config nobody runs.",
            remediation: "Write one of the accepted values (openclaw doctor lists the problems), then re-run the audit.",
            triggers: [
                CheckExample(#"{ channels: { telegram: { botToken: "1:a", ↓dmPolicy: "respond" } } }"#),
                CheckExample(#"{ gateway: { ↓host: "0.0.0.0", auth: { token: "0123456789abcdef0123456789" } } }"#),
                CheckExample(#"{ tools: { elevated: { enabled: true, ↓allowFrom: ["+15550001"] } } }"#),
                CheckExample(#"{ hooks: { ↓enabled: "true", token: "0123456789abcdef0123456789" } }"#),
                CheckExample(#"{ gateway: { ↓bind: "public" } }"#),
                // The keyed roster is a key OpenClaw 2026.7.1 does not have.
                CheckExample(#"{ agents: { ↓entries: { ops: { tools: { profile: "full" } } } } }"#, release: "2026.7.1"),
            ],
            passes: [
                CheckExample(#"{ channels: { telegram: { botToken: "1:a", dmPolicy: "pairing" } }, gateway: { bind: "lan", auth: { token: "0123456789abcdef0123456789" } } }"#),
                CheckExample(#"{ tools: { elevated: { enabled: true, allowFrom: { whatsapp: ["+15550001"] } } } }"#),
                CheckExample(#"{ gateway: { bind: "${GATEWAY_BIND}" } }"#),
                CheckExample(#"{ channels: { feishu: { groupPolicy: "allowall" } } }"#),
                CheckExample(#"{ agents: { entries: { ops: { tools: { profile: "full" } } } } }"#, release: "2026.8.1"),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        ConfigValueValidation.problems(in: context).map { rejected in
            let what: String
            var effect = "the checks read the value as written and assume no default in its place."
            switch rejected.problem {
            case .unknownValue(let accepted):
                what = "\(rejected.path) is \(rejected.written), which OpenClaw does not accept (accepted: \(accepted.joined(separator: ", ")))."
            case .wrongType(let expected):
                what = "\(rejected.path) is \(rejected.written); OpenClaw expects \(expected)."
            case .unknownKey(let hint):
                what = "OpenClaw has no \(rejected.path) key: \(hint)."
            case .keyOfLaterRelease(let hint):
                what = "\(context.openclaw.version.map { "OpenClaw \($0)" } ?? "This OpenClaw") has no \(rejected.path) key: \(hint)."
                effect = "the audit reads the config as this release does, without the key."
            }
            return Finding(
                checkId: Self.id, severity: .warn, title: info(Self.id).title,
                detail: what + " OpenClaw refuses the config (\"Invalid config\"), so the gateway does not start with it; " + effect,
                remediation: "Fix the value (\(context.cliCommand("openclaw doctor")) lists every problem), then re-run the audit.",
                location: rejected.origin)
        }
    }
}
