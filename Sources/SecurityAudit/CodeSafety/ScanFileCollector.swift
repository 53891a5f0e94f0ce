/// Which files of a plugin or skill directory the code scan reads, in the original's
/// order: forced entry files first, then a depth-first walk (last directory pushed is
/// visited first), at most `maxFiles`.
enum ScanFileCollector {
    static let maxFiles = 500
    static let maxFileBytes = 1024 * 1024
    static let scannableExtensions: Set<String> = ["js", "ts", "mjs", "cjs", "mts", "cts", "jsx", "tsx"]

    static func isScannable(_ path: String) -> Bool {
        let name = PathNormalization.basename(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return scannableExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// `foo.test.js`, `foo.test.ts`...: test code does not ship behaviour, and the
    /// original's users reported its hits as noise. Entry files are scanned whatever
    /// their name.
    static func isTestFile(_ name: String) -> Bool {
        name.split(separator: ".").dropFirst().dropLast().contains("test")
    }

    static let testDirectoryNames: Set<String> = ["__tests__"]

    /// Hidden paths and `node_modules` are not walked (they are scanned only when an
    /// entry names them explicitly).
    static func isSkippedByWalk(_ name: String) -> Bool {
        name.hasPrefix(".") || name == "node_modules"
    }

    /// The files to scan, and the links the walk did not follow because they lead out
    /// of the folder.
    struct Listing: Sendable, Equatable {
        var files: [String] = []
        var linksOut: [String] = []
    }

    static func collect(
        root: String, forcedEntries: [String] = [], fileSystem: any FileSystemAccess = POSIXFileSystem()
    ) throws(FileSystemError) -> Listing {
        var listing = Listing()
        var seen: Set<String> = []
        for entry in forcedEntries {
            let path = PathNormalization.resolve(entry, cwd: root)
            guard PathNormalization.isInside(path, root: root), isScannable(path), !seen.contains(path) else { continue }
            guard try fileSystem.kindFollowingLinks(path) == .file else { continue }
            listing.files.append(path)
            seen.insert(path)
            if listing.files.count >= maxFiles { return listing }
        }
        let walked = try walk(root: root, fileSystem: fileSystem)
        // A forced entry that is a link is read (confined) and reported by the scan.
        listing.linksOut = walked.linksOut.filter { !seen.contains($0) }
        for path in walked.files where !seen.contains(path) {
            guard listing.files.count < maxFiles else { break }
            listing.files.append(path)
            seen.insert(path)
        }
        return listing
    }

    static func walk(root: String, fileSystem: any FileSystemAccess = POSIXFileSystem()) throws(FileSystemError) -> Listing {
        var listing = Listing()
        let realRoot = fileSystem.resolvedPath(root) ?? root
        var stack = [root]
        while let directory = stack.popLast(), listing.files.count < maxFiles {
            for entry in try fileSystem.scanListing(directory) {
                if listing.files.count >= maxFiles { break }
                if isSkippedByWalk(entry.name) { continue }
                let path = directory == "/" ? "/" + entry.name : directory + "/" + entry.name
                switch entry.kind {
                case .directory:
                    if !testDirectoryNames.contains(entry.name) { stack.append(path) }
                case .file:
                    if isScannable(entry.name), !isTestFile(entry.name) { listing.files.append(path) }
                case .symlink:
                    // Symlinks are not followed: a link out of the plugin must not make
                    // the audit read (or hang on) files elsewhere. One that leads out to
                    // code or a folder is listed, so the scan does not read as complete.
                    if isLinkOut(path, name: entry.name, realRoot: realRoot, fileSystem: fileSystem) {
                        listing.linksOut.append(path)
                    }
                case .other:
                    break
                }
            }
        }
        return listing
    }

    /// A link to a folder, or to a file the walk would scan, whose target lies outside
    /// the (real) root. Dangling links and links within the root are not.
    static func isLinkOut(_ path: String, name: String, realRoot: String, fileSystem: any FileSystemAccess) -> Bool {
        guard let kind = try? fileSystem.kindFollowingLinks(path) else { return false }
        let wanted = kind == .directory ? !testDirectoryNames.contains(name)
            : kind == .file && isScannable(name) && !isTestFile(name)
        guard wanted, let target = fileSystem.resolvedPath(path) else { return false }
        return !PathNormalization.isInside(target, root: realRoot)
    }

    /// Where a finding points: relative to the root with `/`, or the file name when the
    /// file lies outside the root.
    static func displayPath(_ file: String, root: String) -> String {
        let normalizedRoot = PathNormalization.normalize(root)
        let normalizedFile = PathNormalization.normalize(file)
        let prefix = normalizedRoot == "/" ? "/" : normalizedRoot + "/"
        if normalizedFile.hasPrefix(prefix) {
            return String(normalizedFile.dropFirst(prefix.count))
        }
        return PathNormalization.basename(file)
    }
}
