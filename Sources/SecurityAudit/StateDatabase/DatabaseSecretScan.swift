import Dispatch
import VaporCSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where in a database a value lies.
public struct DatabaseCell: Sendable, Equatable {
    public var table: String
    /// The row's rowid; nil in a WITHOUT ROWID table.
    public var rowid: Int64?
    public var column: String

    /// `table.column rowid=N`.
    public var description: String {
        "\(table).\(column) " + (rowid.map { "rowid=\($0)" } ?? "(without rowid)")
    }
}

/// One secret found in a database: never the value, only its redacted form.
public struct DatabaseSecretOccurrence: Sendable, Equatable {
    public var kind: SecretKind
    public var cell: DatabaseCell
    public var redacted: String
    /// For an assignment, the name the value is assigned to.
    public var name: String?
}

public struct DatabaseScanResult: Sendable {
    public var path: String
    /// `st_mode` of the main file when it was opened.
    public var mode: UInt32?
    public var size: Int = 0
    /// In table order, then rowid; at most the scan's `limitPerKind` of each kind.
    public var occurrences: [DatabaseSecretOccurrence] = []
    /// Every occurrence found, kept or not.
    public var counts: [SecretKind: Int] = [:]
    public var rowsScanned = 0
    public var bytesScanned = 0
    /// Why the scan did not cover every row (nil when it did).
    public var incomplete: String?
    /// `schema_meta.app_version` values, newest first (release stamps).
    public var appVersions: [String] = []

    public var permissions: PathPermissions? {
        mode.map { PathPermissions(isSymlink: false, isDirectory: false, mode: $0, ownerUID: nil) }
    }
}

/// Reads every committed row of every table of a SQLite database, the rows still only in
/// its write-ahead log included, and runs every TEXT and BLOB value through the secret
/// detectors. Table names are not assumed: OpenClaw's schema changes from release to
/// release. The database is read through a `DatabaseSnapshot` (nothing in its folder is
/// created or changed) by `workers` connections, each taking rowid ranges of the tables
/// in turn; memory stays bounded (SQLite's page cache per connection, one value at a
/// time, values capped at `maxValueBytes`). With a deadline the scan stops there and says
/// how far it got; a database that does not open is reported, never waited for.
public struct DatabaseSecretScan: Sendable {
    public var workers: Int
    public var limitPerKind: Int
    /// `DispatchTime` uptime nanoseconds.
    public var deadline: UInt64?
    public var maxValueBytes: Int32
    /// A write-ahead log larger than this is not copied.
    public var maxLogBytes: Int
    /// Bytes per second no scan here exceeds: a database that cannot be read before the
    /// deadline even at this speed is reported at once instead of read in part.
    public static let fastestBytesPerSecond = 2 << 30

    /// Where the database is examined before SQLite opens it (the seam tests inject
    /// faults in). SQLite's own reads go through `ReadOnlySourceVFS`, a C callback.
    public var fileSystem: any FileSystemAccess

    public init(workers: Int? = nil, limitPerKind: Int = .max, deadline: UInt64? = nil,
                maxValueBytes: Int32 = 64 << 20, maxLogBytes: Int = 1 << 30,
                fileSystem: any FileSystemAccess = POSIXFileSystem()) {
        self.fileSystem = fileSystem
        self.workers = max(1, workers ?? SecretFileScan.processorCount)
        self.limitPerKind = max(1, limitPerKind)
        self.deadline = deadline
        self.maxValueBytes = maxValueBytes
        self.maxLogBytes = maxLogBytes
    }

    /// With `root` (a real path), a database reached through a link out of that folder
    /// is not read: it is reported as not scanned. The database is then opened by its
    /// real path, and the copy of its log and the SQLite reader refuse a link there.
    public func run(path: String, within root: String? = nil) -> DatabaseScanResult {
        var result = DatabaseScanResult(path: path)
        var source = path
        if let root {
            let real: String
            switch fileSystem.realpath(path) {
            case .success(let resolved): real = resolved
            case .failure(let error):
                result.incomplete = "not scanned: \(SystemError.message(error.code))"
                return result
            }
            guard PathNormalization.isInside(real, root: root) else {
                result.incomplete = "not scanned: a link out of \(root), to \(real), not followed"
                return result
            }
            source = real
        }
        switch fileSystem.stat(source) {
        case .failure(let error):
            result.incomplete = "not scanned: \(SystemError.message(error.code))"
            return result
        case .success(let status):
            result.mode = status.mode
            result.size = status.size
        }
        if let deadline {
            let now = DispatchTime.now().uptimeNanoseconds
            let remaining = deadline > now ? deadline - now : 0
            let fastest = UInt64(Double(result.size) / Double(Self.fastestBytesPerSecond) * 1e9)
            if fastest > remaining {
                result.incomplete = "not scanned: \(Self.mebibytes(result.size)) MiB cannot be read in the "
                    + "\(remaining / 1_000_000) ms left of the deep audit time budget"
                return result
            }
        }
        let snapshot: DatabaseSnapshot
        do throws(DatabaseSnapshot.Failure) {
            snapshot = try DatabaseSnapshot(
                source: source, deadline: deadline, maxLogBytes: maxLogBytes, fileSystem: fileSystem, root: root)
        } catch {
            switch error {
            case .logTooLarge(let bytes):
                result.incomplete = "not scanned: its write-ahead log of \(Self.mebibytes(bytes)) MiB is larger than \(Self.mebibytes(maxLogBytes)) MiB"
            case .deadline:
                result.incomplete = "not scanned: the deep audit time budget ran out while copying its write-ahead log"
            case .system(let message):
                result.incomplete = "not scanned: \(message)"
            }
            return result
        }
        defer { snapshot.remove() }
        scan(snapshot, into: &result)
        return result
    }

    static func mebibytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10)"
    }

    fileprivate struct Table {
        var name: String
        var hasRowid: Bool
    }

    private func scan(_ snapshot: DatabaseSnapshot, into result: inout DatabaseScanResult) {
        let tables: [Table]
        var units: [ScanUnit] = []
        do throws(SQLiteError) {
            let connection = try snapshot.connect(maxValueBytes: maxValueBytes)
            tables = try Self.tables(connection)
            result.appVersions = Self.appVersions(connection, tables: tables.map(\.name))
            for (index, table) in tables.enumerated() {
                units += try Self.units(of: table, index: index, connection: connection, pieces: workers * 2)
            }
        } catch {
            result.incomplete = "not scanned: " + Self.explain(error)
            return
        }
        let shared = LockedState(SharedScan(units: units, limitPerKind: limitPerKind))
        let watchdog = deadline.map { Self.scheduleInterrupt(at: $0, shared: shared) }
        defer { watchdog?.cancel() }
        let limit = limitPerKind
        let deadline = self.deadline
        let maxValueBytes = self.maxValueBytes
        DispatchQueue.concurrentPerform(iterations: units.isEmpty ? 0 : min(workers, units.count)) { _ in
            let connection: SQLiteConnection
            do throws(SQLiteError) {
                connection = try snapshot.connect(maxValueBytes: maxValueBytes)
            } catch {
                shared.withLock { $0.fail("not scanned: " + Self.explain(error)) }
                return
            }
            guard shared.withLock({ $0.register(connection) }) else { return }
            defer { shared.withLock { $0.unregister(connection) } }
            var local = WorkerFindings(limitPerKind: limit)
            while let (index, unit) = shared.withLock({ $0.next() }) {
                let table = tables[unit.table]
                do throws(SQLiteError) {
                    try Self.scan(unit, of: table, order: index, connection: connection, deadline: deadline, into: &local)
                } catch {
                    let place = "table \(table.name)"
                    shared.withLock { state in
                        if error.code & 0xFF == SQLITE_INTERRUPT || state.timedOut {
                            state.fail("the deep audit time budget ran out")
                        } else if error.code & 0xFF == SQLITE_TOOBIG {
                            state.fail("\(place): a value larger than \(Self.mebibytes(Int(maxValueBytes))) MiB was not scanned")
                        } else {
                            state.fail("\(place): " + Self.explain(error))
                        }
                    }
                }
                if let deadline, DispatchTime.now().uptimeNanoseconds >= deadline {
                    shared.withLock { $0.timeOut() }
                }
            }
            shared.withLock { $0.merge(local) }
        }
        shared.withLock { state in
            state.finish(into: &result)
        }
        if let reason = result.incomplete, shared.withLock({ $0.unitsLeft > 0 || $0.timedOut }) {
            let scannedNote = "\(Self.mebibytes(result.bytesScanned)) MiB of values in \(result.rowsScanned) rows scanned"
            result.incomplete = reason + " (\(scannedNote))"
        }
    }


    /// Every ordinary table (virtual tables are skipped: their rows are in the shadow
    /// tables, which are ordinary ones).
    private static func tables(_ connection: SQLiteConnection) throws(SQLiteError) -> [Table] {
        let statement = try connection.prepare(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY rootpage")
        var names: [String] = []
        while try statement.step() {
            guard let name = statement.text(0) else { continue }
            let sql = statement.text(1) ?? ""
            if sql.uppercased().hasPrefix("CREATE VIRTUAL TABLE") { continue }
            names.append(name)
        }
        return names.map { name in
            let hasRowid = (try? connection.prepare("SELECT _rowid_ FROM \(quoted(name)) LIMIT 0")) != nil
            return Table(name: name, hasRowid: hasRowid)
        }
    }

    /// A table's rowid span cut into `pieces` ranges (one for a small or WITHOUT ROWID
    /// table), so that several connections share a large table.
    private static func units(of table: Table, index: Int, connection: SQLiteConnection, pieces: Int) throws(SQLiteError) -> [ScanUnit] {
        guard table.hasRowid, pieces > 1 else { return [ScanUnit(table: index, range: nil)] }
        let statement = try connection.prepare("SELECT min(_rowid_), max(_rowid_) FROM \(quoted(table.name))")
        guard try statement.step(), statement.columnType(0) == 1 else { return [ScanUnit(table: index, range: nil)] }
        let low = statement.int64(0), high = statement.int64(1)
        let span = high.subtractingReportingOverflow(low)
        guard !span.overflow, span.partialValue >= 4096 else { return [ScanUnit(table: index, range: low...high)] }
        let step = span.partialValue / Int64(pieces) + 1
        var units: [ScanUnit] = []
        var start = low
        while start <= high {
            let end = start.addingReportingOverflow(step - 1)
            let last = end.overflow || end.partialValue >= high ? high : end.partialValue
            units.append(ScanUnit(table: index, range: start...last))
            if last == high { break }
            start = last + 1
        }
        return units
    }

    private static func scan(
        _ unit: ScanUnit, of table: Table, order: Int, connection: SQLiteConnection, deadline: UInt64?,
        into findings: inout WorkerFindings
    ) throws(SQLiteError) {
        let name = quoted(table.name)
        let sql: String
        if table.hasRowid {
            sql = "SELECT _rowid_, * FROM \(name)" + (unit.range == nil ? "" : " WHERE _rowid_ BETWEEN ?1 AND ?2")
        } else {
            sql = "SELECT * FROM \(name)"
        }
        let statement = try connection.prepare(sql)
        if let range = unit.range {
            statement.bind(1, range.lowerBound)
            statement.bind(2, range.upperBound)
        }
        let first: Int32 = table.hasRowid ? 1 : 0
        let count = statement.columnCount
        let columns = (0..<count).map { statement.columnName($0) }
        var rows = 0
        while try statement.step() {
            rows += 1
            if rows & 255 == 0, let deadline, DispatchTime.now().uptimeNanoseconds >= deadline {
                throw SQLiteError(code: SQLITE_INTERRUPT, message: "interrupted")
            }
            let rowid: Int64? = table.hasRowid ? statement.int64(0) : nil
            for column in first..<count {
                let type = statement.columnType(column)
                // 3: TEXT, 4: BLOB (integers, reals and NULLs hold no secret text).
                guard type == 3 || type == 4, let bytes = statement.bytes(column), let base = bytes.baseAddress else { continue }
                findings.bytesScanned += bytes.count
                let window = ScanWindow(base: base, count: bytes.count)
                for match in SecretScanner.scan(window, anchors: 0..<bytes.count) {
                    findings.add(
                        DatabaseSecretOccurrence(
                            kind: match.kind,
                            cell: DatabaseCell(table: table.name, rowid: rowid, column: columns[Int(column)]),
                            redacted: SecretRedaction.redact(window.bytes(match.valueRange), kind: match.kind),
                            name: match.nameRange.map { String(decoding: window.bytes($0), as: UTF8.self) }),
                        order: (order, rowid ?? Int64(rows), Int(column)))
                }
            }
        }
        findings.rowsScanned += rows
    }

    /// `schema_meta.app_version` of every row that has one, newest first.
    static func appVersions(_ connection: SQLiteConnection, tables: [String]) -> [String] {
        guard tables.contains("schema_meta"),
              let statement = try? connection.prepare("SELECT app_version FROM schema_meta")
        else { return [] }
        var versions: [String] = []
        while (try? statement.step()) == true {
            if statement.columnType(0) == 3, let text = statement.text(0)?.trimmingWhitespace, !text.isEmpty {
                versions.append(text)
            }
        }
        return OpenClawReleaseStamp.newestFirst(versions)
    }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func explain(_ error: SQLiteError) -> String {
        if error.isNotReadableDatabase {
            return "not readable as a SQLite database, corrupt or encrypted (\(error.message))"
        }
        return error.message
    }

    private static func scheduleInterrupt(at deadline: UInt64, shared: LockedState<SharedScan>) -> DispatchWorkItem {
        let item = DispatchWorkItem {
            shared.withLock { state in
                state.timeOut()
                state.connections.forEach { $0.interrupt() }
            }
        }
        DispatchQueue.global().asyncAfter(deadline: DispatchTime(uptimeNanoseconds: deadline), execute: item)
        return item
    }
}

/// A table, or a rowid range of one, scanned by one connection.
private struct ScanUnit {
    var table: Int
    /// Inclusive rowid bounds; nil for the whole table.
    var range: ClosedRange<Int64>?
}

/// What one scanning thread found, in the order it scanned (its units in increasing
/// order), so keeping the first `limitPerKind` of a kind keeps the right ones.
private struct WorkerFindings {
    typealias Order = (unit: Int, row: Int64, column: Int)
    var limitPerKind: Int
    var kept: [SecretKind: [(order: Order, occurrence: DatabaseSecretOccurrence)]] = [:]
    var counts: [SecretKind: Int] = [:]
    var rowsScanned = 0
    var bytesScanned = 0

    init(limitPerKind: Int) { self.limitPerKind = limitPerKind }

    mutating func add(_ occurrence: DatabaseSecretOccurrence, order: Order) {
        counts[occurrence.kind, default: 0] += 1
        if kept[occurrence.kind, default: []].count < limitPerKind {
            kept[occurrence.kind, default: []].append((order, occurrence))
        }
    }
}

private struct SharedScan {
    var units: [ScanUnit]
    var nextUnit = 0
    var timedOut = false
    var failures: [String] = []
    var connections: [SQLiteConnection] = []
    var merged: [WorkerFindings] = []
    let limitPerKind: Int

    init(units: [ScanUnit], limitPerKind: Int) {
        self.units = units
        self.limitPerKind = limitPerKind
    }

    var unitsLeft: Int { units.count - nextUnit }

    mutating func next() -> (Int, ScanUnit)? {
        guard !timedOut, nextUnit < units.count else { return nil }
        defer { nextUnit += 1 }
        return (nextUnit, units[nextUnit])
    }

    mutating func fail(_ reason: String) {
        if !failures.contains(reason) { failures.append(reason) }
    }

    mutating func timeOut() { timedOut = true }

    mutating func register(_ connection: SQLiteConnection) -> Bool {
        guard !timedOut else { return false }
        connections.append(connection)
        return true
    }

    mutating func unregister(_ connection: SQLiteConnection) {
        connections.removeAll { $0 === connection }
    }

    mutating func merge(_ findings: WorkerFindings) { merged.append(findings) }

    mutating func finish(into result: inout DatabaseScanResult) {
        var all: [(order: WorkerFindings.Order, occurrence: DatabaseSecretOccurrence)] = []
        for worker in merged {
            result.rowsScanned += worker.rowsScanned
            result.bytesScanned += worker.bytesScanned
            for (kind, count) in worker.counts { result.counts[kind, default: 0] += count }
            for list in worker.kept.values { all += list }
        }
        all.sort { $0.order < $1.order }
        var perKind: [SecretKind: Int] = [:]
        for entry in all {
            perKind[entry.occurrence.kind, default: 0] += 1
            if perKind[entry.occurrence.kind]! <= limitPerKind { result.occurrences.append(entry.occurrence) }
        }
        if timedOut && !failures.contains("the deep audit time budget ran out") {
            failures.insert("the deep audit time budget ran out", at: 0)
        }
        if !failures.isEmpty { result.incomplete = failures.joined(separator: "; ") }
    }
}
