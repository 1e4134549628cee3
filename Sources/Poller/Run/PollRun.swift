import Dispatch
import Fetcher
import Logging
import Spool
import State
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One pass over the feeds a `PollSelection` found due.
/// Fetched at once, prepared on worker threads, delivered in groups. `once` makes one pass; `run`
/// one a round.
///
/// The feeds are fetched concurrently on the fetcher's thread, and each
/// response is parsed and cleaned on one of `workers` threads as it arrives
/// (so that work overlaps the transfers and uses every core); delivery runs
/// on the caller's thread.
///
/// Prepared feeds wait in a group that is delivered in one spool batch and
/// recorded in one transaction (group commit: the syncs are paid per group,
/// not per feed) when `groupSize` feeds wait or no other response is ready
/// or being waited for by a worker, so a slow feed never holds back the
/// others' delivery.
public struct PollRun {
    /// The most feeds delivered in one batch.
    public static let groupSize = 64
    /// Threads that parse and clean: as many as the cores online, from 1 to 8.
    static let workers = max(1, min(8, sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// What a pass came to.
    public struct Tally: Sendable, Equatable {
        /// Feeds polled.
        public var polled = 0
        /// Articles put into `new/`.
        public var articles = 0
        /// Feeds whose poll failed.
        public var failed = 0
    }

    let state: StateStore
    let spool: Spool
    let fetchers: PollFetchers
    let clock: any PollClock
    /// Where warnings that belong to no one feed's outcome go (a feed found in flight after a crash).
    let log: Logger

    /// A pass with everything it reaches given.
    /// It fetches through `fetchers`, delivers into `spool`, records in
    /// `state`, reads the time from `clock` and logs to `log`.
    public init(state: StateStore, spool: Spool, fetchers: PollFetchers, clock: any PollClock = SystemClock(),
                log: Logger) {
        self.state = state
        self.spool = spool
        self.fetchers = fetchers
        self.clock = clock
        self.log = log
    }

    /// Polls `due` and delivers what is new.
    /// - Parameter settled: Called on this thread once per feed, as its poll
    ///   is settled, with the feed's name and what its poll came to.
    public func run(_ due: [PollSelection.Due], settled: (String, PollOutcome) -> Void) -> Tally {
        guard !due.isEmpty else { return Tally() }
        let requests = due.enumerated().map { index, item in
            FetchRequest(for: item.feed, id: index, state: item.state)
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
        let (feeds, state, clock) = (due.map(\.feed), self.state, self.clock)
        let poison = PoisonGuard(stateFolder: state.folder)
        for line in poison.recover(now: clock.now()) { log.warning("\(line)") }
        for _ in 0..<Self.workers {
            DispatchQueue.global(qos: .utility).async(group: workers) {
                while let (id, result) = fetched.take() {
                    let poll = FeedPoll(feed: feeds[id], state: state, pageFetcher: pageFetcher, poison: poison)
                    prepared.put(poll.prepare(result, now: clock.now()))
                }
            }
        }
        workers.notify(queue: .global(qos: .utility)) { prepared.close() }

        var tally = Tally()
        var group: [PreparedPoll] = []
        func settleGroup() {
            for poll in self.settle(group) {
                tally.polled += 1
                switch poll.outcome {
                case .delivered(let count, _): tally.articles += count
                case .failed: tally.failed += 1
                case .notModified, .skipped: break
                }
                settled(poll.feed, poll.outcome)
            }
            group = []
        }
        while let poll = prepared.take() {
            // A feed listed twice waits for its first poll's delivery.
            if group.contains(where: { $0.feed == poll.feed }) { settleGroup() }
            group.append(poll)
            // Deliver a full group, or whatever waits when no other work is
            // at hand; a group per response would pay the syncs per feed.
            if group.count >= Self.groupSize || (!prepared.hasItem && !fetched.hasItem) { settleGroup() }
        }
        settleGroup()
        return tally
    }

    /// Delivers a group's articles in one batch and returns the polls settled.
    /// Each feed's poll is recorded in one transaction (its validators only
    /// when its articles are safe).
    private func settle(_ group: [PreparedPoll]) -> [PreparedPoll] {
        guard !group.isEmpty else { return [] }
        let batch = group.compactMap { poll in poll.articles.map { Spool.FeedArticles(feed: poll.feed, articles: $0) } }
        var delivery: Result<[String: [String]], StorageError> = .success([:])
        if !batch.isEmpty {
            do {
                delivery = .success(try spool.deliver(batch, state: state, now: clock.now()))
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
        return settled
    }
}
