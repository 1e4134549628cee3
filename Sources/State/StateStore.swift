#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FeedParser
import Synchronization

/// The daemon's memory between runs, in one SQLite database (WAL mode) in the state folder.
/// Per feed its fetch state, the keys of the entries already delivered, and the
/// articles half-way through delivery.
///
/// Only one process may use a state folder at a time: `open` takes an
/// exclusive lock on `state/lock`, which the kernel releases when the
/// process ends however it ends. `StateReader` reads the store without
/// the lock, alongside that process.
///
/// Threading: every method may be called from any thread; calls take turns
/// with the one SQLite connection, which a `Mutex` owns: nothing reaches it
/// without the lock. Delivering two batches of the *same* feed at once is
/// not supported (see `Spool.deliver`).
public final class StateStore: @unchecked Sendable {
    /// How long the key of an entry that left its feed is remembered: 90 days.
    public static let defaultRetention: TimeInterval = 90 * 86_400
    /// The database's file name inside the state folder.
    public static let databaseName = "state.sqlite"
    /// The schema version this code writes (SQLite's `user_version`).
    static let schemaVersion: Int64 = 5

    /// The state folder.
    public let folder: String
    /// The database file.
    public let databasePath: String

    private let connection: Mutex<Database>
    private let lockDescriptor: Int32

    private init(folder: String, database: consuming sending Database, lockDescriptor: Int32) {
        self.folder = folder
        databasePath = database.path
        connection = Mutex(database)
        self.lockDescriptor = lockDescriptor
    }

    deinit {
        FileSystem.unlock(lockDescriptor)
    }

    /// Opens the state store in `folder`, creating the folder and the database when missing.
    /// A folder it creates is private (0700): the spool is what consumers
    /// share, often through a group (the systemd unit's umask 0007), and the
    /// state must not be theirs to write.
    /// - Throws: `StorageError` when the folder cannot be made, another
    ///   process holds it, or the database cannot be opened or is newer.
    public static func open(folder: String) throws(StorageError) -> StateStore {
        try FileSystem.makeDirectories(folder, mode: 0o700)
        let descriptor = try FileSystem.lockExclusively(folder + "/lock")
        do throws(StorageError) {
            let database = try Database(path: folder + "/" + databaseName)
            try createSchema(in: database)
            return StateStore(folder: folder, database: database, lockDescriptor: descriptor)
        } catch {
            FileSystem.unlock(descriptor)
            throw error
        }
    }

    /// Runs `body` with the connection, holding the lock.
    package func withDatabase<Result>(_ body: (Database) throws(StorageError) -> sending Result) throws(StorageError) -> sending Result {
        try connection.withLock { (database: inout sending Database) throws(StorageError) -> sending Result in
            try body(database)
        }
    }

    // MARK: - Feed state

    /// What is remembered about fetching `feed`; the default value for a feed never fetched.
    public func feedState(_ feed: String) throws(StorageError) -> FeedState {
        try withDatabase { database throws(StorageError) in
            try database.statement("SELECT \(Self.feedStateColumns) FROM feeds WHERE name = ?")
                .firstRow([.text(feed)], Self.feedState(from:)) ?? FeedState()
        }
    }

    /// The columns of `feeds` that make a `FeedState`, in the order `feedState(from:)` reads them.
    /// There are `feedStateColumnCount` of them, as a store whose `feeds`
    /// table has the columns `present` has them: the
    /// columns added since schema 2 that it lacks read as their defaults,
    /// so that `StateReader` reads a store this code has not migrated yet.
    static func feedStateColumns(present: Set<String>) -> String {
        "etag, last_modified, last_result, error_count, redirect, gone, last_fetch, next_fetch, retry_after, "
            + addedFeedColumns.map { present.contains($0.name) ? $0.name : $0.absent }.joined(separator: ", ")
    }

    /// `feedStateColumns(present:)` for a store of the current schema.
    static let feedStateColumns = feedStateColumns(present: Set(addedFeedColumns.map(\.name)))

    /// How many columns `feedStateColumns(present:)` selects.
    static let feedStateColumnCount: Int32 = 21

    /// The columns of the `feeds` table of `database`.
    static func feedColumns(of database: Database) throws(StorageError) -> Set<String> {
        var present = Set<String>()
        try database.statement("PRAGMA table_info(feeds)").rows([]) { row in
            if let name = row.text(1) { present.insert(name) }
        }
        return present
    }

    /// The feed state in the first columns of `row`, selected as `feedStateColumns`.
    static func feedState(from row: Row) -> FeedState {
        FeedState(
            etag: row.text(0), lastModified: row.text(1), lastResult: row.text(2),
            errorCount: Int(row.integer(3) ?? 0), permanentRedirect: row.text(4),
            gone: (row.integer(5) ?? 0) != 0, lastFetch: row.real(6).map(Date.init(timeIntervalSince1970:)),
            nextFetch: row.real(7).map(Date.init(timeIntervalSince1970:)),
            retryAfter: row.real(8).map(Date.init(timeIntervalSince1970:)),
            httpStatus: row.integer(9).map { Int($0) }, lastError: row.text(10),
            deliveredTotal: Int(row.integer(11) ?? 0), lastNew: Int(row.integer(12) ?? 0),
            lastUpdated: Int(row.integer(13) ?? 0), polls: Int(row.integer(14) ?? 0),
            notModifiedPolls: Int(row.integer(15) ?? 0),
            templateBlocksLastDelivery: Int(row.integer(16) ?? 0), templateBlocksTotal: Int(row.integer(17) ?? 0),
            feedHint: row.real(18), cacheHint: row.real(19), autoInterval: row.real(20))
    }

    /// Replaces what is remembered about fetching `feed`.
    public func setFeedState(_ state: FeedState, for feed: String) throws(StorageError) {
        try setFeedStates([(feed, state)])
    }

    /// Replaces what is remembered about fetching each feed, in one transaction (one commit for a group of polls).
    public func setFeedStates(_ states: [(feed: String, state: FeedState)]) throws(StorageError) {
        try withDatabase { database throws(StorageError) in
            try database.transaction { () throws(StorageError) in
                let upsert = try database.statement("""
                    INSERT INTO feeds (name, etag, last_modified, last_result, error_count, redirect, gone,
                                       last_fetch, next_fetch, retry_after, http_status, last_error,
                                       delivered_total, last_new, last_updated, polls, not_modified_polls,
                                       template_last, template_total, hint_feed, hint_http, auto_interval)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
                            ?20, ?21, ?22)
                    ON CONFLICT (name) DO UPDATE SET
                        etag = ?2, last_modified = ?3, last_result = ?4, error_count = ?5, redirect = ?6,
                        gone = ?7, last_fetch = ?8, next_fetch = ?9, retry_after = ?10, http_status = ?11,
                        last_error = ?12, delivered_total = ?13, last_new = ?14, last_updated = ?15,
                        polls = ?16, not_modified_polls = ?17, template_last = ?18, template_total = ?19,
                        hint_feed = ?20, hint_http = ?21, auto_interval = ?22
                    """)
                for (feed, state) in states {
                    try upsert.run([
                        .text(feed), optional(state.etag), optional(state.lastModified), optional(state.lastResult),
                        .integer(Int64(state.errorCount)), optional(state.permanentRedirect),
                        .integer(state.gone ? 1 : 0), optional(state.lastFetch), optional(state.nextFetch),
                        optional(state.retryAfter), state.httpStatus.map { .integer(Int64($0)) } ?? .null,
                        optional(state.lastError), .integer(Int64(state.deliveredTotal)),
                        .integer(Int64(state.lastNew)), .integer(Int64(state.lastUpdated)),
                        .integer(Int64(state.polls)), .integer(Int64(state.notModifiedPolls)),
                        .integer(Int64(state.templateBlocksLastDelivery)), .integer(Int64(state.templateBlocksTotal)),
                        optional(seconds: state.feedHint), optional(seconds: state.cacheHint),
                        optional(seconds: state.autoInterval),
                    ])
                }
            }
        }
    }

    // MARK: - Seen entries

    /// The entries of a freshly parsed document that should be delivered.
    /// Those never delivered (`new`) and, with `updates`, those that changed
    /// since their last delivery (`update`: a later `updated` date, or a
    /// different title, summary or content). Entries already on their way (an
    /// earlier delivery of this feed failed half-way) are left out: the next
    /// `Spool.deliver` for the feed finishes them.
    ///
    /// Also records that every entry present was seen now, which starts the
    /// retention clock of those that left, and remembers for good that the
    /// feed repeats guids once a document does. Those records are committed
    /// without waiting for the disk: a crash may undo them, and the next
    /// reading of the feed writes them again.
    /// - Parameters:
    ///   - feed: The feed's name.
    ///   - entries: All entries of the document, in document order.
    ///   - updates: Whether changed entries are delivered again.
    ///   - backlog: On the feed's first reading (`isFirstReading`), the
    ///     most entries offered: the newest; the others are recorded as
    ///     seen, never delivered, also not as updates. Nil offers them all.
    ///   - accepts: The feed's filters: entries it rejects are not offered,
    ///     nor counted in `backlog`, nor recorded.
    ///   - now: The time of this reading.
    /// - Returns: The entries to deliver, in document order, each key once.
    public func newEntries(feed: String, entries: [Entry], updates: Bool, backlog: Int? = nil,
                           accepts: (Entry) -> Bool = { _ in true }, now: Date = Date()) throws(StorageError) -> [NewEntry] {
        let repeatsNow = EntryKeys.guidsRepeat(in: entries)
        var guidCounts: [String: Int] = [:]
        for entry in entries {
            if let guid = EntryKeys.present(entry.guid) { guidCounts[guid, default: 0] += 1 }
        }
        let time = now.timeIntervalSince1970
        return try withDatabase { database throws(StorageError) in
            try database.transaction(durable: false) { () throws(StorageError) -> [NewEntry] in
                let repeatedBefore = try database.statement("SELECT repeats_guids FROM feeds WHERE name = ?")
                    .firstRow([.text(feed)]) { $0.integer(0) ?? 0 } ?? 0
                let useGuid = !repeatsNow && repeatedBefore == 0
                let isFirst = backlog == nil ? false : try Self.isFirstReading(of: feed, in: database)
                try database.statement("""
                    INSERT INTO feeds (name, repeats_guids, last_read) VALUES (?1, ?2, ?3)
                    ON CONFLICT (name) DO UPDATE SET repeats_guids = max(repeats_guids, ?2), last_read = ?3
                    """).run([.text(feed), .integer(useGuid ? 0 : 1), .real(time)])

                let isPending = try database.statement("SELECT 1 FROM pending WHERE feed = ? AND key = ?")
                let lookUp = try database.statement(
                    "SELECT fingerprint, updated, delivered FROM seen WHERE feed = ? AND key = ?")
                let touch = try database.statement("UPDATE seen SET last_seen = ? WHERE feed = ? AND key = ?")
                let copy = try database.statement("""
                    INSERT OR IGNORE INTO seen (feed, key, fingerprint, updated, delivered, last_seen)
                    SELECT feed, ?3, fingerprint, updated, delivered, ?4 FROM seen WHERE feed = ?1 AND key = ?2
                    """)

                var keys = Set<String>()
                var result: [NewEntry] = []
                for entry in entries {
                    let key = EntryKeys.key(for: entry, useGuid: useGuid)
                    guard keys.insert(key).inserted else { continue }
                    if try isPending.firstRow([.text(feed), .text(key)], { _ in true }) != nil { continue }
                    let fingerprint = EntryKeys.fingerprint(of: entry)
                    var record = try lookUp.firstRow([.text(feed), .text(key)]) { row in
                        (fingerprint: row.text(0), updated: row.real(1), delivered: row.integer(2))
                    }
                    // A feed that took to repeating guids is keyed by links
                    // from then on; an entry delivered under its (still
                    // unique) guid before must not come again under its link.
                    if record == nil, !useGuid, let guid = EntryKeys.present(entry.guid), guid != key,
                       guidCounts[guid] == 1
                    {
                        record = try lookUp.firstRow([.text(feed), .text(guid)]) { row in
                            (fingerprint: row.text(0), updated: row.real(1), delivered: row.integer(2))
                        }
                        if record != nil {
                            try copy.run([.text(feed), .text(guid), .text(key), .real(time)])
                        }
                    }
                    guard let record else {
                        result.append(NewEntry(entry: entry, key: key, kind: .new, fingerprint: fingerprint))
                        continue
                    }
                    try touch.run([.real(time), .text(feed), .text(key)])
                    guard updates, record.delivered != Self.neverDelivered else { continue }
                    let later = entry.updated.map { updated in
                        record.updated.map { updated.timeIntervalSince1970 > $0 } ?? false
                    } ?? false
                    if later || record.fingerprint != fingerprint {
                        result.append(NewEntry(entry: entry, key: key, kind: .update, fingerprint: fingerprint))
                    }
                }
                result = result.filter { accepts($0.entry) }
                if isFirst, let backlog {
                    let (kept, rest) = Self.newest(result, count: backlog)
                    try Self.recordNeverDelivered(rest, feed: feed, time: time, in: database)
                    result = kept
                }
                return result
            }
        }
    }

    /// Whether an entry key of `feed` is recorded as delivered.
    public func isSeen(feed: String, key: String) throws(StorageError) -> Bool {
        try withDatabase { database throws(StorageError) in
            try database.statement("SELECT 1 FROM seen WHERE feed = ? AND key = ?")
                .firstRow([.text(feed), .text(key)]) { _ in true } ?? false
        }
    }

    /// Forgets the keys of entries that left their feed more than `retention` ago.
    /// A key is only forgotten once its entry was missing from the feed's
    /// latest document: a feed that stops answering for a while does not have
    /// its current entries delivered again when it comes back.
    /// - Returns: How many keys were forgotten.
    @discardableResult
    public func prune(retention: TimeInterval = StateStore.defaultRetention, now: Date = Date()) throws(StorageError) -> Int {
        try withDatabase { database throws(StorageError) in
            try database.statement("""
                DELETE FROM seen WHERE last_seen < ?1
                AND last_seen < (SELECT last_read FROM feeds WHERE feeds.name = seen.feed)
                """).run([.real(now.timeIntervalSince1970 - retention)])
            return database.changes
        }
    }

    /// Forgets a feed removed from the configuration: its fetch state and its seen keys.
    /// Articles still half-way through delivery are kept and finished by
    /// `Spool.recover`.
    public func forgetFeed(_ feed: String) throws(StorageError) {
        try withDatabase { database throws(StorageError) in
            try database.transaction { () throws(StorageError) in
                try database.statement("DELETE FROM seen WHERE feed = ?").run([.text(feed)])
                try database.statement("DELETE FROM feeds WHERE name = ?").run([.text(feed)])
            }
        }
    }

    // MARK: - Schema

    /// The schema version of `database`: 0 for one without tables.
    /// - Throws: `StorageError` when a newer feedspool wrote it, which this
    ///   one can neither migrate nor read.
    static func schemaVersion(of database: Database) throws(StorageError) -> Int64 {
        let version = try database.statement("PRAGMA user_version").firstRow([]) { $0.integer(0) ?? 0 } ?? 0
        if version > schemaVersion {
            throw StorageError(operation: "state database", path: database.path,
                             reason: "written by a newer feedspool (schema \(version), this one knows \(schemaVersion))")
        }
        return version
    }

    private static func createSchema(in database: Database) throws(StorageError) {
        // WAL lets a reader (`feedspool status`, through `StateReader`) look
        // while the daemon writes; synchronous=FULL makes each commit
        // durable before it returns, which the delivery protocol's ordering
        // relies on.
        try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")
        let version = try schemaVersion(of: database)
        guard version < schemaVersion else { return }
        try database.transaction { () throws(StorageError) in
            if version == 1 {
                // Schema 1 kept each pending article's JSON, to write its
                // file again after a crash. Rows whose file was complete
                // (`written`) are kept; the others are forgotten, so their
                // entries are offered again and their files in tmp/ removed.
                try database.execute("""
                    DELETE FROM pending WHERE state <> 'written';
                    CREATE TEMP TABLE kept AS SELECT id, feed, key, fingerprint, updated, second, file FROM pending;
                    DROP TABLE pending;
                    """)
            }
            try database.execute("""
                CREATE TABLE IF NOT EXISTS feeds (
                    name TEXT PRIMARY KEY,
                    etag TEXT, last_modified TEXT, last_result TEXT,
                    error_count INTEGER NOT NULL DEFAULT 0,
                    redirect TEXT, gone INTEGER NOT NULL DEFAULT 0,
                    last_fetch REAL, next_fetch REAL, retry_after REAL,
                    repeats_guids INTEGER NOT NULL DEFAULT 0,
                    last_read REAL,
                    \(addedFeedColumns.map { "\($0.name) \($0.definition)" }.joined(separator: ",\n"))
                ) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS seen (
                    feed TEXT NOT NULL,
                    key TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    updated REAL,
                    delivered INTEGER NOT NULL,
                    last_seen REAL NOT NULL,
                    PRIMARY KEY (feed, key)
                ) WITHOUT ROWID;
                CREATE INDEX IF NOT EXISTS seen_by_last_seen ON seen (last_seen);
                CREATE TABLE IF NOT EXISTS pending (
                    id TEXT PRIMARY KEY,
                    feed TEXT NOT NULL,
                    key TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    updated REAL,
                    second INTEGER NOT NULL,
                    file TEXT NOT NULL
                );
                CREATE INDEX IF NOT EXISTS pending_by_feed ON pending (feed, key);
                CREATE TABLE IF NOT EXISTS hook_runs (
                    file TEXT PRIMARY KEY,
                    feed TEXT NOT NULL,
                    failures INTEGER NOT NULL DEFAULT 0,
                    retry_after REAL,
                    claimed INTEGER NOT NULL DEFAULT 0,
                    process TEXT
                ) WITHOUT ROWID;
                PRAGMA user_version = \(schemaVersion);
                """)
            if version == 1 {
                try database.execute("INSERT INTO pending SELECT * FROM temp.kept; DROP TABLE temp.kept;")
            }
            // Schemas 3 and 4 added columns to `feeds`. A store at schema 3 has
            // one of two sets of them (two lines of development each took
            // schema 3), so what is missing is looked up, not inferred from
            // the version.
            let present = try feedColumns(of: database)
            for column in addedFeedColumns where !present.contains(column.name) {
                try database.execute("ALTER TABLE feeds ADD COLUMN \(column.name) \(column.definition);")
            }
        }
    }

    /// The columns of `feeds` added since schema 2, with their definitions and what a store without them reads as.
    /// The last response's status and error and the counts behind `feedspool
    /// status --json`, and the blocks each feed's template removed.
    private static let addedFeedColumns: [(name: String, definition: String, absent: String)] = [
        ("http_status", "INTEGER", "NULL"), ("last_error", "TEXT", "NULL"),
        ("delivered_total", "INTEGER NOT NULL DEFAULT 0", "0"), ("last_new", "INTEGER NOT NULL DEFAULT 0", "0"),
        ("last_updated", "INTEGER NOT NULL DEFAULT 0", "0"), ("polls", "INTEGER NOT NULL DEFAULT 0", "0"),
        ("not_modified_polls", "INTEGER NOT NULL DEFAULT 0", "0"),
        ("template_last", "INTEGER NOT NULL DEFAULT 0", "0"), ("template_total", "INTEGER NOT NULL DEFAULT 0", "0"),
        // Schema 5: the feed's and the server's hints, and what `interval = auto` measured.
        ("hint_feed", "REAL", "NULL"), ("hint_http", "REAL", "NULL"), ("auto_interval", "REAL", "NULL"),
    ]
}

/// A bound value for an optional text.
package func optional(_ text: String?) -> SQLValue {
    text.map(SQLValue.text) ?? .null
}

/// A bound value for an optional number of seconds.
package func optional(seconds: Double?) -> SQLValue {
    seconds.map(SQLValue.real) ?? .null
}

/// A bound value for an optional date, as seconds since 1970.
package func optional(_ date: Date?) -> SQLValue {
    date.map { .real($0.timeIntervalSince1970) } ?? .null
}
