#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import State

/// The spool directory scripts consume, and the protocol that fills it.
/// The protocol puts each article into it exactly once, whenever the process dies.
///
/// ```
/// SPOOL/tmp/   being written; consumers never look here
/// SPOOL/new/   complete articles: 20241130T120000Z-<16 hex of id>.json
/// SPOOL/cur/   claimed: a consumer renames a file from new/ to cur/, then deletes it
/// ```
///
/// Delivery runs four steps per batch, a batch holding the articles of one
/// or several feeds; each step is a single transaction or a single sync for
/// the whole batch (docs/spool.md has the proof):
/// 1. write each file into `tmp/`, make them all durable (one `syncfs`, or
///    an fsync each), then fsync `tmp/`;
/// 2. record every article as pending, with its file name;
/// 3. rename each file into `new/`, then fsync `new/`;
/// 4. mark the keys seen and forget the pending rows.
///
/// Threading: a `Spool` is a value; any thread may deliver, but batches
/// sharing a feed must not be delivered concurrently, and `recover` must run
/// before any delivery (at start-up).
public struct Spool: Sendable {
    /// The spool folder.
    public let path: String
    /// Where complete articles go instead of `new/` (`sink = redis://…`).
    /// `tmp/` still stages them, so the protocol and its recovery are the same.
    public let stream: (any ArticleStream)?

    /// A spool at `path`, delivering into `new/`, or into `stream` when given.
    /// Nothing is touched until the first delivery or recovery, which create
    /// `tmp/`, `new/` and `cur/` when missing.
    public init(path: String, stream: (any ArticleStream)? = nil) {
        self.path = path
        self.stream = stream
    }

    /// Where files are written before they are complete.
    public var temporaryFolder: String { path + "/tmp" }
    /// Where complete articles wait for consumers.
    public var newFolder: String { path + "/new" }
    /// Where consumers move the articles they claimed.
    public var claimedFolder: String { path + "/cur" }

    // MARK: - Delivery

    /// The articles of one feed, a part of a batch for `deliver(_:state:now:)`.
    public struct FeedArticles: Sendable {
        /// The feed's name (every article's `feed.name`).
        public var feed: String
        /// The feed's new articles; those already delivered or pending are skipped.
        public var articles: [SpoolArticle]

        /// Makes a part of a batch.
        public init(feed: String, articles: [SpoolArticle]) {
            self.feed = feed
            self.articles = articles
        }
    }

    /// Puts the articles of several feeds into `new/`, each exactly once, and marks their keys seen.
    /// The protocol runs once for the whole batch: one transaction per step,
    /// one sync of the files, one sync of each folder (group commit). Articles of these feeds left half-way by
    /// an earlier failed delivery are finished in the same batch, so include
    /// every feed fetched, even with no new articles.
    ///
    /// When a file cannot be written (a full disk, an unwritable folder)
    /// nothing of the batch is marked seen and nothing of its new articles
    /// appears in `new/`: every feed of the batch has failed, and its entries
    /// come back from `StateStore.newEntries` next time. A failure once the
    /// articles are recorded (step 2) leaves the batch to be finished by the
    /// next delivery of its feeds or by `recover`.
    /// - Parameters:
    ///   - batch: The feeds and their articles, each feed at most once.
    ///   - state: The state store of this spool.
    ///   - now: The delivery time, which the file names carry.
    /// - Returns: Per feed, the names of the files put into `new/`, earlier
    ///   leftovers included; a feed with none may be missing.
    /// - Throws: `StorageError` naming the path that failed (and the feed,
    ///   when the failure is one feed's).
    @discardableResult
    public func deliver(_ batch: [FeedArticles], state: StateStore, now: Date = Date()) throws(StorageError) -> [String: [String]] {
        var feeds = Set<String>()
        for part in batch {
            guard feeds.insert(part.feed).inserted else {
                throw StorageError(feed: part.feed, operation: "cannot deliver a feed twice in one batch into",
                                 path: path, reason: "one part per feed")
            }
            if let stray = part.articles.first(where: { $0.feed.name != part.feed }) {
                throw StorageError(feed: part.feed, operation: "cannot deliver an article of feed \"\(stray.feed.name)\" into",
                                 path: path, reason: "articles of one feed only")
            }
        }
        try makeFolders()
        var leftovers: [PendingArticle] = []
        for part in batch {
            leftovers += try state.pendingArticles(feed: part.feed)
        }
        let articles = batch.flatMap(\.articles)
        let fresh = articles.isEmpty ? [] : try state.plan(articles, now: now)
        if !fresh.isEmpty { try write(fresh, state: state) }
        let rows = leftovers + fresh.map(\.row)
        guard !rows.isEmpty else { return [:] }
        var ignored = Recovery()
        let moved = try finish(rows, state: state, now: now, report: &ignored)
        return Dictionary(grouping: moved, by: \.feed).mapValues { $0.map(\.file) }
    }

    /// Puts `articles` of one feed into `new/`.
    /// A batch of one feed (`deliver(_:state:now:)`), for callers that poll one
    /// feed at a time.
    /// - Returns: The names of the files put into `new/`, earlier leftovers included.
    /// - Throws: `StorageError` naming the feed and the path that failed.
    @discardableResult
    public func deliver(_ articles: [SpoolArticle], feed: String, state: StateStore, now: Date = Date()) throws(StorageError) -> [String] {
        do throws(StorageError) {
            return try deliver([FeedArticles(feed: feed, articles: articles)], state: state, now: now)[feed] ?? []
        } catch {
            throw error.naming(feed: feed)
        }
    }

    /// What `recover` found and did.
    public struct Recovery: Sendable, Equatable {
        /// Complete files still in `tmp/`: moved into `new/`.
        public var moved = 0
        /// Files already moved into `new/` (and perhaps claimed since): only marked delivered.
        public var alreadyDelivered = 0
        /// Files in `tmp/` that no pending article names, removed.
        /// Written by a delivery that died before recording them (step 2),
        /// whose entries the feeds offer again.
        public var strayFilesRemoved = 0
    }

    /// Finishes every delivery a killed process left half-way, then removes stray files from `tmp/`.
    /// Call it at start-up, before any delivery. A feed whose articles cannot
    /// be finished now (a folder cannot be written) does not stop the others;
    /// the first error is thrown at the end and the articles stay pending for
    /// the next attempt.
    @discardableResult
    public func recover(state: StateStore, now: Date = Date()) throws(StorageError) -> Recovery {
        try makeFolders()
        var recovery = Recovery()
        var firstError: StorageError?
        let pending = try state.pendingArticles(feed: nil)
        var start = pending.startIndex
        while start < pending.endIndex {
            let feed = pending[start].feed
            let end = pending[start...].firstIndex { $0.feed != feed } ?? pending.endIndex
            do throws(StorageError) {
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

    /// Steps 1 and 2 for new articles. When either fails, the articles are
    /// forgotten (nothing is seen; the entries are offered again) and their
    /// files removed: the rows go first, so that a failure half-way leaves
    /// either rows whose complete files recovery delivers, or files no row
    /// names (removed by `recover`), never a row whose file vanished.
    private func write(_ articles: [PlannedArticle], state: StateStore) throws(StorageError) {
        var recorded = false
        do throws(StorageError) {
            // Step 1.
            try FileSystem.writeAllSynced(articles.map { (temporaryFolder + "/" + $0.row.file, $0.json) },
                                          onFileSystemOf: temporaryFolder) { CrashPoint.reached("tmpfile") }
            try FileSystem.syncDirectory(temporaryFolder)
            CrashPoint.reached("1")
            // Step 2: the point of no return.
            recorded = true
            try state.recordPending(articles.map(\.row))
            CrashPoint.reached("2")
        } catch {
            // A failed commit may still have reached the disk: forget the rows first.
            if recorded, (try? state.discardPending(articles.map(\.row))) == nil { throw error }
            for article in articles {
                try? FileSystem.remove(temporaryFolder + "/" + article.row.file)
            }
            throw error
        }
    }

    /// Steps 3 and 4 for pending articles: into `new/`, then marked delivered.
    /// Each file still in `tmp/` is renamed into `new/`; a row without one
    /// was renamed before a crash (and perhaps claimed since) and is only
    /// marked delivered.
    /// - Returns: The rows whose file this call moved into `new/`.
    private func finish(_ rows: [PendingArticle], state: StateStore, now: Date,
                        report: inout Recovery) throws(StorageError) -> [PendingArticle] {
        // Step 3.
        if let stream { return try finish(rows, into: stream, state: state, now: now, report: &report) }
        var moved: [PendingArticle] = []
        for row in rows {
            let source = temporaryFolder + "/" + row.file
            guard try FileSystem.exists(source) else {
                report.alreadyDelivered += 1
                continue
            }
            try FileSystem.move(source, to: newFolder + "/" + row.file)
            CrashPoint.reached("rename")
            moved.append(row)
        }
        report.moved += moved.count
        try FileSystem.syncDirectory(newFolder)
        CrashPoint.reached("3")
        // Step 4.
        try state.markDelivered(rows, now: now)
        CrashPoint.reached("4")
        return moved
    }

    /// Steps 3 and 4 into a stream: added to it, then marked delivered.
    /// Each file still in `tmp/` is added to the stream (which skips what it
    /// holds already), then removed; a row without a file was added before a
    /// crash and is only marked delivered.
    private func finish(_ rows: [PendingArticle], into stream: any ArticleStream, state: StateStore, now: Date,
                        report: inout Recovery) throws(StorageError) -> [PendingArticle] {
        var added: [PendingArticle] = []
        var articles: [StreamArticle] = []
        for row in rows {
            let file = temporaryFolder + "/" + row.file
            guard try FileSystem.exists(file) else {
                report.alreadyDelivered += 1
                continue
            }
            articles.append(StreamArticle(id: row.id, feed: row.feed, json: try FileSystem.contents(of: file)))
            added.append(row)
        }
        if !articles.isEmpty {
            do throws(StreamError) {
                try stream.add(articles)
            } catch {
                throw StorageError(feed: rows.count == 1 ? rows[0].feed : nil, operation: "cannot add articles to",
                                 path: stream.name, reason: error.description)
            }
            CrashPoint.reached("stream")
            for row in added { try FileSystem.remove(temporaryFolder + "/" + row.file) }
            try FileSystem.syncDirectory(temporaryFolder)
        }
        report.moved += added.count
        try state.markDelivered(rows, now: now)
        CrashPoint.reached("4")
        return added
    }

    func makeFolders() throws(StorageError) {
        for folder in [temporaryFolder, newFolder, claimedFolder] {
            try FileSystem.makeDirectories(folder)
        }
    }
}
