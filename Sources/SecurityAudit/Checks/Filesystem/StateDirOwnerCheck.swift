/// `fs.state_dir.foreign_owner` (ours): the state dir belongs to another account. Its
/// owner can change its mode at will, so no mode check protects it: that account can
/// rewrite the config, read every credential and add plugins the gateway will run.
/// Upstream never looks at owners.
struct StateDirOwnerCheck: Check {
    static let id = "fs.state_dir.foreign_owner"

    let infos = [
        CheckInfo(
            id: id,
            title: "State dir is owned by another user",
            severity: .varies(
                default: .critical,
                rule: "critical when the audit runs as a normal user and another non-root account owns the state dir; warn when the audit runs as root (the gateway may run as that owner)"),
            rationale: "The owner of the state dir can change its mode, rewrite the config, read credentials and plant plugins, whatever the mode bits say now.",
            remediation: "Run OpenClaw (and this audit) as the account that owns the state dir, or chown it to the account that runs the gateway.",
            triggers: [
                CheckExample("{}", severity: .warn, files: [.chown(".", uid: 4242)]),
                CheckExample("{}", environment: ["SUDO_UID": "1000"], files: [.chown(".", uid: 4242)]),
            ],
            passes: [
                CheckExample("{}"),
                CheckExample("{}", environment: ["SUDO_UID": "4242"], files: [.chown(".", uid: 4242)]),
                CheckExample("{}", files: [.chown("openclaw.json", uid: 4242)]),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let stateDir = context.paths.stateDir
        let files = context.files
        guard let owner = files[stateDir].permissions?.ownerUID, owner != files.auditorUID else { return [] }
        let ownerLabel = files.userLabel(owner)
        if files.auditorUID != 0 {
            // Root can read and change everything anyway; a root-owned dir gives no one more.
            guard owner != 0 else { return [] }
            let auditor = files.userNames[files.auditorUID] ?? String(files.auditorUID)
            return [finding(
                Self.id, .critical,
                detail: "\(stateDir) is owned by \(ownerLabel), not by the user running this audit (\(files.userLabel(files.auditorUID))); that account can change its mode, rewrite the config, read credentials and add plugins the gateway will run.",
                remediation: "Run OpenClaw as the owner of \(stateDir), or take the directory over: sudo chown -R \(ShellWord.quote(auditor)) \(ShellWord.quote(stateDir))")]
        }
        // Auditing as root: `sudo openclaw ...` by the owner is the common, harmless case.
        if let sudoUID = context.env("SUDO_UID"), sudoUID == String(owner) { return [] }
        let ownerName = files.userNames[owner] ?? String(owner)
        return [finding(
            Self.id, .warn,
            detail: "\(stateDir) is owned by \(ownerLabel) and this audit runs as root. If the gateway runs as root with this state dir, that account can rewrite its config and add plugins that run as root.",
            remediation: "Audit as the account that runs the gateway (sudo -u \(ShellWord.quote(ownerName)) openclaw security audit); if the gateway runs as root, chown -R root \(ShellWord.quote(stateDir)).")]
    }
}
