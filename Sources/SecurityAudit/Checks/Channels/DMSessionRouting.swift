/// Where the DMs of every audited account land, as upstream's channel collector simulates
/// it since the DM routing rework (`src/security/audit-channel.ts`, PR #121741): each
/// admitted sender is routed (a binding for that sender, else the channel/account binding,
/// else the roster's owner of unrouted messages; senders without an owner are left out)
/// to a session key by `session.dmScope`; a wildcard allowlist
/// adds the unknown sender, which shares one session under `main` and lands in a
/// per-peer namespace ("symbolic" bucket) under the per-peer scopes. Two different people
/// in one bucket can read each other's context.
///
/// Modelled: bindings, `session.dmScope`, `session.scope: "global"` and
/// `session.identityLinks`. Not modelled: plugins' own DM routing hooks and per-binding
/// scope overrides.
struct DMSessionRouting {
    /// One sender's route.
    struct Route {
        /// `<channel>-<accountId>`.
        var accountKey: String
        /// Who the sender is: `direct:<channel>:<account>:<peer>`, `linked:<identity>`, or a
        /// stand-in for the unknown senders a wildcard admits.
        var principal: String
        /// `<agentId>` NUL `<session key>` (or `symbolic:dm:...` for a namespace).
        var bucket: String
        /// The key that admitted the sender, for the finding's location.
        var node: ConfigNode?
    }

    /// Senders of different people that land in one bucket.
    struct Collision {
        var bucket: String
        var routes: [Route]

        var agentId: String { String(bucket.prefix { $0 != "\0" }) }
        var isSymbolic: Bool { bucket.contains("\0symbolic:") }
        var principalCount: Int { Set(routes.map(\.principal)).count }
        var accountKeys: [String] { Array(Set(routes.map(\.accountKey))).sorted() }
    }

    private(set) var routes: [Route] = []

    init(accounts: [ChannelAccountScope], context: AuditContext) {
        let session = context.config["session"]
        let dmScope = session["dmScope"].string ?? "main"
        let global = session["scope"].string == "global"
        let bindings = context.channels.bindings
        for scope in accounts {
            let account = scope.account
            let dm = DMPolicy(account: account)
            guard dm.policy != "disabled" else { continue }
            let channel = account.channel.id
            let accountKey = "\(channel)-\(account.id)"
            let node = Self.routedNode(account: account, dm: dm)
            for sender in Self.routedSenders(account: account, dm: dm, bindings: bindings) {
                // A sender without an owner is reported (`RoutingOwnerMissingCheck`) and
                // left out here, as upstream skips it rather than invent a route.
                guard let agent = Self.owner(account: account, peer: sender, context: context) else { continue }
                let linked = Self.linkedIdentity(session["identityLinks"], channel: channel, peer: sender)
                let principal = linked.map { "linked:\($0.lowercased())" }
                    ?? "direct:\(channel):\(account.id):\(sender.lowercased())"
                let key = global ? "global" : Self.sessionKey(agent: agent, scope: dmScope, channel: channel, accountId: account.id, peer: linked ?? sender)
                record(accountKey, principal, agent, key, node)
                guard !global else { continue }
                if dmScope != "main" { record(accountKey, principal, agent, "symbolic:dm:peer", node) }
                if dmScope == "per-channel-peer" || dmScope == "per-account-channel-peer" {
                    record(accountKey, principal, agent, "symbolic:dm:channel:\(channel)", node)
                }
            }
            guard dm.hasWildcard, let agent = Self.owner(account: account, peer: nil, context: context) else { continue }
            if global || dmScope == "main" {
                // Any two strangers share the one session.
                for n in 1...2 { record(accountKey, "wildcard:shared:\(accountKey):\(n)", agent, global ? "global" : "agent:\(agent):main", node) }
            } else if dmScope == "per-channel-peer" {
                for namespace in ["channel:\(channel)", "peer"] {
                    record(accountKey, "wildcard:per-channel-peer:\(accountKey)", agent, "symbolic:dm:\(namespace)", node)
                }
            } else if dmScope == "per-peer" {
                record(accountKey, "wildcard:per-peer:\(accountKey)", agent, "symbolic:dm:peer", node)
            }
        }
    }

    /// The senders whose DMs upstream routes, one by one: the admitted ones and, under a
    /// wildcard, those a binding names.
    static func routedSenders(account: ChannelAccount, dm: DMPolicy, bindings: AgentBindings) -> [String] {
        var senders = dm.admittedSenders(account: account)
        if dm.hasWildcard {
            let known = Set(senders)
            senders += bindings.directPeerIds(channel: account.channel.id, accountId: account.id).filter { !known.contains($0) }
        }
        return senders
    }

    /// The key that admits the account's DM senders, for findings' locations.
    static func routedNode(account: ChannelAccount, dm: DMPolicy) -> ConfigNode? {
        account.config["allowFrom"] ?? account.config["dm"]["allowFrom"] ?? dm.policyNode ?? account.section
    }

    /// The agent a DM from `peer` (nil: an unknown sender a wildcard admits) reaches: its
    /// binding, else the channel/account binding, else the roster's owner of unrouted
    /// messages. Nil when several agents leave that owner open (upstream's route
    /// resolver throws `AgentSelectionRequiredError`, `src/routing/resolve-route.ts`).
    static func owner(account: ChannelAccount, peer: String?, context: AuditContext) -> String? {
        let bound = context.channels.bindings.directMessageAgent(channel: account.channel.id, accountId: account.id, peer: peer)
        return bound ?? (context.agents.routingOwnerIsMissing ? nil : context.agents.routingOwnerAgentId ?? context.agents.defaultAgentId)
    }

    private mutating func record(_ accountKey: String, _ principal: String, _ agent: String, _ key: String, _ node: ConfigNode?) {
        routes.append(Route(accountKey: accountKey, principal: principal, bucket: "\(agent)\0\(key)", node: node))
    }

    /// Buckets with more than one person. A per-peer namespace only counts when a wildcard
    /// under `per-peer` reaches it (any sender of any channel may then collide); a channel
    /// namespace when a wildcard under `per-channel-peer` reaches it and no per-peer
    /// wildcard of the same agent already covers it. Ordered by bucket.
    var collisions: [Collision] {
        var order: [String] = []
        var byBucket: [String: [Route]] = [:]
        for route in routes {
            if byBucket[route.bucket] == nil { order.append(route.bucket) }
            byBucket[route.bucket, default: []].append(route)
        }
        let shared = order.map { Collision(bucket: $0, routes: byBucket[$0]!) }.filter { $0.principalCount > 1 }
        func hasWildcard(_ collision: Collision, _ scope: String) -> Bool {
            collision.routes.contains { $0.principal.hasPrefix("wildcard:\(scope):") }
        }
        let broadAgents = Set(shared.filter { $0.bucket.hasSuffix("\0symbolic:dm:peer") && hasWildcard($0, "per-peer") }.map(\.agentId))
        return shared.filter { collision in
            guard collision.isSymbolic else { return true }
            if collision.bucket.hasSuffix("\0symbolic:dm:peer") { return hasWildcard(collision, "per-peer") }
            return !broadAgents.contains(collision.agentId) && hasWildcard(collision, "per-channel-peer")
        }
        .sorted { $0.bucket.unicodeScalars.lexicographicallyPrecedes($1.bucket.unicodeScalars) }
    }

    /// The session key core routing gives a direct message under `session.dmScope`.
    static func sessionKey(agent: String, scope: String, channel: String, accountId: String, peer: String) -> String {
        switch scope {
        case "per-peer": return "agent:\(agent):direct:\(peer)"
        case "per-channel-peer": return "agent:\(agent):\(channel):direct:\(peer)"
        case "per-account-channel-peer": return "agent:\(agent):\(channel):\(accountId):direct:\(peer)"
        default: return "agent:\(agent):main"
        }
    }

    /// `session.identityLinks` (`{ alice: ["telegram:123", "discord:456"] }`): the identity
    /// that lists `<channel>:<peer>`, compared without case.
    static func linkedIdentity(_ links: ConfigNode?, channel: String, peer: String) -> String? {
        let wanted = "\(channel):\(peer)".lowercased()
        for (identity, ids) in links.object?.entries ?? [] {
            let listed = (ids.array ?? []).compactMap { $0.string?.trimmingWhitespace.lowercased() }
            if listed.contains(wanted), !identity.trimmingWhitespace.isEmpty { return identity.trimmingWhitespace }
        }
        return nil
    }
}
