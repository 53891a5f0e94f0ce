/// The one place that decides a channel's effective `groupPolicy`, so that every finding
/// in a report agrees (issue 19 saw Discord called "open" by one finding and
/// "allowlist" by another), and says where the value came from, so a finding that rests
/// on a default can say so.
///
/// Upstream: from 2026.1.13 the config schema gives a configured channel of the built-in
/// set `groupPolicy: "allowlist"` when it is unset (`src/config/zod-schema.providers*.ts`;
/// 2026.1.8 defaulted Discord to "open"), and the audit reads the parsed config, so the
/// default is what it sees. Channels without a schema default fall back at runtime to
/// `channels.defaults.groupPolicy`, then to the plugin's fallback
/// (`src/config/runtime-group-policy.ts`); a channel with no config block at all fails
/// closed to "allowlist".
struct GroupPolicyResolver: Sendable {
    enum Source: Sendable, Equatable {
        /// Written at the key itself.
        case written
        /// `channels.defaults.groupPolicy`.
        case channelDefaults
        /// The schema default of the audited release (or the newest when unknown).
        case schemaDefault
        /// The runtime's fallback (plugin default, or fail-closed without a config block).
        case runtimeFallback
    }

    struct Effective: Sendable, Equatable {
        var policy: String
        var source: Source
        /// Set when the policy rests on a default: why it applies (for finding texts).
        var defaultNote: String?
    }

    static let schemaDefaultSince = OpenClawVersion(major: 2026, minor: 1, patch: 13)
    /// Channels whose schema defaults `groupPolicy` to "allowlist" (built-in chat
    /// channels and the IRC, Mattermost, Nextcloud Talk and Feishu extensions).
    static let schemaDefaultChannels: Set<String> = [
        "telegram", "discord", "slack", "signal", "irc", "imessage", "bluebubbles", "msteams", "googlechat",
        "whatsapp", "mattermost", "nextcloud-talk", "feishu",
    ]

    let channelDefault: String?
    let release: OpenClawRelease

    init(config: ConfigNode, release: OpenClawRelease) {
        channelDefault = config["channels"]["defaults"]["groupPolicy"].knownString
        self.release = release
    }

    /// - Parameters:
    ///   - written: the `groupPolicy` node of the account (merged over its channel) or section.
    ///   - sectionPresent: `channels.<id>` exists in the config.
    func resolve(written: ConfigNode?, channelId: String, sectionPresent: Bool) -> Effective {
        if let value = written?.string {
            // Feishu's "allowall" is its spelling of "open" (2026.3.7).
            return Effective(policy: channelId == "feishu" && value == "allowall" ? "open" : value, source: .written)
        }
        guard sectionPresent else {
            return Effective(policy: "allowlist", source: .runtimeFallback,
                             defaultNote: "channels.\(channelId) is missing, so groupPolicy defaults to \"allowlist\"")
        }
        let name = release.version.map { "OpenClaw \($0)" } ?? "current OpenClaw"
        if Self.schemaDefaultChannels.contains(channelId), release.isAtLeast(Self.schemaDefaultSince) {
            return Effective(policy: "allowlist", source: .schemaDefault,
                             defaultNote: "groupPolicy is unset; \(name) defaults it to \"allowlist\"")
        }
        if let channelDefault {
            return Effective(policy: channelDefault, source: .channelDefaults,
                             defaultNote: "groupPolicy is unset; channels.defaults.groupPolicy=\"\(channelDefault)\" applies")
        }
        let fallback = KnownChannel(rawValue: channelId)?.groupPolicyFallback ?? "allowlist"
        return Effective(policy: fallback, source: .runtimeFallback,
                         defaultNote: "groupPolicy is unset; \(name) treats it as \"\(fallback)\"")
    }

    func resolve(_ account: ChannelAccount) -> Effective {
        resolve(written: account.config["groupPolicy"], channelId: account.channel.id, sectionPresent: account.section != nil)
    }
}

extension AuditContext {
    /// The group-policy resolver for the audited release.
    var groupPolicies: GroupPolicyResolver { GroupPolicyResolver(config: config, release: openclaw) }
}
