#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JSON5

/// Reads `--advisories PATH`: one OSV JSON file, a folder of them (walked without
/// following symlinks, as OSV's and GitHub's repositories lay them out), or OSV's
/// per-ecosystem zip export (`npm/all.zip`, the file osv-scanner reads offline). Records
/// of other packages are ignored; withdrawn and duplicate ones are dropped. Nothing is
/// fetched. Errors name the file (and the zip entry), line and column.
public enum AdvisoryLoader {
    /// A single JSON file: more than any export of one product's advisories.
    static let maxJSONBytes = 64 * 1024 * 1024
    /// One record in a folder or zip; an entry that inflates beyond it is refused
    /// rather than read (a zip bomb), as is a zip of more entries than OSV's exports hold.
    static let maxRecordBytes = 8 * 1024 * 1024
    static let maxArchiveEntries = 2_000_000
    static let maxFolderDepth = 16
    /// Values one record may hold once parsed (a record is a few hundred).
    static let maxRecordValues = 1_000_000

    public static func load(path: String) throws(AdvisoryDataError) -> AdvisoryDatabase {
        var builder = AdvisoryDatabaseBuilder()
        let kind: DirectoryEntry.Kind?
        do {
            kind = try POSIXFileSystem().kindFollowingLinks(path)
        } catch {
            throw AdvisoryDataError(file: path, message: "cannot read: \(String(cString: strerror(error.code)))")
        }
        var archiveDate: String?
        switch kind {
        case nil:
            throw AdvisoryDataError(file: path, message: "no such file or folder")
        case .directory?:
            try readFolder(path, depth: 0, into: &builder)
        case .file?:
            if try isZip(path) {
                archiveDate = try OSVArchiveReader.read(path, into: &builder)
            } else {
                try add(read(path, limit: maxJSONBytes), file: path, into: &builder, prefilter: false)
            }
        default:
            throw AdvisoryDataError(file: path, message: "not a regular file or folder")
        }
        let date = [builder.newestModified, archiveDate].compactMap { $0 }.max()
        let database = builder.build(origin: .path(path), date: date)
        if database.counts.records == 0 {
            throw AdvisoryDataError(file: path, message: "no OSV records found (expected OSV JSON files, a folder of them or an OSV zip export)")
        }
        return database
    }

    /// Parses one JSON document and adds its records. With `prefilter`, a document that
    /// does not name a lineage package as a JSON string is skipped unparsed: an export of
    /// every npm advisory is read in seconds, and a malformed record of another package
    /// cannot stop the audit.
    static func add(_ bytes: [UInt8], file: String, into builder: inout AdvisoryDatabaseBuilder, prefilter: Bool) throws(AdvisoryDataError) {
        if prefilter, !mentionsLineagePackage(bytes) {
            builder.add(.otherPackage(id: file), modified: nil)
            return
        }
        let root: JSON5Node
        do {
            root = try JSON5.parse(bytes: bytes, file: file, maxValues: maxRecordValues)
        } catch {
            throw AdvisoryDataError(file: file, position: error.position, message: error.message)
        }
        for record in try OSVRecordReader.records(in: root, file: file) {
            builder.add(record.outcome, modified: record.modified)
        }
    }

    static let quotedNames: [[UInt8]] = ReleaseLineage.packageNames.map { Array("\"\($0)\"".utf8) }

    static func mentionsLineagePackage(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                if buffer[index] == 0x22 {
                    for needle in quotedNames where index + needle.count <= buffer.count {
                        var equal = true
                        for offset in 1..<needle.count where buffer[index + offset] != needle[offset] {
                            equal = false
                            break
                        }
                        if equal { return true }
                    }
                }
                index += 1
            }
            return false
        }
    }

    private static func readFolder(_ path: String, depth: Int, into builder: inout AdvisoryDatabaseBuilder) throws(AdvisoryDataError) {
        guard depth <= maxFolderDepth else {
            throw AdvisoryDataError(file: path, message: "folders nested deeper than \(maxFolderDepth) levels")
        }
        let entries: [DirectoryEntry]
        do {
            entries = try POSIXFileSystem().scanListing(path)
        } catch {
            throw AdvisoryDataError(file: path, message: "cannot list: \(String(cString: strerror(error.code)))")
        }
        for entry in entries where !entry.name.hasPrefix(".") {
            let child = path.hasSuffix("/") ? path + entry.name : path + "/" + entry.name
            switch entry.kind {
            case .directory:
                try readFolder(child, depth: depth + 1, into: &builder)
            case .file where entry.name.hasSuffix(".json"):
                try add(read(child, limit: maxRecordBytes), file: child, into: &builder, prefilter: true)
            default:
                continue
            }
        }
    }

    private static func read(_ path: String, limit: Int) throws(AdvisoryDataError) -> [UInt8] {
        do {
            return try BoundedFileReader.read(path, limit: limit)
        } catch {
            throw AdvisoryDataError(file: path, message: error.readFailureMessage)
        }
    }

    /// Whether the file starts as a zip archive does (`PK\3\4`, or `PK\5\6` when empty).
    private static func isZip(_ path: String) throws(AdvisoryDataError) -> Bool {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw AdvisoryDataError(file: path, message: "cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var magic = [UInt8](repeating: 0, count: 4)
        #if canImport(Glibc)
        let count = magic.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 4) }
        #else
        let count = magic.withUnsafeMutableBytes { Darwin.read(fd, $0.baseAddress, 4) }
        #endif
        return count == 4 && magic[0] == 0x50 && magic[1] == 0x4B && (magic == [0x50, 0x4B, 3, 4] || magic == [0x50, 0x4B, 5, 6])
    }
}
