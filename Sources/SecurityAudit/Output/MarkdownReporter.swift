/// GitHub-flavoured Markdown, for pull-request comments and `$GITHUB_STEP_SUMMARY`: a
/// summary line, one table row per finding (severity, check id, title, where), then each
/// finding's detail and remediation. Findings keep the report's order within each
/// severity, most severe first.
///
/// Config values and file names reach this text, and a Markdown renderer interprets HTML
/// and emphasis: table cells and prose are escaped, and details sit in fenced blocks whose
/// fence is longer than any backtick run inside them, so no value can close the block or
/// inject markup.
public struct MarkdownReporter: Reporter {
    /// Paths under it are shown relative to it (the checked-out repository in CI).
    public var workingDirectory: String?

    public init(workingDirectory: String? = nil) {
        self.workingDirectory = workingDirectory.map { $0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0 }
    }

    public func render(_ report: AuditReport) -> String {
        let summary = report.summary
        var lines = [
            "## OpenClaw security audit",
            "",
            "**\(summary.critical) critical · \(summary.warn) warn · \(summary.info) info**",
        ]
        let review = TextReporter.reviewLines(report)
        if !review.isEmpty {
            lines.append("")
            lines += review.map { "- " + Self.escaped($0) }
        }
        let findings = Self.ordered(report.findings)
        guard !findings.isEmpty else {
            lines += ["", "No findings."]
            return lines.joined(separator: "\n") + "\n"
        }
        lines += ["", "| Severity | Check | Title | Where |", "| --- | --- | --- | --- |"]
        for finding in findings {
            let whereCell = place(of: finding).map { Self.code($0) } ?? "—"
            lines.append("| \(finding.severity.rawValue) | \(Self.code(finding.checkId)) | \(Self.escaped(finding.title)) | \(whereCell) |")
        }
        lines += ["", "### Details"]
        for finding in findings {
            lines += ["", "#### \(finding.severity.rawValue.uppercased()) \(Self.code(finding.checkId)): \(Self.escaped(finding.title))"]
            if let origin = place(of: finding) {
                lines.append("Where: \(Self.code(origin))")
                lines.append("")
            }
            lines += Self.fenced(finding.detail)
            if let remediation = finding.remediation, !remediation.trimmingWhitespace.isEmpty {
                lines += ["", "**Fix:** " + Self.escaped(remediation)]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func ordered(_ findings: [Finding]) -> [Finding] {
        [Severity.critical, .warn, .info].flatMap { severity in findings.filter { $0.severity == severity } }
    }

    /// `FILE:LINE:COL` of the config key a finding comes from, relative to the working
    /// directory when the file is under it.
    func place(of finding: Finding) -> String? {
        guard let origin = finding.location else { return nil }
        var file = origin.file
        if let root = workingDirectory, file.hasPrefix(root + "/") {
            file = String(file.dropFirst(root.count + 1))
        }
        return "\(file):\(origin.range.start.line):\(origin.range.start.column)"
    }

    /// Text for a table cell or a line of prose: Markdown and HTML specials escaped,
    /// line breaks as `<br>`, control characters as visible escapes.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in TerminalText.sanitized(text, keepNewlines: true) {
            switch character {
            case "\n": out += "<br>"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "|", "\\", "`", "*", "_", "[", "]", "#", "~", "!": out += "\\\(character)"
            default: out.append(character)
            }
        }
        return out
    }

    /// An inline code span that no backtick inside can close.
    static func code(_ text: String) -> String {
        // GFM splits table cells at "|" even inside code spans.
        let clean = TerminalText.sanitized(text).split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
        let fence = String(repeating: "`", count: longestBacktickRun(clean) + 1)
        let pad = clean.hasPrefix("`") || clean.hasSuffix("`") ? " " : ""
        return fence + pad + clean + pad + fence
    }

    /// A fenced block (at least three backticks, one more than the longest run inside).
    static func fenced(_ text: String) -> [String] {
        let clean = TerminalText.sanitized(text, keepNewlines: true)
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(clean) + 1))
        return [fence + "text"] + clean.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + [fence]
    }

    static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
