/// `skills.workspace.scan_truncated` and `skills.workspace.symlink_escape`: a workspace
/// `skills/**/SKILL.md` whose real path lies outside the workspace (a symlinked file or
/// directory), so a skill is loaded from somewhere the workspace owner does not control.
/// We also report a `SKILL.md` symlink whose target does not exist yet but lies outside:
/// whoever creates that target later gets a skill loaded.
struct WorkspaceSkillEscapeCheck: Check {
    static let escapeId = "skills.workspace.symlink_escape"
    static let truncatedId = "skills.workspace.scan_truncated"
    static let maxRows = 12
    static let workspace = #"{ agents: { defaults: { workspace: "{stateDir}/../ws" } } }"#

    let infos = [
        CheckInfo(
            id: truncatedId,
            title: "Workspace skill scan reached the directory visit limit",
            severity: .fixed(.warn),
            rationale: "The skills/ walk stops at 2000 SKILL.md files or 40000 directories; whatever lies beyond was not checked for escapes.",
            remediation: "Flatten or simplify the skills/ directory hierarchy to stay within the scan budget, or move deeply-nested skill collections to a managed skill location.",
            triggers: [
                CheckExample(workspace, files: (0...WorkspaceSkillWalker.maxSkillFiles).map {
                    .file("../ws/skills/s\($0)/SKILL.md", "# s")
                }),
            ],
            passes: [
                CheckExample(workspace, files: (1...20).map { .file("../ws/skills/s\($0)/SKILL.md", "# s") }),
            ]),
        CheckInfo(
            id: escapeId,
            title: "Workspace skill files resolve outside the workspace root",
            severity: .fixed(.warn),
            rationale: "A skill reached through a symlink is loaded from outside the workspace: whoever controls the target controls what the agent is told to do.",
            remediation: "Keep workspace skills inside the workspace root (replace symlinked escapes with real in-workspace files), or move trusted shared skills to managed/bundled skill locations.",
            triggers: [
                CheckExample(workspace, files: [
                    .file("../outside/SKILL.md", "# outside"), .directory("../ws/skills/leak"),
                    .symlink("../ws/skills/leak/SKILL.md", to: "../outside/SKILL.md"),
                ]),
                CheckExample(workspace, files: [
                    .file("../shared/tool/SKILL.md", "# shared"), .directory("../ws/skills"),
                    .symlink("../ws/skills/tool", to: "../shared/tool"),
                ]),
                CheckExample(workspace, files: [.file("../shared/x/SKILL.md", "# x"), .symlink("../ws/skills", to: "../shared")]),
                CheckExample(workspace, files: [.directory("../ws/skills/later"), .symlink("../ws/skills/later/SKILL.md", to: "../tmp-drop/SKILL.md")]),
                CheckExample(#"{ agents: { list: [{ id: "main" }, { id: "ops", workspace: "{stateDir}/../ops-ws" }] } }"#, files: [
                    .file("../outside/SKILL.md", "# outside"),
                    .directory("../ops-ws/skills/a"), .symlink("../ops-ws/skills/a/SKILL.md", to: "../outside/SKILL.md"),
                ]),
            ],
            passes: [
                CheckExample(workspace, files: [.file("../ws/skills/safe/SKILL.md", "# in workspace")]),
                CheckExample(workspace, files: [
                    .file("../ws/library/SKILL.md", "# in workspace"), .directory("../ws/skills/lib"),
                    .symlink("../ws/skills/lib/SKILL.md", to: "../ws/library/SKILL.md"),
                ]),
                CheckExample(workspace, files: [
                    .file("../outside/SKILL.md", "# outside"), .directory("../ws/skills/node_modules/x"),
                    .symlink("../ws/skills/node_modules/x/SKILL.md", to: "../outside/SKILL.md"),
                    .directory("../ws/skills/.hidden"), .symlink("../ws/skills/.hidden/SKILL.md", to: "../outside/SKILL.md"),
                ]),
                CheckExample(workspace, files: [.directory("../ws/skills/a"), .symlink("../ws/skills/a/loop", to: "../ws/skills")]),
                CheckExample("{}", files: [
                    .file("../outside/SKILL.md", "# outside"), .directory("workspace/skills/leak"),
                    .symlink("workspace/skills/leak/SKILL.md", to: "../outside/SKILL.md"),
                ]),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        var findings: [Finding] = []
        var rows: [String] = []
        var seen = Set<String>()
        for scan in context.files.workspaceSkills {
            if scan.truncated {
                findings.append(finding(
                    Self.truncatedId, .warn,
                    detail: "The skills/ directory scan in \(scan.workspaceDir) stopped early after reaching the BFS visit cap. Skill files in the unscanned portion of the tree were not checked for symlink escapes."))
            }
            for skill in scan.skillFiles where seen.insert(skill.path).inserted {
                let shown: String
                switch skill.location {
                case .resolved(let real):
                    if PathNormalization.isInside(real, root: scan.workspaceRealPath) { continue }
                    shown = real
                case .dangling(let target):
                    if PathNormalization.isInside(target, root: scan.workspaceRealPath) { continue }
                    shown = "(dangling symlink to \(target))"
                }
                rows.append("- workspace=\(scan.workspaceDir)\n  skill=\(skill.path)\n  realpath=\(shown)")
            }
        }
        guard !rows.isEmpty else { return findings }
        var detail = "Detected workspace `skills/**/SKILL.md` paths whose realpath escapes their workspace root:\n"
            + rows.prefix(Self.maxRows).joined(separator: "\n")
        if rows.count > Self.maxRows { detail += "\n- +\(rows.count - Self.maxRows) more" }
        findings.append(finding(
            Self.escapeId, .warn, detail: detail))
        return findings
    }
}
