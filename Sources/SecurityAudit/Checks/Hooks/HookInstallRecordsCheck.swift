/// `hooks.installs_*`: the supply-chain metadata of hook packs installed from npm
/// (`hooks.internal.installs`), whether or not hooks are enabled.
struct HookInstallRecordsCheck: Check {
    let infos = [
        CheckInfo(
            id: "hooks.installs_unpinned_npm_specs",
            title: "Hook installs include unpinned npm specs",
            severity: .fixed(.warn),
            rationale: "A hook pack installed from a range or tag (no exact version) changes whenever it is reinstalled or updated; a compromised release flows in unnoticed.",
            remediation: "Pin hook install specs to exact versions (for example, `@scope/pkg@1.2.3`).",
            triggers: [
                CheckExample(#"{ hooks: { internal: { ↓installs: { "test-hooks": { source: "npm", spec: "@openclaw/test-hooks" } } } } }"#),
                CheckExample(#"{ hooks: { internal: { ↓installs: { mail: { source: "npm", spec: "mail-hooks@^1.2.0", integrity: "sha512-x" } } } } }"#),
                CheckExample(#"{ hooks: { internal: { ↓installs: { mail: { source: "npm", spec: "mail-hooks@latest", resolvedSpec: "mail-hooks@1.2.3" } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ hooks: { internal: { installs: { mail: { source: "npm", spec: "@scope/mail-hooks@1.2.3-beta.1+build.5", integrity: "sha512-x" } } } } }"#),
                CheckExample(#"{ hooks: { internal: { installs: { mail: { source: "npm", spec: "mail-hooks@latest", resolvedSpec: "mail-hooks@1.2.3", integrity: "sha512-x" } } } } }"#),
                CheckExample(#"{ hooks: { internal: { installs: { local: { source: "path", spec: "./hooks/local" } } } } }"#),
            ]),
        CheckInfo(
            id: "hooks.installs_missing_integrity",
            title: "Hook installs are missing integrity metadata",
            severity: .fixed(.warn),
            rationale: "Without the registry's integrity hash there is no way to tell later whether the installed hook code is what was downloaded.",
            remediation: "Reinstall or update hooks to refresh install metadata with resolved integrity hashes.",
            triggers: [
                CheckExample(#"{ hooks: { internal: { ↓installs: { "test-hooks": { source: "npm", spec: "@openclaw/test-hooks@1.2.3" } } } } }"#),
                CheckExample(#"{ hooks: { internal: { ↓installs: { mail: { source: "npm", spec: "mail@1.0.0", integrity: "  " } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ hooks: { internal: { installs: { mail: { source: "npm", spec: "mail@1.0.0", integrity: "sha512-abc" } } } } }"#),
                CheckExample(#"{ hooks: { internal: { installs: { mail: { source: "archive", spec: "mail.tgz" } } } } }"#),
            ]),
        CheckInfo(
            id: "hooks.installs_version_drift",
            title: "Hook install records drift from installed package versions",
            severity: .fixed(.warn),
            rationale: "When the package on disk is not the version the install record names, the hook code was changed outside the installer, by hand or by something else.",
            remediation: "Run `openclaw hooks update --all` (or reinstall affected hooks) to refresh install metadata.",
            triggers: [
                CheckExample(
                    #"{ hooks: { internal: { ↓installs: { "test-hooks": { source: "npm", spec: "@openclaw/test-hooks@1.2.3", integrity: "sha512-hook", resolvedVersion: "1.2.3" } } } } }"#,
                    files: [.file("hooks/test-hooks/package.json", #"{"name":"@openclaw/test-hooks","version":"8.8.8"}"#)]),
            ],
            passes: [
                CheckExample(
                    #"{ hooks: { internal: { installs: { "test-hooks": { source: "npm", spec: "@openclaw/test-hooks@1.2.3", integrity: "sha512-hook", version: "1.2.3" } } } } }"#,
                    files: [.file("hooks/test-hooks/package.json", #"{"name":"@openclaw/test-hooks","version":"1.2.3"}"#)]),
                CheckExample(#"{ hooks: { internal: { installs: { mail: { source: "npm", spec: "mail@1.0.0", integrity: "sha512-abc", resolvedVersion: "1.0.0" } } } } }"#),
            ]),
    ]

    /// Upstream's hook check accepts an exact `resolvedSpec` with integrity from its March
    /// 2026 releases on (the plugin check never did and still judges `spec` alone).
    static let resolvedSpecAcceptedSince = OpenClawVersion(major: 2026, minor: 3, patch: 1)

    func findings(in context: AuditContext) -> [Finding] {
        InstallRecordFindings.findings(
            for: context.files.hookInstalls, of: self,
            ids: ("hooks.installs_unpinned_npm_specs", "hooks.installs_missing_integrity", "hooks.installs_version_drift"),
            texts: .hooks, at: context.config["hooks"]["internal"]["installs"],
            pinnedByResolvedSpec: context.openclaw.isAtLeast(Self.resolvedSpecAcceptedSince))
    }
}
