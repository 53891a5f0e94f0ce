/// Every check, in the original's emission order.
/// Ids still waiting for their implementation are listed in `pendingIDs`: the catalog
/// test reports each of them as a known gap, so a missing check is never silent.
public enum CheckCatalog {
    public static let checks: [any Check] = [
        AttackSurfaceSummaryCheck(),
        AgentRosterDefaultCheck(),
        // What the audit could not read as written (ours): values it cannot know.
        LegacyKeysCheck(),
        RejectedValuesCheck(),
        UnresolvedReferenceCheck(),
        SyncedDirCheck(),
        // Gateway config collector.
        GatewayHTTPToolsCheck(),
        GatewayBindAuthCheck(),
        EnvTokenOverridesConfigCheck(),
        WebFetchEnvProxyCheck(),
        TrustedProxiesMissingCheck(),
        LoopbackAuthCheck(),
        ControlUIOriginCheck(),
        RealIPFallbackCheck(),
        MDNSFullModeCheck(),
        TailscaleExposureCheck(),
        ControlUIAuthTogglesCheck(),
        FeishuDocToolCheck(),
        MCPAppsCheck(),
        DangerousFlagsCheck(),
        GatewayTokenLengthCheck(),
        // Ours: example values as gateway and hooks credentials.
        PlaceholderSecretCheck(),
        TrustedProxyAuthCheck(),
        GatewayRateLimitCheck(),
        // Browser control, logging, elevated allowlists, then the exec runtime.
        BrowserControlCheck(),
        LoggingRedactionCheck(),
        ElevatedAllowlistCheck(),
        ExecHostSandboxCheck(),
        ExecSecurityExposureCheck(),
        FsToolsDisabledExecCheck(),
        ExecApprovalsCheck(),
        SafeBinsCheck(),
        SkillMCPBoundaryCheck(),
        // Hooks hardening, then the HTTP collectors that follow hooks in the original.
        HooksTokenCheck(),
        HooksRoutingCheck(),
        GatewayHTTPAuthCheck(),
        GatewayHTTPSessionKeyCheck(),
        // Sandbox configuration, node commands, the minimal-profile override.
        SandboxDockerModeOffCheck(),
        SandboxDangerousDockerCheck(),
        SandboxBrowserBridgeCheck(),
        NodeDenyCommandsCheck(),
        NodeDangerousAllowCheck(),
        MinimalProfileOverrideCheck(),
        // Secrets in config, model hygiene, small models.
        SecretsInConfigCheck(),
        // Secret scan (ours), right after the config.secrets.* ids: config and includes,
        // config backups, the state dir .env, then transcripts (deep).
        ConfigPlaintextSecretsCheck(),
        URLCredentialsCheck(),
        BackupPlaintextSecretsCheck(),
        EnvFileSecretsCheck(),
        TranscriptSecretsCheck(),
        DatabaseSecretsCheck(),
        ModelHygieneCheck(),
        SmallModelCheck(),
        // The exposure matrix, then the trust model.
        OpenGroupsElevatedCheck(),
        OpenGroupsRuntimeCheck(),
        ControlPlaneExposureCheck(),
        MultiUserHeuristicCheck(),
        GroupScopeMainCheck(),
        CrossAgentSessionAccessCheck(),
        // Filesystem block: state dir and config, includes, state files, workspace
        // skills, sandbox browser containers, then plugin trust with the hook install
        // records.
        StateDirPermissionsCheck(),
        StateDirOwnerCheck(),
        ConfigFilePermissionsCheck(),
        ConfigIncludePermissionsCheck(),
        CredentialsDirPermissionsCheck(),
        AgentStateFilePermissionsCheck(),
        SessionTranscriptPermissionsCheck(),
        StateDatabasePermissionsCheck(),
        LogFilePermissionsCheck(),
        WorkspaceSkillEscapeCheck(),
        SandboxBrowserContainerCheck(),
        PluginAllowPhantomEntriesCheck(),
        ExtensionsAllowlistCheck(),
        PluginToolReachabilityCheck(),
        PluginInstallRecordsCheck(),
        HookInstallRecordsCheck(),
        // Deep part of the filesystem block: plugin code scan, then installed skills.
        PluginCodeSafetyCheck(),
        SkillCodeSafetyCheck(),
        // What the file facts could not cover, after every check that reads them.
        InspectionIncompleteCheck(),
        // The channel collector (every account through `channelChecks`), then the deep
        // gateway probe last.
        ChannelSecurityCheck(),
        GatewayProbeCheck(),
        // Ours, after every upstream id: the release against its security advisories.
        VulnerableReleaseCheck(),
    ]

    /// The checks of the channel collector, in the order each account goes through them
    /// (upstream `src/security/audit-channel.ts`): `ChannelSecurityCheck` runs them
    /// account by account, so their findings interleave as the original emits them.
    static let channelChecks: [any ChannelAccountCheck] = [
        // Before the enabled/configured gate, as the original reports them.
        AccountResolutionCheck(),
        NameMatchingCheck(),
        MutableAllowFromEntriesCheck(),
        DiscordAllowlistedGroupsCheck(),
        DiscordNameBasedEntriesCheck(),
        DiscordSlashCommandsCheck(),
        ZalouserGroupRoutingCheck(),
        SlackSlashCommandsCheck(),
        DMPolicyCheck(),
        RoutingOwnerMissingCheck(),
        ChannelWarningCheck(),
        TelegramGroupCommandsCheck(),
        // After every account: DM senders that share a session.
        DMSessionCollisionCheck(),
    ]

    /// Every declared id, in catalog order, then the ids the report itself emits after
    /// all checks (suppression review).
    public static var infos: [CheckInfo] { checks.flatMap(\.infos) + Suppressions.infos }

    /// Baseline ids that no check implements yet.
    public static let pendingIDs: [String] = [
        // Upstream's DM routing simulation (`src/security/audit-channel.ts`, 2026.8.1):
        // texts come from plugins' DM routing hooks, which this tool does not model yet.
        "channels.<id>.dm.wildcard_routing_unverified.<accountId>",
    ]
}
