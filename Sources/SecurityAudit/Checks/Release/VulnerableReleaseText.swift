/// The words of `openclaw.version.vulnerable`: one line per advisory (id, CVE, severity,
/// summary, fix), the counts, the release to upgrade to and the date of the data.
struct VulnerableReleaseText {
    var version: OpenClawVersion
    var source: String?
    var facts: AdvisoryFacts
    var assessment: ReleaseAssessment
    /// The affecting advisories this finding reports (accepted ones left out).
    var reported: [ReleaseAssessment.Match]
    /// The earlier package name the release is installed under (`clawdbot`, `moltbot`),
    /// when the installed package says so; nil otherwise.
    var installedEarlierName: String? = nil

    /// Whether the install is of an earlier name: the installed package says so, or the
    /// release predates the `openclaw` package.
    var earlierName: String? {
        if let installedEarlierName { return installedEarlierName }
        return ReleaseLineage.predatesOpenClaw(version) ? "clawdbot" : nil
    }

    var releaseLabel: String {
        "OpenClaw \(version)" + (source.map { " (\($0))" } ?? "")
    }

    /// Every reported advisory, or the first `limit` and "and N more".
    func detail(limit: Int?) -> String {
        let counts = AdvisorySeverity.allCases.reversed().compactMap { level -> String? in
            let count = reported.filter { $0.advisory.severity == level }.count
            return count > 0 ? "\(count) \(level.rawValue)" : nil
        }
        let noun = reported.count == 1 ? "advisory" : "advisories"
        var lines = ["\(releaseLabel) is affected by \(reported.count) published security \(noun): \(counts.joined(separator: ", "))."]
        let shown = limit.map { Array(reported.prefix($0)) } ?? reported
        lines += shown.map { "- " + line($0) }
        if shown.count < reported.count {
            lines.append("- and \(reported.count - shown.count) more (all of them: openclaw-security advisories --openclaw-version \(version), or the JSON report)")
        }
        lines += upgradeLines(reported)
        if !assessment.unconfirmed.isEmpty { lines.append(unconfirmedSentence) }
        lines.append(dataSentence)
        return lines.joined(separator: "\n")
    }

    /// One accepted advisory, as its own finding (for its suppression to move).
    func single(_ match: ReleaseAssessment.Match) -> String {
        "\(releaseLabel) is affected by \(line(match))\n\(dataSentence)"
    }

    var unconfirmedDetail: String {
        var lines = ["\(releaseLabel) is an extended-stable build. " + unconfirmedSentence]
        lines += assessment.unconfirmed.prefix(20).map { "- " + line($0) }
        if assessment.unconfirmed.count > 20 { lines.append("- and \(assessment.unconfirmed.count - 20) more") }
        lines.append(dataSentence)
        return lines.joined(separator: "\n")
    }

    var staleCleanDetail: String {
        "No advisory in the data affects \(releaseLabel), but the data is \(facts.age ?? 0) days old: advisories published since are not checked.\n"
            + dataSentence
    }

    var unconfirmedSentence: String {
        let count = assessment.unconfirmed.count
        return "\(count) more \(count == 1 ? "advisory covers" : "advisories cover") \(version) by number only (\(assessment.unconfirmed.prefix(5).map(\.advisory.id).joined(separator: ", "))\(count > 5 ? ", …" : "")): extended-stable lines (patch 33 and up) receive back-ports the published ranges do not record, so whether \(count == 1 ? "it affects" : "they affect") this build is unknown."
    }

    /// `GHSA-… (CVE-…, high): summary. Fixed in 2026.1.29.`
    func line(_ match: ReleaseAssessment.Match) -> String {
        let advisory = match.advisory
        let tags = ([advisory.cve].compactMap { $0 } + [advisory.severity.rawValue]).joined(separator: ", ")
        var summary = advisory.summary
        if let last = summary.last, !".!?…".contains(last) { summary += "." }
        let fix = match.fixedIn.map { "Fixed in \($0)." } ?? "No fixed release recorded."
        return "\(advisory.id) (\(tags)): \(summary) \(fix)"
    }

    func upgradeLines(_ matches: [ReleaseAssessment.Match]) -> [String] {
        var lines: [String] = []
        if let target = ReleaseAssessment.upgradeTarget(from: matches.compactMap(\.fixedIn).max(), advisories: facts.database.advisories) {
            let scope = matches.contains { $0.fixedIn == nil } ? "every one of them that names a fix" : "all of them"
            lines.append("Upgrade to \(target) or later: the lowest release that fixes \(scope) and that no other advisory with a fix covers.")
        }
        let unfixed = matches.filter { $0.fixedIn == nil }
        if !unfixed.isEmpty {
            lines.append("\(unfixed.count) name\(unfixed.count == 1 ? "s" : "") no fixed release: \(unfixed.prefix(5).map(\.advisory.id).joined(separator: ", "))\(unfixed.count > 5 ? ", …" : "").")
        }
        if let installedEarlierName {
            lines.append("This install is the \(installedEarlierName) package: fixes are published only as openclaw.")
        } else if ReleaseLineage.predatesOpenClaw(version) {
            lines.append("\(version) predates the openclaw package: it was published as clawdbot (or moltbot), and no fixed release exists under those names.")
        }
        return lines
    }

    var dataSentence: String {
        let database = facts.database
        var sentence = "Advisory data: \(database.label), \(database.advisories.count) advisories"
        if let age = facts.age, facts.isStale {
            sentence += "; it is \(age) days old, so advisories published since are not checked. " + newerDataHint
        } else {
            sentence += "."
        }
        return sentence
    }

    var newerDataHint: String {
        "Pass a newer OSV export: openclaw-security audit --advisories all.zip (OSV's npm export, https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip)."
    }

    var remediation: String {
        let target = ReleaseAssessment.upgradeTarget(from: reported.compactMap(\.fixedIn).max(), advisories: facts.database.advisories)
            .map { " to \($0) or later" } ?? ""
        if let name = earlierName {
            return "Install the openclaw package in place of \(name) (npm uninstall -g \(name) && npm install -g openclaw@latest): releases published under the earlier names received no fixes. Then restart the gateway."
        }
        return "Update OpenClaw\(target) (npm install -g openclaw@latest), then restart the gateway."
    }
}
