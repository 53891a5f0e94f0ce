/// One account of a channel plugin, resolved as the plugin resolves it: the channel
/// section with the account's own entry merged over it (`{...channel, ...account}`).
public struct ChannelAccount: Sendable {
    public let channel: KnownChannel
    /// The id the plugin lists (the `accounts` key, normalized by some plugins).
    public let id: String
    /// The key of the account's entry under `channels.<id>.accounts`, when it has one.
    public let key: String?
    /// `channels.<id>` as written.
    public let section: ConfigNode?
    /// `channels.<id>.accounts.<key>` as written.
    public let entry: ConfigNode?
    /// The effective account config: the entry's keys over the section's.
    public let config: AccountConfig
    public let isDefault: Bool
    public let enabled: Bool
    /// Whether credentials are present (a token, a linked session...): the original
    /// only audits accounts that could connect.
    public let configured: Bool
    /// Pairing-store senders for this account, normalized.
    public let storeAllowFrom: [String]
    /// IRC: `nickserv.passwordFile` names a non-empty file.
    let hasNickServPasswordFile: Bool
    /// Why the plugin's account resolver would fail in this shell (a credential
    /// SecretRef it cannot resolve), as the original words the diagnostic.
    public let resolutionDiagnostics: [String]

    var channelPrefix: String { "channels.\(channel.id)" }

    /// `channels.<id>.accounts.<key>` when the account has its own entry, else
    /// `channels.<id>`: where the plugin points a user for this account's DM policy.
    public var configPrefix: String {
        guard let key, entry?.isTruthy == true else { return channelPrefix }
        return "\(channelPrefix).accounts.\(key)"
    }

    /// The section where `field` is written for this account: the account entry when it
    /// sets it, else the channel section.
    func prefix(whereWritten field: String) -> String {
        guard let key, entry?[field] != nil else { return channelPrefix }
        return "\(channelPrefix).accounts.\(key)"
    }

    /// Whether `channels.<id>.accounts` has a key for exactly this id.
    public var hasExplicitEntry: Bool {
        section["accounts"].object?[id] != nil
    }

}

/// A channel plugin and its accounts, the default account first.
public struct ChannelState: Sendable {
    public let channel: KnownChannel
    public let section: ConfigNode?
    public let accounts: [ChannelAccount]
}
