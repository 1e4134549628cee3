#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How often a feed says it may be fetched: its `<ttl>` and `sy:updatePeriod`/`sy:updateFrequency`.
///
/// RSS 2.0's `<ttl>` is in minutes; the syndication module's `sy:updatePeriod` and
/// `sy:updateFrequency` come from RSS 1.0, and RSS 2.0 feeds borrow them.
public struct FeedSchedule: Sendable, Equatable {
    /// The periods `sy:updatePeriod` names, with their length in seconds.
    public enum Period: Double, Sendable, Equatable {
        case hourly = 3600, daily = 86_400, weekly = 604_800, monthly = 2_592_000, yearly = 31_536_000

        /// The period `text` names, in any case, around spaces; nil for another word.
        init?(_ text: String) {
            switch text.trimmingXMLWhitespace().lowercased() {
            case "hourly": self = .hourly
            case "daily": self = .daily
            case "weekly": self = .weekly
            case "monthly": self = .monthly
            case "yearly": self = .yearly
            default: return nil
            }
        }
    }

    /// Minutes the feed may be cached (`<ttl>`).
    public var ttl: Int?
    /// The period of `sy:updatePeriod`.
    public var updatePeriod: Period?
    /// How many times per period the feed is updated (`sy:updateFrequency`, 1 when only the period is given).
    public var updateFrequency: Int?

    /// A schedule; empty when the feed says nothing.
    public init(ttl: Int? = nil, updatePeriod: Period? = nil, updateFrequency: Int? = nil) {
        self.ttl = ttl
        self.updatePeriod = updatePeriod
        self.updateFrequency = updateFrequency
    }

    /// The least time between fetches the feed asks for, in seconds; nil when it asks for none.
    ///
    /// The longer of `ttl` and the period divided by the frequency (a daily period when only the
    /// frequency is given, as the module's default).
    public var interval: TimeInterval? {
        let fromTTL = ttl.map { Double($0) * 60 }
        let fromPeriod = (updatePeriod != nil || updateFrequency != nil)
            ? (updatePeriod ?? .daily).rawValue / Double(updateFrequency ?? 1) : nil
        return [fromTTL, fromPeriod].compactMap { $0 }.max()
    }

    /// A whole number of at least 1, as `ttl` and `sy:updateFrequency` hold; nil otherwise.
    static func number(_ text: String) -> Int? {
        let trimmed = text.trimmingXMLWhitespace()
        guard let number = Int(trimmed.prefix(9)), trimmed.count <= 9, number >= 1 else { return nil }
        return number
    }
}
