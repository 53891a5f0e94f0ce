/// `plugins.installs_*`: npm install records of plugins that are not pinned to an exact
/// version, lack an integrity hash, or disagree with the version actually installed.
struct PluginInstallRecordsCheck: Check {
    let infos = [
        CheckInfo(
            id: "plugins.installs_unpinned_npm_specs",
            title: "Plugin installs include unpinned npm specs",
            severity: .fixed(.warn),
            rationale: "An unpinned spec installs whatever the registry serves next time, including a compromised release.",
            remediation: "Pin install specs to exact versions (for example, `@scope/pkg@1.2.3`) for higher supply-chain stability.",
            triggers: [
                CheckExample(#"{ plugins: { ↓installs: { "voice-call": { source: "npm", spec: "@openclaw/voice-call" } } } }"#),
                CheckExample(#"{ plugins: { ↓installs: { a: { source: "npm", spec: "a@^1.2.3", integrity: "sha512-x" } } } }"#),
                CheckExample(#"{ plugins: { ↓installs: { a: { source: "npm", spec: "a@latest", integrity: "sha512-x" } } } }"#),
            ],
            passes: [
                CheckExample(#"{ plugins: { installs: { a: { source: "npm", spec: "@scope/a@1.2.3", integrity: "sha512-x" } } } }"#),
                CheckExample(#"{ plugins: { installs: { a: { source: "npm", spec: "a@v1.2.3-beta.1+build.5" } } } }"#),
                CheckExample(#"{ plugins: { installs: { a: { source: "path", spec: "a" } } } }"#),
                CheckExample(#"{ plugins: { installs: { a: { source: "npm" } } } }"#),
            ]),
        CheckInfo(
            id: "plugins.installs_missing_integrity",
            title: "Plugin installs are missing integrity metadata",
            severity: .fixed(.warn),
            rationale: "Without the resolved integrity hash a reinstall cannot prove it fetched the same code.",
            remediation: "Reinstall or update plugins to refresh install metadata with resolved integrity hashes.",
            triggers: [
                CheckExample(#"{ plugins: { ↓installs: { a: { source: "npm", spec: "a@1.2.3" } } } }"#),
                CheckExample(#"{ plugins: { ↓installs: { a: { source: "npm", spec: "a@1.2.3", integrity: "  " } } } }"#),
            ],
            passes: [
                CheckExample(#"{ plugins: { installs: { a: { source: "npm", spec: "a@1.2.3", integrity: "sha512-x" } } } }"#),
                CheckExample(#"{ plugins: { installs: { a: { source: "archive" } } } }"#),
            ]),
        CheckInfo(
            id: "plugins.installs_version_drift",
            title: "Plugin install records drift from installed package versions",
            severity: .fixed(.warn),
            rationale: "When the installed package is not the recorded one, something other than the recorded install put code there.",
            remediation: "Run `openclaw plugins update --all` (or reinstall affected plugins) to refresh install metadata.",
            triggers: [
                CheckExample(
                    #"{ plugins: { ↓installs: { "voice-call": { source: "npm", spec: "v@1.2.3", integrity: "x", resolvedVersion: "1.2.3" } } } }"#,
                    files: [.file("extensions/voice-call/package.json", #"{"name":"v","version":"9.9.9"}"#)]),
                CheckExample(
                    #"{ plugins: { ↓installs: { a: { source: "npm", version: "1.0.0", installPath: "{stateDir}/../custom/a" } } } }"#,
                    files: [.file("../custom/a/package.json", #"{"version":"1.0.1"}"#)]),
            ],
            passes: [
                CheckExample(
                    #"{ plugins: { installs: { a: { source: "npm", resolvedVersion: "1.2.3", version: "0.0.1" } } } }"#,
                    files: [.file("extensions/a/package.json", #"{"version":"1.2.3"}"#)]),
                CheckExample(
                    #"{ plugins: { installs: { a: { source: "npm", resolvedVersion: "1.2.3" } } } }"#,
                    files: [.file("extensions/a/package.json", #"{"name":"a"}"#)]),
                CheckExample(#"{ plugins: { installs: { a: { source: "npm", resolvedVersion: "1.2.3" } } } }"#),
                CheckExample(
                    #"{ plugins: { installs: { a: { source: "path", resolvedVersion: "1.2.3" } } } }"#,
                    files: [.file("extensions/a/package.json", #"{"version":"2.0.0"}"#)]),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        InstallRecordFindings.findings(
            for: context.files.pluginInstalls, of: self,
            ids: ("plugins.installs_unpinned_npm_specs", "plugins.installs_missing_integrity", "plugins.installs_version_drift"),
            texts: .plugins, at: context.config["plugins"]["installs"])
    }
}

/// The three install-record rules, shared by plugin and hook install records (a hook
/// check passes `context.files.hookInstalls` and its own texts).
enum InstallRecordFindings {
    struct Texts {
        var unpinnedHeader: String
        var unpinnedRemediation: String
        var missingHeader: String
        var missingRemediation: String
        var driftHeader: String
        var driftRemediation: String

        static let plugins = Texts(
            unpinnedHeader: "Unpinned plugin install records:",
            unpinnedRemediation: "Pin install specs to exact versions (for example, `@scope/pkg@1.2.3`) for higher supply-chain stability.",
            missingHeader: "Plugin install records missing integrity:",
            missingRemediation: "Reinstall or update plugins to refresh install metadata with resolved integrity hashes.",
            driftHeader: "Detected plugin install metadata drift:",
            driftRemediation: "Run `openclaw plugins update --all` (or reinstall affected plugins) to refresh install metadata.")

        static let hooks = Texts(
            unpinnedHeader: "Unpinned hook install records:",
            unpinnedRemediation: "Pin hook install specs to exact versions (for example, `@scope/pkg@1.2.3`) for higher supply-chain stability.",
            missingHeader: "Hook install records missing integrity:",
            missingRemediation: "Reinstall or update hooks to refresh install metadata with resolved integrity hashes.",
            driftHeader: "Detected hook install metadata drift:",
            driftRemediation: "Run `openclaw hooks update --all` (or reinstall affected hooks) to refresh install metadata.")
    }

    /// `pinnedByResolvedSpec`: a record whose exact `resolvedSpec` comes with an
    /// integrity hash counts as pinned (later hook installers record both).
    static func findings(
        for records: [InstallRecord], of check: some Check,
        ids: (unpinned: String, missingIntegrity: String, drift: String), texts: Texts, at location: ConfigNode?,
        pinnedByResolvedSpec: Bool = false
    ) -> [Finding] {
        let npm = records.filter(\.isNPM)
        guard !npm.isEmpty else { return [] }
        var findings: [Finding] = []
        func installedExactly(_ record: InstallRecord) -> Bool {
            guard let resolved = record.node["resolvedSpec"].string, NPMSpec.isPinned(resolved) else { return false }
            return !(record.integrity?.trimmingWhitespace ?? "").isEmpty
        }
        var exactlyInstalled = 0
        let unpinned = npm.compactMap { record -> String? in
            guard let spec = record.spec, !NPMSpec.isPinned(spec) else { return nil }
            if installedExactly(record) {
                if pinnedByResolvedSpec { return nil }
                exactlyInstalled += 1
            }
            return "\(record.id) (\(spec))"
        }
        if !unpinned.isEmpty {
            // What `openclaw plugins install @openclaw/feishu` records: an exact resolvedSpec
            // and integrity, but a bare spec, which is what upstream judges (and what
            // `update` follows). Say so, rather than leave it looking like a contradiction.
            let note = exactlyInstalled == 0 ? "" : "\n\(exactlyInstalled == 1 ? "One record was" : "\(exactlyInstalled) records were") installed at an exact version (pinned resolvedSpec with integrity), but the spec that updates follow is not pinned."
            findings.append(check.finding(
                ids.unpinned, .warn, detail: texts.unpinnedHeader + unpinned.map { "\n- \($0)" }.joined() + note,
                remediation: .text(texts.unpinnedRemediation), at: location))
        }
        let missing = npm.filter { ($0.integrity?.trimmingWhitespace ?? "").isEmpty }.map(\.id)
        if !missing.isEmpty {
            findings.append(check.finding(
                ids.missingIntegrity, .warn, detail: texts.missingHeader + missing.map { "\n- \($0)" }.joined(),
                remediation: .text(texts.missingRemediation), at: location))
        }
        let drift = npm.compactMap { record -> String? in
            // Compared as text: a number written where the schema wants a string is no drift.
            guard let recorded = record.recordedVersion, let installed = record.installedVersion,
                  recorded.javaScriptString != installed
            else { return nil }
            return "\(record.id) (recorded \(recorded.javaScriptString), installed \(installed))"
        }
        if !drift.isEmpty {
            findings.append(check.finding(
                ids.drift, .warn,
                detail: texts.driftHeader + drift.map { "\n- \($0)" }.joined(),
                remediation: .text(texts.driftRemediation), at: location))
        }
        return findings
    }
}

/// npm spec pinning as upstream judges it: the text after the last `@` (not at the
/// start) is an exact semver, optionally with a `v`, a prerelease and build metadata.
enum NPMSpec {
    static func isPinned(_ spec: String) -> Bool {
        let value = spec.trimmingWhitespace
        guard let at = value.lastIndex(of: "@"), at != value.startIndex, value.index(after: at) != value.endIndex
        else { return false }
        var version = Substring(value[value.index(after: at)...].trimmingWhitespace)
        if version.hasPrefix("v") { version = version.dropFirst() }
        var rest = version
        for part in 0..<3 {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return false }
            rest = rest.dropFirst(digits.count)
            if part < 2 {
                guard rest.first == "." else { return false }
                rest = rest.dropFirst()
            }
        }
        func identifierRun(_ text: Substring) -> Substring {
            text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
        }
        if rest.first == "-" {
            let run = identifierRun(rest.dropFirst())
            guard !run.isEmpty else { return false }
            rest = rest.dropFirst(1 + run.count)
        }
        if rest.first == "+" {
            let run = identifierRun(rest.dropFirst())
            guard !run.isEmpty else { return false }
            rest = rest.dropFirst(1 + run.count)
        }
        return rest.isEmpty
    }
}
