/// Where the DMs of every audited account land, as upstream's channel collector simulates
/// it since the DM routing rework (`src/security/audit-channel.ts`, PR #121741): each
/// admitted sender is routed (a binding for that sender, else the channel/account binding,
/// else the default agent) to a session key by `session.dmScope`; a wildcard allowlist
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
        let defaultAgent = context.agents.defaultAgentId
        for scope in accounts {
            let account = scope.account
            let dm = DMPolicy(account: account)
            guard dm.policy != "disabled" else { continue }
            let channel = account.channel.id
            let accountKey = "\(channel)-\(account.id)"
            let node = account.config["allowFrom"] ?? account.config["dm"]["allowFrom"] ?? dm.policyNode ?? account.section
            var senders = dm.admittedSenders(account: account)
            if dm.hasWildcard {
                let known = Set(senders)
                senders += bindings.directPeerIds(channel: channel, accountId: account.id).filter { !known.contains($0) }
            }
            for sender in senders {
                let agent = bindings.directMessageAgent(channel: channel, accountId: account.id, peer: sender) ?? defaultAgent
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
            guard dm.hasWildcard else { continue }
            let agent = bindings.directMessageAgent(channel: channel, accountId: account.id, peer: nil) ?? defaultAgent
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
