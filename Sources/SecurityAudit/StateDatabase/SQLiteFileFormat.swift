#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Recognises a SQLite database by its header ("SQLite format 3" and a NUL, the first
/// 16 bytes of every SQLite 3 file), whatever its name.
public enum SQLiteFileFormat {
    static let header = Array("SQLite format 3\0".utf8)

    public static func isDatabase(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: header.count)
        let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        return count == header.count && bytes == header
    }

    /// Whether `path` is the `-wal`, `-shm` or `-journal` sidecar of one of `databases`
    /// (its rows are read with the database).
    public static func isSidecar(_ path: String, of databases: Set<String>) -> Bool {
        StateDatabase.sidecarSuffixes.contains { suffix in
            path.hasSuffix(suffix) && databases.contains(String(path.dropLast(suffix.count)))
        }
    }
}
