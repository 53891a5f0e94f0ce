/// The exec approvals file (`exec-approvals.json`): host exec
/// defaults and per-agent allowlists that the gateway keeps outside the config. Read
/// once in the facts pass (`ExecApprovalsReader`); checks only look at this value.
public struct ExecApprovals: Sendable {
    public struct Policy: Sendable {
        /// `deny` · `allowlist` · `full`; anything else is unset.
        public var security: String?
        /// `off` · `on-miss` · `always`; anything else is unset.
        public var ask: String?
        public var askFallback: String?
        public var autoAllowSkills: Bool?
        public var autoAllowSkillsNode: ConfigNode?
    }

    public struct AllowlistEntry: Sendable {
        /// Trimmed for string items; as written for object items (non-blank).
        public var pattern: String
        public var argPattern: String?
        public var node: ConfigNode
    }

    public struct Agent: Sendable {
        /// The key in `agents`, as written (`main` for a merged legacy `default`).
        public var id: String
        public var policy: Policy
        public var allowlist: [AllowlistEntry]
    }

    /// How the file was found; `invalid` and `unreadable` evaluate fail-closed.
    public enum Source: Sendable, Equatable {
        case missing
        case loaded
        case invalid
        case unreadable
    }

    public var path: String
    public var source: Source
    public var defaults: Policy
    /// In the file's key order, after the legacy `default` agent was merged into `main`.
    public var agents: [Agent]

    public static func missing(path: String) -> ExecApprovals {
        ExecApprovals(path: path, source: .missing, defaults: Policy(), agents: [])
    }

    /// What the gateway uses when it cannot trust the file: no exec on the host.
    public static func failClosed(path: String, source: Source) -> ExecApprovals {
        ExecApprovals(
            path: path, source: source,
            defaults: Policy(security: "deny", ask: "off", askFallback: "deny", autoAllowSkills: false),
            agents: [])
    }

    static let securityValues: Set<String> = ["deny", "allowlist", "full"]
    static let askValues: Set<String> = ["off", "on-miss", "always"]
    static let legacyDefaultAgent = "default"
    static let mainAgent = "main"

    /// The parsed JSON document; any field of the wrong type makes the whole file invalid.
    public static func parse(_ root: ConfigNode, path: String) -> ExecApprovals {
        guard let object = root.object, object["version"]?.number == 1 else { return failClosed(path: path, source: .invalid) }
        if let socket = present(object["socket"]) {
            guard socket.object != nil, isOptional(socket["path"], \.string), isOptional(socket["token"], \.string) else {
                return failClosed(path: path, source: .invalid)
            }
        }
        var defaults = Policy()
        if let node = present(object["defaults"]) {
            guard let policy = policy(node) else { return failClosed(path: path, source: .invalid) }
            defaults = policy
        }
        var agents: [Agent] = []
        if let node = present(object["agents"]) {
            guard let members = node.object else { return failClosed(path: path, source: .invalid) }
            for (key, value) in members.entries {
                guard let policy = policy(value) else { return failClosed(path: path, source: .invalid) }
                let list = present(value["allowlist"])
                guard list == nil || list?.array != nil else { return failClosed(path: path, source: .invalid) }
                agents.append(Agent(id: key, policy: policy, allowlist: allowlist(list.array ?? [])))
            }
        }
        return ExecApprovals(path: path, source: .loaded, defaults: defaults, agents: mergingLegacyDefault(agents))
    }

    /// JSON `null` counts as absent.
    private static func present(_ node: ConfigNode?) -> ConfigNode? {
        guard let node, !node.isNull else { return nil }
        return node
    }

    private static func isOptional<T>(_ node: ConfigNode?, _ read: (ConfigNode) -> T?) -> Bool {
        guard let node = present(node) else { return true }
        return read(node) != nil
    }

    private static func policy(_ node: ConfigNode) -> Policy? {
        guard node.object != nil,
              isOptional(node["security"], \.string), isOptional(node["ask"], \.string),
              isOptional(node["askFallback"], \.string), isOptional(node["autoAllowSkills"], \.bool)
        else { return nil }
        func member(_ key: String, of values: Set<String>) -> String? {
            guard let value = node[key].string, values.contains(value) else { return nil }
            return value
        }
        return Policy(
            security: member("security", of: securityValues), ask: member("ask", of: askValues),
            askFallback: member("askFallback", of: securityValues), autoAllowSkills: node["autoAllowSkills"].bool,
            autoAllowSkillsNode: node["autoAllowSkills"])
    }

    /// String items become patterns; objects need a non-blank string `pattern`.
    private static func allowlist(_ items: [ConfigNode]) -> [AllowlistEntry] {
        items.compactMap { item in
            if let text = item.string {
                let pattern = text.trimmingWhitespace
                return pattern.isEmpty ? nil : AllowlistEntry(pattern: pattern, argPattern: nil, node: item)
            }
            guard item.object != nil, let pattern = item["pattern"].string, !pattern.trimmingWhitespace.isEmpty else { return nil }
            return AllowlistEntry(pattern: pattern, argPattern: item["argPattern"].string, node: item)
        }
    }

    /// The legacy agent key `default` is `main`: `main`'s own fields win, allowlists are
    /// concatenated without duplicates, and `main` keeps its position (or is appended).
    private static func mergingLegacyDefault(_ agents: [Agent]) -> [Agent] {
        guard let legacy = agents.first(where: { $0.id == legacyDefaultAgent }) else { return agents }
        var result = agents.filter { $0.id != legacyDefaultAgent }
        guard let mainIndex = result.firstIndex(where: { $0.id == mainAgent }) else {
            result.append(Agent(id: mainAgent, policy: legacy.policy, allowlist: legacy.allowlist))
            return result
        }
        let main = result[mainIndex]
        var seen: Set<String> = []
        let merged = (main.allowlist + legacy.allowlist).filter { entry in
            seen.insert(entry.pattern.trimmingWhitespace.lowercased() + "\u{0}" + (entry.argPattern ?? "")).inserted
        }
        let policy = Policy(
            security: main.policy.security ?? legacy.policy.security, ask: main.policy.ask ?? legacy.policy.ask,
            askFallback: main.policy.askFallback ?? legacy.policy.askFallback,
            autoAllowSkills: main.policy.autoAllowSkills ?? legacy.policy.autoAllowSkills,
            autoAllowSkillsNode: main.policy.autoAllowSkills != nil ? main.policy.autoAllowSkillsNode : legacy.policy.autoAllowSkillsNode)
        result[mainIndex] = Agent(id: mainAgent, policy: policy, allowlist: merged)
        return result
    }
}
