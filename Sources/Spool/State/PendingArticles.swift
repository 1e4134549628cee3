#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How far an article half-way through delivery got (docs/spool.md).
enum PendingState: String {
    /// Step 1 done: the article is recorded, its file may be missing or partial.
    case intent
    /// Step 3 done: the complete file is on disk in `tmp/`, or already
    /// renamed into `new/`.
    case written
}

/// An article recorded in the `pending` table: everything needed to finish
/// delivering it after a crash, its JSON included.
struct PendingArticle: Equatable {
    var id: String
    var feed: String
    var key: String
    var fingerprint: String
    var updated: Double?
    /// The delivery second that the file name carries.
    var second: Int64
    /// The file name, the same in `tmp/` and `new/`.
    var file: String
    var state: PendingState
    var json: [UInt8]
}

/// How many articles are half-way through delivery.
public struct PendingCounts: Sendable, Equatable {
    /// Recorded, file not yet known to be complete (after step 1).
    public var intent: Int
    /// File complete, possibly already in `new/` (after step 3).
    public var written: Int

    /// Makes a count.
    public init(intent: Int, written: Int) {
        self.intent = intent
        self.written = written
    }
}

/// The state store's side of the delivery protocol: one transaction per
/// step for a whole batch.
extension StateStore {
    /// Step 1: records the articles as `intent`, with their file names and
    /// JSON, and returns what was recorded. Articles already pending, `new`
    /// articles already seen, and repeats of an id are left out, so a stale
    /// list can never deliver anything twice.
    ///
    /// An update is named one second after the entry's last delivery when
    /// that would otherwise be the same second, so no two files of one id
    /// ever share a name.
    func recordIntents(_ articles: [SpoolArticle], now: Date) throws(SpoolError) -> [PendingArticle] {
        let nowSecond = UTCTime.seconds(now)
        // Encoded before the transaction, so the lock is not held for it.
        let documents = articles.map { $0.jsonBytes() }
        return try withDatabase { database throws(SpoolError) in
            try database.transaction { () throws(SpoolError) -> [PendingArticle] in
                let isPending = try database.statement("SELECT 1 FROM pending WHERE id = ?")
                let lastDelivery = try database.statement("SELECT delivered FROM seen WHERE feed = ? AND key = ?")
                let insert = try database.statement("""
                    INSERT INTO pending (id, feed, key, fingerprint, updated, second, file, state, json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'intent', ?)
                    """)
                var ids = Set<String>()
                var rows: [PendingArticle] = []
                for (article, json) in zip(articles, documents) {
                    guard ids.insert(article.id).inserted else { continue }
                    if try isPending.firstRow([.text(article.id)], { _ in true }) != nil { continue }
                    let delivered = try lastDelivery.firstRow([.text(article.feed.name), .text(article.key)]) {
                        $0.integer(0) ?? 0
                    }
                    if article.kind == .new && delivered != nil { continue }
                    let second = max(nowSecond, (delivered ?? nowSecond - 1) + 1)
                    let row = PendingArticle(
                        id: article.id, feed: article.feed.name, key: article.key,
                        fingerprint: article.fingerprint,
                        updated: article.entry.updated?.timeIntervalSince1970, second: second,
                        file: SpoolArticle.fileName(id: article.id, second: second), state: .intent,
                        json: json)
                    try insert.run([
                        .text(row.id), .text(row.feed), .text(row.key), .text(row.fingerprint),
                        row.updated.map(SQLValue.real) ?? .null, .integer(row.second), .text(row.file),
                        .blob(row.json),
                    ])
                    rows.append(row)
                }
                return rows
            }
        }
    }

    /// The articles half-way through delivery, of one feed or of all,
    /// ordered by feed and file name.
    func pendingArticles(feed: String?) throws(SpoolError) -> [PendingArticle] {
        try withDatabase { database throws(SpoolError) in
            let statement = try database.statement("""
                SELECT id, feed, key, fingerprint, updated, second, file, state, json FROM pending
                WHERE ?1 IS NULL OR feed = ?1 ORDER BY feed, file
                """)
            var rows: [PendingArticle] = []
            try statement.rows([optional(feed)]) { row in
                rows.append(PendingArticle(
                    id: row.text(0) ?? "", feed: row.text(1) ?? "", key: row.text(2) ?? "",
                    fingerprint: row.text(3) ?? "", updated: row.real(4), second: row.integer(5) ?? 0,
                    file: row.text(6) ?? "", state: PendingState(rawValue: row.text(7) ?? "") ?? .intent,
                    json: row.blob(8) ?? []))
            }
            return rows
        }
    }

    /// Step 3: records that the articles' files are complete in `tmp/`.
    func markWritten(_ rows: [PendingArticle]) throws(SpoolError) {
        try withDatabase { database throws(SpoolError) in
            try database.transaction { () throws(SpoolError) in
                let update = try database.statement("UPDATE pending SET state = 'written' WHERE id = ?")
                for row in rows { try update.run([.text(row.id)]) }
            }
        }
    }

    /// Step 5: marks the articles delivered (their keys seen, with the
    /// fingerprint and date of what was delivered) and forgets them as pending.
    func markDelivered(_ rows: [PendingArticle], now: Date) throws(SpoolError) {
        let time = now.timeIntervalSince1970
        try withDatabase { database throws(SpoolError) in
            try database.transaction { () throws(SpoolError) in
                let upsert = try database.statement("""
                    INSERT INTO seen (feed, key, fingerprint, updated, delivered, last_seen)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                    ON CONFLICT (feed, key) DO UPDATE SET
                        fingerprint = ?3, updated = ?4, delivered = ?5, last_seen = max(last_seen, ?6)
                    """)
                let delete = try database.statement("DELETE FROM pending WHERE id = ?")
                for row in rows {
                    try upsert.run([
                        .text(row.feed), .text(row.key), .text(row.fingerprint),
                        row.updated.map(SQLValue.real) ?? .null, .integer(row.second), .real(time),
                    ])
                    try delete.run([.text(row.id)])
                }
            }
        }
    }

    /// Forgets articles whose delivery was abandoned before step 3
    /// committed: nothing of them reached `new/`, and nothing is seen.
    func discardPending(_ rows: [PendingArticle]) throws(SpoolError) {
        try withDatabase { database throws(SpoolError) in
            try database.transaction { () throws(SpoolError) in
                let delete = try database.statement("DELETE FROM pending WHERE id = ?")
                for row in rows { try delete.run([.text(row.id)]) }
            }
        }
    }

    /// How many articles are half-way through delivery, for `feedspool
    /// check` and the tests.
    public func pendingCounts() throws(SpoolError) -> PendingCounts {
        try withDatabase { database throws(SpoolError) in
            var counts = PendingCounts(intent: 0, written: 0)
            try database.statement("SELECT state, count(*) FROM pending GROUP BY state").rows([]) { row in
                let count = Int(row.integer(1) ?? 0)
                if row.text(0) == PendingState.written.rawValue { counts.written = count } else { counts.intent = count }
            }
            return counts
        }
    }
}
