#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The advisory data an audit matches the release against, and the day the audit runs
/// (read once before the checks, so the check stays a pure function of its context).
public struct AdvisoryFacts: Sendable {
    /// Data older than this many days is reported as stale.
    public static let staleAfterDays: Int64 = 90

    /// `--advisories` data; nil means the bundled snapshot.
    private var loaded: AdvisoryDatabase?
    /// Days since 1970-01-01 (UTC) when the audit ran; nil when not known (a context
    /// built without `AuditPreparation`), and then no age is reported.
    public var today: Int64?

    /// The bundled snapshot is decoded on first use, not when the context is built: most
    /// audits of a config without a release stamp never match a release, and decoding it
    /// cost every audit about a millisecond.
    public var database: AdvisoryDatabase {
        get { loaded ?? .bundled }
        set { loaded = newValue }
    }

    public init(database: AdvisoryDatabase? = nil, today: Int64? = nil) {
        self.loaded = database
        self.today = today
    }

    /// Days since the data's date.
    public var age: Int64? { database.age(today: today) }

    public var isStale: Bool { (age ?? 0) > Self.staleAfterDays }

    /// Today from the system clock.
    public static func currentDay() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) / 86_400
    }
}
