/// `fs.state_dir.*`: the state dir is a symlink, or its mode lets other users write or
/// read it (one finding of the write/read chain, the worst).
struct StateDirPermissionsCheck: Check {
    let infos = [
        CheckInfo(
            id: "fs.state_dir.symlink",
            title: "State dir is a symlink",
            severity: .fixed(.warn),
            rationale: "Whoever controls the link or the directory it points to controls every secret and setting OpenClaw keeps there.",
            triggers: [CheckExample("{}", files: [.symlink(".", to: "../real-state")])],
            passes: [CheckExample("{}")]),
        CheckInfo(
            id: "fs.state_dir.perms_world_writable",
            title: "State dir is world-writable",
            severity: .fixed(.critical),
            rationale: "Any local user can replace the config, credentials or plugins in a world-writable state dir.",
            remediation: "chmod 700 <stateDir>",
            fixable: true,
            triggers: [
                CheckExample("{}", files: [.chmod(".", 0o777)], clearedByFix: true),
                CheckExample("{}", files: [.chmod(".", 0o703)]),
                CheckExample("{}", files: [.symlink(".", to: "../real-state"), .chmod("../real-state", 0o757)]),
            ],
            passes: [CheckExample("{}", files: [.chmod(".", 0o775)])]),
        CheckInfo(
            id: "fs.state_dir.perms_group_writable",
            title: "State dir is group-writable",
            severity: .fixed(.warn),
            rationale: "Members of the directory's group can replace the config, credentials or plugins.",
            remediation: "chmod 700 <stateDir>",
            fixable: true,
            triggers: [CheckExample("{}", files: [.chmod(".", 0o770)], clearedByFix: true)],
            passes: [
                CheckExample("{}", files: [.chmod(".", 0o777)]),
                CheckExample("{}", files: [.chmod(".", 0o750)]),
            ]),
        CheckInfo(
            id: "fs.state_dir.perms_readable",
            title: "State dir is readable by others",
            severity: .fixed(.warn),
            rationale: "Other users can list the state dir and read whatever file in it is not locked down on its own.",
            remediation: "chmod 700 <stateDir>",
            fixable: true,
            triggers: [
                CheckExample("{}", files: [.chmod(".", 0o750)], clearedByFix: true),
                CheckExample("{}", files: [.chmod(".", 0o705)]),
            ],
            passes: [
                CheckExample("{}"),
                CheckExample("{}", files: [.chmod(".", 0o775)]),
                CheckExample("{}", files: [.chmod(".", 0o711)]),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let stateDir = context.paths.stateDir
        guard let perms = context.files[stateDir].permissions else { return [] }
        var findings: [Finding] = []
        if perms.isSymlink {
            findings.append(finding(
                "fs.state_dir.symlink", .warn,
                detail: "\(stateDir) is a symlink; treat this as an extra trust boundary."))
        }
        let fix = PathPermissions.remediation(stateDir, directory: true)
        if perms.worldWritable {
            findings.append(finding(
                "fs.state_dir.perms_world_writable", .critical,
                detail: "\(perms.detail(stateDir)); other users can write into your OpenClaw state.", remediation: .text(fix)).reportingSymlinks(perms.isSymlink))
        } else if perms.groupWritable {
            findings.append(finding(
                "fs.state_dir.perms_group_writable", .warn,
                detail: "\(perms.detail(stateDir)); group users can write into your OpenClaw state.", remediation: .text(fix)).reportingSymlinks(perms.isSymlink))
        } else if perms.readableByOthers {
            findings.append(finding(
                "fs.state_dir.perms_readable", .warn,
                detail: "\(perms.detail(stateDir)); consider restricting to 700.", remediation: .text(fix)).reportingSymlinks(perms.isSymlink))
        }
        return findings
    }
}
