/// `fs.config.*`: the config file is a symlink, or other users can write or read it.
/// A symlinked config is often managed elsewhere (a read-only store, a dotfiles repo),
/// so only the writable finding applies to it (upstream since late February).
struct ConfigFilePermissionsCheck: Check {
    let infos = [
        CheckInfo(
            id: "fs.config.symlink",
            title: "Config file is a symlink",
            severity: .fixed(.warn),
            rationale: "Whoever controls the link's target controls the gateway's auth and tool policy.",
            triggers: [CheckExample("{}", files: [.file("../managed.json", "{}", mode: 0o444), .symlink("openclaw.json", to: "../managed.json")])],
            passes: [CheckExample("{}")]),
        CheckInfo(
            id: "fs.config.perms_writable",
            title: "Config file is writable by others",
            severity: .fixed(.critical),
            rationale: "Another user who can write the config can turn off auth, open DMs or allow every tool.",
            remediation: "chmod 600 <configPath>",
            fixable: true,
            triggers: [
                CheckExample("{}", files: [.chmod("openclaw.json", 0o620)], clearedByFix: true),
                CheckExample("{}", files: [.chmod("openclaw.json", 0o602)]),
                CheckExample("{}", files: [.file("../managed.json", "{}", mode: 0o666), .symlink("openclaw.json", to: "../managed.json")]),
            ],
            passes: [
                CheckExample("{}"),
                CheckExample("{}", files: [.chmod("openclaw.json", 0o644)]),
            ]),
        CheckInfo(
            id: "fs.config.perms_world_readable",
            title: "Config file is world-readable",
            severity: .fixed(.critical),
            rationale: "The config can hold gateway tokens, channel tokens and API keys.",
            remediation: "chmod 600 <configPath>",
            fixable: true,
            triggers: [CheckExample("{}", files: [.chmod("openclaw.json", 0o644)], clearedByFix: true)],
            passes: [
                CheckExample("{}", files: [.chmod("openclaw.json", 0o646)]),
                CheckExample("{}", files: [.file("../managed.json", "{}", mode: 0o444), .symlink("openclaw.json", to: "../managed.json")]),
            ]),
        CheckInfo(
            id: "fs.config.perms_group_readable",
            title: "Config file is group-readable",
            severity: .fixed(.warn),
            rationale: "The config can hold gateway tokens, channel tokens and API keys; every member of its group can read them.",
            remediation: "chmod 600 <configPath>",
            fixable: true,
            triggers: [CheckExample("{}", files: [.chmod("openclaw.json", 0o640)], clearedByFix: true)],
            passes: [
                CheckExample("{}", files: [.chmod("openclaw.json", 0o644)]),
                CheckExample("{}", files: [.file("../managed.json", "{}", mode: 0o440), .symlink("openclaw.json", to: "../managed.json")]),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let path = context.paths.configPath
        guard let perms = context.files[path].permissions else { return [] }
        var findings: [Finding] = []
        if perms.isSymlink {
            findings.append(finding(
                "fs.config.symlink", .warn, detail: "\(path) is a symlink; make sure you trust its target."))
        }
        let fix = PathPermissions.remediation(path, directory: false)
        if perms.writableByOthers {
            findings.append(finding(
                "fs.config.perms_writable", .critical,
                detail: "\(perms.detail(path)); another user could change gateway/auth/tool policies.", remediation: .text(fix)).reportingSymlinks(perms.isSymlink))
        } else if !perms.isSymlink, perms.worldReadable {
            findings.append(finding(
                "fs.config.perms_world_readable", .critical,
                detail: "\(perms.detail(path)); config can contain tokens and private settings.", remediation: .text(fix)).reportingSymlinks(perms.isSymlink))
        } else if !perms.isSymlink, perms.groupReadable {
            findings.append(finding(
                "fs.config.perms_group_readable", .warn,
                detail: "\(perms.detail(path)); config can contain tokens and private settings.", remediation: .text(fix)).reportingSymlinks(perms.isSymlink))
        }
        return findings
    }
}
