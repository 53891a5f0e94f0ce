/// The `--fix` lines of the text report, printed after the "Run deeper" hint
///: the `Fix:` hint, then either "Fixes: no changes applied" or a
/// FIX section with the config changes, one line per permission target and the errors.
/// Home paths are shortened to `~` (`$OPENCLAW_HOME` when that is set), as the original
/// does in this block only. A dry run also shows the config diffs, and names the command
/// that applies them instead of suggesting itself. Paths that do not exist are
/// summarised in one line rather than one `skip chmod … (missing)` line each.
public struct FixTextBlock: Sendable {
    public var result: SecurityFixResult
    /// The home directory and the prefix that stands for it.
    public var homeDir: String
    public var homePrefix: String

    static let listedMissingPaths = 4

    public init(result: SecurityFixResult, homeDir: String, environment: [String: String]) {
        self.result = result
        self.homeDir = homeDir
        let explicitHome = environment["OPENCLAW_HOME"]?.trimmingWhitespace ?? ""
        self.homePrefix = explicitHome.isEmpty ? "~" : "$OPENCLAW_HOME"
    }

    func lines(palette: TerminalPalette, profile: String?) -> [String] {
        let command = CLICommandFormatter.ownAudit("--fix", profile: profile)
        var lines = [palette.muted(result.dryRun ? "Apply: \(command)" : "Fix: \(command)")]
        guard result.hasNews else {
            lines.append(palette.muted(result.dryRun ? "Fixes: nothing to change" : "Fixes: no changes applied"))
            return lines
        }
        lines.append("")
        lines.append(palette.heading(result.dryRun ? "FIX (dry run: nothing was changed)" : "FIX"))
        var body: [String] = result.changes.map(shortenInString)
        for diff in result.configDiffs {
            // The header names the file as found: a line break in its path is escaped
            // before the diff is split into lines, so it cannot start a line of its own.
            let text = UntrustedText([diff.path]).escaping(diff.unifiedDiff) { TerminalText.sanitized($0) }
            body += text.split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast().map { "  " + shortenInString(String($0)) }
        }
        var missing: [String] = []
        for action in result.actions {
            let target = "\(action.octalMode) \(shortenPath(action.path))"
            switch action.status {
            case .applied: body.append("chmod \(target)")
            case .planned: body.append("would chmod \(target)")
            case .skipped(.missing): missing.append(shortenPath(action.path))
            case .skipped(let reason): body.append("skip chmod \(target) (\(reason.rawValue))")
            case .failed(let error): body.append("chmod \(target) failed: \(error)")
            }
        }
        if !missing.isEmpty {
            let listed = missing.prefix(Self.listedMissingPaths).joined(separator: ", ")
            let more = missing.count > Self.listedMissingPaths ? ", +\(missing.count - Self.listedMissingPaths) more" : ""
            body.append("skip \(missing.count) missing path\(missing.count == 1 ? "" : "s") (nothing to tighten): \(listed)\(more)")
        }
        body += result.errors.map { "error: " + shortenInString($0) }
        // A path can hold a token (`credentials/ghp_….json`): redacted like any secret.
        lines += body.map { palette.muted("  " + TerminalText.sanitized(SecretTextRedaction.redact($0))) }
        return lines
    }

    /// The stderr line of a real `--fix` on a config that does not load (not `--json`,
    /// where the `{fix, report}` document lists the actions). Paths stay out of it: the
    /// JSON renderer is the one that redacts them.
    public static func unloadableConfigSummary(_ result: SecurityFixResult) -> String {
        let applied = result.actions.filter { $0.status == .applied }.count
        let failed = result.actions.filter { $0.error != nil }.count
        return "Fix: the config was not changed; state dir and config permissions: \(applied) tightened, \(failed) failed (--json lists them)"
    }

    /// `shortenHomePath`: the home itself, or a path below it.
    func shortenPath(_ path: String) -> String {
        guard !homeDir.isEmpty else { return path }
        if path == homeDir { return homePrefix }
        if path.hasPrefix(homeDir + "/") { return homePrefix + path.dropFirst(homeDir.count) }
        return path
    }

    /// `shortenHomeInString`: every occurrence of the home path that is a whole path:
    /// not preceded by a name character or `/` (`/y/home/u`), and followed by `/` or
    /// the end of the path (`/home/u` in `/home/user2` is not the home). The original's
    /// substring replace would show `/x/hm/rootbeer` as `~ootbeer` for the home `/x/hm/r`.
    func shortenInString(_ text: String) -> String {
        guard !homeDir.isEmpty, homeDir != "/" else { return text }
        var out = ""
        var rest = Substring(text)
        while let range = rest.firstRange(of: homeDir) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if Self.endsPath(before, atStart: true) && Self.endsPath(after, atStart: false) {
                out += rest[..<range.lowerBound] + homePrefix
            } else {
                out += rest[..<range.upperBound]
            }
            rest = rest[range.upperBound...]
        }
        return out + rest
    }

    /// Whether the character next to a match ends the path there: nothing, white space,
    /// quotes and the punctuation messages put around paths; after it also `/`.
    private static func endsPath(_ character: Character?, atStart: Bool) -> Bool {
        guard let character else { return true }
        if character == "/" { return !atStart }
        return character.isWhitespace || "\"'`()[]{}<>,;:=".contains(character)
    }
}
