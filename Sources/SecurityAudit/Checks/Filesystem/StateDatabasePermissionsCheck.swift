/// `fs.sqlite_state.perms_writable` / `fs.sqlite_state.perms_readable` (ours): the SQLite
/// stores upstream's audit does not look at. Upstream reports the agent database of each
/// configured agent and its `-wal` / `-shm` as the auth profile store
/// (`AgentStateFilePermissionsCheck`); this covers the rest: `state/openclaw.sqlite`
/// (approvals, plugin state, MCP OAuth tokens), the databases of agents on disk that the
/// config no longer lists (their transcripts stay), every `-journal` sidecar, and folders
/// holding a database that other users can write to, where they could plant a `-wal`
/// file whose rows SQLite would replay into the database.
struct StateDatabasePermissionsCheck: Check {
    static let writableId = "fs.sqlite_state.perms_writable"
    static let readableId = "fs.sqlite_state.perms_readable"
    static let listedPaths = 10
    static let stateDatabase = "state/openclaw.sqlite"

    let infos = [
        CheckInfo(
            id: writableId,
            title: "OpenClaw SQLite state is writable by others",
            severity: .fixed(.critical),
            rationale: "Another user who can write a database, its write-ahead log or its folder can add approvals, swap OAuth tokens or plant rows that SQLite replays into the database the next time it opens.",
            remediation: "chmod 600 the listed databases and sidecars and 700 their folders (openclaw-security audit --fix does it).",
            fixable: true,
            triggers: [
                CheckExample("{}", files: [.file(stateDatabase, "", mode: 0o620)], clearedByFix: true),
                CheckExample("{}", files: [.file(stateDatabase, "", mode: 0o600), .chmod("state", 0o777)]),
                CheckExample("{}", files: [.file("agents/retired/agent/openclaw-agent.sqlite-wal", "", mode: 0o666)]),
            ],
            passes: [
                CheckExample("{}", files: [.file(stateDatabase, "", mode: 0o600), .chmod("state", 0o755)]),
                CheckExample("{}", files: [.file("agents/main/agent/openclaw-agent.sqlite", "", mode: 0o666)]),
                CheckExample("{}", files: [.directory("state", mode: 0o777)]),
            ]),
        CheckInfo(
            id: readableId,
            title: "OpenClaw SQLite state is readable by others",
            severity: .varies(default: .warn, rule: "critical when a database or sidecar is world-readable, else warn (group-readable)"),
            rationale: "state/openclaw.sqlite holds approvals, plugin state and native MCP OAuth access and refresh tokens; an agent database holds its auth profiles and, from 2026.7.2, every session and transcript. A write-ahead log holds the latest rows of either.",
            remediation: "chmod 600 the listed databases and sidecars (openclaw-security audit --fix does it).",
            fixable: true,
            triggers: [
                CheckExample("{}", severity: .critical, files: [.file(stateDatabase, "", mode: 0o644)], clearedByFix: true),
                CheckExample("{}", severity: .warn, files: [.file(stateDatabase + "-wal", "", mode: 0o640)]),
                CheckExample("{}", severity: .warn, files: [.file("agents/retired/agent/openclaw-agent.sqlite", "", mode: 0o640)]),
                CheckExample("{}", files: [.file("agents/main/agent/openclaw-agent.sqlite-journal", "", mode: 0o644)]),
                CheckExample("{}", files: [.file("../elsewhere.sqlite", "", mode: 0o644), .symlink(stateDatabase, to: "../elsewhere.sqlite")]),
            ],
            passes: [
                CheckExample("{}", files: [.file(stateDatabase, "", mode: 0o600), .file(stateDatabase + "-shm", "", mode: 0o600)]),
                CheckExample("{}", files: [.file("agents/main/agent/openclaw-agent.sqlite", "", mode: 0o644)]),
                CheckExample("{}", files: [.file("state/other.sqlite", "", mode: 0o644)]),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        var writable: [(path: String, permissions: PathPermissions)] = []
        var readable: [(path: String, permissions: PathPermissions)] = []
        for database in context.files.stateDatabases {
            if let folder = database.folderPermissions, folder.writableByOthers {
                writable.append((database.folder, folder))
            }
            for file in database.files where !Self.reportedByUpstream(file.path, of: database) {
                if file.permissions.writableByOthers {
                    writable.append(file)
                } else if file.permissions.readableByOthers {
                    readable.append(file)
                }
            }
        }
        var findings: [Finding] = []
        if !writable.isEmpty {
            findings.append(finding(
                Self.writableId, .critical,
                detail: "\(writable.count) SQLite state path(s) can be changed by other users:\n" + Self.list(writable),
                remediation: .text(Self.remediation(writable))).reportingSymlinks(writable.allSatisfy(\.permissions.isSymlink)))
        }
        if !readable.isEmpty {
            let world = readable.contains { $0.permissions.worldReadable }
            findings.append(finding(
                Self.readableId, world ? .critical : .warn,
                detail: "\(readable.count) SQLite database file(s) can be read by \(world ? "every local user" : "their group"); they hold OAuth tokens, auth profiles and transcripts:\n" + Self.list(readable),
                remediation: .text(Self.remediation(readable))).reportingSymlinks(readable.allSatisfy(\.permissions.isSymlink)))
        }
        return findings
    }

    /// The database, `-wal` and `-shm` of a configured agent: `fs.auth_profiles.*`.
    static func reportedByUpstream(_ path: String, of database: StateDatabase) -> Bool {
        guard case .agent(_, inRoster: true) = database.role else { return false }
        return path == database.path || path == database.path + "-wal" || path == database.path + "-shm"
    }

    static func list(_ paths: [(path: String, permissions: PathPermissions)]) -> String {
        var lines = paths.prefix(listedPaths).map { "- \($0.permissions.detail($0.path))" }
        if paths.count > listedPaths { lines.append("- +\(paths.count - listedPaths) more") }
        return lines.joined(separator: "\n")
    }

    static func remediation(_ paths: [(path: String, permissions: PathPermissions)]) -> String {
        paths.prefix(listedPaths)
            .map { PathPermissions.remediation($0.path, directory: $0.permissions.isDirectory) }
            .joined(separator: "; ")
    }
}
