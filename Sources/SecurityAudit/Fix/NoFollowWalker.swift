#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file descriptor owned by one value and closed with it.
final class OwnedDescriptor {
    let fd: Int32

    init(_ fd: Int32) { self.fd = fd }

    deinit { close(fd) }
}

/// Reaches files below a trusted folder without ever following a symbolic link on the
/// way: each folder is opened relative to the previous one with `O_NOFOLLOW`, so a
/// symlinked folder inside the state dir cannot lead a chmod or a write out of it.
///
/// Paths are walked from the first anchor that contains them (the state dir, then the
/// config's folder). The anchors themselves are opened as named, links included: the
/// user chose them. They are opened once, when the walker is made, and every later
/// lookup starts from those descriptors: a state dir replaced by a symlink while
/// `--fix` runs cannot send the remaining chmods to another tree. A path under no anchor
/// is reached through its parent folder as named, and only its last component is
/// protected.
struct NoFollowWalker {
    let anchors: [String]
    /// The anchors that existed when the walker was made, by normalized path.
    private let opened: [String: OwnedDescriptor]

    init(anchors: [String]) {
        self.anchors = anchors
        var opened: [String: OwnedDescriptor] = [:]
        for anchor in anchors.map(PathNormalization.normalize) where opened[anchor] == nil {
            if case .success(let descriptor) = Self.openAnchor(anchor) { opened[anchor] = descriptor }
        }
        self.opened = opened
    }

    enum Lookup {
        /// The folder holding the target, and the target's name in it.
        case parent(OwnedDescriptor, name: String)
        case skipped(SecurityFixAction.SkipReason)
        case failed(String)
    }

    /// Opens the folder that holds `path`.
    func locateParent(of path: String) -> Lookup {
        let target = PathNormalization.normalize(path)
        guard target != "/" else { return .failed("refusing to change /") }
        let anchor = anchors.map(PathNormalization.normalize).first {
            PathNormalization.isInside(target, root: $0) && target != $0
        } ?? PathNormalization.dirname(target)
        var current: OwnedDescriptor
        if let descriptor = opened[anchor] {
            current = descriptor
        } else {
            switch Self.openAnchor(anchor) {
            case .success(let descriptor): current = descriptor
            case .failure(let failure): return failure.lookup
            }
        }
        let relative = anchor == "/" ? String(target.dropFirst()) : String(target.dropFirst(anchor.count + 1))
        let components = relative.split(separator: "/").map(String.init)
        for component in components.dropLast() {
            switch Self.openDirectory(named: component, in: current) {
            case .success(let next): current = next
            case .failure(let failure): return failure.lookup
            }
        }
        return .parent(current, name: components.last ?? "")
    }

    /// Opens the folder that holds `path` for writing into it (creating, renaming, fsync).
    func openParentForWriting(of path: String) -> Result<OwnedDescriptor, WalkFailure> {
        switch locateParent(of: path) {
        case .parent(let parent, _):
            let fd = openat(parent.fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { return .failure(.error("open \(PathNormalization.dirname(path)): \(SystemError.message(errno))")) }
            return .success(OwnedDescriptor(fd))
        case .skipped(let reason):
            return .failure(reason == .symlink ? .symlink : .missing)
        case .failed(let message):
            return .failure(.error(message))
        }
    }

    enum WalkFailure: Error, Equatable {
        case symlink
        case missing
        case error(String)

        var lookup: Lookup {
            switch self {
            case .symlink: return .skipped(.symlink)
            case .missing: return .skipped(.missing)
            case .error(let message): return .failed(message)
            }
        }
    }

    static func openAnchor(_ path: String) -> Result<OwnedDescriptor, WalkFailure> {
        let fd = open(path, directorySearchFlags | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .failure(.missing) }
            return .failure(.error("open \(path): \(SystemError.message(code))"))
        }
        return .success(OwnedDescriptor(fd))
    }

    static func openDirectory(named name: String, in parent: OwnedDescriptor) -> Result<OwnedDescriptor, WalkFailure> {
        let fd = openat(parent.fd, name, directorySearchFlags | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if fd >= 0 { return .success(OwnedDescriptor(fd)) }
        let code = errno
        // ELOOP is the usual answer for a link; some systems say ENOTDIR for a link
        // opened with O_DIRECTORY, so the entry itself decides.
        var info = stat()
        if fstatat(parent.fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
            if FileKind(info) == .symlink { return .failure(.symlink) }
            if FileKind(info) != .directory { return .failure(.missing) }
        }
        if code == ENOENT || code == ENOTDIR { return .failure(.missing) }
        if code == ELOOP { return .failure(.symlink) }
        return .failure(.error("open \(name): \(SystemError.message(code))"))
    }

    /// Names of the entries of an opened folder that are of `kind` without following
    /// links and pass `include`, sorted by their bytes; nil when it cannot be listed.
    static func entryNames(of folder: OwnedDescriptor, kind: FileKind, where include: (String) -> Bool) -> [String]? {
        let listingFD = openat(folder.fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard listingFD >= 0, let stream = fdopendir(listingFD) else {
            if listingFD >= 0 { close(listingFD) }
            return nil
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let entryName = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard entryName != ".", entryName != "..", include(entryName) else { continue }
            var info = stat()
            guard fstatat(folder.fd, entryName, &info, AT_SYMLINK_NOFOLLOW) == 0, FileKind(info) == kind else { continue }
            names.append(entryName)
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// Folders are opened only to walk through them: on Linux `O_PATH` needs no read
    /// permission on the folder; elsewhere a plain read-only open.
    #if os(Linux)
    static let directorySearchFlags: Int32 = openPathFlag
    #else
    static let directorySearchFlags: Int32 = O_RDONLY
    #endif
}

#if os(Linux)
/// `O_PATH` (Linux 2.6.39+), which Swift's Glibc module does not export: a descriptor
/// that names a file without opening it for reading or writing.
let openPathFlag: Int32 = 0o10000000
#endif

enum FileKind: Equatable {
    case regular, directory, symlink, other

    init(_ info: stat) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symlink
        default: self = .other
        }
    }
}

enum SystemError {
    static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
