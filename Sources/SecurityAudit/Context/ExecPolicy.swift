/// How exec is configured for an agent: where commands run
/// (`tools.exec.host`) and how much is trusted (`tools.exec.mode`, or the older
/// `security` / `ask` pair it supersedes), per agent over the global `tools.exec`.
public enum ExecPolicy {
    public struct Levels: Sendable, Equatable {
        public var security: String
        public var ask: String
    }

    /// What `tools.exec.mode` stands for; nil for an unset or unknown mode.
    public static func levels(forMode raw: String?) -> Levels? {
        switch raw?.trimmingWhitespace.lowercased() {
        case "deny"?: return Levels(security: "deny", ask: "off")
        case "allowlist"?: return Levels(security: "allowlist", ask: "off")
        case "ask"?, "auto"?: return Levels(security: "allowlist", ask: "on-miss")
        case "full"?: return Levels(security: "full", ask: "off")
        default: return nil
        }
    }

    /// A valid mode wins over `security` / `ask`.
    public static func effective(mode: String?, security: String, ask: String) -> Levels {
        levels(forMode: mode) ?? Levels(security: security, ask: ask)
    }

    static func normalized(_ raw: String?, in values: Set<String>) -> String? {
        guard let value = raw?.trimmingWhitespace.lowercased(), values.contains(value) else { return nil }
        return value
    }

    /// `<agent>.tools.exec.host ?? tools.exec.host ?? "auto"`, as written.
    public static func configuredHost(agent: AgentRoster.Agent?, config: ConfigNode) -> String {
        agent?.config["tools"]["exec"]["host"].string ?? config["tools"]["exec"]["host"].string ?? "auto"
    }

    /// `auto` runs in the sandbox when the scope has one, else on the gateway host.
    public static func effectiveHost(configured: String, sandboxAvailable: Bool) -> String {
        let host = configured.trimmingWhitespace.lowercased()
        guard host == "auto" else { return host }
        return sandboxAvailable ? "sandbox" : "gateway"
    }

    /// The policy the gateway applies at run time to one scope (nil agent = the
    /// defaults): the first layer (agent, then global `tools.exec`) that sets a mode or
    /// level decides, then the approvals file's defaults for hosts outside the sandbox,
    /// then the host's default (`deny` in the sandbox, `full` on a host).
    public struct Runtime: Sendable, Equatable {
        public var effectiveHost: String
        public var security: String
        public var ask: String
    }

    public static func runtime(
        agent: AgentRoster.Agent?, roster: AgentRoster, config: ConfigNode, approvals: ExecApprovals
    ) -> Runtime {
        let sandboxAvailable = roster.sandboxMode(for: agent, in: config) != "off"
        let host = effectiveHost(configured: configuredHost(agent: agent, config: config), sandboxAvailable: sandboxAvailable)
        let layers = [agent?.config["tools"]["exec"], config["tools"]["exec"]]
        func layered(_ key: String, values: Set<String>, fromMode: (Levels) -> String) -> String? {
            for layer in layers {
                if let mode = levels(forMode: layer["mode"].string) { return fromMode(mode) }
                if let value = normalized(layer[key].string, in: values) { return value }
            }
            return nil
        }
        let base = host == "sandbox" ? nil : approvals.defaults
        let security = layered("security", values: ExecApprovals.securityValues, fromMode: \.security)
            ?? base?.security ?? (host == "sandbox" ? "deny" : "full")
        let ask = layered("ask", values: ExecApprovals.askValues, fromMode: \.ask) ?? base?.ask ?? "off"
        return Runtime(effectiveHost: host, security: security, ask: ask)
    }
}
