#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The spool directory scripts consume, and the protocol that puts each
/// article into it exactly once, whenever the process dies.
///
/// ```
/// SPOOL/tmp/   being written; consumers never look here
/// SPOOL/new/   complete articles: 20241130T120000Z-<16 hex of id>.json
/// SPOOL/cur/   claimed: a consumer renames a file from new/ to cur/, then deletes it
/// ```
///
/// Delivery runs five steps per batch, each a single transaction or a
/// single folder sync for the whole batch (docs/spool.md has the proof):
/// 1. record every article as pending `intent`, with its file name and JSON;
/// 2. write each file into `tmp/` and fsync it, then fsync `tmp/`;
/// 3. mark the batch `written`;
/// 4. rename each file into `new/`, then fsync `new/`;
/// 5. mark the keys seen and forget the pending rows.
///
/// Threading: a `Spool` is a value; any thread may deliver, but batches of
/// one feed must not be delivered concurrently, and `recover` must run
/// before any delivery (at start-up).
public struct Spool: Sendable {
    /// The spool folder.
    public let path: String

    /// A spool at `path`. Nothing is touched until the first delivery or
    /// recovery, which create `tmp/`, `new/` and `cur/` when missing.
    public init(path: String) {
        self.path = path
    }

    /// Where files are written before they are complete.
    public var temporaryFolder: String { path + "/tmp" }
    /// Where complete articles wait for consumers.
    public var newFolder: String { path + "/new" }
    /// Where consumers move the articles they claimed.
    public var claimedFolder: String { path + "/cur" }

    // MARK: - Delivery

    /// Puts `articles` of one feed into `new/`, each exactly once, and marks
    /// their keys seen. Articles of this feed left half-way by an earlier
    /// failed delivery are finished first, so call this for every feed
    /// fetched, even with no new articles.
    ///
    /// When a file cannot be written (a full disk, an unwritable folder)
    /// nothing of the batch is marked seen and nothing appears in `new/`:
    /// the entries come back from `StateStore.newEntries` next time. A
    /// failure after the files are complete (step 3) leaves the batch to
    /// be finished by the next delivery of the feed or by `recover`.
    /// - Parameters:
    ///   - articles: The feed's new articles; those already delivered or
    ///     pending are skipped.
    ///   - feed: The feed's name (every article's `feed.name`).
    ///   - state: The state store of this spool.
    ///   - now: The delivery time, which the file names carry.
    /// - Returns: The names of the files put into `new/`, earlier leftovers included.
    /// - Throws: `SpoolError` naming the feed and the path that failed.
    @discardableResult
    public func deliver(_ articles: [SpoolArticle], feed: String, state: StateStore, now: Date = Date()) throws(SpoolError) -> [String] {
        do throws(SpoolError) {
            if let stray = articles.first(where: { $0.feed.name != feed }) {
                throw SpoolError(operation: "cannot deliver an article of feed \"\(stray.feed.name)\" into",
                                 path: path, reason: "articles of one feed only")
            }
            try makeFolders()
            var delivered: [String] = []
            let leftovers = try state.pendingArticles(feed: feed)
            if !leftovers.isEmpty {
                var ignored = Recovery()
                delivered += try finish(leftovers, state: state, now: now, report: &ignored)
            }
            guard !articles.isEmpty else { return delivered }
            let rows = try state.recordIntents(articles, now: now)
            CrashPoint.reached("1")
            guard !rows.isEmpty else { return delivered }
            var ignored = Recovery()
            delivered += try finish(rows, state: state, now: now, report: &ignored, discardOnFailure: true)
            return delivered
        } catch {
            throw error.naming(feed: feed)
        }
    }

    /// What `recover` found and did.
    public struct Recovery: Sendable, Equatable {
        /// Articles recorded but not known to be written: written again
        /// from their stored JSON and delivered.
        public var rewritten = 0
        /// Complete files still in `tmp/`: moved into `new/`.
        public var moved = 0
        /// Files already moved into `new/` (and perhaps claimed since):
        /// only marked delivered.
        public var alreadyDelivered = 0
        /// Files in `tmp/` that no pending article names, removed.
        public var strayFilesRemoved = 0
    }

    /// Finishes every delivery a killed process left half-way, then removes
    /// stray files from `tmp/`. Call it at start-up, before any delivery.
    /// A feed whose articles cannot be finished now (the disk is still
    /// full) does not stop the others; the first error is thrown at the end
    /// and the articles stay pending for the next attempt.
    @discardableResult
    public func recover(state: StateStore, now: Date = Date()) throws(SpoolError) -> Recovery {
        try makeFolders()
        var recovery = Recovery()
        var firstError: SpoolError?
        let pending = try state.pendingArticles(feed: nil)
        var start = pending.startIndex
        while start < pending.endIndex {
            let feed = pending[start].feed
            let end = pending[start...].firstIndex { $0.feed != feed } ?? pending.endIndex
            do throws(SpoolError) {
                _ = try finish(Array(pending[start..<end]), state: state, now: now, report: &recovery)
            } catch {
                if firstError == nil { firstError = error.naming(feed: feed) }
            }
            start = end
        }
        if let firstError { throw firstError }
        let named = Set(try state.pendingArticles(feed: nil).map(\.file))
        for name in try FileSystem.names(in: temporaryFolder) where !named.contains(name) {
            try FileSystem.remove(temporaryFolder + "/" + name)
            recovery.strayFilesRemoved += 1
        }
        return recovery
    }

    // MARK: - The protocol

    /// Takes pending articles of one feed from wherever they are to step 5.
    /// `intent` rows get their file (re)written from the stored JSON;
    /// `written` rows whose file is still in `tmp/` are renamed; `written`
    /// rows without one were renamed before the crash and are only marked.
    /// With `discardOnFailure`, a failure before step 3 committed forgets
    /// the rows (nothing is seen, the entries are offered again).
    private func finish(
        _ rows: [PendingArticle], state: StateStore, now: Date, report: inout Recovery,
        discardOnFailure: Bool = false
    ) throws(SpoolError) -> [String] {
        let intents = rows.filter { $0.state == .intent }
        if !intents.isEmpty {
            do throws(SpoolError) {
                // Step 2.
                for row in intents {
                    try FileSystem.writeSynced(row.json, to: temporaryFolder + "/" + row.file)
                    CrashPoint.reached("tmpfile")
                }
                try FileSystem.syncDirectory(temporaryFolder)
                CrashPoint.reached("2")
                // Step 3: the point of no return.
                try state.markWritten(intents)
                CrashPoint.reached("3")
            } catch {
                if discardOnFailure { discard(intents, state: state) }
                throw error
            }
            report.rewritten += intents.count
        }
        // Step 4.
        var moved: [String] = []
        for row in rows {
            let source = temporaryFolder + "/" + row.file
            if row.state == .written, try !FileSystem.exists(source) {
                report.alreadyDelivered += 1
                continue
            }
            try FileSystem.move(source, to: newFolder + "/" + row.file)
            CrashPoint.reached("rename")
            moved.append(row.file)
            if row.state == .written { report.moved += 1 }
        }
        try FileSystem.syncDirectory(newFolder)
        CrashPoint.reached("4")
        // Step 5.
        try state.markDelivered(rows, now: now)
        CrashPoint.reached("5")
        return moved
    }

    /// Undoes steps 1–2 after a failure before step 3 committed: the rows
    /// go first, then the files, so that a failure half-way leaves either
    /// rows that recovery finishes or files no row names (removed by
    /// `recover`), never a `written` row whose file vanished.
    private func discard(_ rows: [PendingArticle], state: StateStore) {
        guard (try? state.discardPending(rows)) != nil else { return }
        for row in rows {
            try? FileSystem.remove(temporaryFolder + "/" + row.file)
        }
    }

    private func makeFolders() throws(SpoolError) {
        for folder in [temporaryFolder, newFolder, claimedFolder] {
            try FileSystem.makeDirectories(folder)
        }
    }
}
