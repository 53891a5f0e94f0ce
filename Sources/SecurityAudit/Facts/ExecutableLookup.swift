#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a program on `PATH` the way a shell does, with one deliberate difference:
/// relative `PATH` entries (`.`, `bin`, an empty entry) are skipped, so auditing a
/// directory can never run a `docker` planted in it.
enum ExecutableLookup {
    static func find(_ name: String, path: String?) -> String? {
        guard let path, !name.contains("/") else { return nil }
        for directory in path.split(separator: ":", omittingEmptySubsequences: true)
        where directory.hasPrefix("/") {
            let candidate = PathNormalization.join(String(directory), name)
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }
}
