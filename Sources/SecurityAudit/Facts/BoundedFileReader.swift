#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a config-like file without ever blocking or reading without bound: a FIFO, a
/// device such as `/dev/zero`, a directory or an oversized file is refused before a
/// single byte is read. The bounded reader of the file-system seam (`POSIXFileSystem`
/// reads through it); its errors are `FileSystemError`s naming the path.
enum BoundedFileReader {
    /// Opens with `O_NONBLOCK` so that opening a FIFO cannot hang, then checks with
    /// `fstat` on the opened descriptor, so the file checked is the file read.
    ///
    /// With `confinedTo`, the last component is opened with `O_NOFOLLOW` and the path
    /// the kernel gives for the opened descriptor must lie in that folder: a link
    /// swapped in after the caller's checks (at the file or at a folder on the way)
    /// fails here, before a byte is read.
    static func read(_ path: String, limit: Int, rejectHardLinks: Bool = false, confinedTo root: String? = nil) throws(FileSystemError) -> [UInt8] {
        // C would end the path at a NUL: another, shorter path.
        if path.utf8.contains(0) { throw FileSystemError(operation: "open", code: EINVAL, path: path) }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (root == nil ? 0 : O_NOFOLLOW))
        if fd < 0 { throw FileSystemError(operation: "open", code: errno, path: path) }
        defer { close(fd) }
        if let root, let opened = descriptorPath(fd), !PathNormalization.isInside(opened, root: root) {
            throw FileSystemError(operation: "open", code: EXDEV, path: path, reason: .outside(path: opened))
        }
        return try read(descriptor: fd, path: path, limit: limit, rejectHardLinks: rejectHardLinks)
    }

    /// Like `read(_:limit:)`, but the file read must lie in `root` (a real path, without
    /// links): a link inside `root` is followed when it resolves inside `root`, a link out
    /// of it is refused (`outside`), and the opened descriptor is checked again, so a link
    /// swapped in after the check is caught too. The deep scans read plugin, skill and
    /// state files this way: a link in a hostile plugin must not make a root-run audit
    /// quote files from elsewhere.
    static func read(_ path: String, limit: Int, within root: String) throws(FileSystemError) -> [UInt8] {
        let fd = try openWithin(path, root: root)
        defer { close(fd) }
        return try read(descriptor: fd, path: path, limit: limit, rejectHardLinks: false)
    }

    /// Opens `path` read-only without blocking, confined to `root` as `read(_:limit:within:)`
    /// describes; the caller closes the descriptor.
    static func openWithin(_ path: String, root: String) throws(FileSystemError) -> Int32 {
        if path.utf8.contains(0) { throw FileSystemError(operation: "open", code: EINVAL, path: path) }
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW
        var fd = openLeavingAccessTime(path, flags)
        if fd < 0 && errno == ELOOP {
            // The last component is a link: follow it only to a place inside `root`.
            guard let resolved = realpath(path) else { throw FileSystemError(operation: "open", code: errno, path: path) }
            guard PathNormalization.isInside(resolved, root: root) else {
                throw FileSystemError(operation: "open", code: EXDEV, path: path, reason: .outside(path: resolved))
            }
            fd = openLeavingAccessTime(resolved, flags)
        }
        if fd < 0 { throw FileSystemError(operation: "open", code: errno, path: path) }
        if let opened = descriptorPath(fd), !PathNormalization.isInside(opened, root: root) {
            close(fd)
            throw FileSystemError(operation: "open", code: EXDEV, path: path, reason: .outside(path: opened))
        }
        return fd
    }

    /// `open` with `O_NOATIME` where the kernel allows it (the file's owner), so that the
    /// deep scans leave the gateway's databases and transcripts as they found them, down
    /// to the access time; without that right, a plain `open`.
    static func openLeavingAccessTime(_ path: String, _ flags: Int32) -> Int32 {
        let fd = open(path, flags | noAccessTime)
        if fd < 0 && errno == EPERM && noAccessTime != 0 { return open(path, flags) }
        return fd
    }

    #if os(Linux)
    /// `O_NOATIME` (Glibc hides it behind _GNU_SOURCE); the same value on every Linux
    /// architecture Swift supports.
    static let noAccessTime: Int32 = 0o1000000
    #else
    static let noAccessTime: Int32 = 0
    #endif

    /// The rest of `read`: an open descriptor, checked with `fstat`, read up to `limit`.
    private static func read(descriptor fd: Int32, path: String, limit: Int, rejectHardLinks: Bool) throws(FileSystemError) -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileSystemError(operation: "stat", code: errno, path: path) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw FileSystemError(operation: "read", code: EINVAL, path: path, reason: .notRegularFile)
        }
        if rejectHardLinks, info.st_nlink > 1 {
            throw FileSystemError(operation: "read", code: EMLINK, path: path, reason: .hardLinked)
        }
        let tooLarge = FileSystemError(operation: "read", code: EFBIG, path: path, reason: .tooLarge(limit: limit))
        guard info.st_size <= limit else { throw tooLarge }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: min(65536, Int(info.st_size) + 1))
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(operation: "read", code: errno, path: path)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            // The size can grow between fstat and read; the limit still holds.
            if bytes.count > limit { throw tooLarge }
        }
        return bytes
    }

    /// The path of an open descriptor as the kernel knows it; nil where it cannot say
    /// (no /proc), and then `O_NOFOLLOW` alone protects the last component.
    static func descriptorPath(_ fd: Int32) -> String? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/fd/\(fd)", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #elseif canImport(Darwin)
        var buffer = [CChar](repeating: 0, count: Int(MAXPATHLEN))
        guard fcntl(fd, F_GETPATH, &buffer) == 0 else { return nil }
        return String(cString: buffer)
        #else
        return nil
        #endif
    }

    static func realpath(_ path: String) -> String? {
        if path.utf8.contains(0) { return nil }
        guard let resolved = systemRealpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
private let systemRealpath = Glibc.realpath
#elseif canImport(Darwin)
private let systemRead = Darwin.read
private let systemRealpath = Darwin.realpath
#endif
