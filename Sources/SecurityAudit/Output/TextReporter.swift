/// The original's text layout: heading, summary, the "Run deeper"
/// hint, then CRITICAL / WARN / INFO sections in emission order. Colours are the
/// original's palette, used only when the caller says the terminal wants them.
///
/// Ours on top (issue 19): a line saying what was audited and what could not be judged;
/// every line of a detail indented under its finding (the original prints continuation
/// lines at column 0, so findings run into each other), wrapped to `width` on a terminal;
/// where each finding comes from (`openclaw.json:12:5`, or the `$include` file); which
/// findings `--fix` changes (`[--fix]`) and which it leaves to the user (`[manual]`),
/// closing with the command that previews the fixes.
public struct TextReporter: Reporter {
    public var colors: Bool
    public var profile: String?
    /// `--fix`: its outcome, printed after the "Run deeper" hint.
    public var fixBlock: FixTextBlock?
    /// The terminal's width in columns; nil when the output is not a terminal (no wrapping).
    public var width: Int?

    public init(colors: Bool, profile: String?, fixBlock: FixTextBlock? = nil, width: Int? = nil) {
        self.colors = colors
        self.profile = profile
        self.fixBlock = fixBlock
        self.width = width
    }

    static let fixableTag = "[--fix]"
    static let manualTag = "[manual]"

    public func render(_ report: AuditReport) -> String {
        let palette = TerminalPalette(enabled: colors)
        let summary = report.summary
        var lines: [String] = [
            palette.heading("OpenClaw security audit"),
        ]
        if let scope = report.scope {
            lines += wrapped(Self.scopeLine(scope, homeDir: report.paths?.homeDir), indent: "", hanging: "  ").map(palette.muted)
        }
        lines.append(
            palette.muted("Summary: ") + palette.critical("\(summary.critical) critical") + palette.muted(" · ")
                + palette.warn("\(summary.warn) warn") + palette.muted(" · ") + palette.muted("\(summary.info) info"))
        lines += Self.reviewLines(report).flatMap { wrapped($0, indent: "", hanging: "  ") }.map(palette.muted)
        lines += wrapped(Self.releaseLine(report.openclaw), indent: "", hanging: "  ").map(palette.muted)
        lines += [
            palette.muted("Run deeper: \(CLICommandFormatter.ownAudit("--deep", profile: profile))"),
        ]
        lines += fixBlock?.lines(palette: palette, profile: profile) ?? []
        let configDir = report.paths.map { PathNormalization.dirname($0.configPath) }
        for severity in [Severity.critical, .warn, .info] {
            let section = report.findings.filter { $0.severity == severity }
            guard !section.isEmpty else { continue }
            lines.append("")
            lines.append(palette.label(severity))
            for finding in section {
                lines += heading(finding, palette: palette)
                if let location = finding.location {
                    let place = Self.place(location, configDir: configDir, homeDir: report.paths?.homeDir)
                    lines += wrapped("at " + TerminalText.sanitized(place), indent: "  ", hanging: "    ").map(palette.muted)
                }
                lines += block(Self.escaped(finding.abbreviatedDetail ?? finding.detail, untrusted: report.untrustedText), prefix: "")
                if let remediation = finding.remediation, !remediation.trimmingWhitespace.isEmpty {
                    lines += block(Self.escaped(remediation, untrusted: report.untrustedText), prefix: "Fix: ").map(palette.muted)
                }
            }
        }
        lines += fixGuidance(report).map(palette.muted)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A finding's text for the terminal: the line breaks the check wrote stay, every
    /// other control character is escaped, line breaks included, inside text that came
    /// from outside (a path, a config value, a gateway's message).
    static func escaped(_ text: String, untrusted: UntrustedText) -> String {
        TerminalText.sanitized(untrusted.escaping(text) { TerminalText.sanitized($0) }, keepNewlines: true)
    }

    /// `<checkId> <title> [tag]`, wrapped, the id and the tag muted.
    func heading(_ finding: Finding, palette: TerminalPalette) -> [String] {
        let id = TerminalText.sanitized(finding.checkId)
        let tag = tag(finding)
        let plain = id + " " + TerminalText.sanitized(finding.title) + (tag.map { " " + $0 } ?? "")
        var lines = wrapped(plain, indent: "", hanging: "  ")
        guard palette.enabled else { return lines }
        if lines[0].hasPrefix(id) { lines[0] = palette.muted(id) + lines[0].dropFirst(id.count) }
        if let tag, lines[lines.count - 1].hasSuffix(tag) {
            lines[lines.count - 1] = lines[lines.count - 1].dropLast(tag.count) + palette.muted(tag)
        }
        return lines
    }

    /// `[--fix]` for what `--fix` changes; `[manual]` for a critical or warn finding it
    /// leaves alone (an info finding asks for nothing). The `--fix` run's own report
    /// describes the fixed state, so it marks only what is left to do by hand.
    func tag(_ finding: Finding) -> String? {
        if finding.fixable { return fixBlock?.result.dryRun == false ? nil : Self.fixableTag }
        return finding.severity == .info ? nil : Self.manualTag
    }

    /// The closing hint of the plain report: how many findings `--fix` changes and the
    /// command that previews them. A `--fix` run (dry or not) has its FIX block instead.
    func fixGuidance(_ report: AuditReport) -> [String] {
        guard fixBlock == nil else { return [] }
        let fixable = report.findings.filter(\.fixable).count
        guard fixable > 0 else { return [] }
        let manual = report.findings.filter { !$0.fixable && $0.severity != .info }.count
        var sentence = "\(fixable) finding\(fixable == 1 ? "" : "s") marked \(Self.fixableTag) can be fixed automatically"
        if manual > 0 { sentence += "; \(manual) marked \(Self.manualTag) need\(manual == 1 ? "s" : "") a change by hand" }
        return [""] + wrapped(sentence + ".", indent: "", hanging: "")
            + ["Preview the fixes: " + CLICommandFormatter.ownAudit("--fix --dry-run", profile: profile)]
    }

    /// Every line of a detail indented two spaces under its finding; list items keep a
    /// hanging indent when wrapped.
    func block(_ text: String, prefix: String) -> [String] {
        var out: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = (index == 0 ? prefix : "") + line
            let listIndent = line.hasPrefix("- ") ? "  " : ""
            out += wrapped(content, indent: "  ", hanging: "  " + listIndent + (index == 0 ? String(repeating: " ", count: prefix.count) : ""))
        }
        return out
    }

    func wrapped(_ text: String, indent: String, hanging: String) -> [String] {
        TextWrapping.wrap(text, width: width, indent: indent, hanging: hanging)
    }

    /// `Audited: ~/.openclaw/openclaw.json (+1 include) · 2 values unknown (unset ${VAR}) · …`;
    /// the release has its own line (`releaseLine`).
    static func scopeLine(_ scope: AuditScope, homeDir: String?) -> String {
        var parts: [String] = []
        let path = TerminalText.sanitized(shortenHome(scope.configPath, homeDir: homeDir))
        if !scope.configExists {
            parts.append("Audited: no config at \(path) (OpenClaw's defaults)")
        } else if scope.includeCount > 0 {
            parts.append("Audited: \(path) (+\(scope.includeCount) include\(scope.includeCount == 1 ? "" : "s"))")
        } else {
            parts.append("Audited: \(path)")
        }
        if !scope.unresolvedPaths.isEmpty {
            let count = scope.unresolvedPaths.count
            parts.append("\(count) value\(count == 1 ? "" : "s") unknown (unset ${VAR})")
        }
        if !scope.legacyKeys.isEmpty {
            parts.append("legacy keys audited as migrated: \(scope.legacyKeys.map { TerminalText.sanitized($0) }.joined(separator: ", "))")
        }
        if !scope.ignoredKeys.isEmpty {
            let count = scope.ignoredKeys.count
            parts.append("\(count) value\(count == 1 ? "" : "s") OpenClaw rejects: \(scope.ignoredKeys.map { TerminalText.sanitized($0) }.joined(separator: ", "))")
        }
        return parts.joined(separator: " · ")
    }

    /// `openclaw.json:12:5` for a file in the config's folder, else the path with the
    /// home shortened to `~`.
    static func place(_ location: ConfigOrigin, configDir: String?, homeDir: String?) -> String {
        var file = location.file
        if let configDir, file.hasPrefix(configDir + "/") {
            file = String(file.dropFirst(configDir.count + 1))
        } else {
            file = shortenHome(file, homeDir: homeDir)
        }
        return "\(file):\(location.range.start.line):\(location.range.start.column)"
    }

    static func shortenHome(_ path: String, homeDir: String?) -> String {
        guard let homeDir, !homeDir.isEmpty, homeDir != "/" else { return path }
        if path == homeDir { return "~" }
        if path.hasPrefix(homeDir + "/") { return "~" + path.dropFirst(homeDir.count) }
        return path
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
///
/// A detail keeps its own line breaks (`keepNewlines`); text from outside with a line
/// break in it (an agent id, an allowlist entry, a gateway's error message, a path) is
/// escaped whole first (`UntrustedText`): a newline in it would otherwise start a line
/// of its own and could forge one (`INFO ...`). Only the text renderers escape (this
/// reporter, the fix block, the scan-secrets and advisory listings); checks and facts
/// keep text as found, and the machine formats carry it raw.
enum TerminalText {
    static func inline(_ text: String) -> String {
        sanitized(text, keepNewlines: false)
    }

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
