import Config
import Logging
import Scheduler
import Spool
import State
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `feedspool run`'s loop.
/// Polls the feeds that are due as one `PollRun`, then sleeps until the next one is due or a
/// request arrives.
///
/// It reloads the configuration when asked to and returns when asked to
/// stop (its `DaemonHost` turns signals into those requests). It logs one
/// line per event: each failed feed with its reason as `once` words it (an
/// error), a summary per round (information), reloads and problems.
///
/// When each feed is due is `PollSchedule`'s call, from what the state store
/// remembers: its interval, longer after failures, never before a server's
/// `Retry-After` or a host's `min-interval`, never for a feed gone (410).
///
/// Under a systemd watchdog, the loop pings it (`Watchdog`) between rounds and as each feed
/// is settled, waking from sleep to do so.
public struct Daemon {
    /// How long after the first feed falls due a round starts.
    /// The feeds due meanwhile join it, so that feeds polled together stay together and are
    /// delivered in one group commit. Feeds are polled late by up to this much, never early.
    public static let gathering: Double = 1
    /// The longest the loop sleeps before it looks at the schedule again.
    /// So a machine waking from suspend polls what fell due meanwhile.
    public static let longestSleep: Double = 60
    /// How often the keys of entries that left their feeds long ago are forgotten (`keep-seen`).
    /// After the first round, then daily.
    public static let pruneInterval: Double = 86_400

    private var configuration: Configuration
    private let state: StateStore
    private let spool: Spool
    private let host: any DaemonHost
    private let clock: any PollClock
    private let log: Logger
    private let makeFetchers: (Configuration) -> PollFetchers
    private var fetchers: PollFetchers
    /// Runs the feeds' `exec` commands beside the rounds; nil for none (a Redis sink).
    private let hooks: HookQueue?
    /// When this process last polled each feed (see `PollSelection.init`).
    private var polledAt: [String: Date] = [:]
    private var lastPrune: Date?
    private var watchdog: Watchdog?

    /// A loop over `configuration`'s feeds; the spool must be recovered.
    /// - Parameters:
    ///   - host: Turns signals into requests, sleeps, tells systemd.
    ///   - clock: The time rounds are decided and recorded by.
    ///   - log: Where each event is logged.
    ///   - makeFetchers: The fetchers for a configuration: at start, and
    ///     after a reload that changed the caps or the need for pages.
    ///   - hooks: Runs the `exec` commands, recovered; the loop starts what is due each time
    ///     it wakes, and stops it before returning.
    ///   - watchdog: systemd's watchdog, when it set one.
    public init(configuration: Configuration, state: StateStore, spool: Spool, host: any DaemonHost,
                clock: any PollClock = SystemClock(), log: Logger,
                makeFetchers: @escaping (Configuration) -> PollFetchers = PollFetchers.init(for:),
                hooks: HookQueue? = nil, watchdog: Watchdog? = nil) {
        self.watchdog = watchdog
        self.configuration = configuration
        self.state = state
        self.spool = spool
        self.host = host
        self.clock = clock
        self.log = log
        self.makeFetchers = makeFetchers
        self.hooks = hooks
        fetchers = makeFetchers(configuration)
    }

    /// Polls until a stop request.
    public mutating func run() {
        reportGoneFeeds()
        while true {
            let requests = host.takeRequests()
            if let stop = requests.stop {
                log.info("stopping on \(stop)")
                host.notify(.stopping)
                hooks?.stop()
                return
            }
            if requests.reload { reload() }
            // Never waits: the commands run on the queue's own threads.
            hooks?.startDue()
            let now = clock.now()
            keepAlive(at: now)
            let selection = PollSelection(configuration.feeds, state: state, at: now, force: .no, polledAt: polledAt)
            if !selection.due.isEmpty {
                poll(selection.due, at: now)
                continue
            }
            let wake = Self.wake(after: now, nextDue: selection.nextDue)
            host.sleep(until: watchdog.map { min(wake, $0.nextPing(after: now)) } ?? wake)
        }
    }

    /// When the loop wakes when the first waiting feed falls due at `nextDue`.
    /// A gathering window later, and never after the longest sleep.
    public static func wake(after now: Date, nextDue: Date?) -> Date {
        let latest = now.addingTimeInterval(longestSleep)
        guard let nextDue else { return latest }
        return min(latest, nextDue.addingTimeInterval(gathering))
    }

    /// Pings the watchdog, when there is one and a ping is due at `now`.
    private mutating func keepAlive(at now: Date) {
        let host = self.host
        watchdog?.ping(host, at: now)
    }

    // MARK: - Rounds

    /// Polls a round of due feeds, logs its summary, and prunes when it is time.
    private mutating func poll(_ due: [PollSelection.Due], at now: Date) {
        let run = PollRun(state: state, spool: spool, fetchers: fetchers, clock: clock, log: log)
        let (log, host, clock) = (self.log, self.host, self.clock)
        var watchdog = self.watchdog
        guard let tally = host.polling({
            run.run(due) { feed, outcome in
                outcome.log(feed: feed, to: log)
                watchdog?.ping(host, at: clock.now())
            }
        })
        else { return }
        self.watchdog = watchdog
        for item in due { polledAt[item.feed.name] = now }
        let summary = "polled \(Self.count(tally.polled, "feed")), delivered \(Self.count(tally.articles, "article"))"
            + (tally.failed > 0 ? ", \(tally.failed) failed" : "")
        log.info("\(summary)")
        host.notify(.status("\(UTCClock.hoursAndMinutes(now)) UTC: \(summary)"))
        if lastPrune.map({ now.timeIntervalSince($0) >= Self.pruneInterval }) ?? true {
            lastPrune = now
            do {
                try state.prune(retention: configuration.globals.keepSeen.seconds, now: now)
            } catch {
                log.error("cannot forget old seen entries: \(error)")
            }
        }
    }

    /// Names each gone feed once, at start and after a reload.
    /// The schedule leaves it out without another word.
    private func reportGoneFeeds() {
        for feed in configuration.feeds where (try? state.feedState(feed.name))?.gone == true {
            log.warning("\(feed.name): not polled: gone (HTTP 410); `feedspool once \(feed.name)` polls it again while run is stopped",
                        metadata: Logger.unlabelled)
        }
    }

    // MARK: - Reloading

    /// Loads the configuration file again.
    /// With problems, logs each as `file:line: message` and keeps the running configuration. The
    /// spool and state folders stay as they were until a restart: the state store is locked and
    /// recovered for the spool it was opened with.
    private mutating func reload() {
        host.notify(.reloading)
        defer { host.notify(.ready) }
        var loaded: Configuration
        do {
            loaded = try ConfigLoader.load(path: configuration.path)
        } catch {
            for problem in error.problems { log.problem(problem.description) }
            let problems = Self.count(error.problems.count, "problem")
            log.warning("kept the running configuration: \(configuration.path) has \(problems)", metadata: Logger.unlabelled)
            return
        }
        for (name, old, new) in [("spool", configuration.spoolPath, loaded.spoolPath),
                                 ("state", configuration.statePath, loaded.statePath)] where old != new {
            log.warning("\(name) is now \(new): restart feedspool to use it; still using \(old)")
        }
        loaded.spoolPath = configuration.spoolPath
        loaded.statePath = configuration.statePath
        if !fetchers.serve(loaded) {
            fetchers = makeFetchers(loaded)
        }
        configuration = loaded
        hooks?.configure(loaded.feeds)
        log.info("reloaded \(configuration.path): \(Self.count(configuration.feeds.count, "feed"))")
        reportGoneFeeds()
    }

    // MARK: - Helpers

    /// "1 feed", "3 feeds".
    public static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
