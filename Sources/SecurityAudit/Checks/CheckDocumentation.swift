/// One line of the check reference that `security checks`, `security explain` and
/// SARIF's `rules` are generated from: every declared id with its `CheckInfo`, then
/// the ids still pending (known by id only), so the reference never omits an id the
/// original reports.
public struct CheckEntry: Sendable {
    public var id: String
    /// nil while the id is pending.
    public var info: CheckInfo?

    public var implemented: Bool { info != nil }
    /// Upstream's or ours, and the releases that emit it.
    public var provenance: CheckProvenance? { CheckReleaseTable.entries[id] }
    public var area: String { CheckArea.of(id) }

    /// Whether a concrete finding id is an instance of this (possibly templated) id.
    public func matches(_ checkId: String) -> Bool {
        guard id.contains("<") else { return id == checkId }
        return CheckIdTemplate.matches(template: id, checkId: checkId)
    }
}

extension CheckCatalog {
    /// Implemented ids in emission order, then pending ones.
    public static var entries: [CheckEntry] {
        infos.map { CheckEntry(id: $0.id, info: $0) } + pendingIDs.map { CheckEntry(id: $0, info: nil) }
    }

    /// The entry for an id as written in the catalog, or for a concrete id of a
    /// templated one (`channels.discord.dm.open` finds `channels.<id>.dm.open`).
    public static func entry(for id: String) -> CheckEntry? {
        let all = entries
        return all.first { $0.id == id } ?? all.first { $0.matches(id) }
    }
}

extension CheckInfo {
    public var area: String { CheckArea.of(id) }
}

/// The area of a check, derived from its id so no check has to declare it: the first
/// segment of the id, except for the prefixes below, which name a finer area.
enum CheckArea {
    private static let prefixes: [(prefix: String, area: String)] = [
        ("config.secrets.", "secrets"),
        ("security.exposure.", "exposure"),
        ("security.trust_model.", "trust-model"),
        ("security.audit.", "suppressions"),
        ("gateway.nodes.", "nodes"),
        ("gateway.probe_", "deep-probe"),
        ("tools.exec.", "exec"),
        ("tools.web.", "web"),
        ("tools.elevated.", "elevated"),
        ("fs.", "filesystem"),
    ]

    static func of(_ id: String) -> String {
        if let match = prefixes.first(where: { id.hasPrefix($0.prefix) }) { return match.area }
        return String(id.prefix { $0 != "." })
    }
}
