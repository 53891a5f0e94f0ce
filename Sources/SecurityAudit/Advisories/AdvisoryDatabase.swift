/// The advisories the audit matches the release against, with the date of the data and
/// where it came from: the snapshot bundled at build time, or `--advisories PATH`.
public struct AdvisoryDatabase: Sendable {
    /// Where the data came from, for the report.
    public enum Origin: Sendable, Equatable {
        /// Built into this binary by `scripts/build_advisory_snapshot.py`.
        case bundled
        /// `--advisories PATH`.
        case path(String)
    }

    /// What was read and left out, so a user can tell an empty export from a wrong one.
    public struct Counts: Sendable, Equatable {
        public var records = 0
        public var withdrawn = 0
        public var duplicates = 0
        public var otherPackages = 0
        public init() {}
    }

    /// Unique advisories, newest publication first, then by id.
    public var advisories: [Advisory]
    /// `YYYY-MM-DD`: the newest `modified` date in the data (or the snapshot's build date).
    public var date: String?
    public var origin: Origin
    public var counts: Counts

    public init(advisories: [Advisory], date: String?, origin: Origin, counts: Counts = Counts()) {
        self.advisories = advisories
        self.date = date
        self.origin = origin
        self.counts = counts
    }

    /// The data as the report names it: `bundled snapshot of 2026-12-04` or `PATH (data of 2026-11-30)`.
    public var label: String {
        let dated = date.map { " of \($0)" } ?? " (undated)"
        switch origin {
        case .bundled: return "bundled snapshot" + dated
        case .path(let path): return "\(path)" + (date.map { " (data of \($0))" } ?? " (undated)")
        }
    }

    /// Days from the data's date to `today` (days since 1970-01-01, UTC); nil when either is unknown.
    public func age(today: Int64?) -> Int64? {
        guard let today, let date, let day = ISODate.dayNumber(date) else { return nil }
        return today - day
    }
}

/// Collects OSV outcomes from any number of files and makes the database: withdrawn and
/// "Duplicate Advisory" records dropped, one advisory per id (the most recently modified
/// record wins), and a record whose id another advisory lists as an alias dropped in
/// favour of that advisory (a CVE-only record repeating a GHSA).
struct AdvisoryDatabaseBuilder {
    private var byId: [String: Advisory] = [:]
    private var order: [String] = []
    private(set) var counts = AdvisoryDatabase.Counts()
    private(set) var newestModified: String?

    mutating func add(_ outcome: OSVRecordReader.Outcome, modified: String?) {
        counts.records += 1
        if let modified, newestModified.map({ modified > $0 }) ?? true { newestModified = modified }
        switch outcome {
        case .withdrawn: counts.withdrawn += 1
        case .duplicate: counts.duplicates += 1
        case .otherPackage: counts.otherPackages += 1
        case .advisory(let advisory):
            if let existing = byId[advisory.id] {
                counts.duplicates += 1
                if (advisory.modified ?? "") >= (existing.modified ?? "") { byId[advisory.id] = advisory }
            } else {
                byId[advisory.id] = advisory
                order.append(advisory.id)
            }
        }
    }

    func build(origin: AdvisoryDatabase.Origin, date: String? = nil) -> AdvisoryDatabase {
        var counts = self.counts
        let all = order.compactMap { byId[$0] }
        var aliasOwners: [String: [String]] = [:]
        for advisory in all {
            for alias in advisory.aliases where alias != advisory.id { aliasOwners[alias, default: []].append(advisory.id) }
        }
        let kept = all.filter { advisory in
            // Dropped when a GHSA advisory lists this id as its alias; two GHSAs naming
            // each other both stay (no way to tell which one is the repeat).
            let owners = aliasOwners[advisory.id] ?? []
            let repeated = owners.contains { $0.hasPrefix("GHSA-") } && !advisory.id.hasPrefix("GHSA-")
            if repeated { counts.duplicates += 1 }
            return !repeated
        }
        let sorted = kept.sorted { a, b in
            if (a.published ?? "") != (b.published ?? "") { return (a.published ?? "") > (b.published ?? "") }
            return a.id < b.id
        }
        return AdvisoryDatabase(advisories: sorted, date: date ?? newestModified, origin: origin, counts: counts)
    }
}
