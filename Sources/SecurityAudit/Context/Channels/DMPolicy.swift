/// An account's DM policy as its plugin's `resolveDmPolicy` reports it, with the config
/// paths that texts name. Discord and Slack read `dmPolicy` / `allowFrom` first and the
/// legacy `dm.policy` / `dm.allowFrom` second, as their gateways do; the path printed is
/// the key that decided.
public struct DMPolicy: Sendable {
    /// `open`, `pairing`, `allowlist` or `disabled` (`pairing` when unset).
    public var policy: String
    public var allowFrom: [ConfigNode]
    /// The full key path of the policy (`channels.discord.dm.policy`).
    public var policyPath: String
    /// The prefix `allowFrom` is appended to, ending in a dot (`channels.discord.dm.`).
    public var allowFromPath: String
    /// Where the policy is written, for locations.
    public var policyNode: ConfigNode?
    /// Config entries as `String(entry)`, trimmed, blanks dropped.
    let configEntries: [String]

    init(account: ChannelAccount) {
        let config = account.config
        let base = account.configPrefix + "."
        let flatPolicy = config["dmPolicy"].string
        let legacyPolicy = config["dm"]["policy"].string
        let flatAllow = config["allowFrom"].array
        let legacyAllow = config["dm"]["allowFrom"].array
        switch account.channel.dmKeys {
        case .flat:
            policy = flatPolicy ?? "pairing"
            policyPath = base + "dmPolicy"
            policyNode = config["dmPolicy"]
            allowFrom = flatAllow ?? []
            allowFromPath = base
        case .legacy:
            policy = legacyPolicy ?? "pairing"
            policyPath = base + "dm.policy"
            policyNode = config["dm"]["policy"]
            allowFrom = legacyAllow ?? []
            allowFromPath = base + "dm."
        case .flatThenLegacy:
            let useFlat = flatPolicy != nil
            policy = flatPolicy ?? legacyPolicy ?? "pairing"
            policyPath = base + (useFlat ? "dmPolicy" : "dm.policy")
            policyNode = useFlat ? config["dmPolicy"] : config["dm"]["policy"]
            allowFrom = flatAllow ?? legacyAllow ?? []
            allowFromPath = flatAllow != nil ? base : base + "dm."
        }
        configEntries = allowFrom.map { $0.javaScriptString.trimmingWhitespace }.filter { !$0.isEmpty }
    }

    public var hasWildcard: Bool { configEntries.contains("*") }

    /// Distinct senders admitted by the config list (without `*`) and the pairing store,
    /// after the channel's normalization (`resolveDmAllowState`).
    func allowCount(account: ChannelAccount) -> Int {
        admittedSenders(account: account).count
    }

    /// Those senders, config entries first, each once.
    func admittedSenders(account: ChannelAccount) -> [String] {
        let normalize = account.channel.normalizeDMEntry
        let fromConfig = configEntries.filter { $0 != "*" }.map { normalize($0).trimmingWhitespace }
        let fromStore = account.storeAllowFrom.map { normalize($0).trimmingWhitespace }
        var seen: Set<String> = []
        return (fromConfig + fromStore).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Several people can DM the bot: a wildcard, or more than one admitted sender.
    func isMultiUser(account: ChannelAccount) -> Bool {
        hasWildcard || allowCount(account: account) > 1
    }
}
