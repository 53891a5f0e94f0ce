/// The releases of OpenClaw that emit a check: from `since` (the first release that
/// emits it; nil when it predates every release we model) up to, not including, `until`
/// (the first release that no longer does; nil while it is still emitted).
public struct ReleaseRange: Sendable, Equatable {
    public var since: OpenClawVersion?
    public var until: OpenClawVersion?

    public static let always = ReleaseRange(since: OpenClawVersion?.none, until: nil)

    public init(since: OpenClawVersion?, until: OpenClawVersion?) {
        self.since = since
        self.until = until
    }

    /// From literal version texts of the catalog (`ReleaseRange("2026.5.16", until: nil)`);
    /// a text that does not parse is a programming error.
    public init(_ since: String?, until: String?) {
        self.since = since.map(Self.literal)
        self.until = until.map(Self.literal)
    }

    static func literal(_ text: String) -> OpenClawVersion {
        guard let version = OpenClawVersion(text) else { preconditionFailure("not a release: \(text)") }
        return version
    }

    public func contains(_ version: OpenClawVersion) -> Bool {
        if let since, version < since { return false }
        if let until, version >= until { return false }
        return true
    }

    public var isRetired: Bool { until != nil }

    /// "OpenClaw 2026.3.1 to before 2026.7.28", for texts and `explain`.
    public var description: String {
        switch (since, until) {
        case (nil, nil): return "every OpenClaw release"
        case (let since?, nil): return "OpenClaw \(since) and later"
        case (nil, let until?): return "OpenClaw before \(until)"
        case (let since?, let until?): return "OpenClaw \(since) to before \(until)"
        }
    }
}
