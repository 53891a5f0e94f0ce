/// An account's effective config, `{...channel, ...account}`, looked up key by key
/// instead of copied: the account entry's value when it has the key, else the channel
/// section's (never its `accounts` or `defaultAccount`). Some plugins merge a few nested
/// objects one level deep (Matrix `dm` and `actions`, IRC `nickserv`).
public struct AccountConfig: Sendable {
    public let section: ConfigNode?
    public let entry: ConfigNode?
    let deepKeys: Set<String>

    init(section: ConfigNode?, entry: ConfigNode?, deepKeys: Set<String> = []) {
        self.section = section
        self.entry = entry
        self.deepKeys = deepKeys
    }

    /// `accounts` and `defaultAccount` belong to the channel, never to an account.
    public subscript(key: String) -> ConfigNode? {
        let channelOnly = key == "accounts" || key == "defaultAccount"
        let inherited = channelOnly ? nil : section?[key]
        guard let own = entry?[key] else { return inherited }
        guard deepKeys.contains(key), var combined = inherited?.object, let over = own.object else { return own }
        for (innerKey, value) in over.entries { combined[innerKey] = value }
        return ConfigNode(.object(combined), origin: own.origin)
    }
}
