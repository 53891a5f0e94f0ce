/// A security advisory about OpenClaw (or its earlier package names), as this tool keeps
/// it: what the OSV record says about the lineage's packages, nothing else.
public struct Advisory: Sendable, Hashable {
    /// `GHSA-…` (or a `CVE-…` when the record has no GHSA).
    public var id: String
    /// Other ids of the same advisory, CVE first.
    public var aliases: [String]
    /// One line.
    public var summary: String
    public var severity: AdvisorySeverity
    /// The CVSS vector the record carries, if any.
    public var cvssVector: String?
    /// `YYYY-MM-DD`, when known.
    public var published: String?
    /// `YYYY-MM-DD`, when known: which of two records of one id is newer.
    public var modified: String?
    public var affected: [AffectedPackage]

    public init(
        id: String, aliases: [String] = [], summary: String, severity: AdvisorySeverity, cvssVector: String? = nil,
        published: String? = nil, modified: String? = nil, affected: [AffectedPackage]
    ) {
        self.id = id
        self.aliases = aliases
        self.summary = summary
        self.severity = severity
        self.cvssVector = cvssVector
        self.published = published
        self.modified = modified
        self.affected = affected
    }

    /// The first CVE id among the aliases.
    public var cve: String? { aliases.first { $0.hasPrefix("CVE-") } }
}
