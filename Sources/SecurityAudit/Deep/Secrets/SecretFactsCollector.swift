import JSON5

/// Gathers `SecretScanFacts` before the checks run: scans the config and its includes,
/// the config backups and the state dir's `.env` in every audit, and the session
/// transcripts with `--deep`, all in one parallel pass (`SecretFileScan`).
struct SecretFactsCollector {
    /// Findings list a few locations; the rest are counted, not kept.
    static let keptPerKind = 100
    /// A backup larger than this is not parsed for key paths (it is still scanned).
    static let maxParsedBackupBytes = 2 * 1024 * 1024

    var fileSystem: any FileSystemAccess
    var paths: OpenClawPaths
    var config: LoadedConfig

    func collect(deep: Bool, transcripts: [SessionTranscript], gaps: inout [InspectionGap]) -> SecretScanFacts {
        var targets: [(path: String, location: SecretLocation)] = []
        if config.exists { targets.append((config.path, .config)) }
        targets += config.includeFiles.map { ($0, .config) }
        targets += backups().map { ($0, .backup) }
        let envFile = PathNormalization.join(paths.stateDir, ".env")
        if case .success(let status) = fileSystem.lstat(envFile), !status.isDirectory {
            targets.append((envFile, .envFile))
        }
        if deep { targets += transcripts.map { ($0.path, .transcript) } }
        var seen = Set<String>()
        targets = targets.filter { seen.insert($0.path).inserted }

        let scan = SecretFileScan(limitPerKind: Self.keptPerKind).run(paths: targets.map(\.path))
        var facts = SecretScanFacts()
        facts.transcriptsScanned = deep
        for (index, file) in scan.files.enumerated() {
            if let error = file.error, !error.isNotFound {
                gaps.append(InspectionGap(path: file.path, reason: "not scanned for secrets (\(error.message))"))
            }
            let location = targets[index].location
            let exposed = file.permissions?.readableByOthers ?? false
            for (kind, count) in scan.countsByFile[index] ?? [:] {
                facts.counts[location, default: [:]][kind, default: 0] += count
                if exposed { facts.exposedCounts[location, default: [:]][kind, default: 0] += count }
            }
            if location == .transcript, file.error == nil { facts.transcriptBytesScanned += file.size }
        }

        let configKeys = ConfigKeyPaths(effective: config.root)
        var backupKeys: [String: ConfigKeyPaths] = [:]
        for occurrence in scan.occurrences {
            let file = scan.files[occurrence.fileIndex]
            let location = targets[occurrence.fileIndex].location
            var hit = SecretHit(
                kind: occurrence.kind, location: location, path: file.path, line: occurrence.line,
                redacted: occurrence.redacted, name: occurrence.name, permissions: file.permissions)
            switch location {
            case .config:
                if let entry = configKeys.lookup(file: file.path, offset: occurrence.valueStart) {
                    hit.keyPath = entry.path
                    hit.origin = entry.origin
                }
            case .backup:
                if backupKeys[file.path] == nil { backupKeys[file.path] = parsedKeys(file.path) }
                hit.keyPath = backupKeys[file.path]?.lookup(file: file.path, offset: occurrence.valueStart)?.path
            case .envFile, .transcript:
                break
            }
            facts.hits.append(hit)
        }
        return facts
    }

    /// `<config>.bak`, `<config>.bak.1`…: the copies upstream keeps when it rewrites the
    /// config, and any other `.bak*` copy of it beside it.
    private func backups() -> [String] {
        let directory = PathNormalization.dirname(config.path)
        let prefix = PathNormalization.basename(config.path) + ".bak"
        guard case .success(let entries) = fileSystem.listDirectory(directory) else { return [] }
        return entries
            .filter { ($0.kind == .file || $0.kind == .symlink) && $0.name.hasPrefix(prefix) }
            .map { PathNormalization.join(directory, $0.name) }
    }

    private func parsedKeys(_ path: String) -> ConfigKeyPaths? {
        guard case .success(let bytes) = fileSystem.readFile(path, limit: Self.maxParsedBackupBytes),
              let tree = try? JSON5.parse(bytes: bytes, file: path)
        else { return nil }
        return ConfigKeyPaths(file: path, tree: tree)
    }
}
