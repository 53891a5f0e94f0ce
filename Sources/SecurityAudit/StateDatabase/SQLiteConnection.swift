import VaporCSQLite

/// Why a database could not be read, in SQLite's words ("file is not a database").
struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    var code: Int32
    var message: String

    var description: String { message }

    /// Corrupt, encrypted or not a database at all.
    var isNotReadableDatabase: Bool {
        let primary = code & 0xFF
        return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB
    }
}

/// One SQLite connection used from one thread, with the few calls the scan needs.
final class SQLiteConnection {
    let handle: OpaquePointer

    /// Opens `path` with `flags` through the VFS named `vfs` (nil: the system's).
    init(path: String, flags: Int32, vfs: String? = nil) throws(SQLiteError) {
        var db: OpaquePointer?
        let code = sqlite_nio_sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, vfs)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? String(cString: sqlite_nio_sqlite3_errstr(code))
            sqlite_nio_sqlite3_close_v2(db)
            throw SQLiteError(code: code, message: message)
        }
        handle = db
    }

    deinit {
        sqlite_nio_sqlite3_close_v2(handle)
    }

    func execute(_ sql: String) throws(SQLiteError) {
        var failure: UnsafeMutablePointer<CChar>?
        let code = sqlite_nio_sqlite3_exec(handle, sql, nil, nil, &failure)
        guard code == SQLITE_OK else {
            let message = failure.map { String(cString: $0) } ?? lastError(code).message
            sqlite_nio_sqlite3_free(failure)
            throw SQLiteError(code: code, message: message)
        }
    }

    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite_nio_sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw lastError(code) }
        return SQLiteStatement(statement, connection: self)
    }

    /// Caps the size of one value SQLite will load: a larger one fails its statement
    /// with SQLITE_TOOBIG instead of taking that much memory.
    func limitValueLength(_ bytes: Int32) {
        _ = sqlite_nio_sqlite3_limit(handle, SQLITE_LIMIT_LENGTH, bytes)
    }

    /// Stops the statement running on this connection (callable from another thread).
    func interrupt() {
        sqlite_nio_sqlite3_interrupt(handle)
    }

    func lastError(_ code: Int32) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite_nio_sqlite3_errmsg(handle)))
    }
}

/// A prepared statement; columns are read between `step()` calls.
final class SQLiteStatement {
    let handle: OpaquePointer
    let connection: SQLiteConnection

    init(_ handle: OpaquePointer, connection: SQLiteConnection) {
        self.handle = handle
        self.connection = connection
    }

    deinit {
        sqlite_nio_sqlite3_finalize(handle)
    }

    /// True with a row, false at the end.
    func step() throws(SQLiteError) -> Bool {
        let code = sqlite_nio_sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw connection.lastError(code)
    }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite_nio_sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: String) {
        // SQLITE_TRANSIENT: SQLite copies the text.
        sqlite_nio_sqlite3_bind_text(handle, index, value, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
    }

    var columnCount: Int32 { sqlite_nio_sqlite3_column_count(handle) }

    func columnName(_ index: Int32) -> String {
        sqlite_nio_sqlite3_column_name(handle, index).map { String(cString: $0) } ?? ""
    }

    func columnType(_ index: Int32) -> Int32 { sqlite_nio_sqlite3_column_type(handle, index) }

    func int64(_ index: Int32) -> Int64 { sqlite_nio_sqlite3_column_int64(handle, index) }

    func text(_ index: Int32) -> String? {
        sqlite_nio_sqlite3_column_text(handle, index).map { String(cString: $0) }
    }

    /// The bytes of a TEXT or BLOB value as stored (no conversion), valid until the next
    /// `step()` or column call; nil for an empty value.
    func bytes(_ index: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let pointer = sqlite_nio_sqlite3_column_blob(handle, index) else { return nil }
        let count = Int(sqlite_nio_sqlite3_column_bytes(handle, index))
        return UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: count)
    }
}
