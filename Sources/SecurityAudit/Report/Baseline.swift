import JSON5

/// The findings a team has seen and accepted for now, recorded by check id and subject
/// fingerprint (`FindingFingerprinter`), never by line number: `--write-baseline` writes
/// one, `--baseline` then reports only what is new. The file is versioned; a version
/// this build does not know is an error, never a silent "everything is new".
///
/// ```json
/// { "version": 1, "generator": "openclaw-security 0.1.0",
///   "findings": [{ "checkId": "...", "fingerprint": "...", "severity": "warn", "title": "..." }] }
/// ```
/// `severity` and `title` are there for people reading a diff of the file; only
/// `checkId` and `fingerprint` are compared.
public struct Baseline: Sendable, Equatable {
    public static let formatVersion = 1

    public struct Key: Sendable, Hashable {
        public var checkId: String
        public var fingerprint: String
    }

    public struct Entry: Sendable, Equatable {
        public var key: Key
        public var severity: String?
        public var title: String?
    }

    /// Unique keys, in the order the findings were emitted.
    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The active findings of `report`.
    public init(recording report: AuditReport) {
        let fingerprinter = report.fingerprinter
        var seen = Set<Key>()
        entries = report.findings.compactMap { finding in
            let key = Key(checkId: finding.checkId, fingerprint: fingerprinter.fingerprint(of: finding))
            guard seen.insert(key).inserted else { return nil }
            return Entry(key: key, severity: finding.severity.rawValue, title: finding.title)
        }
    }

    public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Baselines hold a few lines per finding; anything near this size is not one.
    static let maxFileBytes = 16 * 1024 * 1024

    /// Reads and parses a baseline file.
    public init(contentsOf path: String) throws(FormatError) {
        let bytes: [UInt8]
        do {
            bytes = try BoundedFileReader.read(path, limit: Self.maxFileBytes)
        } catch {
            throw FormatError(message: "\(path): cannot read baseline: \(error.readFailureMessage)")
        }
        try self.init(parsing: String(decoding: bytes, as: UTF8.self), file: path)
    }

    /// Reads a baseline file's text; `file` names it in errors.
    public init(parsing text: String, file: String) throws(FormatError) {
        let root: JSON5Node
        do {
            root = try JSON5.parse(text, file: file)
        } catch {
            throw FormatError(message: "baseline \(error.description)")
        }
        guard root.members != nil else {
            throw FormatError(message: "\(file): a baseline is a JSON object with version and findings")
        }
        guard let version = root[key: "version"]?.asDouble else {
            throw FormatError(message: "\(file): baseline has no version")
        }
        guard version == Double(Self.formatVersion) else {
            throw FormatError(message: "\(file): baseline version \(JavaScriptNumber.format(version)) is not supported (this build reads version \(Self.formatVersion); write a new one with --write-baseline)")
        }
        if let fingerprintVersion = root[key: "fingerprintVersion"]?.asDouble,
           fingerprintVersion != Double(FindingFingerprinter.version) {
            throw FormatError(message: "\(file): baseline fingerprints are version \(JavaScriptNumber.format(fingerprintVersion)), this build computes version \(FindingFingerprinter.version); write a new one with --write-baseline")
        }
        guard let items = root[key: "findings"]?.elements else {
            throw FormatError(message: "\(file): baseline has no findings array")
        }
        var entries: [Entry] = []
        for (index, item) in items.enumerated() {
            guard let checkId = item[key: "checkId"]?.asString, let fingerprint = item[key: "fingerprint"]?.asString else {
                let position = item.range.start
                throw FormatError(message: "\(file):\(position.line):\(position.column): findings[\(index)] needs checkId and fingerprint strings")
            }
            entries.append(Entry(
                key: Key(checkId: checkId, fingerprint: fingerprint),
                severity: item[key: "severity"]?.asString, title: item[key: "title"]?.asString))
        }
        self.entries = entries
    }

    /// Drops the findings the baseline knows from `report.findings` (and so from the
    /// summary and the exit status), and records the comparison.
    public func apply(to report: inout AuditReport, file: String) {
        let keys = Set(entries.map(\.key))
        let fingerprinter = report.fingerprinter
        var matched = Set<Key>()
        var known = 0
        report.findings = report.findings.filter { finding in
            let key = Key(checkId: finding.checkId, fingerprint: fingerprinter.fingerprint(of: finding))
            guard keys.contains(key) else { return true }
            matched.insert(key)
            known += 1
            return false
        }
        report.baseline = BaselineComparison(
            file: file, keys: keys, known: known, resolved: keys.subtracting(matched).count)
    }
}

/// How the report compares with a baseline.
public struct BaselineComparison: Sendable, Equatable {
    /// The baseline file, as given.
    public var file: String
    /// Every key of the baseline, to mark suppressed findings too.
    public var keys: Set<Baseline.Key>
    /// Active findings the baseline knew, left out of the report.
    public var known: Int
    /// Baseline entries that no current finding matches any more.
    public var resolved: Int

    public func contains(_ finding: Finding, fingerprinter: FindingFingerprinter) -> Bool {
        keys.contains(Baseline.Key(checkId: finding.checkId, fingerprint: fingerprinter.fingerprint(of: finding)))
    }
}
