import ArgumentParser
import SecurityAudit

extension ReportFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

/// How `security audit` delivers its report and what exit status it ends with: the
/// format, where it goes, the CI gates, suppressions' companions (baselines).
struct ReportingOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Report format (json is --json; sarif is SARIF 2.1.0; prometheus is node_exporter's textfile format; markdown is for pull-request comments and job summaries).",
        valueName: "format"))
    var format: ReportFormat?

    @Option(help: ArgumentHelp(
        "Write the report to this file instead of stdout (replaced atomically; '-' is stdout).",
        valueName: "file"))
    var output: String?

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(
        "Exit 3 when an active finding is at or above this severity.",
        valueName: "severity"))
    var failOn: Severity?

    @Flag(name: .customLong("fail-on-incomplete"), help: "Exit 4 when a collector (gateway probe, code scan) failed or timed out.")
    var failOnIncomplete = false

    @Option(help: ArgumentHelp(
        "Report only findings that this baseline file (from --write-baseline) does not list.",
        valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp(
        "Record the current active findings (check id + subject fingerprint) in this file.",
        valueName: "file"))
    var writeBaseline: String?

    func resolvedFormat(json: Bool) throws -> ReportFormat {
        if json, let format, format != .json {
            throw ValidationError("--json is the same as --format json; it cannot be combined with --format \(format.rawValue)")
        }
        return json ? .json : (format ?? .text)
    }

    func validate() throws {
        if let writeBaseline, writeBaseline == output, writeBaseline != "-" {
            throw ValidationError("--write-baseline and --output name the same file")
        }
        for (flag, value) in [("--output", output), ("--baseline", baseline), ("--write-baseline", writeBaseline)] where value?.isEmpty == true {
            throw ValidationError("\(flag) needs a file name")
        }
        if writeBaseline == "-" {
            throw ValidationError("--write-baseline needs a file name, not '-'")
        }
    }

    /// The files this run writes and the baseline it compares with, for the session to
    /// check and apply.
    func configure(_ session: inout AuditSession) {
        session.baseline = baseline
        session.recordsBaseline = writeBaseline != nil
        session.outputFiles = [("report", output), ("baseline", writeBaseline)].compactMap { what, path in
            path.flatMap { $0 == "-" ? nil : AuditSession.OutputFile(what: what, path: $0) }
        }
    }

    /// Renders the outcome, writes the report and the new baseline, and returns the exit
    /// status the gates ask for. A file that cannot be written is printed on stderr and
    /// becomes exit status 1.
    func deliver(_ outcome: AuditOutcome, _ delivery: ReportDelivery) throws -> AuditExitStatus {
        let toStdout = output == nil || output == "-"
        let reporter = delivery.format.reporter(
            colors: delivery.colors && toStdout, profile: delivery.profile, failOn: failOn,
            workingDirectory: delivery.workingDirectory, width: toStdout ? delivery.width : nil,
            fix: outcome.fix.map { FixTextBlock(result: $0, homeDir: outcome.homeDir, environment: delivery.environment) })
        let text = reporter.render(outcome.report)
        if let output, !toStdout {
            try write(text, to: output, what: "report")
        } else {
            StandardStreams.output(text)
        }
        if let writeBaseline, let recorded = outcome.recordedBaseline {
            try write(recorded.rendered(), to: writeBaseline, what: "baseline")
        }
        return outcome.exitStatus(ExitPolicy(failOn: failOn, failOnIncomplete: failOnIncomplete))
    }

    private func write(_ text: String, to path: String, what: String) throws {
        do {
            try OutputFile.replace(path, with: text)
        } catch {
            StandardStreams.error("openclaw-security audit: cannot write \(what) to \(path): \(error.message)")
            throw ExitCode(AuditExitStatus.error.rawValue)
        }
    }
}

/// How the report is shown: the format and what the terminal and the environment say.
struct ReportDelivery {
    var format: ReportFormat
    var colors: Bool
    var profile: String?
    var workingDirectory: String
    var width: Int?
    /// For the fix block's `~` / `$OPENCLAW_HOME`.
    var environment: [String: String]
}
