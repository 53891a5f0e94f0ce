/// Every channel plugin the audit models, with its accounts resolved from the config,
/// the environment and the channel facts (pairing stores, credential files). Built once
/// per audit; the channel checks only read it.
public struct ChannelInventory: Sendable {
    public static let defaultAccountId = "default"

    /// Active plugins in plugin order (a plugin disabled under `plugins.*` is left out).
    public let channels: [ChannelState]
    /// `channels.defaults.groupPolicy`.
    public let defaultGroupPolicy: String?
    /// `bindings[]`.
    public let bindings: AgentBindings
    /// Every group or DM policy set to `"open"` under `channels`.
    public let openPolicies: [OpenInboundPolicy]

    public init(config: ConfigNode, environment: [String: String], paths: OpenClawPaths, agents: AgentRoster, facts: ChannelFacts) {
        let bindings = AgentBindings(config: config)
        self.bindings = bindings
        openPolicies = OpenInboundPolicies.find(in: config)
        let resolver = AccountResolver(config: config, environment: environment, paths: paths, facts: facts)
        channels = KnownChannel.allCases.filter { Self.isPluginActive($0, config: config) }.map { channel in
            let sources = Self.accountSources(channel: channel, config: config, bindings: bindings, agents: agents)
            return ChannelState(
                channel: channel, section: config["channels"][channel.id].flatMap { $0.object != nil ? $0 : nil },
                accounts: sources.map(resolver.resolve))
        }
        defaultGroupPolicy = config["channels"]["defaults"]["groupPolicy"].string
    }

    /// The files `ChannelFacts.gather` must stat: what `configured` depends on.
    static func credentialFileReferences(config: ConfigNode, environment: [String: String], paths: OpenClawPaths, agents: AgentRoster) -> [String] {
        // Bindings only add Telegram accounts without an entry of their own, whose one
        // possible file is the channel's tokenFile (for an account named "default"):
        // listing that file always spares parsing the bindings twice.
        let noBindings = AgentBindings(config: .emptyObject)
        let resolver = AccountResolver(config: config, environment: environment, paths: paths, facts: .none)
        let channelTokenFile = config["channels"]["telegram"]["tokenFile"].string?.trimmingWhitespace
        return AccountResolver.channelsWithCredentialFiles.flatMap { channel in
            accountSources(channel: channel, config: config, bindings: noBindings, agents: agents)
                .flatMap(resolver.credentialFiles)
        } + [channelTokenFile].compactMap { $0 }.filter { !$0.isEmpty }
    }

    /// Channel plugins load unless plugins are off, the plugin is denied or its entry
    /// is disabled.
    static func isPluginActive(_ channel: KnownChannel, config: ConfigNode) -> Bool {
        let plugins = config["plugins"]
        if plugins["enabled"].bool == false { return false }
        if (plugins["deny"].array ?? []).contains(where: { $0.string?.trimmingWhitespace == channel.id }) { return false }
        return plugins["entries"][channel.id]["enabled"].bool != false
    }

    /// One account before its state is evaluated.
    struct AccountSource {
        var channel: KnownChannel
        var id: String
        var key: String?
        var section: ConfigNode?
        var entry: ConfigNode?
        var merged: AccountConfig
        var isDefault: Bool
    }

    /// `listAccountIds` with the default account first (`resolveChannelDefaultAccountId`).
    static func accountSources(channel: KnownChannel, config: ConfigNode, bindings: AgentBindings, agents: AgentRoster) -> [AccountSource] {
        let rawSection = config["channels"][channel.id]
        let section = rawSection?.object != nil ? rawSection : nil
        let accountsObject = section["accounts"].object
        var ids: [String] = []
        if channel.isSingleAccount {
            ids = [defaultAccountId]
        } else {
            var seen: Set<String> = []
            let keys = (accountsObject?.keys ?? []).filter { !$0.isEmpty }
            for key in keys {
                let id = channel.normalizesAccountKeys ? ChannelAccountIds.normalize(key) : key
                if seen.insert(id).inserted { ids.append(id) }
            }
            if channel == .telegram {
                for id in bindings.boundAccountIds(channel: channel.id) where seen.insert(id).inserted { ids.append(id) }
            }
            ids = ids.isEmpty ? [defaultAccountId] : ids.sorted(by: ChannelAccountIds.localeOrdered)
        }
        var defaultId = ids.contains(defaultAccountId) ? defaultAccountId : ids[0]
        if channel == .telegram, let bound = bindings.defaultAgentAccountId(channel: channel.id, defaultAgentId: agents.defaultAgentId) {
            defaultId = bound
        }
        if !channel.isSingleAccount, let named = section["defaultAccount"].string?.trimmingWhitespace, !named.isEmpty {
            defaultId = named
        }
        var seen: Set<String> = []
        let ordered = ([defaultId] + ids).filter { seen.insert($0).inserted }
        return ordered.map { id in
            let key = channel.isSingleAccount ? nil : entryKey(for: id, in: accountsObject)
            let entry = key.flatMap { accountsObject?[$0] }
            return AccountSource(
                channel: channel, id: id, key: key, section: section, entry: entry,
                merged: AccountConfig(section: section, entry: entry, deepKeys: deepMergedKeys(channel)),
                isDefault: ChannelAccountIds.normalize(id) == defaultAccountId)
        }
    }

    /// `resolveAccountEntry`: the exact key, else the key that normalizes to the same id.
    static func entryKey(for id: String, in accounts: ConfigObject?) -> String? {
        guard let accounts else { return nil }
        if accounts[id] != nil { return id }
        let wanted = ChannelAccountIds.normalize(id)
        return accounts.keys.first { ChannelAccountIds.normalize($0) == wanted }
    }

    /// Matrix merges its `dm` and `actions` objects and IRC its `nickserv` object one
    /// level deep; everything else is a shallow merge.
    static func deepMergedKeys(_ channel: KnownChannel) -> Set<String> {
        switch channel {
        case .matrix: return ["dm", "actions"]
        case .irc: return ["nickserv"]
        default: return []
        }
    }
}
