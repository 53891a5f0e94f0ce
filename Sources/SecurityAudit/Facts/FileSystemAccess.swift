#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The metadata of one directory entry or path, as `lstat`/`stat` report it.
public struct FileStatus: Sendable, Equatable {
    /// `st_mode`: file type and permission bits.
    public var mode: UInt32
    public var ownerUID: UInt32
    /// `st_size` in bytes.
    public var size: Int

    public init(mode: UInt32, ownerUID: UInt32, size: Int = 0) {
        self.mode = mode
        self.ownerUID = ownerUID
        self.size = size
    }

    public var isSymlink: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFLNK) }
    public var isDirectory: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFDIR) }
    public var isRegularFile: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFREG) }
}

/// A failed file-system operation on the audited state: the path, the call and its
/// `errno` (so absence can be told from refusal), and for a bounded read the check that
/// refused the file. The one error type of the seam: listing, `stat`, reading.
public struct FileSystemError: Error, Sendable, Equatable {
    /// What a bounded read refused, beyond the system's own errors.
    public enum Reason: Sendable, Equatable {
        case system
        case notRegularFile
        case tooLarge(limit: Int)
        case hardLinked
        /// The opened file lies outside the folder it was confined to (a link out).
        case outside(path: String)
    }

    public var operation: String
    public var code: Int32
    /// The path operated on; empty where the caller did not say.
    public var path: String
    public var reason: Reason
    /// Said instead of the errno's text where that would mislead (a link refused for
    /// where it leads is `EXDEV`, which `strerror` calls a cross-device link).
    public var explanation: String?

    public init(operation: String, code: Int32, path: String = "", reason: Reason = .system, explanation: String? = nil) {
        self.operation = operation
        self.code = code
        self.path = path
        self.reason = reason
        self.explanation = explanation
    }

    /// Nothing is there (or a parent is not a directory): the original treats this as
    /// "not present" and reports nothing.
    public var isNotFound: Bool { code == ENOENT || code == ENOTDIR }

    public var message: String { "\(operation): \(explanation ?? String(cString: strerror(code)))" }

    /// As a bounded read words it: `file not found`, `file is larger than N bytes`,
    /// `open failed: Permission denied`.
    public var readFailureMessage: String {
        switch reason {
        case .notRegularFile: return "not a regular file"
        case .tooLarge(let limit): return "file is larger than \(limit) bytes"
        case .hardLinked: return "file has more than one hard link"
        case .outside(let opened): return "the opened file is \(opened), outside the folder"
        case .system:
            if isNotFound { return "file not found" }
            return "\(operation) failed: \(String(cString: strerror(code)))"
        }
    }

    /// Worded as Node words it (`Error: EACCES: permission denied, scandir '<path>'`),
    /// so the `String(err)` texts of findings read as the original's.
    public var nodeDescription: String {
        "Error: \(Self.codeName(code)): \(String(cString: strerror(code)).lowercased()), \(operation) '\(path)'"
    }

    static func codeName(_ code: Int32) -> String {
        switch code {
        case EACCES: return "EACCES"
        case EPERM: return "EPERM"
        case ENOENT: return "ENOENT"
        case ENOTDIR: return "ENOTDIR"
        case ELOOP: return "ELOOP"
        case EMFILE: return "EMFILE"
        case ENFILE: return "ENFILE"
        case EIO: return "EIO"
        case ENAMETOOLONG: return "ENAMETOOLONG"
        case EILSEQ: return "EILSEQ"
        default: return "E\(code)"
        }
    }
}

/// One name in a directory listing, with the type `readdir` reports (never following
/// symlinks, like Node's `Dirent`).
public struct DirectoryEntry: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case directory, file, symlink, other }
    public var name: String
    public var kind: Kind
    /// False when the name on disk is not UTF-8: `name` is then repaired (U+FFFD), and a
    /// path built from it names another file.
    public var nameIsExact: Bool

    public init(name: String, kind: Kind, nameIsExact: Bool = true) {
        self.name = name
        self.kind = kind
        self.nameIsExact = nameIsExact
    }
}

/// How a bounded read treats links and hard links.
public struct ReadOptions: Sendable, Equatable {
    /// Refuse a file with more than one hard link (`$include` files, as upstream).
    public var rejectHardLinks = false
    /// Open the last component without following a link, and refuse a file the kernel
    /// places outside this folder (a real path).
    public var confinedTo: String?
    /// Follow links only to places inside this folder (a real path), and refuse a file
    /// the kernel places outside it (the deep scans).
    public var within: String?

    public init(rejectHardLinks: Bool = false, confinedTo: String? = nil, within: String? = nil) {
        self.rejectHardLinks = rejectHardLinks
        self.confinedTo = confinedTo
        self.within = within
    }
}

/// Every file-system call the facts pass makes, behind one seam: the POSIX reader below
/// is the real one; a Windows ACL reader could join it, and tests wrap it to simulate
/// failures the test user (root) cannot provoke on a real disk.
public protocol FileSystemAccess: Sendable {
    func lstat(_ path: String) -> Result<FileStatus, FileSystemError>
    func stat(_ path: String) -> Result<FileStatus, FileSystemError>
    /// Entries except `.` and `..`, sorted by their UTF-8 bytes (Node's `readdir`
    /// returns libuv's `scandir` order, which is sorted the same way).
    func listDirectory(_ path: String) -> Result<[DirectoryEntry], FileSystemError>
    /// A listing plus the `lstat` of each entry `wanted` selects (the others get nil):
    /// one pass over a directory of thousands of transcripts.
    func listDirectory(
        _ path: String, statusOf wanted: (DirectoryEntry) -> Bool
    ) -> Result<[(entry: DirectoryEntry, status: Result<FileStatus, FileSystemError>?)], FileSystemError>
    func realpath(_ path: String) -> Result<String, FileSystemError>
    func readlink(_ path: String) -> Result<String, FileSystemError>
    /// A regular file of at most `limit` bytes; never blocks on a FIFO or device.
    func readFile(_ path: String, limit: Int, options: ReadOptions) -> Result<[UInt8], FileSystemError>
    /// A descriptor open for reading, without blocking, for files read in parts (the
    /// secret scan's `pread` units); with `root`, confined as `ReadOptions.within`. The
    /// caller checks it with `fstat` and closes it.
    func openForReading(_ path: String, within root: String?) -> Result<Int32, FileSystemError>
    /// The effective user id of the audit and a name for a uid, if the system knows one.
    var effectiveUID: UInt32 { get }
    func userName(of uid: UInt32) -> String?
}

extension FileSystemAccess {
    public func readFile(_ path: String, limit: Int) -> Result<[UInt8], FileSystemError> {
        readFile(path, limit: limit, options: ReadOptions())
    }

    /// Whether something is at `path`, following links (Node's `fs.existsSync`).
    public func exists(_ path: String) -> Bool {
        if case .success = stat(path) { return true }
        return false
    }

    /// The real path, or nil.
    public func resolvedPath(_ path: String) -> String? {
        try? realpath(path).get()
    }

    public func listDirectory(
        _ path: String, statusOf wanted: (DirectoryEntry) -> Bool
    ) -> Result<[(entry: DirectoryEntry, status: Result<FileStatus, FileSystemError>?)], FileSystemError> {
        listDirectory(path).map { entries in
            entries.map { entry in (entry, wanted(entry) ? lstat(path + "/" + entry.name) : nil) }
        }
    }
}

public struct POSIXFileSystem: FileSystemAccess {
    public init() {}

    /// `fstatat` relative to the open directory: no path walk per entry.
    public func listDirectory(
        _ path: String, statusOf wanted: (DirectoryEntry) -> Bool
    ) -> Result<[(entry: DirectoryEntry, status: Result<FileStatus, FileSystemError>?)], FileSystemError> {
        if let refused = refuseNUL(path, "readdir") { return .failure(refused) }
        guard let dir = opendir(path) else { return .failure(FileSystemError(operation: "readdir", code: errno, path: path)) }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        return readNamedEntries(dir, path: path).map { entries in
            entries.map { bytes, entry in
                // By the name's bytes: a name that is not UTF-8 is shown repaired, but its
                // file is still the one examined.
                wanted(entry) ? (entry, statusOf(bytes, inDirectory: fd)) : (entry, nil)
            }
        }
    }

    /// A path from a config may hold a NUL character, where C would end it: a shorter,
    /// other path. Such a path names nothing; it is refused, never truncated.
    private func refuseNUL(_ path: String, _ operation: String) -> FileSystemError? {
        path.utf8.contains(0) ? FileSystemError(operation: operation, code: EINVAL, path: path) : nil
    }

    public func lstat(_ path: String) -> Result<FileStatus, FileSystemError> {
        if let refused = refuseNUL(path, "lstat") { return .failure(refused) }
        return statusOf(path, followingSymlinks: false)
    }

    public func stat(_ path: String) -> Result<FileStatus, FileSystemError> {
        if let refused = refuseNUL(path, "stat") { return .failure(refused) }
        return statusOf(path, followingSymlinks: true)
    }

    public func listDirectory(_ path: String) -> Result<[DirectoryEntry], FileSystemError> {
        if let refused = refuseNUL(path, "readdir") { return .failure(refused) }
        guard let dir = opendir(path) else { return .failure(FileSystemError(operation: "readdir", code: errno, path: path)) }
        defer { closedir(dir) }
        return readEntries(dir, path: path)
    }

    private func readEntries(_ dir: OpaquePointer, path: String) -> Result<[DirectoryEntry], FileSystemError> {
        readNamedEntries(dir, path: path).map { $0.map(\.entry) }
    }

    /// Entries with the bytes of their names, sorted by those bytes.
    private func readNamedEntries(_ dir: OpaquePointer, path: String) -> Result<[(bytes: [UInt8], entry: DirectoryEntry)], FileSystemError> {
        var entries: [(bytes: [UInt8], entry: DirectoryEntry)] = []
        while true {
            errno = 0
            guard let raw = readdir(dir) else {
                if errno != 0 { return .failure(FileSystemError(operation: "readdir", code: errno, path: path)) }
                break
            }
            // In place, up to its NUL: a record is only as long as its name, so copying
            // the whole 256-byte field reads past the end (AddressSanitizer found it).
            let bytes = withUnsafePointer(to: &raw.pointee.d_name) { field in
                let name = UnsafeRawPointer(field).assumingMemoryBound(to: CChar.self)
                return Array(UnsafeRawBufferPointer(start: name, count: strlen(name)))
            }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            let exact = String(validating: bytes, as: UTF8.self)
            let name = exact ?? String(decoding: bytes, as: UTF8.self)
            var kind = Self.kind(ofDirectoryEntryType: raw.pointee.d_type)
            if kind == nil {
                // Some file systems do not fill d_type; ask lstat instead.
                switch statusOf(bytes, inDirectory: dirfd(dir)) {
                case .success(let status):
                    kind = status.isSymlink ? .symlink : status.isDirectory ? .directory
                        : status.isRegularFile ? .file : .other
                case .failure:
                    kind = .other
                }
            }
            entries.append((bytes, DirectoryEntry(name: name, kind: kind ?? .other, nameIsExact: exact != nil)))
        }
        entries.sort { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        return .success(entries)
    }

    private static func kind(ofDirectoryEntryType type: UInt8) -> DirectoryEntry.Kind? {
        switch Int32(type) {
        case Int32(DT_DIR): return .directory
        case Int32(DT_REG): return .file
        case Int32(DT_LNK): return .symlink
        case Int32(DT_UNKNOWN): return nil
        default: return .other
        }
    }

    public func realpath(_ path: String) -> Result<String, FileSystemError> {
        if let refused = refuseNUL(path, "realpath") { return .failure(refused) }
        guard let resolved = systemRealpath(path, nil) else {
            return .failure(FileSystemError(operation: "realpath", code: errno, path: path))
        }
        defer { free(resolved) }
        return .success(String(cString: resolved))
    }

    public func readlink(_ path: String) -> Result<String, FileSystemError> {
        if let refused = refuseNUL(path, "readlink") { return .failure(refused) }
        var buffer = [Int8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = systemReadlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return .failure(FileSystemError(operation: "readlink", code: errno, path: path)) }
        return .success(String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    public func readFile(_ path: String, limit: Int, options: ReadOptions) -> Result<[UInt8], FileSystemError> {
        Result { () throws(FileSystemError) in
            if let root = options.within { return try BoundedFileReader.read(path, limit: limit, within: root) }
            return try BoundedFileReader.read(
                path, limit: limit, rejectHardLinks: options.rejectHardLinks, confinedTo: options.confinedTo)
        }
    }

    public func openForReading(_ path: String, within root: String?) -> Result<Int32, FileSystemError> {
        Result { () throws(FileSystemError) in
            if let root { return try BoundedFileReader.openWithin(path, root: root) }
            if let refused = refuseNUL(path, "open") { throw refused }
            let fd = BoundedFileReader.openLeavingAccessTime(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
            guard fd >= 0 else { throw FileSystemError(operation: "open", code: errno, path: path) }
            return fd
        }
    }

    public var effectiveUID: UInt32 { UInt32(geteuid()) }

    public func userName(of uid: UInt32) -> String? {
        guard let entry = getpwuid(uid_t(uid)), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}

private func statusOf(_ name: [UInt8], inDirectory fd: Int32) -> Result<FileStatus, FileSystemError> {
    var info = stat()
    let result = (name + [0]).withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { fstatat(fd, $0.baseAddress!, &info, AT_SYMLINK_NOFOLLOW) }
    }
    guard result == 0 else {
        return .failure(FileSystemError(operation: "lstat", code: errno, path: String(decoding: name, as: UTF8.self)))
    }
    return .success(FileStatus(mode: UInt32(info.st_mode), ownerUID: UInt32(info.st_uid), size: Int(info.st_size)))
}

private func statusOf(_ path: String, followingSymlinks: Bool) -> Result<FileStatus, FileSystemError> {
    var info = stat()
    let result: Int32 = followingSymlinks ? stat(path, &info) : lstat(path, &info)
    guard result == 0 else {
        return .failure(FileSystemError(operation: followingSymlinks ? "stat" : "lstat", code: errno, path: path))
    }
    return .success(FileStatus(mode: UInt32(info.st_mode), ownerUID: UInt32(info.st_uid), size: Int(info.st_size)))
}

#if canImport(Glibc)
private let systemRealpath = Glibc.realpath
private let systemReadlink = Glibc.readlink
#elseif canImport(Darwin)
private let systemRealpath = Darwin.realpath
private let systemReadlink = Darwin.readlink
#endif
