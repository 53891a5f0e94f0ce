/// Everything the checks know about the disk (state dir, workspaces, the exec approvals
/// file), gathered once before any check runs (`FileFactsGatherer`). Checks only read it.
public struct FileFacts: Sendable {
    /// Every path a check may ask about, by the absolute path the check prints.
    public var paths: [String: PathFact] = [:]
    /// The user the audit runs as, and names of the uids seen.
    public var auditorUID: UInt32 = 0
    public var userNames: [UInt32: String] = [:]
    /// Installed plugin directories under `<stateDir>/extensions`, nil when there is no
    /// such directory.
    public var plugins: InstalledPlugins?
    /// Session transcripts (`agents/*/sessions/*.jsonl` and their archives) that exist.
    public var sessionTranscripts: [SessionTranscript] = []
    /// Transcript names listed but not examinable (also in `gaps`): the deep secret scan
    /// counts them as not scanned.
    public var uninspectableTranscripts: [InspectionGap] = []
    /// `state/openclaw.sqlite`, then the agent databases (roster agents first, then the
    /// other `agents/*/` folders on disk), each with its sidecars; only those with a
    /// file on disk.
    public var stateDatabases: [StateDatabase] = []
    /// The `skills/` walk of each agent workspace, in workspace order.
    public var workspaceSkills: [WorkspaceSkillScan] = []
    /// `plugins.installs` and `hooks.internal.installs`, with the installed versions.
    public var pluginInstalls: [InstallRecord] = []
    public var hookInstalls: [InstallRecord] = []
    /// `logging.file`, `~`-expanded and resolved; nil when unset or unresolvable.
    public var logFile: String?
    /// The exec approvals file (empty defaults when it does not exist).
    public var execApprovals = ExecApprovals.missing(path: "")
    /// The global mcporter registry of the state dir.
    public var mcporterRegistry = MCPorterRegistry.missing
    /// What could not be inspected, in the order met.
    public var gaps: [InspectionGap] = []

    public init() {}

    /// The fact for a path; a path nobody gathered counts as absent.
    public subscript(path: String) -> PathFact { paths[path] ?? .absent }

    public func userLabel(_ uid: UInt32) -> String {
        userNames[uid].map { "uid \(uid) (\($0))" } ?? "uid \(uid)"
    }
}

/// A path the audit could not examine, and why; reported by `fs.inspection_incomplete`.
public struct InspectionGap: Sendable, Equatable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

public struct InstalledPlugins: Sendable, Equatable {
    public var extensionsDir: String
    /// Plugin directory names in listing order (install debris left out).
    public var names: [String]
}

public struct SessionTranscript: Sendable, Equatable {
    public var path: String
    public var permissions: PathPermissions
}

/// One workspace's `skills/**/SKILL.md` files and where each really lives.
public struct WorkspaceSkillScan: Sendable, Equatable {
    public enum Location: Sendable, Equatable {
        case resolved(String)
        /// A `SKILL.md` symlink whose target does not resolve, with the target it names
        /// (absolute, lexically resolved against the link's directory).
        case dangling(target: String)
    }

    public struct SkillFile: Sendable, Equatable {
        public var path: String
        public var location: Location
    }

    public var workspaceDir: String
    public var workspaceRealPath: String
    public var skillFiles: [SkillFile]
    /// The walk stopped at a limit with directories still queued.
    public var truncated: Bool
}

/// One `plugins.installs.<id>` / `hooks.internal.installs.<id>` record.
public struct InstallRecord: Sendable {
    public var id: String
    public var node: ConfigNode
    public var source: String?
    /// `spec` when it is a string.
    public var spec: String?
    public var integrity: String?
    /// `resolvedVersion ?? version`, as written (nil when missing or falsy).
    public var recordedVersion: ConfigNode?
    /// `installPath`, or `<stateDir>/<extensions|hooks>/<id>`, resolved.
    public var installPath: String
    /// `version` of the `package.json` there, when it has a string one.
    public var installedVersion: String?

    public var isNPM: Bool { source == "npm" }
}
