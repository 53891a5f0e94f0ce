/// Output formats of the audit report.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text
    case json
    case sarif
    case junit
    case prometheus
    case markdown
}

/// Turns a report into the bytes printed on stdout, one formatter per format.
public protocol Reporter {
    func render(_ report: AuditReport) -> String
}

extension ReportFormat {
    /// - Parameters:
    ///   - failOn: the `--fail-on` severity; JUnit fails a check's test case from it.
    ///   - workingDirectory: SARIF writes paths under it relative to `%SRCROOT%`; Markdown
    ///     shows them relative to it.
    ///   - width: the terminal's width; the text report wraps to it.
    ///   - fix: what `--fix` did: the text report ends with its block, the JSON is
    ///     `{fix, report}`; the other formats carry the report alone.
    public func reporter(
        colors: Bool, profile: String?, failOn: Severity? = nil, workingDirectory: String? = nil, width: Int? = nil,
        fix: FixTextBlock? = nil
    ) -> any Reporter {
        switch self {
        case .text: return TextReporter(colors: colors, profile: profile, fixBlock: fix, width: width)
        case .json: return fix.map { FixJSONReporter(fix: $0.result) } ?? JSONReporter()
        case .sarif: return SARIFReporter(workingDirectory: workingDirectory)
        case .junit: return JUnitReporter(failOn: failOn)
        case .prometheus: return PrometheusReporter()
        case .markdown: return MarkdownReporter(workingDirectory: workingDirectory)
        }
    }
}
