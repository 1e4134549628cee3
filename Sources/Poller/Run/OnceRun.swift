import Config
import Logging
import Scheduler
import Spool
import State

/// `feedspool once`'s work: polls feeds now, runs their `exec` commands, and sums up what it came to.
///
/// Each feed left out is logged with why (`PollDecision.skipReason`); a feed
/// gone (410) and not named counts as failed. The files waiting in `new/` for
/// the polled feeds' `exec` commands are run and waited for.
public struct OnceRun {
    /// What a run came to.
    public struct Outcome {
        /// What the state store recorded for the feeds polled.
        public let totals: RunTotals
        /// Feeds the run was given.
        public let feeds: Int
        /// Feeds whose poll failed, and gone feeds left out.
        public let failures: Int
        /// `exec` runs that failed.
        public let execFailures: Int

        /// The run in one line (`22 feeds, 514 new, 3 updated, 1 failed`); nil when nothing was delivered or failed.
        public var summary: String? {
            totals.summary(feeds: feeds, failures: failures, execFailures: execFailures)
        }

        /// Whether anything failed, which makes `once`'s exit status 1.
        public var failed: Bool { failures + execFailures > 0 }
    }

    private let configuration: Configuration
    private let state: StateStore
    private let spool: Spool
    private let clock: any PollClock
    private let log: Logger
    private let makeFetchers: ([FeedSettings], GlobalSettings) -> PollFetchers

    /// A run over `configuration`'s spool, recovered, and its state.
    ///
    /// `makeFetchers` gives the fetchers for the due feeds.
    public init(configuration: Configuration, state: StateStore, spool: Spool, clock: any PollClock = SystemClock(),
                log: Logger,
                makeFetchers: @escaping ([FeedSettings], GlobalSettings) -> PollFetchers = PollFetchers.init(for:globals:)) {
        self.configuration = configuration
        self.state = state
        self.spool = spool
        self.clock = clock
        self.log = log
        self.makeFetchers = makeFetchers
    }

    /// Polls `feeds` as `force` allows, delivers, runs their `exec` commands, and prunes old seen entries.
    /// - Parameter draw: Draws the progress line on a terminal; nil when there is none.
    public func run(_ feeds: [FeedSettings], force: PollSchedule.Force, draw: ((String) -> Void)? = nil) -> Outcome {
        let selection = PollSelection(feeds, state: state, at: clock.now(), force: force)
        var failures = 0
        for (feed, decision) in selection.waiting {
            if let reason = decision.skipReason { log.error("\(feed.name): skipped: \(reason)") }
            if decision == .gone { failures += 1 }
        }
        let fetchers = makeFetchers(selection.due.map(\.feed), configuration.globals)
        var progress = ProgressLine(total: selection.due.count, log: log, draw: draw)
        failures += PollRun(state: state, spool: spool, fetchers: fetchers, clock: clock, log: log)
            .run(selection.due) { feed, outcome in progress.finish(feed, outcome) }.failed
        progress.clear()
        let hooks = runHooks(of: feeds)
        _ = try? state.prune(retention: configuration.globals.keepSeen.seconds, now: clock.now())
        return Outcome(totals: RunTotals(polled: selection.due.map(\.feed.name), state: state), feeds: feeds.count,
                       failures: failures, execFailures: hooks.failed)
    }

    /// Runs the `exec` commands of `feeds` on their files waiting in `new/`, and waits for them.
    /// The files are what this run delivered, and earlier failures whose retry time came.
    private func runHooks(of feeds: [FeedSettings]) -> HookQueue.Tally {
        guard spool.stream == nil else { return HookQueue.Tally() }
        let queue = HookQueue(spool: spool, state: state, feeds: configuration.feeds,
                              concurrency: configuration.globals.execConcurrency, clock: clock, log: log)
        do {
            // Also when no feed has exec any more: files a killed run claimed go back to new/.
            try queue.recover()
        } catch {
            log.error("\(error)")
            return HookQueue.Tally(failed: 1)
        }
        guard feeds.contains(where: { $0.hook != nil }) else { return HookQueue.Tally() }
        queue.startDue(only: Set(feeds.map(\.name)))
        return queue.finish()
    }
}
