/// One OSV `affected` entry of an OpenClaw-lineage package: its name and the versions
/// it lists, as intervals and as exact versions.
public struct AffectedPackage: Sendable, Hashable {
    /// `openclaw`, `clawdbot` or `moltbot` (`ReleaseLineage.packageNames`).
    public var name: String
    public var ranges: [AffectedRange]
    /// OSV `versions`: exact affected versions (the data's word for one build, such as
    /// an extended-stable release a back-port did not reach).
    public var versions: [OpenClawVersion]

    public init(name: String, ranges: [AffectedRange], versions: [OpenClawVersion] = []) {
        self.name = name
        self.ranges = ranges
        self.versions = versions
    }

    /// Whether `version` is listed by name (`versions`, or an interval that starts and
    /// ends at exactly that build).
    public func listsExactly(_ version: OpenClawVersion) -> Bool {
        if versions.contains(version) { return true }
        return ranges.contains { range in
            if case .version(let first) = range.start, case .lastAffected(let last) = range.end {
                return first == version && last == version
            }
            return false
        }
    }
}
