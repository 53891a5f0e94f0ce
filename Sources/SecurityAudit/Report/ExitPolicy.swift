/// The process exit statuses of `openclaw-security audit`, in one place so the CLI, its
/// help, the README and the tests agree.
public enum AuditExitStatus: Int32, Sendable, CaseIterable {
    /// The audit ran (whatever it found, unless a `--fail-on` gate says otherwise).
    case success = 0
    /// An error stopped the audit: a config, baseline or output file that cannot be
    /// read, parsed or written.
    case error = 1
    /// `--fail-on SEVERITY`: an active finding is at or above it.
    case findingsAtOrAbove = 3
    /// `--fail-on-incomplete`: a collector failed or timed out.
    case incomplete = 4
    /// Bad usage (swift-argument-parser's `ValidationError`).
    case usage = 64

    /// The table for `--help` and the README.
    public static let table = """
        0   the audit ran; findings do not matter unless --fail-on says so
        1   an error stopped it: unreadable or invalid config, baseline, output
        3   --fail-on SEVERITY: an active finding is at or above SEVERITY
        4   --fail-on-incomplete: a collector failed or timed out
        64  bad usage: unknown flag, bad value, conflicting flags
        """
}

/// When a finished audit should fail a pipeline. Only active findings count: suppressed
/// ones and those a baseline knows are accepted.
public struct ExitPolicy: Sendable, Equatable {
    public var failOn: Severity?
    public var failOnIncomplete: Bool

    public init(failOn: Severity? = nil, failOnIncomplete: Bool = false) {
        self.failOn = failOn
        self.failOnIncomplete = failOnIncomplete
    }

    /// A failing finding wins over an incomplete audit: the finding is certain, the gap
    /// only might hide more.
    public func status(for report: AuditReport) -> AuditExitStatus {
        if let failOn, report.findings.contains(where: { $0.severity >= failOn }) {
            return .findingsAtOrAbove
        }
        if failOnIncomplete, !report.incomplete.isEmpty {
            return .incomplete
        }
        return .success
    }
}
