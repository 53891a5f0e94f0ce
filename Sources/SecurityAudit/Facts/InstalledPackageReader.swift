/// The version of the OpenClaw installed for this user: the `openclaw` executable on
/// PATH, its symbolic links resolved (npm links `bin/openclaw` to the package's entry
/// script), then the nearest enclosing `package.json` named `openclaw` or one of its
/// earlier names (`clawdbot`, `moltbot`). Wrappers that are not inside the package
/// (shell shims) give nothing: the version is only believed when the file says so.
enum InstalledPackageReader {
    static let packageNames: Set<String> = ["openclaw", "clawdbot", "moltbot"]
    static let executableName = "openclaw"
    static let maxManifestBytes = 1024 * 1024
    /// Folders walked up from the executable before giving up.
    static let maxDepth = 8

    static func claim(path: String?, fileSystem: any FileSystemAccess = POSIXFileSystem()) -> ReleaseClaim? {
        guard let executable = ExecutableLookup.find(executableName, path: path),
              let real = fileSystem.resolvedPath(executable)
        else { return nil }
        var directory = PathNormalization.dirname(real)
        for _ in 0..<maxDepth {
            let manifest = PathNormalization.join(directory, "package.json")
            if let bytes = try? fileSystem.readFile(manifest, limit: maxManifestBytes).get(),
               let json = try? StrictJSON.parse(String(decoding: bytes, as: UTF8.self)),
               let name = json["name"]?.stringValue, packageNames.contains(name),
               let version = json["version"]?.stringValue {
                return ReleaseClaim(source: .installedPackage, text: version, origin: "\(name) (\(manifest))")
            }
            let parent = PathNormalization.dirname(directory)
            if parent == directory { break }
            directory = parent
        }
        return nil
    }
}
