import VaporCSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A SQLite VFS that reads a database's main file where it lies, through a read-only
/// descriptor, and everything else (the write-ahead log, a rollback journal) from a
/// private folder that holds copies of them.
///
/// Why not open the database normally: a reader that opens a live WAL database creates
/// or maps its `-shm` file and takes locks beside the gateway's; `immutable=1` avoids
/// that but ignores the WAL, so the newest transcript rows are missed. Why not copy the
/// main file too: copying 1 GiB took 3.1 s on the development machine, the whole
/// budget of the scan. Here the main file is opened `O_RDONLY` (the kernel then refuses
/// any write), its methods take no lock and map no shared memory, and the connection
/// runs in exclusive locking mode, in which SQLite keeps the WAL index in its own heap
/// instead of a `-shm` file (`sqlite3PagerWalSupported`, `walIndexRecover` in SQLite's
/// `pager.c` / `wal.c`). The state dir gets no new file and no changed byte.
enum ReadOnlySourceVFS {
    static let name = "openclaw-security-readonly-source"

    /// The main-file path a connection opens (inside a private folder) -> the database
    /// it really reads.
    private static let sources = LockedState<[String: Source]>([:])

    /// A database file, opened by its snapshot through the file-system seam; each
    /// connection reads a duplicate of that descriptor.
    struct Source: Sendable {
        var path: String
        var descriptor: Int32
    }

    /// Registers the VFS once; false when SQLite has no default VFS to build on.
    static let isAvailable: Bool = register()

    /// Makes `mainPath` (a name inside `privateFolder`) read `source`.
    static func map(_ mainPath: String, to source: String, descriptor: Int32) {
        sources.withLock { $0[mainPath] = Source(path: source, descriptor: descriptor) }
    }

    static func unmap(_ mainPath: String) {
        _ = sources.withLock { $0.removeValue(forKey: mainPath) }
    }

    static func source(for mainPath: String) -> Source? {
        sources.withLock { $0[mainPath] }
    }

    // SQLite result codes that are expressions in the header, not plain numbers.
    static let ioErrorRead: Int32 = SQLITE_IOERR | (1 << 8)
    static let ioErrorShortRead: Int32 = SQLITE_IOERR | (2 << 8)
    static let ioErrorFileStat: Int32 = SQLITE_IOERR | (7 << 8)
    static let ioErrorDelete: Int32 = SQLITE_IOERR | (10 << 8)

    /// Our file object: SQLite's `sqlite3_file` (its methods pointer) followed by the
    /// descriptor, in the `szOsFile` bytes SQLite allocates for every open file.
    private static let descriptorOffset = MemoryLayout<UnsafeRawPointer>.stride

    nonisolated(unsafe) private static var base: UnsafeMutablePointer<sqlite3_vfs>?

    nonisolated(unsafe) private static let methods: UnsafeMutablePointer<sqlite3_io_methods> = {
        let pointer = UnsafeMutablePointer<sqlite3_io_methods>.allocate(capacity: 1)
        pointer.initialize(to: sqlite3_io_methods(
            iVersion: 1,
            xClose: { file in
                guard let file else { return SQLITE_OK }
                close(ReadOnlySourceVFS.descriptor(file))
                return SQLITE_OK
            },
            xRead: { file, buffer, amount, offset in
                guard let file, let buffer else { return ReadOnlySourceVFS.ioErrorRead }
                return ReadOnlySourceVFS.read(ReadOnlySourceVFS.descriptor(file), buffer, Int(amount), offset)
            },
            xWrite: { _, _, _, _ in SQLITE_READONLY },
            xTruncate: { _, _ in SQLITE_READONLY },
            xSync: { _, _ in SQLITE_OK },
            xFileSize: { file, size in
                guard let file, let size else { return ReadOnlySourceVFS.ioErrorFileStat }
                var info = stat()
                guard fstat(ReadOnlySourceVFS.descriptor(file), &info) == 0 else { return ReadOnlySourceVFS.ioErrorFileStat }
                size.pointee = sqlite3_int64(info.st_size)
                return SQLITE_OK
            },
            // No lock is taken on the gateway's file: the copy of the log is private,
            // and the main file is only read.
            xLock: { _, _ in SQLITE_OK },
            xUnlock: { _, _ in SQLITE_OK },
            xCheckReservedLock: { _, result in
                result?.pointee = 0
                return SQLITE_OK
            },
            xFileControl: { _, _, _ in SQLITE_NOTFOUND },
            xSectorSize: { _ in 4096 },
            xDeviceCharacteristics: { _ in 0 },
            xShmMap: nil, xShmLock: nil, xShmBarrier: nil, xShmUnmap: nil, xFetch: nil, xUnfetch: nil))
        return pointer
    }()

    private static func descriptor(_ file: UnsafeMutablePointer<sqlite3_file>) -> Int32 {
        UnsafeMutableRawPointer(file).load(fromByteOffset: descriptorOffset, as: Int32.self)
    }

    private static func read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ amount: Int, _ offset: sqlite3_int64) -> Int32 {
        var total = 0
        while total < amount {
            let count = pread(fd, buffer + total, amount - total, off_t(offset) + off_t(total))
            if count < 0 {
                if errno == EINTR { continue }
                return ioErrorRead
            }
            if count == 0 { break }
            total += count
        }
        guard total == amount else {
            // SQLite requires the rest of a short read zero-filled.
            (buffer + total).initializeMemory(as: UInt8.self, repeating: 0, count: amount - total)
            return ioErrorShortRead
        }
        return SQLITE_OK
    }

    private static func register() -> Bool {
        guard let unix = sqlite_nio_sqlite3_vfs_find(nil) else { return false }
        base = unix
        var vfs = unix.pointee
        vfs.zName = UnsafePointer(strdup(name))
        vfs.pNext = nil
        vfs.szOsFile = max(unix.pointee.szOsFile, Int32(descriptorOffset + MemoryLayout<Int32>.stride))
        vfs.xOpen = { vfs, name, file, flags, outFlags in
            guard let file else { return SQLITE_CANTOPEN }
            file.pointee.pMethods = nil
            guard let base = ReadOnlySourceVFS.base else { return SQLITE_CANTOPEN }
            guard flags & SQLITE_OPEN_MAIN_DB != 0 else {
                // The log and journal: the private copies, through the system's VFS.
                return base.pointee.xOpen(base, name, file, flags, outFlags)
            }
            guard let name, let source = ReadOnlySourceVFS.source(for: String(cString: name)) else { return SQLITE_CANTOPEN }
            let fd = fcntl(source.descriptor, F_DUPFD_CLOEXEC, 0)
            guard fd >= 0 else { return SQLITE_CANTOPEN }
            var info = stat()
            guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                close(fd)
                return SQLITE_CANTOPEN
            }
            UnsafeMutableRawPointer(file).storeBytes(of: fd, toByteOffset: ReadOnlySourceVFS.descriptorOffset, as: Int32.self)
            file.pointee.pMethods = UnsafePointer(ReadOnlySourceVFS.methods)
            outFlags?.pointee = SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB
            return SQLITE_OK
        }
        vfs.xDelete = { _, name, syncDir in
            // Only the private copies may go (SQLite drops an empty log).
            guard let base = ReadOnlySourceVFS.base, let name else { return ReadOnlySourceVFS.ioErrorDelete }
            let path = String(cString: name)
            let mapped = ReadOnlySourceVFS.sources.withLock { sources in
                sources.keys.contains { path.hasPrefix($0 + "-") }
            }
            guard mapped else { return ReadOnlySourceVFS.ioErrorDelete }
            return base.pointee.xDelete(base, name, syncDir)
        }
        let pointer = UnsafeMutablePointer<sqlite3_vfs>.allocate(capacity: 1)
        pointer.initialize(to: vfs)
        return sqlite_nio_sqlite3_vfs_register(pointer, 0) == SQLITE_OK
    }

}
