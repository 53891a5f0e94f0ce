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
        TrustedProxiesMissingCheck(),
        LoopbackAuthCheck(),
        ControlUIOriginCheck(),
        RealIPFallbackCheck(),
        MDNSFullModeCheck(),
        TailscaleExposureCheck(),
        ControlUIAuthTogglesCheck(),
        DangerousFlagsCheck(),
        GatewayTokenLengthCheck(),
        TrustedProxyAuthCheck(),
        GatewayRateLimitCheck(),
        // Logging, then the HTTP collectors that follow hooks in the original.
        LoggingRedactionCheck(),
        GatewayHTTPAuthCheck(),
        GatewayHTTPSessionKeyCheck(),
        // Filesystem block: state dir and config, includes, state files, workspace
        // skills, then plugin trust (checks.md §1.3 step 21, later-checks.md §2 step 15).
        StateDirPermissionsCheck(),
        StateDirOwnerCheck(),
        ConfigFilePermissionsCheck(),
        ConfigIncludePermissionsCheck(),
        CredentialsDirPermissionsCheck(),
        AgentStateFilePermissionsCheck(),
        SessionTranscriptPermissionsCheck(),
        LogFilePermissionsCheck(),
        WorkspaceSkillEscapeCheck(),
        PluginAllowPhantomEntriesCheck(),
        ExtensionsAllowlistCheck(),
        PluginToolReachabilityCheck(),
        PluginInstallRecordsCheck(),
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
        "channels.feishu.doc_owner_open_id",
        "browser.control_invalid_config",
        "browser.control_no_auth",
        "browser.remote_cdp_http",
        "tools.elevated.allowFrom.<provider>.wildcard",
        "tools.elevated.allowFrom.<provider>.large",
        "tools.exec.host_sandbox_no_sandbox_defaults",
        "tools.exec.host_sandbox_no_sandbox_agents",
        "tools.exec.safe_bins_interpreter_unprofiled",
        "tools.exec.safe_bin_trusted_dirs_risky",
        "hooks.token_too_short",
        "hooks.token_reuse_gateway_token",
        "hooks.path_root",
        "hooks.default_session_key_unset",
        "hooks.allowed_agent_ids_unrestricted",
        "hooks.request_session_key_enabled",
        "hooks.request_session_key_prefixes_missing",
        "sandbox.docker_config_mode_off",
        "sandbox.bind_mount_non_absolute",
        "sandbox.dangerous_bind_mount",
        "sandbox.dangerous_network_mode",
        "sandbox.dangerous_seccomp_profile",
        "sandbox.dangerous_apparmor_profile",
        "sandbox.browser_cdp_bridge_unrestricted",
        "gateway.nodes.deny_commands_ineffective",
        "gateway.nodes.allow_commands_dangerous",
        "tools.profile_minimal_overridden",
        "config.secrets.gateway_password_in_config",
        "config.secrets.hooks_token_in_config",
        "models.legacy",
        "models.weak_tier",
        "models.small_params",
        "security.exposure.open_groups_with_elevated",
        "security.exposure.open_groups_with_runtime_or_fs",
        "security.trust_model.multi_user_heuristic",
        "sandbox.browser_container.hash_label_missing",
        "sandbox.browser_container.hash_epoch_stale",
        "sandbox.browser_container.non_loopback_publish",
        "hooks.installs_unpinned_npm_specs",
        "hooks.installs_missing_integrity",
        "hooks.installs_version_drift",
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
