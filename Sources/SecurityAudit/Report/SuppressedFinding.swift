/// A finding that a `security.audit.suppressions` entry took out of the active findings:
/// it stays visible under `suppressedFindings`, with the reason the team gave.
public struct SuppressedFinding: Sendable, Hashable {
    public var finding: Finding
    /// The matching entry's reason, trimmed; nil when it gave none.
    public var reason: String?
    /// Where the matching entry is written.
    public var suppressionLocation: ConfigOrigin?

    public init(finding: Finding, reason: String?, suppressionLocation: ConfigOrigin? = nil) {
        self.finding = finding
        self.reason = reason
        self.suppressionLocation = suppressionLocation
    }
}

/// A collector that failed or ran out of time (the gateway probe, a code scan), so the
/// report may miss findings it would otherwise hold. Collectors append these;
/// `--fail-on-incomplete` turns them into exit status 4.
public struct IncompleteCollector: Sendable, Hashable {
    /// A short stable name (`gateway-probe`, `plugin-code-scan`).
    public var collector: String
    /// What went wrong, for people (`timed out after 5000 ms`).
    public var reason: String

    public init(collector: String, reason: String) {
        self.collector = collector
        self.reason = reason
    }
}
