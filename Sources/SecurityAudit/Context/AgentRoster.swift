/// The configured agents, read from either shape the original accepts: February's
/// `agents.list: [{id, ...}]` or the later `agents.entries: {<id>: {...}}`
/// (`entries` wins when both are present).
public struct AgentRoster: Sendable {
    public struct Agent: Sendable {
        /// The id as written (for texts); `normalizedId` for paths and lookups.
        public var id: String
        public var normalizedId: String
        public var config: ConfigNode
    }

    public static let defaultAgentId = "main"

    /// Agents with a string id, in config order.
    public let agents: [Agent]
    /// Whether the user wrote `agents.entries` (texts then say `agents.entries.<id>`).
    public let usesEntries: Bool
    /// Whether any roster key is present at all.
    public let hasRoster: Bool
    /// Every roster entry that is an object, with or without a usable id.
    public let entryCount: Int
    /// `agents.ownership: "explicit"` (2026.8.1): only bindings and a sole agent own routes.
    public let explicitOwnership: Bool

    public init(config: ConfigNode) {
        let agents = config["agents"]
        explicitOwnership = agents["ownership"].string == "explicit"
        var result: [Agent] = []
        var count = 0
        if let entries = agents["entries"] {
            usesEntries = true
            hasRoster = true
            for (key, value) in entries.object?.entries ?? [] where value.object != nil {
                count += 1
                result.append(Agent(id: key, normalizedId: Self.normalize(key), config: value))
            }
        } else if let list = agents["list"] {
            usesEntries = false
            hasRoster = true
            for entry in list.array ?? [] where entry.object != nil {
                count += 1
                if let id = entry["id"].string {
                    result.append(Agent(id: id, normalizedId: Self.normalize(id), config: entry))
                }
            }
        } else {
            usesEntries = false
            hasRoster = false
        }
        self.agents = result
        self.entryCount = count
    }

    /// `agents.list` or `agents.entries`, as the user wrote it.
    public var labelPrefix: String { usesEntries ? "agents.entries" : "agents.list" }

    public func label(for agent: Agent) -> String { "\(labelPrefix).\(agent.id)" }

    /// February rule: the first agent marked `default: true`, else the first agent,
    /// else `main`.
    public var defaultAgentId: String {
        let chosen = agents.first { $0.config["default"].isTruthy } ?? agents.first
        guard let id = chosen?.id.trimmingWhitespace, !id.isEmpty else { return Self.defaultAgentId }
        return Self.normalize(id)
    }

    /// The later rule: the one agent marked `default: true`, else
    /// the only agent, else `main` when no roster is configured; nil when several agents
    /// leave the default open.
    public var unambiguousDefaultAgentId: String? {
        let marked = agents.filter { $0.config["default"].bool == true }
        if marked.count == 1 { return marked[0].normalizedId }
        if agents.count == 1 { return agents[0].normalizedId }
        if agents.isEmpty && !hasRoster { return Self.defaultAgentId }
        return nil
    }

    /// Who owns a message that no binding routes, from 2026.8.1 (`resolveAgentRoute` in
    /// upstream `src/routing/resolve-route.ts`, with `tryResolveLegacyCompatibilityAgentId`
    /// and `resolveDefaultAgentId` of `src/agents/agent-scope.ts`): the one entry marked
    /// `default: true` (a legacy marker that `agents.ownership: "explicit"` ignores), else
    /// the sole entry, else `main` when no roster is written. Nil when several entries
    /// leave the owner open: the runtime then refuses to pick one. An authored but empty
    /// roster also gives nil there, yet upstream fails differently (no agents at all), so
    /// `routingOwnerIsMissing` tells the two apart.
    public var routingOwnerAgentId: String? {
        if !explicitOwnership {
            let marked = agents.filter { $0.config["default"].bool == true }
            if marked.count == 1 { return marked[0].normalizedId }
        }
        if entryCount == 0 { return hasRoster ? nil : Self.defaultAgentId }
        return entryCount == 1 ? (agents.first?.normalizedId ?? Self.defaultAgentId) : nil
    }

    /// Several roster entries and no owner for unrouted messages (upstream's
    /// `AgentSelectionRequiredError`).
    public var routingOwnerIsMissing: Bool { entryCount > 1 && routingOwnerAgentId == nil }

    /// The default agent first, then every agent, normalized and without duplicates.
    public var agentIdsDefaultFirst: [String] {
        var seen: Set<String> = []
        return ([defaultAgentId] + agents.map(\.normalizedId)).filter { seen.insert($0).inserted }
    }

    public func agent(withNormalizedId id: String) -> Agent? {
        agents.first { $0.normalizedId == id }
    }

    /// `normalizeAgentId`: lower-case, path-safe, at most 64 characters, `main` when empty.
    public static func normalize(_ raw: String) -> String {
        PathSafeIdentifier.canonical(raw) ?? defaultAgentId
    }

    /// Sandbox mode of an agent (nil = the defaults): `<agent>.sandbox.mode`, else
    /// `agents.defaults.sandbox.mode`, else `off`.
    public func sandboxMode(for agent: Agent?, in config: ConfigNode) -> String {
        agent?.config["sandbox"]["mode"].string
            ?? config["agents"]["defaults"]["sandbox"]["mode"].string
            ?? "off"
    }
}
