import Config
import FeedParser
import Scheduler
import Spool
import State
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `feedspool status --json`: one object per configured feed, for scripts
/// and monitoring. Times are UTC in ISO 8601; what is unknown is `null`.
enum StatusJSON {
    /// What is known of one configured feed.
    struct Feed {
        let settings: FeedSettings
        let state: FeedState
        /// Until when the poison-feed guard keeps it from being parsed.
        let quarantinedUntil: Date?
    }

    /// The array, one object a line.
    static func document(_ feeds: [Feed]) -> [UInt8] {
        var writer = JSONWriter()
        writer.beginArray()
        for feed in feeds {
            writer.newline()
            object(feed, into: &writer)
        }
        writer.newline()
        writer.endArray()
        writer.newline()
        return writer.bytes
    }

    private static func object(_ entry: Feed, into writer: inout JSONWriter) {
        let (feed, state) = (entry.settings, entry.state)
        let (next, reason) = nextPoll(feed, state)
        writer.beginObject()
        writer.key("name"); writer.string(feed.name)
        writer.key("url"); writer.string(withoutCredentials(feed.url))
        writer.key("last_poll"); writer.string(state.lastFetch.map(FeedDate.format))
        writer.key("result"); writer.string(state.lastResult)
        writer.key("http_status"); writer.number(state.httpStatus.map(Int64.init))
        writer.key("last_error"); writer.string(state.lastError)
        writer.key("failures"); writer.number(Int64(state.errorCount))
        writer.key("next_poll"); writer.string(next.map(FeedDate.format))
        writer.key("next_poll_reason"); writer.string(reason)
        writer.key("delivered_total"); writer.number(Int64(state.deliveredTotal))
        writer.key("last_new"); writer.number(Int64(state.lastNew))
        writer.key("last_updated"); writer.number(Int64(state.lastUpdated))
        writer.key("polls"); writer.number(Int64(state.polls))
        writer.key("not_modified"); writer.number(Int64(state.notModifiedPolls))
        writer.key("not_modified_percent")
        writer.number(state.polls == 0 ? nil : Int64((state.notModifiedPolls * 100 + state.polls / 2) / state.polls))
        // The template's counts; null when the feed learns no template.
        let learns = feed.clean && feed.template
        writer.key("template_last"); writer.number(learns ? Int64(state.templateBlocksLastDelivery) : nil)
        writer.key("template_total"); writer.number(learns ? Int64(state.templateBlocksTotal) : nil)
        writer.key("quarantined_until"); writer.string(entry.quarantinedUntil.map(FeedDate.format))
        writer.endObject()
    }

    /// When the feed is next due, and what set that time: `interval` (`auto` with
    /// `interval = auto`), `min-interval` (longer than the interval), `server hint` (the feed's
    /// `ttl` or `sy:updatePeriod`, or its server's `max-age`, longer than both), `backoff`
    /// (failures in a row), `retry-after` (the server's), `gone` (never, until named), or
    /// `never polled` (due now).
    static func nextPoll(_ feed: FeedSettings, _ state: FeedState) -> (Date?, String) {
        let schedule = PollSchedule(for: feed, state: state)
        let record = PollRecord(state)
        let reason = schedule.reason(after: record)
        let next = reason == .neverPolled ? nil : schedule.nextPollTime(after: record)
        return (next, reason == .interval && feed.autoInterval ? "auto" : reason.rawValue)
    }

    /// The URL without `user:password@`, which feeds.conf may hold and a
    /// status shown to others must not.
    static func withoutCredentials(_ url: String) -> String {
        guard let scheme = url.firstRange(of: "://") else { return url }
        let authority = url[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@") else { return url }
        return String(url[..<scheme.upperBound] + url[url.index(after: at)...])
    }
}
