/// Where the audit learnt which OpenClaw release it audits. The cases are in the order
/// the sources are believed: what the user said, what the running gateway says, what is
/// installed, what the state and the config were last written by.
public enum ReleaseSource: Int, Sendable, Comparable, CaseIterable {
    /// `--openclaw-version`.
    case flag
    /// `server.version` of the gateway's `hello-ok` (the `--deep` probe).
    case gateway
    /// The `package.json` of the `openclaw` executable on PATH (default state dir only).
    case installedPackage
    /// The newest `schema_meta.app_version` of the state's SQLite databases.
    case stateDatabase
    /// `meta.lastTouchedVersion` of the config (upstream stamps it on every write).
    case config

    /// How the report names the source.
    public var label: String {
        switch self {
        case .flag: return "--openclaw-version"
        case .gateway: return "gateway hello-ok server.version"
        case .installedPackage: return "installed package"
        case .stateDatabase: return "state SQLite schema_meta.app_version"
        case .config: return "config meta.lastTouchedVersion"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One source's statement of the release, as written there (it may not parse).
public struct ReleaseClaim: Sendable, Equatable {
    public var source: ReleaseSource
    public var text: String
    /// What the label leaves open, e.g. the package file (`openclaw ...package.json`).
    public var origin: String?

    public init(source: ReleaseSource, text: String, origin: String? = nil) {
        self.source = source
        self.text = text
        self.origin = origin
    }
}

/// The OpenClaw release an audit is about: a version and the source that gave it, or
/// unknown. Checks ask `includes` / `isAtLeast`; an unknown release means the newest
/// behaviour, so nothing is left out for lack of knowledge.
public struct OpenClawRelease: Sendable, Equatable {
    public var version: OpenClawVersion?
    /// The source's label (with its origin, when it has one); nil when unknown.
    public var source: String?

    public static let unknown = OpenClawRelease(version: nil, source: nil)

    public init(version: OpenClawVersion?, source: String?) {
        self.version = version
        self.source = source
    }

    public var isKnown: Bool { version != nil }

    /// Whether the audited release has what `version` introduced; true when unknown.
    public func isAtLeast(_ version: OpenClawVersion) -> Bool {
        guard let own = self.version else { return true }
        return own >= version
    }

    /// Whether a check of this range runs: always when the release is unknown.
    public func includes(_ range: ReleaseRange) -> Bool {
        guard let version else { return true }
        return range.contains(version)
    }
}

/// What every source said, gathered before the checks (the gateway's answer is added by
/// the deep step). The release is the first claim, by source order, that parses.
public struct ReleaseEvidence: Sendable, Equatable {
    public private(set) var claims: [ReleaseClaim] = []

    public init(_ claims: [ReleaseClaim] = []) {
        for claim in claims { add(claim) }
    }

    /// Adds a claim; a blank text says nothing and is dropped.
    public mutating func add(_ claim: ReleaseClaim) {
        guard !claim.text.trimmingWhitespace.isEmpty else { return }
        claims.append(claim)
    }

    public var resolved: OpenClawRelease {
        for claim in claims.sorted(by: { $0.source < $1.source }) {
            guard let version = OpenClawVersion(claim.text) else { continue }
            let source = claim.origin.map { "\(claim.source.label) \($0)" } ?? claim.source.label
            return OpenClawRelease(version: version, source: source)
        }
        return .unknown
    }
}
