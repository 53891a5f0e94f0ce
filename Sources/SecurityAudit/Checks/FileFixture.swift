/// A file, directory, symlink or mode change laid out in an example's state dir before
/// it is audited. Paths are relative to the state dir; `..` reaches its temporary
/// parent (`../home` is HOME). `{stateDir}` in an example's config or environment
/// stands for the state dir's absolute path.
public struct FileFixture: Sendable {
    public enum Kind: Sendable {
        case directory
        case file(String)
        /// A symlink to a target relative to the state dir (or absolute). A symlink at
        /// `.` makes the state dir itself a link to that target.
        case symlink(String)
        /// Only mode or owner changes for what is already there.
        case existing
        /// A SQLite database in WAL mode: `statements` checkpointed into the main file,
        /// then `inLog` left in its `-wal` file, as the rows the gateway wrote last are.
        case sqliteDatabase(statements: [String], inLog: [String])
    }

    public var path: String
    public var kind: Kind
    /// Where `↓` markers stood in a file's text (see `CheckExample`): the UTF-8 offsets
    /// in the text without them.
    public var markerOffsets: [Int] = []
    public var mode: UInt32?
    public var ownerUID: UInt32?

    public static func directory(_ path: String, mode: UInt32 = 0o700) -> FileFixture {
        FileFixture(path: path, kind: .directory, mode: mode)
    }

    public static func file(_ path: String, _ content: String = "", mode: UInt32 = 0o600) -> FileFixture {
        let (text, offsets) = CheckExample.removingMarkers(from: content)
        return FileFixture(path: path, kind: .file(text), markerOffsets: offsets, mode: mode)
    }

    public static func symlink(_ path: String, to target: String) -> FileFixture {
        FileFixture(path: path, kind: .symlink(target))
    }

    public static func sqliteDatabase(_ path: String, _ statements: [String], inLog: [String] = [], mode: UInt32 = 0o600) -> FileFixture {
        FileFixture(path: path, kind: .sqliteDatabase(statements: statements, inLog: inLog), mode: mode)
    }

    /// `chmod` what the layout already has (the state dir `.` is 700 and `openclaw.json`
    /// 600 unless an example says otherwise).
    public static func chmod(_ path: String, _ mode: UInt32) -> FileFixture {
        FileFixture(path: path, kind: .existing, mode: mode)
    }

    /// `chown` (needs root: examples with an owner are skipped otherwise).
    public static func chown(_ path: String, uid: UInt32) -> FileFixture {
        FileFixture(path: path, kind: .existing, ownerUID: uid)
    }
}
