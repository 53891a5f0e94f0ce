import Dispatch
import VaporCSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A database frozen for reading: its write-ahead log and rollback journal copied into
/// a new private folder (mode 700, in `$TMPDIR` or `/tmp`), its main file read in place
/// through `ReadOnlySourceVFS`. The `-shm` index is deliberately not copied: a copy
/// taken while the gateway writes can disagree with the log, and SQLite rebuilds the
/// index from the log alone, keeping only committed transactions. `remove()` deletes the
/// folder and its copies. Shared read-only by the scanning threads once made; only its
/// owner removes it.
final class DatabaseSnapshot: @unchecked Sendable {
    let source: String
    /// The database file, opened through the file-system seam; kept open until `remove()`.
    let sourceDescriptor: Int32
    let folder: String
    /// The name connections open; `ReadOnlySourceVFS` maps it to `source`.
    let mainPath: String

    enum Failure: Error, Equatable {
        /// The log is larger than what can be copied before the deadline.
        case logTooLarge(bytes: Int)
        case deadline
        case system(String)
    }

    /// Copies the sidecars of `source`; gives up at `deadline` (`DispatchTime` uptime
    /// nanoseconds) and on a log larger than `maxLogBytes`.
    /// The database and its log and journal are opened through `fileSystem`; with
    /// `root`, only inside that folder (a link out of it is refused).
    init(
        source: String, deadline: UInt64?, maxLogBytes: Int,
        fileSystem: any FileSystemAccess = POSIXFileSystem(), root: String? = nil
    ) throws(Failure) {
        guard ReadOnlySourceVFS.isAvailable else { throw .system("SQLite has no default VFS") }
        self.source = source
        switch fileSystem.openForReading(source, within: root) {
        case .success(let fd): sourceDescriptor = fd
        case .failure(let error): throw .system(Self.describe(error))
        }
        let base = Self.temporaryDirectory()
        var template = Array((base + "/openclaw-security-db-XXXXXX").utf8CString)
        guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            let message = "cannot create a private folder in \(base): \(SystemError.message(errno))"
            close(sourceDescriptor)
            throw .system(message)
        }
        folder = String(cString: created)
        mainPath = folder + "/database.sqlite"
        do throws(Failure) {
            // An empty stand-in for the main file: SQLite's unix VFS derives the mode of
            // the log it opens from the database file beside it.
            let placeholder = open(mainPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard placeholder >= 0 else { throw Failure.system("\(mainPath): \(SystemError.message(errno))") }
            close(placeholder)
            for suffix in ["-wal", "-journal"] {
                try Self.copy(
                    source + suffix, to: mainPath + suffix, deadline: deadline, maxBytes: maxLogBytes,
                    fileSystem: fileSystem, root: root)
            }
        } catch {
            Self.removeFolder(folder)
            close(sourceDescriptor)
            throw error
        }
        ReadOnlySourceVFS.map(mainPath, to: source, descriptor: sourceDescriptor)
    }

    /// `<path>: <strerror>`, or what the seam refused.
    private static func describe(_ error: FileSystemError) -> String {
        if case .outside(let target) = error.reason { return "\(error.path): a link to \(target), outside the folder" }
        return "\(error.path): \(SystemError.message(error.code))"
    }

    deinit { remove() }

    private var removed = false

    func remove() {
        guard !removed else { return }
        removed = true
        ReadOnlySourceVFS.unmap(mainPath)
        close(sourceDescriptor)
        Self.removeFolder(folder)
    }

    /// A read-only connection to the frozen database, in exclusive locking mode (the WAL
    /// index lives in the connection's heap), refusing writes, with values capped at
    /// `maxValueBytes`.
    func connect(maxValueBytes: Int32) throws(SQLiteError) -> SQLiteConnection {
        let connection = try SQLiteConnection(path: mainPath, flags: SQLITE_OPEN_READONLY, vfs: ReadOnlySourceVFS.name)
        try connection.execute("PRAGMA locking_mode=EXCLUSIVE; PRAGMA query_only=1; PRAGMA trusted_schema=0;")
        connection.limitValueLength(maxValueBytes)
        return connection
    }

    static func temporaryDirectory() -> String {
        if let value = getenv("TMPDIR").map({ String(cString: $0) }), value.hasPrefix("/") {
            return value.count > 1 && value.hasSuffix("/") ? String(value.dropLast()) : value
        }
        return "/tmp"
    }

    /// Copies a regular file if it exists (no file: nothing to copy), reading through a
    /// read-only descriptor.
    private static func copy(
        _ from: String, to: String, deadline: UInt64?, maxBytes: Int, fileSystem: any FileSystemAccess, root: String?
    ) throws(Failure) {
        let input: Int32
        switch fileSystem.openForReading(from, within: root) {
        case .success(let fd): input = fd
        case .failure(let error):
            if error.code == ENOENT { return }
            throw .system(describe(error))
        }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return }
        guard Int(info.st_size) <= maxBytes else { throw .logTooLarge(bytes: Int(info.st_size)) }
        let output = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw .system("\(to): \(SystemError.message(errno))") }
        defer { close(output) }
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            if let deadline, DispatchTime.now().uptimeNanoseconds >= deadline { throw .deadline }
            let count = read(input, buffer, chunk)
            if count < 0 {
                if errno == EINTR { continue }
                throw .system("\(from): \(SystemError.message(errno))")
            }
            if count == 0 { return }
            var written = 0
            while written < count {
                let result = write(output, buffer + written, count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw .system("\(to): \(SystemError.message(errno))")
                }
                written += result
            }
        }
    }

    /// Deletes our private folder. Listed through the seam's lister, which reads each
    /// name in place: copying the 256-byte `d_name` field (as this did) reads past the
    /// end of a short record.
    private static func removeFolder(_ folder: String) {
        if case .success(let entries) = POSIXFileSystem().listDirectory(folder) {
            for entry in entries { unlink(folder + "/" + entry.name) }
        }
        rmdir(folder)
    }
}
