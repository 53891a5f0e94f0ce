/// `fs.auth_profiles.*` and `fs.sessions_store.perms_readable`: per agent (the default
/// agent, then every listed agent, normalized), `agent/auth-profiles.json` writable or
/// readable by others and `sessions/sessions.json` readable by others. From the SQLite
/// releases on, upstream reports the agent database `agent/openclaw-agent.sqlite` and its
/// `-wal` / `-shm` sidecars under the same ids, as the "auth profile SQLite store"
/// (`src/security/audit-extra.async.ts`, `resolveAuthProfileDatabaseFilePaths`).
struct AgentStateFilePermissionsCheck: Check {
    static let authFile = "agents/main/agent/auth-profiles.json"
    static let agentDatabase = "agents/main/agent/openclaw-agent.sqlite"
    static let databaseLabel = "auth profile SQLite store"
    static let storeFile = "agents/main/sessions/sessions.json"

    let infos = [
        CheckInfo(
            id: "fs.auth_profiles.perms_writable",
            title: "auth-profiles.json is writable by others",
            severity: .fixed(.critical),
            rationale: "Another user could swap in their own model credentials or OAuth tokens and read everything the agent sends.",
            remediation: "chmod 600 <stateDir>/agents/<agentId>/agent/auth-profiles.json",
            fixable: true,
            triggers: [
                CheckExample("{}", files: [.file(authFile, "{}", mode: 0o620)], clearedByFix: true),
                CheckExample(#"{ agents: { list: [{ id: "main" }, { id: " Work " }] } }"#, files: [
                    .file("agents/work/agent/auth-profiles.json", "{}", mode: 0o666),
                ]),
                CheckExample("{}", files: [.file(agentDatabase + "-wal", "", mode: 0o660)]),
            ],
            passes: [
                CheckExample("{}", files: [.file(authFile, "{}", mode: 0o644)]),
                CheckExample("{}", files: [.file("agents/other/agent/auth-profiles.json", "{}", mode: 0o666)]),
            ]),
        CheckInfo(
            id: "fs.auth_profiles.perms_readable",
            title: "auth-profiles.json is readable by others",
            severity: .fixed(.warn),
            rationale: "auth-profiles.json holds model API keys and OAuth refresh tokens.",
            remediation: "chmod 600 <stateDir>/agents/<agentId>/agent/auth-profiles.json",
            fixable: true,
            triggers: [
                CheckExample("{}", files: [.file(authFile, "{}", mode: 0o644)], clearedByFix: true),
                CheckExample(#"{ agents: { list: [{ id: "ops", default: true }] } }"#, files: [
                    .file("agents/ops/agent/auth-profiles.json", "{}", mode: 0o640),
                ]),
                CheckExample("{}", files: [.file(agentDatabase, "", mode: 0o644)]),
                CheckExample("{}", files: [.file(agentDatabase, "", mode: 0o600), .file(agentDatabase + "-shm", "", mode: 0o604)]),
            ],
            passes: [
                CheckExample("{}", files: [.file(authFile, "{}", mode: 0o600)]),
                CheckExample("{}", files: [.file(agentDatabase, "", mode: 0o600), .file(agentDatabase + "-wal", "", mode: 0o600)]),
                CheckExample("{}", files: [.file("agents/retired/agent/openclaw-agent.sqlite", "", mode: 0o644)]),
                CheckExample("{}", files: [.file(authFile, "{}", mode: 0o664)]),
                CheckExample(#"{ agents: { list: [{ id: "ops" }] } }"#, files: [.file(authFile, "{}", mode: 0o644)]),
            ]),
        CheckInfo(
            id: "fs.sessions_store.perms_readable",
            title: "sessions.json is readable by others",
            severity: .fixed(.warn),
            rationale: "The session store maps chats and senders to sessions and points at every transcript.",
            remediation: "chmod 600 <stateDir>/agents/<agentId>/sessions/sessions.json",
            fixable: true,
            triggers: [
                CheckExample("{}", files: [.file(storeFile, "{}", mode: 0o644)], clearedByFix: true),
                CheckExample("{}", files: [.file("../shared-sessions.json", "{}", mode: 0o640), .symlink(storeFile, to: "../shared-sessions.json")]),
            ],
            passes: [
                CheckExample("{}", files: [.file(storeFile, "{}", mode: 0o600)]),
                CheckExample("{}", files: [.file(storeFile, "{}", mode: 0o622)]),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        var findings: [Finding] = []
        for agentId in context.agents.agentIdsDefaultFirst {
            let agentRoot = PathNormalization.join(context.paths.stateDir, "agents", agentId)
            let authPath = agentRoot + "/agent/auth-profiles.json"
            if let perms = context.files[authPath].permissions {
                let fix = PathPermissions.remediation(authPath, directory: false)
                if perms.writableByOthers {
                    findings.append(finding(
                        "fs.auth_profiles.perms_writable", .critical,
                        detail: "\(perms.detail(authPath)); another user could inject credentials.", remediation: .text(fix)).reportingSymlinks(perms.isSymlink))
                } else if perms.readableByOthers {
                    findings.append(finding(
                        "fs.auth_profiles.perms_readable", .warn,
                        detail: "\(perms.detail(authPath)); auth-profiles.json contains API keys and OAuth tokens.",
                        remediation: .text(fix)).reportingSymlinks(perms.isSymlink))
                }
            }
            let databasePath = agentRoot + "/agent/" + StateDatabase.agentFileName
            for path in [databasePath, databasePath + "-wal", databasePath + "-shm"] {
                guard let perms = context.files[path].permissions else { continue }
                let fix = PathPermissions.remediation(path, directory: false)
                if perms.writableByOthers {
                    findings.append(finding(
                        "fs.auth_profiles.perms_writable", .critical, title: "\(Self.databaseLabel) is writable by others",
                        detail: "\(perms.detail(path)); another user could inject credentials.", remediation: .text(fix)).reportingSymlinks(perms.isSymlink))
                } else if perms.readableByOthers {
                    findings.append(finding(
                        "fs.auth_profiles.perms_readable", .warn, title: "\(Self.databaseLabel) is readable by others",
                        detail: "\(perms.detail(path)); auth profile storage contains API keys and OAuth tokens.",
                        remediation: .text(fix)).reportingSymlinks(perms.isSymlink))
                }
            }
            let storePath = agentRoot + "/sessions/sessions.json"
            if let perms = context.files[storePath].permissions, perms.readableByOthers {
                findings.append(finding(
                    "fs.sessions_store.perms_readable", .warn,
                    detail: "\(perms.detail(storePath)); routing and transcript metadata can be sensitive.",
                    remediation: .text(PathPermissions.remediation(storePath, directory: false))).reportingSymlinks(perms.isSymlink))
            }
        }
        return findings
    }
}
