import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file the scan was asked to read, as it found it.
public struct ScannedFile: Sendable, Equatable {
    public var path: String
    /// `st_mode` of the descriptor that was read (a symlink's target).
    public var mode: UInt32?
    public var size: Int
    /// Why the file could not be read; nil when it was.
    public var error: FileSystemError?

    public var permissions: PathPermissions? {
        mode.map { PathPermissions(isSymlink: false, isDirectory: false, mode: $0, ownerUID: nil) }
    }
}

/// One secret found in a file. The secret itself is never kept: only its redacted form.
public struct SecretOccurrence: Sendable, Equatable {
    public var kind: SecretKind
    /// Index into the scan's `files`.
    public var fileIndex: Int
    /// 1-based line.
    public var line: Int
    /// Byte offsets of the value in the file.
    public var valueStart: Int
    public var valueEnd: Int
    public var redacted: String
    /// For an assignment, the name the value is assigned to (`DB_PASSWORD`).
    public var name: String?
}

public struct SecretFileScanResult: Sendable {
    public var files: [ScannedFile]
    /// Sorted by file, then offset; at most the scan's `limitPerKind` of each kind (the
    /// first ones in that order).
    public var occurrences: [SecretOccurrence]
    /// Every occurrence found, kept or not, by file index.
    public var countsByFile: [Int: [SecretKind: Int]]
    public var bytesScanned: Int
    /// Files left unread or read only in part because the deadline passed.
    public var unfinishedFiles: Int

    /// Every occurrence found in the given files, kept or not.
    public func counts<S: Sequence>(inFiles indices: S) -> [SecretKind: Int] where S.Element == Int {
        var total: [SecretKind: Int] = [:]
        for index in indices {
            for (kind, count) in countsByFile[index] ?? [:] { total[kind, default: 0] += count }
        }
        return total
    }
}

/// Scans files for secrets in parallel with bounded memory: each worker owns one buffer
/// of `unitSize` bytes (plus the detectors' look-behind and look-ahead) and reads files
/// in units of that size with `pread`, so a file of any size costs the same memory and
/// a large file is shared among workers. Only the first `limitPerKind` occurrences of
/// each kind are kept (in file and offset order, whatever the thread timing). With a
/// deadline, no unit starts after it; what was left is counted in `unfinishedFiles`.
public struct SecretFileScan: Sendable {
    public var unitSize: Int
    public var workers: Int
    public var limitPerKind: Int
    /// `DispatchTime` uptime nanoseconds after which no further unit is started.
    public var deadline: UInt64?
    /// Where files are opened (the seam tests inject faults in).
    public var fileSystem: any FileSystemAccess

    public init(
        unitSize: Int = 4 << 20, workers: Int? = nil, limitPerKind: Int = .max, deadline: UInt64? = nil,
        fileSystem: any FileSystemAccess = POSIXFileSystem()
    ) {
        self.unitSize = max(unitSize, 4096)
        self.workers = max(1, workers ?? Self.processorCount)
        self.limitPerKind = max(1, limitPerKind)
        self.deadline = deadline
        self.fileSystem = fileSystem
    }

    static var processorCount: Int {
        let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return count > 0 ? min(Int(count), 64) : 1
    }

    /// `byteLimits`, when given, holds one size per path: a file larger than its limit
    /// is not read at all (checked on the opened descriptor) and carries an `EFBIG` error,
    /// so a sparse 8 GB `.env` costs one `fstat`.
    ///
    /// `roots`, when given, holds one folder (a real path) or nil per path: a file with a
    /// folder is read only if it lies in it (a link out of it is refused, see
    /// `BoundedFileReader.openWithin`), so a transcript linked to a file elsewhere is not
    /// read and carries an error naming where the link leads.
    public func run(paths: [String], byteLimits: [Int]? = nil, roots: [String?]? = nil) -> SecretFileScanResult {
        precondition(byteLimits == nil || byteLimits?.count == paths.count)
        precondition(roots == nil || roots?.count == paths.count)
        let shared = LockedState(ScanState(paths: paths, limitPerKind: limitPerKind, byteLimits: byteLimits, roots: roots))
        let unitSize = self.unitSize
        let deadline = self.deadline
        let fileSystem = self.fileSystem
        // As many workers as processors even for one file: its units are shared out.
        DispatchQueue.concurrentPerform(iterations: paths.isEmpty ? 0 : workers) { _ in
            var worker = ScanWorker(unitSize: unitSize, fileSystem: fileSystem)
            defer { worker.release() }
            while true {
                if let deadline, DispatchTime.now().uptimeNanoseconds >= deadline {
                    shared.withLock { $0.timedOut = true }
                }
                switch shared.withLock({ $0.nextItem() }) {
                case .scan(let item):
                    worker.process(item, shared: shared)
                case .skip(let fileIndex, let descriptor):
                    descriptor.unitDone()
                    shared.withLock { _ = $0.unfinished.insert(fileIndex) }
                case .wait:
                    // Another worker is opening a file and may queue its units.
                    sched_yield()
                case .done:
                    return
                }
            }
        }
        return shared.withLock { $0.result() }
    }
}

/// A file opened once and shared by the units of it that are still to be scanned.
final class SharedDescriptor: @unchecked Sendable {
    let fd: Int32
    private let remaining: LockedState<Int>

    init(fd: Int32, units: Int) {
        self.fd = fd
        self.remaining = LockedState(units)
    }

    /// Called once per unit; the last one closes the file.
    func unitDone() {
        if remaining.withLock({ $0 -= 1; return $0 == 0 }) { close(fd) }
    }
}

enum ScanItem {
    case file(Int)
    case unit(fileIndex: Int, unit: Int, size: Int, descriptor: SharedDescriptor)
}

/// An occurrence before its line is known: the newlines before its unit are added once
/// every unit of the file has been counted.
struct PendingOccurrence {
    var occurrence: SecretOccurrence
    var unit: Int
    var lineInUnit: Int
}

struct ScanState {
    var files: [ScannedFile]
    var nextFile = 0
    /// Files handed out whose units are not queued yet.
    var opening = 0
    var timedOut = false
    var unfinished = Set<Int>()
    var queuedUnits: [ScanItem] = []
    var newlinesPerUnit: [Int: [Int]] = [:]
    var kept: [SecretKind: [PendingOccurrence]] = [:]
    var countsByFile: [Int: [SecretKind: Int]] = [:]
    var bytesScanned = 0
    let limitPerKind: Int
    let byteLimits: [Int]?
    let roots: [String?]?

    init(paths: [String], limitPerKind: Int, byteLimits: [Int]? = nil, roots: [String?]? = nil) {
        files = paths.map { ScannedFile(path: $0, mode: nil, size: 0, error: nil) }
        self.limitPerKind = limitPerKind
        self.byteLimits = byteLimits
        self.roots = roots
    }

    enum Next {
        case scan(ScanItem)
        /// A unit left unscanned after the deadline; its share of the file is released.
        case skip(fileIndex: Int, descriptor: SharedDescriptor)
        case wait
        case done
    }

    /// Units of files already open come first, so few files are open at once.
    mutating func nextItem() -> Next {
        if let unit = queuedUnits.popLast() {
            guard timedOut, case .unit(let fileIndex, _, _, let descriptor) = unit else { return .scan(unit) }
            return .skip(fileIndex: fileIndex, descriptor: descriptor)
        }
        if nextFile < files.count {
            if timedOut {
                unfinished.formUnion(nextFile..<files.count)
                nextFile = files.count
            } else {
                defer { nextFile += 1 }
                opening += 1
                return .scan(.file(nextFile))
            }
        }
        return opening > 0 ? .wait : .done
    }

    mutating func add(_ found: [PendingOccurrence]) {
        for pending in found {
            let kind = pending.occurrence.kind
            countsByFile[pending.occurrence.fileIndex, default: [:]][kind, default: 0] += 1
            kept[kind, default: []].append(pending)
            if kept[kind]!.count / 2 >= limitPerKind { trim(kind) }
        }
    }

    private mutating func trim(_ kind: SecretKind) {
        guard var list = kept[kind], list.count > limitPerKind else { return }
        list.sort { ($0.occurrence.fileIndex, $0.occurrence.valueStart) < ($1.occurrence.fileIndex, $1.occurrence.valueStart) }
        list.removeLast(list.count - limitPerKind)
        kept[kind] = list
    }

    mutating func result() -> SecretFileScanResult {
        var occurrences: [SecretOccurrence] = []
        for kind in SecretKind.allCases {
            trim(kind)
            for pending in kept[kind] ?? [] {
                var occurrence = pending.occurrence
                let units = newlinesPerUnit[occurrence.fileIndex] ?? []
                occurrence.line = 1 + units.prefix(pending.unit).reduce(0, +) + pending.lineInUnit
                occurrences.append(occurrence)
            }
        }
        occurrences.sort { ($0.fileIndex, $0.valueStart, $0.kind) < ($1.fileIndex, $1.valueStart, $1.kind) }
        // A value that straddles two units can be found from an anchor in each.
        var unique: [SecretOccurrence] = []
        for occurrence in occurrences {
            if let last = unique.last, last.fileIndex == occurrence.fileIndex, last.valueEnd > occurrence.valueStart {
                if occurrence.kind < last.kind { unique[unique.count - 1] = occurrence }
                continue
            }
            unique.append(occurrence)
        }
        return SecretFileScanResult(
            files: files, occurrences: unique, countsByFile: countsByFile, bytesScanned: bytesScanned,
            unfinishedFiles: unfinished.count)
    }
}

/// One scanning thread and its buffer.
struct ScanWorker {
    let unitSize: Int
    let fileSystem: any FileSystemAccess
    let buffer: UnsafeMutablePointer<UInt8>
    let capacity: Int

    init(unitSize: Int, fileSystem: any FileSystemAccess) {
        self.unitSize = unitSize
        self.fileSystem = fileSystem
        capacity = unitSize + SecretScanner.lookBehind + SecretScanner.lookAhead
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    func release() { buffer.deallocate() }

    mutating func process(_ item: ScanItem, shared: LockedState<ScanState>) {
        switch item {
        case .file(let index):
            let (path, limit, root) = shared.withLock { ($0.files[index].path, $0.byteLimits?[index] ?? .max, $0.roots?[index] ?? nil) }
            switch Self.openRegularFile(path, limit: limit, within: root, fileSystem: fileSystem) {
            case .failure(let error):
                shared.withLock { state in
                    state.files[index].error = error
                    state.opening -= 1
                }
            case .success(let (fd, info)):
                let size = Int(info.st_size)
                let units = max(1, (size + unitSize - 1) / unitSize)
                let descriptor = SharedDescriptor(fd: fd, units: units)
                shared.withLock { state in
                    state.files[index].mode = UInt32(info.st_mode)
                    state.files[index].size = size
                    state.newlinesPerUnit[index] = [Int](repeating: 0, count: units)
                    for unit in (1..<units).reversed() {
                        state.queuedUnits.append(.unit(fileIndex: index, unit: unit, size: size, descriptor: descriptor))
                    }
                    state.opening -= 1
                }
                scanUnit(fileIndex: index, unit: 0, size: size, descriptor: descriptor, shared: shared)
            }
        case .unit(let index, let unit, let size, let descriptor):
            scanUnit(fileIndex: index, unit: unit, size: size, descriptor: descriptor, shared: shared)
        }
    }

    private func scanUnit(fileIndex: Int, unit: Int, size: Int, descriptor: SharedDescriptor, shared: LockedState<ScanState>) {
        defer { descriptor.unitDone() }
        let unitStart = unit * unitSize
        let unitEnd = min(size, unitStart + unitSize)
        let readStart = max(0, unitStart - SecretScanner.lookBehind)
        let readEnd = min(size, unitEnd + SecretScanner.lookAhead)
        let count = readFully(descriptor.fd, offset: readStart, length: readEnd - readStart)
        let window = ScanWindow(base: UnsafePointer(buffer), count: count)
        let anchorStart = unitStart - readStart
        let anchorEnd = min(count, unitEnd - readStart)
        let matches = anchorStart < anchorEnd ? SecretScanner.scan(window, anchors: anchorStart..<anchorEnd) : []

        var found: [PendingOccurrence] = []
        var counted = anchorStart, lines = 0
        for match in matches {
            // Anchors come in value order, which is almost always anchor order.
            if match.anchor >= counted {
                lines += Self.countNewlines(buffer, from: counted, to: match.anchor)
            } else {
                lines -= Self.countNewlines(buffer, from: match.anchor, to: counted)
            }
            counted = match.anchor
            let value = window.bytes(match.valueRange)
            let occurrence = SecretOccurrence(
                kind: match.kind, fileIndex: fileIndex, line: 0,
                valueStart: readStart + match.valueStart, valueEnd: readStart + match.valueEnd,
                redacted: SecretRedaction.redact(value, kind: match.kind),
                name: match.nameRange.map { String(decoding: window.bytes($0), as: UTF8.self) })
            found.append(PendingOccurrence(occurrence: occurrence, unit: unit, lineInUnit: lines))
        }
        let unitLines = lines + Self.countNewlines(buffer, from: counted, to: max(counted, anchorEnd))
        shared.withLock { state in
            state.newlinesPerUnit[fileIndex]?[unit] = unitLines
            state.bytesScanned += max(0, anchorEnd - anchorStart)
            state.add(found)
        }
    }

    /// Opens without blocking (a FIFO would block a plain open) and checks the opened
    /// descriptor: only a regular file is read.
    static func openRegularFile(
        _ path: String, limit: Int = .max, within root: String? = nil, fileSystem: any FileSystemAccess
    ) -> Result<(Int32, stat), FileSystemError> {
        let fd: Int32
        switch fileSystem.openForReading(path, within: root) {
        case .success(let opened):
            fd = opened
        case .failure(let error):
            if case .outside(let target) = error.reason, let root {
                return .failure(FileSystemError(
                    operation: "open", code: EXDEV, path: path, reason: error.reason,
                    explanation: "a link out of \(root), to \(target), not followed"))
            }
            return .failure(FileSystemError(operation: error.operation, code: error.code, path: path))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let error = FileSystemError(operation: "stat", code: errno, path: path)
            close(fd)
            return .failure(error)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return .failure(FileSystemError(operation: "read", code: EINVAL, path: path, reason: .notRegularFile))
        }
        guard Int(info.st_size) <= limit else {
            close(fd)
            return .failure(FileSystemError(
                operation: "read (over the \(limit)-byte limit)", code: EFBIG, path: path, reason: .tooLarge(limit: limit)))
        }
        #if os(Linux)
        _ = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
        #endif
        return .success((fd, info))
    }

    /// Reads until `length` bytes or the end of the file (which may have shrunk).
    private func readFully(_ fd: Int32, offset: Int, length: Int) -> Int {
        var total = 0
        while total < length {
            let count = pread(fd, buffer + total, length - total, off_t(offset + total))
            if count < 0 {
                if errno == EINTR { continue }
                break
            }
            if count == 0 { break }
            total += count
        }
        return total
    }

    static func countNewlines(_ base: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var lines = 0
        var cursor = UnsafeRawPointer(base + start)
        let stop = UnsafeRawPointer(base + end)
        while cursor < stop {
            guard let hit = memchr(cursor, 0x0A, stop - cursor) else { break }
            lines += 1
            cursor = UnsafeRawPointer(hit) + 1
        }
        return lines
    }
}
