import JSON5

/// The loaded config and what was learnt while loading it.
public struct LoadedConfig: Sendable {
    public var path: String
    public var exists: Bool
    /// The config after `$include` and `${VAR}` (an empty object when the file is missing).
    public var root: ConfigNode
    /// The config after `$include` but before `${VAR}` substitution: what the user wrote
    /// (the "source config"), for checks that must tell a `${VAR}`
    /// reference from a value stored in the file.
    public var sourceRoot: ConfigNode
    /// The main file as parsed, before includes: `--fix` edits its bytes.
    public var source: JSON5Node?
    public var sourceBytes: [UInt8]
    /// Every `$include` file read, absolute, in first-read order.
    public var includeFiles: [String]
    /// The bytes of each include file as read: `--fix` edits these, and refuses to write
    /// a file that no longer holds them.
    public var includeSources: [String: [UInt8]] = [:]
    /// `${VAR}` references the environment lacked, left as text, in first-seen order.
    public var missingEnvironmentVariables: [MissingEnvironmentVariable]
    /// The environment the checks see: the process environment plus the config's `env`
    /// block for variables not already set (as the original applies it).
    public var environment: [String: String]
    /// Config paths (`gateway.auth.password`, `a.b[0]`) whose string was exactly one
    /// `${VAR}` reference before substitution.
    public var templatedPaths: Set<String> = []
    /// Legacy keys found by `LegacyConfigMigration`; `root` and `sourceRoot` are then the
    /// migration view (content where it belongs now).
    public var legacyKeys: [LegacyConfigKey] = []
    /// The config as written, when the migration view differs from it: what `--fix`
    /// would edit.
    public var writtenRoot: ConfigNode?
    /// `sourceRoot` as written, when the migration view differs from it.
    public var writtenSourceRoot: ConfigNode?
    /// The shape `root` is in: the one the audited release reads.
    public var shape: ConfigShape = .keyedRoster
    /// Keys of a newer shape than the audited release reads (`agents.entries` in a
    /// 2026.7 config): not in `root`, reported as keys that release rejects.
    public var newerKeys: [RejectedConfigValue] = []

    public static func empty(path: String, environment: [String: String]) -> LoadedConfig {
        LoadedConfig(
            path: path, exists: false, root: .emptyObject, sourceRoot: .emptyObject, source: nil, sourceBytes: [],
            includeFiles: [], missingEnvironmentVariables: [], environment: environment)
    }
}

/// Loads `openclaw.json` as the original's config IO does, minus schema validation:
/// unknown keys are accepted so that configs of newer upstream versions still audit.
public struct ConfigLoader: Sendable {
    /// Far above any real config; keeps a hostile file from exhausting memory.
    public static let maxConfigFileBytes = 64 * 1024 * 1024
    /// Ours, and what actually bounds memory: a value costs a few hundred bytes once
    /// parsed, so 64 MiB of `0,` would take gigabytes. A real config holds thousands.
    /// The bound holds for the main file and, all together, for its includes.
    public static let maxConfigValues = 1_000_000

    public var environment: [String: String]
    /// Where the config and its includes are read from (the seam tests inject faults in).
    public var fileSystem: any FileSystemAccess

    public init(environment: [String: String], fileSystem: any FileSystemAccess = POSIXFileSystem()) {
        self.environment = environment
        self.fileSystem = fileSystem
    }

    public func load(path: String) throws(ConfigLoadError) -> LoadedConfig {
        let bytes: [UInt8]
        switch fileSystem.readFile(path, limit: Self.maxConfigFileBytes) {
        case .success(let read):
            bytes = read
        case .failure(let error):
            if error.isNotFound { return .empty(path: path, environment: environment) }
            throw ConfigLoadError(file: path, position: nil, message: "cannot read config: \(error.readFailureMessage)")
        }
        let parsed: JSON5Node
        do {
            parsed = try JSON5.parse(bytes: bytes, file: path, maxValues: Self.maxConfigValues)
        } catch {
            throw ConfigLoadError(error, file: path)
        }
        var includes = ConfigIncludeResolver(configPath: path, fileSystem: fileSystem)
        let included = try includes.resolve(parsed, file: path)
        guard included.object != nil else {
            throw ConfigLoadError(
                file: path, position: parsed.range.start,
                message: "config must be an object at the top level")
        }
        let effectiveEnvironment = Self.applyingEnvBlock(of: included, to: environment)
        var substitution = EnvironmentSubstitution(environment: effectiveEnvironment)
        let root = try substitution.apply(to: included, file: path)
        return LoadedConfig(
            path: path, exists: true, root: root, sourceRoot: included, source: parsed, sourceBytes: bytes,
            includeFiles: includes.includeFiles, includeSources: includes.includeSources,
            missingEnvironmentVariables: substitution.missing,
            environment: effectiveEnvironment, templatedPaths: substitution.templatedPaths)
    }

    /// Variables that would let a config take over the host process are never copied,
    /// as the original blocks them.
    static let blockedEnvironmentNames: Set<String> = [
        "PATH", "HOME", "SHELL", "NODE_OPTIONS", "NODE_PATH", "PYTHONPATH", "PYTHONHOME",
        "BASH_ENV", "ENV", "IFS", "PS4",
    ]

    static func isBlockedEnvironmentName(_ name: String) -> Bool {
        blockedEnvironmentNames.contains(name.uppercased()) || name.uppercased().hasPrefix("LD_")
            || name.uppercased().hasPrefix("DYLD_")
    }

    /// `env.vars.*` and string keys directly under `env` fill variables that are unset.
    static func applyingEnvBlock(of config: ConfigNode, to environment: [String: String]) -> [String: String] {
        guard let envBlock = config["env"].object else { return environment }
        var entries: [(String, String)] = []
        for (key, value) in envBlock["vars"].object?.entries ?? [] {
            if let text = value.string, !text.isEmpty { entries.append((key, text)) }
        }
        for (key, value) in envBlock.entries where key != "vars" && key != "shellEnv" {
            if let text = value.string, !text.trimmingWhitespace.isEmpty { entries.append((key, text)) }
        }
        var result = environment
        for (key, value) in entries where DotEnv.isValidKey(key) && !isBlockedEnvironmentName(key) {
            if (result[key]?.trimmingWhitespace ?? "").isEmpty { result[key] = value }
        }
        return result
    }
}
