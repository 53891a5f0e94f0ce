/// Which findings `openclaw-security audit --fix` would change, so that the plain
/// report can mark them and name the preview command. A finding is fixable when its
/// check is one `--fix` acts on and, for config findings, the fix plan edits the very
/// value the finding points at: a Discord `groupPolicy` left unset (open by default in
/// some releases) is not flipped by `--fix`, so that finding stays manual, and neither
/// does a permission finding about symbolic links only, which `--fix` does not follow.
enum FixableFindings {
    static func mark(
        _ findings: inout [Finding], config: ConfigNode, release: OpenClawRelease, infos: [CheckInfo] = CheckCatalog.infos
    ) {
        let plan = ConfigFixPlanner(config: config, whatsAppStoreAllowFrom: [], release: release).plan()
        let edited = Set(plan.edits.map(\.origin))
        for index in findings.indices {
            let finding = findings[index]
            guard let info = infos.first(where: { $0.matches(finding.checkId) }), info.fixable else { continue }
            if finding.checkId.hasPrefix("fs.") {
                findings[index].fixable = !finding.reportsOnlySymlinks
            } else if let location = finding.location, edited.contains(location) {
                findings[index].fixable = true
            }
        }
    }
}
