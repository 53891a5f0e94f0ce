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
    /// The bindings of each channel, in config order.
    let byChannel: [String: [Binding]]

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
                agentId: Self.normalizeAgentId(entry["agentId"].string ?? ""),
                channel: channel,
                accountId: account.isEmpty || account == "*" ? nil : ChannelAccountIds.normalize(account),
                peerKind: peer["kind"].string?.trimmingWhitespace.lowercased(),
                peerId: peer["id"].javaScriptStringIfScalar?.trimmingWhitespace))
        }
        bindings = out
        byChannel = Dictionary(grouping: out, by: \.channel)
    }

    /// `normalizeAgentId`, skipping the work for ids that are already canonical.
    static func normalizeAgentId(_ raw: String) -> String {
        ChannelAccountIds.alreadyCanonical(raw) ?? AgentRoster.normalize(raw)
    }

    /// Account ids bound on `channel` (`listBoundAccountIds`), sorted.
    func boundAccountIds(channel: String) -> [String] {
        var seen: Set<String> = []
        return (byChannel[channel] ?? []).compactMap(\.accountId)
            .filter { seen.insert($0).inserted }
            .sorted(by: ChannelAccountIds.localeOrdered)
    }

    /// The account the default agent is bound to on `channel`, if any.
    func defaultAgentAccountId(channel: String, defaultAgentId: String) -> String? {
        byChannel[channel]?.first { $0.agentId == defaultAgentId && $0.accountId != nil }?.accountId
    }

    /// The agent that answers a room (or, with `room` nil, DMs and unlisted rooms) of a
    /// channel account: the first binding for that exact room, else the first binding for
    /// the channel/account without a peer, else the default agent.
    func targetAgent(channel: String, accountId: String?, room: String?, defaultAgentId: String) -> String {
        router(channel: channel, accountId: accountId)(room) ?? defaultAgentId
    }

    /// Peer ids of the bindings that route one direct-message sender of a channel account
    /// to an agent (`listExactDirectMessageBindingPeerIds`), in config order.
    func directPeerIds(channel: String, accountId: String) -> [String] {
        directBindings(channel: channel, accountId: accountId).compactMap(\.peerId)
    }

    /// The agent a DM from `peer` reaches on a channel account: the first binding for that
    /// sender, else the channel/account binding without a peer; nil = the default agent.
    func directMessageAgent(channel: String, accountId: String, peer: String?) -> String? {
        if let peer, let hit = directBindings(channel: channel, accountId: accountId).first(where: { $0.peerId == peer }) {
            return hit.agentId
        }
        return router(channel: channel, accountId: accountId)(nil)
    }

    private func directBindings(channel: String, accountId: String) -> [Binding] {
        let account = ChannelAccountIds.normalize(accountId)
        return (byChannel[Self.normalizeChannel(channel)] ?? []).filter { binding in
            (binding.peerKind == "direct" || binding.peerKind == "dm") && binding.peerId?.isEmpty == false
                && (binding.accountId == nil || binding.accountId == account)
        }
    }

    /// `targetAgent` for one channel account, normalizing its ids once; nil = the default agent.
    func router(channel: String, accountId: String?) -> (String?) -> String? {
        guard let candidates = byChannel[Self.normalizeChannel(channel)] else { return { _ in nil } }
        let account = ChannelAccountIds.normalize(accountId ?? ChannelInventory.defaultAccountId)
        let matching = candidates.filter { $0.accountId == nil || $0.accountId == account }
        let fallback = matching.first { $0.peerKind == nil && $0.peerId == nil }?.agentId
        return { room in
            if let room, let hit = matching.first(where: { $0.hasRoomPeer && $0.peerId == room }) {
                return hit.agentId
            }
            return fallback
        }
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
