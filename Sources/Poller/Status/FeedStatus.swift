import Config
import FeedParser
import Scheduler
import State
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What `feedspool status` tells of one configured feed, as a text line or a JSON object.
/// Times are UTC: ISO 8601 in both forms; what is unknown is `-` in the text
/// and `null` in JSON.
public struct FeedStatus: Sendable {
    /// The feed's settings.
    public let settings: FeedSettings
    /// What the state store remembers of it.
    public let state: FeedState
    /// Until when the poison-feed guard keeps it from being parsed.
    public let quarantinedUntil: Date?
    /// Its articles whose `exec` command failed, waiting in `new/`, and when the next is tried.
    public let hookFailures: (articles: Int, nextTry: Date?)?

    /// The status of `settings` with `state` (a blank one for a feed never polled).
    public init(settings: FeedSettings, state: FeedState, quarantinedUntil: Date? = nil,
                hookFailures: (articles: Int, nextTry: Date?)? = nil) {
        self.settings = settings
        self.state = state
        self.quarantinedUntil = quarantinedUntil
        self.hookFailures = hookFailures
    }

    // MARK: - Text

    /// The text form's header line: the fields of `line`, tab-separated.
    public static let header = "feed\tlast poll\tresult\tfailures\tnext poll\tnotes\ttemplate"

    /// The feed's line, tab-separated, for people and for `cut`/`awk`.
    public var line: String {
        var notes: [String] = []
        if let moved = state.permanentRedirect { notes.append("moved permanently to \(moved)") }
        if state.gone { notes.append("gone (HTTP 410)") }
        if let until = quarantinedUntil {
            notes.append("quarantined: feedspool stopped twice while parsing it; parsed again when it changes "
                + "or after \(FeedDate.format(until))")
        }
        if let retryAfter = state.retryAfter { notes.append("server asked to wait until \(FeedDate.format(retryAfter))") }
        let record = PollRecord(state)
        if schedule.reason(after: record) == .serverHint, let hint = record.serverInterval {
            notes.append("server hint: at most every \(Self.duration(min(hint, PollSchedule.maximumServerInterval)))")
        }
        if let failing = hookFailures {
            notes.append("exec failed on \(failing.articles) article\(failing.articles == 1 ? "" : "s"), next try "
                + (failing.nextTry.map(FeedDate.format) ?? "now"))
        }
        let next = schedule.nextPollTime(after: record).map(FeedDate.format) ?? "-"
        return [
            settings.name,
            state.lastFetch.map(FeedDate.format) ?? "-",
            state.lastResult ?? "never polled",
            String(state.errorCount),
            state.lastFetch == nil ? "now" : next,
            notes.isEmpty ? "-" : notes.joined(separator: "; "),
            templateColumn,
        ].joined(separator: "\t")
    }

    /// How many blocks the feed's template removed.
    /// "3 last, 41 total", "-" before any delivery, "off" when the feed learns
    /// no template.
    var templateColumn: String {
        guard learnsTemplate else { return "off" }
        guard state.lastFetch != nil else { return "-" }
        return "\(state.templateBlocksLastDelivery) last, \(state.templateBlocksTotal) total"
    }

    // MARK: - JSON

    /// The JSON array of `feeds`, one object a line (docs/daemon.md lists the keys).
    public static func json(_ feeds: [FeedStatus]) -> [UInt8] {
        var writer = JSONWriter()
        writer.beginArray()
        for feed in feeds {
            writer.newline()
            feed.object(into: &writer)
        }
        writer.newline()
        writer.endArray()
        writer.newline()
        return writer.bytes
    }

    private func object(into writer: inout JSONWriter) {
        let (next, reason) = nextPoll
        writer.beginObject()
        writer.key("name"); writer.string(settings.name)
        writer.key("url"); writer.string(URLCredentials.removed(from: settings.url))
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
        writer.key("template_last"); writer.number(learnsTemplate ? Int64(state.templateBlocksLastDelivery) : nil)
        writer.key("template_total"); writer.number(learnsTemplate ? Int64(state.templateBlocksTotal) : nil)
        writer.key("quarantined_until"); writer.string(quarantinedUntil.map(FeedDate.format))
        writer.key("exec_failed"); writer.number(Int64(hookFailures?.articles ?? 0))
        writer.key("exec_next_try"); writer.string(hookFailures?.nextTry.map(FeedDate.format))
        writer.endObject()
    }

    // MARK: - Decisions

    /// When the feed is next due, and what set that time.
    /// `interval` (`auto` with `interval = auto`), `min-interval` (the host's, which the
    /// interval does not pass), `server hint` (the feed's `ttl` or `sy:updatePeriod`, or its
    /// server's `max-age`, longer than both), `backoff` (failures in a row), `retry-after`
    /// (the server's), `gone` (never, until named), or `never polled` (due now).
    var nextPoll: (Date?, String) {
        let record = PollRecord(state)
        let reason = schedule.reason(after: record)
        let next = reason == .neverPolled ? nil : schedule.nextPollTime(after: record)
        return (next, reason == .interval && settings.autoInterval ? "auto" : reason.rawValue)
    }

    /// A duration as feeds.conf writes it: `90m` as `1h30m`.
    static func duration(_ duration: Duration) -> String {
        var seconds = Int(duration.seconds.rounded())
        var text = ""
        for (unit, length) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] where seconds >= length {
            text += "\(seconds / length)\(unit)"
            seconds %= length
        }
        return text.isEmpty ? "0s" : text
    }

    /// The feed's schedule, as the daemon follows it.
    private var schedule: PollSchedule { PollSchedule(for: settings, state: state) }

    /// Whether the feed learns a template (`clean=yes` and `template=yes`).
    private var learnsTemplate: Bool { settings.clean && settings.template }
}
