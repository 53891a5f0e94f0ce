/// Interim until the release resolution of the release-aware checks lands: the release
/// an audit is about, read from the config's `meta.lastTouchedVersion` (upstream
/// `src/config/io.meta.ts` stamps it on every config write). Same names as that work
/// uses, so it replaces this file without touching the callers.
public struct OpenClawRelease: Sendable, Equatable {
    public var version: OpenClawVersion?
    public var source: String?

    public init(version: OpenClawVersion?, source: String?) {
        self.version = version
        self.source = source
    }
}

extension AuditContext {
    public var openclaw: OpenClawRelease {
        guard let stamp = config["meta"]["lastTouchedVersion"].string, let version = OpenClawVersion(stamp) else {
            return OpenClawRelease(version: nil, source: nil)
        }
        return OpenClawRelease(version: version, source: "config meta.lastTouchedVersion")
    }
}
