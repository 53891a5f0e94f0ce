/// The DM-policy findings every channel plugin gets (`channels.<id>.dm.*`): open DMs,
/// an open policy without the `*` it needs, disabled DMs, DMs no one is admitted to
/// (from 2026.8.1), and several senders sharing the agent's main session (before 2026.8.1).
struct DMPolicyCheck: ChannelAccountCheck {
    static let lockedSince = OpenClawVersion(major: 2026, minor: 8, patch: 1)

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
            id: "channels.<id>.dm.locked",
            title: "<Label> DMs are locked",
            severity: .fixed(.info),
            rationale: "With pairing or an allowlist and no admitted sender, nobody can talk to the bot in DMs yet: strangers are refused or get a pairing code. Reported so the state is visible, and so a pairing request is not mistaken for an attack.",
            remediation: "Approve senders with openclaw pairing approve <channel> <code>, or list them in allowFrom.",
            triggers: [
                CheckExample(#"{ channels: { ↓telegram: { botToken: "t" } } }"#, release: "2026.8.1"),
                CheckExample(#"{ channels: { discord: { token: "t", dm: { ↓policy: "allowlist" } } } }"#),
                CheckExample(#"{ channels: { signal: { accounts: { work: { account: "+15550001", ↓dmPolicy: "pairing" } } } } }"#),
                // Upstream counts no admitted sender for a lone "*" outside an open policy
                // (upstream PR #144147 proposes to change that).
                CheckExample(#"{ channels: { telegram: { botToken: "t", ↓dmPolicy: "allowlist", allowFrom: ["*"] } } }"#),
            ],
            passes: [
                CheckExample(#"{ channels: { telegram: { botToken: "t" } } }"#, release: "2026.7.1"),
                CheckExample(#"{ channels: { telegram: { botToken: "t", allowFrom: ["123"] } } }"#),
                CheckExample(#"{ channels: { telegram: { botToken: "t", dmPolicy: "open", allowFrom: ["*"] } } }"#),
                CheckExample(#"{ channels: { telegram: { botToken: "t", dmPolicy: "disabled" } } }"#),
                CheckExample(
                    #"{ channels: { telegram: { botToken: "t" } } }"#,
                    files: [.file("credentials/telegram-allowFrom.json", #"{ "version": 1, "allowFrom": ["123"] }"#)]),
            ]),
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
        if dm.policy != "open", dm.allowCount(account: account) == 0, context.openclaw.isAtLeast(Self.lockedSince) {
            let note = scope.multiAccount || account.hasExplicitEntry ? " (account: \(account.id))" : ""
            out.append(finding(
                "channels.<id>.dm.locked", for: channel, .info,
                title: "\(channel.label)\(note) DMs are locked",
                detail: "\(dm.policyPath)=\"\(dm.policy)\" has no admitted senders; unknown senders are blocked or receive a pairing code.",
                remediation: .text(Self.pairingApproveHint(channel: channel, context: context)),
                at: dm.policyNode ?? account.entry ?? account.section))
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

    /// The plugins' `approveHint` (`formatPairingApproveHint`): the pairing commands for
    /// this channel.
    static func pairingApproveHint(channel: KnownChannel, context: AuditContext) -> String {
        "Approve via: " + context.cliCommand("openclaw pairing list \(channel.id)")
            + " / " + context.cliCommand("openclaw pairing approve \(channel.id) <code>")
    }
}
