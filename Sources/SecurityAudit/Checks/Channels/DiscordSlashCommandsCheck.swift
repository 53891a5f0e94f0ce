/// Discord slash commands that anyone in an allowed guild can run (access groups off,
/// no users allowlist), or that no one can (no owner or users allowlist at all).
struct DiscordSlashCommandsCheck: ChannelAccountCheck {
    let channel: KnownChannel? = .discord

    let infos = [
        CheckInfo(
            id: "channels.discord.commands.native.unrestricted",
            title: "Discord slash commands are unrestricted",
            severity: .fixed(.critical),
            rationale: "With access groups off and no per-guild users list, every member of an allowed guild channel can run slash commands, including ones that drive tools.",
            remediation: "Set commands.useAccessGroups=true, or configure channels.discord.guilds.<id>.users.",
            triggers: [
                CheckExample(#"{ commands: { ↓useAccessGroups: false }, channels: { discord: { token: "t", guilds: { "123": { channels: { general: { allow: true } } } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ commands: { useAccessGroups: false }, channels: { discord: { token: "t", guilds: { "123": { users: ["42"] } } } } }"#),
                CheckExample(#"{ commands: { useAccessGroups: false }, channels: { discord: { token: "t", groupPolicy: "disabled", guilds: { "123": {} } } } }"#),
                CheckExample(#"{ commands: { useAccessGroups: false, native: false, nativeSkills: false }, channels: { discord: { token: "t", guilds: { "123": {} } } } }"#),
            ]),
        CheckInfo(
            id: "channels.discord.commands.native.no_allowlists",
            title: "Discord slash commands have no allowlists",
            severity: .fixed(.warn),
            rationale: "Slash commands are on but no owner or guild users allowlist exists, so every command is rejected: usually a setup mistake that tempts people into turning access groups off.",
            remediation: "Add your user id to channels.discord.allowFrom (or approve yourself via pairing), or configure channels.discord.guilds.<id>.users.",
            triggers: [
                CheckExample(#"{ channels: { discord: { token: "t", ↓guilds: { "123": { channels: { general: { allow: true } } } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ channels: { discord: { token: "t", dm: { allowFrom: ["387380367612706819"] }, guilds: { "123": {} } } } }"#),
                CheckExample(#"{ channels: { discord: { token: "t", commands: { native: false, nativeSkills: false }, guilds: { "123": {} } } } }"#),
                CheckExample(#"{ channels: { discord: { token: "t" } } }"#),
            ]),
    ]

    func findings(for scope: ChannelAccountScope) -> [Finding] {
        let account = scope.account
        let context = scope.context
        let config = account.config
        let commands = context.config["commands"]
        let enabled = NativeCommandSetting.isEnabled(channel: .discord, provider: config["commands"]["native"], global: commands["native"])
            || NativeCommandSetting.isEnabled(channel: .discord, provider: config["commands"]["nativeSkills"], global: commands["nativeSkills"])
        guard enabled else { return [] }
        let groupPolicy = context.groupPolicies.resolve(account).policy
        let guilds = config["guilds"].object?.entries ?? []
        guard groupPolicy != "disabled", !guilds.isEmpty else { return [] }
        func hasUsers(_ node: ConfigNode) -> Bool { !(node["users"].array ?? []).isEmpty }
        let hasUserAllowlist = guilds.contains { _, guild in
            guard guild.object != nil else { return false }
            return hasUsers(guild) || (guild["channels"].object?.entries ?? []).contains { $0.value.object != nil && hasUsers($0.value) }
        }
        guard !hasUserAllowlist else { return [] }
        let location = config["guilds"]
        if commands["useAccessGroups"].bool == false {
            return [finding(
                "channels.discord.commands.native.unrestricted", for: .discord, .critical,
                detail: "commands.useAccessGroups=false disables sender allowlists for Discord slash commands unless a per-guild/channel users allowlist is configured; with no users allowlist, any user in allowed guild channels can invoke /… commands.",
                remediation: "Set commands.useAccessGroups=true (recommended), or configure channels.discord.guilds.<id>.users (or channels.discord.guilds.<id>.channels.<channel>.users).",
                at: commands["useAccessGroups"] ?? location)]
        }
        // The owner list the gateway uses: allowFrom, else the legacy dm.allowFrom, plus
        // senders approved by pairing.
        let owners = (config["allowFrom"].array ?? config["dm"]["allowFrom"].array ?? [])
            .map { $0.javaScriptString.trimmingWhitespace } + account.storeAllowFrom
        guard owners.allSatisfy(\.isEmpty) else { return [] }
        return [finding(
            "channels.discord.commands.native.no_allowlists", for: .discord, .warn,
            detail: "Discord slash commands are enabled, but neither an owner allowFrom list nor any per-guild/channel users allowlist is configured; /… commands will be rejected for everyone.",
            at: location)]
    }
}
