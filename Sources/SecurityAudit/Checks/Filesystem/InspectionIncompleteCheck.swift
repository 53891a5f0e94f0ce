/// `fs.inspection_incomplete` (ours): paths the facts pass could not examine (no access,
/// symlink loops, dangling links, unreadable manifests). Upstream skips them silently,
/// which reads as "all clear"; we say which checks had no input.
struct InspectionIncompleteCheck: Check {
    static let id = "fs.inspection_incomplete"
    static let listedGaps = 12

    let infos = [
        CheckInfo(
            id: id,
            title: "Some paths could not be inspected",
            severity: .fixed(.info),
            rationale: "A path the audit cannot read is a path it cannot vouch for; the findings above say nothing about it.",
            remediation: "Run the audit as the account that owns the OpenClaw state (or fix the listed paths), then re-run it.",
            triggers: [
                CheckExample("{}", files: [.symlink("credentials", to: "credentials")]),
                CheckExample("{}", files: [.symlink("agents/main/agent/auth-profiles.json", to: "agents/main/agent/auth-profiles.json")]),
                CheckExample("{}", files: [.symlink("agents", to: "agents")]),
                CheckExample(
                    #"{ plugins: { installs: { demo: { source: "npm", spec: "demo@1.0.0", version: "1.0.0" } } } }"#,
                    files: [.file("extensions/demo/package.json", "{ not json")]),
            ],
            passes: [
                CheckExample("{}"),
                CheckExample("{}", files: [.symlink("credentials", to: "../no-such-dir")]),
            ]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let gaps = context.files.gaps
        guard !gaps.isEmpty else { return [] }
        var lines = gaps.prefix(Self.listedGaps).map { "- \($0.path): \($0.reason)" }
        if gaps.count > Self.listedGaps { lines.append("- +\(gaps.count - Self.listedGaps) more") }
        return [finding(
            Self.id, .info,
            detail: "\(gaps.count) path(s) could not be inspected; the checks that need them skipped them:\n" + lines.joined(separator: "\n"),
            remediation: "Run the audit as the account that owns the OpenClaw state (or make the listed paths readable to it), then re-run \"\(context.cliCommand("openclaw security audit"))\".")]
    }
}
