#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Cleaner
import Config
import FeedParser
import Fetcher
import Logging
import Scheduler
import Spool
import State

/// What polling one feed came to, for the summary and the exit status.
public enum PollOutcome: Equatable, Sendable {
    /// Fetched, parsed and delivered (`articles` may be 0); `warning` is a recovered problem worth one line.
    case delivered(articles: Int, warning: String?)
    /// The server said nothing changed (HTTP 304).
    case notModified
    /// Not polled now, and why (`retry after 14:05 UTC`).
    case skipped(String)
    /// The poll failed; the reason is one line.
    case failed(String)

    /// Logs what `feed`'s poll came to, when it is worth a line.
    ///
    /// A failure is logged as an error with its reason, a recovered problem as a warning.
    public func log(feed: String, to log: Logger) {
        switch self {
        case .delivered(_, let warning?): log.warning("\(feed): \(warning)")
        case .failed(let reason): log.error("\(feed): \(reason)")
        case .delivered, .notModified, .skipped: break
        }
    }
}

/// Turns one fetched feed into articles ready for the spool: parse, filter, find what is new, clean.
///
/// The steps every poll takes, whichever command started it; the delivery itself, and recording the
/// poll, happen for a group of feeds at once (`PollRun`, `PreparedPoll.settle`).
struct FeedPoll {
    let feed: FeedSettings
    let state: StateStore
    /// Fetches the entries' pages when the feed has `fulltext=yes`, and their enclosures with `enclosures = DIR`.
    let pageFetcher: (any FeedFetching)?
    /// Marks the feed in flight while it is parsed and cleaned.
    let poison: PoisonGuard
    let parser = FeedParser()
    let cleaner = Cleaner()

    /// Handles the fetch result up to the delivery.
    ///
    /// It finds what to deliver, and the feed state to record once the delivery is settled.
    func prepare(_ result: Result<FetchResponse, FetchError>, now: Date) -> PreparedPoll {
        let record: FeedState
        do {
            record = try state.feedState(feed.name)
        } catch {
            // A blank record written back would erase what is known of the
            // feed (its validators, failures, a server's Retry-After).
            let schedule = PollSchedule(for: feed, state: FeedState())
            return PreparedPoll(feed: feed.name, record: nil,
                                outcome: .failed("cannot read its record in the state store, nothing delivered: \(error)"),
                                schedule: schedule, polledAt: now)
        }
        let schedule = PollSchedule(for: feed, state: record)
        var prepared = PreparedPoll(feed: feed.name, record: record, outcome: .failed(""), schedule: schedule, polledAt: now)
        switch result {
        case .failure(let error):
            prepared.record?.httpStatus = nil
            prepared.outcome = .failed(error.description)
        case .success(let response):
            prepare(response, into: &prepared, now: now)
            downloadEnclosures(into: &prepared)
        }
        return prepared
    }

    /// Downloads the enclosures of the articles about to be delivered (`enclosures = DIR`).
    ///
    /// Each article lists the files; a download that fails adds a line
    /// to the poll's warning. Outside the poison guard: a download may
    /// take long, and a restart during it is no crash of the parser.
    private func downloadEnclosures(into prepared: inout PreparedPoll) {
        guard let folder = feed.enclosureFolder, let pageFetcher, var articles = prepared.articles, !articles.isEmpty,
              case .delivered(let count, let warning) = prepared.outcome
        else { return }
        let (files, problems) = EnclosureDownloads(feed: feed, folder: folder + "/" + feed.name, fetcher: pageFetcher)
            .files(for: articles)
        for index in articles.indices { articles[index].enclosureFiles = files[index] }
        prepared.articles = articles
        let notes = (warning.map { [$0] } ?? []) + problems
        prepared.outcome = .delivered(articles: count, warning: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    private func prepare(_ response: FetchResponse, into prepared: inout PreparedPoll, now: Date) {
        prepared.record?.httpStatus = feed.url.lowercased().hasPrefix("file://") ? nil : response.status
        prepared.movedTo = response.permanentRedirect
        // A 304 without cache headers keeps the last answer's, as HTTP caches do.
        if response.isSuccess || (response.isNotModified && response.freshFor != nil) {
            prepared.record?.cacheHint = response.freshFor
        }
        if response.isNotModified {
            // The feed is there (a feed once gone and named again may answer
            // 304 to the validators kept from before).
            prepared.answered = true
            // Nothing to parse, but articles an earlier failure left half-way
            // are finished by the delivery, as for any fetched feed.
            prepared.articles = []
            prepared.outcome = .notModified
            return
        }
        if response.isGone {
            prepared.isGone = true
            prepared.outcome = .failed("HTTP 410 Gone: the feed was removed; it is polled again only when named")
            return
        }
        guard response.isSuccess else {
            if let retryAfter = response.retryAfter {
                prepared.retryAfter = retryAfter
                prepared.outcome = .failed("HTTP \(response.status), retrying after \(UTCClock.hoursAndMinutes(retryAfter)) UTC")
            } else {
                prepared.outcome = .failed("HTTP \(response.status)")
            }
            return
        }
        // The feed is there, whatever happens next.
        prepared.answered = true
        if let quarantined = poison.begin(feed.name, document: response.body, now: now) {
            prepared.outcome = .failed(quarantined)
            return
        }
        // However the parse and cleaning end, they ended without a crash.
        defer { poison.end(feed.name) }
        CrashPoint.reached("parse-\(feed.name)")
        var parsed: Feed
        do {
            parsed = try parser.parse(response.body, baseURL: response.effectiveURL, charset: response.charset)
        } catch {
            prepared.outcome = .failed(error.description)
            return
        }
        measureSchedule(parsed, into: &prepared, now: now)
        var notes = parsed.warnings
        if parsed.lastEntryIsCutOff {
            // Its guid, link or text may stop anywhere: delivered now, it
            // would stay cut for good, or come again under its whole guid.
            parsed.entries.removeLast()
            notes.append("the document ends inside its last entry, left out until it arrives whole")
        }
        do {
            let articles = try articles(parsed, now: now, notes: &notes)
            prepared.articles = articles
            prepared.templateBlocks = articles.reduce(0) { count, article in
                count + article.removed.count(where: { $0.rule == FeedTemplate.removalRule })
            }
        } catch {
            prepared.outcome = .failed(error.messageWithoutFeed)
            return
        }
        // Stored only once the articles are safe (`PreparedPoll.settle`): a
        // failed delivery refetches the whole feed next time.
        prepared.validators = (response.etag, response.lastModified)
        prepared.outcome = .delivered(articles: 0, warning: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    /// Keeps what the document says of its schedule.
    ///
    /// That is its own hint (`ttl`, `sy:updatePeriod`), and for `interval = auto` the interval its
    /// entries' dates give (`PollSchedule.autoInterval`).
    private func measureSchedule(_ parsed: Feed, into prepared: inout PreparedPoll, now: Date) {
        guard var record = prepared.record else { return }
        record.feedHint = parsed.schedule.interval
        let published = parsed.entries.compactMap { $0.published ?? $0.updated }
        record.autoInterval = PollSchedule.autoInterval(published: published, now: now)?.seconds
        prepared.record = record
        prepared.schedule = PollSchedule(for: feed, state: record)
    }

    /// The articles of the feed's new entries that pass its filters.
    /// With `updates=yes`, also its changed entries. Problems worth a warning go to `notes`.
    private func articles(_ parsed: Feed, now: Date, notes: inout [String]) throws(StorageError) -> [SpoolArticle] {
        // The state store sees every entry, filtered or not: whether the
        // feed repeats guids, and so how entries are keyed, is a property
        // of the whole document, not of the entries a filter lets through.
        // On its first reading, the feed's `backlog` counts the entries
        // its filters accept.
        let selector = EntrySelector(feed)
        let fresh = try state.newEntries(feed: feed.name, entries: parsed.entries, updates: feed.updates,
                                         backlog: feed.backlog.limit, accepts: { entry in
            selector.accepts(title: entry.title, link: entry.link, authors: entry.authors,
                             categories: entry.categories, content: entry.content ?? entry.summary)
        }, now: now)
        // Even with nothing new, the feed joins the delivery: it finishes
        // articles a crash left pending for this feed.
        guard !fresh.isEmpty else { return [] }
        var (bodies, template) = parsedBodies(parsed.entries, fresh: fresh)
        let pages = feed.fulltext ? fullTextPages(fresh.map(\.entry), notes: &notes) : [:]
        let info = FeedInfo(name: feed.name, url: URLCredentials.removed(from: feed.url), title: parsed.title, link: parsed.link, tags: feed.tags)
        var articles: [SpoolArticle] = []
        articles.reserveCapacity(fresh.count)
        for (index, newEntry) in fresh.enumerated() {
            let entry = newEntry.entry
            let body: CleanArticle?
            let page = pages[index].map { cleaner.clean($0, baseURL: entry.link) }
            if let page, page.hasText {
                body = page
            } else if let parsedBody = bodies[index].take() {
                // Taken out, not copied: the cleaner prunes the tree it is
                // given, and a tree still shared would be copied whole.
                body = clean(consume parsedBody, input: entry.content ?? entry.summary ?? "", base: entry.link,
                             template: template)
            } else {
                body = nil
            }
            if page?.hasText == false, let link = entry.link {
                notes.append("full text of \(link): no article text on the page; kept the feed's summary")
            }
            let summary = entry.summary.map { clean(cleaner.parse($0), input: $0, base: entry.link, template: template) }
            articles.append(SpoolArticle(feed: info, newEntry: newEntry, body: body, summary: summary, fetched: now))
        }
        return articles
    }

    /// The parsed body (content, else summary) of each fresh entry, and the feed's template.
    /// The template is learned from every entry's body. Each body is parsed
    /// once, for both.
    private func parsedBodies(_ entries: [Entry], fresh: [NewEntry]) -> (parsed: [ParsedArticle?], template: FeedTemplate?) {
        let parse = { (entry: Entry) in (entry.content ?? entry.summary).map(cleaner.parse) }
        guard feed.clean, feed.template, entries.count >= 3 else { return (fresh.map { parse($0.entry) }, nil) }
        let all = entries.map(parse)
        let template = FeedTemplate(learningFrom: all.compactMap { $0 })
        let parsed = fresh.map { newEntry in
            entries.firstIndex(of: newEntry.entry).flatMap { all[$0] } ?? parse(newEntry.entry)
        }
        return (parsed, template)
    }

    /// With `fulltext=yes`: the web pages of the entries, by index.
    private func fullTextPages(_ entries: [Entry], notes: inout [String]) -> [Int: String] {
        guard let pageFetcher else { return [:] }
        let (pages, problems) = FullText(feed: feed, fetcher: pageFetcher).pages(for: entries)
        notes += problems
        return pages
    }

    /// The cleaned form of an entry's HTML (`input`, parsed as `parsed`).
    /// Never without text when the entry has some; with `clean=no`, only
    /// sanitised.
    private func clean(_ parsed: consuming ParsedArticle, input: String, base: String?,
                       template: FeedTemplate?) -> CleanArticle {
        guard feed.clean else { return cleaner.sanitize(consume parsed, baseURL: base) }
        let article = cleaner.clean(consume parsed, baseURL: base, template: template)
        return cleaner.keepingText(article, of: input, baseURL: base, template: template)
    }
}

extension StorageError {
    /// The one-line message without the feed's name.
    ///
    /// The poll's caller prefixes the name to every reason, so it would appear twice.
    var messageWithoutFeed: String {
        var copy = self
        copy.feed = nil
        return copy.description
    }
}
