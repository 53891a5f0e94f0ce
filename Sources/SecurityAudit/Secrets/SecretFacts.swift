/// The places secrets are looked for, one finding id each.
public enum SecretLocation: String, Sendable, CaseIterable {
    /// `openclaw.json` and its `$include` files.
    case config
    /// `openclaw.json.bak`, `.bak.1`… beside the config.
    case backup
    /// `.env` in the state dir.
    case envFile = "env-file"
    /// `agents/*/sessions/*.jsonl` and their archives (only with `--deep`).
    case transcript
    /// The rows of `state/openclaw.sqlite` and the agent databases (only with `--deep`).
    case database
}

/// One secret found on disk, as the checks see it: never the value, only its redacted
/// form and where it is.
public struct SecretHit: Sendable, Equatable {
    public var kind: SecretKind
    public var location: SecretLocation
    public var path: String
    public var line: Int
    public var redacted: String
    /// For an assignment, the name assigned to.
    public var name: String?
    /// The config key whose value it is (`models.providers.openai.apiKey`), when the
    /// file is a config or backup that parses and the value is a string in it.
    public var keyPath: String?
    /// Where that value is written in the effective config (config files only).
    public var origin: ConfigOrigin?
    /// Of the file as it was read (a symlink's target).
    public var permissions: PathPermissions?
    /// In a database: the table, row and column (`line` is then 0).
    public var cell: DatabaseCell?

    /// A provider key or private key in a file that other users can read.
    public var isExposedCredential: Bool {
        kind.isCredentialFormat && (permissions?.readableByOthers ?? false)
    }
}

/// What the secret scan found before the checks run (`SecretFactsCollector`).
public struct SecretScanFacts: Sendable {
    /// In file order, then line; at most `SecretFactsCollector.keptPerKind` of a kind.
    public var hits: [SecretHit] = []
    /// Every secret found, listed in `hits` or not, by location and kind.
    public var counts: [SecretLocation: [SecretKind: Int]] = [:]
    /// Of those, the ones in files other users can read.
    public var exposedCounts: [SecretLocation: [SecretKind: Int]] = [:]
    /// Whether transcripts were scanned (`--deep`).
    public var transcriptsScanned = false
    public var transcriptBytesScanned = 0
    /// Why the transcript scan did not finish (the deep time budget ran out).
    public var transcriptScanIncomplete: String?
    /// Whether the SQLite databases were scanned (`--deep`).
    public var databasesScanned = false
    /// Each database not read completely, with why (corrupt, encrypted, too large for
    /// the budget, the budget ran out).
    public var databaseScanIncomplete: [InspectionGap] = []
    /// `schema_meta.app_version` of the databases read, newest first: the release that
    /// last wrote OpenClaw's schema metadata, and the database that says so.
    public var databaseAppVersions: [(version: String, path: String)] = []

    public init() {}

    public func hits(in location: SecretLocation) -> [SecretHit] {
        hits.filter { $0.location == location }
    }

    public func count(_ kind: SecretKind, in location: SecretLocation) -> Int {
        counts[location]?[kind] ?? 0
    }

    public func exposedCount(_ kind: SecretKind, in location: SecretLocation) -> Int {
        exposedCounts[location]?[kind] ?? 0
    }
}
