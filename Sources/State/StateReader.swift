#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A read-only look at a state store, for `feedspool status` while `feedspool run` (or `once`) holds it.
/// It takes no lock on `state/lock`, creates no folder or database, and runs no
/// migration or recovery. The store's WAL mode lets it read while the holder
/// writes: each statement sees the last commit before it started, never half a
/// transaction.
///
/// SQLite reads a WAL database only with its `-shm` and `-wal` files: while
/// the holder runs they exist; otherwise SQLite creates them (empty, owned
/// like the database even when root reads), which needs write access to the
/// state folder. The next writer uses them as its own.
///
/// Threading: one thread at a time.
public final class StateReader {
    private let database: Database
    /// The columns of the store's `feeds` table: those added since schema 2 that it lacks read as their defaults.
    private let feedColumns: Set<String>

    private init(database: Database, feedColumns: Set<String>) {
        self.database = database
        self.feedColumns = feedColumns
    }

    /// Opens the state store in `folder` for reading.
    /// - Returns: nil when there is no state yet: no folder, no database,
    ///   or a database without tables (no feedspool has recorded anything).
    /// - Throws: `StorageError` when the folder cannot be searched, the
    ///   database cannot be read, or a newer feedspool wrote it.
    public static func open(folder: String) throws(StorageError) -> StateReader? {
        let path = folder + "/" + StateStore.databaseName
        guard try FileSystem.exists(path) else { return nil }
        let database = try Database(path: path, readOnly: true)
        // A store not migrated yet (an older feedspool wrote it, and none
        // has opened it for writing since) reads as well as a current one.
        // Its version does not say which columns it has: two lines of
        // development each wrote a schema 3 with columns of their own.
        guard try StateStore.schemaVersion(of: database) > 0 else { return nil }
        return StateReader(database: database, feedColumns: try StateStore.feedColumns(of: database))
    }

    /// What is remembered about fetching each feed the store knows, by name, as of one moment.
    /// The last commit before the call. A feed missing from the result was
    /// never fetched (its state is the default).
    public func feedStates() throws(StorageError) -> [String: FeedState] {
        var states: [String: FeedState] = [:]
        let columns = StateStore.feedStateColumns(present: feedColumns)
        try database.statement("SELECT \(columns), name FROM feeds").rows([]) { row in
            if let name = row.text(StateStore.feedStateColumnCount) { states[name] = StateStore.feedState(from: row) }
        }
        return states
    }

    /// Per feed, the articles whose `exec` command failed and wait to be tried again.
    /// Also the earliest next try; empty for a store from before schema 5.
    public func hookFailures() throws(StorageError) -> [String: (articles: Int, nextTry: Date?)] {
        let hasTable = try database.statement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'hook_runs'")
            .firstRow([]) { _ in true } ?? false
        guard hasTable else { return [:] }
        var failures: [String: (articles: Int, nextTry: Date?)] = [:]
        try database.statement("SELECT feed, count(*), min(retry_after) FROM hook_runs WHERE failures > 0 GROUP BY feed")
            .rows([]) { row in
                if let feed = row.text(0) {
                    failures[feed] = (Int(row.integer(1) ?? 0), row.real(2).map(Date.init(timeIntervalSince1970:)))
                }
            }
        return failures
    }
}
