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

    /// Compares with the baseline, renders, writes the report and the new baseline, and
    /// returns the exit status the gates ask for. Errors are printed on stderr and
    /// become exit status 1.
    ///
    /// Nothing is written over the audited config, its includes or into the state dir:
    /// `refuseProtectedDestinations` is called first with the files the audit read.
    func deliver(
        _ report: AuditReport, format: ReportFormat, colors: Bool, profile: String?, workingDirectory: String, width: Int? = nil
    ) throws -> AuditExitStatus {
        var report = report
        let recorded = writeBaseline.map { _ in Baseline(recording: report) }
        if let baseline {
            do {
                try Baseline(contentsOf: baseline).apply(to: &report, file: baseline)
            } catch {
                StandardStreams.error("openclaw-security audit: \(error.description)")
                throw ExitCode(AuditExitStatus.error.rawValue)
            }
        }
        let reporter = format.reporter(
            colors: colors && (output == nil || output == "-"), profile: profile,
            failOn: failOn, workingDirectory: workingDirectory, width: output == nil || output == "-" ? width : nil)
        let text = reporter.render(report)
        if let output, output != "-" {
            try write(text, to: output, what: "report")
        } else {
            StandardStreams.output(text)
        }
        if let writeBaseline, let recorded {
            try write(recorded.rendered(), to: writeBaseline, what: "baseline")
        }
        return ExitPolicy(failOn: failOn, failOnIncomplete: failOnIncomplete).status(for: report)
    }

    /// Exits with status 1 when `--output` or `--write-baseline` names the audited config,
    /// one of its includes, or a path inside the state dir.
    func refuseProtectedDestinations(cwd: String, stateDir: String, configPath: String, includeFiles: [String]) throws {
        for (what, path) in [("report", output), ("baseline", writeBaseline)] {
            guard let path, path != "-",
                  let reason = ReportDestination.refusal(
                    for: path, cwd: cwd, stateDir: stateDir, configPath: configPath, includeFiles: includeFiles)
            else { continue }
            StandardStreams.error("openclaw-security audit: refusing to write the \(what) to \(path): \(reason)")
            throw ExitCode(AuditExitStatus.error.rawValue)
        }
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
