/// The release stamp OpenClaw writes into its databases: `schema_meta.app_version`, the
/// build that last wrote the schema metadata (upstream's `docs/reference/database-schemas.md`). Beside `meta.lastTouchedVersion` of the config, it says which release
/// runs on this state dir. It is read where the databases are read: by the deep step
/// (the plain audit only `lstat`s them), which adds it as a release source.
public enum OpenClawReleaseStamp {
    /// Versions newest first; text that is no OpenClaw version goes last, as written.
    static func newestFirst(_ values: [String]) -> [String] {
        newestFirst(values.map { (version: $0, path: "") }).map(\.version)
    }

    /// Stamps newest first (the first database of equal ones); text that is no OpenClaw
    /// version goes last, as written.
    static func newestFirst(_ stamps: [(version: String, path: String)]) -> [(version: String, path: String)] {
        let parsed = stamps.map { ($0, OpenClawVersion($0.version)) }
        let versions = parsed.enumerated().compactMap { index, entry in entry.1.map { (index, entry.0, $0) } }
            .sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }.map(\.1)
        let others = parsed.filter { $0.1 == nil }.map(\.0)
        var seen = Set<String>()
        return (versions + others).filter { seen.insert($0.version).inserted }
    }

    /// The release claim of the newest stamp, naming its database.
    static func claim(_ stamps: [(version: String, path: String)]) -> ReleaseClaim? {
        guard let newest = stamps.first, OpenClawVersion(newest.version) != nil else { return nil }
        return ReleaseClaim(source: .stateDatabase, text: newest.version, origin: "(\(newest.path))")
    }

    /// The newest `app_version` among the databases scanned.
    public static func newest(in results: [DatabaseScanResult]) -> OpenClawVersion? {
        results.flatMap(\.appVersions).compactMap(OpenClawVersion.init).max()
    }
}
