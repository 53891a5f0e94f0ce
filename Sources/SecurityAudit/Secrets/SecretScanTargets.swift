/// The files `openclaw-security scan-secrets PATH…` reads: each named file, and every
/// regular file under each named directory. Symlinks inside a directory are not
/// followed (no loops, no escaping the tree); a named symlink is.
public enum SecretScanTargets {
    public struct Expansion: Sendable {
        public var files: [String]
        /// Paths that could not be listed or examined.
        public var gaps: [InspectionGap]
    }

    public static func expand(_ paths: [String], fileSystem: any FileSystemAccess = POSIXFileSystem()) -> Expansion {
        var files: [String] = []
        var gaps: [InspectionGap] = []
        var seen = Set<String>()
        for path in paths {
            switch fileSystem.stat(path) {
            case .failure(let error):
                gaps.append(InspectionGap(path: path, reason: error.message))
            case .success(let status) where status.isDirectory:
                walk(path, fileSystem: fileSystem, files: &files, gaps: &gaps)
            case .success(let status) where status.isRegularFile:
                files.append(path)
            case .success:
                gaps.append(InspectionGap(path: path, reason: "not a regular file or directory"))
            }
        }
        files = files.filter { seen.insert($0).inserted }
        return Expansion(files: files, gaps: gaps)
    }

    private static func walk(_ root: String, fileSystem: any FileSystemAccess, files: inout [String], gaps: inout [InspectionGap]) {
        var pending = [root]
        while let directory = pending.popLast() {
            switch fileSystem.listDirectory(directory) {
            case .failure(let error):
                gaps.append(InspectionGap(path: directory, reason: error.message))
            case .success(let entries):
                let prefix = directory.hasSuffix("/") ? directory : directory + "/"
                var subdirectories: [String] = []
                for entry in entries {
                    switch entry.kind {
                    case .file: files.append(prefix + entry.name)
                    case .directory: subdirectories.append(prefix + entry.name)
                    case .symlink, .other: continue
                    }
                }
                // Depth first, in listing order.
                pending.append(contentsOf: subdirectories.reversed())
            }
        }
    }
}
