/// `fs.config_include.*`: a file pulled in by `$include` is writable or readable by
/// other users. One finding per include file, in the order the includes were read.
struct ConfigIncludePermissionsCheck: Check {
    static let config = #"{ "$include": "./extra.json5" }"#

    let infos = [
        CheckInfo(
            id: "fs.config_include.perms_writable",
            title: "Config include file is writable by others",
            severity: .fixed(.critical),
            rationale: "An included file is part of the effective config: whoever can write it can change auth and tool policy.",
            remediation: "chmod 600 <includePath>",
            fixable: true,
            triggers: [
                CheckExample(config, files: [.file("extra.json5", "{}", mode: 0o660)], clearedByFix: true),
                CheckExample(config, files: [.file("extra.json5", "{}", mode: 0o606)]),
            ],
            passes: [CheckExample(config, files: [.file("extra.json5", "{}", mode: 0o644)])]),
        CheckInfo(
            id: "fs.config_include.perms_world_readable",
            title: "Config include file is world-readable",
            severity: .fixed(.critical),
            rationale: "Include files can hold the same tokens and keys as the main config.",
            remediation: "chmod 600 <includePath>",
            fixable: true,
            triggers: [
                CheckExample(config, files: [.file("extra.json5", "{ logging: { redactSensitive: 'off' } }", mode: 0o644)], clearedByFix: true),
                CheckExample(#"{ "$include": "./a.json5" }"#, files: [
                    .file("a.json5", #"{ "$include": "./b.json5" }"#, mode: 0o600),
                    .file("b.json5", "{}", mode: 0o604),
                ]),
            ],
            passes: [
                CheckExample(config, files: [.file("extra.json5", "{}", mode: 0o600)]),
                CheckExample(config, files: [.file("extra.json5", "{}", mode: 0o646)]),
            ]),
        CheckInfo(
            id: "fs.config_include.perms_group_readable",
            title: "Config include file is group-readable",
            severity: .fixed(.warn),
            rationale: "Include files can hold the same tokens and keys as the main config.",
            remediation: "chmod 600 <includePath>",
            fixable: true,
            triggers: [CheckExample(config, files: [.file("extra.json5", "{}", mode: 0o640)], clearedByFix: true)],
            passes: [CheckExample(config, files: [.file("extra.json5", "{}", mode: 0o644)])]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        context.configFile.includeFiles.compactMap { path in
            guard let perms = context.files[path].permissions else { return nil }
            let fix = PathPermissions.remediation(path, directory: false)
            if perms.writableByOthers {
                return finding(
                    "fs.config_include.perms_writable", .critical,
                    detail: "\(perms.detail(path)); another user could influence your effective config.", remediation: .text(fix)).reportingSymlinks(perms.isSymlink)
            } else if perms.worldReadable {
                return finding(
                    "fs.config_include.perms_world_readable", .critical,
                    detail: "\(perms.detail(path)); include files can contain tokens and private settings.", remediation: .text(fix)).reportingSymlinks(perms.isSymlink)
            } else if perms.groupReadable {
                return finding(
                    "fs.config_include.perms_group_readable", .warn,
                    detail: "\(perms.detail(path)); include files can contain tokens and private settings.", remediation: .text(fix)).reportingSymlinks(perms.isSymlink)
            }
            return nil
        }
    }
}
