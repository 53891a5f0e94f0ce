import Foundation
import ZIPFoundation

/// OSV's per-ecosystem export (`<ecosystem>/all.zip`: one `<ID>.json` record per entry,
/// more than 65,535 entries for npm, so ZIP64). Entries are inflated one at a time into
/// a buffer of at most `AdvisoryLoader.maxRecordBytes`, their CRC-32 checked; only the
/// records that name a lineage package are parsed. Nothing is written to disk.
enum OSVArchiveReader {
    /// Adds the archive's records; returns the newest entry date (`YYYY-MM-DD`), the day
    /// the export was made, which may be later than any lineage record's `modified`.
    static func read(_ path: String, into builder: inout AdvisoryDatabaseBuilder) throws(AdvisoryDataError) -> String? {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw AdvisoryDataError(file: path, message: "not a readable zip archive (\(error))")
        }
        var newestEntry: Date?
        var entries = 0
        for entry in archive {
            entries += 1
            guard entries <= AdvisoryLoader.maxArchiveEntries else {
                throw AdvisoryDataError(file: path, message: "more than \(AdvisoryLoader.maxArchiveEntries) entries: not an OSV export")
            }
            guard entry.type == .file, entry.path.hasSuffix(".json") else { continue }
            let name = "\(path):\(entry.path)"
            if let date = entry.fileAttributes[.modificationDate] as? Date, newestEntry.map({ date > $0 }) ?? true {
                newestEntry = date
            }
            guard entry.uncompressedSize <= UInt64(AdvisoryLoader.maxRecordBytes) else {
                throw AdvisoryDataError(file: name, message: "entry inflates to more than \(AdvisoryLoader.maxRecordBytes) bytes")
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Int(entry.uncompressedSize))
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    bytes.append(contentsOf: chunk)
                    // The size in the header is the archive's word; the bytes are the truth.
                    if bytes.count > AdvisoryLoader.maxRecordBytes { throw OversizedEntry() }
                }
            } catch is OversizedEntry {
                throw AdvisoryDataError(file: name, message: "entry inflates to more than \(AdvisoryLoader.maxRecordBytes) bytes")
            } catch {
                throw AdvisoryDataError(file: name, message: "cannot be read from the archive (\(error))")
            }
            try AdvisoryLoader.add(bytes, file: name, into: &builder, prefilter: true)
        }
        return newestEntry.map { ISODate.dateString(dayNumber: Int64(($0.timeIntervalSince1970 / 86_400).rounded(.down))) }
    }

    private struct OversizedEntry: Error {}
}
