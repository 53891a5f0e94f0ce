#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `readdir` without following symlinks, sorted by name bytes as libuv sorts them
/// (`fs.readdir` order in the original), so scans and findings are reproducible.
enum DirectoryListing {
    enum Kind: Sendable, Equatable {
        case directory
        case file
        case symlink
        case other
    }

    struct Entry: Sendable, Equatable {
        var name: String
        var kind: Kind
    }

    /// A system error worded as Node words it (`EACCES: permission denied, scandir
    /// '<path>'`), so the `String(err)` texts of findings read as the original's.
    struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
        var code: Int32
        var syscall: String
        var path: String

        var description: String {
            "Error: \(Self.name(of: code)): \(String(cString: strerror(code)).lowercased()), \(syscall) '\(path)'"
        }

        static func name(of code: Int32) -> String {
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

    static func list(_ path: String) throws(SystemError) -> [Entry] {
        guard let dir = opendir(path) else { throw SystemError(code: errno, syscall: "scandir", path: path) }
        defer { closedir(dir) }
        var entries: [Entry] = []
        while true {
            errno = 0
            guard let raw = readdir(dir) else {
                if errno != 0 { throw SystemError(code: errno, syscall: "scandir", path: path) }
                break
            }
            let decoded = withUnsafePointer(to: &raw.pointee.d_name) {
                String(validatingCString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard let name = decoded else {
                // A name that is not UTF-8 cannot be turned back into its path, so its
                // file could not be read: refuse rather than silently skip it.
                throw SystemError(code: EILSEQ, syscall: "scandir", path: path)
            }
            if name == "." || name == ".." { continue }
            let kind: Kind
            switch Int32(raw.pointee.d_type) {
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_REG): kind = .file
            case Int32(DT_LNK): kind = .symlink
            case Int32(DT_UNKNOWN): kind = lstatKind(path == "/" ? "/" + name : path + "/" + name)
            default: kind = .other
            }
            entries.append(Entry(name: name, kind: kind))
        }
        entries.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return entries
    }

    static func lstatKind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// What `path` is after following symlinks; nil when it does not exist.
    static func statKind(_ path: String) throws(SystemError) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw SystemError(code: code, syscall: "stat", path: path)
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .other
        }
    }
}
