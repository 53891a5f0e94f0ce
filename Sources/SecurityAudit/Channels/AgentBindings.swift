/// `bindings[]`: which agent answers which channel, account or room
/// (`{agentId, match: {channel, accountId?, peer?: {kind, id}}}`).
public struct AgentBindings: Sendable {
    public struct Binding: Sendable {
        /// Normalized agent id.
        public var agentId: String
        /// Normalized channel id.
        public var channel: String
        /// Normalized account id; nil when the binding names none (or `*`).
        public var accountId: String?
        public var peerKind: String?
        public var peerId: String?

        /// A group or channel room (the two kinds route alike).
        public var hasRoomPeer: Bool { peerKind == "group" || peerKind == "channel" }
    }

    public let bindings: [Binding]

    /// `normalizeChatChannelId` aliases.
    static let channelAliases = ["imsg": "imessage", "internet-relay-chat": "irc", "google-chat": "googlechat", "gchat": "googlechat"]

    static func normalizeChannel(_ raw: String) -> String {
        let lowered = raw.trimmingWhitespace.lowercased()
        return channelAliases[lowered] ?? lowered
    }

    public init(config: ConfigNode) {
        var out: [Binding] = []
        for entry in config["bindings"].array ?? [] {
            let match = entry["match"]
            guard match.object != nil, let channel = match["channel"].string.map(Self.normalizeChannel), !channel.isEmpty
            else { continue }
            let account = match["accountId"].string?.trimmingWhitespace ?? ""
            let peer = match["peer"]
            out.append(Binding(
                agentId: AgentRoster.normalize(entry["agentId"].string ?? ""),
                channel: channel,
                accountId: account.isEmpty || account == "*" ? nil : ChannelAccountIds.normalize(account),
                peerKind: peer["kind"].string?.trimmingWhitespace.lowercased(),
                peerId: peer["id"].javaScriptStringIfScalar?.trimmingWhitespace))
        }
        bindings = out
    }

    /// Account ids bound on `channel` (`listBoundAccountIds`), sorted.
    func boundAccountIds(channel: String) -> [String] {
        var seen: Set<String> = []
        return bindings.compactMap { $0.channel == channel ? $0.accountId : nil }
            .filter { seen.insert($0).inserted }
            .sorted(by: ChannelAccountIds.localeOrdered)
    }

    /// The account the default agent is bound to on `channel`, if any.
    func defaultAgentAccountId(channel: String, defaultAgentId: String) -> String? {
        bindings.first { $0.channel == channel && $0.agentId == defaultAgentId && $0.accountId != nil }?.accountId
    }

    /// The agent that answers a room (or, with `room` nil, DMs and unlisted rooms) of a
    /// channel account: the first binding for that exact room, else the first binding for
    /// the channel/account without a peer, else the default agent (later-checks.md §14.9).
    func targetAgent(channel: String, accountId: String?, room: String?, defaultAgentId: String) -> String {
        let channel = Self.normalizeChannel(channel)
        let account = ChannelAccountIds.normalize(accountId ?? ChannelInventory.defaultAccountId)
        func accountMatches(_ binding: Binding) -> Bool {
            binding.accountId == nil || binding.accountId == account
        }
        if let room,
           let hit = bindings.first(where: { $0.channel == channel && accountMatches($0) && $0.hasRoomPeer && $0.peerId == room }) {
            return hit.agentId
        }
        if let hit = bindings.first(where: { $0.channel == channel && accountMatches($0) && $0.peerKind == nil && $0.peerId == nil }) {
            return hit.agentId
        }
        return defaultAgentId
    }
}

extension Optional where Wrapped == ConfigNode {
    /// `String(value)` of a string or number, nil for anything else.
    var javaScriptStringIfScalar: String? {
        switch self?.value {
        case .string(let s)?: return s
        case .number?: return self?.javaScriptString
        default: return nil
        }
    }
}
