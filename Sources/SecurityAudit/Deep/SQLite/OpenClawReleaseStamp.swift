/// The release stamp OpenClaw writes into its databases: `schema_meta.app_version`, the
/// build that last wrote the schema metadata (`src/state/openclaw-schema-versions.ts`
/// upstream). Beside `meta.lastTouchedVersion` of the config, it says which release
/// runs on this state dir.
public enum OpenClawReleaseStamp {
    /// Versions newest first; text that is no OpenClaw version goes last, as written.
    static func newestFirst(_ values: [String]) -> [String] {
        let parsed = values.map { ($0, OpenClawVersion($0)) }
        let versions = parsed.compactMap { entry in entry.1.map { (entry.0, $0) } }
            .sorted { $0.1 > $1.1 }.map(\.0)
        let others = parsed.filter { $0.1 == nil }.map(\.0)
        var seen = Set<String>()
        return (versions + others).filter { seen.insert($0).inserted }
    }

    /// The newest `app_version` among the databases scanned.
    public static func newest(in results: [DatabaseScanResult]) -> OpenClawVersion? {
        results.flatMap(\.appVersions).compactMap(OpenClawVersion.init).max()
    }
}
