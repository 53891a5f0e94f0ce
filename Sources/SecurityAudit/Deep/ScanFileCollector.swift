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

    static func collect(root: String, forcedEntries: [String] = []) throws(DirectoryListing.SystemError) -> [String] {
        var files: [String] = []
        var seen: Set<String> = []
        for entry in forcedEntries {
            let path = PathNormalization.resolve(entry, cwd: root)
            guard PathNormalization.isInside(path, root: root), isScannable(path), !seen.contains(path) else { continue }
            guard try DirectoryListing.statKind(path) == .file else { continue }
            files.append(path)
            seen.insert(path)
            if files.count >= maxFiles { return files }
        }
        for path in try walk(root: root) where !seen.contains(path) {
            guard files.count < maxFiles else { break }
            files.append(path)
            seen.insert(path)
        }
        return files
    }

    static func walk(root: String) throws(DirectoryListing.SystemError) -> [String] {
        var files: [String] = []
        var stack = [root]
        while let directory = stack.popLast(), files.count < maxFiles {
            for entry in try DirectoryListing.list(directory) {
                if files.count >= maxFiles { break }
                if isSkippedByWalk(entry.name) { continue }
                let path = directory == "/" ? "/" + entry.name : directory + "/" + entry.name
                switch entry.kind {
                case .directory:
                    if !testDirectoryNames.contains(entry.name) { stack.append(path) }
                case .file:
                    if isScannable(entry.name), !isTestFile(entry.name) { files.append(path) }
                case .symlink, .other:
                    // Symlinks are not followed: a link out of the plugin must not make
                    // the audit read (or hang on) files elsewhere.
                    break
                }
            }
        }
        return files
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
