/// The DM-policy findings every channel plugin gets (`channels.<id>.dm.*`): open DMs,
/// an open policy without the `*` it needs, disabled DMs, and several senders sharing
/// the agent's main session.
struct DMPolicyCheck: ChannelAccountCheck {
    let infos = [
        CheckInfo(
            id: "channels.<id>.dm.open",
            title: "<Label> DMs are open",
            severity: .fixed(.critical),
            rationale: "An open DM policy lets anyone who can find the bot talk to the agent and its tools; pairing or an allowlist keeps it to people you approved.",
            remediation: "Use dmPolicy \"pairing\" or \"allowlist\".",
            triggers: [
                CheckExample(#"{ channels: { telegram: { botToken: "t", ↓dmPolicy: "open", allowFrom: ["*"] } } }"#),
                CheckExample(#"{ channels: { discord: { token: "t", dm: { ↓policy: "open" } } } }"#),
                CheckExample(#"{ channels: { slack: { botToken: "xoxb", appToken: "xapp", ↓dmPolicy: "open" } } }"#),
                CheckExample(#"{ channels: { signal: { accounts: { work: { account: "+15550001", ↓dmPolicy: "open" } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ channels: { telegram: { botToken: "t", dmPolicy: "pairing" } } }"#),
                CheckExample(#"{ channels: { telegram: { dmPolicy: "open" } } }"#),
                // Telegram reads dmPolicy only; a legacy dm.policy there is not a policy.
                CheckExample(#"{ channels: { telegram: { botToken: "t", dm: { policy: "open" } } } }"#),
            ]),
        CheckInfo(
            id: "channels.<id>.dm.open_invalid",
            title: "<Label> DM config looks inconsistent",
            severity: .fixed(.warn),
            rationale: "An open DM policy is only valid with \"*\" in allowFrom; without it the gateway's behaviour differs from what the config seems to say.",
            remediation: "Add \"*\" to allowFrom, or better, switch to pairing.",
            triggers: [CheckExample(#"{ channels: { telegram: { botToken: "t", ↓dmPolicy: "open" } } }"#)],
            passes: [CheckExample(#"{ channels: { telegram: { botToken: "t", dmPolicy: "open", allowFrom: [" * "] } } }"#)]),
        CheckInfo(
            id: "channels.<id>.dm.disabled",
            title: "<Label> DMs are disabled",
            severity: .fixed(.info),
            rationale: "Disabled DMs ignore every inbound direct message; reported so the choice is visible.",
            triggers: [CheckExample(#"{ channels: { discord: { token: "t", dm: { ↓policy: "disabled" } } } }"#)],
            passes: [CheckExample(#"{ channels: { discord: { token: "t", dm: { policy: "pairing" } } } }"#)]),
        CheckInfo(
            id: "channels.<id>.dm.scope_main_multiuser",
            title: "<Label> DMs share the main session",
            severity: .fixed(.warn),
            rationale: "When several people may DM the bot and every DM lands in the agent's main session, one sender can read context (and results) left by another.",
            remediation: "Set session.dmScope to \"per-channel-peer\" (or \"per-account-channel-peer\").",
            triggers: [
                CheckExample(#"{ channels: { telegram: { botToken: "t", ↓dmPolicy: "allowlist", allowFrom: ["1", "2"] } } }"#),
                CheckExample(#"{ channels: { telegram: { botToken: "t", ↓dmPolicy: "open", allowFrom: ["*"] } } }"#),
            ],
            passes: [
                CheckExample(#"{ channels: { telegram: { botToken: "t", allowFrom: ["1", "tg:1"] } } }"#),
                CheckExample(#"{ session: { dmScope: "per-channel-peer" }, channels: { telegram: { botToken: "t", allowFrom: ["1", "2"] } } }"#),
                CheckExample(#"{ channels: { telegram: { botToken: "t", dmPolicy: "disabled", allowFrom: ["1", "2"] } } }"#),
            ]),
    ]

    func findings(for scope: ChannelAccountScope) -> [Finding] {
        let account = scope.account
        let context = scope.context
        let dm = DMPolicy(account: account)
        let channel = account.channel
        var out: [Finding] = []
        if dm.policy == "open" {
            out.append(finding(
                "channels.<id>.dm.open", for: channel, .critical,
                detail: "\(dm.policyPath)=\"open\" allows anyone to DM the bot.",
                remediation: "Use pairing/allowlist; if you really need open DMs, ensure \(dm.allowFromPath)allowFrom includes \"*\".",
                at: dm.policyNode))
            if !dm.hasWildcard {
                out.append(finding(
                    "channels.<id>.dm.open_invalid", for: channel, .warn,
                    detail: "\"open\" requires \(dm.allowFromPath)allowFrom to include \"*\".", remediation: .none,
                    at: dm.policyNode))
            }
        }
        if dm.policy == "disabled" {
            out.append(finding(
                "channels.<id>.dm.disabled", for: channel, .info,
                detail: "\(dm.policyPath)=\"disabled\" ignores inbound DMs.",
                at: dm.policyNode))
            return out
        }
        let dmScopeNode = context.config["session"]["dmScope"]
        let dmScope = dmScopeNode.map { $0.isNull ? "main" : $0.javaScriptString } ?? "main"
        if dmScope == "main", dm.isMultiUser(account: account) {
            out.append(finding(
                "channels.<id>.dm.scope_main_multiuser", for: channel, .warn,
                detail: "Multiple DM senders currently share the main session, which can leak context across users.",
                remediation: .text("Run: " + context.cliCommand("openclaw config set session.dmScope \"per-channel-peer\"")
                    + " (or \"per-account-channel-peer\" for multi-account channels) to isolate DM sessions per sender."),
                at: dmScopeNode ?? dm.policyNode))
        }
        return out
    }
}
