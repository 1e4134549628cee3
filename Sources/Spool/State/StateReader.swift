/// A read-only look at a state store, for `feedspool status` while
/// `feedspool run` (or `once`) holds it: it takes no lock on `state/lock`,
/// creates no folder or database, and runs no migration or recovery. The
/// store's WAL mode lets it read while the holder writes: each statement
/// sees the last commit before it started, never half a transaction.
///
/// SQLite reads a WAL database only with its `-shm` and `-wal` files: while
/// the holder runs they exist; otherwise SQLite creates them (empty, owned
/// like the database even when root reads), which needs write access to the
/// state folder. The next writer uses them as its own.
///
/// Threading: one thread at a time.
public final class StateReader {
    private let database: Database
    /// The store's schema: columns added since read as their defaults.
    private let schema: Int64

    private init(database: Database, schema: Int64) {
        self.database = database
        self.schema = schema
    }

    /// Opens the state store in `folder` for reading.
    /// - Returns: nil when there is no state yet: no folder, no database,
    ///   or a database without tables (no feedspool has recorded anything).
    /// - Throws: `SpoolError` when the folder cannot be searched, the
    ///   database cannot be read, or a newer feedspool wrote it.
    public static func open(folder: String) throws(SpoolError) -> StateReader? {
        let path = folder + "/" + StateStore.databaseName
        guard try FileSystem.exists(path) else { return nil }
        let database = try Database(path: path, readOnly: true)
        // A store not migrated yet (schema 1 or 2) reads as well as a
        // current one: the columns it lacks read as their defaults.
        let schema = try StateStore.schemaVersion(of: database)
        guard schema > 0 else { return nil }
        return StateReader(database: database, schema: schema)
    }

    /// What is remembered about fetching each feed the store knows, by
    /// name, as of one moment: the last commit before the call. A feed
    /// missing from the result was never fetched (its state is the default).
    public func feedStates() throws(SpoolError) -> [String: FeedState] {
        var states: [String: FeedState] = [:]
        let columns = StateStore.feedStateColumns(schema: schema)
        try database.statement("SELECT \(columns), name FROM feeds").rows([]) { row in
            if let name = row.text(StateStore.feedStateColumnCount) { states[name] = StateStore.feedState(from: row) }
        }
        return states
    }
}
