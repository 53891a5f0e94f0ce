import JSON5
import Testing
@testable import SecurityAudit

/// The tool-policy evaluator, one row per rule: a config, an agent (nil for
/// `agents.defaults`), a tool and whether the tool stays available.
struct ToolPolicyTableTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let config: String
        let agent: String?
        let tool: String
        let allowed: Bool
        let rule: String
        var testDescription: String { "\(rule): \(tool) \(allowed ? "allowed" : "denied") by \(config)" }

        init(_ rule: String, _ config: String, agent: String? = nil, _ tool: String, _ allowed: Bool) {
            self.rule = rule
            self.config = config
            self.agent = agent
            self.tool = tool
            self.allowed = allowed
        }
    }

    static let rows: [Row] = [
        // Profiles restrict to their allow list; full and unknown names restrict nothing.
        Row("profile", #"{ tools: { profile: "minimal" } }"#, "session_status", true),
        Row("profile", #"{ tools: { profile: "minimal" } }"#, "read", false),
        Row("profile", #"{ tools: { profile: "coding" } }"#, "apply_patch", true),
        Row("profile", #"{ tools: { profile: "coding" } }"#, "cron", true),
        Row("profile", #"{ tools: { profile: "coding" } }"#, "gateway", false),
        Row("profile", #"{ tools: { profile: "messaging" } }"#, "sessions_send", true),
        Row("profile", #"{ tools: { profile: "messaging" } }"#, "exec", false),
        Row("profile", #"{ tools: { profile: "full" } }"#, "gateway", true),
        Row("profile", #"{ tools: { profile: "paranoid" } }"#, "exec", true),
        Row("profile", #"{ tools: { profile: "minimal" }, agents: { list: [{ id: "a", tools: { profile: "coding" } }] } }"#, agent: "a", "exec", true),
        // Groups expand in allow and deny lists.
        Row("group", #"{ tools: { allow: ["group:fs"] } }"#, "edit", true),
        Row("group", #"{ tools: { allow: ["group:fs"] } }"#, "exec", false),
        Row("group", #"{ tools: { deny: ["group:web"] } }"#, "web_fetch", false),
        Row("group", #"{ tools: { deny: ["group:automation"] } }"#, "gateway", false),
        Row("group", #"{ tools: { allow: ["group:sessions"] } }"#, "subagents", true),
        // Names are trimmed, lower-cased and aliased.
        Row("alias", #"{ tools: { deny: [" BASH "] } }"#, "exec", false),
        Row("alias", #"{ tools: { allow: ["Apply-Patch"] } }"#, "apply_patch", true),
        Row("alias", #"{ tools: { allow: ["EXEC"] } }"#, "bash", true),
        // `*` globs match anywhere in the name.
        Row("glob", #"{ tools: { allow: ["web_*"] } }"#, "web_search", true),
        Row("glob", #"{ tools: { allow: ["*_get"] } }"#, "memory_get", true),
        Row("glob", #"{ tools: { allow: ["*_get"] } }"#, "memory_search", false),
        Row("glob", #"{ tools: { deny: ["*"] } }"#, "session_status", false),
        // Deny wins within a policy, and every policy of the chain must allow.
        Row("deny wins", #"{ tools: { allow: ["exec"], deny: ["exec"] } }"#, "exec", false),
        Row("deny wins", #"{ tools: { profile: "coding", deny: ["group:runtime"] } }"#, "process", false),
        Row("deny wins", #"{ tools: { allow: ["exec"] }, agents: { list: [{ id: "a", tools: { allow: ["*"] } }] } }"#, agent: "a", "read", false),
        // apply_patch rides on exec in allow lists (the original's matcher); denying
        // write does not deny it, only naming it (or group:fs) does.
        Row("apply_patch", #"{ tools: { allow: ["exec"] } }"#, "apply_patch", true),
        Row("apply_patch", #"{ tools: { allow: ["write"] } }"#, "apply_patch", false),
        Row("apply_patch", #"{ tools: { deny: ["write"] } }"#, "apply_patch", true),
        Row("apply_patch", #"{ tools: { deny: ["group:fs"] } }"#, "apply_patch", false),
        // alsoAllow adds to an allow list, or on its own to an implicit allow-all; it does
        // not widen a profile.
        Row("alsoAllow", #"{ tools: { alsoAllow: ["exec"] } }"#, "browser", true),
        Row("alsoAllow", #"{ tools: { allow: ["read"], alsoAllow: ["exec"] } }"#, "exec", true),
        Row("alsoAllow", #"{ tools: { allow: ["read"], alsoAllow: ["exec"] } }"#, "browser", false),
        Row("alsoAllow", #"{ tools: { profile: "minimal", alsoAllow: ["exec"] } }"#, "exec", false),
        // A fully sandboxed agent also passes the sandbox tool policy.
        Row("sandbox", #"{ agents: { defaults: { sandbox: { mode: "all" } } } }"#, "browser", false),
        Row("sandbox", #"{ agents: { defaults: { sandbox: { mode: "all" } } } }"#, "exec", true),
        Row("sandbox", #"{ agents: { defaults: { sandbox: { mode: "non-main" } } } }"#, "browser", true),
        Row("sandbox", #"{ agents: { defaults: { sandbox: { mode: "all" } } }, tools: { sandbox: { tools: { allow: ["browser"] } } } }"#, "exec", false),
    ]

    func chain(_ text: String, agent id: String?) throws -> ToolPolicyChain {
        var resolver = ConfigIncludeResolver(configPath: "/nonexistent/openclaw.json")
        let root = try resolver.resolve(JSON5.parse(text), file: "/nonexistent/openclaw.json")
        let roster = AgentRoster(config: root)
        return ToolPolicyChain(agent: id.flatMap { roster.agent(withNormalizedId: $0) }, roster: roster, config: root)
    }

    @Test(arguments: rows)
    func rule(_ row: Row) throws {
        let policies = try chain(row.config, agent: row.agent)
        #expect(policies.allows(row.tool) == row.allowed)
        #expect(policies.allowed([row.tool]) == (row.allowed ? [row.tool] : []))
    }

    @Test func allowedKeepsTheOrderGiven() throws {
        let policies = try chain(#"{ tools: { profile: "coding", deny: ["read"] } }"#, agent: nil)
        #expect(policies.allowed(["process", "read", "exec", "browser", "write"]) == ["process", "exec", "write"])
        #expect(try chain("{}", agent: nil).allowed([]) == [])
    }
}
