import FeedParser
import Foundation
import Spool
import State
import Testing

/// A spool that cannot be written: nothing is marked seen, nothing is lost,
/// the feed is retried next time, and the error is one line naming the
/// feed and the path.
@Suite("Unwritable spool and full disk")
struct BadInputTests {
    /// Polls `entries` expecting the delivery to fail; returns the error.
    private func failingPoll(_ entries: [Entry], _ state: StateStore, _ spool: Spool) throws -> StorageError {
        let fresh = try state.newEntries(feed: "blog", entries: entries, updates: false)
        #expect(fresh.count == entries.count)
        do {
            try spool.deliver(articles(fresh), feed: "blog", state: state)
        } catch {
            return error
        }
        Issue.record("delivery into \(spool.path) should have failed")
        return StorageError(operation: "", path: "", reason: "")
    }

    private func expectNothingHappened(_ entries: [Entry], _ state: StateStore, _ spool: Spool) throws {
        #expect(try state.pendingCount() == 0)
        for entry in entries { #expect(try !state.isSeen(feed: "blog", key: entry.guid ?? "")) }
        #expect(files(in: spool.newFolder).isEmpty)
        #expect(try state.newEntries(feed: "blog", entries: entries, updates: false).count == entries.count)
    }

    @Test func spoolPathUnderARegularFileFailsNamingFeedAndPath() throws {
        let folder = try TemporaryFolder()
        let state = try StateStore.open(folder: folder.path + "/state")
        _ = FileManager.default.createFile(atPath: folder.path + "/file", contents: Data("x".utf8))
        let spool = Spool(path: folder.path + "/file/spool")
        let error = try failingPoll([post(1)], state, spool)
        #expect(error.feed == "blog")
        #expect(error.description.hasPrefix("blog: cannot create folder \(folder.path)/file/spool"))
        #expect(!error.description.contains("\n"))
        try expectNothingHappened([post(1)], state, spool)
    }

    @Test func readOnlySpoolFolderMarksNothingSeenAndIsRetried() throws {
        let folder = try TemporaryFolder()
        let state = try StateStore.open(folder: folder.path + "/state")
        var mounted: SmallFileSystem?
        let spool: Spool
        if getuid() != 0 {
            spool = Spool(path: folder.path + "/spool")
            try spool.recover(state: state)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: spool.temporaryFolder)
        } else if let small = try SmallFileSystem(size: "1m") {
            // Root ignores permission bits; a read-only mount stops even root.
            mounted = small
            spool = Spool(path: small.path + "/spool")
            try spool.recover(state: state)
            try small.remount("ro")
        } else {
            print("skipped: running as root, which ignores chmod 555, and mounting a read-only tmpfs is not permitted")
            return
        }
        let error = try failingPoll([post(1), post(2)], state, spool)
        #expect(error.description.hasPrefix("blog: cannot write \(spool.temporaryFolder)/"))
        try expectNothingHappened([post(1), post(2)], state, spool)
        // Writable again: the next poll delivers both, once.
        if let mounted { try mounted.remount("rw") } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: spool.temporaryFolder)
        }
        #expect(try poll([post(1), post(2)], state: state, spool: spool).count == 2)
        #expect(files(in: spool.newFolder).count == 2)
    }

    @Test func fullDiskMarksNothingSeenLeavesNoPartialFilesAndIsRetried() throws {
        guard let disk = try SmallFileSystem(size: "64k") else {
            print("skipped: mounting a 64 KiB tmpfs to fill up is not permitted here (needs root)")
            return
        }
        let folder = try TemporaryFolder()
        let state = try StateStore.open(folder: folder.path + "/state")
        let spool = Spool(path: disk.path + "/spool")
        // Five 20 KB articles: the first two or three fit, then the disk is full.
        let big = String(repeating: "<p>All work and no play makes Jack a dull boy.</p>", count: 400)
        let entries = (1...5).map { post($0, content: big) }
        let fresh = try state.newEntries(feed: "blog", entries: entries, updates: false)
        let heavy = fresh.map { item in
            var article = articles([item])[0]
            article.contentHTML = item.entry.content
            return article
        }
        #expect(throws: StorageError.self) { try spool.deliver(heavy, feed: "blog", state: state) }
        do {
            try spool.deliver(heavy, feed: "blog", state: state)
        } catch {
            #expect(error.description.hasPrefix("blog: cannot write \(spool.temporaryFolder)/"))
            #expect(error.description.hasSuffix(": No space left on device"))
        }
        #expect(files(in: spool.temporaryFolder).isEmpty)
        try expectNothingHappened(entries, state, spool)
        // Space is freed: the same entries come again and are delivered once.
        try disk.remount("size=4m")
        let retried = try state.newEntries(feed: "blog", entries: entries, updates: false)
        try spool.deliver(articles(retried), feed: "blog", state: state)
        #expect(files(in: spool.newFolder).count == 5)
        #expect(try state.newEntries(feed: "blog", entries: entries, updates: false).isEmpty)
    }
}
