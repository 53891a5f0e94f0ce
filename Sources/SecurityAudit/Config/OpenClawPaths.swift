/// Where the audited installation lives, resolved as the original resolves it
/// (`src/config/paths.ts`, `src/infra/home-dir.ts`).
public struct OpenClawPaths: Sendable, Equatable {
    public var homeDir: String
    public var stateDir: String
    public var configPath: String
    public var credentialsDir: String

    public init(homeDir: String, stateDir: String, configPath: String, credentialsDir: String) {
        self.homeDir = homeDir
        self.stateDir = stateDir
        self.configPath = configPath
        self.credentialsDir = credentialsDir
    }
}

/// Resolves home, state dir, config path and credentials dir from an environment.
/// Existence checks go through `exists` so tests can use real temporary homes.
public struct PathResolver: Sendable {
    static let stateDirName = ".openclaw"
    static let legacyStateDirNames = [".clawdbot", ".moldbot", ".moltbot"]
    static let configFileName = "openclaw.json"
    static let legacyConfigFileNames = ["clawdbot.json", "moldbot.json", "moltbot.json"]

    public var environment: [String: String]
    public var cwd: String
    /// The account's home from the password database, used when no variable names one.
    public var systemHome: String?
    public var exists: @Sendable (String) -> Bool

    public init(
        environment: [String: String], cwd: String, systemHome: String?,
        exists: @escaping @Sendable (String) -> Bool
    ) {
        self.environment = environment
        self.cwd = cwd
        self.systemHome = systemHome
        self.exists = exists
    }

    public func resolve() -> OpenClawPaths {
        let stateDir = resolveStateDir()
        return OpenClawPaths(
            homeDir: homeDir(),
            stateDir: stateDir,
            configPath: resolveConfigPath(stateDir: stateDir),
            credentialsDir: resolveCredentialsDir(stateDir: stateDir))
    }

    private func env(_ name: String) -> String? {
        guard let raw = environment[name] else { return nil }
        let trimmed = raw.trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `OPENCLAW_HOME` (a leading `~` expands against HOME / USERPROFILE), then HOME,
    /// USERPROFILE, the password database, and finally the working directory.
    public func homeDir() -> String {
        let fallback = env("HOME") ?? env("USERPROFILE") ?? systemHome.flatMap { $0.isEmpty ? nil : $0 }
        if let explicit = env("OPENCLAW_HOME") {
            if explicit == "~" || explicit.hasPrefix("~/") {
                guard let fallback else { return PathNormalization.resolve(cwd, cwd: cwd) }
                return PathNormalization.resolve(fallback + explicit.dropFirst(), cwd: cwd)
            }
            return PathNormalization.resolve(explicit, cwd: cwd)
        }
        return PathNormalization.resolve(fallback ?? cwd, cwd: cwd)
    }

    /// `~` expansion and `path.resolve`, as the original's `resolveUserPath`.
    public func resolveUserPath(_ input: String) -> String {
        let trimmed = input.trimmingWhitespace
        if trimmed == "~" || trimmed.hasPrefix("~/") {
            return PathNormalization.resolve(homeDir() + trimmed.dropFirst(), cwd: cwd)
        }
        return PathNormalization.resolve(trimmed, cwd: cwd)
    }

    public func resolveStateDir() -> String {
        if let override = env("OPENCLAW_STATE_DIR") ?? env("CLAWDBOT_STATE_DIR") {
            return resolveUserPath(override)
        }
        let home = homeDir()
        let newDir = PathNormalization.join(home, Self.stateDirName)
        if exists(newDir) { return newDir }
        for legacy in Self.legacyStateDirNames {
            let dir = PathNormalization.join(home, legacy)
            if exists(dir) { return dir }
        }
        return newDir
    }

    public func resolveConfigPath(stateDir: String) -> String {
        if let override = env("OPENCLAW_CONFIG_PATH") {
            return resolveUserPath(override)
        }
        let inStateDir = ([Self.configFileName] + Self.legacyConfigFileNames).map {
            PathNormalization.join(stateDir, $0)
        }
        if let existing = inStateDir.first(where: exists) { return existing }
        if env("OPENCLAW_STATE_DIR") != nil {
            return PathNormalization.join(stateDir, Self.configFileName)
        }
        if PathNormalization.normalize(stateDir) == resolveStateDir() {
            if let existing = defaultConfigCandidates().first(where: exists) { return existing }
            if let explicit = env("CLAWDBOT_CONFIG_PATH") { return resolveUserPath(explicit) }
        }
        return PathNormalization.join(stateDir, Self.configFileName)
    }

    /// The places a config is looked for when nothing names one, in the original's order.
    func defaultConfigCandidates() -> [String] {
        if let explicit = env("OPENCLAW_CONFIG_PATH") ?? env("CLAWDBOT_CONFIG_PATH") {
            return [resolveUserPath(explicit)]
        }
        let names = [Self.configFileName] + Self.legacyConfigFileNames
        var dirs: [String] = []
        if let stateOverride = env("OPENCLAW_STATE_DIR") ?? env("CLAWDBOT_STATE_DIR") {
            dirs.append(resolveUserPath(stateOverride))
        }
        let home = homeDir()
        dirs += ([Self.stateDirName] + Self.legacyStateDirNames).map { PathNormalization.join(home, $0) }
        return dirs.flatMap { dir in names.map { PathNormalization.join(dir, $0) } }
    }

    public func resolveCredentialsDir(stateDir: String) -> String {
        if let override = env("OPENCLAW_OAUTH_DIR") { return resolveUserPath(override) }
        return PathNormalization.join(stateDir, "credentials")
    }
}

/// `--profile NAME` / `--dev`: fill in the profile's state dir and config path unless
/// the environment already names them (`src/cli/profile.ts`).
public enum CLIProfile {
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 64 else { return false }
        func isAlnum(_ s: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
        }
        return isAlnum(first) && name.unicodeScalars.allSatisfy { isAlnum($0) || $0 == "_" || $0 == "-" }
    }

    public static func apply(profile rawProfile: String, to environment: inout [String: String], homeDir: String) {
        let profile = rawProfile.trimmingWhitespace
        guard !profile.isEmpty else { return }
        environment["OPENCLAW_PROFILE"] = profile
        let suffix = profile.lowercased() == "default" ? "" : "-\(profile)"
        let existingState = environment["OPENCLAW_STATE_DIR"]?.trimmingWhitespace ?? ""
        let stateDir = existingState.isEmpty ? PathNormalization.join(homeDir, ".openclaw\(suffix)") : existingState
        if existingState.isEmpty { environment["OPENCLAW_STATE_DIR"] = stateDir }
        if (environment["OPENCLAW_CONFIG_PATH"]?.trimmingWhitespace ?? "").isEmpty {
            environment["OPENCLAW_CONFIG_PATH"] = PathNormalization.join(stateDir, "openclaw.json")
        }
        if profile == "dev", (environment["OPENCLAW_GATEWAY_PORT"]?.trimmingWhitespace ?? "").isEmpty {
            environment["OPENCLAW_GATEWAY_PORT"] = "19001"
        }
    }
}
