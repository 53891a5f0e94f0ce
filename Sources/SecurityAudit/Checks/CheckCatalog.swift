/// Every check, in the original's emission order (checks.md §1.3, later-checks.md §2).
/// Ids still waiting for their implementation are listed in `pendingIDs`: the catalog
/// test reports each of them as a known gap, so a missing check is never silent.
public enum CheckCatalog {
    public static let checks: [any Check] = [
        AttackSurfaceSummaryCheck(),
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
        TrustedProxyAuthCheck(),
        GatewayRateLimitCheck(),
        // Browser control, logging, then (after elevated) the exec runtime.
        BrowserControlCheck(),
        LoggingRedactionCheck(),
        ExecHostSandboxCheck(),
        TeammateExecCheck(),
        FsToolsDisabledExecCheck(),
        ExecApprovalsCheck(),
        SafeBinsCheck(),
        SkillMCPBoundaryCheck(),
        // Hooks hardening, then the HTTP collectors that follow hooks in the original.
        HooksTokenCheck(),
        HooksRoutingCheck(),
        GatewayHTTPAuthCheck(),
        GatewayHTTPSessionKeyCheck(),
        // Sandbox configuration, node commands.
        SandboxDockerModeOffCheck(),
        SandboxDangerousDockerCheck(),
        NodeDenyCommandsCheck(),
        NodeDangerousAllowCheck(),
        // Secrets in config, model hygiene, small models.
        SecretsInConfigCheck(),
        ModelHygieneCheck(),
        SmallModelCheck(),
        // The trust-model pair (the multi-user heuristic comes first).
        GroupScopeMainCheck(),
        // Filesystem block: state dir and config, includes, state files, workspace
        // skills, sandbox browser containers, then plugin trust with the hook install
        // records (checks.md §1.3 step 21, later-checks.md §2 step 15).
        StateDirPermissionsCheck(),
        StateDirOwnerCheck(),
        ConfigFilePermissionsCheck(),
        ConfigIncludePermissionsCheck(),
        CredentialsDirPermissionsCheck(),
        AgentStateFilePermissionsCheck(),
        SessionTranscriptPermissionsCheck(),
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
        // The deep gateway probe comes last.
        GatewayProbeCheck(),
    ]

    /// Every declared id, in catalog order, then the ids the report itself emits after
    /// all checks (suppression review).
    public static var infos: [CheckInfo] { checks.flatMap(\.infos) + Suppressions.infos }

    /// Baseline ids (checks.md) that no check implements yet.
    public static let pendingIDs: [String] = [
        "tools.elevated.allowFrom.<provider>.wildcard",
        "tools.elevated.allowFrom.<provider>.large",
        "tools.profile_minimal_overridden",
        "security.exposure.open_groups_with_elevated",
        "security.exposure.open_groups_with_runtime_or_fs",
        "security.trust_model.multi_user_heuristic",
        "channels.<id>.dm.open",
        "channels.<id>.dm.open_invalid",
        "channels.<id>.dm.disabled",
        "channels.<id>.dm.scope_main_multiuser",
        "channels.<id>.warning.<N>",
        "channels.<id>.allowFrom.dangerous_name_matching_enabled",
        "channels.discord.allowFrom.name_based_entries",
        "channels.discord.commands.native.no_allowlists",
        "channels.discord.commands.native.unrestricted",
        "channels.slack.commands.slash.no_allowlists",
        "channels.slack.commands.slash.useAccessGroups_off",
        "channels.telegram.allowFrom.invalid_entries",
        "channels.telegram.groups.allowFrom.missing",
        "channels.telegram.groups.allowFrom.wildcard",
    ]
}
