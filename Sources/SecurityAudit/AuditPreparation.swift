/// What the CLI knows before the audit starts.
public struct AuditRequest: Sendable {
    /// The process environment; flags have already been written into it.
    public var environment: [String: String]
    public var cwd: String
    public var systemHome: String?
    public var deep: Bool
    /// Read `.env` from the working directory and the state dir, as the original does.
    public var loadDotEnv: Bool
    /// Where file facts are read from; tests wrap it to simulate unreadable paths.
    public var fileSystem: any FileSystemAccess = POSIXFileSystem()

    public init(environment: [String: String], cwd: String, systemHome: String?, deep: Bool = false, loadDotEnv: Bool = true) {
        self.environment = environment
        self.cwd = cwd
        self.systemHome = systemHome
        self.deep = deep
        self.loadDotEnv = loadDotEnv
    }
}

/// All the I/O before the checks: dotenv files, path resolution, config loading, the
/// file facts the filesystem and plugin checks read, and the secret scan (transcripts
/// only when `deep`).
public enum AuditPreparation {
    /// A `.env` larger than this is not a dotenv file.
    static let maxDotEnvBytes = 1024 * 1024

    public static func prepare(_ request: AuditRequest) throws(ConfigLoadError) -> AuditContext {
        var environment = request.environment
        let exists: @Sendable (String) -> Bool = { FileSystemProbe.exists($0) }
        if request.loadDotEnv {
            merge(dotEnvAt: PathNormalization.join(request.cwd, ".env"), into: &environment)
        }
        var resolver = PathResolver(environment: environment, cwd: request.cwd, systemHome: request.systemHome, exists: exists)
        if request.loadDotEnv {
            merge(dotEnvAt: PathNormalization.join(resolver.resolveStateDir(), ".env"), into: &environment)
            resolver.environment = environment
        }
        let paths = resolver.resolve()
        let loaded = try ConfigLoader(environment: environment).load(path: paths.configPath)
        var files = FileFactsGatherer(
            fileSystem: request.fileSystem, config: loaded.root, paths: paths,
            includeFiles: loaded.includeFiles, environment: loaded.environment, resolver: resolver
        ).gather()
        let secrets = SecretFactsCollector(fileSystem: request.fileSystem, paths: paths, config: loaded)
            .collect(deep: request.deep, transcripts: files.sessionTranscripts, gaps: &files.gaps)
        var context = AuditContext(configFile: loaded, paths: paths, files: files, deep: request.deep)
        context.secrets = secrets
        return context
    }

    /// Adds variables from a dotenv file without overriding what is already set.
    static func merge(dotEnvAt path: String, into environment: inout [String: String]) {
        guard let bytes = try? BoundedFileReader.read(path, limit: maxDotEnvBytes) else { return }
        for (key, value) in DotEnv.parse(String(decoding: bytes, as: UTF8.self)) where environment[key] == nil {
            environment[key] = value
        }
    }
}
