/// OpenClaw's SQLite stores (releases from 2026.5.30): `state/openclaw.sqlite`, the shared
/// control-plane state (approvals, plugin state, MCP OAuth tokens), and
/// `agents/<agentId>/agent/openclaw-agent.sqlite`, one per agent (auth profiles, and from
/// 2026.7.2 every session and transcript). Upstream names them in
/// `src/state/openclaw-state-db.paths.ts` and `src/agents/auth-profiles/sqlite.ts`.
public struct StateDatabase: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        /// `state/openclaw.sqlite`.
        case state
        /// `agents/<agentId>/agent/openclaw-agent.sqlite`; `inRoster` when the config's
        /// agent list (or the implicit default agent) names it.
        case agent(id: String, inRoster: Bool)
    }

    /// A sidecar SQLite keeps beside the database: the write-ahead log holds committed
    /// rows not yet checkpointed into the main file, the shared-memory index and the
    /// rollback journal hold pages of it too.
    public static let sidecarSuffixes = ["-wal", "-shm", "-journal"]

    public var role: Role
    /// The database's folder (`state/` or `agents/<id>/agent/`).
    public var folder: String
    /// The main file; it may be absent while sidecars exist.
    public var path: String
    /// The main file and each sidecar that exists, in `path`, `-wal`, `-shm`, `-journal`
    /// order, with the permissions `lstat` (and `stat` for a symlink) gave.
    public var files: [(path: String, permissions: PathPermissions)]
    /// The folder's permissions, when it exists.
    public var folderPermissions: PathPermissions?

    public init(role: Role, folder: String, path: String, files: [(path: String, permissions: PathPermissions)], folderPermissions: PathPermissions?) {
        self.role = role
        self.folder = folder
        self.path = path
        self.files = files
        self.folderPermissions = folderPermissions
    }

    /// Whether the main file exists (the deep scan reads only those).
    public var exists: Bool { files.first?.path == path }

    public static func == (lhs: StateDatabase, rhs: StateDatabase) -> Bool {
        lhs.role == rhs.role && lhs.folder == rhs.folder && lhs.path == rhs.path
            && lhs.folderPermissions == rhs.folderPermissions
            && lhs.files.map(\.path) == rhs.files.map(\.path)
            && lhs.files.map(\.permissions) == rhs.files.map(\.permissions)
    }

    static let stateFolder = "state"
    static let stateFileName = "openclaw.sqlite"
    static let agentFileName = "openclaw-agent.sqlite"
}
