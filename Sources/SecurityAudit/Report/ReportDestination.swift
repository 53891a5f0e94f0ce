/// Whether a report or baseline may be written to a path. The audit reads the config,
/// its includes and the state dir; a report written over one of them would replace the
/// config with the report (with no backup) or plant a file among the credentials. Both
/// the name as given (the file `rename` replaces) and, for an existing file, what it
/// links to are compared, after resolving the folders' symlinks.
public enum ReportDestination {
    public static func refusal(
        for output: String, cwd: String, stateDir: String, configPath: String, includeFiles: [String]
    ) -> String? {
        let candidates = forms(PathNormalization.resolve(output, cwd: cwd))
        let config = forms(configPath)
        let includes = includeFiles.flatMap(forms)
        let stateDirs = [PathNormalization.normalize(stateDir), BoundedFileReader.realpath(stateDir)].compactMap { $0 }
        for candidate in candidates {
            if config.contains(candidate) { return "it is the audited config" }
            if includes.contains(candidate) { return "it is an include file of the audited config" }
            if let dir = stateDirs.first(where: { PathNormalization.isInside(candidate, root: $0) }) {
                return "it is inside the state dir \(dir)"
            }
        }
        return nil
    }

    /// The path as written, with its folder's symlinks resolved, and what it resolves to.
    static func forms(_ path: String) -> [String] {
        [PathNormalization.normalize(path), canonicalName(path), BoundedFileReader.realpath(path)].compactMap { $0 }
    }

    /// The path with its folder's symlinks resolved; the last component stays as named.
    static func canonicalName(_ path: String) -> String {
        let normalized = PathNormalization.normalize(path)
        guard let folder = BoundedFileReader.realpath(PathNormalization.dirname(normalized)) else { return normalized }
        return PathNormalization.join(folder, PathNormalization.basename(normalized))
    }
}
