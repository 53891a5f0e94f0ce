/// Whose check an id is: one of upstream OpenClaw's (`openclaw security audit`), or one
/// this tool adds.
public enum CheckOrigin: String, Sendable {
    case upstream
    case `extension`
}

/// Where a check comes from and which OpenClaw releases emit it. Upstream checks carry
/// their release range (`since` nil: already in the February 2026 catalog, 2026.2.26,
/// and the releases before it); extensions run on every release.
public struct CheckProvenance: Sendable, Equatable {
    public var origin: CheckOrigin
    public var releases: ReleaseRange
    /// How the boundaries were established and how sure they are, for `explain`.
    public var evidence: String?

    public init(origin: CheckOrigin, releases: ReleaseRange, evidence: String? = nil) {
        self.origin = origin
        self.releases = releases
        self.evidence = evidence
    }

    /// The oldest release modelled: the February 2026 catalog.
    public static let oldestModelled = "2026.2.26"

    /// In the February catalog and still emitted.
    static let baseline = CheckProvenance(origin: .upstream, releases: .always)

    static func upstream(since: String?, until: String? = nil, _ evidence: String? = nil) -> CheckProvenance {
        CheckProvenance(origin: .upstream, releases: ReleaseRange(since, until: until), evidence: evidence)
    }

    static func ours(_ evidence: String? = nil) -> CheckProvenance {
        CheckProvenance(origin: .extension, releases: .always, evidence: evidence)
    }

    /// "2026.2.26 or earlier – open", for tables.
    public var releaseColumn: String {
        guard origin == .upstream else { return "ours" }
        let since = releases.since?.description ?? "≤\(Self.oldestModelled)"
        let until = releases.until.map { "<\($0)" } ?? "open"
        return "\(since)…\(until)"
    }

    /// A sentence for `explain`.
    public var releaseSentence: String {
        guard origin == .upstream else {
            return "Ours (not in upstream OpenClaw's catalog): runs on every release."
        }
        let since = releases.since.map { "since OpenClaw \($0)" }
            ?? "since OpenClaw \(Self.oldestModelled) or earlier (the February 2026 catalog)"
        let until = releases.until.map { "; retired in \($0) (not emitted from that release on)" } ?? "; still emitted"
        return "Upstream OpenClaw check, \(since)\(until)."
    }
}
