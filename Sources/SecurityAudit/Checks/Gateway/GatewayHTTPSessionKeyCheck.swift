/// `gateway.http.session_key_override_enabled`: OpenAI-style endpoints let callers pick
/// the session they write into.
struct GatewayHTTPSessionKeyCheck: Check {
    let infos = [
        CheckInfo(
            id: "gateway.http.session_key_override_enabled",
            title: "HTTP API session-key override is enabled",
            severity: .fixed(.info),
            rationale: "These endpoints accept x-openclaw-session-key, so whoever holds the API credential can route into any session.",
            triggers: [
                CheckExample(#"{ gateway: { http: { endpoints: { responses: { ↓enabled: true } } } } }"#),
                CheckExample(#"{ gateway: { http: { endpoints: { chatCompletions: { ↓enabled: true } } } } }"#),
            ],
            passes: [CheckExample(#"{ gateway: { http: { endpoints: { responses: { enabled: false } } } } }"#)]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let endpoints = context.config["gateway"]["http"]["endpoints"]
        var enabled: [(String, ConfigNode?)] = []
        if endpoints["chatCompletions"]["enabled"].bool == true {
            enabled.append(("/v1/chat/completions", endpoints["chatCompletions"]["enabled"]))
        }
        if endpoints["responses"]["enabled"].bool == true {
            enabled.append(("/v1/responses", endpoints["responses"]["enabled"]))
        }
        guard !enabled.isEmpty else { return [] }
        return [finding(
            "gateway.http.session_key_override_enabled", .info,
            detail: "\(enabled.map(\.0).joined(separator: ", ")) accept x-openclaw-session-key for per-request session routing. Treat API credential holders as trusted principals.",
            at: enabled.first?.1)]
    }
}
