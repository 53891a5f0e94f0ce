import Testing
@testable import SecurityAudit

/// `tools.exec.*` (host and safe bins) and the sandbox configuration checks: exact
/// texts, labels of both roster shapes (`agents.list` in a config of a release before
/// 2026.8.1), and the edge cases of the parsers.
struct ExecAndSandboxChecksTests {
    func findings(_ config: String, _ prefix: String) throws -> [Finding] {
        try auditReport(config: config).findings.filter { $0.checkId.hasPrefix(prefix) }
    }

    @Test func execHostTexts() throws {
        let agents = (1...6).map { "{ id: \"a\($0)\", tools: { exec: { host: \"sandbox\" } } }" }.joined(separator: ", ")
        let report = try findings("{ meta: { lastTouchedVersion: \"2026.7.1\" }, tools: { exec: { host: \"sandbox\" } }, agents: { list: [\(agents)] } }", "tools.exec.host_sandbox")
        #expect(report.map(\.checkId) == ["tools.exec.host_sandbox_no_sandbox_defaults", "tools.exec.host_sandbox_no_sandbox_agents"])
        #expect(report[0].detail == "tools.exec.host is explicitly set to sandbox while agents.defaults.sandbox.mode=off. In this mode, exec fails closed because no sandbox runtime is available.")
        #expect(report[1].detail == "agents.list.*.tools.exec.host is set to sandbox for: a1, a2, a3, a4, a5. With sandbox mode off, exec fails closed for those agents.")
        #expect(report[1].remediation == "Enable sandbox mode for these agents (`agents.list[].sandbox.mode`) or set their tools.exec.host to \"gateway\".")

        let entries = try findings(#"{ agents: { entries: { Ops: { tools: { exec: { host: "sandbox" } } } } } }"#, "tools.exec.host_sandbox")
        #expect(entries.first?.detail.hasPrefix("agents.entries.*.tools.exec.host is set to sandbox for: Ops.") == true)
        #expect(entries.first?.remediation?.contains("`agents.entries.*.sandbox.mode`") == true)
    }

    @Test func safeBinTexts() throws {
        let report = try findings("""
            { meta: { lastTouchedVersion: "2026.7.1" }, tools: { exec: { safeBins: ["jq", " Python3 ", "/usr/bin/python3", "sed"], safeBinTrustedDirs: ["/usr/local/bin", "/tmp/openclaw-safe-bins", "/usr/local/bin"] } },
              agents: { list: [{ id: "ops", tools: { exec: { safeBins: ["node", "bash.exe"], safeBinProfiles: { node: {} }, safeBinTrustedDirs: ["./relative-bin-dir", "/home/me/bin/../tools"] } } }] } }
            """, "tools.exec.safe_bin")
        #expect(report.map(\.checkId) == ["tools.exec.safe_bins_interpreter_unprofiled", "tools.exec.safe_bins_broad_behavior", "tools.exec.safe_bin_trusted_dirs_risky"])
        #expect(report[0].detail == """
            Detected interpreter-like safeBins entries missing explicit profiles:
            - tools.exec.safeBins: python3, sed
            - agents.list.ops.tools.exec.safeBins: bash
            These entries can turn safeBins into a broad execution surface when used with permissive argv profiles.
            """)
        #expect(report[1].detail == """
            Detected risky safeBins entries:
            - tools.exec.safeBins: jq (jq can read environment data and load jq code from modules or startup files, so prefer explicit allowlist entries or approval-gated runs instead of safeBins.)
            - tools.exec.safeBins: sed (sed scripts can execute commands and write files, so prefer explicit allowlist entries or approval-gated runs instead of safeBins.)
            These tools expose semantics that do not fit the low-risk stdin-filter fast path.
            """)
        #expect(report[2].detail == """
            Detected risky safeBinTrustedDirs entries:
            - tools.exec.safeBinTrustedDirs: /usr/local/bin (package-manager bin directory (often user-writable))
            - tools.exec.safeBinTrustedDirs: /tmp/openclaw-safe-bins (temporary directory is mutable and easy to poison)
            - agents.list.ops.tools.exec.safeBinTrustedDirs: ./relative-bin-dir (relative path (trust boundary depends on process cwd))
            - agents.list.ops.tools.exec.safeBinTrustedDirs: /home/me/bin/../tools (home-scoped bin directory (typically user-writable))
            """)
    }

    @Test func trustedDirListStopsAtTen() throws {
        let dirs = (1...12).map { "\"/tmp/d\($0)\"" }.joined(separator: ", ")
        let finding = try #require(findings("{ tools: { exec: { safeBinTrustedDirs: [\(dirs)] } } }", "tools.exec.safe_bin_trusted_dirs_risky").first)
        #expect(finding.detail.split(separator: "\n").count == 12)
        #expect(finding.detail.hasSuffix("- tools.exec.safeBinTrustedDirs: /tmp/d10 (temporary directory is mutable and easy to poison)\n- +2 more entries."))
    }

    @Test(arguments: [
        ("python3.12", true), ("node22", true), ("ruby3", true), ("perl5.36", true), ("php8.1.2", false),
        ("python", true), ("pythonx", false), ("busybox", true), ("cut", false), ("zsh", true), ("node.", false),
    ])
    func interpreterNames(_ name: String, _ expected: Bool) {
        #expect(SafeBinsCheck.isInterpreterLike(name) == expected)
    }

    @Test func dockerModeOffLists() throws {
        let finding = try #require(findings("""
            { meta: { lastTouchedVersion: "2026.7.1" }, agents: { defaults: { sandbox: { docker: { image: "x" } } },
                        list: [{ id: "a", sandbox: { docker: { image: "y" } } }, { id: "b", sandbox: { mode: "off", docker: {} } }] } }
            """, "sandbox.docker_config_mode_off").first)
        #expect(finding.detail == "These docker settings will not take effect until sandbox mode is enabled:\n- agents.defaults.sandbox.docker\n- agents.list.a.sandbox.docker")
        #expect(finding.remediation == "Enable sandbox mode (`agents.defaults.sandbox.mode=\"non-main\"` or `\"all\"`) where needed, or remove unused docker settings.")
    }

    @Test func dangerousDockerTexts() throws {
        let report = try findings("""
            { agents: { defaults: { sandbox: { mode: "all", docker: {
                binds: ["/etc/passwd:/mnt/passwd:ro", "/var/run/docker.sock:/var/run/docker.sock", "/:/host", "data:/data", "/srv/app:/app"],
                network: "Container:db", seccompProfile: "unconfined", apparmorProfile: "UNCONFINED" } } },
              entries: { ops: { sandbox: { docker: { network: "host" } } } } } }
            """, "sandbox.")
        #expect(report.map(\.checkId) == [
            "sandbox.dangerous_bind_mount", "sandbox.dangerous_bind_mount", "sandbox.dangerous_bind_mount",
            "sandbox.bind_mount_non_absolute", "sandbox.dangerous_network_mode", "sandbox.dangerous_seccomp_profile",
            "sandbox.dangerous_apparmor_profile", "sandbox.dangerous_network_mode",
        ])
        #expect(report[0].detail == "agents.defaults.sandbox.docker.binds contains \"/etc/passwd:/mnt/passwd:ro\" which targets blocked path \"/etc\". This can expose host system directories or the Docker socket to sandbox containers.")
        #expect(report[0].remediation == "Remove \"/etc/passwd:/mnt/passwd:ro\" from agents.defaults.sandbox.docker.binds. Use project-specific paths instead.")
        #expect(report[1].detail.contains("which targets blocked path \"/var/run\""))
        #expect(report[2].detail.contains("\"/:/host\" which covers blocked path \"/\""))
        #expect(report[3].detail == "agents.defaults.sandbox.docker.binds contains \"data:/data\" which uses source path \"data\". Non-absolute bind sources are hard to validate safely and may resolve unexpectedly.")
        #expect(report[4].detail == "agents.defaults.sandbox.docker.network is \"Container:db\" which joins another container namespace and can bypass sandbox network isolation.")
        #expect(report[4].remediation == "Set agents.defaults.sandbox.docker.network to \"bridge\", \"none\", or a custom bridge network name. Use agents.defaults.sandbox.docker.dangerouslyAllowContainerNamespaceJoin=true only as a break-glass override when you fully trust this runtime.")
        #expect(report[5].detail == "agents.defaults.sandbox.docker.seccompProfile is \"unconfined\" which disables syscall filtering.")
        #expect(report[6].detail == "agents.defaults.sandbox.docker.apparmorProfile is \"unconfined\" which disables AppArmor enforcement.")
        #expect(report[7].detail == "agents.entries.ops.sandbox.docker.network is \"host\" which bypasses container network isolation entirely.")
    }

    @Test(arguments: [
        ("/etc:/etc", SandboxDangerousDockerCheck.BindProblem.blocked(verb: "targets", path: "/etc")),
        ("/private/var/run/docker.sock:/s", .blocked(verb: "targets", path: "/private/var/run")),
        ("//proc//1/:/p", .blocked(verb: "targets", path: "/proc")),
        ("/home/../root/.ssh:/k", .blocked(verb: "targets", path: "/root")),
        ("/home/..:/h", .blocked(verb: "covers", path: "/")),
        (" relative/path:/x ", .nonAbsolute(sourcePath: "relative/path")),
        ("C:\\data:/data", .nonAbsolute(sourcePath: "C:\\data")),
        ("/etcx:/x", nil), ("/srv/run:/run", nil),
    ] as [(String, SandboxDangerousDockerCheck.BindProblem?)])
    func bindParsing(_ bind: String, _ expected: SandboxDangerousDockerCheck.BindProblem?) {
        #expect(SandboxDangerousDockerCheck.blockedReason(bind) == expected)
    }
}
