/// Every model id the config names, with the config path it came from, in the
/// original's order: defaults (model, then imageModel), then each agent.
struct ModelReference: Sendable {
    /// The trimmed id as configured (`ollama/llama3.2:3b`).
    var id: String
    /// `agents.defaults.model.primary`, `agents.list.<id>.model.fallbacks`, ...
    var source: String
    /// The agent whose model this is; nil for `agents.defaults` (and for list entries
    /// without an id, which the original also audits under the defaults).
    var agent: AgentRoster.Agent?
    var isImageModel: Bool
    /// Where the id is written.
    var node: ConfigNode

    static func collect(from context: AuditContext) -> [ModelReference] {
        var out: [ModelReference] = []
        func add(_ node: ConfigNode?, _ source: String, agent: AgentRoster.Agent? = nil, image: Bool = false) {
            guard let node, let id = node.string?.trimmingWhitespace, !id.isEmpty else { return }
            out.append(ModelReference(id: id, source: source, agent: agent, isImageModel: image, node: node))
        }
        let defaults = context.config["agents"]["defaults"]
        for (key, image) in [("model", false), ("imageModel", true)] {
            let model = defaults[key]
            add(model?.string != nil ? model : model["primary"], "agents.defaults.\(key).primary", image: image)
            for fallback in model["fallbacks"].array ?? [] {
                add(fallback, "agents.defaults.\(key).fallbacks", image: image)
            }
        }
        let roster = context.agents
        for (id, entry, agent) in rosterEntries(context) {
            let label = "\(roster.labelPrefix).\(id)"
            let model = entry["model"]
            if model?.string != nil {
                add(model, "\(label).model", agent: agent)
            } else if model?.object != nil {
                add(model["primary"], "\(label).model.primary", agent: agent)
                for fallback in model["fallbacks"].array ?? [] {
                    add(fallback, "\(label).model.fallbacks", agent: agent)
                }
            }
        }
        return out
    }

    /// Roster entries with the id the label shows: `agents.list` entries without a
    /// string id still count (label `agents.list..model`), as in the original.
    private static func rosterEntries(_ context: AuditContext) -> [(String, ConfigNode, AgentRoster.Agent?)] {
        let agents = context.agents.agents
        if context.agents.usesEntries {
            return agents.map { ($0.id, $0.config, $0) }
        }
        // The roster keeps exactly the list entries with a string id, in order.
        var next = agents.startIndex
        return (context.config["agents"]["list"].array ?? []).compactMap { entry in
            guard entry.object != nil else { return nil }
            guard let id = entry["id"].string, next < agents.endIndex else { return ("", entry, nil) }
            defer { next += 1 }
            return (id, entry, id.isEmpty ? nil : agents[next])
        }
    }
}
