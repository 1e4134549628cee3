import Foundation
@testable import Spool
@testable import State
import Testing

/// `StateReader`, what `feedspool status` reads with: no lock, no writes,
/// nothing created, alongside the process that holds the store.
@Suite("Reading the state without the lock")
struct StateReaderTests {
    @Test func readsWhatTheHolderCommitsWhileItHoldsTheLock() throws {
        let folder = try TemporaryFolder()
        let (state, _) = try folder.open()
        try state.setFeedState(FeedState(lastResult: "ok: 3 new"), for: "blog")
        let reader = try #require(try StateReader.open(folder: folder.path + "/state"))
        #expect(try reader.feedStates() == ["blog": FeedState(lastResult: "ok: 3 new")])

        let failed = FeedState(lastResult: "HTTP 503", errorCount: 1,
                               retryAfter: Date(timeIntervalSince1970: 1_732_969_500))
        try state.setFeedStates([("blog", failed), ("lwn", FeedState(etag: "\"e\""))])
        #expect(try reader.feedStates() == ["blog": failed, "lwn": FeedState(etag: "\"e\"")])
    }

    @Test func noStateFolderIsNoStateAndStaysAbsent() throws {
        let folder = try TemporaryFolder()
        #expect(try StateReader.open(folder: folder.path + "/state") == nil)
        #expect(files(in: folder.path) == [])
    }

    @Test func anEmptyStateFolderIsNoStateAndStaysEmpty() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/state", withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        #expect(try StateReader.open(folder: folder.path + "/state") == nil)
        #expect(files(in: folder.path + "/state") == [])
    }

    @Test func aDatabaseWithoutTablesIsNoState() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/state", withIntermediateDirectories: false)
        try Data().write(to: URL(fileURLWithPath: folder.path + "/state/" + StateStore.databaseName))
        #expect(try StateReader.open(folder: folder.path + "/state") == nil)
    }

    @Test func readingChangesNothingInTheDatabase() throws {
        let folder = try TemporaryFolder()
        do {
            let (state, _) = try folder.open()
            try state.setFeedState(FeedState(lastResult: "304"), for: "blog")
        }
        // Closed: the last connection folded the WAL into the database.
        let database = folder.path + "/state/" + StateStore.databaseName
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        do {
            let reader = try #require(try StateReader.open(folder: folder.path + "/state"))
            #expect(try reader.feedStates() == ["blog": FeedState(lastResult: "304")])
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
        // SQLite's -wal and -shm, if the reader made them, hold nothing of
        // the database, and the next writer takes them over.
        #expect(((try? FileManager.default.attributesOfItem(atPath: database + "-wal")[.size]) as? Int ?? 0) == 0)
        let (state, _) = try folder.open()
        try state.setFeedState(FeedState(lastResult: "200"), for: "blog")
        #expect(try state.feedState("blog") == FeedState(lastResult: "200"))
    }

    @Test func aSchemaOneStoreIsReadWithoutMigratingIt() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/state", withIntermediateDirectories: false)
        let path = folder.path + "/state/" + StateStore.databaseName
        do {
            // The `feeds` table as schema 1 made it.
            let old = try Database(path: path)
            try old.execute("""
                PRAGMA journal_mode = WAL;
                CREATE TABLE feeds (
                    name TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_result TEXT,
                    error_count INTEGER NOT NULL DEFAULT 0, redirect TEXT, gone INTEGER NOT NULL DEFAULT 0,
                    last_fetch REAL, next_fetch REAL, retry_after REAL,
                    repeats_guids INTEGER NOT NULL DEFAULT 0, last_read REAL
                ) WITHOUT ROWID;
                INSERT INTO feeds (name, last_result, error_count, gone) VALUES ('oldblog', 'HTTP 410 Gone', 1, 1);
                PRAGMA user_version = 1;
                """)
        }
        let reader = try #require(try StateReader.open(folder: folder.path + "/state"))
        #expect(try reader.feedStates() == ["oldblog": FeedState(lastResult: "HTTP 410 Gone", errorCount: 1, gone: true)])
        let version = try Database(path: path, readOnly: true).statement("PRAGMA user_version").firstRow([]) {
            $0.integer(0)
        }
        #expect(version == 1)
    }

    @Test func aSchemaTwoStoreIsReadAsItIsThenMigratedKeepingEveryFeed() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/state", withIntermediateDirectories: false)
        let path = folder.path + "/state/" + StateStore.databaseName
        do {
            // The `feeds` table as schema 2 made it, without the counts.
            let old = try Database(path: path)
            try old.execute("""
                PRAGMA journal_mode = WAL;
                CREATE TABLE feeds (
                    name TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_result TEXT,
                    error_count INTEGER NOT NULL DEFAULT 0, redirect TEXT, gone INTEGER NOT NULL DEFAULT 0,
                    last_fetch REAL, next_fetch REAL, retry_after REAL,
                    repeats_guids INTEGER NOT NULL DEFAULT 0, last_read REAL
                ) WITHOUT ROWID;
                INSERT INTO feeds (name, etag, last_result, error_count) VALUES ('lwn', '"v1"', 'ok: 3 new', 0);
                PRAGMA user_version = 2;
                """)
        }
        let before = FeedState(etag: "\"v1\"", lastResult: "ok: 3 new")
        do {
            let reader = try #require(try StateReader.open(folder: folder.path + "/state"))
            #expect(try reader.feedStates() == ["lwn": before])
        }
        let state = try StateStore.open(folder: folder.path + "/state")
        #expect(try state.feedState("lwn") == before)
        var after = before
        (after.httpStatus, after.lastError, after.deliveredTotal, after.lastNew) = (200, "HTTP 503", 5, 2)
        (after.lastUpdated, after.polls, after.notModifiedPolls) = (1, 4, 1)
        try state.setFeedState(after, for: "lwn")
        #expect(try state.feedState("lwn") == after)
        let reader = try #require(try StateReader.open(folder: folder.path + "/state"))
        #expect(try reader.feedStates() == ["lwn": after])
    }

    /// The `feeds` table as schemas 1 and 2 made it, before the template counts.
    private static let schemaTwoFeeds = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE feeds (
            name TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_result TEXT,
            error_count INTEGER NOT NULL DEFAULT 0, redirect TEXT, gone INTEGER NOT NULL DEFAULT 0,
            last_fetch REAL, next_fetch REAL, retry_after REAL,
            repeats_guids INTEGER NOT NULL DEFAULT 0, last_read REAL
        ) WITHOUT ROWID;
        CREATE TABLE seen (feed TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, updated REAL,
            delivered INTEGER NOT NULL, last_seen REAL NOT NULL, PRIMARY KEY (feed, key)) WITHOUT ROWID;
        CREATE TABLE pending (id TEXT PRIMARY KEY, feed TEXT NOT NULL, key TEXT NOT NULL,
            fingerprint TEXT NOT NULL, updated REAL, second INTEGER NOT NULL, file TEXT NOT NULL);
        INSERT INTO feeds (name, etag, last_result) VALUES ('blog', '"v2"', 'ok: 2 new');
        INSERT INTO seen VALUES ('blog', 'urn:post:1', 'f', NULL, 1732968000, 1732968000);
        PRAGMA user_version = 2;
        """

    @Test func aSchemaTwoStoreIsReadWithoutTemplateCounts() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/state", withIntermediateDirectories: false)
        let path = folder.path + "/state/" + StateStore.databaseName
        do { try Database(path: path).execute(Self.schemaTwoFeeds) }
        let reader = try #require(try StateReader.open(folder: folder.path + "/state"))
        #expect(try reader.feedStates() == ["blog": FeedState(etag: "\"v2\"", lastResult: "ok: 2 new")])
        let version = try Database(path: path, readOnly: true).statement("PRAGMA user_version").firstRow([]) {
            $0.integer(0)
        }
        #expect(version == 2)
    }

    @Test func aSchemaTwoStoreIsMigratedKeepingItsFeedsAndSeenKeys() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/state", withIntermediateDirectories: false)
        do { try Database(path: folder.path + "/state/" + StateStore.databaseName).execute(Self.schemaTwoFeeds) }
        let (state, _) = try folder.open()
        #expect(try state.feedState("blog") == FeedState(etag: "\"v2\"", lastResult: "ok: 2 new"))
        #expect(try state.isSeen(feed: "blog", key: "urn:post:1"))
        let counted = FeedState(etag: "\"v3\"", templateBlocksLastDelivery: 2, templateBlocksTotal: 9)
        try state.setFeedState(counted, for: "blog")
        let reader = try #require(try StateReader.open(folder: folder.path + "/state"))
        #expect(try reader.feedStates() == ["blog": counted])
    }

    /// A `feeds` table as one of the two schemas 3 made it: the schema 2
    /// table with `columns` more, and one feed with `values` in them.
    private static func schemaThreeFeeds(columns: String, values: String) -> String {
        schemaTwoFeeds
            .replacingOccurrences(of: "last_read REAL\n", with: "last_read REAL, \(columns)\n")
            .replacingOccurrences(of: "INSERT INTO feeds (name, etag, last_result) VALUES ('blog', '\"v2\"', 'ok: 2 new');",
                                  with: "INSERT INTO feeds VALUES ('blog', '\"v2\"', NULL, 'ok: 2 new', 0, NULL, 0, "
                                      + "NULL, NULL, NULL, 0, NULL, \(values));")
            .replacingOccurrences(of: "PRAGMA user_version = 2;", with: "PRAGMA user_version = 3;")
    }

    /// Schema 3 as the template counts made it.
    private static let templateSchemaThree = schemaThreeFeeds(
        columns: "template_last INTEGER NOT NULL DEFAULT 0, template_total INTEGER NOT NULL DEFAULT 0",
        values: "2, 9")

    /// Schema 3 as the service's counts made it.
    private static let serviceSchemaThree = schemaThreeFeeds(
        columns: """
            http_status INTEGER, last_error TEXT, delivered_total INTEGER NOT NULL DEFAULT 0,
            last_new INTEGER NOT NULL DEFAULT 0, last_updated INTEGER NOT NULL DEFAULT 0,
            polls INTEGER NOT NULL DEFAULT 0, not_modified_polls INTEGER NOT NULL DEFAULT 0
            """,
        values: "304, 'HTTP 503', 7, 2, 1, 5, 3")

    @Test(arguments: [
        (templateSchemaThree, FeedState(etag: "\"v2\"", lastResult: "ok: 2 new",
                                        templateBlocksLastDelivery: 2, templateBlocksTotal: 9)),
        (serviceSchemaThree, FeedState(etag: "\"v2\"", lastResult: "ok: 2 new", httpStatus: 304,
                                       lastError: "HTTP 503", deliveredTotal: 7, lastNew: 2, lastUpdated: 1,
                                       polls: 5, notModifiedPolls: 3)),
    ])
    func eitherSchemaThreeIsReadAsItIsThenMigratedToEveryColumn(schema: String, stored: FeedState) throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/state", withIntermediateDirectories: false)
        let path = folder.path + "/state/" + StateStore.databaseName
        do { try Database(path: path).execute(schema) }
        do {
            let reader = try #require(try StateReader.open(folder: folder.path + "/state"))
            #expect(try reader.feedStates() == ["blog": stored])
            let version = try Database(path: path, readOnly: true).statement("PRAGMA user_version").firstRow([]) {
                $0.integer(0)
            }
            #expect(version == 3)
        }
        let (state, _) = try folder.open()
        #expect(try state.feedState("blog") == stored)
        #expect(try state.isSeen(feed: "blog", key: "urn:post:1"))
        let counted = FeedState(etag: "\"v4\"", httpStatus: 200, lastError: "timed out", deliveredTotal: 9,
                                lastNew: 1, lastUpdated: 1, polls: 6, notModifiedPolls: 3,
                                templateBlocksLastDelivery: 4, templateBlocksTotal: 13)
        try state.setFeedState(counted, for: "blog")
        let reader = try #require(try StateReader.open(folder: folder.path + "/state"))
        #expect(try reader.feedStates() == ["blog": counted])
    }

    @Test func aStoreOfANewerFeedspoolIsRefused() throws {
        let folder = try TemporaryFolder()
        do {
            let (state, _) = try folder.open()
            try state.withDatabase { database throws(StorageError) in try database.execute("PRAGMA user_version = 9") }
        }
        let error = #expect(throws: StorageError.self) { try StateReader.open(folder: folder.path + "/state") }
        #expect(error?.reason == "written by a newer feedspool (schema 9, this one knows 5)")
    }
}
