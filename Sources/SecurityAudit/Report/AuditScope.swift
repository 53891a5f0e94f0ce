/// What the audit read and what it could not judge, for the report's header line: the
/// config and its includes (the release has its own line: `AuditReport.openclaw`), `${VAR}`
/// references whose values are unknown here and keys whose content was not audited as
/// written (legacy keys, values OpenClaw would refuse or ignore).
public struct AuditScope: Sendable, Equatable {
    public var configPath: String
    public var configExists: Bool
    public var includeCount: Int
    /// Config paths whose value holds an unresolved `${VAR}`.
    public var unresolvedPaths: [String]
    /// Legacy keys, audited as where their content belongs now.
    public var legacyKeys: [String]
    /// Keys whose value OpenClaw refuses (`config.invalid_value`): what is written is not what runs.
    public var ignoredKeys: [String]

    public init(
        configPath: String, configExists: Bool, includeCount: Int = 0,
        unresolvedPaths: [String] = [], legacyKeys: [String] = [], ignoredKeys: [String] = []
    ) {
        self.configPath = configPath
        self.configExists = configExists
        self.includeCount = includeCount
        self.unresolvedPaths = unresolvedPaths
        self.legacyKeys = legacyKeys
        self.ignoredKeys = ignoredKeys
    }

    init(context: AuditContext) {
        var unresolved: [String] = []
        for missing in context.configFile.missingEnvironmentVariables where !unresolved.contains(missing.configPath) {
            unresolved.append(missing.configPath)
        }
        self.init(
            configPath: context.configFile.path, configExists: context.configFile.exists,
            includeCount: context.configFile.includeFiles.count, unresolvedPaths: unresolved,
            legacyKeys: context.configFile.legacyKeys.map(\.path),
            ignoredKeys: ConfigValueValidation.problems(in: context).map(\.path))
    }
}
