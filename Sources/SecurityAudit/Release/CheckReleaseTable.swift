/// The origin and release range of every catalog id. Dates of upstream's docs
/// (`docs/gateway/security/audit-checks.md`, `docs/cli/security.md`,
/// `docs/gateway/security/index.md`) are mapped to the first release cut after them with
/// upstream's `CHANGELOG/*.md` and `docs/releases/*.md`. Where only a window is known,
/// `since` is the earliest release that can contain the check (a check that may exist is
/// better reported than missed) and the evidence says so.
enum CheckReleaseTable {
    private static let aprilCopies = "Added to upstream main after 2026-03-19 and seen in April–May 2026 sources; 2026.3.22 is the earliest release that can contain it (exact release uncertain)."
    private static let marchMain = "Added to upstream main between 2026-03-01 and 2026-03-19; 2026.3.1 is the earliest release that can contain it (exact release uncertain)."

    static let entries: [String: CheckProvenance] = {
        var table: [String: CheckProvenance] = [:]
        // February catalog ids (2026.2.26), still emitted by the newest releases seen.
        for id in [
            "summary.attack_surface", "fs.synced_dir", "gateway.tools_invoke_http.dangerous_allow",
            "gateway.bind_no_auth", "gateway.trusted_proxies_missing", "gateway.loopback_no_auth",
            "gateway.control_ui.allowed_origins_required", "gateway.control_ui.allowed_origins_wildcard",
            "gateway.control_ui.host_header_origin_fallback", "gateway.real_ip_fallback_enabled",
            "discovery.mdns_full_mode", "gateway.tailscale_funnel", "gateway.tailscale_serve",
            "channels.feishu.doc_owner_open_id", "gateway.token_too_short", "gateway.trusted_proxy_auth",
            "gateway.trusted_proxy_no_proxies", "gateway.trusted_proxy_no_user_header",
            "gateway.trusted_proxy_no_allowlist", "gateway.auth_no_rate_limit", "browser.control_invalid_config",
            "browser.control_no_auth", "browser.remote_cdp_http", "tools.elevated.allowFrom.<provider>.wildcard",
            "tools.elevated.allowFrom.<provider>.large", "tools.exec.host_sandbox_no_sandbox_defaults",
            "tools.exec.host_sandbox_no_sandbox_agents", "tools.exec.safe_bins_interpreter_unprofiled",
            "tools.exec.safe_bin_trusted_dirs_risky", "hooks.token_too_short", "hooks.token_reuse_gateway_token",
            "hooks.path_root", "hooks.default_session_key_unset", "hooks.allowed_agent_ids_unrestricted",
            "hooks.request_session_key_enabled", "hooks.request_session_key_prefixes_missing", "gateway.http.no_auth",
            "gateway.http.session_key_override_enabled", "sandbox.docker_config_mode_off",
            "sandbox.bind_mount_non_absolute", "sandbox.dangerous_bind_mount", "sandbox.dangerous_network_mode",
            "sandbox.dangerous_seccomp_profile", "sandbox.dangerous_apparmor_profile",
            "gateway.nodes.deny_commands_ineffective", "gateway.nodes.allow_commands_dangerous",
            "tools.profile_minimal_overridden", "config.secrets.gateway_password_in_config",
            "config.secrets.hooks_token_in_config", "models.legacy", "models.weak_tier", "models.small_params",
            "security.exposure.open_groups_with_elevated", "security.exposure.open_groups_with_runtime_or_fs",
            "security.trust_model.multi_user_heuristic", "fs.state_dir.symlink", "fs.state_dir.perms_world_writable",
            "fs.state_dir.perms_group_writable", "fs.state_dir.perms_readable", "fs.config.symlink",
            "fs.config.perms_writable", "fs.config.perms_world_readable", "fs.config.perms_group_readable",
            "fs.config_include.perms_writable", "fs.config_include.perms_world_readable",
            "fs.config_include.perms_group_readable", "fs.credentials_dir.perms_writable",
            "fs.credentials_dir.perms_readable", "fs.auth_profiles.perms_writable", "fs.auth_profiles.perms_readable",
            "fs.sessions_store.perms_readable", "fs.log_file.perms_readable", "skills.workspace.symlink_escape",
            "sandbox.browser_container.hash_label_missing", "sandbox.browser_container.hash_epoch_stale",
            "sandbox.browser_container.non_loopback_publish", "plugins.extensions_no_allowlist",
            "plugins.tools_reachable_permissive_policy", "plugins.installs_unpinned_npm_specs",
            "plugins.installs_missing_integrity", "plugins.installs_version_drift", "hooks.installs_unpinned_npm_specs",
            "hooks.installs_missing_integrity", "hooks.installs_version_drift", "plugins.code_safety.entry_path",
            "plugins.code_safety.entry_escape", "plugins.code_safety", "plugins.code_safety.scan_failed",
            "skills.code_safety.scan_failed", "skills.code_safety", "channels.<id>.allowFrom.dangerous_name_matching_enabled",
            "channels.discord.allowFrom.name_based_entries", "channels.discord.commands.native.unrestricted",
            "channels.discord.commands.native.no_allowlists", "channels.slack.commands.slash.useAccessGroups_off",
            "channels.slack.commands.slash.no_allowlists", "channels.<id>.dm.open", "channels.<id>.dm.open_invalid",
            "channels.<id>.dm.disabled", "channels.<id>.warning.<N>", "channels.telegram.allowFrom.invalid_entries",
            "channels.telegram.groups.allowFrom.wildcard", "channels.telegram.groups.allowFrom.missing",
            "gateway.probe_failed", "gateway.probe_auth_secretref_unavailable", "config.insecure_or_dangerous_flags",
        ] {
            table[id] = .baseline
        }

        // February ids whose behaviour changed with a release (the check follows it).
        for id in ["security.exposure.open_groups_with_elevated", "security.exposure.open_groups_with_runtime_or_fs"] {
            table[id] = .upstream(
                since: nil,
                "From 2026.6.9 open DM policies (dmPolicy, dm.policy, per account) and nested rooms count too, with the \"Open group/DM policy\" texts (upstream PR #92883, merged 2026-06-14; the release is the first after it by date, 2026.6.9 to 2026.6.11 uncertain). Before it, channel and account groupPolicy only.")
        }
        for id in ["gateway.nodes.deny_commands_ineffective", "gateway.nodes.allow_commands_dangerous"] {
            table[id] = .upstream(
                since: nil,
                "From 2026.8.1 the lists are gateway.nodes.commands.allow/deny (doctor migrates gateway.nodes.allowCommands/denyCommands; docs 2026-07-22) and the texts name them (release likely, not confirmed by a tag).")
        }
        for id in ["skills.code_safety", "skills.code_safety.scan_failed"] {
            table[id] = .upstream(
                since: nil,
                "From 2026.9.3 the deep scan also walks each agent's Skill Workshop (<stateDir>/agents/<id>/agent/workshop-skills, the agent-owned Workshop of upstream PR #135528); links out of it, dangling links, unreadable folders and the discovery limit are scan failures.")
        }

        // Retired upstream.
        table["logging.redact_off"] = .upstream(
            since: nil, until: "2026.8.1",
            "Removed from upstream's catalog and from --fix on 2026-07-28 (redaction is always on; logging.redactSensitive is retired). 2026.7.1 and 2026.7.1-2 still emit it; 2026.8.1 is the first stable release cut after the removal (likely, not confirmed by a tag).")
        table["gateway.control_ui.insecure_auth"] = .upstream(
            since: nil, until: "2026.8.1",
            "gateway.controlUi.allowInsecureAuth was removed from upstream on 2026-08-07; 2026.8.1 is the first stable release cut after it (likely).")
        table["gateway.control_ui.device_auth_disabled"] = .upstream(
            since: nil, until: "2026.8.1",
            "Between 2026-07-23 and 2026-08-15 upstream main reported a pending device-auth migration under this id; on 2026-08-16 the id was removed and gateway.controlUi.dangerouslyDisableDeviceAuth became inert. Whether 2026.8.1 (first stable after the change) or 2026.9.1 is the first release without it is uncertain.")
        table["channels.<id>.dm.scope_main_multiuser"] = .upstream(
            since: nil, until: "2026.8.1",
            "Retired by upstream PR #121741 (merged 2026-08-10, closes issue #121711: the shared-main heuristic warned for isolated senders and missed collisions behind bindings), which replaced it with routing-based DM checks; upstream's channel collector (src/security/audit-channel.ts) from late August has no such id. 2026.8.1 (beta.2 on 2026-08-15, stable 2026-08-31) is the first stable cut after the merge: likely, not confirmed by a tag. The docs table still listed the id on 2026-08-22 (a stale row).")

        // DM routing and allowlist ids of upstream's channel collector
        // (`src/security/audit-channel.ts`) and the Discord and Browser plugins.
        table["channels.<id>.dm.locked"] = .upstream(
            since: "2026.8.1",
            "In upstream's channel collector with the DM routing rework (PR #121741, merged 2026-08-10); present on main by 2026-09-12 (PR #144147 discusses it). Not in the docs table. 2026.8.1 is the first stable that can contain it (likely; 2026.9.1 if the rework missed the 8.1 betas).")
        table["channels.dm.session_collision.<accounts>.<N>"] = .upstream(
            since: "2026.8.1",
            "Upstream PR #121741 (merged 2026-08-10, closes issue #121711), the routing simulation of the channel collector; not in the docs table. 2026.8.1 (beta.2 2026-08-15, stable 2026-08-31) is the first stable cut after the merge: likely.")
        table["channels.<id>.routing.owner_missing.<accountId>"] = .upstream(
            since: "2026.8.1",
            "Upstream PR #121741 (merged 2026-08-10): a DM route with several agents and no binding or default to own it. First stable 2026.8.1 (likely). The detail and remediation are the route resolver's error message and hint (`src/routing/resolve-route.ts`).")
        table["channels.<id>.dm.wildcard_routing_unverified.<accountId>"] = .upstream(
            since: "2026.8.1",
            "Upstream PR #121741 (merged 2026-08-10): a wildcard DM allowlist on a plugin whose own DM routing hook (Telegram named-account fallback, Zalo Personal) gives no policy for unknown senders. First stable 2026.8.1 (likely). Not checked by this tool yet: the plugins' hooks are not modelled.")
        table["channels.<id>.allowFrom.mutable_entries_inert"] = .upstream(
            since: "2026.9.1",
            "Upstream PR #131129 (issue #131099), merged about 2026-08-27, after the last 2026.8.1 beta (2026-08-24); 2026.9.1 (beta.1 2026-08-28) is the first release that can contain it (likely; 2026.9.2 if it missed the beta).")
        table["channels.discord.allowlisted_groups.broad_members"] = .upstream(
            since: "2026.8.1",
            "Upstream docs table from 2026-07-24 (docs sync aa15768f3), the Discord plugin's audit findings; the next stable after it is 2026.8.1 (2026.7.2 never went stable): likely. Seen in a user's August 2026 audit output.")
        table["browser.extension_relay_legacy_auth"] = .upstream(
            since: "2026.8.1",
            "Upstream docs table from 2026-08-08 (docs sync 4da69f96c); browser.extensionRelay.allowLegacyAuth opens its migration window with 2026.8.1, and a third-party checker reports the finding on fresh 2026.8.1+ installs: confirmed for 2026.8.1, not before.")

        // Added after February.
        table["gateway.env_token_overrides_config"] = .upstream(
            since: "2026.5.2", "Upstream PR #74433 (opened 2026-04-29); first release uncertain.")
        table["mcp.apps.enabled"] = .upstream(since: "2026.3.22", aprilCopies)
        table["gateway.trusted_proxy_allow_loopback"] = .upstream(
            since: "2026.4.29", "Upstream docs 2026-04-28 (PR #73266).")
        table["browser.remote_cdp_private_host"] = .upstream(since: "2026.3.1", marchMain)
        table["channels.<id>.account.read_only_resolution"] = .upstream(since: "2026.3.1", marchMain)
        table["channels.zalouser.groups.mutable_entries"] = .upstream(since: "2026.3.1", marchMain)
        for id in [
            "tools.exec.security_full_configured", "security.exposure.open_channels_with_exec",
            "tools.exec.auto_allow_skills_enabled", "tools.exec.allowlist_interpreter_without_strict_inline_eval",
            "tools.exec.safe_bins_broad_behavior",
        ] {
            table[id] = .upstream(
                since: "2026.3.22",
                "Not on upstream main on 2026-03-19, in the docs table on 2026-04-05: first release between 2026.3.22 and 2026.4.5 (uncertain which).")
        }
        table["tools.exec.fs_tools_disabled_but_exec_enabled"] = .upstream(
            since: "2026.5.12", "Upstream PR #79153 and docs of 2026-05-08.")
        table["tools.exec.agent_skill_mcp_boundary_drift"] = .upstream(
            since: "2026.7.1", "Upstream PR #98352, in the 2026.7.1 release notes.")
        table["security.exposure.open_groups_with_control_plane_tools"] = .upstream(
            since: "2026.7.1", "Upstream docs 2026-07-11; 2026.7.1 (released 2026-07-13) likely contains it, else 2026.8.1.")
        table["security.trust_model.group_scope_main"] = .upstream(
            since: "2026.8.1", "Upstream docs 2026-08-17; first stable 2026.8.1 if the change reached its betas, else 2026.9.1 (uncertain).")
        table["skills.workspace.scan_truncated"] = .upstream(since: "2026.3.22", aprilCopies)
        table["plugins.allow_phantom_entries"] = .upstream(since: "2026.3.22", aprilCopies)
        table["plugins.code_safety.manifest_parse_error"] = .upstream(since: "2026.3.22", aprilCopies)
        table["sandbox.browser_container.docker_probe_timeout"] = .upstream(
            since: "2026.5.26", "Upstream PR #85476 (late May 2026); first release uncertain.")
        table["security.audit.suppressions.active"] = .upstream(
            since: "2026.5.18", "security.audit.suppressions arrived with upstream docs of 2026-05-16; first release 2026.5.18 (likely).")

        table["security.trust_model.cross_agent_session_access_default"] = .upstream(
            since: "2026.9.2", "Upstream PR #136755 (landed 2026-09-03) with the 2026.9.2 change of the session-tool defaults; seen live on 2026.9.9.")

        table["config.agent_roster.invalid_default_count"] = .upstream(
            since: "2026.8.1", "Came with upstream's roster rework (PR #114388, merged 2026-07-27; agents.ownership in the docs 2026-08-12); first stable 2026.8.1 (likely).")

        table["sandbox.browser_cdp_bridge_unrestricted"] = .upstream(
            since: nil, "In the late-February catalog and still in upstream's docs table and docs/cli/security.md on 2026-08-22 (our earlier catalog dropped it by mistake).")

        // Ours.
        for id in ["secrets.config_plaintext", "secrets.backup_plaintext", "secrets.env_file", "secrets.transcripts"] {
            table[id] = .ours("This tool's secret scan.")
        }
        table["secrets.config_url_credentials"] = .ours("This tool's secret scan.")
        table["config.env_var_unresolved"] = .ours("Upstream's loader fails on an unset variable; this tool audits on and says so.")
        table["openclaw.version.vulnerable"] = .ours("The audited release against OpenClaw's published security advisories.")
        table["config.invalid_value"] = .ours("Upstream refuses such a config before any audit runs (strict schema). Also reports keys of a later release's config shape (agents.entries, agents.ownership, gateway.nodes.commands, tools.exec.mode before 2026.8.1), which the audit then leaves out.")
        table["config.legacy_keys"] = .ours("Upstream refuses or migrates legacy keys (openclaw doctor) instead of reporting them in the audit. From 2026.8.1 also agents.list, gateway.nodes.allowCommands/denyCommands, tools.exec.security/ask, top-level defaultModel and the other renames of upstream's doctor table (docs/gateway/doctor.md, synced 2026-07-19 and 2026-07-22; the release is the first stable cut after them: likely, not confirmed by a tag).")
        for id in ["gateway.auth_placeholder", "hooks.token_placeholder"] {
            table[id] = .ours("Upstream accepts placeholder credentials (upstream issue #139494 was closed without a check).")
        }
        table["fs.state_dir.foreign_owner"] = .ours()
        table["fs.session_transcripts.perms_readable"] = .ours()
        for id in ["fs.sqlite_state.perms_writable", "fs.sqlite_state.perms_readable"] {
            table[id] = .ours("The SQLite stores (from 2026.5.30) that upstream's audit does not report: state/openclaw.sqlite, databases of agents the config no longer lists, -journal sidecars, folders others can write to.")
        }
        table["secrets.databases"] = .ours("This tool's secret scan of the SQLite stores (every row, the write-ahead log included).")
        table["fs.inspection_incomplete"] = .ours("Says which paths the file checks could not read.")
        for id in ["security.audit.suppressions.expired", "security.audit.suppressions.invalid", "security.audit.suppressions.stale"] {
            table[id] = .ours("Review of this tool's suppression entries (upstream suppressions have no expiry).")
        }
        table["skills.markdown_sensitive_network"] = .ours(
            "Proposed upstream (PR #79478, request #57552) and closed without merging; kept here as a heuristic at warn.")
        table["tools.web.fetch.env_proxy_without_use_trusted_env_proxy"] = .ours(
            "Proposed upstream (PR #96172) and closed; upstream's Doctor prints a note instead.")
        return table
    }()
}
