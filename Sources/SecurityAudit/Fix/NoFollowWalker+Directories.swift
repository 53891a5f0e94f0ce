#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension NoFollowWalker {
    /// Names of the real folders (not links to folders) directly in the folder `name`
    /// of `parent`, sorted by their bytes; nil when that folder cannot be opened without
    /// following a link.
    static func listDirectories(named name: String, in parent: OwnedDescriptor) -> [String]? {
        guard case .success(let folder) = openDirectory(named: name, in: parent) else { return nil }
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
            guard entryName != ".", entryName != ".." else { continue }
            var info = stat()
            guard fstatat(folder.fd, entryName, &info, AT_SYMLINK_NOFOLLOW) == 0, FileKind(info) == .directory else { continue }
            names.append(entryName)
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
