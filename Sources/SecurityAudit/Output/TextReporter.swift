/// The original's text layout (interfaces.md §1.4): heading, summary, the "Run deeper"
/// hint, then CRITICAL / WARN / INFO sections in emission order. Colours are the
/// original's palette, used only when the caller says the terminal wants them.
public struct TextReporter: Reporter {
    public var colors: Bool
    public var profile: String?
    /// `--fix`: its outcome, printed after the "Run deeper" hint.
    public var fixBlock: FixTextBlock?

    public init(colors: Bool, profile: String?, fixBlock: FixTextBlock? = nil) {
        self.colors = colors
        self.profile = profile
        self.fixBlock = fixBlock
    }

    public func render(_ report: AuditReport) -> String {
        let palette = TerminalPalette(enabled: colors)
        let summary = report.summary
        var lines: [String] = [
            palette.heading("OpenClaw security audit"),
            palette.muted("Summary: ") + palette.critical("\(summary.critical) critical") + palette.muted(" · ")
                + palette.warn("\(summary.warn) warn") + palette.muted(" · ") + palette.muted("\(summary.info) info"),
        ]
        lines += Self.reviewLines(report).map(palette.muted)
        lines.append(palette.muted(Self.releaseLine(report.openclaw)))
        lines += [
            palette.muted("Run deeper: \(CLICommandFormatter.ownAudit("--deep", profile: profile))"),
        ]
        lines += fixBlock?.lines(palette: palette, profile: profile) ?? []
        for severity in [Severity.critical, .warn, .info] {
            let section = report.findings.filter { $0.severity == severity }
            guard !section.isEmpty else { continue }
            lines.append("")
            lines.append(palette.label(severity))
            for finding in section {
                lines.append("\(palette.muted(TerminalText.sanitized(finding.checkId))) \(TerminalText.sanitized(finding.title))")
                lines.append("  \(TerminalText.sanitized(finding.detail, keepNewlines: true))")
                if let remediation = finding.remediation, !remediation.trimmingWhitespace.isEmpty {
                    lines.append("  " + palette.muted("Fix: \(TerminalText.sanitized(remediation, keepNewlines: true))"))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Which OpenClaw the findings are for, and who said so.
    static func releaseLine(_ release: OpenClawRelease) -> String {
        guard let version = release.version else {
            return "OpenClaw release: unknown (checked as the newest; set --openclaw-version)"
        }
        return "OpenClaw release: \(version) (\(TerminalText.sanitized(release.source ?? "")))"
    }

    /// What is left out of the sections below and why: suppressions (the original's
    /// later line), then our baseline and incomplete collectors.
    static func reviewLines(_ report: AuditReport) -> [String] {
        var lines: [String] = []
        if !report.suppressedFindings.isEmpty {
            lines.append("Suppressed: \(report.configuredSuppressions) configured")
        }
        if let baseline = report.baseline {
            lines.append("Baseline: \(baseline.known) known finding(s) not shown, \(baseline.resolved) resolved (\(TerminalText.sanitized(baseline.file)))")
        }
        for gap in report.incomplete {
            lines.append("Incomplete: \(TerminalText.sanitized(gap.collector)): \(TerminalText.sanitized(gap.reason))")
        }
        return lines
    }
}

/// Text from configs and file names may hold escape sequences; they must not reach the
/// terminal raw. Control characters become visible `\u{..}` escapes.
enum TerminalText {
    static func sanitized(_ text: String, keepNewlines: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if keepNewlines, scalar == "\n" {
                out.append(scalar)
            } else if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}

/// The "lobster" palette in 24-bit colour.
struct TerminalPalette {
    var enabled: Bool

    private func paint(_ text: String, _ codes: String) -> String {
        enabled ? "\u{1B}[\(codes)m\(text)\u{1B}[0m" : text
    }

    private static let accent = "38;2;255;90;45"
    private static let criticalColor = "38;2;226;61;45"
    private static let warnColor = "38;2;255;176;32"
    private static let mutedColor = "38;2;139;127;119"

    func heading(_ text: String) -> String { paint(text, "1;" + Self.accent) }
    func muted(_ text: String) -> String { paint(text, Self.mutedColor) }
    func critical(_ text: String) -> String { paint(text, Self.criticalColor) }
    func warn(_ text: String) -> String { paint(text, Self.warnColor) }

    func label(_ severity: Severity) -> String {
        switch severity {
        case .critical: return paint("CRITICAL", "1;" + Self.criticalColor)
        case .warn: return paint("WARN", "1;" + Self.warnColor)
        case .info: return paint("INFO", "1;" + Self.mutedColor)
        }
    }
}
