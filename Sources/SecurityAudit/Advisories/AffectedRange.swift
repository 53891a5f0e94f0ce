/// One interval of affected versions of an OSV `SEMVER` range, read in OpenClaw's
/// version order: from `introduced` up to `fixed` (excluded) or `last_affected`
/// (included), or without an end.
public struct AffectedRange: Sendable, Hashable {
    /// Where the interval starts.
    public enum Start: Sendable, Hashable {
        /// OSV `introduced: "0"`: every version.
        case everything
        /// `introduced: "2026.2.6-0"`: semver's idiom for "from the first build of
        /// 2026.2.6". OpenClaw sorts `-N` as a correction above the stable release, so
        /// read literally it would leave out 2026.2.6 and its prereleases; it means
        /// every version whose base is 2026.2.6 or later.
        case base(OpenClawVersion)
        case version(OpenClawVersion)
    }

    /// Where the interval ends.
    public enum End: Sendable, Hashable {
        /// `fixed`: the first release with the fix, not affected.
        case fixed(OpenClawVersion)
        /// `last_affected`: the last affected release; no fixed release is recorded.
        case lastAffected(OpenClawVersion)
        /// `limit`: nothing at or above it is affected, but it names no fix.
        case limit(OpenClawVersion)
        /// Still open: every later version is affected.
        case none
    }

    public var start: Start
    public var end: End

    public init(start: Start, end: End) {
        self.start = start
        self.end = end
    }

    public func contains(_ version: OpenClawVersion) -> Bool {
        switch start {
        case .everything: break
        case .base(let base): if version.base < base { return false }
        case .version(let first): if version < first { return false }
        }
        switch end {
        case .fixed(let fix), .limit(let fix): return version < fix
        case .lastAffected(let last): return version <= last
        case .none: return true
        }
    }

    /// The release that fixes this interval, when the data names one.
    public var fixed: OpenClawVersion? {
        if case .fixed(let version) = end { return version }
        return nil
    }

    /// The interval as people read it: `>= 2026.2.6-0 < 2026.2.19`, `< 2026.1.29`, `<= 2026.1.24-3`.
    public var description: String {
        var parts: [String] = []
        switch start {
        case .everything: break
        case .base(let base): parts.append(">= \(base)-0")
        case .version(let first): parts.append(">= \(first)")
        }
        switch end {
        case .fixed(let fix), .limit(let fix): parts.append("< \(fix)")
        case .lastAffected(let last): parts.append("<= \(last)")
        case .none: if parts.isEmpty { parts.append("all versions") }
        }
        return parts.joined(separator: " ")
    }
}
