#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The two ways the spool writes a time, both in UTC: the JSON contract's
/// `2024-11-30T12:00:00Z` and the file names' `20241130T120000Z`.
/// Fractions of a second are dropped toward the past; times outside the
/// years 1–9999 clamp to them, so the shape never breaks.
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

    /// `2024-11-30T12:00:00Z`.
    static func contractString(_ date: Date) -> String {
        format(seconds(date), dateSeparator: "-", timeSeparator: ":")
    }

    /// `20241130T120000Z`, for file names.
    static func compactString(seconds: Int64) -> String {
        format(seconds, dateSeparator: "", timeSeparator: "")
    }

    private static func format(_ seconds: Int64, dateSeparator: String, timeSeparator: String) -> String {
        let clamped = min(max(seconds, secondRange.lowerBound), secondRange.upperBound)
        var days = clamped / 86_400
        var secondOfDay = clamped % 86_400
        if secondOfDay < 0 {
            days -= 1
            secondOfDay += 86_400
        }
        let (year, month, day) = civilDate(fromDays: days)
        return pad(year, 4) + dateSeparator + pad(month, 2) + dateSeparator + pad(day, 2) + "T"
            + pad(secondOfDay / 3600, 2) + timeSeparator + pad(secondOfDay / 60 % 60, 2) + timeSeparator
            + pad(secondOfDay % 60, 2) + "Z"
    }

    private static func pad(_ number: Int64, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Howard Hinnant's `civil_from_days`: days since 1970-01-01 to a
    /// proleptic Gregorian date.
    private static func civilDate(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
