/// `gateway.token_too_short`: a token-mode gateway with a guessable token.
struct GatewayTokenLengthCheck: Check {
    static let minimumLength = 24

    let infos = [
        CheckInfo(
            id: "gateway.token_too_short",
            title: "Gateway token looks short",
            severity: .fixed(.warn),
            rationale: "A short token can be brute-forced, all the more without auth rate limiting.",
            remediation: "Use a long random token (24 characters or more).",
            triggers: [
                CheckExample(#"{ gateway: { auth: { ↓token: "short" } } }"#),
                CheckExample(#"{}"#, environment: ["OPENCLAW_GATEWAY_TOKEN": "tiny"]),
            ],
            passes: [
                CheckExample(#"{ gateway: { auth: { token: "0123456789abcdef0123456789" } } }"#),
                CheckExample(#"{ gateway: { auth: { mode: "password", token: "short", password: "p" } } }"#),
                CheckExample(#"{}"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let gateway = context.gateway
        guard gateway.mode == "token", let token = gateway.token,
              token.utf16.count < Self.minimumLength
        else { return [] }
        return [finding(
            "gateway.token_too_short", .warn,
            detail: "gateway auth token is \(token.utf16.count) chars; prefer a long random token.", remediation: .none,
            at: context.config["gateway"]["auth"]["token"])]
    }
}
