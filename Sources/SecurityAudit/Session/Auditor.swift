/// Runs the checks over a prepared context. Pure: the same context gives the same
/// findings; only the timestamp comes from outside.
public enum Auditor {
    public static func run(
        _ context: AuditContext, checks: [any Check] = CheckCatalog.checks, timestamp: Int64
    ) -> AuditReport {
        // Checks the audited release does not have leave no finding (ids with a release
        // range in `CheckReleaseTable`).
        let gate = ReleaseGate(release: context.openclaw)
        // Secrets in finding text (a token in a file name) are redacted once, here, for
        // every output format.
        var findings = checks.flatMap { $0.findings(in: context) }.compactMap(gate.admit).map(SecretTextRedaction.redact)
        FixableFindings.mark(
            &findings, config: context.configFile.writtenRoot ?? context.config, release: context.openclaw, infos: checks.flatMap(\.infos))
        var report = AuditReport(
            timestamp: timestamp, findings: findings, deepRequested: context.deep,
            deepGateway: context.deepFacts?.gateway.result)
        report.paths = context.paths
        report.scope = AuditScope(context: context)
        report.openclaw = context.openclaw
        report.untrustedText = UntrustedTextCollector.collect(from: context)
        if context.deep, let facts = context.deepFacts { report.incomplete += facts.incompleteCollectors }
        if context.deep, let reason = context.secrets.transcriptScanIncomplete {
            report.incomplete.append(IncompleteCollector(collector: "transcript-secret-scan", reason: reason))
        }
        if context.deep, !context.secrets.databaseScanIncomplete.isEmpty {
            let reason = context.secrets.databaseScanIncomplete
                .map { "\($0.path): \($0.reason)" }.joined(separator: "; ")
            report.incomplete.append(IncompleteCollector(collector: "database-secret-scan", reason: reason))
        }
        // Last, after every finding is in (deep collectors' included), as the original.
        Suppressions.apply(context.config, to: &report)
        // The suppression review's own ids, which only exist from here on.
        report.findings.removeAll { finding in
            Suppressions.infos.contains { $0.id == finding.checkId } && !gate.runs(finding.checkId)
        }
        return report
    }
}
