#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The deep scans' view of a folder, through the file-system seam: entries sorted by
/// their name bytes as libuv sorts them (`fs.readdir` order in the original), so scans
/// and findings are reproducible; failures worded as Node words them (`scandir`, `stat`).
extension FileSystemAccess {
    /// The entries of `path`, symlinks not followed. A name that is not UTF-8 cannot be
    /// turned back into its path, so its file could not be read: the listing is refused
    /// (`EILSEQ`) rather than the file silently skipped.
    func scanListing(_ path: String) throws(FileSystemError) -> [DirectoryEntry] {
        switch listDirectory(path) {
        case .failure(let error):
            throw FileSystemError(operation: "scandir", code: error.code, path: path)
        case .success(let entries):
            if entries.contains(where: { !$0.nameIsExact }) {
                throw FileSystemError(operation: "scandir", code: EILSEQ, path: path)
            }
            return entries
        }
    }

    /// What `path` is after following symlinks; nil when it does not exist.
    func kindFollowingLinks(_ path: String) throws(FileSystemError) -> DirectoryEntry.Kind? {
        switch stat(path) {
        case .failure(let error):
            if error.isNotFound { return nil }
            throw FileSystemError(operation: "stat", code: error.code, path: path)
        case .success(let status):
            return status.isDirectory ? .directory : status.isRegularFile ? .file : .other
        }
    }
}
