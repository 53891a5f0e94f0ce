/// Everything a check may look at, gathered before any check runs. Checks are pure
/// functions of this value: no check reads a file, the clock or the network.
public struct AuditContext: Sendable {
    public var config: ConfigNode
    public var configFile: LoadedConfig
    public var environment: [String: String]
    public var paths: OpenClawPaths
    /// Modes, owners, listings and small reads of the state dir and workspaces.
    public var files: FileFacts
    /// Secrets found in the config, its backups, `.env` and (deep) transcripts.
    public var secrets = SecretScanFacts()
    public var deep: Bool
    /// Gateway settings derived once from the config and environment.
    public let gateway: GatewaySettings
    /// The agents of `agents.list` or `agents.entries`.
    public let agents: AgentRoster
    /// Docker containers and resolved secrets (gathered by `AuditPreparation`; empty
    /// when a context is built without it).
    public let external: ExternalFacts
    /// What the `--deep` collectors found (`DeepAudit.collect`); nil when they did not run.
    public var deepFacts: DeepFacts?
    /// Pairing stores and channel credential files, read before the checks.
    public let channelFacts: ChannelFacts
    /// The channel plugins and their accounts.
    public let channels: ChannelInventory
    /// What each source says about the audited OpenClaw release (the config's stamp from
    /// the start; the flag and the installed package from `AuditPreparation`, the
    /// gateway's answer from the deep step).
    public var releaseEvidence: ReleaseEvidence
    /// The security advisories the release is matched against (the bundled snapshot or
    /// `--advisories`), and the day of the audit that their age is judged at.
    public var advisories = AdvisoryFacts()

    public init(
        configFile: LoadedConfig, paths: OpenClawPaths, files: FileFacts = FileFacts(), deep: Bool = false,
        external: ExternalFacts = ExternalFacts(), channelFacts: ChannelFacts = .none
    ) {
        self.config = configFile.root
        self.configFile = configFile
        self.environment = configFile.environment
        self.paths = paths
        self.files = files
        self.deep = deep
        self.gateway = GatewaySettings(config: configFile.root, environment: configFile.environment)
        self.agents = AgentRoster(config: configFile.root)
        self.external = external
        self.channelFacts = channelFacts
        self.channels = ChannelInventory(
            config: configFile.root, environment: configFile.environment, paths: paths, agents: agents, facts: channelFacts)
        var evidence = ReleaseEvidence()
        if let stamp = configFile.root["meta"]["lastTouchedVersion"].string {
            evidence.add(ReleaseClaim(source: .config, text: stamp))
        }
        self.releaseEvidence = evidence
    }

    /// The OpenClaw release audited: checks outside its range do not run, and checks
    /// whose behaviour changed follow it. Unknown means the newest behaviour.
    public var openclaw: OpenClawRelease { releaseEvidence.resolved }

    /// The tool-policy chain of an agent (nil = `agents.defaults`).
    public func toolPolicy(for agent: AgentRoster.Agent?) -> ToolPolicyChain {
        ToolPolicyChain(agent: agent, roster: agents, config: config)
    }

    /// A trimmed, non-empty environment value.
    public func env(_ name: String) -> String? {
        guard let value = environment[name]?.trimmingWhitespace, !value.isEmpty else { return nil }
        return value
    }

    /// `formatCliCommand`: a CLI hint names the active profile so it can be pasted as is.
    public func cliCommand(_ command: String) -> String {
        CLICommandFormatter.format(command, profile: environment["OPENCLAW_PROFILE"])
    }
}

enum CLICommandFormatter {
    static func format(_ command: String, profile rawProfile: String?) -> String {
        guard let profile = rawProfile?.trimmingWhitespace, !profile.isEmpty,
              profile.lowercased() != "default", CLIProfile.isValidName(profile),
              command.hasPrefix("openclaw "),
              !command.contains("--profile"), !command.contains("--dev")
        else { return command }
        return "openclaw --profile \(profile) " + command.dropFirst("openclaw ".count)
    }

    /// One of this tool's own commands (`openclaw-security audit --deep`), with the profile
    /// the audit ran under as an audit option. Upstream's remediation texts keep naming
    /// upstream's CLI (`format`); hints about this tool name this tool.
    static func ownAudit(_ flags: String, profile rawProfile: String?) -> String {
        var command = "openclaw-security audit" + (flags.isEmpty ? "" : " " + flags)
        if let profile = rawProfile?.trimmingWhitespace, !profile.isEmpty,
           profile.lowercased() != "default", CLIProfile.isValidName(profile) {
            command += " --profile \(profile)"
        }
        return command
    }
}
