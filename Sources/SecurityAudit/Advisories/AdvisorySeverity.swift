/// GitHub's severity of an advisory (OSV `database_specific.severity` of the GitHub
/// Advisory Database's records): the level shown, whatever a CVE record says.
///
/// Ordered low < unknown < moderate < high < critical: an advisory whose level is not
/// known is listed above the low ones, since it may be anything.
public enum AdvisorySeverity: String, Sendable, Hashable, CaseIterable, Comparable {
    case low
    case unknown
    case moderate
    case high
    case critical

    /// `CRITICAL`, `HIGH`, `MODERATE` (or `MEDIUM`), `LOW`, any case; anything else is unknown.
    public init(label: String?) {
        switch label?.trimmingWhitespace.lowercased() {
        case "critical": self = .critical
        case "high": self = .high
        case "moderate", "medium": self = .moderate
        case "low": self = .low
        default: self = .unknown
        }
    }

    private var rank: Int {
        switch self {
        case .low: return 0
        case .unknown: return 1
        case .moderate: return 2
        case .high: return 3
        case .critical: return 4
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

    /// The audit severity of a release affected by advisories of this level: critical
    /// or high is critical, low is info; moderate is warn, and so is an advisory whose
    /// level is not known (not knowing is no reason to call it harmless).
    public var findingSeverity: Severity {
        switch self {
        case .critical, .high: return .critical
        case .moderate, .unknown: return .warn
        case .low: return .info
        }
    }
}
