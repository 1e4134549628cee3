#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FeedParser

/// The `backlog` cut of a feed's first reading: only its newest entries are delivered.
///
/// The others are recorded as seen in the same transaction that offers the newest (docs/spool.md
/// argues why a crash cannot deliver them later).
extension StateStore {
    /// The `delivered` second recorded for an entry left out of a first reading:
    /// it was never delivered, and is never delivered as an update.
    static let neverDelivered: Int64 = 0

    /// Whether `feed` has neither a seen key nor an article half-way through delivery:
    /// its entries are being read for the first time, or every earlier reading
    /// failed before anything was recorded.
    static func isFirstReading(of feed: String, in database: Database) throws(StorageError) -> Bool {
        let seen = try database.statement("SELECT 1 FROM seen WHERE feed = ? LIMIT 1").firstRow([.text(feed)]) { _ in true }
        let pending = try database.statement("SELECT 1 FROM pending WHERE feed = ? LIMIT 1").firstRow([.text(feed)]) { _ in true }
        return seen == nil && pending == nil
    }

    /// The `count` newest of `entries` (all new), kept in document order, and the rest.
    /// Newest is by publication date, else update date, when every entry has
    /// one; otherwise the first in document order, which is newest first in
    /// nearly every feed.
    static func newest(_ entries: [NewEntry], count: Int) -> (kept: [NewEntry], rest: [NewEntry]) {
        guard entries.count > count else { return (entries, []) }
        let dated = entries.indices.compactMap { index in
            (entries[index].entry.published ?? entries[index].entry.updated).map { (index: index, date: $0) }
        }
        var chosen = Set(0..<count)
        if dated.count == entries.count {
            // Ties keep document order.
            let byDate = dated.sorted { $0.date > $1.date || ($0.date == $1.date && $0.index < $1.index) }
            chosen = Set(byDate.prefix(count).map(\.index))
        }
        var kept: [NewEntry] = []
        var rest: [NewEntry] = []
        for (index, entry) in entries.enumerated() {
            if chosen.contains(index) { kept.append(entry) } else { rest.append(entry) }
        }
        return (kept, rest)
    }

    /// Records `entries` as seen without delivering them.
    static func recordNeverDelivered(_ entries: [NewEntry], feed: String, time: Double,
                                     in database: Database) throws(StorageError) {
        let insert = try database.statement("""
            INSERT OR IGNORE INTO seen (feed, key, fingerprint, updated, delivered, last_seen)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        for entry in entries {
            try insert.run([
                .text(feed), .text(entry.key), .text(entry.fingerprint), optional(entry.entry.updated),
                .integer(neverDelivered), .real(time),
            ])
        }
    }
}
