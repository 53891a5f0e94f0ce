/// What an `AuditSession` hands back: the report (suppressions and the baseline
/// applied), what `--fix` did, and the baseline `--write-baseline` records.
public struct AuditOutcome: Sendable {
    public var report: AuditReport
    public var fix: SecurityFixResult?
    /// The active findings before `--baseline` dropped the known ones.
    public var recordedBaseline: Baseline?
    /// The audited home, which the text report's fix block shortens to `~`.
    public var homeDir: String

    public init(report: AuditReport, fix: SecurityFixResult?, recordedBaseline: Baseline?, homeDir: String) {
        self.report = report
        self.fix = fix
        self.recordedBaseline = recordedBaseline
        self.homeDir = homeDir
    }

    /// A fix that failed wins over the gates: the report is printed, but the state is not
    /// what the user asked for.
    public func exitStatus(_ policy: ExitPolicy) -> AuditExitStatus {
        if let fix, !fix.ok || fix.actions.contains(where: { $0.error != nil }) { return .error }
        return policy.status(for: report)
    }
}
