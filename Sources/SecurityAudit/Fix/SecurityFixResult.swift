/// What `--fix` did, in the original's `SecurityFixResult` shape:
/// `ok` is `errors.isEmpty`, `changes` are the config edits in the original's words,
/// `actions` one entry per permission target in processing order.
public struct SecurityFixResult: Sendable, Equatable {
    public var stateDir: String
    public var configPath: String
    public var configWritten: Bool
    public var changes: [String]
    public var actions: [SecurityFixAction]
    public var errors: [String]
    /// `--dry-run`: nothing was changed; `actions` say what would be done and
    /// `configDiffs` show the edits.
    public var dryRun: Bool
    public var configDiffs: [ConfigFileDiff]

    public init(
        stateDir: String, configPath: String, configWritten: Bool = false, changes: [String] = [],
        actions: [SecurityFixAction] = [], errors: [String] = [], dryRun: Bool = false,
        configDiffs: [ConfigFileDiff] = []
    ) {
        self.stateDir = stateDir
        self.configPath = configPath
        self.configWritten = configWritten
        self.changes = changes
        self.actions = actions
        self.errors = errors
        self.dryRun = dryRun
        self.configDiffs = configDiffs
    }

    /// Nothing failed: no config error and no chmod that failed (a refused state dir
    /// is a failed action).
    public var ok: Bool { errors.isEmpty && !actions.contains { $0.error != nil } }

    /// Whether anything was (or, in a dry run, would be) changed or went wrong; the text
    /// output prints "Fixes: no changes applied" otherwise.
    public var hasNews: Bool {
        !errors.isEmpty || !changes.isEmpty || actions.contains { $0.status == .applied || $0.status == .planned }
    }
}

/// One permission target: `chmod <mode> <path>` and how it went.
public struct SecurityFixAction: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case applied
        /// Dry run: the mode differs and would be changed.
        case planned
        case skipped(SkipReason)
        case failed(String)
    }

    /// Why a target was left alone. The first five are the original's words; its
    /// `outside-config-dir` cannot happen here: the loader refuses such an include, and
    /// a config that does not load gets no include actions.
    public enum SkipReason: String, Sendable, Equatable {
        /// The target, or a folder on the way to it, is a symbolic link.
        case symlink
        case notADirectory = "not-a-directory"
        case notAFile = "not-a-file"
        /// The permission bits already equal the mode.
        case already
        case missing
        /// A file with more than one hard link: another name, perhaps outside the state
        /// dir, shares its mode (upstream refuses such include files too).
        case hardlink
        /// The state dir is one `--fix` must not change (`/`, a system folder, the home
        /// folder itself, a shared sticky folder); nothing under it is changed either.
        case unsafeStateDir = "unsafe-state-dir"
    }

    public var path: String
    /// The permission bits to set, such as 0o700.
    public var mode: UInt32
    public var status: Status

    public init(path: String, mode: UInt32, status: Status) {
        self.path = path
        self.mode = mode
        self.status = status
    }

    public var ok: Bool { status == .applied }

    public var skipped: SkipReason? {
        if case .skipped(let reason) = status { return reason }
        return nil
    }

    public var error: String? {
        if case .failed(let message) = status { return message }
        return nil
    }

    /// `700`, `600`: the mode as the text output prints it.
    public var octalMode: String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}

/// One config file's edit as a unified diff (for `--dry-run`).
public struct ConfigFileDiff: Sendable, Equatable {
    public var path: String
    public var unifiedDiff: String
}
