#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `interval = auto`: an interval that follows how often a feed really publishes.
///
/// Each fetched document tells: its newest entries (up to `autoIntervalEntries`), published
/// over the time from the oldest of them to now, came one every span ÷ count. The feed is polled
/// twice in that spacing, so a new entry waits a quarter of it on average, within 15 minutes and
/// a day. Counting up to now, not to the newest entry, lets a feed that fell silent drift to a
/// daily poll instead of keeping the pace of a burst long past.
extension PollSchedule {
    /// The shortest interval `interval = auto` picks.
    public static let shortestAutoInterval: Duration = .seconds(15 * 60)
    /// The longest interval `interval = auto` picks.
    public static let longestAutoInterval: Duration = .seconds(24 * 3600)
    /// How many of the newest entries the estimate reads.
    public static let autoIntervalEntries = 10

    /// The interval `interval = auto` picks for a document; nil when no entry is dated.
    /// Its entries were published at `published` (in any order), and it was read at `now`.
    /// Dates after `now` (a clock or time zone gone wrong) count as `now`.
    public static func autoInterval(published: [Date], now: Date) -> Duration? {
        let newest = published.map { min($0, now) }.sorted(by: >).prefix(autoIntervalEntries)
        guard let oldest = newest.last else { return nil }
        let spacing = now.timeIntervalSince(oldest) / Double(newest.count)
        let seconds = min(max(spacing / 2, shortestAutoInterval.seconds), longestAutoInterval.seconds)
        return .seconds(seconds.rounded())
    }
}
