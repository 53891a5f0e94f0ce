import VaporCSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lays out a `FileFixture.sqliteDatabase`: a WAL-mode database built in a private
/// scratch folder, then copied byte for byte (main file and `-wal`) to its place while
/// the building connection is still open, so rows that were never checkpointed stay in
/// the copied log exactly as the gateway leaves them.
enum SQLiteFixtureWriter {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ path: String, statements: [String], inLog: [String] = []) throws(Failure) {
        var template = Array((DatabaseSnapshot.temporaryDirectory() + "/openclaw-security-fixture-XXXXXX").utf8CString)
        guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw Failure(description: "mkdtemp: \(SystemError.message(errno))")
        }
        let scratchFolder = String(cString: created)
        let scratch = scratchFolder + "/fixture.sqlite"
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(scratch + suffix) }
            rmdir(scratchFolder)
        }
        do throws(SQLiteError) {
            let connection = try SQLiteConnection(path: scratch, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            try connection.execute("PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;")
            for statement in statements { try connection.execute(statement) }
            try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            for statement in inLog { try connection.execute(statement) }
            try copy(scratch, to: path)
            if !inLog.isEmpty { try copy(scratch + "-wal", to: path + "-wal") }
        } catch {
            throw Failure(description: "\(path): \(error.message)")
        }
    }

    private static func copy(_ from: String, to: String) throws(SQLiteError) {
        guard let input = fopen(from, "rb") else { throw SQLiteError(code: SQLITE_CANTOPEN, message: "\(from): \(SystemError.message(errno))") }
        defer { fclose(input) }
        guard let output = fopen(to, "wb") else { throw SQLiteError(code: SQLITE_CANTOPEN, message: "\(to): \(SystemError.message(errno))") }
        defer { fclose(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, input) }
            if count == 0 { break }
            _ = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, count, output) }
        }
    }
}
