/// What the `--deep` collectors found, gathered before any check runs. The deep checks
/// (Checks/Deep) only read these values.
public struct DeepFacts: Sendable {
    public var gateway: GatewayProbeFacts
    public var plugins: PluginCodeScanFacts
    public var skills: [SkillCodeScanFacts]

    public init(gateway: GatewayProbeFacts, plugins: PluginCodeScanFacts, skills: [SkillCodeScanFacts]) {
        self.gateway = gateway
        self.plugins = plugins
        self.skills = skills
    }

    /// The deep collectors that failed or ran out of time: the gateway could not be
    /// probed, or a plugin or skill could not be scanned completely.
    public var incompleteCollectors: [IncompleteCollector] {
        var gaps: [IncompleteCollector] = []
        if !gateway.result.ok {
            gaps.append(IncompleteCollector(collector: "gateway-probe", reason: gateway.result.error ?? "gateway unreachable"))
        }
        if let error = plugins.listingError {
            gaps.append(IncompleteCollector(collector: "plugin-code-scan", reason: error))
        }
        for plugin in plugins.plugins {
            switch plugin.outcome {
            case .failed(let error):
                gaps.append(IncompleteCollector(collector: "plugin-code-scan", reason: "\(plugin.name): \(error)"))
            case .scanned(let summary):
                let unscanned = plugin.unscannedFiles + summary.unscannedFiles
                if let reason = UnscannedFile.summary(unscanned) {
                    gaps.append(IncompleteCollector(collector: "plugin-code-scan", reason: "\(plugin.name): \(reason)"))
                }
            }
        }
        for skill in skills {
            switch skill.outcome {
            case .failed(let error):
                gaps.append(IncompleteCollector(collector: "skill-code-scan", reason: "\(skill.name): \(error)"))
            case .scanned(let summary):
                if let reason = UnscannedFile.summary(summary.unscannedFiles) {
                    gaps.append(IncompleteCollector(collector: "skill-code-scan", reason: "\(skill.name): \(reason)"))
                }
            }
        }
        return gaps
    }
}

/// A file (or folder) a deep scan did not read, and why: over a size cap, a link out of
/// the folder being scanned, not a regular file. Listed in the report's incomplete
/// collectors, so that a scan that skipped something never reads as a clean one.
public struct UnscannedFile: Sendable, Equatable {
    /// Relative to the scanned folder, as finding locations are.
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    static let listed = 5

    /// `2 file(s) not scanned: dist/big.js (larger than 1048576 bytes); …`, or nil.
    static func summary(_ files: [UnscannedFile]) -> String? {
        guard !files.isEmpty else { return nil }
        var parts = files.prefix(listed).map { "\($0.path) (\($0.reason))" }
        if files.count > listed { parts.append("+\(files.count - listed) more") }
        return "\(files.count) file(s) not scanned: " + parts.joined(separator: "; ")
    }
}

/// The live probe and the auth warning that went with it.
public struct GatewayProbeFacts: Sendable, Equatable {
    public var result: GatewayProbeResult
    /// `<configPath> SecretRef is unresolved in this command path; ...` when the
    /// configured credential is a SecretRef this process cannot resolve.
    public var authWarning: String?

    public init(result: GatewayProbeResult, authWarning: String? = nil) {
        self.result = result
        self.authWarning = authWarning
    }
}

/// The result of scanning one directory: the summary, or why it could not be made.
public enum CodeScanOutcome: Sendable, Equatable {
    case scanned(CodeScanSummary)
    /// `String(err)` of the error, e.g. `Error: EACCES: permission denied, scandir '…'`.
    case failed(String)

    var isFailure: Bool {
        if case .failed = self { return true }
        return false
    }
}

public struct CodeScanSummary: Sendable, Equatable {
    /// Files read and scanned (files over the size limit are not counted).
    public var scannedFiles: Int
    /// Hits in scan order: files in collection order, per file the rule order.
    public var hits: [LocatedHit]
    /// What the scan skipped: files over the size limit, links out of the folder.
    public var unscannedFiles: [UnscannedFile] = []

    public struct LocatedHit: Sendable, Equatable {
        public var hit: CodeSafetyHit
        /// Relative to the scanned root with `/` separators (the file name when the file
        /// lies outside the root).
        public var displayPath: String
    }

    public var critical: [LocatedHit] { hits.filter { $0.hit.severity == .critical } }
    public var warnings: [LocatedHit] { hits.filter { $0.hit.severity == .warn } }
}

/// The deep scan of `<stateDir>/extensions`.
public struct PluginCodeScanFacts: Sendable, Equatable {
    public var extensionsDir: String
    /// Set when the extensions directory exists but could not be listed.
    public var listingError: String?
    public var plugins: [PluginCodeScan]

    public init(extensionsDir: String, listingError: String? = nil, plugins: [PluginCodeScan] = []) {
        self.extensionsDir = extensionsDir
        self.listingError = listingError
        self.plugins = plugins
    }
}

public struct PluginCodeScan: Sendable, Equatable {
    /// The plugin's directory name.
    public var name: String
    public var path: String
    /// `Error: Failed to parse plugin manifest at <path>: SyntaxError: <message>` for a
    /// `package.json` that is not JSON.
    public var manifestError: String?
    /// `openclaw.extensions` entries inside the plugin but under a hidden or
    /// `node_modules` path, as written.
    public var hiddenEntries: [String]
    /// Entries that resolve outside the plugin directory, as written.
    public var escapingEntries: [String]
    public var outcome: CodeScanOutcome
    /// A `package.json` that was not read (over its cap, a link out of the plugin,
    /// unreadable): the entries it declares are unknown.
    public var unscannedFiles: [UnscannedFile] = []
}

/// The deep scan of one installed (non-bundled, non-plugin) skill.
public struct SkillCodeScanFacts: Sendable, Equatable {
    /// The name the skills loader gives it (SKILL.md frontmatter `name`, else the
    /// directory name).
    public var name: String
    public var directory: String
    public var outcome: CodeScanOutcome
    /// SKILL.md asks for secrets in parameters while the code sends data out.
    public var sensitiveNetwork: SensitiveNetworkEvidence?
}

public struct SensitiveNetworkEvidence: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var path: String
        public var line: Int
        public var text: String
    }

    public var sensitiveLines: [Line]
    public var networkLines: [Line]
}
