/// `sandbox.docker_config_mode_off`: docker hardening written for a sandbox that never
/// runs, so the operator may believe it applies when it does not.
struct SandboxDockerModeOffCheck: Check {
    let infos = [
        CheckInfo(
            id: "sandbox.docker_config_mode_off",
            title: "Sandbox docker settings configured while sandbox mode is off",
            severity: .fixed(.warn),
            rationale: "Sandbox docker settings only take effect when sandbox mode is on; with it off, commands run unsandboxed despite the configured image, mounts and limits.",
            remediation: "Enable sandbox mode (agents.defaults.sandbox.mode \"non-main\" or \"all\") where needed, or remove unused docker settings.",
            triggers: [
                CheckExample(#"{ agents: { defaults: { sandbox: { mode: "off", ↓docker: { image: "ghcr.io/example/sandbox:latest" } } } } }"#),
                CheckExample(#"{ agents: { defaults: { sandbox: { mode: "all" } }, list: [{ id: "ops", sandbox: { mode: "off", ↓docker: { network: "none" } } }] } }"#),
                CheckExample(#"{ agents: { entries: { ops: { sandbox: { ↓docker: { image: "x" } } } } } }"#),
            ],
            passes: [
                CheckExample(#"{ agents: { defaults: { sandbox: { mode: "non-main", docker: { image: "x" } } } } }"#),
                CheckExample(#"{ agents: { defaults: { sandbox: { docker: { image: "x" } } }, list: [{ id: "ops", sandbox: { mode: "all" } }] } }"#),
                CheckExample(#"{ agents: { defaults: { sandbox: { docker: {} } } } }"#),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let roster = context.agents
        let defaults = context.config["agents"]["defaults"]["sandbox"]
        var paths: [(String, ConfigNode)] = []
        if let docker = defaults["docker"], Self.isConfigured(docker),
           (defaults["mode"].string ?? "off") == "off",
           !roster.agents.contains(where: { roster.sandboxMode(for: $0, in: context.config) != "off" }) {
            paths.append(("agents.defaults.sandbox.docker", docker))
        }
        for agent in roster.agents {
            guard let docker = agent.config["sandbox"]["docker"], Self.isConfigured(docker),
                  roster.sandboxMode(for: agent, in: context.config) == "off"
            else { continue }
            paths.append(("\(roster.label(for: agent)).sandbox.docker", docker))
        }
        guard let first = paths.first else { return [] }
        return [finding(
            "sandbox.docker_config_mode_off", .warn,
            detail: "These docker settings will not take effect until sandbox mode is enabled:\n" + paths.map { "- \($0.0)" }.joined(separator: "\n"),
            remediation: "Enable sandbox mode (`agents.defaults.sandbox.mode=\"non-main\"` or `\"all\"`) where needed, or remove unused docker settings.",
            at: first.1)]
    }

    /// An object with at least one value.
    static func isConfigured(_ docker: ConfigNode) -> Bool {
        guard let object = docker.object else { return false }
        return !object.isEmpty
    }
}
