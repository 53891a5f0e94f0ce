/// `fs.log_file.perms_readable`: the file named by `logging.file` is readable by others.
/// The default rolling log under `/tmp/openclaw` is not checked, as upstream.
struct LogFilePermissionsCheck: Check {
    let infos = [
        CheckInfo(
            id: "fs.log_file.perms_readable",
            title: "Log file is readable by others",
            severity: .fixed(.warn),
            rationale: "Gateway logs carry message text and tool output, and secrets when redaction is off.",
            remediation: "chmod 600 <logPath>",
            triggers: [
                CheckExample(#"{ logging: { ↓file: "{stateDir}/logs/gateway.log" } }"#, files: [.file("logs/gateway.log", "", mode: 0o644)]),
                CheckExample(#"{ logging: { ↓file: " ~/gateway.log " } }"#, files: [.file("../home/gateway.log", "", mode: 0o640)]),
            ],
            passes: [
                CheckExample(#"{ logging: { file: "{stateDir}/logs/gateway.log" } }"#, files: [.file("logs/gateway.log", "", mode: 0o600)]),
                CheckExample(#"{ logging: { file: "{stateDir}/logs/missing.log" } }"#),
                CheckExample(#"{ logging: { file: "~other/gateway.log" } }"#, files: [.file("../home/gateway.log", "", mode: 0o644)]),
                CheckExample("{}", files: [.file("logs/gateway.log", "", mode: 0o644)]),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        guard let path = context.files.logFile, let perms = context.files[path].permissions,
              perms.readableByOthers
        else { return [] }
        return [finding(
            "fs.log_file.perms_readable", .warn,
            detail: "\(perms.detail(path)); logs can contain private messages and tool output.",
            remediation: .text(PathPermissions.remediation(path, directory: false)),
            at: context.config["logging"]["file"])]
    }
}
