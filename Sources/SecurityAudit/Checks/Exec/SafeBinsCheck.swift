/// `tools.exec.safeBins` and `safeBinTrustedDirs`: binaries that exec may run without
/// approval, and the directories they are trusted from. Checked for the global
/// `tools.exec` and each agent's own `tools.exec`.
struct SafeBinsCheck: Check {
    static let maxListedTrustedDirs = 10

    let infos = [
        CheckInfo(
            id: "tools.exec.safe_bins_interpreter_unprofiled",
            title: "safeBins includes interpreter/runtime binaries without explicit profiles",
            severity: .fixed(.warn),
            rationale: "An interpreter in safeBins (python, node, bash...) runs any program passed as an argument; without a hardened argv profile the safe-bin fast path becomes arbitrary code execution.",
            remediation: "Remove interpreter/runtime bins from safeBins or define hardened tools.exec.safeBinProfiles.<bin> rules.",
            triggers: [
                CheckExample(#"{ tools: { exec: { ↓safeBins: ["jq", "Python3"] } } }"#),
                CheckExample(#"{ agents: { list: [{ id: "ops", tools: { exec: { ↓safeBins: ["/usr/bin/node22"] } } }] } }"#),
                CheckExample(#"{ tools: { exec: { ↓safeBins: ["bash"], safeBinProfiles: { sh: {} } } } }"#),
            ],
            passes: [
                CheckExample(#"{ tools: { exec: { safeBins: ["jq", "cut", "sort"] } } }"#),
                CheckExample(#"{ tools: { exec: { safeBins: ["python3"], safeBinProfiles: { Python3: { maxPositional: 0 } } } } }"#),
                CheckExample(#"{ tools: { exec: { safeBinProfiles: { node: {} } } }, agents: { list: [{ id: "ops", tools: { exec: { safeBins: ["node"] } } }] } }"#),
                CheckExample(#"{ tools: { exec: { safeBins: ["pythonista"] } } }"#),
            ]),
        CheckInfo(
            id: "tools.exec.safe_bins_broad_behavior",
            title: "safeBins includes binaries with broader semantics than low-risk stream filters",
            severity: .fixed(.warn),
            rationale: "jq, awk and sed look like stream filters but can read the environment, load code, write files or run commands, which the safe-bin fast path does not expect.",
            remediation: "Remove these binaries from safeBins and prefer explicit allowlist entries or approval-gated execution.",
            triggers: [
                CheckExample(#"{ tools: { exec: { ↓safeBins: ["jq"] } } }"#),
                CheckExample(#"{ agents: { entries: { ops: { tools: { exec: { ↓safeBins: ["/usr/bin/GAWK"] } } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ tools: { exec: { safeBins: ["cut", "sort", "tr", "head"] } } }"#),
                CheckExample(#"{ tools: { exec: { safeBins: ["jqx"] } } }"#),
            ]),
        CheckInfo(
            id: "tools.exec.safe_bin_trusted_dirs_risky",
            title: "safeBinTrustedDirs includes risky mutable directories",
            severity: .fixed(.warn),
            rationale: "A safe bin is only as trustworthy as the directory it is resolved from; temporary, package-manager and home directories can be written by the user or other processes.",
            remediation: "Prefer root-owned immutable bins and keep the default trust dirs (/bin, /usr/bin).",
            triggers: [
                CheckExample(#"{ tools: { exec: { ↓safeBinTrustedDirs: ["/usr/local/bin", "/tmp/openclaw-safe-bins"] } }, agents: { list: [{ id: "ops", tools: { exec: { safeBinTrustedDirs: ["./relative-bin-dir"] } } }] } }"#),
                CheckExample(#"{ tools: { exec: { ↓safeBinTrustedDirs: ["/home/me/.local/bin"] } } }"#),
                CheckExample(#"{ tools: { exec: { ↓safeBinTrustedDirs: ["/opt/homebrew/bin/"] } } }"#),
            ],
            passes: [
                CheckExample(#"{ tools: { exec: { safeBinTrustedDirs: ["/bin", "/usr/bin", "/opt/tools/bin"] } } }"#),
                CheckExample(#"{ tools: { exec: { safeBinTrustedDirs: ["/tmpfs/bin", "  "] } } }"#),
            ]),
    ]

    /// Interpreter-like names, compared after lower-casing, taking the
    /// last path component and dropping a Windows executable extension.
    static let interpreterNames: Set<String> = [
        "ash", "awk", "bash", "busybox", "bun", "cmd", "cmd.exe", "cscript", "dash", "deno", "fish", "gawk",
        "gsed", "ksh", "lua", "mawk", "nawk", "node", "nodejs", "perl", "php", "powershell", "powershell.exe",
        "pypy", "pwsh", "pwsh.exe", "python", "python2", "python3", "ruby", "sed", "sh", "toybox", "wscript", "zsh",
    ]
    static let versionedInterpreterStems = ["python", "ruby", "perl", "php", "node"]

    static let broadBehaviorWarnings: [String: String] = {
        let awk = "awk-family interpreters can execute commands, access ENVIRON, and write files, so prefer explicit allowlist entries or approval-gated runs instead of safeBins."
        let sed = "sed scripts can execute commands and write files, so prefer explicit allowlist entries or approval-gated runs instead of safeBins."
        return [
            "jq": "jq can read environment data and load jq code from modules or startup files, so prefer explicit allowlist entries or approval-gated runs instead of safeBins.",
            "awk": awk, "gawk": awk, "mawk": awk, "nawk": awk, "sed": sed, "gsed": sed,
        ]
    }()

    struct Scope {
        var label: String
        var exec: ConfigNode?
    }

    func findings(in context: AuditContext) -> [Finding] {
        let globalExec = context.config["tools"]["exec"]
        let scopes = [Scope(label: "tools.exec", exec: globalExec)]
            + context.agents.agents.map { Scope(label: "\(context.agents.label(for: $0)).tools.exec", exec: $0.config["tools"]["exec"]) }

        var interpreterLines: [String] = []
        var broadLines: [String] = []
        var trustedDirLines: [String] = []
        var firstNodes: [String: ConfigNode] = [:]
        for (index, scope) in scopes.enumerated() {
            let safeBins = Self.normalizedSafeBins(scope.exec["safeBins"])
            if !safeBins.isEmpty {
                var profiles = Self.profileNames(globalExec["safeBinProfiles"])
                if index > 0 { profiles.formUnion(Self.profileNames(scope.exec["safeBinProfiles"])) }
                let interpreters = Self.interpreterLike(safeBins).filter { !profiles.contains($0) }
                if !interpreters.isEmpty {
                    interpreterLines.append("- \(scope.label).safeBins: \(interpreters.joined(separator: ", "))")
                    firstNodes["interpreter"] = firstNodes["interpreter"] ?? scope.exec["safeBins"]
                }
                for (bin, warning) in Self.broadBehavior(safeBins) {
                    broadLines.append("- \(scope.label).safeBins: \(bin) (\(warning))")
                    firstNodes["broad"] = firstNodes["broad"] ?? scope.exec["safeBins"]
                }
            }
            for entry in Self.trustedDirs(scope.exec["safeBinTrustedDirs"]) {
                guard let reason = Self.riskyTrustedDirReason(entry) else { continue }
                trustedDirLines.append("- \(scope.label).safeBinTrustedDirs: \(entry) (\(reason))")
                firstNodes["dirs"] = firstNodes["dirs"] ?? scope.exec["safeBinTrustedDirs"]
            }
        }

        var out: [Finding] = []
        if !interpreterLines.isEmpty {
            out.append(finding(
                "tools.exec.safe_bins_interpreter_unprofiled", .warn,
                detail: "Detected interpreter-like safeBins entries missing explicit profiles:\n\(interpreterLines.joined(separator: "\n"))\nThese entries can turn safeBins into a broad execution surface when used with permissive argv profiles.",
                remediation: "Remove interpreter/runtime bins from safeBins (prefer allowlist entries) or define hardened tools.exec.safeBinProfiles.<bin> rules.",
                at: firstNodes["interpreter"]))
        }
        if !broadLines.isEmpty {
            out.append(finding(
                "tools.exec.safe_bins_broad_behavior", .warn,
                detail: "Detected risky safeBins entries:\n\(broadLines.joined(separator: "\n"))\nThese tools expose semantics that do not fit the low-risk stdin-filter fast path.",
                at: firstNodes["broad"]))
        }
        if !trustedDirLines.isEmpty {
            let shown = trustedDirLines.prefix(Self.maxListedTrustedDirs).joined(separator: "\n")
            let more = trustedDirLines.count > Self.maxListedTrustedDirs
                ? "\n- +\(trustedDirLines.count - Self.maxListedTrustedDirs) more entries." : ""
            out.append(finding(
                "tools.exec.safe_bin_trusted_dirs_risky", .warn,
                detail: "Detected risky safeBinTrustedDirs entries:\n\(shown)\(more)",
                remediation: "Prefer root-owned immutable bins, keep default trust dirs (/bin, /usr/bin), and avoid trusting temporary/home/package-manager paths unless tightly controlled.",
                at: firstNodes["dirs"]))
        }
        return out
    }

    /// Strings trimmed and lower-cased, without empties and duplicates, sorted.
    static func normalizedSafeBins(_ node: ConfigNode?) -> [String] {
        let names = (node.array ?? []).compactMap { $0.string?.trimmingWhitespace.lowercased() }.filter { !$0.isEmpty }
        return Array(Set(names)).sorted(by: codeUnitOrder)
    }

    static func profileNames(_ node: ConfigNode?) -> Set<String> {
        Set((node.object?.entries ?? []).filter { !$0.value.isNull }.map { $0.key.trimmingWhitespace.lowercased() }.filter { !$0.isEmpty })
    }

    /// The executable name: last path component, without `.exe/.cmd/.bat/.com`.
    static func executableName(_ entry: String) -> String {
        let tail = entry.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? entry
        for ext in [".exe", ".cmd", ".bat", ".com"] where tail.count > ext.count && tail.hasSuffix(ext) {
            return String(tail.dropLast(ext.count))
        }
        return tail
    }

    static func isInterpreterLike(_ name: String) -> Bool {
        if interpreterNames.contains(name) { return true }
        return versionedInterpreterStems.contains { stem in
            guard name.hasPrefix(stem) else { return false }
            let version = name.dropFirst(stem.count)
            let parts = version.split(separator: ".", omittingEmptySubsequences: false)
            return (1...2).contains(parts.count)
                && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        }
    }

    static func interpreterLike(_ safeBins: [String]) -> [String] {
        Array(Set(safeBins.map(executableName).filter { !$0.isEmpty && isInterpreterLike($0) })).sorted(by: codeUnitOrder)
    }

    static func broadBehavior(_ safeBins: [String]) -> [(String, String)] {
        var seen: Set<String> = []
        return safeBins.map(executableName)
            .filter { broadBehaviorWarnings[$0] != nil && seen.insert($0).inserted }
            .sorted(by: codeUnitOrder)
            .map { ($0, broadBehaviorWarnings[$0]!) }
    }

    /// String entries trimmed, without empties and duplicates, in config order.
    static func trustedDirs(_ node: ConfigNode?) -> [String] {
        var seen: Set<String> = []
        return (node.array ?? []).compactMap { $0.string?.trimmingWhitespace }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    static func riskyTrustedDirReason(_ entry: String) -> String? {
        guard entry.hasPrefix("/") else { return "relative path (trust boundary depends on process cwd)" }
        let normalized = PathNormalization.normalize(entry).replacing("\\", with: "/").lowercased()
        func isUnder(_ root: String) -> Bool { normalized == root || normalized.hasPrefix(root + "/") }
        if isUnder("/tmp") || isUnder("/var/tmp") || isUnder("/private/tmp") {
            return "temporary directory is mutable and easy to poison"
        }
        if ["/usr/local/bin", "/opt/homebrew/bin", "/opt/local/bin", "/home/linuxbrew/.linuxbrew/bin"].contains(normalized) {
            return "package-manager bin directory (often user-writable)"
        }
        if normalized.hasPrefix("/users/") || normalized.hasPrefix("/home/") || normalized.contains("/.local/bin") {
            return "home-scoped bin directory (typically user-writable)"
        }
        return nil
    }

    /// JavaScript's default sort: UTF-16 code unit order.
    static func codeUnitOrder(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }
}
