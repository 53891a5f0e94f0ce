/// One run of `openclaw-security scan-secrets PATH…`: expand the paths, scan the plain
/// files and, row by row, the SQLite databases among them (their `-wal`/`-shm`/`-journal`
/// files are read with the database, not as files of their own), and say what could not
/// be read.
public struct SecretScanSession: Sendable {
    public var paths: [String]
    /// Worker threads; nil is one per processor.
    public var workers: Int?

    public init(paths: [String], workers: Int? = nil) {
        self.paths = paths
        self.workers = workers
    }

    public func run() -> SecretScanOutcome {
        let expansion = SecretScanTargets.expand(paths)
        let databasePaths = expansion.files.filter(SQLiteFileFormat.isDatabase)
        let databaseSet = Set(databasePaths)
        let plainFiles = expansion.files.filter { !databaseSet.contains($0) && !SQLiteFileFormat.isSidecar($0, of: databaseSet) }
        return SecretScanOutcome(
            files: SecretFileScan(workers: workers).run(paths: plainFiles),
            databases: databasePaths.map { DatabaseSecretScan(workers: workers).run(path: $0) },
            gaps: expansion.gaps)
    }
}

/// What `scan-secrets` found, and what it could not read.
public struct SecretScanOutcome: Sendable {
    public var files: SecretFileScanResult
    public var databases: [DatabaseScanResult]
    /// Named paths and folders that could not be listed or examined.
    public var gaps: [InspectionGap]

    /// Everything not scanned: the gaps, files that could not be read, databases not read to the end.
    public var unreadable: [InspectionGap] {
        gaps + files.files.compactMap { file in file.error.map { InspectionGap(path: file.path, reason: $0.message) } }
            + databases.compactMap { database in database.incomplete.map { InspectionGap(path: database.path, reason: $0) } }
    }

    public var foundSecrets: Bool {
        !files.occurrences.isEmpty || databases.contains { !$0.occurrences.isEmpty }
    }

    /// 3 when a secret was found (that wins), 1 when something could not be read, else 0.
    public var exitStatus: AuditExitStatus {
        if foundSecrets { return .findingsAtOrAbove }
        return unreadable.isEmpty ? .success : .error
    }
}
