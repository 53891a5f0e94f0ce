/// What the permission model says about one existing path (the original's
/// `inspectPathPermissions`, POSIX side): a symlink is judged by its target; only the
/// group and world read/write bits count.
public struct PathPermissions: Sendable, Equatable {
    public var isSymlink: Bool
    /// Whether the path (or the symlink's target) is a directory.
    public var isDirectory: Bool
    /// `st_mode` of the path, or of the symlink's target. Nil when a symlink's target
    /// cannot be examined: a link's own mode (always 777 on Linux) says nothing.
    public var mode: UInt32?
    /// Owner of the path, or of the symlink's target.
    public var ownerUID: UInt32?
    /// Why a symlink's target could not be examined (dangling, loop, no access).
    public var targetError: FileSystemError?

    public init(isSymlink: Bool, isDirectory: Bool, mode: UInt32?, ownerUID: UInt32?, targetError: FileSystemError? = nil) {
        self.isSymlink = isSymlink
        self.isDirectory = isDirectory
        self.mode = mode
        self.ownerUID = ownerUID
        self.targetError = targetError
    }

    /// `mode & 0o777`.
    public var bits: UInt32? { mode.map { $0 & 0o777 } }

    public var worldWritable: Bool { (bits ?? 0) & 0o002 != 0 }
    public var groupWritable: Bool { (bits ?? 0) & 0o020 != 0 }
    public var worldReadable: Bool { (bits ?? 0) & 0o004 != 0 }
    public var groupReadable: Bool { (bits ?? 0) & 0o040 != 0 }
    public var writableByOthers: Bool { worldWritable || groupWritable }
    public var readableByOthers: Bool { worldReadable || groupReadable }

    /// Three octal digits, or `unknown`.
    public var modeText: String {
        guard let bits else { return "unknown" }
        let digits = String(bits, radix: 8)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// `<path> mode=<ooo>`: the first half of every permission finding's detail. The path
    /// is as found; the text reporter escapes its control characters (`UntrustedText`),
    /// so a file name cannot forge a line of the report.
    public func detail(_ path: String) -> String { "\(path) mode=\(modeText)" }

    /// The command that restores the expected mode: 700 for directories, 600 for files.
    public static func remediation(_ path: String, directory: Bool) -> String {
        "chmod \(directory ? "700" : "600") \(path)"
    }
}

/// One path as the facts pass found it.
public enum PathFact: Sendable, Equatable {
    /// `lstat` said nothing is there: no finding, as in the original.
    case absent
    /// `lstat` failed for another reason (no access to a parent, loop, I/O error).
    case uninspectable(FileSystemError)
    case present(PathPermissions)

    public var permissions: PathPermissions? {
        if case .present(let permissions) = self { return permissions }
        return nil
    }
}

/// The permission model: one place that turns system calls into `PathFact`s.
enum PermissionModel {
    static func inspect(_ path: String, using fileSystem: any FileSystemAccess) -> PathFact {
        let linkStatus: FileStatus
        switch fileSystem.lstat(path) {
        case .failure(let error):
            return error.isNotFound ? .absent : .uninspectable(error)
        case .success(let status):
            linkStatus = status
        }
        guard linkStatus.isSymlink else {
            return .present(PathPermissions(
                isSymlink: false, isDirectory: linkStatus.isDirectory,
                mode: linkStatus.mode, ownerUID: linkStatus.ownerUID))
        }
        switch fileSystem.stat(path) {
        case .success(let target):
            return .present(PathPermissions(
                isSymlink: true, isDirectory: target.isDirectory, mode: target.mode, ownerUID: target.ownerUID))
        case .failure(let error):
            return .present(PathPermissions(
                isSymlink: true, isDirectory: false, mode: nil, ownerUID: nil, targetError: error))
        }
    }
}
