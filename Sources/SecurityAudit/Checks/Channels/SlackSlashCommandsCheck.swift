/// Slack-only findings: slash commands that bypass access groups, or that no one is
/// allowed to run.
struct SlackSlashCommandsCheck: ChannelAccountCheck {
    let channel: KnownChannel? = .slack

    let infos = [
        CheckInfo(
            id: "channels.slack.commands.slash.useAccessGroups_off",
            title: "Slack slash commands bypass access groups",
            severity: .fixed(.critical),
            rationale: "With access groups off, slash commands skip sender allowlists: anyone in a channel the app is in can run commands that drive the agent.",
            remediation: "Set commands.useAccessGroups=true.",
            triggers: [
                CheckExample(#"{ commands: { ↓useAccessGroups: false }, channels: { slack: { botToken: "xoxb", appToken: "xapp", slashCommand: { enabled: true } } } }"#),
                CheckExample(#"{ commands: { ↓useAccessGroups: false, native: true }, channels: { slack: { botToken: "xoxb", appToken: "xapp" } } }"#),
            ],
            passes: [
                // Slack's native commands are off by default and no slash command is set up.
                CheckExample(#"{ commands: { useAccessGroups: false }, channels: { slack: { botToken: "xoxb", appToken: "xapp" } } }"#),
                CheckExample(#"{ commands: { useAccessGroups: false }, channels: { slack: { botToken: "xoxb", slashCommand: { enabled: true } } } }"#),
            ]),
        CheckInfo(
            id: "channels.slack.commands.slash.no_allowlists",
            title: "Slack slash commands have no allowlists",
            severity: .fixed(.warn),
            rationale: "Slash commands are on but no owner or channel users allowlist exists, so every command is rejected: usually a setup mistake that tempts people into turning access groups off.",
            remediation: "Approve yourself via pairing, or set channels.slack.allowFrom and/or channels.slack.channels.<id>.users.",
            triggers: [
                CheckExample(#"{ channels: { slack: { botToken: "xoxb", appToken: "xapp", groupPolicy: "open", slashCommand: { ↓enabled: true } } } }"#),
            ],
            passes: [
                CheckExample(#"{ channels: { slack: { botToken: "xoxb", appToken: "xapp", slashCommand: { enabled: true }, allowFrom: ["U123ABC"] } } }"#),
                CheckExample(#"{ channels: { slack: { botToken: "xoxb", appToken: "xapp", slashCommand: { enabled: true }, dm: { allowFrom: ["U123ABC"] } } } }"#),
                CheckExample(#"{ channels: { slack: { botToken: "xoxb", appToken: "xapp", slashCommand: { enabled: true }, channels: { C1: { users: ["U1"] } } } } }"#),
            ]),
    ]

    func findings(for scope: ChannelAccountScope) -> [Finding] {
        let account = scope.account
        let context = scope.context
        let config = account.config
        let commands = context.config["commands"]
        let slash = config["slashCommand"]["enabled"]
        let enabled = NativeCommandSetting.isEnabled(channel: .slack, provider: config["commands"]["native"], global: commands["native"])
            || NativeCommandSetting.isEnabled(channel: .slack, provider: config["commands"]["nativeSkills"], global: commands["nativeSkills"])
            || slash.bool == true
        guard enabled else { return [] }
        if commands["useAccessGroups"].bool == false {
            return [finding(
                "channels.slack.commands.slash.useAccessGroups_off", for: .slack, .critical,
                detail: "Slack slash/native commands are enabled while commands.useAccessGroups=false; this can allow unrestricted /… command execution from channels/users you didn't explicitly authorize.",
                remediation: "Set commands.useAccessGroups=true (recommended).",
                at: commands["useAccessGroups"])]
        }
        let owners = (config["allowFrom"].array ?? config["dm"]["allowFrom"].array ?? [])
            .map { $0.javaScriptString.trimmingWhitespace } + account.storeAllowFrom
        let channelUsers = (config["channels"].object?.entries ?? []).contains { _, channel in
            channel.object != nil && !(channel["users"].array ?? []).isEmpty
        }
        guard owners.allSatisfy(\.isEmpty), !channelUsers else { return [] }
        return [finding(
            "channels.slack.commands.slash.no_allowlists", for: .slack, .warn,
            detail: "Slack slash/native commands are enabled, but neither an owner allowFrom list nor any channels.<id>.users allowlist is configured; /… commands will be rejected for everyone.",
            remediation: "Approve yourself via pairing (recommended), or set channels.slack.allowFrom and/or channels.slack.channels.<id>.users.",
            at: slash ?? account.section)]
    }
}
