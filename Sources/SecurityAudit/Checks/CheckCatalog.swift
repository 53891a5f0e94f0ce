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
        // Logging, elevated allowlists, then the HTTP collectors that follow hooks in the original.
        LoggingRedactionCheck(),
        ElevatedAllowlistCheck(),
        GatewayHTTPAuthCheck(),
        GatewayHTTPSessionKeyCheck(),
        // After the node command checks: the minimal-profile override.
        MinimalProfileOverrideCheck(),
        // After secrets and models: the exposure matrix, then the trust model.
        OpenGroupsElevatedCheck(),
        OpenGroupsRuntimeCheck(),
        ControlPlaneExposureCheck(),
        MultiUserHeuristicCheck(),
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
        // What the file facts could not cover, after every check that reads them.
        InspectionIncompleteCheck(),
        // The channel collector, before the deep probe.
        ChannelSecurityCheck(),
    ]

    /// Every declared id, in catalog order.
    public static var infos: [CheckInfo] { checks.flatMap(\.infos) }

    /// Baseline ids (checks.md) that no check implements yet.
    public static let pendingIDs: [String] = [
        "channels.feishu.doc_owner_open_id",
        "browser.control_invalid_config",
        "browser.control_no_auth",
        "browser.remote_cdp_http",
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
        "config.secrets.gateway_password_in_config",
        "config.secrets.hooks_token_in_config",
        "models.legacy",
        "models.weak_tier",
        "models.small_params",
        "sandbox.browser_container.hash_label_missing",
        "sandbox.browser_container.hash_epoch_stale",
        "sandbox.browser_container.non_loopback_publish",
        "hooks.installs_unpinned_npm_specs",
        "hooks.installs_missing_integrity",
        "hooks.installs_version_drift",
        "plugins.code_safety",
        "plugins.code_safety.entry_escape",
        "plugins.code_safety.entry_path",
        "plugins.code_safety.scan_failed",
        "skills.code_safety",
        "skills.code_safety.scan_failed",
        "gateway.probe_failed",
        "gateway.probe_auth_secretref_unavailable",
    ]
}
