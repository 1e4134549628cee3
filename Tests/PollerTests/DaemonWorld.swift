import Config
import Fetcher
import Foundation
import InMemoryLogging
import Logging
import Poller
import Spool
import State
import Synchronization

/// A clock that stands still until the test (or the daemon's sleep) moves it.
final class TestClock: PollClock {
    private let time: Mutex<Date>

    init(_ start: Date) {
        time = Mutex(start)
    }

    func now() -> Date { time.withLock { $0 } }

    /// Moves the clock forward to `date`; never back.
    func advance(to date: Date) {
        time.withLock { $0 = max($0, date) }
    }
}

/// Answers each feed's request at once, as the test set it up, and notes
/// when (by the test clock) each URL was fetched. Stands in for libcurl,
/// which the end-to-end tests and the Fetcher's own tests exercise.
final class AnsweringFetcher: FeedFetching {
    /// What a URL answers.
    enum Answer: Sendable {
        /// 200 with this body.
        case document(String)
        /// This status, with a `Retry-After` date.
        case status(Int, retryAfter: Date?)
        /// 200 with this body and these seconds of `Cache-Control: max-age`.
        case cached(String, maxAge: TimeInterval)
        /// 200 with this body, once the test clock moved on by `stuck` seconds: a round
        /// that hangs that long.
        case stuck(TimeInterval, String)
    }

    private let clock: TestClock
    private let answers: Mutex<[String: Answer]>
    private let fetched = Mutex<[(url: String, time: Date)]>([])

    init(clock: TestClock, answers: [String: Answer]) {
        self.clock = clock
        self.answers = Mutex(answers)
    }

    func fetch(_ requests: [FetchRequest], onResult: (Int, Result<FetchResponse, FetchError>) -> Void) {
        for request in requests {
            let now = clock.now()
            fetched.withLock { $0.append((request.url, now)) }
            let answer = answers.withLock { $0[request.url] }
            switch answer {
            case .document(let body):
                onResult(request.id, .success(FetchResponse(id: request.id, url: request.url, effectiveURL: request.url,
                                                            status: 200, body: Array(body.utf8))))
            case .cached(let body, let maxAge):
                onResult(request.id, .success(FetchResponse(id: request.id, url: request.url, effectiveURL: request.url,
                                                            status: 200, body: Array(body.utf8), freshFor: maxAge)))
            case .stuck(let seconds, let body):
                clock.advance(to: now.addingTimeInterval(seconds))
                onResult(request.id, .success(FetchResponse(id: request.id, url: request.url, effectiveURL: request.url,
                                                            status: 200, body: Array(body.utf8))))
            case .status(let status, let retryAfter):
                onResult(request.id, .success(FetchResponse(id: request.id, url: request.url, effectiveURL: request.url,
                                                            status: status, retryAfter: retryAfter)))
            case nil:
                onResult(request.id, .failure(.failed("Could not resolve host")))
            }
        }
    }

    /// Changes what `url` answers from now on.
    func answer(_ url: String, with answer: Answer) {
        answers.withLock { $0[url] = answer }
    }

    /// When `url` was fetched, in order.
    func times(_ url: String) -> [Date] {
        fetched.withLock { $0.filter { $0.url == url }.map(\.time) }
    }
}

/// The process around the daemon, made of the test clock: sleeping moves
/// the clock to the deadline at once, and the daemon is asked to stop when a
/// sleep would pass `stopAt`. `onSleep` may change the world between rounds.
final class TestHost: DaemonHost {
    private let clock: TestClock
    private let stopAt: Date
    private var pending = DaemonRequests()
    /// What the daemon told systemd, in order.
    var notified: [ServiceState] { notifications.map(\.state) }
    /// What the daemon told systemd, in order, with when (by the test clock).
    private(set) var notifications: [(state: ServiceState, time: Date)] = []
    /// Called at each sleep, before the clock moves; may return requests.
    var onSleep: (_ count: Int) -> DaemonRequests = { _ in DaemonRequests() }
    private var sleeps = 0

    init(clock: TestClock, stopAt: Date, requests: DaemonRequests = DaemonRequests()) {
        self.clock = clock
        self.stopAt = stopAt
        pending = requests
    }

    func takeRequests() -> DaemonRequests {
        defer { pending = DaemonRequests() }
        return pending
    }

    func sleep(until deadline: Date) {
        sleeps += 1
        let asked = onSleep(sleeps)
        pending.reload = pending.reload || asked.reload
        pending.stop = pending.stop ?? asked.stop
        if deadline > stopAt {
            pending.stop = pending.stop ?? "SIGTERM"
            return
        }
        clock.advance(to: deadline)
    }

    func polling<Result>(_ round: () -> Result) -> Result? { round() }

    func notify(_ state: ServiceState) { notifications.append((state, clock.now())) }

    /// When the daemon pinged the watchdog.
    var watchdogPings: [Date] { notifications.filter { $0.state == .watchdog }.map(\.time) }
}

/// A folder with `feeds.conf`, a state store and a spool, the daemon that
/// runs over them in-process, and what it logged.
final class DaemonWorld {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    let folder: String
    let clock = TestClock(DaemonWorld.start)
    let fetcher: AnsweringFetcher
    let logs = InMemoryLogHandler()
    private(set) var state: StateStore?
    let spool: Spool

    /// A world whose feeds answer as `answers` say, by URL.
    init(answers: [String: AnsweringFetcher.Answer]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("feedspool-poller-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        fetcher = AnsweringFetcher(clock: clock, answers: answers)
        spool = Spool(path: folder + "/spool")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    var configPath: String { folder + "/feeds.conf" }

    /// Writes `feeds.conf`.
    func configure(_ text: String) throws {
        try (text + "\n").write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// The state store, opened once.
    func store() throws -> StateStore {
        if let state { return state }
        let opened = try StateStore.open(folder: folder + "/state")
        state = opened
        return opened
    }

    /// Runs the daemon over `feeds.conf` until `host` stops it, under `watchdog` if given.
    func run(_ host: TestHost, watchdog: Watchdog? = nil) throws {
        let configuration = try ConfigLoader.load(path: configPath)
        let state = try store()
        try spool.recover(state: state)
        let fetcher = self.fetcher
        var daemon = Daemon(configuration: configuration, state: state, spool: spool, host: host, clock: clock,
                            log: Logger(label: "feedspool") { _ in self.logs },
                            makeFetchers: { PollFetchers(feeds: fetcher, pages: nil, for: $0) }, watchdog: watchdog)
        daemon.run()
    }

    /// The messages logged at `level`, in order.
    func logged(_ level: Logger.Level) -> [String] {
        logs.entries.filter { $0.level == level }.map(\.message.description)
    }

    /// The files in the spool's `new/`.
    func delivered() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: spool.newFolder).sorted()
    }
}

/// An RSS document with `count` items, numbered from 1.
func rss(_ title: String, items count: Int) -> String {
    let items = (1...max(1, count)).prefix(count).map { number in
        "<item><title>\(title) \(number)</title><guid>urn:\(title):\(number)</guid>"
            + "<link>https://example.org/\(title)/\(number)</link><description>Item \(number) of \(title).</description></item>"
    }
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(title)</title>"
        + "<link>https://example.org/\(title)</link>\(items.joined())</channel></rss>"
}
