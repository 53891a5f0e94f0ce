/// `fs.synced_dir`: the state dir or config lives in a folder a sync client copies to
/// other machines. Path text only; runs whatever the filesystem scope.
struct SyncedDirCheck: Check {
    static let syncedMarkers = ["icloud", "dropbox", "google drive", "googledrive", "onedrive"]

    let infos = [
        CheckInfo(
            id: "fs.synced_dir",
            title: "State/config path looks like a synced folder",
            severity: .fixed(.warn),
            rationale: "Sync clients copy tokens, credentials and transcripts to every device and to the provider's cloud, outside the protection of local file modes.",
            remediation: "Keep OPENCLAW_STATE_DIR on a local-only volume and re-run \"openclaw security audit --fix\".",
            triggers: [
                CheckExample("{}", environment: ["OPENCLAW_STATE_DIR": "/Users/test/Dropbox/.openclaw"]),
                CheckExample("{}", environment: ["OPENCLAW_CONFIG_PATH": "/Volumes/GoogleDrive/openclaw.json"]),
                CheckExample("{}", environment: ["OPENCLAW_STATE_DIR": "/home/u/OneDrive - Corp/.openclaw"]),
                CheckExample("{}", environment: ["OPENCLAW_STATE_DIR": "/Users/u/Library/Mobile Documents/com~apple~CloudDocs/iCloud/.openclaw"]),
            ],
            passes: [
                CheckExample("{}"),
                CheckExample("{}", environment: ["OPENCLAW_STATE_DIR": "/home/u/drop box/.openclaw"]),
            ]),
    ]

    static func looksSynced(_ path: String) -> Bool {
        let lower = path.lowercased()
        return syncedMarkers.contains { lower.contains($0) }
    }

    func findings(in context: AuditContext) -> [Finding] {
        let paths = context.paths
        guard Self.looksSynced(paths.stateDir) || Self.looksSynced(paths.configPath) else { return [] }
        return [finding(
            "fs.synced_dir", .warn,
            detail: "stateDir=\(paths.stateDir), configPath=\(paths.configPath). Synced folders (iCloud/Dropbox/OneDrive/Google Drive) can leak tokens and transcripts onto other devices.",
            remediation: "Keep OPENCLAW_STATE_DIR on a local-only volume and re-run \"\(context.cliCommand("openclaw security audit --fix"))\".")]
    }
}
