/// The shape every `secrets.*` finding shares: one finding per kind of secret, listing
/// where each is (file:line, the key or name it is assigned to, the redacted value, and
/// the file mode when other users can read it), the first few in file order.
struct SecretFindingBuilder {
    static let listedHits = 10

    var id: String
    var location: SecretLocation
    /// "in the config", "in config backups"…
    var placeDescription: String

    struct Group {
        var kind: SecretKind
        var hits: [SecretHit]
        var total: Int
        var exposed: Int
    }

    /// Hits of this location by kind, in kind order, leaving out the `skipped` ones.
    func groups(in facts: SecretScanFacts, skipping skipped: (SecretHit) -> Bool = { _ in false }) -> [Group] {
        let all = facts.hits(in: location)
        return SecretKind.allCases.compactMap { kind in
            let ofKind = all.filter { $0.kind == kind }
            let kept = ofKind.filter { !skipped($0) }
            let skippedCount = ofKind.count - kept.count
            let total = facts.count(kind, in: location) - skippedCount
            guard total > 0 else { return nil }
            let exposedSkipped = ofKind.filter { skipped($0) && ($0.permissions?.readableByOthers ?? false) }.count
            return Group(kind: kind, hits: kept, total: total, exposed: facts.exposedCount(kind, in: location) - exposedSkipped)
        }
    }

    /// "2 OpenAI API keys in the config:" and the listed locations.
    func detail(_ group: Group, note: String? = nil) -> String {
        var lines = ["\(group.kind.counted(group.total)) \(placeDescription)\(note.map { "; " + $0 } ?? ""):"]
        for hit in group.hits.prefix(Self.listedHits) {
            var line = hit.cell.map { "- \(hit.path) \($0.description)" } ?? "- \(hit.path):\(hit.line)"
            if let keyPath = hit.keyPath {
                line += " \(keyPath)"
            } else if let name = hit.name {
                line += " \(name)"
            }
            line += ": \(hit.redacted)"
            if let permissions = hit.permissions, permissions.readableByOthers {
                line += " (file mode=\(permissions.modeText), readable by other users)"
            }
            lines.append(line)
        }
        let unlisted = group.total - min(group.hits.count, Self.listedHits)
        if unlisted > 0 { lines.append("- +\(unlisted) more") }
        return lines.joined(separator: "\n")
    }

    /// Critical when a provider key or private key sits in a file others can read.
    func severity(_ group: Group) -> Severity {
        group.kind.isCredentialFormat && group.exposed > 0 ? .critical : .warn
    }

    /// Distinct paths of the listed hits, in order.
    static func paths(_ hits: [SecretHit]) -> [String] {
        var seen = Set<String>()
        return hits.map(\.path).filter { seen.insert($0).inserted }
    }
}
