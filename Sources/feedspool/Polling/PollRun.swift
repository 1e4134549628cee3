import Config
import Dispatch
import Fetcher
import Scheduler
import Spool
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One pass over a set of feeds: decide which may be polled, fetch them
/// concurrently on the fetcher's thread, and handle each response on this
/// thread as it arrives, so parsing and cleaning overlap the transfers.
struct PollRun {
    let configuration: Configuration
    let feeds: [FeedSettings]
    let forceGone: Bool
    let state: StateStore
    let spool: Spool

    /// Polls and reports; returns the number of feeds that failed.
    func run() -> Int {
        let now = Date()
        var requests: [FetchRequest] = []
        var failures = 0
        for (index, feed) in feeds.enumerated() {
            let record = (try? state.feedState(feed.name)) ?? FeedState()
            let schedule = PollSchedule(interval: feed.interval, minInterval: feed.minInterval)
            let pollRecord = PollRecord(lastAttempt: record.lastFetch, consecutiveFailures: record.errorCount,
                                        retryAfter: record.retryAfter, isGone: record.gone)
            switch schedule.decision(for: pollRecord, at: now, force: forceGone ? .evenGone : .yes) {
            case .due:
                requests.append(FeedPoll.request(for: feed, id: index, state: record))
            case .waitingForServer(let date):
                Console.error("\(feed.name): skipped: the server asked to wait until \(UTCClock.hoursAndMinutes(date)) UTC")
            case .notYet(let date):
                Console.error("\(feed.name): skipped: min-interval allows the next poll at \(UTCClock.hoursAndMinutes(date)) UTC")
            case .gone:
                Console.error("\(feed.name): skipped: gone (HTTP 410); name it to poll it again")
                failures += 1
            }
        }
        guard !requests.isEmpty else { return failures }

        let inbox = ResultInbox()
        let fetcher = Fetcher(concurrency: configuration.globals.concurrency, perHost: configuration.globals.perHost)
        let pending = requests
        DispatchQueue.global().async {
            fetcher.fetch(pending) { id, result in inbox.put(id: id, result: result) }
            inbox.close()
        }
        var progress = Progress(total: requests.count)
        while let (id, result) = inbox.take() {
            let feed = feeds[id]
            let outcome = FeedPoll(feed: feed, state: state, spool: spool).handle(result, now: Date())
            switch outcome {
            case .delivered(let count, let warning):
                progress.add(articles: count)
                if let warning { progress.print(warning: "\(feed.name): \(warning)") }
            case .notModified, .skipped:
                break
            case .failed(let reason):
                failures += 1
                progress.print(error: "\(feed.name): \(reason)")
            }
            progress.finishFeed()
        }
        progress.end()
        return failures
    }
}
