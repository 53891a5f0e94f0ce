/// `plugins.extensions_no_allowlist`: plugins are installed under `<stateDir>/extensions`
/// but `plugins.allow` does not pin which may load. Critical when a chat surface exposes
/// native skill commands (Discord, Telegram, Slack with a token and native skills on).
struct ExtensionsAllowlistCheck: Check {
    static let id = "plugins.extensions_no_allowlist"
    static let plugin = FileFixture.directory("extensions/some-plugin")

    let infos = [
        CheckInfo(
            id: id,
            title: "Extensions exist but plugins.allow is not set",
            severity: .varies(default: .warn, rule: "critical when Discord, Telegram or Slack is configured with native skill commands enabled, else warn"),
            rationale: "Plugins run inside the gateway process with its full rights; without an allowlist any plugin that lands in the extensions folder may load.",
            remediation: "Set plugins.allow to an explicit list of plugin ids you trust.",
            triggers: [
                CheckExample("{}", severity: .warn, files: [plugin]),
                CheckExample(#"{ plugins: { ↓allow: [] } }"#, severity: .warn, files: [plugin]),
                CheckExample(#"{ channels: { discord: { enabled: true, token: "t" } } }"#, severity: .critical, files: [plugin]),
                CheckExample(#"{ channels: { discord: { token: { source: "env", provider: "default", id: "DISCORD_BOT_TOKEN" } } } }"#, severity: .critical, files: [plugin]),
                CheckExample(#"{ channels: { telegram: { accounts: { a: { tokenFile: "/run/tg" } } } } }"#, severity: .critical, files: [plugin]),
                CheckExample("{}", environment: ["TELEGRAM_BOT_TOKEN": "123:abc"], severity: .critical, files: [plugin]),
                CheckExample(#"{ channels: { slack: { botToken: "xoxb-1" } } }"#, severity: .warn, files: [plugin]),
                CheckExample(#"{ commands: { nativeSkills: true }, channels: { slack: { appToken: "xapp-1" } } }"#, severity: .critical, files: [plugin]),
                CheckExample(#"{ commands: { nativeSkills: false }, channels: { discord: { token: "t", commands: { nativeSkills: true } } } }"#, severity: .critical, files: [plugin]),
                CheckExample(#"{ channels: { discord: { token: "t", commands: { nativeSkills: false } } } }"#, severity: .warn, files: [plugin]),
                CheckExample("{}", files: [.directory("../real-extensions/p"), .symlink("extensions", to: "../real-extensions")]),
            ],
            passes: [
                CheckExample(#"{ plugins: { allow: ["some-plugin"] } }"#, files: [plugin]),
                CheckExample("{}"),
                CheckExample("{}", files: [.directory("extensions/old.bak"), .directory("extensions/.cache"), .file("extensions/loose.js")]),
                CheckExample("{}", files: [.directory("../elsewhere"), .symlink("extensions/linked", to: "../elsewhere")]),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        guard let plugins = context.files.plugins, !plugins.names.isEmpty,
              (context.config["plugins"]["allow"].array ?? []).isEmpty
        else { return [] }
        let exposed = NativeSkillExposure.likely(in: context)
        var detail = "Found \(plugins.names.count) extension(s) under \(plugins.extensionsDir). Without plugins.allow, any discovered plugin id may load (depending on config and plugin behavior)."
        if exposed {
            detail += "\nNative skill commands are enabled on at least one configured chat surface; treat unpinned/unallowlisted extensions as high risk."
        }
        return [finding(
            Self.id, exposed ? .critical : .warn, detail: detail,
            at: context.config["plugins"]["allow"])]
    }
}

/// Whether skill commands are likely reachable from chat: a Discord, Telegram or Slack
/// channel has credentials (in config, as a SecretRef, or in the environment) and native
/// skill commands resolve to on for it (`resolveNativeSkillsEnabled`).
enum NativeSkillExposure {
    static func likely(in context: AuditContext) -> Bool {
        let channels = context.config["channels"]
        let discord = channels["discord"]
        let telegram = channels["telegram"]
        let slack = channels["slack"]
        let discordConfigured = SecretInput.isConfigured(discord["token"])
            || accounts(discord).contains { SecretInput.isConfigured($0["token"]) }
            || context.env("DISCORD_BOT_TOKEN") != nil
        let telegramConfigured = SecretInput.isConfigured(telegram["botToken"]) || nonBlank(telegram["tokenFile"])
            || accounts(telegram).contains { SecretInput.isConfigured($0["botToken"]) || nonBlank($0["tokenFile"]) }
            || context.env("TELEGRAM_BOT_TOKEN") != nil
        let slackConfigured = SecretInput.isConfigured(slack["botToken"]) || SecretInput.isConfigured(slack["appToken"])
            || accounts(slack).contains { SecretInput.isConfigured($0["botToken"]) || SecretInput.isConfigured($0["appToken"]) }
            || context.env("SLACK_BOT_TOKEN") != nil || context.env("SLACK_APP_TOKEN") != nil
        let global = context.config["commands"]["nativeSkills"]
        return (discordConfigured && enabled(discord["commands"]["nativeSkills"], global: global, autoDefault: true))
            || (telegramConfigured && enabled(telegram["commands"]["nativeSkills"], global: global, autoDefault: true))
            || (slackConfigured && enabled(slack["commands"]["nativeSkills"], global: global, autoDefault: false))
    }

    /// The channel's setting when written (even `null`), else the global one; `true` and
    /// `false` decide, anything else ("auto") takes the channel's default.
    static func enabled(_ channelSetting: ConfigNode?, global: ConfigNode?, autoDefault: Bool) -> Bool {
        (channelSetting ?? global)?.bool ?? autoDefault
    }

    private static func accounts(_ channel: ConfigNode?) -> [ConfigNode] {
        (channel["accounts"].object?.entries ?? []).map(\.value).filter { $0.object != nil }
    }

    private static func nonBlank(_ node: ConfigNode?) -> Bool {
        !(node?.string?.trimmingWhitespace ?? "").isEmpty
    }
}
