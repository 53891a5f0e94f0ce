/// Output formats of the audit report.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text
    case json
}

/// Turns a report into the bytes printed on stdout, one formatter per format.
public protocol Reporter {
    func render(_ report: AuditReport) -> String
}

extension ReportFormat {
    public func reporter(colors: Bool, profile: String?) -> any Reporter {
        switch self {
        case .text: return TextReporter(colors: colors, profile: profile)
        case .json: return JSONReporter()
        }
    }
}
