/// One thing the audit found. `checkId`, `severity`, `title`, `detail` and `remediation`
/// are the original's fields; `location` is ours (where in which config file the value
/// that caused it is written) and feeds SARIF and the text output.
public struct Finding: Sendable, Hashable {
    public var checkId: String
    public var severity: Severity
    public var title: String
    public var detail: String
    public var remediation: String?
    public var location: ConfigOrigin?
    /// Ours: `--fix` would change what this finding reports (a chmod, or a config value
    /// its plan edits); set by the auditor after the checks ran.
    public var fixable = false
    /// Ours: every path this finding reports is a symbolic link, which `--fix` never
    /// follows (upstream's `src/security/fix.ts` skips links as well), so `--fix` cannot
    /// change it even though its check is fixable. Set by the check.
    public var reportsOnlySymlinks = false
    /// A shorter detail for the text report, when the full one is a long list (ours;
    /// JSON, SARIF and the fingerprints always use `detail`).
    public var abbreviatedDetail: String?

    public init(
        checkId: String, severity: Severity, title: String, detail: String,
        remediation: String? = nil, location: ConfigOrigin? = nil
    ) {
        self.checkId = checkId
        self.severity = severity
        self.title = title
        self.detail = detail
        self.remediation = remediation
        self.location = location
    }

    /// The same finding, marked as reporting only symbolic links when `onlySymlinks`.
    func reportingSymlinks(_ onlySymlinks: Bool) -> Finding {
        var copy = self
        copy.reportsOnlySymlinks = onlySymlinks
        return copy
    }
}
