#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Formats times for one-line messages.
public enum UTCClock {
    /// "14:05" in UTC.
    public static func hoursAndMinutes(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let minutes = ((seconds % 86400) + 86400) % 86400 / 60
        let hours = minutes / 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)"
    }
}
