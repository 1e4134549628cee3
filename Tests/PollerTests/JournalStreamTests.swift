import Foundation
import Poller
@testable import Spool
import Testing

/// Whether standard error is the journal's stream: only when
/// `$JOURNAL_STREAM` names that very file, never by inheritance.
@Suite struct JournalStreamTests {
    @Test func theVariableCountsOnlyWhenItNamesTheDescriptorsOwnFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("feedspool-stream-\(UUID().uuidString)").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        try #require(descriptor >= 0)
        defer { close(descriptor); unlink(path) }
        var stats = stat()
        try #require(fstat(descriptor, &stats) == 0)
        #expect(JournalStream.isJournal("\(stats.st_dev):\(stats.st_ino)", descriptor: descriptor))
        #expect(!JournalStream.isJournal("\(stats.st_dev):\(stats.st_ino + 1)", descriptor: descriptor))
        for malformed in [nil, "", "\(stats.st_dev)", "\(stats.st_dev):\(stats.st_ino):1", "x:\(stats.st_ino)"] {
            #expect(!JournalStream.isJournal(malformed, descriptor: descriptor))
        }
    }
}

/// The line `run` logs after start-up recovery.
@Suite struct RecoveryReportTests {
    @Test func recoveryIsReportedOnlyWhenItDidSomething() {
        #expect(Spool.Recovery().report == nil)
        #expect(Spool.Recovery(moved: 1, alreadyDelivered: 2, strayFilesRemoved: 0).report
            == "finished deliveries an earlier process left: 1 article moved into new/, 2 already there, "
            + "0 unrecorded files removed from tmp/")
    }
}
