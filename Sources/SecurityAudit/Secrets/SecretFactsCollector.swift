import Dispatch
import JSON5

/// Gathers `SecretScanFacts` before the checks run. Every audit scans the config and
/// its includes, the config backups and the state dir's `.env` (`collect`); the deep
/// step adds the session transcripts (`addTranscripts`) within its time budget. Both
/// read their files in one parallel pass (`SecretFileScan`).
struct SecretFactsCollector {
    /// Findings list a few locations; the rest are counted, not kept.
    static let keptPerKind = 100
    /// A backup larger than this is not parsed for key paths (it is still scanned).
    static let maxParsedBackupBytes = 2 * 1024 * 1024

    var fileSystem: any FileSystemAccess
    var paths: OpenClawPaths
    var config: LoadedConfig

    /// The config, its includes, its backups and `.env`.
    func collect(gaps: inout [InspectionGap]) -> SecretScanFacts {
        var targets: [(path: String, location: SecretLocation)] = []
        if config.exists { targets.append((config.path, .config)) }
        targets += config.includeFiles.map { ($0, .config) }
        targets += backups().map { ($0, .backup) }
        let envFile = PathNormalization.join(paths.stateDir, ".env")
        if case .success(let status) = fileSystem.lstat(envFile), !status.isDirectory {
            targets.append((envFile, .envFile))
        }
        var seen = Set<String>()
        targets = targets.filter { seen.insert($0.path).inserted }
        // Capped as the loader caps them, before reading: `.env` as a dotenv file, the
        // config and its backups as a config.
        let limits = targets.map { $0.location == .envFile ? AuditPreparation.maxDotEnvBytes : ConfigLoader.maxConfigFileBytes }
        // Backups are read only inside the config's folder and `.env` only inside the
        // state dir: a link out of them is not followed (the config and its includes are
        // the files the loader read, includes already confined).
        let configFolder = PathNormalization.dirname(config.path)
        let backupRoot = fileSystem.resolvedPath(configFolder) ?? configFolder
        let stateRoot = fileSystem.resolvedPath(paths.stateDir) ?? paths.stateDir
        let roots: [String?] = targets.map { target in
            switch target.location {
            case .backup: return backupRoot
            case .envFile: return stateRoot
            case .config, .transcript, .database: return nil
            }
        }
        let scan = SecretFileScan(limitPerKind: Self.keptPerKind, fileSystem: fileSystem).run(paths: targets.map(\.path), byteLimits: limits, roots: roots)
        var facts = SecretScanFacts()
        // Key paths: from the effective config for config files, from a parse of each
        // backup for backups.
        let configKeys = ConfigKeyPaths(effective: config.root)
        var backupKeys: [String: ConfigKeyPaths?] = [:]
        Self.record(scan, locations: targets.map(\.location), into: &facts, gaps: &gaps) { hit, valueStart in
            switch hit.location {
            case .config:
                if let entry = configKeys.lookup(file: hit.path, offset: valueStart) {
                    hit.keyPath = entry.path
                    hit.origin = entry.origin
                }
            case .backup:
                if !backupKeys.keys.contains(hit.path) { backupKeys[hit.path] = parsedKeys(hit.path) }
                hit.keyPath = backupKeys[hit.path]??.lookup(file: hit.path, offset: valueStart)?.path
            case .envFile, .transcript, .database:
                break
            }
        }
        return facts
    }

    /// Scans the session transcripts of `context.files` into `context.secrets`, starting
    /// no read after `deadline` (`DispatchTime` uptime nanoseconds); what was left is
    /// reported as an incomplete collector.
    static func addTranscripts(
        to context: inout AuditContext, deadline: UInt64?, timeoutMilliseconds: Int,
        fileSystem: any FileSystemAccess = POSIXFileSystem()
    ) {
        let transcripts = context.files.sessionTranscripts.map(\.path)
        // Read only inside the state dir: a transcript (or an agent or sessions folder)
        // linked elsewhere is not followed there.
        let stateDir = context.paths.stateDir
        let root = fileSystem.resolvedPath(stateDir) ?? stateDir
        let scan = SecretFileScan(limitPerKind: keptPerKind, deadline: deadline, fileSystem: fileSystem)
            .run(paths: transcripts, roots: transcripts.map { _ in root })
        var facts = context.secrets
        facts.transcriptsScanned = true
        record(scan, locations: transcripts.map { _ in .transcript }, into: &facts, gaps: &context.files.gaps) { _, _ in }
        for file in scan.files where file.error == nil { facts.transcriptBytesScanned += file.size }
        var reasons: [String] = []
        if scan.unfinishedFiles > 0 {
            reasons.append("the deep audit time budget of \(timeoutMilliseconds) ms ran out: "
                + "\(scan.unfinishedFiles) of \(transcripts.count) session transcripts not scanned completely "
                + "(\(scan.bytesScanned / (1 << 20)) MiB scanned)")
        }
        // Unread transcripts are gaps of the file pass too; here they also make the deep
        // scan incomplete, so that it never reads as a clean one.
        // So are transcripts the file pass could not even examine.
        let unread = context.files.uninspectableTranscripts + scan.files.compactMap { file in
            file.error.flatMap { $0.isNotFound ? nil : InspectionGap(path: file.path, reason: $0.message) }
        }
        if !unread.isEmpty {
            let total = transcripts.count + context.files.uninspectableTranscripts.count
            let listed = unread.prefix(UnscannedFile.listed).map { "\($0.path) (\($0.reason))" }
            let more = unread.count > UnscannedFile.listed ? ["+\(unread.count - UnscannedFile.listed) more"] : []
            reasons.append("\(unread.count) of \(total) session transcripts not scanned: "
                + (listed + more).joined(separator: "; "))
        }
        if !reasons.isEmpty { facts.transcriptScanIncomplete = reasons.joined(separator: "; ") }
        context.secrets = facts
    }

    /// Scans every SQLite database of `context.files` (one after another, each with the
    /// whole machine) into `context.secrets`, within the deadline.
    static func addDatabases(
        to context: inout AuditContext, deadline: UInt64?, fileSystem: any FileSystemAccess = POSIXFileSystem()
    ) {
        var facts = context.secrets
        facts.databasesScanned = true
        // Read only inside the state dir, as the transcripts.
        let stateRoot = fileSystem.resolvedPath(context.paths.stateDir) ?? context.paths.stateDir
        var results: [DatabaseScanResult] = []
        for database in context.files.stateDatabases where database.exists {
            let result = DatabaseSecretScan(limitPerKind: keptPerKind, deadline: deadline, fileSystem: fileSystem)
                .run(path: database.path, within: stateRoot)
            let exposed = result.permissions?.readableByOthers ?? false
            for (kind, count) in result.counts {
                facts.counts[.database, default: [:]][kind, default: 0] += count
                if exposed { facts.exposedCounts[.database, default: [:]][kind, default: 0] += count }
            }
            for occurrence in result.occurrences {
                facts.hits.append(SecretHit(
                    kind: occurrence.kind, location: .database, path: database.path, line: 0,
                    redacted: occurrence.redacted, name: occurrence.name, permissions: result.permissions,
                    cell: occurrence.cell))
            }
            if let reason = result.incomplete {
                facts.databaseScanIncomplete.append(InspectionGap(path: database.path, reason: reason))
            }
            results.append(result)
        }
        facts.databaseAppVersions = OpenClawReleaseStamp.newestFirst(results.flatMap { result in
            result.appVersions.map { (version: $0, path: result.path) }
        })
        context.secrets = facts
    }

    /// Adds a scan's hits and counts to `facts`, and its unreadable files to `gaps`.
    private static func record(
        _ scan: SecretFileScanResult, locations: [SecretLocation], into facts: inout SecretScanFacts,
        gaps: inout [InspectionGap], annotate: (inout SecretHit, Int) -> Void
    ) {
        for (index, file) in scan.files.enumerated() {
            if let error = file.error, !error.isNotFound {
                gaps.append(InspectionGap(path: file.path, reason: "not scanned for secrets (\(error.message))"))
            }
            let location = locations[index]
            let exposed = file.permissions?.readableByOthers ?? false
            for (kind, count) in scan.countsByFile[index] ?? [:] {
                facts.counts[location, default: [:]][kind, default: 0] += count
                if exposed { facts.exposedCounts[location, default: [:]][kind, default: 0] += count }
            }
        }
        for occurrence in scan.occurrences {
            let file = scan.files[occurrence.fileIndex]
            var hit = SecretHit(
                kind: occurrence.kind, location: locations[occurrence.fileIndex], path: file.path, line: occurrence.line,
                redacted: occurrence.redacted, name: occurrence.name, permissions: file.permissions)
            annotate(&hit, occurrence.valueStart)
            facts.hits.append(hit)
        }
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
