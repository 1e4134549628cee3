#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Cleaner
import Config
import FeedParser
import Fetcher
import Scheduler
import Spool

/// What polling one feed came to, for the summary and the exit status.
enum PollOutcome: Equatable {
    /// Fetched, parsed and delivered (`articles` may be 0); `warning` is a
    /// recovered problem worth one line.
    case delivered(articles: Int, warning: String?)
    /// The server said nothing changed (HTTP 304).
    case notModified
    /// Not polled now, and why (`retry after 14:05 UTC`).
    case skipped(String)
    /// The poll failed; the reason is one line.
    case failed(String)
}

/// Turns one fetched feed into delivered articles and an updated feed state:
/// parse, filter, find what is new, clean, deliver, record. The steps every
/// poll takes, whichever command started it.
struct FeedPoll {
    let feed: FeedSettings
    let state: StateStore
    let spool: Spool
    let parser = FeedParser()
    let cleaner = Cleaner()

    /// The request for this feed, with the validators of its last fetch.
    static func request(for feed: FeedSettings, id: Int, state: FeedState) -> FetchRequest {
        var request = FetchRequest(id: id, url: feed.url)
        request.etag = state.etag
        request.lastModified = state.lastModified
        if let userAgent = feed.userAgent { request.userAgent = userAgent }
        request.timeout = feed.timeout
        request.maxBytes = feed.maxSize
        request.allowFile = feed.url.lowercased().hasPrefix("file://")
        return request
    }

    /// Handles the fetch result and records it in the state store.
    func handle(_ result: Result<FetchResponse, FetchError>, now: Date) -> PollOutcome {
        var record = (try? state.feedState(feed.name)) ?? FeedState()
        record.lastFetch = now
        let outcome: PollOutcome
        switch result {
        case .failure(let error):
            outcome = .failed(error.description)
        case .success(let response):
            outcome = handle(response, record: &record, now: now)
        }
        switch outcome {
        case .delivered(let count, _):
            record.errorCount = 0
            record.retryAfter = nil
            record.lastResult = "ok: \(count) new"
        case .notModified:
            record.errorCount = 0
            record.retryAfter = nil
            record.lastResult = "not modified"
        case .failed(let reason):
            record.errorCount += 1
            record.lastResult = "error: \(reason)"
        case .skipped:
            break
        }
        do {
            try state.setFeedState(record, for: feed.name)
        } catch {
            return .failed("cannot record the poll in the state store: \(error)")
        }
        return outcome
    }

    private func handle(_ response: FetchResponse, record: inout FeedState, now: Date) -> PollOutcome {
        if let moved = response.permanentRedirect { record.permanentRedirect = moved }
        if response.isNotModified {
            // The feed is there (a feed once gone and named again may answer
            // 304 to the validators kept from before).
            record.gone = false
            // Nothing to parse, but articles an earlier failure left half-way
            // are finished now, as for any fetched feed.
            do {
                try spool.deliver([], feed: feed.name, state: state, now: now)
            } catch {
                return .failed(error.messageWithoutFeed)
            }
            return .notModified
        }
        if response.isGone {
            record.gone = true
            return .failed("HTTP 410 Gone: the feed was removed; it is polled again only when named")
        }
        guard response.isSuccess else {
            if let retryAfter = response.retryAfter {
                record.retryAfter = retryAfter
                return .failed("HTTP \(response.status), retrying after \(UTCClock.hoursAndMinutes(retryAfter)) UTC")
            }
            return .failed("HTTP \(response.status)")
        }
        record.gone = false
        let parsed: Feed
        do {
            parsed = try parser.parse(response.body, baseURL: response.effectiveURL, charset: response.charset)
        } catch {
            return .failed(error.description)
        }
        let count: Int
        do {
            count = try deliver(parsed, now: now)
        } catch {
            return .failed(error.messageWithoutFeed)
        }
        // Validators are stored only once the articles are safe: a failed
        // delivery refetches the whole feed next time.
        record.etag = response.etag
        record.lastModified = response.lastModified
        return .delivered(articles: count, warning: parsed.warnings.isEmpty ? nil : parsed.warnings.joined(separator: "; "))
    }

    /// Delivers the feed's new (and, with `updates=yes`, changed) entries
    /// that pass its filters; returns how many.
    private func deliver(_ parsed: Feed, now: Date) throws(SpoolError) -> Int {
        // The state store sees every entry, filtered or not: whether the
        // feed repeats guids, and so how entries are keyed, is a property
        // of the whole document, not of the entries a filter lets through.
        let selector = EntrySelector(feed)
        let fresh = try state.newEntries(feed: feed.name, entries: parsed.entries, updates: feed.updates, now: now)
            .filter { newEntry in
                let entry = newEntry.entry
                return selector.accepts(title: entry.title, link: entry.link, authors: entry.authors,
                                        categories: entry.categories, content: entry.content ?? entry.summary)
            }
        // Even with nothing new, `deliver` runs: it finishes articles a
        // crash left pending for this feed.
        let template = !fresh.isEmpty && feed.clean && parsed.entries.count >= 3
            ? FeedTemplate(learningFrom: parsed.entries.compactMap { $0.content ?? $0.summary })
            : nil
        let info = FeedInfo(name: feed.name, url: feed.url, title: parsed.title, link: parsed.link, tags: feed.tags)
        let articles = fresh.map { newEntry in
            let entry = newEntry.entry
            let body = (entry.content ?? entry.summary).map { clean($0, base: entry.link, template: template) }
            let summary = entry.summary.map { clean($0, base: entry.link, template: template) }
            return SpoolArticle(feed: info, newEntry: newEntry, body: body, summary: summary, fetched: now)
        }
        return try spool.deliver(articles, feed: feed.name, state: state, now: now).count
    }

    /// The cleaned form of an entry's HTML; with `clean=no`, only sanitised.
    private func clean(_ html: String, base: String?, template: FeedTemplate?) -> CleanArticle {
        feed.clean ? cleaner.clean(html, baseURL: base, template: template) : cleaner.sanitize(html, baseURL: base)
    }
}

extension SpoolError {
    /// The one-line message without the feed's name: the poll's caller
    /// prefixes the name to every reason, so it would appear twice.
    var messageWithoutFeed: String {
        var copy = self
        copy.feed = nil
        return copy.description
    }
}
