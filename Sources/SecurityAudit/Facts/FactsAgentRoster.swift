// TEMPORARY: stands in for the lead's Context/AgentRoster until it lands on main.
struct FactsAgentRoster {
    var config: ConfigNode

    var entries: [ConfigNode] {
        (config["agents"]["list"].array ?? []).filter { $0.object != nil }
    }

    var listedIds: [String] {
        entries.compactMap { $0["id"].string.map(Self.normalize) }
    }

    var defaultAgentId: String {
        let list = entries
        guard !list.isEmpty else { return "main" }
        let chosen = (list.first { $0["default"].isTruthy } ?? list[0])["id"].string?.trimmingWhitespace ?? ""
        return Self.normalize(chosen.isEmpty ? "main" : chosen)
    }

    var stateAgentIds: [String] {
        var ids: [String] = []
        for id in [defaultAgentId] + listedIds where !ids.contains(id) { ids.append(id) }
        return ids
    }

    func entry(_ id: String) -> ConfigNode? {
        entries.first { Self.normalize($0["id"].string ?? "") == id }
    }

    static func normalize(_ raw: String) -> String {
        let trimmed = raw.trimmingWhitespace
        guard !trimmed.isEmpty else { return "main" }
        var out = ""
        for scalar in trimmed.lowercased().unicodeScalars {
            let ok = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
            out.unicodeScalars.append(ok ? scalar : "-")
        }
        while out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "main" : String(out.prefix(64))
    }
}
