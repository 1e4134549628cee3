import Foundation
@testable import Spool
@testable import State
import Testing

/// Start-up recovery from each state a killed process can leave a batch in.
/// The states are set up through the protocol's own steps, stopped early.
@Suite("Recovery of interrupted deliveries")
struct RecoveryTests {
    /// A batch of two articles taken through step 1 (its files in `tmp/`)
    /// when `files`, and through step 2 (recorded as pending) when `recorded`.
    private func interruptedBatch(_ state: StateStore, _ spool: Spool, files writeFiles: Bool, recorded: Bool) throws -> [PendingArticle] {
        try FileManager.default.createDirectory(atPath: spool.temporaryFolder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: spool.newFolder, withIntermediateDirectories: true)
        let fresh = try state.newEntries(feed: "blog", entries: [post(1), post(2)], updates: false)
        let planned = try state.plan(articles(fresh), now: Date())
        if writeFiles {
            for article in planned {
                try Data(article.json).write(to: URL(fileURLWithPath: spool.temporaryFolder + "/" + article.row.file))
            }
        }
        if recorded { try state.recordPending(planned.map(\.row)) }
        return planned.map(\.row)
    }

    private func expectDeliveredOnce(_ state: StateStore, _ spool: Spool, in folder: String? = nil) throws {
        #expect(try state.pendingCount() == 0)
        #expect(try state.isSeen(feed: "blog", key: "urn:post:1") && state.isSeen(feed: "blog", key: "urn:post:2"))
        #expect(files(in: spool.temporaryFolder).isEmpty)
        let ids = try documents(in: folder ?? spool.newFolder).compactMap { $0["id"] as? String }
        #expect(ids.sorted() == [EntryKeys.articleID(feed: "blog", key: "urn:post:1"),
                                 EntryKeys.articleID(feed: "blog", key: "urn:post:2")].sorted())
        #expect(try poll([post(1), post(2)], state: state, spool: spool).isEmpty)
    }

    @Test func filesWrittenButNotRecordedAreRemovedAndTheirEntriesOfferedAgain() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        let rows = try interruptedBatch(state, spool, files: true, recorded: false)
        // A kill during step 1 can also leave a partial file.
        try Data("{\"schema\":1,\"id\":\"21".utf8).write(to: URL(fileURLWithPath: spool.temporaryFolder + "/" + rows[0].file))
        #expect(try state.pendingCount() == 0)
        #expect(try spool.recover(state: state) == Spool.Recovery(strayFilesRemoved: 2))
        #expect(files(in: spool.temporaryFolder).isEmpty && files(in: spool.newFolder).isEmpty)
        #expect(try poll([post(1), post(2)], state: state, spool: spool).count == 2)
        try expectDeliveredOnce(state, spool)
    }

    @Test func pendingEntryIsNotOfferedAgainByTheFeedBeforeRecovery() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        _ = try interruptedBatch(state, spool, files: true, recorded: true)
        #expect(try state.newEntries(feed: "blog", entries: [post(1), post(2), post(3)], updates: false).map(\.key) == ["urn:post:3"])
    }

    @Test func pendingWithFileStillInTmpIsMovedIntoNew() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        _ = try interruptedBatch(state, spool, files: true, recorded: true)
        let recovery = try spool.recover(state: state)
        #expect(recovery == Spool.Recovery(moved: 2))
        try expectDeliveredOnce(state, spool)
    }

    @Test func pendingWithOneFileMovedAndOneNotFinishesBoth() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        let rows = try interruptedBatch(state, spool, files: true, recorded: true)
        try FileManager.default.moveItem(atPath: spool.temporaryFolder + "/" + rows[0].file, toPath: spool.newFolder + "/" + rows[0].file)
        let recovery = try spool.recover(state: state)
        #expect(recovery.moved == 1 && recovery.alreadyDelivered == 1)
        try expectDeliveredOnce(state, spool)
    }

    @Test func pendingWhoseFileTheConsumerAlreadyClaimedIsOnlyMarkedDelivered() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        let rows = try interruptedBatch(state, spool, files: true, recorded: true)
        try FileManager.default.createDirectory(atPath: spool.claimedFolder, withIntermediateDirectories: true)
        for row in rows {
            try FileManager.default.moveItem(atPath: spool.temporaryFolder + "/" + row.file, toPath: spool.claimedFolder + "/" + row.file)
        }
        #expect(try spool.recover(state: state).alreadyDelivered == 2)
        #expect(files(in: spool.newFolder).isEmpty)
        try expectDeliveredOnce(state, spool, in: spool.claimedFolder)
    }

    @Test func pendingWhoseFileTheConsumerAlreadyDeletedIsNotDeliveredAgain() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        let rows = try interruptedBatch(state, spool, files: true, recorded: true)
        for row in rows { try FileManager.default.removeItem(atPath: spool.temporaryFolder + "/" + row.file) }
        try spool.recover(state: state)
        #expect(files(in: spool.newFolder).isEmpty)
        #expect(try state.pendingCount() == 0)
        #expect(try poll([post(1), post(2)], state: state, spool: spool).isEmpty)
    }

    @Test func strayFileInTmpIsRemoved() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        try FileManager.default.createDirectory(atPath: spool.temporaryFolder, withIntermediateDirectories: true)
        try Data("{".utf8).write(to: URL(fileURLWithPath: spool.temporaryFolder + "/20240101T000000Z-0000000000000000.json"))
        #expect(try spool.recover(state: state).strayFilesRemoved == 1)
        #expect(files(in: spool.temporaryFolder).isEmpty && files(in: spool.newFolder).isEmpty)
    }

    @Test func nextDeliveryOfTheFeedFinishesItsLeftoversWithoutRecover() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        _ = try interruptedBatch(state, spool, files: true, recorded: true)
        let delivered = try spool.deliver([], feed: "blog", state: state)
        #expect(delivered.count == 2)
        try expectDeliveredOnce(state, spool)
    }

    @Test func recoveryOfACleanSpoolDoesNothing() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        try poll([post(1)], state: state, spool: spool)
        #expect(try spool.recover(state: state) == Spool.Recovery())
        #expect(files(in: spool.newFolder).count == 1)
    }

    @Test func schemaOneStoreKeepsItsCompleteFilesAndForgetsTheRest() throws {
        let folder = try TemporaryFolder()
        let spool = Spool(path: folder.path + "/spool")
        try FileManager.default.createDirectory(atPath: spool.temporaryFolder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.path + "/state", withIntermediateDirectories: true)
        // What an earlier build left: post 1 complete (`written`), post 2
        // recorded with its JSON but its file never written (`intent`).
        let written = "20241130T120000Z-\(EntryKeys.articleID(feed: "blog", key: "urn:post:1").prefix(16)).json"
        try Data("{\"schema\":1}\n".utf8).write(to: URL(fileURLWithPath: spool.temporaryFolder + "/" + written))
        do {
            let old = try Database(path: folder.path + "/state/" + StateStore.databaseName)
            try old.execute("""
                CREATE TABLE pending (id TEXT PRIMARY KEY, feed TEXT NOT NULL, key TEXT NOT NULL,
                    fingerprint TEXT NOT NULL, updated REAL, second INTEGER NOT NULL, file TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('intent', 'written')), json BLOB NOT NULL);
                INSERT INTO pending VALUES ('\(EntryKeys.articleID(feed: "blog", key: "urn:post:1"))', 'blog', 'urn:post:1',
                    'f', NULL, 1732968000, '\(written)', 'written', x'7b7d');
                INSERT INTO pending VALUES ('\(EntryKeys.articleID(feed: "blog", key: "urn:post:2"))', 'blog', 'urn:post:2',
                    'f', NULL, 1732968000, '20241130T120000Z-0000000000000002.json', 'intent', x'7b7d');
                PRAGMA user_version = 1;
                """)
        }
        let state = try StateStore.open(folder: folder.path + "/state")
        #expect(try state.pendingCount() == 1)
        #expect(try spool.recover(state: state) == Spool.Recovery(moved: 1))
        #expect(files(in: spool.newFolder) == [written])
        #expect(try state.isSeen(feed: "blog", key: "urn:post:1") && !state.isSeen(feed: "blog", key: "urn:post:2"))
    }
}
