#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed file operation: what was attempted on which name, and the system's reason.
public struct FileOperationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var operation: String
    public var name: String
    public var code: Int32

    public init(operation: String, name: String, code: Int32) {
        self.operation = operation
        self.name = name
        self.code = code
    }

    public var description: String { "\(operation) \(name): \(SystemError.message(code))" }
}

/// A file's bytes and the attributes a replacement keeps.
public struct FileContents: Sendable, Equatable {
    public var bytes: [UInt8]
    /// Permission bits (`st_mode & 0o7777`).
    public var mode: UInt32
    public var owner: UInt32
    public var group: UInt32

    public init(bytes: [UInt8], mode: UInt32, owner: UInt32, group: UInt32) {
        self.bytes = bytes
        self.mode = mode
        self.owner = owner
        self.group = group
    }
}

/// The file operations the config writer makes, all relative to an opened folder and
/// none following a symbolic link. A seam: tests wrap the real operations to fail, or to
/// look at the disk, before any one of them.
public protocol FixFileOperations {
    /// The file's bytes and attributes; refuses a link (`ELOOP`) and anything but a
    /// regular file.
    func readFile(in folder: Int32, _ name: String, limit: Int) throws(FileOperationError) -> FileContents
    /// Creates a new file (never an existing one, never through a link), open for writing.
    func createFile(in folder: Int32, _ name: String, mode: UInt32) throws(FileOperationError) -> Int32
    func write(_ fd: Int32, _ bytes: [UInt8], name: String) throws(FileOperationError)
    func setMode(_ fd: Int32, _ mode: UInt32, name: String) throws(FileOperationError)
    func setOwner(_ fd: Int32, owner: UInt32, group: UInt32, name: String) throws(FileOperationError)
    func sync(_ fd: Int32, name: String) throws(FileOperationError)
    func close(_ fd: Int32)
    /// `renameat` within the folder: replaces `to` atomically.
    func rename(in folder: Int32, _ from: String, to: String) throws(FileOperationError)
    func remove(in folder: Int32, _ name: String) throws(FileOperationError)
    /// Sets the permission bits of an existing name without following a link.
    func setMode(in folder: Int32, _ name: String, _ mode: UInt32) throws(FileOperationError)
}

/// The real operations, with POSIX calls.
public struct POSIXFixFileOperations: FixFileOperations {
    public init() {}

    public func readFile(in folder: Int32, _ name: String, limit: Int) throws(FileOperationError) -> FileContents {
        let fd = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw FileOperationError(operation: "open", name: name, code: errno) }
        defer { systemClose(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileOperationError(operation: "stat", name: name, code: errno) }
        guard FileKind(info) == .regular else { throw FileOperationError(operation: "read", name: name, code: EINVAL) }
        guard Int(info.st_size) <= limit else { throw FileOperationError(operation: "read", name: name, code: EFBIG) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileOperationError(operation: "read", name: name, code: errno)
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
            if bytes.count > limit { throw FileOperationError(operation: "read", name: name, code: EFBIG) }
        }
        return FileContents(bytes: bytes, mode: UInt32(info.st_mode) & 0o7777, owner: UInt32(info.st_uid), group: UInt32(info.st_gid))
    }

    public func createFile(in folder: Int32, _ name: String, mode: UInt32) throws(FileOperationError) -> Int32 {
        let fd = openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else { throw FileOperationError(operation: "create", name: name, code: errno) }
        return fd
    }

    public func write(_ fd: Int32, _ bytes: [UInt8], name: String) throws(FileOperationError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw FileOperationError(operation: "write", name: name, code: errno)
            }
            offset += written
        }
    }

    public func setMode(_ fd: Int32, _ mode: UInt32, name: String) throws(FileOperationError) {
        guard fchmod(fd, mode_t(mode)) == 0 else { throw FileOperationError(operation: "chmod", name: name, code: errno) }
    }

    public func setOwner(_ fd: Int32, owner: UInt32, group: UInt32, name: String) throws(FileOperationError) {
        guard fchown(fd, uid_t(owner), gid_t(group)) == 0 else { throw FileOperationError(operation: "chown", name: name, code: errno) }
    }

    public func sync(_ fd: Int32, name: String) throws(FileOperationError) {
        guard fsync(fd) == 0 else { throw FileOperationError(operation: "fsync", name: name, code: errno) }
    }

    public func close(_ fd: Int32) {
        systemClose(fd)
    }

    public func rename(in folder: Int32, _ from: String, to: String) throws(FileOperationError) {
        guard renameat(folder, from, folder, to) == 0 else {
            throw FileOperationError(operation: "rename", name: "\(from) -> \(to)", code: errno)
        }
    }

    public func remove(in folder: Int32, _ name: String) throws(FileOperationError) {
        guard unlinkat(folder, name, 0) == 0 else { throw FileOperationError(operation: "unlink", name: name, code: errno) }
    }

    public func setMode(in folder: Int32, _ name: String, _ mode: UInt32) throws(FileOperationError) {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            throw FileOperationError(operation: "stat", name: name, code: errno)
        }
        guard FileKind(info) == .regular else { throw FileOperationError(operation: "chmod", name: name, code: ELOOP) }
        switch PermissionFixer.changeMode(name, in: folder, to: mode, expected: info) {
        case .applied, .planned: return
        case .skipped: throw FileOperationError(operation: "chmod", name: name, code: ELOOP)
        case .failed: throw FileOperationError(operation: "chmod", name: name, code: EPERM)
        }
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
private let systemWrite = Glibc.write
private func systemClose(_ fd: Int32) { _ = Glibc.close(fd) }
#elseif canImport(Darwin)
private let systemRead = Darwin.read
private let systemWrite = Darwin.write
private func systemClose(_ fd: Int32) { _ = Darwin.close(fd) }
#endif
