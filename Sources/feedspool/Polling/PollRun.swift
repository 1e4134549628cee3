import Config
import Dispatch
import Fetcher
import Scheduler
import Spool
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One pass over a set of feeds: decide which may be polled, fetch them
/// concurrently on the fetcher's thread, parse and clean each response on
/// `workers` threads as it arrives (so that work overlaps the transfers and
/// uses every core), and deliver on this thread.
///
/// Prepared feeds wait in a group that is delivered in one spool batch and
/// recorded in one transaction (group commit: the syncs are paid per group,
/// not per feed) when `groupSize` feeds wait or no other response is ready
/// or being waited for by a worker, so a slow feed never holds back the
/// others' delivery.
struct PollRun {
    /// The most feeds delivered in one batch.
    static let groupSize = 64
    /// Threads that parse and clean: one per core, at least one.
    static let workers = max(1, min(8, sysconf(Int32(_SC_NPROCESSORS_ONLN))))

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

        // Bounded, so that responses the workers have not reached yet never
        // pile up in memory; the fetcher waits for a place instead.
        let fetched = Inbox<(Int, Result<FetchResponse, FetchError>)>(capacity: 4 * Self.groupSize)
        let prepared = Inbox<PreparedPoll>(capacity: Self.groupSize)
        let fetcher = Fetcher(concurrency: configuration.globals.concurrency, perHost: configuration.globals.perHost)
        let pending = requests
        DispatchQueue.global().async {
            fetcher.fetch(pending) { id, result in fetched.put((id, result)) }
            fetched.close()
        }
        // Pages for `fulltext=yes` come through a fetcher of their own, under
        // the same caps: the feeds' fetcher may be waiting for a worker to
        // take a response, so a worker must never wait for it.
        let pageFetcher = feeds.contains(where: \.fulltext)
            ? Fetcher(concurrency: configuration.globals.concurrency, perHost: configuration.globals.perHost) : nil
        let workers = DispatchGroup()
        let (feeds, state) = (self.feeds, self.state)
        for _ in 0..<Self.workers {
            DispatchQueue.global().async(group: workers) {
                while let (id, result) = fetched.take() {
                    let poll = FeedPoll(feed: feeds[id], state: state, pageFetcher: pageFetcher)
                    prepared.put(poll.prepare(result, now: Date()))
                }
            }
        }
        workers.notify(queue: .global()) { prepared.close() }

        var progress = Progress(total: requests.count)
        var group: [PreparedPoll] = []
        while let poll = prepared.take() {
            // A feed listed twice waits for its first poll's delivery.
            if group.contains(where: { $0.feed == poll.feed }) {
                failures += settle(group, progress: &progress)
                group = []
            }
            group.append(poll)
            // Deliver a full group, or whatever waits when no other work is
            // at hand; a group per response would pay the syncs per feed.
            if group.count >= Self.groupSize || (!prepared.hasItem && !fetched.hasItem) {
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
