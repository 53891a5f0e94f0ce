/// The original's tool-policy evaluation (`pi-tools.policy.ts`): a tool is
/// available to an agent only when every policy in its chain allows it. Within one
/// policy, names are trimmed, lower-cased and aliased, `group:*` entries expanded, `*`
/// globs matched; deny wins; an empty allow list allows everything; `apply_patch` is
/// allowed wherever `exec` is.
public struct ToolPolicy: Sendable, Equatable {
    public var allow: [String]?
    public var deny: [String]?

    public init(allow: [String]?, deny: [String]?) {
        self.allow = allow
        self.deny = deny
    }

    static let aliases = ["bash": "exec", "apply-patch": "apply_patch"]

    /// Tool groups of the catalog as of March 2026.
    static let groups: [String: [String]] = {
        var groups: [String: [String]] = [
            "group:fs": ["read", "write", "edit", "apply_patch"],
            "group:runtime": ["exec", "process"],
            "group:web": ["web_search", "web_fetch"],
            "group:memory": ["memory_search", "memory_get"],
            "group:sessions": ["sessions_list", "sessions_history", "sessions_send", "sessions_spawn", "sessions_yield", "subagents", "session_status"],
            "group:ui": ["browser", "canvas"],
            "group:messaging": ["message"],
            "group:automation": ["cron", "gateway"],
            "group:nodes": ["nodes"],
            "group:agents": ["agents_list"],
            "group:media": ["image", "image_generate", "tts"],
        ]
        groups["group:openclaw"] = ["web_search", "web_fetch", "memory_search", "memory_get"]
            + groups["group:sessions"]! + ["browser", "canvas", "message", "cron", "gateway", "nodes", "agents_list", "image", "image_generate", "tts"]
        return groups
    }()

    /// Allow lists of the restrictive profiles; `full` (and anything unknown) restricts nothing.
    static let profiles: [String: [String]] = [
        "minimal": ["session_status"],
        "coding": ["read", "write", "edit", "apply_patch", "exec", "process", "web_search", "web_fetch", "memory_search", "memory_get", "sessions_list", "sessions_history", "sessions_send", "sessions_spawn", "sessions_yield", "subagents", "session_status", "cron", "image", "image_generate"],
        "messaging": ["sessions_list", "sessions_history", "sessions_send", "session_status", "message"],
    ]

    /// Channel ids the sandbox denies by default (its tools are named after them).
    static let channelIds = ["telegram", "whatsapp", "discord", "irc", "googlechat", "slack", "signal", "imessage"]

    static let sandboxDefaultAllow = ["exec", "process", "read", "write", "edit", "apply_patch", "image", "sessions_list", "sessions_history", "sessions_send", "sessions_spawn", "sessions_yield", "subagents", "session_status"]
    static let sandboxDefaultDeny = ["browser", "canvas", "nodes", "cron", "gateway"] + channelIds

    public static func normalize(_ name: String) -> String {
        let lower = name.trimmingWhitespace.lowercased()
        return aliases[lower] ?? lower
    }

    static func expand(_ list: [String]?) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for raw in list ?? [] {
            let name = normalize(raw)
            guard !name.isEmpty else { continue }
            for tool in groups[name] ?? [name] where seen.insert(tool).inserted {
                out.append(tool)
            }
        }
        return out
    }

    static func matches(_ name: String, _ patterns: [String]) -> Bool {
        patterns.contains { GlobPattern.matches($0, name) }
    }

    public func allows(_ tool: String) -> Bool {
        allowed([tool]).count == 1
    }

    /// The tools of `tools` this policy allows, expanding its lists once.
    public func allowed(_ tools: [String]) -> [String] {
        let denyPatterns = Self.expand(deny)
        let allowPatterns = Self.expand(allow)
        return tools.filter { tool in
            let name = Self.normalize(tool)
            if Self.matches(name, denyPatterns) { return false }
            if allowPatterns.isEmpty { return true }
            if Self.matches(name, allowPatterns) { return true }
            return name == "apply_patch" && Self.matches("exec", allowPatterns)
        }
    }

    /// A profile's policy, nil for `full` or an unknown name.
    public static func profile(_ name: String?) -> ToolPolicy? {
        guard let name, let allow = profiles[name] else { return nil }
        return ToolPolicy(allow: allow, deny: nil)
    }

    /// `{allow, alsoAllow, deny}` from a config section (`pickSandboxToolPolicy`):
    /// `alsoAllow` joins `allow`, or `["*"] + alsoAllow` when there is no allow list.
    public static func pick(from section: ConfigNode?) -> ToolPolicy? {
        guard let section, section.object != nil else { return nil }
        let allow = section["allow"].array.map(strings)
        let alsoAllow = section["alsoAllow"].array.map(strings) ?? []
        let deny = section["deny"].array.map(strings)
        let effectiveAllow = allow != nil ? union(allow, alsoAllow) : (alsoAllow.isEmpty ? nil : union(nil, alsoAllow))
        guard effectiveAllow != nil || deny != nil else { return nil }
        return ToolPolicy(allow: effectiveAllow, deny: deny)
    }

    /// `alsoAllow` on top of an allow list; on its own it adds to an implicit allow-all.
    static func union(_ base: [String]?, _ extra: [String]) -> [String]? {
        if extra.isEmpty { return base }
        guard let base, !base.isEmpty else { return unique(["*"] + extra) }
        return unique(base + extra)
    }

    static func strings(_ nodes: [ConfigNode]) -> [String] { nodes.compactMap(\.string) }

    static func unique(_ list: [String]) -> [String] {
        var seen: Set<String> = []
        return list.filter { seen.insert($0).inserted }
    }

    /// The sandbox's own policy for an agent: the agent's `tools.sandbox.tools`, else the
    /// global one, else the defaults; `image` joins a non-empty allow list unless denied.
    public static func sandbox(for agent: AgentRoster.Agent?, in config: ConfigNode) -> ToolPolicy {
        let agentTools = agent?.config["tools"]["sandbox"]["tools"]
        let globalTools = config["tools"]["sandbox"]["tools"]
        let deny = (agentTools["deny"].array ?? globalTools["deny"].array).map(strings) ?? sandboxDefaultDeny
        var allow = expand((agentTools["allow"].array ?? globalTools["allow"].array).map(strings) ?? sandboxDefaultAllow)
        let expandedDeny = expand(deny)
        if !allow.isEmpty, !expandedDeny.contains("image"), !allow.contains("image") {
            allow.append("image")
        }
        return ToolPolicy(allow: allow, deny: expandedDeny)
    }
}

/// The chain of policies an agent's tool calls pass through.
public struct ToolPolicyChain: Sendable {
    public var policies: [ToolPolicy]
    public var sandboxMode: String

    /// The chain for `agent` (nil = `agents.defaults`): profile, global tools, agent tools,
    /// and the sandbox policy when the agent runs fully sandboxed.
    public init(agent: AgentRoster.Agent?, roster: AgentRoster, config: ConfigNode) {
        let agentTools = agent?.config["tools"]
        var policies: [ToolPolicy] = []
        let profileName = agentTools["profile"].string ?? config["tools"]["profile"].string
        if let profile = ToolPolicy.profile(profileName) { policies.append(profile) }
        if let global = ToolPolicy.pick(from: config["tools"]) { policies.append(global) }
        if let own = ToolPolicy.pick(from: agentTools) { policies.append(own) }
        sandboxMode = roster.sandboxMode(for: agent, in: config)
        if sandboxMode == "all" { policies.append(ToolPolicy.sandbox(for: agent, in: config)) }
        self.policies = policies
    }

    public func allows(_ tool: String) -> Bool {
        policies.allSatisfy { $0.allows(tool) }
    }

    /// The tools of `tools` every policy allows, in the order given.
    public func allowed(_ tools: [String]) -> [String] {
        policies.reduce(tools) { remaining, policy in remaining.isEmpty ? remaining : policy.allowed(remaining) }
    }
}

/// `*` globs over normalized names, as `glob-pattern.ts` compiles them.
enum GlobPattern {
    static func matches(_ pattern: String, _ value: String) -> Bool {
        if pattern == "*" { return true }
        guard pattern.contains("*") else { return pattern == value }
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var rest = Substring(value)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for (index, part) in parts.enumerated().dropFirst() {
            if index == parts.count - 1 {
                return part.isEmpty || (rest.hasSuffix(part) && rest.count >= part.count)
            }
            guard !part.isEmpty else { continue }
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }
}

private extension Substring {
    func range(of needle: String) -> Range<Index>? {
        var index = startIndex
        while index <= endIndex {
            if self[index...].hasPrefix(needle) {
                return index..<self.index(index, offsetBy: needle.count)
            }
            if index == endIndex { break }
            index = self.index(after: index)
        }
        return nil
    }
}
