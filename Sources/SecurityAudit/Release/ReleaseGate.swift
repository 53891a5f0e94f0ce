/// Keeps the findings of checks the audited release has. With a known release, a finding
/// of a check outside its release range is dropped (upstream's release would not report
/// it). With an unknown release every check ran with the newest behaviour, and a finding
/// of a check upstream has retired says which releases it applies to, so the reader can
/// judge it.
struct ReleaseGate {
    let release: OpenClawRelease
    let entries: [CheckEntry]

    init(release: OpenClawRelease, entries: [CheckEntry] = CheckCatalog.entries) {
        self.release = release
        self.entries = entries
    }

    /// Whether the audited release has the check of this id (always when unknown).
    func runs(_ checkId: String) -> Bool {
        guard let provenance = entry(for: checkId)?.provenance, provenance.origin == .upstream else { return true }
        return release.includes(provenance.releases)
    }

    func admit(_ finding: Finding) -> Finding? {
        // Ids no catalog entry declares (plugin-owned ones) are kept as they are.
        guard let provenance = entry(for: finding.checkId)?.provenance, provenance.origin == .upstream else { return finding }
        let range = provenance.releases
        if release.isKnown { return release.includes(range) ? finding : nil }
        guard let until = range.until else { return finding }
        var annotated = finding
        annotated.detail += "\n" + Self.retiredNote(range, until: until)
        return annotated
    }

    static func retiredNote(_ range: ReleaseRange, until: OpenClawVersion) -> String {
        let since = range.since.map { "from \($0) " } ?? ""
        return "This check applies to OpenClaw \(since)before \(until) (no release identified; pass --openclaw-version to audit as one)."
    }

    private func entry(for checkId: String) -> CheckEntry? {
        entries.first { $0.id == checkId } ?? entries.first { $0.matches(checkId) }
    }
}
