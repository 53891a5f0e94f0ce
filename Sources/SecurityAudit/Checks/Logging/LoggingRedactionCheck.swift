/// `logging.redact_off`: tool summaries are logged without redaction.
struct LoggingRedactionCheck: Check {
    static let id = "logging.redact_off"

    let infos = [
        CheckInfo(
            id: Self.id,
            title: "Tool summary redaction is disabled",
            severity: .fixed(.warn),
            rationale: "With redaction off, tokens and keys that tools print end up in logs and status output that are shared for debugging.",
            remediation: "Set logging.redactSensitive=\"tools\".",
            fixable: true,
            triggers: [CheckExample(#"{ logging: { ↓redactSensitive: "off" } }"#, clearedByFix: true)],
            passes: [CheckExample(#"{ logging: { redactSensitive: "tools" } }"#), CheckExample(#"{}"#)]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let redact = context.config["logging"]["redactSensitive"]
        guard redact.string == "off" else { return [] }
        return [finding(
            "logging.redact_off", .warn,
            detail: "logging.redactSensitive=\"off\" can leak secrets into logs and status output.",
            at: redact)]
    }
}
