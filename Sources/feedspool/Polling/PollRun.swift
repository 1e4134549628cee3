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
///
/// Handled feeds wait in a group that is delivered in one spool batch and
/// recorded in one transaction (group commit: the syncs are paid per group,
/// not per feed) when `groupSize` feeds wait or no other response is ready,
/// so a slow feed never holds back the others' delivery.
struct PollRun {
    /// The most feeds delivered in one batch.
    static let groupSize = 64

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
        var group: [PreparedPoll] = []
        while let (id, result) = inbox.take() {
            let feed = feeds[id]
            // A feed listed twice waits for its first poll's delivery.
            if group.contains(where: { $0.feed == feed.name }) {
                failures += settle(group, progress: &progress)
                group = []
            }
            group.append(FeedPoll(feed: feed, state: state).prepare(result, now: Date()))
            if group.count >= Self.groupSize || !inbox.hasResult {
                failures += settle(group, progress: &progress)
                group = []
            }
        }
        failures += settle(group, progress: &progress)
        progress.end()
        return failures
    }

    /// Delivers a group's articles in one batch, records each feed's poll
    /// (its validators only when its articles are safe) in one transaction,
    /// and reports each feed; returns how many failed.
    private func settle(_ group: [PreparedPoll], progress: inout Progress) -> Int {
        guard !group.isEmpty else { return 0 }
        let batch = group.compactMap { poll in poll.articles.map { Spool.FeedArticles(feed: poll.feed, articles: $0) } }
        var delivery: Result<[String: [String]], SpoolError> = .success([:])
        if !batch.isEmpty {
            do {
                delivery = .success(try spool.deliver(batch, state: state, now: Date()))
            } catch {
                delivery = .failure(error)
            }
        }
        var settled = group
        for index in settled.indices {
            let feed = settled[index].feed
            settled[index].settle(settled[index].articles == nil ? nil : delivery.map { $0[feed]?.count ?? 0 })
        }
        do {
            try state.setFeedStates(settled.map { ($0.feed, $0.record) })
        } catch {
            for index in settled.indices {
                settled[index].outcome = .failed("cannot record the poll in the state store: \(error)")
            }
        }
        var failures = 0
        for poll in settled {
            switch poll.outcome {
            case .delivered(let count, let warning):
                progress.add(articles: count)
                if let warning { progress.print(warning: "\(poll.feed): \(warning)") }
            case .notModified, .skipped:
                break
            case .failed(let reason):
                failures += 1
                progress.print(error: "\(poll.feed): \(reason)")
            }
            progress.finishFeed()
        }
        return failures
    }
}
