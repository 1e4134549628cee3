#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import State
import FeedParser

/// The two ways the spool writes a time, both in UTC.
/// The JSON contract's `2024-11-30T12:00:00Z` and the file names'
/// `20241130T120000Z`. Fractions of a second are dropped toward the past; times
/// outside the years 1–9999 clamp to them, so the shape never breaks.
enum UTCTime {
    /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
    private static let secondRange: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

    /// Whole seconds since 1970 (floor), clamped to the printable years.
    static func seconds(_ date: Date) -> Int64 {
        let interval = date.timeIntervalSince1970.rounded(.down)
        guard interval.isFinite else { return 0 }
        if interval <= Double(secondRange.lowerBound) { return secondRange.lowerBound }
        if interval >= Double(secondRange.upperBound) { return secondRange.upperBound }
        return Int64(interval)
    }

    /// `2024-11-30T12:00:00Z`, as the parser's contract prints dates.
    static func contractString(_ date: Date) -> String {
        FeedDate.format(date)
    }

    /// `20241130T120000Z`, for file names.
    static func compactString(seconds: Int64) -> String {
        FeedDate.format(Date(timeIntervalSince1970: Double(seconds))).filter { $0 != "-" && $0 != ":" }
    }
}
