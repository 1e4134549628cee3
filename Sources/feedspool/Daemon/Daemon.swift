import Config
import Dispatch
import Spool
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `feedspool run`'s loop: poll the feeds that are due, as one `PollRun`
/// (the machinery `once` uses), then sleep until the next feed is due or a
/// signal arrives; reload the configuration on SIGHUP, return on SIGTERM or
/// SIGINT. Logs one line per event to its `Log`: each failed feed with its
/// reason as `once` words it (an error), a summary per round (information),
/// reloads and problems.
///
/// When each feed is due is `PollSchedule`'s call, from what the state store
/// remembers: its interval, longer after failures, never before a server's
/// `Retry-After` or a host's `min-interval`, never for a feed gone (410).
struct Daemon {
    /// How long after the first feed falls due a round starts: the feeds due
    /// meanwhile join it, so that feeds polled together stay together and
    /// are delivered in one group commit. Feeds are polled late by up to
    /// this much, never early.
    static let gathering: Double = 1
    /// The longest the loop sleeps before it looks at the schedule again,
    /// so that a machine waking from suspend polls what fell due meanwhile.
    static let longestSleep: Double = 60
    /// How often the keys of entries that left their feeds long ago are
    /// forgotten (`keep-seen`): after the first round, then daily.
    static let pruneInterval: Double = 86_400

    private var configuration: Configuration
    private let state: StateStore
    private let spool: Spool
    private let signals: SignalWatch
    private let notifier: ServiceNotifier
    private let log: Log
    private var fetchers: PollFetchers
    /// When this process last polled each feed (see `PollSelection.init`).
    private var polledAt: [String: Date] = [:]
    private var lastPrune: Date?

    /// A loop over `configuration`'s feeds that logs to `log`; the spool
    /// must be recovered.
    init(configuration: Configuration, state: StateStore, spool: Spool, signals: SignalWatch,
         notifier: ServiceNotifier, log: Log) {
        self.configuration = configuration
        self.state = state
        self.spool = spool
        self.signals = signals
        self.notifier = notifier
        self.log = log
        fetchers = PollFetchers(for: configuration.feeds, globals: configuration.globals)
    }

    /// Polls until a stop signal.
    mutating func run() {
        reportGoneFeeds()
        while true {
            let requests = signals.take()
            if let stop = requests.stop {
                log.info("stopping on \(stop)")
                notifier.send("STOPPING=1")
                return
            }
            if requests.reload { reload() }
            let now = Date()
            let selection = PollSelection(configuration.feeds, state: state, at: now, force: .no, polledAt: polledAt)
            if !selection.due.isEmpty {
                poll(selection.due, at: now)
                continue
            }
            var wake = now.addingTimeInterval(Self.longestSleep)
            if let next = selection.nextDue { wake = min(wake, next.addingTimeInterval(Self.gathering)) }
            signals.wait(until: Self.wallTime(wake))
        }
    }

    // MARK: - Rounds

    /// Polls a round of due feeds, logs its summary, and prunes when it is time.
    private mutating func poll(_ due: [PollSelection.Due], at now: Date) {
        let run = PollRun(state: state, spool: spool, fetchers: fetchers, showsProgress: false, log: log)
        guard let tally = signals.polling({ run.run(due) }) else { return }
        for item in due { polledAt[item.feed.name] = now }
        let summary = "polled \(Self.count(tally.polled, "feed")), delivered \(Self.count(tally.articles, "article"))"
            + (tally.failed > 0 ? ", \(tally.failed) failed" : "")
        log.info(summary)
        notifier.send("STATUS=\(UTCClock.hoursAndMinutes(now)) UTC: \(summary)")
        if lastPrune.map({ now.timeIntervalSince($0) >= Self.pruneInterval }) ?? true {
            lastPrune = now
            do {
                try state.prune(retention: configuration.globals.keepSeen.timeInterval, now: now)
            } catch {
                log.error("cannot forget old seen entries: \(error)")
            }
        }
    }

    /// Names each gone feed once, at start and after a reload: the schedule
    /// leaves it out without another word.
    private func reportGoneFeeds() {
        for feed in configuration.feeds where (try? state.feedState(feed.name))?.gone == true {
            log.warning("\(feed.name): not polled: gone (HTTP 410); `feedspool once \(feed.name)` polls it again while run is stopped")
        }
    }

    // MARK: - Reloading

    /// Loads the configuration file again. With problems, logs each as
    /// `file:line: message` and keeps the running configuration. The spool
    /// and state folders stay as they were until a restart: the state store
    /// is locked and recovered for the spool it was opened with.
    private mutating func reload() {
        notifier.send("RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())")
        defer { notifier.send("READY=1") }
        var loaded: Configuration
        do {
            loaded = try ConfigLoader.load(path: configuration.path)
        } catch {
            ConfigPath.report(error, to: log)
            let problems = Self.count(error.problems.count, "problem")
            log.warning("kept the running configuration: \(configuration.path) has \(problems)")
            return
        }
        for (name, old, new) in [("spool", configuration.spoolPath, loaded.spoolPath),
                                 ("state", configuration.statePath, loaded.statePath)] where old != new {
            log.warning("warning: \(name) is now \(new): restart feedspool to use it; still using \(old)")
        }
        loaded.spoolPath = configuration.spoolPath
        loaded.statePath = configuration.statePath
        if !fetchers.serve(loaded) {
            fetchers = PollFetchers(for: loaded.feeds, globals: loaded.globals)
        }
        configuration = loaded
        log.info("reloaded \(configuration.path): \(Self.count(configuration.feeds.count, "feed"))")
        reportGoneFeeds()
    }

    // MARK: - Helpers

    /// "1 feed", "3 feeds".
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// `CLOCK_MONOTONIC` in microseconds, which systemd wants with `RELOADING=1`.
    private static func monotonicMicroseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1_000_000 + now.tv_nsec / 1000
    }

    /// `date` as a wall-clock deadline.
    private static func wallTime(_ date: Date) -> DispatchWallTime {
        let seconds = date.timeIntervalSince1970
        let whole = seconds.rounded(.down)
        return DispatchWallTime(timespec: timespec(tv_sec: Int(whole), tv_nsec: Int((seconds - whole) * 1e9)))
    }
}
