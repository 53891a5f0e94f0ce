/// Which advisories of a database affect one OpenClaw release, and what to upgrade to.
///
/// Matching follows OpenClaw's version order (`OpenClawVersion`) and only the structured
/// bounds of the data (never a prose range). An advisory affects the release when any
/// lineage package's interval or exact-version list covers it: the three package names
/// share one version sequence. Builds of an extended-stable line (patch 33 and up)
/// receive back-ports that the published ranges do not record, so a numeric match there
/// is unconfirmed unless the advisory lists that exact build.
public struct ReleaseAssessment: Sendable {
    public struct Match: Sendable {
        public var advisory: Advisory
        /// The first release that fixes it for this release, when the data names one.
        public var fixedIn: OpenClawVersion?
        /// The intervals that cover the release, as `package range`.
        public var matchedRanges: [String]
    }

    public var version: OpenClawVersion
    /// Advisories that affect the release, most severe first, then newest first.
    public var affected: [Match]
    /// Extended-stable only: advisories whose range covers the build numerically, which
    /// a back-port may have fixed; the data does not say.
    public var unconfirmed: [Match]

    public init(version: OpenClawVersion, advisories: [Advisory]) {
        self.version = version
        var affected: [Match] = []
        var unconfirmed: [Match] = []
        for advisory in advisories {
            var covering: [(package: AffectedPackage, range: AffectedRange?)] = []
            for package in advisory.affected {
                for range in package.ranges where range.contains(version) { covering.append((package, range)) }
                if package.versions.contains(version) { covering.append((package, nil)) }
            }
            guard !covering.isEmpty else { continue }
            let match = Match(
                advisory: advisory,
                fixedIn: Self.fix(for: version, covering: covering.compactMap(\.range), advisory: advisory),
                matchedRanges: covering.map { "\($0.package.name) \($0.range?.description ?? "= \(version)")" })
            let confirmed = !version.isExtendedStable || advisory.affected.contains { $0.listsExactly(version) }
            if confirmed { affected.append(match) } else { unconfirmed.append(match) }
        }
        self.affected = affected.sorted(by: Self.moreUrgent)
        self.unconfirmed = unconfirmed.sorted(by: Self.moreUrgent)
        self.upgradeTarget = Self.upgradeTarget(from: affected.compactMap(\.fixedIn).max(), advisories: advisories)
    }

    static func upgradeTarget(from start: OpenClawVersion?, advisories: [Advisory]) -> OpenClawVersion? {
        guard var target = start else { return nil }
        // Each step moves strictly up to a fix named in the data, so this ends.
        while true {
            let next = advisories.lazy
                .flatMap(\.affected).flatMap(\.ranges)
                .filter { $0.contains(target) }
                .compactMap(\.fixed)
                .max()
            guard let next, next > target else { return target }
            target = next
        }
    }

    /// The lowest release that fixes every affecting advisory that names a fix and that
    /// no other advisory with a fix covers in turn: the highest of their fixes, moved up
    /// while a later advisory's range starts below it (2026.8.2 fixes one advisory but
    /// falls in another's `>= 2026.7.2 < 2026.9.2`). Nil when none names a fix.
    public let upgradeTarget: OpenClawVersion?

    /// Affecting advisories that name no fixed release.
    public var withoutFix: [Match] { affected.filter { $0.fixedIn == nil } }

    /// How many affecting advisories there are of each level, most severe level first.
    public var countsBySeverity: [(severity: AdvisorySeverity, count: Int)] {
        AdvisorySeverity.allCases.reversed().compactMap { level in
            let count = affected.filter { $0.advisory.severity == level }.count
            return count > 0 ? (level, count) : nil
        }
    }

    /// The fix of the covering intervals (the highest, should two differ); when they
    /// name none (an earlier package name's range ends at its last release), the first
    /// `openclaw` fix above the release, since the fix was published only under that name.
    static func fix(for version: OpenClawVersion, covering: [AffectedRange], advisory: Advisory) -> OpenClawVersion? {
        if let fix = covering.compactMap(\.fixed).max() { return fix }
        return advisory.affected
            .filter { $0.name == ReleaseLineage.currentName }
            .flatMap(\.ranges)
            .compactMap(\.fixed)
            .filter { $0 > version }
            .min()
    }

    static func moreUrgent(_ a: Match, _ b: Match) -> Bool {
        if a.advisory.severity != b.advisory.severity { return a.advisory.severity > b.advisory.severity }
        if (a.advisory.published ?? "") != (b.advisory.published ?? "") {
            return (a.advisory.published ?? "") > (b.advisory.published ?? "")
        }
        return a.advisory.id < b.advisory.id
    }
}
