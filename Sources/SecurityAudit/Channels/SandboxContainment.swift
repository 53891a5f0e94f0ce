/// A way strangers can reach an agent: an open group or DM policy, an allowlisted set of
/// rooms, or a `*` allowlist (later-checks.md §14.8).
public struct InboundSignal: Sendable, Equatable {
    /// The line shown to the user (`channels.whatsapp.groupPolicy="open"`).
    public var text: String
    public var channelId: String
    public var accountKey: String?
    /// The rooms the signal concerns; `[nil]` for "any room" or DMs.
    public var rooms: [String?]
    public var isDM: Bool
}

/// Whether the sessions a signal reaches are sandboxed (later-checks.md §14.9). Group
/// rooms always run in non-main sessions, so `non-main` or `all` sandboxing contains
/// them; DMs land in the main session unless `session.dmScope` gives each sender their
/// own, so `non-main` contains them only then.
struct SandboxContainment {
    let config: ConfigNode
    let roster: AgentRoster
    let bindings: AgentBindings
    let dmScope: String

    init(config: ConfigNode, roster: AgentRoster) {
        self.config = config
        self.roster = roster
        self.bindings = AgentBindings(config: config)
        self.dmScope = config["session"]["dmScope"].string ?? "main"
    }

    /// The agent (normalized id) answering one room of a signal.
    func targetAgent(_ signal: InboundSignal, room: String?) -> String {
        bindings.targetAgent(channel: signal.channelId, accountId: signal.accountKey, room: room, defaultAgentId: roster.defaultAgentId)
    }

    /// Every agent a signal reaches.
    func targetAgents(_ signal: InboundSignal) -> [String] {
        signal.rooms.map { targetAgent(signal, room: $0) }
    }

    func sandboxMode(agentId: String) -> String {
        roster.sandboxMode(for: roster.agent(withNormalizedId: agentId), in: config)
    }

    func isContained(_ signal: InboundSignal) -> Bool {
        signal.rooms.allSatisfy { isContained(signal, room: $0) }
    }

    func isContained(_ signal: InboundSignal, room: String?) -> Bool {
        let mode = sandboxMode(agentId: targetAgent(signal, room: room))
        if signal.isDM { return mode == "all" || (mode == "non-main" && dmScope != "main") }
        return mode == "non-main" || mode == "all"
    }
}

extension InboundSignal {
    /// An open policy found by `OpenInboundPolicies`, as a signal line.
    init(_ policy: OpenInboundPolicy) {
        self.init(
            text: "\(policy.path)=\"open\"", channelId: policy.channelId, accountKey: policy.accountKey,
            rooms: [policy.roomId], isDM: policy.isDM)
    }

    /// The signals of the multi-user heuristic: every open policy, then per channel and
    /// per account (account keys merged over the channel's) an allowlist with configured
    /// rooms and `*` allowlists. Duplicates are dropped, the first kept.
    static func multiUserSignals(config: ConfigNode, openPolicies: [OpenInboundPolicy]) -> [InboundSignal] {
        var signals = openPolicies.map(InboundSignal.init)
        let defaultGroupPolicy = config["channels"]["defaults"]["groupPolicy"].string
        for (channelId, value) in config["channels"].object?.entries ?? []
        where !OpenInboundPolicies.skippedChannelKeys.contains(channelId) {
            guard let channel = value.object else { continue }
            var sections: [(base: String, account: String?, fields: ConfigObject)] = [("channels.\(channelId)", nil, channel)]
            for (accountKey, entry) in channel["accounts"]?.object?.entries ?? [] {
                guard let own = entry.object else { continue }
                var merged = channel
                merged["accounts"] = nil
                for (key, field) in own.entries { merged[key] = field }
                sections.append(("channels.\(channelId).accounts.\(accountKey)", accountKey, merged))
            }
            for section in sections {
                signals += sectionSignals(section.fields, base: section.base, channelId: channelId,
                                          account: section.account, defaultGroupPolicy: defaultGroupPolicy)
            }
        }
        var seen: Set<String> = []
        return signals.filter { seen.insert($0.text).inserted }
    }

    static func sectionSignals(
        _ fields: ConfigObject, base: String, channelId: String, account: String?, defaultGroupPolicy: String?
    ) -> [InboundSignal] {
        func signal(_ text: String, rooms: [String?] = [nil], isDM: Bool) -> InboundSignal {
            InboundSignal(text: base + text, channelId: channelId, accountKey: account, rooms: rooms, isDM: isDM)
        }
        func hasWildcard(_ node: ConfigNode?) -> Bool {
            (node?.array ?? []).contains { $0.javaScriptString.trimmingWhitespace == "*" }
        }
        var out: [InboundSignal] = []
        let groupPolicy = fields["groupPolicy"]?.string ?? defaultGroupPolicy ?? "allowlist"
        let rooms = OpenInboundPolicies.roomContainers.sorted().flatMap { key in fields[key]?.object?.keys ?? [] }
        if groupPolicy == "allowlist", !rooms.isEmpty {
            out.append(signal(".groupPolicy=\"allowlist\" with configured group targets", rooms: rooms.map { $0 }, isDM: false))
        }
        if hasWildcard(fields["allowFrom"]) { out.append(signal(".allowFrom includes \"*\"", isDM: true)) }
        if hasWildcard(fields["groupAllowFrom"]) { out.append(signal(".groupAllowFrom includes \"*\"", isDM: false)) }
        if hasWildcard(fields["dm"]?.object?["allowFrom"]) { out.append(signal(".dm.allowFrom includes \"*\"", isDM: true)) }
        return out
    }
}
