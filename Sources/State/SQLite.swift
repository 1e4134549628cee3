import CSQLite

/// A value bound to a statement parameter.
package enum SQLValue {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// The SQLite edge of the state store: one connection and its prepared statements.
/// The only file of the module that calls SQLite.
///
/// Threading: a connection serves one thread at a time. `StateStore` holds
/// the lock that makes it so; nothing else reaches a `Database`.
package final class Database {
    /// The database file.
    package let path: String
    private var handle: OpaquePointer?
    private var statements: [String: Statement] = [:]

    /// Opens the database at `path`.
    /// Creating it, or with `readOnly`, only an existing one, which this
    /// connection then never writes.
    package init(path: String, readOnly: Bool = false) throws(StorageError) {
        self.path = path
        var connection: OpaquePointer?
        let code = readOnly ? fs_sqlite_open_readonly(path, &connection) : fs_sqlite_open(path, &connection)
        handle = connection
        guard code == SQLITE_OK else {
            let reason = connection.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(connection)
            handle = nil
            throw StorageError(operation: "cannot open state database", path: path, reason: reason)
        }
        sqlite3_busy_timeout(connection, 5000)
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more SQL statements that take no parameters.
    package func execute(_ sql: String) throws(StorageError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        if code != SQLITE_OK { throw error(code) }
    }

    /// The prepared statement for `sql`, made once and reused.
    package func statement(_ sql: String) throws(StorageError) -> Statement {
        if let statement = statements[sql] { return statement }
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard code == SQLITE_OK, let prepared else { throw error(code) }
        let statement = Statement(handle: prepared, database: self)
        statements[sql] = statement
        return statement
    }

    /// Runs `body` in one write transaction, committed when it returns and rolled back when it throws.
    /// `BEGIN IMMEDIATE` takes the write lock up front, so a transaction never
    /// fails half-way for lack of it.
    ///
    /// A transaction that is not `durable` commits without syncing the
    /// write-ahead log (`synchronous = NORMAL`): a crash may undo it, but
    /// only together with every transaction after it, since the next
    /// durable commit syncs the log up to its own end. For bookkeeping that
    /// the next run redoes anyway; the delivery protocol's steps are durable.
    package func transaction<Result>(durable: Bool = true, _ body: () throws(StorageError) -> Result) throws(StorageError) -> Result {
        if !durable { try execute("PRAGMA synchronous = NORMAL") }
        defer { if !durable { _ = sqlite3_exec(handle, "PRAGMA synchronous = FULL", nil, nil, nil) } }
        try execute("BEGIN IMMEDIATE")
        do throws(StorageError) {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            // After a failed COMMIT SQLite may already have rolled back.
            if sqlite3_get_autocommit(handle) == 0 { _ = sqlite3_exec(handle, "ROLLBACK", nil, nil, nil) }
            throw error
        }
    }

    /// How many rows the last INSERT, UPDATE or DELETE changed.
    package var changes: Int {
        Int(sqlite3_changes(handle))
    }

    /// An error for result `code`, with SQLite's message.
    fileprivate func error(_ code: Int32) -> StorageError {
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        return StorageError(operation: "state database", path: path, reason: message)
    }
}

/// A prepared statement, reset after every use so it can be run again.
package final class Statement {
    private let handle: OpaquePointer
    private unowned let database: Database

    fileprivate init(handle: OpaquePointer, database: Database) {
        self.handle = handle
        self.database = database
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Runs the statement with `values` bound to its parameters, ignoring any rows.
    package func run(_ values: [SQLValue]) throws(StorageError) {
        try rows(values) { _ in }
    }

    /// Runs the statement and calls `body` with each row.
    package func rows(_ values: [SQLValue], _ body: (Row) throws(StorageError) -> Void) throws(StorageError) {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        try bind(values)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw database.error(code) }
            try body(Row(handle: handle))
        }
    }

    /// The first row the statement returns, mapped by `transform`; nil when none.
    package func firstRow<Value>(_ values: [SQLValue], _ transform: (Row) -> Value) throws(StorageError) -> Value? {
        var result: Value?
        try rows(values) { row in
            if result == nil { result = transform(row) }
        }
        return result
    }

    private func bind(_ values: [SQLValue]) throws(StorageError) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null:
                code = sqlite3_bind_null(handle, index)
            case .integer(let number):
                code = sqlite3_bind_int64(handle, index, number)
            case .real(let number):
                code = sqlite3_bind_double(handle, index, number)
            case .text(var text):
                code = text.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) {
                        fs_sqlite_bind_text(handle, index, $0.baseAddress, Int32($0.count))
                    }
                }
            case .blob(let bytes):
                code = bytes.withUnsafeBytes { fs_sqlite_bind_blob(handle, index, $0.baseAddress, Int32($0.count)) }
            }
            if code != SQLITE_OK { throw database.error(code) }
        }
    }
}

/// The current row of a running statement; valid only inside the callback that receives it.
package struct Row {
    fileprivate let handle: OpaquePointer

    /// Column `index` as text; nil for NULL.
    package func text(_ index: Int32) -> String? {
        var length: Int32 = 0
        guard let bytes = fs_sqlite_column_text(handle, index, &length) else { return nil }
        return bytes.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self)
        }
    }

    /// Column `index` as an integer; nil for NULL.
    package func integer(_ index: Int32) -> Int64? {
        fs_sqlite_column_is_null(handle, index) != 0 ? nil : sqlite3_column_int64(handle, index)
    }

    /// Column `index` as a floating-point number; nil for NULL.
    package func real(_ index: Int32) -> Double? {
        fs_sqlite_column_is_null(handle, index) != 0 ? nil : sqlite3_column_double(handle, index)
    }

    /// Column `index` as bytes; nil for NULL.
    package func blob(_ index: Int32) -> [UInt8]? {
        if fs_sqlite_column_is_null(handle, index) != 0 { return nil }
        // The pointer first, then the size: SQLite's documented order.
        let bytes = sqlite3_column_blob(handle, index)
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let bytes else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }
}
