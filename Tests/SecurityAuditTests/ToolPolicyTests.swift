import JSON5
import Testing
@testable import SecurityAudit

/// The tool-policy evaluator and the agent roster, from config snippets.
struct ToolPolicyTests {
    func config(_ text: String) throws -> ConfigNode {
        var resolver = ConfigIncludeResolver(configPath: "/nonexistent/openclaw.json")
        return try resolver.resolve(JSON5.parse(text), file: "/nonexistent/openclaw.json")
    }

    func chain(_ text: String, agent id: String? = nil) throws -> ToolPolicyChain {
        let root = try config(text)
        let roster = AgentRoster(config: root)
        return ToolPolicyChain(agent: id.flatMap { roster.agent(withNormalizedId: $0) }, roster: roster, config: root)
    }

    @Test func noPolicyAllowsEverything() throws {
        let c = try chain("{}")
        #expect(c.allows("exec") && c.allows("browser") && c.allows("anything"))
        #expect(c.sandboxMode == "off")
    }

    @Test func profilesRestrict() throws {
        #expect(try chain(#"{ tools: { profile: "minimal" } }"#).allows("session_status"))
        #expect(try !chain(#"{ tools: { profile: "minimal" } }"#).allows("exec"))
        #expect(try chain(#"{ tools: { profile: "coding" } }"#).allows("exec"))
        #expect(try !chain(#"{ tools: { profile: "coding" } }"#).allows("browser"))
        #expect(try chain(#"{ tools: { profile: "messaging" } }"#).allows("message"))
        #expect(try chain(#"{ tools: { profile: "full" } }"#).allows("browser"))
        #expect(try chain(#"{ tools: { profile: "unknown-profile" } }"#).allows("browser"))
    }

    @Test func denyWinsGroupsAliasesAndGlobs() throws {
        #expect(try !chain(#"{ tools: { deny: ["group:runtime"] } }"#).allows("exec"))
        #expect(try !chain(#"{ tools: { deny: [" BASH "] } }"#).allows("exec"))
        #expect(try !chain(#"{ tools: { allow: ["*"], deny: ["web_*"] } }"#).allows("web_fetch"))
        #expect(try chain(#"{ tools: { allow: ["*"], deny: ["web_*"] } }"#).allows("exec"))
        #expect(try !chain(#"{ tools: { allow: ["read"] } }"#).allows("write"))
        #expect(try chain(#"{ tools: { allow: ["sessions_*"] } }"#).allows("sessions_spawn"))
        #expect(try !chain(#"{ tools: { allow: ["*_spawn_x"] } }"#).allows("sessions_spawn"))
        #expect(try chain(#"{ tools: { allow: ["s*s*n"] } }"#).allows("sessions_spawn"))
    }

    @Test func applyPatchFollowsExecInAllowLists() throws {
        #expect(try chain(#"{ tools: { allow: ["exec"] } }"#).allows("apply_patch"))
        #expect(try !chain(#"{ tools: { allow: ["read"] } }"#).allows("apply_patch"))
        #expect(try !chain(#"{ tools: { allow: ["exec"], deny: ["apply-patch"] } }"#).allows("apply_patch"))
    }

    @Test func alsoAllowAddsToAllowOrToAllowAll() throws {
        #expect(try chain(#"{ tools: { profile: "minimal", alsoAllow: ["exec"] } }"#).allows("exec") == false)
        #expect(try chain(#"{ tools: { allow: ["read"], alsoAllow: ["exec"] } }"#).allows("exec"))
        #expect(try chain(#"{ tools: { alsoAllow: ["exec"] } }"#).allows("browser"))
        #expect(ToolPolicy.pick(from: try config(#"{ alsoAllow: ["exec"] }"#)) == ToolPolicy(allow: ["*", "exec"], deny: nil))
        #expect(ToolPolicy.pick(from: try config(#"{ allow: [], alsoAllow: ["exec"] }"#)) == ToolPolicy(allow: ["*", "exec"], deny: nil))
        #expect(ToolPolicy.pick(from: try config(#"{ profile: "coding" }"#)) == nil)
    }

    @Test func agentPoliciesAndProfilesOverrideAndStack() throws {
        let text = #"{ tools: { profile: "coding", deny: ["process"] }, agents: { list: [{ id: "Ops", tools: { profile: "full", deny: ["exec"] } }] } }"#
        let ops = try chain(text, agent: "ops")
        #expect(!ops.allows("exec"))
        #expect(!ops.allows("process"))
        #expect(ops.allows("browser"))
        #expect(try !chain(text).allows("browser"))
    }

    @Test func sandboxAllAddsTheSandboxPolicy() throws {
        let c = try chain(#"{ agents: { defaults: { sandbox: { mode: "all" } } } }"#)
        #expect(c.sandboxMode == "all")
        #expect(c.allows("exec") && c.allows("image"))
        #expect(!c.allows("browser") && !c.allows("gateway") && !c.allows("whatsapp") && !c.allows("web_fetch"))
        let custom = try chain(#"{ agents: { defaults: { sandbox: { mode: "all" } } }, tools: { sandbox: { tools: { allow: ["browser"], deny: [] } } } }"#)
        #expect(custom.allows("browser") && custom.allows("image") && !custom.allows("exec"))
        let nonMain = try chain(#"{ agents: { defaults: { sandbox: { mode: "non-main" } } } }"#)
        #expect(nonMain.allows("browser"))
        let perAgent = try chain(#"{ agents: { defaults: { sandbox: { mode: "all" } }, list: [{ id: "a", sandbox: { mode: "off" } }] } }"#, agent: "a")
        #expect(perAgent.sandboxMode == "off" && perAgent.allows("browser"))
    }

    @Test func rosterReadsBothShapes() throws {
        let feb = AgentRoster(config: try config(#"{ agents: { list: [{ id: "Main Bot" }, "junk", { id: 7 }, { id: "b", default: true }] } }"#))
        #expect(feb.agents.map(\.id) == ["Main Bot", "b"])
        #expect(feb.agents.map(\.normalizedId) == ["main-bot", "b"])
        #expect(feb.defaultAgentId == "b")
        #expect(feb.labelPrefix == "agents.list")
        #expect(feb.agentIdsDefaultFirst == ["b", "main-bot"])

        let later = AgentRoster(config: try config(#"{ agents: { entries: { ops: { id: "ignored" }, x: 1, dev: {} }, list: [{ id: "old" }] } }"#))
        #expect(later.agents.map(\.id) == ["ops", "dev"])
        #expect(later.usesEntries && later.labelPrefix == "agents.entries")
        #expect(later.defaultAgentId == "ops")

        let none = AgentRoster(config: try config("{}"))
        #expect(none.defaultAgentId == "main" && !none.hasRoster && none.agentIdsDefaultFirst == ["main"])
    }

    @Test func agentIdNormalization() {
        #expect(AgentRoster.normalize("  Ops ") == "ops")
        #expect(AgentRoster.normalize("a b/c") == "a-b-c")
        #expect(AgentRoster.normalize("--x--") == "x")
        #expect(AgentRoster.normalize("") == "main")
        #expect(AgentRoster.normalize("!!!") == "main")
        #expect(AgentRoster.normalize(String(repeating: "a", count: 70)).count == 64)
    }
}
