/// OpenClaw was published on npm as `clawdbot`, briefly as `moltbot`, then as `openclaw`,
/// with one continuing version sequence: advisories filed against any of the three names
/// are about the same code. Fixes exist only under `openclaw` (a February advisory lists
/// `clawdbot <= 2026.1.24-3` with no fixed release), so a release of the earlier names is
/// told to move to `openclaw`, not to upgrade in place.
public enum ReleaseLineage {
    /// The npm package names of the lineage, current name first. Other packages
    /// (`@openclaw/*` plugins, a `nuget/openclaw` mis-mapping) are not the release audited.
    public static let packageNames = ["openclaw", "clawdbot", "moltbot"]
    public static let currentName = "openclaw"

    /// The first release published as `openclaw`; anything older was installed under an
    /// earlier name.
    public static let firstOpenClawRelease = OpenClawVersion(major: 2026, minor: 1, patch: 29)

    /// Whether an OSV package (`ecosystem`, `name`) is one of the lineage's.
    public static func contains(ecosystem: String?, name: String?) -> Bool {
        guard let name, ecosystem == "npm" else { return false }
        return packageNames.contains(name)
    }

    /// Whether `version` predates the `openclaw` name.
    public static func predatesOpenClaw(_ version: OpenClawVersion) -> Bool {
        version < firstOpenClawRelease
    }
}
