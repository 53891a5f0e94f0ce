/// `fs.credentials_dir.*`: the channel credentials directory (`OPENCLAW_OAUTH_DIR` or
/// `<stateDir>/credentials`) lets other users write or read it. Only a directory counts.
struct CredentialsDirPermissionsCheck: Check {
    let infos = [
        CheckInfo(
            id: "fs.credentials_dir.perms_writable",
            title: "Credentials dir is writable by others",
            severity: .fixed(.critical),
            rationale: "Another user could drop in a pairing allowlist or replace channel credentials and so talk to the agent as a trusted sender.",
            remediation: "chmod 700 <credentialsDir>",
            fixable: true,
            triggers: [
                CheckExample("{}", files: [.directory("credentials", mode: 0o770)], clearedByFix: true),
                CheckExample("{}", environment: ["OPENCLAW_OAUTH_DIR": "{stateDir}/../oauth"], files: [.directory("../oauth", mode: 0o703)]),
            ],
            passes: [
                CheckExample("{}", files: [.directory("credentials", mode: 0o750)]),
                CheckExample("{}", files: [.file("credentials", "", mode: 0o666)]),
            ]),
        CheckInfo(
            id: "fs.credentials_dir.perms_readable",
            title: "Credentials dir is readable by others",
            severity: .fixed(.warn),
            rationale: "Channel session keys, OAuth tokens and allowlists live there.",
            remediation: "chmod 700 <credentialsDir>",
            fixable: true,
            triggers: [
                CheckExample("{}", files: [.directory("credentials", mode: 0o755)], clearedByFix: true),
                CheckExample("{}", files: [.directory("credentials", mode: 0o740)]),
            ],
            passes: [
                CheckExample("{}", files: [.directory("credentials", mode: 0o700)]),
                CheckExample("{}", files: [.directory("credentials", mode: 0o777)]),
                CheckExample("{}", environment: ["OPENCLAW_OAUTH_DIR": "{stateDir}/../oauth"], files: [
                    .directory("credentials", mode: 0o755), .directory("../oauth", mode: 0o700),
                ]),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let path = context.paths.credentialsDir
        guard let perms = context.files[path].permissions, perms.isDirectory else { return [] }
        let fix = PathPermissions.remediation(path, directory: true)
        if perms.writableByOthers {
            return [finding(
                "fs.credentials_dir.perms_writable", .critical,
                detail: "\(perms.detail(path)); another user could drop/modify credential files.", remediation: .text(fix)).reportingSymlinks(perms.isSymlink)]
        } else if perms.readableByOthers {
            return [finding(
                "fs.credentials_dir.perms_readable", .warn,
                detail: "\(perms.detail(path)); credentials and allowlists can be sensitive.", remediation: .text(fix)).reportingSymlinks(perms.isSymlink)]
        }
        return []
    }
}
