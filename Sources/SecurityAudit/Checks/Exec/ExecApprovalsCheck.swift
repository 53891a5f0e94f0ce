/// What the exec approvals file trusts beyond the config:
/// `tools.exec.auto_allow_skills_enabled` (skill binaries allowlisted implicitly) and
/// `tools.exec.allowlist_interpreter_without_strict_inline_eval` (interpreters
/// allowlisted while `python -c` / `node -e` style inline code is not refused).
struct ExecApprovalsCheck: Check {
    /// Interpreters and tools that run code given on their command line.
    static let interpreterNames: Set<String> = [
        "python", "python2", "python3", "pypy", "pypy3", "node", "nodejs", "bun", "deno", "awk", "gawk", "mawk", "nawk",
        "ruby", "perl", "php", "lua", "osascript", "find", "make", "gmake", "sed", "gsed", "xargs",
    ]
    static let globCharacters: Set<Character> = ["*", "?", "[", "]", "{", "}", "(", ")"]

    static func approvals(_ json: String) -> [FileFixture] { [.file("exec-approvals.json", json)] }

    let infos = [
        CheckInfo(
            id: "tools.exec.auto_allow_skills_enabled",
            title: "autoAllowSkills is enabled for exec approvals",
            severity: .fixed(.warn),
            rationale: "autoAllowSkills trusts every binary an installed skill declares; installing a skill then silently widens what runs on the host without approval.",
            remediation: "Disable autoAllowSkills in exec approvals and keep manual allowlists tight when you need explicit host-exec trust.",
            triggers: [
                CheckExample("{}", files: approvals(#"{ "version": 1, "defaults": { ↓"autoAllowSkills": true } }"#)),
                CheckExample("{}", files: approvals(#"{ "version": 1, "agents": { "ops": { ↓"autoAllowSkills": true } } }"#)),
                CheckExample("{}", files: approvals(#"{ "version": 1, "agents": { "default": { ↓"autoAllowSkills": true } } }"#)),
            ],
            passes: [
                CheckExample("{}", files: approvals(#"{ "version": 1, "defaults": { "autoAllowSkills": false } }"#)),
                CheckExample("{}", files: approvals(#"{ "version": 1, "defaults": { "autoAllowSkills": true, }, }"#)),
                CheckExample("{}", files: approvals(#"{ "version": 2, "defaults": { "autoAllowSkills": true } }"#)),
                CheckExample("{}", files: approvals(#"{ "version": 1, "defaults": { "autoAllowSkills": "yes" } }"#)),
                CheckExample("{}"),
            ]),
        CheckInfo(
            id: "tools.exec.allowlist_interpreter_without_strict_inline_eval",
            title: "Interpreter allowlist entries are missing strictInlineEval hardening",
            severity: .fixed(.warn),
            rationale: "Allowlisting an interpreter allowlists every program it can be handed inline (python -c, node -e); strictInlineEval makes such calls ask for approval instead.",
            remediation: "Set tools.exec.strictInlineEval=true (or per-agent tools.exec.strictInlineEval=true) when allowlisting interpreters.",
            triggers: [
                CheckExample("{}", files: approvals(#"{ "version": 1, "agents": { "main": { "allowlist": [↓{ "pattern": "/usr/bin/python3" }] } } }"#)),
                CheckExample("{}", files: approvals(#"{ "version": 1, "agents": { "main": { "allowlist": [↓" /opt/homebrew/bin/node* "] } } }"#)),
                CheckExample(
                    #"{ tools: { exec: { strictInlineEval: true } }, agents: { entries: { ops: { tools: { exec: { strictInlineEval: false } } } } } }"#,
                    files: approvals(#"{ "version": 1, "agents": { "ops": { "allowlist": [↓{ "pattern": "C:\\Tools\\Ruby.exe" }] } } }"#)),
            ],
            passes: [
                CheckExample(#"{ tools: { exec: { strictInlineEval: true } } }"#, files: approvals(#"{ "version": 1, "agents": { "main": { "allowlist": [{ "pattern": "/usr/bin/python3" }] } } }"#)),
                CheckExample(
                    #"{ agents: { list: [{ id: "ops", tools: { exec: { strictInlineEval: true } } }] } }"#,
                    files: approvals(#"{ "version": 1, "agents": { "ops": { "allowlist": [{ "pattern": "/usr/bin/perl" }] } } }"#)),
                CheckExample("{}", files: approvals(#"{ "version": 1, "agents": { "main": { "allowlist": [{ "pattern": "/usr/bin/jq" }, { "pattern": "/usr/bin/pythonista" }, "  "] } } }"#)),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let approvals = context.files.execApprovals
        var out: [Finding] = []

        var autoAllow: [(String, ConfigNode?)] = []
        if approvals.defaults.autoAllowSkills == true {
            autoAllow.append(("defaults.autoAllowSkills", approvals.defaults.autoAllowSkillsNode))
        }
        for agent in approvals.agents where agent.policy.autoAllowSkills == true {
            autoAllow.append(("agents.\(agent.id).autoAllowSkills", agent.policy.autoAllowSkillsNode))
        }
        if !autoAllow.isEmpty {
            out.append(finding(
                "tools.exec.auto_allow_skills_enabled", .warn,
                detail: "Implicit skill-bin allowlisting is enabled at:\n" + autoAllow.map { "- \($0.0)" }.joined(separator: "\n")
                    + "\nThis widens host exec trust beyond explicit manual allowlist entries.",
                at: autoAllow[0].1))
        }

        var interpreters: [(String, ConfigNode)] = []
        for agent in approvals.agents where !strictInlineEval(forAgent: agent.id, context: context) {
            for entry in agent.allowlist where Self.isInterpreterLike(entry.pattern) {
                interpreters.append(("agents.\(agent.id).allowlist: \(entry.pattern.trimmingWhitespace)", entry.node))
            }
        }
        if !interpreters.isEmpty {
            out.append(finding(
                "tools.exec.allowlist_interpreter_without_strict_inline_eval", .warn,
                detail: "Interpreter/runtime allowlist entries were found without strictInlineEval enabled:\n"
                    + interpreters.map { "- \($0.0)" }.joined(separator: "\n"),
                remediation: "Set tools.exec.strictInlineEval=true (or per-agent tools.exec.strictInlineEval=true) when allowlisting interpreters like python, node, ruby, perl, php, lua, or osascript.",
                at: interpreters[0].1))
        }
        return out
    }

    /// The agent's own boolean `strictInlineEval` overrides the global one (a later
    /// rule: an explicit per-agent `false` turns a global `true` off for that agent).
    func strictInlineEval(forAgent agentId: String, context: AuditContext) -> Bool {
        let global = context.config["tools"]["exec"]["strictInlineEval"].bool == true
        let id = agentId.trimmingWhitespace
        guard !id.isEmpty, id != "*", let agent = context.agents.agent(withNormalizedId: AgentRoster.normalize(id)) else {
            return global
        }
        return agent.config["tools"]["exec"]["strictInlineEval"].bool ?? global
    }

    static func isInterpreterLike(_ pattern: String) -> Bool {
        let text = pattern.trimmingWhitespace.lowercased()
        guard !text.isEmpty else { return false }
        if interpreterNames.contains(SafeBinsCheck.executableName(text)) { return true }
        var base = text.replacing("\\", with: "/").split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? text
        if base.hasSuffix(".exe") { base.removeLast(4) }
        base.removeAll { globCharacters.contains($0) }
        return interpreterNames.contains(base)
    }
}
