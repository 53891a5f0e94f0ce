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
                CheckExample(#"{ hooks: { internal: { installs: { "test-hooks": { source: "npm", spec: "@openclaw/test-hooks" } } } } }"#),
                CheckExample(#"{ hooks: { internal: { installs: { mail: { source: "npm", spec: "mail-hooks@^1.2.0", integrity: "sha512-x" } } } } }"#),
                CheckExample(#"{ hooks: { internal: { installs: { mail: { source: "npm", spec: "mail-hooks@latest", resolvedSpec: "mail-hooks@1.2.3" } } } } }"#),
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
                CheckExample(#"{ hooks: { internal: { installs: { "test-hooks": { source: "npm", spec: "@openclaw/test-hooks@1.2.3" } } } } }"#),
                CheckExample(#"{ hooks: { internal: { installs: { mail: { source: "npm", spec: "mail@1.0.0", integrity: "  " } } } } }"#),
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
                    #"{ hooks: { internal: { installs: { "test-hooks": { source: "npm", spec: "@openclaw/test-hooks@1.2.3", integrity: "sha512-hook", resolvedVersion: "1.2.3" } } } } }"#,
                    files: ["hooks/test-hooks/package.json": #"{"name":"@openclaw/test-hooks","version":"8.8.8"}"#]),
            ],
            passes: [
                CheckExample(
                    #"{ hooks: { internal: { installs: { "test-hooks": { source: "npm", spec: "@openclaw/test-hooks@1.2.3", integrity: "sha512-hook", version: "1.2.3" } } } } }"#,
                    files: ["hooks/test-hooks/package.json": #"{"name":"@openclaw/test-hooks","version":"1.2.3"}"#]),
                CheckExample(#"{ hooks: { internal: { installs: { mail: { source: "npm", spec: "mail@1.0.0", integrity: "sha512-abc", resolvedVersion: "1.0.0" } } } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let records = HookPackageVersions.npmRecords(in: context.config)
        guard !records.isEmpty else { return [] }
        var out: [Finding] = []

        let unpinned = records.filter { _, record in
            guard let spec = record["spec"].string else { return false }
            if Self.isPinnedRegistrySpec(spec) { return false }
            // A later installer records the exact resolved spec with its integrity hash.
            let resolved = record["resolvedSpec"].string
            return !(resolved.map(Self.isPinnedRegistrySpec) ?? false) || !Self.hasIntegrity(record)
        }
        if !unpinned.isEmpty {
            out.append(finding(
                "hooks.installs_unpinned_npm_specs", .warn,
                detail: "Unpinned hook install records:" + unpinned.map { "\n- \($0.id) (\($0.record["spec"].string ?? ""))" }.joined(),
                remediation: "Pin hook install specs to exact versions (for example, `@scope/pkg@1.2.3`) for higher supply-chain stability.",
                at: unpinned[0].record["spec"]))
        }

        let missingIntegrity = records.filter { !Self.hasIntegrity($0.record) }
        if !missingIntegrity.isEmpty {
            out.append(finding(
                "hooks.installs_missing_integrity", .warn,
                detail: "Hook install records missing integrity:" + missingIntegrity.map { "\n- \($0.id)" }.joined(),
                remediation: "Reinstall or update hooks to refresh install metadata with resolved integrity hashes.",
                at: missingIntegrity[0].record))
        }

        let drift: [(id: String, line: String, node: ConfigNode)] = records.compactMap { id, record in
            guard let recorded = HookPackageVersions.recordedVersion(record),
                  let installed = context.external.hookPackageVersions[id], installed != recorded
            else { return nil }
            return (id, "\n- \(id) (recorded \(recorded), installed \(installed))", record)
        }
        if !drift.isEmpty {
            out.append(finding(
                "hooks.installs_version_drift", .warn,
                detail: "Detected hook install metadata drift:" + drift.map(\.line).joined(),
                remediation: "Run `\(context.cliCommand("openclaw hooks update --all"))` (or reinstall affected hooks) to refresh install metadata.",
                at: drift[0].node))
        }
        return out
    }

    static func hasIntegrity(_ record: ConfigNode) -> Bool {
        guard let integrity = record["integrity"].string else { return false }
        return !integrity.trimmingWhitespace.isEmpty
    }

    /// `name@X.Y.Z[-pre][+build]` (an optional `v` before the version).
    static func isPinnedRegistrySpec(_ raw: String) -> Bool {
        let spec = raw.trimmingWhitespace
        guard let at = spec.lastIndex(of: "@"), at > spec.startIndex, spec.index(after: at) < spec.endIndex else { return false }
        var version = Substring(spec[spec.index(after: at)...].trimmingWhitespace)
        if version.hasPrefix("v") { version = version.dropFirst() }
        let build = version.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)
        if build.count == 2, !isIdentifierList(build[1]) { return false }
        let pre = build[0].split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        if pre.count == 2, !isIdentifierList(pre[1]) { return false }
        let core = pre[0].split(separator: ".", omittingEmptySubsequences: false)
        return core.count == 3 && core.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// `[0-9A-Za-z.-]+`
    private static func isIdentifierList(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
    }
}
