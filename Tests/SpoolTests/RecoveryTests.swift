import Foundation
@testable import Spool
import Testing

/// Start-up recovery from each state a killed process can leave a batch in.
/// The states are set up through the protocol's own steps, stopped early.
@Suite("Recovery of interrupted deliveries")
struct RecoveryTests {
    /// A batch of two articles taken through step 1 (and step 2's files
    /// when `files`), and through step 3 when `written`.
    private func interruptedBatch(_ state: StateStore, _ spool: Spool, files writeFiles: Bool, written: Bool) throws -> [PendingArticle] {
        try FileManager.default.createDirectory(atPath: spool.temporaryFolder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: spool.newFolder, withIntermediateDirectories: true)
        let fresh = try state.newEntries(feed: "blog", entries: [post(1), post(2)], updates: false)
        let rows = try state.recordIntents(articles(fresh), now: Date())
        if writeFiles {
            for row in rows { try Data(row.json).write(to: URL(fileURLWithPath: spool.temporaryFolder + "/" + row.file)) }
        }
        if written { try state.markWritten(rows) }
        return rows
    }

    private func expectDeliveredOnce(_ state: StateStore, _ spool: Spool, in folder: String? = nil) throws {
        #expect(try state.pendingCounts() == PendingCounts(intent: 0, written: 0))
        #expect(try state.isSeen(feed: "blog", key: "urn:post:1") && state.isSeen(feed: "blog", key: "urn:post:2"))
        #expect(files(in: spool.temporaryFolder).isEmpty)
        let ids = try documents(in: folder ?? spool.newFolder).compactMap { $0["id"] as? String }
        #expect(ids.sorted() == [EntryKeys.articleID(feed: "blog", key: "urn:post:1"),
                                 EntryKeys.articleID(feed: "blog", key: "urn:post:2")].sorted())
        #expect(try poll([post(1), post(2)], state: state, spool: spool).isEmpty)
    }

    @Test func intentWithoutFilesIsWrittenFromStoredJSONAndDelivered() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        _ = try interruptedBatch(state, spool, files: false, written: false)
        #expect(try state.pendingCounts() == PendingCounts(intent: 2, written: 0))
        #expect(try spool.recover(state: state).rewritten == 2)
        try expectDeliveredOnce(state, spool)
    }

    @Test func intentWithHalfWrittenFileIsRewrittenWhole() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        let rows = try interruptedBatch(state, spool, files: false, written: false)
        try Data("{\"schema\":1,\"id\":\"21".utf8).write(to: URL(fileURLWithPath: spool.temporaryFolder + "/" + rows[0].file))
        try spool.recover(state: state)
        try expectDeliveredOnce(state, spool)
    }

    @Test func intentIsNotOfferedAgainByTheFeedBeforeRecovery() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        _ = try interruptedBatch(state, spool, files: true, written: false)
        #expect(try state.newEntries(feed: "blog", entries: [post(1), post(2), post(3)], updates: false).map(\.key) == ["urn:post:3"])
    }

    @Test func writtenWithFileStillInTmpIsMovedIntoNew() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        _ = try interruptedBatch(state, spool, files: true, written: true)
        let recovery = try spool.recover(state: state)
        #expect(recovery.moved == 2 && recovery.rewritten == 0)
        try expectDeliveredOnce(state, spool)
    }

    @Test func writtenWithOneFileMovedAndOneNotFinishesBoth() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        let rows = try interruptedBatch(state, spool, files: true, written: true)
        try FileManager.default.moveItem(atPath: spool.temporaryFolder + "/" + rows[0].file, toPath: spool.newFolder + "/" + rows[0].file)
        let recovery = try spool.recover(state: state)
        #expect(recovery.moved == 1 && recovery.alreadyDelivered == 1)
        try expectDeliveredOnce(state, spool)
    }

    @Test func writtenWhoseFileTheConsumerAlreadyClaimedIsOnlyMarkedDelivered() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        let rows = try interruptedBatch(state, spool, files: true, written: true)
        try FileManager.default.createDirectory(atPath: spool.claimedFolder, withIntermediateDirectories: true)
        for row in rows {
            try FileManager.default.moveItem(atPath: spool.temporaryFolder + "/" + row.file, toPath: spool.claimedFolder + "/" + row.file)
        }
        #expect(try spool.recover(state: state).alreadyDelivered == 2)
        #expect(files(in: spool.newFolder).isEmpty)
        try expectDeliveredOnce(state, spool, in: spool.claimedFolder)
    }

    @Test func writtenWhoseFileTheConsumerAlreadyDeletedIsNotDeliveredAgain() throws {
        let folder = try TemporaryFolder()
        let (state, spool) = try folder.open()
        let rows = try interruptedBatch(state, spool, files: true, written: true)
        for row in rows { try FileManager.default.removeItem(atPath: spool.temporaryFolder + "/" + row.file) }
        try spool.recover(state: state)
        #expect(files(in: spool.newFolder).isEmpty)
        #expect(try state.pendingCounts() == PendingCounts(intent: 0, written: 0))
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
        _ = try interruptedBatch(state, spool, files: true, written: true)
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
}
