import Dispatch
import Fetcher
import Spool
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One pass over the feeds a `PollSelection` found due: fetch them
/// concurrently on the fetcher's thread, parse and clean each response on
/// `workers` threads as it arrives (so that work overlaps the transfers and
/// uses every core), and deliver on this thread. `once` makes one pass;
/// `run` one a round.
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

    /// What a pass came to.
    struct Tally: Sendable, Equatable {
        /// Feeds polled.
        var polled = 0
        /// Articles put into `new/`.
        var articles = 0
        /// Feeds whose poll failed, each reported on stderr.
        var failed = 0
    }

    let state: StateStore
    let spool: Spool
    let fetchers: PollFetchers
    /// Whether a terminal on stderr gets the progress line (`once`; the
    /// daemon's stderr is a log).
    let showsProgress: Bool
    /// Where each failure and warning is reported: `Log.plain` for `once`.
    let log: Log

    /// Polls `due`, delivers what is new, and reports each failure (and
    /// warning) on stderr, one line each.
    func run(_ due: [PollSelection.Due]) -> Tally {
        guard !due.isEmpty else { return Tally() }
        let requests = due.enumerated().map { index, item in
            FeedPoll.request(for: item.feed, id: index, state: item.state)
        }
        // Bounded, so that responses the workers have not reached yet never
        // pile up in memory; the fetcher's result queue waits for a place
        // instead (its transfers go on). The `utility` quality of service
        // asks Dispatch for nice 2, which any process may set (docs/daemon.md).
        let fetched = Inbox<(Int, Result<FetchResponse, FetchError>)>(capacity: 4 * Self.groupSize)
        let prepared = Inbox<PreparedPoll>(capacity: Self.groupSize)
        let (fetcher, pageFetcher) = (fetchers.feeds, fetchers.pages)
        DispatchQueue.global(qos: .utility).async {
            fetcher.fetch(requests) { id, result in fetched.put((id, result)) }
            fetched.close()
        }
        let workers = DispatchGroup()
        let (feeds, state) = (due.map(\.feed), self.state)
        let poison = PoisonGuard(stateFolder: state.folder)
        for line in poison.recover(now: Date()) { log.warning("warning: \(line)") }
        for _ in 0..<Self.workers {
            DispatchQueue.global(qos: .utility).async(group: workers) {
                while let (id, result) = fetched.take() {
                    let poll = FeedPoll(feed: feeds[id], state: state, pageFetcher: pageFetcher, poison: poison)
                    prepared.put(poll.prepare(result, now: Date()))
                }
            }
        }
        workers.notify(queue: .global(qos: .utility)) { prepared.close() }

        var progress = Progress(total: requests.count, drawn: showsProgress, log: log)
        var failures = 0
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
        return Tally(polled: progress.done, articles: progress.articles, failed: failures)
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
            try state.setFeedStates(settled.compactMap { poll in poll.record.map { (poll.feed, $0) } })
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
