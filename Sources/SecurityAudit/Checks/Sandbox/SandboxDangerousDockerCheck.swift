/// Sandbox docker settings that break container isolation, in
/// `agents.defaults.sandbox.docker` and each agent's own block, as written (the blocks
/// are not merged): host bind mounts, host or joined network namespaces, and disabled
/// seccomp / AppArmor confinement.
struct SandboxDangerousDockerCheck: Check {
    /// Host paths a sandbox must never see (`BLOCKED_HOST_PATHS`), in upstream order:
    /// the first one that equals or contains a bind source is reported.
    static let blockedHostPaths = [
        "/etc", "/private/etc", "/proc", "/sys", "/dev", "/root", "/boot", "/run", "/var/run",
        "/private/var/run", "/var/run/docker.sock", "/private/var/run/docker.sock", "/run/docker.sock",
    ]

    let infos = [
        CheckInfo(
            id: "sandbox.bind_mount_non_absolute",
            title: "Sandbox bind mount uses a non-absolute source path",
            severity: .fixed(.warn),
            rationale: "A relative bind source or a named volume cannot be checked against the blocked host paths, and resolves against whatever directory docker runs in.",
            remediation: "Rewrite the bind to use an absolute host path (for example: /home/user/project:/project:ro).",
            triggers: [
                CheckExample(#"{ agents: { defaults: { sandbox: { docker: { binds: [↓"./data:/data"] } } } } }"#),
                CheckExample(#"{ agents: { list: [{ id: "ops", sandbox: { docker: { binds: [↓"cache-volume:/cache:rw"] } } }] } }"#),
            ],
            passes: [
                CheckExample(#"{ agents: { defaults: { sandbox: { docker: { binds: ["/home/user/project:/project:ro"] } } } } }"#),
            ]),
        CheckInfo(
            id: "sandbox.dangerous_bind_mount",
            title: "Dangerous bind mount in sandbox config",
            severity: .fixed(.critical),
            rationale: "Mounting /, system directories or the Docker socket into a sandbox hands the sandboxed code the host: /etc and /proc leak secrets, the Docker socket is root on the host.",
            remediation: "Remove the bind; mount project-specific paths instead.",
            triggers: [
                CheckExample(#"{ agents: { defaults: { sandbox: { mode: "all", docker: { binds: [↓"/etc/passwd:/mnt/passwd:ro", ↓"/run:/run"] } } } } }"#),
                CheckExample(#"{ agents: { defaults: { sandbox: { docker: { binds: [↓"/var/run/docker.sock:/var/run/docker.sock"] } } } } }"#),
                CheckExample(#"{ agents: { entries: { ops: { sandbox: { docker: { binds: [↓"/home/../:/host"] } } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ agents: { defaults: { sandbox: { docker: { binds: ["/etcetera:/data", "/srv/run:/run"] } } } } }"#),
            ]),
        CheckInfo(
            id: "sandbox.dangerous_network_mode",
            title: "Dangerous network mode in sandbox config",
            severity: .fixed(.critical),
            rationale: "network=host gives the sandbox the host's network stack (localhost services included); container:<id> joins another container's namespace.",
            remediation: "Use \"bridge\", \"none\" or a custom bridge network.",
            triggers: [
                CheckExample(#"{ agents: { defaults: { sandbox: { docker: { ↓network: " HOST " } } } } }"#),
                CheckExample(#"{ agents: { list: [{ id: "ops", sandbox: { docker: { ↓network: "container:db" } } }] } }"#),
            ],
            passes: [
                CheckExample(#"{ agents: { defaults: { sandbox: { docker: { network: "bridge" } } } } }"#),
                CheckExample(#"{ agents: { defaults: { sandbox: { docker: { network: "none" } } } } }"#),
            ]),
        CheckInfo(
            id: "sandbox.dangerous_seccomp_profile",
            title: "Seccomp unconfined in sandbox config",
            severity: .fixed(.critical),
            rationale: "Without seccomp every kernel syscall is reachable from the sandbox, widening the kernel attack surface for container escapes.",
            remediation: "Remove seccompProfile or use a custom seccomp profile file.",
            triggers: [CheckExample(#"{ agents: { defaults: { sandbox: { docker: { ↓seccompProfile: "Unconfined" } } } } }"#)],
            passes: [CheckExample(#"{ agents: { defaults: { sandbox: { docker: { seccompProfile: "/etc/docker/seccomp.json" } } } } }"#)]),
        CheckInfo(
            id: "sandbox.dangerous_apparmor_profile",
            title: "AppArmor unconfined in sandbox config",
            severity: .fixed(.critical),
            rationale: "An unconfined AppArmor profile removes the mandatory access control that limits what a compromised sandbox process may touch.",
            remediation: "Remove apparmorProfile or use a named AppArmor profile.",
            triggers: [CheckExample(#"{ agents: { list: [{ id: "ops", sandbox: { docker: { ↓apparmorProfile: "unconfined" } } }] } }"#)],
            passes: [CheckExample(#"{ agents: { defaults: { sandbox: { docker: { apparmorProfile: "docker-default" } } } } }"#)]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        var sources: [(label: String, docker: ConfigNode)] = []
        if let docker = context.config["agents"]["defaults"]["sandbox"]["docker"], docker.object != nil {
            sources.append(("agents.defaults.sandbox.docker", docker))
        }
        for agent in context.agents.agents {
            if let docker = agent.config["sandbox"]["docker"], docker.object != nil {
                sources.append(("\(context.agents.label(for: agent)).sandbox.docker", docker))
            }
        }
        return sources.flatMap { findings(source: $0.label, docker: $0.docker) }
    }

    private func findings(source: String, docker: ConfigNode) -> [Finding] {
        var out: [Finding] = []
        for bindNode in docker["binds"].array ?? [] {
            guard let bind = bindNode.string else { continue }
            switch Self.blockedReason(bind) {
            case .nonAbsolute(let sourcePath)?:
                out.append(finding(
                    "sandbox.bind_mount_non_absolute", .warn,
                    detail: "\(source).binds contains \"\(bind)\" which uses source path \"\(sourcePath)\". Non-absolute bind sources are hard to validate safely and may resolve unexpectedly.",
                    remediation: "Rewrite \"\(bind)\" to use an absolute host path (for example: /home/user/project:/project:ro).",
                    at: bindNode))
            case .blocked(let verb, let path)?:
                out.append(finding(
                    "sandbox.dangerous_bind_mount", .critical,
                    detail: "\(source).binds contains \"\(bind)\" which \(verb) blocked path \"\(path)\". This can expose host system directories or the Docker socket to sandbox containers.",
                    remediation: "Remove \"\(bind)\" from \(source).binds. Use project-specific paths instead.",
                    at: bindNode))
            case nil:
                break
            }
        }

        if let network = docker["network"].string {
            let normalized = network.trimmingWhitespace.lowercased()
            if normalized == "host" || normalized.hasPrefix("container:") {
                out.append(finding(
                    "sandbox.dangerous_network_mode", .critical,
                    detail: normalized == "host"
                        ? "\(source).network is \"host\" which bypasses container network isolation entirely."
                        : "\(source).network is \"\(network)\" which joins another container namespace and can bypass sandbox network isolation.",
                    remediation: "Set \(source).network to \"bridge\", \"none\", or a custom bridge network name. Use \(source).dangerouslyAllowContainerNamespaceJoin=true only as a break-glass override when you fully trust this runtime.",
                    at: docker["network"]))
            }
        }
        if docker["seccompProfile"].string?.trimmingWhitespace.lowercased() == "unconfined" {
            out.append(finding(
                "sandbox.dangerous_seccomp_profile", .critical,
                detail: "\(source).seccompProfile is \"unconfined\" which disables syscall filtering.",
                remediation: "Remove \(source).seccompProfile or use a custom seccomp profile file.",
                at: docker["seccompProfile"]))
        }
        if docker["apparmorProfile"].string?.trimmingWhitespace.lowercased() == "unconfined" {
            out.append(finding(
                "sandbox.dangerous_apparmor_profile", .critical,
                detail: "\(source).apparmorProfile is \"unconfined\" which disables AppArmor enforcement.",
                remediation: "Remove \(source).apparmorProfile or use a named AppArmor profile.",
                at: docker["apparmorProfile"]))
        }
        return out
    }

    enum BindProblem: Equatable {
        case nonAbsolute(sourcePath: String)
        /// `covers` for the root, `targets` for a blocked path.
        case blocked(verb: String, path: String)
    }

    /// `getBlockedBindReason`: the host part of `source:target[:mode]`, checked
    /// lexically (no file-system access).
    static func blockedReason(_ bind: String) -> BindProblem? {
        let source = hostPart(of: bind.trimmingWhitespace).trimmingWhitespace
        guard source.hasPrefix("/") else { return .nonAbsolute(sourcePath: source) }
        let normalized = normalizeHostPath(source)
        if normalized == "/" { return .blocked(verb: "covers", path: "/") }
        if let blocked = blockedHostPaths.first(where: { normalized == $0 || normalized.hasPrefix($0 + "/") }) {
            return .blocked(verb: "targets", path: blocked)
        }
        return nil
    }

    /// Everything before the first `:` (after a Windows drive prefix such as `C:\`).
    static func hostPart(of spec: String) -> String {
        let chars = Array(spec)
        let hasDrive = chars.count >= 3 && chars[0].isASCII && chars[0].isLetter && chars[1] == ":" && (chars[2] == "/" || chars[2] == "\\")
        guard let separator = chars.indices.dropFirst(hasDrive ? 2 : 0).first(where: { chars[$0] == ":" }) else { return spec }
        return String(chars[..<separator])
    }

    /// Dots and repeated or trailing slashes removed, backslashes as slashes.
    static func normalizeHostPath(_ raw: String) -> String {
        var path = raw.trimmingWhitespace
        for prefix in ["\\\\?\\", "//?/"] where path.hasPrefix(prefix) {
            path = String(path.dropFirst(prefix.count))
        }
        guard !path.isEmpty else { return "/" }
        return PathNormalization.normalize(path.replacing("\\", with: "/"))
    }
}
