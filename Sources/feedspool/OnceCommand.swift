import ArgumentParser
import Config
import Dispatch
import Fetcher
import Scheduler
import Spool
import Synchronization
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `feedspool once`: polls every feed (or the ones named) once, now, and
/// delivers what is new into the spool.
struct OnceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "once",
        abstract: "Poll every feed (or the ones named) once and deliver new articles to the spool.",
        discussion: """
            Feeds are fetched concurrently within the configured caps. The interval is \\
            ignored, but a server's Retry-After and a host's min-interval are honoured, and a \\
            feed that answered 410 Gone is polled only when named. Exit status: 0 when every \\
            feed succeeded, 1 when some failed (each named on stderr with its reason; the \\
            others were still delivered), 2 for a configuration or usage error.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The configuration file (default: $FEEDSPOOL_CONFIG, else ./feeds.conf).", valueName: "PATH"))
    var config: String?

    @Argument(help: ArgumentHelp("Names of the feeds to poll (default: all).", valueName: "FEED"))
    var feeds: [String] = []

    func validate() throws {
        if config?.isEmpty == true { throw ValidationError("--config needs a path") }
    }

    func run() throws {
        let path = ConfigPath.resolve(config)
        let configuration: Configuration
        do {
            configuration = try ConfigLoader.load(path: path)
        } catch {
            for problem in error.problems { Console.diagnostic(problem.description) }
            throw ExitCode(2)
        }
        var selected = configuration.feeds
        if !feeds.isEmpty {
            let unknown = feeds.filter { configuration.feed(named: $0) == nil }
            if !unknown.isEmpty {
                Console.error("no feed named \(unknown.joined(separator: ", ")) in \(path)")
                throw ExitCode(2)
            }
            selected = feeds.compactMap { configuration.feed(named: $0) }
        }
        let (state, spool): (StateStore, Spool)
        do {
            state = try StateStore.open(folder: configuration.statePath)
            spool = Spool(path: configuration.spoolPath)
            try spool.recover(state: state)
        } catch {
            Console.error("\(error)")
            throw ExitCode(1)
        }
        let failures = PollRun(configuration: configuration, feeds: selected, forceGone: !feeds.isEmpty,
                               state: state, spool: spool).run()
        _ = try? state.prune(retention: configuration.globals.keepSeen.timeInterval)
        if failures > 0 { throw ExitCode(1) }
    }
}

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

/// Hands fetch results from the fetcher's thread to the thread that
/// processes them, in arrival order.
final class ResultInbox: Sendable {
    private let state = Mutex<(items: [(Int, Result<FetchResponse, FetchError>)], closed: Bool)>(([], false))
    private let signal = DispatchSemaphore(value: 0)

    func put(id: Int, result: Result<FetchResponse, FetchError>) {
        state.withLock { $0.items.append((id, result)) }
        signal.signal()
    }

    func close() {
        state.withLock { $0.closed = true }
        signal.signal()
    }

    /// The next result, waiting for one; nil once closed and drained.
    func take() -> (Int, Result<FetchResponse, FetchError>)? {
        while true {
            let next: (Int, Result<FetchResponse, FetchError>)?? = state.withLock { box in
                if !box.items.isEmpty { return .some(box.items.removeFirst()) }
                return box.closed ? .some(nil) : nil
            }
            if let next { return next }
            signal.wait()
        }
    }
}

extension Duration {
    /// The duration in seconds.
    var timeInterval: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
