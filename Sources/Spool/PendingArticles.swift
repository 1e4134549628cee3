#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import State

/// An article half-way through delivery.
/// Its complete file is durable in `tmp/`, or already renamed into `new/`
/// (docs/spool.md). A row of the `pending` table.
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
}

/// An article about to be written: the pending row it becomes once its file is durable, and the file's content.
struct PlannedArticle {
    var row: PendingArticle
    var json: [UInt8]
}

/// The state store's side of the delivery protocol: one transaction per step for a whole batch.
extension StateStore {
    /// Before step 1: names the files of `articles` and encodes them, recording nothing.
    /// Articles already pending, `new` articles already seen, and repeats of an
    /// id are left out, so a stale list can never deliver anything twice.
    ///
    /// An update is named one second after the entry's last delivery when
    /// that would otherwise be the same second, so no two files of one id
    /// ever share a name.
    func plan(_ articles: [SpoolArticle], now: Date) throws(StorageError) -> [PlannedArticle] {
        let nowSecond = UTCTime.seconds(now)
        let chosen = try withDatabase { database throws(StorageError) in
            try database.transaction { () throws(StorageError) -> [(index: Int, row: PendingArticle)] in
                let isPending = try database.statement("SELECT 1 FROM pending WHERE id = ?")
                let lastDelivery = try database.statement("SELECT delivered FROM seen WHERE feed = ? AND key = ?")
                var ids = Set<String>()
                var chosen: [(index: Int, row: PendingArticle)] = []
                for (index, article) in articles.enumerated() {
                    guard ids.insert(article.id).inserted else { continue }
                    if try isPending.firstRow([.text(article.id)], { _ in true }) != nil { continue }
                    let delivered = try lastDelivery.firstRow([.text(article.feed.name), .text(article.key)]) {
                        $0.integer(0) ?? 0
                    }
                    if article.kind == .new && delivered != nil { continue }
                    let second = max(nowSecond, (delivered ?? nowSecond - 1) + 1)
                    chosen.append((index, PendingArticle(
                        id: article.id, feed: article.feed.name, key: article.key,
                        fingerprint: article.fingerprint,
                        updated: article.entry.updated?.timeIntervalSince1970, second: second,
                        file: SpoolArticle.fileName(id: article.id, second: second))))
                }
                return chosen
            }
        }
        // Encoded outside the lock, which other threads' polls are waiting for.
        return chosen.map { PlannedArticle(row: $0.row, json: articles[$0.index].jsonBytes()) }
    }

    /// Step 2: records the articles whose files are durable in `tmp/` as pending.
    func recordPending(_ rows: [PendingArticle]) throws(StorageError) {
        try withDatabase { database throws(StorageError) in
            try database.transaction { () throws(StorageError) in
                let insert = try database.statement("""
                    INSERT INTO pending (id, feed, key, fingerprint, updated, second, file)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
                for row in rows {
                    try insert.run([
                        .text(row.id), .text(row.feed), .text(row.key), .text(row.fingerprint),
                        row.updated.map(SQLValue.real) ?? .null, .integer(row.second), .text(row.file),
                    ])
                }
            }
        }
    }

    /// The articles half-way through delivery, of one feed or of all, ordered by feed and file name.
    func pendingArticles(feed: String?) throws(StorageError) -> [PendingArticle] {
        try withDatabase { database throws(StorageError) in
            let statement = try database.statement("""
                SELECT id, feed, key, fingerprint, updated, second, file FROM pending
                WHERE ?1 IS NULL OR feed = ?1 ORDER BY feed, file
                """)
            var rows: [PendingArticle] = []
            try statement.rows([optional(feed)]) { row in
                rows.append(PendingArticle(
                    id: row.text(0) ?? "", feed: row.text(1) ?? "", key: row.text(2) ?? "",
                    fingerprint: row.text(3) ?? "", updated: row.real(4), second: row.integer(5) ?? 0,
                    file: row.text(6) ?? ""))
            }
            return rows
        }
    }

    /// Step 4: marks the articles delivered and forgets them as pending.
    /// Their keys are seen, with the fingerprint and date of what was delivered.
    func markDelivered(_ rows: [PendingArticle], now: Date) throws(StorageError) {
        let time = now.timeIntervalSince1970
        try withDatabase { database throws(StorageError) in
            try database.transaction { () throws(StorageError) in
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

    /// Forgets pending rows whose recording failed (step 2 may have committed or not).
    /// Nothing of them reached `new/`, and nothing is seen.
    func discardPending(_ rows: [PendingArticle]) throws(StorageError) {
        try withDatabase { database throws(StorageError) in
            try database.transaction { () throws(StorageError) in
                let delete = try database.statement("DELETE FROM pending WHERE id = ?")
                for row in rows { try delete.run([.text(row.id)]) }
            }
        }
    }

    /// How many articles are half-way through delivery, for the tests.
    public func pendingCount() throws(StorageError) -> Int {
        try withDatabase { database throws(StorageError) in
            try database.statement("SELECT count(*) FROM pending").firstRow([]) { Int($0.integer(0) ?? 0) } ?? 0
        }
    }
}
