/// A way strangers can reach an agent: an open group or DM policy, an allowlisted set of
/// rooms, or a `*` allowlist.
public struct InboundSignal: Sendable, Equatable {
    /// The line shown to the user (`channels.whatsapp.groupPolicy="open"`).
    public var text: String
    public var channelId: String
    public var accountKey: String?
    /// The rooms the signal concerns; `[nil]` for "any room" or DMs.
    public var rooms: [String?]
    public var isDM: Bool
}

/// Whether the sessions a signal reaches are sandboxed. Group
/// rooms always run in non-main sessions, so `non-main` or `all` sandboxing contains
/// them; DMs land in the main session unless `session.dmScope` gives each sender their
/// own, so `non-main` contains them only then.
struct SandboxContainment {
    /// Where one room of a signal lands, and whether that session is sandboxed.
    struct Route {
        var agentId: String
        var contained: Bool
    }

    let roster: AgentRoster
    let bindings: AgentBindings
    let dmScope: String
    let defaultAgentId: String
    let defaultsMode: String
    /// Sandbox mode of each configured agent, by normalized id.
    let modes: [String: String]

    init(context: AuditContext) {
        roster = context.agents
        bindings = context.channels.bindings
        dmScope = context.config["session"]["dmScope"].string ?? "main"
        defaultAgentId = context.agents.defaultAgentId
        defaultsMode = context.agents.sandboxMode(for: nil, in: context.config)
        var modes: [String: String] = [:]
        for agent in context.agents.agents where modes[agent.normalizedId] == nil {
            modes[agent.normalizedId] = context.agents.sandboxMode(for: agent, in: context.config)
        }
        self.modes = modes
    }

    func sandboxMode(agentId: String) -> String { modes[agentId] ?? defaultsMode }

    /// One route per room of the signal.
    func routes(_ signal: InboundSignal) -> [Route] {
        let route = bindings.router(channel: signal.channelId, accountId: signal.accountKey)
        return signal.rooms.map { room in
            let agentId = route(room) ?? defaultAgentId
            let mode = sandboxMode(agentId: agentId)
            let contained = signal.isDM
                ? mode == "all" || (mode == "non-main" && dmScope != "main")
                : mode == "non-main" || mode == "all"
            return Route(agentId: agentId, contained: contained)
        }
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
    /// Channels with `enabled: false` count too, as upstream's `listPotentialMultiUserSignals`
    /// (`src/security/audit-extra.sync.ts`) walks every channel object without an
    /// `enabled` test: a disabled channel is one flag away from being live.
    static func multiUserSignals(config: ConfigNode, openPolicies: [OpenInboundPolicy], groupPolicies: GroupPolicyResolver) -> [InboundSignal] {
        var signals = openPolicies.map(InboundSignal.init)
        for (channelId, value) in config["channels"].object?.entries ?? []
        where !OpenInboundPolicies.skippedChannelKeys.contains(channelId) {
            guard value.object != nil else { continue }
            signals += sectionSignals(AccountConfig(section: value, entry: nil), base: "channels.\(channelId)",
                                      channelId: channelId, account: nil, groupPolicies: groupPolicies)
            for (accountKey, entry) in value["accounts"]?.object?.entries ?? [] where entry.object != nil {
                signals += sectionSignals(AccountConfig(section: value, entry: entry), base: "channels.\(channelId).accounts.\(accountKey)",
                                          channelId: channelId, account: accountKey, groupPolicies: groupPolicies)
            }
        }
        var seen: Set<String> = []
        return signals.filter { seen.insert($0.text).inserted }
    }

    static func sectionSignals(
        _ fields: AccountConfig, base: String, channelId: String, account: String?, groupPolicies: GroupPolicyResolver
    ) -> [InboundSignal] {
        func signal(_ text: String, rooms: [String?] = [nil], isDM: Bool) -> InboundSignal {
            InboundSignal(text: base + text, channelId: channelId, accountKey: account, rooms: rooms, isDM: isDM)
        }
        func hasWildcard(_ node: ConfigNode?) -> Bool {
            (node?.array ?? []).contains(where: \.isWildcardEntry)
        }
        var out: [InboundSignal] = []
        let groupPolicy = groupPolicies.resolve(written: fields["groupPolicy"], channelId: channelId, sectionPresent: true).policy
        let rooms = ["channels", "groups", "guilds", "rooms"].flatMap { key in fields[key].object?.keys ?? [] }
        if groupPolicy == "allowlist", !rooms.isEmpty {
            out.append(signal(".groupPolicy=\"allowlist\" with configured group targets", rooms: rooms.map { $0 }, isDM: false))
        }
        if hasWildcard(fields["allowFrom"]) { out.append(signal(".allowFrom includes \"*\"", isDM: true)) }
        if hasWildcard(fields["groupAllowFrom"]) { out.append(signal(".groupAllowFrom includes \"*\"", isDM: false)) }
        if hasWildcard(fields["dm"]["allowFrom"]) { out.append(signal(".dm.allowFrom includes \"*\"", isDM: true)) }
        return out
    }
}

extension ConfigNode {
    /// An allowlist entry that is `"*"` once trimmed (numbers never are).
    var isWildcardEntry: Bool {
        guard let text = string, text.utf8.contains(UInt8(ascii: "*")) else { return false }
        return text.trimmingWhitespace == "*"
    }
}
