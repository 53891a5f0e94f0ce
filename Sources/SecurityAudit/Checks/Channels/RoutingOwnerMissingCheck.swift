/// `channels.<id>.routing.owner_missing.<accountId>` (upstream `src/security/audit-channel.ts`,
/// from 2026.8.1): a DM sender of an account that no binding routes, on a roster of several
/// agents with no owner for unrouted messages (no sole agent, no single `default: true`
/// entry, or `agents.ownership: "explicit"`). The runtime refuses such a message instead
/// of guessing an agent (`resolveAgentRoute` in `src/routing/resolve-route.ts`), so the
/// account answers nobody until a binding or a sole agent owns it. One finding per
/// account (after duplicates are dropped); the senders it covers stay out of the session
/// collision analysis.
struct RoutingOwnerMissingCheck: ChannelAccountCheck {
    static let id = "channels.<id>.routing.owner_missing.<accountId>"

    let infos = [
        CheckInfo(
            id: Self.id,
            title: "<Label> routing has no explicit owner",
            severity: .fixed(.warn),
            rationale: "With several agents and nothing that names the one to answer, the runtime refuses the account's direct messages rather than hand them to an agent that may hold other people's tools and context.",
            remediation: "Add a channel-wide binding for <channel>:<accountId> or configure a sole agent.",
            triggers: [
                CheckExample(#"{ agents: { entries: { a: {}, b: {} } }, channels: { telegram: { botToken: "t", ↓allowFrom: ["1"] } } }"#, release: "2026.8.1"),
                CheckExample(#"{ agents: { ownership: "explicit", entries: { a: { default: true }, b: {} } }, channels: { telegram: { botToken: "t", ↓allowFrom: ["1"] } } }"#),
                CheckExample(#"{ agents: { list: [{ id: "a", default: true }, { id: "b", default: true }] }, channels: { telegram: { botToken: "t", dmPolicy: "open", ↓allowFrom: ["*"] } } }"#),
                // Only the one bound sender has an owner.
                CheckExample(#"{ agents: { entries: { a: {}, b: {} } }, bindings: [{ agentId: "b", match: { channel: "telegram", peer: { kind: "direct", id: "1" } } }], channels: { telegram: { botToken: "t", ↓allowFrom: ["1", "2"] } } }"#),
            ],
            passes: [
                CheckExample(#"{ agents: { entries: { a: {}, b: {} } }, channels: { telegram: { botToken: "t", allowFrom: ["1"] } } }"#, release: "2026.7.1"),
                CheckExample(#"{ agents: { entries: { a: { default: true }, b: {} } }, channels: { telegram: { botToken: "t", allowFrom: ["1"] } } }"#),
                CheckExample(#"{ agents: { ownership: "explicit", entries: { a: {} } }, channels: { telegram: { botToken: "t", allowFrom: ["1"] } } }"#),
                CheckExample(#"{ agents: { entries: { a: {}, b: {} } }, bindings: [{ agentId: "b", match: { channel: "telegram" } }], channels: { telegram: { botToken: "t", allowFrom: ["1"] } } }"#),
                // No sender is admitted, so no message needs routing.
                CheckExample(#"{ agents: { entries: { a: {}, b: {} } }, channels: { telegram: { botToken: "t" } } }"#),
                CheckExample(#"{ agents: { entries: { a: {}, b: {} } }, channels: { telegram: { botToken: "t", dmPolicy: "disabled", allowFrom: ["1"] } } }"#),
            ]),
    ]

    func findings(for scope: ChannelAccountScope) -> [Finding] {
        let account = scope.account
        let context = scope.context
        let dm = DMPolicy(account: account)
        guard dm.policy != "disabled", context.agents.routingOwnerIsMissing else { return [] }
        let senders: [String?] = DMSessionRouting.routedSenders(account: account, dm: dm, bindings: context.channels.bindings)
            + (dm.hasWildcard ? [nil] : [])
        let unowned = senders.filter { DMSessionRouting.owner(account: account, peer: $0, context: context) == nil }.count
        guard unowned > 0 else { return [] }
        let channel = account.channel.id
        let accountId = ChannelAccountIds.normalize(account.id)
        let hint = "Add a channel-wide binding for \(channel):\(accountId) or configure a sole agent."
        let note = scope.multiAccount || account.hasExplicitEntry ? " (account: \(account.id))" : ""
        // Upstream reports each unowned sender and drops the identical copies at the end;
        // the copies still count for the numbering of the plugin warnings that follow.
        let report = finding(
            Self.id, filling: ["<id>": channel, "<accountId>": account.id], .warn,
            title: "\(account.channel.label)\(note) routing has no explicit owner",
            detail: "Multiple agents are configured, but \(channel) account \(accountId) routing has no explicit owner. \(hint)",
            remediation: .text(hint),
            at: DMSessionRouting.routedNode(account: account, dm: dm))
        return Array(repeating: report, count: unowned)
    }
}
