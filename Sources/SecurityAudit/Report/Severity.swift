/// The original's three severities, in increasing order of urgency.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case info
    case warn
    case critical

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warn: return 1
        case .critical: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
